"""Classing the differences between two annotators' spans on one document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.differences import (
    Difference,
    Kind,
    classify_differences,
    count_kinds,
    match_overlapping,
)
from annotator.core.spans import Span

# Our own sentence: "The leader met the governor in the port city and received a drone as a gift."
TEXT = "التقى الزعيم بالحاكم في المدينة الساحلية وتسلّم طائرة مسيّرة هديةً."


def span(span_id: str, word: str, label: str, occurrence: int = 0, cut: int = 0) -> Span:
    """A span over ``word`` in TEXT (shortened by ``cut`` characters at its end)."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    end = start + len(word) - cut
    return Span(span_id, start, end, label, TEXT[start:end])


def kinds(diffs: list[Difference]) -> list[tuple[str, str | None, str | None]]:
    return [(d.kind.value, d.a.id if d.a else None, d.b.id if d.b else None) for d in diffs]


def test_every_kind_in_one_document() -> None:
    a = [
        span("A1", "الزعيم", "entity"),
        span("A2", "بالحاكم", "entity"),
        span("A3", "المدينة الساحلية", "entity"),
        span("A4", "طائرة مسيّرة", "gift"),
    ]
    b = [
        span("B1", "الزعيم", "entity"),            # same
        span("B2", "بالحاكم", "meeting"),          # same range, other label
        span("B3", "المدينة", "entity"),           # overlaps A3 with other boundaries
        span("B4", "هديةً", "gift"),               # nobody in A
    ]
    diffs = classify_differences(a, b)
    assert kinds(diffs) == [
        ("same", "A1", "B1"),
        ("label", "A2", "B2"),
        ("boundary", "A3", "B3"),
        ("only_a", "A4", None),
        ("only_b", None, "B4"),
    ]
    assert diffs[2].same_label
    assert not diffs[1].same_label
    counts = count_kinds(diffs)
    assert counts == {**dict.fromkeys(Kind, 0), Kind.SAME: 1, Kind.LABEL: 1, Kind.BOUNDARY: 1,
                      Kind.ONLY_A: 1, Kind.ONLY_B: 1}
    # the covering range of a boundary difference spans both spans
    assert (diffs[2].start, diffs[2].end) == (a[2].start, a[2].end)


def test_identical_and_empty() -> None:
    spans = [span("T1", "الزعيم", "entity"), span("T2", "هديةً", "gift")]
    assert [d.kind for d in classify_differences(spans, list(spans))] == [Kind.SAME, Kind.SAME]
    assert classify_differences([], []) == []
    assert [d.kind for d in classify_differences(spans, [])] == [Kind.ONLY_A, Kind.ONLY_A]
    assert [d.kind for d in classify_differences([], spans)] == [Kind.ONLY_B, Kind.ONLY_B]


def test_boundary_with_other_label_is_still_a_boundary_difference() -> None:
    a = [span("A1", "طائرة مسيّرة", "gift")]
    b = [span("B1", "مسيّرة", "entity")]
    (diff,) = classify_differences(a, b)
    assert diff.kind is Kind.BOUNDARY
    assert not diff.same_label


def test_exact_match_wins_over_a_wider_overlap() -> None:
    # A's nested spans: the exact copy in B must pair with the exact one.
    a = [span("A1", "المدينة الساحلية", "entity"), span("A2", "المدينة", "entity")]
    b = [span("B1", "المدينة", "entity")]
    assert kinds(classify_differences(a, b)) == [("same", "A2", "B1"), ("only_a", "A1", None)]


def test_one_to_one_largest_overlap_first() -> None:
    # B's one span overlaps both of A's: it pairs with the one it shares more with.
    a = [span("A1", "المدينة", "entity"), span("A2", "الساحلية", "entity")]
    b = [Span("B1", a[0].start + 2, a[1].end, "entity", TEXT[a[0].start + 2:a[1].end])]
    assert a[1].end - a[1].start > a[0].end - (a[0].start + 2)
    assert kinds(classify_differences(a, b)) == [("only_a", "A1", None), ("boundary", "A2", "B1")]


