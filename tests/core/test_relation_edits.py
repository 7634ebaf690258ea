"""Relation edits: relabel, reverse, note, and span removal taking its relations along.

Properties: any sequence of span and relation edits followed by their inverses
gives back the same set and the same written file; no relation ever points to a
missing span, in memory or in the file written and read back.
"""

from __future__ import annotations

import copy
import doctest
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import relation_schema
from annotator.core.annotations import AnnotationSet
from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Edit,
    RemoveRelation,
    ReplaceRelation,
    change_bounds,
    relabel,
    relabel_relation,
    relation_note,
    remove_span,
    reverse_relation,
    set_relation_note,
)
from annotator.core.errors import EditError
from annotator.core.project import DEFAULT_LABELS, Label, Project
from annotator.core.relation_schema import by_key, fitting, from_source, relation_types
from annotator.core.spans import Relation
from annotator.io.standoff import parse_annotations, serialize_annotations
from tests.core.edit_checks import assert_invariants

TEXT = "قدّم الرئيس ساعةً ذهبية 🎁 إلى الزعيم الزائر خلال لقائهما في مدينة Kazan يوم 12 أيار."
LABELS = frozenset({"entity", "gift", "meeting"})
TYPES = ("giver", "recipient", "place")


def gifts() -> AnnotationSet:
    """The president (entity) gave a watch (gift) to the visitor (entity) at a meeting."""
    aset = AnnotationSet("doc", TEXT, "amal", LABELS)
    for word, label in (("الرئيس", "entity"), ("ساعةً", "gift"), ("الزعيم", "entity"),
                        ("لقائهما", "meeting"), ("Kazan", "entity")):
        start = TEXT.index(word)
        AddSpan(aset.make_span(start, start + len(word), label)).apply(aset)
    return aset


def test_replace_relation_relabels_reverses_and_notes_with_exact_inverses() -> None:
    aset = gifts()
    AddRelation(Relation("R1", "giver", "T2", "T1")).apply(aset)
    for make in (lambda: relabel_relation(aset, "R1", "recipient"),
                 lambda: reverse_relation(aset, "R1"),
                 lambda: set_relation_note(aset, "R1", "بحسب بيان الرئاسة")):
        before, edit = copy.deepcopy(aset), make()
        edit.apply(aset)
        assert aset.relation("R1").id == "R1"
        edit.inverse().apply(aset)
        assert aset == before
        edit.apply(aset)
    relation = aset.relation("R1")
    assert (relation.type, relation.source, relation.target) == ("recipient", "T1", "T2")
    assert relation_note(relation) == "بحسب بيان الرئاسة"
    set_relation_note(aset, "R1", "").apply(aset)
    assert relation_note(aset.relation("R1")) is None and "note" not in aset.relation("R1").extra


def test_a_relation_twin_is_refused_by_add_and_replace() -> None:
    aset = gifts()
    AddRelation(Relation("R1", "giver", "T2", "T1")).apply(aset)
    AddRelation(Relation("R2", "recipient", "T2", "T1")).apply(aset)
    with pytest.raises(EditError) as info:
        AddRelation(Relation("R3", "giver", "T2", "T1")).apply(aset)
    assert info.value.problem.code == "duplicate-relation"
    before = copy.deepcopy(aset)
    with pytest.raises(EditError) as info:
        relabel_relation(aset, "R2", "giver").apply(aset)
    assert info.value.problem.code == "duplicate-relation"
    assert aset == before


def test_a_stale_replace_is_refused() -> None:
    aset = gifts()
    AddRelation(Relation("R1", "giver", "T2", "T1")).apply(aset)
    stale = relabel_relation(aset, "R1", "recipient")
    reverse_relation(aset, "R1").apply(aset)
    with pytest.raises(EditError) as info:
        stale.apply(aset)
    assert info.value.problem.code == "conflict"
    with pytest.raises(ValueError):
        ReplaceRelation(Relation("R1", "a", "T1", "T2"), Relation("R2", "a", "T1", "T2"))


