"""The annotation window: it builds the widgets and the commands, and connects them.

There is no logic here. The state (project, annotator, open document) and
the one path that changes it are the :class:`~annotator.ui.workspace.Workspace`;
widgets follow its signals (:mod:`~annotator.ui.article`,
:mod:`~annotator.ui.tables`, :mod:`~annotator.ui.status`,
:mod:`~annotator.ui.files`); commands get the workspace, the widgets they
drive and a :class:`~annotator.ui.feedback.Feedback` (labelling in
:mod:`~annotator.ui.annotate`, relations in :mod:`~annotator.ui.relations`,
saving in :mod:`~annotator.ui.files`, projects in :mod:`~annotator.ui.projects`,
export and import in :mod:`~annotator.ui.dialogs.transfer`, review in :mod:`~annotator.ui.review`);
every command's text and shortcut is in :mod:`annotator.ui.actions`. Tests
pass a scripted ``feedback``; otherwise questions are dialogs of this window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core.project import Project
from annotator.ui import settings as keys
from annotator.ui.actions import ActionRegistry
from annotator.ui.annotate import Annotating
from annotator.ui.article import ArticleArea
from annotator.ui.assigned import AssignedOnly
from annotator.ui.dialogs.help_dialogs import HelpDialogs
from annotator.ui.dialogs.schema_dialog import SchemaEditing
from annotator.ui.dialogs.team_status import TeamStatus
from annotator.ui.dialogs.transfer import Transfer
from annotator.ui.feedback import Feedback, WindowFeedback
from annotator.ui.files import FileBanners, Saving
from annotator.ui.finding import Finding
from annotator.ui.known import KnownForms
from annotator.ui.models.document_filter import DocumentFilterBar
from annotator.ui.projects import ProjectSwitching
from annotator.ui.relations import Relations
from annotator.ui.review import ReviewController
from annotator.ui.settings import Settings
from annotator.ui.span_attributes import SpanAttributes
from annotator.ui.status import StatusLine
from annotator.ui.suggesting import Suggesting
from annotator.ui.sync import Syncing
from annotator.ui.tables import (
    DocumentList,
    SpanList,
    dock,
    reading_start_area,
)
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.find_bar import FindBar
from annotator.ui.widgets.label_palette import LabelPalette
from annotator.ui.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: str, settings: Settings,
                 doc_id: str | None = None, autosave_ms: int | None = None,
                 parent: QWidget | None = None, feedback: Feedback | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("main-window")
        self.resize(1200, 820)
        self.feedback = feedback or WindowFeedback(self)
        self.workspace = ws = Workspace(
            project, annotator, settings, self.feedback,
            settings.get(keys.AUTOSAVE_MS) if autosave_ms is None else autosave_ms, self)
        self.registry = ActionRegistry(self, settings)
        # the widgets, each following the workspace
        self.view = ArticleView()
        self.article = ArticleArea(ws, self.view, settings)
        self.setCentralWidget(self.article)
        self.find_bar = FindBar()
        area = self.article.layout()
        assert isinstance(area, QVBoxLayout)
        area.insertWidget(area.indexOf(self.article.stack), self.find_bar)  # right above the text
        self.documents = DocumentList(ws, self)
        self.document_filter = DocumentFilterBar()
        self.spans = SpanList(ws, self.view, self)
        self.status_line = StatusLine(ws, self.view, self.statusBar(), self)
        self.status_line.follow_documents(self.documents.model)
        self.known = KnownForms(ws, self)  # the user's labelled forms, for snapping
        # the commands
        self.annotating = Annotating(ws, self.view, self.spans, self.feedback, self.registry,
                                     self, self.known)
        self.relations = Relations(ws, self.view, self.spans, self.feedback, self.registry,
                                   self.annotating.push, self)
        self.finding = Finding(ws, self.view, self.annotating, self.find_bar, self.feedback,
                               self)
        self.help = HelpDialogs(self.registry, self)
        self.saving = Saving(ws, self.feedback, self.article.conflict_banner, self)
        self.banners = FileBanners(ws, self.saving, self.article.file_banner,
                                   self.article.broken_banner, self)
        self.transfer = Transfer(ws, self.feedback, self)
        self.projects = ProjectSwitching(ws, self.feedback, settings,
                                         self.registry.submenu("file.recent"), self)
        self.review = ReviewController(ws, self.view, self.spans, self.feedback, self.registry,
                                       self, self.article.document_shown)
        # the team: sync through git, the share assigned to the user, everyone's progress
        self.syncing = Syncing(ws, self.feedback, settings, self.statusBar(),
                               self.registry.submenu("file.sync_options"), self.close, self)
        self.assigned = AssignedOnly(ws, self.documents, self.registry["doc.assigned_only"],
                                     settings, self.feedback, self)
        self.team_status = TeamStatus(ws, self)
        # the schema (Project > Labels and relations…) and the selected span's attributes
        self.schema = SchemaEditing(ws, self.feedback, self, self.transfer.save_pending)
        self.attributes = SpanAttributes(ws, self.view, self.spans, self.annotating,
                                         self.feedback, self)
        # machine suggestions: marks in the text, Enter / Backspace, Annotate > Suggest…
        self.suggesting = Suggesting(ws, self.view, self.spans, self.annotating, self.feedback,
                                     self.registry, settings, self.article.document_shown, self,
                                     self.documents.filter, self.transfer.save_pending)
        self.document_filter.order_changed.connect(self.suggesting.order_documents)
        self.documents.filter.basis_changed.connect(self.document_filter.show_basis)
        self._build_docks()
        self._build_bars()
        self._build_labels()
        self._connect()
        geometry = settings.get(keys.GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = settings.get(self._state_key())
        if state:
            self.restoreState(state)
        ws.open_first_document(doc_id)

    # -- building ----------------------------------------------------------------
    def _build_docks(self) -> None:
        """The document list and the attributes (where reading starts), spans and relations
        (bottom)."""
        listing = QWidget()
        layout = QVBoxLayout(listing)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.document_filter)
        layout.addWidget(self.documents.table, 1)
        docs = dock(self, self.tr("Documents"), "documents-dock", listing,
                    reading_start_area())
        spans = dock(self, self.tr("Spans"), "spans-dock", self.spans.table,
                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([docs], [300], Qt.Orientation.Horizontal)
        relations = dock(self, self.tr("Relations"), "relations-dock", self.relations.table,
                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.splitDockWidget(spans, relations, Qt.Orientation.Horizontal)
        self.panels = [docs, spans, relations]  # View > Panels brings each back once closed
        # under the document list: beside the article it took the width lines wrap at; in a
        # scroll area, so that a long form scrolls and a new span's heading (wrapped over
        # lines) does not lay the whole window out again at each span selected
        scroller = QScrollArea()
        scroller.setObjectName("attributes-scroll")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.attributes.editor)
        self.attributes.dock = dock(self, self.tr("Attributes"), "attributes-dock", scroller,
                                    reading_start_area())
        self.splitDockWidget(docs, self.attributes.dock, Qt.Orientation.Vertical)
        self.resizeDocks([docs, self.attributes.dock], [360, 140], Qt.Orientation.Vertical)
        self.panels.append(self.attributes.dock)
        self.resizeDocks([spans], [220], Qt.Orientation.Vertical)

    def _build_bars(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        self.registry.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        self.palette_bar = QToolBar(self.tr("Labels"), self)
        self.palette_bar.setObjectName("labels-toolbar")
        self.label_palette = LabelPalette()
        self.palette_bar.addWidget(self.label_palette)
        self.addToolBarBreak()  # labels on their own row: any number of them fits
        self.addToolBar(self.palette_bar)
        for action in self.registry.view_actions():
            self.view.addAction(action)
            self.spans.table.addAction(action)
        panels = self.registry.submenu("view.panels")
        for action in (*[d.toggleViewAction() for d in self.panels], toolbar.toggleViewAction(),
                       self.palette_bar.toggleViewAction()):
            panels.addAction(action)

    def _build_labels(self) -> None:
        """Label actions, palette buttons and menus for the project's labels as they are now."""
        actions = self.registry.set_labels(self.workspace.project.labels)
        for label in self.workspace.project.labels:
            self.registry.connect(f"label.{label.name}",
                                  lambda name=label.name: self.annotating.apply_label(name))
        self.label_palette.set_actions(actions)
        self.registry.build_menus(self.menuBar())

    # -- connecting ----------------------------------------------------------------
    def _connect(self) -> None:
        ws, r, a, view = self.workspace, self.registry, self.annotating, self.view
        ws.labels_changed.connect(self._build_labels)
        self.documents.chosen.connect(ws.open_document)
        self.spans.model.note_edited.connect(a.set_note)
        self.banners.unplaced_list.place_requested.connect(a.place_unplaced)
        self.banners.unplaced_list.discard_requested.connect(a.discard_unplaced)
        view.context_menu_factory = self.relations.extend_menu(a.context_menu)
        view.bounds_dragged.connect(a.set_bounds)
        group = ws.undo_history.group
        for name, can, changed in (("edit.undo", group.canUndo, group.canUndoChanged),
                                   ("edit.redo", group.canRedo, group.canRedoChanged)):
            r[name].setEnabled(can())
            changed.connect(r[name].setEnabled)
        r.connect("file.open_project", self.projects.open_dialog)
        r.connect("file.save", self.saving.save_now)
        r.connect("file.export", self.transfer.open_export)
        r.connect("file.import", self.transfer.open_import)
        r.connect("file.sync", self.syncing.sync_now)
        r.connect("project.team_status", self.team_status.open)
        r.connect("project.schema", self.schema.open)
        r.connect("file.quit", self.close)
        r.connect("edit.undo", group.undo)
        r.connect("edit.redo", group.redo)
        r.connect("span.delete", a.delete_selected)
        r.connect("span.note", a.edit_note)
        r.connect("span.attributes", self.attributes.focus)
        r.connect("span.next", lambda: a.step_span(True))
        r.connect("span.previous", lambda: a.step_span(False))
        r.connect("span.start_left", lambda: a.move_edge("start", True))
        r.connect("span.start_right", lambda: a.move_edge("start", False))
        r.connect("span.end_left", lambda: a.move_edge("end", True))
        r.connect("span.end_right", lambda: a.move_edge("end", False))
        r.connect("span.deselect", self.spans.deselect)
        r.connect("span.clitic", a.toggle_clitic)
        rel = self.relations
        r.connect("relation.start", rel.start_link)
        r.connect("relation.type", rel.start_retype)
        r.connect("relation.reverse", rel.reverse)
        r.connect("relation.note", rel.edit_note)
        r.connect("relation.delete", rel.delete)
        r.connect("relation.next", lambda: rel.step(True))
        r.connect("relation.previous", lambda: rel.step(False))
        r["view.relations"].setChecked(rel.arcs.shown)
        r.connect("view.relations", rel.arcs.set_shown)
        r.connect("find.open", self.finding.open)
        r.connect("find.next", lambda: self.finding.step(1))
        r.connect("find.previous", lambda: self.finding.step(-1))
        r.connect("find.label_all", self.finding.label_all)
        r.connect("view.label_names", view.set_label_names)
        r.connect("help.shortcuts", self.help.show_shortcuts)
        r.connect("help.about", self.help.show_about)
        self.document_filter.changed.connect(self.documents.filter.set_filter)
        r["annotate.snap"].setChecked(view.snap_words)
        r.connect("annotate.snap", self.article.set_snap)
        r.connect("doc.next", lambda: ws.step_document(1))
        r.connect("doc.previous", lambda: ws.step_document(-1))
        r.connect("doc.done", a.toggle_done)
        r.connect("view.zoom_in", lambda: self.article.zoom(1))
        r.connect("view.zoom_out", lambda: self.article.zoom(-1))
        r.connect("view.zoom_reset", lambda: self.article.zoom(0))
        r.connect("view.focus_text", view.setFocus)
        review = self.review
        r.connect("review.mode", review.set_active)
        r.connect("review.next", lambda: review.step(1))
        r.connect("review.previous", lambda: review.step(-1))
        r.connect("review.accept_a", lambda: review.choose("a"))
        r.connect("review.accept_b", lambda: review.choose("b"))
        r.connect("review.accept_both", lambda: review.choose("both"))
        r.connect("review.reject", lambda: review.choose("none"))
        r.connect("review.edit", review.edit)
        r.connect("review.accept_agreed", review.accept_agreed)

    @staticmethod
    def _state_key() -> keys.Setting[bytes]:
        """Where the docks' layout is kept: one per reading direction."""
        return keys.WINDOW_STATE_RTL if QGuiApplication.isRightToLeft() else keys.WINDOW_STATE

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.syncing.may_close():  # closed once the sync (sync/on_close) is done
            event.ignore()
            return
        if not self.workspace.leave_current():  # the user chose to stay
            event.ignore()
            return
        self.settings.set(keys.GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(self._state_key(), bytes(self.saveState().data()))
        self.workspace.remember_now()  # the last document, written at once, not 2 s later
        self.settings.sync()
        self.known.close()  # a read of the known forms under way stops
        event.accept()
