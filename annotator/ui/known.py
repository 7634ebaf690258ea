"""The forms the person at the keyboard already labelled, kept up to date for snapping.

Clitic-aware snapping cuts a proclitic off a sloppy mouse selection when the
rest is a *known form* (:mod:`annotator.core.snapping`). Known forms are the
normalised texts of the user's own spans in the project and of gold's, never
another annotator's (:mod:`annotator.io.known_forms`). :class:`KnownForms`
reads the files again after the annotator, the project, the labels (an import)
or the listing change, re-parsing only files that changed, once the window
is idle (or when snapping asks first): opening a window or a document never
waits for it. The open document's own spans are counted the same way, then
followed edit by edit, so a word labelled a moment ago already counts.

A project of more than :data:`SYNC_DOCUMENTS` documents is read on a worker
thread that pauses while the window is busy (:mod:`annotator.ui.idle`): the
window opens at once, and snapping uses the open document's forms (and those
read before) until the worker is done. A read begun before the last reload is
dropped when it ends, so nothing stale replaces what is current.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections import Counter
from collections.abc import Iterator, KeysView
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from annotator.core.arabic import known_form
from annotator.core.edits import Changes
from annotator.core.spans import Span
from annotator.io.known_forms import KnownForms as FileForms
from annotator.io.known_forms import Scan, scan
from annotator.ui.idle import GuiIdle, pace
from annotator.ui.workspace import Workspace

SYNC_DOCUMENTS = 2000  # a project at most this big is read on the GUI thread, when idle


log = logging.getLogger(__name__)


def form(span: Span) -> str:
    return known_form(span.text)


class _Read(QRunnable):
    """One scan of the files on a worker; ``done`` carries (generation, Scan, root, leave_out)."""

    def __init__(self, relay: _Relay, generation: int, workspace: Workspace,
                 files: FileForms, leave_out: Path | None) -> None:
        super().__init__()
        self.relay = relay
        self.generation = generation
        self.project, self.person = workspace.project, workspace.user
        self.previous = dict(files.files)  # a copy: the GUI thread goes on changing its own
        self.leave_out = leave_out
        self.cancelled = False
        self.idle = GuiIdle.of_gui()
        self._slice_end = time.monotonic()

    def _pause(self) -> None:
        self._slice_end = pace(self.idle, self._slice_end)

    def run(self) -> None:  # on a worker thread
        try:
            found = scan(self.project, self.person, self.leave_out, self.previous,
                         self._pause, lambda: self.cancelled)
        except Exception:  # a defect: snapping keeps what it had, the log says why
            log.exception("reading the known forms of %s failed", self.project.root)
            return
        if not self.cancelled and shiboken6.isValid(self.relay):
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self.relay.done.emit((self.generation, found, self.project.root,
                                      self.leave_out))


class _Relay(QObject):
    done = Signal(object)


class KnownForms(QObject):
    """A collection (``in``, ``len``, iteration) of normalised forms: the user's and gold's
    files, and the open document."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self._files = FileForms()
        self._files_stale = False  # the files are read again when next asked
        self._generation = 0  # bumped at each reload: a read begun before is dropped
        self._reading: _Read | None = None
        self._count_later = QTimer(self)
        self._count_later.setSingleShot(True)
        self._count_later.setInterval(0)
        self._count_later.timeout.connect(self._warm)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_read)
        self._open: Counter[str] | None = None  # the open document's spans by form (None:
        # not counted yet)
        # a new person, project or listing: read the files again where they changed
        for signal in (ws.labels_changed, ws.annotator_changed, ws.project_changed,
                       ws.documents_changed):
            signal.connect(self.reload)
        # another document: only the file left and the file opened change (no scan)
        for signal in (ws.document_loading, ws.document_opened, ws.document_closed,
                       ws.document_failed):
            signal.connect(self.switch)
        ws.spans_changed.connect(self._on_spans_changed)
        self.reload()

    def reload(self, *_args: object) -> None:
        """Read the files again (where they changed) and count the open document's spans."""
        ws = self.workspace
        leave_out = ws.open_path
        self._generation += 1
        if self._reading is not None:
            self._reading.cancelled = True
            self._reading = None
        if len(ws.doc_ids) <= SYNC_DOCUMENTS:
            self._files_stale = True  # read once the window is idle (or when first asked)
            self._count_later.start()
        else:
            self._reading = _Read(self._relay, self._generation, ws, self._files, leave_out)
            QThreadPool.globalInstance().start(self._reading)
        self._count_open()

    @property
    def reading(self) -> bool:
        """Whether a read of the files is under way on a worker."""
        return self._reading is not None

    def _on_read(self, result: tuple[int, Scan, Path, Path | None]) -> None:
        generation, found, root, leave_out = result
        if generation != self._generation:  # a reload came since: its read is the one
            return
        self._reading = None
        self._files_stale = False
        self._files.adopt(found, root, leave_out)
        self.switch()  # the document open now, if another than when the read began
        log.debug("known forms read: %d forms from %d files", len(found.counts),
                  len(found.files))

    def close(self) -> None:
        """Stop a read under way (the window closes)."""
        if self._reading is not None:
            self._reading.cancelled = True
            self._reading = None

    def switch(self, *_args: object) -> None:
        """Follow the open document: count its spans, give the file left back to the files."""
        if not self._files_stale:  # (stale: the next read leaves the open one out anyway)
            self._files.switch(self.workspace.open_path)
        self._count_open()

    @property
    def _file_forms(self) -> KeysView[str]:
        """The files' forms, read first if a reload asked for it."""
        if self._files_stale:
            self._files_stale = False
            ws = self.workspace
            self._files.refresh(ws.project, ws.user, ws.open_path)
        return self._files.forms

    def _count_open(self) -> None:
        """Count the open document's spans once the window is idle (or when first asked,
        :attr:`_open_forms`), not now: opening a document of 50,000 spans must not wait
        for them (30 ms), nor the first key press after it."""
        self._open = None
        self._count_later.start()

    def _warm(self) -> None:
        """Read and count what is not yet (the window has just become idle)."""
        if self._files_stale:
            _ = self._file_forms
        if self._open is None:
            _ = self._open_forms

    @property
    def _open_forms(self) -> Counter[str]:
        if self._open is None:
            session = self.workspace.session
            self._open = Counter(form(span) for span in session.aset) \
                if session is not None else Counter()
            self._open.pop("", None)
        return self._open

    def _on_spans_changed(self, changes: Changes) -> None:
        if self._open is None:  # not counted yet: it will be, edits included
            return
        self._open.subtract(form(span) for span in changes.removed)
        self._open.update(form(span) for span in changes.added)
        for gone in {form(span) for span in changes.removed}:  # no copy of the Counter
            if self._open[gone] <= 0:
                del self._open[gone]

    def __contains__(self, item: object) -> bool:
        return item in self._file_forms or item in self._open_forms

    def __iter__(self) -> Iterator[str]:
        files = self._file_forms
        yield from files
        yield from (f for f in self._open_forms if f not in files)

    def __bool__(self) -> bool:  # (without it, `if known:` would count every form)
        return bool(self._file_forms) or bool(self._open_forms)

    def __len__(self) -> int:
        return len(self._file_forms | self._open_forms.keys())
