"""The window over a big project: opening it, and switching documents.

Figures from one run, each next to a baseline from the same run (shared machines
are noisy):

- ``open_100k_s``: ``MainWindow`` on a project of 100,000 short documents (plus
  100 news-sized ones) with 3 annotators, from opening the project to the
  window shown with its document list and the first document painted. The
  baseline (``open_100k_baseline_s``) is bare Qt doing the least such a window
  does: list the documents folder, show the names in a ``QTableView`` and the
  first text in a ``QPlainTextEdit``. Statuses and span counts may still be
  filling in then; ``fill_100k_s`` is how long until every row shows them.
- ``switch_ms_median`` / ``switch_ms_max``: going to the next news-sized
  article (700 words, 40 spans) with Ctrl+PgDn and by a click in the document
  list, until the new text is painted, in that project; the same switches in
  a project holding only the 100 news-sized documents are the baseline
  (``switch_small_ms_median`` / ``switch_small_ms_max``): switching must not
  grow with the project. ``switch_during_fill_ms_*``: the same right after the
  window opened, while the list may still be filling in. A window so slow that
  switching takes more than :data:`BUDGET_S` makes fewer switches
  (``switch_count``), so the run still ends.

The projects are built once and kept in the system's temporary folder
(:func:`bench_cli.project_of`).

    .venv/bin/python benchmarks/bench_window.py [DOCUMENTS] [--json]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_cli import NEWS, project_of
from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QEventLoop,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QTableView, QWidget

from annotator.io.project_file import open_project
from annotator.ui.fonts import article_font, load_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

FIRST_NEWS = "news-0000"


def app() -> QApplication:
    instance = QApplication.instance()
    if isinstance(instance, QApplication):
        return instance
    made = QApplication(sys.argv[:1])
    load_fonts()
    return made


def settle(application: QApplication) -> None:
    for _ in range(3):
        application.processEvents()


def bare_open(root: Path) -> float:
    """Bare Qt: list the documents, show the names and the first text."""
    application = app()
    began = time.perf_counter()
    names = sorted(entry.name[:-4] for entry in os.scandir(root / "documents")
                   if entry.name.endswith(".txt") and not entry.name.startswith("."))
    text = (root / "documents" / f"{names[0]}.txt").read_bytes().decode("utf-8-sig")
    window = QWidget()
    layout = QHBoxLayout(window)
    model = QStringListModel(names)
    table = QTableView()
    table.setModel(model)
    view = QPlainTextEdit()
    view.setFont(article_font(16))
    view.setPlainText(text)
    layout.addWidget(table)
    layout.addWidget(view, 1)
    window.resize(1280, 900)
    window.show()
    settle(application)
    view.viewport().repaint()
    table.viewport().repaint()
    elapsed = time.perf_counter() - began
    window.close()
    window.deleteLater()
    settle(application)
    return elapsed


def unknown_rows(window: MainWindow) -> int:
    """Rows of the document list whose status is not known yet (0 with a synchronous list)."""
    model = window.documents.model
    count = getattr(model, "unknown_count", None)
    return int(count()) if callable(count) else 0


def open_window(root: Path, folder: Path, doc_id: str | None = None) -> tuple[MainWindow, float]:
    application = app()
    settings = Settings.at(str(folder / f"settings-{time.monotonic_ns()}.ini"))
    began = time.perf_counter()
    project = open_project(root)
    window = MainWindow(project, "amal", settings, doc_id, autosave_ms=-1)
    window.resize(1280, 900)
    window.show()
    settle(application)
    window.view.viewport().repaint()
    window.documents.table.viewport().repaint()
    elapsed = time.perf_counter() - began
    assert window.workspace.session is not None
    return window, elapsed


def wait_filled(window: MainWindow, limit_s: float = 180.0) -> float:
    """Seconds until every row of the document list is known."""
    application = app()
    began = time.perf_counter()
    ticks = QTimer()  # the loop waits for events, as a window does, and wakes at least this often
    ticks.start(20)
    while unknown_rows(window) and time.perf_counter() - began < limit_s:
        application.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ticks.stop()
    return time.perf_counter() - began


class Paints(QObject):
    """Counts the paint events of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def updated(window: MainWindow, paints: Paints, before: int) -> None:
    """Run the event loop until the window is updated; paint the text if it was not."""
    settle(app())
    if paints.count == before:
        window.view.viewport().repaint()


