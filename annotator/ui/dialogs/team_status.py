"""Project > Team status…: each annotator's progress and their agreement, as ``annotator status``.

The figures are :func:`annotator.io.team.team_status`'s: per annotator the
documents assigned (``project.json`` ``assignments``) and, of those (all they
annotated when nothing is assigned to them), how many are new, in progress
and done; then F1 (exact) and Cohen's kappa per pair on the documents both
annotated and marked done. Reading every file takes a moment on a large
project, so it runs on a worker thread: the dialog opens at once, says it is
reading, and the window keeps working (the dialog is not modal). *Refresh*
reads again (after a sync, say). The user's own row is in bold.

Object names, for tests: the dialog ``team-status``, the tables
``team-progress`` and ``team-agreement``, the line under them
``team-status-note`` (Qt property ``state``: ``reading``, ``ready``,
``no-agreement``, ``failed``), the button ``refresh``.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.io.team import team_status
from annotator.ui.widgets.bidi_delegate import BidiDelegate
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

NUMBER = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
          | Qt.AlignmentFlag.AlignVCenter)


def figure(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "–"


class _Relay(QObject):
    read = Signal(object)  # the team_status dict, or the exception


class TeamStatusDialog(QDialog):
    """The team's progress and agreement in ``project``; ``user``'s row in bold."""

    def __init__(self, project: Project, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.user = user
        self.setObjectName("team-status")
        self.setWindowTitle(self.tr("Team status — {project}").format(project=project.name))
        self.resize(620, 460)
        self.status: dict[str, Any] | None = None
        self.reading = False
        self._relay = _Relay(self)
        self._relay.read.connect(self._on_read, Qt.ConnectionType.QueuedConnection)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Progress on the documents assigned to each annotator "
                                 "(all they annotated when nothing is assigned to them)"))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.progress = self._table("team-progress", [
            self.tr("Annotator"), self.tr("Assigned"), self.tr("New"), self.tr("In progress"),
            self.tr("Done")])
        layout.addWidget(self.progress, 3)
        agreement = QLabel(self.tr("Agreement on the documents two annotators annotated and "
                                   "both marked done"))
        agreement.setWordWrap(True)
        layout.addWidget(agreement)
        self.agreement = self._table("team-agreement", [
            self.tr("Annotator A"), self.tr("Annotator B"), self.tr("Documents"),
            self.tr("F1 (exact)"), self.tr("Kappa")])
        layout.addWidget(self.agreement, 2)
        self.note = QLabel()
        self.note.setObjectName("team-status-note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh")
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        layout.addWidget(buttons)
        self.refresh()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setItemDelegate(BidiDelegate(table))  # Arabic names read right to left
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only figures: Close keeps the keys
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _say(self, text: str, state: str) -> None:
        self.note.setText(text)
        self.note.setProperty("state", state)

    def refresh(self) -> None:
        """Read the project's files again, on a worker thread."""
        if self.reading:
            return
        self.reading = True
        self.refresh_button.setEnabled(False)
        self._say(self.tr("Reading the project's annotation files…"), "reading")
        project, relay = self.project, self._relay

        def work() -> None:  # on a worker thread; never forks (a window's process)
            result: object
            try:
                result = team_status(project, parallel=False)
            except Exception as exc:  # shown in the dialog
                result = exc
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                relay.read.emit(result)

        QThreadPool.globalInstance().start(work)

    def _on_read(self, result: object) -> None:
        self.reading = False
        self.refresh_button.setEnabled(True)
        if not isinstance(result, dict):
            log.warning("team status of %s could not be read: %s", self.project.root, result)
            problems = (result.problems if isinstance(result, AnnotatorError) else [result])
            self._say(self.tr("The figures cannot be read:\n{problems}").format(
                problems="\n".join(f"• {p}" for p in problems[:8])), "failed")
            return
        self.status = result
        self._fill(result)

    def _fill(self, status: dict[str, Any]) -> None:
        rows: dict[str, dict[str, int]] = status["annotators"]
        self.progress.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (name, counts) in enumerate(rows.items()):
            cells = [name, *(str(counts[key]) for key in ("assigned", "new", "in_progress",
                                                           "done"))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(NUMBER)
                if name == self.user:
                    item.setFont(bold)
                self.progress.setItem(row, column, item)
        pairs: list[dict[str, Any]] = status["overlap_agreement"]
        self.agreement.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            cells = [pair["a"], pair["b"], str(pair["documents"]), figure(pair["f1_exact"]),
                     figure(pair["kappa"])]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(NUMBER)
                self.agreement.setItem(row, column, item)
        if not rows:
            self._say(self.tr("Nobody annotates in this project yet: 'annotator assign' hands "
                              "out the documents."), "no-agreement")
        elif not pairs:
            self._say(self.tr("No document was annotated by two annotators and marked done by "
                              "both yet: no agreement to show."), "no-agreement")
        else:
            self._say(self.tr("F1 counts spans with the same start, end and label; kappa "
                              "compares the label of every word."), "ready")


class TeamStatus(QObject):
    """Project > Team status… for one workspace: one dialog at a time, beside ``owner``."""

    def __init__(self, workspace: Workspace, owner: QWidget) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.owner = owner
        self.dialog: TeamStatusDialog | None = None

    def open(self) -> TeamStatusDialog:
        ws = self.workspace
        dialog = self.dialog
        if dialog is not None and dialog.project is ws.project and dialog.user == ws.user:
            dialog.refresh()
        else:
            if dialog is not None:
                dialog.close()
            dialog = TeamStatusDialog(ws.project, ws.user, self.owner)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
            self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget(self, dialog: TeamStatusDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
