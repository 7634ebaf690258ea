"""Accepting and rejecting suggestions: the span a label key would add plus ``origin``, the
rejection recorded in the file, both undone exactly (property-tested down to the bytes)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet, RejectedSuggestion
from annotator.core.edits import AddSpan, Edit
from annotator.core.errors import EditError
from annotator.core.suggestion_edits import (
    ORIGIN,
    Suggested,
    accept,
    accept_all,
    offered,
    reject,
    reject_all,
)
from annotator.io.standoff import parse_annotations, serialize_annotations
from tests.core.edit_checks import apply_then_undo

TEXT = "أهدى الرئيس بوتين الزعيم كيم سيارة ليموزين خلال لقاء في موسكو."
LABELS = frozenset({"entity", "gift", "meeting"})


def _at(word: str, label: str, source: str = "gazetteer", score: float | None = 0.8
        ) -> Suggested:
    start = TEXT.index(word)
    return Suggested(start, start + len(word), label, word, score, source)


def empty() -> AnnotationSet:
    return AnnotationSet("doc", TEXT, "amal", LABELS)


def test_an_accepted_suggestion_is_the_hand_typed_span_plus_origin() -> None:
    by_hand, by_suggestion = empty(), empty()
    putin = _at("بوتين", "entity")
    AddSpan(by_hand.make_span(putin.start, putin.end, "entity")).apply(by_hand)
    accept(by_suggestion, putin).apply(by_suggestion)
    [typed], [accepted] = by_hand.spans(), by_suggestion.spans()
    assert accepted.extra == {ORIGIN: "gazetteer"}
    assert accepted.with_changes(extra={}) == typed
    hand_bytes = serialize_annotations(by_hand).decode("utf-8")
    accepted_bytes = serialize_annotations(by_suggestion).decode("utf-8")
    assert accepted_bytes.replace(',\n      "origin": "gazetteer"', "") == hand_bytes
    assert '"origin": "gazetteer"' in accepted_bytes


def test_a_rejection_is_written_sorted_and_read_back() -> None:
    aset = empty()
    reject(_at("موسكو", "entity")).apply(aset)
    reject(_at("بوتين", "entity", source="model")).apply(aset)
    raw = serialize_annotations(aset)
    text = raw.decode("utf-8")
    assert text.index('"rejected_suggestions"') > text.index('"relations"')
    back = parse_annotations(raw, TEXT, source="x.json", labels=LABELS)
    assert back.ok
    assert back.annotations.rejected_suggestions == aset.rejected_suggestions
    assert [r.source for r in back.annotations.rejected_suggestions] == ["model", "gazetteer"]
    assert "rejected_suggestions" not in back.annotations.extra
    assert serialize_annotations(back.annotations) == raw


def test_rejecting_twice_is_refused_and_changes_nothing() -> None:
    aset = empty()
    reject(_at("كيم", "entity")).apply(aset)
    before = copy.deepcopy(aset)
    with pytest.raises(EditError) as caught:
        reject(_at("كيم", "entity")).apply(aset)
    assert caught.value.problem.code == "duplicate-span"
    assert aset == before


@pytest.mark.parametrize(("value", "field"), [
    ("nope", "rejected_suggestions"),
    (["x"], "rejected_suggestions[0]"),
    ([{"start": 1, "end": 3, "label": "entity"}], "rejected_suggestions[0].source"),
    ([{"start": True, "end": 3, "label": "entity", "source": "g"}],
     "rejected_suggestions[0].start"),
    ([{"start": 5, "end": 3, "label": "entity", "source": "g"}],
     "rejected_suggestions[0].start"),
])
def test_bad_rejections_are_reported_with_their_field(value: object, field: str) -> None:
    aset = empty()
    raw = serialize_annotations(aset).decode("utf-8")
    import json

    data = json.loads(raw)
    data["rejected_suggestions"] = value
    result = parse_annotations(json.dumps(data).encode(), TEXT, source="f.json", labels=LABELS)
    assert [(p.code, p.field, p.file) for p in result.problems] == [("bad-field", field,
                                                                     "f.json")]
    assert not result.openable


def test_unknown_keys_of_a_rejection_are_kept() -> None:
    aset = empty()
    aset.rejected_suggestions.append(RejectedSuggestion(1, 4, "gift", "g", {"why": "wrong"}))
    raw = serialize_annotations(aset)
    back = parse_annotations(raw, TEXT, source="f", labels=LABELS).annotations
    assert back.rejected_suggestions[0].extra == {"why": "wrong"}
    assert serialize_annotations(back) == raw


def test_offered_leaves_out_what_they_have_or_rejected_and_marks_overlaps() -> None:
    aset = empty()
    kim = _at("كيم", "entity")
    AddSpan(aset.make_span(kim.start, kim.end, "entity")).apply(aset)
    limo = TEXT.index("سيارة ليموزين")
    AddSpan(aset.make_span(limo, limo + len("سيارة ليموزين"), "gift")).apply(aset)
    reject(_at("موسكو", "entity", source="model")).apply(aset)
    suggestions = [kim, _at("موسكو", "entity"), _at("بوتين", "entity"),
                   _at("ليموزين", "gift"), _at("ليموزين", "entity"),
                   _at("بوتين", "entity", source="model", score=0.95),
                   Suggested(0, len(TEXT) + 3, "entity", "", 0.5, "broken")]
    offers = offered(suggestions, aset)
    assert [(o.suggestion.text, o.suggestion.label, o.suggestion.source, o.overlaps)
            for o in offers] == [
        ("بوتين", "entity", "model", ()),
        ("ليموزين", "entity", "gazetteer", ()),
        ("ليموزين", "gift", "gazetteer", ("T2",)),
    ]


def test_accept_all_and_reject_all_are_one_step_each() -> None:
    aset = empty()
    items = [_at("بوتين", "entity"), _at("كيم", "entity"), _at("بوتين", "entity", "model")]
    before = copy.deepcopy(aset)
    batch = accept_all(aset, items)
    batch.apply(aset)
    assert [(s.id, s.text, s.extra[ORIGIN]) for s in aset.spans()] == [
        ("T1", "بوتين", "gazetteer"), ("T2", "كيم", "gazetteer")]
    batch.inverse().apply(aset)
    assert aset == before
    rejected = reject_all(aset, items)
    rejected.apply(aset)
    assert [r.sort_key[3] for r in aset.rejected_suggestions] == ["gazetteer", "model",
                                                                  "gazetteer"]
    rejected.inverse().apply(aset)
    assert aset == before


WORDS = ["أهدى", "الرئيس", "بوتين", "الزعيم", "كيم", "سيارة", "ليموزين", "لقاء", "موسكو"]
steps = st.lists(st.tuples(st.sampled_from(["accept", "reject"]), st.sampled_from(WORDS),
                           st.sampled_from(sorted(LABELS)),
                           st.sampled_from(["gazetteer", "model"])), max_size=12)


@settings(max_examples=60, deadline=None)
@given(steps)
def test_accept_and_reject_then_undo_give_the_same_file(script: list[tuple[str, str, str, str]]
                                                         ) -> None:
    aset = empty()
    first = serialize_annotations(aset)

    def make(current: AnnotationSet, step: tuple[str, str, str, str]) -> Edit | None:
        kind, word, label, source = step
        suggestion = _at(word, label, source)
        return accept(current, suggestion) if kind == "accept" else reject(suggestion)

    def same_bytes_back(after: AnnotationSet, before: AnnotationSet) -> None:
        # the file written after the edit reads back to the same set
        back = parse_annotations(serialize_annotations(after), TEXT, source="f",
                                 labels=LABELS).annotations
        assert serialize_annotations(back) == serialize_annotations(after)

    apply_then_undo(aset, script, make, same_bytes_back)
    assert serialize_annotations(aset) == first
