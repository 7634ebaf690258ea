"""The window's side of File > Export… and File > Import…: save first, reload after.

- Before either runs, the open document's pending changes are saved (an export
  reads the files on disk; an import checks whether a file already holds
  spans). When they cannot be saved (a conflict, a write error) the run is
  refused with the reason, and the window's banner offers the way out.
- After an import that wrote files, the document list is re-read (span
  counts, new documents) and, when a file of the open document was written
  (this annotator's, or one that review mode compares) or labels were added,
  the document is opened again from disk through
  :meth:`MainWindow.open_document`, the same safe path as any other opening.
  That only happens when the session holds nothing unsaved; otherwise the
  session keeps its state, and its fingerprint check turns the next save into
  the usual conflict banner, so nothing is overwritten silently.
- Labels added by the import become label actions, palette buttons and menu
  entries at once.

Both dialogs are window-modal (``open()``, not ``exec()``), so the window keeps
painting while a run goes on in its thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from annotator.io.importing import ImportSummary
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.import_dialog import ImportDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

MESSAGE_MS = 8000


def save_pending(window: MainWindow) -> str | None:
    """Save the open document if it changed; the reason when that was impossible."""
    session = window.session
    if session is None or session.read_only or session.saved:
        return None
    if session.save():
        return None
    reason = ("the file changed on disk; choose in the banner above the text"
              if session.in_conflict else "it could not be written")
    return (f"Your changes to {session.doc_id} are not saved ({reason}). Resolve that in the "
            "window, then run again.")


def open_export(window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(window.project, [window.annotator], window,
                          before_run=lambda: save_pending(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_import(window: MainWindow) -> ImportDialog:
    dialog = ImportDialog(window.project, [window.annotator], window,
                          before_run=lambda: save_pending(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda summary: after_import(window, summary))
    dialog.open()
    return dialog


def refresh_labels(window: MainWindow) -> None:
    """Label actions, palette and menus for the project's labels as they are now."""
    project = window.project
    window.colors.update({label.name: label.color for label in project.labels})
    actions = window.registry.set_labels(project.labels)
    for label in project.labels:
        window.registry.connect(f"label.{label.name}",
                                lambda name=label.name: window.annotating.apply_label(name))
    window.label_palette.set_actions(actions)
    window.registry.build_menus(window.menuBar())


def after_import(window: MainWindow, summary: ImportSummary) -> None:
    """Show in the window what an import wrote."""
    if summary.labels_added:
        refresh_labels(window)
    window.doc_model.reload()
    session = window.session
    message = f"Imported {summary.spans} span(s) into {len(summary.written)} file(s)"
    if session is None:
        doc_ids = window.doc_model.doc_ids()
        if doc_ids:
            window.open_document(doc_ids[0])
    else:
        doc_id = session.doc_id
        # any file of the open document: the window may show other annotators' spans too
        touched = any(written == doc_id for written, _annotator in summary.written)
        if touched or summary.labels_added:
            if session.saved and not session.in_conflict:
                window.open_document(doc_id, force=True)
                if touched:
                    message += f"; {doc_id} was reloaded"
            else:
                message += (f"; {doc_id} has unsaved changes and was not reloaded (saving "
                            "will show the conflict)")
        else:
            window.doc_model.set_current(doc_id)
            row = window.doc_model.row_of(doc_id)
            if row is not None:
                window.doc_table.selectRow(row)
            window._update_status()
    window.statusBar().showMessage(message, MESSAGE_MS)
