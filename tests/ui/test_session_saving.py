"""Saving in the background: one save at a time, outcomes on the GUI thread, edits during a save.

A gate around :func:`annotator.io.store.save` holds the worker until the test
lets it go, so what happens while a save is in flight is deterministic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.project import Project
from annotator.io import store
from annotator.io.standoff import serialize_annotations
from annotator.ui.main_window import MainWindow
from annotator.ui.session import DocumentSession, frozen_copy
from annotator.ui.undo import UndoHistory
from tests.ui.conftest import VISIT, read_json, scripted

REAL_SAVE = store.save


class Gate:
    """Replaces ``store.save``: each call waits until opened, and calls are counted."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.entered = threading.Semaphore(0)
        self.running = 0
        self.most_at_once = 0
        self.calls = 0
        self.threads: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        with self._lock:
            self.running += 1
            self.calls += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.threads.append(threading.current_thread().name)
        self.entered.release()
        try:
            assert self.open.wait(10), "the test never let the save go"
            return REAL_SAVE(*args, **kwargs)
        finally:
            with self._lock:
                self.running -= 1

    def wait_entered(self) -> None:
        assert self.entered.acquire(timeout=10), "no save started"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    monkeypatch.setattr("annotator.io.store.save", gate)
    yield gate
    gate.open.set()


def _session(project: Project, history: UndoHistory | None = None) -> DocumentSession:
    return DocumentSession(project, "a-visit", "tester", autosave_ms=-1, history=history)


def _add(session: DocumentSession, word: str, label: str = "entity") -> None:
    start = VISIT.index(word)
    assert session.push(AddSpan(session.aset.make_span(start, start + len(word), label))) is None


def test_a_save_runs_on_a_worker_and_reports_on_the_gui_thread(
        qtbot: QtBot, project: Project, gate: Gate) -> None:
    session = _session(project)
    seen: list[tuple[str, object]] = []
    for signal in (session.saved_changed, session.save_finished):
        signal.connect(lambda value: seen.append((threading.current_thread().name, value)))
    _add(session, "كيم")
    seen.clear()
    assert session.save_in_background()
    gate.wait_entered()
    assert session.saving and not session.saved
    assert gate.threads != [threading.current_thread().name], "not on the GUI thread"
    gate.open.set()
    qtbot.waitUntil(lambda: not session.saving)
    assert session.saved and seen == [("MainThread", True), ("MainThread", True)]
    assert [s["text"] for s in read_json(session.path)["spans"]] == ["كيم"]


def test_edits_made_during_a_save_stay_unsaved_and_undo_finds_the_saved_state(
        qtbot: QtBot, project: Project, gate: Gate) -> None:
    session = _session(project)
    _add(session, "كيم")
    session.save_in_background()
    gate.wait_entered()
    _add(session, "المحطة")  # while the first state is being written
    gate.open.set()
    qtbot.waitUntil(lambda: not session.saving)
    assert not session.saved, "the file holds the state before the second edit"
    assert [s["text"] for s in read_json(session.path)["spans"]] == ["كيم"]
    session.undo_stack.undo()  # back to what the file holds
    assert session.saved
    _add(session, "فلاديفوستوك")  # the state undone is gone: the saved one is still the file
    session.undo_stack.undo()
    assert session.saved
    session.undo_stack.redo()
    assert not session.saved
    assert session.save()
    assert sorted(s["text"] for s in read_json(session.path)["spans"]) == ["فلاديفوستوك", "كيم"]


def test_never_two_saves_at_once_and_one_asked_meanwhile_runs_after(
        qtbot: QtBot, project: Project, gate: Gate) -> None:
    session = _session(project)
    _add(session, "كيم")
    session.save_in_background()
    gate.wait_entered()
    _add(session, "المحطة")
    assert session.save_in_background()  # asked while one is in flight: queued
    assert session.save_in_background()  # and not twice
    gate.open.set()
    qtbot.waitUntil(lambda: session.saved and not session.saving)
    assert gate.most_at_once == 1 and gate.calls == 2
    assert sorted(s["text"] for s in read_json(session.path)["spans"]) == ["المحطة", "كيم"]
    assert not session.save_in_background(), "nothing left to write"


def test_leaving_a_document_waits_for_the_save_in_flight(
        qtbot: QtBot, project: Project, gate: Gate) -> None:
    history = UndoHistory()
    session = _session(project, history)
    _add(session, "كيم")
    session.save_in_background()
    gate.wait_entered()
    threading.Timer(0.2, gate.open.set).start()
    session.leave(history)  # blocks until the write is done, and takes its outcome in
    assert not session.saving and session.saved
    assert history.kept() == [("tester", "a-visit")], "saved when left: its history is kept"
    assert [s["text"] for s in read_json(session.path)["spans"]] == ["كيم"]


def test_a_conflict_found_by_the_worker_is_reported_and_nothing_is_written(
        qtbot: QtBot, project: Project) -> None:
    session = _session(project)
    _add(session, "كيم")
    theirs = serialize_annotations(AnnotationSet("a-visit", VISIT, "tester",
                                                 project.label_names, "in_progress"))
    session.path.parent.mkdir(parents=True)
    session.path.write_bytes(theirs)
    conflicts: list[str] = []
    session.conflict.connect(lambda message: conflicts.append(threading.current_thread().name))
    with qtbot.waitSignal(session.save_finished) as finished:
        session.save_in_background()
    assert finished.args == [False] and conflicts == ["MainThread"]
    assert session.in_conflict and not session.saved
    assert session.path.read_bytes() == theirs
    assert not session.save_in_background() and not session.save()  # refused until resolved


def test_the_copy_written_does_not_change_with_the_set(project: Project) -> None:
    session = _session(project)
    _add(session, "كيم")
    copy = frozen_copy(session.aset)
    _add(session, "المحطة")
    assert [s.text for s in copy.spans()] == ["كيم"] and len(session.aset) == 2
    assert copy.text is session.aset.text  # the text itself is shared, not copied


def test_closing_the_window_waits_for_the_save_in_flight(
        qtbot: QtBot, make_window: Callable[..., MainWindow], gate: Gate) -> None:
    window = make_window()
    session = window.workspace.session
    assert session is not None
    start = VISIT.index("المحطة")
    window.view.select_range(start, start + len("المحطة"))
    qtbot.keyClick(window.view, "3")
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gate.wait_entered()  # Ctrl+S returned at once; the worker is writing
    assert session.saving and scripted(window).said == []
    threading.Timer(0.2, gate.open.set).start()
    assert window.close()
    assert not session.saving and session.saved
    assert [s["text"] for s in read_json(session.path)["spans"]] == ["المحطة"]
