"""Never losing work: offsets on disk, autosave, switching, conflicts, stale and broken files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.errors import Problem, WriteError
from annotator.core.project import Project
from annotator.io.standoff import serialize_annotations
from annotator.ui.main_window import MainWindow
from annotator.ui.workspace import CANCEL, KEEP_COPY
from tests.ui.conftest import CRLF, VISIT, press_save, read_json, scripted, wait_saved

CTRL = Qt.KeyboardModifier.ControlModifier


def _select_in_qt(window: MainWindow, word: str) -> None:
    """Select ``word`` with Qt's own search, independent of our offset conversion."""
    found = window.view.document().find(word)
    assert not found.isNull()
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def test_spans_after_crlf_and_emoji_land_on_the_right_code_points(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window("b-crlf")
    for word, key in (("بندقيتين", "2"), ("الكرملين", "1"), ("كيم", "1")):
        _select_in_qt(window, word)
        qtbot.keyClick(window.view, key)
    press_save(qtbot, window)
    raw = (project_dir / "documents" / "b-crlf.txt").read_bytes().decode("utf-8-sig")
    assert raw == CRLF and "\r\n" in raw and "🤝" in raw
    data = read_json(project_dir / "annotations" / "tester" / "b-crlf.json")
    assert data["document"]["length"] == len(raw)
    for span in data["spans"]:
        assert raw[span["start"]:span["end"]] == span["text"]
    assert sorted((s["start"], s["text"]) for s in data["spans"]) == sorted(
        (raw.index(w), w) for w in ("بندقيتين", "الكرملين", "كيم"))
    # and the view draws them where Qt placed those words
    for span in data["spans"]:
        rects = window.view.range_rects(span["start"], span["end"])
        found = window.view.document().find(span["text"])
        qt_rect = window.view.cursorRect(found)
        assert any(r.top() <= qt_rect.center().y() <= r.bottom() for r in rects)


def test_autosave_writes_shortly_after_a_change(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(autosave_ms=30)
    path = window.workspace.session.path  # type: ignore[union-attr]
    window.view.select_range(VISIT.index("الأربعاء"), VISIT.index("الأربعاء") + 3)
    qtbot.keyClick(window.view, "3")
    assert window.status_line.state("saved") == "unsaved"
    qtbot.waitUntil(lambda: window.status_line.state("saved") == "saved", timeout=3000)
    assert [s["text"] for s in read_json(path)["spans"]] == ["الأربعاء"]
    assert scripted(window).said == [], "autosave says nothing"


def test_switching_documents_and_closing_save(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    assert window.workspace.open_document("c-short")
    first = project_dir / "annotations" / "tester" / "a-visit.json"
    assert [s["text"] for s in read_json(first)["spans"]] == ["وصل"]
    assert window.documents.model.span_count("a-visit") == 1
    assert window.view.text.startswith("حمل القطار")
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "2")
    window.close()
    second = project_dir / "annotations" / "tester" / "c-short.json"
    assert [s["label"] for s in read_json(second)["spans"]] == ["gift"]


def _theirs(project: Project, doc_id: str, text: str, word: str) -> bytes:
    aset = AnnotationSet(doc_id, text, "tester", project.label_names, "in_progress")
    start = text.index(word)
    AddSpan(aset.make_span(start, start + len(word), "meeting")).apply(aset)
    return serialize_annotations(aset)


def test_external_change_is_never_overwritten_keep_mine(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    window = make_window()
    session = window.workspace.session
    assert session is not None
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    theirs = _theirs(project, "a-visit", VISIT, "المحطة")
    session.path.parent.mkdir(parents=True, exist_ok=True)
    session.path.write_bytes(theirs)  # someone else saves meanwhile
    press_save(qtbot, window)
    assert session.path.read_bytes() == theirs, "their file must not be overwritten"
    assert window.article.conflict_banner.isVisible()
    assert window.article.conflict_banner.code == "conflict"
    assert window.status_line.state("saved") == "conflict"
    window.article.conflict_banner.buttons["keep-mine"].click()
    assert not window.article.conflict_banner.isVisible()
    wait_saved(qtbot, window)
    assert [s["text"] for s in read_json(session.path)["spans"]] == ["وصل"]
    (backup,) = session.path.parent.glob("a-visit.json.theirs-*")
    assert backup.read_bytes() == theirs
    assert window.status_line.state("saved") == "saved"


def test_external_change_take_theirs_keeps_a_copy_of_mine(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    window = make_window(autosave_ms=20)
    session = window.workspace.session
    assert session is not None
    session.path.parent.mkdir(parents=True, exist_ok=True)
    theirs = _theirs(project, "a-visit", VISIT, "المحطة")
    session.path.write_bytes(theirs)  # appears after we opened (we read: no file)
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    qtbot.waitUntil(lambda: window.article.conflict_banner.isVisible(), timeout=3000)
    assert session.path.read_bytes() == theirs
    window.article.conflict_banner.buttons["take-theirs"].click()
    assert window.workspace.session is not session
    assert [s.text for s in window.workspace.session.aset.spans()] == ["المحطة"]  # type: ignore[union-attr]
    (mine,) = session.path.parent.glob("a-visit.json.mine-*")
    assert [s["text"] for s in json.loads(mine.read_bytes())["spans"]] == ["وصل"]
    assert session.path.read_bytes() == theirs


def test_leaving_a_conflicted_document_asks_and_keeps_a_copy(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    window = make_window()
    session = window.workspace.session
    assert session is not None
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    session.path.parent.mkdir(parents=True, exist_ok=True)
    session.path.write_bytes(_theirs(project, "a-visit", VISIT, "المحطة"))
    feedback = scripted(window).answer(CANCEL)
    assert not window.workspace.open_document("c-short")
    assert window.workspace.session is session
    assert [q.kind for q in feedback.asked] == ["leave"]
    assert feedback.asked[0].choices == (KEEP_COPY, CANCEL)
    feedback.answer(KEEP_COPY)
    assert window.workspace.open_document("c-short")
    assert len(list(session.path.parent.glob("a-visit.json.mine-*"))) == 1
    assert feedback.last == "kept-a-copy"


def test_stale_file_opens_reanchored_with_a_banner_listing_what_was_lost(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project,
        project_dir: Path) -> None:
    old_text = "كلمة " + VISIT + " وجملة حذفت لاحقاً"
    aset = AnnotationSet("a-visit", old_text, "tester", project.label_names, "in_progress")
    for word, label in (("فلاديفوستوك", "entity"), ("حذفت", "meeting")):
        start = old_text.index(word)
        AddSpan(aset.make_span(start, start + len(word), label)).apply(aset)
    path = project.annotation_path("a-visit", "tester")
    path.parent.mkdir(parents=True)
    path.write_bytes(serialize_annotations(aset))
    window = make_window()
    session = window.workspace.session
    assert session is not None and session.result.stale
    assert [(s.text, s.start) for s in session.aset.spans()] == [
        ("فلاديفوستوك", VISIT.index("فلاديفوستوك"))]
    banner = window.article.file_banner
    assert banner.isVisible()
    assert banner.code == "unplaced" and len(session.result.moved) == 1
    assert [row[0].text() for row in window.banners.unplaced_list.rows] == ["حذفت"]
    assert window.spans.model.rowCount() == 1
    banner.buttons["save-reanchored"].click()
    wait_saved(qtbot, window)
    data = read_json(path)
    assert data["document"]["length"] == len(VISIT)
    assert [s["text"] for s in data["unplaced_spans"]] == ["حذفت"], "kept aside, not dropped"


def test_broken_file_opens_read_only(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    aset = AnnotationSet("a-visit", VISIT, "tester", None, "in_progress")
    AddSpan(aset.make_span(0, 3, "not-a-label")).apply(aset)
    path = project.annotation_path("a-visit", "tester")
    path.parent.mkdir(parents=True)
    data = serialize_annotations(aset)
    path.write_bytes(data)
    window = make_window()
    assert window.workspace.session is not None and window.workspace.session.read_only
    assert window.status_line.state("saved") == "read-only"
    assert window.article.file_banner.code == "read-only"
    assert "unknown-label" in window.article.file_banner.text  # the problem, by its code
    window.view.select_range(4, 10)
    qtbot.keyClick(window.view, "1")
    press_save(qtbot, window)
    assert scripted(window).last == "read-only"
    window.close()
    assert path.read_bytes() == data


def test_status_bar_never_says_saved_next_to_a_conflict(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project: Project) -> None:
    window = make_window()
    session = window.workspace.session
    assert session is not None
    feedback = scripted(window)
    press_save(qtbot, window)  # nothing changed: nothing written
    assert feedback.last == "nothing-to-save"
    assert not session.path.exists()
    window.view.select_range(0, 3)
    qtbot.keyClick(window.view, "1")
    assert feedback.shown is None, "a change takes 'Nothing to save' back"
    press_save(qtbot, window)
    assert feedback.last == "saved" and feedback.shown == feedback.said[-1].message
    assert str(session.path) in feedback.shown
    written = session.path.read_bytes()
    press_save(qtbot, window)  # again: the file is not rewritten
    assert feedback.last == "nothing-to-save"
    assert session.path.read_bytes() == written
    theirs = _theirs(project, "a-visit", VISIT, "المحطة")
    session.path.write_bytes(theirs)
    window.view.select_range(VISIT.index("المحطة"), VISIT.index("المحطة") + 6)
    qtbot.keyClick(window.view, "2")
    assert feedback.shown is None
    press_save(qtbot, window)
    assert window.status_line.state("saved") == "conflict"
    assert feedback.last == "conflict" and "a-visit.json" in feedback.said[-1].message
    assert session.path.read_bytes() == theirs
    window.article.conflict_banner.buttons["keep-mine"].click()
    wait_saved(qtbot, window)
    assert feedback.last == "kept-mine"
    assert window.status_line.state("saved") == "saved"


def test_a_save_that_fails_in_any_way_keeps_the_edits_and_says_so(
        qtbot: QtBot, make_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only OSError: an encoding error or a defect in a writer must not escape the save."""
    window = make_window()
    session = window.workspace.session
    assert session is not None
    failures: list[str] = []
    session.save_failed.connect(failures.append)
    _select_in_qt(window, "كيم")
    qtbot.keyClick(window.view, "1")
    before = session.path.read_bytes() if session.path.exists() else None
    for error in (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"),
                  WriteError(Problem("write-failed", "No space left on device; was not written",
                                     file=str(session.path)))):
        def fail(*args: object, error: Exception = error) -> str:
            raise error
        monkeypatch.setattr("annotator.io.store.save", fail)
        press_save(qtbot, window)
        assert not session.saved and len(session.aset) == 1  # the edit is still there
        assert scripted(window).last == "save-failed"
    assert len(failures) == 2 and "UnicodeEncodeError" in failures[0]
    assert "No space left" in failures[1]
    assert window.article.conflict_banner.isVisible()
    assert (session.path.read_bytes() if session.path.exists() else None) == before
    monkeypatch.undo()
    window.article.conflict_banner.buttons["retry"].click()  # the disk has room again
    wait_saved(qtbot, window)
    assert session.saved and len(read_json(session.path)["spans"]) == 1
