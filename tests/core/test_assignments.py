"""Assignments: every document placed, the overlap share twice, loads balanced, deterministic."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import assignments
from annotator.core.assignments import assign


@given(st.integers(0, 60), st.integers(2, 5), st.floats(0, 1), st.integers(0, 9))
def test_every_document_once_or_twice_and_loads_balanced(
        count: int, people: int, overlap: float, seed: int) -> None:
    docs = [f"d{i}" for i in range(count)]
    names = [f"a{i}" for i in range(people)]
    result = assign(docs, names, overlap, seed)
    times = {d: sum(d in v for v in result.values()) for d in docs}
    assert all(t in (1, 2) for t in times.values())
    assert sum(t == 2 for t in times.values()) == round(overlap * count)
    loads = [len(v) for v in result.values()]
    assert max(loads) - min(loads) <= 1
    assert result == assign(docs, names, overlap, seed)


def test_existing_assignments_are_kept_and_new_documents_placed() -> None:
    first = assign(["d1", "d2", "d3"], ["amal", "omar"], 0.0, 1)
    again = assign(["d1", "d2", "d3", "d4"], ["amal", "omar"], 0.0, 7, existing=first)
    assert {k: [d for d in v if d != "d4"] for k, v in again.items()} == first
    assert sum("d4" in v for v in again.values()) == 1


def test_refusals() -> None:
    with pytest.raises(ValueError):
        assign(["d1"], [], 0.0)
    with pytest.raises(ValueError):
        assign(["d1"], ["amal"], 0.5)
    with pytest.raises(ValueError):
        assign(["d1"], ["amal", "omar"], 1.5)


def test_doctest() -> None:
    assert doctest.testmod(assignments).failed == 0
