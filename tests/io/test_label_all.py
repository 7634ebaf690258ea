"""Finding and labelling every match (shared by ``annotator find`` and the window), and the
known forms snapping uses (the user's and gold's files only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core.annotations import AnnotationSet
from annotator.core.arabic import normalized
from annotator.core.edits import AddSpan
from annotator.core.project import GOLD
from annotator.io import store
from annotator.io.known_forms import KnownForms
from annotator.io.label_all import (
    Match,
    additions,
    find_in_project,
    label_all,
    label_file,
)
from annotator.io.project_file import open_project
from annotator.io.store import stamped_bytes

TEXTS = {"a": "وصل كيمُ إلى موسكو ولكيم هدية", "b": "قال كيم: شكرا لبوتين"}
LABELS = frozenset({"entity", "gift", "meeting"})


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    for doc_id, text in TEXTS.items():
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return root


def _write(root: Path, annotator: str, doc_id: str, spans: list[tuple[int, int, str]],
           status: str = "in_progress") -> None:
    aset = AnnotationSet(doc_id, TEXTS[doc_id], annotator, LABELS)
    for start, end, label in spans:
        AddSpan(aset.make_span(start, end, label)).apply(aset)
    aset._set_status(status)  # type: ignore[arg-type]
    folder = root / (GOLD if annotator == GOLD else f"annotations/{annotator}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc_id}.json").write_bytes(stamped_bytes(aset))


def test_find_in_project_and_fresh_ids(root: Path) -> None:
    project = open_project(root)
    found = find_in_project(project, "كيم")
    assert [(m.doc, m.text) for m in found] == [("a", "كيمُ"), ("a", "كيم"), ("b", "كيم")]
    aset = AnnotationSet("a", TEXTS["a"], "amal", LABELS)
    AddSpan(aset.make_span(4, 8, "entity")).apply(aset)
    spans = additions(aset, [(m.start, m.end) for m in found if m.doc == "a"], "entity")
    assert [(s.id, s.text) for s in spans] == [("T2", "كيم")]  # the first is labelled already


def test_label_file_reopens_saves_once_and_says_what_it_cannot(root: Path) -> None:
    project = open_project(root)
    _write(root, "amal", "a", [], status="done")
    outcome = label_file(project, "a", "amal", [(4, 8), (21, 24)], "entity", reopen=True)
    assert outcome.problem is None and outcome.reopened and len(outcome.added) == 2
    data = json.loads((root / "annotations/amal/a.json").read_text(encoding="utf-8"))
    assert data["status"] == "in_progress" and len(data["spans"]) == 2
    assert outcome.fingerprint == store.load(project, "a", "amal").fingerprint
    again = label_file(project, "a", "amal", [(4, 8)], "entity")
    assert again.added == [] and again.edit is None  # nothing to add: nothing written
    (root / "annotations/amal/b.json").write_text("{", encoding="utf-8")
    broken = label_file(project, "b", "amal", [(4, 7)], "entity")
    assert broken.problem is not None and broken.added == []
    assert (root / "annotations/amal/b.json").read_text(encoding="utf-8") == "{"


def test_a_file_changed_meanwhile_is_not_overwritten(root: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    project = open_project(root)
    _write(root, "amal", "a", [])
    path = root / "annotations/amal/a.json"
    real_save = store.save

    def racing_save(*args: object, **kwargs: object) -> str:
        path.write_bytes(path.read_bytes().replace(b"in_progress", b"done"))  # someone else
        return real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save", racing_save)
    result = label_all(project, [Match("a", 4, 8, "كيمُ")], "entity", "amal")
    assert result.written == 0 and len(result.problems) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["spans"] == []


def test_known_forms_are_the_persons_and_golds_and_reread_only_when_changed(root: Path) -> None:
    project = open_project(root)
    _write(root, "amal", "a", [(4, 8, "entity")])
    _write(root, "omar", "b", [(15, 20, "entity")])
    _write(root, GOLD, "b", [(4, 7, "entity")])
    known = KnownForms()
    forms = known.refresh(project, "amal")
    assert forms == {normalized("كيمُ"), normalized("كيم")}
    assert normalized("لبوتين") not in forms and "بوتين" not in forms  # omar's
    assert known.refresh(project, "amal", leave_out=root / "annotations/amal/a.json") == {
        normalized("كيم")}
    path = root / "annotations/amal/a.json"
    stamp = path.stat()
    _write(root, "amal", "a", [(12, 18, "gift")])
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000))
    assert normalized("موسكو") in known.refresh(project, "amal")
