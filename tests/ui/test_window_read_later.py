"""A big annotation file is read on a worker once its text is shown: the window meanwhile.

The size that sends a file to a worker is lowered to one byte, and the worker
waits at a gate the test opens, so every state in between can be looked at.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.arabic import known_form
from annotator.core.edits import AddSpan
from annotator.core.project import Project
from annotator.io import known_forms, store
from annotator.io.atomic import ABSENT
from annotator.ui import workspace as workspace_module
from annotator.ui.main_window import MainWindow
from annotator.ui.models import documents as documents_module
from tests.ui.conftest import DOCS, SHORT, VISIT, scripted

GIFT = "سترةً"  # a word of VISIT


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every annotation file is read later, by a worker that waits for the gate to open."""
    opened = threading.Event()
    reading = workspace_module.LoadingDocument.read

    def read_at_the_gate(self: workspace_module.LoadingDocument, project: Project) -> None:
        opened.wait(10)
        reading(self, project)

    monkeypatch.setattr(workspace_module, "READ_LATER_BYTES", 1)
    monkeypatch.setattr(workspace_module.LoadingDocument, "read", read_at_the_gate)
    yield opened
    opened.set()
    QThreadPool.globalInstance().waitForDone(10_000)


def save_spans(project: Project, doc_id: str, words: list[str]) -> Path:
    text = DOCS[doc_id]
    aset = AnnotationSet(doc_id, text, "tester", project.label_names)
    for word in words:
        start = text.index(word)
        AddSpan(aset.make_span(start, start + len(word), "gift")).apply(aset)
    store.save(project, aset, ABSENT)
    return project.annotation_path(doc_id, "tester")


def finish(qtbot: QtBot, window: MainWindow, gate: threading.Event) -> None:
    gate.set()
    assert window.workspace.wait_until_read(10_000)


def test_the_text_is_shown_at_once_and_nothing_changes_until_the_spans_are_read(
        qtbot: QtBot, project: Project, gate: threading.Event,
        make_window: Callable[..., MainWindow]) -> None:
    path = save_spans(project, "a-visit", [GIFT, "فلاديفوستوك"])
    before = path.read_bytes()
    window = make_window("a-visit")
    ws = window.workspace
    assert ws.session is None and ws.loading is not None and ws.loading.doc_id == "a-visit"
    assert ws.current_doc_id == "a-visit"
    assert window.view.text == VISIT
    assert window.status_line.state("document") == "reading"
    assert window.status_line.state("saved") == "reading"
    assert window.spans.model.rowCount() == 0
    # read-only meanwhile: labelling does nothing, the file is not touched
    start = VISIT.index("الزعيم")
    window.view.select_range(start, start + len("الزعيم"))
    window.annotating.apply_label("entity")
    assert scripted(window).last == "reading-spans"  # said, not silently dropped
    for key, modifier in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)):
        said = len(scripted(window).said)
        qtbot.keyClick(window.view, key, modifier)
        assert scripted(window).codes[said:] == ["reading-spans"], key
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing
    assert "no-document" not in scripted(window).codes  # it is open, being read
    assert "no-span-selected" not in scripted(window).codes
    assert ws.session is None and path.read_bytes() == before
    window.view.set_cursor_offset(120)  # the user reads on meanwhile

    finish(qtbot, window, gate)
    session = ws.session
    assert session is not None and session.doc_id == "a-visit"
    assert sorted(span.text for span in session.aset) == sorted([GIFT, "فلاديفوستوك"])
    assert window.spans.model.rowCount() == 2
    assert window.view.text is session.text  # not set again: where the user was stays
    assert window.view.cursor_offset() == 120
    assert window.status_line.state("document") == session.aset.status
    assert known_form(GIFT) in window.known  # the document's forms count once it is open
    # and it is an open document like any other
    start = VISIT.index("الزعيم")
    window.view.select_range(start, start + len("الزعيم"))
    window.annotating.apply_label("entity")
    assert len(session.aset) == 3
    assert session.save() and store.load(project, "a-visit", "tester").annotations.find(
        start, start + len("الزعيم"), "entity") is not None


def test_the_known_forms_do_not_read_the_file_being_read(
        qtbot: QtBot, project: Project, gate: threading.Event, monkeypatch: pytest.MonkeyPatch,
        make_window: Callable[..., MainWindow]) -> None:
    path = save_spans(project, "a-visit", [GIFT])
    save_spans(project, "b-crlf", ["بوتين"])
    read: list[Path] = []
    reading = known_forms.read_entry

    def recording(where: Path, root: Path, kept: known_forms.FileEntry | None = None
                  ) -> known_forms.FileEntry | None:
        read.append(where)
        return reading(where, root, kept)

    monkeypatch.setattr(known_forms, "read_entry", recording)
    window = make_window("a-visit")
    assert "بوتين" in window.known  # the files were read, while a-visit's was being read
    assert path not in read  # ...without it: the session counts its spans once open
    finish(qtbot, window, gate)
    assert known_form(GIFT) in window.known and path not in read


