"""The document list: each document of the project with this annotator's status and span count.

Summaries are read cheaply from the annotation files when the project opens
(:func:`annotator.io.store.summary`); the open document's row is then kept up
to date by the window as spans and status change.

A document whose file keeps spans aside (re-anchoring after its text changed
could not place them) shows "+N unplaced" beside its span count, in amber,
until each is placed or discarded.

A document that cannot be opened (its annotation file is not JSON, its text is
not UTF-8) is listed with the status "error" in red, the reason in its tooltip,
so it never passes for an ordinary one. The texts are decoded here for that
check: a few milliseconds per megabyte, once per reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io import store
from annotator.ui.i18n import QT_TRANSLATE_NOOP
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


def _dot(color: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


@dataclass
class DocumentRow:
    doc_id: str
    status: str  # a span status, or ERROR
    spans: int = 0
    problem: str | None = None  # why the document cannot be opened
    unplaced: int = 0  # spans kept aside, still to place or discard


class DocumentListModel(RowTableModel):
    COL_DOC, COL_STATUS, COL_SPANS = range(3)
    CONTEXT = "DocumentListModel"
    HEADERS = (QT_TRANSLATE_NOOP("DocumentListModel", "Document"),
               QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
               QT_TRANSLATE_NOOP("DocumentListModel", "Spans"))
    DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project, annotator: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self._rows: list[DocumentRow] = []
        self._current: str | None = None
        self._icons = {status: _dot(color) for status, color in STATUS_COLOR.items()}
        self.reload()

    def _read(self, doc_id: str) -> DocumentRow:
        try:
            self.project.load_document(doc_id)  # not UTF-8: cannot be opened
            summary = store.summary(self.project, doc_id, self.annotator)
        except AnnotatorError as exc:
            return DocumentRow(doc_id, ERROR, 0, "\n".join(str(p) for p in exc.problems))
        return DocumentRow(doc_id, summary.status, summary.spans, unplaced=summary.unplaced)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [self._read(doc_id) for doc_id in self.project.doc_ids()]
        self.endResetModel()

    def doc_ids(self) -> list[str]:
        return [row.doc_id for row in self._rows]

    def row_of(self, doc_id: str) -> int | None:
        for i, row in enumerate(self._rows):
            if row.doc_id == doc_id:
                return i
        return None

    def doc_id_at(self, row: int) -> str:
        return self._rows[row].doc_id

    def status_of(self, doc_id: str) -> str | None:
        row = self.row_of(doc_id)
        return None if row is None else self._rows[row].status

    def span_count(self, doc_id: str) -> int | None:
        row = self.row_of(doc_id)
        return None if row is None else self._rows[row].spans

    def unplaced_count(self, doc_id: str) -> int | None:
        row = self.row_of(doc_id)
        return None if row is None else self._rows[row].unplaced

    def problem_of(self, doc_id: str) -> str | None:
        row = self.row_of(doc_id)
        return None if row is None else self._rows[row].problem

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def update(self, doc_id: str, status: str, spans: int, unplaced: int = 0) -> None:
        """The document is open: its status and span counts as they are now."""
        row = self.row_of(doc_id)
        if row is None:
            return
        self._rows[row] = DocumentRow(doc_id, status, spans, unplaced=unplaced)
        self._changed(row)

    def mark_error(self, doc_id: str, problem: str) -> None:
        """The document could not be opened, for the reason ``problem``."""
        row = self.row_of(doc_id)
        if row is None:
            return
        self._rows[row] = DocumentRow(doc_id, ERROR, 0, problem)
        self._changed(row)

    def set_current(self, doc_id: str | None) -> None:
        self._current = doc_id
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    # -- Qt model ----------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
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
