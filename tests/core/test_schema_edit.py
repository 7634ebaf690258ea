"""Schema changes as data: each rule of FORMAT.md section 2 refuses with its code, renames
follow into relation types' ends and into annotation files, nothing is changed in place."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.project import DEFAULT_RELATION_TYPES, Project
from annotator.core.schema_edit import (
    AddAttribute,
    AddLabel,
    AddRelationType,
    Kind,
    Refusal,
    RenameAttribute,
    RenameLabel,
    RenameRelationType,
    RenameValue,
    SchemaChange,
    SchemaError,
    SetColor,
    SetEnds,
    SetKey,
    SetValues,
    apply_change,
    apply_changes,
    attribute_values,
    effective_relation_entries,
    follow,
    relation_fits,
    relation_type_entries,
    used_keys,
)
from annotator.core.schema_rewrite import rewrite_annotation_file
from annotator.core.schema_usage import AttributeUse, RelationUse, Usage


@pytest.fixture
def project() -> Project:
    """The default labels and relation types, with an attribute on gift."""
    base = Project(Path("p"), "p", extra={"relations": [dict(r) for r in
                                                        DEFAULT_RELATION_TYPES]})
    return apply_change(base, AddAttribute("gift", "kind", ("سلاح", "ملابس", "other")))


def refusal(project: Project, change: SchemaChange) -> Refusal:
    with pytest.raises(SchemaError) as info:
        apply_change(project, change)
    assert info.value.problem.code == "bad-project"
    return info.value.refusal


def test_rename_label_follows_into_relation_ends(project: Project) -> None:
    after = apply_change(project, RenameLabel("gift", "هدية"))
    assert [label.name for label in after.labels] == ["entity", "هدية", "meeting"]
    assert after.label("هدية") is not None and after.label("هدية").key == "2"  # type: ignore[union-attr]
    ends = {r["name"]: (r["from"], r["to"]) for r in relation_type_entries(after)}
    assert ends["giver"] == (["هدية"], ["entity"])
    assert ends["time"] == (["هدية", "meeting"], ["entity"])
    # the attributes travel with the label; the old project is unchanged
    assert attribute_values(after.label("هدية"))["kind"] == ("سلاح", "ملابس", "other")  # type: ignore[arg-type]
    assert project.label("gift") is not None
    assert relation_type_entries(project)[0]["from"] == ["gift"]


@pytest.mark.parametrize(("change", "expected"), [
    (RenameLabel("gift", "gift card"), Refusal.BAD_NAME),
    (RenameLabel("gift", ""), Refusal.BAD_NAME),
    (RenameLabel("gift", "x" * 65), Refusal.BAD_NAME),
    (RenameLabel("gift", "entity"), Refusal.NAME_TAKEN),
    (RenameLabel("person", "human"), Refusal.UNKNOWN),
    (RenameRelationType("giver", "recipient"), Refusal.NAME_TAKEN),
    (RenameRelationType("giver", "gives\u200f"), Refusal.BAD_NAME),
    (RenameRelationType("owns", "has"), Refusal.UNKNOWN),
    (RenameAttribute("gift", "kind", "bad name"), Refusal.BAD_NAME),
    (RenameAttribute("gift", "colour", "color"), Refusal.UNKNOWN),
    (AddLabel("entity"), Refusal.NAME_TAKEN),
    (AddLabel("person", key="g"), Refusal.KEY_TAKEN),  # a relation type's key
    (AddLabel("person", key="ab"), Refusal.BAD_KEY),
    (AddLabel("person", color="red"), Refusal.BAD_COLOR),
    (AddRelationType("owns", ("entity",), ()), Refusal.BAD_ENDS),
    (AddRelationType("owns", ("entity",), ("person",)), Refusal.BAD_ENDS),
    (AddRelationType("giver", ("gift",), ("entity",)), Refusal.NAME_TAKEN),
    (AddRelationType("owns", ("entity",), ("gift",), key="1"), Refusal.KEY_TAKEN),
    (AddAttribute("gift", "kind", ("a",)), Refusal.NAME_TAKEN),
    (AddAttribute("gift", "size", ("big", "big")), Refusal.BAD_VALUES),
    (AddAttribute("gift", "size", ("",)), Refusal.BAD_VALUES),
    (SetKey(Kind.LABEL, "entity", "2"), Refusal.KEY_TAKEN),
    (SetKey(Kind.RELATION, "giver", "r"), Refusal.KEY_TAKEN),
    (SetKey(Kind.RELATION, "giver", " "), Refusal.BAD_KEY),
    (SetColor(Kind.RELATION, "giver", "#12345"), Refusal.BAD_COLOR),
    (SetEnds("giver", ("gift",), ("nobody",)), Refusal.BAD_ENDS),
    (SetValues("gift", "kind", ("a", "a")), Refusal.BAD_VALUES),
    (RenameValue("gift", "kind", "none-such", "x"), Refusal.UNKNOWN),
    (RenameValue("gift", "kind", "other", "سلاح"), Refusal.BAD_VALUES),
])
def test_every_rule_refuses_with_its_code(project: Project, change: SchemaChange,
                                          expected: Refusal) -> None:
    assert refusal(project, change) is expected


def test_keys_colours_ends_and_values(project: Project) -> None:
    after = apply_changes(project, [
        SetKey(Kind.LABEL, "entity", "e"), SetKey(Kind.LABEL, "gift", "1"),  # 1 is free now
        SetKey(Kind.RELATION, "giver", None), SetColor(Kind.LABEL, "meeting", "#ABCDEF"),
        SetColor(Kind.RELATION, "place", "#000000"),
        SetEnds("place", ("meeting", "gift"), ("entity",)),
        SetValues("gift", "kind", ("سلاح", "مركبة")),
        RenameValue("gift", "kind", "مركبة", "سيارة"),
    ])
    keys = used_keys(after)
    assert keys["e"] == "label 'entity'" and keys["1"] == "label 'gift'"
    assert "g" not in keys
    assert after.label("meeting").color == "#abcdef"  # type: ignore[union-attr]
    place = next(r for r in relation_type_entries(after) if r["name"] == "place")
    assert place["from"] == ["meeting", "gift"] and place["color"] == "#000000"
    assert attribute_values(after.label("gift"))["kind"] == ("سلاح", "سيارة")  # type: ignore[arg-type]


def test_added_things_get_free_keys_and_colours(project: Project) -> None:
    after = apply_changes(project, [AddLabel("person"), AddLabel("place_name", key="x"),
                                    AddRelationType("owns", ("entity",), ("gift",), key="o")])
    person = after.label("person")
    assert person is not None and person.key == "4" and person.color.startswith("#")
    assert after.label("place_name").key == "x"  # type: ignore[union-attr]
    owns = relation_type_entries(after)[-1]
    assert (owns["name"], owns["from"], owns["to"], owns["key"]) == ("owns", ["entity"],
                                                                   ["gift"], "o")


def annotation_file() -> dict[str, Any]:
    return {
        "format": "annotator/standoff", "version": 1,
        "document": {"id": "d", "sha256": "0" * 64, "length": 40},
        "annotator": "amal", "status": "in_progress", "future": {"keep": True},
        "spans": [
            {"id": "T1", "start": 0, "end": 4, "label": "entity", "text": "كيم "},
            {"id": "T2", "start": 0, "end": 4, "label": "gift", "text": "كيم ",
             "attributes": {"kind": "other", "zz": "1"}},
            {"id": "T3", "start": 10, "end": 15, "label": "gift", "text": "سترة "},
        ],
        "relations": [{"id": "R1", "type": "giver", "from": "T2", "to": "T1", "note": "n"}],
        "unplaced_spans": [{"id": "T4", "start": 1, "end": 2, "label": "gift", "text": "x",
                            "old_start": 1, "old_end": 2}],
        "rejected_suggestions": [{"start": 5, "end": 9, "label": "gift",
                                  "source": "gazetteer"}],
    }


def test_renames_reach_every_place_in_a_file() -> None:
    raw = annotation_file()
    original = copy.deepcopy(raw)
    new = rewrite_annotation_file(raw, [RenameLabel("gift", "a-gift"),
                                        RenameAttribute("a-gift", "kind", "نوع"),
                                        RenameValue("a-gift", "نوع", "other", "آخر"),
                                        RenameRelationType("giver", "donor")], "d.json")
    assert raw == original  # the input is not changed
    assert new is not None
    # re-sorted by (start, end, label, id): "a-gift" now sorts before "entity"
    assert [(s["id"], s["label"]) for s in new["spans"]] == [("T2", "a-gift"),
                                                               ("T1", "entity"),
                                                               ("T3", "a-gift")]
    assert new["spans"][0]["attributes"] == {"zz": "1", "نوع": "آخر"}
    assert new["unplaced_spans"][0]["label"] == "a-gift"
    assert new["rejected_suggestions"][0]["label"] == "a-gift"
    assert new["relations"] == [{"id": "R1", "type": "donor", "from": "T2", "to": "T1",
                                 "note": "n"}]
    assert new["future"] == {"keep": True}


def test_a_file_without_the_old_name_is_left_alone() -> None:
    assert rewrite_annotation_file(annotation_file(), [RenameLabel("meeting", "لقاء"),
                                                       SetKey(Kind.LABEL, "gift", "9")],
                                   "d.json") is None


def test_a_rename_that_would_merge_two_spans_is_refused() -> None:
    with pytest.raises(SchemaError) as info:
        rewrite_annotation_file(annotation_file(), [RenameLabel("gift", "entity")], "d.json")
    assert info.value.refusal is Refusal.NAME_TAKEN and info.value.problem.file == "d.json"


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=70)


@settings(max_examples=60, deadline=None)
@given(new=names)
def test_a_rename_either_works_or_changes_nothing(new: str) -> None:
    base = Project(Path("p"), "p", extra={"relations": [dict(r) for r in
                                                        DEFAULT_RELATION_TYPES]})
    try:
        after = apply_change(base, RenameLabel("gift", new))
    except SchemaError as error:
        assert error.refusal in (Refusal.BAD_NAME, Refusal.NAME_TAKEN)
        assert base.label("gift") is not None
        return
    assert new not in ("entity", "meeting")
    assert after.label(new) is not None and (new == "gift" or after.label("gift") is None)
    assert all(new in r["from"] for r in relation_type_entries(after) if r["name"] == "giver")


def test_docstring_examples() -> None:
    import doctest

    from annotator.core import attribute_schema, schema_edit, schema_usage

    for module in (schema_edit, attribute_schema, schema_usage):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


label_names = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zs", "Zl", "Zp")),
                      min_size=1, max_size=12).filter(lambda n: not any(c.isspace() for c in n))


@settings(max_examples=60, deadline=None)
@given(new=label_names)
def test_renaming_there_and_back_gives_the_same_file(new: str) -> None:
    """Spans are re-sorted after each rename, so a round trip is the identity on a file a
    writer wrote (spans in (start, end, label, id) order)."""
    raw = annotation_file()
    raw["spans"].sort(key=lambda s: (s["start"], s["end"], s["label"], s["id"]))
    if new in ("gift", "entity", "meeting"):
        return
    there = rewrite_annotation_file(raw, [RenameLabel("gift", new)], "d.json")
    assert there is not None
    back = rewrite_annotation_file(there, [RenameLabel(new, "gift")], "d.json")
    assert back == raw and list(back["spans"]) == raw["spans"]


# -- what the files use: a project without relation types, changes refused as in use ----------

def _uses() -> Usage:
    return Usage(
        (RelationUse("annotations/amal/d.json", "giver", "gift", "entity"),
         RelationUse("annotations/amal/d.json", "giver", "meeting", "entity"),  # any type fits
         RelationUse("gold/d.json", "ally", "entity", "entity")),
        (AttributeUse("annotations/amal/d.json", "gift", "kind", "ملابس"),
         AttributeUse("annotations/omar/d.json", "gift", "kind", "ملابس"),
         AttributeUse("annotations/omar/d.json", "meeting", "mood", "calm")))


def test_first_relation_change_writes_the_offered_types_with_in_use_ends() -> None:
    base = Project(Path("p"), "p")  # no "relations": any type is accepted
    after = apply_change(base, AddRelationType("owns", ("entity",), ("gift",)), _uses())
    entries = {e["name"]: e for e in relation_type_entries(after)}
    assert list(entries) == ["giver", "recipient", "participant", "place", "time", "ally",
                             "owns"]
    assert entries["giver"]["from"] == ["gift", "meeting"]  # widened: a relation uses it so
    assert entries["recipient"] == dict(DEFAULT_RELATION_TYPES[1])
    assert entries["ally"]["from"] == entries["ally"]["to"] == ["entity", "gift", "meeting"]
    assert entries["ally"]["key"] not in used_keys(base)
    assert effective_relation_entries(base, _uses())[:6] == list(entries.values())[:6]
    assert all(relation_fits(after, use) for use in _uses().relations)


def test_label_changes_alone_leave_relations_undeclared() -> None:
    base = Project(Path("p"), "p")
    after = apply_changes(base, [AddLabel("person"), SetColor(Kind.LABEL, "gift", "#123456")],
                          _uses())
    assert "relations" not in after.extra
    renamed = apply_change(base, RenameLabel("meeting", "event"), _uses())
    ends = {e["name"]: (e["from"], e["to"]) for e in relation_type_entries(renamed)}
    assert ends["participant"] == (["event"], ["entity"])
    assert ends["giver"] == (["gift", "event"], ["entity"])


@pytest.mark.parametrize("change", [
    SetEnds("giver", ("gift",), ("entity",)),  # a giver relation goes from a meeting
    RenameLabel("entity", "person"),  # fine alone; a narrowing after it is checked
    SetValues("gift", "kind", ("سلاح", "other")),
    AddAttribute("meeting", "size", ("big",)),  # meeting spans carry "mood", undeclared then
])
def test_changes_making_files_invalid_are_refused(change: SchemaChange) -> None:
    base = apply_change(Project(Path("p"), "p"), AddAttribute("gift", "kind",
                                                              ("سلاح", "ملابس", "other")))
    changes = [change] if not isinstance(change, RenameLabel) else [
        change, SetEnds("giver", ("gift",), ("person",))]  # the uses follow the rename
    with pytest.raises(SchemaError) as info:
        apply_changes(base, changes, _uses())
    assert info.value.refusal is Refusal.IN_USE
    message = info.value.problem.message
    assert "annotations/" in message or "gold/" in message
    apply_changes(base, changes)  # nothing in use: allowed


def test_value_refusal_names_value_spans_and_files() -> None:
    base = apply_change(Project(Path("p"), "p"), AddAttribute("gift", "kind",
                                                              ("سلاح", "ملابس", "other")))
    with pytest.raises(SchemaError) as info:
        apply_change(base, SetValues("gift", "kind", ("سلاح", "other")), _uses())
    message = info.value.problem.message
    assert "'ملابس'" in message and "2 span(s)" in message
    assert "annotations/amal/d.json (1)" in message and "annotations/omar/d.json (1)" in message
    renamed = apply_change(base, RenameValue("gift", "kind", "ملابس", "لباس"), _uses())
    assert attribute_values(renamed.label("gift"))["kind"] == ("سلاح", "لباس", "other")  # type: ignore[arg-type]


_LABELS = ("entity", "gift", "meeting")
_TYPES = ("giver", "recipient", "participant", "place", "time", "ally")
_ends = st.lists(st.sampled_from(_LABELS), min_size=1, max_size=3, unique=True).map(tuple)
_relation_uses = st.lists(st.builds(RelationUse, st.sampled_from(("a.json", "b.json")),
                                    st.sampled_from(_TYPES), st.sampled_from(_LABELS),
                                    st.sampled_from(_LABELS)), max_size=6)
_changes = st.lists(st.one_of(
    st.builds(SetEnds, st.sampled_from(_TYPES), _ends, _ends),
    st.builds(AddRelationType, st.just("partner"), _ends, _ends),
    st.builds(RenameLabel, st.sampled_from(_LABELS), st.sampled_from(("person", "event"))),
    st.builds(RenameRelationType, st.sampled_from(_TYPES), st.just("donor")),
), min_size=1, max_size=4)


@settings(max_examples=80, deadline=None)
@given(uses=_relation_uses, changes=_changes)
def test_no_accepted_changes_leave_a_relation_in_use_without_a_fitting_type(
        uses: list[RelationUse], changes: list[SchemaChange]) -> None:
    """From a project without relation types (every relation fits), whatever sequence of
    changes is accepted keeps every relation in use fitting, its names followed."""
    base = Project(Path("p"), "p")
    usage = Usage(tuple(uses))
    try:
        after = apply_changes(base, changes, usage)
    except SchemaError:
        return
    for change in changes:
        usage = follow(usage, change)
    assert all(relation_fits(after, use) for use in usage.relations)
