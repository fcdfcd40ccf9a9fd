"""German numbers written as words, by value: what a translation may write in digits ("zwischen ein und drei
Uhr" -> "1時から3時", "zwei Stunden" -> "2時間").

Read: cardinals of any size as one word ("null" to "neunundneunzigtausend", with "ein", "eine", "einer" ... and
"zweier", "dreier"), ordinals ("erste", "dritten", "zwanzigste"), "Dutzend", halves ("halb", "eineinhalb",
"anderthalb", "zweieinhalb") and the clock's "halb acht" (7:30 or 19:30), by German's own rules; and the
reverse, a translation spelling out what the German writes in digits ("2 Stunden" -> "dwie godziny"), by the
words CLDR's spell-out rules write for 0 to 20, the tens, 100 and 1000 in the translation's language, in every gender, case
and rule set (``unicode-rbnf``; Babel does not ship those rules), and the multiplicative adverbs a dose is
translated with ("2 x tgl." -> "twice a day", "مرتين يوميًا", "двічі на день"; German "zweimal" -> "2 times").

And both sides' words as a reader takes them for numbers, to compare word with word (``german_quantities``,
``quantities``: "zweimal täglich zehn Minuten" is no "three times a day for five minutes"), where a 1 that may
be an article, an ordinal that may be a verb or a unit, and the hour of "halb acht" need reading with care.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scripts import UNSPACED, unspaced

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


@lru_cache(maxsize=8192)
def _value(word: str) -> str | None:
    """The value of the German number word ``word`` (lower case) as ``german_number_words`` gives it, else None;
    cached, as every word of every msgid is asked about and most are "die", "und", "Sie"."""
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


# A German adjective or adverb made of a cardinal and what it counts (Duden, "Zusammensetzungen mit Zahlwörtern"):
# "dreiwöchig", "zweistündlich", "fünfjährig", "dreifach", "vierteilig", with any adjective ending. A translation
# writes the number in digits as often as in words ("a 3-week course", "every 2 hours").
_COMPOUND = re.compile(r"(.+?)(?:wöchig|wöchentlich|tägig|täglich|stündig|stündlich|jährig|jährlich|monatig"
                       r"|monatlich|minütig|minütlich|sekündig|fach|fältig|teilig|seitig|stufig|malig|prozentig"
                       r"|gängig|köpfig)(?:e[mnrs]?|er)?")


def _compound_value(word: str) -> str | None:
    """The cardinal a compound like "dreiwöchige" (``_COMPOUND``, lower case) begins with, else None."""
    m = _COMPOUND.fullmatch(word) if len(word) <= _LONGEST else None
    n = cardinal(m.group(1)) if m else None
    return None if n is None else str(n)


@lru_cache(maxsize=1024)
def german_number_words(text: str) -> tuple[frozenset[str], ...]:
    """Every number word in the German ``text``, in order, as the values a translation may write it as (the
    canonical spellings of ``check.numbers``: "3", "0.5", "7:30"): one set per word. A compound that counts
    ("dreiwöchige Kur", ``_COMPOUND``) gives its cardinal: these sets excuse a number the translation adds
    ("a 3-week course"), never ask for one, so a compound translated without its number ("a fortnight") is
    no error."""
    words = [m.group().lower() for m in _WORD.finditer(text)]
    found: list[frozenset[str]] = []
    for i, word in enumerate(words):
        value = _value(word) or _compound_value(word)
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


def spelled_as_digits(text: str, lang: str) -> str:
    """``text`` (without its ``_MARKS``) with every number ``spelled_numbers`` finds in ``lang`` written in digits
    ("two litres" -> "2 litres"), so that the unit after it is read as a number's unit, as ``as_digits`` does for
    the German."""
    text = _unmarked(text)[0]
    out, last = [], 0
    for m, value in sorted(_spelled(text, lang), key=lambda found: found[0].start()):
        if m.start() >= last:
            out += [text[last:m.start()], value]
            last = m.end()
    return "".join(out) + text[last:]


_APOSTROPHES = "\u02bc'\u2019"
_SPELLED = [*range(21), *range(30, 101, 10), 1000]  # what prose spells out; 21 is written "21"


def _ukrainian_cases() -> dict[str, int]:
    """The oblique cases of Ukrainian cardinals, which CLDR's rules (ICU's too) spell in the nominative only:
    "після пʼяти хвилин", "з двома дітьми", "для трьох осіб", "від нуля". After Pugh and Press, *Ukrainian: A
    Comprehensive Grammar* (Routledge 1999), chapter 5 (the numeral): 0 declines as a noun; 2 to 4 and 1 have
    their own endings; 5 to 20, 30 and 50 to 80 take -и (genitive, dative, locative), -ьох, -ьом, -ьма, -ьома;
    6, 7, 8 change their stem; 40, 90 and 100 take -а. Not "тисячі": as often "thousands" as "of a thousand"."""
    forms = dict.fromkeys(["нуля", "нулю", "нулем"], 0)
    forms |= dict.fromkeys(["одного", "однієї", "одної", "одному", "одній", "одну", "одним", "однією", "одною",
                           "однім"], 1)
    forms |= {"двох": 2, "двом": 2, "двома": 2, "трьох": 3, "трьом": 3, "трьома": 3, "чотирьох": 4, "чотирьом": 4,
              "чотирма": 4, "чотирьома": 4, "шести": 6, "семи": 7, "сімох": 7, "сімом": 7, "сьома": 7,
              "сімома": 7, "восьми": 8, "вісьмох": 8, "вісьмом": 8, "вісьма": 8, "вісьмома": 8, "сорока": 40,
              "девʼяноста": 90, "ста": 100, "тисячу": 1000, "тисячею": 1000}
    forms |= {"шіст" + ending: 6 for ending in ("ьох", "ьом", "ьма", "ьома")}
    stems = {"пʼят": 5, "девʼят": 9, "десят": 10, "одинадцят": 11, "дванадцят": 12, "тринадцят": 13,
             "чотирнадцят": 14, "пʼятнадцят": 15, "шістнадцят": 16, "сімнадцят": 17, "вісімнадцят": 18,
             "девʼятнадцят": 19, "двадцят": 20, "тридцят": 30, "пʼятдесят": 50, "шістдесят": 60, "сімдесят": 70,
             "вісімдесят": 80}
    forms |= {stem + ending: value for stem, value in stems.items() for ending in ("и", "ьох", "ьом", "ьма", "ьома")}
    return forms


def _arabic_forms() -> dict[str, int]:
    """The Arabic cardinals CLDR's rules do not write, after Ryding, *A Reference Grammar of Modern Standard
    Arabic* (Cambridge 2005), the chapter on numerals: 3 to 10 without ة, as they stand before a feminine noun
    (they take the other gender: "ثلاث مرات", three times; "ثلاثة أيام", three days), also in 13 to 19 ("ثلاث
    عشرة"); the oblique case of 2, 12 and the tens ("اثنين", "اثني عشر", "عشرين"), the masculine 11 ("أحد عشر";
    CLDR writes "إحدى عشر") and "مئة", CLDR's "مائة" without its silent alif. CLDR's "إثنان" is "اثنان" in the
    spelling rules (hamzat al-wasl): ``_FOLD`` reads every alif with or without its hamza as one."""
    units = {"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثماني": 8, "ثمان": 8, "تسع": 9}
    forms = {**units, "عشر": 10, "اثنين": 2, "اثنتين": 2, "اثني عشر": 12, "اثنتي عشرة": 12, "أحد عشر": 11,
             "مئة": 100}
    forms |= {f"{word} عشرة": value + 10 for word, value in units.items()}
    forms |= {word: 10 * n for n, word in enumerate(["عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين",
                                                      "ثمانين", "تسعين"], 2)}
    return forms


# Number words of a language that CLDR's spell-out rules do not write, with their values (the functions say whence)
GRAMMAR_FORMS = {"uk": _ukrainian_cases(), "ar": _arabic_forms()}


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
                _add(values, " ".join(word.replace("\u200b", "").lower().split()), n)
    for word, n in GRAMMAR_FORMS.get(lang.split("-")[0].lower(), {}).items():
        _add(values, word, n)
    if not values:  # rules that spell nothing (Norwegian Bokmål's "nb"): an empty pattern would match everywhere
        return None, {}
    words = "|".join(re.escape(w) for w in sorted(values, key=len, reverse=True))
    start = _word_start(lang, rf"(?<![^\W{UNSPACED}])")
    pattern = re.compile(rf"{start}(?:{words})(?![^\W{UNSPACED}])", re.IGNORECASE)
    return pattern, values


@lru_cache(maxsize=16)
def _writes_ordinals(lang: str) -> bool:
    """Whether CLDR's spell-out rules write ordinals in ``lang`` (Polish, Romanian, Ukrainian, Persian: none)."""
    from unicode_rbnf import FormatPurpose, RbnfEngine

    try:
        RbnfEngine.for_language(lang.split("-")[0].lower()).format_number(2, FormatPurpose.ORDINAL)
    except ValueError:
        return False
    return True


