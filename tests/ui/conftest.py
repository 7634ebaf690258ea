"""Fixtures for window tests: a small Arabic project, private settings, a shown window.

The texts are our own sentences (facts from the news story, our wording), with
an English paragraph, a Latin name, digits, tashkeel, ``\\r\\n`` line ends and
emoji, so that direction, shaping and offset conversion are all exercised.

Windows get a :class:`ScriptedFeedback`: questions are answered from a queue
(an unexpected question fails the test), and what the window says is
recorded with its code, so tests assert on codes, not on English.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io.project_file import default_project, open_project, write_project
from annotator.ui.feedback import Feedback
from annotator.ui.fonts import load_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.widgets.article_view import ArticleView

VISIT = (
    "وصل الزعيم كيم جونغ أون إلى مدينة فلاديفوستوك صباح يوم الأربعاء.\n"
    "واستقبله الحاكمُ أوليغ كوجيمياكو عند المحطة، ثم قدّم له سترةً واقية من الرصاص.\n"
    "The governor later met Kim Jong Un at the university.\n"
    "وقال مسؤول روسي إن الطرفين عقدا اجتماعاً مطوّلاً استمر 3 ساعات."
)
CRLF = (
    "التقى بوتين 🤝 كيم في قاعدة فضائية.\r\n"
    "وتبادل الزعيمان بندقيتين 🎁 بعد اللقاء.\r\n"
    "وأعلن الكرملين موعد الزيارة المقبلة."
)
SHORT = "حمل القطار الضيف عائداً إلى بلاده."

DOCS = {"a-visit": VISIT, "b-crlf": CRLF, "c-short": SHORT}
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass(frozen=True)
class Said:
    message: str
    ms: int
    code: str


@dataclass(frozen=True)
class Question:
    kind: str
    title: str
    text: str
    choices: tuple[str, ...]  # their codes


class ScriptedFeedback:
    """A :class:`~annotator.ui.feedback.Feedback` that answers from queues and records all."""

    def __init__(self) -> None:
        self.said: list[Said] = []
        self.shown: str | None = None  # what the status bar would show now
        self.asked: list[Question] = []
        self.answers: deque[str] = deque()
        self.texts: deque[str | None] = deque()
        self.folders: deque[str | None] = deque()
        self.folder_starts: list[str] = []

    def answer(self, *codes: str) -> ScriptedFeedback:
        """Queue the answers (choice codes) to the next questions."""
        self.answers.extend(codes)
        return self

    @property
    def codes(self) -> list[str]:
        return [s.code for s in self.said]

    @property
    def last(self) -> str:
        """The code of the last message said."""
        return self.said[-1].code if self.said else ""

    def say(self, message: str, ms: int = 6000, code: str = "") -> None:
        self.said.append(Said(message, ms, code))
        self.shown = message

    def retract(self, message: str) -> None:
        if self.shown == message:
            self.shown = None

    def ask(self, kind: str, title: str, text: str, choices: Sequence[tuple[str, str]]) -> str:
        codes = tuple(code for code, _text in choices)
        self.asked.append(Question(kind, title, text, codes))
        assert self.answers, f"unexpected question {kind!r}: {text}"
        answer = self.answers.popleft()
        assert answer in codes, f"{answer!r} is not a choice of {kind!r}: {codes}"
        return answer

    def ask_text(self, title: str, label: str, value: str) -> str | None:
        assert self.texts, f"unexpected request for text: {label}"
        return self.texts.popleft()

    def choose_folder(self, title: str, start: str) -> str | None:
        self.folder_starts.append(start)
        assert self.folders, "unexpected request for a folder"
        return self.folders.popleft()


def scripted(window: MainWindow) -> ScriptedFeedback:
    """The scripted feedback ``window`` was made with."""
    assert isinstance(window.feedback, ScriptedFeedback)
    return window.feedback


def wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the save in flight, if any, has ended and been handled."""
    session = window.workspace.session
    if session is not None:
        qtbot.waitUntil(lambda: not session.saving, timeout=10000)


def press_save(qtbot: QtBot, window: MainWindow, widget: Any = None) -> None:
    """Ctrl+S, then wait for the background save to end."""
    qtbot.keyClick(widget or window.view, Qt.Key.Key_S, CTRL)
    wait_saved(qtbot, window)


def discard(window: MainWindow) -> None:
    """Leave nothing pending: the open document is dropped, unsaved, so closing writes nothing."""
    window.workspace.close_document()

# WORKAROUND: Qt's offscreen platform plugin warns whenever a top-level window's
# size hints change or a tooltip window is raised (it has no window manager to
# pass them to); harmless here.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"
UI_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(str(item.path)).resolve().parents:
            # pytest-qt reads the closest marker only: merge a test's own patterns in.
            own = [arg for mark in item.iter_markers("qt_log_ignore") for arg in mark.args]
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, *own), append=False)


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "documents").mkdir(parents=True)
    (root / "annotations").mkdir()
    write_project(default_project(root, "Test project"))
    for doc_id, text in DOCS.items():
        (root / "documents" / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    return root


@pytest.fixture
def project(project_dir: Path) -> Project:
    return open_project(project_dir)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(str(tmp_path / "settings.ini"))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1100, 760)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    return window


def new_window(project: Project, annotator: str, settings: Settings, doc_id: str | None,
               autosave_ms: int = -1, feedback: Feedback | None = None) -> MainWindow:
    return MainWindow(project, annotator, settings, doc_id, autosave_ms=autosave_ms,
                      feedback=feedback or ScriptedFeedback())


@pytest.fixture
def make_window(qtbot: QtBot, project: Project,
                settings: Settings) -> Iterator[Callable[..., MainWindow]]:
    load_fonts()
    made: list[MainWindow] = []

    def make(doc_id: str | None = "a-visit", autosave_ms: int = -1,
             annotator: str = "tester") -> MainWindow:
        window = new_window(project, annotator, settings, doc_id, autosave_ms)
        made.append(window)
        return show(qtbot, window)

    yield make
    for window in made:  # leave nothing pending: closing saves
        discard(window)


def hit_zone(view: ArticleView, qt_position: int) -> QPoint:
    """The middle of the pixels that hit-test to ``qt_position`` on its line.

    ``cursorRect`` sits a few pixels off in Arabic; scanning the line with
    ``cursorForPosition`` finds the zone Qt itself maps to the position.
    """
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_position)
    y = view.cursorRect(cursor).center().y()
    xs = [x for x in range(view.viewport().width())
          if view.cursorForPosition(QPoint(x, y)).position() == qt_position]
    assert xs, f"no pixel hit-tests to position {qt_position}"
    runs: list[list[int]] = [[xs[0]]]
    for x in xs[1:]:
        if x == runs[-1][-1] + 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    best = max(runs, key=len)
    return QPoint(best[len(best) // 2], y)


def drag(qtbot: QtBot, view: ArticleView, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    steps = 6
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
