"""Benchmark the annotation window on a 10 MB Arabic article with 50,000 spans.

Prints (never asserts) figures measured in one run, next to a baseline from the
same run, since shared machines are noisy:

- opening and showing the article in the window (reading the text and the
  annotation file, the span table, the first paint with highlights) next to a
  bare ``QPlainTextEdit.setPlainText`` + show + first paint of the same text;
- the median time to repaint after scrolling one page, with highlights;
- the median time to add one span at 50,000 spans through the real labelling
  path (selection, snapping, core edit on the undo stack, table row, repaint);
- one save of the 50,000-span file, and the longest time the event loop is
  blocked while it runs (a 5 ms ``QTimer`` records the gaps between its
  ticks): written on the GUI thread (``DocumentSession.save``, as every save
  was before, and as leaving a document still is) and in the background
  (Ctrl+S and autosave: ``save_in_background``); the target is 50 ms;
- peak memory (``resource.getrusage``), before and after the window opened.

Run: ``.venv/bin/python benchmarks/bench_ui.py [--mb 10] [--spans 50000]``
(offscreen unless a display is set).
"""

from __future__ import annotations

import argparse
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
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.snapping import word_at
from annotator.io import store
from annotator.io.project_file import default_project, open_project, write_project
from annotator.io.standoff import serialize_annotations
from annotator.ui.fonts import article_font, load_fonts
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--adds", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(20231)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        child = multiprocessing.get_context("fork").Process(
            target=make_project, args=(root, args.mb, args.spans, 20231))
        child.start()
        child.join()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        load_fonts()
        text = (root / "documents" / "big.txt").read_bytes().decode("utf-8")
        size = (root / "documents" / "big.txt").stat().st_size
        json_size = (root / "annotations" / "bench" / "big.json").stat().st_size
        print(f"article: {size / 1e6:.1f} MB, {len(text):,} code points, "
              f"{text.count(chr(10)) + 1:,} paragraphs; annotation file {json_size / 1e6:.1f} MB")
        print(f"peak memory before any widget: {peak_mb():.0f} MB")

        # Baseline: a bare QPlainTextEdit with the same text and font.
        t0 = time.perf_counter()
        bare = QPlainTextEdit()
        bare.setFont(article_font(16))
        bare.setPlainText(text)
        bare.resize(1000, 700)
        bare.show()
        settle(app)
        bare.viewport().repaint()
        baseline = time.perf_counter() - t0
        bare.close()
        bare.deleteLater()
        settle(app)
        print(f"peak memory after the bare QPlainTextEdit: {peak_mb():.0f} MB")

        settings = Settings.at(str(Path(tmp) / "settings.ini"))
        project = open_project(root)
        t0 = time.perf_counter()
        store.load(project, "big", "bench")
        reading = time.perf_counter() - t0
        t0 = time.perf_counter()
        window = MainWindow(project, "bench", settings, "big", autosave_ms=-1)
        window.resize(1280, 900)
        window.show()
        settle(app)
        window.view.viewport().repaint()
        opened = time.perf_counter() - t0
        session = window.workspace.session
        assert session is not None and len(session.aset) > 0.9 * args.spans
        print(f"open + show + first paint, {len(session.aset):,} spans: {opened:.2f} s "
              f"(bare QPlainTextEdit.setPlainText + show: {baseline:.2f} s, "
              f"ratio {opened / baseline:.1f}x)")
        print(f"  of which reading and checking the annotation file (annotator.io.store.load, "
              f"measured alone): {reading:.2f} s")

        print(f"peak memory after opening the window: {peak_mb():.0f} MB")
        view = window.view
        page = view.verticalScrollBar().pageStep()
        times = []
        for i in range(40):
            view.verticalScrollBar().setValue((i + 1) * page * 37 % view.verticalScrollBar()
                                              .maximum())
            t0 = time.perf_counter()
            view.viewport().repaint()
            times.append(time.perf_counter() - t0)
        print(f"repaint after a jump/scroll, with highlights: median "
              f"{statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")

        free_words: set[tuple[int, int]] = set()
        while len(free_words) < args.adds:  # words no span touches yet
            bounds = word_at(text, rng.randrange(len(text)))
            if bounds is not None and not session.aset.overlapping(*bounds):
                free_words.add(bounds)
        adds = []
        for start, end in sorted(free_words, key=lambda _: rng.random()):
            t0 = time.perf_counter()
            view.select_range(start, end)
            window.annotating.apply_label("gift")
            settle(app)
            adds.append(time.perf_counter() - t0)
        print(f"add one span at {len(session.aset):,} spans (select, label, table row, "
              f"repaint): median {statistics.median(adds) * 1000:.1f} ms, "
              f"max {max(adds) * 1000:.1f} ms")

        t0 = time.perf_counter()
        assert session.save()
        print(f"save {len(session.aset):,} spans, waited for: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        for _ in range(20):
            frozen_copy(session.aset)
        print(f"  copying the set for the worker (on the GUI thread): "
              f"{(time.perf_counter() - t0) / 20 * 1000:.1f} ms")
        for background, how in ((False, "before: written on the GUI thread (save)"),
                                (True, "after: written in the background (save_in_background)")):
            figures = measure_saves(app, session, background)
            print(f"longest event-loop stall while saving {len(session.aset):,} spans, {how}: "
                  f"{max(stall for stall, _ in figures):.0f} ms (each of {len(figures)} "
                  f"saves: {', '.join(f'{stall:.0f}' for stall, _ in figures)} ms; the save "
                  f"took {statistics.median(took for _, took in figures):.0f} ms)")
        print(f"peak memory with the window open: {peak_mb():.0f} MB")
        window.workspace.close_document()
        window.close()


if __name__ == "__main__":
    main()
