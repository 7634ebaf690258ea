"""``annotator assign PROJECT --annotators a,b,c --overlap 0.2``: hand out documents.

Writes ``assignments`` in ``project.json`` (FORMAT.md section 2) with
:func:`annotator.core.assignments.assign`: every document goes to one
annotator, a share ``--overlap`` of them to two (for agreement). On a project
that already has assignments only documents not yet assigned are placed,
unless ``--reassign``. project.json is replaced atomically and only if nobody
changed it meanwhile.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from annotator.cli import UsageError, open_project
from annotator.core.assignments import assign
from annotator.core.project import name_problem
from annotator.io.atomic import fingerprint
from annotator.io.project_file import write_project

NAME = "assign"
HELP = "assign documents to annotators (project.json 'assignments'), a share of them twice"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--annotators", required=True, metavar="A,B,...",
                        help="comma-separated annotator names")
    parser.add_argument("--overlap", type=float, default=0.0, metavar="SHARE",
                        help="share of documents annotated by two annotators (0 to 1; "
                        "default 0)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the deterministic shuffle")
    parser.add_argument("--reassign", action="store_true",
                        help="assign every document afresh (default: place only new ones)")


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    names = list(dict.fromkeys(n.strip() for n in args.annotators.split(",") if n.strip()))
    for name in names:
        problem = name_problem(name, "annotator name")
        if problem:
            raise UsageError(f"--annotators: {problem}")
    expected = fingerprint(Path(args.project) / "project.json")
    project = open_project(args.project, NAME)
    existing = project.extra.get("assignments") if not args.reassign else None
    try:
        assigned = assign(project.doc_ids(), names, args.overlap, args.seed,
                          existing if isinstance(existing, dict) else None)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    write_project(replace(project, extra={**project.extra, "assignments": assigned}), expected)
    total = len(set().union(*map(set, assigned.values())))
    for name, docs in assigned.items():
        print(f"{name}: {len(docs)} document(s)")
    print(f"{total} document(s) assigned; written to {project.project_file}")
    return 0
