"""``annotator self-test``: the real window labels, saves and reads back one span.

What an annotator would do first, done by the program on a private copy of the
bundled sample project, so that an installation (a wheel, the one-folder
bundle, a Flatpak) can be checked in one command:

1. Qt starts (offscreen when there is no display: ``annotator.cli.selftest_cmd``
   chooses), the bundled fonts and resources are found.
2. The sample project is copied the way the first run copies it
   (:func:`annotator.ui.app.sample_project`) into a temporary folder, which
   also holds the settings and the data folders (``XDG_*`` and ``QSettings``'
   paths point there), so nothing of the user's is read or written.
3. The window is opened through the command line's own entry point
   (``annotator open PROJECT --annotator self-test --doc DOC``), the most
   stable one while the window's classes change.
4. A word of the first document is selected in the article view with a
   ``QTextCursor``, and the first label's key is typed into the view with
   ``QTest.keyClick``: the path a real key press takes (the shortcut of the
   label's action). The File > Save action (``file.save``) is triggered, as
   Ctrl+S does, and the window is closed.
5. The file is read back from disk, checked with the checks ``annotator
   validate`` runs (the file, then the whole project), and must hold the one
   span with the right code-point offsets, label and text.

Widgets and actions are found by object name (``article-view``, ``file.save``,
``edit.undo``, ``label.<name>``), not by attribute, so a reorganised window
still passes. Each step prints a line; the first failure names its step.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import PySide6
from PySide6.QtCore import (
    QLibraryInfo,
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPlainTextEdit, QWidget

from annotator.core.project import Label
from annotator.logs import log_dir
from annotator.resources_path import resource_path, resources_root

ANNOTATOR = "self-test"
WINDOW_NAME = "main-window"
VIEW_NAME = "article-view"
SAVE_ACTION = "file.save"
UNDO_ACTION = "edit.undo"
FONT_FAMILY = "Noto Naskh Arabic"
# a whole word of plain Arabic letters (no tashkeel, nothing joined on either side)
_MARKS = "\u064b-\u065f\u0670"
WORD = re.compile(rf"(?<![\w{_MARKS}])[\u0621-\u063a\u0641-\u064a]{{3,}}(?![\w{_MARKS}])")
WAIT_MS = 15_000  # for the window, the document, the focus, the save


class StepFailedError(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


@dataclass
class Report:
    """Prints each step that passed; remembers the first that failed."""

    out: TextIO
    step: str = "start"
    failure: StepFailedError | None = None
    lines: list[str] = field(default_factory=list)

    def begin(self, step: str) -> None:
        self.step = step

    def ok(self, text: str) -> None:
        self.lines.append(text)
        print(f"  ok  {text}", file=self.out, flush=True)

    def note(self, text: str) -> None:
        print(f"  --  {text}", file=self.out, flush=True)

    def check(self, condition: object, reason: str) -> None:
        if not condition:
            raise StepFailedError(self.step, reason)

    def fail(self, reason: str) -> None:
        if self.failure is None:  # the first failure is the one that counts
            self.failure = StepFailedError(self.step, reason)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn any error raised inside into this step's failure."""
        try:
            yield
        except StepFailedError as exc:
            self.fail(exc.reason)
        except Exception as exc:  # a defect anywhere in the app: name the step it broke
            self.fail(f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class Target:
    """The word to label: code-point offsets into the document as it is on disk."""

    doc_id: str
    start: int
    end: int
    word: str
    label: Label
    path: Path  # the annotation file the save must write
    text: str  # the document's text as it is on disk


def qt_position(text: str, offset: int) -> int:
    """Qt's position (UTF-16 units of the shown text) of code-point ``offset`` in ``text``.

    The view shows the text as ``setPlainText`` keeps it: a leading BOM
    dropped and ``\\r\\n`` folded into one break.

    >>> qt_position("\\ufeffa\\r\\n😀b", 5)
    4
    """
    prefix = text[:offset]
    if prefix.startswith("\ufeff"):
        prefix = prefix[1:]
    prefix = prefix.replace("\r\n", "\n")
    return len(prefix.encode("utf-16-le")) // 2


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages to stderr, less the offscreen platform's notes on what it cannot do.

    ("This plugin does not support propagateSizeHints()": it has no window
    manager to pass them to; harmless.)
    """
    if message.startswith("This plugin does not support"):
        return
    print(message, file=sys.stderr)


def wait_until(condition: Callable[[], object], timeout_ms: int = WAIT_MS) -> bool:
    """Process events until ``condition()`` holds; False after ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)


