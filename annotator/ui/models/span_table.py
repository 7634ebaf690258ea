"""The span table: one row per span in writer order (start, end, label, id).

The model keeps its own sorted copy of the spans and applies each edit's
:class:`~annotator.core.edits.Changes` as row removals and insertions, so adding a
span at 50,000 spans touches one row instead of resetting the table. The note
column is editable; an edit there is not applied here but handed to the window
(``note_edited``), which pushes a core edit like every other change.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from annotator.core.edits import Changes
from annotator.core.spans import Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel


class SpanTableModel(RowTableModel):
    COL_TEXT, COL_LABEL, COL_START, COL_END, COL_NOTE = range(5)
    NOTE_COLUMN = COL_NOTE
    CONTEXT = "SpanTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Label"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Start"),
               QT_TRANSLATE_NOOP("SpanTableModel", "End"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Note"))
    SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    note_edited = Signal(str, str)  # span id, new note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Span] = []
        self._keys: list[tuple[int, int, str, str]] = []
        self._by_id: dict[str, Span] = {}
        self._icons: dict[str, QIcon] = {}

    # -- filling -----------------------------------------------------------------
    def reset(self, spans: list[Span], colors: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = sorted(spans, key=lambda s: s.sort_key)
        self._keys = [s.sort_key for s in self._rows]
        self._by_id = {s.id: s for s in self._rows}
        self._icons = {}
        for label, color in colors.items():
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(color))
            self._icons[label] = QIcon(pixmap)
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        """Remove and insert the rows an edit changed."""
        for span in changes.removed:
            row = bisect.bisect_left(self._keys, span.sort_key)
            if row < len(self._keys) and self._keys[row] == span.sort_key:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row], self._keys[row]
                self._by_id.pop(span.id, None)
                self.endRemoveRows()
        for span in changes.added:
            row = bisect.bisect_left(self._keys, span.sort_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, span)
            self._keys.insert(row, span.sort_key)
            self._by_id[span.id] = span
            self.endInsertRows()

    # -- lookups -----------------------------------------------------------------
    def span_at(self, row: int) -> Span:
        return self._rows[row]

    def row_of(self, span_id: str) -> int | None:
        span = self._by_id.get(span_id)
        if span is None:
            return None
        return bisect.bisect_left(self._keys, span.sort_key)

    def spans(self) -> list[Span]:
        return list(self._rows)

    # -- Qt model ----------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.COL_TEXT:
                return " ".join(span.text.split()) if role == Qt.ItemDataRole.DisplayRole \
                    else span.text
            if column == self.COL_LABEL:
                return span.label
            if column == self.COL_START:
                return span.start
            if column == self.COL_END:
                return span.end
            if column == self.COL_NOTE:
                return span.note or ""
        elif role == Qt.ItemDataRole.DecorationRole and column == self.COL_LABEL:
            return self._icons.get(span.label)
        elif role == Qt.ItemDataRole.ToolTipRole and column in (self.COL_TEXT, self.COL_NOTE):
            return span.text if column == self.COL_TEXT else span.note
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_START,
                                                                       self.COL_END):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                       | Qt.AlignmentFlag.AlignVCenter)
        elif role == self.SPAN_ID_ROLE:
            return span.id
        return None

    def note_typed(self, row: Any, note: str) -> None:
        if (row.note or "") != note:
            self.note_edited.emit(row.id, note)
