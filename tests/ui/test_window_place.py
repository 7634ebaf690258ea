"""Keeping the annotator's place: edits, undo and redo never scroll the view or move the cursor;
the span table follows the view, never the other way round."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

LONG = ("وصل الزعيم كيم إلى المدينة.\n"
        + "\n".join(f"فقرة رقم {n} لا شيء فيها سوى كلمات تملأ الصفحة وتطيلها." for n in range(300))
        + "\nوفي النهاية قدّم له الحاكم وسترةً واقية من الرصاص.")


def _scrolled_to_the_end(qtbot: QtBot, make_window: Callable[..., MainWindow],
                         project_dir: Path) -> tuple[MainWindow, str, str]:
    """A long document with a span at the top and one near the end, scrolled to the end,
    the last span selected; returns the window and the two span ids."""
    (project_dir / "documents" / "long.txt").write_text(LONG, encoding="utf-8")
    window = make_window("long")
    session = window.workspace.session
    assert session is not None
    top = session.aset.make_span(LONG.index("كيم"), LONG.index("كيم") + 3, "entity")
    assert session.push(AddSpan(top)) is None
    end = LONG.index("الحاكم")
    last = session.aset.make_span(end, end + len("الحاكم"), "entity")
    assert session.push(AddSpan(last)) is None
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    view.set_cursor_offset(end + 2)  # the cursor inside the span, at the end of the text
    window.spans.select(last.id)
    bar = view.verticalScrollBar()
    assert bar.value() > 0 and bar.value() == bar.maximum()
    return window, top.id, last.id


def _place(window: MainWindow) -> tuple[int, int]:
    return window.view.verticalScrollBar().value(), window.view.cursor_offset()


def test_relabel_delete_undo_redo_keep_the_view_and_cursor_put(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window, top, last = _scrolled_to_the_end(qtbot, make_window, project_dir)
    view, session = window.view, window.workspace.session
    assert session is not None
    place = _place(window)
    qtbot.keyClick(view, "2")  # relabel the selected span
    assert session.aset.span(last).label == "gift" and _place(window) == place
    assert view.selected_key == last
    assert window.spans.table.currentIndex().row() == window.spans.model.row_of(last)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the table's current row moves to the top span
    assert last not in session.aset and _place(window) == place
    assert view.selected_key is None
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert last in session.aset and _place(window) == place
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert session.aset.span(last).label == "entity" and _place(window) == place
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert last not in session.aset and _place(window) == place
    assert top in session.aset and view.selected_key != top  # never dragged to the top


def test_boundary_moves_and_shedding_keep_the_view_and_cursor_put(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window, _top, last = _scrolled_to_the_end(qtbot, make_window, project_dir)
    view, session = window.view, window.workspace.session
    assert session is not None
    place = _place(window)
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)  # the end one word on (right to left)
    assert session.aset.span(last).text == "الحاكم وسترةً" and _place(window) == place
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert session.aset.span(last).text == "الحاكم" and _place(window) == place
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert session.aset.span(last).text == "الحاكم" and _place(window) == place
    # the table follows: the selected span's row is the current one after every change
    assert window.spans.table.currentIndex().row() == window.spans.model.row_of(last)


def test_choosing_a_row_in_the_table_still_shows_that_span(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window, top, _last = _scrolled_to_the_end(qtbot, make_window, project_dir)
    table = window.spans.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)  # the user moves up the table: the view follows
    assert window.view.selected_key == top
    assert window.view.verticalScrollBar().value() == 0
    assert window.view.cursor_offset() == LONG.index("كيم")
