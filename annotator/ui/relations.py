"""Relations in the window: arcs over the text, the relations table, and their commands.

:class:`Relations` follows the workspace: after every change of the open
document (an edit, undo, redo, another document) the arcs
(:class:`~annotator.ui.widgets.relation_arcs.RelationArcs`) and the table
(:class:`~annotator.ui.models.relation_table.RelationTableModel`) show its
relations again, so they never disagree with the file.

One relation at a time is *chosen*: a row of the table, a click on an arc's
label, ``Alt+PgDown``/``Alt+PgUp`` (through the selected span's relations, or
all), or the only relation of the selected span. The commands act on it:
change its type (``Ctrl+Shift+T``, then the type's key), reverse it
(``Ctrl+Shift+D``), edit its note (``Shift+F2``, or the table's note cell),
delete it (``Shift+Delete``). Selecting a span draws its relations bold.
Making relations is link mode's (:mod:`annotator.ui.linking`); the relation
just made is chosen as a click on its row would choose it.

A relation is described (:meth:`Relations.describe`) with its type and both
ends' texts each isolated (FSI … PDI) and an arrow pointing the way the
interface reads, so two Arabic ends never swap places in an English line.

Types come from the project (:mod:`annotator.core.relation_schema`); only types
whose ends fit are offered, and reversing a relation whose ends would no
longer fit its type is refused. Every change is a core edit pushed through
``push`` (the annotating commands' path), so it is undone with ``Ctrl+Z``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QTableView,
)

from annotator.core.edits import (
    AddRelation,
    Edit,
    RemoveRelation,
    relabel_relation,
    relation_note,
    reverse_relation,
    set_relation_note,
)
from annotator.core.relation_schema import RelationType, by_name, fitting, relation_types
from annotator.core.spans import Relation, Span
from annotator.ui.actions import ActionRegistry
from annotator.ui.feedback import Feedback, WindowFeedback
from annotator.ui.linking import Linking, isolated, relation_text, type_menu_text
from annotator.ui.models.relation_table import RelationRow, RelationTableModel
from annotator.ui.tables import SpanList, select_row, table
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.relation_arcs import Arc, RelationArcs
from annotator.ui.workspace import Workspace

MESSAGE_MS = 6000
FALLBACK_COLOR = "#7f7f7f"
NOTE_DIALOG_WIDTH = 460  # the note dialog: room for its title and a relation's description


def relation_table(model: RelationTableModel) -> QTableView:
    view = table(model, "relation-table")
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in (RelationTableModel.COL_FROM, RelationTableModel.COL_TO,
                   RelationTableModel.COL_NOTE):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(RelationTableModel.COL_TYPE, 110)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view


class Relations(QObject):
    """The open document's relations as arcs and rows, and the commands on them."""

    relations_shown = Signal()  # the arcs and the table show the document's relations now

    def __init__(self, workspace: Workspace, view: ArticleView, spans: SpanList,
                 feedback: Feedback, registry: ActionRegistry, push: Callable[[Edit], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.view = view
        self.spans = spans
        self.feedback = feedback
        self.registry = registry
        self.push = push
        self.chosen_id: str | None = None
        self.model = RelationTableModel(self)
        self.table = relation_table(self.model)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                           context=Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete())  # Delete in the table: its relation
        self.arcs = RelationArcs(view)
        self.arcs.emphasis = self.emphasis
        self.linking = Linking(view, self.arcs, feedback, self._spans, self._span, self.types,
                               self, linked=self._linked_types)
        self.linking.made.connect(self.add)
        self.linking.retyped.connect(self.retype)
        self._syncing = False
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.clicked.connect(self._on_click)  # also a row highlighted but not chosen
        self.model.note_edited.connect(self.set_note)
        view.selected_key_changed.connect(self._on_span_selected)
        self._viewport = view.viewport()  # kept: never asked of a view being destroyed
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)  # a new font size (zoom) needs another room for arcs
        ws.document_opened.connect(self._on_document)
        ws.document_closed.connect(self._on_document)
        ws.document_failed.connect(self._on_document)
        ws.spans_changed.connect(self.refresh)
        ws.labels_changed.connect(self.refresh)  # relation types and colours may change
        ws.undo_history.group.indexChanged.connect(self.refresh)

    # -- reading the open document -------------------------------------------------------
    def _spans(self) -> list[Span]:
        session = self.workspace.session
        return session.aset.spans() if session is not None else []

    def _span(self, span_id: str) -> Span | None:
        session = self.workspace.session
        return session.aset.get(span_id) if session is not None else None

    def types(self) -> list[RelationType]:
        """The relation types offered now (the project's; see relation_schema)."""
        session = self.workspace.session
        in_use = {r.type for r in session.aset.relations()} if session is not None else set()
        return relation_types(self.workspace.project, in_use)

    def _relation(self, relation_id: str | None) -> Relation | None:
        session = self.workspace.session
        if session is None or relation_id is None:
            return None
        try:
            return session.aset.relation(relation_id)
        except KeyError:
            return None

    def _end(self, span_id: str) -> Span | None:
        """A relation's end: a span of the set, or one kept aside by re-anchoring."""
        session = self.workspace.session
        if session is None:
            return None
        return session.aset.get(span_id) or next(
            (s for s in session.aset.unplaced if s.id == span_id), None)

    def _linked_types(self, source_id: str, target_id: str) -> set[str]:
        """The types of the relations from ``source_id`` to ``target_id`` already."""
        session = self.workspace.session
        if session is None:
            return set()
        return {r.type for r in session.aset.relations_of(source_id)
                if r.source == source_id and r.target == target_id}

    def describe(self, relation: Relation) -> str:
        """``giver: “ساعة” → “الرئيس”`` (``←`` right to left), each part isolated."""
        source, target = self._end(relation.source), self._end(relation.target)
        source_text = source.text if source else relation.source
        target_text = target.text if target else relation.target
        return relation_text(relation.type, source_text, target_text)

    # -- following the workspace ---------------------------------------------------------
    def _on_document(self, *_args: object) -> None:
        self.linking.cancel(say=False)
        self.chosen_id = None
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Show the open document's relations as they are now."""
        session = self.workspace.session
        relations = session.aset.relations() if session is not None else []
        if not relations and not self.model.rows() and not self.arcs.arcs:
            self.chosen_id = None  # nothing shown, nothing to show (each added span asks)
            return
        colors = {t.name: t.color for t in self.types()}
        arcs, rows = [], []
        for relation in relations:
            color = colors.get(relation.type, FALLBACK_COLOR)
            source, target = self._end(relation.source), self._end(relation.target)
            rows.append(RelationRow(relation.id, relation.type, color,
                                    source.text if source else relation.source,
                                    target.text if target else relation.target,
                                    relation_note(relation) or ""))
            if session is not None and relation.source in session.aset \
                    and relation.target in session.aset and source and target:
                arcs.append(Arc(relation.id, relation.type, color, (source.start, source.end),
                                (target.start, target.end), source.id, target.id))
        if self._relation(self.chosen_id) is None:
            self.chosen_id = None
        self._syncing = True
        try:
            self.model.set_rows(rows)
        finally:
            self._syncing = False
        self.arcs.set_arcs(arcs)
        if self.linking.active and self.linking.state is not None and (
                session is None or self.linking.state.source.id not in session.aset):
            self.linking.cancel(say=False)
        self._show_chosen()
        self.relations_shown.emit()

    def _current(self) -> Relation | None:
        """The chosen relation, unless another span was selected since (then: none)."""
        relation = self._relation(self.chosen_id)
        selected = self.view.selected_key
        if relation is not None and selected is not None \
                and selected not in (relation.source, relation.target):
            return None
        return relation

    def emphasis(self) -> set[str]:
        """The relations drawn bold: the chosen one, else those of the selected span."""
        session = self.workspace.session
        relation = self._current()
        if relation is not None:
            return {relation.id}
        selected = self.view.selected_key
        if session is None or selected is None:
            return set()
        return {r.id for r in session.aset.relations_of(selected)}

    def _show_chosen(self) -> None:
        """Repaint the arcs; the table's row follows the chosen relation."""
        self.view.viewport().update()
        self._syncing = True
        try:
            row = self.model.row_of(self.chosen_id)
            if row is None:
                self.table.clearSelection()
                self.table.selectionModel().clearCurrentIndex()
            else:
                select_row(self.table, row)
                self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._syncing = False

    def _on_span_selected(self, _span_id: object) -> None:
        if self._current() is None:
            self.chosen_id = None
        self._show_chosen()

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.choose(self.model.relation_id_at(current.row()), reveal=True)

    def _on_click(self, index: QModelIndex) -> None:
        """A click on the row already highlighted chooses it too (no current-row change)."""
        if index.isValid():
            relation_id = self.model.relation_id_at(index.row())
            current = self._current()
            if current is None or current.id != relation_id:
                self.choose(relation_id, reveal=True)

    def choose(self, relation_id: str | None, reveal: bool = False) -> None:
        """Make ``relation_id`` the chosen relation (drawn bold, its row selected); with
        ``reveal``, its source span is selected and shown."""
        relation = self._relation(relation_id)
        self.chosen_id = relation.id if relation is not None else None
        session = self.workspace.session
        if relation is not None and reveal and session is not None \
                and relation.source in session.aset:
            source = session.aset.span(relation.source)
            self.spans.select(source.id)
            self.view.set_cursor_offset(source.start)
        self._show_chosen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on an arc's label chooses its relation; a zoom resizes the arcs' room."""
        if event.type() == QEvent.Type.FontChange and watched is self.view:
            self.arcs.update()
            return False
        if (event.type() == QEvent.Type.MouseButtonPress and watched is self._viewport
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton and not self.linking.active):
            relation = self._relation(self.arcs.relation_at(event.position()))
            if relation is not None:
                self.choose(relation.id)
                self.feedback.say(self.describe(relation), MESSAGE_MS, "relation-chosen")
                return True
        return False

    # -- the chosen relation -------------------------------------------------------------
    def chosen(self) -> Relation | None:
        """The relation the commands act on, or None after saying how to choose one."""
        session = self.workspace.session
        if session is None:
            return None
        relation = self._current()
        if relation is None and self.view.selected_key is not None:
            of_span = session.aset.relations_of(self.view.selected_key)
            relation = of_span[0] if len(of_span) == 1 else None
        if relation is None:
            self.feedback.say(self.tr("Choose a relation first: a row of the Relations panel, "
                                      "a click on its name, or Alt+PgDown"), MESSAGE_MS,
                              "no-relation-chosen")
        return relation

    def step(self, forward: bool) -> None:
        """Choose the next (previous) relation of the selected span, or of the document."""
        session = self.workspace.session
        if session is None:
            return
        selected = self.view.selected_key
        pool = session.aset.relations_of(selected) if selected is not None else []
        pool = pool or session.aset.relations()
        if not pool:
            self.feedback.say(self.tr("No relations yet"), MESSAGE_MS, "no-relations")
            return
        ids = [r.id for r in pool]
        self.chosen_id = current.id if (current := self._current()) is not None else None
        if self.chosen_id in ids:
            index = (ids.index(self.chosen_id) + (1 if forward else -1)) % len(ids)
        else:
            index = 0 if forward else len(ids) - 1
        self.chosen_id = ids[index]
        self._show_chosen()
        self.feedback.say(self.describe(pool[index]), MESSAGE_MS, "relation-chosen")

    # -- commands ------------------------------------------------------------------------
    def start_link(self) -> None:
        session = self.workspace.session
        span_id = self.view.selected_key
        if session is None or span_id is None or span_id not in session.aset:
            self.feedback.say(self.tr("Select the span a relation starts from (click it, or "
                                      "Alt+↓), then Ctrl+R"), MESSAGE_MS, "no-span-selected")
            return
        self.view.setFocus()  # link mode's keys go to the text
        self.linking.start(session.aset.span(span_id))

    def add(self, source_id: str, target_id: str, type_: str) -> None:
        session = self.workspace.session
        if session is None:
            return
        relation = Relation(session.aset.new_relation_id(), type_, source_id, target_id)
        if self.push(AddRelation(relation)):
            self.choose(relation.id, reveal=True)  # as a click on its row
            self.feedback.say(self.tr("Linked {relation}").format(
                relation=self.describe(relation)), MESSAGE_MS, "linked")

    def start_retype(self) -> None:
        relation = self.chosen()
        if relation is None:
            return
        source, target = self._end(relation.source), self._end(relation.target)
        if source is not None and target is not None:
            self.chosen_id = relation.id
            self.view.setFocus()  # the type's key goes to the text
            self.linking.start_retype(relation.id, source, target, relation.type)

    def retype(self, relation_id: str, type_: str) -> None:
        session = self.workspace.session
        if session is None or self._relation(relation_id) is None:
            return
        if self.push(relabel_relation(session.aset, relation_id, type_)):
            self.feedback.say(self.tr("Relation is now {relation}").format(
                relation=self.describe(session.aset.relation(relation_id))), MESSAGE_MS,
                "relation-retyped")

    def reverse(self, relation: Relation | None = None) -> None:
        session = self.workspace.session
        relation = relation or self.chosen()
        if session is None or relation is None:
            return
        source, target = self._end(relation.source), self._end(relation.target)
        kind = by_name(self.types(), relation.type)
        if kind is not None and source and target and not kind.fits(target.label,
                                                                     source.label):
            self.feedback.say(self.tr("A {type} relation cannot go from {source} to {target}")
                              .format(type=isolated(relation.type),
                                      source=isolated(target.label),
                                      target=isolated(source.label)), MESSAGE_MS,
                              "reverse-does-not-fit")
            return
        if self.push(reverse_relation(session.aset, relation.id)):
            self.feedback.say(self.tr("Reversed: {relation}").format(
                relation=self.describe(session.aset.relation(relation.id))), MESSAGE_MS,
                "relation-reversed")

    def delete(self, relation: Relation | None = None) -> None:
        session = self.workspace.session
        relation = relation or self.chosen()
        if session is None or relation is None:
            return
        described = self.describe(relation)
        if self.push(RemoveRelation(relation)):
            self.chosen_id = None
            self._show_chosen()
            self.feedback.say(self.tr("Deleted relation {relation} (Ctrl+Z brings it back)")
                              .format(relation=described), MESSAGE_MS, "relation-deleted")

    def edit_note(self, relation: Relation | None = None) -> None:
        relation = relation or self.chosen()
        if relation is None:
            return
        title = self.tr("Relation note")
        label = self.tr("Note on {relation}:").format(relation=self.describe(relation))
        value = relation_note(relation) or ""
        note = (self._ask_note(title, label, value) if isinstance(self.feedback, WindowFeedback)
                else self.feedback.ask_text(title, label, value))
        if note is not None:
            self.set_note(relation.id, note)

    def _ask_note(self, title: str, label: str, value: str) -> str | None:
        """The note dialog, wide enough for its title and the relation's description."""
        dialog = QInputDialog(self.view.window())
        dialog.setObjectName("relation-note-dialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        field = dialog.findChild(QLineEdit)  # the dialog's layout sizes it by its field
        if field is not None:
            field.setMinimumWidth(NOTE_DIALOG_WIDTH)
        dialog.setMinimumWidth(NOTE_DIALOG_WIDTH)
        try:
            return dialog.textValue() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def set_note(self, relation_id: str, note: str) -> None:
        session = self.workspace.session
        relation = self._relation(relation_id)
        if session is not None and relation is not None \
                and (relation_note(relation) or "") != note:
            self.push(set_relation_note(session.aset, relation_id, note))

    # -- the context menu ----------------------------------------------------------------
    def extend_menu(self, base: Callable[[int | None], QMenu | None],
                    ) -> Callable[[int | None], QMenu | None]:
        """The article view's context menu ``base`` makes, with the relation entries."""
        def factory(offset: int | None) -> QMenu | None:
            menu = base(offset)
            if menu is not None:
                self.add_to_menu(menu)
            return menu
        return factory

    def add_to_menu(self, menu: QMenu) -> None:
        """"Link to…" and, for the selected span's relations, a submenu each."""
        session = self.workspace.session
        selected = self.view.selected_key
        menu.addSeparator()
        menu.addAction(self.registry["relation.start"])
        if session is None or selected is None or selected not in session.aset:
            return
        for relation in session.aset.relations_of(selected):
            sub = menu.addMenu(self.describe(relation))
            sub.setObjectName(f"relation-menu.{relation.id}")
            self._fill_relation_menu(sub, relation)

    def _fill_relation_menu(self, menu: QMenu, relation: Relation) -> None:
        source, target = self._end(relation.source), self._end(relation.target)
        types = menu.addMenu(self.tr("Change type"))
        types.setObjectName("relation-types")
        if source is not None and target is not None:
            taken = self._linked_types(source.id, target.id)  # its own type among them
            for kind in fitting(self.types(), source.label, target.label):
                action = types.addAction(type_menu_text(kind))
                action.setObjectName(f"relation-type.{kind.name}")
                action.setEnabled(kind.name not in taken)
                action.triggered.connect(lambda _c=False, n=kind.name, r=relation.id:
                                         self.retype(r, n))
        for name, text, slot in (
                ("relation-reverse", self.tr("Reverse"), self.reverse),
                ("relation-note", self.tr("Note…"), self.edit_note),
                ("relation-delete", self.tr("Delete relation"), self.delete)):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, s=slot, r=relation.id:
                                     s(self._relation(r)))
