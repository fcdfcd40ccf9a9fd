"""The project's terminology: ``translations/glossary.csv``, read, matched and shown to reviewers.

One row per German term. Columns: ``source`` (the German term), one column
per target language with the preferred translation (``en``, ``fr``, ...),
``<lang>_forbidden`` with alternatives that must not be used (separated by
``|``), ``dnt`` (``yes`` = do not translate: the term stays as written) and
``note`` (shown to reviewers). Empty cells are fine. Cells are separated by
commas, or by semicolons or tabs where the header line is (``_separator``:
German Excel saves "CSV UTF-8" with ``;`` and a byte order mark).

German terms are found in inflected and compound use by one rule
(``_source_pattern``): a term matches at the start of a word, in the case
written or with its first letter in the other case, followed by a German
inflection ending (-e, -en, -er, -es, -em, -n, -s, -ns), by a hyphenated
compound (``Mariendistel-Tee``; also as a later part, ``Leber-Qi``) or, for
terms of five letters or more, by a closed compound (``Mariendistelkur``);
a noun also in its plural with umlaut (``Aufgüsse``, ``Ärzte``, ``Mütter``:
``_umlaut_plural``).
Short terms never match inside a longer word, so ``Qi`` does not match
``Qigong``. In a term of several words each word may carry an inflection
ending (``Traditionelle Chinesische Medizin`` matches ``Traditionellen
Chinesischen Medizin``). A term at the *end* of a closed compound
(``Schweineleber``) is not matched. Translations are matched
case-insensitively at word starts, with up to three letters of ending
(plurals) and hyphens or spaces between their words; in scripts written
without spaces between words (Chinese, Japanese, Thai, and Korean, which
writes its particles onto the noun) a term is found anywhere in the text
(``中医学では``), and a Latin term beside such text is a word (``TCMでは``).

Invisible format characters that only hint where a line may break (soft
hyphen U+00AD, zero width space U+200B, word joiner U+2060, U+FEFF; Unicode
Default_Ignorable_Code_Point, as pasted from web pages: ``Ur\u00adsachen``)
are ignored in every match, in the German, the translation and the CSV.
Zero width (non-)joiners U+200C/U+200D are kept: they change the spelling of
Persian or Indic words.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import LazyPattern
from .conflicts import refuse_conflict
from .errors import ManyErrors, VerlagError
from .scripts import UNSPACED

GLOSSARY_NAME = "glossary.csv"
HINT_PREFIX = "glossary: "
_YES, _NO = {"yes", "y", "x", "1", "true"}, {"", "no", "n", "0", "false"}
_INFLECTION = r"(?:e|en|er|es|em|n|s|ns)?"
# The most words a term (German, a translation, a forbidden one) may have: its pattern follows the term word by
# word from each word of a sentence, so a term of m words costs a sentence of n words up to n·m steps.
MAX_TERM_WORDS = 20
_LETTER = r"[^\W\d_]"
# A word of a script written with spaces: Chinese, Japanese and Thai run their words together, and Korean writes
# its particles onto the noun, so a term is found there as a substring (``中医学では``), and a Latin term right
# before or after such a character still starts or ends a word (``TCMでは``)
_SPACED = rf"[^\W\d_{UNSPACED}]"
_WORD_START = rf"(?<![^\W{UNSPACED}])"
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")


def visible(text: str) -> str:
    """``text`` without the line-break hints a glossary match ignores (soft hyphen, zero width space...)."""
    return text.translate(_INVISIBLE)


# Arabic vowel marks (harakat, fathatan to sukun, and the superscript alef): written or left out at will, so a
# translation's "الكُرْكُم" is the glossary's "كركم"
_UNVOWELLED = str.maketrans("", "", "".join(map(chr, range(0x064B, 0x0653))) + "\u0670")


def matchable(text: str) -> str:
    """A translation as its glossary terms are matched in it (``target_pattern``): ``visible``, and without
    Arabic vowel marks."""
    return visible(text).translate(_UNVOWELLED)


def as_written(text: str, start: int, end: int) -> str:
    """The part of ``visible(text)`` that ``matchable(text)[start:end]`` is, with its vowel marks: what a message
    quotes so that the reviewer finds it in the catalog."""
    shown = visible(text)
    kept = [i for i, ch in enumerate(shown) if ord(ch) not in _UNVOWELLED]
    if len(kept) == len(shown):
        return shown[start:end]
    stop = kept[end - 1] + 1
    while stop < len(shown) and ord(shown[stop]) in _UNVOWELLED:
        stop += 1
    return shown[kept[start]:stop]


@dataclass(frozen=True)
class Term:
    source: str
    preferred: dict[str, str] = field(compare=False)  # lang -> preferred translation
    forbidden: dict[str, tuple[str, ...]] = field(compare=False)  # lang -> terms not to use
    dnt: bool = False
    note: str = ""
    line: int = 0  # in glossary.csv, for messages

    @cached_property
    def pattern(self) -> re.Pattern:
        return _source_pattern(self.source)

    def target(self, lang: str) -> str | None:
        """What the term must be in ``lang``: itself when not translated, else the preferred term."""
        return self.source if self.dnt else (self.preferred.get(lang) or None)

    def hint(self, lang: str) -> str | None:
        """The ``#.`` line a reviewer sees on an entry that contains the term."""
        target = self.target(lang)
        if target is None and not self.forbidden.get(lang) and not self.note:
            return None
        text = f"{HINT_PREFIX}{self.source} -> {target}" if target else f"{HINT_PREFIX}{self.source}"
        extras = (["do not translate"] if self.dnt else []) + \
                 ([f"not: {', '.join(self.forbidden[lang])}"] if self.forbidden.get(lang) else []) + \
                 ([self.note] if self.note else [])
        return f"{text} ({'; '.join(extras)})" if extras else text


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    digest: str = ""  # sha256 of the file, for content-hash caches
    _found: dict = field(default_factory=dict, compare=False, repr=False)  # text -> terms, per run

    def find(self, text: str) -> list[Term]:
        """The terms that occur in German ``text``, in glossary order (see ``_find``)."""
        if not self.terms:
            return []
        if text not in self._found:
            self._found[text] = self._find(_prose(visible(text)))
        return self._found[text]

    def _find(self, text: str) -> list[Term]:
        """The terms that occur in German ``text``, in glossary order.

        Where matches overlap the longer one wins: ``Qi`` inside
        ``Leber-Qi-Stagnation`` or ``Naturheilkunde`` inside the name
        ``Praxis für Naturheilkunde Berger`` is not a term of its own.
        """
        matches = sorted(((m.end() - m.start(), m.start(), m.end(), n) for n, t in enumerate(self.terms)
                          for m in t.pattern.finditer(text)), key=lambda x: (-x[0], x[1]))
        taken: list[tuple[int, int]] = []
        found: set[int] = set()
        for _, a, b, n in matches:
            if all(b <= x or a >= y for x, y in taken):
                taken.append((a, b))
                found.add(n)
        return [t for n, t in enumerate(self.terms) if n in found]

    def for_language(self, lang: str) -> dict[str, str]:
        """German term -> required translation, e.g. for an MT engine's glossary feature."""
        return {t.source: target for t in self.terms if (target := t.target(lang))}


