"""One open document: its annotation set, undo stack, and safe saving that never freezes the window.

The session is the only object that changes the annotation set, and only
through core edits (checked by applying them, then pushed on its
``QUndoStack``). It saves through :func:`annotator.io.store.save`, which writes
atomically and refuses, under the folder's lock, to overwrite a file that
changed on disk since it was read: the session then reports a conflict and
saves nothing until the user chooses, and both choices keep the losing version
in a backup file next to the annotation file, so no one's work is lost.

**Saving in the background.** Writing 50,000 spans (serialising, fsync) takes
a good part of a second, so autosave (a short while after each change) and
Ctrl+S write on a worker thread (:meth:`save_in_background`). The GUI thread
only copies the set's containers (spans are immutable; a few milliseconds),
then the worker calls :func:`~annotator.io.store.save` on that copy, so the
conflict check and the lock are exactly those of any other save. At most one
save runs at a time; a save asked for meanwhile runs when it ends. The
outcome comes back on the GUI thread as ``saved_changed`` / ``conflict`` /
``save_failed``, then ``save_finished``. The undo stack's state at the copy is
what is marked saved, so edits made during the write stay unsaved.
:meth:`save` (leaving a document, closing, before an export) waits for a save
in flight, then writes what is left on the calling thread.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import Batch, Changes, Edit, SetStatus
from annotator.core.errors import AnnotatorError, ConflictError, EditError, Problem
from annotator.core.project import Project
from annotator.core.spans import Status
from annotator.io import store
from annotator.io.atomic import ABSENT, atomic_write, fingerprint
from annotator.io.standoff import serialize_annotations
from annotator.ui.edit_texts import edit_text
from annotator.ui.undo import DocumentUndoStack, EditCommand, UndoHistory

log = logging.getLogger(__name__)


def frozen_copy(aset: AnnotationSet) -> AnnotationSet:
    """A copy a worker can write while ``aset`` goes on changing.

    Spans and relations are immutable, so copying the containers that hold
    them is enough (:meth:`AnnotationSet.frozen_copy`: the spans by id are
    shared until either set changes): well under a millisecond at 50,000
    spans, against 200 ms or more to serialise them.
    """
    return aset.frozen_copy()


class _Relay(QObject):
    """Carries a finished save from the worker to the GUI thread (a queued signal)."""

    finished = Signal(object)  # the _SaveJob


class _SaveJob:
    """One write of a frozen copy of the set: :func:`annotator.io.store.save`, nothing else.

    A plain object (no Qt object to outlive or delete on the wrong thread); the
    session's relay, which lives as long as the session, carries it back.
    """

    def __init__(self, project: Project, aset: AnnotationSet, expected: str, token: int,
                 pending: int, relay: _Relay) -> None:
        self.project = project
        self.aset = aset
        self.expected = expected
        self.token = token  # the undo stack's state that is being written
        self.pending = pending  # the session's pending-change count when copied
        self.relay = relay
        self.fingerprint: str | None = None
        self.error: Exception | None = None
        self.done = threading.Event()

    def run(self) -> None:  # on a worker thread, or on the GUI thread for a waited save
        try:
            self.fingerprint = store.save(self.project, self.aset, self.expected)
        except Exception as exc:  # handed to the GUI thread: a save never loses the edits
            self.error = exc
        self.relay.finished.emit(self)
        self.done.set()  # after the emit: a waiter then knows the queued delivery is stale


class DocumentSession(QObject):
    """``annotator``'s work on ``doc_id`` of ``project``, loaded and ready to edit."""

    spans_changed = Signal(object)  # Changes
    status_changed = Signal(str)
    unplaced_changed = Signal()  # a span kept aside was placed, discarded, or is back
    saved_changed = Signal(bool)  # whether the file on disk holds the current state
    conflict = Signal(str)  # why saving was refused
    save_failed = Signal(str)
    save_finished = Signal(bool)  # a save ended (True: written), after the signals above

    def __init__(self, project: Project, doc_id: str, annotator: str, autosave_ms: int = 800,
                 parent: QObject | None = None, history: UndoHistory | None = None,
                 loaded: store.Loaded | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.doc_id = doc_id
        self.annotator = annotator
        if loaded is None:  # else read already (on a worker: see Workspace.open_document)
            loaded = store.load(project, doc_id, annotator)  # AnnotatorError if not JSON
        self.document = loaded.document
        self.result = loaded.result
        self.aset = loaded.annotations
        self.fingerprint = loaded.fingerprint
        self.path = project.annotation_path(doc_id, annotator)
        self.read_only = not loaded.result.openable
        self.in_conflict = False
        self.written = False  # saved at least once since it was read
        self._pending = 0  # changes the undo stack does not know (accepted re-anchoring)
        self._pending_written = 0  # how many of them the file holds
        self._job: _SaveJob | None = None  # the save in flight
        self._again = False  # a save was asked for while one was in flight
        self._relay = _Relay(self)  # queued even from this thread: see _on_job_finished
        self._relay.finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        # this document's stack from an earlier visit, if the file is still as it was left
        # the set's hash of the text: reading the file made it already (the document's own
        # would hash a 10 MB text a second time)
        kept = history.take(annotator, doc_id, self.fingerprint, self.aset.sha256) \
            if history is not None else None
        self.undo_stack: DocumentUndoStack = kept or (
            history.new_stack() if history is not None else DocumentUndoStack(self))
        self.undo_stack.target = self
        # owned while open: when the window goes, the session (and its connection) goes
        # before the stack, whose destructor still signals a change
        self.undo_stack.setParent(self)
        self.undo_stack.indexChanged.connect(self._on_change)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, autosave_ms))
        self._timer.timeout.connect(self.autosave)
        self.autosave_enabled = autosave_ms >= 0

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def saved(self) -> bool:
        return self.undo_stack.is_saved() and self._pending == self._pending_written

    @property
    def saving(self) -> bool:
        """A save is in flight (its outcome not yet handled)."""
        return self._job is not None

    @property
    def problems(self) -> list[Problem]:
        return self.result.problems

    # -- edits -------------------------------------------------------------------
    def push(self, edit: Edit) -> EditError | None:
        """Apply ``edit`` and put it on the undo stack; returns the refusal, if any.

        The first span change of a ``new`` document also marks it
        ``in_progress``, in the same undo step.
        """
        if self.read_only:
            return EditError(Problem("bad-field", self.tr("this file has problems and is open "
                                                          "read-only"), file=str(self.path)))
        if self.aset.status == "new" and not edit.changes.status:
            edit = Batch((edit, SetStatus("new", "in_progress")), edit_text(edit))
        try:
            edit.apply(self.aset)
        except EditError as exc:
            return exc
        self._notify(edit)
        self.undo_stack.push(EditCommand(self.undo_stack, edit))
        return None

    def apply_edit(self, edit: Edit) -> None:
        """Used by undo and redo: apply without pushing."""
        edit.apply(self.aset)
        self._notify(edit)

    def _notify(self, edit: Edit) -> None:
        changes: Changes = edit.changes
        if changes.removed or changes.added:
            self.spans_changed.emit(changes)
        if changes.status:
            self.status_changed.emit(self.aset.status)
        if changes.unplaced:
            self.unplaced_changed.emit()

    def set_status(self, status: Status) -> EditError | None:
        if status == self.aset.status:
            return None
        return self.push(SetStatus(self.aset.status, status))

    def mark_pending(self) -> None:
        """Something must be written although no edit was made (e.g. re-anchored spans)."""
        self._pending += 1
        self._on_change()

    # -- saving ------------------------------------------------------------------
    def _on_change(self) -> None:
        self.saved_changed.emit(self.saved)
        if not self.saved and self.autosave_enabled and not self.in_conflict:
            self._timer.start()

    def autosave(self) -> None:
        if not self.saved:
            self.save_in_background()

    def _needs_writing(self) -> bool:
        return not (self.read_only or self.in_conflict or self.saved)

    def _job_for_now(self) -> _SaveJob:
        job = _SaveJob(self.project, frozen_copy(self.aset), self.fingerprint,
                       self.undo_stack.state_token(), self._pending, self._relay)
        self._job = job
        return job

    def save_in_background(self) -> bool:
        """Start writing the current state on a worker thread; False if nothing is to be written.

        The outcome comes as signals. A save asked for while one is in flight
        runs when that one ends.
        """
        self._timer.stop()
        if not self._needs_writing():
            return False
        if self._job is not None:
            self._again = True
            return True
        QThreadPool.globalInstance().start(self._job_for_now().run)
        return True

    def save(self) -> bool:
        """Write the set now, waiting for it; False when it could not be written."""
        self._timer.stop()
        self.wait()
        if self.read_only:
            return True
        if self.in_conflict:
            return False
        if self.saved:
            return True
        job = self._job_for_now()
        job.run()
        return self._finish(job)

    def wait(self) -> None:
        """Wait for the save in flight, if any, and handle its outcome (on this thread)."""
        job = self._job
        if job is not None:
            job.done.wait()
            self._again = False  # the caller decides what comes next
            self._finish(job)

    def _on_job_finished(self, job: _SaveJob) -> None:
        if job is not self._job:  # already handled, by save() or wait()
            return
        written = self._finish(job)
        again, self._again = self._again, False
        if written and again and self._needs_writing():
            self.save_in_background()

    def _finish(self, job: _SaveJob) -> bool:
        """Take in a save's outcome: the new fingerprint, or why it was not written."""
        self._job = None
        error = job.error
        if error is None and job.fingerprint is not None:
            self.fingerprint = job.fingerprint
            self.aset.modified = job.aset.modified
            self.written = True
            self._pending_written = max(self._pending_written, job.pending)
            self.undo_stack.mark_saved(job.token)
            self.saved_changed.emit(self.saved)
        elif isinstance(error, ConflictError):
            self.in_conflict = True
            log.warning("conflict shown for %s: %s", self.path, error.problem.message)
            self.conflict.emit(error.problem.message)
            self.saved_changed.emit(False)
        elif isinstance(error, AnnotatorError):  # a full disk, no permission: file untouched
            log.warning("not saved: %s", error)
            self.save_failed.emit(str(error.problem))
        else:  # a defect must never lose the edits: they stay in memory
            log.error("internal error saving %s", self.path, exc_info=error)
            self.save_failed.emit(f"{self.path}: {type(error).__name__}: {error}")
        written = error is None
        self.save_finished.emit(written)
        return written

    def _backup_path(self, who: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = self.path.with_name(f"{self.path.name}.{who}-{stamp}")
        n = 1
        while path.exists():
            n += 1
            path = self.path.with_name(f"{self.path.name}.{who}-{stamp}-{n}")
        return path

    def backup_mine(self) -> Path:
        """Write the current set next to the annotation file (not a ``.json``: never read back)."""
        self.wait()
        path = self._backup_path("mine")
        atomic_write(path, serialize_annotations(self.aset), ABSENT)
        log.info("kept a copy of the unsaved work in %s", path)
        return path

    def keep_mine(self) -> Path | None:
        """Resolve a conflict by writing ours (in the background); theirs is copied aside first.

        Returns the copy of theirs, if there was a file.
        """
        self.wait()
        backup = None
        try:
            theirs = self.path.read_bytes()
        except FileNotFoundError:
            theirs = None
        if theirs is not None:
            backup = self._backup_path("theirs")
            atomic_write(backup, theirs, ABSENT)
            log.info("kept their version of %s in %s (keep mine)", self.path, backup)
        self.fingerprint = fingerprint(self.path)
        self.in_conflict = False
        self.mark_pending()
        self.save_in_background()
        return backup

    def stop(self) -> None:
        """No more autosaves (the window is switching away or closing)."""
        self._timer.stop()
        self.autosave_enabled = False

    def leave(self, history: UndoHistory) -> None:
        """The window shows another document: keep the undo stack if it matches the file."""
        self.stop()
        self.wait()
        stack = self.undo_stack
        stack.indexChanged.disconnect(self._on_change)
        stack.target = None
        stack.setParent(history)
        if self.saved and not self.in_conflict and not self.read_only:
            history.keep(self.annotator, self.doc_id, stack, self.fingerprint,
                         self.aset.sha256)
        else:  # unsaved work was copied aside or discarded: its edits do not fit the file
            history.drop(stack)
