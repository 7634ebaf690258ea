"""The window's status bar and title: annotator, document, position, span count, saved state.

Kept apart from the window so that every state the window can be in (a
document open, a document that cannot be opened, none) is described in one
place, and so the status bar never shows an empty line next to a broken file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from annotator.ui.models.documents import STATUS_TEXT

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

FIELDS = ("annotator", "document", "position", "spans", "saved")


class StatusLine:
    """The permanent fields on the right of the status bar, and the window title."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.labels: dict[str, QLabel] = {}
        bar = window.statusBar()
        for name in FIELDS:
            label = QLabel()
            label.setObjectName(f"status-{name}")
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
            self.labels[name] = label

    def update(self) -> None:
        w, labels = self.window, self.labels
        labels["annotator"].setText(f"Annotator: {w.annotator}")
        doc_id = w.current_doc_id
        doc_ids = w.doc_model.doc_ids()
        where = f" ({doc_ids.index(doc_id) + 1}/{len(doc_ids)})" if doc_id in doc_ids else ""
        session = w.session
        if session is None:
            broken = w.broken is not None
            labels["document"].setText(f"{doc_id}{where} · cannot be opened" if broken else "")
            labels["position"].setText("")
            labels["spans"].setText("")
            labels["saved"].setText("Not opened: nothing is written" if broken else "")
            return
        labels["document"].setText(f"{doc_id}{where} · "
                                   f"{STATUS_TEXT.get(session.aset.status, '')}")
        labels["position"].setText(f"Offset {w.view.cursor_offset()}")
        unplaced = len(session.aset.unplaced)
        labels["spans"].setText(f"{len(session.aset)} spans"
                                + (f" (+{unplaced} unplaced)" if unplaced else ""))
        labels["saved"].setText(w.files.saved_text())

    def update_title(self) -> None:
        w = self.window
        doc = f"{w.current_doc_id} — " if w.current_doc_id else ""
        w.setWindowTitle(f"{doc}{w.project.name} — Annotator")
