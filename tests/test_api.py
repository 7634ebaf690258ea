"""The public API: open, list, load, change, save, with conflicts and bad data as typed errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator import api
from annotator.api import AnnotatorError, ConflictError, open_project

GOLDEN = Path(__file__).resolve().parent / "data" / "golden-project"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "p")
    return tmp_path / "p"


def test_the_readme_example_round_trips(root: Path) -> None:
    project = open_project(root)
    doc_id = project.documents()[0]
    work = project.load("newcomer", doc_id)
    assert work.spans == () and work.text == project.text(doc_id)
    new_id = work.add_span(0, 4, "entity")
    project.save(work)
    saved = json.loads((root / "annotations" / "newcomer" / f"{doc_id}.json").read_text("utf-8"))
    assert [(s["id"], s["start"], s["end"], s["text"]) for s in saved["spans"]] == [
        (new_id, 0, 4, project.text(doc_id)[:4])]
    again = open_project(root).load("newcomer", doc_id)
    assert [s.id for s in again.spans] == [new_id]
    again.remove_span(new_id)
    again.status = "done"
    project.save(again)
    assert open_project(root).load("newcomer", doc_id).spans == ()


def test_saving_over_a_changed_file_is_a_conflict(root: Path) -> None:
    project = open_project(root)
    doc_id = project.documents()[0]
    first, second = project.load("amal", doc_id), project.load("amal", doc_id)
    first.add_span(0, 2, "gift")
    project.save(first)
    second.add_span(1, 3, "gift")
    with pytest.raises(ConflictError) as info:
        project.save(second)
    assert info.value.problem.code == "conflict"
    assert [s.start for s in project.load("amal", doc_id).spans if s.label == "gift"
            and s.end - s.start == 2] == [0]


def test_bad_data_raises_annotator_error_with_problems(root: Path) -> None:
    project = open_project(root)
    doc_id = project.documents()[0]
    work = project.load("amal", doc_id)
    for start, end, label in ((0, 10**6, "entity"), (0, 2, "no-such-label"), (3, 3, "entity")):
        with pytest.raises(AnnotatorError) as info:
            work.add_span(start, end, label)
        assert info.value.problems and info.value.problems[0].code
    with pytest.raises(AnnotatorError):
        work.status = "finished"  # type: ignore[assignment]
    path = root / "annotations" / "amal" / f"{doc_id}.json"
    path.write_text('{"format": "annotator/standoff", "version": true}', encoding="utf-8")
    with pytest.raises(AnnotatorError) as info:
        project.load("amal", doc_id)
    assert {p.code for p in info.value.problems} >= {"bad-format"}
    with pytest.raises(AnnotatorError):
        api.open_project(root / "documents")  # not a project
