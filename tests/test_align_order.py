"""verlag import --translation-of when the translator put two sentences of a paragraph in the other order: lengths
alone pair them either way round, so the aligner weighs what a sentence and its translation share (numbers,
cognates and names, glossary terms, ? ! :) and never marks reviewed a pairing that evidence does not support
(pipeline/align.py, ``_settle_order``; fresh-user trial 23: wrong health advice published as reviewed)."""

from __future__ import annotations

import polib
import pytest

from conftest import msgfmt_check, review
from pipeline.align import LOW_CONFIDENCE
from pipeline.catalog import REVIEWED, entry_state


def imported(project, tmp_path, slug: str, german: str, english: str, *args: str):
    """(the import's output, the catalog it wrote, checked by msgfmt) of ``english`` as the translation of the
    German article ``slug``."""
    project.write(f"source_de/{slug}.md", german)
    path = tmp_path / f"{slug}.en.md"
    path.write_text(english, encoding="utf-8")
    result = project.run("import", "--lang", "en", "--translation-of", slug, str(path), *args)
    po_path = project.root / f"translations/en/{slug}.po"
    msgfmt_check(po_path)
    return result, polib.pofile(str(po_path))


def doubted(entry: polib.POEntry) -> bool:
    """A hand draft the import was not sure of: fuzzy, with the alignment's comment."""
    return entry.fuzzy and LOW_CONFIDENCE in entry.tcomment.split("\n")


VITAMIN_DE = """---
title: Vitamin D im Winter
date: 2026-01-10
---

Vitamin D bildet der Körper vor allem im Sommer. Im Winter reicht die Sonne dafür oft nicht.
"""
VITAMIN_FIRST = "Vitamin D bildet der Körper vor allem im Sommer."
VITAMIN_SECOND = "Im Winter reicht die Sonne dafür oft nicht."
BODY = "The body makes vitamin D mainly in summer."
SUN = "In winter the sun is often not enough for it."


def test_sentences_in_the_germans_order_with_cognates_on_their_side_stay_confident(project, tmp_path):
    result, po = imported(project, tmp_path, "vitamin", VITAMIN_DE, f"# Vitamin D in winter\n\n{BODY} {SUN}\n")
    assert "3 confident (reviewed), 0 low confidence" in result.output
    for msgid, msgstr in ((VITAMIN_FIRST, BODY), (VITAMIN_SECOND, SUN)):
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and entry_state(entry) == REVIEWED, msgid


def test_sentences_the_translator_swapped_pair_with_their_cognates_and_wait_for_a_reviewer(project, tmp_path):
    """Vitamin/vitamin and Sommer/summer are in the first German sentence and the second English one, Winter/winter
    in the others: each German sentence gets its own translation, fuzzy (the order had to change)."""
    result, po = imported(project, tmp_path, "vitamin", VITAMIN_DE, f"# Vitamin D in winter\n\n{SUN} {BODY}\n")
    assert "1 confident (reviewed), 2 low confidence" in result.output
    for msgid, msgstr in ((VITAMIN_FIRST, BODY), (VITAMIN_SECOND, SUN)):
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and doubted(entry), msgid
    assert entry_state(po.find("Vitamin D im Winter", msgctxt="title")) == REVIEWED


HOME_DE = """---
title: Erkältet im Büro
date: 2026-01-12
---

Bleiben Sie ein paar Tage zu Hause. Ruhen Sie sich so oft wie möglich aus.
"""
STAY, REST = "Stay at home for a couple of days.", "Rest as much as you possibly can."


@pytest.mark.parametrize("english", [f"{STAY} {REST}", f"{REST} {STAY}"], ids=["in order", "swapped"])
def test_two_sentences_nothing_tells_apart_are_never_reviewed_whichever_order_the_file_has(project, tmp_path,
                                                                                           english):
    """No number, cognate, name, glossary term or mark in either sentence, and lengths that fit both ways round:
    nothing says which English sentence is which German one's, so neither is marked reviewed."""
    result, po = imported(project, tmp_path, "buero", HOME_DE, f"# A cold at the office\n\n{english}\n")
    assert "2 low confidence" in result.output
    for msgid in ("Bleiben Sie ein paar Tage zu Hause.", "Ruhen Sie sich so oft wie möglich aus."):
        entry = po.find(msgid)
        assert entry.msgstr in (STAY, REST) and doubted(entry) and entry_state(entry) != REVIEWED, msgid


