"""Document > Only documents assigned to me: the document list narrowed to the user's share.

``project.json`` ``assignments`` (written by ``annotator assign``) says which
documents each annotator annotates. With the toggle on, the document list
hides the rows of documents not assigned to the workspace's user (the rows
stay in the models: selection, counts, the status and text filter above the
list and the open document work as before; only the table skips them). The
toggle is remembered (``documents/assigned_only``) and disabled, with a tip
saying why, when nothing is assigned to the user. Whenever the table's rows
change (the list read again after a sync or an import, another project or
annotator, the filter above the list) the rows are hidden again, once the
burst of changes is over.

Previous/next document (Ctrl+PgUp/PgDown) still step through every document.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction

from annotator.io.team import assigned_to
from annotator.ui import settings as keys
from annotator.ui.feedback import Feedback
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.settings import Settings
from annotator.ui.tables import DocumentList
from annotator.ui.workspace import Workspace

NOTHING_ASSIGNED = QT_TRANSLATE_NOOP("AssignedOnly", "project.json assigns no documents to you "
                                                     "(the coordinator's 'annotator assign')")


class AssignedOnly(QObject):
    """Hides the rows of ``documents`` that are not assigned to the user while ``action`` is on."""

    def __init__(self, workspace: Workspace, documents: DocumentList, action: QAction,
                 settings: Settings, feedback: Feedback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.documents = documents
        self.action = action
        self.settings = settings
        self.feedback = feedback
        self.tip = action.toolTip()
        self._hiding = False  # whether rows may be hidden (none are at first)
        action.setChecked(settings.get(keys.ASSIGNED_ONLY))
        action.toggled.connect(self.set_on)
        self._later = QTimer(self)  # one pass after a burst of row changes
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.apply)
        model = documents.table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved):
            signal.connect(self._later.start)
        for signal in (ws.project_changed, ws.annotator_changed, ws.documents_changed):
            signal.connect(self._later.start)
        self.apply()

    def assigned(self) -> set[str] | None:
        """The documents assigned to the user; None when nothing is."""
        docs = assigned_to(self.workspace.project, self.workspace.user)
        return set(docs) if docs is not None else None

    def set_on(self, on: bool) -> None:
        self.settings.set(keys.ASSIGNED_ONLY, bool(on))
        self.apply()
        docs = self.assigned()
        if on and docs is not None:
            self.feedback.say(self.tr("Listing the %n document(s) assigned to you", "",
                                      len(docs)), 4000, "assigned-only")

    def apply(self, *_args: Any) -> None:
        """Hide or show each row as the toggle and the assignments say."""
        self._later.stop()
        docs = self.assigned()
        self.action.setEnabled(docs is not None)
        # the action's own tip first, then why it is unavailable, if it is
        self.action.setToolTip(self.tip if docs is not None else self.tip + "\n" + (
            QCoreApplication.translate("AssignedOnly", NOTHING_ASSIGNED)))
        only = self.action.isChecked() and docs is not None
        if not only and not self._hiding:  # nothing hidden, nothing to hide: no pass over
            return                          # the rows (2 s at 100,000 documents)
        self._hiding = only
        table = self.documents.table
        model = table.model()
        for row in range(model.rowCount()):
            doc_id = model.index(row, 0).data(DocumentListModel.DOC_ID_ROLE)
            if doc_id is None:
                doc_id = model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
            hide = only and docs is not None and doc_id not in docs
            if table.isRowHidden(row) != hide:
                table.setRowHidden(row, hide)

    def shown(self) -> list[str]:
        """The doc ids of the rows the list shows (for tests and the status bar)."""
        table, model = self.documents.table, self.documents.table.model()
        return [str(model.index(row, 0).data(DocumentListModel.DOC_ID_ROLE))
                for row in range(model.rowCount()) if not table.isRowHidden(row)]
