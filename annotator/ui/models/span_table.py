"""The span table: one row per span in writer order (start, end, label, id).

The model keeps its own sorted copy of the spans, and the same spans sorted by
id (two lists of the span objects, searched by bisection: no key nor dict entry
per row), and applies each edit's :class:`~annotator.core.edits.Changes` as row
removals and insertions, so adding a span at 50,000 spans touches one row
instead of resetting the table. The note
column is editable; an edit there is not applied here but handed to the window
(``note_edited``), which pushes a core edit like every other change.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from annotator.core.edits import Changes
from annotator.core.spans import SORT_KEY, Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel

_ID = attrgetter("id")
_DISPLAY, _EDIT, _DECORATION, _TOOLTIP, _ALIGNMENT = (
    int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                           Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                           Qt.ItemDataRole.TextAlignmentRole))
_NUMBERS = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
               | Qt.AlignmentFlag.AlignVCenter)  # offsets: right-aligned, whatever the language


class SpanTableModel(RowTableModel):
    COL_TEXT, COL_LABEL, COL_START, COL_END, COL_NOTE = range(5)
    NOTE_COLUMN = COL_NOTE
    CONTEXT = "SpanTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("SpanTableModel", "Text"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Label"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Start"),
               QT_TRANSLATE_NOOP("SpanTableModel", "End"),
               QT_TRANSLATE_NOOP("SpanTableModel", "Note"))
    SPAN_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1

    note_edited = Signal(str, str)  # span id, new note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Span] = []  # by SORT_KEY
        self._by_id: list[Span] = []  # by id
        self._icons: dict[str, QIcon] = {}

    # -- filling -----------------------------------------------------------------
    def reset(self, spans: list[Span], colors: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = sorted(spans, key=SORT_KEY)
        self._by_id = sorted(self._rows, key=_ID)
        self._icons = {}
        for label, color in colors.items():
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(color))
            self._icons[label] = QIcon(pixmap)
        self.endResetModel()

    def apply(self, changes: Changes) -> None:
        """Remove and insert the rows an edit changed."""
        for span in changes.removed:
            row = self._row_for(span)
            if row < len(self._rows) and SORT_KEY(self._rows[row]) == span.sort_key:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._forget_id(span.id)
                self.endRemoveRows()
        for span in changes.added:
            row = self._row_for(span)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, span)
            self._forget_id(span.id)  # (one span per id, whatever came before)
            bisect.insort(self._by_id, span, key=_ID)
            self.endInsertRows()

    def _row_for(self, span: Span) -> int:
        """Where ``span`` is, or would go, in writer order."""
        return bisect.bisect_left(self._rows, span.sort_key, key=SORT_KEY)

    # -- lookups -----------------------------------------------------------------
    def span_at(self, row: int) -> Span:
        return self._rows[row]

    def row_of(self, span_id: str) -> int | None:
        found = self._by_id
        index = bisect.bisect_left(found, span_id, key=_ID)
        if index == len(found) or found[index].id != span_id:
            return None
        return self._row_for(found[index])

    def _forget_id(self, span_id: str) -> None:
        found = self._by_id
        index = bisect.bisect_left(found, span_id, key=_ID)
        if index < len(found) and found[index].id == span_id:
            del found[index]

    def spans(self) -> list[Span]:
        return list(self._rows)

    # -- Qt model ----------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked some 300 times a repaint: roles compared as plain numbers (an enum member
        # looked up and compared costs ten times as much)
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            if column == self.COL_TEXT:
                return " ".join(span.text.split()) if role == _DISPLAY else span.text
            if column == self.COL_LABEL:
                return span.label
            if column == self.COL_START:
                return span.start
            if column == self.COL_END:
                return span.end
            if column == self.COL_NOTE:
                return span.note or ""
        elif role == _DECORATION and column == self.COL_LABEL:
            return self._icons.get(span.label)
        elif role == _TOOLTIP and column in (self.COL_TEXT, self.COL_NOTE):
            return span.text if column == self.COL_TEXT else span.note
        elif role == _ALIGNMENT and column in (self.COL_START, self.COL_END):
            return _NUMBERS
        elif role == self.SPAN_ID_ROLE:
            return span.id
        return None

    def note_typed(self, row: Any, note: str) -> None:
        if (row.note or "") != note:
            self.note_edited.emit(row.id, note)
