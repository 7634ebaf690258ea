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
from tests.ui.conftest import discard, new_window, scripted

CTRL = Qt.KeyboardModifier.ControlModifier


def _tooltip(window: MainWindow, doc_id: str) -> str:
    row = window.documents.model.row_of(doc_id)
    assert row is not None
    index = window.documents.model.index(row, DocumentListModel.COL_STATUS)
    return str(window.documents.model.data(index, Qt.ItemDataRole.ToolTipRole))


def test_a_malformed_annotation_file_is_an_error_never_a_blank_document(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    path = project.annotation_path("b-crlf", "tester")
    path.parent.mkdir(parents=True)
    broken = b'{"format": "annotator/standoff", "spans": [\n'
    path.write_bytes(broken)
    window = make_window("a-visit")
    feedback = scripted(window)
    assert window.documents.model.status_of("b-crlf") == "error"
    assert "b-crlf.json" in _tooltip(window, "b-crlf") and "malformed-json" in \
        _tooltip(window, "b-crlf")
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # to b-crlf
    assert window.workspace.session is None and window.workspace.current_doc_id == "b-crlf"
    assert feedback.asked == [], "explained in the window, not in a dialog to click away"
    assert not window.view.isVisible()
    banner = window.article.broken_banner
    assert banner.isVisible()
    assert banner.code == "malformed-json" and str(path) in banner.text
    assert "invalid JSON at line 2" in banner.text  # the reader's own message
    assert window.status_line.labels["document"].text().startswith("b-crlf (2/3)")
    assert window.status_line.state("document") == "cannot-open"
    assert window.status_line.state("saved") == "not-opened"
    assert "b-crlf" in window.windowTitle()
    # keys do nothing to it; saving says so; leaving it and coming back is fine
    qtbot.keyClick(window.documents.table, "2")
    qtbot.keyClick(window.documents.table, Qt.Key.Key_S, CTRL)
    assert feedback.last == "nothing-saved" and "b-crlf" in feedback.said[-1].message
    qtbot.keyClick(window.documents.table, Qt.Key.Key_PageDown, CTRL)
    assert window.workspace.session is not None and window.workspace.session.doc_id == "c-short"
    assert window.view.isVisible() and not banner.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.workspace.current_doc_id == "b-crlf" and banner.isVisible()
    window.close()
    assert path.read_bytes() == broken, "the broken file is never written"
    assert window.documents.model.span_count("a-visit") == 1  # the work before it was saved
    # once fixed (here: moved away), "Try again" opens it
    path.unlink()
    banner.buttons["try-again"].click()
    assert window.workspace.session is not None and window.workspace.session.doc_id == "b-crlf"
    assert window.documents.model.status_of("b-crlf") == "new"
    assert window.article.stack.currentWidget() is window.view
    discard(window)


def test_a_document_that_is_not_utf8_is_marked_and_explained(
        qtbot: QtBot, project_dir: Path, settings: Settings) -> None:
    (project_dir / "documents" / "d-latin1.txt").write_bytes("Café بيروت".encode("latin-1",
                                                                                  "replace"))
    project = open_project(project_dir)
    window = new_window(project, "tester", settings, "d-latin1")  # at start-up
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.documents.model.status_of("d-latin1") == "error"
    assert "not valid UTF-8 at byte 3" in _tooltip(window, "d-latin1")
    assert window.workspace.session is None and window.article.broken_banner.isVisible()
    assert window.article.broken_banner.code == "invalid-utf8"
    assert "d-latin1.txt" in window.article.broken_banner.text
    assert window.status_line.labels["document"].text().startswith("d-latin1 (4/4)")
    assert not window.registry["edit.undo"].isEnabled()
    window.close()
    assert not project.annotation_path("d-latin1", "tester").exists()
