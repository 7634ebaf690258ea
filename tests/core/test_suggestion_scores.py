"""Suggestion precision and recall: the docstring example, and sums that must hold."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import suggestion_scores
from annotator.core.suggestion_scores import Comparison, score_suggestions

keys = st.frozensets(st.tuples(st.integers(0, 6), st.integers(7, 9),
                               st.sampled_from(["entity", "gift"])), max_size=6)


def test_doctests() -> None:
    result = doctest.testmod(suggestion_scores)
    assert result.attempted > 0 and result.failed == 0


@settings(max_examples=60)
@given(st.lists(st.tuples(st.sampled_from(["amal", "omar"]), keys, keys), max_size=5))
def test_labels_and_annotators_add_up_to_the_total(
        items: list[tuple[str, frozenset[tuple[int, int, str]], frozenset[tuple[int, int, str]]]],
        ) -> None:
    comparisons = [Comparison(f"d{i}", who, s, f) for i, (who, s, f) in enumerate(items)]
    score = score_suggestions("src", comparisons)
    matched = sum(len(c.suggested & c.final) for c in comparisons)
    assert score.total.matched == matched
    assert score.total.matched + score.total.unmatched == sum(len(c.suggested)
                                                              for c in comparisons)
    for parts in (score.by_label, score.by_annotator):
        assert sum(c.matched for c in parts.values()) == matched
        assert sum(c.missed for c in parts.values()) == score.total.missed
    for value in (score.total.precision, score.total.recall, score.total.f1):
        assert value is None or 0 <= value <= 1


@settings(max_examples=40)
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3"]), st.sampled_from(["amal", "omar"]),
                          keys, keys), max_size=6))
def test_documents_are_counted_once_and_comparisons_per_pair(
        items: list[tuple[str, str, frozenset[tuple[int, int, str]],
                          frozenset[tuple[int, int, str]]]]) -> None:
    comparisons = [Comparison(d, who, s, f) for d, who, s, f in items]
    score = score_suggestions("src", comparisons)
    assert score.documents == len({d for d, *_ in items})
    assert score.comparisons == len(items)
    figures = score.to_json()
    assert (figures["documents"], figures["comparisons"]) == (score.documents,
                                                              score.comparisons)
