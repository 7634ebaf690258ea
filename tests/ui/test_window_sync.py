"""A team on many machines, in the window: File > Sync with real git, conflict copies, assignments.

A bare remote, a coordinator who sent the project, and clones: ``a`` (amal's
desktop, where the window runs), ``b`` (amal's laptop, driven by the command
line) and ``omar``. Questions are answered by a scripted feedback; everything
is checked on disk and by codes, never by English words.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.api import open_project as api_open_project
from annotator.cli import main
from annotator.core.edits import AddSpan
from annotator.core.spans import Span
from annotator.io.gitsync import SyncRefusedError, SyncReport
from annotator.io.project_file import open_project
from annotator.ui import settings as keys
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.ui.conftest import DOCS, VISIT, discard, new_window, scripted, show

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FILE = "annotations/amal/a-visit.json"
WORDS = {"leader": "الزعيم", "city": "فلاديفوستوك", "hour": "ساعات", "station": "المحطة"}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def cli(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)],
                   check=True)
    texts = tmp_path / "texts"
    texts.mkdir()
    for doc_id, text in DOCS.items():
        (texts / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    coordinator = tmp_path / "coordinator"
    assert cli("init", str(coordinator), *map(str, sorted(texts.iterdir())), "--git") == 0
    git(coordinator, "remote", "add", "origin", str(remote))
    assert cli("assign", str(coordinator), "--annotators", "amal,omar", "--overlap", "1") == 0
    assert cli("sync", str(coordinator), "--coordinator") == 0
    clones = {"coordinator": coordinator, "remote": remote}
    for name in ("a", "b", "omar"):
        git(tmp_path, "clone", "--quiet", str(remote), str(tmp_path / name))
        clones[name] = tmp_path / name
    capsys.readouterr()
    return clones


@pytest.fixture
def open_window(qtbot: QtBot, settings: Settings) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []

    def make(root: Path, annotator: str = "amal", doc_id: str | None = "a-visit",
             autosave_ms: int = -1) -> MainWindow:
        window = new_window(open_project(root), annotator, settings, doc_id, autosave_ms)
        made.append(window)
        show(qtbot, window)
        qtbot.waitUntil(lambda: not window.syncing._checking, timeout=10000)
        return window

    yield make
    for window in made:
        qtbot.waitUntil(lambda w=window: not w.syncing.running, timeout=30000)
        discard(window)


def label(qtbot: QtBot, window: MainWindow, word: str, key: str = "1") -> None:
    start = VISIT.index(WORDS[word])
    window.view.select_range(start, start + len(WORDS[word]))
    qtbot.keyClick(window.view, key)


def sync(qtbot: QtBot, window: MainWindow) -> Any:
    """File > Sync, then wait until what it did is shown; returns the report (or the error)."""
    with qtbot.waitSignal(window.syncing.finished, timeout=30000) as blocker:
        window.registry["file.sync"].trigger()
    return blocker.args[0] if blocker.args else None


def laptop_adds(clone: Path, word: str, label_name: str = "gift") -> None:
    """On amal's laptop: a span through the API, then sync from the command line."""
    project = api_open_project(clone)
    work = project.load("amal", "a-visit")
    start = work.text.index(WORDS[word])
    work.add_span(start, start + len(WORDS[word]), label_name)
    project.save(work)


def texts_in(path: Path) -> list[str]:
    return sorted(s["text"] for s in json.loads(path.read_text("utf-8"))["spans"])


def shown_texts(window: MainWindow) -> list[str]:
    session = window.workspace.session
    assert session is not None
    return sorted(s.text for s in session.aset.spans())