# -- the private folder ----------------------------------------------------------------

_XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@contextmanager
def private_folders(folder: Path) -> Iterator[None]:
    """Settings and data folders inside ``folder`` while the self-test runs.

    ``XDG_*`` cover Linux (``QStandardPaths``, ``QSettings``' native files);
    ``QSettings`` is also switched to INI files under ``folder`` for Windows
    and macOS, whose native stores ignore ``XDG_*``.
    """
    saved = {name: os.environ.get(name)
             for name in (*_XDG, "XDG_RUNTIME_DIR", "ANNOTATOR_LOG_DIR")}
    # the log stays the user's: a failure's traceback must outlive the temporary folder
    os.environ["ANNOTATOR_LOG_DIR"] = str(log_dir())
    for name in _XDG:
        path = folder / name.removeprefix("XDG_").removesuffix("_HOME").lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(path)
    if not os.environ.get("XDG_RUNTIME_DIR"):  # kept when set: a Wayland socket lives there
        runtime = folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    default_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(folder / "config"))
    try:
        yield
    finally:
        QSettings.setDefaultFormat(default_format)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# -- the steps -----------------------------------------------------------------------

def run_self_test(keep: bool = False, timeout_s: float = 120.0,
                  out: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 naming the step that failed."""
    out = out or sys.stdout
    report = Report(out)
    folder = Path(tempfile.mkdtemp(prefix="annotator-self-test-"))
    print(f"annotator self-test (working in {folder})", file=out, flush=True)
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        with private_folders(folder), report.guard():
            _run(report, folder, timeout_s)
    finally:
        qInstallMessageHandler(previous)
        if keep:
            print(f"kept {folder}", file=out)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if report.failure is not None:
        print(f"self-test FAILED at step '{report.failure.step}': {report.failure.reason}",
              file=out, flush=True)
        print(f"annotator self-test: failed at step '{report.failure.step}'", file=sys.stderr)
        return 1
    print("self-test passed", file=out, flush=True)
    return 0


def _run(report: Report, folder: Path, timeout_s: float) -> None:
    from annotator.cli import main as cli_main
    from annotator.cli.validate_cmd import validate_file, validate_project
    from annotator.io.project_file import open_project
    from annotator.ui import app as ui_app
    from annotator.ui import settings as keys
    from annotator.ui.fonts import load_fonts
    from annotator.ui.settings import Settings

    report.begin("start Qt")
    qapp = ui_app.application()
    report.ok(f"Qt {qVersion()} (PySide6 {PySide6.__version__}) started, platform "
              f"'{QGuiApplication.platformName()}'")

    report.begin("bundled resources")
    families = load_fonts()
    report.check(FONT_FAMILY in families, f"the bundled font {FONT_FAMILY!r} did not load "
                 f"(loaded: {families or 'none'}; looked in {resource_path('fonts')})")
    report.check(resource_path("icons/annotator/index.theme").is_file(),
                 f"the icons are missing from {resource_path('icons')}")
    report.ok(f"bundled font {FONT_FAMILY!r} and icons found in {resources_root()}")
    translation = resource_path("i18n/annotator_ar.qm")
    translator = QTranslator()
    if translation.is_file() and translator.load(str(translation)) and not translator.isEmpty():
        report.ok(f"Arabic translation loads ({translation.name})")
    else:  # not a failure: the window works in English without it
        report.note(f"no usable Arabic translation at {translation}: the interface "
                    f"stays English")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if QTranslator().load("qtbase_ar", qt_folder):
        report.ok(f"Qt's own Arabic translation loads (qtbase_ar.qm in {qt_folder})")
    else:
        report.note(f"no qtbase_ar.qm in {qt_folder}: standard dialog buttons stay English")

    report.begin("copy the sample project")
    root = ui_app.sample_project(base=folder / "data" / "annotator")
    problems, checked = validate_project(root)
    report.check(not problems, "the bundled sample project has problems: "
                 + "; ".join(str(p) for p in problems[:5]))
    report.ok(f"sample project copied to {root} and valid ({checked} annotation files)")

    report.begin("choose a word")
    target = _choose_target(report, root)
    report.ok(f"document {target.doc_id!r}: will label {target.word!r} (code points "
              f"{target.start}-{target.end}) as {target.label.name!r} with key "
              f"{target.label.key!r}")

    # the self-test's settings: saved only by File > Save (no autosave racing it)
    settings = Settings()
    settings.set(keys.AUTOSAVE_MS, -1)
    settings.sync()

    driver = _WindowDriver(report, target)
    start = QTimer(qapp)
    start.setSingleShot(True)
    start.timeout.connect(driver.run)
    watchdog = QTimer(qapp)
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(driver.time_out)
    quit_on_close = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    start.start(0)
    watchdog.start(int(timeout_s * 1000))
    report.begin("open the window")
    try:
        status = cli_main(["open", str(root), "--annotator", ANNOTATOR, "--doc",
                           target.doc_id])
    finally:
        start.stop()
        watchdog.stop()
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    if report.failure is not None:
        return
    if not driver.done:
        report.fail(f"'annotator open' returned {status} before the window could be used")
        return

    report.begin("read the file back")
    report.check(target.path.is_file(), f"{target.path} is gone after closing the window")
    data: Any = json.loads(target.path.read_bytes())
    report.ok(f"read {target.path.relative_to(root)} from disk")

    report.begin("validate")
    problems = validate_file(target.path)
    report.check(not problems, "; ".join(str(p) for p in problems[:5]))
    problems, checked = validate_project(root)
    report.check(not problems, "; ".join(str(p) for p in problems[:5]))
    report.ok(f"'annotator validate' checks pass: the file, and the project "
              f"({checked} annotation files)")

    report.begin("check the span")
    spans = data.get("spans") if isinstance(data, dict) else None
    report.check(isinstance(spans, list), f"no span list in {target.path}")
    assert isinstance(spans, list)
    found = [(s.get("start"), s.get("end"), s.get("label"), s.get("text")) for s in spans
             if isinstance(s, dict)]
    expected = (target.start, target.end, target.label.name, target.word)
    report.check(found == [expected], f"expected the one span {expected}, the file has {found}")
    report.check(data.get("annotator") == ANNOTATOR and data.get("document", {}).get("id")
                 == target.doc_id, "the file names another annotator or document")
    document = open_project(root).load_document(target.doc_id)
    report.check(document.text[target.start:target.end] == target.word,
                 "the offsets do not point at the word in the document")
    report.ok(f"the file holds the span {target.label.name} {target.start}-{target.end} "
              f"{target.word!r} (code-point offsets into the unchanged text)")


def _choose_target(report: Report, root: Path) -> Target:
    from annotator.io.project_file import open_project

    project = open_project(root)
    doc_ids = project.doc_ids()
    report.check(doc_ids, "the sample project has no documents")
    label = next((label for label in project.labels if label.key), None)
    report.check(label is not None, "no label of the sample project has a key")
    assert label is not None
    doc_id = doc_ids[0]
    text = project.load_document(doc_id).text
    match = WORD.search(text)
    report.check(match, f"no plain Arabic word in {doc_id!r}")
    assert match is not None
    path = project.annotation_path(doc_id, ANNOTATOR)
    report.check(not path.exists(), f"{path} exists before the self-test wrote it")
    return Target(doc_id, match.start(), match.end(), match.group(), label, path, text)


class _WindowDriver:
    """The steps that need the running window, called once its event loop runs."""

    def __init__(self, report: Report, target: Target) -> None:
        self.report = report
        self.target = target
        self.done = False
        self.timed_out = False

    def run(self) -> None:
        with self.report.guard():
            self._steps()
            self.done = True
        app = QApplication.instance()
        if app is not None:
            app.exit(0 if self.report.failure is None else 1)

    def time_out(self) -> None:
        self.timed_out = True
        modal = QApplication.activeModalWidget()
        what = ""
        if modal is not None:
            text = modal.text() if isinstance(modal, QMessageBox) else ""
            what = f"; a dialog was open: {modal.windowTitle()!r}" + (
                f" saying {text!r}" if text else "")
            modal.close()
        self.report.fail(f"timed out{what}")
        app = QApplication.instance()
        if app is not None:
            app.exit(1)

    def _action(self, window: QWidget, name: str) -> QAction:
        """The window's action ``name``: added to it (its shortcuts work there) or its child."""
        added = [a for a in window.actions() if a.objectName() == name]
        action = added[0] if added else window.findChild(QAction, name)
        self.report.check(action is not None, f"the window has no action {name!r}")
        assert action is not None
        return action

    def _wait(self, condition: Callable[[], object], reason: str) -> None:
        ok = wait_until(lambda: self.timed_out or condition())
        self.report.check(ok and not self.timed_out, reason)

    def _steps(self) -> None:
        report, target = self.report, self.target
        report.begin("open the window")
        self._wait(lambda: _main_window() is not None, "no window appeared")
        window = _main_window()
        assert window is not None
        view = window.findChild(QPlainTextEdit, VIEW_NAME)
        report.check(view is not None, f"the window has no article view ({VIEW_NAME!r})")
        assert view is not None
        qt_start = qt_position(target.text, target.start)
        qt_end = qt_position(target.text, target.end)
        self._wait(lambda: view.toPlainText()[qt_start:qt_end] == target.word,
                   f"the article view does not show document {target.doc_id!r}")
        mirrored = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        report.ok(f"window open on {target.doc_id!r} ({type(window).__name__}, interface "
                  f"{'right to left' if mirrored else 'left to right'})")

        report.begin("focus the article view")
        window.activateWindow()
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._wait(lambda: QApplication.activeWindow() is window and view.hasFocus(),
                   "the window did not become active with the focus in the article view "
                   "(a desktop refusing to give it the focus?); try 'annotator self-test "
                   "--offscreen'")
        report.ok("the article view has the keyboard focus")

        report.begin("select the word")
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        selected = view.textCursor().selectedText()
        report.check(selected == target.word, f"selected {selected!r}, not {target.word!r}")
        report.ok(f"selected {selected!r} with a text cursor")

        report.begin("press the label's key")
        label_action = self._action(window, f"label.{target.label.name}")
        undo = self._action(window, UNDO_ACTION)
        report.check(not undo.isEnabled(), "Undo is enabled before any change")
        fired: list[bool] = []
        label_action.triggered.connect(lambda *_: fired.append(True))
        combination = QKeySequence(target.label.key or "")[0]  # type: ignore[index]
        QTest.keyClick(view, combination.key(), combination.keyboardModifiers())
        report.check(fired, f"pressing {target.label.key!r} in the article view did not "
                     f"trigger the label action")
        self._wait(undo.isEnabled, f"pressing {target.label.key!r} changed nothing "
                   f"(Undo stays disabled)")
        report.ok(f"pressed {target.label.key!r}: the {target.label.name!r} action ran and "
                  f"made an undoable change")

        report.begin("save")
        report.check(not target.path.exists(), "the file was written before File > Save")
        save = self._action(window, SAVE_ACTION)
        report.check(save.isEnabled(), "File > Save is disabled")
        save.trigger()
        self._wait(target.path.is_file, f"File > Save wrote no {target.path.name}")
        report.ok(f"File > Save ({SAVE_ACTION}) wrote {target.path.name}")

        report.begin("close the window")
        window.close()
        self._wait(lambda: not window.isVisible(), "the window refused to close")
        report.ok("window closed")


def _main_window() -> QMainWindow | None:
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMainWindow) and w.isVisible()]
    named = [w for w in windows if w.objectName() == WINDOW_NAME]
    return (named or windows)[0] if windows else None

