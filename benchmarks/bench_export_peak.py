"""Peak memory of exporting one big document to CoNLL, over the size of what is read.

A project of one document (``--mb`` MB of Arabic text, 5,000 spans per MB) is
built in a child process; another child, started fresh, runs ``annotator
export --format conll`` on it and reports its peak resident memory
(``resource.getrusage``, ``ru_maxrss``). The figure is that peak over the input
size (the text and the annotation file); an idle child (the same imports,
nothing exported) gives what the interpreter itself holds.

    .venv/bin/python benchmarks/bench_export_peak.py [--mb 50] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SPANS_PER_MB = 5000


def _build(root: Path, megabytes: float) -> None:
    """The project (in a child: what building it takes stays there)."""
    from bench_ui import make_text

    from annotator.core.annotations import AnnotationSet
    from annotator.core.spans import Span
    from annotator.io.project_file import default_project, write_project
    from annotator.io.standoff import serialize_annotations

    rng = random.Random(50)
    text = make_text(megabytes, rng)
    project = default_project(root, "export-peak")
    (root / "documents").mkdir(parents=True)
    write_project(project)
    (root / "documents" / "big.txt").write_text(text, encoding="utf-8", newline="")
    words = [m.span() for m in re.finditer(r"[^\s.،؟]+", text)]  # whole words, marks and all
    labels = sorted(project.label_names)
    count = min(int(megabytes * SPANS_PER_MB), len(words))
    spans = [Span(f"T{n + 1}", words[i][0], words[i][1], labels[i % len(labels)],
                  text[words[i][0]:words[i][1]])
             for n, i in enumerate(sorted(rng.sample(range(len(words)), count)))]
    aset = AnnotationSet.build("big", text, "amal", spans, project.label_names, "done")
    path = project.annotation_path("big", "amal")
    path.parent.mkdir(parents=True)
    path.write_bytes(serialize_annotations(aset))


def _export(root: Path, out: Path, queue: multiprocessing.Queue[tuple[int, float, float]],
            idle: bool) -> None:
    """Export (or, ``idle``, only import what exporting imports); report the peak."""
    from annotator.cli import main

    quiet = open(os.devnull, "w")  # noqa: SIM115  # what it prints: nowhere (not kept in memory)
    sys.stdout = sys.stderr = quiet
    began = time.perf_counter()
    status = 0 if idle else main(["export", str(root), "--format", "conll", "--annotator",
                                  "amal", "--out", str(out)])
    seconds = time.perf_counter() - began
    queue.put((status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, seconds))


def _child(target: object, *args: object) -> None:
    context = multiprocessing.get_context("spawn")
    process = context.Process(target=target, args=args)  # type: ignore[arg-type]
    process.start()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError(f"{getattr(target, '__name__', target)} failed ({process.exitcode})")


def _measure_export(root: Path, out: Path, idle: bool) -> tuple[int, float, float]:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[tuple[int, float, float]] = context.Queue()
    process = context.Process(target=_export, args=(root, out, queue, idle))
    process.start()
    figures = queue.get()
    process.join()
    return figures


def measure(megabytes: float = 50.0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        began = time.perf_counter()
        _child(_build, root, megabytes)
        built = time.perf_counter() - began
        size = sum(p.stat().st_size for p in (root / "documents" / "big.txt",
                                              root / "annotations" / "amal" / "big.json"))
        _status, idle_mb, _ = _measure_export(root, Path(tmp) / "unused", True)
        status, peak_mb, seconds = _measure_export(root, Path(tmp) / "out", False)
        if status != 0:
            print(f"warning: the export exited {status}", file=sys.stderr)
    input_mb = size / 1024 / 1024
    return {"export_50mb_peak_ratio": peak_mb / input_mb, "export_50mb_peak_mb": peak_mb,
            "export_50mb_input_mb": input_mb, "export_50mb_idle_mb": idle_mb,
            "export_50mb_s": seconds, "export_50mb_build_s": built}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.mb)
    for key, value in figures.items():
        print(f"{key:28} {value:10.2f}", file=sys.stderr)
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
