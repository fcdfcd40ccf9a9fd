"""What ``verlag extract`` does to a reviewed catalog when the author edits the German article.

Golden scenarios live in ``tests/merge/<scenario>/``:

``before.md``
    the German article the reviewer translated;
``before.po``
    its English catalog, fully reviewed, with a reviewer comment (``# ...``)
    and an extra reviewer flag on some entries;
``middle.md`` (optional)
    an intermediate edit, extracted before ``after.md`` (deleted-then-restored);
``after.md``
    the author's edit;
``expected.po``
    the English catalog after ``verlag extract`` on ``after.md``, compared byte
    for byte (``expected-middle.po`` likewise after ``middle.md``);
``flags`` (optional)
    extra ``verlag extract`` options for the scenario, e.g. ``--keep-typo-fixes``.

The test first extracts ``before.md`` and requires ``before.po`` to stay
byte-identical (so the golden input really is a catalog of ``before.md``),
then applies the edit, extracts, compares, runs ``msgfmt --check`` and checks
that a second extract (with the skip cache removed) changes nothing. Each
scenario also has a few explicit assertions on the merged catalog, so a
careless regeneration cannot quietly bless a regression.

Regenerate the golden files after an intended change of the merge or of the
PO rendering::

    VERLAG_REGENERATE=1 python -m pytest tests/test_merge.py

This writes ``expected.po`` / ``expected-middle.po`` instead of comparing.
Read every changed file (``git diff tests/merge``) before committing it: the
golden files are the specification of the merge.

Dates are stable because the autouse fixture fixes SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import REPO, Project, article, msgfmt_check, review
from pipeline.catalog import Notes, fingerprint, parse_po, redate, render, stale_sign_off
from pipeline.check import CHECKS as QA_CHECKS, check_catalog

HERE = Path(__file__).resolve().parent / "merge"
REGENERATE = os.environ.get("VERLAG_REGENERATE") == "1"
SCENARIOS = sorted(p.name for p in HERE.iterdir() if (p / "before.md").exists())
SLUG = "artikel"
RENAMED = {"article-renamed": ("a", "b")}  # scenario -> (slug before, slug after)

EN_ONLY = 'name = "Test"\nsource_language = "de"\nlanguages = ["en"]\n'


def en_project(project: Project, extra: str = "") -> Project:
    project.write("verlag.toml", EN_ONLY + extra)
    return project


def load(text: str) -> polib.POFile:
    return polib.pofile(text, wrapwidth=78)


def golden(path: Path, actual: str) -> None:
    if REGENERATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing; generate it with VERLAG_REGENERATE=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"merge result differs from {path.relative_to(HERE.parent)}"


def reviewer_work(po: polib.POFile) -> set[tuple[str, str]]:
    """Everything a reviewer wrote: translations and their own translator comment lines."""
    return ({("msgstr", e.msgstr) for e in po if e.msgstr}
            | {("comment", own) for e in po if (own := "\n".join(Notes.of(e).own))})


def extract(project: Project, source: Path, slug: str, rel_po: str) -> str:
    for old in (project.root / "source_de").glob("*.md"):
        old.unlink()
    project.write(f"source_de/{slug}.md", source.read_text(encoding="utf-8"))
    flags = source.parent / "flags"
    project.run("extract", *(flags.read_text(encoding="utf-8").split() if flags.exists() else ()))
    return project.read(rel_po)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_merge_scenario_matches_golden_catalog(project: Project, scenario: str):
    folder = HERE / scenario
    en_project(project)
    before_slug, after_slug = RENAMED.get(scenario, (SLUG, SLUG))
    before_rel, after_rel = f"translations/en/{before_slug}.po", f"translations/en/{after_slug}.po"
    before_po = (folder / "before.po").read_text(encoding="utf-8")
    project.write(before_rel, before_po)

    assert extract(project, folder / "before.md", before_slug, before_rel) == before_po, \
        "before.po is not what extract makes of before.md; fix before.po by hand"
    work = reviewer_work(load(before_po))

    if (folder / "middle.md").exists():
        middle = extract(project, folder / "middle.md", SLUG, before_rel)
        golden(folder / "expected-middle.po", middle)
        msgfmt_check(project.root / before_rel)
        assert work <= reviewer_work(load(middle)), "middle extract lost reviewer work"

    merged = extract(project, folder / "after.md", after_slug, after_rel)
    golden(folder / "expected.po", merged)
    msgfmt_check(project.root / after_rel)
    assert work <= reviewer_work(load(merged)), "extract lost reviewer work"
    CHECKS[scenario](load(before_po), load(merged), project)

    # An unchanged extract is a no-op, also when the skip cache is gone and the merge really runs.
    snapshot = project.snapshot()
    shutil.rmtree(project.root / ".verlag")
    result = project.run("extract")
    assert "extract: 0 files changed" in result.output
    assert project.snapshot() == snapshot


# ---- explicit expectations per scenario (independent of the golden bytes) ----

def active(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def reviewed(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in active(po) if e.msgstr and not e.fuzzy]


def entry(po: polib.POFile, msgid: str, ctxt: str | None = None) -> polib.POEntry:
    found = [e for e in po if e.msgid == msgid and e.msgctxt == ctxt]
    assert len(found) == 1, f"{len(found)} entries for {msgid!r}"
    return found[0]


def same_translations(before: polib.POFile, after: polib.POFile, *, except_: tuple[str, ...] = ()) -> None:
    for old in before:
        if old.msgid in except_:
            continue
        new = entry(after, old.msgid, old.msgctxt)
        assert (new.msgstr, new.fuzzy, new.obsolete) == (old.msgstr, False, False), old.msgid


def check_sentence_changed(before, after, project):
    old_id = "Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsäure."
    new = entry(after, "Ihre jungen Blätter enthalten reichlich Kalium, Eisen, Kieselsäure und Mineralstoffe.")
    assert new.fuzzy and new.previous_msgid == old_id
    assert new.msgstr == entry(before, old_id).msgstr
    assert [e.msgid for e in active(after) if e.fuzzy] == [new.msgid]
    paragraph = [e for e in active(after) if "block 1," in e.comment]
    assert len(paragraph) == 5 and sum(not e.fuzzy and bool(e.msgstr) for e in paragraph) == 4
    assert not after.obsolete_entries()
    same_translations(before, after, except_=(old_id,))


def check_sentence_inserted(before, after, project):
    new = entry(after, "Im Garten wächst sie an feuchten Stellen fast von selbst.")
    assert new.msgstr == "" and not new.fuzzy and new.previous_msgid is None
    assert "sentence 3 of 6" in new.comment
    assert len(reviewed(after)) == len(reviewed(before)) and not after.obsolete_entries()
    same_translations(before, after)


def check_sentence_deleted(before, after, project):
    gone = "Als Tee wirkt sie leicht entwässernd."
    (obsolete,) = after.obsolete_entries()
    assert obsolete.msgid == gone and obsolete.msgstr == entry(before, gone).msgstr
    assert not obsolete.occurrences
    assert not [e for e in active(after) if e.fuzzy or not e.msgstr]
    assert "#~ msgid \"Als Tee wirkt sie leicht entwässernd.\"" in str(after)
    same_translations(before, after, except_=(gone,))


def check_sentence_moved(before, after, project):
    moved = entry(after, "Trinken Sie über den Tag verteilt reichlich Wasser.")
    assert not moved.fuzzy and moved.msgstr == "Drink plenty of water throughout the day."
    assert moved.comment == "paragraph, block 3, sentence 3 of 3"
    assert moved.occurrences == [(f"source_de/{SLUG}.md", "13")]
    assert not after.obsolete_entries()
    same_translations(before, after)


def check_paragraph_split(before, after, project):
    assert entry(after, "In der Naturheilkunde wird sie dagegen seit Jahrhunderten geschätzt.").comment \
        == "paragraph, block 1, sentence 2 of 2"
    assert entry(after, "Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsäure.").comment \
        == "paragraph, block 2, sentence 1 of 3"
    assert not after.obsolete_entries()
    same_translations(before, after)


def check_heading_and_title_changed(before, after, project):
    title = entry(after, "Brennnesseltee im Frühling", "title")
    assert title.fuzzy and title.previous_msgid == "Brennnesseltee im Frühjahr"
    assert title.msgstr == "Nettle tea in spring" and "max-length:60" in title.flags
    heading = entry(after, "Zubereitung des Tees")
    assert heading.fuzzy and heading.previous_msgid == "Zubereitung" and heading.msgstr == "Preparation"
    assert heading.previous_msgctxt is None
    assert len([e for e in active(after) if e.fuzzy]) == 2 and not after.obsolete_entries()
    same_translations(before, after, except_=("Brennnesseltee im Frühjahr", "Zubereitung"))


def check_reviewer_comments_kept(before, after, project):
    changed = entry(after, "Deshalb wird sie gern für eine **Frühjahrskur** von vier Wochen verwendet.")
    assert changed.fuzzy and changed.tcomment.startswith("Terminology:")
    assert changed.flags == ["fuzzy", "markdown-text", "check-glossary"]
    kept = entry(after, "Trinken Sie über den Tag verteilt reichlich Wasser.")
    assert not kept.fuzzy and kept.tcomment == "Keep this short; it is shown as a tip box."
    assert kept.flags == ["markdown-text", "max-length:80"]
    (gone,) = after.obsolete_entries()
    assert gone.msgid.startswith("Lassen Sie den Tee") and gone.tcomment.startswith('"steep"')
    title = entry(after, "Brennnesseltee im Frühjahr", "title")
    assert not title.fuzzy and "max-length:60" in title.flags


def check_deleted_then_restored(before, after, project):
    restored = entry(after, "Als Tee wirkt sie leicht entwässernd.")
    assert not restored.obsolete and not restored.fuzzy
    assert restored.msgstr == "As a tea, it has a mild diuretic effect."
    assert not after.obsolete_entries()
    same_translations(before, after)
    # The author undid the deletion, so the catalog is the reviewed one again, byte for byte.
    assert project.read(f"translations/en/{SLUG}.po") == (HERE / "deleted-then-restored" / "before.po").read_text(encoding="utf-8")


def check_article_renamed(before, after, project):
    assert not (project.root / "translations/en/a.po").exists()
    assert not (project.root / "translations/templates/a.pot").exists()
    assert (project.root / "translations/templates/b.pot").exists()
    assert all(ref == "source_de/b.md" for e in after for ref, _ in e.occurrences)
    assert not after.obsolete_entries()
    same_translations(before, after)


def check_typo_fixes_kept(before, after, project):
    fixed = {"Die Brennnessel gilt vielen als lästiges Unkraut.": "Die Brennessel gilt vielen als lästiges Unkraut.",
             "Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsäure.":
                 "Ihre jungen Blätter enthalten viel Kalium,Eisen und Kieselsäure .",
             "Als Tee wirkt sie leicht entwässernd.": "Als Tee wirkt sie leicht entwäsernd.",
             "Übergießen Sie zwei Teelöffel getrocknete Blätter mit einem Viertelliter heißem Wasser.":
                 "Übergießen Sie zwei teelöffel getrocknete Blätter mit einem Viertelliter heißem Wasser.",
             "Worauf Sie achten sollten": "Worauf Sie achten solten"}
    for new_id, old_id in fixed.items():
        kept = entry(after, new_id)
        assert (kept.msgstr, kept.fuzzy, kept.previous_msgid) == (entry(before, old_id).msgstr, False, None)
    number = entry(after, "Lassen Sie den Tee etwa 12 Minuten ziehen und seihen Sie ihn dann ab.")
    assert number.fuzzy and number.previous_msgid == number.msgid.replace("12", "10")
    assert [e.msgid for e in active(after) if e.fuzzy] == [number.msgid] and not after.obsolete_entries()
    assert project.read(f"translations/en/{SLUG}.po").count("#| msgid") == 1


def check_typo_fixes_not_trivial(before, after, project):
    changed = {"Die Brennnessel gilt manchen als lästiges Unkraut.",  # a changed word
               "Ihre jungen Blätter enthalten viel Kalium, Eisen und Kiselsäre.",  # two letters
               "Als Tee wirkt Sie leicht entwässernd.",  # sie/Sie: a short word
               # the last letter
               "Übergießen Sie zwei Teelöffel getrocknete Blätter mit einen Viertelliter heißem Wasser.",
               "Bei Herz- oder Nierenerkrankungen sprechen Sie die Kur bitte vorher mit Ihrer "
               "[Ärztin](https://example.org/praxen) ab."}  # a link target
    assert {e.msgid for e in active(after) if e.fuzzy} == changed
    assert all(entry(after, msgid).previous_msgid for msgid in changed)
    assert not after.obsolete_entries()


def check_edited_twice(before, after, project):
    """Two successive edits of a reviewed sentence: ``#| msgid`` is still the German that was translated."""
    translated = "Legen Sie sich abends mit einer Wärmflasche auf die rechte Seite."
    edited = entry(after, "Legen Sie sich abends mit einem Kirschkernkissen auf die linke Seite.")
    assert edited.fuzzy and edited.msgstr == entry(before, translated).msgstr
    assert edited.previous_msgid == translated
    findings = check_catalog(parse_po(project.read(f"translations/en/{SLUG}.po"), "x.po"), "x.po", "en", SLUG,
                             checks=[c for c in QA_CHECKS if c.id == "stale"])
    assert [f.message for f in findings] == [
        "German changed since this translation was made: einer Wärmflasche -> einem Kirschkernkissen; "
        "rechte -> linke"]
    assert not after.obsolete_entries()
    same_translations(before, after, except_=(translated,))


