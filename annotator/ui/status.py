"""The window's status bar fields and title: annotator, document, position, spans, saved
state, and how many documents are done.

A :class:`StatusLine` listens to the workspace and the article view and
redraws itself; no command ever asks it to. Every state the window can be in
(a document open, a document that cannot be opened, none) is described here,
in one place, so the status bar never shows an empty line next to a broken
file. Each field also carries its state as a code (the Qt property
``state``), which tests read instead of the words.

The progress field ("3 of 10 done") counts the document list's rows
(:meth:`StatusLine.follow_documents`), so it agrees with the list and costs
no second read of the files; it is counted again a moment after the list
changes, once however many rows changed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.document_filter import progress
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.workspace import Workspace

FIELDS = ("annotator", "document", "position", "spans", "progress", "saved")
# a document's status, as the status bar and its messages name it
STATUS_WORDS = {"new": QT_TRANSLATE_NOOP("StatusLine", "new"),
                "in_progress": QT_TRANSLATE_NOOP("StatusLine", "in progress"),
                "done": QT_TRANSLATE_NOOP("StatusLine", "done")}


def status_word(status: str) -> str:
    """``status`` (``new``, ``in_progress``, ``done``) in the user's language."""
    return QCoreApplication.translate("StatusLine", STATUS_WORDS.get(status, status))


class StatusLine(QObject):
    """The permanent fields on the right of ``bar``, and the title of ``window``."""

    def __init__(self, workspace: Workspace, view: ArticleView, bar: QStatusBar,
                 window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.view = view
        self.window = window
        self.labels: dict[str, QLabel] = {}
        for name in FIELDS:
            label = QLabel()
            label.setObjectName(f"status-{name}")
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
            self.labels[name] = label
        ws = workspace
        for signal in (ws.project_changed, ws.annotator_changed, ws.documents_changed,
                       ws.document_loading, ws.document_opened, ws.document_failed,
                       ws.document_closed, ws.spans_changed, ws.status_changed, ws.unplaced_changed,
                       ws.saved_changed, ws.conflict, ws.save_failed, ws.save_finished):
            signal.connect(self.update)
        for signal in (ws.project_changed, ws.document_loading, ws.document_opened,
                       ws.document_failed, ws.document_closed):
            signal.connect(self.update_title)
        view.offset_changed.connect(self._show_position)
        self._documents: QAbstractItemModel | None = None
        self._count = QTimer(self)  # counts the list once after a burst of changes
        self._count.setSingleShot(True)
        self._count.setInterval(0)
        self._count.timeout.connect(self.show_progress)
        self.update()
        self.update_title()

    def follow_documents(self, model: QAbstractItemModel) -> None:
        """Count the documents done in the document list's ``model``, as it changes."""
        self._documents = model
        for signal in (model.modelReset, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved, model.layoutChanged):
            signal.connect(self._count.start)
        self.show_progress()

    def show_progress(self) -> None:
        if self._documents is None:
            return
        done, total = progress(self._documents)
        self._set("progress", self.tr("{done} of {total} done").format(done=done, total=total)
                  if total else "", f"{done}/{total}")

    def _set(self, name: str, text: str, state: str = "") -> None:
        label = self.labels[name]
        label.setText(text)
        label.setProperty("state", state)

    def state(self, name: str) -> str:
        """The code of what field ``name`` says (e.g. ``saved``: "saved", "unsaved")."""
        return str(self.labels[name].property("state") or "")

    def update(self, *_args: object) -> None:
        ws = self.workspace
        self._set("annotator", self.tr("Annotator: {name}").format(name=ws.annotator),
                  ws.annotator)
        doc_id = ws.current_doc_id
        where = (f" ({ws.doc_ids.index(doc_id) + 1}/{len(ws.doc_ids)})"
                 if doc_id in ws.doc_ids else "")
        session = ws.session
        if session is None:
            if ws.loading is not None:
                self._set("document", self.tr("{doc} · reading its spans…").format(
                    doc=f"{doc_id}{where}"), "reading")
                self._set("saved", self.tr("Read-only until its spans are read"), "reading")
            elif ws.broken is not None:
                self._set("document", self.tr("{doc} · cannot be opened").format(
                    doc=f"{doc_id}{where}"), "cannot-open")
                self._set("saved", self.tr("Not opened: nothing is written"), "not-opened")
            else:
                self._set("document", "")
                self._set("saved", "")
            self._set("position", "")
            self._set("spans", "")
            return
        status = session.aset.status
        self._set("document", self.tr("{doc} · {status}").format(
            doc=f"{doc_id}{where}", status=status_word(status)), status)
        self._show_position(self.view.cursor_offset())
        unplaced = len(session.aset.unplaced)
        spans = self.tr("%n spans", "", len(session.aset))
        if unplaced:
            spans += self.tr(" (+%n unplaced)", "", unplaced)
        self._set("spans", spans, f"{len(session.aset)}+{unplaced}" if unplaced
                  else str(len(session.aset)))
        if session.read_only:
            self._set("saved", self.tr("Read-only"), "read-only")
        elif session.in_conflict:
            self._set("saved", self.tr("Not saved: changed on disk"), "conflict")
        elif session.saved:
            self._set("saved", self.tr("Saved"), "saved")
        else:
            self._set("saved", self.tr("Unsaved changes"), "unsaved")

    def _show_position(self, offset: int) -> None:
        if self.workspace.session is not None:
            self._set("position", self.tr("Offset {offset}").format(offset=offset), str(offset))

    def update_title(self, *_args: object) -> None:
        doc_id = self.workspace.current_doc_id
        project = self.workspace.project.name
        self.window.setWindowTitle(
            self.tr("{doc} — {project} — Annotator").format(doc=doc_id, project=project)
            if doc_id else self.tr("{project} — Annotator").format(project=project))
