"""Read and write PO files: polib's objects, GNU gettext's layout, at the speed of a regex.

Writing: polib wraps long strings differently from GNU (it moves the space to
the start of the next line); every save in a reviewer's tool would then
re-wrap the file and every ``extract`` wrap it back. This writer follows GNU's
layout: lines of at most 79 columns as GNU counts them (a combining mark or
joiner none, a CJK character or emoji two), broken where GNU's Unicode line
breaking would (after spaces, hyphens, dashes, slashes, sentence punctuation
before a letter, between ideographs), always after ``\\n``. A catalog a reviewer's tool saved unwrapped
(``msgcat --no-wrap``) is written back in that layout (``wraps``), which breaks only after ``\\n``. A string
whose text did not change keeps the lines it had in the file written over (``Layouts``), however the tool that
saved it broke them (translate-toolkit, and so Weblate, wraps at 77 columns by rules of its own; Poedit and
Lokalize at a width the reviewer sets): as translate-toolkit keeps a unit's lines until the unit changes, so a
git diff shows the strings that changed, not every string another tool laid out otherwise.

Reading: ``parse`` returns exactly the ``polib.POFile`` that ``polib.pofile``
returns for the same text (every field of every entry, quirks included), in a
fraction of its time; on any line it does not fully understand it hands the
whole text to polib, so a damaged file gets polib's own error and line. Escapes
are read as GNU gettext reads them, not as polib does: an escape msgfmt rejects
("invalid control sequence": ``\\q``, ``\\u00e4``) is ``BadEscape``, never a
backslash kept in the text, and ``\\a``, octal and hex escapes are undone. A
``#:`` reference to a file name with spaces, isolated with U+2068 and U+2069 as
GNU gettext 0.22 and later write it, is read as gettext reads it
(``references``), where polib cuts it at its spaces.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import re
import unicodedata

import polib

WIDTH = 79
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b",
            "\f": "\\f", "\v": "\\v"}
_ESCAPE_RE = re.compile(r'[\\"\n\t\r\a\b\f\v]')
# Line-break opportunities as GNU gettext (libunistring, UAX #14) finds them, reduced to the
# character classes that occur in prose and Markdown; measured against msgcat.
_CLASS = {**dict.fromkeys(".,;:", "IS"), **dict.fromkeys("?!", "EX"), "-": "HY", "/": "HY",
          **dict.fromkeys("–…|\u00ad", "BA"), "—": "B2", **dict.fromkeys(")]", "CP"), **dict.fromkeys("([{„", "OP"),
          **dict.fromkeys("%+$\\", "PR"), '"': "DQ", "}": "CB",
          **dict.fromkeys("'“”«»‚‘’‹›\u00a0\u202f\u2007", "GL"), "\u200b": "ZW"}
_AFTER = {
    "IS": {"B2", "AL", "OP", "PR", "DQ"},
    "HY": {"B2", "AL", "OP", "PR", "DQ"},
    "EX": {"B2", "AL", "OP", "PR", "DQ", "NU"},
    "BA": {"B2", "AL", "OP", "PR", "DQ", "NU"},
    "B2": {"AL", "OP", "PR", "DQ", "NU"},
    "CP": {"B2", "OP"},
    "AL": {"B2"},
    "NU": {"B2"},
    "PR": {"B2", "PR", "DQ"},
    "CB": {"B2", "AL", "OP", "NU"},
    "ZW": {"IS", "EX", "HY", "BA", "B2", "CP", "OP", "PR", "DQ", "CB", "GL", "AL", "NU"},
}


# The line-break classes of the CJK blocks as libunistring (GNU msgcat's UAX #14) has them: ideographs, kana,
# Hangul and wide symbols break before and after (ID); closing punctuation never after a space or anything (CL);
# small kana and iteration marks never after anything but a space (NS); opening brackets never before anything
# (OP); fullwidth percent and the like never before anything but after an ideograph (PO). Made with
# libunistring's ``u8_possible_linebreaks``; tests/test_pofile.py checks the layout against msgcat.
_ID_CHARS = ("\u1100-\u11ff\u2e80-\u2ffb\u3003-\u3004\u3006-\u3007\u3012-\u3013\u3020-\u3029\u3030-\u3034"
             "\u3036-\u303a\u303d-\u303f\u3042\u3044\u3046\u3048\u304a-\u3062\u3064-\u3082\u3084\u3086"
             "\u3088-\u308d\u308f-\u3094\u309f\u30a2\u30a4\u30a6\u30a8\u30aa-\u30c2\u30c4-\u30e2\u30e4\u30e6"
             "\u30e8-\u30ed\u30ef-\u30f4\u30f7-\u30fa\u30ff-\u31e3\u3200-\u3247\u3250-\u4dbf\u4e00-\ua014"
             "\ua016-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufad9\ufe30-\ufe34\ufe45-\ufe46\ufe49-\ufe4f\ufe51"
             "\ufe58\ufe5f-\ufe68\ufe6b\uff02-\uff03\uff06-\uff07\uff0a-\uff0b\uff0d\uff0f-\uff19\uff1c-\uff1e"
             "\uff20-\uff3a\uff3c\uff3e-\uff5a\uff5c\uff5e\uff66\uff71-\uff9d\uffa0-\uffdc\uffe2-\uffe4"
             "\U0001f000-\U0001f0f5\U0001f10d-\U0001f10f\U0001f16d-\U0001f16f\U0001f1ad-\U0001f39b"
             "\U0001f39e-\U0001f3b4\U0001f3b7-\U0001f3bb\U0001f3bd-\U0001f49f\U0001f4a1\U0001f4a3"
             "\U0001f4a5-\U0001f4ae\U0001f4b0\U0001f4b3-\U0001f4ff\U0001f507-\U0001f516\U0001f525-\U0001f531"
             "\U0001f54a-\U0001f5d3\U0001f5dc-\U0001f5f3\U0001f5fa-\U0001f64f\U0001f680-\U0001f6fc"
             "\U0001f7d5-\U0001f7f0\U0001f8b0-\U0001f8b1\U0001f90c-\U0001f9ff\U0001fa60-\U0001faf6"
             "\U00020000-\U0003134a")
_CL_CHARS = ("\u3001-\u3002\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e-\u301f\ufe10-\ufe16\ufe18"
             "\ufe36\ufe38\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48\ufe50\ufe52\ufe56-\ufe57\ufe5a\ufe5c\ufe5e"
             "\uff01\uff09\uff0c\uff0e\uff1f\uff3d\uff5d\uff60-\uff61\uff63-\uff64")
_NS_CHARS = ("\u3000\u3005\u301c\u303b-\u303c\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e"
             "\u3095-\u3096\u309b-\u309e\u30a0-\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee"
             "\u30f5-\u30f6\u30fb-\u30fe\u31f0-\u31ff\ua015\ufe19\ufe54-\ufe55\uff1a-\uff1b\uff65\uff67-\uff70"
             "\uff9e-\uff9f\U0001f679-\U0001f67b")
_OPEN_CHARS = ("\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\ufe17\ufe35\ufe37\ufe39\ufe3b\ufe3d"
               "\ufe3f\ufe41\ufe43\ufe47\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62")
_PO_CHARS = ("\u302a-\u302f\u3035\u3099-\u309a\ufe20-\ufe2f\ufe6a\uff05\uffe0")
# The blocks those classes were taken from: a text without a character of them needs no CJK rules
_CJK_RE = re.compile("[\u1100-\u11ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef"
                     "\U0001f000-\U0001faff\U00020000-\U0003fffd]")


def _unescaped(text: str) -> bool:
    """Whether ``text`` has no character ``escape`` escapes, found without a regex pass: each is ``"``, ``\\`` or a
    control character, which ``str.isprintable`` refuses (as it refuses other characters, which then take the
    regex)."""
    return text.isprintable() and '"' not in text and "\\" not in text


def escape(text: str) -> str:
    """``text`` with GNU gettext's C escapes (``_ESCAPES``)."""
    return text if _unescaped(text) else _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


