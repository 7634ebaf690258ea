"""Fixtures for window tests: a small Arabic project, private settings, a shown window.

The texts are our own sentences (facts from the news story, our wording), with
an English paragraph, a Latin name, digits, tashkeel, ``\\r\\n`` line ends and
emoji, so that direction, shaping and offset conversion are all exercised.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io.project_file import default_project, open_project, write_project
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


@pytest.fixture
def make_window(qtbot: QtBot, project: Project,
                settings: Settings) -> Iterator[Callable[..., MainWindow]]:
    load_fonts()
    made: list[MainWindow] = []

    def make(doc_id: str | None = "a-visit", autosave_ms: int = -1,
             annotator: str = "tester") -> MainWindow:
        window = MainWindow(project, annotator, settings, doc_id, autosave_ms=autosave_ms)
        made.append(window)
        return show(qtbot, window)

    yield make
    for window in made:  # leave nothing pending: closing saves
        window.ask = lambda *args: "Cancel"  # type: ignore[method-assign]
        if window.session is not None:
            window.session.stop()
            window.session = None


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