def _add(values: dict[str, str], word: str, n: int) -> None:
    """``word`` (lower case) of the value ``n`` into ``values`` as ``_spelled`` reads text (``_FOLD``), with every
    apostrophe: Ukrainian "пʼять" is typed "п'ять" or "п’ять" as often."""
    for apostrophe in _APOSTROPHES:
        values.setdefault(word.translate(_FOLD).replace("\u02bc", apostrophe), str(n))


# How often, in one word, where a language has a word of its own for it (CLDR's spell-out rules have none): what a
# German "2 x tgl." or "zweimal" becomes in a dose. Arabic: the singular and the dual (nominative, oblique) of
# "marra"; Hebrew: the dual of "pa'am" (Glinert, *Modern Hebrew: An Essential Grammar*, the dual: "פעמיים ביום",
# twice a day; not "פעם", also "ever" in "אף פעם", never); Ukrainian and Russian: the collective adverbs; Polish:
# the "-krotnie" adverbs; Dutch: "-maal".
MULTIPLICATIVES = {
    "en": {"once": "1", "twice": "2", "thrice": "3"},
    "ar": {"مرة": "1", "مرتان": "2", "مرتين": "2"},
    "he": {"פעמיים": "2"},
    "uk": {"двічі": "2", "тричі": "3"},
    "ru": {"дважды": "2", "трижды": "3"},
    "pl": {"jednokrotnie": "1", "dwukrotnie": "2", "trzykrotnie": "3", "czterokrotnie": "4"},
    "nl": {"eenmaal": "1", "tweemaal": "2", "driemaal": "3", "viermaal": "4"},
}
# The conjunction "and" that Hebrew and Arabic write as one letter before the next word ("ושלוש", "وثلاث": and
# three): a number word after it is read as one (Glinert, the prefixes; Ryding, the conjunction wa-). Not their
# other one-letter prefixes: Arabic "ل" (for) + "ست" (six) is "لست", "I am not".
_AND = {"ar": "و", "he": "ו"}


def _word_start(lang: str, boundary: str) -> str:
    """Where a number word may start in ``lang``: after no letter (``boundary``, a lookbehind), or after its
    ``_AND`` that follows none."""
    conjunction = _AND.get(lang.split("-")[0].lower())
    return rf"(?:{boundary}|(?<={boundary}{conjunction}))" if conjunction else boundary


_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_MULTIPLICATIVE = {lang: re.compile(rf"{_word_start(lang, _NO_LETTER_BEFORE)}(?:{'|'.join(words)})(?![^\W\d_])",
                                    re.IGNORECASE)
                   for lang, words in MULTIPLICATIVES.items()}


# Phrases whose number word says no number: the name of the colon. In the system's gettext catalogs
# (bench/bench_check_words.py's pairs) it names the colon 12 times in 12 in Romanian, 18 in 19 in Spanish, 14 in
# 15 in Italian (the other: "two distinct points"), 13 in 13 in French as "deux-points" (the Académie's spelling;
# unhyphenated 3 in 5, so that one still counts), 11 in 11 in Portuguese, 13 in 13 in Turkish.
NO_NUMBER = {
    "ro": ("două puncte",),
    "es": ("dos puntos",),
    "it": ("due punti",),
    "fr": ("deux-points",),
    "pt": ("dois-pontos", "dois pontos"),
    "tr": ("iki nokta",),
}
_NO_NUMBER = {lang: re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, phrases))})(?![^\W\d_])", re.IGNORECASE)
              for lang, phrases in NO_NUMBER.items()}


