"""``annotator import PROJECT --format FORMAT PATH``: other tools' annotations into a project.

A thin layer over :func:`annotator.io.importing.import_annotations`, which the
window's import dialog calls too; with ``--as-suggestions SOURCE``, over
:func:`annotator.io.import_suggestions.import_suggestions` (the source's spans,
or Label Studio's predictions, become ``suggestions/SOURCE/``). Exit status 1
when anything was refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from annotator.cli import UsageError, annotator_argument, flag, open_project, problem_text
from annotator.core.errors import Problem
from annotator.core.project import name_problem
from annotator.io.formats import IMPORTS
from annotator.io.importing import ImportOptions, ImportSummary, import_annotations

NAME = "import"
HELP = "bring annotations from brat, doccano or Label Studio (or a jsonl export) into a project"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "formats:\n" + "\n".join(
        f"  {f.name:<12} {f.description}\n  {'':<12} <- {f.files}" for f in IMPORTS)
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--format", required=True, choices=[f.name for f in IMPORTS])
    parser.add_argument("path", type=Path, help="the file or folder to import")
    parser.add_argument("--annotator", metavar="NAME", type=annotator_argument,
                        help="whose annotations these become (default: the annotator the "
                        "source names, else the format's name)")
    parser.add_argument("--add-labels", action="store_true",
                        help="add labels that are not in the project to project.json")
    parser.add_argument("--utf16-offsets", action="store_true",
                        help="read the source's offsets as UTF-16 code units")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite annotation files that already hold spans")
    parser.add_argument("--skip-bad", action="store_true",
                        help="import what passes the checks and list what does not")
    parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    parser.add_argument("--as-suggestions", metavar="SOURCE",
                        help="import as machine suggestions of SOURCE (suggestions/SOURCE/), "
                        "not as anybody's annotations; Label Studio predictions with scores")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem in ``--json`` output; with its hint as a flag when it has one."""
    value = problem.to_json()
    if problem.hint is not None:
        value["hint"] = flag(problem.hint)
    return value


def _as_suggestions(args: argparse.Namespace, options: ImportOptions) -> ImportSummary:
    """``--as-suggestions SOURCE``: :func:`annotator.io.import_suggestions.import_suggestions`."""
    from annotator.io.import_suggestions import import_suggestions

    problem = name_problem(args.as_suggestions, "suggestion source")
    if problem:
        raise UsageError(f"--as-suggestions: {problem}")
    for option in ("annotator", "add_labels", "replace"):
        if getattr(args, option):
            raise UsageError(f"{flag(option)} does not go with --as-suggestions (suggestions "
                             "are nobody's annotations, use the project's labels, and replace "
                             "the source's earlier ones)")
    return import_suggestions(open_project(args.project, NAME), options, args.as_suggestions)


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    if not args.path.exists():
        raise UsageError(f"{args.path}: no such file or folder")
    options = ImportOptions(args.format, args.path, args.annotator, args.add_labels,
                            args.utf16_offsets, args.replace, args.skip_bad, args.dry_run)
    if args.as_suggestions is not None:
        summary = _as_suggestions(args, options)
    else:
        summary = import_annotations(open_project(args.project, NAME), options)
    if args.json:
        print(json.dumps({
            "ok": summary.ok, "read": summary.read, "spans": summary.spans,
            "written": [{"doc_id": d, "annotator": a} for d, a in summary.written],
            "created": summary.created, "labels_added": summary.labels_added,
            "problems": [problem_json(p) for p in summary.problems],
            "warnings": [problem_json(p) for p in summary.warnings],
            "ignored": summary.ignored, "dry_run": summary.dry_run},
            ensure_ascii=False, indent=2))
    else:
        print("\n".join(summary.lines(problem_text, flag)))
        if args.as_suggestions is not None and summary.written and not summary.dry_run:
            print(f"(as suggestions of {args.as_suggestions}, in "
                  f"{args.project / 'suggestions' / args.as_suggestions}; nobody's annotations)")
    return 0 if summary.ok else 1
