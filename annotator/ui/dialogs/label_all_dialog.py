"""The preview of "label all": every match that would be labelled, each with a box to untick.

One row per match: its document and the words around it, the match in
brackets (a proclitic glued to it stays glued, so ``و[كيم]`` shows what is
left out). Matches that already carry the label are not listed (the summary
counts them), nor are those of files that cannot be changed (listed under
the table with the reason). ``Space`` ticks or unticks the current row; the
buttons tick all or none. Accepting gives back the ticked matches
(:meth:`LabelAllDialog.chosen`); the dialog changes nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.io.label_all import Match
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.table import Index, RowTableModel
from annotator.ui.widgets.bidi_delegate import BidiDelegate


@dataclass
class PreviewRow:
    match: Match
    context: str  # the words around the match, the match in brackets
    checked: bool = True


class LabelAllModel(RowTableModel):
    """The matches, each checkable in the document column."""

    COL_DOC, COL_CONTEXT = range(2)
    CONTEXT = "LabelAllModel"
    HEADERS = (QT_TRANSLATE_NOOP("LabelAllModel", "Document"),
               QT_TRANSLATE_NOOP("LabelAllModel", "Match in context"))

    def __init__(self, rows: Sequence[PreviewRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = list(rows)

    def rows(self) -> list[PreviewRow]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.match.doc if index.column() == self.COL_DOC else row.context
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.COL_DOC:
            return Qt.CheckState.Checked if row.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_CONTEXT:
            return self.tr("{doc}, offsets {start}–{end}").format(
                doc=row.match.doc, start=row.match.start, end=row.match.end)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.COL_DOC:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._rows[index.row()].checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def check_all(self, on: bool) -> None:
        for row in self._rows:
            row.checked = on
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])

    def checked(self) -> list[Match]:
        return [row.match for row in self._rows if row.checked]


class LabelAllDialog(QDialog):
    """Preview of labelling ``rows`` with ``label``; ``skipped``: already labelled."""

    def __init__(self, query: str, label: str, rows: Sequence[PreviewRow], skipped: int,
                 problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label-all-dialog")
        self.setWindowTitle(self.tr("Label all matches"))
        self.resize(760, 480)
        self.model = LabelAllModel(rows, self)
        documents = len({row.match.doc for row in rows})
        summary = self.tr("Label {count} matches of “{query}” in {documents} documents as "
                          "{label}. Untick those that are not meant.").format(
            count=len(rows), query=query, documents=documents, label=label)
        if skipped:
            summary += " " + self.tr("%n more already carry this label and are left out.", "",
                                     skipped)
        self.summary = QLabel(summary)
        self.summary.setObjectName("label-all-summary")
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("label-all-table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(BidiDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LabelAllModel.COL_DOC,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LabelAllModel.COL_CONTEXT, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, LabelAllModel.COL_DOC))
        self.problems = QLabel("\n".join(problems))
        self.problems.setObjectName("label-all-problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        self.problems.setStyleSheet("color: #c62828")
        select_all = QPushButton(self.tr("Tick &all"))
        select_all.setObjectName("label-all-tick-all")
        select_all.clicked.connect(lambda: self.model.check_all(True))
        select_none = QPushButton(self.tr("Tick &none"))
        select_none.setObjectName("label-all-tick-none")
        select_none.clicked.connect(lambda: self.model.check_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setObjectName("label-all-ok")
        ok.setText(self.tr("&Label the ticked matches"))
        ok.setEnabled(bool(rows))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(
            "label-all-cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(select_all)
        row.addWidget(select_none)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        self.table.setFocus()

    def chosen(self) -> list[Match]:
        """The matches still ticked."""
        return self.model.checked()