def test_same_range_prefers_label_pairing_before_overlap() -> None:
    a = [span("A1", "طائرة", "gift")]
    b = [span("B1", "طائرة", "entity"), span("B2", "طائرة مسيّرة", "gift")]
    # A1 has the same range as B1 (other label) and overlaps B2 (same label):
    # the same-range pairing comes first, B2 is left over.
    assert kinds(classify_differences(a, b)) == [("label", "A1", "B1"), ("only_b", None, "B2")]


def test_off_by_one_is_a_boundary_difference() -> None:
    a = [span("A1", "الساحلية", "entity")]
    b = [span("B1", "الساحلية", "entity", cut=1)]
    assert [d.kind for d in classify_differences(a, b)] == [Kind.BOUNDARY]


def test_match_overlapping_requires_same_label_by_default() -> None:
    a = [span("A1", "طائرة مسيّرة", "gift")]
    b = [span("B1", "طائرة", "entity")]
    assert match_overlapping(a, b) == []
    assert match_overlapping(a, b, same_label=False) == [(a[0], b[0])]


def test_touching_spans_do_not_overlap() -> None:
    start = TEXT.index("طائرة")
    a = [Span("A1", start, start + 3, "gift", TEXT[start:start + 3])]
    b = [Span("B1", start + 3, start + 5, "gift", TEXT[start + 3:start + 5])]
    assert match_overlapping(a, b) == []
    assert [d.kind for d in classify_differences(a, b)] == [Kind.ONLY_A, Kind.ONLY_B]


span_tuples = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["entity", "gift"])),
    max_size=8)


def _spans(prefix: str, tuples: list[tuple[int, int, str]]) -> list[Span]:
    unique = {(s, s + n, label) for s, n, label in tuples}
    return [Span(f"{prefix}{i}", s, e, label, "x" * (e - s))
            for i, (s, e, label) in enumerate(sorted(unique))]


@settings(max_examples=60, deadline=None)
@given(span_tuples, span_tuples)
def test_every_span_appears_exactly_once_and_classes_hold(
        ta: list[tuple[int, int, str]], tb: list[tuple[int, int, str]]) -> None:
    a, b = _spans("A", ta), _spans("B", tb)
    diffs = classify_differences(a, b)
    assert sorted(d.a.id for d in diffs if d.a) == sorted(s.id for s in a)
    assert sorted(d.b.id for d in diffs if d.b) == sorted(s.id for s in b)
    for d in diffs:
        if d.kind is Kind.SAME:
            assert d.a is not None and d.b is not None and d.a.key == d.b.key
        elif d.kind is Kind.LABEL:
            assert d.a is not None and d.b is not None
            assert (d.a.start, d.a.end) == (d.b.start, d.b.end) and d.a.label != d.b.label
        elif d.kind is Kind.BOUNDARY:
            assert d.a is not None and d.b is not None
            assert (d.a.start, d.a.end) != (d.b.start, d.b.end)
            assert d.a.overlaps(d.b.start, d.b.end)
    # the symmetric view swaps A and B and keeps every class
    swapped = classify_differences(b, a)
    assert count_kinds(swapped)[Kind.SAME] == count_kinds(diffs)[Kind.SAME]
    assert count_kinds(swapped)[Kind.ONLY_A] == count_kinds(diffs)[Kind.ONLY_B]
    assert diffs == sorted(diffs, key=Difference.sort_key)


# -- attributes, notes and relations (review mode's details) ------------------------------

