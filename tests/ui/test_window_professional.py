"""What professional annotators expect of the window: label names on spans, Help (shortcuts,
About), progress in the status bar, a filtered document list, panels that come back, done
documents reopened by an edit, offsets that read right in Arabic, word steps across line wraps,
and the start-up name prompt offering the project's annotators."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu
from pytestqt.qtbot import QtBot

from annotator import __version__
from annotator.core.edits import AddSpan
from annotator.core.snapping import is_word_char
from annotator.ui import app as app_module
from annotator.ui.app import name_dialog, run_app
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.ui.conftest import VISIT, drag, hit_zone, scripted

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _add(window: MainWindow, word: str, label: str = "entity") -> str:
    session = window.workspace.session
    assert session is not None
    start = VISIT.index(word)
    span = session.aset.make_span(start, start + len(word), label)
    assert session.push(AddSpan(span)) is None
    return span.id


# -- label names -------------------------------------------------------------------------

def test_ctrl_shift_l_shows_label_names_over_spans(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view = window.view
    _add(window, "كيم جونغ أون")
    block = view.document().firstBlock()
    before_height = view.blockBoundingRect(block).height()
    before = view.viewport().grab().toImage()
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL | SHIFT)
    assert window.registry["view.label_names"].isChecked() and view.show_label_names
    view.viewport().repaint()
    lines = block.layout().lineCount()
    space = view.tag_space()
    assert space > 0
    assert view.blockBoundingRect(block).height() == pytest.approx(
        before_height + lines * space, abs=lines * 2)
    assert view.viewport().grab().toImage() != before
    # hit-testing follows the moved lines: a drag still selects exactly the word
    window.registry["annotate.snap"].setChecked(False)
    start = VISIT.index("فلاديفوستوك")
    drag(qtbot, view, hit_zone(view, start), hit_zone(view, start + len("فلاديفوستوك")))
    assert view.selection_range() == (start, start + len("فلاديفوستوك"))
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL | SHIFT)
    view.viewport().repaint()
    assert not view.show_label_names
    assert view.blockBoundingRect(block).height() == pytest.approx(before_height)


def test_span_tooltips_set_their_offsets_left_to_right(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    _add(window, "كيم جونغ أون")
    start = VISIT.index("كيم جونغ أون")
    (line,) = window.view.tooltip_lines(start + 1)
    assert f"\u2066[{start}–{start + 12}]\u2069" in line


# -- help ----------------------------------------------------------------------------------

def test_f1_lists_every_command_of_the_registry_with_its_keys(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.help.shortcuts_dialog
    assert dialog is not None and dialog.objectName() == "shortcuts-dialog"
    qtbot.waitExposed(dialog)
    expected = [name for name, spec in window.registry.specs.items() if not spec.submenu]
    assert dialog.model.names() == expected
    assert "label.entity" in expected  # the project's label keys too
    assert dialog.model.keys_of("span.clitic") == "Ctrl+Shift+X"
    assert dialog.model.keys_of("find.open") == "Ctrl+F"
    assert dialog.model.keys_of("annotate.snap") == "F9"
    qtbot.keyClicks(dialog.filter, "F3")
    assert set(dialog.shown_names()) == {"find.next", "find.previous"}
    dialog.close()


def test_about_names_annotators_qts_and_pysides_versions(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.registry["help.about"].trigger()
    dialog = window.help.about_dialog
    assert dialog is not None and dialog.objectName() == "about-dialog"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for version in (__version__, qVersion(), PySide6.__version__):
        assert version in shown
    assert "MIT" in dialog.findChild(QLabel, "about-licence").text()  # type: ignore[union-attr]
    dialog.close()


def test_help_and_view_menus(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    help_menu = window.menuBar().findChild(QMenu, "help-menu")
    assert help_menu is not None
    assert [a.objectName() for a in help_menu.actions()] == ["help.shortcuts", "help.about"]


def test_view_panels_reopen_closed_docks(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    panels = window.registry.submenu("view.panels")
    for name in ("documents-dock", "spans-dock"):
        dock = window.findChild(QDockWidget, name)
        assert dock is not None
        dock.close()
        assert not dock.isVisible()
        (entry,) = [a for a in panels.actions() if a is dock.toggleViewAction()]
        assert not entry.isChecked()
        entry.trigger()
        assert dock.isVisible()
    view_menu = window.menuBar().findChild(QMenu, "view-menu")
    assert view_menu is not None and panels.menuAction() in view_menu.actions()


# -- progress, the document list -----------------------------------------------------------

def test_progress_done_of_total_in_the_status_bar(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    status = window.status_line
    qtbot.waitUntil(lambda: status.state("progress") == "0/3")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # mark done
    qtbot.waitUntil(lambda: status.state("progress") == "1/3")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: status.state("progress") == "0/3")


def test_the_document_list_filters_by_status_and_text(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window("a-visit")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # a-visit done
    bar, table = window.document_filter, window.documents.table

    def shown() -> list[str]:
        model = table.model()
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: len(shown()) == 3)
    bar.status.setCurrentIndex(bar.status.findData("done"))
    assert shown() == ["a-visit"]
    bar.status.setCurrentIndex(bar.status.findData("not_done"))
    assert shown() == ["b-crlf", "c-short"]
    bar.text.setText("CRLF")  # case ignored
    assert shown() == ["b-crlf"]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)  # the filtered row opens its own document
    session = window.workspace.session
    assert session is not None and session.doc_id == "b-crlf"
    bar.status.setCurrentIndex(bar.status.findData(""))
    bar.text.clear()
    assert shown() == ["a-visit", "b-crlf", "c-short"]
    assert table.currentIndex().row() == 1  # the open document's row


def test_editing_a_done_document_reopens_it_in_one_undo_step(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view, session = window.view, window.workspace.session
    assert session is not None
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert session.aset.status == "done"
    start = VISIT.index("فلاديفوستوك")
    view.select_range(start, start + 3)
    qtbot.keyClick(view, "2")
    assert session.aset.status == "in_progress" and len(session.aset) == 1
    assert scripted(window).last == "reopened"
    assert window.status_line.state("document") == "in_progress"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the span and the reopening, together
    assert session.aset.status == "done" and len(session.aset) == 0


# -- word steps across line wraps ------------------------------------------------------------

@pytest.mark.parametrize("names", [False, True])
def test_ctrl_shift_left_stops_at_each_word_across_line_wraps(
        qtbot: QtBot, make_window: Callable[..., MainWindow], names: bool) -> None:
    window = make_window()
    view = window.view
    window.registry["view.label_names"].setChecked(names)
    view.set_font_size(48)  # the first paragraph wraps over several lines
    view.viewport().repaint()
    assert view.document().firstBlock().layout().lineCount() >= 3
    paragraph_end = VISIT.index("\n")
    starts = [i for i in range(1, paragraph_end)
              if is_word_char(VISIT[i]) and not is_word_char(VISIT[i - 1])]
    layout = view.document().firstBlock().layout()
    wraps = [layout.lineAt(i).textStart() for i in range(1, layout.lineCount())]
    assert set(wraps) <= set(starts), "the paragraph wraps between words"
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    reached = []
    while view.cursor_offset() < paragraph_end - 1:
        qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)  # forward in right-to-left text
        reached.append(view.cursor_offset())
    assert reached[:-1] == starts  # every word start, across every wrap, none skipped
    assert view.selection_range() == (0, reached[-1])


# -- the name asked at start-up --------------------------------------------------------------

def test_the_name_prompt_offers_the_projects_annotators(
        qapp: QApplication, tmp_path: Path, project_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = name_dialog("?", ["amal", "omar"])
    assert dialog.objectName() == "annotator-name"
    assert dialog.comboBoxItems() == ["amal", "omar"] and dialog.isComboBoxEditable()
    assert dialog.textValue() == ""  # nobody's name is taken by pressing Enter
    dialog.deleteLater()
    (project_dir / "annotations" / "amal").mkdir(parents=True)
    (project_dir / "annotations" / "omar").mkdir()
    offered: list[list[str]] = []

    def ask(existing: list[str]) -> None:
        offered.append(list(existing))
        return None

    monkeypatch.setattr(app_module, "ask_name", ask)
    assert run_app(project_dir, settings=Settings.at(str(tmp_path / "s.ini")),
                   language="en") == 1  # cancelled: nothing opened
    assert offered == [["amal", "omar"]]