def spelled_numbers(text: str, lang: str) -> list[str]:
    """The values of the numbers ``text`` spells out in ``lang`` as CLDR writes them (Polish "dwie", Japanese
    "三", French "deuxième") and ``GRAMMAR_FORMS`` add, in order, then those its ``MULTIPLICATIVES`` say
    ("twice": 2), but none inside a ``NO_NUMBER`` phrase (Spanish "dos puntos", the colon); [] for a language
    CLDR has no spell-out rules and this module no multiplicatives for. Read without the vowel marks a text may
    write or not (``_MARKS``: Arabic "ثَلَاثُ" is "ثلاث", 3)."""
    return [value for _, value in _spelled(_unmarked(text)[0], lang)]


# Marks a text may write or leave out, which make no other word: Arabic harakat (fathatan to sukun, U+064B-U+0652),
# the superscript alif (U+0670) and the tatweel that stretches a word (U+0640); Hebrew niqqud and cantillation (the
# combining marks of U+0591-U+05C7, not the maqaf, paseq, sof pasuq and nun hafukha between them). CLDR's
# spell-out rules write the words without them.
_MARKS = re.compile("[\u0640\u064b-\u0652\u0670\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")


def _unmarked(text: str) -> tuple[str, list[int] | None]:
    """``text`` without its ``_MARKS``, and where each of its characters (and its end) stands in ``text``; None
    for a text without them, whose characters stand where they stood."""
    if not _MARKS.search(text):
        return text, None
    kept = [at for at, char in enumerate(text) if not _MARKS.match(char)]
    return "".join(text[at] for at in kept), [*kept, len(text)]


def _spelled(text: str, lang: str, how_often: bool = True) -> list[tuple[re.Match, str]]:
    """``spelled_numbers`` with the match of each, in ``text`` (without ``_MARKS``) read through ``_FOLD``; without
    its ``MULTIPLICATIVES`` for ``how_often`` False."""
    pattern, values = _spelled_pattern(lang)
    primary = lang.split("-")[0].lower()
    text = text.translate(_FOLD)
    found = [] if pattern is None else [(m, values[_key(m.group())]) for m in pattern.finditer(text)]
    if how_often and primary in _MULTIPLICATIVE:
        found += [(m, MULTIPLICATIVES[primary][_key(m.group())]) for m in _MULTIPLICATIVE[primary].finditer(text)]
    if found and primary in _NO_NUMBER:
        phrases = [m.span() for m in _NO_NUMBER[primary].finditer(text)]
        found = [(m, value) for m, value in found if not any(a <= m.start() < b for a, b in phrases)]
    return found


_YO = str.maketrans("ёЁ", "еЕ")
# What number words are read through, one character for one: "ё" as "е" (CLDR's Russian "трех" is typed "трёх"
# as often) and an Arabic alif with a hamza as the bare one ("إثنان" and "اثنان", "أربعة" and "اربعة")
_FOLD = str.maketrans("ёЁأإآ", "еЕااا")


def folded(text: str) -> str:
    """``text`` as number words and counted nouns are read (``_FOLD``), for a caller matching words against text
    read so (``check``'s unit names before an Arabic numeral)."""
    return text.translate(_FOLD)


def _key(word: str) -> str:
    """A matched number word as ``_spelled_pattern`` keys it: lower case, one space between words, and Turkish
    "İKİ" (lower case "i̇ki", with a combining dot) as "iki"."""
    return " ".join(word.lower().replace("i\u0307", "i").split())


# --------------------------------------------------------------------------
# Number words compared with number words (check ``number-words``): only those a reader takes for a number
# --------------------------------------------------------------------------

# Words next to which "ein", "one", "un", "одна" count 1 (else they are an article or a pronoun: "ein paar",
# "one of them"): a time span or unit CLDR names (``_unit_words``), and how often: "einmal täglich", "once a
# day", "une fois par jour", "один раз на день".
COUNT_WORDS = {
    "de": {"mal", "male", "täglich", "tgl", "pro", "je", "am", "im", "wöchentlich", "monatlich", "jährlich",
           "stündlich"},
    "en": {"time", "times", "a", "an", "per", "daily", "weekly", "monthly", "yearly", "hourly", "every", "each"},
    "fr": {"fois", "par", "chaque", "quotidiennement"},
    "es": {"vez", "veces", "al", "por", "cada", "diario", "diaria"},
    "it": {"volta", "volte", "al", "per", "ogni"},
    "pt": {"vez", "vezes", "por", "ao", "cada"},
    "nl": {"keer", "maal", "per"},
    "pl": {"raz", "razy", "dziennie", "tygodniowo", "na"},
    "uk": {"раз", "рази", "разів", "на", "щодня"},
    "ru": {"раз", "раза", "в", "ежедневно"},
    "ar": {"مرة", "مرات", "يوميا", "يوميًا"},
    "tr": {"kez", "kere", "defa"},
    "ro": {"dată", "ori", "pe"},
}
# Words that are a number only after an article or possessive, being something else alone: English "second"
# (the unit: "a second", "seconds"), Italian and Portuguese "segundo"/"secondo" ("according to") beside the
# ordinal: "the second day", "il secondo giorno".
ORDINAL_AFTER = {
    "en": ({"second"}, {"the", "every", "each", "its", "their", "your", "his", "her", "our", "my"}),
    "es": ({"segundo", "segunda", "segundos", "segundas"}, {"el", "la", "los", "las", "cada", "su", "sus"}),
    "it": ({"secondo", "seconda", "secondi", "seconde"}, {"il", "la", "lo", "i", "le", "l", "ogni", "suo", "sua"}),
    "pt": ({"segundo", "segunda", "segundos", "segundas"}, {"o", "a", "os", "as", "cada", "seu", "sua"}),
}
# Other words that count only next to a ``COUNT_WORDS`` word, as a 1 does: French "neuf" is 9 and "new"
NEEDS_COUNT_WORD = {"fr": {"neuf"}}
# A German ordinal counts after these ("am dritten Tag", "jeden zweiten Tag"): "achten" alone is the verb
# ("achten Sie auf ..."), and a heading's "Zweiter Teil" says no quantity a translation must keep.
_GERMAN_DETERMINERS = frozenset(
    "der die das den dem des am im zum zur vom beim ein eine einen einem einer eines jeder jede jedes jeden "
    "jedem mein meine meinen meinem meiner dein deine deinen deinem deiner sein seine seinen seinem seiner ihr "
    "ihre ihren ihrem ihrer unser unsere unseren unserem unserer euer eure euren eurem eurer diese dieser "
    "dieses diesen diesem".split())
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")  # what a word at the start of a sentence has right before it


