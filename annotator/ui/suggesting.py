"""Machine suggestions in the window: shown apart from spans, accepted or rejected by key.

What the annotator sees and does (FORMAT.md section 3b):

- The open document's suggestions, from every source under ``suggestions/``,
  filtered against the annotator's own file
  (:func:`~annotator.core.suggestion_edits.offered`: what they already have or
  rejected is not offered), are drawn as dashed boxes in their label's colour
  (:mod:`~annotator.ui.widgets.suggestion_marks`), grey when they overlap a
  span of the same label; the tooltip gives the source and the score.
- The **current** suggestion is the one at the text cursor (``F7`` /
  ``Shift+F7`` put the cursor on the next / previous one); it is filled.
  ``Enter`` accepts it (a normal span with ``origin``), ``Backspace`` or
  ``Delete`` rejects it (recorded in the annotator's file); both then go to
  the next suggestion. ``Ctrl+Shift+Enter`` / ``Ctrl+Shift+Backspace`` accept
  or reject every suggestion shown, in one undo step. Every one of these is a
  core edit pushed like any other (:meth:`Annotating.push`), so ``Ctrl+Z``
  undoes it and a document marked done is reopened.
- ``Backspace`` and ``Delete`` also delete the selected span
  (``span.delete``): the two actions share the keys, and exactly one is
  enabled at a time. While a span is selected, or no suggestion is at the
  cursor, the keys delete; otherwise they reject (:meth:`_sync_actions`).
- View > Show suggestions hides or shows them (remembered). Review mode (gold)
  shows none.
- Annotate > Suggest… makes suggestions (gazetteer, or a trained model) on a
  worker thread (:class:`~annotator.ui.dialogs.suggest_dialog.SuggestDialog`); the marks
  are read again when it ends, when another document is shown, when files
  change on disk (a watcher on the suggestion folders), and after each edit
  they are filtered again (an undone rejection is offered again).
- The document list's "least confident first" order takes the model's
  confidence when there are model suggestions, else each document's lowest
  suggestion score of any source
  (:func:`~annotator.io.suggestion_quality.document_confidence`), read on a
  worker thread (:meth:`order_documents`).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from annotator.core.project import Project
from annotator.core.suggestion_edits import (
    Offer,
    Suggested,
    accept,
    accept_all,
    offered,
    reject,
    reject_all,
)
from annotator.io.suggestion_files import document_suggestions
from annotator.io.suggestion_quality import document_confidence
from annotator.io.suggestions import FOLDER
from annotator.ui import settings as keys
from annotator.ui.actions import ActionRegistry
from annotator.ui.annotate import Annotating
from annotator.ui.dialogs.suggest_dialog import SuggestDialog
from annotator.ui.edit_texts import batch_text, titled
from annotator.ui.feedback import Feedback
from annotator.ui.models.document_filter import (
    LEAST_CONFIDENT,
    ConfidenceLoader,
    DocumentFilterModel,
)
from annotator.ui.settings import Settings
from annotator.ui.tables import SpanList
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.suggestion_marks import SuggestionMarks
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

OVERLAY = "suggestions"
MESSAGE_MS = 5000
RELOAD_MS = 150  # files changing on disk: read once they have settled
ACTION_NAMES = ("suggestion.accept", "suggestion.reject", "suggestion.accept_all",
                "suggestion.reject_all", "suggestion.next", "suggestion.previous")


def _sort_key(item: Suggested) -> tuple[int, int, str]:
    return (item.start, item.end, item.label)


class Suggesting(QObject):
    """The suggestions of the workspace's open document, their marks in ``view``, the keys."""

    changed = Signal()  # the offers or the current one changed (marks redrawn)

    def __init__(self, workspace: Workspace, view: ArticleView, spans: SpanList,
                 annotating: Annotating, feedback: Feedback, registry: ActionRegistry,
                 settings: Settings, document_shown: SignalInstance, owner: QWidget,
                 documents: DocumentFilterModel | None = None,
                 save_pending: Callable[[], str | None] | None = None) -> None:
        super().__init__(owner)
        self.workspace = ws = workspace
        self.view = view
        self.spans = spans
        self.annotating = annotating
        self.feedback = feedback
        self.registry = registry
        self.settings = settings
        self.owner = owner
        self.documents = documents
        self.save_pending = save_pending
        self.shown = settings.get(keys.SHOW_SUGGESTIONS)
        self.suggestions: list[Suggested] = []  # every source's, on the open document
        self.offers: list[Offer] = []  # those still open to the annotator, in text order
        self.current: int | None = None  # index into offers: the one at the cursor
        self.dialog: SuggestDialog | None = None
        self.order = ""  # the document list's order ("" or LEAST_CONFIDENT)
        self.confidence = ConfidenceLoader(self)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_files_changed)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_MS)
        self._reload.timeout.connect(self.reload_from_disk)

        document_shown.connect(self.reload)
        ws.document_closed.connect(self.clear)
        ws.document_failed.connect(self.clear)
        ws.annotator_changed.connect(self.refilter)
        ws.spans_changed.connect(self.refilter)
        ws.saved_changed.connect(self.refilter)  # every push, undo and redo (and saves)
        ws.documents_changed.connect(self.reload_from_disk)
        ws.project_changed.connect(self._watch)
        ws.labels_changed.connect(self._redraw)
        view.offset_changed.connect(self._follow_cursor)
        view.selected_key_changed.connect(self._sync_actions)
        spans.table.selectionModel().currentRowChanged.connect(self._sync_actions)
        if documents is not None:
            self.confidence.loaded.connect(documents.set_confidence)

        r = registry
        r.connect("suggestion.accept", self.accept_current)
        r.connect("suggestion.reject", self.reject_current)
        r.connect("suggestion.accept_all", self.accept_all)
        r.connect("suggestion.reject_all", self.reject_all)
        r.connect("suggestion.next", lambda: self.step(1))
        r.connect("suggestion.previous", lambda: self.step(-1))
        r.connect("annotate.suggest", self.open_suggest)
        r["view.suggestions"].setChecked(self.shown)
        r.connect("view.suggestions", self.set_shown)
        self._watch()
        self._sync_actions()

    def _say(self, text: str, code: str) -> None:
        self.feedback.say(text, MESSAGE_MS, code)

    # -- what is shown -------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Suggestions are offered: shown, a document open for editing, not review mode."""
        ws = self.workspace
        session = ws.session
        return (self.shown and session is not None and not session.read_only
                and ws.annotator == ws.user)

    def reload(self, *_args: object) -> None:
        """Read the open document's suggestions from disk, then filter them."""
        session = self.workspace.session
        if session is None:
            self.clear()
            return
        found = document_suggestions(self.workspace.project, session.doc_id, session.text)
        self.suggestions = found.suggestions
        if found.problems:
            log.info("%d problem(s) in suggestion files of %s", len(found.problems),
                     session.doc_id)
        self.refilter()

    def reload_from_disk(self) -> None:
        """Files changed: the open document's suggestions, and the list's confidences."""
        self.reload()
        if self.order == LEAST_CONFIDENT:
            self._load_confidence()

    def clear(self, *_args: object) -> None:
        self.suggestions = []
        self.refilter()

    def refilter(self, *_args: object) -> None:
        """Filter the suggestions against the annotator's set as it is now; redraw."""
        session = self.workspace.session
        keep = self._current_key()
        offers = offered(self.suggestions, session.aset) \
            if self.active and session is not None else []
        if offers == self.offers:  # a save, a status change: nothing to repaint
            self._follow_cursor()
            return
        self.offers = offers
        self.current = None
        if keep is not None:
            self.current = next((i for i, o in enumerate(self.offers)
                                 if _sort_key(o.suggestion) == keep), None)
        self.current = self._at_cursor()
        self._redraw()

    def _current_key(self) -> tuple[int, int, str] | None:
        offer = self.current_offer()
        return _sort_key(offer.suggestion) if offer is not None else None

    def current_offer(self) -> Offer | None:
        if self.current is None or not 0 <= self.current < len(self.offers):
            return None
        return self.offers[self.current]

    def _redraw(self, *_args: object) -> None:
        if self.offers:
            self.view.set_overlay(OVERLAY, SuggestionMarks(self.offers, self.workspace.colors,
                                                           self.current))
        elif OVERLAY in self.view.highlights.overlays:
            self.view.set_overlay(OVERLAY, None)
        self._sync_actions()
        self.changed.emit()

    def set_shown(self, on: bool) -> None:
        """View > Show suggestions (remembered)."""
        self.shown = bool(on)
        self.settings.set(keys.SHOW_SUGGESTIONS, self.shown)
        if self.registry["view.suggestions"].isChecked() != self.shown:
            self.registry["view.suggestions"].setChecked(self.shown)
        self.refilter()

    # -- the current suggestion ------------------------------------------------------------
    def _offer_at(self, offset: int) -> int | None:
        """The offer holding ``offset`` (or ending right at it), the latest starting first."""
        starts = [o.suggestion.start for o in self.offers]
        last = bisect.bisect_right(starts, offset)
        at_end = None
        for index in range(last - 1, -1, -1):
            item = self.offers[index].suggestion
            if item.start <= offset < item.end:
                return index
            if item.end == offset and at_end is None:
                at_end = index
            if offset - item.start > 4096:  # far enough back: nothing longer is suggested
                break
        return at_end

    def _at_cursor(self) -> int | None:
        """The offer at the text cursor: the current one while it holds the cursor."""
        offset = self.view.cursor_offset()
        offer = self.current_offer()
        if offer is not None and offer.suggestion.start <= offset <= offer.suggestion.end:
            return self.current
        return self._offer_at(offset) if self.offers else None

    def _follow_cursor(self, *_args: object) -> None:
        """The current suggestion is the one at the text cursor (kept while it holds it)."""
        current = self._at_cursor()
        if current != self.current:
            self.current = current
            self._redraw()
        else:
            self._sync_actions()

    def _sync_actions(self, *_args: object) -> None:
        """Enable what applies now; Backspace/Delete reject or delete, never both."""
        r = self.registry
        active = self.active
        on_suggestion = active and self.current_offer() is not None \
            and self.view.selected_key is None
        r["suggestion.accept"].setEnabled(on_suggestion)
        r["suggestion.reject"].setEnabled(on_suggestion)
        r["span.delete"].setEnabled(not on_suggestion)
        for name in ("suggestion.accept_all", "suggestion.reject_all"):
            r[name].setEnabled(active and bool(self.offers))
        for name in ("suggestion.next", "suggestion.previous"):  # F7: free in review mode too
            r[name].setEnabled(active)
        r["annotate.suggest"].setEnabled(self.workspace.annotator == self.workspace.user)

    def go_to(self, index: int) -> None:
        """Make offer ``index`` the current one: the cursor at its start, no span selected."""
        self.current = index
        self.spans.select(None)
        self.view.set_cursor_offset(self.offers[index].suggestion.start)
        self._redraw()

    def step(self, direction: int) -> None:
        """The next (``1``) or previous (``-1``) suggestion, round the document."""
        if not self.offers:
            self._say(self.tr("No suggestions in this document"), "no-suggestions")
            return
        if self.current is not None:
            index = (self.current + direction) % len(self.offers)
        else:
            offset = self.view.cursor_offset()
            starts = [o.suggestion.start for o in self.offers]
            index = bisect.bisect_right(starts, offset) if direction > 0 else \
                bisect.bisect_left(starts, offset) - 1
            index %= len(self.offers)
        self.go_to(index)

    def _go_after(self, key: tuple[int, int, str]) -> None:
        """After acting on the suggestion ``key``: the next one (the first, past the last)."""
        self.refilter()
        if not self.offers:
            self.current = None
            self._redraw()
            self._say(self.tr("No more suggestions in this document"), "no-more-suggestions")
            return
        keys_ = [_sort_key(o.suggestion) for o in self.offers]
        index = bisect.bisect_right(keys_, key)
        self.go_to(index if index < len(self.offers) else 0)

    # -- accepting and rejecting -------------------------------------------------------------
    def _acting_on(self) -> Offer | None:
        offer = self.current_offer() if self.active else None
        if offer is None:
            self._say(self.tr("No suggestion at the cursor (F7 goes to the next one)"),
                      "no-suggestion")
        return offer

    def accept_current(self) -> None:
        session = self.workspace.session
        offer = self._acting_on()
        if offer is None or session is None:
            return
        if self.annotating.push(accept(session.aset, offer.suggestion)):
            self._go_after(_sort_key(offer.suggestion))

    def reject_current(self) -> None:
        if self.view.selected_key is not None:  # the keys delete a selected span
            self.annotating.delete_selected()
            return
        offer = self._acting_on()
        if offer is None:
            return
        if self.annotating.push(reject(offer.suggestion)):
            self._go_after(_sort_key(offer.suggestion))

    def accept_all(self) -> None:
        session = self.workspace.session
        if session is None or not self.offers or not self.active:
            self._say(self.tr("No suggestions in this document"), "no-suggestions")
            return
        edit = accept_all(session.aset, [o.suggestion for o in self.offers])
        edit = titled(edit, batch_text("accept-suggestions", len(edit.edits)))
        if self.annotating.push(edit):
            self.spans.select(None)
            self._say(self.tr("Accepted {count} suggestion(s) (Ctrl+Z undoes them)").format(
                count=len(edit.edits)), "accepted-all")

    def reject_all(self) -> None:
        session = self.workspace.session
        if session is None or not self.offers or not self.active:
            self._say(self.tr("No suggestions in this document"), "no-suggestions")
            return
        edit = reject_all(session.aset, [o.suggestion for o in self.offers])
        edit = titled(edit, batch_text("reject-suggestions", len(edit.edits)))
        if self.annotating.push(edit):
            self._say(self.tr("Rejected {count} suggestion(s) (Ctrl+Z undoes them)").format(
                count=len(edit.edits)), "rejected-all")

    # -- making suggestions ----------------------------------------------------------------
    def open_suggest(self) -> SuggestDialog:
        """Annotate > Suggest…: the dialog, modal to the window; the marks follow its runs."""
        ws = self.workspace
        dialog = SuggestDialog(ws.project, ws.current_doc_id, self.owner, self.save_pending,
                               self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.suggested.connect(lambda _summary: self.reload_from_disk())
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- files changing on disk ------------------------------------------------------------
    def _watch(self, *_args: object) -> None:
        """Watch the project folder, ``suggestions/`` and each source's folder."""
        project: Project = self.workspace.project
        old = self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        root = project.root / FOLDER
        paths = [str(project.root)]
        if root.is_dir():
            paths.append(str(root))
            paths += [str(p) for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
        self._watcher.addPaths(paths)

    def _on_files_changed(self, _path: str) -> None:
        self._watch()  # a new source folder, or suggestions/ made for the first time
        self._reload.start()

    # -- the document list's order ---------------------------------------------------------
    def order_documents(self, order: str) -> None:
        """The document list's order: ``LEAST_CONFIDENT`` reads the confidences first."""
        self.order = order
        if self.documents is not None:
            self.documents.set_order(order)
        if order == LEAST_CONFIDENT:
            self._load_confidence()

    def _load_confidence(self) -> None:
        project = self.workspace.project
        self.confidence.load(lambda: document_confidence(project))
