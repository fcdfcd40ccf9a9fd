"""QA checks on correct Polish and Japanese translations (fresh-user trial): a unit written as CLDR writes it in
Japanese (33度), digits for German number words, glossary terms in text without spaces, the length of
Japanese sentences and Polish „…” quotation marks hold nothing back; a real mistake still does."""

from __future__ import annotations

import polib
import pytest

from pipeline.check import CHECKS, check_catalog
from pipeline.glossary import parse_glossary

from conftest import article, msgfmt_check, review

BY_ID = {c.id: c for c in CHECKS}
GLOSSARY = """source,ja,zh,th,ja_forbidden,dnt
Traditionelle Chinesische Medizin,中医学,中医,การแพทย์แผนจีน,漢方医学,
Bitterstoffe,苦味成分,苦味物质,,,
TCM,,,,,yes
"""


def findings(german: str, translation: str, lang: str, *check_ids: str) -> list[str]:
    po = polib.POFile()
    po.append(polib.POEntry(msgid=german, msgstr=translation))
    return [f.message for f in check_catalog(po, "x.po", lang, "x", parse_glossary(GLOSSARY, "glossary.csv"),
                                             checks=[BY_ID[c] for c in check_ids])]


@pytest.mark.parametrize("german, translation, lang", [
    ("Die Traditionelle Chinesische Medizin nennt das die Leberzeit.", "中医学ではこれを肝の時間と呼びます。", "ja"),
    ("Bitterstoffe wie Löwenzahn helfen der Verdauung.", "タンポポなどの苦味成分は消化を助けます。", "ja"),
    ("Die Traditionelle Chinesische Medizin nennt das die Leberzeit.", "中医把这段时间称为肝的时间。", "zh"),
    ("Die Traditionelle Chinesische Medizin nennt das die Leberzeit.", "การแพทย์แผนจีนเรียกช่วงนี้ว่าเวลาของตับ", "th"),
])
def test_a_glossary_term_inside_text_without_spaces_is_found(german, translation, lang):
    assert findings(german, translation, lang, "glossary-term") == []


def test_a_glossary_term_missing_from_japanese_is_still_named():
    assert findings("Die Traditionelle Chinesische Medizin nennt das die Leberzeit.", "漢方ではこれを肝の時間と呼びます。",
                    "ja", "glossary-term") == [
        "glossary: 'Traditionelle Chinesische Medizin' should be translated as '中医学'"]


def test_a_forbidden_term_inside_japanese_is_found_and_a_latin_term_beside_kana_is_a_word():
    german = "Die Traditionelle Chinesische Medizin und die TCM-Praxis."
    assert findings(german, "漢方医学ではTCMの診療所です。", "ja", "glossary-forbidden", "glossary-dnt") == [
        "glossary: '漢方医学' is not used for 'Traditionelle Chinesische Medizin'; write '中医学'"]
    assert findings(german, "中医学ではティーシーエムの診療所です。", "ja", "glossary-dnt") == [
        "glossary: 'TCM' is not translated; keep it exactly as written"]


SENTENCES = {
    "Beginnen Sie mit Wasser von etwa 33 Grad.": ("Zacznij od wody o temperaturze około 33 stopni.",
                                                 "約33度のお湯から始めてください。"),
    "Viele wachen zwischen ein und drei Uhr auf.": ("Wielu budzi się między 1 a 3 w nocy.",
                                                   "多くの人は1時から3時の間に目が覚めます。"),
    "Sie schlafen dann zwei Stunden nicht.": ("Potem nie śpią przez dwie godziny.", "その後2時間眠れません。"),
    "Die Traditionelle Chinesische Medizin nennt das die „Leberzeit“.": (
        "Tradycyjna medycyna chińska nazywa to „czasem wątroby”.", "中医学ではこれを「肝の時間」と呼びます。"),
    "Bitterstoffe wie Löwenzahn helfen der Verdauung.": ("Substancje gorzkie, jak mniszek, wspomagają trawienie.",
                                                        "タンポポなどの苦味成分は消化を助けます。"),
}


@pytest.fixture
def trial(project):
    """A project with Polish and Japanese editions of one article, every sentence translated right and signed off
    (the trial's), and a glossary; the catalogs pass msgfmt --check."""
    project.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["pl", "ja"]\n'
                  '[publish]\nmin_translated = 50\n')
    project.write("translations/glossary.csv", "source,pl,ja\nTraditionelle Chinesische Medizin,"
                  "tradycyjna medycyna chińska,中医学\nBitterstoffe,substancje gorzkie,苦味成分\n")
    project.write("source_de/leber.md", article("Die Leberzeit", " ".join(SENTENCES) + "\n"))
    project.run("extract")
    for n, lang in enumerate(("pl", "ja")):
        path = review(project, lang, "leber", {("title", "Die Leberzeit"): ("Czas wątroby", "肝の時間")[n],
                                               **{de: both[n] for de, both in SENTENCES.items()}})
        msgfmt_check(path)
    return project


def test_correct_polish_and_japanese_pass_check_and_are_published_in_full(trial):
    result = trial.run("check")
    assert "0 errors, 0 warnings" in result.output, result.output
    build = trial.run("build").output
    assert "held back by QA errors" not in build, build
    for lang, n in (("pl", 0), ("ja", 1)):
        page = trial.read(f"site/{lang}/leber/index.html")
        for german, both in SENTENCES.items():
            assert both[n] in page, (lang, both[n])
            assert german not in page


def test_a_german_number_word_turned_into_another_digit_is_held_back(trial):
    review(trial, "ja", "leber", {"Viele wachen zwischen ein und drei Uhr auf.": "多くの人は1時から4時の間に目が覚めます。"})
    result = trial.run("check", "--lang", "ja", code=1)
    assert "numbers differ: added 4 [numbers]" in result.output
    assert "ja/leber: 1 segment held back by QA errors" in trial.run("build").output
    page = trial.read("site/ja/leber/index.html")
    assert "1時から4時" not in page and "Viele wachen zwischen ein und drei Uhr auf." in page