# The units of a health text's quantities beside the time spans ("duration-*"): a dose, a drink, a distance
_COUNTED_UNITS = frozenset({"mass-microgram", "mass-milligram", "mass-gram", "mass-kilogram", "volume-milliliter",
                            "volume-centiliter", "volume-deciliter", "volume-liter", "volume-cup", "volume-tablespoon",
                            "volume-teaspoon", "volume-drop", "length-millimeter", "length-centimeter",
                            "length-meter", "length-kilometer", "energy-kilocalorie", "energy-foodcalorie"})


# Languages whose name of the second is also their ordinal "second" ("une seconde fois"): it says no 1 there
_SECOND_IS_ORDINAL = frozenset({"en", "fr", "es", "it", "pt"})


# Time spans in seconds, so that a number of one compares with a number of another: "vierzehn Tage" is "two
# weeks", "anderthalb Stunden" "ninety minutes"
_SPANS = {"duration-second": 1, "duration-minute": 60, "duration-hour": 3600, "duration-day": 86400,
          "duration-week": 604800, "duration-fortnight": 1209600}


@lru_cache(maxsize=64)
def _unit_words(lang: str) -> dict[str, int]:
    """The words of CLDR's names of time spans and ``_COUNTED_UNITS`` in ``lang`` (Babel's unit patterns, every
    width and plural form, two letters or more: "Stunde", "Stunden", "hours", "хвилин"), lower case -> the
    span in seconds (``_SPANS``; 0 for another unit, or a word two spans share)."""
    from babel import Locale, UnknownLocaleError

    words: dict[str, int] = {}
    try:
        patterns = Locale.parse(lang)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError):
        return words
    for unit, widths in patterns.items():
        if (not unit.startswith("duration-") and unit not in _COUNTED_UNITS
                or unit == "duration-second" and lang in _SECOND_IS_ORDINAL):
            continue
        span = _SPANS.get(unit.removesuffix("-person"), 0)
        for width in widths.values():
            for form, pattern in (width.items() if hasattr(width, "items") else ()):
                if form != "per" and isinstance(pattern, str) and "{0}" in pattern:
                    for word in _WORD.findall(pattern):
                        if len(word) > 1 and words.setdefault(word.lower(), span) != span:
                            words[word.lower()] = 0
    return words


@lru_cache(maxsize=64)
def _count_words(lang: str) -> frozenset[str]:
    """What may follow a number word that counts 1: ``_unit_words`` and ``COUNT_WORDS`` ("une fois par jour");
    before it, only a unit ("ساعة واحدة", "day one": "par un NUL" is no 1)."""
    return frozenset(_unit_words(lang)) | frozenset(COUNT_WORDS.get(lang, ()))


# Languages whose "one" follows the noun it counts: Arabic "مرة واحدة" (once), "ساعة واحدة" (one hour), "ملعقة صغيرة
# واحدة" (one teaspoon), and "two" too (Arabic "ساعتان اثنتان"); Hebrew "כפית אחת" (one teaspoon)
NUMERAL_AFTER_NOUN = frozenset({"ar", "he"})
# How a language says the German "halb acht" (7:30): by the hour before, "half past seven", "sept heures et
# demie"; or by the hour after, as German does, "half acht" (Dutch), "wpół do ósmej", "пів на восьму"
_HOUR_BEFORE = frozenset({"en", "fr", "es", "it", "pt", "ar", "tr", "ro", "el", "fa", "ja", "zh", "ko", "he"})
_HOUR_AFTER = frozenset({"nl", "sv", "da", "nb", "pl", "uk", "ru", "cs", "sk", "hu", "be"})


# The end of a word that may be a German number word (``_value`` decides): a number's stem, then "-mal", "-halb"
# or an ordinal's or adjective's ending. Searched in the text in lower case: a pattern without IGNORECASE is
# skipped through at C speed, five times faster than a loop over the words.
_GERMAN_CANDIDATE = re.compile(
    r"(?:null|eins?|zwei|zwo|drei|drit|vier|fünf|sechs|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|tausend|dutzend"
    r"|ers|halb)(?:mal|halb|s?te[mnrs]?|e[mnrs]?|er)?(?![^\W\d_])")
