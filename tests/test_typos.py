"""Where an author's edit stops being a typo fix (``extract --keep-typo-fixes``)."""

from __future__ import annotations

import polib
import pytest

from pipeline.typos import is_typo_fix

from conftest import Project, article, msgfmt_check

SENTENCE = "Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsäure."


@pytest.mark.parametrize("old, new", [
    (SENTENCE, SENTENCE),
    ("Ihre jungen  Blätter enthalten viel Kalium,Eisen und Kieselsäure .", SENTENCE),  # whitespace
    ("Ihre jungen Blätter enthalten viel Kalium; Eisen und Kieselsäure!", SENTENCE),  # punctuation
    ("Ihre jungen Blätter enthalten viel Kalium – Eisen und „Kieselsäure“.", SENTENCE),
    ("Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsäre.", SENTENCE),  # a letter missing
    ("Ihre jungen Blätter enthalten viel Kalium, Eisen und Kiesellsäure.", SENTENCE),  # one too many
    ("Ihre jungen Blätter enthalten viel Kalium, Eisen und Kieselsöure.", SENTENCE),  # a wrong letter
    ("Ihre jungen Blätter enthalten viel Kalium, Eisen und Kiesesläure.", SENTENCE),  # two letters swapped
    ("Ihre jungen blätter enthalten viel Kalium, Eisen und Kieselsäure.", SENTENCE),  # case of one letter
    ("Mehr bei der [Ärztin](https://example.org/praxis).", "Mehr bei der [Ärztin](https://example.org/praxis)!"),
    ("Das ist **wichtig**.", "Das ist **wichtig** ."),
    # invisible line-break hints copied from a web page: soft hyphen, zero-width space, word joiner
    (SENTENCE.replace("Kieselsäure", "Kiesel\u00adsäure"), SENTENCE),
    (SENTENCE.replace("Kalium,", "Kalium,\u200b").replace("Eisen", "Ei\u2060sen"), SENTENCE),
    (SENTENCE.replace("Kieselsäure", "Kiesel\u00adsäre"), SENTENCE),  # and a letter missing
])
def test_trivial_edits(old, new):
    assert is_typo_fix(old, new)


@pytest.mark.parametrize("old, new", [
    ("Trinken Sie 2 Liter am Tag.", "Trinken Sie 3 Liter am Tag."),  # a changed number
    ("Täglich 1.500 mg.", "Täglich 1,500 mg."),  # punctuation inside a number changes its value
    ("Bei -5 Grad ruhen die Zecken.", "Bei 5 Grad ruhen die Zecken."),  # a sign is part of the number
    ("Es kostet 10 €.", "Es kostet 10 $."),  # a changed symbol
    (SENTENCE, SENTENCE.replace("viel", "reichlich")),  # a changed word
    (SENTENCE, SENTENCE.replace("viel ", "")),  # a removed word
    (SENTENCE, SENTENCE.replace("Kieselsäure", "Kiesel säure")),  # a split word
    (SENTENCE, SENTENCE.replace("Kieselsäure", "Kiselsäre")),  # two letters in one word
    (SENTENCE, SENTENCE.replace("Kalium", "Kalim").replace("Kieselsäure", "Kieselsäre")),  # two words
    ("Als Tee wirkt sie leicht.", "Als Tee wirkt Sie leicht."),  # sie/Sie: a word under five letters
    ("Er liegt im Garten.", "Er liegt in Garten."),
    ("Mit einem Viertelliter Wasser.", "Mit einen Viertelliter Wasser."),  # the last letter: grammar
    ("Die kleine Pflanze.", "Die kleinen Pflanze."),
    ("Mehr bei der [Ärztin](https://example.org/praxis).", "Mehr bei der [Ärztin](https://example.org/praxen)."),
    ("Das ist **wichtig** und gut.", "Das ist wichtig und **gut**."),  # emphasis moved
    ("Das ist **wichtig**.", "Das ist *wichtig*."),
    (SENTENCE.replace("Kieselsäure", "Kiesel\u00adsäure"), SENTENCE.replace("Kieselsäure", "Kiselsäre")),
    # one letter that turns a word into a negation or out of one says the opposite
    ("Schwangere sollten einen Kamillentee trinken.", "Schwangere sollten keinen Kamillentee trinken."),
    ("Keiner verträgt ihn schlecht.", "Einer verträgt ihn schlecht."),
    ("Nehmen Sie keines davon.", "Nehmen Sie eines davon."),
    ("Er wirkt immer sofort.", "Er wirkt nimmer sofort."),
    ("Sie wächst irgendwo im Schatten.", "Sie wächst nirgendwo im Schatten."),
])
def test_edits_that_need_review(old, new):
    assert not is_typo_fix(old, new)


