"""``annotator suggest PROJECT --source gazetteer|model``: pre-annotate from the project's work.

Writes ``suggestions/<source>/<doc_id>.json`` (FORMAT.md section 3b) with
:func:`annotator.io.suggestions.suggest`; they are nobody's annotations until
a person accepts them. ``--annotator NAME`` leaves out spans NAME already has
and suggestions NAME rejected; ``--json`` prints ``{"source", "documents",
"suggestions", "dropped_unknown_labels", "dropped_labels"}``. ``--source model
--model DIR`` suggests with a pipeline ``annotator train`` saved (each span with
the model's probability as score); spans it predicts with a label the project
no longer has are left out, counted, and named in a warning on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import UsageError, annotator_argument, open_project
from annotator.core.project import name_problem
from annotator.io.suggestions import SOURCES, suggest

NAME = "suggest"
HELP = ("suggest spans from the project's own work (gazetteer) or a trained model, kept apart "
        "in suggestions/")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--source", required=True, choices=SOURCES)
    parser.add_argument("--annotator", type=annotator_argument, metavar="NAME",
                        help="leave out what NAME already has or rejected")
    parser.add_argument("--docs", metavar="ID,...", help="only these documents")
    parser.add_argument("--from", dest="sources", metavar="NAME,...",
                        help="whose work the gazetteer learns from (default: gold and every "
                        "annotator's done files)")
    parser.add_argument("--model", type=Path, metavar="DIR",
                        help="with --source model: the folder `annotator train` saved")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")


def _names(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def run(args: argparse.Namespace) -> int:
    project = open_project(args.project, NAME)
    docs = _names(args.docs)
    for doc_id in docs or []:
        if doc_id not in project.doc_ids():
            raise UsageError(f"--docs: no document {doc_id!r}")
    sources = _names(args.sources)
    for name in sources or []:
        problem = name_problem(name, "annotator name")
        if problem:
            raise UsageError(f"--from: {problem}")
    if (args.source == "model") != (args.model is not None):
        raise UsageError("--model DIR goes with --source model, and only with it")
    if args.source == "model" and args.sources:
        raise UsageError("--from is for the gazetteer; a model learned from what "
                         "`annotator train --from` named")
    if args.model is not None and not args.model.is_dir():
        raise UsageError(f"--model: {args.model}: no such folder")
    summary = suggest(project, args.source, docs, args.annotator, sources, args.model)
    if summary.dropped_labels:  # never silently: the model knows labels the project dropped
        labels = ", ".join(f"{name} ({count})"
                           for name, count in sorted(summary.dropped_labels.items()))
        print(f"annotator {NAME}: warning: {summary.dropped_unknown_labels} predicted span(s) "
              f"left out, their labels are not in the project: {labels}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        print(f"{summary.suggestions} suggestion(s) from {args.source} in "
              f"{summary.documents} document(s), in {project.root / 'suggestions' / args.source}")
    return 0
