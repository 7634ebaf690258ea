"""One open document: its annotation set, undo stack, and safe, automatic saving.

The session is the only object that changes the annotation set, and only
through core edits (checked by applying them, then pushed on its
``QUndoStack``). It saves through :mod:`annotator.io.store`, which writes
atomically and refuses to overwrite a file that changed on disk since it was
read: the session then reports a conflict and saves nothing until the user
chooses, and both choices keep the losing version in a backup file next to the
annotation file, so no one's work is lost. Autosave runs a short while after
each change (debounced); the window also saves when switching documents and
when closing.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.edits import Batch, Edit, SetStatus
from annotator.core.errors import AnnotatorError, ConflictError, EditError, Problem
from annotator.core.project import Project
from annotator.core.spans import Status
from annotator.io import store
from annotator.io.atomic import ABSENT, atomic_write, fingerprint
from annotator.io.standoff import serialize_annotations
from annotator.ui.undo import Changes, DocumentUndoStack, EditCommand, UndoHistory, changes_of

log = logging.getLogger(__name__)


class DocumentSession(QObject):
    """``annotator``'s work on ``doc_id`` of ``project``, loaded and ready to edit."""

    spans_changed = Signal(object)  # Changes
    status_changed = Signal(str)
    unplaced_changed = Signal()  # a span kept aside was placed, discarded, or is back
    saved_changed = Signal(bool)  # whether the file on disk holds the current state
    conflict = Signal(str)  # why saving was refused
    save_failed = Signal(str)

    def __init__(self, project: Project, doc_id: str, annotator: str, autosave_ms: int = 800,
                 parent: QObject | None = None, history: UndoHistory | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.doc_id = doc_id
        self.annotator = annotator
        loaded = store.load(project, doc_id, annotator)  # AnnotatorError if not JSON at all
        self.document = loaded.document
        self.result = loaded.result
        self.aset = loaded.annotations
        self.fingerprint = loaded.fingerprint
        self.path = project.annotation_path(doc_id, annotator)
        self.read_only = not loaded.result.openable
        self.in_conflict = False
        self.written = False  # saved at least once since it was read
        self._pending = False  # a change the undo stack does not know (accepted re-anchoring)
        # this document's stack from an earlier visit, if the file is still as it was left
        kept = history.take(annotator, doc_id, self.fingerprint, self.document.sha256) \
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
        return self.undo_stack.isClean() and not self._pending

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
            return EditError(Problem("bad-field", "this file has problems and is open read-only",
                                     file=str(self.path)))
        if self.aset.status == "new" and not changes_of(edit).status:
            edit = Batch((edit, SetStatus("new", "in_progress")), edit.description)
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
        changes: Changes = changes_of(edit)
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
        self._pending = True
        self._on_change()

    # -- saving ------------------------------------------------------------------
    def _on_change(self) -> None:
        self.saved_changed.emit(self.saved)
        if not self.saved and self.autosave_enabled and not self.in_conflict:
            self._timer.start()

    def autosave(self) -> None:
        if not self.saved:
            self.save()

    def save(self) -> bool:
        """Write the set if it changed; False when it could not be written."""
        self._timer.stop()
        if self.read_only:
            return True
        if self.in_conflict:
            return False
        if self.saved:
            return True
        try:
            self.fingerprint = store.save(self.project, self.aset, self.fingerprint)
        except ConflictError as exc:
            self.in_conflict = True
            self.conflict.emit(exc.problem.message)
            self.saved_changed.emit(False)
            return False
        except AnnotatorError as exc:  # a full disk, no permission: the old file is untouched
            log.warning("not saved: %s", exc)
            self.save_failed.emit(str(exc.problem))
            return False
        except Exception as exc:  # a defect must never lose the edits: they stay in memory
            log.exception("internal error saving %s", self.path)
            self.save_failed.emit(f"{self.path}: {type(exc).__name__}: {exc}")
            return False
        self._pending = False
        self.written = True
        self.undo_stack.setClean()
        self.saved_changed.emit(True)
        return True

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
        path = self._backup_path("mine")
        atomic_write(path, serialize_annotations(self.aset), ABSENT)
        log.info("kept a copy of the unsaved work in %s", path)
        return path

    def keep_mine(self) -> Path | None:
        """Resolve a conflict by writing ours; theirs is copied aside first. Returns the copy."""
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
        self._pending = True
        self.save()
        return backup

    def stop(self) -> None:
        """No more autosaves (the window is switching away or closing)."""
        self._timer.stop()
        self.autosave_enabled = False

    def leave(self, history: UndoHistory) -> None:
        """The window shows another document: keep the undo stack if it matches the file."""
        self.stop()
        stack = self.undo_stack
        stack.indexChanged.disconnect(self._on_change)
        stack.target = None
        stack.setParent(history)
        if self.saved and not self.in_conflict and not self.read_only:
            history.keep(self.annotator, self.doc_id, stack, self.fingerprint,
                         self.document.sha256)
        else:  # unsaved work was copied aside or discarded: its edits do not fit the file
            history.drop(stack)