def check_edit_undone(before, after, project):
    """An edit and its exact undo: each entry is in its state from before again, byte for byte."""
    assert project.read(f"translations/en/{SLUG}.po") == (HERE / "edit-undone" / "before.po").read_text(
        encoding="utf-8")
    assert not entry(after, "Bleiben Sie dazu 30 Minuten liegen.").fuzzy
    draft = entry(after, "Trinken Sie danach 2 Gläser warmes Wasser.")
    assert draft.fuzzy and draft.previous_msgid is None


def check_front_matter_reworded(before, after, project):
    """Title and summary, one of each per article, follow their old translation however the author changed them: a
    reworded title and a summary written anew are fuzzy, the old German as previous msgid. A tag replaced by
    another is a new entry, its old translation obsolete, never shown as the translation of the new name."""
    title = entry(after, "Die Brennnessel als Frühlingskur", "title")
    assert title.fuzzy and (title.previous_msgid, title.previous_msgctxt) == ("Brennnesseltee im Frühjahr", "title")
    assert title.msgstr == entry(before, "Brennnesseltee im Frühjahr", "title").msgstr
    was = "Warum eine Kur mit Brennnesseltee im Frühling guttut und worauf Sie dabei achten sollten."
    summary = entry(after, "Eine Tasse am Morgen, vier Wochen lang, so gelingt die Kur.", "summary")
    assert summary.fuzzy and (summary.previous_msgid, summary.previous_msgctxt) == (was, "summary")
    assert summary.msgstr == entry(before, was, "summary").msgstr
    assert not any(e.msgctxt == "summary" for e in after.obsolete_entries())
    assert entry(after, "Wildkräuter", "tag").msgstr == ""
    [gone] = [e for e in after.obsolete_entries() if (e.msgctxt, e.msgid) == ("tag", "Heilpflanzen")]
    assert gone.msgstr == entry(before, "Heilpflanzen", "tag").msgstr
    same_translations(before, after, except_=("Brennnesseltee im Frühjahr", "Heilpflanzen",
                                              "Warum eine Kur mit Brennnesseltee im Frühling guttut und worauf "
                                              "Sie dabei achten sollten."))