def test_removing_a_span_takes_its_relations_and_undo_brings_them_back_with_their_ids() -> None:
    aset = gifts()
    for relation in (Relation("R1", "giver", "T2", "T1"), Relation("R2", "recipient", "T2", "T3"),
                     Relation("R3", "place", "T4", "T5", {"note": "المدينة"})):
        AddRelation(relation).apply(aset)
    before = copy.deepcopy(aset)
    written = serialize_annotations(aset)
    edit = remove_span(aset, "T2")
    assert [r.id for r in edit.relations] == ["R1", "R2"]
    assert "2 relations" in edit.description
    edit.apply(aset)
    assert "T2" not in aset and [r.id for r in aset.relations()] == ["R3"]
    edit.inverse().apply(aset)
    assert aset == before
    assert serialize_annotations(aset) == written


# -- the schema: which types fit -----------------------------------------------------

def test_declared_types_fit_by_their_ends_and_keep_colour_and_key() -> None:
    project = Project(Path("p"), "p", extra={"relations": [
                          {"name": "giver", "from": ["gift"], "to": ["entity"],
                           "color": "#8c564b", "key": "g"},
                          {"name": "host", "from": ["meeting"], "to": ["entity"]},
                          {"name": "about"}]})
    types = relation_types(project, in_use=["ignored"])
    assert [t.name for t in types] == ["giver", "host", "about"]  # in-use types not added
    assert [t.name for t in fitting(types, "gift", "entity")] == ["giver", "about"]
    assert [t.name for t in from_source(types, "meeting")] == ["host", "about"]
    assert types[0].color == "#8c564b" and types[0].key == "g"
    keys = [t.key for t in types]
    assert len(set(keys)) == len(keys) and not set(keys) & {"1", "2", "3"}
    assert by_key(types, "G") is types[0]


def test_a_project_without_types_offers_the_defaults_and_those_in_use() -> None:
    labels = (*DEFAULT_LABELS, Label("place", "#000000", "h"))
    types = relation_types(Project(Path("p"), "p", labels), in_use=["met", "giver"])
    names = [t.name for t in types]
    assert names == ["giver", "recipient", "participant", "place", "time", "met"]
    met = types[-1]
    assert met.fits("entity", "place") and met.key not in {"1", "2", "3", "h", "g", "r", "p",
                                                           "l", "t"}


def test_docstring_examples() -> None:
    result = doctest.testmod(relation_schema)
    assert result.attempted > 0 and result.failed == 0


# -- properties ---------------------------------------------------------------------

KINDS = ["add", "remove", "relabel", "bounds", "relate", "unrelate", "retype", "reverse",
         "note"]


@st.composite
def scripts(draw: st.DrawFn) -> list[tuple[str, int, int, int]]:
    return draw(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, len(TEXT)),
                                   st.integers(0, len(TEXT)), st.integers(0, 40)),
                         max_size=20))


