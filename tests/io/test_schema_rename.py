"""Renames across files: project.json and every annotation, gold and suggestion file change in
one conflict-checked transaction, or nothing changes (byte for byte) and the reason is named."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddRelation
from annotator.core.errors import AnnotatorError, ConflictError, WriteError
from annotator.core.schema_edit import (
    AddAttribute,
    AddLabel,
    Kind,
    Refusal,
    RenameAttribute,
    RenameLabel,
    RenameRelationType,
    SchemaError,
    SetColor,
)
from annotator.core.spans import Relation, Span
from annotator.io import transaction
from annotator.io.project_file import open_project
from annotator.io.schema_rename import (
    apply_schema_changes,
    commit_schema_plan,
    plan_schema_changes,
    project_fingerprint,
)
from annotator.io.standoff import serialize_annotations

TEXT = "أهدى الرئيس ضيفه سترة واقية خلال اللقاء في القصر.\n"


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def write_file(path: Path, annotator: str, labels: tuple[str, str] = ("entity", "gift"),
               attributes: dict[str, str] | None = None) -> None:
    giver = Span("T1", 5, 11, labels[0], TEXT[5:11])
    gift = Span("T2", 17, 21, labels[1], TEXT[17:21], attributes=attributes)
    aset = AnnotationSet.build("d", TEXT, annotator, [giver, gift])
    AddRelation(Relation("R1", "giver", "T2", "T1")).apply(aset)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize_annotations(aset))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    assert main(["init", str(root)]) == 0
    (root / "documents" / "d.txt").write_text(TEXT, encoding="utf-8")
    (root / "documents" / "e.txt").write_text("اجتماع قصير.\n", encoding="utf-8")
    apply_schema_changes(root, [AddAttribute("gift", "kind", ("سلاح", "ملابس"))])
    write_file(root / "annotations" / "amal" / "d.json", "amal", attributes={"kind": "ملابس"})
    write_file(root / "gold" / "d.json", "gold")
    write_file(root / "suggestions" / "gazetteer" / "d.json", "gazetteer")
    write_file(root / "annotations" / "omar" / "d.json.conflict-20261207", "omar")
    omar_e = AnnotationSet.build("e", "اجتماع قصير.\n", "omar", [Span("T1", 0, 6, "meeting",
                                                                        "اجتماع")])
    (root / "annotations" / "omar" / "e.json").write_bytes(serialize_annotations(omar_e))
    return root


def load(path: Path) -> dict[str, object]:
    value = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(value, dict)
    return value


def test_rename_label_reaches_every_file(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    untouched = (root / "annotations" / "omar" / "e.json").read_bytes()
    plan = apply_schema_changes(root, [RenameLabel("gift", "هدية"),
                                       RenameRelationType("giver", "مانح"),
                                       RenameAttribute("هدية", "kind", "نوع")])
    assert plan.after.label("هدية") is not None and plan.after.label("gift") is None
    assert sorted(p.relative_to(root).as_posix() for p in plan.files_renamed) == [
        "annotations/amal/d.json", "annotations/omar/d.json.conflict-20261207", "gold/d.json",
        "suggestions/gazetteer/d.json"]
    amal = load(root / "annotations" / "amal" / "d.json")
    assert [s["label"] for s in amal["spans"]] == ["entity", "هدية"]  # type: ignore[index, union-attr]
    assert amal["spans"][1]["attributes"] == {"نوع": "ملابس"}  # type: ignore[index]
    assert amal["relations"][0]["type"] == "مانح"  # type: ignore[index]
    assert (root / "annotations" / "omar" / "e.json").read_bytes() == untouched
    project = load(root / "project.json")
    giver = next(r for r in project["relations"] if r["name"] == "مانح")  # type: ignore[attr-defined]
    assert giver["from"] == ["هدية"]
    # the files are what a writer writes (same bytes) and the project validates
    reopened = open_project(root)
    assert reopened.label("هدية") is not None
    capsys.readouterr()
    main(["validate", "--json", str(root)])
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p["code"] for p in problems] == ["pending-conflict"]  # only the kept version


def test_colour_and_new_label_write_only_project_json(root: Path) -> None:
    before = tree(root)
    plan = apply_schema_changes(root, [SetColor(Kind.LABEL, "gift", "#123456"),
                                       AddLabel("person")])
    after = tree(root)
    assert {k for k in after if after[k] != before.get(k)} == {"project.json"}
    assert plan.files_read == 0 and plan.after.label("person") is not None


@pytest.mark.parametrize(("change", "expected"), [
    (RenameLabel("gift", "entity"), Refusal.NAME_TAKEN),
    (RenameLabel("gift", "a gift"), Refusal.BAD_NAME),
    (RenameLabel("nothing", "x"), Refusal.UNKNOWN),
])
def test_refused_changes_leave_every_file_byte_identical(root: Path, change: RenameLabel,
                                                         expected: Refusal) -> None:
    before = tree(root)
    with pytest.raises(SchemaError) as info:
        apply_schema_changes(root, [change])
    assert info.value.refusal is expected
    assert tree(root) == before


def test_a_file_that_is_not_json_refuses_the_rename_named(root: Path) -> None:
    broken = root / "annotations" / "sara" / "d.json"
    broken.parent.mkdir()
    broken.write_text('{"spans": [', encoding="utf-8")
    before = tree(root)
    with pytest.raises(AnnotatorError) as info:
        apply_schema_changes(root, [RenameLabel("gift", "هدية")])
    assert info.value.problem.file == str(broken)
    assert tree(root) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_refuses_the_rename_named(root: Path) -> None:
    locked = root / "gold" / "d.json"
    locked.chmod(0)
    try:
        before = tree(root / "annotations")
        with pytest.raises(AnnotatorError) as info:
            apply_schema_changes(root, [RenameLabel("gift", "هدية")])
        assert info.value.problem.code == "unreadable"
        assert info.value.problem.file == str(locked)
        assert tree(root / "annotations") == before
    finally:
        locked.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_where_a_file_belongs_refuses_the_rename_named(root: Path) -> None:
    fifo = root / "annotations" / "amal" / "e.json"
    os.mkfifo(fifo)
    before = tree(root / "gold")
    with pytest.raises(AnnotatorError) as info:  # and it never waits on the FIFO
        apply_schema_changes(root, [RenameLabel("gift", "هدية")])
    assert info.value.problem.file == str(fifo)
    assert tree(root / "gold") == before and open_project(root).label("gift") is not None


def test_a_file_changed_after_reading_is_a_conflict(root: Path) -> None:
    plan = plan_schema_changes(root, [RenameLabel("gift", "هدية")])
    gold = root / "gold" / "d.json"
    gold.write_bytes(gold.read_bytes() + b"\n")  # another process saved it meanwhile
    before = tree(root)
    with pytest.raises(ConflictError) as info:
        commit_schema_plan(plan)
    assert info.value.problem.code == "conflict" and info.value.problem.file == str(gold)
    assert tree(root) == before


def test_project_json_changed_since_shown_is_a_conflict(root: Path) -> None:
    shown = project_fingerprint(root)
    apply_schema_changes(root, [AddLabel("person")])  # someone else, meanwhile
    before = tree(root)
    with pytest.raises(ConflictError) as info:
        apply_schema_changes(root, [RenameLabel("gift", "هدية")], expected_project=shown)
    assert info.value.problem.file == str(root / "project.json")
    assert tree(root) == before


def test_a_failure_while_writing_puts_every_file_back(root: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Crash-safety-ish: the third rename of the commit fails; the first two are rolled back."""
    before = tree(root)
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name.endswith(".json") and Path(src).parent.name == "new":
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(transaction.os, "replace", failing_replace)
    with pytest.raises(WriteError):
        apply_schema_changes(root, [RenameLabel("gift", "هدية")])
    monkeypatch.undo()
    assert calls["n"] == 3
    assert tree(root) == before
    assert not (root / transaction.JOURNAL).exists()


def test_a_rename_that_would_merge_spans_is_refused_naming_the_file(root: Path) -> None:
    """A file already holding a span of an unknown label "person" where it has "meeting"."""
    path = root / "annotations" / "omar" / "e.json"
    raw = load(path)
    raw["spans"].append({"id": "T2", "start": 0, "end": 6, "label": "person",  # type: ignore[attr-defined]
                         "text": "اجتماع"})
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    before = tree(root)
    with pytest.raises(SchemaError) as info:
        apply_schema_changes(root, [RenameLabel("meeting", "person")])
    assert info.value.refusal is Refusal.NAME_TAKEN and info.value.problem.file == str(path)
    assert tree(root) == before


def test_swapping_two_names_in_one_step(root: Path) -> None:
    apply_schema_changes(root, [RenameLabel("meeting", "tmp"), RenameLabel("entity", "meeting"),
                                RenameLabel("tmp", "entity")])
    amal = load(root / "annotations" / "amal" / "d.json")
    assert [s["label"] for s in amal["spans"]] == ["meeting", "gift"]  # type: ignore[index, union-attr]
    omar = load(root / "annotations" / "omar" / "e.json")
    assert omar["spans"][0]["label"] == "entity"  # type: ignore[index]
