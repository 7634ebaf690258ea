"""The document list: each document of the project with this annotator's status and span count.

Summaries are read cheaply from the annotation files when the project opens
(:func:`annotator.io.store.summary`); the open document's row is then kept up
to date by the window as spans and status change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io import store

_Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {"new": "new", "in_progress": "in progress", "done": "done"}
STATUS_COLOR = {"new": "#9e9e9e", "in_progress": "#f0a30a", "done": "#2e7d32"}


def _dot(color: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class DocumentListModel(QAbstractTableModel):
    COL_DOC, COL_STATUS, COL_SPANS = range(3)
    HEADERS = ("Document", "Status", "Spans")
    DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project, annotator: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self._rows: list[list[Any]] = []  # [doc_id, status, spans, problem]
        self._current: str | None = None
        self._icons = {status: _dot(color) for status, color in STATUS_COLOR.items()}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        for doc_id in self.project.doc_ids():
            try:
                summary = store.summary(self.project, doc_id, self.annotator)
                self._rows.append([doc_id, summary.status, summary.spans, None])
            except AnnotatorError as exc:
                self._rows.append([doc_id, "in_progress", 0, str(exc.problem)])
        self.endResetModel()

    def doc_ids(self) -> list[str]:
        return [row[0] for row in self._rows]

    def row_of(self, doc_id: str) -> int | None:
        for i, row in enumerate(self._rows):
            if row[0] == doc_id:
                return i
        return None

    def doc_id_at(self, row: int) -> str:
        return str(self._rows[row][0])

    def status_of(self, doc_id: str) -> str | None:
        row = self.row_of(doc_id)
        return None if row is None else str(self._rows[row][1])

    def span_count(self, doc_id: str) -> int | None:
        row = self.row_of(doc_id)
        return None if row is None else int(self._rows[row][2])

    def update(self, doc_id: str, status: str, spans: int) -> None:
        row = self.row_of(doc_id)
        if row is None:
            return
        self._rows[row][1:4] = [status, spans, None]
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def set_current(self, doc_id: str | None) -> None:
        self._current = doc_id
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    # -- Qt model ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc_id, status, spans, problem = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (doc_id, STATUS_TEXT.get(status, status), spans)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_STATUS:
            return self._icons.get(status)
        if role == Qt.ItemDataRole.FontRole and doc_id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or f"{doc_id}: {STATUS_TEXT.get(status, status)}, {spans} span(s)"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == self.DOC_ID_ROLE:
            return doc_id
        return None
