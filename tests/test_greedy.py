"""``greedy.pairs`` takes the pairs that sorting every pair by key and taking each still free takes, in the same
order (what ``catalog.merge``, ``alike`` and ``_regrouped`` did before it): on random candidates with tied scores,
taken and dropped sentences; and through ``catalog.merge`` on random catalogs of near-identical sentences, the same
catalog byte for byte, the same splits and joins."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import pytest
from hypothesis import given, settings, strategies as st

from merge_cases import merged
from pipeline import greedy


def every_pair_sorted(count: int, ranked: Callable[[int], Iterable[tuple[tuple, object]]],
                      free: Callable[[int, object], bool | None]) -> Iterator[tuple[tuple, int, object]]:
    """The reference: every pair held and sorted by key, each taken when ``free`` allows it and its sentence has
    none yet."""
    done: set[int] = set()
    for key, n, candidate in sorted(((key, n, c) for n in range(count) for key, c in ranked(n)), key=lambda t: t[0]):
        if n not in done and free(n, candidate):
            done.add(n)
            yield key, n, candidate


@st.composite
def matchings(draw):
    """Sentences, their candidates (a few scores, so ties are many) and which sentences exclude each other (as runs
    of a split that share a sentence: taking one drops the other)."""
    count, choices = draw(st.integers(0, 9)), draw(st.integers(0, 9))
    scores = draw(st.lists(st.lists(st.sampled_from([None, 60.0, 70.0, 70.0, 100.0]), min_size=choices,
                                     max_size=choices), min_size=count, max_size=count))
    first = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    excluding = draw(st.sets(st.tuples(st.integers(0, max(count - 1, 0)), st.integers(0, max(count - 1, 0)))))
    return scores, first, excluding


def matched(take: Callable, scores, first, excluding) -> list[tuple[tuple, int, int]]:
    claimed: set[int] = set()
    dropped: set[int] = set()

    def ranked(n: int):  # in the order of the keys, as ``greedy.pairs`` reads them
        return sorted(((not first[n], -score, n, m), m) for m, score in enumerate(scores[n]) if score is not None)

    def free(n: int, m: int) -> bool | None:
        return None if n in dropped else m not in claimed

    taken = []
    for key, n, m in take(len(scores), ranked, free):
        claimed.add(m)
        dropped.update(b for a, b in excluding if a == n)
        dropped.update(a for a, b in excluding if b == n)
        taken.append((key, n, m))
    return taken


@pytest.mark.parametrize("first", [1, 4])
@settings(max_examples=500)
@given(matchings())
def test_pairs_takes_what_sorting_every_pair_takes_in_the_same_order(first, case):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(greedy, "FIRST", first)  # 1: a sentence's candidates fetched again after each one taken
        assert matched(greedy.pairs, *case) == matched(every_pair_sorted, *case)


def test_a_sentence_whose_held_candidates_were_all_taken_fetches_twice_as_many():
    """Eight sentences alike to the same eight candidates, tied: each takes the first one left. Each holds the
    first four (``FIRST``); sentences 4 to 7 find those taken and ask again (``ranked`` a second time), for eight."""
    asked: list[int] = []

    def ranked(n: int):
        asked.append(n)
        return (((-70.0, n, m), m) for m in range(8))

    claimed: set[int] = set()
    taken = []
    for _, n, m in greedy.pairs(8, ranked, lambda n, m: m not in claimed):
        claimed.add(m)
        taken.append((n, m))
    assert taken == [(n, n) for n in range(8)]
    assert asked == [*range(8), 4, 5, 6, 7]


def test_merge_pairs_splits_and_joins_as_sorting_every_pair_did(monkeypatch):
    """300 random catalogs, each merged twice: once with ``greedy.pairs``, once with every pair sorted."""
    seeds = range(300)
    lazy = [merged(seed) for seed in seeds]
    monkeypatch.setattr(greedy, "pairs", every_pair_sorted)
    reference = [merged(seed) for seed in seeds]
    for seed, ours, theirs in zip(seeds, lazy, reference):
        assert ours == theirs, seed
    assert sum(bool(splits) for _, splits, _ in lazy) > 50 and sum(bool(joins) for _, _, joins in lazy) > 50
