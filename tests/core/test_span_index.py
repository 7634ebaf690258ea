"""The set's index of spans (one sorted list, no key per span) answers like a plain search,
its frozen copies share the spans by id until either side changes, and spans without
unknown keys share one empty ``extra`` that refuses changes."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan, remove_span
from annotator.core.spans import NO_EXTRA, SORT_KEY, Span

TEXT = "زار الرئيس المدينة وقدم الهدايا للوفد في المحطة صباح الأحد"
LABELS = ("entity", "gift", "meeting")

ranges = st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 12),
                   st.sampled_from(LABELS))
steps = st.lists(st.one_of(st.tuples(st.just("add"), ranges),
                           st.tuples(st.just("remove"), st.integers(0, 10_000))),
                 max_size=60)


def _apply(aset: AnnotationSet, step: tuple[str, object]) -> None:
    kind, what = step
    if kind == "add":
        assert isinstance(what, tuple)
        start, length, label = what
        end = min(len(TEXT), start + length)
        if aset.find(start, end, label) is None:
            AddSpan(aset.make_span(start, end, label)).apply(aset)
    elif len(aset):
        assert isinstance(what, int)
        remove_span(aset, aset.spans()[what % len(aset)].id).apply(aset)


def _check_against_a_plain_search(aset: AnnotationSet, kept: list[Span]) -> None:
    assert aset.spans() == sorted(kept, key=SORT_KEY)
    assert len(aset) == len(kept)
    for index, span in enumerate(aset.spans()):
        assert aset.index_of(span.id) == index
        assert aset.find(span.start, span.end, span.label) is span
    for start in range(len(TEXT) + 1):
        for end in (start, start + 1, start + 5):
            expected = [s for s in aset.spans() if s.overlaps(start, max(end, start + 1))]
            assert aset.overlapping(start, end) == expected
        for label in LABELS:
            assert aset.find(start, start + 3, label) == next(
                (s for s in kept if (s.start, s.end, s.label) == (start, start + 3, label)),
                None)


@settings(max_examples=60, deadline=None)
@given(steps)
def test_lookups_answer_as_a_plain_search_after_any_edits(script: list[tuple[str, object]]
                                                         ) -> None:
    aset = AnnotationSet("d", TEXT, "amal", frozenset(LABELS))
    for step in script:
        _apply(aset, step)
    _check_against_a_plain_search(aset, aset.spans())


@settings(max_examples=60, deadline=None)
@given(st.lists(ranges, max_size=40), st.randoms(use_true_random=False), st.booleans())
def test_a_bulk_load_in_any_order_refuses_repeats_and_ends_sorted(
        picked: list[tuple[int, int, str]], rng: object, in_order: bool) -> None:
    spans = []
    for number, (start, length, label) in enumerate(picked, 1):
        end = min(len(TEXT), start + length)
        spans.append(Span(f"T{number}", start, end, label, TEXT[start:end]))
    rng.shuffle(spans)  # type: ignore[attr-defined]
    if in_order:  # as this program writes them: no index kept while reading
        spans.sort(key=SORT_KEY)
    aset = AnnotationSet("d", TEXT, "amal", frozenset(LABELS))
    kept: list[Span] = []
    for span in spans:  # as the reader does: checked, then added with the order deferred
        problems = aset.span_problems(span)
        repeated = any((k.start, k.end, k.label) == span.key for k in kept)
        assert bool(problems) == repeated
        if not problems:
            aset._insert(span, defer_order=True)
            kept.append(span)
    if in_order:
        assert aset._loading is None
    aset._sort_index()
    assert aset._loading is None
    _check_against_a_plain_search(aset, kept)


def test_a_frozen_copy_shares_the_spans_by_id_until_either_changes() -> None:
    aset = AnnotationSet.build("d", TEXT, "amal", [Span("T1", 0, 3, "entity", TEXT[0:3])])
    frozen = aset.frozen_copy()
    assert frozen._spans is aset._spans  # nothing copied yet
    AddSpan(aset.make_span(4, 10, "entity")).apply(aset)
    assert [s.id for s in frozen.spans()] == ["T1"] and len(frozen) == 1
    assert "T2" not in frozen and "T2" in aset
    # the other way round: changing the copy leaves the set as it was
    other = aset.frozen_copy()
    remove_span(other, "T1").apply(other)
    assert "T1" in aset and [s.id for s in aset.spans()] == ["T1", "T2"]
    assert [s.id for s in other.spans()] == ["T2"]


def test_a_set_whose_copy_is_gone_changes_its_own_dict() -> None:
    aset = AnnotationSet.build("d", TEXT, "amal", [Span("T1", 0, 3, "entity", TEXT[0:3])])
    spans_by_id = aset._spans
    aset.frozen_copy()  # dropped at once
    AddSpan(aset.make_span(4, 10, "entity")).apply(aset)
    assert aset._spans is spans_by_id  # no needless copy


def test_spans_without_unknown_keys_share_one_empty_extra_that_refuses_changes() -> None:
    span = Span("T1", 0, 3, "entity", TEXT[0:3])
    assert span.extra is NO_EXTRA and span.extra == {}
    assert span == Span("T1", 0, 3, "entity", TEXT[0:3], extra={})
    with pytest.raises(TypeError):
        span.extra["origin"] = "model"
    with pytest.raises(TypeError):
        span.extra.update(origin="model")
    for again in (copy.copy(span), copy.deepcopy(span), pickle.loads(pickle.dumps(span))):
        assert again == span and again.extra is NO_EXTRA
    assert span.with_changes(extra={"origin": "model"}).extra == {"origin": "model"}
    assert NO_EXTRA == {}


def test_a_set_sharing_its_spans_with_a_copy_can_be_pickled_and_copied() -> None:
    aset = AnnotationSet.build("d", TEXT, "amal", [Span("T1", 0, 3, "entity", TEXT[0:3])])
    frozen = aset.frozen_copy()
    for again in (pickle.loads(pickle.dumps(aset)), copy.deepcopy(frozen)):
        assert again == aset and again._spans_shared_with is None
        AddSpan(again.make_span(4, 10, "entity")).apply(again)
    assert len(aset) == len(frozen) == 1
