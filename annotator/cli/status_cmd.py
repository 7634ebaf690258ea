"""``annotator status PROJECT``: the coordinator's view of a team's progress.

Per annotator: documents assigned, and of those how many are new, in
progress and done; then the agreement (F1 exact and kappa, pairwise) on the
documents annotated twice and done by both, so far. Annotators are those of
``project.json`` ``assignments`` and those with a folder under
``annotations/``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.cli import UsageError, open_project
from annotator.cli.agreement_cmd import load_documents
from annotator.cli.terminal import table
from annotator.core.agreement import compute_agreement
from annotator.core.project import Project
from annotator.io.store import summary

NAME = "status"
HELP = "per annotator: documents assigned, new, in progress, done; agreement on the overlap"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def team_status(project: Project) -> dict[str, Any]:
    raw = project.extra.get("assignments")
    assignments: dict[str, list[str]] = raw if isinstance(raw, dict) else {}
    doc_ids = project.doc_ids()
    names = list(dict.fromkeys([*assignments, *project.annotators()]))
    rows: dict[str, dict[str, int]] = {}
    for name in names:
        docs = assignments.get(name) or project.annotated_doc_ids(name)
        counts = Counter(summary(project, d, name).status for d in docs if d in doc_ids)
        rows[name] = {"assigned": len(assignments.get(name, [])), "new": counts["new"],
                      "in_progress": counts["in_progress"], "done": counts["done"]}
    pairs = []
    twice = [name for name in names if rows[name]["done"]]
    documents = load_documents(project, twice, "done") if len(twice) >= 2 else []
    if documents:
        agreement = compute_agreement(documents, twice, [label.name for label in project.labels])
        pairs = [{"a": p.a, "b": p.b, "documents": p.documents, "f1_exact": p.f1_exact,
                  "kappa": p.kappa} for p in agreement.pairs if p.documents]
    return {"annotators": rows, "overlap_agreement": pairs}


def run(args: argparse.Namespace) -> int:
    if not args.project.is_dir():
        raise UsageError(f"{args.project}: no such project folder")
    status = team_status(open_project(args.project, NAME))
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
