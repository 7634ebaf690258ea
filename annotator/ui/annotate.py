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
- A span a stale file kept aside is placed over the selection (snapped like a
  new span) with the file banner's "Place at selection", keeping its id, label
  and note; "Discard" drops it. Both are undoable like any other change.

Nothing here touches the annotation set: every change goes through
:meth:`DocumentSession.push`, so it is undoable and saved like any other.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from annotator.core.edits import (
    AddSpan,
    Edit,
    change_bounds,
    discard_unplaced,
    place_unplaced,
    relabel,
    remove_span,
    set_note,
)
from annotator.core.errors import EditError
from annotator.ui.snapping import moved_bounds, snap

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.widgets.article_view import ArticleView

MESSAGE_MS = 6000


class Annotating:
    """The annotation commands of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def view(self) -> ArticleView:
        return self.window.view

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _push(self, edit: Edit) -> bool:
        session = self.window.session
        if session is None:
            return False
        error: EditError | None = session.push(edit)
        if error is not None:
            self._say(f"Not done: {error.problem.message}")
            return False
        return True

    # -- labels ------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        session = self.window.session
        if session is None:
            return
        selected = self.view.selected_key
        selection = self.view.selection_range()
        if selection is not None:
            bounds = snap(session.text, *selection, words=self.view.snap_words)
            if bounds is None:
                self._say("Nothing to label: the selection holds only spaces or punctuation")
                return
            current = session.aset.get(selected) if selected else None
            if current is not None and (current.start, current.end) == bounds:
                self._relabel(selected, label)
                return
            same_words = [s for s in session.aset.overlapping(*bounds)
                          if (s.start, s.end) == bounds]
            existing = next((s for s in same_words if s.label == label), None)
            if existing is not None:
                self.window.select_span(existing.id)
                self._say(f"These words are already labelled {label}")
                return
            if len(same_words) == 1:
                self.window.select_span(same_words[0].id)
                self._relabel(same_words[0].id, label)
                return
            span = session.aset.make_span(*bounds, label)
            if self._push(AddSpan(span)):
                self.view.set_cursor_offset(span.end)
                self.window.select_span(span.id)
            return
        if selected is not None:
            self._relabel(selected, label)
            return
        self._say("Select some text first (mouse, Shift+arrows, or double-click a word)")

    def _relabel(self, span_id: str | None, label: str) -> None:
        session = self.window.session
        if session is None or span_id is None or span_id not in session.aset:
            return
        if session.aset.span(span_id).label == label:
            return
        self._push(relabel(session.aset, span_id, label))

    def context_menu(self, _offset: int | None) -> QMenu:
        """The article view's context menu: labels, delete, note, copy."""
        registry = self.window.registry
        menu = QMenu(self.window)
        for action in registry.label_actions():
            menu.addAction(action)
        menu.addSeparator()
        for name in ("span.delete", "span.note"):
            menu.addAction(registry[name])
        menu.addSeparator()
        copy = menu.addAction("Copy")
        copy.setEnabled(self.view.textCursor().hasSelection())
        copy.triggered.connect(self.view.copy)
        return menu

    # -- spans kept aside by re-anchoring --------------------------------------------
    def place_unplaced(self, index: int) -> None:
        session = self.window.session
        if session is None or not 0 <= index < len(session.aset.unplaced):
            return
        kept = session.aset.unplaced[index]
        selection = self.view.selection_range()
        bounds = snap(session.text, *selection, words=self.view.snap_words) \
            if selection is not None else None
        if bounds is None:
            self._say(f"Select the text where {kept.label} “{kept.text}” belongs, then press "
                      "“Place at selection”")
            self.view.setFocus()
            return
        edit = place_unplaced(session.aset, index, *bounds)
        if self._push(edit):
            self.view.set_cursor_offset(edit.placed.end)
            self.window.select_span(edit.placed.id)
            self._say(f"Placed {kept.label} “{edit.placed.text}” (was “{kept.text}” at "
                      f"{kept.start}–{kept.end})")
        self.view.setFocus()

    def discard_unplaced(self, index: int) -> None:
        session = self.window.session
        if session is None or not 0 <= index < len(session.aset.unplaced):
            return
        edit = discard_unplaced(session.aset, index)
        if self._push(edit):
            self._say(f"{edit.description} (Ctrl+Z brings it back)")
        self.view.setFocus()

    # -- the selected span ---------------------------------------------------------
    def delete_selected(self) -> None:
        session = self.window.session
        span_id = self.view.selected_key
        if session is None or span_id is None or span_id not in session.aset:
            self._say("No span selected: click a span, or use Alt+↓ / Alt+↑")
            return
        if self._push(remove_span(session.aset, span_id)):
            self.window.select_span(None)

    def edit_note(self) -> None:
        session = self.window.session
        span_id = self.view.selected_key
        if session is None or span_id is None or span_id not in session.aset:
            self._say("No span selected")
            return
        span = session.aset.span(span_id)
        note = self.window.ask_text("Note", f"Note on “{span.text}” ({span.label}):",
                                    span.note or "")
        if note is not None:
            self.set_note(span_id, note)

    def set_note(self, span_id: str, note: str) -> None:
        session = self.window.session
        if session is not None and span_id in session.aset:
            self._push(set_note(session.aset, span_id, note))

    def move_edge(self, edge: str, screen_left: bool) -> None:
        session = self.window.session
        span_id = self.view.selected_key
        if session is None or span_id is None or span_id not in session.aset:
            self._say("No span selected")
            return
        span = session.aset.span(span_id)
        rtl = self.view.direction_at(span.start) == "rtl"
        forward = screen_left == rtl
        moved = moved_bounds(session.text, span.start, span.end, edge, forward,
                             self.view.snap_words)
        if moved is None:
            self._say("The span cannot move further that way")
            return
        self.set_bounds(span_id, *moved)

    def set_bounds(self, span_id: str, start: int, end: int) -> None:
        session = self.window.session
        if session is None or span_id not in session.aset:
            return
        span = session.aset.span(span_id)
        if (span.start, span.end) != (start, end):
            self._push(change_bounds(session.aset, span_id, start, end))

    def step_span(self, forward: bool) -> None:
        """Select the next (or previous) span in text order."""
        model = self.window.span_model
        if model.rowCount() == 0:
            self._say("No spans yet")
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
        self.window.select_span(model.span_at(row).id, reveal=True)
