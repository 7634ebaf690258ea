"""Table cells take their own text's direction; a cell the model aligns keeps it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from annotator.ui.widgets.bidi_delegate import BidiDelegate

RIGHT, LEFT = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
HORIZONTAL = LEFT | RIGHT | Qt.AlignmentFlag.AlignHCenter  # (without AlignAbsolute)


def _option(table: QTableView, row: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)  # what the view gives every cell before the delegate
    delegate = table.itemDelegateForIndex(table.model().index(row, 0))
    assert isinstance(delegate, BidiDelegate)
    delegate.initStyleOption(option, table.model().index(row, 0))
    return option


@pytest.mark.parametrize("interface", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])
def test_each_cell_reads_and_aligns_in_its_own_direction(qapp: object,
                                                         interface: Qt.LayoutDirection) -> None:
    model = QStandardItemModel()
    cells = ["قدّم الحاكم سترةً واقية", "Kim Jong Un في فلاديفوستوك", "12", "3 ساعات"]
    for text in cells:
        model.appendRow(QStandardItem(text))
    aligned = QStandardItem("مدينة")
    aligned.setData(int(RIGHT | Qt.AlignmentFlag.AlignVCenter), Qt.ItemDataRole.TextAlignmentRole)
    model.appendRow(aligned)
    table = QTableView()
    table.setLayoutDirection(interface)
    table.setModel(model)
    table.setItemDelegate(BidiDelegate(table))

    def seen(row: int) -> tuple[Qt.LayoutDirection, Qt.AlignmentFlag]:
        option = _option(table, row)
        visual = QStyle.visualAlignment(option.direction, option.displayAlignment)
        return option.direction, visual & HORIZONTAL

    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert seen(0) == (rtl, RIGHT)  # Arabic starts at the right, in either interface
    assert seen(1) == (ltr, LEFT)  # a Latin name first: the cell reads left to right
    # no strong character: the interface's direction and its leading side
    assert seen(2) == (interface, RIGHT if interface == rtl else LEFT)
    assert seen(3) == (rtl, RIGHT)  # digits then Arabic: the Arabic decides
    # the model's own alignment is kept (here: right, not absolute, in an RTL cell: left)
    direction, side = seen(4)
    assert direction == rtl and side == LEFT
