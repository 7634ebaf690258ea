"""Settling differences into gold: each choice on each kind, undo, agreed spans, 3 annotators."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import adjudication
from annotator.core.adjudication import (
    CHOICES,
    GoldState,
    accept_agreed,
    agreed_spans,
    compare,
    gold_span,
    gold_state,
    settle,
)
from annotator.core.annotations import AnnotationSet
from annotator.core.differences import (
    SPAN_KINDS,
    Difference,
    Kind,
    Work,
    classify_differences,
)
from annotator.core.edits import AddSpan, remove_span, set_note
from annotator.core.spans import Span

# Our own sentence: "The governor handed the guest a bulletproof vest and six drones at the
# station."
TEXT = "سلّم الحاكم ضيفه سترة واقية وست طائرات مسيّرة عند المحطة."
LABELS = ("entity", "gift", "meeting")


def span(span_id: str, words: str, label: str) -> Span:
    start = TEXT.index(words)
    return Span(span_id, start, start + len(words), label, words)


A = [span("T1", "الحاكم", "entity"), span("T2", "سترة واقية", "gift"),
     span("T3", "ست طائرات مسيّرة", "gift"), span("T4", "المحطة", "entity")]
B = [span("T1", "الحاكم", "entity"), span("T2", "سترة واقية", "entity"),
     span("T3", "طائرات مسيّرة", "gift"), span("T5", "ضيفه", "entity")]


def empty_gold() -> AnnotationSet:
    return AnnotationSet.build("d", TEXT, "gold", labels=LABELS)


def by_kind() -> dict[Kind, Difference]:
    found = {d.kind: d for d in classify_differences(A, B)}
    assert set(found) == SPAN_KINDS, "the fixture has one difference of every span kind"
    return found


def keys(aset: AnnotationSet) -> set[tuple[int, int, str]]:
    return {s.key for s in aset.spans()}


# What gold must hold at the difference after each choice (by whose span it is).
EXPECTED = {
    Kind.SAME: {"a": {"A"}, "b": {"A"}, "both": {"A"}, "none": set()},
    Kind.LABEL: {"a": {"A"}, "b": {"B"}, "both": {"A", "B"}, "none": set()},
    Kind.BOUNDARY: {"a": {"A"}, "b": {"B"}, "both": {"A", "B"}, "none": set()},
    Kind.ONLY_A: {"a": {"A"}, "b": set(), "both": {"A"}, "none": set()},
    Kind.ONLY_B: {"a": set(), "b": {"B"}, "both": {"B"}, "none": set()},
}


@pytest.mark.parametrize("kind", sorted(SPAN_KINDS), ids=str)
@pytest.mark.parametrize("choice", CHOICES)
def test_each_choice_on_each_kind_from_empty_and_from_every_other_choice(
        kind: Kind, choice: adjudication.Choice) -> None:
    difference = by_kind()[kind]
    versions = {"A": difference.a, "B": difference.b}
    want = {versions[who].key for who in EXPECTED[kind][choice]}  # type: ignore[union-attr]
    for before in CHOICES:  # gold already settled one way, then the reviewer changes their mind
        gold = empty_gold()
        first = settle(gold, difference, before)
        if first is not None:
            first.apply(gold)
        snapshot = gold.spans()
        edit = settle(gold, difference, choice)
        if edit is None:
            assert keys(gold) == want, (before, choice)
            continue
        edit.apply(gold)
        assert keys(gold) == want, (before, choice)
        assert all(s.text == TEXT[s.start:s.end] for s in gold.spans())
        edit.inverse().apply(gold)
        assert gold.spans() == snapshot  # undo gives back exactly what was there
        assert settle(gold, difference, before) is None  # and that is settled as before


def test_gold_state_follows_the_choices() -> None:
    d = by_kind()[Kind.BOUNDARY]
    gold = empty_gold()
    assert gold_state(gold, d) is GoldState.NONE
    for choice, state in (("a", GoldState.A), ("b", GoldState.B), ("both", GoldState.BOTH),
                          ("none", GoldState.NONE)):
        edit = settle(gold, d, choice)  # type: ignore[arg-type]
        assert edit is not None
        edit.apply(gold)
        assert gold_state(gold, d) is state, choice
    same = by_kind()[Kind.SAME]
    edit = settle(gold, same, "a")
    assert edit is not None
    edit.apply(gold)
    assert gold_state(gold, same) is GoldState.BOTH


def test_a_changed_mind_keeps_the_gold_span_id_and_the_reviewers_note() -> None:
    d = by_kind()[Kind.LABEL]
    gold = empty_gold()
    settle(gold, d, "a").apply(gold)  # type: ignore[union-attr]
    (first,) = gold.spans()
    set_note(gold, first.id, "سترة: هدية وليست كياناً").apply(gold)
    settle(gold, d, "b").apply(gold)  # type: ignore[union-attr]
    (second,) = gold.spans()
    assert (second.id, second.note, second.label) == (first.id, "سترة: هدية وليست كياناً",
                                                      "entity")
    assert gold_span(gold, d) == second


def test_edited_gold_span_is_recognised_and_unrelated_nesting_is_not() -> None:
    d = by_kind()[Kind.BOUNDARY]  # "ست طائرات مسيّرة" against "طائرات مسيّرة", both gift
    gold = empty_gold()
    edited = span("T1", "طائرات", "gift")
    nesting = span("T2", "وست طائرات مسيّرة عند المحطة", "meeting")
    for s in (edited, nesting):
        AddSpan(s).apply(gold)
    assert gold_state(gold, d) is GoldState.OTHER
    assert gold_span(gold, d) == edited
    remove_span(gold, "T1").apply(gold)
    assert gold_state(gold, d) is GoldState.NONE  # the meeting around it is something else


def test_new_gold_spans_get_fresh_ids_and_the_agreed_note_and_attributes() -> None:
    gold = empty_gold()
    AddSpan(Span("T2", 0, 4, "entity", TEXT[0:4])).apply(gold)
    noted = [s.with_changes(note="ملاحظة", attributes={"kind": "person"}) for s in A]
    # a note or attributes only one side gives is not agreed (a note/attributes difference)
    assert agreed_spans({"amal": noted, "omar": B}) == []
    noted_b = [s.with_changes(note="ملاحظة", attributes={"kind": "person"}) for s in B]
    edit = accept_agreed(gold, agreed_spans({"amal": noted, "omar": noted_b}))
    assert edit is not None
    edit.apply(gold)
    added = [s for s in gold.spans() if s.id != "T2"]
    assert [s.key for s in added] == [A[0].key]
    assert [(s.note, s.attributes) for s in added] == [("ملاحظة", {"kind": "person"})]
    assert len({s.id for s in gold.spans()}) == len(gold)


def test_accept_agreed_is_one_step_and_adds_only_what_is_missing() -> None:
    third = [A[0], A[1]]
    agreed = agreed_spans({"amal": A, "omar": A, "sara": third})
    assert [s.key for s in agreed] == [A[0].key, A[1].key]
    gold = empty_gold()
    edit = accept_agreed(gold, agreed)
    assert edit is not None and edit.description == "Accept 2 agreed span(s)"
    edit.apply(gold)
    assert keys(gold) == {A[0].key, A[1].key}
    assert accept_agreed(gold, agreed) is None
    edit.inverse().apply(gold)
    assert len(gold) == 0
    assert agreed_spans({"amal": A}) == []  # one annotator agrees with no one


def test_three_annotators_are_compared_pairwise_against_the_reference() -> None:
    third = [A[0], span("T2", "سترة", "gift")]
    items = compare("amal", {"amal": A, "omar": B, "sara": third})
    assert {i.b for i in items} == {"omar", "sara"}
    assert [(i.b, i.kind) for i in items if i.b == "omar"] == [
        ("omar", d.kind) for d in sorted(classify_differences(A, B),
                                        key=lambda d: (d.start, d.end))]
    sara = [(i.kind, i.difference.a.id if i.difference.a else None)
            for i in items if i.b == "sara"]
    assert sara == [(Kind.SAME, "T1"), (Kind.BOUNDARY, "T2"), (Kind.ONLY_A, "T3"),
                    (Kind.ONLY_A, "T4")]
    starts = [(i.start, i.end) for i in items]
    assert starts == sorted(starts)
    with pytest.raises(KeyError):
        compare("nobody", {"amal": A})


spans_strategy = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 8), st.sampled_from(LABELS)),
    max_size=6)


def build(raw: list[tuple[int, int, str]], prefix: str) -> list[Span]:
    out: dict[tuple[int, int, str], Span] = {}
    for i, (start, length, label) in enumerate(raw):
        end = min(len(TEXT), start + length)
        out.setdefault((start, end, label),
                       Span(f"{prefix}{i}", start, end, label, TEXT[start:end]))
    return list(out.values())


@settings(max_examples=60, deadline=None)
@given(spans_strategy, spans_strategy, st.lists(st.sampled_from(CHOICES), min_size=1,
                                                max_size=12))
def test_any_sequence_of_choices_keeps_gold_valid_and_undoes_exactly(
        raw_a: list[tuple[int, int, str]], raw_b: list[tuple[int, int, str]],
        choices: list[adjudication.Choice]) -> None:
    a, b = build(raw_a, "T"), build(raw_b, "T")
    diffs = classify_differences(a, b)
    gold = empty_gold()
    done = []
    for i, choice in enumerate(choices):
        if not diffs:
            break
        d = diffs[i % len(diffs)]
        edit = settle(gold, d, choice)
        if edit is not None:
            edit.apply(gold)  # raises if it broke an invariant (duplicates, ids, text)
            done.append(edit)
        # right after a choice, gold holds exactly the chosen versions among the candidates
        chosen = {s.key for s in adjudication.wanted(d, choice)}
        held = {s.key for s in adjudication.candidates(d) if gold.find(*s.key)}
        assert held == chosen
    for edit in reversed(done):
        edit.inverse().apply(gold)
    assert len(gold) == 0


def test_docstring_examples() -> None:
    result = doctest.testmod(adjudication)
    assert result.attempted > 0 and result.failed == 0


# -- attributes, notes and relations go into gold ----------------------------------------

def _linked(spans: list[Span], *relations: tuple[str, str, str, str]) -> list[adjudication.Linked]:
    from annotator.core.differences import Work
    from annotator.core.spans import Relation

    return Work(spans, [Relation(*r) for r in relations]).linked()


def test_accepting_a_span_copies_its_attributes_and_note_never_its_relations() -> None:
    from annotator.core.differences import Work

    vest = span("T12", "سترة واقية", "gift").with_changes(attributes={"kind": "clothing"},
                                                         note="واقية من الرصاص")
    giver = span("T11", "الحاكم", "entity")
    guest = span("T15", "ضيفه", "entity")
    a_spans = [giver, vest, guest]
    a_rel = _linked(a_spans, ("R1", "giver", "T12", "T11"), ("R2", "recipient", "T12", "T15"))
    gold = empty_gold()
    AddSpan(Span("T1", 0, 3, "entity", TEXT[0:3])).apply(gold)  # an unrelated gold span, id T1
    for s in (vest, giver, guest):
        edit = settle(gold, Difference(Kind.ONLY_A, s, None), "a")
        assert edit is not None
        edit.apply(gold)
    vest_gold, giver_gold = gold.find(*vest.key), gold.find(*giver.key)
    assert vest_gold is not None and vest_gold.id == "T2"  # a fresh gold id, not T12
    assert giver_gold is not None
    assert (vest_gold.attributes, vest_gold.note) == ({"kind": "clothing"}, "واقية من الرصاص")
    assert gold.relations() == []  # both ends are in gold, yet no relation was accepted
    # a relation comes with its own difference, with gold's ids, once
    relation = Difference(Kind.RELATION, None, None, relation_a=a_rel[0])
    edit = settle(gold, relation, "a")
    assert edit is not None
    edit.apply(gold)
    assert [(r.type, r.source, r.target) for r in gold.relations()] == [
        ("giver", vest_gold.id, giver_gold.id)]
    assert gold.relations()[0].id.startswith("R")
    assert settle(gold, relation, "both") is None  # held already: never twice
    # undo gives back exactly the gold before
    before = gold.snapshot()
    edit = settle(gold, Difference(Kind.ONLY_A, guest, None), "none")
    assert edit is not None
    edit.apply(gold)
    edit.inverse().apply(gold)
    assert gold.snapshot() == before
    # agreed relations come with accept_agreed when their ends are in gold
    works = {"amal": Work(a_spans, [r.relation for r in a_rel]),
             "omar": Work(a_spans, [r.relation for r in a_rel[1:]])}
    agreed = adjudication.agreed_relations(works)
    assert [r.relation.id for r in agreed] == ["R2"]
    edit = accept_agreed(gold, [], agreed)
    assert edit is not None
    edit.apply(gold)
    assert sorted(r.type for r in gold.relations()) == ["giver", "recipient"]
    assert accept_agreed(gold, [], agreed) is None


def _event_works() -> tuple[Work, Work]:
    """A and B mark the same event (a gift) with overlapping extents, and its giver and
    recipient from their own extent."""
    from annotator.core.spans import Relation

    giver, guest = span("T1", "الحاكم", "entity"), span("T2", "ضيفه", "entity")
    long_vest, short_vest = span("T3", "سترة واقية", "gift"), span("T3", "سترة", "gift")
    relations = [Relation("R1", "giver", "T3", "T1"), Relation("R2", "recipient", "T3", "T2")]
    return (Work([giver, guest, long_vest], relations),
            Work([giver, guest, short_vest], relations))


def test_keeping_both_extents_copies_no_relation_and_rows_never_duplicate() -> None:
    a, b = _event_works()
    items = compare("amal", {"amal": a, "omar": b})
    gold = empty_gold()
    for item in items:  # the agreed ends, then both extents of the gift ("keep both")
        if item.kind is not Kind.RELATION:
            choice = "both" if item.kind is Kind.BOUNDARY else "a"
            assert adjudication.crowds_gold(item.difference, choice) == (choice == "both")
            edit = settle(gold, item.difference, choice)
            assert edit is not None
            edit.apply(gold)
    assert len(gold.spans()) == 4 and gold.relations() == []
    relations = [item for item in items if item.kind is Kind.RELATION]
    assert len(relations) == 4  # each extent's giver and recipient
    for item in relations:
        assert gold_state(gold, item.difference) is GoldState.NONE
        edit = settle(gold, item.difference, "both")
        assert edit is not None
        edit.apply(gold)
        assert gold_state(gold, item.difference) is not GoldState.NONE
        assert settle(gold, item.difference, "a" if item.difference.relation_a else "b") is None
    triples = [(r.type, r.source, r.target) for r in gold.relations()]
    assert len(triples) == 4 == len(set(triples))


@pytest.mark.parametrize("choice", CHOICES)
def test_no_span_choice_touches_relations(choice: adjudication.Choice) -> None:
    a, b = _event_works()
    for item in compare("amal", {"amal": a, "omar": b}):
        if item.kind is Kind.RELATION:
            continue
        for start in ([], list(a.spans) + list(b.spans)):  # gold empty, or holding every span
            gold = empty_gold()
            for i, s in enumerate(start, 1):
                if gold.find(*s.key) is None:
                    AddSpan(s.with_changes(id=f"T{i}")).apply(gold)
            edit = settle(gold, item.difference, choice)
            if edit is not None:
                edit.apply(gold)
            assert gold.relations() == [], (item.kind, choice)


def test_a_relation_difference_needs_both_ends_in_gold() -> None:
    from annotator.core.differences import Work, classify_relations
    from annotator.core.spans import Relation

    spans = [span("T1", "الحاكم", "entity"), span("T2", "سترة واقية", "gift")]
    a = Work(spans, [Relation("R1", "giver", "T2", "T1", {"note": "بنفسه"})])
    (d,) = classify_relations(a, Work(spans))
    gold = empty_gold()
    with pytest.raises(adjudication.SettleError) as refused:
        settle(gold, d, "a")
    assert refused.value.code == "relation-ends-not-in-gold"
    assert settle(gold, d, "b") is None and gold_state(gold, d) is GoldState.NONE
    for i, s in enumerate(spans, 5):
        AddSpan(s.with_changes(id=f"T{i}")).apply(gold)
    edit = settle(gold, d, "a")
    assert edit is not None
    edit.apply(gold)
    (relation,) = gold.relations()
    assert (relation.source, relation.target, relation.extra) == ("T6", "T5", {"note": "بنفسه"})
    assert gold_state(gold, d) is GoldState.A and settle(gold, d, "both") is None
    edit = settle(gold, d, "b")  # B's version: no such relation
    assert edit is not None
    edit.apply(gold)
    assert gold.relations() == [] and gold_state(gold, d) is GoldState.NONE


def test_attribute_and_note_differences_settle_the_gold_span() -> None:
    a = span("T2", "سترة واقية", "gift").with_changes(attributes={"kind": "clothing"},
                                                      note="من A")
    b = span("T7", "سترة واقية", "gift").with_changes(attributes={"kind": "vehicle",
                                                                  "size": "large"}, note="من B")
    diffs = classify_differences([a], [b], details=True)
    attrs, note = (next(d for d in diffs if d.kind is k) for k in (Kind.ATTRIBUTES, Kind.NOTE))
    gold = empty_gold()
    assert settle(gold, attrs, "none") is None and gold_state(gold, attrs) is GoldState.NONE
    settle(gold, note, "b").apply(gold)  # type: ignore[union-attr]  # brings the span in
    (held,) = gold.spans()
    assert (held.key, held.note, held.attributes) == (a.key, "من B", b.attributes)
    settle(gold, attrs, "a").apply(gold)  # type: ignore[union-attr]
    settle(gold, note, "a").apply(gold)  # type: ignore[union-attr]
    assert gold_state(gold, attrs) is GoldState.A and gold_state(gold, note) is GoldState.A
    settle(gold, attrs, "b").apply(gold)  # type: ignore[union-attr]
    assert gold.find(*a.key).attributes == {"kind": "vehicle", "size": "large"}  # type: ignore[union-attr]
    assert gold_state(gold, attrs) is GoldState.B and gold_state(gold, note) is GoldState.A
    with pytest.raises(adjudication.SettleError) as refused:
        settle(gold, attrs, "both")  # kind: clothing or vehicle?
    assert refused.value.code == "attributes-conflict"
    settle(gold, note, "both").apply(gold)  # type: ignore[union-attr]
    assert gold.find(*a.key).note == "من A\nمن B"  # type: ignore[union-attr]
    assert gold_state(gold, note) is GoldState.BOTH
    settle(gold, note, "none").apply(gold)  # type: ignore[union-attr]
    assert gold.find(*a.key).note is None  # type: ignore[union-attr]


def test_a_replaced_version_brings_its_note_unless_the_reviewer_wrote_one() -> None:
    a = span("T3", "ست طائرات مسيّرة", "gift").with_changes(note="ست", attributes={"n": "6"})
    b = span("T3", "طائرات مسيّرة", "gift").with_changes(note="طائرات")
    d = Difference(Kind.BOUNDARY, a, b)
    gold = empty_gold()
    settle(gold, d, "a").apply(gold)  # type: ignore[union-attr]
    settle(gold, d, "b").apply(gold)  # type: ignore[union-attr]
    (held,) = gold.spans()
    assert (held.key, held.note, held.attributes) == (b.key, "طائرات", None)
    set_note(gold, held.id, "رأي المراجع").apply(gold)
    settle(gold, d, "a").apply(gold)  # type: ignore[union-attr]
    (held,) = gold.spans()
    assert (held.key, held.note, held.attributes) == (a.key, "رأي المراجع", {"n": "6"})


def test_accepting_both_extents_with_one_label_is_flagged() -> None:
    same_label = Difference(Kind.BOUNDARY, A[2], B[2])
    assert adjudication.crowds_gold(same_label, "both")
    assert not any(adjudication.crowds_gold(same_label, c) for c in ("a", "b", "none"))
    other_label = Difference(Kind.BOUNDARY, A[2], B[2].with_changes(label="entity"))
    assert not adjudication.crowds_gold(other_label, "both")


@settings(max_examples=60, deadline=None)
@given(spans_strategy, spans_strategy, spans_strategy,
       st.lists(st.tuples(st.sampled_from(CHOICES), st.integers(0, 40)), min_size=1,
                max_size=8))
def test_after_an_edit_of_gold_only_the_items_it_touches_change(
        raw_a: list[tuple[int, int, str]], raw_b: list[tuple[int, int, str]],
        raw_c: list[tuple[int, int, str]],
        steps: list[tuple[adjudication.Choice, int]]) -> None:
    # the review list re-reads gold only where ItemPlaces says: everywhere else gold's answer
    # must be what it was (edits: settling choices, and removing a gold span)
    items = compare("amal", {"amal": build(raw_a, "T"), "omar": build(raw_b, "T"),
                             "sara": build(raw_c, "T")})
    places = adjudication.ItemPlaces(items)
    gold = empty_gold()

    def read() -> list[tuple[GoldState, Span | None]]:
        return [(gold_state(gold, i.difference), gold_span(gold, i.difference)) for i in items]

    for choice, pick in steps:
        if not items:
            break
        before = read()
        gold_ids = sorted(s.id for s in gold.spans())
        edit = (remove_span(gold, gold_ids[pick % len(gold_ids)]) if pick % 3 == 0 and gold_ids
                else settle(gold, items[pick % len(items)].difference, choice))
        if edit is None:
            continue
        edit.apply(gold)
        touched = set(places.touched(edit.changes))
        after = read()
        assert [i for i, (old, new) in enumerate(zip(before, after, strict=True))
                if old != new and i not in touched] == []
