"""The relations table: one row per relation of the open document (type, from, to, note).

Relations are few next to spans, so the model is simply given the whole list
again after every change (:meth:`RelationTableModel.set_rows`), and resets
only when a row differs. The note column is editable; an edit there is not
applied here but handed on (``note_edited``) as a core edit, like every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel


@dataclass(frozen=True)
class RelationRow:
    """What a row shows of one relation."""

    relation_id: str
    type: str
    color: str
    source_text: str
    target_text: str
    note: str


class RelationTableModel(RowTableModel):
    COL_TYPE, COL_FROM, COL_TO, COL_NOTE = range(4)
    NOTE_COLUMN = COL_NOTE
    CONTEXT = "RelationTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("RelationTableModel", "Type"),
               QT_TRANSLATE_NOOP("RelationTableModel", "From"),
               QT_TRANSLATE_NOOP("RelationTableModel", "To"),
               QT_TRANSLATE_NOOP("RelationTableModel", "Note"))
    RELATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    note_edited = Signal(str, str)  # relation id, new note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RelationRow] = []
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[RelationRow]) -> bool:
        """Show ``rows``; False (and nothing reset) when they are what is shown."""
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        return True

    def relation_id_at(self, row: int) -> str:
        return self._rows[row].relation_id

    def row_of(self, relation_id: str | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.relation_id == relation_id), None)

    def rows(self) -> list[RelationRow]:
        return list(self._rows)

    def _icon(self, color: str) -> QIcon:
        icon = self._icons.get(color)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(color))
            icon = self._icons[color] = QIcon(pixmap)
        return icon

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.ToolTipRole):
            text = (row.type, row.source_text, row.target_text, row.note)[column]
            return " ".join(text.split()) if role == Qt.ItemDataRole.DisplayRole else text
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_TYPE:
            return self._icon(row.color)
        if role == self.RELATION_ID_ROLE:
            return row.relation_id
        return None

    def note_typed(self, row: Any, note: str) -> None:
        if row.note != note:
            self.note_edited.emit(row.relation_id, note)