def _prose(text: str) -> str:
    """The text with its inline markup blanked: a term inside a link address or code is no use of it."""
    from .markup import scan

    return "".join(" " if is_markup else piece for is_markup, piece in scan(text, frozenset()))


def _source_pattern(term: str) -> re.Pattern:
    words = term.split()
    parts = []
    for n, word in enumerate(words):
        first, rest = word[0], re.escape(word[1:])
        head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.isalpha() else re.escape(first)
        last = n == len(words) - 1
        compound = len(word) >= 5 and word.isalpha()
        plural = _umlaut_plural(word) if last else None
        if not last:
            parts.append(f"{head}{rest}{_INFLECTION}")
        elif compound:
            parts.append(f"{head}{rest}(?:{_LETTER}*|-)")
        else:
            parts.append(f"{head}{rest}(?:{_INFLECTION}(?!{_LETTER})|-)")
        if plural:
            parts[-1] = f"(?:{parts[-1]}|{plural})"
    return re.compile(r"(?<!\w)" + r"\s+".join(parts))


_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "au": "äu", "aa": "ä", "oo": "ö"}
_VOWELS = LazyPattern("[aeiouyäöü]+", re.IGNORECASE)


def _umlaut_plural(word: str) -> str | None:
    """The pattern of a German noun's plural with umlaut, or None where the word cannot have one.

    German marks many plurals by an umlaut on the last vowel of the stem (folded as ``tm._inflected`` folds
    them): nouns in -er, -el, -en take no ending (Mutter/Mütter, Apfel/Äpfel, Garten/Gärten), others take -e
    or -er (Arzt/Ärzte, Aufguss/Aufgüsse, Haus/Häuser); the dative plural adds -n. Only a noun has such a plural,
    so only a term written with a capital gets it, and the plural keeps the capital: ``Wasser`` is not found in
    the verb ``wässern``. The ending is required (``Kur`` is not found in ``Kür``), the plural stands as a word
    or before a hyphen, not in a closed compound (``Verschluss`` is not in ``verschlüsselt``), and a form in -n
    before "Sie" or "wir" is a verb (``Zählen Sie``). Measured on a German word list (wngerman, 40,000 nouns as
    terms): of 6,700 words the plural adds, 95 % are nouns, most the term's plural.
    """
    if len(word) < 3 or not word.isalpha() or not word[0].isupper():
        return None
    if len(word) >= 5 and word.lower().endswith(("er", "el", "en")):
        stem, endings = word[:-2], (word[-2:], word[-2:] + "n")
    else:
        stem, endings = word, ("e", "er", "en", "ern")
    vowel = None
    for vowel in _VOWELS.finditer(stem):
        pass
    if vowel is None or vowel.group().lower() not in _UMLAUT:
        return None
    umlaut = _UMLAUT[vowel.group().lower()]
    if vowel.group()[0].isupper():
        umlaut = umlaut[0].upper() + umlaut[1:]
    # a verb at the start of a sentence is written like a dative plural: "Zählen Sie" is no plural of "Zahl"
    ending = "|".join(re.escape(e) + (r"(?!\s+(?:Sie|wir)\b)" if e.endswith("n") else "")
                      for e in sorted(endings, key=len, reverse=True))
    return f"{re.escape(stem[:vowel.start()] + umlaut + stem[vowel.end():])}(?:{ending})(?:(?!{_LETTER})|-)"


