"""``annotator status PROJECT``: the coordinator's view of a team's progress.

Per annotator: documents assigned, and of those how many are new, in
progress and done; then the agreement (F1 exact and kappa, pairwise) on the
documents annotated twice and done by both, so far. Annotators are those of
``project.json`` ``assignments`` and those with a folder under
``annotations/``. The figures are :func:`annotator.io.team.team_status`'s
(the window's Project > Team status shows the same).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import UsageError, open_project
from annotator.cli.terminal import table
from annotator.core.errors import Problem
from annotator.io.team import team_status

NAME = "status"
HELP = "per annotator: documents assigned, new, in progress, done; agreement on the overlap"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def _warn(problem: Problem) -> None:
    print(f"annotator status: warning: {problem}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    status = team_status(open_project(args.project, NAME), _warn)
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
        return 0
    rows = [["annotator", "assigned", "new", "in progress", "done"]]
    rows += [[name, str(r["assigned"]), str(r["new"]), str(r["in_progress"]), str(r["done"])]
             for name, r in status["annotators"].items()]
    print(table(rows, (False, True, True, True, True)))
    pairs = status["overlap_agreement"]
    if pairs:
        print("\nagreement on documents both annotated and marked done:")
        rows = [["a", "b", "documents", "F1 exact", "kappa"]]
        rows += [[p["a"], p["b"], str(p["documents"]), _figure(p["f1_exact"]),
                  _figure(p["kappa"])] for p in pairs]
        print(table(rows, (False, False, True, True, True)))
    else:
        print("\nno document annotated twice and done by both yet: no agreement to show")
    return 0


def _figure(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"
