"""Spans a stale file kept aside: in the banner and the document list, placed or discarded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.project import Project
from annotator.io.standoff import serialize_annotations
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import VISIT, press_save, read_json, scripted, wait_saved

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# The text annotated first: a sentence since cut from the article, and a name spelt otherwise.
OLD = "أعلن الناطق باسم الكرملين النبأ. " + VISIT.replace("كوجيمياكو", "كوجمياكو")


def _stale_file(project: Project) -> bytes:
    aset = AnnotationSet("a-visit", OLD, "tester", project.label_names, "in_progress")
    for word, label in (("فلاديفوستوك", "entity"), ("الكرملين", "entity"),
                        ("أوليغ كوجمياكو", "entity"), ("سترةً", "gift")):
        start = OLD.index(word)
        AddSpan(aset.make_span(start, start + len(word), label)).apply(aset)
    path = project.annotation_path("a-visit", "tester")
    path.parent.mkdir(parents=True)
    data = serialize_annotations(aset)
    path.write_bytes(data)
    return data


def test_kept_aside_spans_are_listed_placed_and_discarded_with_undo(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    _stale_file(project)
    window = make_window("c-short")
    model = window.documents.model
    assert model.unplaced_count("a-visit") == 0  # the stale file has none aside yet
    assert window.workspace.open_document("a-visit")
    session = window.workspace.session
    assert session is not None
    kept = [(s.text, s.label, s.start) for s in session.aset.unplaced]
    assert kept == [("الكرملين", "entity", OLD.index("الكرملين")),
                    ("أوليغ كوجمياكو", "entity", OLD.index("أوليغ"))]
    rows = window.banners.unplaced_list.rows
    assert [row[0].text() for row in rows] == ["الكرملين", "أوليغ كوجمياكو"]
    assert window.banners.unplaced_list.isVisible()
    assert window.article.file_banner.code == "unplaced"
    assert model.unplaced_count("a-visit") == 2
    assert model.data(model.index(model.row_of("a-visit"), 2)) == "2 +2 unplaced"
    assert window.status_line.state("spans") == "2+2"  # 2 spans, 2 more kept aside

    rows[1][1].click()  # Place at selection, with nothing selected: says what to do
    assert scripted(window).last == "select-first"
    assert "أوليغ كوجمياكو" in scripted(window).said[-1].message
    assert len(session.aset.unplaced) == 2
    name = VISIT.index("أوليغ كوجيمياكو")
    window.view.select_range(name + 2, name + 8)  # a sloppy selection: snapped to words
    rows[1][1].click()
    placed = session.aset.get("T3")
    assert placed is not None
    assert (placed.start, placed.text, placed.label) == (name, "أوليغ كوجيمياكو", "entity")
    assert window.view.selected_key == "T3" and window.view.hasFocus()
    assert [row[0].text() for row in window.banners.unplaced_list.rows] == ["الكرملين"]
    assert model.unplaced_count("a-visit") == 1 and model.span_count("a-visit") == 3

    window.banners.unplaced_list.rows[0][2].click()  # Discard
    assert session.aset.unplaced == [] and not window.banners.unplaced_list.isVisible()
    assert model.data(model.index(model.row_of("a-visit"), 2)) == 3
    press_save(qtbot, window)
    data = read_json(session.path)
    assert "unplaced_spans" not in data or data["unplaced_spans"] == []
    assert sorted(s["text"] for s in data["spans"]) == sorted(
        ["فلاديفوستوك", "أوليغ كوجيمياكو", "سترةً"])

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # the discarded span is back, aside
    assert [s.text for s in session.aset.unplaced] == ["الكرملين"]
    assert window.banners.unplaced_list.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # and the placed one goes aside again
    assert [s.text for s in session.aset.unplaced] == ["الكرملين", "أوليغ كوجمياكو"]
    assert "T3" not in session.aset
    press_save(qtbot, window)
    assert [s["text"] for s in read_json(session.path)["unplaced_spans"]] == [
        "الكرملين", "أوليغ كوجمياكو"], "kept aside in the file, in their order"


def test_a_file_with_spans_aside_shows_them_again_when_reopened(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    _stale_file(project)
    window = make_window("a-visit")
    window.article.file_banner.buttons["save-reanchored"].click()
    wait_saved(qtbot, window)
    assert window.banners.unplaced_list.isVisible(), "saving does not hide what is left"
    assert "save-reanchored" not in window.article.file_banner.buttons
    assert window.workspace.open_document("c-short") and window.workspace.open_document("a-visit")
    session = window.workspace.session
    assert session is not None and not session.result.stale  # the file is current now...
    assert window.article.file_banner.isVisible()  # ...and still shows what waits to be placed
    assert [row[0].text() for row in window.banners.unplaced_list.rows] == [
        "الكرملين", "أوليغ كوجمياكو"]
    window.documents.model.reload()
    assert window.documents.model.unplaced_count("a-visit") == 2  # read from the file
