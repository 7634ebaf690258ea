"""Benchmark the annotation window on a 10 MB Arabic article with 50,000 spans.

Figures measured in one run, each next to a baseline from the same run (shared
machines are noisy); :func:`measure` returns them by name:

- ``open_10mb_s``: opening the article in the window until its text is
  painted (building the window, reading the text file, the first paint; the
  annotation file is read on a worker meanwhile: a big document opens in two
  steps, see :mod:`annotator.ui.workspace`), next to ``open_10mb_baseline_s``,
  a bare ``QPlainTextEdit`` opening the same file (reading and decoding it,
  ``setPlainText``, show, first paint), and their ratio ``open_10mb_ratio``.
  ``open_10mb_spans_s`` is the time until the spans are shown too (the session
  open, the span table filled, the text painted with its highlights; its
  ratio to the same baseline is ``open_10mb_spans_ratio``), and
  ``open_10mb_set_only_ratio`` divides ``open_10mb_s`` by the bare view's
  time without reading the file (the baseline of earlier runs);
  ``open_10mb_reading_s`` is what :func:`annotator.io.store.load` takes,
  measured alone;
- ``repaint_ms_median``: repainting after a jump through the text, highlights on;
- ``add_span_ms_median`` / ``add_span_ms_max``: adding one span at 50,000 spans
  through the real labelling path (selection, snapping, core edit on the undo
  stack, table row, repaint), each on a word at a random place of the 10 MB
  (the view goes there: a new screen of text is laid out and painted), and
  ``add_span_ms_p95``, the time 95% of them stay under (how far the longest
  stands from the rest: on a shared machine it is often one noisy moment);
  ``add_nearby_ms_median`` / ``add_nearby_ms_max``: the same on free words of
  the screen shown (the view does not move);
- ``save_block_ms_max``: the longest the event loop is blocked while the
  50,000-span file is written in the background (Ctrl+S and autosave:
  ``save_in_background``; a 5 ms ``QTimer`` records the gaps between its
  ticks), next to ``save_block_gui_ms_max``, the same save written on the GUI
  thread (``DocumentSession.save``, as leaving a document does); target 50 ms;
- ``review_enter_s``: entering review mode on the article against a second
  annotator (the same spans, 1% left out, 2% relabelled: ``review_items``
  differences listed), and ``review_choice_ms_median`` / ``review_choice_ms_max``:
  accepting one agreed span into gold there (the list follows gold);
- ``memory_10mb_mb``: the peak resident memory (``resource.getrusage``) of a
  fresh process that opens the window on the article, scrolls through it,
  adds the spans (each at a random place: the view goes there) and saves,
  next to ``memory_10mb_baseline_mb``, a fresh process showing the same text
  in a bare ``QPlainTextEdit`` and scrolling through it, and their ratio
  ``memory_10mb_ratio``. ``memory_10mb_same_visits_ratio`` divides by a bare
  view that also selects as many words at random places (Qt keeps the layout
  of every place it has shown, about 150 KB each: the window pays for its 200
  visits, the scrolling bare view does not). Every process is set up as
  ``annotator`` sets itself up (:func:`annotator.ui.app.application`).

Run: ``.venv/bin/python benchmarks/bench_ui.py [--mb 10] [--spans 50000] [--json]``
(offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import itertools

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.snapping import word_at
from annotator.core.spans import Span
from annotator.io import store
from annotator.io.project_file import default_project, open_project, write_project
from annotator.io.standoff import serialize_annotations
from annotator.ui.app import application
from annotator.ui.fonts import article_font
from annotator.ui.main_window import MainWindow
from annotator.ui.session import DocumentSession, frozen_copy
from annotator.ui.settings import Settings

# Our own vocabulary (no corpus sentences): words are drawn at random.
VOCABULARY = (
    "الزعيم الرئيس الحاكم الوفد القطار المحطة المدينة الزيارة الهدايا "
    "الطائرات المسيّرة سترة واقية الرصاص العلاقات التعاون الاجتماع اللقاء "
    "وزير الدفاع الخارجية البلدين موسكو بيونغ يانغ فلاديفوستوك بريمورسكي "
    "الشرق الأقصى الروسي الكوري الشمالي صباح مساء يوم الأحد الخميس قال أعلن "
    "أكد ناقش وصل غادر التقى حضر عرضاً رسمياً جديداً Putin Kim 2023 17 ستة "
    "خمس عشرة في من إلى على مع بعد قبل"
)
WORDS = VOCABULARY.split()
SEED = 20231


def make_text(megabytes: float, rng: random.Random) -> str:
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
            sentences.append(" ".join(words) + rng.choice((".", "،", "؟", ".")))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(paragraphs)


def word_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = None
    for i, ch in enumerate(text):
        if ch.isalnum():
            if start is None:
                start = i
        elif start is not None:
            bounds.append((start, i))
            start = None
    if start is not None:
        bounds.append((start, len(text)))
    return bounds


def make_project(root: Path, megabytes: float, spans: int, seed: int) -> None:
    """Write the article and its annotation file (run in a child process: memory stays there)."""
    rng = random.Random(seed)
    text = make_text(megabytes, rng)
    project = default_project(root, "bench")
    (root / "documents").mkdir(parents=True)
    write_project(project)
    (root / "documents" / "big.txt").write_text(text, encoding="utf-8", newline="")
    words = word_bounds(text)
    chosen = sorted(rng.sample(range(len(words) - 3), spans))
    aset = AnnotationSet("big", text, "bench", project.label_names, "in_progress")
    labels = sorted(project.label_names)
    for index in chosen:
        length = rng.choice((1, 1, 1, 2, 3))  # some multi-word spans, some overlaps
        start, end = words[index][0], words[min(index + length - 1, len(words) - 1)][1]
        if aset.find(start, end, labels[index % 3]) is None:
            AddSpan(aset.make_span(start, end, labels[index % 3])).apply(aset)
    path = project.annotation_path("big", "bench")
    path.parent.mkdir(parents=True)
    path.write_bytes(serialize_annotations(aset))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


TICK_MS = 5


def longest_stall(app: QApplication, start: Callable[[], object],
                  done: Callable[[], bool]) -> tuple[float, float]:
    """Run ``start`` from the event loop, then the loop until ``done()``.

    Returns the longest gap between two ticks of a 5 ms timer (the longest the
    window could not paint or take a key), and the time until done, both in ms.
    """
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    began: list[float] = []
    QTimer.singleShot(50, lambda: (began.append(time.perf_counter()), start()))
    while not began or not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ended = time.perf_counter()
    stop = ended + 0.05  # a few ticks after the end
    while time.perf_counter() < stop:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    return max(gaps) * 1000, (ended - began[0]) * 1000


def measure_saves(app: QApplication, session: DocumentSession, background: bool,
                  trials: int = 3) -> list[tuple[float, float]]:
    """(longest stall, duration) of ``trials`` saves of the whole set, in ms."""
    figures = []
    for _ in range(trials):
        session.mark_pending()  # something to write: the whole file again
        if background:
            figures.append(longest_stall(app, session.save_in_background,
                                         lambda: not session.saving))
        else:
            figures.append(longest_stall(app, session.save, lambda: session.saved))
        assert session.saved
    return figures


def app() -> QApplication:
    """The application as ``annotator`` sets it up (fonts, the allocator's settings)."""
    return application()


def build(folder: Path, megabytes: float, spans: int) -> Path:
    """The project, written by a child process (what making it takes stays there)."""
    root = folder / "project"
    child = multiprocessing.get_context("spawn").Process(
        target=make_project, args=(root, megabytes, spans, SEED))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"building the project failed ({child.exitcode})")
    return root


