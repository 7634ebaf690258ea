"""Relation types of the project: validate names a relation of an unknown type or with ends
that do not fit (file and relation id); init writes the default types; a project.json
without relation types accepts any."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.project import DEFAULT_RELATION_TYPES

TEXT = "قدّم كيم بندقية لبوتين\n"


def project_with(tmp_path: Path, relations: list[dict[str, str]],
                 with_types: bool = True) -> Path:
    root = tmp_path / "p"
    assert main(["init", str(root)]) == 0
    (root / "documents" / "d.txt").write_text(TEXT, encoding="utf-8")
    if not with_types:
        raw = json.loads((root / "project.json").read_text("utf-8"))
        del raw["relations"]
        (root / "project.json").write_text(json.dumps(raw), encoding="utf-8")
    from annotator.api import open_project

    project = open_project(root)
    work = project.load("amal", "d")
    gift, giver = work.add_span(9, 15, "gift"), work.add_span(5, 8, "entity")
    project.save(work)
    path = root / "annotations" / "amal" / "d.json"
    raw = json.loads(path.read_text("utf-8"))
    raw["relations"] = [{"id": f"R{i + 1}", "from": gift, "to": giver, **r}
                        for i, r in enumerate(relations)]
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return root


def test_init_writes_the_default_relation_types(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "p")]) == 0
    raw = json.loads((tmp_path / "p" / "project.json").read_text("utf-8"))
    assert [r["name"] for r in raw["relations"]] == [r["name"] for r in DEFAULT_RELATION_TYPES]


def test_a_fitting_relation_is_valid(tmp_path: Path) -> None:
    assert main(["validate", str(project_with(tmp_path, [{"type": "giver"}]))]) == 0


@pytest.mark.parametrize("relation, field", [({"type": "owns"}, "owns"),
                                             ({"type": "participant"}, "participant")])
def test_unknown_types_and_unfitting_ends_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], relation: dict[str, str],
        field: str) -> None:
    root = project_with(tmp_path, [relation])
    capsys.readouterr()
    assert main(["validate", str(root), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["span"]) for p in problems] == [("bad-relation", "R1")]
    assert problems[0]["file"].endswith("d.json") and field in problems[0]["message"]


def test_without_relation_types_any_type_is_accepted(tmp_path: Path) -> None:
    root = project_with(tmp_path, [{"type": "owns"}], with_types=False)
    assert main(["validate", str(root)]) == 0