CHECKS = {
    "front-matter-reworded": check_front_matter_reworded,
    "sentence-changed": check_sentence_changed,
    "sentence-inserted": check_sentence_inserted,
    "sentence-deleted": check_sentence_deleted,
    "sentence-moved": check_sentence_moved,
    "paragraph-split": check_paragraph_split,
    "heading-and-title-changed": check_heading_and_title_changed,
    "reviewer-comments-kept": check_reviewer_comments_kept,
    "deleted-then-restored": check_deleted_then_restored,
    "article-renamed": check_article_renamed,
    "typo-fixes-kept": check_typo_fixes_kept,
    "typo-fixes-not-trivial": check_typo_fixes_not_trivial,
    "edited-twice": check_edited_twice,
    "edit-undone": check_edit_undone,
}


@pytest.mark.parametrize("scenario", ["edited-twice", "edit-undone"])
def test_previous_msgid_agrees_with_gnu_msgmerge_previous(project: Project, scenario: str):
    """The second extract of a scenario against ``msgmerge --previous`` on the same catalog and template.

    GNU keeps the text a stale translation was made for as ``#| msgid``; so do we. Where
    the German is back to exactly that text, GNU leaves the entry fuzzy with ``#| msgid``
    equal to its msgid; verlag gives it back its state from before the edit.
    """
    assert shutil.which("msgmerge"), "GNU gettext (msgmerge) is required: apt-get install gettext"
    folder = HERE / scenario
    en_project(project)
    rel = f"translations/en/{SLUG}.po"
    project.write(rel, (folder / "before.po").read_text(encoding="utf-8"))
    extract(project, folder / "before.md", SLUG, rel)
    middle = project.write("middle.po", extract(project, folder / "middle.md", SLUG, rel))
    ours = load(extract(project, folder / "after.md", SLUG, rel))
    gnu = subprocess.run(["msgmerge", "--previous", "--quiet", "-o", "-", str(middle),
                          str(project.root / f"translations/templates/{SLUG}.pot")],
                         capture_output=True, text=True, check=True).stdout
    before = load((folder / "before.po").read_text(encoding="utf-8"))
    compared = 0
    for theirs in active(load(gnu)):
        mine = entry(ours, theirs.msgid, theirs.msgctxt)
        assert mine.msgstr == theirs.msgstr
        if theirs.fuzzy and theirs.previous_msgid == theirs.msgid:
            assert mine.previous_msgid is None
            assert mine.fuzzy == entry(before, mine.msgid, mine.msgctxt).fuzzy
            compared += 1
        else:
            assert (mine.fuzzy, mine.previous_msgid) == (theirs.fuzzy, theirs.previous_msgid), mine.msgid
            compared += mine.previous_msgid is not None
    assert compared >= 1


def test_every_scenario_folder_is_complete_and_checked():
    assert set(SCENARIOS) == set(CHECKS)
    for name in SCENARIOS:
        files = {p.name for p in (HERE / name).iterdir()}
        assert {"before.md", "before.po", "after.md", "expected.po"} <= files, name
        assert ("middle.md" in files) == ("expected-middle.po" in files), name


# ---- plain tests ----

TEXT = """\
    Erster Satz im ersten Absatz. Zweiter Satz im ersten Absatz.

    ## Eine Überschrift

    Ein Absatz mit **fett** und einem [Link](https://example.org). Noch ein Satz. Und ein dritter.
    """


def test_extract_twice_gives_identical_files_and_the_second_run_writes_nothing(project: Project):
    project.write("source_de/eins.md", article("Eins", TEXT, tags="[A, B]"))
    project.write("source_de/zwei.md", article("Zwei", "Nur ein Satz.\n"))
    first = project.run("extract")
    assert "extract: 9 files changed (9 created)" in first.output  # 2 templates, 4 catalogs, site.po of de, en and fr
    snapshot = project.snapshot()
    mtimes = {p: p.stat().st_mtime_ns for p in project.root.rglob("*.po*")}

    second = project.run("extract")
    assert "extract: 0 files changed, 2 articles unchanged" in second.output
    assert project.snapshot() == snapshot

    shutil.rmtree(project.root / ".verlag")  # no skip cache (a fresh clone): the merge runs and writes nothing
    third = project.run("extract")
    assert "extract: 0 files changed, 2 articles unchanged" in third.output
    assert project.snapshot() == snapshot
    assert {p: p.stat().st_mtime_ns for p in project.root.rglob("*.po*")} == mtimes


