"""The window's side of File > Export… and File > Import…: save first, reload after.

- Before either runs, the open document's pending changes are saved (an export
  reads the files on disk; an import checks whether a file already holds
  spans). When they cannot be saved (a conflict, a write error) the run is
  refused with the reason, and the window's banner offers the way out.
- After an import that wrote files, the document list is re-read (span
  counts, new documents) and, when a file of the open document was written
  (this annotator's, or one that review mode compares) or labels were added,
  the document is opened again from disk through
  :meth:`Workspace.open_document`, the same safe path as any other opening.
  That only happens when the session holds nothing unsaved; otherwise the
  session keeps its state, and its fingerprint check turns the next save into
  the usual conflict banner, so nothing is overwritten silently.
- Labels added by the import become label actions, palette buttons and menu
  entries at once.

Both dialogs are window-modal (``open()``, not ``exec()``), so the window keeps
painting while a run goes on in its thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from annotator.io.importing import ImportSummary
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.feedback import Feedback
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

MESSAGE_MS = 8000


class Transfer(QObject):
    """File > Export… and File > Import… for one workspace; the dialogs are modal to ``owner``."""

    def __init__(self, workspace: Workspace, feedback: Feedback, owner: QWidget) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.feedback = feedback
        self.owner = owner

    def save_pending(self) -> str | None:
        """Save the open document if it changed; the reason when that was impossible."""
        session = self.workspace.session
        if session is None or session.read_only or session.saved:
            return None
        if session.save():
            return None
        reason = (self.tr("the file changed on disk; choose in the banner above the text")
                  if session.in_conflict else self.tr("it could not be written"))
        return self.tr("Your changes to {doc} are not saved ({reason}). Resolve that in the "
                       "window, then run again.").format(doc=session.doc_id, reason=reason)

    def open_export(self) -> ExportDialog:
        ws = self.workspace
        dialog = ExportDialog(ws.project, [ws.annotator], self.owner,
                              before_run=self.save_pending)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        ws = self.workspace
        dialog = ImportDialog(ws.project, [ws.annotator], self.owner,
                              before_run=self.save_pending)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.after_import)
        dialog.open()
        return dialog

    def after_import(self, summary: ImportSummary) -> None:
        """Show in the window what an import wrote."""
        ws = self.workspace
        if summary.labels_added:
            ws.reload_labels()
        ws.reload_documents()
        session = ws.session
        message = self.tr("Imported {spans} span(s) into {files} file(s)").format(
            spans=summary.spans, files=len(summary.written))
        if session is None:
            if ws.doc_ids:
                ws.open_document(ws.doc_ids[0])
        else:
            doc_id = session.doc_id
            # any file of the open document: the window may show other annotators' spans too
            touched = any(written == doc_id for written, _annotator in summary.written)
            if touched or summary.labels_added:
                if session.saved and not session.in_conflict:
                    ws.open_document(doc_id, force=True)
                    if touched:
                        message += self.tr("; {doc} was reloaded").format(doc=doc_id)
                else:
                    log.info("%s not reloaded after an import: it has unsaved changes", doc_id)
                    message += self.tr("; {doc} has unsaved changes and was not reloaded "
                                       "(saving will show the conflict)").format(doc=doc_id)
        self.feedback.say(message, MESSAGE_MS, "imported")
