"""The window's two tables, kept in step with the workspace: the document list and the span table.

Both read Arabic right-to-left through :class:`BidiDelegate`, select whole
rows one at a time and keep rows one line high, so long lists scroll quickly.

- :class:`DocumentList` lists the project's documents with the annotator's
  status and counts, marks the one shown (or "error" when it cannot be
  opened), and says which one the user picks (``chosen``). Next/previous
  document follow its rows as shown, sorted and filtered (:meth:`DocumentList.step_from`).
- :class:`SpanList` shows each edit of the open document's spans: it applies
  the edit's :class:`~annotator.core.edits.Changes` as row changes and
  repaints what changed in the article view, and keeps the table's selection
  and the view's selected span the same (selecting a row selects the span in
  the text, and the other way round). A span just added becomes the selected
  one; a selected span that goes is deselected. Then it says so
  (``spans_shown``), for what refines the view further (review mode).
  The table follows the view, never the other way round: rows that move
  because of an edit (a relabel, a delete, an undo) never move the view's
  cursor or scroll it; only the user choosing a row does.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QStyle,
    QTableView,
    QWidget,
)

from annotator.core.edits import Changes
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.ui.models.document_filter import DocumentFilterModel
from annotator.ui.models.documents import NOT_READ, STATUS_TEXT, DocumentListModel
from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.bidi_delegate import BidiDelegate
from annotator.ui.workspace import Workspace


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
    """The document list's table: the id column stretches, status and count fit their words.

    The two narrow columns get widths from the words they can show (every status,
    a five-digit count, "…", the headers), not from the rows: a column sized to its
    contents asks a thousand rows for their text at every change of any row,
    which made each switch of documents in a big project slow. The user can still
    widen them.
    """
    view = table(model, "document-list")
    header = view.horizontalHeader()
    header.setSectionResizeMode(DocumentListModel.COL_DOC, QHeaderView.ResizeMode.Stretch)
    metrics = view.fontMetrics()
    padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 14
    icon = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
    for column, words, extra in (
            (DocumentListModel.COL_STATUS, [STATUS_TEXT[code] for code in STATUS_TEXT], icon),
            (DocumentListModel.COL_SPANS, ["99999", NOT_READ], 0)):
        widest = max(metrics.horizontalAdvance(word) for word in words) + extra + padding
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(widest, header.sectionSizeHint(column)))
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


def reading_start_area() -> Qt.DockWidgetArea:
    """The side where reading starts: left in English, right in Arabic (Qt does not mirror
    dock areas itself)."""
    return (Qt.DockWidgetArea.RightDockWidgetArea if QGuiApplication.isRightToLeft()
            else Qt.DockWidgetArea.LeftDockWidgetArea)


def reading_end_area() -> Qt.DockWidgetArea:
    """The side where reading ends: right in English, left in Arabic."""
    return (Qt.DockWidgetArea.LeftDockWidgetArea if QGuiApplication.isRightToLeft()
            else Qt.DockWidgetArea.RightDockWidgetArea)


def select_row(view: QTableView, row: int) -> None:
    """Select ``row`` of ``view`` and make it the current row.

    ``QTableView.selectRow`` looks for the column at the leading edge of the
    viewport and, in a right-to-left table whose columns do not fill it, finds
    none: the row is highlighted but there is no current index, so whatever
    reads the current row (review's "Accept A") saw nothing in Arabic.
    """
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


def dock(window: QMainWindow, title: str, name: str, widget: QWidget,
         area: Qt.DockWidgetArea) -> QDockWidget:
    holder = QDockWidget(title, window)
    holder.setObjectName(name)
    holder.setWidget(widget)
    window.addDockWidget(area, holder)
    return holder


class DocumentList(QObject):
    """The document list (``table``), following the workspace."""

    chosen = Signal(str)  # the user picked this document (click, Enter)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.model = DocumentListModel(ws.project, ws.annotator, self, ws.doc_ids)
        self.filter = DocumentFilterModel(self)  # by status and text: the table shows its rows
        self.filter.setSourceModel(self.model)
        self.table = document_table(self.filter)
        self.table.activated.connect(self._on_chosen)
        self.table.clicked.connect(self._on_chosen)
        ws.shown_order = self  # Ctrl+PgDown / Ctrl+PgUp go down and up the rows shown
        ws.project_changed.connect(self._on_project)
        ws.annotator_changed.connect(self._on_annotator)
        ws.documents_changed.connect(self._reload)
        ws.document_opened.connect(self._on_opened)
        ws.document_loading.connect(self._on_loading)
        for signal in (ws.document_opened, ws.document_failed, ws.document_closed):
            signal.connect(lambda *_: self.model.set_being_read(None))
        ws.document_failed.connect(self._on_failed)
        ws.document_closed.connect(lambda: self.model.set_current(None))
        for signal in (ws.spans_changed, ws.status_changed, ws.unplaced_changed):
            signal.connect(self._update_row)
        # documents added or removed behind the window's back: every list is read again
        self.model.listing_changed.connect(ws.reload_documents)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # back in the window: files may have changed
            app.applicationStateChanged.connect(self._on_application_state)

    def _on_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(self.model.doc_id_at(self.filter.mapToSource(index).row()))

    def step_from(self, doc_id: str | None, step: int) -> str | None:
        """The document ``step`` rows below (above, if negative) ``doc_id`` as the list shows
        them (sorted, filtered); None past either end. Costs the same at any size."""
        row = self.model.row_of(doc_id) if doc_id is not None else None
        found = self.filter.shown_step(row, step)
        return self.model.doc_id_at(found) if found is not None else None

    def _on_project(self, project: Project) -> None:
        self.model.project = project
        self.model.reload(self.workspace.doc_ids)

    def _on_annotator(self, annotator: str) -> None:
        self.model.annotator = annotator
        self.model.reload(self.workspace.doc_ids)

    def _reload(self) -> None:
        self.model.reload(self.workspace.doc_ids)
        self._update_row()  # the open document's row shows what the window holds
        self._show_current(self.workspace.current_doc_id)

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.model.refresh()

    def _show_current(self, doc_id: str | None) -> None:
        self.model.set_current(doc_id)
        row = self.model.row_of(doc_id) if doc_id is not None else None
        shown = self.filter.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if shown is not None and shown.isValid():
            select_row(self.table, shown.row())

    def _on_loading(self, doc_id: str) -> None:
        self.model.set_being_read(doc_id)  # the window sets its row once it is read
        self._show_current(doc_id)

    def _on_opened(self, doc_id: str) -> None:
        self._update_row()
        self._show_current(doc_id)

    def _on_failed(self, doc_id: str, error: AnnotatorError) -> None:
        self.model.mark_error(doc_id, "\n".join(str(p) for p in error.problems))
        self._show_current(doc_id)
        self.table.setFocus()  # arrows and Enter pick another document

    def _update_row(self, *_args: object) -> None:
        session = self.workspace.session
        if session is not None:
            self.model.update(session.doc_id, session.aset.status, len(session.aset),
                              len(session.aset.unplaced))


class SpanList(QObject):
    """The span table (``table``), following the workspace and the view's selected span."""

    spans_shown = Signal(object)  # Changes, once the table and the view show them

    def __init__(self, workspace: Workspace, view: ArticleView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.view = view
        self.model = SpanTableModel(self)
        self.table = span_table(self.model)
        self._syncing = False
        self.table.selectionModel().currentRowChanged.connect(self._on_row_selected)
        view.selected_key_changed.connect(self._on_view_selected)
        ws.document_opened.connect(self._on_opened)
        ws.document_failed.connect(self._clear)
        ws.document_closed.connect(self._clear)
        ws.spans_changed.connect(self._on_spans_changed)

    def _on_opened(self, _doc_id: str) -> None:
        session = self.workspace.session
        self._syncing = True
        try:
            self.model.reset(session.aset.spans() if session is not None else [],
                             self.workspace.colors)
        finally:
            self._syncing = False

    def _clear(self, *_args: object) -> None:
        self._syncing = True
        try:
            self.model.reset([], self.workspace.colors)
        finally:
            self._syncing = False

    def _on_spans_changed(self, changes: Changes) -> None:
        touched = changes.removed + changes.added
        self.view.invalidate(min(s.start for s in touched), max(s.end for s in touched))
        self._syncing = True  # rows moving under the table's current row are not a choice
        try:
            self.model.apply(changes)
        finally:
            self._syncing = False
        session = self.workspace.session
        selected = self.view.selected_key
        if len(changes.added) == 1:  # one span added, relabelled, resized, brought back
            self.select(changes.added[0].id)
        elif session is not None and selected is not None and selected not in session.aset:
            self.select(None)
        else:  # many at once (label all, its undo): the selection stays, its row moved
            self._sync_table(selected)
        self.spans_shown.emit(changes)

    def select(self, span_id: str | None, reveal: bool = False) -> None:
        """Select a span in the view and the table (``reveal``: scroll the view to it)."""
        self.view.set_selected_key(span_id)
        session = self.workspace.session
        if reveal and span_id is not None and session is not None:
            span = session.aset.get(span_id)
            if span is not None:
                self.view.set_cursor_offset(span.start)
        self._sync_table(span_id)

    def deselect(self) -> None:
        """No span selected, no text selected (Escape)."""
        self.view.set_cursor_offset(self.view.cursor_offset())
        self.select(None)

    def _sync_table(self, span_id: str | None) -> None:
        self._syncing = True
        try:
            row = self.model.row_of(span_id) if span_id else None
            if row is None:
                self.table.clearSelection()
                self.table.selectionModel().clearCurrentIndex()
            else:
                select_row(self.table, row)
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._syncing = False

    def _on_view_selected(self, span_id: object) -> None:
        self._sync_table(span_id if isinstance(span_id, str) else None)

    def _on_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        span = self.model.span_at(current.row())
        self.view.set_selected_key(span.id)
        self.view.set_cursor_offset(span.start)
