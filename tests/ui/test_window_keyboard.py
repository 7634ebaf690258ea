"""The keyboard flow of the real window: select, label, relabel, delete, undo, save."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.settings import SNAP_TO_WORDS
from tests.ui.conftest import VISIT, press_save, read_json

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_select_a_word_press_1_save_writes_the_span(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view = window.view
    assert view.hasFocus(), "the article view has the focus when a document opens"
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    # Arabic runs right to left: the first word lies to the left of the start.
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    assert view.textCursor().selectedText().strip() == "وصل"
    qtbot.keyClick(view, "1")
    press_save(qtbot, window)
    data = read_json(window.workspace.session.path)  # type: ignore[union-attr]
    assert [(s["start"], s["end"], s["label"], s["text"]) for s in data["spans"]] == [
        (0, 3, "entity", "وصل")]  # the trailing space was snapped away
    assert data["status"] == "in_progress"
    assert data["annotator"] == "tester"
    assert window.status_line.state("saved") == "saved"


def test_label_keys_relabel_delete_and_undo_redo(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view, aset = window.view, window.workspace.session.aset  # type: ignore[union-attr]
    start = VISIT.index("كيم جونغ أون")
    view.select_range(start + 1, start + 10)  # sloppy: inside the first and last words
    qtbot.keyClick(view, "2")
    (span,) = aset.spans()
    assert (span.start, span.end, span.label) == (start, start + len("كيم جونغ أون"), "gift")
    assert view.selected_key == span.id
    assert window.spans.table.currentIndex().row() == 0
    qtbot.keyClick(view, "1")  # the new span is selected: another key relabels it
    assert [(s.id, s.label) for s in aset.spans()] == [(span.id, "entity")]
    assert window.spans.model.data(window.spans.model.index(0, SpanTableModel.COL_LABEL)) == \
        "entity"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(aset) == 0 and window.spans.model.rowCount() == 0
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [(s.id, s.label) for s in aset.spans()] == [(span.id, "entity")]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert aset.span(span.id).label == "gift"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert len(aset) == 0 and aset.status == "new"  # the first add also set in_progress
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [(s.id, s.label) for s in aset.spans()] == [(span.id, "entity")]
    assert aset.status == "in_progress"


def test_whole_flow_from_the_keyboard_alone(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    """Select by word, label, step between spans, move a boundary, mark done, next document."""
    window = make_window()
    view, session = window.view, window.workspace.session
    assert session is not None
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL)  # to the second word, "الزعيم"
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    qtbot.keyClick(view, "1")  # labelled; the cursor now sits at the end of the span
    for _ in range(3):  # " كيم جونغ " (spaces are snapped away)
        qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    qtbot.keyClick(view, "3")
    texts = [s.text for s in session.aset.spans()]
    assert texts == ["الزعيم", "كيم جونغ"]
    # In a right-to-left paragraph Alt+Left moves the end towards the end of the text.
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert [s.text for s in session.aset.spans()] == ["الزعيم", "كيم جونغ أون"]
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)  # previous span
    assert session.aset.span(view.selected_key).text == "الزعيم"  # type: ignore[arg-type]
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT | SHIFT)  # start one word earlier
    assert session.aset.span(view.selected_key).text == "وصل الزعيم"  # type: ignore[arg-type]
    qtbot.keyClick(view, "2")
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert session.aset.status == "done"
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert window.workspace.session is not None and window.workspace.session.doc_id == "b-crlf"
    assert window.view.hasFocus()
    data = read_json(session.path)
    assert data["status"] == "done"
    assert [(s["text"], s["label"]) for s in data["spans"]] == [
        ("وصل الزعيم", "gift"), ("كيم جونغ أون", "meeting")]
    assert window.documents.model.status_of("a-visit") == "done"
    assert window.documents.model.span_count("a-visit") == 2
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert window.workspace.session.doc_id == "a-visit"
    assert len(window.workspace.session.aset) == 2


# QTest cannot make the event text for a non-Latin key code and says so; the
# shortcut map matches on the key code, which is what this test is about.
@pytest.mark.qt_log_ignore(r"keyToAscii Unhandled key code")
def test_arabic_indic_digit_keys_label_too(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    start = VISIT.index("فلاديفوستوك")
    window.view.select_range(start, start + 3)
    action = window.registry["label.gift"]
    assert "٢" in [seq.toString() for seq in action.shortcuts()]
    qtbot.keyClick(window.view, Qt.Key(ord("٢")))  # what an Arabic layout types for 2
    (span,) = window.workspace.session.aset.spans()  # type: ignore[union-attr]
    assert (span.text, span.label) == ("فلاديفوستوك", "gift")


def test_snapping_off_keeps_a_sub_word_selection(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F9)  # toggle snapping off (not Ctrl+W: "close")
    assert window.view.snap_words is False
    assert window.settings.get(SNAP_TO_WORDS) is False
    start = VISIT.index("واستقبله")
    window.view.select_range(start, start + 1)  # the conjunction "و" alone
    qtbot.keyClick(window.view, "1")
    (span,) = window.workspace.session.aset.spans()  # type: ignore[union-attr]
    assert (span.start, span.end, span.text) == (start, start + 1, "و")


def test_a_label_key_on_an_already_labelled_word_relabels_it(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    """Double-click a labelled word and press another key: one span, relabelled, not two."""
    window = make_window()
    view, aset = window.view, window.workspace.session.aset  # type: ignore[union-attr]
    start = VISIT.index("كيم جونغ أون")
    end = start + len("كيم جونغ أون")
    view.select_range(start, end)
    qtbot.keyClick(view, "1")
    (span,) = aset.spans()
    view.set_selected_key(None, notify=True)  # as after clicking elsewhere
    view.select_range(start, end)  # the same words selected again, as text
    assert view.selected_key is None
    qtbot.keyClick(view, "2")
    assert [(s.id, s.start, s.end, s.label) for s in aset.spans()] == [
        (span.id, start, end, "gift")]
    view.select_range(start, end)
    qtbot.keyClick(view, "2")  # the label it already has: nothing new
    assert len(aset) == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert aset.span(span.id).label == "entity"
