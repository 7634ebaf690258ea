"""The window's two tables (document list, span table) and the docks that hold them.

Both read Arabic right-to-left through :class:`BidiDelegate`, select whole
rows one at a time and keep rows one line high, so long lists scroll quickly.
Kept apart from the window, which only connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QMainWindow, QTableView

from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.widgets.bidi_delegate import BidiDelegate


def table(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setItemDelegate(BidiDelegate(view))
    return view


def document_table(model: QAbstractItemModel) -> QTableView:
    view = table(model, "document-list")
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    return view


def span_table(model: SpanTableModel) -> QTableView:
    view = table(model, "span-table")
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(SpanTableModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(SpanTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
    for column, width in ((SpanTableModel.COL_LABEL, 110), (SpanTableModel.COL_START, 70),
                          (SpanTableModel.COL_END, 70)):
        header.resizeSection(column, width)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view


def dock(window: QMainWindow, title: str, name: str, widget: QTableView,
         area: Qt.DockWidgetArea) -> QDockWidget:
    holder = QDockWidget(title, window)
    holder.setObjectName(name)
    holder.setWidget(widget)
    window.addDockWidget(area, holder)
    return holder
