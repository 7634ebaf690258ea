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
  grow with the project.

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

from bench_cli import project_of
from PySide6.QtCore import QAbstractProxyModel, QStringListModel, Qt
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


def wait_filled(window: MainWindow, limit_s: float = 600.0) -> float:
    """Seconds until every row of the document list is known."""
    application = app()
    began = time.perf_counter()
    while unknown_rows(window) and time.perf_counter() - began < limit_s:
        application.processEvents()
        time.sleep(0.002)
    return time.perf_counter() - began


def switches(window: MainWindow, keys: int, clicks: int) -> list[float]:
    """Milliseconds of each switch to the next news-sized document, by key, then by click."""
    application = app()
    ws = window.workspace
    ws.open_document(FIRST_NEWS)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.view.setFocus()
    settle(application)
    times = []
    for _ in range(keys):
        began = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        settle(application)
        window.view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
    table = window.documents.table
    model = window.documents.model
    for _ in range(clicks):
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
        began = time.perf_counter()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)
        settle(application)
        window.view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
        assert ws.current_doc_id == model.doc_id_at(row + 1), "the click did not switch"
    return times


def close(window: MainWindow) -> None:
    window.workspace.close_document()
    window.close()
    window.deleteLater()
    settle(app())


def measure(count: int = 100_000, keys: int = 40, clicks: int = 20) -> dict[str, float]:
    big = project_of(count)
    small = project_of(0)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app()
        bare_open(big)  # warm the file system cache and Qt for both
        figures["open_100k_baseline_s"] = bare_open(big)
        window, figures["open_100k_s"] = open_window(big, folder)
        figures["fill_100k_s"] = wait_filled(window)
        big_times = switches(window, keys, clicks)
        close(window)
        window, _ = open_window(small, folder)
        wait_filled(window)
        small_times = switches(window, keys, clicks)
        close(window)
    figures["switch_ms_median"] = statistics.median(big_times)
    figures["switch_ms_max"] = max(big_times)
    figures["switch_small_ms_median"] = statistics.median(small_times)
    figures["switch_small_ms_max"] = max(small_times)
    figures["documents"] = count
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
