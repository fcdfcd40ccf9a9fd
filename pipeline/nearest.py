"""The old sentences alike to a new one, as ``catalog.similarity`` scores them, found in rapidfuzz's own loop.

``Choices`` holds the old German once with its words sorted as ``fuzz.token_sort_ratio`` sorts them, so each of
the many searches of a merge scores a pair with ``fuzz.ratio`` twice instead of splitting and sorting the old
sentence again (six sevenths of a search's time). ``Choices.most_alike`` gives the alike ones best first and only
as far as the caller reads, so a merge that needs each new sentence's few best old ones (``greedy.pairs``) makes a
Python object for those few instead of for every pair: an article of 2,000 list items alike but for a number, each
at least 60 alike to every other, made 8 million score tuples and spent most of its 5 s of CPU in them. Every
choice is still scored once per search, in C.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from rapidfuzz import fuzz, process

FIRST = 64  # how many of each score's best ``most_alike`` asks rapidfuzz for at first; four times as many each
# time: a choice tied with the lowest of a list is not final, and of thousands of sentences alike but for a number
# many tie (4,000 list items: 8 asked again a third of them, 0.7 s of 3.5 s CPU; 64 hands back 128 tuples each)

# the characters rapidfuzz's token functions split words at: Python's whitespace, U+0085 and U+00A0 only in a
# text holding a character above U+00FF (rapidfuzz 3.14 reads a text of Latin-1 characters with a table of its own)
_WORD = re.compile("[^\t\n\x0b\x0c\r\x1c-\x20\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_WIDE_WORD = re.compile("[^\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def sorted_words(text: str) -> str:
    """``text``'s words sorted and joined by a space, as ``fuzz.token_sort_ratio`` compares them: its score of two
    texts is ``fuzz.ratio`` of their ``sorted_words``."""
    words = _WIDE_WORD if text and max(text) > "\xff" else _WORD
    return " ".join(sorted(words.findall(text)))


class Choices:
    """Texts to search for the ones alike to another text: the ``catalog.similarity`` of each, the better of
    ``fuzz.ratio`` and ``fuzz.token_sort_ratio``, scored in rapidfuzz's loop (``process.extract``)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    @cached_property
    def words(self) -> list[str]:
        """Each choice's ``sorted_words``, made at the first search."""
        return [sorted_words(text) for text in self.texts]

    def _scored(self, text: str, threshold: float, limit: int | None) -> tuple[list[list], dict[int, float]]:
        """Each score's ``limit`` best choices at least ``threshold`` alike (all with None), best first, and the
        better of its scores in them for every choice in them: its similarity where that is more than the lowest
        score of each full list (a score it has outside a list is at most that list's lowest)."""
        words = sorted_words(text)
        lists = [process.extract(text, self.texts, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit),
                 process.extract(words, self.words, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)]
        found: dict[int, float] = {}
        for _, score, m in lists[0]:
            found[m] = score
        for _, score, m in lists[1]:
            found[m] = max(score, found.get(m, 0.0))
        return lists, {m: score for m, score in found.items() if score}  # 0: none alike, as ``similarity``'s

    def alike_to(self, text: str, threshold: float) -> dict[int, float]:
        """Index -> similarity of each choice at least ``threshold`` and more than 0 alike to ``text``, in the
        order of the choices: one call of ``catalog.similarity`` for each would make a merge of many new sentences
        against many old ones spend seconds in Python calls, though few of them are alike."""
        if threshold > 100:  # none reaches it (``extract_article``'s ``_NEVER``); rapidfuzz refuses such a cutoff
            return {}
        return dict(sorted(self._scored(text, threshold, None)[1].items()))

    def most_alike(self, text: str, threshold: float) -> Iterator[tuple[int, float]]:
        """The (index, similarity) pairs of ``alike_to``, the most alike first, a tie the first index first.

        Each score's ``limit`` best (rapidfuzz keeps them in C) bound every other choice: none outside them
        scores more than the lowest of a list that was full, so the pairs scoring more than that are final, in
        order; the rest wait for a search with four times the limit, or for lists that were not full (then every
        choice at least ``threshold`` alike is in them)."""
        if threshold > 100:
            return
        given, limit = 0, FIRST
        while True:
            lists, found = self._scored(text, threshold, limit)
            full = [best[-1][1] for best in lists if len(best) == limit < len(self.texts)]
            ordered = sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))
            final = [pair for pair in ordered if pair[1] > max(full)] if full else ordered
            yield from final[given:]
            if not full:
                return
            given, limit = len(final), limit * 4
