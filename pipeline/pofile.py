"""Write PO files the way GNU gettext does, so Poedit, msgcat and verlag agree byte for byte.

polib parses well but wraps long strings differently from GNU (it moves the
space to the start of the next line); every save in a reviewer's tool would
then re-wrap the file and every ``extract`` wrap it back. This writer follows
GNU's layout: lines of at most 79 columns, broken where GNU's Unicode line
breaking would (after spaces, hyphens, dashes, slashes, sentence punctuation
before a letter), always after ``\\n``.
"""

from __future__ import annotations

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


def _class(ch: str) -> str:
    if ch.isdigit():
        return "NU"
    return _CLASS.get(ch, "AL")


def _can_break(text: str, i: int) -> bool:
    """May a line end before ``text[i]``?"""
    before, after = text[i - 1], text[i]
    if after in " \n":
        return False
    if before == " ":
        opener = text[:i].rstrip(" ")[-1:]
        # UAX #14 LB13/LB14: never before closing punctuation, never after an opening one
        return after not in ",.;:!?)]}/" and opener not in ("(", "[", "{", "„")
    return _class(after) in _AFTER.get(_class(before), ())


def _chunks(text: str, room: int) -> list[str]:
    """Greedy fill like GNU: escaped pieces of at most ``room`` columns, cut at break opportunities."""
    escaped = [escape(ch) for ch in text]
    pieces: list[str] = []
    start, width, last_break = 0, 0, None
    for i, ch in enumerate(text):
        if i > start and _can_break(text, i):
            last_break = i
        width += len(escaped[i])
        if width > room and last_break is not None:
            pieces.append("".join(escaped[start:last_break]))
            start, last_break = last_break, None
            width = sum(len(e) for e in escaped[start:i + 1])
    pieces.append("".join(escaped[start:]))
    return [p for p in pieces if p]


def field(prefix: str, keyword: str, value: str) -> list[str]:
    """``keyword "value"`` on one line when it fits and has no inner newline, else ``""`` + wrapped lines."""
    escaped = escape(value)
    head = f'{prefix}{keyword} "'
    if "\n" not in value[:-1] and len(head) + len(escaped) + 1 <= WIDTH:
        return [f'{head}{escaped}"']
    lines = [f'{head}"']
    for segment in re.split(r"(?<=\n)(?=.)", value, flags=re.S):
        for piece in _chunks(segment, WIDTH - len(prefix) - 2):
            lines.append(f'{prefix}"{piece}"')
    return lines


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
