"""Schema changes never make the files invalid: a project without ``relations`` gets the types
it offered (defaults and those in use) written out before its first relation change, label
renames reach those types' ends, and a change after which a relation or a span attribute in
some file no longer fits is refused, naming the files, with nothing written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddRelation
from annotator.core.project import DEFAULT_RELATION_TYPES
from annotator.core.relation_schema import fitting, relation_types
from annotator.core.schema_edit import (
    AddAttribute,
    AddRelationType,
    Refusal,
    RenameLabel,
    RenameValue,
    SchemaError,
    SetEnds,
    SetValues,
    relation_type_entries,
)
from annotator.core.spans import Relation, Span
from annotator.io.schema_rename import apply_schema_changes, project_usage
from annotator.io.standoff import serialize_annotations

TEXT = "التقى الوزير نظيره في عمّان وأهداه ساعة ذهبية صباح الأحد.\n"


def word(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def write_file(path: Path, annotator: str, kind: str | None = None) -> None:
    """A meeting with a participant and a place, a gift with a giver, and an 'ally' relation
    between two entities (a type only in use: a project without ``relations`` accepts it)."""
    spans = [Span("T1", *word("الوزير"), "entity", "الوزير"),
             Span("T2", *word("نظيره"), "entity", "نظيره"),
             Span("T3", *word("التقى"), "meeting", "التقى"),
             Span("T4", *word("عمّان"), "entity", "عمّان"),
             Span("T5", *word("ساعة"), "gift", "ساعة",
                  attributes={"kind": kind} if kind else None)]
    aset = AnnotationSet.build("d", TEXT, annotator, spans)
    for relation in (Relation("R1", "participant", "T3", "T1"),
                     Relation("R2", "place", "T3", "T4"),
                     Relation("R3", "giver", "T5", "T1"),
                     Relation("R4", "ally", "T1", "T2")):
        AddRelation(relation).apply(aset)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize_annotations(aset))


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project made before relation types existed (no ``relations`` key), as the sample."""
    root = tmp_path / "p"
    assert main(["init", str(root)]) == 0
    raw = json.loads((root / "project.json").read_text(encoding="utf-8"))
    del raw["relations"]
    (root / "project.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    (root / "documents" / "d.txt").write_text(TEXT, encoding="utf-8")
    write_file(root / "annotations" / "amal" / "d.json", "amal")
    write_file(root / "gold" / "d.json", "gold")
    assert main(["validate", str(root)]) == 0
    return root


def test_first_relation_type_keeps_the_offered_ones(root: Path) -> None:
    plan = apply_schema_changes(root, [AddRelationType("partner", ("entity",), ("entity",))])
    entries = {e["name"]: e for e in relation_type_entries(plan.after)}
    assert list(entries) == [*(d["name"] for d in DEFAULT_RELATION_TYPES), "ally", "partner"]
    for default in DEFAULT_RELATION_TYPES:  # as the window showed them: colours and keys
        assert entries[default["name"]] == default
    names = [label.name for label in plan.after.labels]
    assert (entries["ally"]["from"], entries["ally"]["to"]) == (names, names)
    assert main(["validate", str(root)]) == 0  # every relation still has a fitting type


def test_label_renames_keep_relation_types_usable(root: Path) -> None:
    plan = apply_schema_changes(root, [RenameLabel("entity", "person"),
                                       RenameLabel("meeting", "event")])
    types = relation_types(plan.after)
    assert {"participant", "place", "time"} <= {t.name for t in fitting(types, "event",
                                                                        "person")}
    assert {"giver", "recipient", "time"} <= {t.name for t in fitting(types, "gift", "person")}
    assert not fitting(types, "meeting", "entity")
    assert main(["validate", str(root)]) == 0


def test_narrowing_ends_under_relations_is_refused(root: Path) -> None:
    apply_schema_changes(root, [AddRelationType("partner", ("entity",), ("entity",))])
    before = tree(root)
    with pytest.raises(SchemaError) as info:
        apply_schema_changes(root, [SetEnds("place", ("meeting",), ("gift",))])
    assert info.value.refusal is Refusal.IN_USE
    message = info.value.problem.message
    assert "annotations/amal/d.json (1)" in message and "gold/d.json (1)" in message
    assert message.startswith("2 relation(s)")
    assert tree(root) == before
    # widening is fine
    apply_schema_changes(root, [SetEnds("place", ("meeting", "gift"), ("entity", "gift"))])
    assert main(["validate", str(root)]) == 0


def test_first_change_of_a_project_without_relations_is_checked_too(root: Path) -> None:
    before = tree(root)
    with pytest.raises(SchemaError) as info:  # giver's relations go from a gift span
        apply_schema_changes(root, [SetEnds("giver", ("meeting",), ("entity",))])
    assert info.value.refusal is Refusal.IN_USE
    assert "'giver'" in info.value.problem.message
    assert tree(root) == before


def test_removing_a_value_in_use_is_refused_renaming_it_rewrites(root: Path) -> None:
    kinds = ("weapon", "vehicle", "clothing", "other")
    apply_schema_changes(root, [AddAttribute("gift", "kind", kinds)])
    write_file(root / "annotations" / "amal" / "d.json", "amal", kind="vehicle")
    write_file(root / "annotations" / "omar" / "d.json", "omar", kind="vehicle")
    before = tree(root)
    with pytest.raises(SchemaError) as info:
        apply_schema_changes(root, [SetValues("gift", "kind", ("weapon", "clothing", "other"))])
    assert info.value.refusal is Refusal.IN_USE
    message = info.value.problem.message
    assert "'vehicle'" in message and "2 span(s)" in message
    assert "annotations/amal/d.json (1)" in message and "annotations/omar/d.json (1)" in message
    assert tree(root) == before
    plan = apply_schema_changes(root, [RenameValue("gift", "kind", "vehicle", "car")])
    assert len(plan.files_renamed) == 2
    assert main(["validate", str(root)]) == 0


def test_usage_names_files_in_the_project(root: Path) -> None:
    usage = project_usage(apply_schema_changes(root, []).after)
    assert {use.file for use in usage.relations} == {"annotations/amal/d.json", "gold/d.json"}
    assert usage.relation_types() == ["participant", "place", "giver", "ally"]
