"""The document list of a big project: rows shown at once, read on a worker, kept exact.

A project bigger than ``SYNC_ROWS`` is read on a worker thread; these tests make
every project "big" (``SYNC_ROWS = 0``) so the small fixture project takes that
path, and check each cache and index the list keeps: the rows' stamps (a file
changed behind the window's back is read again, an unchanged one is not), the
versions (a read made before the window set a row never overwrites it), the
open document's row (the window's), the row index by id, the counts by status,
and the rows on screen read first.
"""

from __future__ import annotations

import json
import os
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io import store
from annotator.io.project_file import open_project
from annotator.ui.models import documents
from annotator.ui.models.documents import NOT_READ, DocumentListModel
from tests.ui.conftest import DOCS

STATUS = DocumentListModel.COL_STATUS
SPANS = DocumentListModel.COL_SPANS


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every project is read on the worker, as one of 100,000 documents would be."""
    monkeypatch.setattr(documents, "SYNC_ROWS", 0)


def annotate(project: Project, doc_id: str, status: str, spans: int,
             annotator: str = "tester") -> Path:
    """Write ``annotator``'s file for ``doc_id`` (replaced atomically, like every writer)."""
    text = DOCS[doc_id]
    items = [{"id": f"T{n + 1}", "start": n, "end": n + 1, "label": "entity",
              "text": text[n]} for n in range(spans)]
    path = project.annotation_path(doc_id, annotator)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": "annotator/standoff", "version": 1,
            "document": {"id": doc_id, "sha256": "", "length": len(text)},
            "annotator": annotator, "status": status, "spans": items}
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
    return path


def shown(model: DocumentListModel, doc_id: str) -> tuple[object, object]:
    row = model.row_of(doc_id)
    assert row is not None
    return model.index(row, STATUS).data(), model.index(row, SPANS).data()


def expected(project: Project, annotator: str = "tester") -> dict[str, tuple[str, int]]:
    """What each row must say, read the careful way, one file at a time."""
    found = {}
    for doc_id in project.doc_ids():
        summary = store.summary(project, doc_id, annotator)
        found[doc_id] = (summary.status, summary.spans)
    return found


@pytest.fixture
def model(qapp: QApplication, project: Project) -> Iterator[DocumentListModel]:
    made = DocumentListModel(project, "tester")
    yield made
    made.wait()


def test_a_big_list_shows_its_rows_at_once_and_fills_them_in(
        big: None, qtbot: QtBot, qapp: QApplication, project: Project) -> None:
    annotate(project, "a-visit", "in_progress", 2)
    annotate(project, "c-short", "done", 1)
    model = DocumentListModel(project, "tester")
    # listed at once, nothing read yet: "…", never a guess
    assert model.doc_ids() == list(DOCS)
    assert model.unknown_count() == 3
    assert [shown(model, d) for d in DOCS] == [(NOT_READ, NOT_READ)] * 3
    assert model.status_of("a-visit") is None and model.span_count("a-visit") is None
    qtbot.waitUntil(lambda: model.unknown_count() == 0, timeout=10000)
    assert {d: (model.status_of(d), model.span_count(d)) for d in DOCS} == expected(project)
    assert shown(model, "a-visit") == ("in progress", 2)
    assert model.status_counts() == {"in_progress": 1, "new": 1, "done": 1}


