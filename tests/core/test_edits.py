"""Edits enforce the spec's invariants and undo exactly (property-tested)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Batch,
    Edit,
    RemoveRelation,
    SetStatus,
    change_bounds,
    relabel,
    remove_span,
    set_note,
)
from annotator.core.errors import EditError
from annotator.core.spans import STATUSES, Relation, Span
from tests.core.edit_checks import apply_then_undo

TEXT = "التقى كيم جونغ أون 😀 بوتين في 17 سبتمبر.\r\nوتلقّى خمسَ مسيّرات."
LABELS = frozenset({"entity", "gift", "meeting"})


def empty() -> AnnotationSet:
    return AnnotationSet("doc", TEXT, "amal", LABELS)


def test_add_remove_relabel_resize() -> None:
    aset = empty()
    span = aset.make_span(6, 9, "entity")
    AddSpan(span).apply(aset)
    assert aset.span("T1").text == "كيم"
    relabel(aset, "T1", "gift").apply(aset)
    assert aset.span("T1").label == "gift"
    change_bounds(aset, "T1", 6, 18).apply(aset)
    assert aset.span("T1").text == "كيم جونغ أون"
    assert aset.overlapping(10, 11) == [aset.span("T1")]
    remove_span(aset, "T1").apply(aset)
    assert len(aset) == 0
    # ids are never reused within a session
    assert aset.make_span(0, 5, "meeting").id == "T2"


@pytest.mark.parametrize(("start", "end", "label", "code"), [
    (-1, 3, "entity", "out-of-range"),
    (5, len(TEXT) + 1, "entity", "out-of-range"),
    (9, 6, "entity", "reversed"),
    (6, 6, "entity", "reversed"),
    (6, 9, "person", "unknown-label"),
])
def test_invariants_refused(start: int, end: int, label: str, code: str) -> None:
    aset = empty()
    with pytest.raises(EditError) as info:
        AddSpan(Span("T1", start, end, label, TEXT[max(start, 0):max(end, 0)])).apply(aset)
    assert info.value.problem.code == code
    assert len(aset) == 0


def test_wrong_text_duplicate_id_duplicate_span() -> None:
    aset = empty()
    with pytest.raises(EditError) as info:
        AddSpan(Span("T1", 6, 9, "entity", "كيمو")).apply(aset)
    assert info.value.problem.code == "wrong-text"
    AddSpan(aset.make_span(6, 9, "entity")).apply(aset)
    with pytest.raises(EditError) as info:
        AddSpan(Span("T1", 0, 5, "entity", TEXT[0:5])).apply(aset)
    assert info.value.problem.code == "duplicate-id"
    with pytest.raises(EditError) as info:
        AddSpan(Span("T9", 6, 9, "entity", "كيم")).apply(aset)
    assert info.value.problem.code == "duplicate-span"
    # same range, other label: allowed (spans may overlap or nest)
    AddSpan(Span("T9", 6, 9, "gift", "كيم")).apply(aset)
    assert len(aset) == 2


def test_relations_follow_their_spans() -> None:
    aset = empty()
    AddSpan(aset.make_span(6, 9, "entity")).apply(aset)
    AddSpan(aset.make_span(21, 26, "entity")).apply(aset)
    with pytest.raises(EditError) as info:
        AddRelation(Relation("R1", "met", "T1", "T7")).apply(aset)
    assert info.value.problem.code == "dangling-relation"
    AddRelation(Relation("R1", "met", "T1", "T2")).apply(aset)
    before = copy.deepcopy(aset)
    removal = remove_span(aset, "T2")
    removal.apply(aset)
    assert aset.relations() == []
    removal.inverse().apply(aset)
    assert aset == before


def test_batch_is_all_or_nothing() -> None:
    aset = empty()
    good = AddSpan(aset.make_span(6, 9, "entity"))
    bad = AddSpan(Span("T5", 6, 9, "nope", "كيم"))
    with pytest.raises(EditError):
        Batch((good, bad)).apply(aset)
    assert len(aset) == 0


# -- property: any sequence of valid edits, then their inverses in reverse order,
#    gives back an identical set; each single edit + inverse too.

@st.composite
def edit_scripts(draw: st.DrawFn) -> list[tuple[str, int, int, int]]:
    return draw(st.lists(st.tuples(
        st.sampled_from(["add", "remove", "relabel", "bounds", "status", "note", "relate",
                         "unrelate"]),
        st.integers(0, len(TEXT)), st.integers(0, len(TEXT)), st.integers(0, 50)),
        max_size=25))


def make_edit(aset: AnnotationSet, step: tuple[str, int, int, int]) -> Edit | None:
    kind, a, b, n = step
    start, end = min(a, b), max(a, b)
    labels = sorted(LABELS)
    spans = aset.spans()
    if kind == "add" and start < end:
        return AddSpan(aset.make_span(start, end, labels[n % 3]))
    if not spans:
        return None
    target = spans[n % len(spans)]
    if kind == "remove":
        return remove_span(aset, target.id)
    if kind == "relabel":
        return relabel(aset, target.id, labels[(labels.index(target.label) + 1) % 3])
    if kind == "bounds" and start < end:
        return change_bounds(aset, target.id, start, end)
    if kind == "status":
        return SetStatus(aset.status, STATUSES[n % 3])
    if kind == "note":
        return set_note(aset, target.id, f"ملاحظة {n}" if n % 2 else None)
    if kind == "relate":
        other = spans[(n + 1) % len(spans)]
        return AddRelation(Relation(aset.new_relation_id(), "rel", target.id, other.id))
    if kind == "unrelate" and aset.relations():
        return RemoveRelation(aset.relations()[n % len(aset.relations())])
    return None


@settings(max_examples=150, deadline=None)
@given(edit_scripts())
def test_every_edit_has_an_exact_inverse(script: list[tuple[str, int, int, int]]) -> None:
    aset = empty()
    apply_then_undo(aset, script, make_edit)
    assert aset == empty()
