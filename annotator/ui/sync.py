"""File > Sync with the team: the window's side of :func:`annotator.io.gitsync.sync`.

- **Sync** (Ctrl+Shift+S) first saves the open document (a document that
  cannot be saved, e.g. after a conflict, stops it with the reason), then runs
  the sync for the workspace's user on a worker thread: the window keeps
  working, the status bar shows a busy bar, and autosave of the open
  document waits until git is done (so nothing is written under a rebase).
  Afterwards the window says what was sent and received; conflicts are listed
  (with the offer to open the first one); a refusal (no repository, no
  remote, a detached head, someone else's changed file, an unreachable
  remote...) is shown with git's reason and, in the interface's language,
  what to do. Nothing is ever asked during an automatic sync: it is said in
  the status bar.
- **What changed on disk is shown.** ``project.json`` changed: the project is
  opened again (labels, assignments; review mode is left and undo histories
  start afresh, as when opening a project). Otherwise the document lists are read
  again, and the open document is read again when its file (or its text, or
  a file review mode compares) changed and nothing in it is unsaved; with
  unsaved edits the next save meets the usual conflict banner instead, so
  nothing is overwritten silently. A conflict copy of the open document
  shows its banner (:class:`annotator.ui.files.ConflictCopies`).
- **The status bar** field ``status-sync`` says when the team was last
  synced (this window's sync or git's last fetch, whichever is later) and
  how many of the user's files wait to be sent, from ``git status`` on their
  own paths (:func:`annotator.io.team.local_state`), run on a worker a moment
  after each save; hidden when the project is not a git work tree. Its Qt
  property ``state`` is a code: ``syncing``, ``unsent``, ``clean``,
  ``failed``, ``no-repository``.
- **Automatic sync**: every N minutes (setting ``sync/every_minutes``, 0 = only
  when asked; a turn is skipped while a dialog is open or the conflict banner
  waits) and when the window closes (``sync/on_close``; a failed sync then
  asks whether to close anyway), chosen in File > Sync automatically.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import PurePosixPath

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QProgressBar, QStatusBar

from annotator.core.errors import AnnotatorError
from annotator.core.project import GOLD, PROJECT_FILE
from annotator.io.atomic import fingerprint
from annotator.io.gitsync import CONFLICT_MARK, SyncRefusedError, SyncReport, sync
from annotator.io.project_file import open_project
from annotator.io.team import LocalState, local_state
from annotator.ui import settings as keys
from annotator.ui.feedback import Feedback
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.session import DocumentSession
from annotator.ui.settings import Settings
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

EVERY_CHOICES = (0, 5, 10, 15, 30, 60)  # minutes offered in File > Sync automatically
CHECK_DELAY_MS = 500  # after a save, before asking git what is left to send
MESSAGE_MS = 8000
OK, OPEN, CLOSE, STAY = "ok", "open", "close", "stay"  # answer codes

# What to do about a refusal, by words of gitsync's English message (context "Syncing").
HINTS: tuple[tuple[str, str], ...] = (
    ("not a git repository", QT_TRANSLATE_NOOP(
        "Syncing", "This project is not shared through git yet. Ask your coordinator for the "
        "address of the team's repository and work in a clone of it ('git clone URL'), or "
        "make this folder one ('git init', then 'git remote add origin URL').")),
    ("no remote", QT_TRANSLATE_NOOP(
        "Syncing", "Add the team's repository as the remote: 'git remote add origin URL' in "
        "the project folder.")),
    ("detached head", QT_TRANSLATE_NOOP(
        "Syncing", "Go back to your branch in a terminal ('git switch main' in the project "
        "folder).")),
    ("unfinished rebase", QT_TRANSLATE_NOOP(
        "Syncing", "Finish it ('git rebase --continue') or undo it ('git rebase --abort') in a "
        "terminal in the project folder.")),
    ("that are not", QT_TRANSLATE_NOOP(
        "Syncing", "Sync sends only your own files, and files that are not yours were changed "
        "in this folder. Undo those changes ('git status' lists them) or ask your "
        "coordinator.")),
    ("git is not installed", QT_TRANSLATE_NOOP(
        "Syncing", "Install git (e.g. 'sudo apt-get install git'), then sync again.")),
    ("did not answer", QT_TRANSLATE_NOOP(
        "Syncing", "The team's repository did not answer: check the network, then sync again. "
        "Your work is saved on this computer.")),
    ("'git fetch' failed", QT_TRANSLATE_NOOP(
        "Syncing", "The team's repository could not be reached: check the network and your "
        "access to it (git credentials or SSH key), then sync again. Your work is saved on "
        "this computer.")),
    ("'git push' failed", QT_TRANSLATE_NOOP(
        "Syncing", "Your files could not be sent: check your access to the team's repository, "
        "then sync again. Your work is committed on this computer.")),
)


def refusal_hint(message: str) -> str:
    """What to do about a sync refused for ``message``, in the interface's language."""
    for words, hint in HINTS:
        if words in message:
            return QCoreApplication.translate("Syncing", hint)
    return ""