def test_the_window_sends_a_span_and_receives_the_laptops(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"])
    assert window.registry["file.sync"].shortcuts()[0].toString() == "Ctrl+Shift+S"
    label(qtbot, window, "leader")
    report = sync(qtbot, window)  # saves first: the span is in what is sent
    assert isinstance(report, SyncReport) and report.sent == [FILE] and report.pushed
    assert scripted(window).last == "synced"
    qtbot.waitUntil(lambda: window.syncing.field_state() == "clean", timeout=10000)
    # the laptop receives it through the command line
    assert cli("sync", str(team["b"]), "--annotator", "amal") == 0
    assert texts_in(team["b"] / FILE) == [WORDS["leader"]]
    # a span added there comes back into the open window, read again from disk
    laptop_adds(team["b"], "city")
    assert cli("sync", str(team["b"]), "--annotator", "amal") == 0
    before = window.workspace.session
    report = sync(qtbot, window)
    assert isinstance(report, SyncReport) and report.received == [FILE] and not report.conflicts
    assert window.workspace.session is not before  # opened again
    assert shown_texts(window) == sorted([WORDS["leader"], WORDS["city"]])
    assert window.spans.model.rowCount() == 2
    assert window.documents.model.span_count("a-visit") == 2
    assert window.status_line.state("saved") == "saved"
    capsys.readouterr()


def test_new_documents_and_project_changes_from_the_coordinator_are_shown(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"])
    coordinator = team["coordinator"]
    (coordinator / "documents" / "d-new.txt").write_text("وثيقة جديدة للفريق\n", "utf-8")
    assert cli("assign", str(coordinator), "--annotators", "amal,omar") == 0
    assert cli("sync", str(coordinator), "--coordinator") == 0
    report = sync(qtbot, window)
    assert isinstance(report, SyncReport) and "documents/d-new.txt" in report.received
    assert "d-new" in window.documents.model.doc_ids()
    assert "d-new" in window.workspace.doc_ids
    assigned = window.workspace.project.extra["assignments"]  # project.json read again
    assert any("d-new" in docs for docs in assigned.values())
    assert window.workspace.current_doc_id == "a-visit"
    capsys.readouterr()


def test_edits_made_during_a_sync_meet_the_conflict_banner_not_a_silent_overwrite(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"])
    label(qtbot, window, "leader")
    assert isinstance(sync(qtbot, window), SyncReport)
    assert cli("sync", str(team["b"]), "--annotator", "amal") == 0
    laptop_adds(team["b"], "city")
    assert cli("sync", str(team["b"]), "--annotator", "amal") == 0
    session = window.workspace.session
    assert session is not None
    with qtbot.waitSignal(window.syncing.finished, timeout=30000):
        window.registry["file.sync"].trigger()
        # typed while git runs: the outcome only arrives through the event loop
        start = VISIT.index(WORDS["hour"])
        assert session.push(AddSpan(Span("T99", start, start + len(WORDS["hour"]),
                                         "entity", WORDS["hour"]))) is None
    qtbot.waitUntil(lambda: window.article.conflict_banner.isVisible(), timeout=10000)
    assert window.article.conflict_banner.code == "conflict"
    assert window.workspace.session is session and WORDS["hour"] in shown_texts(window)
    assert texts_in(team["a"] / FILE) == sorted([WORDS["leader"], WORDS["city"]])  # theirs
    discard(window)  # closing would ask what to do with the unsaved edits
    capsys.readouterr()


def test_a_same_file_conflict_shows_the_banner_and_both_choices_keep_their_promise(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    a, b = team["a"], team["b"]
    window = open_window(a)
    label(qtbot, window, "leader")
    assert isinstance(sync(qtbot, window), SyncReport)
    assert cli("sync", str(b), "--annotator", "amal") == 0
    laptop_adds(b, "city")  # the laptop changes the file...
    assert cli("sync", str(b), "--annotator", "amal") == 0
    theirs = (b / FILE).read_bytes()
    label(qtbot, window, "station", "2")  # ...and so does the desktop
    scripted(window).answer("ok")  # "changed here and by the team": OK
    report = sync(qtbot, window)
    assert isinstance(report, SyncReport) and len(report.conflicts) == 1
    question = scripted(window).asked[-1]
    assert question.kind == "sync-conflicts" and question.choices == ("ok",)
    copy = a / report.conflicts[0]
    mine = copy.read_bytes()
    assert WORDS["station"] in mine.decode("utf-8")
    assert (a / FILE).read_bytes() == theirs  # the remote's version stays
    banner = window.article.file_banner
    assert banner.isVisible() and banner.code == "conflict-copy"
    assert set(banner.buttons) == {"keep-mine", "take-theirs"}
    assert shown_texts(window) == sorted([WORDS["leader"], WORDS["city"]])

    # keep mine: the copy replaces the file, theirs is kept in a hidden backup
    banner.buttons["keep-mine"].click()
    assert (a / FILE).read_bytes() == mine and not copy.exists()
    backup = copy.with_name(f".{copy.name}.theirs")
    assert backup.read_bytes() == theirs
    assert shown_texts(window) == sorted([WORDS["leader"], WORDS["station"]])
    assert banner.code == "conflict-copy-kept-mine" and "undo" in banner.buttons
    assert open_project(a).pending_conflicts() == []
    # undo: everything as it was
    banner.buttons["undo"].click()
    assert (a / FILE).read_bytes() == theirs and copy.read_bytes() == mine
    assert not backup.exists() and banner.code == "conflict-copy"
    assert shown_texts(window) == sorted([WORDS["leader"], WORDS["city"]])

    # take theirs: the copy is set aside, the file stays
    banner.buttons["take-theirs"].click()
    discarded = copy.with_name(f".{copy.name}.discarded")
    assert not copy.exists() and discarded.read_bytes() == mine
    assert (a / FILE).read_bytes() == theirs
    assert banner.code == "conflict-copy-took-theirs"
    banner.buttons["ok"].click()
    assert not banner.isVisible()
    assert scripted(window).codes[-2:] == ["conflict-copy-undone", "conflict-copy-took-theirs"]
    assert open_project(a).pending_conflicts() == []
    assert cli("validate", str(a)) == 0
    # nothing of it is sent: the next sync has nothing to send, the backups stay local
    report = sync(qtbot, window)
    assert isinstance(report, SyncReport) and report.sent == [] and not report.conflicts
    assert "conflict" not in git(a, "ls-files") and ".discarded" not in git(a, "ls-files")
    capsys.readouterr()


def test_refusals_say_why_and_what_to_do_and_change_nothing(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = open_window(project_dir, "tester")  # not a git repository
    assert plain.syncing.field_state() == "no-repository"
    assert not plain.syncing.label.isVisible()
    scripted(plain).answer("ok")
    assert isinstance(sync(qtbot, plain), SyncRefusedError)
    question = scripted(plain).asked[-1]
    assert question.kind == "sync-refused" and "git init" in question.text
    a = team["a"]
    git(a, "remote", "remove", "origin")
    window = open_window(a)
    head = git(a, "rev-parse", "HEAD")
    label(qtbot, window, "leader")
    scripted(window).answer("ok")
    assert isinstance(sync(qtbot, window), SyncRefusedError)
    assert scripted(window).asked[-1].kind == "sync-refused"
    assert git(a, "rev-parse", "HEAD") == head
    assert window.syncing.field_state() == "failed"
    # an automatic sync never asks: it says so in the status bar
    asked = len(scripted(window).asked)
    with qtbot.waitSignal(window.syncing.finished, timeout=30000):
        assert window.syncing.sync_now(auto=True)
    assert len(scripted(window).asked) == asked and scripted(window).last == "sync-refused"
    capsys.readouterr()


def test_the_status_bar_says_what_waits_to_be_sent(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"], autosave_ms=20)
    field = window.findChild(QLabel, "status-sync")
    assert field is window.syncing.label and field.isVisible()
    assert window.syncing.field_state() == "clean"
    label(qtbot, window, "leader")  # autosaved a moment later, then git is asked
    qtbot.waitUntil(lambda: window.syncing.field_state() == "unsent", timeout=10000)
    assert field.property("unsent") == 1 and FILE in field.toolTip()
    assert isinstance(sync(qtbot, window), SyncReport)
    qtbot.waitUntil(lambda: window.syncing.field_state() == "clean", timeout=10000)
    assert window.syncing.last_sync is not None
    capsys.readouterr()


def test_sync_options_are_remembered_and_closing_syncs_first(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"])
    menu = window.registry.submenu("file.sync_options")
    entries = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert entries["sync-every-0"].isChecked() and not window.syncing.timer.isActive()
    entries["sync-every-15"].trigger()
    assert settings.get(keys.SYNC_EVERY_MINUTES) == 15
    assert window.syncing.timer.isActive() and window.syncing.timer.interval() == 15 * 60_000
    assert not entries["sync-every-0"].isChecked()
    entries["sync-on-close"].trigger()
    assert settings.get(keys.SYNC_ON_CLOSE) is True
    label(qtbot, window, "leader")
    with qtbot.waitSignal(window.syncing.finished, timeout=30000):
        assert window.close() is False  # closed once the sync is done
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert "amal" in git(team["remote"], "log", "-1", "--format=%s", "main")
    assert texts_in(team["a"] / FILE) == [WORDS["leader"]]
    assert git(team["remote"], "show", f"main:{FILE}").count(WORDS["leader"]) == 1
    capsys.readouterr()


def test_a_failed_sync_on_close_asks_whether_to_close(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings.set(keys.SYNC_ON_CLOSE, True)
    window = open_window(team["a"])
    git(team["a"], "remote", "set-url", "origin", str(team["a"].parent / "gone.git"))
    scripted(window).answer("stay")
    with qtbot.waitSignal(window.syncing.finished, timeout=30000):
        window.close()
    assert window.isVisible() and scripted(window).asked[-1].kind == "sync-before-close"
    scripted(window).answer("close")
    with qtbot.waitSignal(window.syncing.finished, timeout=30000):
        window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    capsys.readouterr()


def test_the_list_can_show_only_the_documents_assigned_to_me(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        settings: Settings) -> None:
    raw = json.loads((team["a"] / "project.json").read_text("utf-8"))
    raw["assignments"] = {"amal": ["c-short", "a-visit"], "omar": ["b-crlf"]}
    (team["a"] / "project.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    window = open_window(team["a"])
    assigned = ["a-visit", "c-short"]
    action = window.registry["doc.assigned_only"]
    menu = window.menuBar().findChild(QMenu, "document-menu")
    assert action in menu.actions() and action.isEnabled() and not action.isChecked()
    assert window.assigned.shown() == sorted(DOCS)
    action.trigger()
    assert window.assigned.shown() == sorted(assigned) and settings.get(keys.ASSIGNED_ONLY)
    window.workspace.reload_documents()  # the list read again: still filtered
    qtbot.waitUntil(lambda: window.assigned.shown() == sorted(assigned), timeout=3000)
    with warnings.catch_warnings():  # the filter above the list (its own warnings aside)
        warnings.simplefilter("ignore", DeprecationWarning)
        window.document_filter.text.setText("c-")
        qtbot.waitUntil(lambda: window.assigned.shown() == ["c-short"], timeout=3000)
        window.document_filter.text.setText("")
        qtbot.waitUntil(lambda: window.assigned.shown() == sorted(assigned), timeout=3000)
    action.trigger()
    assert window.assigned.shown() == sorted(DOCS)
    nobody = open_window(team["a"], "nadia")  # nothing assigned: the toggle is off
    assert not nobody.registry["doc.assigned_only"].isEnabled()
    assert nobody.assigned.shown() == sorted(DOCS)


def test_team_status_shows_each_annotators_progress_and_agreement(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        capsys: pytest.CaptureFixture[str]) -> None:
    window = open_window(team["a"])
    label(qtbot, window, "leader")
    window.registry["doc.done"].trigger()
    assert isinstance(sync(qtbot, window), SyncReport)
    dialog = window.team_status.open()
    assert dialog.objectName() == "team-status" and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.note.property("state") != "reading", timeout=10000)
    progress = dialog.findChild(QTableWidget, "team-progress")
    rows = {progress.item(r, 0).text(): [progress.item(r, c).text() for c in range(1, 5)]
            for r in range(progress.rowCount())}
    assert cli("status", str(team["a"]), "--json") == 0
    expected = json.loads(capsys.readouterr().out)
    assert rows == {name: [str(c["assigned"]), str(c["new"]), str(c["in_progress"]),
                           str(c["done"])] for name, c in expected["annotators"].items()}
    assert rows["amal"][3] == "1"
    assert dialog.note.property("state") == "no-agreement"
    assert window.team_status.open() is dialog  # one at a time
    dialog.close()


def test_the_timer_syncs_by_itself_and_asks_nothing(
        qtbot: QtBot, team: dict[str, Path], open_window: Callable[..., MainWindow],
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings.set(keys.SYNC_EVERY_MINUTES, 5)
    window = open_window(team["a"])
    timer = window.syncing.timer
    assert timer.isActive() and timer.interval() == 5 * 60_000
    menu = window.registry.submenu("file.sync_options")
    assert menu.findChild(QAction, "sync-every-5").isChecked()
    label(qtbot, window, "leader")
    timer.setSingleShot(True)  # one automatic sync, no second one racing the teardown
    timer.start(10)  # as if five minutes had passed
    with qtbot.waitSignal(window.syncing.finished, timeout=30000) as blocker:
        pass
    assert isinstance(blocker.args[0], SyncReport) and blocker.args[0].sent == [FILE]
    assert scripted(window).asked == [] and scripted(window).last == "synced"
    timer.stop()
    capsys.readouterr()
