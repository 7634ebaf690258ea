"""Never losing work, as the window presents it: saving, conflicts, stale and broken files.

- **Saving.** Ctrl+S writes in the background, like autosave (the window
  never freezes); "Saved …" is said once the file holds what is shown.
  Ctrl+S on a document with nothing new says so instead.
- **Conflicts.** When the annotation file changed on disk since it was read
  (another annotator, a sync client, ``git pull``), the session refuses to
  write and the conflict banner offers two ways out, each of which keeps the
  other version in a backup file beside the annotation file: *Keep mine*
  (theirs is copied aside, then mine is written) or *Take theirs* (mine is
  copied aside, then theirs is opened). A failed write offers *Retry*.
- **The status bar** never contradicts itself: a message that states a save
  state ("Saved …", "Nothing to save", "Not saved: …") is taken back as soon
  as the state changes the other way, and a conflict or a failed write
  replaces whatever was shown.
- **Stale files** (the text changed since they were annotated) open with the
  re-anchored spans and a banner saying how many moved and listing those that
  could not be placed (kept aside in the file, never dropped), each with its
  text, label and old offsets, "Place at selection" and "Discard" (undoable
  edits). The banner comes back whenever a document still keeps spans aside.
  Files with other problems open read-only, so nothing in them can be lost.
- **Broken files** (an annotation file that is not JSON, a document that is
  not UTF-8) cannot be opened at all: the view area shows which file, what is
  wrong and that nothing will be written to it, with "Try again" for after it
  is fixed; the document list marks the document "error".
- **Conflict copies.** When a sync found the file changed here and on the
  team's remote, the remote's version stays and this computer's is kept beside
  it (``<doc_id>.json.conflict-<machine>-<time>``). Opening the document shows
  the file banner with *Keep mine* (the copy replaces the file through a
  conflict-checked atomic write; the replaced version is kept in a hidden
  ``.<copy>.theirs``) and *Take theirs* (the copy is set aside in a hidden
  ``.<copy>.discarded``). Either is then offered for *Undo* while the document
  stays open, and both are logged (:mod:`annotator.io.team`).

Leaving a document or closing saves first (:meth:`Workspace.leave_current`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Signal

from annotator.core.errors import AnnotatorError, ConflictError
from annotator.io.team import (
    KEPT_MINE,
    ConflictCopy,
    Resolution,
    conflict_copies,
    keep_mine,
    take_theirs,
    undo_resolution,
)
from annotator.ui.feedback import Feedback
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.widgets.banner import Action, MessageBanner
from annotator.ui.widgets.unplaced_list import UnplacedList
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

# what to do about a file that cannot be opened, by problem code
HINTS = {
    "malformed-json": QT_TRANSLATE_NOOP(
        "FileBanners", "Fix it in a text editor ('annotator validate' shows the place), or "
        "move it out of the project to start this document afresh; then try again."),
    "bad-format": QT_TRANSLATE_NOOP(
        "FileBanners", "It is not an Annotator annotation file: move it out of the project, "
        "or fix it, then try again."),
    "invalid-utf8": QT_TRANSLATE_NOOP(
        "FileBanners", "Save the file as UTF-8 (e.g. with iconv or a text editor), then try "
        "again."),
    "missing-document": QT_TRANSLATE_NOOP(
        "FileBanners", "Check that the document file exists and can be read, then try again."),
}
OTHER_HINT = QT_TRANSLATE_NOOP("FileBanners", "Fix the file, then try again.")
SHOWN_PROBLEMS = 8


class Saving(QObject):
    """Ctrl+S, the conflict banner and its choices, and what the status bar says about saving."""

    def __init__(self, workspace: Workspace, feedback: Feedback, banner: MessageBanner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.feedback = feedback
        self.banner = banner  # the conflict banner
        self._claim: tuple[str, bool] | None = None  # a message shown that states a save state
        self._announce: tuple[str, str] | None = None  # said once the save in flight is done
        ws.saved_changed.connect(self._on_saved_changed)
        ws.conflict.connect(self._show_conflict)
        ws.save_failed.connect(self._show_failure)
        ws.save_finished.connect(self._on_save_finished)
        for signal in (ws.document_opened, ws.document_failed, ws.document_closed):
            signal.connect(self._on_document_changed)

    def say(self, text: str, ms: int = 6000, saved: bool | None = None, code: str = "") -> None:
        """Say ``text``; ``saved``: the save state it states, if any (taken back if it changes)."""
        self.feedback.say(text, ms, code)
        self._claim = (text, saved) if saved is not None else None

    def _on_saved_changed(self, saved: bool) -> None:
        if self._claim is not None and self._claim[1] != saved:
            self.feedback.retract(self._claim[0])
            self._claim = None

    def _on_document_changed(self, *_args: object) -> None:
        self._announce = None
        self.banner.hide()

    def save_now(self) -> None:
        """Ctrl+S: write the open document in the background, or say why not."""
        session = self.workspace.session
        if session is None:
            broken = self.workspace.broken
            if broken is not None:
                self.say(self.tr("Nothing saved: {doc} could not be opened and is left as it "
                                 "is").format(doc=broken[0]), code="nothing-saved")
            elif not self.workspace.say_if_reading():
                self.say(self.tr("Nothing to save: no document is open"), code="no-document")
            return
        if session.in_conflict:
            self._say_conflict()
            self.banner.show()
            return
        if session.read_only:
            self.say(self.tr("Not saved: this file is open read-only"), code="read-only")
            return
        if session.saved:
            self.say(self.tr("Nothing to save: {doc} has no changes since it was last "
                             "saved").format(doc=session.doc_id), 4000, saved=True,
                     code="nothing-to-save")
            return
        self._announce = (self.tr("Saved {path}").format(path=session.path), "saved")
        session.save_in_background()

    def _on_save_finished(self, written: bool) -> None:
        session = self.workspace.session
        if not written:
            self._announce = None
        elif self._announce is not None and session is not None and session.saved:
            text, code = self._announce
            self._announce = None
            self.say(text, 8000 if code == "kept-mine" else 4000, saved=True, code=code)

    # -- conflicts and failures --------------------------------------------------------
    def _say_conflict(self) -> None:
        session = self.workspace.session
        if session is not None:
            self.say(self.tr("Not saved: {file} changed on disk; choose in the banner above the "
                             "text").format(file=session.path.name), 8000, saved=False,
                     code="conflict")

    def _show_conflict(self, message: str) -> None:
        session = self.workspace.session
        if session is None:
            return
        self.banner.show_message(
            self.tr("{file} {why}. Your latest changes are not saved yet: keep your version "
                    "(theirs is copied aside), or take theirs (yours is copied aside).").format(
                file=session.path.name, why=message),
            "error", [("keep-mine", self.tr("Keep mine"), self.keep_mine),
                      ("take-theirs", self.tr("Take theirs"), self.take_theirs)],
            dismissable=False, code="conflict")
        self._say_conflict()

    def keep_mine(self) -> None:
        session = self.workspace.session
        if session is None:
            return
        backup = session.keep_mine()  # writes in the background: said when written
        log.info("conflict on %s: the user kept their version", session.path)
        self.banner.hide()
        text = (self.tr("Saved your version; their version is in {file}").format(
            file=backup.name) if backup else self.tr("Saved your version"))
        self._announce = (text, "kept-mine")

    def take_theirs(self) -> None:
        session = self.workspace.session
        if session is None:
            return
        backup = session.backup_mine()
        session.stop()
        log.info("conflict on %s: the user took their version; theirs kept in %s",
                 session.path, backup)
        self.workspace.open_document(session.doc_id, force=True)
        self.feedback.say(self.tr("Opened their version; yours is in {file}").format(
            file=backup.name), 8000, "took-theirs")

    def _show_failure(self, message: str) -> None:
        self.banner.show_message(self.tr("Could not save: {why}").format(why=message), "error",
                                 [("retry", self.tr("Retry"), self.save_now)],
                                 code="save-failed")
        self.say(self.tr("Not saved: {why}").format(why=message), 8000, saved=False,
                 code="save-failed")


class FileBanners(QObject):
    """The file banner (stale, read-only, spans kept aside) and the broken page's banner."""

    def __init__(self, workspace: Workspace, saving: Saving, file_banner: MessageBanner,
                 broken_banner: MessageBanner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.saving = saving
        self.file_banner = file_banner
        self.broken_banner = broken_banner
        self.unplaced_list = UnplacedList()  # shown in the file banner; the window connects it
        self.copies = ConflictCopies(ws, saving.feedback, self)  # before the stale banner
        self.copies.changed.connect(self.show_file_banner)
        for signal in (ws.document_opened, ws.document_closed, ws.unplaced_changed):
            signal.connect(self.show_file_banner)
        ws.document_failed.connect(self.show_broken)
        ws.save_finished.connect(self._on_save_finished)

    def _on_save_finished(self, written: bool) -> None:
        banner = self.file_banner
        if written and banner.isVisible() and "save-reanchored" in banner.buttons:
            self.show_file_banner()  # written now: the button goes, what is aside stays

    def show_broken(self, doc_id: str, error: AnnotatorError) -> None:
        """Why ``doc_id`` cannot be opened, shown where its text would be."""
        self.file_banner.hide()
        problem = error.problem
        hint = QCoreApplication.translate("FileBanners", HINTS.get(problem.code, OTHER_HINT))
        lines = [f"• {p.file or doc_id}: {p.message} [{p.code}]"
                 for p in error.problems[:SHOWN_PROBLEMS]]
        self.broken_banner.show_message(
            self.tr("{doc} cannot be opened:\n{problems}\n\nNothing will be written to this "
                    "file, so nothing in it is lost. {hint}").format(
                doc=doc_id, problems="\n".join(lines), hint=hint),
            "error", [("try-again", self.tr("Try again"),
                       lambda: self.workspace.open_document(doc_id, force=True))],
            dismissable=False, code=problem.code)

    def show_file_banner(self, *_args: object) -> None:
        session = self.workspace.session
        banner = self.file_banner
        if session is None:
            banner.hide()
            return
        if self.copies.show(banner):
            return
        result = session.result
        if session.read_only:
            problems = [p for p in result.problems if p.code not in ("stale", "unplaced-span")]
            lines = [f"• {p.message} [{p.code}]" for p in problems[:SHOWN_PROBLEMS]]
            if len(problems) > SHOWN_PROBLEMS:
                lines.append(self.tr("• … and {count} more (run 'annotator validate' for "
                                     "all)").format(count=len(problems) - SHOWN_PROBLEMS))
            banner.show_message(self.tr("{file} has problems, so it is open read-only (nothing "
                                        "in it can be lost by saving):\n{problems}").format(
                file=session.path.name, problems="\n".join(lines)), "error", dismissable=False,
                code="read-only")
            return
        unplaced = session.aset.unplaced
        if not result.stale and not unplaced:
            banner.hide()
            return
        parts: list[str] = []
        if result.stale:
            parts.append(self.tr("The text of {doc} changed since these annotations were made. "
                                 "%n span(s) were moved to where their text is now", "",
                                 len(result.moved)).format(doc=session.doc_id)
                         + ("." if unplaced else self.tr("; every span was placed.")))
        if unplaced:
            parts.append(self.tr("%n span(s) could not be placed in the current text. They are "
                                 "kept aside in the file, never dropped: select where one "
                                 "belongs and press “Place at selection”, or discard it.", "",
                                 len(unplaced)))
        actions: list[Action] = []
        if result.stale and not session.written:
            parts.append(self.tr("The file is rewritten for the new text when you save or "
                                 "change anything."))
            actions.append(("save-reanchored", self.tr("Save re-anchored spans"),
                            self._accept_reanchored))
        self.unplaced_list.set_spans(unplaced, self.workspace.colors)
        banner.show_message("\n".join(parts), "warning", actions,
                            details=self.unplaced_list if unplaced else None,
                            code="unplaced" if unplaced else "stale")

    def _accept_reanchored(self) -> None:
        session = self.workspace.session
        if session is not None:
            session.mark_pending()
            self.saving.save_now()
            self.show_file_banner()  # what is still kept aside stays listed


class ConflictCopies(QObject):
    """Keep mine / take theirs for the copies a sync kept beside the open document's file.

    Shown in the file banner before anything else (:meth:`show`); after a choice
    the banner says what was done and offers *Undo* until the user says OK or
    opens another document.
    """

    changed = Signal()  # the banner must be shown again

    def __init__(self, workspace: Workspace, feedback: Feedback,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.feedback = feedback
        self.resolved: Resolution | None = None  # the last choice, while it can be undone
        workspace.document_opened.connect(self._on_opened)
        workspace.document_closed.connect(self.forget)

    def pending(self) -> list[ConflictCopy]:
        """The open document's conflict copies (of the files being edited), oldest first."""
        ws = self.workspace
        if ws.session is None:
            return []
        return conflict_copies(ws.project, ws.session.doc_id, ws.annotator)

    def _current(self) -> Resolution | None:
        session, resolved = self.workspace.session, self.resolved
        if session is None or resolved is None or resolved.conflict.path != session.path:
            return None
        return resolved

    def _on_opened(self, _doc_id: str) -> None:
        if self._current() is None:
            self.resolved = None

    def forget(self) -> None:
        """The last choice can no longer be undone from the banner."""
        if self.resolved is not None:
            self.resolved = None
            self.changed.emit()

    @staticmethod
    def _when(conflict: ConflictCopy) -> str:
        if conflict.made is None:
            return "?"
        moment = QDateTime.fromSecsSinceEpoch(int(conflict.made.timestamp()))
        time = QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
        return f"{moment.date().toString('yyyy-MM-dd')} {time}"

    def show(self, banner: MessageBanner) -> bool:
        """Say in ``banner`` what there is to choose or undo; False when there is nothing."""
        copies = self.pending()
        session = self.workspace.session
        if copies and session is not None:
            first = copies[0]
            text = self.tr("{doc} was changed on this computer and by the team since the last "
                           "sync. The team's version is shown; yours, as it was on {machine} "
                           "at {time}, was kept aside. Keep mine: your version replaces the "
                           "team's. Take theirs: yours is set aside.").format(
                doc=session.doc_id, machine=first.machine, time=self._when(first))
            if len(copies) > 1:
                text += " " + self.tr("%n more kept version(s) come after this one.", "",
                                      len(copies) - 1)
            banner.show_message(text, "warning",
                                [("keep-mine", self.tr("Keep mine"), self.keep_mine),
                                 ("take-theirs", self.tr("Take theirs"), self.take_theirs)],
                                dismissable=False, code="conflict-copy")
            return True
        resolved = self._current()
        if resolved is None:
            return False
        if resolved.choice == KEPT_MINE:
            text = self.tr("Your version of {doc} replaced the team's; the team's is kept in "
                           "{file}.").format(doc=resolved.conflict.path.stem,
                                             file=resolved.backup.name)
        else:
            text = self.tr("The team's version of {doc} stays; yours is kept in {file}.").format(
                doc=resolved.conflict.path.stem, file=resolved.backup.name)
        banner.show_message(text, "info", [("undo", self.tr("Undo"), self.undo),
                                           ("ok", self.tr("OK"), self.forget)],
                            dismissable=False, code=f"conflict-copy-{resolved.choice}")
        return True

    def _refused(self, why: str) -> None:
        self.feedback.ask("conflict-copy-failed", self.tr("Not done"), why,
                          [("ok", self.tr("OK"))])

    def keep_mine(self) -> None:
        """The first copy replaces the file (saved first), which is opened again."""
        ws, session = self.workspace, self.workspace.session
        copies = self.pending()
        if session is None or not copies:
            self.changed.emit()
            return
        if not session.read_only and not session.save():
            self._refused(self.tr("Your latest changes to {doc} could not be saved, so nothing "
                                  "was replaced: deal with the banner above first.").format(
                doc=session.doc_id))
            return
        try:
            self.resolved = keep_mine(ws.project, copies[0], session.fingerprint)
        except ConflictError:
            log.warning("keep mine on %s refused: the file changed on disk", session.path)
            self.feedback.say(self.tr("{file} changed on disk meanwhile: it was read again; "
                                      "choose again").format(file=session.path.name), 8000,
                              "conflict-copy-changed")
            ws.open_document(session.doc_id, force=True)
            return
        except AnnotatorError as exc:
            log.warning("keep mine on %s refused: %s", session.path, exc)
            self._refused(self.tr("Your kept version cannot replace {file}:\n{problem}").format(
                file=session.path.name, problem=exc.problem))
            return
        log.info("conflict copy of %s: the user kept their version", session.path)
        ws.open_document(session.doc_id, force=True)
        self.feedback.say(self.tr("Your version of {doc} is back in place").format(
            doc=session.doc_id), 6000, "conflict-copy-kept-mine")

    def take_theirs(self) -> None:
        """The first copy is set aside; the file (shown) stays."""
        ws, session = self.workspace, self.workspace.session
        copies = self.pending()
        if session is None or not copies:
            self.changed.emit()
            return
        try:
            self.resolved = take_theirs(ws.project, copies[0])
        except AnnotatorError as exc:
            log.warning("take theirs on %s refused: %s", session.path, exc)
            self._refused(str(exc.problem))
            return
        log.info("conflict copy of %s: the user took the team's version", session.path)
        self.changed.emit()
        self.feedback.say(self.tr("The team's version of {doc} stays").format(
            doc=session.doc_id), 6000, "conflict-copy-took-theirs")

    def undo(self) -> None:
        """Put the copy back (and, after keep mine, the file as it was); the banner asks again."""
        ws, session, resolved = self.workspace, self.workspace.session, self._current()
        if session is None or resolved is None:
            return
        session.wait()
        if resolved.choice == KEPT_MINE and (not session.saved
                                             or session.fingerprint != resolved.after):
            self._refused(self.tr("{doc} changed since your version was put back: it cannot be "
                                  "undone any more.").format(doc=session.doc_id))
            return
        try:
            undo_resolution(resolved)
        except AnnotatorError as exc:
            log.warning("undo of %s on %s refused: %s", resolved.choice, session.path, exc)
            self._refused(self.tr("It cannot be undone: {problem}").format(problem=exc.problem))
            return
        self.resolved = None
        log.info("undid %s on %s", resolved.choice, session.path)
        if resolved.choice == KEPT_MINE:
            ws.open_document(session.doc_id, force=True)
        else:
            self.changed.emit()
        self.feedback.say(self.tr("Undone: choose again in the banner"), 6000,
                          "conflict-copy-undone")