def test_a_sentence_changed_and_changed_back_is_reported_as_reviewed_again_not_as_back_to_review(project: Project):
    en_project(project)
    project.write("source_de/eins.md", article("Eins", "Zecken mögen hohes Gras. Ein zweiter Satz.\n"))
    project.run("extract")
    review(project, "en", "eins", {"Zecken mögen hohes Gras.": "Ticks like tall grass."})
    project.write("source_de/eins.md", article("Eins", "Zecken lieben hohes Gras. Ein zweiter Satz.\n"))
    assert "en: 1 changed sentence back to review" in project.run("extract").output

    project.write("source_de/eins.md", article("Eins", "Zecken mögen hohes Gras. Ein zweiter Satz.\n"))
    output = project.run("extract").output
    assert "back to review" not in output
    assert "en: 1 sentence changed back to its reviewed German, reviewed again" in output
    assert "source_de/eins.md:5: restored: Zecken mögen hohes Gras." in output
    restored = polib.pofile(project.read("translations/en/eins.po")).find("Zecken mögen hohes Gras.")
    assert restored.msgstr == "Ticks like tall grass." and not restored.fuzzy and not restored.previous_msgid


def creation_dates(project: Project, slug: str) -> set[str]:
    dates = set()
    for rel in (f"translations/templates/{slug}.pot", f"translations/en/{slug}.po"):
        dates.add(polib.pofile(project.read(rel)).metadata["POT-Creation-Date"])
    return dates


def test_pot_creation_date_moves_only_when_the_source_text_changes(project: Project, monkeypatch):
    en_project(project)
    project.write("source_de/eins.md", article("Eins", TEXT))
    project.run("extract")
    assert creation_dates(project, "eins") == {"2026-05-28 20:26+0000"}  # SOURCE_DATE_EPOCH=1780000000

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    snapshot = project.snapshot()
    project.run("extract")
    shutil.rmtree(project.root / ".verlag")
    project.run("extract")
    assert project.snapshot() == snapshot
    assert creation_dates(project, "eins") == {"2026-05-28 20:26+0000"}

    project.write("source_de/eins.md", article("Eins", TEXT.replace("Noch ein Satz.", "Noch ein neuer Satz.")))
    project.run("extract")
    assert creation_dates(project, "eins") == {"2026-09-21 14:13+0000"}  # 1790000000
    msgfmt_check(project.root / "translations/en/eins.po")


def test_a_redated_template_is_the_template_rendered_with_the_new_date():
    """extract renders a changed template once and renders only its header again with the new date."""
    templates = sorted((REPO / "translations" / "templates").glob("*.pot"))
    assert templates
    for path in templates:
        pot = parse_po(path.read_text(encoding="utf-8"), path.name)
        text = render(pot)
        redated = redate(pot, text, "2031-02-03 04:05+0000")
        assert pot.metadata["POT-Creation-Date"] == "2031-02-03 04:05+0000"
        assert redated == render(pot) != text


def test_a_stale_translation_whose_sentence_is_deleted_stays_readable(project: Project, tmp_path):
    """A fuzzy entry with its previous German, retired as obsolete, keeps that text as GNU writes it
    (``#~| msgid``; ``#~ #| msgid`` was unreadable for polib, so the next extract failed on the catalog)."""
    en_project(project)
    project.write("source_de/eins.md", article("Eins", "Der erste Satz steht hier. Der zweite Satz ist lang genug.\n"))
    project.run("extract")
    review(project, "en", "eins", {"Der zweite Satz ist lang genug.": "The second sentence is long enough."})
    project.write("source_de/eins.md", article("Eins", "Der erste Satz steht hier. Der zweite Satz ist nun lang.\n"))
    project.run("extract")
    project.write("source_de/eins.md", article("Eins", "Der erste Satz steht hier.\n"))
    project.run("extract")
    path = project.root / "translations/en/eins.po"
    text = path.read_text(encoding="utf-8")
    assert '#~| msgid "Der zweite Satz ist lang genug."\n#~ msgid "Der zweite Satz ist nun lang."' in text
    project.write("source_de/eins.md", article("Eins", "Der erste Satz steht hier.\n\nNoch ein Satz.\n"))
    project.run("extract")
    gone = [e for e in parse_po(path.read_text(encoding="utf-8"), "eins.po") if e.obsolete]
    assert [(e.msgid, e.previous_msgid, e.fuzzy) for e in gone] == [
        ("Der zweite Satz ist nun lang.", "Der zweite Satz ist lang genug.", True)]
    msgfmt_check(path)
    gnu = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout
    assert gnu == path.read_text(encoding="utf-8").replace("#, fuzzy, markdown-text\n", "#, fuzzy\n").replace(
        "#, markdown-text\n", "")


def test_block_mode_makes_one_entry_per_paragraph(project: Project):
    en_project(project, 'segmentation = "block"\n')
    project.write("source_de/eins.md", article("Eins", TEXT))
    project.run("extract")
    po = polib.pofile(project.read("translations/en/eins.po"))
    assert [(e.msgctxt, e.msgid, e.comment) for e in po] == [
        ("title", "Eins", "title"),
        (None, "Erster Satz im ersten Absatz. Zweiter Satz im ersten Absatz.", "paragraph, block 1"),
        (None, "Eine Überschrift", "heading, block 2"),
        (None, "Ein Absatz mit **fett** und einem [Link](https://example.org). Noch ein Satz. Und ein dritter.",
         "paragraph, block 3"),
    ]
    msgfmt_check(project.root / "translations/en/eins.po")


def _stale(msgstr: str, reviewed: str, msgid: str = "Bleiben Sie 30 Minuten liegen.", fuzzy: bool = True) -> str:
    """A catalog with one entry whose translation "Stay … 30 minutes." was signed off as ``reviewed``."""
    return ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
            f'# previous msgid, reviewed {fingerprint(reviewed)}: "Bleiben Sie 30 Minuten liegen."\n'
            + ("#, fuzzy\n" if fuzzy else "")
            + f'#| msgid "Bleiben Sie 30 Minuten liegen."\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')


def test_german_back_to_its_translated_text_is_reviewed_again_only_with_the_signed_off_translation():
    signed_off = "Stay lying down for 30 minutes."
    back = parse_po(_stale(signed_off, signed_off), "x.po")[0]
    assert not back.fuzzy and back.previous_msgid is None and not back.tcomment
    touched = parse_po(_stale("Stay lying down for 20 minutes.", signed_off), "x.po")[0]
    assert touched.fuzzy and touched.previous_msgid is None and not touched.tcomment


