"""Table cells that take their text's own direction, so Arabic reads right-to-left.

Item views lay every cell out in the widget's direction: in an English
interface an Arabic cell would start at the left, and a cell that mixes Arabic
with a Latin name or digits would be ordered with a left-to-right base; in the
Arabic interface (mirrored) an English cell would be ordered right to left.
This delegate gives each cell the direction of its first strong character
(bidi rules P2/P3, as the article view does for paragraphs) and aligns it to
that direction's start side, unless the model aligns the cell itself. Cells
without a strong character (numbers) keep the view's direction and alignment.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.document import strong_direction

# looked up once: every cell of every repaint asks (an enum member costs ten times an int)
_RTL, _LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


class BidiDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        direction = strong_direction(text) if text else None
        if direction is not None:
            # The view's default alignment is left, not absolute: the leading side of the
            # direction given here (a model that aligns a cell itself still does).
            option.direction = _RTL if direction == "rtl" else _LTR
