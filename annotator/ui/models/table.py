"""What every table model of the window shares: a row list, fixed column headers.

Subclasses set ``HEADERS`` (English, each marked ``QT_TRANSLATE_NOOP(CONTEXT, …)``
with their ``CONTEXT``) and keep their rows in ``self._rows``; they add ``data``
(and ``flags``/``setData`` where cells are editable). Headers are translated
when the view asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
K = TypeVar("K")


class Translated(Mapping[K, str]):
    """A table of English texts marked ``QT_TRANSLATE_NOOP(context, …)``, translated when read.

    ``table[key]`` is the text in the interface language; :attr:`source` keeps
    the English ones.
    """

    def __init__(self, context: str, source: Mapping[K, str]) -> None:
        self.context = context
        self.source = dict(source)

    def __getitem__(self, key: K) -> str:
        return QCoreApplication.translate(self.context, self.source[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)


# what QAbstractTableModel gives a cell, and a note cell that can be edited too
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_NOTE_CELL = _CELL | Qt.ItemFlag.ItemIsEditable


class RowTableModel(QAbstractTableModel):
    """A flat table: one row per item of ``_rows``, one column per header."""

    CONTEXT: ClassVar[str] = ""  # the translation context of HEADERS
    HEADERS: ClassVar[tuple[str, ...]] = ()
    NOTE_COLUMN: ClassVar[int | None] = None  # a column whose cells edit the row's note
    _rows: list[Any]

    def flags(self, index: Index) -> Qt.ItemFlag:
        # asked for every cell at every repaint: constants, not Qt's base class and an |
        if not index.isValid():
            return _NO_FLAGS
        return _NOTE_CELL if index.column() == self.NOTE_COLUMN else _CELL

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A note typed in the note column goes to :meth:`note_typed` (never to the rows:
        the window turns it into an undoable edit, and the model follows that)."""
        if not index.isValid() or index.column() != self.NOTE_COLUMN \
                or role != Qt.ItemDataRole.EditRole:
            return False
        self.note_typed(self._rows[index.row()], str(value))
        return True

    def note_typed(self, row: Any, note: str) -> None:
        """A note was typed for ``row`` (models with a NOTE_COLUMN say what it changes)."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header(self, section: int) -> str:
        """The header of column ``section`` in the interface language."""
        return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header(section)
        return None
