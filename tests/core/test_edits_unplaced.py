"""Placing and discarding the spans re-anchoring kept aside: checked edits with exact inverses."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import (
    AddSpan,
    DiscardUnplaced,
    Edit,
    PlaceUnplaced,
    discard_unplaced,
    place_unplaced,
    relabel,
    remove_span,
)
from annotator.core.errors import EditError
from annotator.core.spans import Relation, Span
from tests.core.edit_checks import apply_then_undo

# "The leader left Vladivostok by train on Sunday, carrying five drones."
TEXT = "غادر الزعيم فلاديفوستوك بالقطار يوم الأحد حاملاً خمس مسيّرات."
LABELS = frozenset({"entity", "gift", "meeting"})
LEADER = (TEXT.index("الزعيم"), TEXT.index("الزعيم") + len("الزعيم"))


def stale_set() -> AnnotationSet:
    """A set as a stale file leaves it: one span placed, three kept aside (old offsets)."""
    aset = AnnotationSet("doc", TEXT, "amal", LABELS, "in_progress")
    AddSpan(Span("T1", *LEADER, "entity", "الزعيم")).apply(aset)
    aset.unplaced.extend([
        Span("T2", 70, 76, "entity", "بوتين", note="لم يعد في النص"),
        Span("T3", 80, 92, "gift", "سترة واقية", attributes={"kind": "clothing"}),
        Span("T4", 3, 9, "meeting", "لقاء طويل"),
    ])
    aset._insert_relation(Relation("R1", "met", "T1", "T2"))  # as the reader keeps it
    return aset


def test_place_moves_a_kept_span_into_the_set_and_back() -> None:
    aset = stale_set()
    before = copy.deepcopy(aset)
    start = TEXT.index("فلاديفوستوك")
    edit = place_unplaced(aset, 0, start, start + len("فلاديفوستوك"))
    edit.apply(aset)
    placed = aset.span("T2")
    assert (placed.start, placed.text, placed.label, placed.note) == (
        start, "فلاديفوستوك", "entity", "لم يعد في النص")
    assert [s.id for s in aset.unplaced] == ["T3", "T4"]
    assert aset.relation("R1").target == "T2"  # the relation has its span again
    assert edit.description == "Place entity “فلاديفوستوك”"
    edit.inverse().apply(aset)
    assert aset == before


def test_placing_keeps_attributes_and_takes_a_fresh_id_only_when_its_own_is_taken() -> None:
    aset = stale_set()
    AddSpan(Span("T3", 0, 4, "meeting", "غادر")).apply(aset)  # T3 was taken since (an import)
    start = TEXT.index("خمس")
    edit = place_unplaced(aset, 1, start, start + len("خمس مسيّرات"))
    edit.apply(aset)
    assert edit.placed.id not in ("T1", "T2", "T3") and edit.placed.attributes == {
        "kind": "clothing"}
    assert aset.span("T3").text == "غادر"


def test_new_ids_never_take_the_id_of_a_span_kept_aside() -> None:
    aset = stale_set()
    assert aset.make_span(0, 4, "meeting").id == "T5"


def test_refused_placements_change_nothing() -> None:
    aset = stale_set()
    before = copy.deepcopy(aset)
    with pytest.raises(EditError) as info:  # the same span is already there
        place_unplaced(aset, 0, *LEADER).apply(aset)
    assert info.value.problem.code == "duplicate-span"
    with pytest.raises(EditError) as info:  # text that is not at those offsets
        PlaceUnplaced(0, aset.unplaced[0], aset.unplaced[0].with_changes(start=0, end=5)
                      ).apply(aset)
    assert info.value.problem.code == "wrong-text"
    with pytest.raises(EditError) as info:  # what the edit names is no longer kept there
        PlaceUnplaced(1, aset.unplaced[0], aset.unplaced[0].with_changes(
            start=0, end=4, text="غادر")).apply(aset)
    assert info.value.problem.code == "conflict"
    with pytest.raises(EditError):
        place_unplaced(aset, 3, 0, 5)
    assert aset == before


def test_discard_drops_the_span_and_its_relations_and_undoes_exactly() -> None:
    aset = stale_set()
    before = copy.deepcopy(aset)
    edit = discard_unplaced(aset, 0)
    assert edit.relations == (Relation("R1", "met", "T1", "T2"),)
    edit.apply(aset)
    assert [s.id for s in aset.unplaced] == ["T3", "T4"] and aset.relations() == []
    with pytest.raises(EditError) as info:
        edit.apply(aset)  # twice: it is gone
    assert info.value.problem.code == "conflict"
    edit.inverse().apply(aset)
    assert aset == before
    last = discard_unplaced(aset, 2)
    assert isinstance(last, DiscardUnplaced) and last.relations == ()
    last.apply(aset)
    last.inverse().apply(aset)
    assert aset == before


# -- property: any mix of placing, discarding and ordinary edits, undone in reverse
#    order, gives back the set exactly.

@st.composite
def scripts(draw: st.DrawFn) -> list[tuple[str, int, int, int]]:
    return draw(st.lists(st.tuples(
        st.sampled_from(["place", "discard", "add", "remove", "relabel"]),
        st.integers(0, len(TEXT)), st.integers(0, len(TEXT)), st.integers(0, 9)),
        max_size=12))


def make_edit(aset: AnnotationSet, step: tuple[str, int, int, int]) -> Edit | None:
    kind, a, b, n = step
    start, end = min(a, b), max(a, b)
    if kind == "place" and aset.unplaced and start < end:
        return place_unplaced(aset, n % len(aset.unplaced), start, end)
    if kind == "discard" and aset.unplaced:
        return discard_unplaced(aset, n % len(aset.unplaced))
    if kind == "add" and start < end:
        return AddSpan(aset.make_span(start, end, sorted(LABELS)[n % 3]))
    spans = aset.spans()
    if kind == "remove" and spans and not aset.relations_of(spans[n % len(spans)].id):
        return remove_span(aset, spans[n % len(spans)].id)
    if kind == "relabel" and spans:
        target = spans[n % len(spans)]
        return relabel(aset, target.id, sorted(LABELS - {target.label})[n % 2])
    return None


@settings(max_examples=120, deadline=None)
@given(scripts())
def test_every_mix_of_edits_undoes_exactly(script: list[tuple[str, int, int, int]]) -> None:
    def at_most_one_more(after: AnnotationSet, before: AnnotationSet) -> None:
        assert len(after) + len(after.unplaced) <= len(before) + len(before.unplaced) + 1

    aset = stale_set()
    apply_then_undo(aset, script, make_edit, at_most_one_more)
    assert aset == stale_set()
