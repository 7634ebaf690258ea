"""Documents that cannot be opened: marked in the list, explained in the view area, untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io.project_file import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier


def _tooltip(window: MainWindow, doc_id: str) -> str:
    row = window.doc_model.row_of(doc_id)
    assert row is not None
    index = window.doc_model.index(row, DocumentListModel.COL_STATUS)
    return str(window.doc_model.data(index, Qt.ItemDataRole.ToolTipRole))


def test_a_malformed_annotation_file_is_an_error_never_a_blank_document(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    path = project.annotation_path("b-crlf", "tester")
    path.parent.mkdir(parents=True)
    broken = b'{"format": "annotator/standoff", "spans": [\n'
    path.write_bytes(broken)
    window = make_window("a-visit")
    asked: list[str] = []
    window.ask = lambda *args: asked.append(args[1]) or "OK"  # type: ignore[method-assign]
    assert window.doc_model.status_of("b-crlf") == "error"
    assert "b-crlf.json" in _tooltip(window, "b-crlf") and "malformed-json" in \
        _tooltip(window, "b-crlf")
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # to b-crlf
    assert window.session is None and window.current_doc_id == "b-crlf"
    assert asked == [], "explained in the window, not in a dialog to click away"
    assert not window.view.isVisible()
    banner = window.broken_banner
    assert banner.isVisible()
    assert "b-crlf cannot be opened" in banner.text and str(path) in banner.text
    assert "invalid JSON at line 2" in banner.text
    assert "Nothing will be written to this file" in banner.text
    assert window.status_labels["document"].text() == "b-crlf (2/3) · cannot be opened"
    assert window.status_labels["saved"].text() == "Not opened: nothing is written"
    assert "b-crlf" in window.windowTitle()
    # keys do nothing to it; saving says so; leaving it and coming back is fine
    qtbot.keyClick(window.doc_table, "2")
    qtbot.keyClick(window.doc_table, Qt.Key.Key_S, CTRL)
    assert window.statusBar().currentMessage().startswith("Nothing saved: b-crlf")
    qtbot.keyClick(window.doc_table, Qt.Key.Key_PageDown, CTRL)
    assert window.session is not None and window.session.doc_id == "c-short"
    assert window.view.isVisible() and not banner.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.current_doc_id == "b-crlf" and banner.isVisible()
    window.close()
    assert path.read_bytes() == broken, "the broken file is never written"
    assert window.doc_model.span_count("a-visit") == 1  # the work before it was saved
    # once fixed (here: moved away), "Try again" opens it
    path.unlink()
    banner.buttons["Try again"].click()
    assert window.session is not None and window.session.doc_id == "b-crlf"
    assert window.doc_model.status_of("b-crlf") == "new"
    assert window.view_stack.currentWidget() is window.view
    window.session.stop()
    window.session = None


def test_a_document_that_is_not_utf8_is_marked_and_explained(
        qtbot: QtBot, project_dir: Path, settings: Settings) -> None:
    (project_dir / "documents" / "d-latin1.txt").write_bytes("Café بيروت".encode("latin-1",
                                                                                  "replace"))
    project = open_project(project_dir)
    window = MainWindow(project, "tester", settings, "d-latin1", autosave_ms=-1)  # at start-up
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.doc_model.status_of("d-latin1") == "error"
    assert "not valid UTF-8 at byte 3" in _tooltip(window, "d-latin1")
    assert window.session is None and window.broken_banner.isVisible()
    assert "d-latin1.txt" in window.broken_banner.text
    assert "UTF-8" in window.broken_banner.text
    assert window.status_labels["document"].text().startswith("d-latin1 (4/4)")
    assert not window.registry["edit.undo"].isEnabled()
    window.close()
    assert not project.annotation_path("d-latin1", "tester").exists()