def test_extract_reports_typo_fixes_and_only_with_the_flag(project: Project):
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["en", "fr"]\n')
    project.write("source_de/tee.md", article("Tee", "Als Tee wirkt sie leicht entwäsernd. Sie trinken 2 Tassen.\n"))
    project.run("extract")
    for lang in ("en", "fr"):
        path = project.root / f"translations/{lang}/tee.po"
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"{lang}: {entry.msgid}"
        po.save(str(path))

    fixed = article("Tee", "Als Tee wirkt sie leicht entwässernd. Sie trinken 3 Tassen.\n")
    project.write("source_de/tee.md", fixed)
    result = project.run("extract", "--keep-typo-fixes")
    assert "en: 1 typo fix kept reviewed" in result.output
    assert "fr: 1 changed sentence back to review" in result.output
    for lang in ("en", "fr"):
        po = polib.pofile(project.read(f"translations/{lang}/tee.po"))
        kept = po.find("Als Tee wirkt sie leicht entwässernd.")
        assert (kept.msgstr, kept.fuzzy, kept.previous_msgid) == (
            f"{lang}: Als Tee wirkt sie leicht entwäsernd.", False, None)
        number = po.find("Sie trinken 3 Tassen.")
        assert number.fuzzy and number.previous_msgid == "Sie trinken 2 Tassen."
        msgfmt_check(project.root / f"translations/{lang}/tee.po")


def test_without_the_flag_a_typo_fix_goes_back_to_review(project: Project):
    project.write("source_de/tee.md", article("Tee", "Als Tee wirkt sie leicht entwäsernd.\n"))
    project.run("extract")
    path = project.root / "translations/en/tee.po"
    po = polib.pofile(str(path))
    po.find("Als Tee wirkt sie leicht entwäsernd.").msgstr = "As a tea, it is mildly diuretic."
    po.save(str(path))
    project.write("source_de/tee.md", article("Tee", "Als Tee wirkt sie leicht entwässernd.\n"))
    result = project.run("extract")
    assert "typo" not in result.output
    assert polib.pofile(str(path)).find("Als Tee wirkt sie leicht entwässernd.").fuzzy


def test_retyping_a_word_that_held_a_soft_hyphen_keeps_its_translations_reviewed(project: Project):
    """Text copied from a web page kept a soft hyphen (U+00AD); the author retypes the word, which changes
    nothing a reader sees: with --keep-typo-fixes every language keeps its reviewed translation."""
    project.write("source_de/tee.md", article("Tee", "Die Tradi\u00adtionelle Medizin kennt ihn.\n"))
    project.run("extract")
    for lang in ("en", "fr"):
        path = project.root / f"translations/{lang}/tee.po"
        po = polib.pofile(str(path))
        po.find("Die Tradi\u00adtionelle Medizin kennt ihn.").msgstr = f"{lang}: Traditional medicine knows it."
        po.save(str(path))
    project.write("source_de/tee.md", article("Tee", "Die Traditionelle Medizin kennt ihn.\n"))
    result = project.run("extract", "--keep-typo-fixes")
    assert "en: 1 typo fix kept reviewed" in result.output and "fr: 1 typo fix kept reviewed" in result.output
    for lang in ("en", "fr"):
        entry = polib.pofile(project.read(f"translations/{lang}/tee.po")).find("Die Traditionelle Medizin kennt ihn.")
        assert (entry.msgstr, entry.fuzzy) == (f"{lang}: Traditional medicine knows it.", False)


def test_each_kept_typo_fix_is_named_at_its_line_and_a_negation_goes_back_to_review(project: Project):
    """trial10: einen -> keinen stayed reviewed, the English still saying "should drink", and extract said only
    how many: now a negation is a change to review, and each sentence kept is named where the author checks it."""
    project.write("source_de/tee.md", article(
        "Tee", "Schwangere sollten einen Kamillentee trinken. Die Blätter enthalten Kieselsäre.\n"))
    project.run("extract")
    path = project.root / "translations/en/tee.po"
    po = polib.pofile(str(path))
    po.find("Schwangere sollten einen Kamillentee trinken.").msgstr = "Pregnant women should drink chamomile tea."
    po.find("Die Blätter enthalten Kieselsäre.").msgstr = "The leaves contain silica."
    po.save(str(path))
    project.write("source_de/tee.md", article(
        "Tee", "Schwangere sollten keinen Kamillentee trinken. Die Blätter enthalten Kieselsäure.\n"))
    result = project.run("extract", "--keep-typo-fixes")
    assert "en: 1 typo fix kept reviewed" in result.output
    po = polib.pofile(str(path))
    negated = po.find("Schwangere sollten keinen Kamillentee trinken.")
    assert negated.fuzzy and negated.previous_msgid == "Schwangere sollten einen Kamillentee trinken."
    kept = po.find("Die Blätter enthalten Kieselsäure.")
    assert (kept.msgstr, kept.fuzzy) == ("The leaves contain silica.", False)
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index('msgid "Die Blätter enthalten Kieselsäure."') + 1
    assert (f"note: translations/en/tee.po:{line}: kept reviewed as a typo fix: 'Kieselsäre' -> 'Kieselsäure' in "
            "'Die Blätter enthalten Kieselsäure.'") in result.output
    assert "keinen" not in "".join(l for l in result.output.split("\n") if "typo fix" in l)
    msgfmt_check(path)