def test_the_document_list_leaves_the_file_being_read_to_the_window(
        qtbot: QtBot, project: Project, gate: threading.Event, monkeypatch: pytest.MonkeyPatch,
        make_window: Callable[..., MainWindow]) -> None:
    save_spans(project, "a-visit", [GIFT, "فلاديفوستوك"])
    save_spans(project, "b-crlf", ["بوتين"])
    monkeypatch.setattr(documents_module, "SYNC_BYTES", 0)  # the list reads on a worker
    read: list[str] = []
    reading = store.ListReader.entry

    def recording(self: store.ListReader, doc_id: str, stamp: store.RowStamp
                  ) -> store.ListEntry:
        read.append(doc_id)
        return reading(self, doc_id, stamp)

    monkeypatch.setattr(store.ListReader, "entry", recording)
    window = make_window("a-visit")
    model = window.documents.model
    assert model.wait()
    assert "b-crlf" in read and "a-visit" not in read  # the worker would read it twice
    finish(qtbot, window, gate)
    assert model.span_count("a-visit") == 2  # set by the window from the open session
    assert model.span_count("b-crlf") == 1


def test_a_document_left_while_its_file_is_read_stays_left(
        qtbot: QtBot, project: Project, gate: threading.Event,
        make_window: Callable[..., MainWindow]) -> None:
    save_spans(project, "a-visit", [GIFT])
    window = make_window("a-visit")
    ws = window.workspace
    assert ws.loading is not None
    assert ws.open_document("c-short")  # no file: opened at once
    session = ws.session
    assert session is not None and session.doc_id == "c-short" and ws.loading is None
    gate.set()  # the first read ends now, and is dropped
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert ws.session is session and window.view.text == SHORT
    assert window.spans.model.rowCount() == 0


def test_opening_the_same_document_again_while_it_is_read_waits_for_that_read(
        qtbot: QtBot, project: Project, gate: threading.Event,
        make_window: Callable[..., MainWindow]) -> None:
    save_spans(project, "a-visit", [GIFT])
    window = make_window("a-visit")
    loading = window.workspace.loading
    assert loading is not None and window.workspace.open_document("a-visit")
    assert window.workspace.loading is loading  # not read twice
    finish(qtbot, window, gate)
    assert window.workspace.session is not None and len(window.workspace.session.aset) == 1


def test_a_file_that_is_not_json_is_shown_as_impossible_to_open_after_the_read(
        qtbot: QtBot, project: Project, gate: threading.Event,
        make_window: Callable[..., MainWindow]) -> None:
    path = project.annotation_path("a-visit", "tester")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'{"spans": [')
    window = make_window("a-visit")
    assert window.workspace.loading is not None
    finish(qtbot, window, gate)
    ws = window.workspace
    assert ws.session is None and ws.broken is not None and ws.broken[0] == "a-visit"
    assert window.article.stack.currentWidget() is window.article.broken_page
    assert window.status_line.state("document") == "cannot-open"
    assert path.read_bytes() == b'{"spans": ['


def test_closing_the_window_while_a_file_is_read(
        qtbot: QtBot, project: Project, gate: threading.Event,
        make_window: Callable[..., MainWindow]) -> None:
    path = save_spans(project, "a-visit", [GIFT])
    before = path.read_bytes()
    window = make_window("a-visit")
    assert window.workspace.loading is not None
    window.close()
    gate.set()
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the read's delivery, if any, finds nothing waiting for it
    assert path.read_bytes() == before


def test_a_small_file_is_read_before_anything_is_shown(
        qtbot: QtBot, project: Project, monkeypatch: pytest.MonkeyPatch,
        make_window: Callable[..., MainWindow]) -> None:
    save_spans(project, "a-visit", [GIFT])
    size = project.annotation_path("a-visit", "tester").stat().st_size
    monkeypatch.setattr(workspace_module, "READ_LATER_BYTES", size + 1)
    window = make_window("a-visit")
    assert window.workspace.loading is None
    assert window.workspace.session is not None and len(window.workspace.session.aset) == 1


def test_a_document_comes_back_where_it_was_left(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    window = make_window("a-visit")
    ws, view = window.workspace, window.view
    view.set_cursor_offset(150)
    assert ws.open_document("c-short")
    assert view.cursor_offset() == 0  # a document not seen yet starts at its start
    view.set_cursor_offset(10)
    assert ws.open_document("a-visit")
    assert view.cursor_offset() == 150
    assert ws.open_document("c-short") and view.cursor_offset() == 10