# Characters ``str.isdigit`` counts as digits that ``\d`` does not match (superscripts, circled digits; Unicode
# 15, Python 3.11); tests/test_pofile.py checks the list against the running Python.
_OTHER_DIGITS = ("\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
                 "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
                 "\u278a-\u2792\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
                 "\U0001f100-\U0001f10a")


def _char_class(classes: set[str], exclude: str, ranges: str = "") -> str:
    """A regex character class matching the characters of the given line-break ``classes``, never ``exclude``
    nor the characters of ``ranges`` (a character class's inside: ``a-z``, not escaped)."""
    special = {name: "".join(ch for ch, c in _CLASS.items() if c == name) for name in set(_CLASS.values())}
    if "AL" in classes:  # AL is everything not otherwise classified: write it as the complement
        outside = "".join(chars for name, chars in special.items() if name not in classes)
        digits = "" if "NU" in classes else r"\d" + _OTHER_DIGITS
        return f"[^{re.escape(outside + exclude)}{digits}{ranges}]"
    inside = "".join(chars for name, chars in special.items() if name in classes)
    digits = r"\d" + _OTHER_DIGITS if "NU" in classes else ""
    return f"[{re.escape(inside)}{digits}]"


def _break_patterns(cjk: bool) -> tuple[re.Pattern, re.Pattern, re.Pattern | None]:
    """Regexes whose matches end where a line may end (UAX #14 as reduced above); ``cjk``: with the CJK classes.

    The first starts every match with the character before the break (a space or punctuation), so the regex
    engine scans for that character set instead of trying every branch at every position: after a run of
    spaces (LB13/LB14/LB15: never before closing punctuation or a slash, never after an opening bracket or
    quote, never between a quote and an opening bracket), or by the pair table ``_AFTER``. The second covers
    letters and digits, which only break before an em dash. The third (``cjk`` only; LB30-LB31 as libunistring
    has them): before an ideograph or opening bracket after anything but an opening bracket, prefix sign, quote,
    joiner or space; after an ideograph or closing mark before a letter, digit, em dash or opening bracket.
    Without ``cjk`` the classes are left out of the first two, which text without CJK matches faster.
    """
    opening, closing, ideographs = ((_OPEN_CHARS, _CL_CHARS, _CL_CHARS + _NS_CHARS) if cjk else ("", "", ""))
    lead = {name: after for name, after in _AFTER.items() if name not in ("AL", "NU")}
    first = "".join(ch for ch, name in _CLASS.items() if name in lead)
    opening, closing = f"(\\[{{„{opening}", f",.;:!?)\\]}}/{closing}"
    branches = [f"(?<![{opening} ] )(?!(?<=[\"'“”«»‘’‹›] ) *[{opening}])(?<= ) *(?=[^ \\n\u200b{closing}])"]
    branches.append("(?<=\u200b) +(?=[^ \\n\u200b])")  # LB8: after a zero-width space and the spaces after it
    branches += [f"(?<={_char_class({name}, '')})(?={_char_class(after, ' ' + chr(10), ideographs)})"
                 for name, after in lead.items()]
    dash = f"{_char_class({'AL', 'NU'}, ' ', _OPEN_CHARS if cjk else '')}(?=—)"
    punctuation = re.compile(f"[ {re.escape(first)}](?:{'|'.join(branches)})")
    if not cjk:
        return punctuation, re.compile(dash), None
    special = "".join(ch for ch in _CLASS if ch not in "—([{„")
    not_before = f"(\\[{{„{_OPEN_CHARS}$+\\\\\"'“”«»‘’‹›\u00a0\u202f\u2007\u200d \\n"  # ZWJ: LB8a
    marks = "\u0300-\u036f\u200c\u200d\ufe00-\ufe0f\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef"
    after = f"[^ \\n{re.escape(special)}{_CL_CHARS}{_NS_CHARS}{_PO_CHARS}{marks}]"  # marks: LB9, LB30a, LB30b
    ideograph = [f"(?<=[^{not_before}])(?![{marks}])(?=[{_ID_CHARS}])", f"(?<=[^{not_before}%])(?=[{_OPEN_CHARS}])",
                 f"(?<=[{_ID_CHARS}{_CL_CHARS}{_NS_CHARS}])(?={after})", f"(?<=[{_ID_CHARS}{_NS_CHARS}])(?=[$+\\\\])",
                 f"(?<=[{_NS_CHARS}])(?=%)"]
    return punctuation, re.compile(dash), re.compile("|".join(ideograph))


_PLAIN_BREAKS = _break_patterns(False)
# The CJK rules' patterns are compiled when a text with a CJK character is first wrapped: 8 ms of every command
# that loads this module, most of whom write no CJK catalog
_cjk_breaks = functools.cache(functools.partial(_break_patterns, True))


def _breaks(text: str, cjk: bool) -> list[int]:
    """Indices ``i`` (ascending) where a line may end before ``text[i]``, as msgcat finds them; ``cjk``: the text
    has a character of the CJK blocks (``_CJK_RE``), so the CJK rules apply too."""
    punctuation, dash, ideograph = _cjk_breaks() if cjk else _PLAIN_BREAKS
    found = [m.end() for m in punctuation.finditer(text)]
    if "—" in text:
        found = sorted(found + [m.end() for m in dash.finditer(text)])
    if cjk:
        found = sorted(set(found).union(m.end() for m in ideograph.finditer(text)))
    return found


# Characters that may not take one column: the escapes (two), and from U+00AD on combining marks and format
# characters (none: harakat, Devanagari vowel signs, ZWNJ, ZWJ) and East Asian wide ones (two: CJK, most emoji);
# not the dashes, quotes and ellipsis of U+2010-U+2029, which German prose is full of and which take one
_ODD_WIDTH_RE = re.compile(r'[\\"\n\t\r\a\b\f\v\u00ad\u0300-\u200f\u202a-\U0010ffff]')
# A character outside what takes one column (``_columns``) and has no CJK line-break class: Latin, Greek and
# Cyrillic without combining marks, Armenian, the spaces, dashes, quotes, ellipsis, per mille and currency signs
# of U+2000-U+20C0. A text without one is measured by its length and broken by the plain rules (``_chunks``'
# fast path); tests/test_pofile.py checks every character of the class against libunistring.
_NOT_ONE_COLUMN_RE = re.compile(r"[^\x00-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1"
                                r"\u03a3-\u0482\u048a-\u052f\u0531-\u0556\u0559-\u058a\u058d-\u058f\u2000-\u200a"
                                r"\u2010-\u2029\u202f-\u205f\u20a0-\u20c0]")
# Combining marks libunistring's uc_width (GNU gettext's column count) gives one column, not none
_ONE_COLUMN_MARKS = frozenset("\u0cbf\u0cc6\U00011a07\U00011a08\U00011c3f")


@functools.lru_cache(maxsize=8192)
def _columns(char: str) -> int:
    """The columns ``char`` takes in a PO line as GNU gettext counts them (libunistring's ``uc_width``): an
    escape two, a combining mark or format character none, an East Asian wide or fullwidth character two."""
    if char in _ESCAPES:
        return 2
    if char in _ONE_COLUMN_MARKS:
        return 1
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or "\u1160" <= char <= "\u11ff" \
            or "\ud7b0" <= char <= "\ud7ff" or char == "\u200b":  # Hangul vowels and finals join the syllable
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def columns(text: str) -> int:
    """The columns ``text`` takes escaped in a PO line, as GNU gettext counts them (``_columns``)."""
    odd = _ODD_WIDTH_RE.findall(text)
    return len(text) + sum(map(_columns, odd)) - len(odd)


def _one_column(text: str) -> bool:
    """Whether every character of ``text`` takes one column unescaped and none breaks as CJK does
    (``_NOT_ONE_COLUMN_RE``): ``str.isascii`` first, which costs nothing."""
    return text.isascii() or _NOT_ONE_COLUMN_RE.search(text) is None


