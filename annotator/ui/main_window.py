"""The annotation window: article view, label palette, span table, document list, status bar.

The window assembles the pieces and keeps them in step; it owns no annotation
logic of its own. Labelling commands live in :mod:`annotator.ui.annotate`, the
open document (edits, undo, saving, conflicts) in
:class:`~annotator.ui.session.DocumentSession`, every command's text and
shortcut in :mod:`annotator.ui.actions`. Questions to the user go through
:meth:`MainWindow.ask` and :meth:`MainWindow.ask_text`, which tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.spans import Status
from annotator.ui import settings as keys
from annotator.ui.actions import ActionRegistry
from annotator.ui.annotate import Annotating
from annotator.ui.dialogs.transfer import open_export, open_import
from annotator.ui.files import FileHandling
from annotator.ui.fonts import article_font
from annotator.ui.models.documents import STATUS_TEXT, DocumentListModel
from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.projects import ProjectSwitching, choose_folder
from annotator.ui.review import ReviewController
from annotator.ui.session import DocumentSession
from annotator.ui.settings import Settings
from annotator.ui.status import StatusLine
from annotator.ui.tables import dock, document_table, span_table
from annotator.ui.undo import Changes, UndoHistory
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.banner import MessageBanner
from annotator.ui.widgets.decorations import SpanDecorations
from annotator.ui.widgets.label_palette import LabelPalette


class MainWindow(QMainWindow):
    document_opened = Signal(str)
    document_failed = Signal(str)  # the document cannot be opened; the window says why

    def __init__(self, project: Project, annotator: str, settings: Settings,
                 doc_id: str | None = None, autosave_ms: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.settings = settings
        self.autosave_ms = settings.get(keys.AUTOSAVE_MS) if autosave_ms is None else autosave_ms
        self.session: DocumentSession | None = None
        self.undo_history = UndoHistory(self)  # per document, while the window is open
        self.broken: tuple[str, AnnotatorError] | None = None  # a document that cannot open
        self.colors = {label.name: label.color for label in project.labels}
        self._syncing = False
        self.setObjectName("main-window")
        self.resize(1200, 820)
        self.registry = ActionRegistry(self, settings)
        self.registry.set_labels(project.labels)
        self.annotating = Annotating(self)
        self.files = FileHandling(self)
        self._build_central()
        self._build_docks()
        self._build_bars()
        self._connect_actions()
        self.review = ReviewController(self)
        self.projects = ProjectSwitching(self)
        geometry = settings.get(keys.GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = settings.get(keys.WINDOW_STATE)
        if state:
            self.restoreState(state)
        self.open_first_document(doc_id)
        self._update_title()

    # -- building ----------------------------------------------------------------
    def _build_central(self) -> None:
        self.view = ArticleView()
        self.view.setFont(article_font(self.settings.get(keys.FONT_SIZE)))
        self.view.snap_words = self.settings.get(keys.SNAP_TO_WORDS)
        self.view.context_menu_factory = self.annotating.context_menu
        self.conflict_banner = MessageBanner("conflict-banner")
        self.file_banner = MessageBanner("file-banner")
        # a document that cannot be opened shows why here, instead of a blank view
        self.broken_banner = MessageBanner("broken-banner")
        self.broken_page = QWidget()
        broken_layout = QVBoxLayout(self.broken_page)
        broken_layout.setContentsMargins(0, 0, 0, 0)
        broken_layout.addWidget(self.broken_banner)
        broken_layout.addStretch(1)
        self.view_stack = QStackedWidget()
        self.view_stack.addWidget(self.view)
        self.view_stack.addWidget(self.broken_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.file_banner)
        layout.addWidget(self.view_stack, 1)
        self.setCentralWidget(central)
        self.view.selected_key_changed.connect(self._on_view_selected)
        self.view.bounds_dragged.connect(self.annotating.set_bounds)
        self.view.offset_changed.connect(lambda _offset: self._update_status())
        self.view.zoom_requested.connect(lambda step: self.zoom(step))

    def _build_docks(self) -> None:
        """The document list (left) and the span table (bottom), in their docks."""
        self.doc_model = DocumentListModel(self.project, self.annotator, self)
        self.doc_table = document_table(self.doc_model)
        self.doc_table.activated.connect(self._on_doc_chosen)
        self.doc_table.clicked.connect(self._on_doc_chosen)
        self.span_model = SpanTableModel(self)
        self.span_table = span_table(self.span_model)
        self.span_table.selectionModel().currentRowChanged.connect(self._on_row_selected)
        self.span_model.note_edited.connect(self.annotating.set_note)
        docs = dock(self, "Documents", "documents-dock", self.doc_table,
                    Qt.DockWidgetArea.LeftDockWidgetArea)
        spans = dock(self, "Spans", "spans-dock", self.span_table,
                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([docs], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([spans], [220], Qt.Orientation.Vertical)

    def _build_bars(self) -> None:
        self.registry.build_menus(self.menuBar())
        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main-toolbar")
        self.registry.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        self.palette_bar = QToolBar("Labels", self)
        self.palette_bar.setObjectName("labels-toolbar")
        self.label_palette = LabelPalette()
        self.label_palette.set_actions(self.registry.label_actions())
        self.palette_bar.addWidget(self.label_palette)
        self.addToolBarBreak()  # labels on their own row: any number of them fits
        self.addToolBar(self.palette_bar)
        for action in self.registry.view_actions():
            self.view.addAction(action)
            self.span_table.addAction(action)
        self.status_line = StatusLine(self)
        self.status_labels = self.status_line.labels

    def _connect_actions(self) -> None:
        r, a = self.registry, self.annotating
        r.connect("file.save", self.files.save_now)
        r.connect("file.export", lambda: open_export(self))
        r.connect("file.import", lambda: open_import(self))
        r.connect("file.quit", self.close)
        r.connect("edit.undo", self.undo)
        r.connect("edit.redo", self.redo)
        self.undo_history.group.canUndoChanged.connect(r["edit.undo"].setEnabled)
        self.undo_history.group.canRedoChanged.connect(r["edit.redo"].setEnabled)
        r.connect("span.delete", a.delete_selected)
        r.connect("span.note", a.edit_note)
        r.connect("span.next", lambda: a.step_span(True))
        r.connect("span.previous", lambda: a.step_span(False))
        r.connect("span.start_left", lambda: a.move_edge("start", True))
        r.connect("span.start_right", lambda: a.move_edge("start", False))
        r.connect("span.end_left", lambda: a.move_edge("end", True))
        r.connect("span.end_right", lambda: a.move_edge("end", False))
        r.connect("span.deselect", self._deselect)
        r["annotate.snap"].setChecked(self.view.snap_words)
        r.connect("annotate.snap", self._set_snap)
        r.connect("doc.next", lambda: self.step_document(1))
        r.connect("doc.previous", lambda: self.step_document(-1))
        r.connect("doc.done", self.toggle_done)
        r.connect("view.zoom_in", lambda: self.zoom(1))
        r.connect("view.zoom_out", lambda: self.zoom(-1))
        r.connect("view.zoom_reset", lambda: self.zoom(0))
        r.connect("view.focus_text", self.view.setFocus)
        for label in self.project.labels:
            r.connect(f"label.{label.name}", lambda name=label.name: a.apply_label(name))

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # -- documents -----------------------------------------------------------------
    def open_first_document(self, doc_id: str | None = None) -> bool:
        """Open ``doc_id``, else the one last opened in this project, else the first."""
        doc_ids = self.doc_model.doc_ids()
        remembered = self.settings.last_document(str(self.project.root))
        first = doc_id or (remembered if remembered in doc_ids else None) or (
            doc_ids[0] if doc_ids else None)
        return first is not None and self.open_document(first)

    def open_document(self, doc_id: str, force: bool = False) -> bool:
        """Show ``doc_id``; the current one is saved first (``force``: it is discarded)."""
        if self.session is not None and self.session.doc_id == doc_id and not force:
            return True
        if self.session is not None and not force and not self.files.leave_current():
            return False
        try:
            session = DocumentSession(self.project, doc_id, self.annotator, self.autosave_ms,
                                      self, self.undo_history)
        except AnnotatorError as exc:  # not JSON, not UTF-8: say why, where the text would be
            self._close_session()
            self.broken = (doc_id, exc)
            self.files.show_broken(doc_id, exc)
            self.document_failed.emit(doc_id)
            return False
        self._close_session()
        self.session = session
        self.broken = None
        self.view_stack.setCurrentWidget(self.view)
        session.spans_changed.connect(self._on_spans_changed)
        session.status_changed.connect(lambda _status: self._update_document_row())
        session.unplaced_changed.connect(self._on_unplaced_changed)
        session.saved_changed.connect(self.files.on_saved_changed)
        session.conflict.connect(self.files.show_conflict)
        session.save_failed.connect(self.files.show_save_failure)
        self.undo_history.group.setActiveStack(session.undo_stack)
        self.registry["edit.undo"].setEnabled(session.undo_stack.canUndo())
        self.registry["edit.redo"].setEnabled(session.undo_stack.canRedo())
        self.view.set_text(session.text)
        self.view.set_provider(SpanDecorations(session.aset, self.colors))
        self.span_model.reset(session.aset.spans(), self.colors)
        self.conflict_banner.hide()
        self.files.show_file_banner()
        self.doc_model.set_current(doc_id)
        self._update_document_row()
        row = self.doc_model.row_of(doc_id)
        if row is not None:
            self.doc_table.selectRow(row)
        self.settings.set_last_document(str(self.project.root), doc_id)
        self.view.set_cursor_offset(0)
        self.view.setFocus()
        self._update_title()
        self._update_status()
        self.document_opened.emit(doc_id)
        return True

    def close_document(self) -> None:
        """Show no document (the open one was saved or deliberately discarded)."""
        self._close_session()
        self.broken = None
        self.view.set_text("")
        self.span_model.reset([], self.colors)
        self.conflict_banner.hide()
        self.file_banner.hide()
        self.view_stack.setCurrentWidget(self.view)
        self.doc_model.set_current(None)

    def _close_session(self) -> None:
        """Forget the open document (already saved, or deliberately discarded)."""
        old, self.session = self.session, None
        if old is not None:
            old.leave(self.undo_history)
            old.deleteLater()
        self.undo_history.group.setActiveStack(None)  # type: ignore[arg-type]  # Qt: nullptr

    @property
    def current_doc_id(self) -> str | None:
        """The document shown: open, or shown as impossible to open."""
        if self.session is not None:
            return self.session.doc_id
        return self.broken[0] if self.broken is not None else None

    def _on_doc_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_document(self.doc_model.doc_id_at(index.row()))

    def step_document(self, step: int) -> None:
        doc_ids = self.doc_model.doc_ids()
        if not doc_ids:
            return
        current = self.current_doc_id or doc_ids[0]
        index = doc_ids.index(current) + step if current in doc_ids else 0
        if 0 <= index < len(doc_ids):
            self.open_document(doc_ids[index])
        else:
            self.statusBar().showMessage("No more documents that way", 4000)

    def toggle_done(self) -> None:
        if self.session is None:
            return
        status: Status = "in_progress" if self.session.aset.status == "done" else "done"
        error = self.session.set_status(status)
        if error is not None:
            self.statusBar().showMessage(f"Not done: {error.problem.message}", 6000)
        else:
            self.statusBar().showMessage(f"{self.session.doc_id}: {STATUS_TEXT[status]}", 4000)

    # -- keeping views in step -------------------------------------------------------
    def _on_spans_changed(self, changes: Changes) -> None:
        touched = changes.removed + changes.added
        self.view.invalidate(min(s.start for s in touched), max(s.end for s in touched))
        self.span_model.apply(changes)
        self._update_document_row()
        session = self.session
        selected = self.view.selected_key
        if changes.added:
            self.select_span(changes.added[-1].id)
        elif session is not None and selected is not None and selected not in session.aset:
            self.select_span(None)
        self._update_status()

    def _on_unplaced_changed(self) -> None:
        self.files.show_file_banner()
        self._update_document_row()

    def select_span(self, span_id: str | None, reveal: bool = False) -> None:
        """Select a span in the view and the table (``reveal``: scroll the view to it)."""
        self.view.set_selected_key(span_id)
        if reveal and span_id is not None and self.session is not None:
            span = self.session.aset.get(span_id)
            if span is not None:
                self.view.set_cursor_offset(span.start)
        self._sync_table(span_id)
        self._update_status()

    def _sync_table(self, span_id: str | None) -> None:
        self._syncing = True
        try:
            row = self.span_model.row_of(span_id) if span_id else None
            if row is None:
                self.span_table.clearSelection()
                self.span_table.selectionModel().clearCurrentIndex()
            else:
                self.span_table.selectRow(row)
                self.span_table.scrollTo(self.span_model.index(row, 0))
        finally:
            self._syncing = False

    def _on_view_selected(self, span_id: object) -> None:
        self._sync_table(span_id if isinstance(span_id, str) else None)
        self._update_status()

    def _on_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        span = self.span_model.span_at(current.row())
        self.view.set_selected_key(span.id)
        self.view.set_cursor_offset(span.start)
        self._update_status()

    def _deselect(self) -> None:
        self.view.set_cursor_offset(self.view.cursor_offset())
        self.select_span(None)

    def _set_snap(self, on: bool) -> None:
        self.view.snap_words = bool(on)
        self.settings.set(keys.SNAP_TO_WORDS, bool(on))

    def zoom(self, step: int) -> None:
        """Bigger (+1), smaller (-1) or default (0) text; remembered."""
        size = self.settings.get(keys.FONT_SIZE)
        size = keys.FONT_SIZE.default if step == 0 else size + step
        size = max(keys.MIN_FONT_SIZE, min(keys.MAX_FONT_SIZE, size))
        self.settings.set(keys.FONT_SIZE, size)
        self.view.set_font_size(size)

    def _update_document_row(self) -> None:
        if self.session is not None:
            self.doc_model.update(self.session.doc_id, self.session.aset.status,
                                  len(self.session.aset), len(self.session.aset.unplaced))
            self._update_status()

    def _update_title(self) -> None:
        self.status_line.update_title()

    def _update_status(self) -> None:
        self.status_line.update()

    # -- questions (replaced in tests) -------------------------------------------------
    def ask(self, kind: str, title: str, text: str, choices: list[str]) -> str:
        """Ask the user to pick one of ``choices``; returns it ("" if the box was closed)."""
        box = QMessageBox(QMessageBox.Icon.Warning if kind != "info" else
                          QMessageBox.Icon.Information, title, text, parent=self)
        buttons = {box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice
                   for choice in choices}
        box.exec()
        return str(buttons.get(box.clickedButton(), ""))  # type: ignore[call-overload]

    def ask_text(self, title: str, label: str, value: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=value)
        return text if ok else None

    def choose_folder(self, title: str, start: str) -> str | None:
        return choose_folder(self, title, start)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None and not self.files.leave_current():
            event.ignore()
            return
        if self.session is not None:
            self.session.stop()
        self.settings.set(keys.GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(keys.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.sync()
        event.accept()