BUDGET_S = 45.0  # switching stops once it took this long (each kind: at least MIN_SWITCHES)
MIN_SWITCHES = 5


def switches(window: MainWindow, keys: int, clicks: int,
             budget_s: float = BUDGET_S) -> list[float]:
    """Milliseconds of each switch to the next news-sized document, by key, then by click,
    until the event loop has updated the window and the new text is painted (fewer when
    they take more than ``budget_s``: a slow window must not make the run endless)."""
    application = app()
    paints = Paints(window.view.viewport())
    ws = window.workspace
    ws.open_document(FIRST_NEWS)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.view.setFocus()
    settle(application)
    times: list[float] = []
    for n in range(keys):
        if n >= MIN_SWITCHES and sum(times) > budget_s * 1000 / 2:
            break
        began, before = time.perf_counter(), paints.count
        QTest.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        updated(window, paints, before)
        times.append((time.perf_counter() - began) * 1000)
    table = window.documents.table
    model = window.documents.model
    by_key = len(times)
    for n in range(clicks):
        if n >= MIN_SWITCHES and sum(times[by_key:]) > budget_s * 1000 / 2:
            break
        current = ws.current_doc_id
        assert current is not None
        row = model.row_of(current)
        assert row is not None
        index = model.index(row + 1, 0)
        shown = table.model()  # the table may show the rows through a filter
        if shown is not model and isinstance(shown, QAbstractProxyModel):
            index = shown.mapFromSource(index)
        table.scrollTo(index)
        settle(application)
        point = table.visualRect(index).center()
        began, before = time.perf_counter(), paints.count
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)
        updated(window, paints, before)
        times.append((time.perf_counter() - began) * 1000)
        assert ws.current_doc_id == model.doc_id_at(row + 1), "the click did not switch"
    return times


def close(window: MainWindow) -> None:
    window.workspace.close_document()
    window.close()
    window.deleteLater()
    settle(app())


def measure(count: int = 100_000, keys: int = 40, clicks: int = 20,
            during_fill: int = 20) -> dict[str, float]:
    """Every figure of this benchmark, by name (see the module's docstring).

    Right after the window opens, ``during_fill`` switches are made while the list
    may still be filling in (``switch_during_fill_ms_*``); ``fill_100k_s`` runs
    from the window shown to every row known, those switches included.
    """
    big = project_of(count)
    small = project_of(0)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app()
        bare_open(big)  # warm the file system cache and Qt for both
        figures["open_100k_baseline_s"] = bare_open(big)
        window, figures["open_100k_s"] = open_window(big, folder)
        began = time.perf_counter()
        filling = switches(window, during_fill, 0) if during_fill else []
        wait_filled(window)
        figures["fill_100k_s"] = time.perf_counter() - began
        figures["fill_rows_left"] = unknown_rows(window)  # not 0: it took too long
        big_times = switches(window, keys, clicks)
        close(window)
        window, _ = open_window(small, folder)
        wait_filled(window)
        small_times = switches(window, keys, clicks)
        close(window)
    figures["switch_count"] = len(big_times)
    figures["switch_ms_median"] = statistics.median(big_times)
    figures["switch_ms_max"] = max(big_times)
    figures["switch_small_ms_median"] = statistics.median(small_times)
    figures["switch_small_ms_max"] = max(small_times)
    if filling:
        figures["switch_during_fill_ms_median"] = statistics.median(filling)
        figures["switch_during_fill_ms_max"] = max(filling)
    figures["window_documents"] = count + NEWS
    return figures


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    figures = measure(int(args[0]) if args else 100_000)
    for key, value in figures.items():
        print(f"{key:28} {value:10.3f}", file=sys.stderr)
    if "--json" in sys.argv:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