def _chunks(text: str, room: int, one_column: bool, breaks: list[int] | None = None) -> list[str]:
    """Greedy fill like GNU: escaped pieces of at most ``room`` columns, cut at break opportunities.

    Linear in ``len(text)``: the break opportunities come from one regex pass, the columns of any prefix from
    the running total of the characters that do not take one column (``_columns``: escapes, combining marks,
    wide characters); a piece ends at the last opportunity before the first character that overflows, or at
    the first one after it when a word alone is too wide. ``one_column``: ``_one_column(text)`` is true, so
    only the escapes take two columns and the plain break rules apply (the same pieces, found faster).
    ``breaks``: ``_breaks`` of ``text`` where the caller has them already.
    """
    if one_column:
        breaks = _breaks(text, False) if breaks is None else breaks
        odd: list[int] = [] if _unescaped(text) else [m.start() for m in _ESCAPE_RE.finditer(text)]
        extra: range | list[int] = range(len(odd) + 1)
    else:
        breaks = _breaks(text, _CJK_RE.search(text) is not None) if breaks is None else breaks
        odd, extra, total = [], [0], 0  # positions of the characters not one column wide; columns beyond one
        for match in _ODD_WIDTH_RE.finditer(text):
            if (more := _columns(match.group()) - 1) != 0:
                total += more
                odd.append(match.start())
                extra.append(total)
    if not odd:  # no escape either: a piece's columns are its length, and it is written as it is
        return _fill(text, room, breaks)

    def width(end: int) -> int:  # columns of text[:end], escaped
        return end + extra[bisect.bisect_left(odd, end)]

    pieces: list[str] = []
    start = 0
    while width(len(text)) - width(start) > room:
        overflow = bisect.bisect_right(range(len(text) + 1), width(start) + room, lo=start + 1, key=width) - 1
        cut = _cut(breaks, start, overflow)
        if cut is None:
            break
        pieces.append(escape(text[start:cut]))
        start = cut
    pieces.append(escape(text[start:]))
    return [p for p in pieces if p]


