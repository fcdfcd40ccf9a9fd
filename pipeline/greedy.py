"""Greedy matching, the best pair first, holding a few candidates of each sentence instead of every pair.

``catalog.merge`` pairs each new msgid with the old entry most like it: of every (new, old) pair at least the
threshold alike, the best first, each side taken at most once. Sorting every pair held them all at once: an article
of 2,000 list items alike but for a number ("Dosis 17: 85 mg …"), reworded by the author, made 4 million pairs and
an extract of 1.1 GB. ``pairs`` takes the very same pairs in the very same order while each sentence holds only its
best candidates not yet taken, fetched again (twice as many) when those were all taken by others: memory linear in
the number of sentences, and the scoring (``ranked``) runs once per sentence unless its best were taken. ``ranked``
gives the candidates best first and is read only as far as the ones held, so a search that finds the best first
(``nearest.Choices.most_alike``) never makes the others.
"""

from __future__ import annotations

import heapq
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

C = TypeVar("C")

FIRST = 4  # the candidates of one sentence held at first; twice as many each time all it held were taken


def pairs(count: int, ranked: Callable[[int], Iterable[tuple[tuple, C]]],
          free: Callable[[int, C], bool | None]) -> Iterator[tuple[tuple, int, C]]:
    """The (key, sentence, candidate) of a greedy matching of the sentences ``range(count)``, in the order taken.

    ``ranked(n)``: each candidate of sentence n with its key, in the order of the keys (read only as far as
    needed); keys are unique tuples, compared across sentences (a tie of scores is broken by the indexes a key ends
    with). ``free(n, candidate)``: may n take it now (False:
    another took it; None: n can take nothing any more). The result is that of sorting every pair by key and
    taking each one ``free`` allows when it comes up, one per sentence, if ``free`` never allows again what it
    once refused (what is taken stays taken) and the caller takes each pair yielded before asking for the next.
    A sentence holds its ``FIRST`` best candidates ``free`` allows; when all were taken, ``ranked(n)`` is asked
    again for twice as many."""
    held: list[list[tuple[tuple, C]]] = [[] for _ in range(count)]  # n's best candidates not yet tried, best last
    size = [FIRST] * count
    heap: list[tuple[tuple, int]] = []  # (key of the best candidate n holds, n)

    def fill(n: int) -> None:
        best = list(islice((pair for pair in ranked(n) if free(n, pair[1])), size[n]))
        best.reverse()
        held[n] = best
        if best:
            heapq.heappush(heap, (best[-1][0], n))

    for n in range(count):
        fill(n)
    while heap:
        _, n = heapq.heappop(heap)
        key, candidate = held[n].pop()
        allowed = free(n, candidate)
        if allowed:
            held[n] = []
            yield key, n, candidate
        elif allowed is None:
            held[n] = []
        elif held[n]:
            heapq.heappush(heap, (held[n][-1][0], n))
        else:
            size[n] *= 2
            fill(n)
