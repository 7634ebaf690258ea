"""The find bar: Ctrl+F, matches boxed in the view, F3 / Shift+F3, Escape, exact matching,
and "label all" in the document or the project with its preview, one undo step per document."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.ui.dialogs.label_all_dialog import LabelAllDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.widgets.find_bar import PROJECT
from tests.ui.conftest import VISIT, scripted, wait_saved

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

def _find(qtbot: QtBot, window: MainWindow, query: str, exact: bool = False) -> None:
    """Ctrl+F, the query typed (set: QTest cannot type Arabic), the matches found."""
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.objectName() == "find-bar"
    assert bar.query.hasFocus()
    bar.exact.setChecked(exact)
    bar.query.setText(query)
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())


def _boxes(window: MainWindow) -> list[tuple[int, int]]:
    """Where the view paints match boxes (the find overlay), in text order."""
    overlay = window.view.highlights.overlays.get("find")
    if overlay is None:
        return []
    return sorted((d.start, d.end) for d in overlay.decorations(0, len(window.view.text))
                  if d.outline)


def _closed(qtbot: QtBot, window: MainWindow) -> None:
    """The preview is gone and the window active again (a window manager would do it)."""
    qtbot.waitUntil(lambda: window.finding.dialog is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.view.hasFocus())


def _preview(qtbot: QtBot, window: MainWindow) -> LabelAllDialog:
    qtbot.waitUntil(lambda: window.finding.dialog is not None)
    dialog = window.finding.dialog
    assert dialog is not None and dialog.objectName() == "label-all-dialog"
    qtbot.waitExposed(dialog)
    return dialog


def test_ctrl_f_finds_normalised_matches_and_boxes_them(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    _find(qtbot, window, "الحاكم")  # the text has الحاكمُ, with a damma
    start = VISIT.index("الحاكمُ")
    assert _boxes(window) == [(start, start + len("الحاكمُ"))]  # the damma with its letter
    assert window.find_bar.count.property("state") == "1"
    decorations = window.view.decorations_at(start + 2)
    assert any(d.outline and d.key is None for d in decorations)
    # normalised: a plain alef finds the hamza form; exact: it does not
    window.find_bar.query.setText("اوليغ")
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    name = VISIT.index("أوليغ")
    assert _boxes(window) == [(name, name + 5)]
    window.find_bar.exact.setChecked(True)
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    assert _boxes(window) == [] and window.find_bar.count.property("state") == "none"
    window.find_bar.query.setText("أوليغ")
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    assert _boxes(window) == [(name, name + 5)]


def test_f3_steps_through_matches_moving_the_cursor_and_escape_closes(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view = window.view
    _find(qtbot, window, "ال")  # no whole word: nothing
    assert _boxes(window) == []
    window.find_bar.query.setText("الزعيم")
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    first = VISIT.index("الزعيم")
    assert _boxes(window) == [(first, first + 6)]
    window.find_bar.query.setText("في")
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    window.find_bar.query.setText("كيم")
    qtbot.waitUntil(lambda: not window.finding._pending.isActive())
    matches = _boxes(window)
    assert [VISIT[s:e] for s, e in matches] == ["كيم"]  # "Kim" is Latin: not a match
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)  # Enter: the next match
    assert view.selection_range() == matches[0]
    assert window.find_bar.count.property("state") == "1/1"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)  # one match: wraps to itself
    assert view.selection_range() == matches[0]
    assert scripted(window).last == "wrapped"
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    assert view.selection_range() == matches[0]
    window.find_bar.query.setFocus()
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and _boxes(window) == []
    assert view.hasFocus()


def test_f3_scrolls_to_a_match_far_down(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    filler = "\n".join("فقرة طويلة لا شيء فيها سوى كلمات تملأ الصفحة." for _ in range(200))
    (project_dir / "documents" / "long.txt").write_text(
        "وصل كيم.\n" + filler + "\nوفي النهاية التقى بوتين لكيم.", encoding="utf-8")
    window = make_window("long")
    view = window.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    _find(qtbot, window, "كيم")
    assert len(_boxes(window)) == 2
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    last = _boxes(window)[1]
    assert view.selection_range() == last
    assert view.toPlainText()[slice(*last)] == "كيم"  # after ل: the proclitic is left out
    assert view.cursor_offset() == last[1]
    assert bar.value() > 0 and view.range_rects(*last), "the match is scrolled into view"
    qtbot.keyClick(view, "1")  # a label key labels exactly the match
    session = window.workspace.session
    assert session is not None
    assert [(s.start, s.end) for s in session.aset.spans()] == [last]
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)  # the cursor is after the last match
    assert view.selection_range() == last
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    assert view.selection_range() == _boxes(window)[0]
    qtbot.mouseClick(window.find_bar.next, Qt.MouseButton.LeftButton)  # the bar's arrows
    assert view.selection_range() == last
    qtbot.mouseClick(window.find_bar.previous, Qt.MouseButton.LeftButton)
    assert view.selection_range() == _boxes(window)[0]


def test_label_all_in_the_document_previews_skips_and_is_one_undo_step(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    (project_dir / "documents" / "kims.txt").write_text(
        "وصل كيم ثم قال كيم إن لكيم هدية، وكيم سعيد. ويقال إن كيمياء", encoding="utf-8")
    window = make_window("kims")
    session = window.workspace.session
    assert session is not None
    text = session.text
    first = text.index("كيم")
    assert session.push(AddSpan(session.aset.make_span(first, first + 3, "entity"))) is None
    _find(qtbot, window, "كيم")
    assert len(_boxes(window)) == 4  # not كيمياء
    window.find_bar.label.setCurrentText("entity")
    window.find_bar.label_all.click()
    dialog = _preview(qtbot, window)
    assert dialog.model.rowCount() == 3  # the first already carries entity
    assert "[كيم]" in dialog.model.rows()[1].context
    assert dialog.model.rows()[1].context.startswith("وصل كيم ثم قال كيم إن ل[كيم]")
    # untick the second row from the keyboard: Space on the current row
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert [row.checked for row in dialog.model.rows()] == [True, False, True]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the default button: label the ticked
    _closed(qtbot, window)
    labelled = sorted((s.start, s.label) for s in session.aset.spans())
    starts = [s for s, _ in _boxes(window)]
    assert labelled == [(starts[0], "entity"), (starts[1], "entity"), (starts[3], "entity")]
    assert scripted(window).last == "labelled-all"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # one step takes the whole batch back
    assert [s.start for s in session.aset.spans()] == [first]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(session.aset) == 0


def test_label_all_in_the_project_writes_each_file_checked_and_undoable_there(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    (project_dir / "documents" / "kims.txt").write_text("كيم وكيم", encoding="utf-8")
    broken = project_dir / "annotations" / "tester" / "b-crlf.json"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("{ not json", encoding="utf-8")
    window = make_window("a-visit")
    _find(qtbot, window, "كيم")
    bar = window.find_bar
    bar.label.setCurrentText("meeting")
    bar.scope.setCurrentIndex(bar.scope.findData(PROJECT))
    qtbot.keyClick(bar.query, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Label all…
    dialog = _preview(qtbot, window)
    docs = sorted({row.match.doc for row in dialog.model.rows()})
    assert docs == ["a-visit", "kims"]  # b-crlf's file cannot be read: listed apart
    assert dialog.problems.isVisibleTo(dialog) and "b-crlf" in dialog.problems.text()
    assert dialog.model.rowCount() == 3
    scripted(window).answer("ok")  # nothing else went wrong: no question expected
    dialog.accept()
    _closed(qtbot, window)
    session = window.workspace.session
    assert session is not None and [s.text for s in session.aset.spans()] == ["كيم"]
    kims = project_dir / "annotations" / "tester" / "kims.json"
    data = json.loads(kims.read_text(encoding="utf-8"))
    assert [(s["start"], s["end"], s["label"]) for s in data["spans"]] == [
        (0, 3, "meeting"), (5, 8, "meeting")]
    assert data["status"] == "in_progress"
    assert broken.read_text(encoding="utf-8") == "{ not json"
    assert window.documents.model.span_count("kims") in (2, None)  # re-read from disk
    # the other document's change is one undo step there
    assert window.workspace.open_document("kims")
    wait_saved(qtbot, window)
    other = window.workspace.session
    assert other is not None and len(other.aset) == 2 and other.saved
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(other.aset) == 0 and other.aset.status == "new"