@pytest.mark.parametrize("size", ["small", "big"])
def test_a_file_changed_behind_the_windows_back_is_read_again(
        size: str, qtbot: QtBot, qapp: QApplication, project: Project,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if size == "big":
        monkeypatch.setattr(documents, "SYNC_ROWS", 0)
    model = DocumentListModel(project, "tester")
    assert model.wait()
    assert model.status_of("b-crlf") == "new"
    # replaced atomically (a sync, another instance): the folder watcher sees it
    annotate(project, "b-crlf", "done", 3)
    qtbot.waitUntil(lambda: model.span_count("b-crlf") == 3, timeout=10000)
    assert model.status_of("b-crlf") == "done"
    # rewritten in place (no rename: not every watcher reports it): seen at the next look
    path = project.annotation_path("b-crlf", "tester")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"] = data["spans"][:1]
    with path.open("r+", encoding="utf-8") as handle:
        handle.truncate(0)
        handle.write(json.dumps(data, ensure_ascii=False))
    model.refresh()
    assert model.wait()
    assert model.span_count("b-crlf") == 1
    # removed: a new document again
    path.unlink()
    model.refresh()
    assert model.wait()
    assert (model.status_of("b-crlf"), model.span_count("b-crlf")) == ("new", 0)


def test_an_unchanged_file_is_not_read_again(big: None, model: DocumentListModel,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert model.wait()
    read: list[str] = []
    entry = store.ListReader.entry

    def counting(self: store.ListReader, doc_id: str, stamp: store.RowStamp) -> store.ListEntry:
        read.append(doc_id)
        return entry(self, doc_id, stamp)

    monkeypatch.setattr(store.ListReader, "entry", counting)
    model.refresh()
    assert model.wait()
    assert read == []
    project = model.project
    annotate(project, "c-short", "done", 2)
    model.refresh()
    assert model.wait()
    assert read == ["c-short"]
    # listed again (an import): rows show "…" until looked at, then what was read stands
    model.reload()
    assert model.unknown_count() == 3
    assert model.wait()
    assert read == ["c-short"]
    assert {d: (model.status_of(d), model.span_count(d)) for d in DOCS} == expected(project)


def test_a_read_made_before_the_window_set_the_row_is_dropped(
        big: None, qtbot: QtBot, qapp: QApplication, project: Project,
        monkeypatch: pytest.MonkeyPatch) -> None:
    annotate(project, "a-visit", "in_progress", 2)
    reading, release = threading.Event(), threading.Event()
    entry = store.ListReader.entry

    def slow(self: store.ListReader, doc_id: str, stamp: store.RowStamp) -> store.ListEntry:
        found = entry(self, doc_id, stamp)  # what the file says now...
        if doc_id == "a-visit":
            reading.set()
            release.wait(10)  # ...handed back only after the window changed the row
        return found

    monkeypatch.setattr(store.ListReader, "entry", slow)
    model = DocumentListModel(project, "tester")
    qtbot.waitUntil(reading.is_set, timeout=10000)
    model.update("a-visit", "done", 5)  # the window: the document is open and edited
    release.set()
    assert model.wait()
    assert (model.status_of("a-visit"), model.span_count("a-visit")) == ("done", 5)


def test_the_open_documents_row_is_the_windows_then_the_files(
        big: None, model: DocumentListModel) -> None:
    assert model.wait()
    project = model.project
    model.set_current("a-visit")
    model.update("a-visit", "in_progress", 4)  # unsaved edits
    annotate(project, "a-visit", "done", 1)  # what the file says meanwhile
    model.refresh()
    assert model.wait()
    assert (model.status_of("a-visit"), model.span_count("a-visit")) == ("in_progress", 4)
    model.set_current("b-crlf")  # left: its row is read from the file again
    assert model.wait()
    assert (model.status_of("a-visit"), model.span_count("a-visit")) == ("done", 1)


def test_marking_the_current_document_repaints_two_rows(model: DocumentListModel) -> None:
    changed: list[tuple[int, int]] = []

    def record(top: QModelIndex | QPersistentModelIndex,
               bottom: QModelIndex | QPersistentModelIndex, *_roles: object) -> None:
        changed.append((top.row(), bottom.row()))

    model.dataChanged.connect(record)
    model.set_current("a-visit")
    assert changed == [(0, 0)]
    changed.clear()
    model.set_current("c-short")
    assert sorted(changed) == [(0, 0), (2, 2)]
    font = model.index(2, 0).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None


def test_rows_are_found_by_id_through_every_reload(model: DocumentListModel) -> None:
    ids = [f"doc-{n:03d}" for n in range(50, 0, -3)]
    for doc_ids in (ids, ids[::2], [*ids, "zz"], []):
        model.reload(doc_ids)
        assert model.doc_ids() == doc_ids
        assert all(model.row_of(d) == i and model.doc_id_at(i) == d
                   for i, d in enumerate(doc_ids))
        assert model.row_of("missing") is None


def test_counts_by_status_follow_every_change(model: DocumentListModel) -> None:
    def by_hand() -> dict[str, int]:
        found = Counter(model.status_of(d) for d in model.doc_ids())
        found.pop(None, None)
        return dict(found)

    assert model.status_counts() == by_hand() == {"new": 3}
    model.update("a-visit", "done", 2)
    model.mark_error("b-crlf", "broken")
    assert model.status_counts() == by_hand() == {"done": 1, "error": 1, "new": 1}
    model.reload()  # read again: the files say new
    assert model.status_counts() == by_hand() == {"new": 3}


def test_rows_on_screen_are_read_first(big: None, qapp: QApplication, project: Project,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []
    entry = store.ListReader.entry

    def recording(self: store.ListReader, doc_id: str,
                  stamp: store.RowStamp) -> store.ListEntry:
        order.append(doc_id)
        return entry(self, doc_id, stamp)

    monkeypatch.setattr(store.ListReader, "entry", recording)
    model = DocumentListModel(project, "tester")
    assert model.index(2, 0).data() == "c-short"  # painted while not read yet
    assert model.wait()
    assert order[0] == "c-short" and sorted(order) == sorted(DOCS)


def test_a_reload_drops_what_the_look_before_it_reads(
        big: None, qtbot: QtBot, qapp: QApplication, project: Project,
        monkeypatch: pytest.MonkeyPatch) -> None:
    annotate(project, "a-visit", "done", 2, annotator="amal")
    reading, release = threading.Event(), threading.Event()
    entry = store.ListReader.entry

    def slow(self: store.ListReader, doc_id: str, stamp: store.RowStamp) -> store.ListEntry:
        if self.annotator == "tester":
            reading.set()
            release.wait(10)
        return entry(self, doc_id, stamp)

    monkeypatch.setattr(store.ListReader, "entry", slow)
    model = DocumentListModel(project, "tester")
    qtbot.waitUntil(reading.is_set, timeout=10000)
    model.annotator = "amal"  # review mode: another annotator's files
    model.reload()
    release.set()
    assert model.wait()
    assert (model.status_of("a-visit"), model.span_count("a-visit")) == ("done", 2)
    assert model.status_counts() == {"done": 1, "new": 2}


def test_a_list_gone_while_read_stops_its_worker(big: None, qtbot: QtBot, qapp: QApplication,
                                                  project: Project,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    reading, release = threading.Event(), threading.Event()
    entry = store.ListReader.entry

    def slow(self: store.ListReader, doc_id: str, stamp: store.RowStamp) -> store.ListEntry:
        reading.set()
        release.wait(10)
        return entry(self, doc_id, stamp)

    monkeypatch.setattr(store.ListReader, "entry", slow)
    model = DocumentListModel(project, "tester")
    qtbot.waitUntil(reading.is_set, timeout=10000)
    look = model._look
    assert look is not None
    model.deleteLater()
    qtbot.wait(50)
    release.set()
    assert look.finished.wait(10)  # ended without taking the rest: no one to tell


def test_a_document_added_behind_the_windows_back_is_listed(make_window: object,
                                                            qtbot: QtBot) -> None:
    assert callable(make_window)
    window = make_window("a-visit")
    project = window.workspace.project
    (project.documents_dir / "d-added.txt").write_text("وصل الوفد.", encoding="utf-8")
    qtbot.waitUntil(lambda: "d-added" in window.workspace.doc_ids, timeout=10000)
    model = window.documents.model
    qtbot.waitUntil(lambda: model.status_of("d-added") == "new", timeout=10000)
    assert model.doc_ids() == [*DOCS, "d-added"]
    assert window.workspace.session is not None  # the open document stays open
    assert model.status_of("a-visit") is not None


def test_the_window_steps_through_the_documents_in_list_order(make_window: object) -> None:
    assert callable(make_window)
    window = make_window("a-visit")
    ws = window.workspace
    ws.step_document(1)
    assert ws.current_doc_id == "b-crlf"
    ws.step_document(1)
    ws.step_document(1)  # past the last: stays
    assert ws.current_doc_id == "c-short"
    ws.step_document(-2)
    assert ws.current_doc_id == "a-visit"
    status = window.status_line.labels["document"].text()
    assert "(1/3)" in status


def test_an_annotator_folder_made_later_is_watched(qtbot: QtBot, qapp: QApplication,
                                                  project_dir: Path) -> None:
    project = open_project(project_dir)
    model = DocumentListModel(project, "newcomer")
    assert model.wait()
    annotate(project, "a-visit", "done", 1, annotator="newcomer")  # makes the folder
    qtbot.waitUntil(lambda: model.status_of("a-visit") == "done", timeout=10000)
    annotate(project, "b-crlf", "in_progress", 2, annotator="newcomer")  # inside it
    qtbot.waitUntil(lambda: model.span_count("b-crlf") == 2, timeout=10000)
