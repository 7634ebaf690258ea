"""Time agreement over 1,000 documents x 3 annotators, next to the ``krippendorff`` package.

Issue 5 sets the target: every figure (F1 exact and overlap, kappa per pair,
alpha, each overall, per label and per document) for 1,000 article-sized
documents and three annotators in under 3 s. As a baseline from the same run,
the ``krippendorff`` package (numpy) computes alpha alone on the same token
labels. The end-to-end command (reading 3,000 annotation files from disk) is
timed too, since that is what a user waits for.

Run: ``.venv/bin/python benchmarks/bench_agreement.py [DOCUMENTS]``
"""

from __future__ import annotations

import contextlib
import io
import math
import random
import sys
import tempfile
import time
from pathlib import Path

import krippendorff
import numpy as np

from annotator.cli import main as cli_main
from annotator.core.agreement import AnnotatedDocument, compute_agreement
from annotator.core.annotations import AnnotationSet
from annotator.core.project import DEFAULT_LABELS, Project
from annotator.core.spans import Span
from annotator.core.tagging import flat_labels
from annotator.core.tokens import tokenize
from annotator.io.atomic import ABSENT
from annotator.io.project_file import write_project
from annotator.io.store import save

ANNOTATORS = ("amal", "omar", "sara")
LABELS = tuple(label.name for label in DEFAULT_LABELS)
WORDS = ("الزعيم", "غادر", "روسيا", "بالقطار", "المصفّح", "بعد", "زيارة", "استمرت", "أياماً",
         "التقى", "خلالها", "بوتين", "والحاكم", "في", "فلاديفوستوك", "وتسلّم", "خمس", "طائرات",
         "مسيّرة", "وسترة", "واقية", "من", "الرصاص", "،", ".", "2023", "«القمة»", "مركز", "الفضاء")


def make_document(rng: random.Random, number: int) -> AnnotatedDocument:
    """About 2,700 characters (the size of a news article) and ~40 spans per annotator."""
    words: list[str] = []
    size = 0
    while size < 2700:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    text = " ".join(words)
    starts, pos = [], 0
    for word in words:
        starts.append((pos, pos + len(word)))
        pos += len(word) + 1
    base = []
    for _ in range(40):
        i = rng.randrange(len(words) - 3)
        j = i + rng.randrange(3)
        base.append((starts[i][0], starts[j][1], rng.choice(LABELS)))
    spans_by: dict[str, list[Span]] = {}
    for name in ANNOTATORS:
        chosen: set[tuple[int, int, str]] = set()
        for start, end, label in base:
            roll = rng.random()
            if roll < 0.08:
                continue  # missed
            if roll < 0.16:
                end = max(start + 1, end - rng.randrange(1, 3))  # boundary off by a little
            elif roll < 0.22:
                label = rng.choice(LABELS)
            chosen.add((start, end, label))
        spans_by[name] = [Span(f"T{k}", s, e, lab, text[s:e])
                          for k, (s, e, lab) in enumerate(sorted(chosen), 1)]
    return AnnotatedDocument(f"doc{number:04d}", text, spans_by)


def reliability_matrix(docs: list[AnnotatedDocument]) -> np.ndarray:
    """Annotators x tokens of label codes, as the krippendorff package takes them."""
    code = {None: 0.0, **{label: float(i) for i, label in enumerate(LABELS, 1)}}
    rows: list[list[float]] = [[] for _ in ANNOTATORS]
    for doc in docs:
        cuts = [b for spans in doc.spans.values() for s in spans for b in (s.start, s.end)]
        tokens = tokenize(doc.text, cuts)
        for row, name in zip(rows, ANNOTATORS, strict=True):
            tagging = flat_labels(tokens, [(s.start, s.end, s.label) for s in doc.spans[name]])
            row.extend(code[label] for label in tagging.labels)
    return np.array(rows)


def write_project_folder(root: Path, docs: list[AnnotatedDocument]) -> None:
    project = Project(root, "bench", DEFAULT_LABELS)
    (root / "documents").mkdir(parents=True)
    write_project(project, ABSENT)
    for doc in docs:
        project.document_path(doc.id).write_text(doc.text, encoding="utf-8")
        for name, spans in doc.spans.items():
            aset = AnnotationSet.build(doc.id, doc.text, name, spans, LABELS, "done")
            project.annotation_path(doc.id, name).parent.mkdir(parents=True, exist_ok=True)
            save(project, aset, ABSENT)


def best_of(runs: int, work: object) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(runs):
        began = time.perf_counter()
        result = work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(5)
    docs = [make_document(rng, n) for n in range(count)]
    spans = sum(len(s) for d in docs for s in d.spans.values())
    tokenize("warm up")  # builds the token regex once (about 0.1 s), as any first call would
    print(f"{count} documents x {len(ANNOTATORS)} annotators, "
          f"{sum(len(d.text) for d in docs) / count:.0f} characters and "
          f"{spans / count / len(ANNOTATORS):.0f} spans per annotator per document")

    ours, result = best_of(3, lambda: compute_agreement(docs, ANNOTATORS, LABELS))
    agreement = result
    assert agreement is not None
    print(f"annotator.core.agreement, every figure:     {ours:6.2f} s  (target < 3 s)")

    prepare, data = best_of(1, lambda: reliability_matrix(docs))
    matrix = np.asarray(data)
    theirs, alpha = best_of(3, lambda: krippendorff.alpha(reliability_data=matrix,
                                                          level_of_measurement="nominal"))
    print(f"krippendorff package, alpha alone:          {theirs:6.2f} s  "
          f"(+ {prepare:.2f} s to tokenize and tag its {matrix.shape[1]} units)")
    print(f"alpha: ours {agreement.alpha:.6f}, krippendorff {float(alpha):.6f}")  # type: ignore[attr-defined,arg-type]

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        write_project_folder(root, docs)
        out = io.StringIO()
        began = time.perf_counter()
        with contextlib.redirect_stdout(out):
            status = cli_main(["agreement", str(root), "--json"])
        command = time.perf_counter() - began
    print(f"'annotator agreement --json' from disk:     {command:6.2f} s  "
          f"(reads {count * len(ANNOTATORS)} annotation files; exit {status})")


if __name__ == "__main__":
    main()
