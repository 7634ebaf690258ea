"""The document list: each document of the project with this annotator's status and span count.

The rows are the project's listing, shown at once; statuses and counts come
from the files (:func:`annotator.io.store.list_entry`: the text is decoded,
the annotation file summarised). A project of at most :data:`SYNC_ROWS`
documents and :data:`SYNC_BYTES` is read at once; a bigger one is read on a
worker thread (``QThreadPool``), rows on screen first, and a row not read yet
shows "…", never a guess. The open document's row then follows the window
(:meth:`DocumentListModel.update`), as its spans and status change.

The list stays exact as files change behind the window's back. Each row keeps
the stamps (:func:`annotator.io.store.file_stamp`: modification time, size,
inode) of the two files it was read from, and a look at the rows (on the
worker) reads again only those whose files changed. A look happens a moment
after a change in the folders watched (``QFileSystemWatcher`` on
``documents/`` and the annotator's folder; a document added or removed makes
the list itself read again, ``listing_changed``), whenever :meth:`refresh` is
called (the window does when it becomes active again: a network folder or a
file rewritten in place is not always reported), and for the document the
window has just left. A result read before the window last set a row never
overwrites it, and nothing read from disk replaces the open document's row.

A document whose file keeps spans aside (re-anchoring after its text changed
could not place them) shows "+N unplaced" beside its span count, in amber,
until each is placed or discarded.

A document that cannot be opened (its annotation file is not JSON, its text is
not UTF-8) is listed with the status "error" in red, the reason in its tooltip,
so it never passes for an ordinary one.

Each operation of the window on the list (finding a row, marking the current
one) takes the same time whatever the project's size: rows are found through
a dictionary, and a change repaints only the rows it touches.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io import store
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.idle import GuiIdle, pace
from annotator.ui.models.table import Index, RowTableModel, Translated

ERROR = "error"
# a status as the interface shows it: STATUS_TEXT[status] is translated when read
STATUS_TEXT: Translated[str] = Translated("DocumentListModel", {
    "new": QT_TRANSLATE_NOOP("DocumentListModel", "new"),
    "in_progress": QT_TRANSLATE_NOOP("DocumentListModel", "in progress"),
    "done": QT_TRANSLATE_NOOP("DocumentListModel", "done"),
    ERROR: QT_TRANSLATE_NOOP("DocumentListModel", "error"),
})
STATUS_COLOR = {"new": "#9e9e9e", "in_progress": "#f0a30a", "done": "#2e7d32", ERROR: "#c62828"}
UNPLACED_COLOR = "#8a5a00"
NOT_READ = "…"  # what a row not read yet shows for its status and count

SYNC_ROWS = 100  # a project at most this big (documents and bytes) is read at once
SYNC_BYTES = 2_000_000
BATCH_ROWS = 500  # rows a worker hands back at once (at least every BATCH_SECONDS)
BATCH_SECONDS = 0.1
SETTLE_MS = 300  # a look at the rows waits this long after a change in a folder

log = logging.getLogger(__name__)


def _dot(color: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DocumentRow(NamedTuple):
    """One row of the list, as read; the model keeps each as a plain ``tuple`` (:data:`Stored`).

    A tuple of strings and numbers is one the garbage collector stops following once
    it has seen it; a named tuple, like any object, it follows for good. 100,000 rows
    kept as objects made every full collection take a quarter of a second, a pause in
    the middle of whatever key was pressed then.
    """

    doc_id: str
    shown: bool  # False: not read yet, the row shows "…"
    status: str = ""  # a span status, or ERROR
    spans: int = 0
    problem: str | None = None  # why the document cannot be opened
    unplaced: int = 0  # spans kept aside, still to place or discard
    stamp: store.RowStamp | None = None  # the files when read (None: the window's values)
    version: int = 0  # bumped each time the window sets the row: older reads are dropped


Stored = tuple[Any, ...]  # a DocumentRow as the model keeps it: tuple(row)


def _load(stored: Stored) -> DocumentRow:
    return DocumentRow._make(stored)


# doc id, the row's version when it was read, stamp, status, spans, problem, unplaced
Result = tuple[str, int, store.RowStamp, str, int, str | None, int]


def _result(entry: store.ListEntry, version: int) -> Result:
    found = entry.summary
    if found is None:
        return (entry.doc_id, version, entry.stamp, ERROR, 0, entry.problem, 0)
    return (entry.doc_id, version, entry.stamp, found.status, found.spans, None,
            found.unplaced)


class _Relay(QObject):
    """Carries a look's results from the worker to the GUI thread (queued signals)."""

    batch = Signal(object, object)  # the _Look, a list of Result
    done = Signal(object)  # the _Look
    listing_changed = Signal(object)  # the _Look: documents were added or removed


