"""Find and "label all": the find bar's commands on the workspace's documents.

``Ctrl+F`` opens the find bar above the text (the selected words, if any,
become the query). Matches are whole words, normalised unless "Exact" is
ticked, proclitics left out (:func:`annotator.core.search.find_matches`);
they are boxed in the view (an overlay, so review mode keeps them), and
``F3`` / ``Shift+F3`` (or ``Enter`` / ``Shift+Enter`` in the query) select
the next / previous one after the cursor, scrolling to it; a label key then
labels exactly the match. ``Escape`` in the bar closes it.

"Label all…" labels every match of the open document, or of the whole
project, with the label chosen in the bar, after a preview
(:class:`~annotator.ui.dialogs.label_all_dialog.LabelAllDialog`) where each
match can be unticked; matches already carrying the label are left out. Each
document changes in one undo step: the open one through the same path as
every command (a core ``Batch`` on its undo stack, reopening it if it was
done); the others are loaded, changed and saved through
:mod:`annotator.io.label_all` (conflict-checked, as ``annotator find
--label`` does), and the edit is put on the undo stack the window keeps for
that document, so opening it later, ``Ctrl+Z`` takes the labels back.
"""

from __future__ import annotations

import bisect
import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog

from annotator.core.errors import AnnotatorError
from annotator.io import store
from annotator.io.label_all import (
    FileOutcome,
    Match,
    additions,
    by_document,
    context,
    find_in_project,
    label_edit,
    label_file,
    matches_in,
)
from annotator.ui.annotate import Annotating
from annotator.ui.busy import busy
from annotator.ui.dialogs.label_all_dialog import LabelAllDialog, PreviewRow
from annotator.ui.edit_texts import batch_text
from annotator.ui.feedback import Feedback
from annotator.ui.undo import EditCommand
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.decorations import MatchDecorations
from annotator.ui.widgets.find_bar import DOCUMENT, FindBar
from annotator.ui.workspace import OK, Workspace

log = logging.getLogger(__name__)

MESSAGE_MS = 6000
REFRESH_MS = 150  # after the last key typed in the query
OVERLAY = "find"
MAX_QUERY = 200  # characters of a selection taken as the query


