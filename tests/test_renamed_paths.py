"""A path written anew for a file renamed as it was is no change of the text (trial 35): an image renamed with
``git mv`` and its new path written into ``![…](…)``, or an article renamed and the links to it fixed in the same
step (as Obsidian and VS Code do), keeps every reviewed translation reviewed, its path rewritten the same way, and
the medical review covering the text. Real git repositories, real renames."""

from __future__ import annotations

import json
import subprocess

import polib
from lxml import etree

from conftest import Project, article, msgfmt_check, review

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
META = {"reviewed_by": "Dr. med. Jana Vogt", "last_reviewed": "2026-04-01"}
JUNE_10 = "1781092800"  # SOURCE_DATE_EPOCH at noon UTC: a day after the review
ALT = "![Eine Frau hebt das Becken an.](bilder/{})"
ALT_EN = "![A woman lifts her pelvis.](bilder/{})"


def git(project: Project, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=project.root,
                          check=True, capture_output=True, text=True).stdout


def entries(project: Project, lang: str, slug: str) -> dict[str, polib.POEntry]:
    path = project.root / f"translations/{lang}/{slug}.po"
    msgfmt_check(path)
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}


def _reviewed_article_with_image(project: Project, body: str = "") -> None:
    """A health article with a reviewed image and sentence in English, committed."""
    project.write("source_de/bilder/bruecke.png", "")
    (project.root / "source_de/bilder/bruecke.png").write_bytes(PNG)
    (project.root / "source_de/bilder/kniebeuge.png").write_bytes(PNG + b"knie")
    text = (f"Heben Sie das Becken 3 x 10 Wdh. an.\n\n{ALT.format('bruecke.png')}\n\n"
            f"{ALT.format('kniebeuge.png').replace('hebt das Becken an', 'beugt die Knie')}\n{body}")
    project.write("source_de/ruecken.md", article("Rücken", text, **META))
    project.run("extract")
    review(project, "en", "ruecken", {
        ("title", "Rücken"): "Back", "Heben Sie das Becken 3 x 10 Wdh. an.": "Lift your pelvis 3 x 10 reps.",
        ALT.format("bruecke.png"): ALT_EN.format("bruecke.png"),
        ALT.format("kniebeuge.png").replace("hebt das Becken an", "beugt die Knie"):
            ALT_EN.format("kniebeuge.png").replace("lifts her pelvis", "bends her knees")})
    project.write(".gitignore", ".verlag/\nsite/\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "article")


def test_an_image_renamed_with_git_mv_keeps_its_reviewed_alt_text_and_the_medical_review(project, monkeypatch):
    """Trial 35: ``git mv bilder/bruecke.png bilder/uebung-bruecke.png`` and the new path written in; extract sent the
    reviewed alt text back to review (the English page showed the German alt text), and stamped the template
    X-Verlag-Text-Changed, so every page said the text changed after the medical review and schema.org dropped it,
    though no word changed. The alt text stays reviewed, its path rewritten, and the review covers the text; committed
    before extract, the rename is known all the same. An image renamed with other bytes under the new name is another
    picture: its alt text goes back to review, and that is a change of the text."""
    _reviewed_article_with_image(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    git(project, "mv", "source_de/bilder/bruecke.png", "source_de/bilder/uebung-bruecke.png")
    project.write("source_de/ruecken.md", project.read("source_de/ruecken.md").replace(
        "bilder/bruecke.png", "bilder/uebung-bruecke.png"))
    result = project.run("extract")
    assert "after its medical review" not in result.output and "set updated" not in result.output, result.output
    assert "source_de/ruecken.md:9: changed only in a renamed article's or file's path: ![Eine Frau" in result.output
    assert "en: 1 sentence whose German changed only in a link or image path to a renamed article or file" \
        in result.output, result.output
    kept = entries(project, "en", "ruecken")[ALT.format("uebung-bruecke.png")]
    assert kept.msgstr == ALT_EN.format("uebung-bruecke.png") and not kept.fuzzy and kept.previous_msgid is None
    assert "Text-Changed" not in project.read("translations/templates/ruecken.pot")
    assert "after its medical review" not in project.run("check").output
    project.run("build")
    page = etree.HTML(project.read("site/en/ruecken/index.html").encode("utf-8"))
    assert page.xpath("//img/@alt")[0] == "A woman lifts her pelvis."
    assert "text changed" not in " ".join(page.xpath('string(//p[@class="reviewed"])').split())
    data = json.loads(page.xpath('string(//script[@type="application/ld+json"])'))
    assert data["translationOfWork"]["lastReviewed"] == "2026-04-01"
    # committed first, then extracted: the old bytes come from the commit that removed the old path
    git(project, "add", "-A")
    git(project, "commit", "-qm", "rename")
    git(project, "mv", "source_de/bilder/uebung-bruecke.png", "source_de/bilder/bruecke-2.png")
    git(project, "commit", "-qm", "rename again")
    project.write("source_de/ruecken.md", project.read("source_de/ruecken.md").replace(
        "bilder/uebung-bruecke.png", "bilder/bruecke-2.png"))
    assert "after its medical review" not in project.run("extract").output
    assert not entries(project, "en", "ruecken")[ALT.format("bruecke-2.png")].fuzzy
    # another picture under a new name: the alt text may no longer fit it
    (project.root / "source_de/bilder/kniebeuge-neu.png").write_bytes(PNG + b"anders")
    git(project, "rm", "-q", "source_de/bilder/kniebeuge.png")
    project.write("source_de/ruecken.md", project.read("source_de/ruecken.md").replace(
        "bilder/kniebeuge.png", "bilder/kniebeuge-neu.png"))
    assert "after its medical review" in project.run("extract").output
    assert entries(project, "en", "ruecken")[
        ALT.format("kniebeuge-neu.png").replace("hebt das Becken an", "beugt die Knie")].fuzzy


def test_a_changed_web_address_in_a_health_text_stays_a_change_of_its_text(project, monkeypatch):
    """A source link's address is what the text cites: another address may say something else, and verlag cannot
    see that it does not. It goes back to review and outdates the medical review, as README says."""
    _reviewed_article_with_image(project, "\nQuelle: [Leitlinie](https://example.org/a).\n")
    review(project, "en", "ruecken", {"Quelle: [Leitlinie](https://example.org/a).":
                                      "Source: [guideline](https://example.org/a)."})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    project.write("source_de/ruecken.md", project.read("source_de/ruecken.md").replace(
        "https://example.org/a", "https://example.org/b"))
    assert "after its medical review" in project.run("extract").output
    assert entries(project, "en", "ruecken")["Quelle: [Leitlinie](https://example.org/b)."].fuzzy


def test_an_article_renamed_and_its_links_fixed_in_one_step_keeps_the_linking_sentence_reviewed(project,
                                                                                                  monkeypatch):
    """Trial 35: ``git mv uebungen.md rueckenuebungen.md`` and the link in knie.md fixed before the next extract (as
    Obsidian and VS Code do on a rename): "en: 1 changed sentence back to review", and the page showed it in German.
    Two steps (rename, extract, fix the link, extract) kept it reviewed; one step does the same now, and the medical
    review of knie.md still covers its text."""
    project.write("source_de/uebungen.md", article("Übungen", "Bewegen Sie sich täglich 30 Min.\n"))
    sentence = "Mehr finden Sie unter [Übungen](uebungen.md)."
    project.write("source_de/knie.md", article("Knie", f"Die Beugung erreicht ca. 90°.\n\n{sentence}\n", **META))
    project.run("extract")
    review(project, "en", "uebungen", {("title", "Übungen"): "Exercises",
                                      "Bewegen Sie sich täglich 30 Min.": "Move 30 min daily."})
    review(project, "en", "knie", {("title", "Knie"): "Knee", "Die Beugung erreicht ca. 90°.": "Flexion reaches "
                                   "about 90°.", sentence: "Find more under [exercises](uebungen.md)."})
    project.write(".gitignore", ".verlag/\nsite/\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "articles")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_10)
    git(project, "mv", "source_de/uebungen.md", "source_de/rueckenuebungen.md")
    project.write("source_de/knie.md", project.read("source_de/knie.md").replace("(uebungen.md)",
                                                                                 "(rueckenuebungen.md)"))
    result = project.run("extract")
    assert "back to review" not in result.output.replace("0 changed sentences back to review", ""), result.output
    assert "after its medical review" not in result.output and "set updated" not in result.output, result.output
    kept = entries(project, "en", "knie")["Mehr finden Sie unter [Übungen](rueckenuebungen.md)."]
    assert kept.msgstr == "Find more under [exercises](rueckenuebungen.md)." and not kept.fuzzy
    assert not entries(project, "en", "rueckenuebungen")["Bewegen Sie sich täglich 30 Min."].fuzzy


def test_a_file_s_old_bytes_come_from_disk_or_git_and_none_is_no_rename(tmp_path):
    """``same_file``: the old path still on disk is compared byte for byte; gone, in a folder that is no git work
    tree, its bytes are unknown and the path counts as changed; a path leaving source_de/ never names one file."""
    from pipeline.renamedfiles import same_file

    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder/a.png").write_bytes(PNG)
    (tmp_path / "bilder/b.png").write_bytes(PNG)
    (tmp_path / "bilder/c.png").write_bytes(PNG + b"c")
    assert same_file(tmp_path, "bilder/a.png", "bilder/b.png")
    assert not same_file(tmp_path, "bilder/a.png", "bilder/c.png")
    assert not same_file(tmp_path, "bilder/weg.png", "bilder/b.png")  # no git: the old bytes are unknown
    assert not same_file(tmp_path, "../a.png", "bilder/b.png") and not same_file(tmp_path, "bilder/a.png", "bilder/x")
