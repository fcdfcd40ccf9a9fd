"""``draftlang``: a batch of machine drafts in another language than the one asked for is told by its stop words,
without false alarms on real translations, short batches or text in capitals."""

from __future__ import annotations

import re
import subprocess
import sys

import polib
import pytest

from pipeline.markup import parts
from pipeline.draftlang import ALONE_WORDS, _words, copied, enough, judge, said

from conftest import REPO, need_peer_corpus

ENGLISH = ["Adults should take this with water and see the doctor when the fever is high.",
           "If the nose is running, a tea of elder and ginger is what many of us drink in the winter."]
FRENCH = ["Les adultes le prennent avec de l'eau et consultent le médecin quand la fièvre est forte.",
          "Quand le nez coule, beaucoup d'entre nous boivent en hiver une tisane de sureau et de gingembre."]
CANDIDATES = ("de", "en", "fr")


def _batch(texts: list[str], target: str, candidates: tuple[str, ...] = CANDIDATES) -> list[str | None]:
    """``judge``'s verdicts on ``texts`` as drafts of German that reads as German."""
    return judge(texts, [GERMAN] * len(texts), target, "de", candidates)


def test_english_answers_into_french_are_named_and_french_ones_are_not():
    assert _batch(ENGLISH, "fr") == ["en", "en"]
    assert said("en", "fr") == (
        "answered in English, not French (the common words of its answers are English ones): not taken as drafts")
    assert _batch(FRENCH, "fr") == [None, None]
    assert _batch(ENGLISH, "en") == [None, None]


@pytest.mark.parametrize("texts", [
    ["Adults should take this with water and see the doctor."],  # 10 words: too short to tell, alone or batched
    [s.upper() for s in ENGLISH],  # capitals are acronyms or emphasis, not prose
    ["**Adults** should take [this](https://example.org/the-and-of-with) with `the water and the tea`."],
])
def test_too_few_words_of_prose_are_never_judged(texts):
    assert _batch(texts, "fr") == [None] * len(texts)


def test_a_language_without_a_stop_word_list_is_never_held_nor_judged():
    assert enough(["你好"], "zh") and _batch(ENGLISH, "zh", (*CANDIDATES, "zh")) == [None, None]
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
                    if any(why := judge(batch, [""] * len(batch), lang, "de", languages)):
                        alarms.append((path.relative_to(REPO).as_posix(), why, batch))
                    batch = []
    assert judged > 300 and alarms == []


LONG_ENGLISH = "If the fever stays high for more than three days, the adults should call the doctor and stay at home."
LONG_FRENCH = ["Si la fièvre reste forte pendant plus de trois jours, les adultes doivent appeler le médecin et rester "
               "à la maison.", "Une tisane de sureau et de gingembre est ce que beaucoup d'entre nous boivent en "
               "hiver quand le nez coule."]
GERMAN = "Bleibt das Fieber länger als drei Tage hoch, rufen Erwachsene die Ärztin an und bleiben zu Hause."


def test_a_long_answer_is_judged_alone_so_one_in_english_among_french_ones_is_refused():
    """A batch read as one text let an English answer through among French ones (trial: one wrong line a batch of a
    service that fell back to English); an answer of ``ALONE_WORDS`` words is judged by itself, the others are not
    refused with it."""
    texts = [*LONG_FRENCH, LONG_ENGLISH, *FRENCH]
    assert judge(texts, [GERMAN] * len(texts), "fr", "de", CANDIDATES) == [None, None, "en", None, None]


def test_a_french_answer_in_a_batch_of_english_ones_is_taken_and_short_ones_go_with_their_batch():
    """A long answer is judged alone by a stricter rule than a batch (``ALONE_RIVAL``): English that rule cannot
    tell (``ENGLISH[1]``: the French list holds "the", "a", "of", "and") goes with its batch, French stays French;
    answers too short to judge alone ("Le thé") go with their batch, as before."""
    texts = [LONG_FRENCH[0], LONG_ENGLISH, *ENGLISH, "It is what we drink at night", "Le thé"]
    assert judge(texts, [GERMAN] * len(texts), "fr", "de", CANDIDATES) == [None, "en", "en", "en", "en", "en"]
    assert judge(texts[:1] + texts[-2:], [GERMAN] * 3, "fr", "de", CANDIDATES) == [None, None, None]


def test_an_answer_whose_german_is_english_too_is_its_translation():
    """A German article quoting English (a licence, a title kept English): the answer is English, and right."""
    assert judge([LONG_ENGLISH], [LONG_ENGLISH], "fr", "de", CANDIDATES) == [None]
    assert judge([LONG_ENGLISH], [GERMAN], "fr", "de", CANDIDATES) == ["en"]


