"""``annotator train PROJECT --out DIR``: a span model from the project's finished work (spaCy).

A thin layer over :func:`annotator.io.training.train` (loaded only when the
command runs, with a clear message when spaCy is not installed): trains on
gold files and annotators' done files (``--from`` chooses whose, in order of
preference), draws a progress bar on stderr, prints the dev score, and saves
the pipeline in DIR for ``annotator suggest --source model --model DIR``.
``--json`` prints the summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from annotator.cli import UsageError, open_project
from annotator.core.project import name_problem
from annotator.io.ml_support import training_module
from annotator.io.spacy_config import BATCH_SIZE, DEFAULT_STEPS

NAME = "train"
HELP = "train a span model (spaCy) on gold and done work, for suggest --source model"
BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="where to save the model (absent, empty, or a model trained "
                        "before, which is replaced)")
    parser.add_argument("--from", dest="sources", metavar="NAME,...",
                        help="whose work to learn from, in order of preference per document "
                        "(default: gold, then every annotator's done files)")
    parser.add_argument("--max-steps", type=int, metavar="N", default=DEFAULT_STEPS,
                        help=f"training steps, each a batch of {BATCH_SIZE} documents "
                        f"(default: {DEFAULT_STEPS})")
    parser.add_argument("--seed", type=int, default=0, help="seed of the dev split and training")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


class ProgressBar:
    """``[#####.....] step/total loss`` redrawn in place on a terminal, a line per 10% else."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = -1

    def __call__(self, step: int, total: int, loss: float) -> None:
        filled = BAR_WIDTH * step // max(total, 1)
        line = f"training [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {step}/{total} " \
               f"loss {loss:.3f}"
        tenth = 10 * step // max(total, 1)
        if self.tty:
            print("\r" + line, end="\n" if step >= total else "", file=self.stream, flush=True)
        elif tenth != self.shown:
            self.shown = tenth
            print(line, file=self.stream, flush=True)


def run(args: argparse.Namespace) -> int:
    sources = [v.strip() for v in args.sources.split(",") if v.strip()] if args.sources else None
    for name in sources or []:
        problem = name_problem(name, "annotator name")
        if problem:
            raise UsageError(f"--from: {problem}")
    if args.max_steps < 1:
        raise UsageError("--max-steps must be at least 1")
    project = open_project(args.project, NAME)
    training = training_module("annotator train")
    summary = training.train(project, args.out, sources, args.max_steps, args.seed,
                             ProgressBar())
    for line in summary.skipped:  # run validate for the details
        print(f"annotator train: warning: not trained on {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
        return 0
    where = "on the training documents (too few to hold some out)" if summary.dev_on_train \
        else f"on {summary.dev_documents} held-out document(s)"
    print(f"trained on {summary.train_documents} document(s) ({summary.spans} spans in all; "
          f"labels {', '.join(summary.labels)}) in {summary.steps} steps, "
          f"{summary.seconds:.1f} s")
    print(f"dev score {where}: precision {summary.precision:.3f}, recall "
          f"{summary.recall:.3f}, F1 {summary.f1:.3f}")
    if summary.token_differences:
        print(f"note: in {len(summary.token_differences)} training document(s) the model's "
              "tokenizer splits a word the annotations leave whole (an unannotated "
              "occurrence of a split form): " + ", ".join(summary.token_differences[:5]))
    print(f"model saved to {args.out}; suggest with: annotator suggest {args.project} "
          f"--source model --model {args.out}")
    return 0
