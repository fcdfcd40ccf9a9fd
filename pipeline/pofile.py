"""Write PO files the way GNU gettext does, so Poedit, msgcat and verlag agree byte for byte.

polib parses well but wraps long strings differently from GNU (it moves the
space to the start of the next line); every save in a reviewer's tool would
then re-wrap the file and every ``extract`` wrap it back. This writer follows
GNU's layout: lines of at most 79 columns, broken where GNU's Unicode line
breaking would (after spaces, hyphens, dashes, slashes, sentence punctuation
before a letter), always after ``\\n``.
"""

from __future__ import annotations

import bisect
import functools
import re

import polib

WIDTH = 79
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b",
            "\f": "\\f", "\v": "\\v"}
_ESCAPE_RE = re.compile(r'[\\"\n\t\r\a\b\f\v]')
# Line-break opportunities as GNU gettext (libunistring, UAX #14) finds them, reduced to the
# character classes that occur in prose and Markdown; measured against msgcat.
_CLASS = {**dict.fromkeys(".,;:", "IS"), **dict.fromkeys("?!", "EX"), "-": "HY", "/": "HY",
          **dict.fromkeys("–…|", "BA"), "—": "B2", **dict.fromkeys(")]", "CP"), **dict.fromkeys("([{„", "OP"),
          **dict.fromkeys("%+$\\", "PR"), '"': "DQ", "}": "CB",
          **dict.fromkeys("'“”«»‚‘’‹›\u00a0\u202f\u2007", "GL")}
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
}