# Languages whose conjunctions, prepositions and article are written as one word with the noun: the chain of
# proclitics a word may start with before a term. Arabic: wa-/fa- (and, so), bi-/ka-/li- (with, like, for),
# al- (the), with li- + al- written lil- (للقراص); Hebrew: ve- (and), she-/keshe- (that, when), then one of
# ha- (the), be-, ke-, le-, mi- (in, like, to, from).
PROCLITICS = {"ar": "[وف]?(?:[بك]?ال|لل|[بكل])?", "he": "ו?(?:כש|ש)?[הבכלמ]?"}
_ARTICLE = {"ar": "ال"}  # a term written with it is found after a proclitic that takes its place (lil-)


# Languages that inflect a noun by a chain of suffixes written onto it (Turkish "ilaç" -> "ilaçlarından", of
# their medicines; Finnish, Estonian, Hungarian, Azerbaijani alike): a term of at least ``_STEM`` letters is found
# with up to ``_CHAIN`` letters of suffix, not the three of other languages (trial 39: "ilaçların" warned)
SUFFIXING = frozenset({"tr", "az", "fi", "et", "hu"})
_STEM, _CHAIN = 3, 12


@lru_cache(maxsize=1024)
def target_pattern(term: str, lang: str = "") -> re.Pattern:
    """A translation in running text: case-insensitive, word start, a short ending allowed (a longer suffix chain
    in a language of ``SUFFIXING``). In a language whose
    proclitics attach to the noun (``PROCLITICS``), the word may start with them: Arabic ``القراص`` and
    ``وبالقراص`` are the term ``قراص``; a term written with the article (``الكركم``) is found after ``بال`` and
    ``لل`` too. Arabic vowel marks in the term are left out: search ``matchable`` text with it."""
    lang = lang.split("-")[0].lower()
    term = term.strip().translate(_UNVOWELLED)
    article = _ARTICLE.get(lang, "")
    if article and term.startswith(article) and len(term) > len(article) + 1:
        term = term[len(article):]
    words = [re.escape(w) for w in re.split(r"[\s-]+", term)]
    start = f"(?:{PROCLITICS[lang]})" if lang in PROCLITICS else ""
    chain = _CHAIN if lang in SUFFIXING and len(term.split()[-1]) >= _STEM else 3
    return re.compile(_WORD_START + start + r"[\s\u00a0-]+".join(words) + rf"{_SPACED}{{0,{chain}}}(?!{_SPACED})",
                      re.IGNORECASE)


