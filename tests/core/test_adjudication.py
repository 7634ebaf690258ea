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
from annotator.core.differences import Difference, Kind, classify_differences
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
    assert set(found) == set(Kind), "the fixture has one difference of every kind"
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


@pytest.mark.parametrize("kind", list(Kind), ids=str)
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


def test_new_gold_spans_get_fresh_ids_and_no_notes() -> None:
    gold = empty_gold()
    AddSpan(Span("T2", 0, 4, "entity", TEXT[0:4])).apply(gold)
    noted = [s.with_changes(note="annotator's own note") for s in A]
    edit = accept_agreed(gold, agreed_spans({"amal": noted, "omar": B}))
    assert edit is not None
    edit.apply(gold)
    added = [s for s in gold.spans() if s.id != "T2"]
    assert [s.key for s in added] == [A[0].key]
    assert all(s.note is None for s in added)
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