class _Look:
    """One look at rows of the list: stat their files, read those that changed.

    Rows never read are read; rows showing "…" get what was read before when
    their files have not changed. Rows someone is looking at (``wanted``, doc
    ids the GUI thread adds as it paints rows not read yet) go first. The rows
    are the model's list as it was when the look began (the model replaces a
    row, never changes one, so the worker sees each row whole); results carry
    the row's version, and the model drops those of rows it set since. A plain
    object, run on a worker thread or, for a small project, on the calling one.
    """

    def __init__(self, project: Project, annotator: str, rows: list[Stored],
                 index: dict[str, int], which: list[int] | None, wanted: deque[str],
                 listing: bool, relay: _Relay | None, idle: threading.Event | None = None,
                 current: str | None = None) -> None:
        self.project = project
        self.annotator = annotator
        self.rows = rows
        self.index = index
        self.current = current  # the open document: its row, once set, is the window's
        self.skip: str | None = None  # a document the window is reading (set live)
        self.which = which  # the rows to look at (None: all)
        self._which = set(which) if which is not None else None
        self.wanted = wanted
        self.listing = listing  # also check the documents folder's listing against the rows
        self.relay = relay
        self.idle = idle  # a worker reads while it is set (see GuiIdle)
        self.cancelled = False
        self.finished = threading.Event()

    def results(self) -> Iterator[list[Result]]:
        """The results, in batches (every :data:`BATCH_ROWS` rows or :data:`BATCH_SECONDS`)."""
        reader = store.ListReader(self.project, self.annotator)
        order = iter(range(len(self.rows)) if self.which is None else self.which)
        taken: set[int] = set()  # rows looked at first because they were wanted
        batch: list[Result] = []
        sent = slice_end = time.monotonic()
        while not self.cancelled:
            if self.idle is not None:
                slice_end = pace(self.idle, slice_end)
            i = self._next_wanted(taken)
            if i is None:
                i = next(order, None)
                if i is None:
                    break
                if i in taken:
                    continue
            row = _load(self.rows[i])
            if row.shown and row.doc_id == self.current:  # what the model would drop anyway
                continue
            if row.doc_id == self.skip:  # the window is reading it, and will set its row
                continue
            stamp = reader.stamp(row.doc_id)
            if row.stamp == stamp:
                if not row.shown:  # shows "…": what was read is still true
                    batch.append((row.doc_id, row.version, stamp, row.status, row.spans,
                                  row.problem, row.unplaced))
            else:
                batch.append(_result(reader.entry(row.doc_id, stamp), row.version))
            if len(batch) >= BATCH_ROWS or time.monotonic() - sent > BATCH_SECONDS:
                if self.relay is not None and not shiboken6.isValid(self.relay):
                    self.cancelled = True  # the model went (the window closed): stop
                elif batch:
                    yield batch
                batch, sent = [], time.monotonic()
        if batch and not self.cancelled:
            yield batch

    def _next_wanted(self, taken: set[int]) -> int | None:
        while self.wanted:
            try:
                i = self.index.get(self.wanted.popleft())
            except IndexError:  # emptied meanwhile
                return None
            if i is not None and i not in taken and (self._which is None or i in self._which):
                taken.add(i)
                return i
        return None

    def listing_differs(self) -> bool:
        """Whether documents were added or removed since the rows were listed."""
        return self.listing and not self.cancelled and (
            self.project.doc_ids() != [row[0] for row in self.rows])

    def run(self) -> None:  # on a worker thread
        relay = self.relay
        assert relay is not None
        try:
            for batch in self.results():
                relay.batch.emit(self, batch)
            if self.listing_differs():
                relay.listing_changed.emit(self)
            relay.done.emit(self)
        except RuntimeError:  # the model (and its relay) went meanwhile: no one to tell
            self.cancelled = True
        except Exception:  # a defect: the rows stay as they are, the log says why
            log.exception("reading the document list of %s failed", self.project.root)
            with contextlib.suppress(RuntimeError):
                relay.done.emit(self)
        finally:
            self.finished.set()


