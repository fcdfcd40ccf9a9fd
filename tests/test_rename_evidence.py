"""Which kept catalog of a gone article belongs to which new one (pipeline/renaming.py): German that other articles
have too (boilerplate) is no evidence of a rename, and two candidates that fit about equally are never told apart
by file name or order (fresh-user trial 24). Real git repositories, real extracts and builds, catalogs checked with
GNU msgfmt."""

from __future__ import annotations

import lxml.etree
import polib

from conftest import Project, article, msgfmt_check, review
from test_extract_check import git

BASE = "https://praxis.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
CALL = "**Haben Sie Fragen?** [Rufen Sie uns an](tel:+49761555123).\n"
MAGNESIUM = article("Magnesium bei Wadenkrämpfen", "Magnesium kann nächtliche Wadenkrämpfe lindern.\n\n" + CALL)
EISEN = article("Eisenmangel erkennen", "Müdigkeit kann auf Eisenmangel hinweisen.\n\n" + CALL)
VITAMIN = article("Vitamin D im Winter", "Im Winter bildet die Haut kaum Vitamin D.\n\n" + CALL)


def _configure(project: Project) -> None:
    project.write("verlag.toml", f'name = "Test"\nsource_language = "de"\nlanguages = ["en-GB"]\n\n[site]\n'
                                 f'base_url = "{BASE}"\n')
    project.write(".gitignore", "editions/\nsite/\nreview/\n.verlag/\n*.mo\n")


def _commit(project: Project, message: str) -> None:
    for args in (("add", "-A"), ("commit", "-q", "-m", message)):
        done = git(*args, cwd=project.root)
        assert done.returncode == 0, done.stderr


def _reviewed_magnesium(project: Project) -> None:
    """Trial 24's start: magnesium.md extracted, reviewed in British English by Oliver Smith, built, committed."""
    _configure(project)
    project.write("source_de/magnesium.md", MAGNESIUM)
    project.run("extract")
    keys = [(e.msgctxt, e.msgid) for e in polib.pofile(str(project.root / "translations/en-GB/magnesium.po"))]
    english = {("title", "Magnesium bei Wadenkrämpfen"): "Magnesium for calf cramps",
               "Magnesium kann nächtliche Wadenkrämpfe lindern.": "Magnesium can ease night-time calf cramps."}
    calls = [k for k in keys if k[0] is None and "Sie" in k[1]]
    assert calls, keys  # the closing call to action: one entry or two, as the segmenter splits it
    english.update({k: f"Any questions? {i}" if "Fragen" in k[1] else "[Call us](tel:+49761555123)."
                    for i, k in enumerate(calls)})
    path = review(project, "en-GB", "magnesium", english)
    po = polib.pofile(str(path))
    po.metadata["Last-Translator"] = "Oliver Smith <oliver@example.org>"
    po.save(str(path))
    project.run("build")
    git("init", "-q", cwd=project.root)
    _commit(project, "magnesium")


