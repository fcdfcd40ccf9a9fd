"""Typography for the pages: no line break between a number and its unit or a day and its month; French spaces.

DIN 5008 writes a space between a number and its unit ("5 mg", "12,50 €", "37 °C", "20 %"), after a
section sign ("§ 5") and between the day and the month of a date ("3. Oktober"), and asks that the line
not break there: a reader who meets "5" at the end of a line and "mg" at the start of the next misreads a
dose. The space stays as wide as the author typed it (DIN 5008's space, not a typesetter's narrow one:
U+202F is missing from many fonts, and a browser fills it from another), only unbreakable: U+00A0.

Only the pages get it (``render``: text nodes of the German text of a page's body; the site's templates: the
``no_break`` filter on titles and summaries): the editions' Markdown, the catalogs and the feeds' plain-text
titles keep the author's spaces, so segments, msgids and translation memory stay what was written.

The dates and reading times the pages show in every language (CLDR's words, by Babel) keep their number with
its word the same way: "May\u00a026, 2026", "26\u00a0mai 2026", "26\u00a0de\u00a0mayo de 2026", "5\u00a0minutes"
(``date_pattern``, ``number_with_unit``); the year may start a line, as after a German "26.\u00a0Mai".

French sets a no-break space before ; : ! ? » and after «, so a "?" never starts a line: ``french_spaces``
makes the plain space a translation has there U+202F, the narrow no-break space, before the colon too, as CLDR's
French data writes its own patterns (``localeKeyTypePattern`` "{0}\u202f: {1}", CLDR 47) and this project's
``site.po`` and ``verlag.toml`` do. The Imprimerie nationale's Lexique asks a word-wide space before the colon
and inside guillemets: a U+00A0 the translator typed stays, and so does no space at all ("«Stop»", Swiss usage).
Only French pages get it (tags fr, fr-*), in the same places as the German rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["FRENCH", "GERMAN", "date_pattern", "french_spaces", "in_language", "no_break", "number_with_unit"]

GERMAN = frozenset({"de"})  # the languages (BCP 47 primary subtags) whose typography ``no_break`` is
FRENCH = frozenset({"fr"})  # and ``french_spaces``
NBSP = "\u00a0"
NNBSP = "\u202f"

# SI and everyday units and currencies a health text writes after a number, the clock's "Uhr" ("8–12 Uhr")
# and the unit words of temperature, percent and money; a word that only follows a number ("3 Tage",
# "2 Tabletten") is no unit and may start a line.
UNITS = r"""mg g kg µg μg mcg ng l ml dl cl µl μl mm cm m km h min s ms sek Min\. Std\. Sek\. °C °F ° % ‰
            € EUR ct Cent \$ £ CHF IE I\.E\. kcal kJ mmol µmol μmol mol mmHg bpm Hz kHz cm² m² cm³ m³ mg/dl
            mg/kg mmol/l µg/l μg/l ng/ml IU Uhr Grad Prozent Euro""".split()
MONTHS = r"""Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember Jan\. Feb\.
             Mär\. Apr\. Jun\. Jul\. Aug\. Sep\. Sept\. Okt\. Nov\. Dez\.""".split()
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
# the space after a number ("1.000", "12,50", "5-10" end in a digit) and before a unit that ends there
_NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_UNIT})(?![\w/²³]))")
# a day ("3.", "03.") before its month: the month names are whole words
_DAY_MONTH = re.compile(rf"(?<![\d.])(\d{{1,2}}\.) (?=(?:{'|'.join(MONTHS)})(?!\w))")
_SECTION = re.compile(r"(§§?) (?=\d)")
_BESIDE_NUMBER = re.compile(r"(?<=\d) | (?=\d)")
_DIGIT = re.compile(r"\d")  # every space ``no_break`` makes unbreakable is beside one
_FRENCH_SPACE = re.compile(r" +(?=[;:!?»])|(?<=«) +")  # the plain spaces before a high sign or after «


def in_language(text: str, lang: str) -> str:
    """``text`` (plain, a title or summary) as a page shows it in ``lang`` (BCP 47, the text's own language):
    ``no_break`` for German, ``french_spaces`` for French, else as it is. The site's templates have it as the
    filter ``no_break(lang)``."""
    primary = lang.split("-")[0]
    if primary in GERMAN:
        return no_break(text)
    return french_spaces(text) if primary in FRENCH else text


def french_spaces(text: str) -> str:
    """``text`` (French prose, no markup) with U+202F for the plain spaces before ; : ! ? » and after «; a
    no-break space typed there, and a sign with no space before it, as they were."""
    return _FRENCH_SPACE.sub(NNBSP, text) if " " in text else text


def no_break(text: str) -> str:
    """``text`` (German prose, no markup) with U+00A0 for the space between a number and its unit, a day and its
    month, a section sign and its number; everything else as it was. Each of the three spaces is beside a digit:
    a text without a space or a digit is returned after one scan (the pages' text runs mostly are, and the
    three substitutions tried every position of each)."""
    if " " not in text or not _DIGIT.search(text):
        return text
    text = _NUMBER_UNIT.sub(NBSP, text)
    text = _DAY_MONTH.sub(rf"\1{NBSP}", text)
    return _SECTION.sub(rf"\1{NBSP}", text)


@lru_cache(maxsize=64)
def date_pattern(pattern: str) -> str:
    """A CLDR date pattern (``babel.dates`` syntax: "MMMM d, y", "d. MMMM y", "d 'de' MMMM 'de' y") with U+00A0 for
    each space between its day and its month, where nothing else stands between them; the rest as it was.
    Kept per pattern: a site has one or two per language, and every page's dates asked for them."""
    from babel.dates import tokenize_pattern, untokenize_pattern

    tokens = tokenize_pattern(pattern)
    fields = [i for i, (kind, value) in enumerate(tokens) if kind == "field"]
    for start, end in zip(fields, fields[1:]):
        if {tokens[start][1][0], tokens[end][1][0]} in ({"d", "M"}, {"d", "L"}):
            tokens[start + 1:end] = [("chars", text.replace(" ", NBSP)) for _, text in tokens[start + 1:end]]
    return untokenize_pattern(tokens)


def number_with_unit(text: str) -> str:
    """``text``, a number and its unit word as CLDR writes them ("5 minutes", "1 Minute", "5 دقائق"), with U+00A0
    for a space beside a digit."""
    return _BESIDE_NUMBER.sub(NBSP, text)