class DocumentListModel(RowTableModel):
    COL_DOC, COL_STATUS, COL_SPANS = range(3)
    CONTEXT = "DocumentListModel"
    HEADERS = (QT_TRANSLATE_NOOP("DocumentListModel", "Document"),
               QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
               QT_TRANSLATE_NOOP("DocumentListModel", "Spans"))
    DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    listing_changed = Signal()  # documents were added to or removed from the folder

    def __init__(self, project: Project, annotator: str, parent: Any = None,
                 doc_ids: Iterable[str] | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self._rows: list[Stored] = []
        self._index: dict[str, int] = {}  # doc id -> row
        self._unknown = 0  # rows showing "…"
        self._counts: Counter[str] = Counter()  # rows shown, by status
        self._source: tuple[str, str] | None = None  # project folder and annotator of the rows
        self._current: str | None = None
        self._being_read: str | None = None  # see set_being_read
        self._icons = {status: _dot(color) for status, color in STATUS_COLOR.items()}
        self._look: _Look | None = None  # the look under way
        self._look_all = False  # asked for: a look at every row,
        self._look_rows: set[str] = set()  # at these rows,
        self._look_listing = False  # at the documents folder's listing
        self._wanted: deque[str] = deque()  # rows not read yet that are being painted
        self._asked: set[str] = set()  # (each asked for once per listing)
        self._relay = _Relay(self)
        self._relay.batch.connect(self._on_batch, Qt.ConnectionType.QueuedConnection)
        self._relay.done.connect(self._on_look_done, Qt.ConnectionType.QueuedConnection)
        self._relay.listing_changed.connect(self._on_listing_changed,
                                            Qt.ConnectionType.QueuedConnection)
        self._soon = QTimer(self)  # a look begins once the window is built and shown
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._start_look)
        self._settle = QTimer(self)  # a look waits for a burst of changes to end
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start_look)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self.reload(doc_ids)

    def reload(self, doc_ids: Iterable[str] | None = None) -> None:
        """List ``doc_ids`` (default: the project's documents) and read their rows again.

        A small project is read now; a big one shows "…" until the worker has
        read each row (what was read before for the same project and annotator
        is reused for the files that have not changed since).
        """
        ids = list(doc_ids) if doc_ids is not None else self.project.doc_ids()
        source = (str(self.project.root), self.annotator)
        before = {row[0]: row for row in self._rows} if source == self._source else {}
        self._cancel()
        self.beginResetModel()
        self._rows = [tuple(_load(before[doc_id])._replace(shown=False)) if doc_id in before
                      else tuple(DocumentRow(doc_id, False)) for doc_id in ids]
        self._index = {doc_id: i for i, doc_id in enumerate(ids)}
        self._unknown = len(ids)
        self._counts.clear()
        self._source = source
        self.endResetModel()
        self._watch()
        self._look_all = True
        if self._small():
            self._start_look()
        else:
            self._soon.start()

    def refresh(self) -> None:
        """Look at every row again (files may have changed unseen); only changed ones are read."""
        self._look_all = True
        self._look_listing = True
        self._settle.start()

    def unknown_count(self) -> int:
        """How many rows show "…" (not read yet)."""
        return self._unknown

    def reading(self) -> bool:
        """Whether a look at the rows is under way or about to begin."""
        return self._look is not None or self._soon.isActive() or self._settle.isActive()

    def wait(self, timeout: float = 60.0) -> bool:
        """Wait (on this thread) for the looks under way or asked for, and take their results;
        False if they took longer than ``timeout`` seconds."""
        end = time.monotonic() + timeout
        GuiIdle.of_gui().set()  # this thread waits: the worker need not
        while self.reading():
            self._soon.stop()
            self._settle.stop()
            look = self._look
            if look is None:
                self._start_look()
                continue
            if not look.finished.wait(max(0.0, end - time.monotonic())):
                return False
            self._take_queued(look)
        return True

    def _take_queued(self, look: _Look) -> None:
        """What ``look`` (finished) sent is queued for this thread: take it now."""
        QCoreApplication.sendPostedEvents(self)
        if self._look is look:  # its "done" was not among them (cannot happen; be safe)
            self._on_look_done(look)

    # -- looking at the files ---------------------------------------------------------
    def _small(self) -> bool:
        """Whether the rows are few and small enough to read on this thread at once."""
        if len(self._rows) > SYNC_ROWS:
            return False
        reader = store.ListReader(self.project, self.annotator)
        size = 0
        for row in self._rows:
            size += sum(max(0, stamp[2]) for stamp in reader.stamp(row[0])
                        if stamp is not None)
        return size <= SYNC_BYTES

    def _watch(self) -> None:
        """Watch the documents folder and the annotator's (or, until it exists, its parent)."""
        paths = self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        wanted = [self.project.documents_dir]
        try:
            folder = self.project.annotator_dir(self.annotator)
        except AnnotatorError:  # a name breaking the rules: each row says so
            folder = self.project.root
        wanted.append(folder if folder.is_dir() else folder.parent)
        existing = [str(path) for path in wanted if path.is_dir()]
        if existing:
            self._watcher.addPaths(existing)

    def _on_folder_changed(self, path: str) -> None:
        self._look_all = True
        if os.path.realpath(path) == os.path.realpath(self.project.documents_dir):
            self._look_listing = True
        self._settle.start()

    def _cancel(self) -> None:
        """Stop the look under way (its results are dropped) and forget those asked for."""
        if self._look is not None:
            self._look.cancelled = True
        self._look = None
        self._look_all = self._look_listing = False
        self._look_rows.clear()
        self._wanted.clear()  # (ids of rows that are no more)
        self._asked.clear()
        self._soon.stop()
        self._settle.stop()

    def _start_look(self) -> None:
        """Begin the look asked for: on a worker, or here for a small project."""
        if self._look is not None:  # one at a time: the next begins when it ends
            return
        which = None if self._look_all else sorted(
            self._index[doc_id] for doc_id in self._look_rows if doc_id in self._index)
        listing = self._look_listing
        self._look_all = self._look_listing = False
        self._look_rows.clear()
        if which == [] and not listing:
            return
        self._watch_again_if_created()
        small = self._small()
        look = _Look(self.project, self.annotator, self._rows, self._index, which,
                     self._wanted, listing, None if small else self._relay,
                     None if small else GuiIdle.of_gui(), self._current)
        look.skip = self._being_read
        self._look = look
        if not small:
            QThreadPool.globalInstance().start(look.run)
            return
        try:
            for batch in look.results():
                self._on_batch(look, batch)
            differs = look.listing_differs()
        finally:
            self._look = None
            look.finished.set()
        if differs:
            self.listing_changed.emit()

    def _watch_again_if_created(self) -> None:
        """The annotator's folder is watched once it exists (its first save makes it)."""
        try:
            folder = str(self.project.annotator_dir(self.annotator))
        except AnnotatorError:
            return
        if folder not in self._watcher.directories() and os.path.isdir(folder):
            self._watch()

    def _on_batch(self, look: _Look, batch: list[Result]) -> None:
        if look is not self._look:  # cancelled: these rows are not the model's any more
            return
        changed = []
        for doc_id, version, stamp, status, spans, problem, unplaced in batch:
            i = self._index.get(doc_id)
            if i is None:
                continue
            row = _load(self._rows[i])
            if row.version != version:  # the window set the row since it was read
                continue
            if doc_id == self._current and row.shown:  # the window's, once set
                continue
            new = DocumentRow(doc_id, True, status, spans, problem, unplaced, stamp, version)
            self._rows[i] = tuple(new)
            if row.shown and new[2:6] == row[2:6]:  # nothing to repaint
                continue
            self._count(row, new)
            changed.append(i)
        self._repaint(changed)

    def _repaint(self, rows: list[int]) -> None:
        """``dataChanged`` for each run of consecutive ``rows``: never a range holding rows
        that did not change (a filter over the list checks every row of the range again)."""
        rows.sort()
        start = 0
        for k in range(1, len(rows) + 1):
            if k == len(rows) or rows[k] != rows[k - 1] + 1:
                self.dataChanged.emit(self.index(rows[start], 0),
                                      self.index(rows[k - 1], len(self.HEADERS) - 1))
                start = k

    def _count(self, old: DocumentRow, new: DocumentRow) -> None:
        """Keep the counts of rows shown, by status, as a row goes from ``old`` to ``new``."""
        if old.shown:
            self._counts[old.status] -= 1
        else:
            self._unknown -= 1
        self._counts[new.status] += 1

    def status_counts(self) -> dict[str, int]:
        """How many rows show each status (``new``, ``in_progress``, ``done``, ``error``); rows
        not read yet are :meth:`unknown_count`. Kept as rows change: no row is looked at."""
        return {status: n for status, n in self._counts.items() if n}

    def _on_look_done(self, look: _Look) -> None:
        if look is not self._look:
            return
        self._look = None
        if self._look_all or self._look_rows or self._look_listing:
            self._start_look()

    def _on_listing_changed(self, look: _Look) -> None:
        if look is self._look:
            self.listing_changed.emit()

    def _want(self, doc_id: str) -> None:
        """A row not read yet is being painted: the worker reads it next."""
        if doc_id not in self._asked:
            self._asked.add(doc_id)
            self._wanted.append(doc_id)

    # -- rows ---------------------------------------------------------------------
    def doc_ids(self) -> list[str]:
        return [row[0] for row in self._rows]

    def row_of(self, doc_id: str) -> int | None:
        return self._index.get(doc_id)

    def doc_id_at(self, row: int) -> str:
        return _load(self._rows[row]).doc_id

    def _row(self, doc_id: str) -> DocumentRow | None:
        i = self._index.get(doc_id)
        return None if i is None else _load(self._rows[i])

    def status_of(self, doc_id: str) -> str | None:
        """The row's status; None when there is no such row or it is not read yet."""
        row = self._row(doc_id)
        return None if row is None or not row.shown else row.status

    def span_count(self, doc_id: str) -> int | None:
        row = self._row(doc_id)
        return None if row is None or not row.shown else row.spans

    def unplaced_count(self, doc_id: str) -> int | None:
        row = self._row(doc_id)
        return None if row is None or not row.shown else row.unplaced

    def problem_of(self, doc_id: str) -> str | None:
        row = self._row(doc_id)
        return None if row is None or not row.shown else row.problem

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def _set(self, doc_id: str, status: str, spans: int, problem: str | None,
             unplaced: int) -> None:
        """The window sets a row (what it holds in memory, not what a file says)."""
        i = self._index.get(doc_id)
        if i is None:
            return
        old = _load(self._rows[i])
        new = DocumentRow(doc_id, True, status, spans, problem, unplaced, None, old.version + 1)
        self._count(old, new)
        self._rows[i] = tuple(new)
        self._changed(i)

    def update(self, doc_id: str, status: str, spans: int, unplaced: int = 0) -> None:
        """The document is open: its status and span counts as they are now."""
        self._set(doc_id, status, spans, None, unplaced)

    def mark_error(self, doc_id: str, problem: str) -> None:
        """The document could not be opened, for the reason ``problem``."""
        self._set(doc_id, ERROR, 0, problem, 0)

    def set_current(self, doc_id: str | None) -> None:
        """Mark ``doc_id`` as the one shown; the one left is read again a moment later
        (its file is what the window saved, or someone else's after a conflict)."""
        old, self._current = self._current, doc_id
        for changed in {old, doc_id} - {None}:
            i = self._index.get(changed) if changed is not None else None
            if i is not None:
                self._changed(i)
        if old is not None and old != doc_id and old in self._index:
            self._look_rows.add(old)
            self._settle.start()

    def set_being_read(self, doc_id: str | None) -> None:
        """The window is reading ``doc_id``'s big file (None: no longer) and will set its row
        when it is read: a look leaves it alone meanwhile (not the same 10 MB twice)."""
        self._being_read = doc_id
        if self._look is not None:
            self._look.skip = doc_id

    # -- Qt model ----------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = _load(self._rows[index.row()])
        column = index.column()
        if not row.shown:  # not read yet: "…", never a guess
            return self._not_read(row, column, role)
        error = row.status == ERROR
        if role == Qt.ItemDataRole.DisplayRole:
            spans = "–" if error else (
                self.tr("{spans} +{unplaced} unplaced").format(spans=row.spans,
                                                               unplaced=row.unplaced)
                if row.unplaced else row.spans)
            return (row.doc_id, STATUS_TEXT.get(row.status, row.status), spans)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_STATUS:
            return self._icons.get(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QColor(STATUS_COLOR[ERROR])
        if role == Qt.ItemDataRole.ForegroundRole and row.unplaced and column == self.COL_SPANS:
            return QColor(UNPLACED_COLOR)
        if role == Qt.ItemDataRole.FontRole and row.doc_id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return self.tr("{doc_id} cannot be opened:\n{problem}").format(
                    doc_id=row.doc_id, problem=row.problem)
            tip = self.tr("{doc_id}: {status}, spans: {spans}").format(
                doc_id=row.doc_id, status=STATUS_TEXT.get(row.status, row.status),
                spans=row.spans)
            if row.unplaced:
                tip += self.tr("; {unplaced} more could not be placed after the text changed: "
                               "open the document to place or discard them").format(
                                   unplaced=row.unplaced)
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == self.DOC_ID_ROLE:
            return row.doc_id
        return None

    def _not_read(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DOC:
                self._want(row.doc_id)
                return row.doc_id
            return NOT_READ
        if role == Qt.ItemDataRole.FontRole and row.doc_id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == self.DOC_ID_ROLE:
            return row.doc_id
        return None