def test_no_long_translation_of_the_shipped_catalogs_read_alone_is_another_language():
    """The false alarms of judging an answer alone measured: every translation of the shipped catalogs (site.po too,
    plural forms too) of ``ALONE_WORDS`` words and more, against every shipped language, German and English, without
    the German that would keep a quotation. (Measured also on 15,830 messages of the system's gettext catalogs:
    none; ``ALONE_WORDS``.)"""
    catalogs = sorted((REPO / "translations").glob("*/*.po")) + sorted((REPO / "pipeline/translations").glob("*/*.po"))
    languages = ("de", "en", *sorted({path.parent.name for path in catalogs}))
    judged, alarms = 0, []
    for path in catalogs:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()] if not entry.obsolete else ():
                if len(_words(parts(text).prose)) >= ALONE_WORDS:
                    judged += 1
                    if rival := judge([text], [""], path.parent.name, "de", languages)[0]:
                        alarms.append((path.relative_to(REPO).as_posix(), rival, text))
    assert judged > 700 and alarms == []


# The peer corpus's only sentences of ``ALONE_WORDS`` words and more that read as another language than German
# (each in every copy of its article): Debian's untranslated English, the last read as Turkish, its link texts
# German (the start of each, the language it reads as)
PEER_CORPUS_ENGLISH = [
    ("Debian mobile workstations can be configured just with", "en"),
    ("For UEFI system, GRUB2 first reads the ESP partition", "en"),
    ("Please note that access to `non-free-firmware` packages", "en"),
    ("Such MTA on mobile workstations must cope with", "tr"),
    ("The file name specification of the command line", "en"),
]


def test_no_german_sentence_of_the_peer_corpus_read_alone_is_another_language():
    """The peer corpus's German prose (Debian's manuals: commands, package names, English terms), each sentence of
    ``ALONE_WORDS`` words and more judged alone as a draft into German, against every shipped language and English:
    none reads as another language but Debian's untranslated English (``PEER_CORPUS_ENGLISH``), which ``judge``
    keeps where its German is English too."""
    from pipeline.sentences import segment_spans

    languages = ("en", *sorted({path.parent.name for path in (REPO / "translations").glob("*/*.po")}))
    judged, alarms = 0, []
    for path in need_peer_corpus():
        body = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
        for block in body.split("\n\n"):
            block = block.strip()
            if not block or block[0] in "|>" or "\n  " in block:  # tables, quotations, indented code
                continue
            for a, b in segment_spans(block, "de"):
                words = _words(parts(block[a:b]).prose)
                if len(words) >= ALONE_WORDS:
                    judged += 1
                    if rival := judge([block[a:b]], [""], "de", "en", languages)[0]:
                        alarms.append((block[a:b], rival))
    named = {(next((start for start, _ in PEER_CORPUS_ENGLISH if sentence.startswith(start)), sentence), rival)
             for sentence, rival in alarms}
    assert judged > 5000 and sorted(named) == PEER_CORPUS_ENGLISH


def test_judging_drafts_loads_no_qa_stage():
    """``judge`` reads the prose of a text (``markup.parts``), which lived with the checks: every batch of drafts
    judged loaded the whole QA stage (``pipeline.check`` and what it imports) for it."""
    code = ("import sys\nfrom pipeline.draftlang import judge\n"
            f"print(judge({ENGLISH!r}, ['Erwachsene nehmen es mit Wasser.'] * 2, 'fr', 'de', {CANDIDATES!r}),"
            " 'pipeline.check' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert proc.stdout.split() == ["['en',", "'en']", "False"], proc.stdout


def test_an_answer_the_same_as_into_english_is_told_english_by_a_word_of_prose_not_by_names_and_numbers():
    """``copied``: "Dosierung" answered "the" into es as into en is English; "150 mg", "Vitamin D", a name, an e-mail
    label are the same in many languages and stay drafts."""
    assert copied("the", "en") and copied("the of and to in is for with.", "en")
    assert copied("Magnesium citrate daily", "en") and not copied("Magnesium citrate", "en")  # one loanword: "E-mail"
    assert not any(copied(text, "en") for text in ("150 mg", "Vitamin D", "Magnesium", "Dr. med. Anna Berger",
                                                   "E-Mail: praxis@example.org", "4000 IE", "Tinnitus"))


def test_no_translation_of_the_shipped_catalogs_the_same_as_its_english_reads_as_english():
    """The false alarms of ``copied`` measured on the shipped catalogs (site.po too): a translation word for word its
    English translation ("E-mail: %(address)s") is never told English."""
    alarms, judged = [], 0
    for folder in (REPO / "translations", REPO / "pipeline/translations"):
        english = {path.name: {e.msgid: e.msgstr for e in polib.pofile(str(path))}
                   for path in folder.glob("en/*.po")}
        for path in folder.glob("*/*.po"):
            if path.parent.name.split("-")[0] == "en" or path.name not in english:
                continue
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.obsolete and english[path.name].get(entry.msgid) == entry.msgstr:
                    judged += 1
                    if copied(entry.msgstr, "en"):
                        alarms.append((path.parent.name, entry.msgstr))
    assert judged > 20 and alarms == []
