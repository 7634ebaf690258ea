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
    relation_type_entries,
    used_keys,
)
from annotator.core.schema_rewrite import rewrite_annotation_file


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

    from annotator.core import attribute_schema, schema_edit

    for module in (schema_edit, attribute_schema):
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
