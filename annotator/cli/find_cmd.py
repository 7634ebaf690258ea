"""``annotator find PROJECT QUERY``: every whole-word match of a word, normalised, clitic-aware.

Prints ``doc<TAB>start<TAB>end<TAB>text`` lines (code points), sorted by
document then start; ``--json`` prints ``{"query", "matches": [{"doc",
"start", "end", "text"}]}``. With ``--label L --annotator NAME`` it adds a span
for every match NAME does not already have with label L, through the same
edits and conflict-checked saves as the window (one save per file), and says
how many spans it added in how many files; ``--dry-run`` only says it.
Matching is :func:`annotator.core.search.find_matches`; finding in a project
and labelling the matches is :mod:`annotator.io.label_all`, which the
window's find bar uses too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator.cli import UsageError, annotator_argument, doc_id_argument, open_project
from annotator.core.project import Project
from annotator.io.label_all import Match, find_in_project
from annotator.io.label_all import label_all as label_matches

NAME = "find"
HELP = "find a word in every document (normalised Arabic, proclitics allowed); label all"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("query", help="the word or words to find")
    parser.add_argument("--doc", type=doc_id_argument, metavar="DOC_ID",
                        help="only this document")
    parser.add_argument("--exact", action="store_true",
                        help="compare characters as stored (no normalisation)")
    parser.add_argument("--label", help="add a span with this label for every match")
    parser.add_argument("--annotator", type=annotator_argument, metavar="NAME",
                        help="whose file the spans go to (with --label)")
    parser.add_argument("--dry-run", action="store_true", help="with --label: write nothing")
    parser.add_argument("--json", action="store_true", help="print JSON")


def matches(project: Project, query: str, doc: str | None, exact: bool) -> list[dict[str, Any]]:
    return [m.as_dict() for m in find_in_project(project, query, [doc] if doc else None, exact)]


def label_all(project: Project, found: list[dict[str, Any]], label: str, annotator: str,
              dry_run: bool) -> tuple[list[dict[str, Any]], int, list[str]]:
    """(spans added, files written, problems) for ``found`` matches."""
    result = label_matches(project, [Match(m["doc"], m["start"], m["end"], m["text"])
                                     for m in found], label, annotator, dry_run)
    added = [{"doc": doc_id, "id": span.id, "start": span.start, "end": span.end,
              "label": label, "text": span.text} for doc_id, span in result.added]
    return added, result.written, result.problems


def run(args: argparse.Namespace) -> int:
    if args.label is not None and args.annotator is None:
        raise UsageError("--label needs --annotator (whose file the spans go to)")
    if args.dry_run and args.label is None:
        raise UsageError("--dry-run goes with --label")
    project = open_project(args.project, NAME)
    if args.label is not None and args.label not in project.label_names:
        raise UsageError(f"label {args.label!r} is not one of the project's labels "
                         f"({', '.join(sorted(project.label_names))})")
    if args.doc is not None and args.doc not in project.doc_ids():
        raise UsageError(f"no document {args.doc!r} in {args.project}")
    found = matches(project, args.query, args.doc, args.exact)
    if args.label is None:
        if args.json:
            print(json.dumps({"query": args.query, "matches": found}, ensure_ascii=False,
                             indent=2))
        else:
            for m in found:
                print(f"{m['doc']}\t{m['start']}\t{m['end']}\t{m['text']}")
            print(f"{len(found)} match(es)", file=sys.stderr)
        return 0
    added, files, problems = label_all(project, found, args.label, args.annotator, args.dry_run)
    if args.json:
        print(json.dumps({"query": args.query, "added": added, "files": files},
                         ensure_ascii=False, indent=2))
    else:
        verb = "would add" if args.dry_run else "added"
        print(f"{verb} {len(added)} span(s) in {files} file(s) ({len(found)} match(es); "
              f"{len(found) - len(added)} already labelled {args.label})")
    for problem in problems:
        print(f"annotator find: {problem}", file=sys.stderr)
    return 1 if problems else 0
