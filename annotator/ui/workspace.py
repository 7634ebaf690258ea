"""What the window shows and the one path that changes it: project, annotator, open document.

The :class:`Workspace` owns the project, the person working (``user``) and
whose files they edit (``annotator``: the user, or ``gold`` in review mode),
the label colours, the open :class:`~annotator.ui.session.DocumentSession`
or the document shown as impossible to open (``broken``), and the undo
histories of documents left. Every change to these goes through one method:

- :meth:`open_document` (the current document is saved first; ``force``:
  it is discarded), :meth:`close_document`, :meth:`step_document`;
- :meth:`switch_annotator` (review mode), :meth:`switch_project`;
- :meth:`reload_labels`, :meth:`reload_documents` (after an import).

Widgets never ask to be updated: they listen to the signals below, and the
open session's signals are relayed, so a widget connects once for every
document. Leaving a document always saves it first; when that is impossible
the user is asked through :class:`~annotator.ui.feedback.Feedback`, and the
only way past keeps a copy of the unsaved work.

**A big document opens in two steps.** When its annotation file is big
(:data:`READ_LATER_BYTES`), reading it (JSON, 50,000 spans checked against
the text) takes far longer than showing the text. The text is shown at once
(``document_loading``: the view shows it, nothing can change it: there is no
session yet) and the file is read on a worker; when it is read, the session
opens as for any document (``document_opened``), with the text left where the
user scrolled it. Leaving the document meanwhile drops the read; a file that
cannot be read is shown as impossible to open, as always.

Switching documents does the same work however big the project: the open
document's place in the list is looked up (:class:`DocumentIds`), never
searched for, and the document shown is written to the settings
(:meth:`remember_now`) once the user stays on it a moment (:data:`REMEMBER_MS`)
or leaves (another project, quitting), not at every switch: each write syncs
the settings file to disk, twice ``fdatasync``, which a slow or network home
folder makes cost more than the whole switch.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, overload

import shiboken6
from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QEventLoop,
    QObject,
    QThreadPool,
    QTimer,
    Signal,
)

from annotator.core.document import Document
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io import store
from annotator.ui.feedback import Feedback
from annotator.ui.session import DocumentSession
from annotator.ui.settings import Settings
from annotator.ui.undo import UndoHistory

log = logging.getLogger(__name__)

# A document of this many spans or more is kept out of the garbage collector's full
# passes while it is open (gc.freeze): its 50,000 spans made a pass over every object
# take 90 ms in the middle of a key press (spans hold no cycles; they are freed by
# reference counting when the document closes, and unfreeze hands the rest back).
FREEZE_SPANS = 10_000

# An annotation file this big (about 3,000 spans) is read on a worker, after the text is
# shown (see the module's docstring); a smaller one is read before anything is shown.
READ_LATER_BYTES = 1_000_000
READ_AFTER_MS = 300  # ...once the window is idle, or after this long if it never is

KEEP_COPY, CANCEL, OK = "keep-copy", "cancel", "ok"  # answers to the workspace's questions
REMEMBER_MS = 2000  # the document shown goes into the settings once the user stays this long


def label_colors(project: Project) -> dict[str, str]:
    return {label.name: label.color for label in project.labels}


class DocumentIds(Sequence[str]):
    """The project's document ids in list order, each one's place found at once.

    A read-only sequence (``len``, indexing, iteration, ``in``, ``index``,
    equal to a list of the same ids) whose ``in``, ``index`` and
    :meth:`position` look the id up in a dictionary: the status line and
    Ctrl+PgDn ask where the open document is at every switch, which a list
    answers in a time growing with the project (a few milliseconds at
    100,000 documents).
    """

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._ids = list(ids)
        self._positions = {doc_id: i for i, doc_id in enumerate(self._ids)}

    def position(self, doc_id: str | None) -> int | None:
        """Where ``doc_id`` is in the list (0-based), None when it is not there."""
        return self._positions.get(doc_id) if doc_id is not None else None

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._ids[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._positions

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        position = self._positions.get(value) if isinstance(value, str) else None
        first, last, _ = slice(start, stop).indices(len(self._ids))
        if position is None or not first <= position < last:
            raise ValueError(f"{value!r} is not in the documents")
        return position

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DocumentIds):
            return self._ids == other._ids
        if isinstance(other, list | tuple):
            return self._ids == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DocumentIds({len(self._ids)} documents)"


class LoadingDocument:
    """A document whose text is shown while its annotation file is read on a worker."""

    def __init__(self, document: Document, annotator: str, relay: _LoadRelay) -> None:
        self.document = document
        self.annotator = annotator
        self.relay = relay
        self.started = False  # the worker was given the file to read
        self.cancelled = False  # left before the file was read: what is read is dropped

    @property
    def doc_id(self) -> str:
        return self.document.id

    def read(self, project: Project) -> None:  # on a worker thread
        if self.cancelled:  # left while it waited for a worker: not read at all
            return
        outcome: store.Loaded | Exception
        try:
            outcome = store.load(project, self.document.id, self.annotator, self.document)
        except Exception as exc:  # handed to the GUI thread, which says why
            outcome = exc
        if not self.cancelled and shiboken6.isValid(self.relay):
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self.relay.read.emit((self, outcome))


class _LoadRelay(QObject):
    """Carries a read annotation file from the worker to the GUI thread."""

    read = Signal(object)  # (LoadingDocument, Loaded or the exception raised)


class ShownOrder(Protocol):
    """The order the document list shows (sorted, filtered), for next/previous document."""

    def step_from(self, doc_id: str | None, step: int) -> str | None:
        """The document ``step`` places after (before) ``doc_id``; None past either end."""
        ...


class Workspace(QObject):
    """The project, the annotator and the open document of one window."""

    project_changed = Signal(object)  # the Project now shown (the old document is closed)
    labels_changed = Signal()  # the project's labels or their colours
    annotator_changed = Signal(str)  # whose files are edited now
    documents_changed = Signal()  # files changed on disk (an import): lists are re-read
    document_loading = Signal(str)  # its text is shown, its annotation file being read
    document_opened = Signal(str)
    document_failed = Signal(str, object)  # doc id, the AnnotatorError saying why
    document_closed = Signal()  # no document is shown
    # the open session's signals, relayed
    spans_changed = Signal(object)  # Changes
    status_changed = Signal(str)
    unplaced_changed = Signal()
    saved_changed = Signal(bool)
    conflict = Signal(str)
    save_failed = Signal(str)
    save_finished = Signal(bool)

    def __init__(self, project: Project, user: str, settings: Settings, feedback: Feedback,
                 autosave_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.user = user  # the person at the keyboard
        self.annotator = user  # whose files are edited: the user's, or gold's
        self.settings = settings
        self.feedback = feedback
        self.autosave_ms = autosave_ms
        self.colors = label_colors(project)
        self._frozen = False  # gc.freeze() was called for the open document
        self.doc_ids = DocumentIds(project.doc_ids())
        # set by the document list: next/previous follow its rows as shown; else doc_ids
        self.shown_order: ShownOrder | None = None
        self.session: DocumentSession | None = None
        self.broken: tuple[str, AnnotatorError] | None = None  # shown, cannot be opened
        self.loading: LoadingDocument | None = None  # shown, its file being read
        self._load_relay = _LoadRelay(self)
        self._load_relay.read.connect(self._on_read)
        self._waiting_to_read = False  # for the event loop's first idle moment
        self.undo_history = UndoHistory(self)  # per document, while the window is open
        self._remembered: tuple[str, str] | None = None  # (project, document) to write
        self._remember = QTimer(self)
        self._remember.setSingleShot(True)
        self._remember.setInterval(REMEMBER_MS)
        self._remember.timeout.connect(self.remember_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    @property
    def current_doc_id(self) -> str | None:
        """The document shown: open, being read, or shown as impossible to open."""
        if self.session is not None:
            return self.session.doc_id
        if self.loading is not None:
            return self.loading.doc_id
        return self.broken[0] if self.broken is not None else None

    @property
    def open_path(self) -> Path | None:
        """The annotation file of the document open or being read (None: neither)."""
        if self.session is not None:
            return self.session.path
        if self.loading is not None:
            return self.project.annotation_path(self.loading.doc_id, self.loading.annotator)
        return None

    # -- documents -----------------------------------------------------------------
    def open_first_document(self, doc_id: str | None = None) -> bool:
        """Open ``doc_id``, else the one last opened in this project, else the first."""
        root = str(self.project.root)
        remembered = self._remembered[1] if self._remembered is not None and (
            self._remembered[0] == root) else self.settings.last_document(root)
        first = doc_id or (remembered if remembered in self.doc_ids else None) or (
            self.doc_ids[0] if self.doc_ids else None)
        return first is not None and self.open_document(first)

    def open_document(self, doc_id: str, force: bool = False, read_later: bool = True) -> bool:
        """Show ``doc_id``; the current one is saved first (``force``: it is discarded).

        With ``read_later``, a big annotation file is read on a worker after the
        text is shown (see the module's docstring): True then means the text is
        shown; ``document_opened`` or ``document_failed`` follow.
        """
        if self.current_doc_id == doc_id and self.broken is None and not force:
            return True
        if self.session is not None and not force and not self.leave_current():
            return False
        try:
            if read_later and self._file_size(doc_id) >= READ_LATER_BYTES:
                self._show_while_reading(self.project.load_document(doc_id))
                return True
            session = DocumentSession(self.project, doc_id, self.annotator, self.autosave_ms,
                                      self, self.undo_history)
        except AnnotatorError as exc:  # not JSON, not UTF-8: the window says why
            self._show_failure(doc_id, exc)
            return False
        self._show_session(session)
        return True

    def _file_size(self, doc_id: str) -> int:
        try:
            return self.project.annotation_path(doc_id, self.annotator).stat().st_size
        except OSError:  # no file (or none readable: reading it says why)
            return 0

    def _show_while_reading(self, document: Document) -> None:
        """Show ``document``'s text now; its annotation file is read on a worker."""
        self._drop_session()
        self.broken = None
        self.document_closed.emit()  # what the last document showed goes
        self.loading = LoadingDocument(document, self.annotator, self._load_relay)
        # read once the text is painted: a worker holding the interpreter lock would make
        # the first paint wait for it (0.45 s instead of 0.05)
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None and not self._waiting_to_read:
            dispatcher.aboutToBlock.connect(self._start_reading)
            self._waiting_to_read = True
        QTimer.singleShot(READ_AFTER_MS, self._start_reading)  # a loop that never waits
        self._remember_document(document.id)
        self.document_loading.emit(document.id)

    def _start_reading(self) -> None:
        """The window has painted (its event loop is idle): read the file being waited for."""
        if self._waiting_to_read:
            dispatcher = QAbstractEventDispatcher.instance()
            if dispatcher is not None:
                dispatcher.aboutToBlock.disconnect(self._start_reading)
            self._waiting_to_read = False
        loading, project = self.loading, self.project
        if loading is None or loading.started:
            return
        loading.started = True
        log.info("reading %s's spans of %s on a worker", loading.annotator, loading.doc_id)
        QThreadPool.globalInstance().start(lambda: loading.read(project))

    def _on_read(self, read: tuple[LoadingDocument, store.Loaded | Exception]) -> None:
        loading, outcome = read
        if loading is not self.loading:  # left (or read again) meanwhile
            return
        self.loading = None
        if isinstance(outcome, AnnotatorError):
            self._show_failure(loading.doc_id, outcome)
            return
        if isinstance(outcome, Exception):  # a defect: said, and nothing is shown
            self.document_closed.emit()
            raise outcome
        self._show_session(DocumentSession(self.project, loading.doc_id, loading.annotator,
                                           self.autosave_ms, self, self.undo_history,
                                           loaded=outcome))

    def say_if_reading(self) -> bool:
        """When the document shown is still being read, say so (nothing can change until
        it is open) and return True; else False."""
        if self.loading is None:
            return False
        self.feedback.say(self.tr("The spans of {doc} are still being read: nothing can "
                                  "change for a moment").format(doc=self.loading.doc_id),
                          4000, "reading-spans")
        return True

    def wait_until_read(self, timeout_ms: int = 60_000) -> bool:
        """Wait (the event loop running) until the document being read is open or shown as
        impossible to open; False when it still is not after ``timeout_ms``."""
        if self.loading is None:
            return True
        loop = QEventLoop()
        ends = (self.document_opened, self.document_failed, self.document_closed)
        for signal in ends:
            signal.connect(loop.quit)
        timer = QTimer(loop)  # goes with the loop (a free single shot would outlive it)
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        try:
            loop.exec()
        finally:
            for signal in ends:
                signal.disconnect(loop.quit)
        return self.loading is None

    def _show_failure(self, doc_id: str, exc: AnnotatorError) -> None:
        log.warning("cannot open %s as %s: %s", doc_id, self.annotator, exc)
        self._drop_session()
        self.broken = (doc_id, exc)
        self._remember_document(doc_id)
        self.document_failed.emit(doc_id, exc)

    def _show_session(self, session: DocumentSession) -> None:
        self._drop_session()
        self.session, self.broken = session, None
        for source, relay in ((session.spans_changed, self.spans_changed),
                              (session.status_changed, self.status_changed),
                              (session.unplaced_changed, self.unplaced_changed),
                              (session.saved_changed, self.saved_changed),
                              (session.conflict, self.conflict),
                              (session.save_failed, self.save_failed),
                              (session.save_finished, self.save_finished)):
            source.connect(relay.emit)
        self.undo_history.group.setActiveStack(session.undo_stack)
        self._remember_document(session.doc_id)
        self.document_opened.emit(session.doc_id)
        if len(session.aset) >= FREEZE_SPANS:
            gc.freeze()  # see FREEZE_SPANS
            self._frozen = True

    def _remember_document(self, doc_id: str) -> None:
        self._remembered = (str(self.project.root), doc_id)
        self._remember.start()

    def remember_now(self) -> None:
        """Write the document shown to the settings now, if it is not yet (the window's
        closing should call this before it syncs the settings)."""
        self._remember.stop()
        if self._remembered is not None:
            root, doc_id = self._remembered
            self._remembered = None
            self.settings.set_last_document(root, doc_id)

    def _on_quit(self) -> None:
        if self._remembered is not None:
            self.remember_now()
            self.settings.sync()

    def close_document(self) -> None:
        """Show no document (the open one was saved, or is deliberately discarded)."""
        self._drop_session()
        self.broken = None
        self.document_closed.emit()

    def _drop_session(self) -> None:
        """Forget the open document (already saved, or deliberately discarded)."""
        old, self.session = self.session, None
        if self.loading is not None:  # its file is being read: what comes is dropped
            self.loading.cancelled = True
            self.loading = None
        if self._frozen:  # the big document's objects may be collected again
            gc.unfreeze()
            self._frozen = False
        if old is not None:
            old.leave(self.undo_history)
            old.deleteLater()
        self.undo_history.group.setActiveStack(None)  # type: ignore[arg-type]  # Qt: nullptr

    def step_document(self, step: int) -> None:
        """Open the document ``step`` places down (up, if negative) the list, as the list
        shows it (:attr:`shown_order`: sorted, filtered), else in :attr:`doc_ids` order."""
        if not self.doc_ids:
            return
        target: str | None
        if self.shown_order is not None:
            target = self.shown_order.step_from(self.current_doc_id, step)
        else:
            position = self.doc_ids.position(self.current_doc_id or self.doc_ids[0])
            index = position + step if position is not None else 0
            target = self.doc_ids[index] if 0 <= index < len(self.doc_ids) else None
        if target is not None:
            self.open_document(target)
        else:
            self.feedback.say(self.tr("No more documents that way"), 4000, "no-more-documents")

    def leave_current(self) -> bool:
        """Save the open document before leaving it; False when the user chose to stay."""
        session = self.session
        if session is None or session.save():
            if session is not None:
                session.stop()
            return True
        reason = (self.tr("someone else changed the file on disk") if session.in_conflict
                  else self.tr("it could not be written"))
        choice = self.feedback.ask(
            "leave", self.tr("Unsaved changes"),
            self.tr("Your changes to {doc} are not saved: {reason}.\n\nKeep them in a copy "
                    "next to {file} and continue?").format(
                doc=session.doc_id, reason=reason, file=session.path.name),
            [(KEEP_COPY, self.tr("Keep a copy of my version and continue")),
             (CANCEL, self.tr("Cancel"))])
        if choice != KEEP_COPY:
            log.info("stayed on %s: its changes could not be saved", session.path)
            return False
        path = session.backup_mine()
        session.stop()
        self.feedback.say(self.tr("Your version was kept in {path}").format(path=path), 8000,
                          "kept-a-copy")
        return True

    # -- whose work, which project -----------------------------------------------------
    def switch_annotator(self, annotator: str) -> bool:
        """Edit ``annotator``'s files from now on, starting with the document shown.

        That document is left (saved) and opened again as ``annotator``'s. When
        it cannot be (e.g. their file is not JSON), the user is told and the
        workspace goes back to the annotator it had; False then, and when the
        document could not be left.
        """
        if annotator == self.annotator:
            return True
        if not self.leave_current():
            return False
        doc_id, previous = self.current_doc_id, self.annotator
        self._set_annotator(annotator)
        if doc_id is None or self.open_document(doc_id, force=True, read_later=False):
            return True
        why = str(self.broken[1]) if self.broken is not None else doc_id
        self._set_annotator(previous)
        self.open_document(doc_id, force=True, read_later=False)
        self.feedback.ask("open-document-failed", self.tr("Cannot open document"), why,
                          [(OK, self.tr("OK"))])
        return False

    def _set_annotator(self, annotator: str) -> None:
        self.annotator = annotator
        log.info("editing %s's files", annotator)
        self.annotator_changed.emit(annotator)

    def switch_project(self, project: Project) -> bool:
        """Show ``project``: the user's own files, its labels, the document last opened in it.

        Review mode is left and the open document saved first; False (and nothing
        changed) when either is refused. Undo histories of the old project go.
        """
        if self.annotator != self.user and not self.switch_annotator(self.user):
            return False
        if not self.leave_current():
            return False
        self.close_document()
        self.remember_now()  # the old project's last document
        self.undo_history.clear()
        self.project = project
        self.colors = label_colors(project)
        self.doc_ids = DocumentIds(project.doc_ids())
        log.info("opened project %s (%d documents)", project.root, len(self.doc_ids))
        self.project_changed.emit(project)
        self.labels_changed.emit()
        self.open_first_document()
        return True

    def reload_labels(self) -> None:
        """The project's labels changed (an import added some): new colours, new actions."""
        self.colors.update(label_colors(self.project))
        self.labels_changed.emit()

    def reload_documents(self) -> None:
        """Files changed on disk (an import): the document lists are read again."""
        self.doc_ids = DocumentIds(self.project.doc_ids())
        self.documents_changed.emit()
