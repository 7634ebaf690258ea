"""Table cells that take their text's own direction, so Arabic reads right-to-left.

Item views lay every cell out in the widget's direction (left-to-right in an
English interface): an Arabic cell then starts at the left, and a cell that
mixes Arabic with a Latin name or digits is ordered with a left-to-right base.
This delegate gives each cell the direction of its first strong character
(bidi rules P2/P3, as the article view does for paragraphs) and aligns it to
that direction's start side.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.document import strong_direction


class BidiDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if text and strong_direction(text) == "rtl":
            option.direction = Qt.LayoutDirection.RightToLeft
            # Not absolute: in a right-to-left cell "left" means the leading (right) side.
            option.displayAlignment = (Qt.AlignmentFlag.AlignLeft
                                       | Qt.AlignmentFlag.AlignVCenter)