def bare_open(path: Path | None, text: str = "") -> float:
    """Seconds for a bare ``QPlainTextEdit`` with the article's font to open the file at
    ``path`` (read, decode, set, show, paint); with None, to show ``text`` (set, show,
    paint: no file read)."""
    application = app()
    began = time.perf_counter()
    if path is not None:
        text = path.read_bytes().decode("utf-8")
    bare = QPlainTextEdit()
    bare.setFont(article_font(16))
    bare.setPlainText(text)
    bare.resize(1000, 700)
    bare.show()
    settle(application)
    bare.viewport().repaint()
    elapsed = time.perf_counter() - began
    bare.close()
    bare.deleteLater()
    settle(application)
    return elapsed


def open_window(root: Path, settings: Settings) -> tuple[MainWindow, float, float]:
    """The window on the big document: seconds until its text is painted, and until its
    spans are painted too (they are read on a worker meanwhile)."""
    application = app()
    began = time.perf_counter()
    window = MainWindow(open_project(root), "bench", settings, "big", autosave_ms=-1)
    window.resize(1280, 900)
    window.show()
    settle(application)
    window.view.viewport().repaint()
    text_shown = time.perf_counter() - began
    if not window.workspace.wait_until_read():
        raise RuntimeError("the annotation file was not read within a minute")
    settle(application)
    window.view.viewport().repaint()
    return window, text_shown, time.perf_counter() - began


def scroll(view: QPlainTextEdit, pages: int = 40) -> list[float]:
    """Seconds to repaint after each of ``pages`` jumps through the text."""
    bar = view.verticalScrollBar()
    times = []
    for i in range(pages):
        bar.setValue((i + 1) * bar.pageStep() * 37 % max(1, bar.maximum()))
        began = time.perf_counter()
        view.viewport().repaint()
        times.append(time.perf_counter() - began)
    # what the jumps left queued (some 350 calls: the view's scroll range following the
    # paragraphs laid out) runs now, not in the first figure timed next
    settle(app())
    return times


