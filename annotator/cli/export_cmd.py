"""``annotator export PROJECT --format FORMAT --out DIR``: training data out of a project.

A thin layer over :func:`annotator.io.exporting.export_project`, which the
window's export dialog calls too: this module only turns options into
:class:`~annotator.io.exporting.ExportOptions` and prints the summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import UsageError, annotator_argument, flag, open_project
from annotator.io.exporting import STATUS_FILTERS, ExportOptions, export_project, parse_split
from annotator.io.formats import EXPORTS

NAME = "export"
HELP = ("write a project's annotations as training data (jsonl, conll, brat, spacy, hf) or "
        "for doccano and Label Studio")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "formats:\n" + "\n".join(
        f"  {f.name:<12} {f.description}\n  {'':<12} -> {f.files}" for f in EXPORTS)
    parser.add_argument("project", type=Path, help="the project folder (only read)")
    parser.add_argument("--format", required=True, choices=[f.name for f in EXPORTS])
    parser.add_argument("--out", required=True, type=Path,
                        help="output folder: must be absent or empty (see --overwrite)")
    parser.add_argument("--annotator", metavar="NAME", type=annotator_argument,
                        help="whose annotations to export (default: gold; documents without "
                        "a gold file are refused, naming the annotators present)")
    parser.add_argument("--status", choices=STATUS_FILTERS, default="any",
                        help="export only documents with this status (default: any)")
    parser.add_argument("--split", metavar="NAME=FRACTION,...",
                        help="split by document, e.g. train=0.8,dev=0.1,test=0.1 "
                        "(default: one split named 'all')")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the deterministic document shuffle for --split")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the output folder when it holds an earlier export "
                        "(a folder with a .annotator-export file; any other non-empty folder "
                        "is refused)")
    parser.add_argument("--verbose", action="store_true", help="list every dropped span")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    try:
        split = parse_split(args.split) if args.split else ()
    except ValueError as exc:
        raise UsageError(f"--split: {exc}") from None
    if args.seed != 0 and not split:
        print("annotator export: note: --seed has no effect without --split", file=sys.stderr)
    options = ExportOptions(args.format, args.out, args.annotator, args.status, split, args.seed,
                            args.overwrite)
    summary = export_project(open_project(args.project, NAME), options)
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary.lines(-1 if args.verbose else 10, flag)))
    return 0