def test_details_class_a_matched_span_by_what_differs() -> None:
    from annotator.core.differences import Kind

    a = [span("A1", "الزعيم", "entity").with_changes(attributes={"role": "guest"}),
         span("A2", "بالحاكم", "entity").with_changes(note="المضيف"),
         span("A3", "طائرة مسيّرة", "gift").with_changes(attributes={"kind": "vehicle"},
                                                         note="هدية"),
         span("A4", "هديةً", "gift")]
    b = [span("B1", "الزعيم", "entity").with_changes(attributes={"role": "host"}),
         span("B2", "بالحاكم", "entity"),
         span("B3", "طائرة مسيّرة", "gift"),
         span("B4", "هديةً", "gift").with_changes(note="", attributes={})]
    assert kinds(classify_differences(a, b, details=True)) == [
        ("attributes", "A1", "B1"),
        ("note", "A2", "B2"),
        ("attributes", "A3", "B3"),
        ("note", "A3", "B3"),
        ("same", "A4", "B4"),  # an empty note or attribute set is no note or attributes
    ]
    # without details (the agreement report) only places and labels count
    assert {d.kind for d in classify_differences(a, b)} == {Kind.SAME}


def test_relations_match_by_type_and_ends_with_the_same_start_end_and_label() -> None:
    from annotator.core.differences import Work, classify_all, classify_relations
    from annotator.core.spans import Relation

    gift_a, who_a, place_a = (span("T1", "طائرة مسيّرة", "gift"), span("T2", "الزعيم", "entity"),
                              span("T3", "المدينة الساحلية", "entity"))
    # B's ids differ; its spans are the same (start, end, label) but for the place
    gift_b, who_b, place_b = (span("T7", "طائرة مسيّرة", "gift"), span("T8", "الزعيم", "entity"),
                              span("T9", "المدينة", "entity"))
    a = Work([gift_a, who_a, place_a], [Relation("R1", "recipient", "T1", "T2"),
                                        Relation("R2", "place", "T1", "T3"),
                                        Relation("R3", "giver", "T1", "T2")])
    b = Work([gift_b, who_b, place_b], [Relation("R5", "recipient", "T7", "T8"),   # matches R1
                                        Relation("R6", "place", "T7", "T9"),       # other end
                                        Relation("R7", "giver", "T8", "T7")])      # reversed
    found = classify_relations(a, b)
    assert all(d.kind is Kind.RELATION for d in found)
    assert sorted(d.ids for d in found) == [("", "R6"), ("", "R7"), ("R2", ""), ("R3", "")]
    for d in found:
        linked = d.relation
        assert linked is not None and (d.start, d.end) == (linked.start, linked.end)
        assert (d.relation_a is None) != (d.relation_b is None)
    assert classify_relations(a, a) == []
    # classify_all: the spans with details and the relations, in text order
    every = classify_all(a, b)
    assert [d.kind for d in every].count(Kind.RELATION) == 4
    assert [d.sort_key() for d in every] == sorted(d.sort_key() for d in every)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from("xy")),
                max_size=5),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from("xy")),
                max_size=5))
def test_relation_differences_are_what_one_side_lacks(
        rel_a: list[tuple[int, int, str]], rel_b: list[tuple[int, int, str]]) -> None:
    """Whatever the relations, a relation is a difference exactly when the other side has
    no unmatched relation of the same type between spans with the same keys."""
    from collections import Counter

    from annotator.core.differences import Work, classify_relations
    from annotator.core.spans import Relation

    words = ["الزعيم", "بالحاكم", "المدينة", "هديةً"]
    spans_a = [span(f"T{i}", w, "entity") for i, w in enumerate(words)]
    spans_b = [span(f"T{i + 10}", w, "entity") for i, w in enumerate(words)]

    def work(spans: list[Span], rels: list[tuple[int, int, str]]) -> Work:
        unique = list(dict.fromkeys(rels))
        return Work(spans, [Relation(f"R{n}", t, spans[s].id, spans[e].id)
                            for n, (s, e, t) in enumerate(unique, 1)])

    found = classify_relations(work(spans_a, rel_a), work(spans_b, rel_b))
    only_a = Counter(dict.fromkeys(rel_a, 1)) - Counter(dict.fromkeys(rel_b, 1))
    only_b = Counter(dict.fromkeys(rel_b, 1)) - Counter(dict.fromkeys(rel_a, 1))
    assert sum(d.relation_a is not None for d in found) == sum(only_a.values())
    assert sum(d.relation_b is not None for d in found) == sum(only_b.values())