def _feed_ids(project: Project, lang: str) -> dict[str, str]:
    feed = lxml.etree.fromstring(project.read(f"site/{lang}/feed.xml").encode("utf-8"))
    return {entry.find(f"{ATOM}link").get("href"): entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")}


def test_trial_24_a_deleted_article_s_catalog_goes_to_no_new_article_that_shares_only_its_closing_line(project):
    """Trial 24: after ``git rm source_de/magnesium.md`` and two new articles with the same closing call to action,
    extract renamed magnesium.po to eisen.po (by file name, over the equally good vitamin-d), the template recorded
    ``X-Verlag-Renamed-From: magnesium``, Oliver kept the credit, and the build sent /de/magnesium/ to the iron
    article, which took over the old feed id. Now both new articles get catalogs of their own, the old one is kept as
    a deleted article's, extract says why, and the build makes no redirect."""
    _reviewed_magnesium(project)
    assert git("rm", "-q", "source_de/magnesium.md", cwd=project.root).returncode == 0
    project.write("source_de/eisen.md", EISEN)
    project.write("source_de/vitamin-d.md", VITAMIN)
    out = project.run("extract").output
    assert "renamed translations" not in out, out
    assert (project.root / "translations/en-GB/magnesium.po").exists()
    assert ("note: translations/en-GB/magnesium.po: not moved to source_de/eisen.md or source_de/vitamin-d.md: they "
            "share only German other articles have too ('**Haben Sie Fragen?**' …: boilerplate, no sign of the same "
            "article)") in out, out
    assert "no verlag extract has read" not in out
    assert ("warning: translations/en-GB/magnesium.po: no German article has this slug any more (its 3 reviewed "
            in out or "no German article has this slug any more (its 4 reviewed" in out), out
    for slug in ("eisen", "vitamin-d"):
        assert "X-Verlag-Renamed-From" not in project.read(f"translations/templates/{slug}.pot")
        po = polib.pofile(str(project.root / f"translations/en-GB/{slug}.po"))
        assert "Oliver" not in po.metadata.get("Last-Translator", "")
        assert not any(e.msgstr for e in po), slug  # made from the template: no translation of another article
        assert not po.obsolete_entries(), slug
        msgfmt_check(project.root / f"translations/en-GB/{slug}.po")
    # the translation memory still offers the closing line's reviewed translation, as a draft to review
    project.run("pretranslate", "--engine", "tm", "--lang", "en-GB")
    offered = {e.msgid: e for e in polib.pofile(str(project.root / "translations/en-GB/eisen.po"))}
    assert offered["[Rufen Sie uns an](tel:+49761555123)."].msgstr == "[Call us](tel:+49761555123)."
    assert offered["[Rufen Sie uns an](tel:+49761555123)."].fuzzy
    assert not offered["Müdigkeit kann auf Eisenmangel hinweisen."].msgstr
    built = project.run("build").output
    assert "magnesium → " not in built and "its file renamed" not in built, built
    assert "the published address /de/magnesium/ is gone (also in en-GB)" in built
    assert not (project.root / "site/de/magnesium/index.html").exists()
    assert not (project.root / "site/en-GB/magnesium/index.html").exists()
    assert not (project.root / "site/_redirects").exists() or "magnesium" not in project.read("site/_redirects")
    ids = _feed_ids(project, "de")
    assert ids[f"{BASE}de/eisen/"] == f"{BASE}de/eisen/"
    assert ids[f"{BASE}de/vitamin-d/"] == f"{BASE}de/vitamin-d/"
    status = project.run("status").output
    assert "kept: translations/en-GB/magnesium.po: no German article has this slug any more" in status, status
    assert project.run("extract").output.count("magnesium.po: not moved") == 0  # said once


def test_a_single_new_article_sharing_only_boilerplate_other_articles_have_is_a_new_article(project):
    """One new article whose only overlap with the deleted one is the closing line every article has: no rename,
    whichever articles there are."""
    _configure(project)
    project.write("source_de/zink.md", article("Zink und Immunsystem", "Zink stärkt die Abwehr.\n\n" + CALL))
    _reviewed_magnesium(project)
    (project.root / "source_de/magnesium.md").unlink()
    project.write("source_de/eisen.md", EISEN)
    out = project.run("extract").output
    assert "renamed translations" not in out, out
    assert "not moved to source_de/eisen.md: it shares only German other articles have too (" in out, out
    assert "mv translations/en-GB/magnesium.po translations/en-GB/eisen.po" in out
    assert not any(e.msgstr for e in polib.pofile(str(project.root / "translations/en-GB/eisen.po")))


def test_a_renamed_article_with_the_shared_closing_line_is_still_renamed(project):
    """A real rename among articles that share boilerplate: the title and sentences it alone has decide."""
    _configure(project)
    project.write("source_de/zink.md", article("Zink und Immunsystem", "Zink stärkt die Abwehr.\n\n" + CALL))
    _reviewed_magnesium(project)
    assert git("mv", "source_de/magnesium.md", "source_de/magnesium-kraempfe.md", cwd=project.root).returncode == 0
    project.write("source_de/eisen.md", EISEN)
    out = project.run("extract").output
    assert "renamed translations/en-GB/magnesium.po -> translations/en-GB/magnesium-kraempfe.po" in out, out
    po = polib.pofile(str(project.root / "translations/en-GB/magnesium-kraempfe.po"))
    assert po.find("Magnesium kann nächtliche Wadenkrämpfe lindern.").msgstr == \
        "Magnesium can ease night-time calf cramps."
    assert not any(e.msgstr for e in polib.pofile(str(project.root / "translations/en-GB/eisen.po")))
    assert "X-Verlag-Renamed-From: magnesium" in project.read("translations/templates/magnesium-kraempfe.pot")
    msgfmt_check(project.root / "translations/en-GB/magnesium-kraempfe.po")


def test_two_new_articles_that_fit_a_deleted_one_equally_are_not_told_apart_by_name(project):
    """An article copied to two new files (or split in two halves): each fits the kept catalog as well as the
    other, so neither takes it, and extract names both and how to move it by hand."""
    _configure(project)
    project.write("source_de/alt.md", article("Schlaf", "Schlaf heilt viel. Abends hilft Tee.\n\n"
                                                        "Morgens hilft Licht. Mittags hilft Ruhe.\n"))
    project.run("extract")
    review(project, "en-GB", "alt", {"Schlaf heilt viel.": "Sleep heals a lot."})
    (project.root / "source_de/alt.md").unlink()
    project.write("source_de/abend.md", article("Schlaf am Abend", "Schlaf heilt viel. Abends hilft Tee.\n"))
    project.write("source_de/morgen.md", article("Schlaf am Morgen", "Morgens hilft Licht. Mittags hilft Ruhe.\n"))
    out = project.run("extract").output
    assert "renamed translations" not in out, out
    assert ("warning: translations/en-GB/alt.po: not moved along: source_de/abend.md and source_de/morgen.md fit it "
            "about equally") in out, out
    assert "mv translations/en-GB/alt.po translations/en-GB/abend.po" in out
    assert (project.root / "translations/en-GB/alt.po").exists()
    for slug in ("abend", "morgen"):
        assert not any(e.msgstr for e in polib.pofile(str(project.root / f"translations/en-GB/{slug}.po")))


def test_the_build_takes_no_title_other_articles_have_too_for_a_rename(project):
    """The build's own rename finding (a file renamed and edited before any extract, known by its unchanged title):
    a title an article still there has too is boilerplate, no sign of the same article, so a deleted article's
    address does not go to a new one of that title; a title no other article has still tells a rename."""
    _configure(project)
    project.write("source_de/fragen-tee.md", article("Häufige Fragen", "Tee hilft oft.\n", translate="false"))
    project.write("source_de/fragen-schlaf.md", article("Häufige Fragen", "Schlaf hilft oft.\n", translate="false"))
    project.write("source_de/leber.md", article("Leber", "Die Leber arbeitet nachts.\n", translate="false"))
    project.run("build")
    (project.root / "source_de/fragen-tee.md").unlink()
    project.write("source_de/fragen-zecken.md", article("Häufige Fragen", "Zecken warten im Gras.\n",
                                                        translate="false"))
    (project.root / "source_de/leber.md").rename(project.root / "source_de/leber-nachts.md")
    project.write("source_de/leber-nachts.md", article("Leber", "Die Leber arbeitet in der Nacht.\n",
                                                       translate="false"))
    built = project.run("build").output
    assert "the published address /de/fragen-tee/ is gone" in built, built
    assert "fragen-tee → " not in built
    assert project.read("site/_redirects") == "/de/leber/  /de/leber-nachts/  301\n"