def escape(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


# Characters ``str.isdigit`` counts as digits that ``\d`` does not match (superscripts, circled digits; Unicode
# 15, Python 3.11); tests/test_pofile.py checks the list against the running Python.
_OTHER_DIGITS = ("\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
                 "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
                 "\u278a-\u2792\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
                 "\U0001f100-\U0001f10a")


def _char_class(classes: set[str], exclude: str) -> str:
    """A regex character class matching the characters of the given line-break ``classes``, never ``exclude``."""
    special = {name: "".join(ch for ch, c in _CLASS.items() if c == name) for name in set(_CLASS.values())}
    if "AL" in classes:  # AL is everything not otherwise classified: write it as the complement
        outside = "".join(chars for name, chars in special.items() if name not in classes)
        digits = "" if "NU" in classes else r"\d" + _OTHER_DIGITS
        return f"[^{re.escape(outside + exclude)}{digits}]"
    inside = "".join(chars for name, chars in special.items() if name in classes)
    digits = r"\d" + _OTHER_DIGITS if "NU" in classes else ""
    return f"[{re.escape(inside)}{digits}]"


def _break_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Two regexes whose matches end where a line may end (UAX #14 as reduced above).

    The first starts every match with the character before the break (a space or punctuation), so the regex
    engine scans for that character set instead of trying every branch at every position: after a run of
    spaces (LB13/LB14: never before closing punctuation or a slash, never after an opening bracket or quote),
    or by the pair table ``_AFTER``. The second covers letters and digits, which only break before an em dash.
    """
    lead = {name: after for name, after in _AFTER.items() if name not in ("AL", "NU")}
    first = "".join(ch for ch, name in _CLASS.items() if name in lead)
    branches = [r"(?<![(\[{„ ] )(?<= ) *(?=[^ \n,.;:!?)\]}/])"]
    branches += [f"(?<={_char_class({name}, '')})(?={_char_class(after, ' ' + chr(10))})"
                 for name, after in lead.items()]
    dash = f"{_char_class({'AL', 'NU'}, ' ')}(?=—)"
    return re.compile(f"[ {re.escape(first)}](?:{'|'.join(branches)})"), re.compile(dash)


_BREAK_RE, _DASH_BREAK_RE = _break_patterns()


def _breaks(text: str) -> list[int]:
    """Indices ``i`` (ascending) where a line may end before ``text[i]``, as msgcat finds them."""
    found = [m.end() for m in _BREAK_RE.finditer(text)]
    if "—" in text:
        found = sorted(found + [m.end() for m in _DASH_BREAK_RE.finditer(text)])
    return found


def _chunks(text: str, room: int) -> list[str]:
    """Greedy fill like GNU: escaped pieces of at most ``room`` columns, cut at break opportunities.

    Linear in ``len(text)``: the break opportunities come from one regex pass, the escaped width of any prefix
    from the positions of the characters that escape to two columns; a piece ends at the last opportunity
    before the first character that overflows, or at the first one after it when a word alone is too wide.
    """
    breaks = _breaks(text)
    doubles = [m.start() for m in _ESCAPE_RE.finditer(text)]

    def width(end: int) -> int:  # escaped columns of text[:end]
        return end + bisect.bisect_left(doubles, end)

    pieces: list[str] = []
    start = 0
    while width(len(text)) - width(start) > room:
        if doubles:
            overflow = bisect.bisect_right(range(len(text) + 1), width(start) + room, lo=start + 1, key=width) - 1
        else:
            overflow = start + room
        last = bisect.bisect_right(breaks, overflow) - 1
        if last >= 0 and breaks[last] > start:
            cut = breaks[last]
        else:
            later = bisect.bisect_right(breaks, start)
            if later == len(breaks):
                break
            cut = breaks[later]
        pieces.append(escape(text[start:cut]))
        start = cut
    pieces.append(escape(text[start:]))
    return [p for p in pieces if p]


@functools.lru_cache(maxsize=16384)
def field(prefix: str, keyword: str, value: str) -> tuple[str, ...]:
    """``keyword "value"`` on one line when it fits and has no inner newline, else ``""`` + wrapped lines.

    Cached: ``extract`` writes each msgid into the template and again into every new catalog.
    """
    escaped = escape(value)
    head = f'{prefix}{keyword} "'
    if "\n" not in value[:-1] and len(head) + len(escaped) + 1 <= WIDTH:
        return (f'{head}{escaped}"',)
    lines = [f'{head}"']
    for segment in re.split(r"(?<=\n)(?=.)", value, flags=re.S):
        for piece in _chunks(segment, WIDTH - len(prefix) - 2):
            lines.append(f'{prefix}"{piece}"')
    return tuple(lines)


def _comment_lines(marker: str, text: str) -> list[str]:
    return [f"{marker} {line}".rstrip() if line else marker for line in text.split("\n")]


def _references(occurrences) -> list[str]:
    refs = [f"{path}:{line}" if line else path for path, line in occurrences]
    lines: list[str] = []
    current = "#:"
    for ref in refs:
        if current != "#:" and len(current) + 1 + len(ref) > WIDTH:
            lines.append(current)
            current = "#:"
        current += " " + ref
    if current != "#:":
        lines.append(current)
    return lines


def entry_lines(entry: polib.POEntry) -> list[str]:
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
    if entry.previous_msgctxt is not None:
        lines += field(prefix + "#| ", "msgctxt", entry.previous_msgctxt)
    if entry.previous_msgid is not None:
        lines += field(prefix + "#| ", "msgid", entry.previous_msgid)
    if entry.msgctxt is not None:
        lines += field(prefix, "msgctxt", entry.msgctxt)
    lines += field(prefix, "msgid", entry.msgid)
    if entry.msgid_plural:
        lines += field(prefix, "msgid_plural", entry.msgid_plural)
        for index in sorted(entry.msgstr_plural):
            lines += field(prefix, f"msgstr[{index}]", entry.msgstr_plural[index])
    else:
        lines += field(prefix, "msgstr", entry.msgstr)
    return lines


def render_po(po: polib.POFile) -> str:
    """The whole catalog: header comment, header entry, entries, then obsolete entries."""
    blocks: list[list[str]] = []
    header: list[str] = _comment_lines("#", po.header) if po.header else []
    if po.metadata_is_fuzzy:
        header.append("#, fuzzy")
    meta = "".join(f"{name}: {value}\n" for name, value in po.metadata.items())
    header += field("", "msgid", "") + field("", "msgstr", meta)
    blocks.append(header)
    blocks += [entry_lines(e) for e in po if not e.obsolete]
    blocks += [entry_lines(e) for e in po if e.obsolete]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
