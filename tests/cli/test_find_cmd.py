"""annotator find: matches as lines or JSON; --label adds the missing spans, conflict-checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.resources_path import resource_path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "a.txt").write_text("وصل كيمُ إلى موسكو ولكيم هدية\n", encoding="utf-8")
    (root / "documents" / "b.txt").write_text("قال كيم: شكرا لبوتين\r\nوكيم سعيد\n",
                                             encoding="utf-8")
    return root


def test_find_prints_matches_without_proclitics(project: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(project), "كيم", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    texts = {d.stem: d.read_bytes().decode("utf-8") for d in (project / "documents").iterdir()}
    assert [(m["doc"], m["text"]) for m in result["matches"]] == [
        ("a", "كيمُ"), ("a", "كيم"), ("b", "كيم"), ("b", "كيم")]
    for m in result["matches"]:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_label_all_adds_only_missing_spans(project: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(project), "كيم", "--label", "entity", "--annotator", "amal",
                 "--dry-run"]) == 0
    assert "would add 4 span(s) in 2 file(s)" in capsys.readouterr().out
    assert not (project / "annotations").exists()
    assert main(["find", str(project), "كيم", "--label", "entity", "--annotator", "amal",
                 "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first["added"]) == 4 and first["files"] == 2
    assert main(["find", str(project), "كيم", "--label", "entity", "--annotator", "amal"]) == 0
    assert "added 0 span(s) in 0 file(s)" in capsys.readouterr().out
    assert main(["validate", str(project)]) == 0


def test_usage_mistakes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(project), "كيم", "--label", "entity"]) == 2
    assert main(["find", str(project), "كيم", "--label", "nope", "--annotator", "a"]) == 2
    assert main(["find", str(project), "كيم", "--doc", "missing"]) == 2
    capsys.readouterr()


def test_the_sample_project_has_matches(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(resource_path("sample"), tmp_path / "s")
    assert main(["find", str(tmp_path / "s"), "كيم", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["matches"]) >= 5