def moment_text(moment: datetime) -> str:
    """A moment in local time: the time alone if today, else with the date (ISO order)."""
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    time = QLocale().toString(shown.time(), QLocale.FormatType.ShortFormat)
    if shown.date() == QDateTime.currentDateTime().date():
        return time
    return f"{shown.date().toString('yyyy-MM-dd')} {time}"


def document_of(relative: str) -> tuple[str, str] | None:
    """(annotator, doc id) of a project path such as ``annotations/amal/d.json[.conflict-…]``."""
    parts = PurePosixPath(relative).parts
    name = parts[-1].partition(CONFLICT_MARK)[0] if parts else ""
    if not name.endswith(".json"):
        return None
    if len(parts) == 3 and parts[0] == "annotations":
        return parts[1], name[:-len(".json")]
    if len(parts) == 2 and parts[0] == GOLD:
        return GOLD, name[:-len(".json")]
    return None


def text_of(relative: str) -> str | None:
    """The doc id of ``documents/<id>.txt``."""
    parts = PurePosixPath(relative).parts
    if len(parts) == 2 and parts[0] == "documents" and parts[1].endswith(".txt"):
        return parts[1][:-len(".txt")]
    return None


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (queued), as the session's relay does."""

    checked = Signal(object, object)  # the project root it is about, LocalState
    synced = Signal(object)  # SyncReport, or the exception that stopped the sync