def _fill(text: str, room: int, breaks: list[int]) -> list[str]:
    """``_chunks`` for a text whose every character takes one column and none is escaped."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > room:
        cut = _cut(breaks, start, start + room)
        if cut is None:
            break
        pieces.append(text[start:cut])
        start = cut
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _cut(breaks: list[int], start: int, overflow: int) -> int | None:
    """Where the line from ``start`` ends: the last break opportunity after ``start`` at ``overflow`` (the
    first character that does not fit) or before, else the first one after ``overflow`` (a word alone too
    wide), else None (the rest is one line)."""
    last = bisect.bisect_right(breaks, overflow) - 1
    if last >= 0 and breaks[last] > start:
        return breaks[last]
    later = bisect.bisect_right(breaks, start)
    return breaks[later] if later < len(breaks) else None


_LINES_RE = re.compile(r"(?<=\n)(?=.)", re.S)  # between the lines of a value, after each "\n" but a last one


@functools.lru_cache(maxsize=16384)
def field(prefix: str, keyword: str, value: str, wrap: bool = True) -> tuple[str, ...]:
    """``keyword "value"`` on one line when it fits (or ``wrap`` is False, or it has no place to break) and has no
    inner newline, else ``""`` and the value's lines, each after its ``\\n``, wrapped at ``WIDTH`` columns unless
    ``wrap`` is False (GNU ``msgcat --no-wrap``'s layout, which breaks only after a ``\\n``).

    Cached: ``extract`` writes each msgid into the template and again into every new catalog.
    """
    escaped = escape(value)
    head = f'{prefix}{keyword} "'
    one_column = _one_column(value)
    one_line = "\n" not in value[:-1]
    if one_line and (not wrap or len(head) + (len(escaped) if one_column else columns(value)) + 1 <= WIDTH):
        return (f'{head}{escaped}"',)
    breaks = _breaks(value, not one_column and _CJK_RE.search(value) is not None) if one_line else None
    if one_line and not breaks:
        return (f'{head}{escaped}"',)  # too wide, but nowhere to break it: GNU leaves it on the keyword's line
    lines = [f'{head}"']
    for segment in (value,) if one_line else _LINES_RE.split(value):
        for piece in _chunks(segment, WIDTH - len(prefix) - 2, one_column, breaks) if wrap else (escape(segment),):
            lines.append(f'{prefix}"{piece}"')
    return tuple(lines)


def _comment_lines(marker: str, text: str) -> list[str]:
    return [f"{marker} {line}".rstrip() if line else marker for line in text.split("\n")]


# GNU gettext 0.22 and later write a file name with a space or a tab between these (FIRST STRONG ISOLATE, POP
# DIRECTIONAL ISOLATE) in ``#:`` references of a UTF-8 catalog, so that the name reads back whole (its NEWS, 0.22)
_ISOLATE_START, _ISOLATE_END = "\u2068", "\u2069"


def _references(occurrences) -> list[str]:
    """The ``#:`` lines of ``occurrences`` ((path, line) pairs, line "" for none) as GNU gettext writes them
    (write-po.c): a path with a space or tab isolated (``_ISOLATE_START``), and a reference moved to a new line
    where the line would pass ``WIDTH`` columns, each counted as its path's and line's UTF-8 bytes without the
    isolating characters."""
    lines: list[str] = []
    current, column = "#:", 2
    for path, line in occurrences:
        suffix = f":{line}" if line else ""
        width = len(path.encode("utf-8")) + len(suffix) + 1
        if column > 2 and column + width > WIDTH:
            lines.append(current)
            current, column = "#:", 2
        spaced = " " in path or "\t" in path
        current += f" {_ISOLATE_START}{path}{_ISOLATE_END}{suffix}" if spaced else f" {path}{suffix}"
        column += width
    if current != "#:":
        lines.append(current)
    return lines


class Layouts(dict):
    """The lines of each multi-line string (and each one-line string wider than ``WIDTH``) of a catalog as a file
    lays them out, keyed by prefix (``""``, ``"#~ "``, ``"#| "``, ``"#~| "``), keyword and the string's escaped
    text, all its lines' contents joined: the layout a string keeps while its text is the same (``layouts``).
    A string escaped otherwise than ``escape`` escapes (``\\x41``) is not found, and so written as GNU writes it."""

    def lines(self, prefix: str, keyword: str, value: str, wrap: bool) -> tuple[str, ...]:
        """``field(prefix, keyword, value, wrap)``, or the lines the string had where its text is the same."""
        if self:
            kept = self.get((prefix, keyword, escape(value)))
            if kept is not None:
                return kept
        return field(prefix, keyword, value, wrap)


_NO_LAYOUTS = Layouts()
# A string field as a PO file holds it, each line ending with a line feed: prefix, keyword, then its lines
_FIELD_LINES = re.compile(r'^(#~\| |#~ |#\| |)(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) '
                          r'("[^"\\\n]*(?:\\.[^"\\\n]*)*"\n(?:\1"[^"\\\n]*(?:\\.[^"\\\n]*)*"\n)*)', re.M)


def layouts(previous: bytes | None) -> Layouts:
    """The ``Layouts`` of ``previous`` (a catalog's bytes, in the encoding its header names; None or unreadable: none).

    Only strings GNU could lay out otherwise are kept: those of several lines, and one-line strings wider than
    ``WIDTH`` bytes (a string that fits on its keyword's line has one layout). A file's CRLF line ends are read
    as LF (``encode_like`` writes them back)."""
    if not previous:
        return _NO_LAYOUTS
    try:
        text = previous.decode(_encoding(previous[:4096].decode("ascii", "replace")))
    except (LookupError, UnicodeDecodeError):
        return _NO_LAYOUTS
    text = text.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    found = Layouts()
    for match in _FIELD_LINES.finditer(text):
        prefix, keyword, block = match.group(1, 2, 3)
        first = block.find("\n")
        if first == len(block) - 1 and first + len(prefix) + len(keyword) + 1 <= WIDTH:
            continue
        lines = block[:-1].split("\n")
        lines[0] = f"{prefix}{keyword} {lines[0]}"
        # the string's escaped text: its lines' contents joined. No content holds a line feed, so each one in the
        # block is where a line's closing quote meets the next line's prefix and opening quote
        found[(prefix, keyword, block[1:-2].replace(_LINE_JOINS[prefix], ""))] = tuple(lines)
    return found


_LINE_JOINS = {prefix: f'"\n{prefix}"' for prefix in ("", "#~ ", "#| ", "#~| ")}  # ``_FIELD_LINES``' prefixes


def entry_lines(entry: polib.POEntry, wrap: bool = True, kept: Layouts = _NO_LAYOUTS) -> list[str]:
    """The lines of one entry as GNU gettext writes them; ``wrap``: see ``field``; ``kept``: the strings whose lines
    stay as they were (``layouts``)."""
    lay = kept.lines
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment:
        lines += _comment_lines("#.", entry.comment)
    if entry.occurrences and not entry.obsolete:
        lines += _references(entry.occurrences)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    prefix = "#~ " if entry.obsolete else ""
    before = "#~| " if entry.obsolete else "#| "  # GNU's marker of an obsolete entry's previous text
    if entry.previous_msgctxt is not None:
        lines += lay(before, "msgctxt", entry.previous_msgctxt, wrap)
    if entry.previous_msgid is not None:
        lines += lay(before, "msgid", entry.previous_msgid, wrap)
    if entry.msgctxt is not None:
        lines += lay(prefix, "msgctxt", entry.msgctxt, wrap)
    lines += lay(prefix, "msgid", entry.msgid, wrap)
    if entry.msgid_plural:
        lines += lay(prefix, "msgid_plural", entry.msgid_plural, wrap)
        for index in sorted(entry.msgstr_plural):
            lines += lay(prefix, f"msgstr[{index}]", entry.msgstr_plural[index], wrap)
    else:
        lines += lay(prefix, "msgstr", entry.msgstr, wrap)
    return lines


def render_header(po: polib.POFile, wrap: bool = True, kept: Layouts = _NO_LAYOUTS) -> str:
    """The start of ``render_po(po, wrap, kept)``: header comment and header entry (metadata), through its last
    line."""
    header: list[str] = _comment_lines("#", po.header) if po.header else []
    if po.metadata_is_fuzzy:
        header.append("#, fuzzy")
    meta = "".join(f"{name}: {value}\n" for name, value in po.metadata.items())
    header += field("", "msgid", "") + kept.lines("", "msgstr", meta, wrap)
    return "\n".join(header) + "\n"


def render_po(po: polib.POFile, wrap: bool = True, kept: Layouts = _NO_LAYOUTS, lines=entry_lines) -> str:
    """The whole catalog: header comment, header entry, entries, then obsolete entries, a blank line between,
    then the comments that were after the last entry (``trailer``);
    strings wrapped as GNU ``msgcat`` wraps them, or with ``wrap`` False laid out as ``msgcat --no-wrap`` does
    (``field``; ``#:`` lines are wrapped either way, as GNU wraps them), except those ``kept`` lays out
    (``layouts`` of the file written over). ``lines``: what writes one entry (``entry_lines``' arguments; the merge
    of a catalog's versions writes an entry both sides changed otherwise between git's conflict markers)."""
    blocks = [lines(e, wrap, kept) for e in po if not e.obsolete] + [lines(e, wrap, kept) for e in po if e.obsolete]
    end = getattr(po, "trailer", "")  # comments after the last entry (``parse``)
    return render_header(po, wrap, kept) + "".join("\n" + "\n".join(block) + "\n" for block in blocks) \
        + ("\n" + end if end else "")


# The header entry's charset, as GNU gettext finds it: in the Content-Type field of the first msgstr
_DECLARED_RE = re.compile(rb'\A(?:(?!msgstr)[^\n]*\n)*?msgstr[^\n]*(?:\n"[^\n]*)*?Content-Type:[^"\n]*?charset=([\w\-:.]+)')
_HEADER_CHARSET_RE = re.compile(r'\A((?:(?!msgstr)[^\n]*\n)*?msgstr[^\n]*(?:\n"[^\n]*)*?Content-Type:[^"\n]*?charset=)'
                                r'([\w\-:.]+)')


def declared_charset(data: bytes) -> str | None:
    """The charset a catalog's header entry declares (``CP1252``, ``ISO-8859-15``, ``UTF-8``), as written; None
    when it declares none (or is no catalog)."""
    match = _DECLARED_RE.match(data[:65536])
    return match.group(1).decode("ascii") if match else None


def encode_like(text: str, previous: bytes | None) -> bytes:
    """``text`` (a rendered catalog, str with LF line ends) as the UTF-8 bytes to write over ``previous``
    (the file's bytes; None: a new file): with CRLF line ends when most of ``previous``'s lines end so (a
    catalog saved by a Windows editor), else LF. Poedit does the same: it keeps a catalog's line ending
    (``keep_crlf``, on by default; src/catalog_po.cpp, ``GetDesiredCRLFFormat``), where GNU msgcat and
    msgmerge write the platform's own (LF here; they read either). A header that declares another charset
    (``CP1252``: a catalog read in it) is made to say UTF-8, which the bytes are: any translation fits."""
    match = _HEADER_CHARSET_RE.match(text)
    if match and match.group(2).upper() not in ("UTF-8", "CHARSET"):
        text = f"{match.group(1)}UTF-8{text[match.end():]}"
    data = text.encode("utf-8")
    if previous and 2 * previous.count(b"\r\n") > previous.count(b"\n"):
        return data.replace(b"\n", b"\r\n")
    return data


# A string line of a PO file: its prefix (obsolete, previous), its keyword (none: a continuation line), its string
_STRING_LINE = re.compile(r'(#~ |#\| |#~\| )?(?:(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) )?"(.*)"\r?')
_CONTINUATION = re.compile(rb'"\r?\n(?:#~ |#\| |#~\| )?"')  # a string line's end, and a continuation line after it
_ENDS_NEWLINE = re.compile(r"(?<!\\)(?:\\\\)*\\n$")  # a string's escaped text ends with ``\\n``


def wraps(previous: bytes | None) -> bool:
    """Whether a catalog written over ``previous`` (the file's bytes; None: a new file) is wrapped at ``WIDTH``
    columns as GNU ``msgcat`` wraps it (True), or laid out as ``msgcat --no-wrap`` does (False): the layout the
    file was saved in, as Poedit keeps it (``POCatalogParser::GetWrappingWidth``: no line broken but after a
    newline means no wrapping). A catalog a reviewer's tool saved unwrapped (``msgcat --no-wrap``, Weblate's
    ``po_line_wrap`` 65535, Poedit with wrapping off) is so written back, so a git diff shows only what changed.

    Unwrapped: a string line is wider than ``WIDTH`` columns where GNU's wrapping would have broken it, and no
    string is broken where ``--no-wrap`` never breaks (after anything but a ``\\n`` or the ``""`` that starts a
    string of several lines). Anything else, a file without long strings included, is wrapped: GNU's default.
    Only the lines before a continuation line (the first soft break ends it) and lines of more than ``WIDTH`` bytes
    (a line's columns are never more than its bytes) are read one by one.
    """
    if not previous:
        return True
    for continuation in _CONTINUATION.finditer(previous):
        end = continuation.start() + 1
        before = _STRING_LINE.fullmatch(previous[previous.rfind(b"\n", 0, end) + 1:end].decode("utf-8", "replace"))
        if before is not None and before.group(3) and not _ENDS_NEWLINE.search(before.group(3)):
            return True  # broken as only wrapping breaks
    for line in previous.split(b"\n"):
        if len(line) <= WIDTH:
            continue
        match = _STRING_LINE.fullmatch(line.decode("utf-8", "replace"))
        if match is None or not match.group(3):
            continue
        prefix, keyword, string = match.group(1) or "", match.group(2), match.group(3)
        value = polib.unescape(string) if "\\" in string else string
        if len(prefix) + (len(keyword) + 1 if keyword else 0) + 2 + columns(value) > WIDTH and len(
                field(prefix, keyword, value) if keyword else
                _chunks(value, WIDTH - len(prefix) - 2, _one_column(value))) > 1:
            return False
    return True


class _LeftToPolib(Exception):
    """Text ``parse`` does not fully understand: polib reads it instead."""


class BadEscape(ValueError):
    """A catalog string GNU gettext does not read (msgfmt: "invalid control sequence"), or whose octal or hex
    escapes make no UTF-8 text: ``reason`` says what, ``hint`` how to write it, ``line`` and ``column`` (1-based;
    the backslash's) where."""

    def __init__(self, reason: str, hint: str, line: int, column: int):
        super().__init__(f"{reason} at line {line}, column {column} ({hint})")
        self.reason, self.hint, self.line, self.column = reason, hint, line, column


class _Invalid(Exception):
    """An escape ``_decoded`` cannot read: ``reason`` and ``hint`` (``BadEscape``'s), the index of its piece and its
    offset there."""

    def __init__(self, reason: str, hint: str, piece: int, offset: int):
        super().__init__(reason)
        self.reason, self.hint, self.piece, self.offset = reason, hint, piece, offset


# An escape as GNU gettext's PO lexer reads it (read-po-lex.c, ``control_sequence``): one of nine characters,
# one to three octal digits, or ``x`` and hex digits (each of the last two a byte, its low 8 bits kept); any other
# character after the backslash (``\\q``, ``\\u``, ``\\x`` without a digit, ``\\8``) is an invalid control sequence.
_CONTROL_RE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]+|.?)", re.S)
_CONTROLS = {"\\n": "\n", "\\t": "\t", "\\r": "\r", '\\"': '"', "\\\\": "\\", "\\a": "\a", "\\b": "\b",
             "\\f": "\f", "\\v": "\v"}
_ODD_ESCAPE = re.compile(r'\\[^\\ntrvbf"]')  # a backslash before what polib does not undo (or an escaped one's)
# What polib undoes, escaped for it: ``_polib_strings`` writes every other character as it is
_POLIB_ESCAPE_RE = re.compile('[\\\\"\n\r\t\v\b\f]')


def _control(match: re.Match) -> str:
    """The character of one of the nine escapes; KeyError for any other (``_decoded`` reads those)."""
    return _CONTROLS[match.group()]


def _byte(match: re.Match, piece: int) -> str:
    """An escape of ``_decoded``'s: its character, an octal or hex escape's byte (from 0x80: a lone surrogate,
    as ``surrogateescape`` decodes it), else ``_Invalid``."""
    text = match.group()
    if text in _CONTROLS:
        return _CONTROLS[text]
    if text[1:2] == "x" and len(text) > 2:
        value = int(text[2:], 16) & 0xFF
    elif len(text) > 1 and text[1] in "01234567":
        value = int(text[1:], 8) & 0xFF
    else:
        raise _Invalid(f"invalid escape {text}", 'msgfmt: "invalid control sequence"; a backslash in the text is '
                       "written \\\\", piece, match.start())
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


_NOT_UTF8 = "their bytes are no UTF-8 text; write the characters themselves"


def unescape(text: str) -> str:
    """The value of one quoted string's text (``text``: between its quotes, escaped as ``escape`` writes it) as GNU
    gettext's PO lexer reads a msgid (``_decoded``: ``\\a``, octal and hex escapes undone, which
    ``polib.unescape`` leaves as a backslash and its characters), for verlag's records of a string in a translator
    comment (``# previous msgid: "…"``), so the value read back is the msgid it was written from. An escape gettext
    rejects (``\\q``: a record edited by hand) is read as polib reads it."""
    try:
        return _decoded([text])
    except _Invalid:
        return polib.unescape(text)


def _decoded(pieces: list[str]) -> str:
    """The value of a string's quoted ``pieces`` (escaped text) as GNU gettext reads it: each piece's escapes
    undone and the piece cut at a NUL (gettext's strings are C strings: ``"a\\0b" "c"`` is ``ac``), the bytes of
    octal and hex escapes read as UTF-8 with the text around them (``\\303\\244`` is ä). Raises ``_Invalid``."""
    value = "".join(_CONTROL_RE.sub(lambda m, n=n: _byte(m, n), piece).partition("\0")[0]
                    for n, piece in enumerate(pieces))
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError:
        for n, piece in enumerate(pieces):
            for match in _CONTROL_RE.finditer(piece):
                if ord(_byte(match, n)) >= 0xDC80:
                    raise _Invalid(f"octal or hex escapes from {match.group()} on", _NOT_UTF8, n, match.start())
        raise _Invalid("octal or hex escapes", _NOT_UTF8, 0, 0) from None


# The start of a line holding a string, however laid out (polib's reading): prefix, keyword (none: continuation);
# the first line may start with a BOM
_STRING_START = re.compile(r'\ufeff?\s*(?P<prefix>#~\||#[~|])?\s*'
                           r'(?P<keyword>(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*)?(?=")')


def _polib_strings(text: str) -> str:
    """``text`` with each string that holds an escape polib does not undo as gettext does (``_ODD_ESCAPE``) written
    so that polib reads gettext's value: each such quoted piece as its characters (polib's own escapes for those
    it undoes), or, where a character's octal or hex bytes are split over two lines, the field's whole value in its
    first piece and the other pieces empty (the lines stay where they were). Raises ``BadEscape`` naming the line
    and column of a string gettext rejects."""
    lines = _LINE.findall(text)
    fields: list[list[tuple[int, re.Match]]] = []  # each field's pieces: (line index, match of the quoted piece)
    current: list[tuple[int, re.Match]] | None = None
    kind = None  # the current field's lines: ``#|``, ``#~|`` (which polib passes over) or others ("#~" or none)
    for index, line in enumerate(lines):
        start = _STRING_START.match(line)
        pieces = [(index, piece) for piece in _PIECE_RE.finditer(line, start.end())] if start else []
        if not pieces:  # no string, or a damaged one (polib reads what it can of it): a field ends before it
            current = None
            continue
        prefix = start["prefix"] if start["prefix"] in ("#|", "#~|") else ""
        if start["keyword"] or current is None or prefix != kind:
            current, kind = [], prefix
            fields.append(current)
        current += pieces
    for found in fields:
        pieces = [piece.group(1) for _, piece in found]
        if not any(_ODD_ESCAPE.search(piece) for piece in pieces):
            continue
        try:
            value = _decoded(pieces)
        except _Invalid as exc:
            index, piece = found[exc.piece]
            bom = index == 0 and lines[0].startswith("\ufeff")
            raise BadEscape(exc.reason, exc.hint, index + 1, piece.start(1) + exc.offset + 1 - bom) from None
        try:  # each piece alone, as polib undoes each line's string alone; those it reads right left as they are
            values = [_decoded([text]) if _ODD_ESCAPE.search(text) else None for text in pieces]
        except _Invalid:  # a character's bytes split over two lines: the whole value on the first
            values = [value] + [""] * (len(pieces) - 1)
        for (index, piece), written in reversed(list(zip(found, values))):
            if written is not None:
                line = lines[index]
                written = _POLIB_ESCAPE_RE.sub(lambda m: escape(m.group()), written)
                lines[index] = f"{line[:piece.start(1)]}{written}{line[piece.end(1):]}"
    return "".join(lines)


_STR = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"\n'  # a quoted string on its own line, every backslash escaping a character


def _field(keyword: str, prefix: str = "") -> str:
    """A regex for one field as gettext writes it: keyword and string, then continuation strings."""
    return f'{prefix}{keyword} {_STR}(?:{prefix}{_STR})*'


# Comment lines in any order (polib's state machine allows that): translator (``#``, ``# …``, ``##…``),
# extracted, reference and flag comments, previous fields and their continuations, ``#~|`` (skipped by polib).
_NOTE = rf'(?:#(?:[ #][^\n]*)?\n|#[.:,](?: [^\n]*)?\n|#\| (?:(?:msgctxt|msgid|msgid_plural) )?{_STR}|#~\| [^\n]*\n)'
# The comments in gettext's order, each line with content that ends in a non-blank: read without a loop.
_ORDERED = (r"(?P<tcomment>(?:# [^\n]*\S\n)*)(?P<comment>(?:#\. [^\n]*\S\n)*)(?P<occurrences>(?:#: [^\n]*\S\n)*)"
            rf"(?P<flags>(?:#, [^\n]*\S\n)*)(?P<previous_msgid>#\| msgid {_STR}(?:#\| {_STR})*)?")


def _entry_re(prefix: str) -> re.Pattern:
    """One whole entry followed by blank lines; ``prefix``: ``#~ `` for an obsolete entry."""
    msgctxt, msgid, msgstr = _field("msgctxt", prefix), _field("msgid", prefix), _field("msgstr", prefix)
    msgid_plural, indexed = _field("msgid_plural", prefix), _field(r"msgstr\[\d\]", prefix)
    # Atomic/possessive: a comment line taken by ``_ORDERED`` or the notes is never handed back (the notes
    # can take any comment line, so giving one back never leads to a match); without that, comments not
    # followed by an entry made the engine try every split of them, quadratic in their number.
    return re.compile(rf"(?>{_ORDERED})(?P<notes>(?:{_NOTE})*+)(?P<msgctxt>{msgctxt})?(?P<msgid>{msgid})"
                      rf"(?:(?P<msgid_plural>{msgid_plural})(?P<plurals>(?:{indexed})+)|(?P<msgstr>{msgstr}))\n*")


_ENTRY_RE, _OBSOLETE_RE = _entry_re(""), _entry_re("#~ ")
_PIECE_RE = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_COMMENT_MARKS = (".", ":", ",")
_PREVIOUS = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid", "msgid_plural": "previous_msgid_plural"}
_CHARSET_RE = re.compile(r"Content-Type:.+? charset=([\w_\-:\.]+)")
# Characters str.splitlines breaks at besides "\n" (polib reads the lines splitlines gives).
_ODD_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _string(field: str) -> str:
    """The value of a field's regex match: its quoted pieces joined, escapes undone as GNU gettext undoes them
    (``_decoded``; raises ``_Invalid``). The nine one-character escapes are undone in one pass over the joined
    pieces; an octal or hex escape (which may not be cut from its piece) or an invalid one sends it to ``_decoded``."""
    pieces = _PIECE_RE.findall(field)
    value = "".join(pieces)
    if "\\" not in value:
        return value
    try:
        return _CONTROL_RE.sub(_control, value)
    except KeyError:
        return _decoded(pieces)


def _joined(text: str, line: str) -> str:
    """polib's way of adding a comment line: after a newline unless nothing (not even an empty line) is there."""
    return f"{text}\n{line}" if text else line


def parse(text: str, wrapwidth: int = 78, whole: bool = False) -> polib.POFile:
    """The catalog in ``text`` (a PO file's content, decoded) exactly as ``polib.pofile`` returns it for the file
    (the same as for ``text`` unless a string holds a character only ``str.splitlines`` breaks at: U+2028, NEL, …).

    Same ``POFile`` and ``POEntry`` objects, field for field, polib 1.2's quirks included: header and
    metadata, ``metadata_is_fuzzy`` (the header entry's flags), encoding (from the Content-Type charset),
    msgctxt, msgid, msgid_plural, msgstr, msgstr_plural, flags, comment, tcomment, occurrences, previous
    msgctxt/msgid/msgid_plural, obsolete, linenum (the entry's first line; 0 for the first entry). A BOM and CRLF
    line ends are read as polib reads them. One difference: an obsolete entry's ``#~|`` lines, which polib passes
    over, are its previous msgctxt/msgid as gettext reads them (and ``entry_lines`` writes them back).

    Escapes are undone as GNU gettext's PO lexer undoes them, not as polib does: ``\\a``, octal (``\\303``)
    and hex (``\\xc3``) escapes too, their bytes read as UTF-8; a string cut at a NUL. An escape gettext rejects
    (``\\q``, ``\\u00e4``: msgfmt's "invalid control sequence"), in ``#|`` and ``#~|`` lines too, raises
    ``BadEscape`` (a ``ValueError``) naming its line and column, where polib kept the backslash as text.

    Each entry in the layouts gettext, Poedit, Weblate and Lokalize write is matched by one regex, so the
    cost is linear in the size of the text and a fraction of polib's line-by-line state machine. Anything
    else (a line with stray blanks or quotes, a keyword without its space, comments after the last entry,
    two header entries, an odd line break) sends the whole text to ``polib.pofile``: such a file reads as
    before, and a damaged one raises polib's ``OSError``/``ValueError`` with its message and line number.

    ``whole``: also refuse, as ``msgfmt --check`` does, what polib reads as entries with an empty translation: a
    text cut off within an entry (``_complete``) or before its first one (no ``msgid`` line at all).

    A comment line after an obsolete entry's own prefix (``#~ #, fuzzy``, ``#~ # note``, ``#~ #| msgid "…"``, as some
    tools write an obsolete entry's comments) is that comment, as gettext's lexer reads ``#~`` as a prefix of the
    rest of its line: its flags, notes and previous msgid are the obsolete entry's (``#~ #|`` is its ``#~|``).

    A line of a bare ``#~``, ``#|`` or ``#~|`` (what is left of a line a tool or a person emptied, often the last
    one) is nothing to gettext, whose lexer reads them as prefixes: it is read as a blank line, where polib calls
    it a syntax error. Comment lines after the last entry, which gettext reads as belonging to no entry (and
    polib drops), are the POFile's ``trailer`` (``trailer``), which ``render_po`` writes back after the entries.
    """
    if whole and not _ANY_MSGID_RE.search(text):
        raise ValueError(_NO_ENTRY)
    if "#~" in text:
        text = _OBSOLETE_COMMENT.sub("", text)
    end = trailer(text)
    text, after = text[:len(text) - len(end)], "".join(line.rstrip("\r\n") + "\n" for line in _LINE.findall(end))
    if "#~" in text or "#|" in text:
        text = _BARE_PREFIX.sub("", text)
    po = _parsed(text, wrapwidth, whole)
    po.trailer = after.lstrip("\n")
    return po


def trailer(text: str) -> str:
    """The end of a PO ``text`` after its last entry that holds comment lines (``# …``, ``#.``, a bare ``#~``),
    with the blank lines among and before them; "" where the text ends in an entry's last string."""
    if text.rstrip().endswith('"'):  # nearly every catalog: not split into lines
        return ""
    lines = _LINE.findall(text)
    start = len(lines)
    while start and _AFTER_ENTRIES.match(lines[start - 1]):
        start -= 1
    if start == 0 or not lines[start - 1].rstrip().endswith('"') or not any(line.strip() for line in lines[start:]):
        return ""
    return "".join(lines[start:])


# a line that may follow the last entry: blank, a comment of no entry's strings as polib reads one (translator,
# extracted, reference, flags), a bare ``#~``, ``#|`` or ``#~|``; not a bare ``#``, which polib reads as the comment
# of an entry to come (a last entry without msgstr before it is dropped, as polib drops it)
_AFTER_ENTRIES = re.compile(r"[ \t]*(?:#(?:[ \t#][^\r\n]*|[.:,](?:[ \t][^\r\n]*)?|~\|?[ \t]*|\|[ \t]*))?"
                            r"(?:\r\n?|\n)?\Z")


def _parsed(text: str, wrapwidth: int, whole: bool) -> polib.POFile:
    """``parse`` of a ``text`` without its trailer: the fast reading, else polib's."""
    try:
        return _read(text, wrapwidth)
    except (_LeftToPolib, _Invalid):  # an _Invalid string: ``_polib_strings`` names its line and column
        pass
    if whole:  # ``_read`` matched no entry cut short: its regex needs each one whole
        _complete(text)
    if _ODD_ESCAPE.search(text):
        text = _polib_strings(text)
    if "#~|" in text:  # an obsolete entry's previous text, which polib passes over: read as gettext reads it
        text = _OBSOLETE_PREVIOUS.sub("#| ", text)
    po = polib.pofile(_GettextLines(text), wrapwidth=wrapwidth)
    if _ISOLATE_START in text:
        _isolated_references(po, text)
    return po


def _isolated_references(po: polib.POFile, text: str) -> None:
    """The references of each entry of ``po`` (polib's reading of ``text``) that has an isolated file name, read
    again from its ``#:`` lines as gettext 0.22 reads them (``references``, line by line): polib cut the name at
    its blanks, and joining its words again with a space made a tab or a run of spaces one space and ran a name
    whose U+2069 is missing on into the next line's references. polib reads the ``#:`` lines in order, one
    reference a word, so an entry's lines are the next ones whose words it holds; where they do not add up
    (a line polib reads otherwise), ``po`` keeps polib's words."""
    lines = []
    for line in _LINE.findall(text):
        line = line.strip()
        if line.startswith("#~ ") and len(line.split(None, 1)) > 1:  # an obsolete entry's, as polib reads it
            line = line[3:].strip()
        if len(line.split(None, 1)) > 1 and line.split(None, 1)[0] == "#:":
            lines.append(line[3:])
    read, at = {}, 0
    for n, entry in enumerate(po):
        left, taken = len(entry.occurrences), []
        while left > 0 and at < len(lines):
            taken.append(lines[at])
            left -= len(lines[at].split())
            at += 1
        if left:
            return
        if any(_ISOLATE_START in line for line in taken):
            read[n] = [found for line in taken for found in references(line)]
    for n, found in read.items():
        po[n].occurrences = found


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")  # a line and its end: LF, CRLF or CR
# (``(?<![^\r\n\ufeff])``: at a line's start, its end LF, CRLF or CR, or after the BOM)
_OBSOLETE_PREVIOUS = re.compile("(?<![^\r\n\ufeff])[ \t]*#~\\|[ \t]*")
# the ``#~`` prefixes before a comment (``#~ #, fuzzy``): gettext reads the comment, as if they were not there
_OBSOLETE_COMMENT = re.compile("(?<![^\r\n\ufeff])[ \t]*(?:#~[ \t]*)+(?=#(?!~))")
# a line of only ``#~``, ``#|`` or ``#~|``: a blank line to gettext
_BARE_PREFIX = re.compile("(?<![^\r\n\ufeff])[ \t]*#(?:~\\|?|\\|)[ \t]*(?=\r\n|\r|\n|\\Z)")
# a catalog has one at least: its header's, at a line's start after LF, CRLF or CR alone (classic Mac OS, which polib
# and Poedit read as a line end: after LF alone, such a catalog was "cut off")
_ANY_MSGID_RE = re.compile(r"(?:^|\r)(?:#~ *)?msgid[ \t\"]", re.M)
_KEYWORD_RE = re.compile(r"(?:#~ *)?(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)[ \t\"]")
# what each keyword leaves an entry waiting for, as GNU gettext's grammar has it (msgfmt: "missing 'msgstr'
# section"); None: the entry is whole
_AWAITS = {"msgctxt": "msgid", "msgid": "msgstr", "msgid_plural": "msgstr[]"}


_NO_ENTRY = "no entry, not even the header entry (msgid \"\"): the file is cut off (line 1)"


def whole_entries(text: str) -> None:
    """What ``parse(text, whole=True)`` refuses beyond polib, checked line by line on any text (the fast path
    checks it only where polib reads the text): ``ValueError`` naming the line of an entry cut short
    (``_complete``), or line 1 when no entry is there at all."""
    if not _ANY_MSGID_RE.search(text):
        raise ValueError(_NO_ENTRY)
    _complete(text)


def _complete(text: str) -> None:
    """Raise ``ValueError`` naming the line (polib's way, ``… (line N)``) where an entry is cut short: a msgctxt
    without its msgid, a msgid without its msgstr, a msgid_plural without its ``msgstr[n]`` (a file cut off after
    it: a crash, a copy of its first bytes). polib reads each as a whole
    entry with an empty translation; ``msgfmt --check`` rejects them. A ``msgstr[n]`` where a ``msgstr`` belongs, or
    the other way round, is named as that, at its own line (``_mixed_forms``)."""
    waiting, since = None, 0
    for number, line in enumerate(_GettextLines(text).splitlines(), 1):
        match = _KEYWORD_RE.match(line)
        if match is None:
            continue
        keyword = match.group(1)
        keyword = "msgstr[]" if keyword.startswith("msgstr[") else keyword
        if waiting is not None and keyword != waiting and not (waiting == "msgstr" and keyword == "msgid_plural"):
            if {waiting, keyword} == {"msgstr", "msgstr[]"}:  # the file is whole: the entry mixes the two forms
                raise ValueError(_mixed_forms(match.group(1), number))
            raise ValueError(_cut_short(waiting, since))
        if keyword in _AWAITS:
            waiting, since = _AWAITS[keyword], number
        else:
            waiting = None
    if waiting is not None:
        raise ValueError(_cut_short(waiting, since))


def _mixed_forms(keyword: str, line: int) -> str:
    """``_complete``'s message for a ``msgstr[n]`` of an entry without ``msgid_plural``, or a plain ``msgstr`` of
    one with it (a hand edit, another tool's output), at its ``line``: msgfmt refuses both."""
    if keyword == "msgstr":
        return f"'msgstr' of a plural entry (msgid_plural): its translations are msgstr[0], msgstr[1], … (line {line})"
    return (f"'{keyword}' of an entry without 'msgid_plural': only a plural entry has numbered translations; write "
            f"msgstr \"…\" (line {line})")


def _cut_short(awaited: str, line: int) -> str:
    """``_complete``'s message: the entry at ``line`` lacks its ``awaited`` section."""
    return f"missing '{awaited}' section: the entry is cut short (the file cut off?) (line {line})"


class _GettextLines(str):
    """PO text whose lines end at LF, CRLF or CR only, as polib splits a file it opens (Python's universal
    newlines) and gettext and Poedit read it: ``polib.pofile(text)`` splits a text with ``str.splitlines``, which
    also breaks at U+2028, NEL, U+001C…, so a catalog holding one of them in a string (``msgfmt --check`` passes
    it) was a syntax error there."""

    def splitlines(self, keepends: bool = False) -> list[str]:
        lines = _LINE.findall(self)
        return lines if keepends else [line.rstrip("\r\n") for line in lines]


def _encoding(text: str) -> str:
    """polib's ``detect_encoding`` for PO text: the first Content-Type charset Python knows, else UTF-8.

    polib's pattern starts with an optional quote, which makes the regex engine try every position; without
    it the match starts at the same "Content-Type:", so the charset found is the same.
    """
    match = _CHARSET_RE.search(text)
    if match:
        try:
            codecs.lookup(match.group(1).strip())
            return match.group(1).strip()
        except LookupError:
            pass
    return polib.default_encoding


def keys(text: str) -> list[tuple[str | None, str]]:
    """``[(e.msgctxt, e.msgid) for e in parse(text)]``, read without making the entries (their comments, msgstr and
    ``POEntry``): what ``extract`` needs of the template on disk. Text ``parse`` hands to polib is parsed whole,
    so the keys, and the ``OSError``/``ValueError`` of a damaged file, are parse's."""
    try:
        _, matches = _scan(text)
        if any("#|" in match["notes"] or "#~|" in match["notes"] for match, _ in matches):  # ``_notes`` may hand
            # such an entry to polib
            raise _LeftToPolib
        found = [(None if match["msgctxt"] is None else _string(match["msgctxt"]), _string(match["msgid"]),
                  match.re is _OBSOLETE_RE) for match, _ in matches]
        headers = [index for index, (_, msgid, obsolete) in enumerate(found) if msgid == "" and not obsolete]
        if len(headers) > 1:
            raise _LeftToPolib
    except (_LeftToPolib, _Invalid):  # parse names an invalid escape's line and column (``BadEscape``)
        return [(e.msgctxt, e.msgid) for e in parse(text)]
    return [(msgctxt, msgid) for index, (msgctxt, msgid, _) in enumerate(found) if not headers or index != headers[0]]


def _scan(text: str) -> tuple[str, list[tuple[re.Match, int]]]:
    """The header comment (polib's ``POFile.header``) and each entry's match with its first line's number (0 for
    the first entry), for the layouts ``parse`` knows; raises ``_LeftToPolib`` on anything else."""
    body = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if body and not body.endswith("\n"):
        body += "\n"
    if any(odd in body for odd in _ODD_BREAKS):
        raise _LeftToPolib
    header, pos, number = "", 0, 1
    while pos < len(body):  # translator comments before the first entry are polib's header
        end = body.index("\n", pos)
        line = body[pos:end].strip()
        if line == "#" or line.startswith(("# ", "##")):
            header = _joined(header, (line + " " if line == "#" else line)[2:])
        elif line and not _skipped(line):
            break
        elif "\\" in line:  # a ``#~|`` line: polib passes over it, gettext reads its string
            _string(line)
        pos, number = end + 1, number + 1
    matches: list[tuple[re.Match, int]] = []
    while pos < len(body):
        match = _ENTRY_RE.match(body, pos) or _OBSOLETE_RE.match(body, pos)
        if match is None:
            raise _LeftToPolib
        matches.append((match, number if matches else 0))
        pos = match.end()
        number += match.group().count("\n")
    return header, matches


def _read(text: str, wrapwidth: int) -> polib.POFile:
    """``parse`` for the layouts it knows; raises ``_LeftToPolib`` on anything else."""
    po = polib.POFile(encoding=_encoding(text), wrapwidth=wrapwidth)
    po.header, matches = _scan(text)
    entries = [_entry(match, number) for match, number in matches]
    headers = [e for e in entries if e.msgid == "" and not e.obsolete]
    if len(headers) > 1:
        raise _LeftToPolib
    po.extend(e for e in entries if not headers or e is not headers[0])
    if headers:
        po.metadata_is_fuzzy = headers[0].flags
        name = None
        for line in headers[0].msgstr.splitlines():
            try:
                name, value = line.split(":", 1)
                po.metadata[name] = value.strip()
            except (ValueError, KeyError):
                if name is not None:
                    po.metadata[name] += "\n" + line.strip()
    return po


# A new POEntry's attributes as polib's constructor sets them; the containers are made fresh for each entry.
_BLANK = {name: value for name, value in vars(polib.POEntry()).items() if name not in ("occurrences", "flags",
                                                                                          "msgstr_plural")}


def new_entry(**fields) -> polib.POEntry:
    """``polib.POEntry(**fields)`` without its constructor: the attributes it sets, ``fields`` (its keyword
    arguments) over them. polib's ``__init__`` looks up each of its 15 arguments in ``kwargs``: for the 39,481
    entries of a cold extract at N = 500 a fifth of ``catalog.build_pot``'s time."""
    entry = polib.POEntry.__new__(polib.POEntry)
    attributes = vars(entry)
    attributes.update(_BLANK, occurrences=[], flags=[], msgstr_plural={})
    attributes.update(fields)
    return entry


def _entry(match: re.Match, number: int) -> polib.POEntry:
    """The ``POEntry`` polib builds from one entry ``match`` whose first line is line ``number`` (0: keep 0)."""
    entry = new_entry(linenum=number, msgid=_string(match["msgid"]), obsolete=int(match.re is _OBSOLETE_RE))
    if match["msgctxt"] is not None:
        entry.msgctxt = _string(match["msgctxt"])
    if match["msgstr"] is not None:
        entry.msgstr = _string(match["msgstr"])
    else:
        entry.msgid_plural = _string(match["msgid_plural"])
        for part in re.split(r"^(?=(?:#~ )?msgstr\[)", match["plurals"], flags=re.M)[1:]:
            entry.msgstr_plural[int(part[part.index("[") + 1])] = _string(part)
    ordered = match.start("notes") > match.start()
    if ordered:
        _ordered_notes(entry, match)
    notes = match["notes"]
    if notes:
        _notes(entry, notes.split("\n")[:-1], 0 if ordered else number)
    return entry


def _ordered_notes(entry: polib.POEntry, match: re.Match) -> None:
    """The comments ``_ORDERED`` matched, as polib's handlers would have added them line by line."""
    if match["tcomment"]:
        entry.tcomment = match["tcomment"][2:-1].replace("\n# ", "\n")
    if match["comment"]:
        entry.comment = match["comment"][3:-1].replace("\n#. ", "\n")
    for line in match["occurrences"].split("\n")[:-1]:
        entry.occurrences += _occurrences(line)
    for line in match["flags"].split("\n")[:-1]:
        entry.flags += [flag.strip() for flag in line[3:].split(",")]
    if match["previous_msgid"]:
        entry.previous_msgid = _string(match["previous_msgid"])


def _notes(entry: polib.POEntry, lines: list[str], number: int) -> None:
    """Add an entry's comment lines (``_NOTE``) to it as polib's handlers do, line by line."""
    first, previous = None, None
    for offset, raw in enumerate(lines):
        line = raw.strip()
        if line.startswith("#~| "):  # an obsolete entry's previous text, as gettext reads it (and as the polib path)
            line = "#|" + line[3:]
        mark = line[1:2]
        if mark in _COMMENT_MARKS or mark == "~":
            if len(line) == 2 or mark == "~":  # polib passes over an empty ``#.``, ``#:``, ``#,`` and ``#~|``
                if mark == "~" and "\\" in line:  # gettext reads a ``#~|`` line's string: one it rejects is an error
                    _string(line)
                continue
            previous = None
            if mark == ".":
                entry.comment = _joined(entry.comment, line[3:])
            elif mark == ":":
                entry.occurrences += _occurrences(line)
            else:
                entry.flags += [flag.strip() for flag in line[3:].split(",")]
        elif mark == "|":
            keyword, _, rest = line[3:].partition(" ")
            if keyword.startswith('"'):  # a continuation of the previous field
                if previous is None:
                    raise _LeftToPolib
                setattr(entry, previous, getattr(entry, previous) + _string(line))
            else:
                previous = _PREVIOUS[keyword]
                setattr(entry, previous, _string(rest))
        else:
            previous = None
            comment = line.lstrip("#")
            entry.tcomment = _joined(entry.tcomment, comment[1:] if comment[:1] == " " else comment)
        if first is None:
            first = offset
    if number:
        entry.linenum = number + (len(lines) if first is None else first)


def _occurrences(line: str) -> list[tuple[str, str]]:
    """The references of a ``#:`` line (``references``)."""
    return references(line[3:])


# a reference as gettext 0.22's read-catalog-abstract.c reads an isolated one (up to U+2069 or the line's end, then
# optionally ``:`` and a line number, blanks allowed around the colon), else a word as polib splits it
_REFERENCE_RE = re.compile(f"{_ISOLATE_START}([^{_ISOLATE_END}\\n]*){_ISOLATE_END}?"
                           r"(?:[ \t]*:[ \t]*([0-9]+)(?!\S))?|(\S+)")


def references(text: str) -> list[tuple[str, str]]:
    """The (path, line) references of a ``#:`` line's ``text`` (after ``#:``), line "" where there is none.

    Split at blanks as polib splits them: ``path:line``, else the whole word, so a file name with spaces that
    gettext before 0.22 (or verlag before it isolated them) wrote as it is reads as several references, as
    gettext itself reads it. A name isolated as gettext 0.22 and later write it (U+2068 name U+2069, optionally
    ``:line``) is read whole, as gettext reads it."""
    if _ISOLATE_START not in text:
        return [_word(word) for word in text.split()]
    return [(match[1], match[2] or "") if match[3] is None else _word(match[3])
            for match in _REFERENCE_RE.finditer(text)]


def _word(occurrence: str) -> tuple[str, str]:
    path, colon, where = occurrence.rpartition(":")
    return (path, where) if colon and where.isdigit() else (occurrence, "")


def _skipped(line: str) -> bool:
    """Is this (stripped) line one polib passes over: an empty comment of a kind with content? (A ``#~|`` line is
    an obsolete entry's previous text: it starts an entry, as ``#|`` does.)"""
    return line in ("#.", "#:", "#,")
