"""Labelling commands: what a label key, Delete or a boundary move does, as core edits.

The rules, in one place:

- A label key (or palette button, or context menu entry) with text selected
  labels the selection (snapped to words unless snapping is off) as a new
  span, which becomes the selected span. If the selection is exactly the
  selected span, or nothing is selected but a span is, it relabels that span.
  A selection that covers exactly one existing span's words (double-click on
  a labelled word, say) relabels that span too rather than stacking a second
  span with another label on the same words; a label the words already carry
  just selects that span.
- ``Delete`` removes the selected span; ``F2`` edits its note.
- ``Alt+Shift+←/→`` move the selected span's start, ``Alt+←/→`` its end, one
  word (one character with snapping off) in the direction of the arrow on
  screen: in a right-to-left paragraph ``←`` moves towards the end of the text.
- ``Alt+↓/↑`` select the next / previous span, so the keyboard alone reaches
  every span.
- ``Ctrl+Enter`` marks the document done (again: in progress). Any edit of a
  document marked done reopens it (in progress again, in the same undo step
  as the edit), and the status bar says so.
- Snapping knows proclitics (:mod:`annotator.core.snapping`): a keyboard
  selection is taken as meant (an edge right after ``و`` stays there), a
  mouse selection or double-click is widened to words (unless an edge lies
  before a known stem) and then cut to the stem when the stem is one of the
  user's known forms (:class:`~annotator.ui.known.KnownForms`).
  ``Ctrl+Shift+X`` sheds the selected span's proclitic, or restores it.
- A span a stale file kept aside is placed over the selection (snapped like a
  new span) with the file banner's "Place at selection", keeping its id, label
  and note; "Discard" drops it. Both are undoable like any other change.

Nothing here touches the annotation set: every change goes through
:meth:`DocumentSession.push`, so it is undoable and saved like any other. The
commands get the workspace, the view and the span list they drive, and speak
through :class:`~annotator.ui.feedback.Feedback`.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from annotator.core.edits import (
    AddSpan,
    Batch,
    Edit,
    SetStatus,
    change_bounds,
    discard_unplaced,
    place_unplaced,
    relabel,
    remove_span,
    set_note,
)
from annotator.core.errors import EditError
from annotator.core.relation_schema import misfits_after_relabel, relation_types
from annotator.core.snapping import moved_bounds, snap, toggle_proclitic
from annotator.core.spans import Span, Status
from annotator.ui.actions import ActionRegistry
from annotator.ui.edit_texts import edit_text
from annotator.ui.feedback import Feedback
from annotator.ui.linking import relation_text
from annotator.ui.session import DocumentSession
from annotator.ui.status import status_word
from annotator.ui.tables import SpanList
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.workspace import Workspace

MESSAGE_MS = 6000


class Annotating(QObject):
    """The annotation commands on the workspace's open document, as shown in ``view``."""

    def __init__(self, workspace: Workspace, view: ArticleView, spans: SpanList,
                 feedback: Feedback, registry: ActionRegistry,
                 parent: QObject | None = None, known: Collection[str] = ()) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view = view
        self.spans = spans
        self.feedback = feedback
        self.registry = registry
        self.known = known  # the user's known forms, for clitic-aware snapping

    def _say(self, text: str, code: str) -> None:
        self.feedback.say(text, MESSAGE_MS, code)

    def _push(self, edit: Edit) -> bool:
        """Push ``edit`` on the open document; one marked done is reopened in the same step."""
        session = self.workspace.session
        if session is None:
            self.workspace.say_if_reading()
            return False
        reopen = session.aset.status == "done" and not edit.changes.status
        if reopen:
            edit = Batch((edit, SetStatus("done", "in_progress")), edit_text(edit))
        error: EditError | None = session.push(edit)
        if error is not None:
            self._say(self.tr("Not done: {why}").format(why=error.problem.message), "refused")
            return False
        if reopen:
            self._say(self.tr("{doc} was marked done: it is in progress again (Ctrl+Z undoes "
                              "both)").format(doc=session.doc_id), "reopened")
        return True

    def push(self, edit: Edit) -> bool:
        """Push an edit made elsewhere (the find bar's label all) the way these commands do."""
        return self._push(edit)

    def snapped(self, start: int, end: int) -> tuple[int, int] | None:
        """The span a selection of the open document stands for, as the view made it.

        A keyboard one is taken as meant: an edge at a clitic boundary stays. A
        mouse selection is sloppy: an edge stays only before a known stem; it is
        widened to words, then cut to a known stem.
        """
        session = self.workspace.session
        if session is None:
            return None
        return snap(session.text, start, end, words=self.view.snap_words, known=self.known,
                    sloppy=self.view.selection_origin == "mouse")

    # -- labels ------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        session = self.workspace.session
        if session is None:
            self.workspace.say_if_reading()
            return
        selected = self.view.selected_key
        selection = self.view.selection_range()
        if selection is not None:
            bounds = self.snapped(*selection)
            if bounds is None:
                self._say(self.tr("Nothing to label: the selection holds only spaces or "
                                  "punctuation"), "nothing-to-label")
                return
            current = session.aset.get(selected) if selected else None
            if current is not None and (current.start, current.end) == bounds:
                self._relabel(selected, label)
                return
            same_words = [s for s in session.aset.overlapping(*bounds)
                          if (s.start, s.end) == bounds]
            existing = next((s for s in same_words if s.label == label), None)
            if existing is not None:
                self.spans.select(existing.id)
                self._say(self.tr("These words are already labelled {label}").format(
                    label=label), "already-labelled")
                return
            if len(same_words) == 1:
                self.spans.select(same_words[0].id)
                self._relabel(same_words[0].id, label)
                return
            span = session.aset.make_span(*bounds, label)
            if self._push(AddSpan(span)):
                self.view.set_cursor_offset(span.end)
                self.spans.select(span.id)
            return
        if selected is not None:
            self._relabel(selected, label)
            return
        self._say(self.tr("Select some text first (mouse, Shift+arrows, or double-click a "
                          "word)"), "no-selection")

    def _relabel(self, span_id: str | None, label: str) -> None:
        session = self.workspace.session
        if session is None or span_id is None or span_id not in session.aset:
            return
        if session.aset.span(span_id).label == label:
            return
        in_use = {r.type for r in session.aset.relations()}
        misfits = misfits_after_relabel(relation_types(self.workspace.project, in_use),
                                        session.aset, span_id, label)
        if misfits:  # a relation whose ends no longer fit its type would make the file invalid
            self._say(self.tr("Not relabelled: {label} does not fit its relations {types}; "
                              "change or delete them first").format(
                label=label, types=", ".join(r.type for r in misfits)),
                "relabel-breaks-relations")
            return
        self._push(relabel(session.aset, span_id, label))

    def context_menu(self, _offset: int | None) -> QMenu:
        """The article view's context menu: labels, delete, note, copy."""
        menu = QMenu(self.view)
        for action in self.registry.label_actions():
            menu.addAction(action)
        menu.addSeparator()
        for name in ("span.delete", "span.note"):
            menu.addAction(self.registry[name])
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"))
        copy.setObjectName("copy")
        copy.setEnabled(self.view.textCursor().hasSelection())
        copy.triggered.connect(self.view.copy)
        return menu

    # -- spans kept aside by re-anchoring --------------------------------------------
    def place_unplaced(self, index: int) -> None:
        session = self.workspace.session
        if session is None or not 0 <= index < len(session.aset.unplaced):
            return
        kept = session.aset.unplaced[index]
        selection = self.view.selection_range()
        bounds = self.snapped(*selection) if selection is not None else None
        if bounds is None:
            self._say(self.tr("Select the text where {label} “{text}” belongs, then press "
                              "“Place at selection”").format(label=kept.label, text=kept.text),
                      "select-first")
            self.view.setFocus()
            return
        edit = place_unplaced(session.aset, index, *bounds)
        if self._push(edit):
            self.view.set_cursor_offset(edit.placed.end)
            self.spans.select(edit.placed.id)
            self._say(self.tr("Placed {label} “{text}” (was “{old}” at {start}–{end})").format(
                label=kept.label, text=edit.placed.text, old=kept.text, start=kept.start,
                end=kept.end), "placed")
        self.view.setFocus()

    def discard_unplaced(self, index: int) -> None:
        session = self.workspace.session
        if session is None or not 0 <= index < len(session.aset.unplaced):
            return
        edit = discard_unplaced(session.aset, index)
        if self._push(edit):
            self._say(self.tr("{what} (Ctrl+Z brings it back)").format(what=edit_text(edit)),
                      "discarded")
        self.view.setFocus()

    # -- the selected span ---------------------------------------------------------
    def _selected_span(self, hint: bool = False) -> tuple[DocumentSession, Span] | None:
        """The open session and the span selected in the view, or None after saying so
        (``hint``: and how to select one)."""
        session = self.workspace.session
        span_id = self.view.selected_key
        if session is None and self.workspace.say_if_reading():
            return None
        if session is None or span_id is None or span_id not in session.aset:
            self._say(self.tr("No span selected: click a span, or use Alt+↓ / Alt+↑") if hint
                      else self.tr("No span selected"), "no-span-selected")
            return None
        return session, session.aset.span(span_id)

    def delete_selected(self) -> None:
        selected = self._selected_span(hint=True)
        if selected is None:
            return
        session, span = selected
        edit = remove_span(session.aset, span.id)
        aset = session.aset

        def end_text(end: str) -> str:
            found = aset.get(end)
            return found.text if found is not None else end

        gone = "; ".join(relation_text(r.type, end_text(r.source), end_text(r.target))
                         for r in edit.relations)
        if self._push(edit):
            self.spans.select(None)
            if edit.relations:  # they go with it, and come back with it on undo
                self._say(self.tr("Deleted “{text}” and its {count} relation(s): {relations} "
                                  "(Ctrl+Z brings them back)").format(
                    text=f"\u2068{edit.span.text}\u2069", count=len(edit.relations),
                    relations=gone),
                    "deleted-with-relations")

    def edit_note(self) -> None:
        selected = self._selected_span()
        if selected is None:
            return
        _session, span = selected
        span_id = span.id
        note = self.feedback.ask_text(
            self.tr("Note"), self.tr("Note on “{text}” ({label}):").format(text=span.text,
                                                                          label=span.label),
            span.note or "")
        if note is not None:
            self.set_note(span_id, note)

    def set_note(self, span_id: str, note: str) -> None:
        session = self.workspace.session
        if session is not None and span_id in session.aset:
            self._push(set_note(session.aset, span_id, note))

    def move_edge(self, edge: str, screen_left: bool) -> None:
        selected = self._selected_span()
        if selected is None:
            return
        session, span = selected
        span_id = span.id
        rtl = self.view.direction_at(span.start) == "rtl"
        forward = screen_left == rtl
        moved = moved_bounds(session.text, span.start, span.end, edge, forward,
                             self.view.snap_words)
        if moved is None:
            self._say(self.tr("The span cannot move further that way"), "cannot-move")
            return
        self.set_bounds(span_id, *moved)

    def toggle_clitic(self) -> None:
        """Shed the selected span's proclitic (``وسترة`` -> ``سترة``), or restore it."""
        selected = self._selected_span()
        if selected is None:
            return
        session, span = selected
        span_id = span.id
        moved = toggle_proclitic(session.text, span.start, span.end, self.known)
        if moved is None:
            self._say(self.tr("“{text}” has no proclitic to take off or give back").format(
                text=span.text), "no-proclitic")
            return
        self.set_bounds(span_id, *moved)

    def set_bounds(self, span_id: str, start: int, end: int) -> None:
        session = self.workspace.session
        if session is None or span_id not in session.aset:
            return
        span = session.aset.span(span_id)
        if (span.start, span.end) != (start, end):
            self._push(change_bounds(session.aset, span_id, start, end))

    def step_span(self, forward: bool) -> None:
        """Select the next (or previous) span in text order."""
        model = self.spans.model
        if model.rowCount() == 0:
            self._say(self.tr("No spans yet"), "no-spans")
            return
        selected = self.view.selected_key
        row = model.row_of(selected) if selected else None
        if row is None:
            offset = self.view.cursor_offset()
            starts = [s.start for s in model.spans()]
            row = bisect.bisect_left(starts, offset) if forward else \
                bisect.bisect_left(starts, offset) - 1
        else:
            row = row + 1 if forward else row - 1
        row = max(0, min(row, model.rowCount() - 1))
        self.spans.select(model.span_at(row).id, reveal=True)

    # -- the document ----------------------------------------------------------------
    def toggle_done(self) -> None:
        """Mark the document done, or (when it is) in progress again."""
        session = self.workspace.session
        if session is None:
            return
        status: Status = "in_progress" if session.aset.status == "done" else "done"
        error = session.set_status(status)
        if error is not None:
            self._say(self.tr("Not done: {why}").format(why=error.problem.message), "refused")
        else:
            self.feedback.say(f"{session.doc_id}: {status_word(status)}", 4000, status)