class Syncing(QObject):
    """File > Sync, its options submenu (``options``) and the sync field of ``bar``.

    ``close`` closes the window (after a sync asked for by closing it).
    """

    finished = Signal(object)  # after a sync has been shown: the SyncReport, or the exception
    checked = Signal()  # the status bar field was brought up to date

    def __init__(self, workspace: Workspace, feedback: Feedback, settings: Settings,
                 bar: QStatusBar, options: QMenu, close: Callable[[], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self.feedback = feedback
        self.settings = settings
        self.options = options
        self.close = close
        self.running = False
        self.auto = False  # the sync running was not asked for by a click
        self.state = LocalState(False)
        self.last_sync: datetime | None = None  # this window's last sync that went through
        self.last_error = ""  # why the last sync failed ("" if it did not)
        self._close_after = False  # the window closes once the running sync is done
        self._may_close = False  # the sync asked for by closing is done: close now
        self._paused: tuple[DocumentSession, bool] | None = None  # autosave held while git runs
        self._root = workspace.project.root  # of the sync running, or last run
        self._git = threading.Lock()  # one git command line at a time from this window
        self._checking = False
        self._check_again = False
        self._relay = _Relay(self)
        self._relay.checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self._relay.synced.connect(self._on_synced, Qt.ConnectionType.QueuedConnection)
        # the status bar: a busy bar while syncing, then when and what is left to send
        self.busy = QProgressBar()
        self.busy.setObjectName("sync-busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(80)
        self.busy.setMaximumHeight(12)
        self.busy.hide()
        self.label = QLabel()
        self.label.setObjectName("status-sync")
        self.label.setContentsMargins(6, 0, 6, 0)
        self.label.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.label)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        ws.save_finished.connect(lambda written: self.schedule_check() if written else None)
        ws.project_changed.connect(lambda _project: self.check())
        ws.annotator_changed.connect(lambda _name: self.schedule_check())
        # automatic sync
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._auto_sync)
        self.fill_options()
        self._apply_every()
        self._show()
        self.check()

    # -- options -------------------------------------------------------------------
    def fill_options(self) -> None:
        """File > Sync automatically: never / every N minutes, and when closing.

        Entries are named ``sync-every-<minutes>`` and ``sync-on-close``.
        """
        menu = self.options
        menu.clear()
        group = QActionGroup(menu)
        group.setExclusive(True)
        chosen = max(0, self.settings.get(keys.SYNC_EVERY_MINUTES))
        for minutes in sorted({*EVERY_CHOICES, chosen}):
            text = (self.tr("Every %n minute(s)", "", minutes) if minutes
                    else self.tr("Only when I ask"))
            action = QAction(text, menu)
            action.setObjectName(f"sync-every-{minutes}")
            action.setCheckable(True)
            action.setChecked(minutes == chosen)
            action.triggered.connect(lambda _checked=False, m=minutes: self.set_every(m))
            group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        on_close = QAction(self.tr("Also when closing the window"), menu)
        on_close.setObjectName("sync-on-close")
        on_close.setCheckable(True)
        on_close.setChecked(self.settings.get(keys.SYNC_ON_CLOSE))
        on_close.toggled.connect(self.set_on_close)
        menu.addAction(on_close)

    def set_every(self, minutes: int) -> None:
        """Sync every ``minutes`` (0: only when asked), from now on and next time."""
        self.settings.set(keys.SYNC_EVERY_MINUTES, max(0, int(minutes)))
        self.settings.sync()
        self._apply_every()
        for action in self.options.actions():
            if action.objectName().startswith("sync-every-"):
                action.setChecked(action.objectName() == f"sync-every-{max(0, int(minutes))}")
        log.info("automatic sync every %d minute(s) (0: off)", minutes)

    def set_on_close(self, on: bool) -> None:
        self.settings.set(keys.SYNC_ON_CLOSE, bool(on))
        self.settings.sync()

    def _apply_every(self) -> None:
        minutes = max(0, self.settings.get(keys.SYNC_EVERY_MINUTES))
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def _auto_sync(self) -> None:
        session = self.workspace.session
        if self.running or not self.state.repository or QApplication.activeModalWidget() \
                or (session is not None and session.in_conflict):
            return  # not now: a dialog or the banner waits for the user, or no repository
        self.sync_now(auto=True)

    # -- syncing -------------------------------------------------------------------
    def sync_now(self, auto: bool = False) -> bool:
        """Save the open document, then sync in the background; False if it did not start."""
        if self.running:
            if not auto:
                self.feedback.say(self.tr("A sync is already running"), 4000, "sync-running")
            return False
        ws = self.workspace
        session = ws.session
        if session is not None and not session.read_only and not session.save():
            reason = (self.tr("the file changed on disk; choose in the banner above the text")
                      if session.in_conflict else self.tr("it could not be written"))
            self._refused(self.tr("Your changes to {doc} are not saved ({reason}). Resolve that "
                                  "in the window, then sync again.").format(
                doc=session.doc_id, reason=reason), "", auto)
            return False
        if session is not None:  # no autosave while git rewrites the work tree
            self._paused = (session, session.autosave_enabled)
            session.stop()
        self.running, self.auto = True, auto
        self._show()
        project, user, relay, lock = ws.project, ws.user, self._relay, self._git
        self._root = project.root
        log.info("sync of %s in %s started (%s)", user, project.root,
                 "automatic" if auto else "asked")

        def work() -> None:  # on a worker thread
            result: object
            try:
                with lock:
                    result = sync(project, user)
            except Exception as exc:  # shown by the window; a sync never raises into Qt
                result = exc
            try:
                relay.synced.emit(result)
            except RuntimeError:  # the window is gone
                log.info("sync of %s ended after its window closed: %s", user, result)

        QThreadPool.globalInstance().start(work)
        return True

    def _resume_autosave(self) -> None:
        paused, self._paused = self._paused, None
        if paused is None or paused[0] is not self.workspace.session:
            return  # no document, or another one by now (that one autosaves as usual)
        session, enabled = paused
        session.autosave_enabled = enabled
        if enabled and not session.saved and not session.in_conflict:
            session.save_in_background()  # what was typed meanwhile

    def _on_synced(self, result: object) -> None:
        self.running = False
        auto = self.auto
        if isinstance(result, SyncReport):
            self.last_sync, self.last_error = datetime.now(UTC), ""
            self.state = dataclasses.replace(self.state, unsent=())  # all sent; git tells soon
            self._show()
            self.check()
            self._resume_autosave_after(result)
            self._tell(result, auto)
        else:
            self.last_error = (result.problem.message if isinstance(result, AnnotatorError)
                               else f"{type(result).__name__}: {result}")
            self._show()
            self._resume_autosave()
            if not isinstance(result, SyncRefusedError):
                log.error("sync failed", exc_info=result if isinstance(result, Exception)
                          else None)
            self.check()
            if not self._close_after:
                self._refused(self.tr("Nothing was sent or received."), self.last_error, auto)
        self.finished.emit(result)
        if self._close_after:
            self._close_after = False
            self._close_now(result)

    def _resume_autosave_after(self, report: SyncReport) -> None:
        """Show what the sync changed on disk, then let autosave go on."""
        try:
            self._reload(report)
        finally:
            self._resume_autosave()

    def _reload(self, report: SyncReport) -> None:
        ws = self.workspace
        if ws.project.root != self._root:
            return  # another project is shown by now: it was read when it was opened
        received = set(report.received)
        if PROJECT_FILE in received:
            try:
                project = open_project(ws.project.root)
            except AnnotatorError as exc:
                log.warning("project.json received from the team cannot be read: %s", exc)
                self.feedback.say(self.tr("The team's project.json cannot be read: {problem}")
                                  .format(problem=exc.problem), MESSAGE_MS, "sync-bad-project")
            else:
                if project != ws.project and ws.switch_project(project):
                    return  # everything was read again
        if not received and not report.conflicts:
            return
        ws.reload_documents()
        touched = {document_of(p) for p in [*received, *report.conflicts]}
        texts = {text_of(p) for p in received}
        doc_id = ws.current_doc_id
        if doc_id is None:
            return
        session = ws.session
        if session is None:  # shown as impossible to open: maybe fixed by the team
            if any(d is not None and d[1] == doc_id for d in touched) or doc_id in texts:
                ws.open_document(doc_id, force=True)
            return
        file_changed = fingerprint(session.path) != session.fingerprint
        compared = ws.annotator != ws.user and any(  # review mode compares the others' files
            d is not None and d[1] == doc_id for d in touched)
        if not (file_changed or compared or doc_id in texts):
            return
        if session.saved and not session.in_conflict:
            log.info("%s changed on disk in the sync: read again", session.path)
            ws.open_document(doc_id, force=True)
        elif file_changed and not session.in_conflict:
            # edits made during the sync: this save is refused and shows the conflict banner
            session.save_in_background()

    def _tell(self, report: SyncReport, auto: bool) -> None:
        parts = []
        if report.sent:
            parts.append(self.tr("sent %n file(s)", "", len(report.sent)))
        if report.received:
            parts.append(self.tr("received %n file(s)", "", len(report.received)))
        what = ", ".join(parts) if parts else self.tr("nothing to send or receive")
        if not report.conflicts:
            self.feedback.say(self.tr("Synced with the team: {what}").format(what=what),
                              MESSAGE_MS, "synced")
            return
        docs = [d for d in (document_of(p) for p in report.conflicts) if d is not None]
        listed = "\n".join(f"• {doc} ({who})" for who, doc in docs)
        text = self.tr("Synced with the team: {what}.\n\n%n file(s) were changed both on this "
                       "computer and by the team. The team's version is now in place and "
                       "yours was kept aside; open the document to keep yours or take "
                       "theirs:\n{documents}", "", len(report.conflicts)).format(
            what=what, documents=listed)
        if auto or self._close_after:
            self.feedback.say(text.replace("\n", " "), MESSAGE_MS * 2, "sync-conflicts")
            return
        choices = [(OK, self.tr("OK"))]
        first = docs[0][1] if docs else None
        if first is not None and first != self.workspace.current_doc_id:
            choices.insert(0, (OPEN, self.tr("Open {doc}").format(doc=first)))
        if self.feedback.ask("sync-conflicts", self.tr("Changed here and by the team"), text,
                             choices) == OPEN and first is not None:
            self.workspace.open_document(first)

    def _refused(self, lead: str, why: str, auto: bool) -> None:
        """Say why a sync did not happen, and what to do: a dialog, or the status bar if auto."""
        hint = refusal_hint(why)
        if auto:
            self.feedback.say(self.tr("Automatic sync failed: {why}").format(why=why or lead),
                              MESSAGE_MS, "sync-refused")
            return
        text = "\n\n".join(part for part in (lead, hint, self.tr("Details: {why}").format(
            why=why) if why else "") if part)
        self.feedback.ask("sync-refused", self.tr("Cannot sync"), text, [(OK, self.tr("OK"))])

    # -- closing -------------------------------------------------------------------
    def may_close(self) -> bool:
        """Whether the window may close now; if not, it is closed once a sync is done.

        With ``sync/on_close`` the sync starts here; a running sync is waited for.
        """
        if self._may_close:
            return True
        if self.running:
            self._close_after = True
            self.feedback.say(self.tr("Closing once the sync is done…"), MESSAGE_MS,
                              "sync-closing")
            return False
        if self.settings.get(keys.SYNC_ON_CLOSE) and self.state.repository:
            self._close_after = True
            if self.sync_now(auto=True):
                self.feedback.say(self.tr("Syncing with the team before closing…"), MESSAGE_MS,
                                  "sync-closing")
                return False
            self._close_after = False
        return True

    def _close_now(self, result: object) -> None:
        if not isinstance(result, SyncReport):
            hint = refusal_hint(self.last_error)
            text = "\n\n".join(part for part in (
                self.tr("The sync before closing did not go through: {why}").format(
                    why=self.last_error), hint,
                self.tr("Close anyway? Your work is saved on this computer and is sent at the "
                        "next sync.")) if part)
            if self.feedback.ask("sync-before-close", self.tr("Cannot sync"), text,
                                 [(CLOSE, self.tr("Close")), (STAY, self.tr("Stay"))]) != CLOSE:
                return
        self._may_close = True
        self.close()

    # -- the status bar field ------------------------------------------------------
    def schedule_check(self) -> None:
        """Ask git what is left to send, a moment from now (saves come in bursts)."""
        self._check_timer.start()

    def check(self) -> None:
        """Ask git (on a worker) what is left to send and when the team was last fetched."""
        self._check_timer.stop()
        if self._checking:
            self._check_again = True
            return
        self._checking = True
        project, user, relay, lock = self.workspace.project, self.workspace.user, \
            self._relay, self._git

        def work() -> None:  # on a worker thread
            try:
                with lock:
                    state = local_state(project, user)
            except Exception as exc:  # never into Qt: the field says nothing then
                log.warning("cannot read the sync state of %s: %s", project.root, exc)
                state = LocalState(False, problem=str(exc))
            with contextlib.suppress(RuntimeError):  # the window is gone
                relay.checked.emit(project.root, state)

        QThreadPool.globalInstance().start(work)

    def _on_checked(self, root: object, state: LocalState) -> None:
        self._checking = False
        if root == self.workspace.project.root:
            self.state = state
            self._show()
        if self._check_again:
            self._check_again = False
            self.check()
        else:
            self.checked.emit()

    @staticmethod
    def _when(moment: datetime) -> str:
        return moment_text(moment)

    def _show(self) -> None:
        label, state = self.label, self.state
        self.busy.setVisible(self.running)
        if self.running:
            self._set(self.tr("Syncing with the team…"), "syncing", "")
            return
        if not state.repository:
            self._set("", "no-repository", state.problem)
            label.hide()
            return
        moments = [m for m in (self.last_sync, state.last_fetch) if m is not None]
        when = (self.tr("Last sync {time}").format(time=self._when(max(moments))) if moments
                else self.tr("Not synced yet"))
        count = len(state.unsent)
        what = self.tr("%n file(s) to send", "", count) if count else self.tr("nothing to send")
        if self.last_error:
            text = self.tr("Sync failed · {what}").format(what=what)
            code = "failed"
        else:
            text = f"{when} · {what}"
            code = "unsent" if count else "clean"
        tip = "\n".join(state.unsent[:10]) + ("\n…" if count > 10 else "")
        if self.last_error:
            tip = "\n\n".join(part for part in (self.last_error, tip) if part)
        self._set(text, code, tip)

    def _set(self, text: str, state: str, tip: str) -> None:
        self.label.setText(text)
        self.label.setProperty("state", state)
        self.label.setProperty("unsent", len(self.state.unsent))
        self.label.setToolTip(tip)
        self.label.setVisible(bool(text))

    def field_state(self) -> str:
        """The code the status bar field stands for (see the module's docstring)."""
        return str(self.label.property("state") or "")
