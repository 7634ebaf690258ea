"""Suggestions in the window: dashed marks, Enter accepts, Backspace rejects, both undone;
a rejection stays in the file; overlap marking; the View toggle; Annotate > Suggest… on a
worker; the document list's least-confident-first order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.api import open_project as open_api
from annotator.core.project import Project
from annotator.io.atomic import atomic_write
from annotator.io.suggestions import Suggestion, suggestion_file, suggestion_path
from annotator.ui import settings as keys
from annotator.ui.main_window import MainWindow
from annotator.ui.models.document_filter import LEAST_CONFIDENT
from annotator.ui.settings import Settings
from annotator.ui.suggesting import OVERLAY
from annotator.ui.widgets.suggestion_marks import OVERLAP_COLOR
from tests.ui.conftest import VISIT, press_save, read_json, scripted, wait_saved

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WORDS = [("كيم جونغ أون", "entity", 0.9), ("فلاديفوستوك", "entity", 0.6),
         ("أوليغ كوجيمياكو", "entity", 0.75), ("سترةً واقية", "gift", 0.5)]


def _at(word: str) -> tuple[int, int]:
    start = VISIT.index(word)
    return start, start + len(word)


def write_suggestions(project: Project, doc_id: str = "a-visit", text: str = VISIT,
                      words: list[tuple[str, str, float]] = WORDS,
                      source: str = "gazetteer") -> None:
    items = [Suggestion(text.index(w), text.index(w) + len(w), label, w, score)
             for w, label, score in words]
    atomic_write(suggestion_path(project, source, doc_id),
                 suggestion_file(project, source, doc_id, text, items, None))


def _marks(window: MainWindow) -> list[Any]:
    overlay = window.view.highlights.overlays.get(OVERLAY)
    if overlay is None:
        return []
    return sorted(overlay.decorations(0, len(window.view.text)), key=lambda d: d.start)


def _file(project: Project, annotator: str = "tester") -> Any:
    return read_json(project.root / "annotations" / annotator / "a-visit.json")


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifier)


def test_suggestions_are_dashed_boxes_apart_from_spans_with_a_tooltip(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    marks = _marks(window)
    assert [(m.start, m.end) for m in marks] == sorted(_at(w) for w, _l, _s in WORDS)
    colors = window.workspace.colors
    for mark in marks:
        assert mark.dashed and mark.outline and not mark.underline and mark.key is None
        label = next(lab for w, lab, _s in WORDS if _at(w) == (mark.start, mark.end))
        assert mark.color == colors[label]
    assert not any(m.fill for m in marks)  # the cursor is on no suggestion
    start, _end = _at("فلاديفوستوك")
    lines = window.view.tooltip_lines(start + 2)
    assert len(lines) == 1 and "gazetteer" in lines[0] and "0.60" in lines[0]
    assert window.spans.model.rowCount() == 0  # nobody's spans


def test_enter_accepts_the_current_suggestion_and_goes_to_the_next_and_undo(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    r = window.registry
    assert not r["suggestion.accept"].isEnabled() and r["span.delete"].isEnabled()
    _key(qtbot, window, Qt.Key.Key_F7)
    first = window.suggesting.current_offer()
    assert first is not None and first.suggestion.text == "كيم جونغ أون"
    assert r["suggestion.accept"].isEnabled() and not r["span.delete"].isEnabled()
    assert [m.fill for m in _marks(window)] == [True, False, False, False]
    _key(qtbot, window, Qt.Key.Key_Return)
    aset = window.workspace.session.aset
    [span] = aset.spans()
    assert (span.start, span.end, span.label) == (*_at("كيم جونغ أون"), "entity")
    assert span.extra == {"origin": "gazetteer"}
    now = window.suggesting.current_offer()
    assert now is not None and now.suggestion.text == "فلاديفوستوك"
    assert window.view.cursor_offset() == _at("فلاديفوستوك")[0]
    assert window.view.selected_key is None
    assert len(_marks(window)) == 3
    press_save(qtbot, window)
    saved = _file(project)["spans"]
    assert [(s["text"], s["origin"]) for s in saved] == [("كيم جونغ أون", "gazetteer")]
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(aset) == 0 and len(_marks(window)) == 4
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(aset) == 1 and len(_marks(window)) == 3


def test_backspace_rejects_it_for_good_and_undo_brings_it_back(
        qtbot: QtBot, project: Project, settings: Settings,
        make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    _key(qtbot, window, Qt.Key.Key_F7)
    _key(qtbot, window, Qt.Key.Key_F7)
    assert window.suggesting.current_offer().suggestion.text == "فلاديفوستوك"
    _key(qtbot, window, Qt.Key.Key_Backspace)
    aset = window.workspace.session.aset
    start, end = _at("فلاديفوستوك")
    assert [r.sort_key for r in aset.rejected_suggestions] == [(start, end, "entity",
                                                                "gazetteer")]
    assert len(aset) == 0 and len(_marks(window)) == 3
    assert window.suggesting.current_offer().suggestion.text == "أوليغ كوجيمياكو"
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert aset.rejected_suggestions == [] and len(_marks(window)) == 4
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    press_save(qtbot, window)
    assert _file(project)["rejected_suggestions"] == [
        {"start": start, "end": end, "label": "entity", "source": "gazetteer"}]
    # shown again: the file is read afresh, the rejected one is not offered
    window.workspace.open_document("b-crlf")
    window.workspace.open_document("a-visit")
    assert [(m.start, m.end) for m in _marks(window)] == sorted(
        _at(w) for w, _l, _s in WORDS if w != "فلاديفوستوك")
    write_suggestions(project)  # made again: still not offered
    window.suggesting.reload_from_disk()
    assert len(_marks(window)) == 3


def test_backspace_deletes_a_selected_span_even_on_a_suggestion(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    kim = _at("كيم")
    window.view.select_range(*kim)
    _key(qtbot, window, Qt.Key.Key_1)  # entity, by hand: it overlaps the suggestion
    aset = window.workspace.session.aset
    [span] = aset.spans()
    assert window.view.selected_key == span.id
    window.view.set_cursor_offset(kim[0] + 1)  # inside the suggestion too
    assert window.suggesting.current_offer() is not None
    assert window.registry["span.delete"].isEnabled()
    assert not window.registry["suggestion.reject"].isEnabled()
    _key(qtbot, window, Qt.Key.Key_Backspace)
    assert len(aset) == 0 and aset.rejected_suggestions == []


def test_an_accepted_span_is_the_hand_typed_one_apart_from_origin(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    typist = make_window(annotator="typist")
    typist.view.select_range(*_at("فلاديفوستوك"))
    _key(qtbot, typist, Qt.Key.Key_1)
    press_save(qtbot, typist)
    typed = _file(project, "typist")
    window = make_window()
    window.suggesting.go_to(1)
    assert window.suggesting.current_offer().suggestion.text == "فلاديفوستوك"
    _key(qtbot, window, Qt.Key.Key_Return)
    press_save(qtbot, window)
    accepted = _file(project)
    [span] = accepted["spans"]
    assert span.pop("origin") == "gazetteer"
    for key in ("spans", "document", "status", "relations"):
        assert accepted[key] == typed[key]
    assert set(accepted) == set(typed)


def test_a_suggestion_overlapping_a_span_of_its_label_is_grey_and_says_so(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    work = open_api(project.root).load("tester", "a-visit")
    span_id = work.add_span(*_at("كيم"), "entity")
    work.add_span(*_at("فلاديفوستوك"), "gift")  # another label: not an overlap
    open_api(project.root).save(work)
    window = make_window()
    marks = {(m.start, m.end): m for m in _marks(window)}
    kim = marks[_at("كيم جونغ أون")]
    assert kim.color == OVERLAP_COLOR and span_id in kim.tooltip
    vlad = marks[_at("فلاديفوستوك")]
    assert vlad.color == window.workspace.colors["entity"] and span_id not in vlad.tooltip
    assert window.suggesting.offers[0].overlaps == (span_id,)


def test_view_toggle_hides_them_and_is_remembered(
        qtbot: QtBot, project: Project, settings: Settings,
        make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    toggle = window.registry["view.suggestions"]
    assert toggle.isChecked() and len(_marks(window)) == 4
    toggle.trigger()
    assert not toggle.isChecked() and _marks(window) == []
    assert settings.get(keys.SHOW_SUGGESTIONS) is False
    _key(qtbot, window, Qt.Key.Key_F7)
    assert window.suggesting.current_offer() is None
    assert window.registry["span.delete"].isEnabled()
    again = make_window()
    assert not again.registry["view.suggestions"].isChecked() and _marks(again) == []
    again.registry["view.suggestions"].trigger()
    assert len(_marks(again)) == 4 and settings.get(keys.SHOW_SUGGESTIONS) is True


def test_accept_all_and_reject_all_are_one_undo_step_each(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    aset = window.workspace.session.aset
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL | SHIFT)
    assert len(aset) == 4 and _marks(window) == []
    assert scripted(window).last == "accepted-all"
    assert all(s.extra == {"origin": "gazetteer"} for s in aset.spans())
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(aset) == 0 and len(_marks(window)) == 4
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace, CTRL | SHIFT)
    assert len(aset.rejected_suggestions) == 4 and _marks(window) == []
    assert scripted(window).last == "rejected-all"
    _key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert aset.rejected_suggestions == [] and len(_marks(window)) == 4


def test_review_mode_shows_no_suggestions_and_f8_stays_reviews(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)
    window = make_window()
    window.registry["review.mode"].trigger()
    qtbot.waitUntil(lambda: window.workspace.annotator == "gold")
    assert _marks(window) == []
    assert not window.registry["suggestion.next"].isEnabled()
    assert window.registry["span.delete"].isEnabled()
    window.registry["review.mode"].trigger()
    qtbot.waitUntil(lambda: window.workspace.annotator == "tester")
    assert len(_marks(window)) == 4


def test_suggest_from_the_window_runs_on_a_worker_and_reloads_the_marks(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    api = open_api(project.root)
    work = api.load("omar", "b-crlf")
    text = work.text
    work.add_span(text.index("بوتين"), text.index("بوتين") + 5, "entity")
    work.status = "done"
    api.save(work)
    window = make_window()
    assert _marks(window) == []
    window.registry["annotate.suggest"].trigger()
    dialog = window.suggesting.dialog
    assert dialog is not None and dialog.objectName() == "suggest-dialog"
    qtbot.waitExposed(dialog)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.outcome == "suggested"
    assert (project.root / "suggestions" / "gazetteer" / "a-visit.json").is_file()
    window.workspace.open_document("b-crlf")
    [mark] = _marks(window)
    assert window.view.text[mark.start:mark.end] == "بوتين"
    dialog.close()


def test_files_changed_on_disk_are_read_again(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    assert _marks(window) == []
    write_suggestions(project, words=WORDS[:2], source="model")
    qtbot.waitUntil(lambda: len(_marks(window)) == 2, timeout=5000)


def test_the_document_list_puts_the_least_confident_first(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)  # a-visit: lowest 0.5
    short = "حمل القطار الضيف عائداً إلى بلاده."
    write_suggestions(project, "c-short", short, [("القطار", "gift", 0.2)])
    window = make_window()
    proxy = window.documents.filter

    def order() -> list[str]:
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    assert order() == ["a-visit", "b-crlf", "c-short"]
    combo = window.document_filter.order
    combo.setCurrentIndex(combo.findData(LEAST_CONFIDENT))
    qtbot.waitUntil(lambda: order() == ["c-short", "a-visit", "b-crlf"], timeout=5000)
    combo.setCurrentIndex(combo.findData(""))
    assert order() == ["a-visit", "b-crlf", "c-short"]
    wait_saved(qtbot, window)
