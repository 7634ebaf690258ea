"""``project.json``: every rule of FORMAT.md section 2 is checked, with file and field named."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.io.project_file import default_project, open_project, project_problems

LABELS = [{"name": "entity", "color": "#1f77b4", "key": "1"},
          {"name": "gift", "color": "#2ca02c", "key": "2"},
          {"name": "meeting", "color": "#d62728", "key": "3"}]
RELATIONS = [{"name": "giver", "from": ["gift"], "to": ["entity"], "key": "g"},
             {"name": "place", "from": ["meeting"], "to": ["entity"]}]


def schema(**change: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"format": "annotator/project", "version": 1, "name": "p",
                             "labels": json.loads(json.dumps(LABELS)),
                             "relations": json.loads(json.dumps(RELATIONS))}
    value.update(change)
    return value


def problems_of(raw: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    return [(p.code, p.field, p.message) for p in project_problems(raw, "project.json")]


def test_a_valid_schema_has_no_problems() -> None:
    assert problems_of(schema()) == []
    assert problems_of(schema(relations=[])) == []
    raw = schema()
    del raw["relations"]
    assert problems_of(raw) == []
    raw["labels"][2]["attributes"] = [{"name": "kind", "values": ["weapon", "vehicle"]}]
    raw.update(guidelines="docs/guidelines.md", assignments={"amal": ["doc-1"]},
               adjudicator="sara")
    assert problems_of(raw) == []


@pytest.mark.parametrize("version", [True, 1.0, "1", 2, None])
def test_version_must_be_the_integer_1(version: object) -> None:
    assert [(c, f) for c, f, _ in problems_of(schema(version=version))] == [
        ("bad-format", "version")]


def label(index: int, **change: Any) -> dict[str, Any]:
    raw = schema()
    del raw["relations"]  # which name labels: renaming one would be a second problem
    raw["labels"][index].update(change)
    return raw


@pytest.mark.parametrize(("raw", "field", "says"), [
    (label(0, name="two words"), "labels[0]", "white space"),
    (label(0, name="bad\tlabel"), "labels[0]", "white space"),
    (label(0, name="x" * 65), "labels[0]", "65 characters"),
    (label(0, name="zw\u200bj"), "labels[0]", "U+200B"),
    (label(1, name="entity"), "labels[1]", "declared twice"),
    (label(0, key=" "), "labels[0]", "printable"),
    (label(0, key="\u200b"), "labels[0]", "printable"),
    (label(0, key="12"), "labels[0]", "one character"),
    (label(1, key="1"), "labels[1]", "already the key of label 'entity'"),
    (label(0, color="blue"), "labels[0]", "#1f77b4"),
    (label(0, attributes=[{"name": "has space"}]), "labels[0].attributes[0]", "white space"),
    (label(0, attributes=[{"name": "k"}, {"name": "k"}]), "labels[0].attributes[1]",
     "declared twice"),
    (label(0, attributes=[{"name": "k", "values": ["a", 3]}]),
     "labels[0].attributes[0].values", "non-empty strings"),
    (label(0, attributes="kind"), "labels[0].attributes", "must be a list"),
    (schema(relations=[{"name": "two words", "from": ["gift"], "to": ["entity"]}]),
     "relations[0]", "white space"),
    (schema(relations=[*RELATIONS, {"name": "giver", "from": ["gift"], "to": ["entity"]}]),
     "relations[2]", "declared twice"),
    (schema(relations=[{"name": "giver", "from": ["gift"], "to": ["entity"], "key": "1"}]),
     "relations[0]", "already the key of label 'entity'"),
    (schema(relations=[{"name": "giver", "from": ["gift"], "to": ["person"]}]),
     "relations[0].to", "'person'"),
    (schema(relations=[{"name": "giver", "from": "gift", "to": ["entity"]}]),
     "relations[0].from", "non-empty list"),
    (schema(relations={"giver": {}}), "relations", "must be a list"),
    (schema(guidelines="../../etc/passwd"), "guidelines", "inside the project"),
    (schema(guidelines="/etc/passwd"), "guidelines", "inside the project"),
    (schema(guidelines="c:\\x.md"), "guidelines", "inside the project"),
    (schema(assignments={"../x": ["d"]}), "assignments", "annotator name '../x'"),
    (schema(assignments={"amal": ["CON"]}), "assignments", "reserved"),
    (schema(adjudicator=".sara"), "adjudicator", "starts with '.'"),
])
def test_each_rule_is_checked(raw: dict[str, Any], field: str, says: str) -> None:
    problems = problems_of(raw)
    assert len(problems) == 1, problems
    code, where, message = problems[0]
    assert (code, where) == ("bad-project", field) and says in message, message


def test_deep_nesting_is_refused_without_recursion() -> None:
    deep: Any = []
    for _ in range(200):
        deep = [deep]
    assert [c for c, _, _ in problems_of(schema(extra=deep))] == ["too-deep"]


def write(root: Path, raw: object) -> Path:
    root.mkdir(exist_ok=True)
    path = root / "project.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "code"), [
    ('{"format": "annotator/project", "version": 1, "name": "\\udbff x", "labels": []}',
     "bad-string"),
    ('{"format": "annotator/project", "version": NaN, "labels": []}', "bad-number"),
    ('{"format": "annotator/project", "version": ' + "1" * 5000 + ', "labels": []}',
     "bad-number"),
    ('{"x": ' + "[" * 10**5 + "]" * 10**5 + "}", "too-deep"),
])
def test_open_project_refuses_hostile_json(tmp_path: Path, text: str, code: str) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "project.json").write_text(text, encoding="utf-8")
    with pytest.raises(AnnotatorError) as info:
        open_project(tmp_path / "p")
    assert info.value.problem.code == code
    assert info.value.problem.file == str(tmp_path / "p" / "project.json")


def test_open_project_reports_label_problems(tmp_path: Path) -> None:
    write(tmp_path / "p", label(0, name="two words"))
    with pytest.raises(AnnotatorError) as info:
        open_project(tmp_path / "p")
    assert info.value.problem.code == "bad-project" and "white space" in str(info.value)


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and links")
def test_open_project_refuses_a_fifo_or_a_link_outside(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    os.mkfifo(root / "project.json")
    with pytest.raises(AnnotatorError) as info:
        open_project(root)  # returns at once: a FIFO is never opened for a blocking read
    assert info.value.problem.code == "not-regular"
    (root / "project.json").unlink()
    write(tmp_path / "elsewhere", schema())
    (root / "project.json").symlink_to(tmp_path / "elsewhere" / "project.json")
    with pytest.raises(AnnotatorError) as info:
        open_project(root)
    assert info.value.problem.code == "outside-project"


def test_folder_name_that_is_not_utf8_still_makes_a_valid_name(tmp_path: Path) -> None:
    root = tmp_path / os.fsdecode(b"team\xff")
    root.mkdir()
    project = default_project(root)
    assert project.name == "team\ufffd"
    project.name.encode("utf-8")