def test_a_signed_off_entry_drops_its_previous_text():
    """Poedit and Weblate remove the fuzzy flag and the #| lines (verlag's record stays): the previous text
    explains nothing then. ``msgattrib --clear-fuzzy`` keeps the #| lines under the translation verlag's record
    names: nobody read the entry, it stays stale (``catalog.stale_sign_off``). A translation edited since (the
    record names another) was read, and is signed off whatever #| lines a text editor's user left."""
    text = _stale("Stay lying down for 20 minutes.", "x", msgid="Bleiben Sie 20 Minuten liegen.", fuzzy=False)
    poedit = "\n".join(line for line in text.split("\n") if not line.startswith("#|"))
    signed = parse_po(poedit, "x.po")[0]
    assert not signed.fuzzy and signed.previous_msgid is None and not signed.tcomment
    assert "#|" not in render(parse_po(poedit, "x.po"))
    edited = parse_po(text, "x.po")[0]
    assert not edited.fuzzy and edited.previous_msgid is None and not stale_sign_off(edited)
    unread = "Stay lying down for 30 minutes."
    cleared = parse_po(_stale(unread, unread, msgid="Bleiben Sie 20 Minuten liegen.", fuzzy=False), "x.po")[0]
    assert cleared.fuzzy and cleared.previous_msgid == "Bleiben Sie 30 Minuten liegen." and stale_sign_off(cleared)


def test_a_sentence_whose_words_were_reordered_keeps_its_translation_as_fuzzy(project: Project):
    """Reordering words scores below the edit-ratio threshold (59.6 < 60) but is the same sentence: the
    reviewed English comes along as fuzzy with ``#| msgid``, never only to ``#~``."""
    project.write("source_de/a.md", article("A", "Sie liefert Mineralstoffe nach dem Winter.\n"))
    project.run("extract")
    review(project, "en", "a", {"Sie liefert Mineralstoffe nach dem Winter.": "It supplies minerals after the winter."})
    project.write("source_de/a.md", article("A", "Sie liefert nach dem Winter wertvolle Mineralstoffe.\n"))
    project.run("extract")
    po = polib.pofile(str(project.root / "translations/en/a.po"))
    entry = po.find("Sie liefert nach dem Winter wertvolle Mineralstoffe.")
    assert entry.fuzzy and entry.msgstr == "It supplies minerals after the winter."
    assert entry.previous_msgid == "Sie liefert Mineralstoffe nach dem Winter."
    msgfmt_check(project.root / "translations/en/a.po")


LEBER = "Die Leber ist ein wichtiges Organ. Sie arbeitet nachts am meisten.\n\n## Zubereitung\n\nTrinken Sie viel Wasser.\n"


def test_a_title_written_anew_keeps_its_translation_for_review_and_a_replaced_tag_inherits_none(project: Project):
    """An article has one title: a reworded one and one written anew both take the old title's translation, fuzzy
    with the old German as previous msgid, for the reviewer to check (the page shows the German title meanwhile,
    as for any stale entry). A tag is a name, so even a nearly equal one is a new entry."""
    en_project(project)
    project.write("source_de/leber.md", article("Die Leber entgiften", LEBER, tags="[Leber, Niere]"))
    project.run("extract")
    review(project, "en", "leber", {("title", "Die Leber entgiften"): "Detoxing the liver",
                                    ("tag", "Leber"): "Liver", ("tag", "Niere"): "Kidney"})
    project.write("source_de/leber.md", article("Die Leber sanft entgiften", LEBER, tags="[Schlaf, Nieren]"))
    assert "en: 1 changed sentence back to review (fuzzy, the old German shown as previous msgid), 2 new, 2 no " \
        "longer used" in project.run("extract").output
    po = polib.pofile(project.read("translations/en/leber.po"))
    title = entry(po, "Die Leber sanft entgiften", "title")
    assert (title.msgstr, title.fuzzy, title.previous_msgid) == ("Detoxing the liver", True, "Die Leber entgiften")
    for msgid in ("Schlaf", "Nieren"):
        assert (entry(po, msgid, "tag").msgstr, entry(po, msgid, "tag").fuzzy) == ("", False), msgid
    assert {(e.msgctxt, e.msgstr) for e in po.obsolete_entries()} == {("tag", "Liver"), ("tag", "Kidney")}
    project.write("source_de/leber.md", article("Schlafstörungen bei Kindern", LEBER, tags="[Schlaf, Nieren]"))
    assert "en: 1 changed sentence back to review (fuzzy, the old German shown as previous msgid)" \
        in project.run("extract").output
    po = polib.pofile(project.read("translations/en/leber.po"))
    title = entry(po, "Schlafstörungen bei Kindern", "title")
    assert (title.msgstr, title.fuzzy, title.previous_msgid) == ("Detoxing the liver", True, "Die Leber entgiften")
    assert not any(e.msgctxt == "title" for e in po.obsolete_entries())
    msgfmt_check(project.root / "translations/en/leber.po")


def test_a_reviewed_title_and_summary_follow_the_changed_field_however_unlike_never_to_obsolete(project: Project):
    """The reviewer's "Tea" for the title "Tee" stays the title's when the author makes it "Tee am Abend" (40 alike
    by ``catalog.similarity``, under the pairing threshold of 60), fuzzy with "Tee" as previous msgid; the same for
    the summary, rewritten. Neither goes to an obsolete entry (#~) nor to a heading "Tee" new in the body, which is
    more alike to the old title than the new title is: a field an article has once pairs with itself."""
    en_project(project)
    body = "Ein Satz über Kräuter.\n"
    project.write("source_de/tee.md", article("Tee", body, summary="Kurz gesagt.", tags="[Kräuter]"))
    project.run("extract")
    review(project, "en", "tee", {("title", "Tee"): "Tea", ("summary", "Kurz gesagt."): "In short.",
                                  ("tag", "Kräuter"): "Herbs", "Ein Satz über Kräuter.": "A sentence on herbs."})
    project.write("source_de/tee.md", article("Tee am Abend", body + "\n## Tee\n\nWarm trinken.\n",
                                              summary="Was eine Tasse vor dem Schlafen bewirkt.", tags="[Kräutertee]"))
    output = project.run("extract").output
    assert "en: 2 changed sentences back to review (fuzzy, the old German shown as previous msgid), 3 new, 1 no " \
        "longer used" in output, output
    path = project.root / "translations/en/tee.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    for context, old, new, text in (("title", "Tee", "Tee am Abend", "Tea"),
                                     ("summary", "Kurz gesagt.", "Was eine Tasse vor dem Schlafen bewirkt.",
                                      "In short.")):
        now = entry(po, new, context)
        assert (now.msgstr, now.fuzzy, now.previous_msgctxt, now.previous_msgid) == (text, True, context, old)
    assert (entry(po, "Tee").msgstr, entry(po, "Tee").fuzzy) == ("", False)
    assert {(e.msgctxt, e.msgid, e.msgstr) for e in po.obsolete_entries()} == {("tag", "Kräuter", "Herbs")}
    review(project, "en", "tee", {("title", "Tee am Abend"): "Tea in the evening"})
    project.run("extract")
    msgfmt_check(path)
    title = entry(polib.pofile(str(path)), "Tee am Abend", "title")
    assert (title.msgstr, title.fuzzy, title.previous_msgid) == ("Tea in the evening", False, None)


