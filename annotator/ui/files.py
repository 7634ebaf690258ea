"""Never losing work, as the window presents it: saving, conflicts, stale and broken files.

- **Conflicts.** When the annotation file changed on disk since it was read
  (another annotator, a sync client, ``git pull``), the session refuses to
  write and this shows a banner with two ways out, each of which keeps the
  other version in a backup file beside the annotation file:
  *Keep mine* (theirs is copied aside, then mine is written) or *Take theirs*
  (mine is copied aside, then theirs is opened).
- **The status bar** never contradicts itself: a transient message that states
  a save state ("Saved …", "Nothing to save", "Not saved: …") is cleared as
  soon as the state changes the other way, and a conflict or a failed write
  replaces whatever was shown.
  Ctrl+S on a document with nothing new says so instead of "Saved".
- **Leaving a document or closing** saves first; if that is impossible, the
  user is asked, and the only way past keeps a copy of the unsaved work.
- **Stale files** (the text changed since they were annotated) open with the
  re-anchored spans and a banner saying how many moved and listing those that
  could not be placed (kept aside in the file, never dropped), each with its
  text, label and old offsets, "Place at selection" and "Discard" (undoable
  edits). The banner comes back whenever a document still keeps spans aside. Files with
  other problems open read-only, so nothing in them can be lost by saving.
- **Broken files** (an annotation file that is not JSON, a document that is
  not UTF-8) cannot be opened at all: the view area shows which file, what is
  wrong and that nothing will be written to it, with "Try again" for after it
  is fixed; the document list marks the document "error".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.ui.widgets.unplaced_list import UnplacedList

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

HINTS = {
    "malformed-json": "Fix it in a text editor ('annotator validate' shows the place), or move "
                      "it out of the project to start this document afresh; then try again.",
    "bad-format": "It is not an Annotator annotation file: move it out of the project, or "
                  "fix it, then try again.",
    "invalid-utf8": "Save the file as UTF-8 (e.g. with iconv or a text editor), then "
                    "try again.",
    "missing-document": "Check that the document file exists and can be read, then try again.",
}
KEEP_COPY = "Keep a copy of my version and continue"
CANCEL = "Cancel"
SHOWN_PROBLEMS = 8


CONFLICT_MESSAGE = "Not saved: {name} changed on disk; choose in the banner above the text"


class FileHandling:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.unplaced_list = UnplacedList()  # shown in the file banner
        self.unplaced_list.place_requested.connect(window.annotating.place_unplaced)
        self.unplaced_list.discard_requested.connect(window.annotating.discard_unplaced)
        # the shown message that states a save state, and that state (True: saved)
        self._claim: tuple[str, bool] | None = None

    def say(self, text: str, ms: int = 6000, saved: bool | None = None) -> None:
        """Show ``text`` in the status bar; ``saved``: the save state it states, if any."""
        self.window.statusBar().showMessage(text, ms)
        self._claim = (text, saved) if saved is not None else None

    def on_saved_changed(self, saved: bool) -> None:
        """The save state changed: a message that states the other one is now wrong."""
        bar = self.window.statusBar()
        if self._claim is not None and self._claim[1] != saved:
            if bar.currentMessage() == self._claim[0]:
                bar.clearMessage()
            self._claim = None
        self.window._update_status()

    def save_now(self) -> None:
        session = self.window.session
        if session is None:
            broken = self.window.broken
            self.say(f"Nothing saved: {broken[0]} could not be opened and is left as it is"
                     if broken is not None else "Nothing to save: no document is open")
            return
        if session.in_conflict:
            self.say(CONFLICT_MESSAGE.format(name=session.path.name), 8000, saved=False)
            self.window.conflict_banner.show()
            return
        if session.read_only:
            self.say("Not saved: this file is open read-only")
            return
        if session.saved:
            self.say(f"Nothing to save: {session.doc_id} has no changes since it was last saved",
                     4000, saved=True)
            return
        if session.save():
            self.say(f"Saved {session.path}", 4000, saved=True)

    def saved_text(self) -> str:
        session = self.window.session
        if session is None:
            return ""
        if session.read_only:
            return "Read-only"
        if session.in_conflict:
            return "Not saved: changed on disk"
        return "Saved" if session.saved else "Unsaved changes"

    def leave_current(self) -> bool:
        """Save the open document before leaving it; False when the user chose to stay."""
        session = self.window.session
        if session is None or session.save():
            if session is not None:
                session.stop()
            return True
        reason = ("someone else changed the file on disk" if session.in_conflict
                  else "it could not be written")
        choice = self.window.ask(
            "leave", "Unsaved changes",
            f"Your changes to {session.doc_id} are not saved: {reason}.\n\n"
            f"Keep them in a copy next to {session.path.name} and continue?",
            [KEEP_COPY, CANCEL])
        if choice != KEEP_COPY:
            return False
        path = session.backup_mine()
        session.stop()
        self.window.statusBar().showMessage(f"Your version was kept in {path}", 8000)
        return True

    # -- conflicts -----------------------------------------------------------------
    def show_conflict(self, message: str) -> None:
        session = self.window.session
        if session is None:
            return
        self.window.conflict_banner.show_message(
            f"{session.path.name} {message}. Your latest changes are not saved yet: keep "
            "your version (theirs is copied aside), or take theirs (yours is copied aside).",
            "error", [("Keep mine", self.keep_mine), ("Take theirs", self.take_theirs)],
            dismissable=False)
        self.say(CONFLICT_MESSAGE.format(name=session.path.name), 8000, saved=False)
        self.window._update_status()

    def keep_mine(self) -> None:
        session = self.window.session
        if session is None:
            return
        backup = session.keep_mine()
        self.window.conflict_banner.hide()
        where = f"; their version is in {backup.name}" if backup else ""
        self.say(f"Saved your version{where}", 8000, saved=True)
        self.window._update_status()

    def take_theirs(self) -> None:
        session = self.window.session
        if session is None:
            return
        backup = session.backup_mine()
        session.stop()
        self.window.open_document(session.doc_id, force=True)
        self.window.statusBar().showMessage(f"Opened their version; yours is in {backup.name}",
                                            8000)

    def show_save_failure(self, message: str) -> None:
        self.window.conflict_banner.show_message(f"Could not save: {message}", "error",
                                                 [("Retry", self.save_now)])
        self.say(f"Not saved: {message}", 8000, saved=False)
        self.window._update_status()

    # -- stale and broken files ---------------------------------------------------------
    def show_broken(self, doc_id: str, error: AnnotatorError) -> None:
        """Show why ``doc_id`` cannot be opened instead of its text; mark it in the list."""
        w = self.window
        w.doc_model.mark_error(doc_id, "\n".join(str(p) for p in error.problems))
        w.registry["edit.undo"].setEnabled(False)
        w.registry["edit.redo"].setEnabled(False)
        w.view.set_text("")
        w.span_model.reset([], w.colors)
        w.conflict_banner.hide()
        w.file_banner.hide()
        w.view_stack.setCurrentWidget(w.broken_page)
        w.doc_model.set_current(doc_id)
        row = w.doc_model.row_of(doc_id)
        if row is not None:
            w.doc_table.selectRow(row)
        w.settings.set_last_document(str(w.project.root), doc_id)
        w.doc_table.setFocus()  # arrows and Enter pick another document
        w._update_title()
        w._update_status()
        problem = error.problem
        hint = HINTS.get(problem.code, "Fix the file, then try again.")
        lines = [f"• {p.file or doc_id}: {p.message} [{p.code}]"
                 for p in error.problems[:SHOWN_PROBLEMS]]
        self.window.broken_banner.show_message(
            f"{doc_id} cannot be opened:\n" + "\n".join(lines) + "\n\n"
            "Nothing will be written to this file, so nothing in it is lost. " + hint,
            "error", [("Try again", lambda: self.window.open_document(doc_id, force=True))],
            dismissable=False)

    def show_file_banner(self) -> None:
        session = self.window.session
        banner = self.window.file_banner
        if session is None:
            banner.hide()
            return
        result = session.result
        if session.read_only:
            problems = [p for p in result.problems if p.code not in ("stale", "unplaced-span")]
            lines = [f"• {p.message} [{p.code}]" for p in problems[:SHOWN_PROBLEMS]]
            if len(problems) > SHOWN_PROBLEMS:
                lines.append(f"• … and {len(problems) - SHOWN_PROBLEMS} more "
                             "(run 'annotator validate' for all)")
            banner.show_message(f"{session.path.name} has problems, so it is open read-only "
                                "(nothing in it can be lost by saving):\n" + "\n".join(lines),
                                "error", dismissable=False)
            return
        unplaced = session.aset.unplaced
        if not result.stale and not unplaced:
            banner.hide()
            return
        parts: list[str] = []
        if result.stale:
            parts.append(f"The text of {session.doc_id} changed since these annotations were "
                         f"made. {len(result.moved)} span(s) were moved to where their text is "
                         "now" + ("." if unplaced else "; every span was placed."))
        if unplaced:
            parts.append(f"{len(unplaced)} span(s) could not be placed in the current text. "
                         "They are kept aside in the file, never dropped: select where one "
                         "belongs and press “Place at selection”, or discard it.")
        actions: list[tuple[str, Callable[[], object]]] = []
        if result.stale and not session.written:
            parts.append("The file is rewritten for the new text when you save or change "
                         "anything.")
            actions.append(("Save re-anchored spans", self._accept_reanchored))
        self.unplaced_list.set_spans(unplaced, self.window.colors)
        banner.show_message("\n".join(parts), "warning", actions,
                            details=self.unplaced_list if unplaced else None)

    def _accept_reanchored(self) -> None:
        session = self.window.session
        if session is not None:
            session.mark_pending()
            self.save_now()
            self.show_file_banner()  # what is still kept aside stays listed
