"""``nearest.Choices`` finds what scoring every pair with ``catalog.similarity`` finds: the same choices, the same
scores, best first with ties in index order (``most_alike``, read only as far as needed), on random texts of a
few words, so that ties and texts alike in only one of the two scores are many."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st
from rapidfuzz import fuzz

from pipeline import nearest
from pipeline.catalog import similarity

# rapidfuzz's word separators, two characters Python calls whitespace that it does not, and others
SPACES = "\t\n\x0b\x0c\r\x1c\x1f \u1680\u2003\u2028\u2029\u202f\u205f\u3000\x85\xa0"
WORDS = ["Dosis", "dosis", "17", "85", "mg", "am", "Morgen,", "morgens,", "vor", "dem", "Essen.", "Tee", "ä", "—", ""]


@st.composite
def texts(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=6))
    gaps = draw(st.lists(st.sampled_from(["", *SPACES, "  "]), min_size=len(words) + 1, max_size=len(words) + 1))
    return "".join(gap + word for gap, word in zip(gaps, [*words, ""]))


def every_pair(text: str, choices: list[str], threshold: float) -> list[tuple[int, float]]:
    """The reference: ``similarity`` of every choice, those alike sorted, the most alike first."""
    if threshold > 100:
        return []
    scored = [(m, similarity(text, choice, threshold)) for m, choice in enumerate(choices)]
    return sorted(((m, score) for m, score in scored if score), key=lambda pair: (-pair[1], pair[0]))


@settings(max_examples=500)
@given(texts(), texts())
def test_token_sort_ratio_is_the_ratio_of_the_sorted_words(a, b):
    assert fuzz.token_sort_ratio(a, b) == fuzz.ratio(nearest.sorted_words(a), nearest.sorted_words(b))


@pytest.mark.parametrize("wide", ["", "\u2014"])
def test_sorted_words_splits_at_the_characters_rapidfuzz_splits_at(wide):
    """Every code point: ``b<c>a`` and ``a b`` have the same sorted words by rapidfuzz iff they do by
    ``sorted_words``; in a Latin-1 text and in one holding a dash (rapidfuzz splits at U+00A0 only there)."""
    differ = [hex(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
              and (fuzz.token_sort_ratio(f"b{chr(cp)}a {wide}", f"a b {wide}") == 100)
              != (nearest.sorted_words(f"b{chr(cp)}a {wide}") == nearest.sorted_words(f"a b {wide}"))]
    assert differ == []


@pytest.mark.parametrize("first", [1, 8, nearest.FIRST])
@settings(max_examples=300)
@given(texts(), st.lists(texts(), max_size=30), st.sampled_from([0.0, 40.0, 60.0, 80.0, 100.0, 101.0]))
@example("17 Morgen 85 Essen Dosis",  # a tie at the lowest score of a full list: not final, a choice before may tie
         ["Essen Essen Tee", "Dosis Dosis am Tee Dosis", "mg Dosis Morgen Dosis", "am 17 Dosis Morgen mg", "Morgen Dosis"],
         40.0)
def test_choices_find_what_scoring_every_pair_finds_in_the_same_order(first, text, choices, threshold):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nearest, "FIRST", first)  # 1: the search asked again, for four times as many, almost always
        found = list(nearest.Choices(choices).most_alike(text, threshold))
    reference = every_pair(text, choices, threshold)
    assert found == reference
    assert nearest.Choices(choices).alike_to(text, threshold) == dict(sorted(reference))


def test_most_alike_scores_the_best_few_of_many_alike_choices():
    """2,000 list items alike but for a number, each at least 60 alike to every other: the best four of one
    are found in rapidfuzz's lists of ``FIRST``, without a Python object for each of the others."""
    choices = nearest.Choices([f"Dosis {i}: {5 * i} mg am Morgen, vor dem Essen." for i in range(1, 2001)])
    text = "Dosis 17: 85 mg morgens, jeweils vor dem Frühstück."
    best = list(zip(range(4), choices.most_alike(text, 60.0)))
    assert [m for _, (m, _) in best] == [16, 116, 136, 156]
    assert len(choices.alike_to(text, 60.0)) == 2000