def test_a_reviewers_comment_on_an_untouched_machine_draft_stays_with_the_sentence_the_author_changed(
        project: Project):
    """The reviewer notes a question on a machine draft without changing it; the author rewords the sentence, so
    extract retires the draft (obsolete, to draft again). The note stays on the sentence's live entry, and again
    on the draft pretranslate makes for it ("Your own # comments survive every update")."""
    project.write("source_de/z.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im Gras.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    path = project.root / "translations/en/z.po"
    po = polib.pofile(str(path))
    entry = po.find("Sie warten im Gras.")
    entry.tcomment = "Ask the author which grass.\n" + entry.tcomment
    po.save(str(path))
    project.write("source_de/z.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im hohen Gras.\n"))
    assert "1 changed sentence to draft again" in project.run("extract").output
    msgfmt_check(path)
    live = polib.pofile(str(path)).find("Sie warten im hohen Gras.")
    assert live.msgstr == "" and live.tcomment == "Ask the author which grass."
    project.run("pretranslate", "--engine", "pseudo", "--lang", "en")
    project.run("extract")
    live = polib.pofile(str(path)).find("Sie warten im hohen Gras.")
    assert live.msgstr and live.fuzzy and live.tcomment.startswith("Ask the author which grass.\nmt: pseudo\n")


def test_a_reviewers_comment_on_an_untranslated_sentence_stays_with_it_when_the_author_rewords_it(
        project: Project):
    """A note on a sentence nobody translated yet (a question for the author) goes with the sentence to its
    reworded German, instead of into an obsolete entry of the old German that no tool shows with it."""
    project.write("source_de/z.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im Gras.\n"))
    project.run("extract")
    path = project.root / "translations/en/z.po"
    po = polib.pofile(str(path))
    po.find("Sie warten im Gras.").tcomment = "Ask the author which grass."
    po.save(str(path))
    project.run("extract")
    project.write("source_de/z.md", article("Zecken", "Endlich ist es warm.\n\nSie warten im hohen Gras.\n"))
    project.run("extract")
    msgfmt_check(path)
    po = polib.pofile(str(path))
    assert po.find("Sie warten im hohen Gras.").tcomment == "Ask the author which grass."
    assert not [e for e in po.obsolete_entries() if "Ask the author" in (e.tcomment or "")]


WHOLE = "Brennnesseln wachsen fast überall im Garten, und im Frühling sind ihre jungen Blätter am zartesten."
HALVES = ("Brennnesseln wachsen fast überall im Garten.", "Im Frühling sind ihre jungen Blätter am zartesten.")
WHOLE_EN = "Nettles grow almost everywhere in the garden, and their young leaves are most tender in spring."
HALVES_EN = ("Nettles grow almost everywhere in the garden.", "In spring their young leaves are most tender.")


def nettles(project: Project, *sentences: str) -> None:
    project.write("source_de/n.md", article("Brennnesseln", " ".join(sentences) + "\n\nTrinken Sie viel Wasser.\n"))


def test_a_sentence_the_author_splits_in_two_offers_its_translation_on_both_halves(project: Project):
    """msgmerge offers one old translation to every new msgid it matches: each half of a split sentence gets the
    reviewed translation of the whole, fuzzy, the whole German as previous msgid, and extract says it was split
    (the first half was an empty new entry, the translation only on the second, one the reviewer had to find)."""
    en_project(project)
    nettles(project, WHOLE)
    project.run("extract")
    review(project, "en", "n", {WHOLE: WHOLE_EN, "Trinken Sie viel Wasser.": "Drink plenty of water."})
    nettles(project, *HALVES)
    output = project.run("extract").output
    assert f"source_de/n.md:5: split into 2, its translation on each (fuzzy): {WHOLE[:59]}…" in output
    assert "en: 2 changed sentences back to review (fuzzy, the old German shown as previous msgid), 0 new, " \
           "0 no longer used" in output
    path = project.root / "translations/en/n.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    for half in HALVES:
        assert (entry(po, half).msgstr, entry(po, half).fuzzy, entry(po, half).previous_msgid) \
            == (WHOLE_EN, True, WHOLE), half
    assert not po.obsolete_entries()


def test_a_split_in_one_language_and_none_in_another_is_one_line_saying_what_happened_in_each(project: Project):
    """The English catalog had the whole sentence reviewed, the French none: extract said 'split into 2' of the
    old German and, for French, 'changed' and 'new' of its two halves, three lines for one change of the author's.
    It is one line, naming what each language got."""
    nettles(project, WHOLE)
    project.run("extract")
    review(project, "en", "n", {WHOLE: WHOLE_EN})
    nettles(project, *HALVES)
    output = project.run("extract").output
    said = [line for line in output.splitlines() if line.startswith("source_de/n.md:")]
    assert said == [f"source_de/n.md:5: split into 2, its translation on each (fuzzy) in en; fr: not split, its "
                    f"sentences changed and new there: {WHOLE[:59]}…"], output
    for lang in ("en", "fr"):
        msgfmt_check(project.root / f"translations/{lang}/n.po")
    po = polib.pofile(str(project.root / "translations/en/n.po"))
    assert all((entry(po, half).msgstr, entry(po, half).fuzzy) == (WHOLE_EN, True) for half in HALVES)


def test_sentences_the_author_joins_into_one_offer_both_translations_joined(project: Project):
    """Two reviewed sentences joined into one: the new sentence gets both translations joined, fuzzy, the two
    sentences' German as previous msgid (msgmerge keeps the more alike one only: the other translation was
    offered nowhere); the old entries stay obsolete, so splitting the sentence back makes both reviewed again."""
    en_project(project)
    nettles(project, *HALVES)
    project.run("extract")
    review(project, "en", "n", dict(zip(HALVES, HALVES_EN)))
    nettles(project, WHOLE)
    output = project.run("extract").output
    assert f"source_de/n.md:5: joined from 2, their translations joined (fuzzy): {WHOLE[:59]}…" in output
    assert "removed" not in output
    path = project.root / "translations/en/n.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    joined = entry(po, WHOLE)
    assert (joined.msgstr, joined.fuzzy, joined.previous_msgid) == (" ".join(HALVES_EN), True, " ".join(HALVES))
    assert {(e.msgid, e.msgstr) for e in po.obsolete_entries()} == set(zip(HALVES, HALVES_EN))
    nettles(project, *HALVES)
    assert "2 removed sentences put back" in project.run("extract").output
    msgfmt_check(path)
    po = polib.pofile(str(path))
    assert [(e.msgid, e.msgstr, e.fuzzy) for e in po if e.msgid in HALVES] \
        == [(half, text, False) for half, text in zip(HALVES, HALVES_EN)]