TEA_DE = """---
title: Tee bei Husten
date: 2026-01-14
---

Trinken Sie täglich 3 Tassen davon. Süßen Sie ihn lieber nicht mit Zucker.

Wie lange dauert ein Husten? Meistens geht er nach einer Woche von selbst.

Den Aufguss abgedeckt ziehen lassen. Danach die Blätter entfernen.
"""
TEA_EN = """# Tea for a cough

Better not sweeten it with sugar. Drink 3 cups of it every day.

Most of the time it goes by itself after a week. How long does a cough last?

Then take out the leaves. Let the tea steep with a lid on.
"""


def test_a_number_a_question_mark_and_a_glossary_term_tell_which_swapped_sentence_is_which(project, tmp_path):
    """Three paragraphs, each with its two sentences swapped, nothing alike in them but the number 3, the question
    mark, and the glossary's term Aufguss (tea): each German sentence gets its own translation, fuzzy."""
    project.write("translations/glossary.csv", "source,en\nAufguss,tea\n")
    _, po = imported(project, tmp_path, "tee", TEA_DE, TEA_EN)
    expected = {"Trinken Sie täglich 3 Tassen davon.": "Drink 3 cups of it every day.",
                "Süßen Sie ihn lieber nicht mit Zucker.": "Better not sweeten it with sugar.",
                "Wie lange dauert ein Husten?": "How long does a cough last?",
                "Meistens geht er nach einer Woche von selbst.": "Most of the time it goes by itself after a week.",
                "Danach die Blätter entfernen.": "Then take out the leaves.",
                "Den Aufguss abgedeckt ziehen lassen.": "Let the tea steep with a lid on."}
    for msgid, msgstr in expected.items():
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and doubted(entry), msgid


ZINK_DE = """---
title: Zink bei Erkältung
date: 2026-11-02
---

Zink kann die Dauer einer Erkältung deutlich verkürzen. Nehmen Sie es gleich bei den ersten Anzeichen ein.

Kinder brauchen deutlich weniger Zink als Erwachsene. Sprechen Sie bitte vorher mit der Kinderärztin.
"""
ZINC_EN = """---
title: Zinc for colds
---

Take it as soon as the first signs appear. Zinc can noticeably shorten the duration of a cold.

Please talk to your paediatrician first. Children need much less zinc than adults.
"""
RIGHT = {"Zink kann die Dauer einer Erkältung deutlich verkürzen.":
         "Zinc can noticeably shorten the duration of a cold.",
         "Nehmen Sie es gleich bei den ersten Anzeichen ein.": "Take it as soon as the first signs appear.",
         "Kinder brauchen deutlich weniger Zink als Erwachsene.": "Children need much less zinc than adults."}
TALK = "Please talk to your paediatrician first."


@pytest.mark.parametrize("unreviewed", ["source", "machine"])
def test_trial_23_a_swapped_hand_translation_publishes_no_wrong_advice_as_reviewed(project, tmp_path, unreviewed):
    """The trial: the import said "5 confident (reviewed)" with each German sentence holding the other's
    translation; the author deleted "Sprechen Sie bitte vorher …", and the English page told parents of
    children to see the paediatrician where the German says children need less zinc, 100 % reviewed."""
    project.write("verlag.toml", 'name = "P"\nsource_language = "de"\nlanguages = ["en"]\n'
                  f'[publish]\nunreviewed = "{unreviewed}"\nmin_translated = 0\n')
    result, po = imported(project, tmp_path, "zink", ZINK_DE, ZINC_EN)
    assert "1 confident (reviewed), 4 low confidence" in result.output
    for entry in po:
        if entry.msgid in RIGHT or entry.msgid == "Sprechen Sie bitte vorher mit der Kinderärztin.":
            assert doubted(entry), entry.msgid
            assert entry.msgstr == RIGHT.get(entry.msgid, TALK), entry.msgid
    project.write("source_de/zink.md", ZINK_DE.replace(" Sprechen Sie bitte vorher mit der Kinderärztin.", ""))
    project.run("extract")
    po_path = project.root / "translations/en/zink.po"
    msgfmt_check(po_path)
    po = polib.pofile(str(po_path))
    for entry in po:
        if not entry.obsolete and entry.msgid in RIGHT:
            assert entry.msgstr == RIGHT[entry.msgid] and entry_state(entry) != REVIEWED, entry.msgid
    row = next(line for line in project.run("status", "--lang", "en").output.splitlines() if " zink " in line)
    assert "100.0%" not in row  # the trial's status: 100 % reviewed
    project.run("build")
    html = project.read("site/en/zink/index.html")
    assert TALK not in html
    if unreviewed == "machine":  # the hand draft is shown as not yet checked, each sentence with its own
        assert all(text in html for text in RIGHT.values())
        assert "Parts of this translation have not yet been checked by a person." in html
    else:
        assert all(german in html for german in RIGHT)