_BEFORE = re.compile(r"([^\W\d_]+)[\s\u00a0\u202f-]*$")
_AFTER = re.compile(r"[\s\u00a0\u202f-]*([^\W\d_]+)")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before and after ``text[start:end]``, lower case, where only spaces or a hyphen stand
    between ("eine Stunde", "ساعة واحدة"); else ""."""
    before = _BEFORE.search(text, max(0, start - 40), start)
    after = _AFTER.match(text, end)
    return (before.group(1).lower() if before else "", after.group(1).lower() if after else "")


def _seconds(value: str, span: int) -> str:
    """``value`` of a time span of ``span`` seconds each, as a value of seconds: "14" days -> "1209600s"."""
    return f"{float(value) * span:g}s"


@lru_cache(maxsize=4096)
def german_quantities(text: str, lang: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """The numbers the German ``text`` says in words, as a reader takes them: (word, value, every value a
    translation into ``lang`` may give it), in order.

    Left out: "ein", "eine", "einmal", "erste" ... but next to a time span, unit or rate ("eine Stunde",
    "einmal täglich"), since they are the article too ("ein paar" is no 2); an ordinal but after an article or
    possessive ("am dritten Tag"; "achten Sie" is the verb), and where ``lang`` has no ordinal words to read
    the translation's with (CLDR writes none in Polish, Romanian, Ukrainian); a capitalised word inside a
    sentence ("die Acht", "eine Elf"); "halb" and "halbe" (half an hour is "30 minutes" as often as "half"). A
    time span's value is
    also in seconds ("vierzehn Tage", "two weeks": "1209600s"); a half also its whole number ("zweieinhalb
    Stunden", "two and a half hours"); "zwanzig Uhr" is also 8. "halb acht" is the hour ``lang`` names
    (``_HOUR_BEFORE``, ``_HOUR_AFTER``; either in another language): "half past seven", "wpół do ósmej"."""
    found = []
    units, counted = _unit_words("de"), _count_words("de")
    lowered = text.lower()
    for m in _GERMAN_CANDIDATE.finditer(lowered if len(lowered) == len(text) else text):
        start = m.start()
        while start and text[start - 1].isalpha():  # the whole word: "drei" of "dreihundert", "zig" of "zwanzig"
            start -= 1
        spelling = text[start:m.end()]
        if (value := _value(word := spelling.lower())) is None or value == "0.5":
            continue
        before, after = _around(text, start, m.end())
        if after not in units and after.removesuffix("n") in units:  # the dative: "nach zwei Tagen"
            after = after.removesuffix("n")
        if (spelling[0].isupper() and word != "dutzend" and text[:start].strip()
                and not _SENTENCE_END.search(text[max(0, start - 8):start])):
            continue
        if _ordinal(word) is not None and cardinal(word) is None and (before not in _GERMAN_DETERMINERS
                                                                      or not _writes_ordinals(lang)):
            continue
        if value in ("1", "1.5") and before not in units and after not in counted:
            continue
        values = {value, value.split(".")[0]}
        if after == "uhr" and 13 <= float(value) <= 24:
            values.add(str(int(value) - 12))
        if span := units.get(after):
            values.add(_seconds(value, span))
        if before == "halb" and "." not in value and 1 <= int(value) <= 12:  # halb acht: 7:30
            earlier = str(int(value) - 1 or 12)
            hours = {value} if lang in _HOUR_AFTER else {earlier} if lang in _HOUR_BEFORE else {earlier, value}
            found.append((f"halb {spelling}", " or ".join(sorted(hours, key=int)), frozenset(hours)))
            continue
        found.append((spelling, value, frozenset(values)))
    return tuple(found)


@lru_cache(maxsize=4096)
def quantities(text: str, lang: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """The numbers a translation ``text`` in ``lang`` says in words (``spelled_numbers``: CLDR's spell-out words
    and ``MULTIPLICATIVES``), as a reader takes them: (word, value, its values: a time span's also in seconds, as
    in ``german_quantities``), in order. Left out as in
    ``german_quantities``: a 1 ("one", "un", "одна", "once", "first") but next to a time span, unit or rate
    ("one hour", "once a day"); an ``ORDINAL_AFTER`` word but after an article ("the second day", not "a
    second"); a ``NEEDS_COUNT_WORD`` word alone (French "neuf", new). Nothing in a script written without spaces
    (Chinese, Japanese, Thai): their number characters are parts of everyday words there (一般, 十分). Read
    without vowel marks (``_MARKS``), each word given as written, marks and all."""
    unmarked, places = _unmarked(text)
    if not (spelled := _spelled(unmarked, lang)):
        return ()
    primary = lang.split("-")[0].lower()
    shown, text = text, unmarked.translate(_YO)
    units, counted = _unit_words(primary), _count_words(primary)
    ordinals, determiners = ORDINAL_AFTER.get(primary, ((), ()))
    alone = NEEDS_COUNT_WORD.get(primary, ())
    found = []
    for m, value in sorted(spelled, key=lambda pair: pair[0].start()):
        word = m.group().lower()
        if unspaced(m.group()[0]):
            continue
        before, after = _around(text, m.start(), m.end())
        if word in ordinals and before not in determiners:
            continue
        if ((value == "1" or word in alone) and after not in counted
                and before not in (counted if primary in NUMERAL_AFTER_NOUN else units)):
            continue
        values = {value, _seconds(value, span)} if (span := units.get(after)) else {value}
        start, end = (m.start(), m.end()) if places is None else (places[m.start()], places[m.end()])
        found.append((shown[start:end], value, frozenset(values)))
    return tuple(found)


# --------------------------------------------------------------------------
# A time span or unit whose noun alone says how many (check ``numbers``): Arabic "سنة" (a year), "سنتين" (two years)
# --------------------------------------------------------------------------

# Duals CLDR does not write (its Hebrew "two years" is "{0} שנים"), after Glinert, *Modern Hebrew: An Essential
# Grammar* (Routledge 2005), the dual: the time spans that have one
_DUALS = {"he": {"שנתיים": "duration-year"}}
# Singular nouns of a recipe's spoons that CLDR does not write, which prose counts one with as it does CLDR's: Hebrew
# "כף" (a tablespoon; CLDR writes only "כפ׳"), Arabic "ملعقة شاي" and "ملعقة طعام" (a teaspoon and a tablespoon as
# the Levant's and Egypt's recipes name them, beside CLDR's "ملعقة صغيرة" and "ملعقة كبيرة")
_SINGULARS = {"he": {"כף": "volume-tablespoon"},
              "ar": {"ملعقة شاي": "volume-teaspoon", "ملعقة طعام": "volume-tablespoon"}}
def _slavic_spoons() -> dict[str, dict[str, tuple[str, bool]]]:
    """The recipe spoons' names of Russian, Ukrainian and Polish in every case, which CLDR writes in the nominative
    and the genitive only ("{0} столовая ложка", "{0} столовых ложек"): the instrumental of "смажьте столовой
    ложкой", "łyżką stołową", the dative of "по одной чайной ложке", the locative, the accusative of a dose ("1
    чайну ложку"): lang -> name (lower case) -> (CLDR unit, whether the name alone counts one: a singular in any case
    but the genitive, which a fraction or a part takes, "половина столовой ложки", half a tablespoon). After Wade,
    *A Comprehensive Russian Grammar* (the adjective's hard declension, the noun's second declension); Pugh and
    Press, *Ukrainian: A Comprehensive Grammar* (ложка: ложці in the dative and locative, ложок in the genitive
    plural); Swan, *A Grammar of Contemporary Polish* (łyżka, łyżeczka: łyżce, łyżeczce). The noun without its
    adjective is the tablespoon, as recipes write it beside the teaspoon ("5 ложек", "3 łyżki"; Polish "łyżeczka"
    is the teaspoon); the abbreviated adjective too ("ст. ложки", "ч. ложку", as CLDR's Ukrainian writes it). The
    nominative and genitive CLDR writes are among them, so that each paradigm is read whole and counted alike."""
    # (adjective ending, noun) per case, singular then plural; the genitive singular second
    russian = [("ая", "ложка"), ("ой", "ложки"), ("ой", "ложке"), ("ую", "ложку"), ("ой", "ложкой"),
               ("ою", "ложкою")], [("ые", "ложки"), ("ых", "ложек"), ("ым", "ложкам"), ("ыми", "ложками"),
                                   ("ых", "ложках")]
    ukrainian = [("а", "ложка"), ("ої", "ложки"), ("ій", "ложці"), ("у", "ложку"), ("ою", "ложкою")], [
        ("і", "ложки"), ("их", "ложок"), ("им", "ложкам"), ("ими", "ложками"), ("их", "ложках")]
    polish = [("a", "łyżka", "łyżeczka"), ("ej", "łyżki", "łyżeczki"), ("ej", "łyżce", "łyżeczce"),
              ("ą", "łyżkę", "łyżeczkę"), ("ą", "łyżką", "łyżeczką")], [
        ("e", "łyżki", "łyżeczki"), ("ych", "łyżek", "łyżeczek"), ("ym", "łyżkom", "łyżeczkom"),
        ("ymi", "łyżkami", "łyżeczkami"), ("ych", "łyżkach", "łyżeczkach")]
    found: dict[str, dict[str, tuple[str, bool]]] = {}
    for lang, (singular, plural), adjectives in (("ru", russian, {"столов": "volume-tablespoon",
                                                                    "чайн": "volume-teaspoon"}),
                                                 ("uk", ukrainian, {"столов": "volume-tablespoon",
                                                                    "чайн": "volume-teaspoon"})):
        names = found[lang] = {}
        for one, cases in ((True, singular), (False, plural)):
            for at, (ending, noun) in enumerate(cases):
                counts = one and at != 1
                names.setdefault(noun, ("volume-tablespoon", counts))
                for stem, unit in adjectives.items():
                    names.setdefault(f"{stem}{ending} {noun}", (unit, counts))
                for short, unit in (("ст.", "volume-tablespoon"), ("ч.", "volume-teaspoon")):
                    names.setdefault(f"{short} {noun}", (unit, False))
    names = found["pl"] = {}
    for one, cases in ((True, polish[0]), (False, polish[1])):
        for at, (ending, big, small) in enumerate(cases):
            counts = one and at != 1
            names.setdefault(big, ("volume-tablespoon", counts))
            names.setdefault(f"{big} stołow{ending}", ("volume-tablespoon", counts))
            names.setdefault(small, ("volume-teaspoon", counts))
    return found


# The spoons' names of Russian, Ukrainian and Polish in every case (``_slavic_spoons``), which ``check`` reads as
# units after a number and ``_counted_nouns`` as one spoon said by the noun alone
SPOON_CASES = _slavic_spoons()

# Hebrew units whose singular noun alone is one of them in prose, beside the time spans: the spoons ("כפית סוכר", a
# teaspoon of sugar). Not its litre, gram or metre: "גרם" is also "caused", "מטר" a shower of rain.
_HEBREW_COUNTED = frozenset({"volume-teaspoon", "volume-tablespoon"})
# The clitics a counted noun may carry. Arabic: "and", "so", then "with/in", "for", "like" ("بسنة", "لسنتين"); the
# article too before a dual, which still says two ("السنتين الأخيرتين", the last two years), never before a
# singular ("السنة" is the year, no count). Hebrew alike: "and", "that", then "in", "for", "like", "from"
# ("מגיל שנה" has none), the article before a dual only ("השנתיים").
_CLITICS = {"ar": ("(?:[وف]?[بلك]?)", "(?:[وف]?(?:[بلك]|ال|بال|لل|كال)?)"),
            "he": ("(?:[וש]?[בלכמ]?)", "(?:[וש]?[בלכמ]?ה?)")}
# Languages without articles whose prose drops "one" before a singular time span or unit ("in 1 Stunde": Russian
# "через час", Ukrainian "за годину", Polish "za godzinę", "w ciągu godziny"), and the plural forms of CLDR's long
# unit patterns that write the singular in the cases a preposition governs there (Wade, *A Comprehensive Russian
# Grammar*; Pugh and Press, *Ukrainian*; Swan, *A Grammar of Contemporary Polish*): the nominative ("one": "{0}
# час"), the accusative of a rate ("per": "{0} на годину", "{0} na godzinę", the noun after its preposition) and
# the genitive singular, which a fraction takes ("other": "1,5 часа", "1,5 години", "1,5 godziny"). No dual.
_SINGULAR_FORMS = {"ru": ("one", "per", "other"), "uk": ("one", "per", "other"), "pl": ("one", "per", "other")}


@lru_cache(maxsize=64)
def _unit_ids(lang: str) -> dict[str, frozenset[str]]:
    """The words of CLDR's names of time spans and ``_COUNTED_UNITS`` in ``lang`` (as ``_unit_words`` reads them),
    lower case -> the units they name ("duration-year"; a "-person" unit as its plain one)."""
    from babel import Locale, UnknownLocaleError

    try:
        patterns = Locale.parse(lang)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError):
        return {}
    words: dict[str, set[str]] = {}
    for unit, _, pattern in _unit_names(patterns):
        if "{0}" in pattern:
            for name in _WORD.findall(pattern):
                if len(name) > 1:
                    words.setdefault(name.lower(), set()).add(unit)
    return {word: frozenset(units) for word, units in words.items()}


def _unit_names(patterns) -> list[tuple[str, str, str]]:
    """(unit, plural form, pattern) of every time span and ``_COUNTED_UNITS`` pattern of Babel's ``unit_patterns``
    ("duration-year", "one", "سنة"), every width."""
    found = []
    for unit, widths in patterns.items():
        if not unit.startswith("duration-") and unit not in _COUNTED_UNITS:
            continue
        for width in widths.values():
            for form, pattern in (width.items() if hasattr(width, "items") else ()):
                if form != "per" and isinstance(pattern, str):
                    found.append((unit.removesuffix("-person"), form, pattern))
    return found


@lru_cache(maxsize=16)
def _counted_nouns(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """A pattern of the nouns that say a count of a time span or unit by themselves in ``lang``, and noun (read
    through ``_FOLD``) -> (value, unit). Only in Arabic and Hebrew (``_CLITICS``), where a number follows its
    noun and no indefinite article stands before it, so that the noun alone is one of it: CLDR writes one
    and two of many units in Arabic without a number ("سنة", "سنتان", "ساعتان") and two in Hebrew ("יומיים",
    "שעתיים"), and prose writes them so ("الأطفال من عمر سنة", children from the age of one). Arabic, after
    Ryding, *A Reference Grammar of Modern Standard Arabic* (Cambridge 2005), the dual: each singular CLDR writes
    alone also as its dual, nominative "-ān" and oblique "-ayn" (ة as ت: "ساعة", "ساعتين"), and a masculine one in
    the indefinite accusative ("يوما"); Hebrew: the singular of a time span (CLDR's "{0} שנה"), which it counts
    as Arabic does, and ``_DUALS``. And in Russian, Ukrainian and Polish, which have no article either and drop
    "one" in prose ("через час", "за годину"): a singular noun in the cases ``_SINGULAR_FORMS`` names."""
    from babel import Locale, UnknownLocaleError

    primary = lang.split("-")[0].lower()
    if primary not in _CLITICS and primary not in _SINGULAR_FORMS:
        return None, {}
    try:
        patterns = Locale.parse(primary)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError):
        return None, {}
    if primary in _SINGULAR_FORMS:
        spoons = {name: unit for name, (unit, counts) in SPOON_CASES.get(primary, {}).items() if counts}
        return _singular_nouns(patterns, _SINGULAR_FORMS[primary], spoons)
    singular: dict[str, str] = {}
    dual: dict[str, str] = dict(_DUALS.get(primary, {}))
    for unit, form, pattern in _unit_names(patterns):
        if form not in ("one", "two"):
            continue
        words = " ".join(pattern.split())
        if "{0}" in words:  # Hebrew's time spans: the noun of "{0} שנה" alone
            noun = words.replace("{0}", "").strip()
            if (primary == "he" and form == "one" and (unit.startswith("duration-") or unit in _HEBREW_COUNTED)
                    and _WORD.fullmatch(noun)):
                singular.setdefault(noun, unit)
            continue
        (singular if form == "one" else dual).setdefault(words, unit)
        if primary == "ar" and form == "two":
            dual.setdefault(" ".join(w[:-2] + "ين" if w.endswith("ان") else w for w in words.split()), unit)
    for noun, unit in _SINGULARS.get(primary, {}).items():
        singular.setdefault(noun, unit)
    if primary == "ar":
        for noun, unit in list(singular.items()):
            for nominative, oblique in _arabic_duals(noun):
                dual.setdefault(nominative, unit)
                dual.setdefault(oblique, unit)
            if " " not in noun and not noun.endswith("ة"):
                singular.setdefault(noun + "ا", unit)
    values = {noun.translate(_FOLD): ("1", unit) for noun, unit in singular.items()}
    values |= {noun.translate(_FOLD): ("2", unit) for noun, unit in dual.items()}
    one, two = _CLITICS[primary]

    def alternatives(value: str) -> str:
        nouns = (noun for noun in values if values[noun][0] == value)
        return "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True))

    pattern = re.compile(rf"(?<![^\W\d_])(?:{one}(?P<one>{alternatives('1')})|{two}(?P<two>{alternatives('2')}))"
                         rf"(?![^\W\d_])")
    return pattern, values


def _arabic_duals(noun: str) -> list[tuple[str, str]]:
    """The dual of the Arabic singular ``noun`` (CLDR's, ``_SINGULARS``), nominative and oblique, after Ryding, the
    dual: a word "-ān" and "-ayn" (ة as ت: "ساعة", "ساعتان", "ساعتين"); a noun and its adjective both so, which
    agrees with it ("ملعقة صغيرة", "ملعقتان صغيرتان", "ملعقتين صغيرتين"); a noun before the noun it is of
    (iḍāfa) without its nūn ("ملعقة شاي", "ملعقتا شاي", "ملعقتي شاي"). [] for another phrase ("ملعقة ص", an
    abbreviation)."""
    def stem(word: str) -> str:
        return word[:-1] + "ت" if word.endswith("ة") else word

    words = noun.split()
    if len(words) == 1:
        return [(stem(noun) + "ان", stem(noun) + "ين")]
    if len(words) != 2 or not words[0].endswith("ة") or len(words[1]) < 3:
        return []
    if words[1].endswith("ة"):
        return [(" ".join(stem(w) + "ان" for w in words), " ".join(stem(w) + "ين" for w in words))]
    return [(f"{stem(words[0])}ا {words[1]}", f"{stem(words[0])}ي {words[1]}")]


def counted_noun_units(lang: str) -> dict[str, str]:
    """The nouns that say a count of a unit by themselves in ``lang`` (``_counted_nouns``: Arabic "ملعقة صغيرة",
    "ملعقتان صغيرتان", Hebrew "כפית"), read through ``_FOLD``, -> the CLDR unit they name ("volume-teaspoon")."""
    return {noun: unit for noun, (_, unit) in _counted_nouns(lang)[1].items()}


def numerals_after_nouns(text: str, lang: str) -> tuple[str, list[tuple[int, str]]]:
    """In a ``NUMERAL_AFTER_NOUN`` language, ``text`` as number words are read in it (without ``_MARKS``, through
    ``_FOLD``) and where each numeral that follows the noun it counts starts there, with its value: 1 and 2
    (Arabic "ملعقة صغيرة واحدة", "ملعقتان اثنتان"; Hebrew "כפית אחת"), which stand after their noun as an
    adjective does, where 3 and more stand before it ("ثلاث ملاعق"). ("", []) for another language."""
    if lang.split("-")[0].lower() not in NUMERAL_AFTER_NOUN:
        return "", []
    text = _unmarked(text)[0].translate(_FOLD)
    return text, [(m.start(), value) for m, value in _spelled(text, lang) if value in ("1", "2")]


def _singular_nouns(patterns, forms: tuple[str, ...], spoons: dict[str, str]
                    ) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """``_counted_nouns`` of a ``_SINGULAR_FORMS`` language: the one-word noun of each of ``forms`` of the long unit
    patterns (a rate's without its preposition), lower case, as 1 of its unit; no clitics, any case. And the
    ``spoons`` (``SPOON_CASES``: name -> unit), of two words as often ("столовую ложку", one tablespoon)."""
    values: dict[str, tuple[str, str]] = {name: ("1", unit) for name, unit in spoons.items()}
    for unit, widths in patterns.items():
        if not unit.startswith("duration-") and unit not in _COUNTED_UNITS:
            continue
        long = widths.get("long") or {}
        for form in forms:
            words = str(long.get(form, "")).split()
            if "{0}" not in words:
                continue
            words.remove("{0}")
            noun = words[-1] if form == "per" and len(words) == 2 else words[0] if len(words) == 1 else ""
            if _WORD.fullmatch(noun):
                values.setdefault(noun.lower().translate(_FOLD), ("1", unit.removesuffix("-person")))
    if not values:
        return None, {}
    nouns = "|".join(re.escape(noun) for noun in sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?P<one>{nouns})(?![^\W\d_])", re.IGNORECASE), values


# A number and a unit word after it in the German ("1 Jahr", "1–2 Stunden", "1 bis 2 Tage"), the number a whole one
# and no ordinal ("im 1. Jahr" is the first)
_GERMAN_COUNT = re.compile(r"(?<![\d.,])(\d+)(?![.,]\d)(?:[\s\u00a0\u202f]*(?:[–-]|bis|oder|und)[\s\u00a0\u202f]*"
                           r"(\d+)(?![.,]\d))?[\s\u00a0\u202f]*([^\W\d_]+)")
_NEXT_TO_DIGIT = re.compile(r"\d[\s\u00a0\u202f]*$")


def nouns_counting(german: str, translation: str, lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The counts the ``translation`` says by a noun alone (``_counted_nouns``: Arabic "سنة", one year; "ساعتين",
    two hours) where the ``german`` writes that number in digits beside a unit of the same kind ("1 Jahr", "2
    Stunden"), each German number once: (value, the German's unit word), in order. So "1 Jahr" -> "سنة" matches,
    while "2 Jahre" -> "سنة" or "1 Jahr" -> "سنتين" matches nothing; nor does a noun beside a number, whose number
    is said there ("15 سنة", "خمس عشرة سنة": fifteen years, in the singular). And, second, those of a unit the
    German counts that match no German number: (value, the noun as read), "1 Jahr" -> "سنتين" (2, "سنتين"), the
    translation's own number, which ``check`` names beside the German's; none in a ``_SINGULAR_FORMS`` language,
    whose bare singular says no count as often ("каждый день", every day; "в день", a day)."""
    if _counted_nouns(lang)[0] is None:
        return [], []
    primary = lang.split("-")[0].lower()
    units = _unit_ids("de")
    said: list[tuple[str, str, str, int]] = []  # (number, unit, unit word, where): a word may name two units
    for m in _GERMAN_COUNT.finditer(german):
        word = m.group(3).lower()
        kinds = units.get(word) or units.get(word.removesuffix("n"), frozenset())
        said += [(number, unit, m.group(3), m.start(at)) for at, number in enumerate(m.group(1, 2), 1) if number
                 for unit in kinds]
    if not said:
        return [], []
    found, others = [], []
    kinds_said = {s[1] for s in said}
    for m, value, unit in _nouns_alone(translation, lang):
        if match := next((s for s in said if s[:2] == (value, unit)), None):
            said = [s for s in said if s[3] != match[3]]
            found.append((value, match[2]))
        elif unit in kinds_said and primary not in _SINGULAR_FORMS:
            others.append((value, m.group(0)))
    return found, others


def _nouns_alone(translation: str, lang: str) -> list[tuple[re.Match, str, str]]:
    """The nouns of ``_counted_nouns`` in ``translation`` (without its ``_MARKS``, read through ``_FOLD``) that say
    their count alone, with no digit or spelled number beside them ("15 سنة", "خمس عشرة سنة", "два дня" say theirs
    there): (match, value, unit), in order. How often (``MULTIPLICATIVES``) counts no noun beside it: "ملعقة صغيرة
    مرتين يوميًا", "כפית פעמיים ביום" are one teaspoon twice a day (they were read as no count of the spoon, and "1
    TL" as missing)."""
    pattern, values = _counted_nouns(lang)
    if pattern is None:
        return []
    text = _unmarked(translation)[0].translate(_FOLD)
    spelled = [(*m.span(), value) for m, value in _spelled(text, lang, how_often=False)]
    # in Arabic and Hebrew only a 1 or 2 stands after the noun it counts; a number after it counts the next noun
    # ("ملعقة صغيرة ثلاث مرات", "כפית 3 פעמים": a teaspoon three times)
    after_noun = lang.split("-")[0].lower() in NUMERAL_AFTER_NOUN
    found = []
    for m in pattern.finditer(text):
        if (_NEXT_TO_DIGIT.search(text, 0, m.start())
                or not after_noun and re.match(r"[\s\u00a0\u202f]*\d", text[m.end():])
                or any(end <= m.start() and not text[end:m.start()].strip() or start >= m.end()
                       and not text[m.end():start].strip() and (not after_noun or value in ("1", "2"))
                       for start, end, value in spelled)):
            continue
        found.append((m, *values[m.group(m.lastgroup).lower()]))
    return found


@lru_cache(maxsize=4096)
def noun_quantities(german: str, translation: str, lang: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """The counts the ``translation`` says by a noun alone (``_nouns_alone``: Arabic "سنة", one year; "ساعتين", two
    hours; Russian "час") of a unit the ``german`` counts with a number word ("zwei Jahre", "eine Stunde"), as
    ``quantities`` gives its words: (noun, value, its values, a time span's also in seconds), in order. Read as
    ``nouns_counting`` reads them beside the German's digits, so that "zwei Jahre" -> "سنة" is a number word of
    another value (check ``number-words``), where ``quantities`` found no number in the translation at all."""
    if _counted_nouns(lang)[0] is None:
        return ()
    units = _unit_ids("de")
    kinds: set[str] = set()
    for m in _WORD.finditer(german):
        if _value(m.group().lower()) is not None and (after := _AFTER.match(german, m.end())):
            word = after.group(1).lower()
            kinds |= units.get(word) or units.get(word.removesuffix("n"), frozenset())
    if not kinds:
        return ()
    found = []
    for m, value, unit in _nouns_alone(translation, lang):
        if unit in kinds:
            values = {value, _seconds(value, span)} if (span := _SPANS.get(unit)) else {value}
            found.append((m.group(), value, frozenset(values)))
    return tuple(found)