ADDRESS = ["Gemeinschaftspraxis am Lindenhof", "Praxis Jana Brenner", "Am Anger 4", "Hinterhaus, zweiter Stock",
           "79100 Freiburg"]
POEM = ["Der Nebel liegt am Morgen", "noch über dem stillen Feld", "die Amsel singt verborgen",
        "ihr Lied in die kühle Welt"]
LINES_IN = {"en": (["Lindenhof joint practice", "Practice of Jana Brenner", "Am Anger 4", "Rear building, second floor",
                    "79100 Freiburg"],
                   ["The mist lies in the morning", "still over the quiet field", "the blackbird sings unseen",
                    "its song into the cool world"]),
            "fr": (["Cabinet de groupe du Lindenhof", "Cabinet de Jana Brenner", "Am Anger 4",
                    "Bâtiment arrière, deuxième étage", "79100 Fribourg"],
                   ["La brume repose le matin", "encore sur le champ silencieux", "le merle chante caché",
                    "son chant dans le monde frais"])}


def test_an_address_and_a_poem_whose_lines_were_reviewed_entries_come_back_whole_with_their_breaks(project: Project):
    """A catalog from when a hard break ended a segment holds each line of an address or a poem as a reviewed entry;
    the one msgid that replaces them, however many lines it has, takes every line's translation, fuzzy, each line
    ending in the German's break marker (joined by a space, the lines would run together on the page)."""
    project.write("verlag.toml", EN_ONLY.replace('languages = ["en"]', 'languages = ["en", "fr"]'))
    project.write("source_de/a.md", article("Anfahrt", "\n\n".join(ADDRESS + POEM) + "\n"))
    project.run("extract")
    for lang, (address, poem) in LINES_IN.items():
        review(project, lang, "a", {("title", "Anfahrt"): "Anfahrt", **dict(zip(ADDRESS + POEM, address + poem))})
    address_de = "  \n".join(ADDRESS[:3]) + "\\\n" + "  \n".join(ADDRESS[3:])
    poem_de = "\\\n".join(POEM)
    project.write("source_de/a.md", article("Anfahrt", address_de + "\n\n" + poem_de + "\n"))
    project.run("extract")
    for lang, (address, poem) in LINES_IN.items():
        path = project.root / f"translations/{lang}/a.po"
        msgfmt_check(path)
        po = polib.pofile(str(path))
        whole = entry(po, address_de)
        assert (whole.msgstr, whole.fuzzy) == ("  \n".join(address[:3]) + "\\\n" + "  \n".join(address[3:]), True)
        whole = entry(po, poem_de)
        assert (whole.msgstr, whole.fuzzy) == ("\\\n".join(poem), True)


def test_a_poem_whose_first_and_last_lines_changed_takes_every_line_s_translation_found_by_its_middle_lines(
        project: Project):
    """A msgid of more than three lines that no old entry was paired with was looked for among the old entries of
    its lines by its first or its last line only: a poem whose first and last lines the author rewrote (neither
    alike to any old line) was joined from its two middle lines alone, their translations run together by a space
    and the first and last lines' reviewed translations made obsolete. Any of its lines finds the run now: every
    line's translation comes back, fuzzy, each ending in the German's break, the old lines as previous msgid."""
    en_project(project)
    project.write("source_de/a.md", article("Anfahrt", "\n\n".join(POEM) + "\n"))
    project.run("extract")
    _, poem = LINES_IN["en"]
    review(project, "en", "a", {("title", "Anfahrt"): "Anfahrt", **dict(zip(POEM, poem))})
    poem_de = "\\\n".join(["Am frühen Tag im Grauen", *POEM[1:3], "bis dann die Sonne kommt"])
    project.write("source_de/a.md", article("Anfahrt", poem_de + "\n"))
    project.run("extract")
    path = project.root / "translations/en/a.po"
    msgfmt_check(path)
    whole = entry(polib.pofile(str(path)), poem_de)
    assert (whole.msgstr, whole.fuzzy, whole.previous_msgid) == ("\\\n".join(poem), True, " ".join(POEM))


def test_a_new_sentence_beside_a_changed_one_is_no_half_of_a_split(project: Project):
    """A sentence inserted after one the author reworded stays new and empty: the two joined are less like the
    old German than the reworded one alone, so no translation is offered where none was made."""
    en_project(project)
    nettles(project, "Sie warten im Gras auf uns.")
    project.run("extract")
    review(project, "en", "n", {"Sie warten im Gras auf uns.": "They wait for us in the grass."})
    nettles(project, "Sie warten im hohen Gras auf uns.", "Zecken sind klein.")
    project.run("extract")
    po = polib.pofile(str(project.root / "translations/en/n.po"))
    assert (entry(po, "Zecken sind klein.").msgstr, entry(po, "Sie warten im hohen Gras auf uns.").fuzzy) == ("", True)


BACK_TO_REVIEW = "changed sentence back to review (fuzzy, the old German shown as previous msgid)"
DOSIS = "Ein Satz über Tee.\n\n## Dosierung\n\nZwei Tassen am Tag genügen.\n"


def test_a_heading_the_author_extends_keeps_its_signed_off_translation_for_review_not_obsolete(project: Project):
    """Fresh-user trial 27: "Dosierung" -> "Dosierung für Erwachsene" is 54.5 alike (``catalog.similarity``), under
    the pairing threshold of 60, so the reviewer's "Dosage" went to ``#~`` and the new heading was empty. Every word
    of the old heading is in the new one, in order: it takes "Dosage", fuzzy with the old German as previous msgid,
    never as reviewed."""
    en_project(project)
    project.write("source_de/tee.md", article("Tee", DOSIS))
    project.run("extract")
    review(project, "en", "tee", {"Ein Satz über Tee.": "A sentence on tea.", "Dosierung": "Dosage",
                                  "Zwei Tassen am Tag genügen.": "Two cups a day are enough."})
    project.write("source_de/tee.md", article("Tee", DOSIS.replace("## Dosierung", "## Dosierung für Erwachsene")))
    output = project.run("extract").output
    assert f"en: 1 {BACK_TO_REVIEW}, 0 new, 0 no longer used" in output, output
    path = project.root / "translations/en/tee.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    heading = entry(po, "Dosierung für Erwachsene")
    assert (heading.msgstr, heading.fuzzy, heading.previous_msgid) == ("Dosage", True, "Dosierung")
    assert Notes.of(heading).reviewed == fingerprint("Dosage")
    assert not po.obsolete_entries()
    before = path.read_bytes()
    project.run("extract")
    assert path.read_bytes() == before