def test_the_translation_memory_tells_which_swapped_sentence_is_which(project, tmp_path):
    """Nothing alike in the two sentences (``test_two_sentences_nothing_tells_apart…``), but another article's
    reviewed translation of the first German sentence shares its words with the second English one."""
    project.write("source_de/alt.md", "---\ntitle: Grippe\ndate: 2025-12-01\n---\n\nBleiben Sie ein paar Tage zu "
                                      "Hause.\n")
    project.run("extract")
    review(project, "en", "alt", {("title", "Grippe"): "Flu",
                                  "Bleiben Sie ein paar Tage zu Hause.": "Stay home a few days."})
    _, po = imported(project, tmp_path, "buero", HOME_DE, f"# A cold at the office\n\n{REST} {STAY}\n")
    for msgid, msgstr in (("Bleiben Sie ein paar Tage zu Hause.", STAY),
                          ("Ruhen Sie sich so oft wie möglich aus.", REST)):
        entry = po.find(msgid)
        assert entry.msgstr == msgstr and doubted(entry), msgid


def test_a_translation_into_a_language_whose_number_rules_spell_nothing_is_aligned(project, tmp_path):
    """CLDR's rules for Norwegian Bokmål ("nb") spell no number: an empty pattern of number words matched between
    any two marks, and the first sentence ending in "." stopped the import with a KeyError."""
    project.write("verlag.toml", 'name = "T"\nsource_language = "de"\nlanguages = ["nb"]\n')
    project.write("source_de/vitamin.md", VITAMIN_DE)
    path = tmp_path / "vitamin.nb.md"
    path.write_text("# Vitamin D om vinteren\n\nKroppen lager vitamin D mest om sommeren. Om vinteren er solen ofte "
                    "ikke nok.\n", encoding="utf-8")
    project.run("import", "--lang", "nb", "--translation-of", "vitamin", str(path))
    po_path = project.root / "translations/nb/vitamin.po"
    msgfmt_check(po_path)
    entry = polib.pofile(str(po_path)).find(VITAMIN_FIRST)
    assert entry.msgstr == "Kroppen lager vitamin D mest om sommeren." and entry_state(entry) == REVIEWED


ELDER_DE = """---
title: Holunder
date: 2026-01-10
---

Holunderblüten sind ein altes Hausmittel. Man trinkt sie als Tee.
"""


def test_raw_html_in_a_translated_sentence_is_no_evidence_of_what_it_translates(project, tmp_path):
    """Fresh-user trial 26: a ``<script>`` in the second sentence of a hand translation made it the longer one and
    "alert" a cognate of "altes", so the import gave it to the first German sentence and the first to the second.
    What no reader sees (tags, a script's code) weighs nothing: the pair stays in its order, the one with the
    script fuzzy with check's finding."""
    script = "They are drunk as <script>alert('x')</script> tea."
    result, po = imported(project, tmp_path, "holunder", ELDER_DE,
                          f"# Elder\n\nElder flowers are an old home remedy. {script}\n")
    first, second = po.find("Holunderblüten sind ein altes Hausmittel."), po.find("Man trinkt sie als Tee.")
    assert (first.msgstr, second.msgstr) == ("Elder flowers are an old home remedy.", script), result.output
    assert second.fuzzy
    out = project.run("check", "--lang", "en", code=1).output
    line = project.read("translations/en/holunder.po").splitlines().index('msgid "Man trinkt sie als Tee."') + 1
    assert f"error: translations/en/holunder.po:{line}: raw HTML added: <script> </script> [html]" in out, out
