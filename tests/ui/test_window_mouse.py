"""Mouse work in right-to-left text: drags, clicks on spans, edge drags, the palette, the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import VISIT, drag, hit_zone, press_save, read_json


def test_drag_over_rtl_text_selects_exactly_the_intended_span(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    window.registry["annotate.snap"].setChecked(False)  # exactness, not snapping, is tested
    view = window.view
    start = VISIT.index("فلاديفوستوك")
    end = start + len("فلاديفوستوك")
    # No astral characters or CRLF before it: Qt positions equal code points here.
    drag(qtbot, view, hit_zone(view, start), hit_zone(view, end))
    assert view.selection_range() == (start, end)
    assert view.textCursor().selectedText() == "فلاديفوستوك"
    qtbot.keyClick(view, "2")
    press_save(qtbot, window)
    spans = read_json(window.workspace.session.path)["spans"]  # type: ignore[union-attr]
    assert [(s["start"], s["end"], s["label"]) for s in spans] == [(start, end, "gift")]


def test_drag_inside_words_snaps_to_whole_words(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    view = window.view
    name = VISIT.index("أوليغ كوجيمياكو")
    drag(qtbot, view, hit_zone(view, name + 2), hit_zone(view, name + 9))
    window.label_palette.buttons["entity"].click()  # the palette does what the key does
    (span,) = window.workspace.session.aset.spans()  # type: ignore[union-attr]
    assert (span.text, span.label) == ("أوليغ كوجيمياكو", "entity")
    assert view.hasFocus(), "clicking the palette leaves the focus on the text"


def _add(window: MainWindow, word: str, label: str, occurrence: int = 0) -> str:
    session = window.workspace.session
    assert session is not None
    start = -1
    for _ in range(occurrence + 1):
        start = session.text.index(word, start + 1)
    span = session.aset.make_span(start, start + len(word), label)
    assert session.push(AddSpan(span)) is None
    return span.id


def test_click_selects_a_span_and_syncs_the_table_both_ways(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    first = _add(window, "كيم جونغ أون", "entity")
    second = _add(window, "سترةً واقية", "gift")
    window.spans.select(None)
    view = window.view
    (rect,) = view.range_rects(*_bounds(window, second))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.selected_key == second
    assert window.spans.table.currentIndex().row() == window.spans.model.row_of(second)
    window.spans.table.selectRow(window.spans.model.row_of(first))  # type: ignore[arg-type]
    assert view.selected_key == first
    assert view.cursor_offset() == VISIT.index("كيم جونغ أون")
    qtbot.keyClick(view, "3")  # relabel from the table's selection
    assert window.workspace.session.aset.span(first).label == "meeting"  # type: ignore[union-attr]
    # a click on plain text clears the selected span
    (plain,) = view.range_rects(0, 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=plain.center().toPoint())
    assert view.selected_key is None
    assert window.spans.table.selectionModel().selectedRows() == []


def _bounds(window: MainWindow, span_id: str) -> tuple[int, int]:
    span = window.workspace.session.aset.span(span_id)  # type: ignore[union-attr]
    return span.start, span.end


def test_overlapping_spans_are_all_kept_shown_apart_and_reachable(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    outer = _add(window, "الزعيم كيم جونغ أون", "entity")
    inner = _add(window, "كيم جونغ أون", "meeting")
    twin = _add(window, "كيم جونغ أون", "gift")  # same bounds, another label
    view = window.view
    view.viewport().repaint()
    pieces = {p.decoration.key: p for p in view.highlights.get(0).pieces}
    assert {pieces[k].level for k in (outer, inner, twin)} == {0, 1, 2}
    word = VISIT.index("جونغ")
    assert len(view.tooltip_lines(word)) == 3
    assert any("meeting" in line for line in view.tooltip_lines(word))
    # clicking the same spot cycles through the spans under it, shortest first
    window.spans.select(None)
    (rect,) = view.range_rects(word, word + 4)
    seen = []
    for _ in range(3):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
        seen.append(view.selected_key)
    assert seen == [inner, twin, outer]
    press_save(qtbot, window)
    spans = read_json(window.workspace.session.path)["spans"]  # type: ignore[union-attr]
    assert [(s["text"], s["label"]) for s in spans] == [
        ("الزعيم كيم جونغ أون", "entity"), ("كيم جونغ أون", "gift"), ("كيم جونغ أون", "meeting")]


def test_dragging_an_edge_of_the_selected_span_moves_it(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    span_id = _add(window, "مدينة", "entity")
    window.spans.select(span_id)
    view = window.view
    view.viewport().repaint()
    start, end = _bounds(window, span_id)
    (box,) = view.range_rects(start, end)
    # Right-to-left: the end edge is the span's left side; drag it over the next word.
    grab = QPoint(int(box.left()) + 1, int(box.center().y()))
    target = hit_zone(view, VISIT.index("فلاديفوستوك") + 5)
    drag(qtbot, view, grab, target)
    span = window.workspace.session.aset.span(span_id)  # type: ignore[union-attr]
    assert span.text == "مدينة فلاديفوستوك"  # snapped to the whole word
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.session.aset.span(span_id).text == "مدينة"  # type: ignore[union-attr]


def test_context_menu_offers_the_label_actions(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    menu = window.annotating.context_menu(0)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["label.entity", "label.gift", "label.meeting", "span.delete", "span.note",
                     "copy"]
