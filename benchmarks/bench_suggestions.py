"""Suggestions (issue 12): gazetteer suggestions for 1,000 documents, and accepting 100 of
them by keyboard in the window (offscreen unless a display is set).

    .venv/bin/python benchmarks/bench_suggestions.py [DOCUMENTS] [ACCEPTS]

Figures (:func:`measure` returns them by name, for ``benchmarks/run.py``):

- ``suggest_docs_s``: ``suggest(project, "gazetteer")`` (what ``annotator suggest``
  runs) over DOCUMENTS documents of 3,000 characters, learning from a gold file
  with 40 labelled spans; next to ``suggest_read_baseline_s``, a bare loop
  reading and normalising the same texts, and ``suggest_count``;
- ``accept_keys_s``: ACCEPTS presses of Enter in the window on a document of
  12,000 characters (about 250 suggestions), each accepting the
  suggestion at the cursor and moving to the next (the edit, the undo stack,
  the span table, the marks filtered again, a repaint), with
  ``accept_key_ms_median`` / ``accept_key_ms_max``; next to
  ``label_keys_baseline_s``, the same number of spans labelled by hand with a
  label key on a keyboard selection, in the same run.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.api import open_project as open_api
from annotator.core.arabic import normalize
from annotator.io.project_file import default_project, open_project, write_project
from annotator.io.suggestions import suggest

NAMES = ["كيم", "بوتين", "موسكو", "فلاديفوستوك", "الكرملين", "شويغو", "لافروف", "أحمد"]
GIFTS = ["سيارة ليموزين", "بندقية صيد", "سترة واقية", "ساعة ذهبية", "كلب صيد"]
FILLER = ["في", "إلى", "من", "قال", "الزعيم", "الرئيس", "قمة", "زيارة", "اجتماع", "مع", "بعد",
          "أمس", "وفد", "رسمي", "المحطة", "الصحفيين", "هدية", "وصل", "استقبل", "التقى"]


def build(root: Path, count: int) -> None:
    """``count`` documents of about 3,000 characters and one gold file to learn from."""
    rng = random.Random(12)
    (root / "documents").mkdir(parents=True)
    write_project(default_project(root, "bench"))
    for n in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 3000:
            roll = rng.random()
            words.append(rng.choice(NAMES) if roll < 0.08 else rng.choice(GIFTS)
                         if roll < 0.11 else rng.choice(FILLER))
        lines = [" ".join(words[i:i + 30]) + "." for i in range(0, len(words), 30)]
        (root / "documents" / f"doc-{n:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
    api = open_api(root)
    gold = api.load("gold", "doc-00000")
    text = gold.text
    added = 0
    for word, label in [(w, "entity") for w in NAMES] + [(g, "gift") for g in GIFTS]:
        start = text.find(word)
        while start >= 0 and added < 40:
            gold.add_span(start, start + len(word), label)
            added += 1
            start = text.find(word, start + len(word) + 200)
    api.save(gold)


def measure_suggest(root: Path) -> dict[str, float]:
    project = open_project(root)
    began = time.perf_counter()
    for doc_id in project.doc_ids():
        normalize(project.load_document(doc_id).text)
    baseline = time.perf_counter() - began
    began = time.perf_counter()
    summary = suggest(project, "gazetteer")
    took = time.perf_counter() - began
    return {"suggest_docs_s": took, "suggest_read_baseline_s": baseline,
            "suggest_count": float(summary.suggestions),
            "suggest_documents": float(summary.documents)}


def measure_accepts(root: Path, accepts: int) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.ui.fonts import load_fonts
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    class Quiet:  # a Feedback that says nothing and asks nothing
        def say(self, message: str, ms: int = 0, code: str = "") -> None: ...
        def retract(self, message: str) -> None: ...
        def ask(self, kind: str, title: str, text: str, choices: object) -> str:
            return ""
        def ask_text(self, title: str, label: str, value: str) -> str | None:
            return None
        def choose_folder(self, title: str, start: str) -> str | None:
            return None

    app = QApplication.instance() or QApplication([])
    load_fonts()
    project = open_project(root)
    # one longer document for the window (the others hold about 60 suggestions each)
    texts = [project.load_document(f"doc-{n:05d}").text for n in range(1, 5)]
    (root / "documents" / "window-doc.txt").write_text("\n".join(texts), encoding="utf-8")
    project = open_project(root)
    suggest(project, "gazetteer", ["window-doc"])

    def window_on(doc_id: str, annotator: str) -> MainWindow:
        window = MainWindow(project, annotator, Settings.at(str(root / f"{annotator}.ini")),
                            doc_id, autosave_ms=-1, feedback=Quiet())
        window.resize(1200, 800)
        window.show()
        window.activateWindow()
        window.view.setFocus()
        app.processEvents()
        return window

    window = window_on("window-doc", "bench")
    offers = [o.suggestion for o in window.suggesting.offers]
    assert len(offers) >= accepts, f"only {len(offers)} suggestions in window-doc"
    QTest.keyClick(window.view, Qt.Key.Key_F7)
    app.processEvents()
    times = []
    began = time.perf_counter()
    for _ in range(accepts):
        one = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_Return)
        app.processEvents()  # the repaint
        times.append(time.perf_counter() - one)
    total = time.perf_counter() - began
    session = window.workspace.session
    assert session is not None and len(session.aset) == accepts, len(session.aset)
    window.workspace.close_document()
    window.close()

    hand = window_on("window-doc", "typist")
    began = time.perf_counter()
    for item in offers[:accepts]:
        hand.view.select_range(item.start, item.end)
        QTest.keyClick(hand.view, Qt.Key.Key_1 if item.label == "entity" else Qt.Key.Key_2)
        app.processEvents()
    baseline = time.perf_counter() - began
    hand.workspace.close_document()
    hand.close()
    return {"accept_keys_s": total, "accept_key_ms_median": statistics.median(times) * 1000,
            "accept_key_ms_max": max(times) * 1000, "label_keys_baseline_s": baseline}


def measure(documents: int = 1000, accepts: int = 100) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        build(root, documents)
        figures = measure_suggest(root)
        figures.update(measure_accepts(root, accepts))
        return figures


def main(documents: int, accepts: int) -> None:
    f = measure(documents, accepts)
    print(f"gazetteer suggestions for {int(f['suggest_documents']):,} documents of 3,000 "
          f"characters: {int(f['suggest_count']):,} suggestions in {f['suggest_docs_s']:.2f} s "
          f"({f['suggest_docs_s'] / f['suggest_documents'] * 1000:.1f} ms per document; "
          f"reading and normalising the texts alone: {f['suggest_read_baseline_s']:.2f} s)")
    print(f"accept {accepts} suggestions by keyboard in the window (Enter, each moving to the "
          f"next): {f['accept_keys_s']:.2f} s, median {f['accept_key_ms_median']:.1f} ms, "
          f"max {f['accept_key_ms_max']:.1f} ms per key; the same {accepts} spans labelled by "
          f"hand (selection + label key): {f['label_keys_baseline_s']:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
         int(sys.argv[2]) if len(sys.argv) > 2 else 100)
