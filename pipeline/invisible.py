"""Invisible hints for line breaking that text copied from web pages carries: soft hyphen (U+00AD), zero-width
space (U+200B), word joiner (U+2060) and the zero-width no-break space (U+FEFF, the old word joiner).

They change nothing a reader sees, so a sentence with them is the same sentence as without: ``import`` drops
them, and an edit that only adds or removes them is a typo fix (``typos.is_typo_fix``). Zero-width (non-)joiners
(U+200C, U+200D) are not among them: they change how Persian, Hindi or an emoji is drawn.

In a German source they are a ``check`` warning (``invisible-character``, ``hint_lines``): they pass into the
catalog's msgid, where no reviewer sees them (a text pasted with them is mostly pasted by accident); an author
who wants a soft hyphen writes the entity ``&shy;``, which every editor shows and the msgid keeps as written. A
translation is not warned of them: a reviewer's soft hyphen in a long compound, or Persian's zero-width
non-joiner, is the translation's own. Control characters (C0 but tab and line feed, DEL, C1: ``control_lines``)
are an error in both (``control-character``): a browser shows none of them as text, markdown-it makes a NUL the
replacement character U+FFFD, and a feed or page holding one is not well-formed XML. A German source's U+FFFD is
that error too (``lost_lines``): reading the file made a NUL byte one, or an encoding conversion left it.
"""

from __future__ import annotations

import re

HINTS = "\u00ad\u200b\u2060\ufeff"
_TABLE = dict.fromkeys(map(ord, HINTS))
_HINT = re.compile(f"[{HINTS}]")
_LOST = re.compile("\ufffd")
# C0 controls but tab and line feed, DEL, and C1 (U+0080-U+009F): what a text editor shows as nothing or a box
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\x0d": "carriage return", "\x1b": "ESC",
          "\x7f": "DEL", "\x85": "NEL", "\u00ad": "soft hyphen", "\u200b": "zero-width space",
          "\u2060": "word joiner", "\ufeff": "zero-width no-break space"}


def without_hints(text: str) -> str:
    """``text`` without the invisible line-break hints ``HINTS``."""
    return text.translate(_TABLE)


def count_hints(text: str) -> int:
    """How many of ``HINTS`` ``text`` holds."""
    return sum(text.count(ch) for ch in HINTS)


def named(char: str) -> str:
    """``char`` as a message names it: its code point and, for the common ones, its name ("U+0000 NUL")."""
    name = _NAMES.get(char)
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def control_lines(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each line of ``text`` (its first line is ``first_line``) holding ``CONTROLS``."""
    return [(line, f"{_listed(chars)} in the text: no reader sees {_them(chars)} as text (a page shows nothing "
                   "there, or \ufffd for a NUL), and a feed holding one is no well-formed XML; delete "
                   f"{_them(chars)} (a copy from a PDF, a terminal or a database export brings them)")
            for line, _, chars in _lines(CONTROLS, text, first_line)]


def lost_lines(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each line of a German source's ``text`` holding U+FFFD, which is what reading makes of
    a NUL byte (``sources.normalise``, as markdown-it does) and what an encoding conversion leaves of a character
    it could not read: never a character an author means."""
    return [(line, f"{len(chars)} \ufffd (U+FFFD, the replacement character) in the text: a NUL byte in the file, "
                   "or a character an encoding conversion lost; the page shows \ufffd there: write the character "
                   "meant")
            for line, _, chars in _lines(_LOST, text, first_line)]


def hint_lines(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each line of the German ``text`` holding ``HINTS``, named with the words they sit in."""
    found = []
    for line, row, chars in _lines(_HINT, text, first_line):
        words = ", ".join(map(repr, dict.fromkeys(re.findall(rf"\S*[{HINTS}]\S*", row))))
        found.append((line, f"{_listed(chars)} in {words}: invisible here and in the catalog's msgid, where no "
                            f"reviewer sees {_them(chars)} (Poedit shows nothing); delete {_them(chars)}, or write "
                            "a soft hyphen you mean as &shy;, which every editor shows"))
    return found


def _them(chars: list[str]) -> str:
    return "it" if len(chars) == 1 else "them"


def _listed(chars: list[str]) -> str:
    kinds = list(dict.fromkeys(chars))
    return ", ".join(named(char) for char in kinds)


def _lines(pattern: re.Pattern, text: str, first_line: int) -> list[tuple[int, str, list[str]]]:
    """(line, its text, the characters ``pattern`` matches there) of each line of ``text`` where it matches."""
    if not pattern.search(text):
        return []
    return [(first_line + number, row, chars) for number, row in enumerate(text.split("\n"))
            if (chars := pattern.findall(row))]
