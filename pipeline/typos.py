"""Which author edits are typo fixes: small enough that a reviewed translation stays right.

This is the job po4a's ``msguntypot`` does by hand; ``verlag extract
--keep-typo-fixes`` applies it during the merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .invisible import without_hints
from .markup import scan

MIN_WORD = 5  # shorter words change meaning with one letter: in/im, der/den, sie/Sie
# German words that negate (lower case): one letter turns some into or out of a word of the opposite meaning
# (einen/keinen, immer/nimmer, irgendwo/nirgendwo), which is never a typo fix
NEGATIONS = frozenset({
    "kein", "keine", "keinem", "keinen", "keiner", "keines", "keins", "keinerlei", "keinesfalls", "keineswegs",
    "nicht", "nichts", "nie", "niemals", "niemand", "niemandem", "niemanden", "niemands", "nimmer", "nimmermehr",
    "nirgends", "nirgendwo", "nirgendwohin", "weder"})


def negation_changed(before: Iterable[str], after: Iterable[str]) -> bool:
    """Whether one side of a difference has a German negation (``typos.NEGATIONS``: nicht, kein, nie, …) and the
    other none: a match made for "macht nicht abhängig" says the opposite of "macht abhängig"."""
    return any(w.lower() in NEGATIONS for w in before) != any(w.lower() in NEGATIONS for w in after)


def _separator(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def _tokens(text: str) -> list[tuple[bool, str]]:
    """Markup pieces whole, and the prose's words: runs of anything but whitespace and punctuation."""
    tokens: list[tuple[bool, str]] = []
    for is_markup, piece in scan(text):
        if is_markup:
            tokens.append((True, piece))
            continue
        word = ""
        for ch in piece + " ":
            if _separator(ch):
                if word:
                    tokens.append((False, word))
                word = ""
            else:
                word += ch
    return tokens


def _one_letter(old: str, new: str) -> bool:
    """One letter inserted, deleted, replaced (also by its other case) or swapped with its neighbour,
    never the last letter, in words of at least MIN_WORD letters, with no digit involved, that does not turn
    a word into a negation or out of one (``NEGATIONS``)."""
    if min(len(old), len(new)) < MIN_WORD or any(ch.isdigit() for ch in old + new):
        return False
    if (old.lower() in NEGATIONS) != (new.lower() in NEGATIONS):  # einen -> keinen says the opposite
        return False
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    a, b = old[start:], new[start:]
    end = 0
    while end < min(len(a), len(b)) and a[-1 - end] == b[-1 - end]:
        end += 1
    if end == 0:  # the edit reaches the last letter, where German inflects (einen/einem, kleine/kleinen)
        return False
    a, b = a[:len(a) - end], b[:len(b) - end]
    changed = a + b
    if not all(ch.isalpha() for ch in changed):
        return False
    if len(a) + len(b) == 1 or (len(a) == len(b) == 1):
        return True  # inserted, deleted or replaced letter
    # a swap "ab" -> "ba" shows as two differing letters after trimming
    return len(a) == len(b) == 2 and a == b[::-1]


_NUMBER = re.compile(r"[-+−]?\d+(?:[.,:/]\d+)*")


def is_typo_fix(old: str, new: str) -> bool:
    """True when ``new`` is ``old`` with a trivial edit: its translation needs no new review.

    Trivial means both texts have the same inline markup pieces at the same
    places and the same words in the same order, where a word is a run of
    characters other than whitespace and punctuation (Unicode category P),
    except that at most one word may differ by one letter: inserted, deleted,
    replaced (also a change of case) or swapped with its neighbour. So any
    change of whitespace, any added, removed or changed punctuation, and a
    one-letter typo are trivial. Not trivial: a changed number or symbol
    (``3`` -> ``4``, ``€`` -> ``$``), a changed, added, removed, split or
    joined word, changed markup or a changed link target, two letter edits,
    an edit in a word shorter than five letters (``in``/``im``, ``sie``/``Sie``),
    an edit of a word's last letter (``einen``/``einem``), since German
    grammar changes there, and a letter that turns a word into a negation or
    out of one (``einen``/``keinen``, ``immer``/``nimmer``: ``NEGATIONS``),
    which says the opposite. Invisible line-break hints (``invisible.HINTS``: a soft hyphen copied from a web
    page) count for nothing, as whitespace.
    """
    old, new = without_hints(old), without_hints(new)
    if old == new:
        return True
    if _NUMBER.findall(old) != _NUMBER.findall(new):  # "1.500" -> "1,500", "-5" -> "5": punctuation inside a number
        return False
    a, b = _tokens(old), _tokens(new)
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    if not diffs:
        return True
    if len(diffs) > 1:
        return False
    (old_markup, old_word), (new_markup, new_word) = diffs[0]
    return not old_markup and not new_markup and _one_letter(old_word, new_word)


def changed_word(old: str, new: str) -> tuple[str, str] | None:
    """The one word a typo fix (``is_typo_fix(old, new)``) changed, as (before, after), for telling the author
    what was kept reviewed; None when no word changed (whitespace, punctuation, invisible hints)."""
    diffs = [(x, y) for x, y in zip(_tokens(without_hints(old)), _tokens(without_hints(new))) if x != y]
    return (diffs[0][0][1], diffs[0][1][1]) if len(diffs) == 1 else None
