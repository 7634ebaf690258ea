"""Review mode: compare annotators on the open document and settle the gold version.

Turning review mode on (``Ctrl+Shift+R``) switches the workspace to the
annotator **gold** (:meth:`~annotator.ui.workspace.Workspace.switch_annotator`):
the reviewer's own work is saved and the current document reopened as
``gold/<doc_id>.json``; the session, undo stack, autosave and conflict-checked
saving then work on the gold file exactly as they do on an annotator's file,
and every ordinary command (label keys, Delete, boundary moves, ``F2`` for a
note) edits gold. Review mode is on exactly while the workspace edits gold;
the reviewer is the workspace's ``user``, shown in the status bar.

What is compared: a reference annotator (A) and one or more others (B:
annotators and/or gold), **pairwise against the reference**
(:func:`annotator.core.adjudication.compare`): spans, their attributes and
notes, and relations. Each difference is marked in the text (A's bar above
the words, B's below, in label colours with the labels' names shown; grey
brackets for a difference: :mod:`annotator.ui.widgets.review_decorations`),
listed in the panel, and reachable with ``F8`` / ``Shift+F8``; the choices
(accept A, accept B, accept both, reject, edit) and "accept all agreed"
become core edits pushed on the gold session's undo stack
(:func:`~annotator.core.adjudication.settle`), bringing the chosen side's
attributes and notes along; a relation comes only with its own row (or
"accept all agreed"). Edits that change only relations emit no span change,
so the list also follows the undo history to re-read its Gold column.
Accepting both extents of a boundary difference with one label is asked
about first: flat exports (CoNLL) keep only one of two overlapping spans with
the same label. The status bar shows
the document's agreement (:func:`annotator.core.agreement.document_agreement`),
computed on the same spans as the list.

While review mode is on, label names are shown over the words and the span
table (gold's spans, often few) is kept low; both come back as they were.

Outside review mode it only adds the reviewer's notes on gold spans to the
annotator's view (a dashed line and a tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMainWindow

from annotator.core.adjudication import (
    Choice,
    ReviewItem,
    SettleError,
    accept_agreed,
    agreed_relations,
    agreed_spans,
    compare,
    crowds_gold,
    gold_span,
    settle,
)
from annotator.core.agreement import DocumentFigures
from annotator.core.differences import Work
from annotator.core.edits import AddSpan, Changes, Edit, set_note, short
from annotator.core.project import GOLD
from annotator.core.spans import Span
from annotator.io.review_sources import (
    SourceNote,
    default_choice,
    document_figures,
    gold_notes,
    load_annotators,
)
from annotator.ui.actions import ActionRegistry
from annotator.ui.busy import busy
from annotator.ui.edit_texts import batch_text, edit_text, titled
from annotator.ui.feedback import Feedback
from annotator.ui.review_text import AgreementField, cell_words, choice_text, source_notes
from annotator.ui.tables import SpanList, reading_end_area, select_row
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.review_decorations import (
    ReviewDecorations,
    ReviewerNotes,
    item_index,
    item_key,
)
from annotator.ui.widgets.review_marks import ReviewMarks
from annotator.ui.widgets.review_panel import ReviewPanel
from annotator.ui.workspace import Workspace

MESSAGE_MS = 6000
SPANS_DOCK = "spans-dock"  # the span table's dock, kept low in review mode
SPANS_ROWS = 4  # rows of the span table left in view in review mode
ACTION_NAMES = ("review.next", "review.previous", "review.accept_a", "review.accept_b",
                "review.accept_both", "review.reject", "review.edit", "review.accept_agreed")


class ReviewController(QObject):
    """Review mode of one workspace: its panel (docked in ``host``) and its commands.

    It refines what the plain bindings show: it listens to the article area's
    ``document_shown`` and the span list's ``spans_shown``, not to the
    workspace directly, so it always comes after them.
    """

    def __init__(self, workspace: Workspace, view: ArticleView, spans: SpanList,
                 feedback: Feedback, registry: ActionRegistry, host: QMainWindow,
                 document_shown: SignalInstance) -> None:
        super().__init__(host)
        self.workspace = ws = workspace
        self.view = view
        self.spans_list = spans
        self.feedback = feedback
        self.registry = registry
        self.host = host
        self.active = False
        self.items: list[ReviewItem] = []
        self.spans: dict[str, Work] = {}  # the annotators' work on the open document
        self.compared: list[str] = []  # reference first
        self.notes: list[SourceNote] = []  # about the annotators' files, shown in the panel
        self.figures: DocumentFigures | None = None  # the agreement shown in the status bar
        self._wanted: tuple[str | None, list[str]] = (None, [])  # kept from document to document
        self._syncing = False
        self._names_shown: bool | None = None  # label names before review mode turned them on
        self._spans_height: int | None = None  # the span table's height before review mode
        # gold's document and relations as the list last read them
        self._gold_relations: tuple[str, frozenset[tuple[str, str, str, str]]] = ("", frozenset())
        self.marks = ReviewMarks(view)
        self.panel = ReviewPanel()
        self.dock = QDockWidget(self.tr("Review"), host)
        self.dock.setObjectName("review-dock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.dock.setWidget(self.panel)
        self.dock.hide()  # docked in host the first time review mode is on
        self.status = AgreementField()
        host.statusBar().addPermanentWidget(self.status)

        self.panel.set_actions({name: registry[name] for name in ACTION_NAMES})
        self.panel.set_label_colors(list(ws.colors.values()))
        self._enable(False)
        ws.annotator_changed.connect(self._follow_annotator)
        ws.labels_changed.connect(lambda: self.panel.set_label_colors(list(ws.colors.values())))
        ws.document_failed.connect(self._on_document_failed)
        document_shown.connect(self._on_document_shown)
        spans.spans_shown.connect(self._on_gold_changed)
        # relation-only edits (accepting a relation row, its undo) change no span
        ws.undo_history.group.indexChanged.connect(self._on_history_moved)
        view.selected_key_changed.connect(self._on_view_selected)
        self.panel.comparison_changed.connect(self._on_comparison_changed)
        self.panel.table.selectionModel().currentRowChanged.connect(self._on_row_selected)
        self.panel.model.note_edited.connect(self._on_note_edited)

    def _say(self, text: str, code: str) -> None:
        self.feedback.say(text, MESSAGE_MS, code)

    def _enable(self, on: bool) -> None:
        for name in ACTION_NAMES:
            self.registry[name].setEnabled(on)

    # -- turning review mode on and off -------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Edit gold (on) or the reviewer's own files (off), from the document shown."""
        on = bool(on)
        if on == self.active:
            return
        ws = self.workspace
        with busy():  # (a 50,000-span document: seconds of reading and comparing)
            switched = ws.switch_annotator(GOLD if on else ws.user)
        if not switched:  # stayed: say so on the action
            self._check(self.active)

    def _follow_annotator(self, annotator: str) -> None:
        """Review mode is on while gold is edited: the dock, the actions, the status field."""
        on = annotator == GOLD != self.workspace.user
        self.active = on
        first = on and self.host.dockWidgetArea(self.dock) == Qt.DockWidgetArea.NoDockWidgetArea
        if first:
            self.host.addDockWidget(reading_end_area(), self.dock)
        self.dock.setVisible(on)
        if first:
            self.host.resizeDocks([self.dock], [520], Qt.Orientation.Horizontal)
            # beside other panels of that side (attributes), the review panel takes most room
            self.host.resizeDocks([self.dock], [self.host.height() * 3 // 4],
                                  Qt.Orientation.Vertical)
        self.status.setVisible(on)
        self._enable(on)
        self._check(on)
        self.marks.install(on)
        self._show_label_names(on)
        self._keep_spans_low(on)

    def _show_label_names(self, on: bool) -> None:
        """Label names over the words while reviewing; as the reviewer had them after."""
        action = self.registry["view.label_names"]
        if on and self._names_shown is None:
            self._names_shown = action.isChecked()
            action.setChecked(True)
        elif not on and self._names_shown is not None:
            action.setChecked(self._names_shown)
            self._names_shown = None

    def _keep_spans_low(self, on: bool) -> None:
        """The span table (gold's spans, few at first) takes a few rows, not half the window."""
        spans = self.host.findChild(QDockWidget, SPANS_DOCK)
        if spans is None or spans.isFloating() or not spans.isVisible():
            return
        if on and self._spans_height is None:
            self._spans_height = spans.height()
            table = self.spans_list.table
            rows = table.verticalHeader().defaultSectionSize() * SPANS_ROWS
            low = rows + table.horizontalHeader().height() + spans.height() - table.height() + 4
            if low < spans.height():
                self.host.resizeDocks([spans], [low], Qt.Orientation.Vertical)
        elif not on and self._spans_height is not None:
            self.host.resizeDocks([spans], [self._spans_height], Qt.Orientation.Vertical)
            self._spans_height = None

    def _check(self, on: bool) -> None:
        action = self.registry["review.mode"]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)

    # -- following the workspace -------------------------------------------------------
    def _on_document_shown(self, doc_id: str) -> None:
        session = self.workspace.session
        if session is None:
            return
        if session.annotator != GOLD:
            self._show_reviewer_notes(doc_id)
        elif self.active:
            self._load(doc_id)
            self._compare(keep=None)

    def _on_document_failed(self, _doc_id: str, _error: object) -> None:
        """The document cannot be opened (e.g. its gold file is broken): compare nothing."""
        if self.active:
            self.items, self.spans, self.figures = [], {}, None
            self.panel.model.reset([], None)
            self.marks.set_decorations(None)
            self.status.setText("")

    def _show_reviewer_notes(self, doc_id: str) -> None:
        """Outside review mode: the notes on gold spans, in the annotator's view."""
        session = self.workspace.session
        if session is None:
            return
        noted = gold_notes(self.workspace.project, doc_id, session.document)
        if noted:
            self.view.set_provider(ReviewerNotes(self.view.highlights.provider, noted))

    def _load(self, doc_id: str) -> None:
        """Read every annotator's file for ``doc_id`` and offer them in the panel."""
        with busy():  # (50,000 spans each: seconds)
            self.spans, self.notes = load_annotators(self.workspace.project, doc_id)
        names = list(self.spans)
        self.panel.set_annotators(names, *default_choice(names, self._wanted))
        self.panel.set_notice(source_notes(doc_id, bool(self.spans), self.notes))

    def _on_comparison_changed(self) -> None:
        self._wanted = self.panel.chosen()
        self._compare(keep=None)

    def _work_of(self, name: str) -> Work:
        session = self.workspace.session
        if name == GOLD:
            return (Work(session.aset.spans(), session.aset.relations()) if session is not None
                    else Work([]))
        return self.spans.get(name, Work([]))

    def _compare(self, keep: tuple[int, int, int] | None) -> None:
        """Classify again, refill the list and the view; select the item at or after ``keep``.

        Under the wait cursor: on a 50,000-span document this takes seconds, whichever
        asked (entering review mode, another document, whom to compare, a choice when gold
        is compared)."""
        with busy():
            self._compare_now(keep)

    def _compare_now(self, keep: tuple[int, int, int] | None) -> None:
        session = self.workspace.session
        if session is None:
            return
        reference, others = self.panel.chosen()
        self.compared = [reference, *others] if reference is not None and others else []
        works = {name: self._work_of(name) for name in self.compared}
        self.items = compare(self.compared[0], works) if self.compared else []
        self._gold_relations = self._relations_of_gold()
        self.panel.model.reset(self.items, session.aset)
        decorations = ReviewDecorations(self.items, session.aset, self.workspace.colors)
        self.view.set_provider(decorations)
        self.marks.set_decorations(decorations)
        b = others[0] if len(others) == 1 else "B"
        self.panel.set_counts(self.panel.model.counts(), reference or "A", b)
        self._show_agreement({name: list(work.spans) for name, work in works.items()})
        if keep is not None:
            self._select_from(keep)

    def _relations_of_gold(self) -> tuple[str, frozenset[tuple[str, str, str, str]]]:
        session = self.workspace.session
        if session is None:
            return "", frozenset()
        return session.doc_id, frozenset((r.id, r.type, r.source, r.target)
                                         for r in session.aset.relations())

    def _on_history_moved(self, _index: int) -> None:
        """An edit done, undone or redone: if gold's relations changed, re-read gold (another
        document's stack coming in is not that: the document shown is compared anew)."""
        now = self._relations_of_gold()
        if self.active and now[0] == self._gold_relations[0] and now != self._gold_relations:
            self._on_gold_changed(Changes(relations=True))

    def _on_gold_changed(self, changes: Changes) -> None:
        session = self.workspace.session
        if not self.active or session is None:
            return
        self._gold_relations = self._relations_of_gold()
        if GOLD in self.compared:
            current = self.current()
            self._compare(keep=self._position(self.items[current]) if current is not None
                          else None)
        else:
            self.panel.model.refresh_gold(session.aset, changes)
            self.view.invalidate_all()

    def _show_agreement(self, spans: dict[str, list[Span]]) -> None:
        """The document's agreement, on exactly the spans listed, in the status bar."""
        session = self.workspace.session
        if session is not None:
            labels = [label.name for label in self.workspace.project.labels]
            self.figures = document_figures(session.text, spans, labels, session.doc_id)
            self.status.show_figures(self.figures, list(spans), session.doc_id,
                                     self.workspace.user)

    # -- selection ---------------------------------------------------------------------
    def current(self) -> int | None:
        """Index (in :attr:`items`) of the difference selected in the list."""
        index = self.panel.table.currentIndex()  # (tables.select_row keeps it current)
        if not index.isValid():
            return None
        return self.panel.model.item_index_at(index.row())

    def select(self, index: int | None, reveal: bool = True) -> None:
        """Select item ``index`` in the list and the view (``reveal``: scroll to it)."""
        table, model = self.panel.table, self.panel.model
        self._syncing = True
        try:
            row = model.row_of(index) if index is not None else None
            if row is None:
                table.clearSelection()
                table.selectionModel().clearCurrentIndex()
            else:
                select_row(self.panel.table, row)
                table.scrollTo(model.index(row, 0))
        finally:
            self._syncing = False
        self.view.set_selected_key(item_key(index) if index is not None else None)
        if reveal and index is not None:
            self.view.set_cursor_offset(self.items[index].start)

    def _position(self, item: ReviewItem) -> tuple[int, int, int]:
        return (item.start, item.end, self.compared.index(item.b))

    def _select_from(self, position: tuple[int, int, int], after: bool = False) -> bool:
        """Select the first listed item at (``after``: after) ``position``; False if none."""
        model = self.panel.model
        for row in range(model.rowCount()):
            index = model.item_index_at(row)
            here = self._position(self.items[index])
            if here > position or (here == position and not after):
                self.select(index)
                return True
        return False

    def step(self, direction: int) -> None:
        model = self.panel.model
        if model.rowCount() == 0:
            self._say(self.tr("No differences listed"), "no-differences")
            return
        current = self.current()
        if current is None:
            offset = self.view.cursor_offset()
            rows = [r for r in range(model.rowCount())
                    if (self.items[model.item_index_at(r)].start >= offset) == (direction > 0)]
            row = (rows[0] if direction > 0 else rows[-1]) if rows else None
        else:
            row = model.row_of(current)
            row = None if row is None else row + direction
        if row is None or not 0 <= row < model.rowCount():
            self._say(self.tr("No more differences that way"), "no-more-differences")
            return
        self.select(model.item_index_at(row))

    def _on_row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.select(self.panel.model.item_index_at(current.row()))

    def _on_view_selected(self, key: object) -> None:
        if not self.active:
            return
        index = item_index(key)
        if index is None and isinstance(key, str):  # a gold span: its difference, if any
            model = self.panel.model
            index = next((i for i in range(len(self.items))
                          if (span := model.gold_span(i)) is not None and span.id == key), None)
            if index is None or model.row_of(index) is None:
                return
            self._syncing = True
            try:
                row = model.row_of(index)
                assert row is not None
                select_row(self.panel.table, row)
            finally:
                self._syncing = False
            return
        if index is not None and index < len(self.items):
            self.select(index, reveal=False)

    # -- settling ----------------------------------------------------------------------
    def _selected_item(self) -> ReviewItem | None:
        current = self.current()
        if current is None:
            self._say(self.tr("Select a difference first (F8 / Shift+F8, or click it)"),
                      "no-difference-selected")
            return None
        return self.items[current]

    def _push(self, edit: Edit | None) -> bool:
        session = self.workspace.session
        if session is None or edit is None:
            return False
        error = session.push(edit)
        if error is not None:
            self._say(self.tr("Not done: {why}").format(why=error.problem.message), "refused")
            return False
        return True

    def choose(self, choice: Choice) -> None:
        """Make gold hold A's version, B's, both, or neither at the selected difference."""
        item = self._selected_item()
        session = self.workspace.session
        if item is None or session is None:
            return
        d = item.difference
        if crowds_gold(d, choice):
            asked = self._ask_one_extent(item)
            if asked is None:
                return
            choice = asked
        words = cell_words(item)
        try:
            edit = settle(session.aset, d, choice, choice_text(choice, item.a, item.b, words))
        except SettleError as refused:
            self._say(self.tr("Not done: {why}").format(why=self._refusal(refused)),
                      refused.code)
            return
        position = self._position(item)
        if edit is None:
            self._say(self.tr("Gold already holds that"), "already-in-gold")
        elif not self._push(edit):
            return
        if not self._select_from(position, after=True):
            self._select_from(position)
            self._say(self.tr("That was the last difference"), "last-difference")

    def _ask_one_extent(self, item: ReviewItem) -> Choice | None:
        """Accepting both extents of one label: say what it does, offer one extent instead.

        Two overlapping spans with the same label in gold are valid, but the flat
        exports (CoNLL, Hugging Face tags) keep only the longer one.
        """
        d = item.difference
        assert d.a is not None and d.b is not None
        self._say(self.tr("Both extents carry the label {label} and overlap: flat exports "
                          "(CoNLL) would keep only the longer one").format(label=d.a.label),
                  "both-extents-overlap")
        answer = self.feedback.ask(
            "both-extents-overlap", self.tr("Accept both extents?"),
            self.tr("A's extent “{a}” ({who_a}) and B's extent “{b}” ({who_b}) overlap and "
                    "carry the same label, {label}. Gold may hold both, but CoNLL and the other "
                    "flat exports keep only the longer one. Choose one extent instead?").format(
                a=_isolated(d.a.text), who_a=item.a, b=_isolated(d.b.text), who_b=item.b,
                label=d.a.label),
            [("a", self.tr("Only A's “{text}”").format(text=_isolated(short(d.a.text)))),
             ("b", self.tr("Only B's “{text}”").format(text=_isolated(short(d.b.text)))),
             ("both", self.tr("Keep both")), ("cancel", self.tr("Cancel"))])
        if answer in ("a", "b", "both"):
            return answer  # type: ignore[return-value]
        self._say(self.tr("Nothing changed"), "both-extents-cancelled")
        return None

    def _refusal(self, refused: SettleError) -> str:
        """A settling refusal in the reviewer's words, by its code."""
        words = {"relation-ends-not-in-gold": self.tr("accept both ends of the relation into "
                                                      "gold first"),
                 "span-not-in-gold": self.tr("accept the span into gold first"),
                 "attributes-conflict": self.tr("A and B give an attribute different values: "
                                                "choose A's or B's")}
        return words.get(refused.code, str(refused))

    def edit(self) -> None:
        """Put a version in gold if it holds none, then select the gold span for editing."""
        item = self._selected_item()
        session = self.workspace.session
        if item is None or session is None:
            return
        d = item.difference
        span = gold_span(session.aset, d)
        if span is None:
            try:
                side: Choice = "a" if d.a is not None or d.relation_a is not None else "b"
                edit = settle(session.aset, d, side,
                              choice_text(side, item.a, item.b, cell_words(item)))
            except SettleError as refused:
                self._say(self.tr("Not done: {why}").format(why=self._refusal(refused)),
                          refused.code)
                return
            if not self._push(edit):
                return
            span = gold_span(session.aset, d)
        if span is None:
            return
        self.spans_list.select(span.id, reveal=True)
        self.view.setFocus()
        self._say(self.tr("Editing gold “{text}”: a label key relabels it, Alt+←/→ and "
                          "Alt+Shift+←/→ move its ends, F2 edits its note").format(
            text=span.text), "editing-gold")

    def accept_agreed(self) -> None:
        """Add every span all compared annotators (gold aside) marked identically: one step."""
        session = self.workspace.session
        names = [name for name in self.compared if name != GOLD]
        if session is None or len(names) < 2:
            self._say(self.tr("Agreed spans need two annotators besides gold"),
                      "agreed-needs-two")
            return
        works = {n: self.spans.get(n, Work([])) for n in names}
        agreed = agreed_spans({n: list(work.spans) for n, work in works.items()})
        edit = accept_agreed(session.aset, agreed, agreed_relations(works))
        if edit is not None:
            added = sum(isinstance(e, AddSpan) for e in edit.edits)  # relations aside
            edit = titled(edit, batch_text("accept-agreed", added))
        if not agreed:
            self._say(self.tr("No span was marked identically by all of {names}").format(
                names=", ".join(names)), "nothing-agreed")
        elif edit is None:
            self._say(self.tr("Every agreed span is already in gold"), "agreed-in-gold")
        elif self._push(edit):
            self._say(self.tr("{what} into gold (one undo step)").format(
                what=edit_text(edit)), "accepted-agreed")

    def _on_note_edited(self, index: int, note: str) -> None:
        span = self.panel.model.gold_span(index)
        session = self.workspace.session
        if span is not None and session is not None and span.id in session.aset:
            self._push(set_note(session.aset, span.id, note))


def _isolated(text: str) -> str:
    """``text`` in a first-strong isolate, so Arabic words inside a sentence of another
    direction keep the sentence (and the quotes around them) in its order. Display only."""
    return f"\u2068{text}\u2069"