@lru_cache(maxsize=1024)
def exact_pattern(term: str) -> re.Pattern:
    """A term that is not translated: exactly as written, as a whole word (a compound with - is fine)."""
    return re.compile(rf"{_WORD_START}{re.escape(term)}(?![^\W_{UNSPACED}])")


def parse_glossary(text: str, ref: str) -> Glossary:
    """Parse the CSV; every mistake is a VerlagError naming ``ref`` and the line."""
    import csv  # a project without a glossary never needs it

    refuse_conflict(text, ref, "keep the row you want")
    separator = _separator(text.removeprefix("\ufeff"))
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=separator)
    try:
        rows = list(reader)
    except csv.Error as exc:  # a cell over the csv module's field_size_limit (128 KB): no term is that long
        raise VerlagError(f"not read as CSV: {exc}", ref, reader.line_num) from None
    if not rows or not any(c.strip() for c in rows[0]):
        return Glossary((), hashlib.sha256(text.encode()).hexdigest())
    header = [c.strip() for c in rows[0]]
    errors: list[VerlagError] = []
    if "source" not in header:
        raise VerlagError("the first line must name the columns, with 'source' for the German term, separated by "
                          "commas or semicolons (e.g. source,en,fr,en_forbidden,fr_forbidden,dnt,note)", ref, 1)
    for name in header:
        if name not in ("source", "dnt", "note") and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?(_forbidden)?",
                                                                      name):
            errors.append(VerlagError(f"unknown column {name!r}: use source, <lang>, <lang>_forbidden, dnt, note",
                                      ref, 1))
    if len(set(header)) != len(header):
        errors.append(VerlagError("a column name appears twice", ref, 1))
    terms: list[Term] = []
    seen: dict[str, int] = {}
    line = 1
    reader_lines = _row_lines(text)
    for number, row in enumerate(rows[1:], start=1):
        line = reader_lines[number] if number < len(reader_lines) else line + 1
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            errors.append(VerlagError(f"{len(row)} cells but {len(header)} columns (a {SEPARATORS[separator]} in a "
                                      "term? put the cell in double quotes)", ref, line))
            continue
        cells = dict(zip(header, (visible(c).strip() for c in row)))
        source = cells.get("source", "")
        if not source:
            errors.append(VerlagError("the German term (column 'source') is empty", ref, line))
            continue
        if source in seen:
            errors.append(VerlagError(f"{source!r} is already defined on line {seen[source]}", ref, line))
            continue
        if long := next(((name, words) for name, cell in cells.items() if name != "note" and cell
                         for term in (cell.split("|") if name.endswith("_forbidden") else (cell,))
                         if (words := len(re.split(r"[\s-]+", term.strip()))) > MAX_TERM_WORDS), None):
            errors.append(VerlagError(f"{long[0]}: a term of {long[1]} words; a glossary term is a word or a name "
                                      f"of a few, at most {MAX_TERM_WORDS} (what a reviewer should know goes into "
                                      "the note column)", ref, line))
            continue
        dnt = cells.get("dnt", "").lower()
        if dnt not in _YES | _NO:
            errors.append(VerlagError(f"dnt: expected 'yes' or empty, got {cells['dnt']!r}", ref, line))
            continue
        preferred = {k: v for k, v in cells.items() if v and "_" not in k and k not in ("source", "dnt", "note")}
        forbidden = {k.removesuffix("_forbidden"): tuple(t.strip() for t in v.split("|") if t.strip())
                     for k, v in cells.items() if k.endswith("_forbidden") and v}
        if dnt in _YES and any(v != source for v in preferred.values()):
            errors.append(VerlagError(f"{source!r} is marked dnt (do not translate) but has a translation",
                                      ref, line))
            continue
        seen[source] = line
        terms.append(Term(source, preferred, forbidden, dnt in _YES, cells.get("note", ""), line))
    if errors:
        raise errors[0] if len(errors) == 1 else ManyErrors(errors)
    return Glossary(tuple(terms), hashlib.sha256(text.encode()).hexdigest())


SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


def _separator(text: str) -> str:
    """The cell separator of the file: the one that makes a cell ``source`` of the header line. A comma, unless
    the header is cut by semicolons (German Excel's "CSV UTF-8" and LibreOffice in a German locale write ``;``,
    as the comma is their decimal mark) or tabs (a spreadsheet's "Unicode text")."""
    header = text.split("\n", 1)[0]
    for separator in SEPARATORS:
        if "source" in (cell.strip().strip('"') for cell in header.split(separator)):
            return separator
    return ","


def _row_lines(text: str) -> list[int]:
    """The file line where each CSV record starts (a quoted cell may span lines)."""
    starts, line, quoted, fresh = [], 1, False, True
    for ch in text.removeprefix("\ufeff"):
        if fresh:
            starts.append(line)
            fresh = False
        if ch == '"':
            quoted = not quoted
        elif ch == "\n":
            line += 1
            if not quoted:
                fresh = True
    return starts


def load_glossary(translations_dir: Path, root: Path) -> Glossary:
    """``translations/glossary.csv``, or an empty glossary when there is none. Raises ``VerlagError`` naming it
    when it is not UTF-8, no file (``fsutil.NotAFile``: a named pipe is never opened), over ``limits.GLOSSARY``
    or a symlink leading out of the project at ``root`` (``fsutil.LeadsOut``: ``translations/`` is confined; not
    read)."""
    from .fsutil import file_bytes, relpath
    from .limits import GLOSSARY

    path = translations_dir / GLOSSARY_NAME
    ref = f"{relpath(translations_dir, root)}/{GLOSSARY_NAME}"  # the file's own name, not the one it links to
    try:
        data = file_bytes(path, GLOSSARY, ref)
    except FileNotFoundError:
        return Glossary()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise VerlagError("glossary is not UTF-8", ref, data.count(b"\n", 0, exc.start) + 1) from None
    return parse_glossary(text, ref)


def add_hints(po, glossary: Glossary, lang: str) -> None:
    """Replace the ``#. glossary:`` lines of every active entry with the terms it contains now.

    Runs after the merge, which rebuilds comments from the template, so the
    lines are always current and come out the same on every run.
    """
    for entry in po:
        if not entry.obsolete:
            entry.comment = hinted(entry, glossary, lang)


def hinted(entry, glossary: Glossary, lang: str) -> str:
    """The extracted comment ``add_hints`` gives the entry: its lines other than ``#. glossary:`` ones, then one
    per term its msgid contains now."""
    kept = [line for line in (entry.comment or "").splitlines() if not line.startswith(HINT_PREFIX)]
    hints = [h for t in glossary.find(entry.msgid) if (h := t.hint(lang))]
    return "\n".join(kept + hints)
