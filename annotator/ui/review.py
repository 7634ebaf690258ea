"""Review mode: compare annotators on the open document and settle the gold version.

Turning review mode on (``Ctrl+Shift+R``) saves the reviewer's own work and
reopens the current document as **gold** (``gold/<doc_id>.json``, annotator
``gold``): the window's session, undo stack, autosave and conflict-checked
saving then work on the gold file exactly as they do on an annotator's file,
and every ordinary command (label keys, Delete, boundary moves, ``F2`` for a
note) edits gold. While review mode is on, ``window.annotator`` is ``gold``
(whose file the window edits); the reviewer's name is kept in
:attr:`ReviewController.reviewer` and shown in the status bar.

What is compared: a reference annotator (A) and one or more others (B:
annotators and/or gold), **pairwise against the reference**
(:func:`annotator.core.adjudication.compare`). Each difference is coloured by
kind in the text, listed in the panel, and reachable with ``F8`` /
``Shift+F8``; the choices (accept A, accept B, accept both, reject, edit) and
"accept all agreed" become core edits pushed on the gold session's undo
stack (:func:`~annotator.core.adjudication.settle`). The status bar shows the
document's agreement (:func:`annotator.core.agreement.document_agreement`),
computed on the same spans as the list.

Outside review mode the controller only adds the reviewer's notes on gold
spans to the annotator's view (a dashed line and a tooltip), so annotators
see what the reviewer wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from annotator.core.adjudication import (
    Choice,
    ReviewItem,
    accept_agreed,
    agreed_spans,
    compare,
    gold_span,
    settle,
)
from annotator.core.edits import Edit
from annotator.core.project import GOLD
from annotator.core.spans import Span
from annotator.ui.review_sources import agreement_line, default_choice, gold_notes, load_annotators
from annotator.ui.widgets.review_decorations import (
    ReviewDecorations,
    ReviewerNotes,
    item_index,
    item_key,
)
from annotator.ui.widgets.review_panel import ReviewPanel

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.session import DocumentSession
    from annotator.ui.undo import Changes

MESSAGE_MS = 6000
ACTION_NAMES = ("review.next", "review.previous", "review.accept_a", "review.accept_b",
                "review.accept_both", "review.reject", "review.edit", "review.accept_agreed")
CHOICE_WORDS = {"a": "Accept {a}'s", "b": "Accept {b}'s", "both": "Accept both", "none": "Reject"}


class ReviewController(QObject):
    """Review mode of one window: its panel, its actions, and what they do."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reviewer = window.annotator
        self.active = False
        self.items: list[ReviewItem] = []
        self.spans: dict[str, list[Span]] = {}  # the annotators' spans on the open document
        self.compared: list[str] = []  # reference first
        self._wanted: tuple[str | None, list[str]] = (None, [])  # kept from document to document
        self._syncing = False
        self.panel = ReviewPanel()
        self.dock = QDockWidget("Review", window)
        self.dock.setObjectName("review-dock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.dock.setWidget(self.panel)
        self.dock.hide()
        self._dock_added = False
        self.status = QLabel()
        self.status.setObjectName("status-agreement")
        self.status.setContentsMargins(6, 0, 6, 0)
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)

        r = window.registry
        self.panel.set_actions({name: r[name] for name in ACTION_NAMES})
        self.panel.set_label_colors(list(window.colors.values()))
        r.connect("review.mode", self.set_active)
        r.connect("review.next", lambda: self.step(1))
        r.connect("review.previous", lambda: self.step(-1))
        r.connect("review.accept_a", lambda: self.choose("a"))
        r.connect("review.accept_b", lambda: self.choose("b"))
        r.connect("review.accept_both", lambda: self.choose("both"))
        r.connect("review.reject", lambda: self.choose("none"))
        r.connect("review.edit", self.edit)
        r.connect("review.accept_agreed", self.accept_agreed)
        self._enable(False)
        window.document_opened.connect(self._on_document_opened)
        window.document_failed.connect(self._on_document_failed)
        window.view.selected_key_changed.connect(self._on_view_selected)
        self.panel.comparison_changed.connect(self._on_comparison_changed)
        self.panel.table.selectionModel().currentRowChanged.connect(self._on_row_selected)
        self.panel.model.note_edited.connect(self._on_note_edited)

    # -- helpers ---------------------------------------------------------------------
    @property
    def session(self) -> DocumentSession | None:
        return self.window.session

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _enable(self, on: bool) -> None:
        for name in ACTION_NAMES:
            self.window.registry[name].setEnabled(on)

    # -- turning review mode on and off -------------------------------------------------
    def set_active(self, on: bool) -> None:
        on = bool(on)
        if on == self.active:
            return
        w = self.window
        if not w.files.leave_current():  # the current file could not be saved: stay
            self._check(self.active)
            return
        doc_id = w.session.doc_id if w.session is not None else None
        self._apply(on)
        if doc_id is not None and not w.open_document(doc_id, force=True):
            why = str(w.broken[1]) if w.broken is not None else doc_id
            self._apply(not on)  # e.g. the gold file is not JSON at all: back as we were
            w.open_document(doc_id, force=True)
            w.ask("error", "Cannot open document", why, ["OK"])
        w._update_status()

    def _apply(self, on: bool) -> None:
        """Whose file the window edits, the document list, the dock, the actions."""
        w = self.window
        self.active = on
        if on:
            self.reviewer = w.annotator
        w.annotator = GOLD if on else self.reviewer
        w.doc_model.annotator = w.annotator
        w.doc_model.reload()
        if on and not self._dock_added:
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            w.resizeDocks([self.dock], [520], Qt.Orientation.Horizontal)
            self._dock_added = True
        self.dock.setVisible(on)
        self.status.setVisible(on)
        self._enable(on)
        self._check(on)

    def _check(self, on: bool) -> None:
        action = self.window.registry["review.mode"]
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)

    # -- following the window ---------------------------------------------------------
    def _on_document_opened(self, doc_id: str) -> None:
        session = self.session
        if session is None:
            return
        if not self.active:
            self._show_reviewer_notes(session)
            return
        session.spans_changed.connect(self._on_gold_changed)
        self._load(doc_id)
        self._compare(keep=None)

    def _on_document_failed(self, _doc_id: str) -> None:
        """The document cannot be opened (e.g. its gold file is broken): compare nothing."""
        if self.active:
            self.items, self.spans = [], {}
            self.panel.model.reset([], None)
            self.status.setText("")

    def _show_reviewer_notes(self, session: DocumentSession) -> None:
        """Outside review mode: the notes on gold spans, in the annotator's view."""
        if session.annotator == GOLD:
            return
        noted = gold_notes(self.window.project, session.doc_id, session.document)
        if noted:
            view = self.window.view
            view.set_provider(ReviewerNotes(view.highlights.provider, noted))

    def _load(self, doc_id: str) -> None:
        """Read every annotator's file for ``doc_id`` and offer them in the panel."""
        self.spans, problems = load_annotators(self.window.project, doc_id)
        names = list(self.spans)
        self.panel.set_annotators(names, *default_choice(names, self._wanted))
        self.panel.set_notice("\n".join(problems))

    def _on_comparison_changed(self) -> None:
        self._wanted = self.panel.chosen()
        self._compare(keep=None)

    def _spans_of(self, name: str) -> list[Span]:
        if name == GOLD:
            return self.session.aset.spans() if self.session is not None else []
        return self.spans.get(name, [])

    def _compare(self, keep: tuple[int, int, int] | None) -> None:
        """Classify again, refill the list and the view; select the item at or after ``keep``."""
        session = self.session
        if session is None:
            return
        reference, others = self.panel.chosen()
        self.compared = [reference, *others] if reference is not None and others else []
        spans = {name: self._spans_of(name) for name in self.compared}
        self.items = compare(self.compared[0], spans) if self.compared else []
        self.panel.model.reset(self.items, session.aset)
        view = self.window.view
        view.set_provider(ReviewDecorations(self.items, session.aset, self.window.colors))
        b = others[0] if len(others) == 1 else "B"
        self.panel.set_counts(self.panel.model.counts(), reference or "A", b)
        self._show_agreement(spans)
        if keep is not None:
            self._select_from(keep)

    def _on_gold_changed(self, _changes: Changes) -> None:
        session = self.session
        if not self.active or session is None:
            return
        if GOLD in self.compared:
            current = self.current()
            self._compare(keep=self._position(self.items[current]) if current is not None
                          else None)
        else:
            self.panel.model.refresh_gold(session.aset)
            self.window.view.invalidate_all()

    def _show_agreement(self, spans: dict[str, list[Span]]) -> None:
        """The document's agreement in the status bar, kept whole when the bar is crowded."""
        session = self.session
        if session is None:
            return
        labels = [label.name for label in self.window.project.labels]
        text, pairs = agreement_line(session.text, spans, labels, session.doc_id)
        self.status.setText(text)
        self.status.setToolTip(f"Reviewer {self.reviewer}, writing gold"
                               + (f". Agreement on {session.doc_id}, per pair:\n{pairs}"
                                  if pairs else ""))
        self.status.setMinimumWidth(self.status.sizeHint().width())

    # -- selection ---------------------------------------------------------------------
    def current(self) -> int | None:
        """Index (in :attr:`items`) of the difference selected in the list."""
        index = self.panel.table.currentIndex()
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
                table.selectRow(row)
                table.scrollTo(model.index(row, 0))
        finally:
            self._syncing = False
        view = self.window.view
        view.set_selected_key(item_key(index) if index is not None else None)
        if reveal and index is not None:
            view.set_cursor_offset(self.items[index].start)

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
            self._say("No differences listed")
            return
        current = self.current()
        if current is None:
            offset = self.window.view.cursor_offset()
            rows = [r for r in range(model.rowCount())
                    if (self.items[model.item_index_at(r)].start >= offset) == (direction > 0)]
            row = (rows[0] if direction > 0 else rows[-1]) if rows else None
        else:
            row = model.row_of(current)
            row = None if row is None else row + direction
        if row is None or not 0 <= row < model.rowCount():
            self._say("No more differences that way")
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
                self.panel.table.selectRow(row)  # type: ignore[arg-type]
            finally:
                self._syncing = False
            return
        if index is not None and index < len(self.items):
            self.select(index, reveal=False)

    # -- settling ----------------------------------------------------------------------
    def _selected_item(self) -> ReviewItem | None:
        current = self.current()
        if current is None:
            self._say("Select a difference first (F8 / Shift+F8, or click it)")
            return None
        return self.items[current]

    def _push(self, edit: Edit | None) -> bool:
        session = self.session
        if session is None or edit is None:
            return False
        error = session.push(edit)
        if error is not None:
            self._say(f"Not done: {error.problem.message}")
            return False
        return True

    def choose(self, choice: Choice) -> None:
        """Make gold hold A's version, B's, both, or neither at the selected difference."""
        item = self._selected_item()
        session = self.session
        if item is None or session is None:
            return
        text = (item.difference.a or item.difference.b).text  # type: ignore[union-attr]
        words = CHOICE_WORDS[choice].format(a=item.a, b=item.b)
        edit = settle(session.aset, item.difference, choice,
                      f"{words} “{' '.join(text.split())[:30]}”")
        position = self._position(item)
        if edit is None:
            self._say("Gold already holds that")
        elif not self._push(edit):
            return
        if not self._select_from(position, after=True):
            self._select_from(position)
            self._say("That was the last difference")

    def edit(self) -> None:
        """Put a version in gold if it holds none, then select the gold span for editing."""
        item = self._selected_item()
        session = self.session
        if item is None or session is None:
            return
        d = item.difference
        span = gold_span(session.aset, d)
        if span is None:
            if not self._push(settle(session.aset, d, "a" if d.a is not None else "b")):
                return
            span = gold_span(session.aset, d)
        if span is None:
            return
        self.window.select_span(span.id, reveal=True)
        self.window.view.setFocus()
        self._say(f"Editing gold “{span.text}”: a label key relabels it, Alt+←/→ and "
                  "Alt+Shift+←/→ move its ends, F2 edits its note")

    def accept_agreed(self) -> None:
        """Add every span all compared annotators (gold aside) marked identically: one step."""
        session = self.session
        names = [name for name in self.compared if name != GOLD]
        if session is None or len(names) < 2:
            self._say("Agreed spans need two annotators besides gold")
            return
        agreed = agreed_spans({n: self.spans[n] for n in names})
        edit = accept_agreed(session.aset, agreed)
        if not agreed:
            self._say(f"No span was marked identically by all of {', '.join(names)}")
        elif edit is None:
            self._say("Every agreed span is already in gold")
        elif self._push(edit):
            self._say(f"{edit.description} into gold (one undo step)")

    def _on_note_edited(self, index: int, note: str) -> None:
        span = self.panel.model.gold_span(index)
        if span is not None:
            self.window.annotating.set_note(span.id, note)
