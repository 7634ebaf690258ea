"""``annotator validate`` against the schema: span attributes outside their label's attribute
schema (name or value) and relations whose ends do not fit, each named by file and id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.annotations import AnnotationSet
from annotator.core.schema_edit import AddAttribute
from annotator.core.spans import Span
from annotator.io.schema_rename import apply_schema_changes
from annotator.io.standoff import serialize_annotations

TEXT = "أهدى الوزير نظيره مسيّرة صغيرة في لقاء بالعاصمة.\n"


def project(tmp_path: Path, attributes: dict[str, str] | None,
            relation: dict[str, str] | None = None, declare: bool = True) -> tuple[Path, Path]:
    root = tmp_path / "p"
    assert main(["init", str(root)]) == 0
    (root / "documents" / "d.txt").write_text(TEXT, encoding="utf-8")
    if declare:
        apply_schema_changes(root, [AddAttribute("gift", "kind", ("سلاح", "مركبة")),
                                    AddAttribute("gift", "size", ())])
    spans = [Span("T1", 5, 11, "entity", TEXT[5:11]),
             Span("T2", 18, 24, "gift", TEXT[18:24], attributes=attributes),
             Span("T3", 35, 39, "meeting", TEXT[35:39])]
    raw = json.loads(serialize_annotations(AnnotationSet.build("d", TEXT, "amal", spans)))
    if relation is not None:
        raw["relations"] = [{"id": "R1", **relation}]
    path = root / "annotations" / "amal" / "d.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return root, path


def problems(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, str]]]:
    capsys.readouterr()
    status = main(["validate", "--json", str(root)])
    found: list[dict[str, str]] = json.loads(capsys.readouterr().out)["problems"]
    return status, found


@pytest.mark.parametrize("attributes", [{"kind": "مركبة"}, {"kind": "سلاح", "size": "anything"},
                                        None, {}])
def test_attributes_in_the_schema_are_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            attributes: dict[str, str] | None) -> None:
    root, _path = project(tmp_path, attributes)
    assert problems(root, capsys) == (0, [])


@pytest.mark.parametrize(("attributes", "named"), [({"colour": "red"}, "colour"),
                                                    ({"kind": "ملابس"}, "ملابس")])
def test_attributes_outside_the_schema_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], attributes: dict[str, str],
        named: str) -> None:
    root, path = project(tmp_path, attributes)
    status, found = problems(root, capsys)
    assert status == 1
    assert [(p["code"], p["span"], p["file"]) for p in found] == [("bad-attribute", "T2",
                                                                   str(path))]
    assert named in found[0]["message"]
    capsys.readouterr()
    assert main(["validate", str(path)]) == 1  # one file alone too, in words
    assert ": span T2: " in capsys.readouterr().out


def test_a_label_without_an_attribute_schema_accepts_any(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _path = project(tmp_path, {"colour": "red"}, declare=False)
    assert problems(root, capsys) == (0, [])


@pytest.mark.parametrize(("relation", "field"), [
    ({"type": "giver", "from": "T2", "to": "T1"}, None),  # fits: gift -> entity
    ({"type": "owns", "from": "T2", "to": "T1"}, "owns"),  # no such type
    ({"type": "giver", "from": "T3", "to": "T1"}, "T3"),  # from a meeting
    ({"type": "giver", "from": "T2", "to": "T3"}, "T3"),  # to a meeting
])
def test_relations_of_unknown_types_or_unfitting_ends(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], relation: dict[str, str],
        field: str | None) -> None:
    root, path = project(tmp_path, None, relation)
    status, found = problems(root, capsys)
    if field is None:
        assert (status, found) == (0, [])
        return
    assert status == 1
    assert [(p["code"], p["span"], p["file"]) for p in found] == [("bad-relation", "R1",
                                                                   str(path))]
    assert field in found[0]["message"]