def make_edit(aset: AnnotationSet, step: tuple[str, int, int, int]) -> Edit | None:
    kind, a, b, n = step
    start, end = min(a, b), max(a, b)
    labels = sorted(LABELS)
    spans, relations = aset.spans(), aset.relations()
    if kind == "add" and start < end:
        return AddSpan(aset.make_span(start, end, labels[n % 3]))
    if not spans:
        return None
    span = spans[n % len(spans)]
    if kind == "remove":
        return remove_span(aset, span.id)
    if kind == "relabel":
        return relabel(aset, span.id, labels[(labels.index(span.label) + 1) % 3])
    if kind == "bounds" and start < end:
        return change_bounds(aset, span.id, start, end)
    if kind == "relate":
        other = spans[(n // 3) % len(spans)]
        return AddRelation(Relation(aset.new_relation_id(), TYPES[n % 3], span.id, other.id))
    if not relations:
        return None
    relation = relations[n % len(relations)]
    if kind == "unrelate":
        return RemoveRelation(relation)
    if kind == "retype":
        return relabel_relation(aset, relation.id, TYPES[(n // 2) % 3])
    if kind == "reverse":
        return reverse_relation(aset, relation.id)
    if kind == "note":
        return set_relation_note(aset, relation.id, f"ملاحظة {n}" if n % 3 else None)
    return None


def read_back(aset: AnnotationSet) -> AnnotationSet:
    """``aset`` written as a file and read again; the file must have no problem."""
    result = parse_annotations(serialize_annotations(aset), aset.text, source="doc.json",
                               labels=LABELS)
    assert result.ok, result.problems
    ends = {s.id for s in result.annotations.spans()}
    assert all(r.source in ends and r.target in ends for r in result.annotations.relations())
    return result.annotations


@settings(max_examples=60, deadline=None)
@given(scripts())
def test_span_and_relation_edits_then_inverses_give_back_the_set_and_the_file(
        script: list[tuple[str, int, int, int]]) -> None:
    aset = gifts()
    for relation in (Relation("R1", "giver", "T2", "T1"), Relation("R2", "recipient", "T2", "T3")):
        AddRelation(relation).apply(aset)
    start_bytes = serialize_annotations(aset)
    done: list[tuple[Edit, AnnotationSet, bytes]] = []
    for step in script:
        edit = make_edit(aset, step)
        if edit is None:
            continue
        before, before_bytes = copy.deepcopy(aset), serialize_annotations(aset)
        try:
            edit.apply(aset)
        except EditError:
            assert aset == before  # refused: nothing changed
            continue
        assert_invariants(aset)
        ends = {s.id for s in aset.spans()}
        assert all(r.source in ends and r.target in ends for r in aset.relations())
        assert read_back(aset) == aset
        done.append((edit, before, before_bytes))
    for edit, before, before_bytes in reversed(done):
        edit.inverse().apply(aset)
        assert aset == before
        assert serialize_annotations(aset) == before_bytes
    assert serialize_annotations(aset) == start_bytes


def test_misfits_after_relabel_names_the_relations_a_new_label_breaks() -> None:
    from annotator.core.relation_schema import misfits_after_relabel

    aset = gifts()
    AddRelation(Relation("R1", "giver", "T2", "T1")).apply(aset)
    AddRelation(Relation("R2", "unknown-type", "T2", "T3")).apply(aset)
    types = relation_types(Project(Path("p"), "p"))
    assert [r.id for r in misfits_after_relabel(types, aset, "T2", "entity")] == ["R1"]
    assert misfits_after_relabel(types, aset, "T1", "entity") == []
    assert [r.id for r in misfits_after_relabel(types, aset, "T1", "meeting")] == ["R1"]
    assert misfits_after_relabel(types, aset, "T5", "gift") == []  # no relation


def test_a_file_repeating_a_relation_is_reported_with_both_ids() -> None:
    """FORMAT.md section 3 allows one relation per type, from and to: reading says so."""
    text = "أهدى الرئيس ضيفه ساعة"
    raw = {"format": "annotator/standoff", "version": 1,
           "document": {"id": "d", "sha256": AnnotationSet("d", text, "a").sha256,
                        "length": len(text)},
           "annotator": "a", "status": "in_progress",
           "spans": [{"id": "T1", "start": 5, "end": 11, "label": "entity", "text": "الرئيس"},
                     {"id": "T2", "start": 17, "end": 21, "label": "gift", "text": "ساعة"}],
           "relations": [{"id": "R1", "type": "giver", "from": "T2", "to": "T1"},
                         {"id": "R2", "type": "giver", "from": "T2", "to": "T1"}]}
    result = parse_annotations(json.dumps(raw).encode(), text, source="d.json")
    (problem,) = [p for p in result.problems if p.code == "duplicate-relation"]
    assert problem.span == "R2" and "R1" in problem.message and problem.file == "d.json"


def test_names_with_white_space_are_reported_even_without_declared_types() -> None:
    """FORMAT.md section 2: relation types and attributes hold no white space (a tester saw
    `co-located with` and `free text` pass validate in a project without relation types)."""
    text = "أهدى الرئيس ضيفه ساعة"
    raw = {"format": "annotator/standoff", "version": 1,
           "document": {"id": "d", "sha256": AnnotationSet("d", text, "a").sha256,
                        "length": len(text)},
           "annotator": "a", "status": "in_progress",
           "spans": [{"id": "T1", "start": 5, "end": 11, "label": "entity", "text": "الرئيس",
                      "attributes": {"free text": "x"}},
                     {"id": "T2", "start": 17, "end": 21, "label": "gift", "text": "ساعة"}],
           "relations": [{"id": "R1", "type": "given by", "from": "T2", "to": "T1"}]}
    result = parse_annotations(json.dumps(raw).encode(), text, source="d.json")
    named = {(p.span, p.field) for p in result.problems if p.code == "bad-name"}
    assert named == {("T1", "attributes"), ("R1", "type")}