def add_spans(window: MainWindow, count: int, rng: random.Random) -> list[float]:
    """Seconds to add each of ``count`` spans on free words through the labelling path."""
    application = app()
    session = window.workspace.session
    assert session is not None
    text = session.text
    free_words: set[tuple[int, int]] = set()
    while len(free_words) < count:  # words no span touches yet
        bounds = word_at(text, rng.randrange(len(text)))
        if bounds is not None and not session.aset.overlapping(*bounds):
            free_words.add(bounds)
    adds = []
    for start, end in sorted(free_words, key=lambda _: rng.random()):
        began = time.perf_counter()
        window.view.select_range(start, end)
        window.annotating.apply_label("gift")
        settle(application)
        adds.append(time.perf_counter() - began)
    return adds


def add_spans_nearby(window: MainWindow, count: int, rng: random.Random) -> list[float]:
    """Seconds to add each of ``count`` spans on free words of the screen shown (the view
    does not move: what adding costs where the annotator is reading)."""
    application = app()
    session = window.workspace.session
    assert session is not None
    view = window.view
    adds: list[float] = []
    while len(adds) < count:
        viewport = view.viewport().rect()
        first = view.offsets.from_qt(view.cursorForPosition(viewport.topLeft()).position())
        last = view.offsets.from_qt(view.cursorForPosition(viewport.bottomRight()).position())
        words = [bounds for bounds in (word_at(session.text, rng.randrange(first, last))
                                       for _ in range(40))
                 if bounds is not None and not session.aset.overlapping(*bounds)]
        if not words:  # this screen is full: the next one
            view.verticalScrollBar().setValue(view.verticalScrollBar().value()
                                              + view.verticalScrollBar().pageStep())
            settle(application)
            continue
        start, end = words[0]
        began = time.perf_counter()
        view.select_range(start, end)
        window.annotating.apply_label("gift")
        settle(application)
        adds.append(time.perf_counter() - began)
    return adds


def second_annotator(root: Path, aset: AnnotationSet, rng: random.Random) -> None:
    """Another annotator's file on the big document: the same spans, 1% of them left out and
    2% with another label."""
    project = open_project(root)
    labels = sorted(project.label_names)
    kept = []
    for span in aset.spans():
        roll = rng.random()
        if roll >= 0.01:
            label = labels[(labels.index(span.label) + 1) % 3] if roll < 0.03 else span.label
            kept.append(Span(span.id, span.start, span.end, label, span.text))
    other = AnnotationSet.build("big", aset.text, "second", kept, project.label_names,
                                "in_progress")
    path = project.annotation_path("big", "second")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize_annotations(other))


def measure_review(window: MainWindow, choices: int, rng: random.Random) -> dict[str, float]:
    """Review mode on the big document against a second annotator: seconds to enter it
    (reading both files, comparing, the list, the agreement), and ms per choice (accepting
    an agreed span into gold)."""
    application = app()
    review = window.review
    began = time.perf_counter()
    review.set_active(True)
    settle(application)
    figures = {"review_enter_s": time.perf_counter() - began, "review_items": len(review.items)}
    agreed = [i for i, item in enumerate(review.items) if item.difference.agreed]
    times = []
    for index in rng.sample(agreed, choices):
        review.select(index)
        settle(application)
        began = time.perf_counter()
        review.choose("a")
        settle(application)
        times.append(time.perf_counter() - began)
    figures["review_choice_ms_median"] = statistics.median(times) * 1000
    figures["review_choice_ms_max"] = max(times) * 1000
    review.set_active(False)
    settle(application)
    return figures