class Finding(QObject):
    """The find bar's controller for one window."""

    def __init__(self, workspace: Workspace, view: ArticleView, annotating: Annotating,
                 bar: FindBar, feedback: Feedback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.view = view
        self.annotating = annotating
        self.bar = bar
        self.feedback = feedback
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self.dialog: LabelAllDialog | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(REFRESH_MS)
        self._pending.timeout.connect(self.refresh)
        bar.query_changed.connect(self._pending.start)
        bar.step_requested.connect(self.step)
        bar.label_all_requested.connect(self.label_all)
        bar.close_requested.connect(self.close)
        for signal in (ws.document_opened, ws.document_failed, ws.document_closed):
            signal.connect(self.refresh)
        ws.labels_changed.connect(self._on_labels)
        self._on_labels()

    def _say(self, text: str, code: str) -> None:
        self.feedback.say(text, MESSAGE_MS, code)

    def _on_labels(self) -> None:
        self.bar.set_labels([label.name for label in self.workspace.project.labels])

    # -- the bar -------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with the query selected; the selected words become the query."""
        selection = self.view.selection_range()
        if selection is not None and selection[1] - selection[0] <= MAX_QUERY:
            words = self.view.text[selection[0]:selection[1]]
            if words.strip() and "\n" not in words:
                self.bar.query.setText(words.strip())
        self.bar.show()
        self.bar.query.setFocus()
        self.bar.query.selectAll()
        self.refresh()

    def close(self) -> None:
        self._pending.stop()
        self.bar.hide()
        self.matches, self.current = [], None
        self.view.set_overlay(OVERLAY, None)
        self.view.setFocus()

    def refresh(self, *_args: object) -> None:
        """Find the query again in the open document and box the matches."""
        self._pending.stop()
        session = self.workspace.session
        query = self.bar.text().strip()
        if not self.bar.isVisible() or session is None or not query:
            self.matches = []
        else:
            self.matches = [(m.start, m.end) for m in matches_in(
                session.doc_id, session.text, query, self.bar.exact.isChecked())]
        self.current = None
        self._show()

    def _show(self) -> None:
        self.view.set_overlay(OVERLAY, MatchDecorations(self.matches, self.current)
                              if self.matches else None)
        state = "none" if not self.matches else (
            f"{self.current + 1}/{len(self.matches)}" if self.current is not None
            else str(len(self.matches)))
        self.bar.show_count(len(self.matches), self.current, state)

    # -- stepping ------------------------------------------------------------------
    def step(self, direction: int) -> None:
        """Select the next (``+1``) or previous (``-1``) match from the cursor, wrapping."""
        if not self.bar.isVisible():
            self.open()
            if not self.bar.text().strip():
                return
        if self._pending.isActive():
            self.refresh()
        if not self.matches:
            self._say(self.tr("No matches") if self.bar.text().strip()
                      else self.tr("Type a word to find"), "no-matches")
            return
        selection = self.view.selection_range()
        cursor = self.view.cursor_offset()
        starts = [start for start, _end in self.matches]
        if direction > 0:
            index = bisect.bisect_left(starts, selection[1] if selection else cursor)
        else:
            index = bisect.bisect_left(starts, selection[0] if selection else cursor) - 1
        if not 0 <= index < len(self.matches):
            index = 0 if direction > 0 else len(self.matches) - 1
            self._say(self.tr("Search wrapped around the document"), "wrapped")
        self.current = index
        self.view.set_selected_key(None, notify=True)
        self.view.select_range(*self.matches[index])
        self._show()

    # -- label all -----------------------------------------------------------------
    def label_all(self) -> None:
        """Preview labelling every match (document or project) with the bar's label."""
        ws = self.workspace
        query, label = self.bar.text().strip(), self.bar.chosen_label()
        if not self.bar.isVisible() or not query or label is None:
            self.open()
            self._say(self.tr("Type the word to label everywhere, choose a label, then "
                              "“Label all…”"), "no-query")
            return
        session = ws.session
        exact = self.bar.exact.isChecked()
        project_wide = self.bar.chosen_scope() != DOCUMENT
        if not project_wide and session is None:
            self._say(self.tr("No document is open"), "no-document")
            return
        with busy():
            texts = {session.doc_id: session.text} if session is not None else {}
            if project_wide:
                found = find_in_project(ws.project, query, None, exact, texts)
            else:
                found = [m for doc_id, text in texts.items()
                         for m in matches_in(doc_id, text, query, exact)]
            rows, skipped, problems = self._preview_rows(found, label, texts)
        if not rows and not problems:
            self._say(self.tr("Nothing to label: every match already carries {label}").format(
                label=label) if skipped else self.tr("No matches"), "nothing-to-label")
            return
        dialog = LabelAllDialog(query, label, rows, skipped, problems, self.view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._on_preview_closed(dialog, result, query,
                                                                       label))
        self.dialog = dialog
        dialog.open()

    def _preview_rows(self, found: list[Match], label: str, texts: dict[str, str],
                      ) -> tuple[list[PreviewRow], int, list[str]]:
        """Rows to preview, how many matches already carry ``label``, files that cannot change."""
        ws = self.workspace
        session = ws.session
        rows: list[PreviewRow] = []
        skipped = 0
        problems: list[str] = []
        grouped: dict[str, list[Match]] = {}
        for match in found:
            grouped.setdefault(match.doc, []).append(match)
        for doc_id, matches in grouped.items():
            if session is not None and doc_id == session.doc_id:
                aset, text = session.aset, session.text
                if session.read_only:
                    problems.append(self.tr("{doc}: the file has problems and is open "
                                            "read-only").format(doc=doc_id))
                    continue
            else:
                try:
                    loaded = store.load(ws.project, doc_id, ws.annotator)
                except AnnotatorError as exc:
                    problems.append(str(exc.problem))
                    continue
                if not loaded.result.openable:
                    problems += [str(p) for p in loaded.result.problems]
                    continue
                aset, text = loaded.annotations, texts.get(doc_id, loaded.document.text)
            for match in matches:
                if aset.find(match.start, match.end, label) is not None:
                    skipped += 1
                    continue
                before, words, after = context(text, match.start, match.end)
                rows.append(PreviewRow(match, f"{before}[{words}]{after}"))
        return rows, skipped, problems

    def _on_preview_closed(self, dialog: LabelAllDialog, result: int, query: str,
                           label: str) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.apply(dialog.chosen(), query, label)
        self.view.setFocus()

    def apply(self, chosen: list[Match], query: str, label: str) -> int:
        """Label ``chosen`` matches: one undo step per document. Returns the spans added."""
        ws = self.workspace
        session = ws.session
        description = batch_text("label-all", query=query, label=label)
        added = documents = 0
        problems: list[str] = []
        others = False
        with busy():
            for doc_id, bounds in by_document(chosen).items():
                if session is not None and doc_id == session.doc_id:
                    spans = additions(session.aset, bounds, label)
                    edit = label_edit(session.aset, spans, description)
                    if edit is not None and self.annotating.push(edit):
                        added += len(spans)
                        documents += 1
                    continue
                outcome = label_file(ws.project, doc_id, ws.annotator, bounds, label,
                                     reopen=True, description=description)
                if outcome.problem is not None:
                    problems.append(outcome.problem)
                elif outcome.added:
                    self._keep_undo(outcome)
                    added += len(outcome.added)
                    documents += 1
                    others = True
        if others:
            ws.reload_documents()  # the list shows the other documents' new counts
        log.info("label all %r as %s: %d spans in %d documents", query, label, added, documents)
        self._say(self.tr("Labelled %n matches as {label} in {documents} documents", "",
                          added).format(label=label, documents=documents), "labelled-all")
        if problems:
            self.feedback.ask("label-all-problems", self.tr("Some documents were not changed"),
                              "\n".join(problems), [(OK, self.tr("OK"))])
        return added

    def _keep_undo(self, outcome: FileOutcome) -> None:
        """Put a document's "label all" on the undo stack kept for it, as its saved state."""
        ws = self.workspace
        if outcome.edit is None or outcome.fingerprint is None or outcome.previous is None \
                or outcome.text_sha256 is None:
            return
        history = ws.undo_history
        stack = history.take(ws.annotator, outcome.doc, outcome.previous,
                             outcome.text_sha256) or history.new_stack()
        stack.push(EditCommand(stack, outcome.edit))
        stack.mark_saved(stack.state_token())
        history.keep(ws.annotator, outcome.doc, stack, outcome.fingerprint, outcome.text_sha256)
