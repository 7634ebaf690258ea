"""Each document keeps its undo history while the window is open, as long as it fits the file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.project import Project
from annotator.io.standoff import serialize_annotations
from annotator.ui.main_window import MainWindow
from annotator.ui.undo import UndoHistory
from tests.ui.conftest import SHORT, VISIT, press_save, read_json

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _label(qtbot: QtBot, window: MainWindow, text: str, word: str, key: str) -> None:
    start = text.index(word)
    window.view.select_range(start, start + len(word))
    qtbot.keyClick(window.view, key)


def test_undo_reaches_back_into_a_document_left_and_reopened(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window("a-visit")
    _label(qtbot, window, VISIT, "فلاديفوستوك", "1")
    _label(qtbot, window, VISIT, "المحطة", "3")
    path = window.workspace.session.path  # type: ignore[union-attr]
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # leaving saves a-visit
    assert window.workspace.session is not None and window.workspace.session.doc_id == "b-crlf"
    assert not window.registry["edit.undo"].isEnabled()  # b-crlf has no history yet
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.workspace.session.doc_id == "a-visit"
    assert window.registry["edit.undo"].isEnabled()
    assert window.status_line.state("saved") == "saved"  # the saved state: the file on disk
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in window.workspace.session.aset.spans()] == ["فلاديفوستوك"]
    assert window.status_line.state("saved") == "unsaved"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: back to what is saved
    assert window.status_line.state("saved") == "saved"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(window.workspace.session.aset) == 0
    press_save(qtbot, window)
    assert read_json(path)["spans"] == []
    assert not window.registry["edit.undo"].isEnabled()


def test_a_file_changed_on_disk_meanwhile_drops_that_documents_history(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    window = make_window("c-short")
    _label(qtbot, window, SHORT, "القطار", "1")
    assert window.workspace.open_document("a-visit")
    theirs = AnnotationSet("c-short", SHORT, "tester", project.label_names, "in_progress")
    start = SHORT.index("الضيف")
    AddSpan(theirs.make_span(start, start + len("الضيف"), "entity")).apply(theirs)
    path = project.annotation_path("c-short", "tester")
    data = serialize_annotations(theirs)
    path.write_bytes(data)  # someone else saves c-short meanwhile
    assert window.workspace.open_document("c-short")
    assert [s.text for s in window.workspace.session.aset.spans()] == ["الضيف"]  # type: ignore[union-attr]
    assert not window.registry["edit.undo"].isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # nothing stale to undo
    assert [s.text for s in window.workspace.session.aset.spans()] == ["الضيف"]  # type: ignore[union-attr]
    window.close()
    assert path.read_bytes() == data


def test_history_keeps_the_last_documents_and_only_matching_files(qtbot: QtBot) -> None:
    owner = QObject()
    history = UndoHistory(owner, limit=2)
    stacks = {}
    for doc_id in ("d1", "d2", "d3"):
        stack = history.new_stack()
        stack.push(QUndoCommand("an edit"))
        stacks[doc_id] = stack
        history.keep("amal", doc_id, stack, f"file-{doc_id}", "text")
    assert history.kept() == [("amal", "d2"), ("amal", "d3")]  # d1, the oldest, is gone
    assert history.take("amal", "d1", "file-d1", "text") is None
    assert history.take("amal", "d3", "file-d3", "other text") is None  # the text changed
    assert history.take("amal", "d2", "file-d2", "text") is stacks["d2"]
    assert history.kept() == []
    empty = history.new_stack()
    history.keep("amal", "d4", empty, "file-d4", "text")  # nothing to undo: not kept
    assert history.kept() == []

