"""Every benchmark of the issue "Projects of 100,000 articles feel like ten", in one run.

Each benchmark runs in a fresh process (nothing one leaves behind, memory or Qt
state, weighs on the next) and returns its figures by name, each next to the
baseline it is measured against, from the same run:

- ``bench_ui``: a 10 MB article with 50,000 spans (open, add a span, save, memory);
- ``bench_window``: a project of 100,000 documents (open, switch documents);
- ``bench_cli``: validate, export jsonl, find and agreement over that project,
  next to a bare loop reading every file;
- ``bench_export_peak``: the peak memory of exporting one 50 MB document to CoNLL;
- ``bench_suggestions``: gazetteer suggestions for 1,000 documents, and accepting 100
  suggestions by keyboard in the window (issue "Suggestions"), next to reading the
  texts alone and to labelling 100 spans by hand.

The human-readable table goes to standard error; with ``--json``, the last line
of standard output is one JSON object of every figure (each a number), among
them: ``open_10mb_ratio``, ``add_span_ms_max``, ``save_block_ms_max``,
``memory_10mb_ratio``, ``open_100k_s``, ``switch_ms_median``, ``switch_ms_max``,
``cli_100k_ratio_validate``, ``cli_100k_ratio_export``, ``cli_100k_ratio_find``,
``cli_100k_ratio_agreement``, ``export_50mb_peak_ratio``, and the baselines they
are divided by or set next to. ``--quick`` runs everything smaller (2 MB /
10,000 spans, 10,000 documents, a 10 MB export) in under two minutes; the
names stay the same, ``quick`` says which run it was. The full run takes
about ten minutes on two cores (the first one also builds the 100,000-document
project, kept in the temporary folder for later runs).

    .venv/bin/python benchmarks/run.py [--quick] [--json] [--only ui,window,cli,export,suggestions]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

FULL: dict[str, dict[str, Any]] = {
    "ui": {"megabytes": 10.0, "spans": 50_000, "adds": 200},
    "window": {"count": 100_000},
    "cli": {"count": 100_000},
    "export": {"megabytes": 50.0},
    "suggestions": {"documents": 1000, "accepts": 100},
}
QUICK: dict[str, dict[str, Any]] = {
    "ui": {"megabytes": 2.0, "spans": 10_000, "adds": 50},
    "window": {"count": 10_000, "keys": 20, "clicks": 10, "during_fill": 10},
    "cli": {"count": 10_000},
    "export": {"megabytes": 10.0},
    "suggestions": {"documents": 200, "accepts": 50},
}
KEYS = ("open_10mb_ratio", "add_span_ms_max", "save_block_ms_max", "memory_10mb_ratio",
        "open_100k_s", "switch_ms_median", "switch_ms_max", "cli_100k_ratio_validate",
        "cli_100k_ratio_export", "cli_100k_ratio_find", "cli_100k_ratio_agreement",
        "export_50mb_peak_ratio")


def _measure(name: str) -> Callable[..., dict[str, float]]:
    if name == "ui":
        import bench_ui
        return bench_ui.measure
    if name == "window":
        import bench_window
        return bench_window.measure
    if name == "cli":
        import bench_cli
        return bench_cli.measure
    if name == "suggestions":
        import bench_suggestions
        return bench_suggestions.measure
    import bench_export_peak
    return bench_export_peak.measure


def _child(name: str, options: dict[str, Any],
           queue: multiprocessing.Queue[dict[str, float]]) -> None:
    queue.put(_measure(name)(**options))


def run(name: str, options: dict[str, Any]) -> dict[str, float]:
    """``name``'s figures, measured in a fresh process."""
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[dict[str, float]] = context.Queue()
    process = context.Process(target=_child, args=(name, options, queue))
    process.start()
    try:
        figures = queue.get()
    finally:
        process.join()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (< 2 minutes)")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as one JSON object (last line of stdout)")
    parser.add_argument("--only", help="some of: ui, window, cli, export, suggestions "
                                       "(comma-separated)")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    names = [n for n in plan if args.only is None or n in args.only.split(",")]
    figures: dict[str, float] = {"quick": float(args.quick)}
    began = time.perf_counter()
    for name in names:
        started = time.perf_counter()
        found = run(name, plan[name])
        figures.update(found)
        print(f"-- {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        for key, value in found.items():
            mark = "  <- goal" if key in KEYS else ""
            print(f"   {key:30} {value:12.3f}{mark}", file=sys.stderr)
    figures["run_s"] = time.perf_counter() - began
    print(f"-- all: {figures['run_s']:.0f} s", file=sys.stderr)
    missing = [key for key in KEYS if key not in figures and args.only is None]
    if missing:
        print(f"missing figures: {', '.join(missing)}", file=sys.stderr)
    if args.json:
        print(json.dumps({key: round(value, 3) for key, value in figures.items()}))


if __name__ == "__main__":
    main()