def measure(megabytes: float = 10.0, spans: int = 50_000, adds: int = 200,
            memory: bool = True) -> dict[str, float]:
    """Every figure of this benchmark, by name (see the module's docstring)."""
    rng = random.Random(SEED)
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = build(Path(tmp), megabytes, spans)
        if memory:  # first, while this process is small: a child's ru_maxrss counts the
            # memory of the process it was forked from (Linux keeps it across exec)
            figures.update(measure_memory(root, adds))
        application = app()
        text = (root / "documents" / "big.txt").read_bytes().decode("utf-8")
        document = root / "documents" / "big.txt"
        figures["open_10mb_baseline_s"] = min(bare_open(document) for _ in range(2))
        set_only = min(bare_open(None, text) for _ in range(2))
        settings = Settings.at(str(Path(tmp) / "settings.ini"))
        began = time.perf_counter()
        store.load(open_project(root), "big", "bench")
        figures["open_10mb_reading_s"] = time.perf_counter() - began
        window, figures["open_10mb_s"], figures["open_10mb_spans_s"] = open_window(
            root, settings)
        figures["open_10mb_ratio"] = figures["open_10mb_s"] / figures["open_10mb_baseline_s"]
        figures["open_10mb_spans_ratio"] = (figures["open_10mb_spans_s"]
                                            / figures["open_10mb_baseline_s"])
        figures["open_10mb_set_only_ratio"] = figures["open_10mb_s"] / set_only
        session = window.workspace.session
        assert session is not None and len(session.aset) > 0.9 * spans
        repaints = scroll(window.view)
        figures["repaint_ms_median"] = statistics.median(repaints) * 1000
        times = add_spans(window, adds, rng)
        figures["add_span_ms_median"] = statistics.median(times) * 1000
        figures["add_span_ms_max"] = max(times) * 1000
        figures["add_span_ms_p95"] = sorted(times)[int(len(times) * 0.95)] * 1000
        nearby = add_spans_nearby(window, adds // 2, rng)
        figures["add_nearby_ms_median"] = statistics.median(nearby) * 1000
        figures["add_nearby_ms_max"] = max(nearby) * 1000
        assert session.save()
        began = time.perf_counter()
        for _ in range(20):
            frozen_copy(session.aset)
        figures["save_copy_ms"] = (time.perf_counter() - began) / 20 * 1000
        on_gui = measure_saves(application, session, background=False)
        figures["save_block_gui_ms_max"] = max(stall for stall, _ in on_gui)
        in_background = measure_saves(application, session, background=True)
        figures["save_block_ms_max"] = max(stall for stall, _ in in_background)
        figures["save_ms_median"] = statistics.median(took for _, took in in_background)
        second_annotator(root, session.aset, rng)
        figures.update(measure_review(window, 10, rng))
        window.workspace.close_document()
        window.close()
        window.deleteLater()
        settle(application)
    return figures


def _memory_child(root: Path, window: bool, adds: int,
                  queue: multiprocessing.Queue[float]) -> None:
    """In a fresh process: the bare view or the window on the document, used as a user would
    (scrolled through; in the window, spans added and saved); the peak resident memory."""
    application = app()
    if window:
        with tempfile.TemporaryDirectory() as tmp:
            shown, _, _ = open_window(root, Settings.at(str(Path(tmp) / "settings.ini")))
            scroll(shown.view)
            add_spans(shown, adds, random.Random(SEED))
            session = shown.workspace.session
            assert session is not None
            session.save_in_background()
            while session.saving:
                application.processEvents()
                time.sleep(0.005)
    else:
        bare = QPlainTextEdit()
        bare.setFont(article_font(16))
        text = (root / "documents" / "big.txt").read_bytes().decode("utf-8")
        bare.setPlainText(text)
        bare.resize(1000, 700)
        bare.show()
        settle(application)
        scroll(bare)
        if adds:
            select_words(bare, text, adds, random.Random(SEED))
    queue.put(peak_mb())


def select_words(view: QPlainTextEdit, text: str, count: int, rng: random.Random) -> None:
    """Select ``count`` words at random places, one after the other, each shown and painted
    (as adding spans there does, without the spans): Qt lays out each place it shows and
    keeps the layout, so the bare view's memory is measured after the same visits."""
    application = app()
    for _ in range(count):
        bounds = None
        while bounds is None:
            bounds = word_at(text, rng.randrange(len(text)))
        cursor = view.textCursor()
        cursor.setPosition(bounds[0])
        cursor.setPosition(bounds[1], QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        settle(application)


def measure_memory(root: Path, adds: int) -> dict[str, float]:
    """Peak memory of a process showing the document in the window, next to one showing it
    in a bare ``QPlainTextEdit`` (each a fresh process: nothing else counted)."""
    context = multiprocessing.get_context("spawn")
    peaks = {}
    for run, window, visits in (("bare", False, 0), ("same-visits", False, adds),
                                ("window", True, adds)):
        queue: multiprocessing.Queue[float] = context.Queue()
        child = context.Process(target=_memory_child, args=(root, window, visits, queue))
        child.start()
        peaks[run] = queue.get()
        child.join()
    return {"memory_10mb_mb": peaks["window"], "memory_10mb_baseline_mb": peaks["bare"],
            "memory_10mb_ratio": peaks["window"] / peaks["bare"],
            "memory_10mb_same_visits_baseline_mb": peaks["same-visits"],
            "memory_10mb_same_visits_ratio": peaks["window"] / peaks["same-visits"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--adds", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="also one line of JSON (stdout)")
    args = parser.parse_args()
    figures = measure(args.mb, args.spans, args.adds)
    for key, value in figures.items():
        print(f"{key:28} {value:10.3f}", file=sys.stderr)
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
