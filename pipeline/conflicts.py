"""Git's conflict markers: the lines ``git merge`` (and ``git pull``, ``git rebase``) leaves around both sides of a
conflict for a person to resolve. Every reader of a file a person edits (articles, catalogs, verlag.toml, the
glossary) refuses a file that holds one, as the merge left unresolved that it is, before reading it as its
format: read as Markdown the markers are a heading and paragraphs, as TOML or YAML a syntax error, as CSV rows."""

from __future__ import annotations

import re
from pathlib import Path

from . import LazyPattern
from .errors import VerlagError

# git's markers (conflict-marker-size 7): "<<<<<<< HEAD", diff3's "||||||| base", "=======", ">>>>>>> 7821b32"
_MARKER = LazyPattern(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?\r?$", re.M)


def conflict_lines(text: str) -> list[int]:
    """The 1-based lines of git's conflict markers in ``text`` that make up conflicts: a ``<<<<<<<`` line, then
    a ``=======`` line (diff3's ``|||||||`` line may come between), then a ``>>>>>>>`` line, each at a line's
    start; [] when there is none.

    A marker line alone is not taken: ``=======`` under a line of text is Markdown's setext heading,
    ``>>>>>>> text`` a nested block quote; only git writes the three in this order."""
    if "<<<<<<<" not in text:  # every conflict starts with it: most files are done in one search
        return []
    found: list[int] = []
    side: list[int] = []  # the markers of the conflict read so far
    expect = "<"
    for match in _MARKER.finditer(text):
        kind = match.group(1)[0]
        line = text.count("\n", 0, match.start()) + 1
        if kind == "<":
            side, expect = [line], "|="
        elif kind in expect:
            side.append(line)
            expect = ">" if kind == "=" else "="
            if kind == ">":
                found += side
                side, expect = [], "<"
    return found


class MergeConflict(VerlagError):
    """A file a person edits that holds git's conflict markers (``refuse_conflict``): a merge left unresolved,
    which a command that reads the file stops at even where it goes on without a file it cannot read."""


def refuse_conflict(text: str, ref: Path | str, keep: str) -> None:
    """Raise ``MergeConflict`` at the first marker line when ``text`` (the file ``ref``) holds a conflict
    (``conflict_lines``), naming every marker line; ``keep``: what the person keeps of the two sides ("the text
    you want"), said in the advice."""
    lines = conflict_lines(text)
    if lines:
        raise MergeConflict(f"unresolved merge conflict: git's conflict markers (<<<<<<<, =======, >>>>>>>) on lines "
                          f"{', '.join(map(str, lines))}; resolve the merge ({keep}, delete the marker lines), then "
                          "run verlag again; the file is left as it was", ref, lines[0])
