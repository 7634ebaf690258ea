"""The review list: one row per difference, with what gold holds there and the gold note.

Rows are the review items of :func:`annotator.core.adjudication.compare`, in
text order; "hide agreed" leaves out the ``same`` rows without renumbering the
items (the view's decorations are keyed by item index, so a click on the text
and a row of the list always name the same item). The Gold and Note columns
are read from the gold set whenever it changes (:meth:`refresh_gold`). The note
is editable where gold holds a span; the edit is handed out (``note_edited``)
and becomes a core edit on the undo stack, like every other change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from annotator.core.adjudication import GoldState, ItemPlaces, ReviewItem, gold_span, gold_state
from annotator.core.annotations import AnnotationSet
from annotator.core.differences import Kind, count_kinds
from annotator.core.edits import Changes
from annotator.core.spans import Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel, Translated
from annotator.ui.widgets.review_decorations import (
    MARK_COLOR,
    cell_parts,
    cell_text,
    cell_tooltip,
    describe,
    kind_text,
)

SHORT_KIND: Translated[Kind] = Translated("DifferenceTableModel", {
    Kind.SAME: QT_TRANSLATE_NOOP("DifferenceTableModel", "same"),
    Kind.LABEL: QT_TRANSLATE_NOOP("DifferenceTableModel", "label"),
    Kind.BOUNDARY: QT_TRANSLATE_NOOP("DifferenceTableModel", "boundary"),
    Kind.ONLY_A: QT_TRANSLATE_NOOP("DifferenceTableModel", "only A"),
    Kind.ONLY_B: QT_TRANSLATE_NOOP("DifferenceTableModel", "only B"),
    Kind.ATTRIBUTES: QT_TRANSLATE_NOOP("DifferenceTableModel", "attributes"),
    Kind.NOTE: QT_TRANSLATE_NOOP("DifferenceTableModel", "note"),
    Kind.RELATION: QT_TRANSLATE_NOOP("DifferenceTableModel", "relation"),
})
# what gold holds at a difference (the Gold column); the other states are letters or a dash
GOLD_TEXT: Translated[GoldState] = Translated("DifferenceTableModel", {
    GoldState.OTHER: QT_TRANSLATE_NOOP("DifferenceTableModel", "edited"),
})


def gold_text(state: GoldState) -> str:
    return GOLD_TEXT.get(state, state.text)


# which marks the view paints for a kind: (A's bar above, B's bar below, grey brackets)
KIND_MARKS: dict[Kind, tuple[bool, bool, bool]] = {
    Kind.SAME: (True, True, False), Kind.LABEL: (True, True, True),
    Kind.BOUNDARY: (True, True, True), Kind.ONLY_A: (True, False, True),
    Kind.ONLY_B: (False, True, True), Kind.ATTRIBUTES: (True, True, False),
    Kind.NOTE: (True, True, False), Kind.RELATION: (True, True, True),
}


def marks_pixmap(kind: Kind, width: int = 18, height: int = 14,
                 color: str = "#757575") -> QPixmap:
    """A small picture of the marks the view paints for ``kind``, in neutral grey (A's bar
    above, B's dashed below, brackets for a difference): the list's icons, the legend's."""
    above, below, sides = KIND_MARKS[kind]
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    grey = QColor(color)
    inner = QRectF(3, 2, width - 6, height - 4)
    if above:
        painter.fillRect(QRectF(inner.left(), inner.top(), inner.width(), 2), grey)
    if below:
        pen = QPen(grey, 2, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([1.5, 1.0])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        y = inner.bottom() - 1
        painter.drawLine(QPointF(inner.left(), y), QPointF(inner.right(), y))
    if sides:  # brackets
        side = QColor(MARK_COLOR)
        for x, tick in ((0, 3), (width - 1.5, -3)):
            painter.fillRect(QRectF(x, 0, 1.5, height), side)
            for y in (0, height - 1.5):
                painter.fillRect(QRectF(min(x, x + tick), y, 3 + 1.5, 1.5), side)
    painter.end()
    return pixmap


class DifferenceTableModel(RowTableModel):
    COL_KIND, COL_WHO, COL_A, COL_B, COL_GOLD, COL_NOTE = range(6)
    CONTEXT = "DifferenceTableModel"
    HEADERS = (QT_TRANSLATE_NOOP("DifferenceTableModel", "Kind"),
               QT_TRANSLATE_NOOP("DifferenceTableModel", "B is"),
               "A", "B",
               QT_TRANSLATE_NOOP("DifferenceTableModel", "Gold"),
               QT_TRANSLATE_NOOP("DifferenceTableModel", "Note"))
    ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the item's index in the full list
    PARTS_ROLE = Qt.ItemDataRole.UserRole + 2  # an A or B cell's (words, label), or None

    note_edited = Signal(int, str)  # item index, new note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self._rows: list[int] = []  # item index of each row
        self._states: list[GoldState] = []  # by item index
        self._gold: list[Span | None] = []  # by item index
        self._places = ItemPlaces([])
        self._hide_agreed = False
        self._icons = {kind: QIcon(marks_pixmap(kind)) for kind in Kind}
        self._reference = "A"

    # -- filling -----------------------------------------------------------------
    def reset(self, items: Sequence[ReviewItem], gold: AnnotationSet | None) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._places = ItemPlaces(self.items)
        self._reference = self.items[0].a if self.items else "A"
        self._read_gold(gold)
        self._filter()
        self.endResetModel()

    def set_hide_agreed(self, hide: bool) -> None:
        if hide != self._hide_agreed:
            self.beginResetModel()
            self._hide_agreed = hide
            self._filter()
            self.endResetModel()

    def _filter(self) -> None:
        self._rows = [i for i, item in enumerate(self.items)
                      if not (self._hide_agreed and item.kind is Kind.SAME)]

    def _read_gold(self, gold: AnnotationSet | None) -> None:
        if gold is None:
            self._states = [GoldState.NONE] * len(self.items)
            self._gold = [None] * len(self.items)
            return
        self._states = [gold_state(gold, item.difference) for item in self.items]
        # a relation's row has no span of its own to note (its ends have their rows)
        self._gold = [gold_span(gold, item.difference) if item.kind is not Kind.RELATION
                      else None for item in self.items]

    def _read_gold_at(self, gold: AnnotationSet, indexes: Sequence[int]) -> None:
        for i in indexes:
            difference = self.items[i].difference
            self._states[i] = gold_state(gold, difference)
            self._gold[i] = gold_span(gold, difference) if difference.kind is not Kind.RELATION \
                else None

    def refresh_gold(self, gold: AnnotationSet | None, changes: Changes | None = None) -> None:
        """Gold changed: re-read the Gold and Note columns; with ``changes`` (what an edit of
        gold removed and added), only at the items it can touch (:class:`ItemPlaces`)."""
        if gold is not None and changes is not None and len(self._states) == len(self.items):
            self._read_gold_at(gold, self._places.touched(changes))
        else:
            self._read_gold(gold)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.COL_GOLD),
                                  self.index(len(self._rows) - 1, self.COL_NOTE))

    # -- lookups -----------------------------------------------------------------
    def item_index_at(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, item_index: int) -> int | None:
        try:
            return self._rows.index(item_index)
        except ValueError:
            return None

    def state(self, item_index: int) -> GoldState:
        return self._states[item_index]

    def gold_span(self, item_index: int) -> Span | None:
        return self._gold[item_index]

    def counts(self) -> dict[Kind, int]:
        """How many items of each kind (hidden rows included)."""
        return count_kinds(item.difference for item in self.items)

    # -- Qt model ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if section == self.COL_A:
                return f"A: {self._reference}"
            return self.header(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item_index = self._rows[index.row()]
        item = self.items[item_index]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.COL_KIND:
                return SHORT_KIND[item.kind]
            if column == self.COL_WHO:
                return item.b
            if column in (self.COL_A, self.COL_B):
                return cell_text(item, "a" if column == self.COL_A else "b")
            if column == self.COL_GOLD:
                return gold_text(self._states[item_index])
            if column == self.COL_NOTE:
                span = self._gold[item_index]
                return (span.note or "") if span is not None else ""
        elif role == Qt.ItemDataRole.DecorationRole and column == self.COL_KIND:
            return self._icons[item.kind]
        elif role == self.PARTS_ROLE and column in (self.COL_A, self.COL_B):
            return cell_parts(item, "a" if column == self.COL_A else "b")
        elif role == Qt.ItemDataRole.TextAlignmentRole and (
                column == self.COL_GOLD or (column in (self.COL_A, self.COL_B) and cell_parts(
                    item, "a" if column == self.COL_A else "b") is None)):
            # a letter or a dash, in the middle of its cell whatever the direction
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_KIND:
                return kind_text(item.kind, item.a, item.b)
            if column in (self.COL_A, self.COL_B):
                return cell_tooltip(item, "a" if column == self.COL_A else "b")
            if column == self.COL_WHO:
                return item.b
            if column == self.COL_GOLD:
                span = self._gold[item_index]
                return (self.tr("Gold: {span}").format(span=describe(span)) if span is not None
                        else self.tr("Not in gold"))
            if column == self.COL_NOTE:
                span = self._gold[item_index]
                return span.note if span is not None else \
                    self.tr("Accept a version first to note it")
        elif role == self.ITEM_ROLE:
            return item_index
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and index.column() == self.COL_NOTE
                and self._gold[self._rows[index.row()]] is not None):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.COL_NOTE \
                or role != Qt.ItemDataRole.EditRole:
            return False
        item_index = self._rows[index.row()]
        span = self._gold[item_index]
        if span is None:
            return False
        if (span.note or "") != str(value):
            self.note_edited.emit(item_index, str(value))
        return True
