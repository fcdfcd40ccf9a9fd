"""Counts in verlag's English messages: "1 file", "2 files", "0 files"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` (int) and ``noun`` in English number agreement: the singular for exactly 1, else ``plural``
    (default ``noun`` + "s"), as CLDR's English plural rule has it (category "one": i = 1 and v = 0;
    https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). Thousands are
    grouped with commas (``1,500 characters``)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
