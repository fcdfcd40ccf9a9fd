"""German numbers written as words, by value: what a translation may write in digits ("zwischen ein und drei
Uhr" -> "1時から3時", "zwei Stunden" -> "2時間").

Read: cardinals of any size as one word ("null" to "neunundneunzigtausend", with "ein", "eine", "einer" ... and
"zweier", "dreier"), ordinals ("erste", "dritten", "zwanzigste"), "Dutzend", halves ("halb", "eineinhalb",
"anderthalb", "zweieinhalb") and the clock's "halb acht" (7:30 or 19:30), by German's own rules; and the
reverse, a translation spelling out what the German writes in digits ("2 Stunden" -> "dwie godziny"), by the
words CLDR's spell-out rules write for 0 to 20, the tens, 100 and 1000 in the translation's language, in every gender, case
and rule set (``unicode-rbnf``; Babel does not ship those rules), and the multiplicative adverbs a dose is
translated with ("2 x tgl." -> "twice a day", "مرتين يوميًا", "двічі на день"; German "zweimal" -> "2 times").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scripts import UNSPACED

_UNITS = {"null": 0, "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
          "zweier": 2, "zwo": 2, "drei": 3, "dreier": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
          "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
          "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "dutzend": 12}
_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
         "neunzig": 90}
_ORDINAL_STEMS = {"ers": 1, "drit": 3, "sieb": 7, "ach": 8}  # the irregular ones: erste, dritte, siebte, achte
_ORDINAL = re.compile(r"(.+?)te[nrsm]?")
_HALF = re.compile(r"halb(?:e[nrsm]?)?")
_WORD = re.compile(r"[^\W\d_]+")
# The longest German cardinal of one word, "siebenhundertsiebenundsiebzigtausendsiebenhundertsiebenundsiebzig", has
# 65 letters; ``cardinal`` reads one level deeper per "tausend"/"hundert", so a longer word is refused before.
_LONGEST = 80


def cardinal(word: str) -> int | None:
    """The value of a German cardinal written as one word, lower case (``dreihundertvierundzwanzig``), else
    None (also for a word longer than any cardinal, which would cost one level of recursion per "tausend")."""
    if len(word) > _LONGEST:
        return None
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    for name, factor in (("tausend", 1000), ("hundert", 100)):
        head, found, tail = word.partition(name)
        if found:
            times = cardinal(head) if head else 1
            rest = cardinal(tail) if tail else 0
            return None if times is None or rest is None or (tail and rest >= factor) else times * factor + rest
    unit, found, tens = word.partition("und")
    if found and tens in _TENS and unit in _UNITS and 0 < _UNITS[unit] < 10:
        return _UNITS[unit] + _TENS[tens]
    return None


def _ordinal(word: str) -> int | None:
    m = _ORDINAL.fullmatch(word)
    if not m:
        return None
    for stem in (m.group(1), m.group(1).removesuffix("s")):  # sechste, zwanzigste
        if (n := _ORDINAL_STEMS.get(stem, cardinal(stem))) is not None:
            return n
    return None


def _value(word: str) -> str | None:
    if word.endswith("mal") and (times := cardinal(word[:-3])) is not None:  # zweimal, dreimal: 2 x, 3 x
        return str(times)
    if _HALF.fullmatch(word):
        return "0.5"
    if word == "anderthalb":
        return "1.5"
    if word.endswith("einhalb") and (whole := cardinal(word[:-len("einhalb")])) is not None:
        return f"{whole}.5"
    n = cardinal(word)
    if n is None:
        n = _ordinal(word)
    return None if n is None else str(n)


@lru_cache(maxsize=1024)
def german_number_words(text: str) -> tuple[frozenset[str], ...]:
    """Every number word in the German ``text``, in order, as the values a translation may write it as (the
    canonical spellings of ``check.numbers``: "3", "0.5", "7:30"): one set per word."""
    words = [m.group().lower() for m in _WORD.finditer(text)]
    found: list[frozenset[str]] = []
    for i, word in enumerate(words):
        value = _value(word)
        if value is None:
            continue
        values = {value}
        if value == "0.5" and i + 1 < len(words) and 1 <= (hour := cardinal(words[i + 1]) or 0) <= 12:
            values |= {f"{hour - 1 or 12}:30", f"{hour + 11}:30"}  # halb acht: half past seven
        found.append(frozenset(values))
    return tuple(found)


def as_digits(text: str) -> str:
    """``text`` with every number word written in digits (``eineinhalb Liter`` -> ``1.5 Liter``), so that the
    unit after it is read as a number's unit."""
    return _WORD.sub(lambda m: _value(m.group().lower()) or m.group(), text)


_SPELLED = [*range(21), *range(30, 101, 10), 1000]  # what prose spells out; 21 is written "21"


@lru_cache(maxsize=16)
def _spelled_pattern(lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern of every word CLDR spells ``_SPELLED`` with in ``lang``, and word (lower case) -> value."""
    from unicode_rbnf import FormatPurpose, RbnfEngine

    try:
        engine = RbnfEngine.for_language(lang.split("-")[0].lower())
    except ValueError:  # a language CLDR has no spell-out rules for
        return None, {}
    values: dict[str, str] = {}
    for n in _SPELLED:
        for purpose in (FormatPurpose.CARDINAL, FormatPurpose.ORDINAL):
            try:
                spelled = engine.format_number(n, purpose).text_by_ruleset.values()
            except ValueError:  # no ordinal rules in this language
                continue
            for word in spelled:
                values.setdefault(" ".join(word.replace("\u200b", "").lower().split()), str(n))
    words = "|".join(re.escape(w) for w in sorted(values, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W{UNSPACED}])(?:{words})(?![^\W{UNSPACED}])", re.IGNORECASE)
    return pattern, values


# How often, in one word, where a language has a word of its own for it (CLDR's spell-out rules have none): what a
# German "2 x tgl." or "zweimal" becomes in a dose. Arabic: the singular and the dual (nominative, oblique) of
# "marra"; Ukrainian and Russian: the collective adverbs; Polish: the "-krotnie" adverbs; Dutch: "-maal".
MULTIPLICATIVES = {
    "en": {"once": "1", "twice": "2", "thrice": "3"},
    "ar": {"مرة": "1", "مرتان": "2", "مرتين": "2"},
    "uk": {"двічі": "2", "тричі": "3"},
    "ru": {"дважды": "2", "трижды": "3"},
    "pl": {"jednokrotnie": "1", "dwukrotnie": "2", "trzykrotnie": "3", "czterokrotnie": "4"},
    "nl": {"eenmaal": "1", "tweemaal": "2", "driemaal": "3", "viermaal": "4"},
}
_MULTIPLICATIVE = {lang: re.compile(rf"(?<![^\W\d_])(?:{'|'.join(words)})(?![^\W\d_])", re.IGNORECASE)
                   for lang, words in MULTIPLICATIVES.items()}


def spelled_numbers(text: str, lang: str) -> list[str]:
    """The values of the numbers ``text`` spells out in ``lang`` as CLDR writes them (Polish "dwie", Japanese
    "三", French "deuxième"), in order, then those its ``MULTIPLICATIVES`` say ("twice": 2); [] for a language
    CLDR has no spell-out rules and this module no multiplicatives for."""
    pattern, values = _spelled_pattern(lang)
    primary = lang.split("-")[0].lower()
    found = [] if pattern is None else [values[" ".join(m.group().lower().split())] for m in pattern.finditer(text)]
    if primary in _MULTIPLICATIVE:
        found += [MULTIPLICATIVES[primary][m.group().lower()] for m in _MULTIPLICATIVE[primary].finditer(text)]
    return found
