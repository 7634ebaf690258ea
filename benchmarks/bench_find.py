"""`annotator find` over 1,000 documents of 3,000 characters (3 M characters): seconds;
then "label all" of 5,000 matches in the window (offscreen unless a display is set).

    .venv/bin/python benchmarks/bench_find.py [DOCUMENTS]

The window figures, for one document holding 5,000 matches: finding them (the
find bar), building the preview (what is already labelled, the context of
each match, the dialog), labelling them (one core batch on the undo stack, the
span table's rows, the repaint), and undoing it; next to a bare
``QPlainTextEdit.setPlainText`` of the same text as a baseline from the same run.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.cli.find_cmd import label_all, matches
from annotator.io.project_file import open_project

WORDS = ["كيم", "وكيم", "لكيم", "بوتين", "موسكو", "هدية", "بندقية", "الزعيم", "الرئيس", "في",
         "إلى", "من", "قمة", "أَحْمَد", "احـــمد", "فلاديفوستوك", "الكرملين", "وبالكرملين"]


def build(root: Path, count: int) -> None:
    rng = random.Random(1)
    (root / "documents").mkdir(parents=True)
    for n in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 3000:
            words.append(rng.choice(WORDS))
        (root / "documents" / f"doc-{n:05d}.txt").write_text(" ".join(words), encoding="utf-8")


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build(root, count)
        project = open_project(root)
        began = time.perf_counter()
        found = matches(project, "كيم", None, False)
        print(f"find 'كيم' in {count} documents: {len(found)} matches, "
              f"{time.perf_counter() - began:.2f} s")
        began = time.perf_counter()
        found = matches(project, "الكرملين", None, False)
        print(f"find 'الكرملين': {len(found)} matches, {time.perf_counter() - began:.2f} s")
        subset = [m for m in found if m["doc"] < "doc-00100"][:5000]
        began = time.perf_counter()
        added, files, _ = label_all(project, subset, "entity", "bench", False)
        print(f"label all: {len(added)} spans in {files} files, "
              f"{time.perf_counter() - began:.2f} s")
    window_label_all(5000)


def window_label_all(count: int) -> None:
    """Label all of ``count`` matches of one document in the window."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

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
    rng = random.Random(2)
    words: list[str] = []
    kims = 0
    while kims < count:
        words.append(rng.choice(WORDS))
        kims += words[-1] in ("كيم", "وكيم", "لكيم")
    text = "\n".join(" ".join(words[i:i + 40]) for i in range(0, len(words), 40))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "documents").mkdir()
        (root / "documents" / "many.txt").write_text(text, encoding="utf-8")
        began = time.perf_counter()
        bare = QPlainTextEdit()
        bare.setPlainText(text)
        bare.show()
        app.processEvents()
        baseline = time.perf_counter() - began
        bare.close()
        window = MainWindow(open_project(root), "bench", Settings.at(str(root / "s.ini")),
                            "many", autosave_ms=-1, feedback=Quiet())
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        finding = window.finding
        began = time.perf_counter()
        finding.open()
        window.find_bar.query.setText("كيم")
        finding.refresh()
        app.processEvents()
        found = time.perf_counter() - began
        window.find_bar.label.setCurrentText("entity")
        began = time.perf_counter()
        finding.label_all()
        app.processEvents()
        preview = time.perf_counter() - began
        dialog = finding.dialog
        assert dialog is not None
        chosen = dialog.chosen()
        dialog.reject()
        began = time.perf_counter()
        added = finding.apply(chosen, "كيم", "entity")
        app.processEvents()
        labelled = time.perf_counter() - began
        began = time.perf_counter()
        window.workspace.undo_history.group.undo()
        app.processEvents()
        undone = time.perf_counter() - began
        session = window.workspace.session
        assert session is not None and len(session.aset) == 0
        print(f"window, one document of {len(text):,} characters with {len(chosen):,} matches "
              f"(bare setPlainText + show: {baseline:.2f} s):")
        print(f"  find and box the matches: {found:.2f} s")
        print(f"  preview (already labelled, contexts, the dialog): {preview:.2f} s")
        print(f"  label all {added:,} (one undo step, table rows, repaint): {labelled:.2f} s")
        print(f"  undo it: {undone:.2f} s")
        window.workspace.close_document()
        window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
