"""check's ``draft-language``: machine drafts already in a catalog that read as another language than the
catalog's (stored by an older verlag, pasted from a machine translation, a run whose batches were too short to
judge) are an error at the first one's line, and the QA gate shows the German in the place of every one of them;
reviewed and hand-written entries are never judged."""

from __future__ import annotations

import json

import polib

from pipeline.catalog import msgid_line, set_provenance

from conftest import article

GERMAN = ["Erwachsene nehmen es mit Wasser und gehen zum Arzt, wenn das Fieber hoch ist.",
          "Wenn die Nase läuft, trinken viele von uns im Winter einen Tee aus Holunder und Ingwer."]
ENGLISH = ["Adults should take this with water and see the doctor when the fever is high.",
           "If the nose is running, a tea of elder and ginger is what many of us drink in the winter."]
FRENCH = ["Les adultes le prennent avec de l'eau et consultent le médecin quand la fièvre est forte.",
          "Quand le nez coule, beaucoup d'entre nous boivent en hiver une tisane de sureau et de gingembre."]


def _drafted(project, texts: list[str], *, signed_off: bool = False, edited: bool = False) -> list[int]:
    """The fr catalog of ``fieber`` with ``texts`` as the two sentences' translations: untouched ``mt: libre``
    drafts, or signed off, or edited by a person after the engine; the msgid lines of the two sentences."""
    path = project.root / "translations/fr/fieber.po"
    po = polib.pofile(str(path))
    for german, text in zip(GERMAN, texts):
        entry = po.find(german)
        entry.msgstr = text
        set_provenance(entry, "mt: libre")
        if edited:
            entry.msgstr = text.replace("the", "a")
        entry.flags = [f for f in entry.flags if f != "fuzzy"] + ([] if signed_off else ["fuzzy"])
    po.save(str(path))
    lines, po = path.read_text(encoding="utf-8").split("\n"), polib.pofile(str(path))
    return [msgid_line(lines, po.find(german).linenum) for german in GERMAN]


def _setup(project):
    project.write("verlag.toml", project.read("verlag.toml") + '[publish]\nunreviewed = "machine"\n')
    project.write("source_de/fieber.md", article("Fieber", " ".join(GERMAN) + "\n"))
    project.run("extract")


def _found(project, code: int = 0) -> list[dict]:
    return [f for f in json.loads(project.run("check", "--format", "json", code=code).output)
            if f["check"] == "draft-language"]


def test_english_drafts_in_a_french_catalog_are_an_error_and_the_pages_show_the_german(project):
    _setup(project)
    first, _ = _drafted(project, ENGLISH)
    found = _found(project, code=1)
    assert [(f["path"], f["line"], f["severity"], f["msgid"]) for f in found] == [
        ("translations/fr/fieber.po", first, "error", GERMAN[0])]
    assert found[0]["message"].startswith("2 machine drafts nobody reviewed read as English, not French")
    assert "verlag pretranslate --redo-drafts --lang fr --article fieber" in found[0]["message"]
    assert "error: translations/fr/fieber.po:" in project.run("check", code=1).output
    project.run("build")
    page = project.read("editions/fr/fieber.md")
    assert all(german in page for german in GERMAN) and not any(english in page for english in ENGLISH)


def test_french_drafts_reviewed_entries_and_hand_edits_are_never_judged(project):
    _setup(project)
    _drafted(project, FRENCH)
    assert _found(project) == []
    _drafted(project, ENGLISH, signed_off=True)  # a person signed them off: their choice of words
    assert _found(project) == []
    _drafted(project, ENGLISH, edited=True)  # a person's edit of the engine's text is no untouched draft
    assert _found(project) == []


def test_one_short_draft_is_never_judged(project):
    _setup(project)
    _drafted(project, ["Adults take it with water and see the doctor.", FRENCH[1]])  # 9 words: too few alone
    assert _found(project) == []


def test_one_long_english_draft_among_french_ones_is_named_alone(project):
    """The catalog's drafts read together as French, so one English draft among them was never named, though the
    pages would show it as French. A draft of 12 words and more is judged alone, as ``pretranslate`` judges a
    service's answer (``draftlang.judge``); the French one is not named with it."""
    _setup(project)
    _, second = _drafted(project, [FRENCH[0], ENGLISH[0]])
    found = _found(project, code=1)
    assert [(f["line"], f["msgid"]) for f in found] == [(second, GERMAN[1])]
    assert found[0]["message"].startswith("1 machine draft nobody reviewed reads as English, not French")
    project.run("build")
    page = project.read("editions/fr/fieber.md")
    assert FRENCH[0] in page and ENGLISH[0] not in page and GERMAN[1] in page


def test_a_short_draft_word_for_word_the_english_catalogs_draft_is_named_as_english(project):
    """Trial 37: drafts too short for their stop words ("Dosierung" -> "the") that a service answered in English
    among Spanish ones gave ``check --lang es`` no ``draft-language`` error. A machine draft word for word the
    English catalog's machine draft of the same German, and reading as English (``draftlang.copied``), is one; the
    same text that holds no prose ("150 mg") is not."""
    _setup(project)
    first, _ = _drafted(project, ["Take it with water.", FRENCH[1]])
    path = project.root / "translations/en/fieber.po"
    po = polib.pofile(str(path))
    for german, text in zip(GERMAN, ["Take it with water.", ENGLISH[1]]):
        entry = po.find(german)
        entry.msgstr = text
        set_provenance(entry, "mt: libre")
        entry.flags = ["fuzzy"]
    po.save(str(path))
    found = _found(project, code=1)
    assert [(f["path"], f["line"], f["msgid"]) for f in found] == [("translations/fr/fieber.po", first, GERMAN[0])]
    assert found[0]["message"].startswith("1 machine draft nobody reviewed reads as English, not French (word for "
                                          "word the English catalog's machine draft of the same German)")
    project.run("build")
    assert GERMAN[0] in project.read("editions/fr/fieber.md")
