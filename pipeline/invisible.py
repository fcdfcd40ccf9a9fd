"""Invisible hints for line breaking that text copied from web pages carries: soft hyphen (U+00AD), zero-width
space (U+200B), word joiner (U+2060) and the zero-width no-break space (U+FEFF, the old word joiner).

They change nothing a reader sees, so a sentence with them is the same sentence as without: ``import`` drops
them, and an edit that only adds or removes them is a typo fix (``typos.is_typo_fix``). Zero-width (non-)joiners
(U+200C, U+200D) are not among them: they change how Persian, Hindi or an emoji is drawn.
"""

from __future__ import annotations

HINTS = "\u00ad\u200b\u2060\ufeff"
_TABLE = dict.fromkeys(map(ord, HINTS))


def without_hints(text: str) -> str:
    """``text`` without the invisible line-break hints ``HINTS``."""
    return text.translate(_TABLE)


def count_hints(text: str) -> int:
    """How many of ``HINTS`` ``text`` holds."""
    return sum(text.count(ch) for ch in HINTS)