def test_a_list_item_the_author_extends_keeps_its_translation_and_a_threshold_match_comes_first(project: Project):
    """"Tee" -> "Grüner Tee am Morgen" in a list takes "Tea" for review (26 alike). A pair at least the threshold
    alike comes first: "Ingwer" -> "Ingwer frisch" is 63, so "Ingwer" goes there and not to "Ingwer und Zitrone"
    (50), which extends "Ingwer" and "Zitrone" (56): it takes "Lemon", each old entry given once."""
    en_project(project)
    body = "Das hilft am Abend:\n\n- Tee\n- Ingwer\n- Zitrone\n"
    project.write("source_de/tee.md", article("Hausmittel", body))
    project.run("extract")
    review(project, "en", "tee", {"Das hilft am Abend:": "This helps in the evening:", "Tee": "Tea",
                                  "Ingwer": "Ginger", "Zitrone": "Lemon"})
    project.write("source_de/tee.md", article(
        "Hausmittel", "Das hilft am Abend:\n\n- Grüner Tee am Morgen\n- Ingwer und Zitrone\n- Ingwer frisch\n"))
    output = project.run("extract").output
    path = project.root / "translations/en/tee.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    tea = entry(po, "Grüner Tee am Morgen")
    assert (tea.msgstr, tea.fuzzy, tea.previous_msgid) == ("Tea", True, "Tee")
    ginger = entry(po, "Ingwer frisch")
    assert (ginger.msgstr, ginger.fuzzy, ginger.previous_msgid) == ("Ginger", True, "Ingwer")
    both = entry(po, "Ingwer und Zitrone")  # extends "Zitrone" alone once "Ingwer" is taken
    assert (both.msgstr, both.fuzzy, both.previous_msgid) == ("Lemon", True, "Zitrone")
    assert "en: 3 changed sentences back to review (fuzzy, the old German shown as previous msgid), 0 new, 0 no " \
        "longer used" in output, output
    assert not po.obsolete_entries()


def test_a_short_word_gone_is_no_translation_of_every_new_sentence_that_mentions_it(project: Project):
    """An old list item "Zink" the author deletes is not carried to the new paragraph sentences that mention zinc
    (another kind of block): no wrong suggestion, even a fuzzy one. Of list items at different distances, the
    nearest takes it; where the catalog has lost the ``#.`` and ``#:`` lines that tell kind and place, two
    candidates are one too many."""
    en_project(project)
    body = "Wichtig sind:\n\n- Zink\n- Selen\n\nEnde.\n"
    project.write("source_de/zink.md", article("Mineralstoffe", body))
    project.run("extract")
    review(project, "en", "zink", {"Wichtig sind:": "Important are:", "Zink": "Zinc", "Selen": "Selenium",
                                   "Ende.": "The end."})
    project.write("source_de/zink.md", article("Mineralstoffe", "Zink stärkt die Abwehr.\n\nKürbiskerne liefern "
                                                                "Zink.\n\nWichtig sind:\n\n- Selen\n\nEnde.\n"))
    output = project.run("extract").output
    assert ", 2 new, 1 no longer used" in output, output
    path = project.root / "translations/en/zink.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    assert {(e.msgid, e.msgstr) for e in po.obsolete_entries()} == {("Zink", "Zinc")}
    assert all(not e.msgstr for e in po if e.msgid in ("Zink stärkt die Abwehr.", "Kürbiskerne liefern Zink."))

    project.write("source_de/zink.md", article("Mineralstoffe", body))  # back as it was: "Zinc" revived
    project.run("extract")
    project.write("source_de/zink.md", article(
        "Mineralstoffe", "Wichtig sind:\n\n- Zink aus Kürbiskernen\n- Selen\n- Zink aus Nüssen\n\nEnde.\n"))
    project.run("extract")
    po = polib.pofile(str(path))
    nearest = entry(po, "Zink aus Kürbiskernen")
    assert (nearest.msgstr, nearest.fuzzy, nearest.previous_msgid) == ("Zinc", True, "Zink")
    assert entry(po, "Zink aus Nüssen").msgstr == ""

    project.write("source_de/zink.md", article("Mineralstoffe", body))
    project.run("extract")
    po = polib.pofile(str(path))
    for each in po:  # an editor that drops the #. and #: lines: neither kind nor place is known
        each.occurrences, each.comment = [], ""
    po.save()
    project.write("source_de/zink.md", article(
        "Mineralstoffe", "Kürbiskerne liefern Zink.\n\nWichtig sind:\n\n- Zink aus Nüssen\n- Selen\n\nEnde.\n"))
    project.run("extract")
    msgfmt_check(path)
    po = polib.pofile(str(path))
    for msgid in ("Kürbiskerne liefern Zink.", "Zink aus Nüssen"):
        assert entry(po, msgid).msgstr == "", msgid
    assert {(e.msgid, e.msgstr) for e in po.obsolete_entries()} == {("Zink", "Zinc")}


def test_an_extended_entry_already_paired_by_similarity_keeps_that_pair_and_threshold_over_100_pairs_none():
    """"Ingwer und Zitrone heiß" -> "Ingwer und Zitrone" is over the threshold alike: that translation goes there,
    and the old list item "Zitrone", which the new one also extends, stays obsolete rather than replacing it.
    A threshold over 100 pairs nothing, not even an extension."""
    from pipeline.catalog import merge

    def item(msgid: str, line: int, msgstr: str = "") -> polib.POEntry:
        return polib.POEntry(msgid=msgid, msgstr=msgstr, comment=f"list item, block {line}",
                             occurrences=[("source_de/a.md", str(line))], flags=["markdown-text"])

    old = polib.POFile()
    old.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    old.extend([item("Zitrone", 5, "Lemon"), item("Ingwer und Zitrone heiß", 6, "Hot ginger and lemon")])
    pot = polib.POFile()
    pot.header = "Template"
    pot.metadata = {"Project-Id-Version": "test a", "POT-Creation-Date": "2026-05-26 00:00+0000", "X-Generator": "t"}
    pot.extend([item("Ingwer und Zitrone", 5), item("Grüne Zitrone aus Italien", 6)])
    po, report = merge(parse_po(str(old), "a.po"), pot, "en")
    both, green = entry(po, "Ingwer und Zitrone"), entry(po, "Grüne Zitrone aus Italien")
    assert (both.msgstr, both.fuzzy, both.previous_msgid) == ("Hot ginger and lemon", True, "Ingwer und Zitrone heiß")
    assert (green.msgstr, green.fuzzy, green.previous_msgid) == ("Lemon", True, "Zitrone")
    pot[1].msgid = "Tee"
    po, report = merge(parse_po(str(old), "a.po"), pot, "en")
    assert {e.msgid for e in po.obsolete_entries()} == {"Zitrone"}
    po, report = merge(parse_po(str(old), "a.po"), pot, "en", threshold=101)
    assert not any(e.msgstr for e in po if not e.obsolete)
