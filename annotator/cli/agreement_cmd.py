"""``annotator agreement PROJECT``: how far annotators agree, as a table, JSON or an HTML report.

Reads every annotation file of the chosen annotators (optionally only those
with a given status), keeps the documents that at least two of them annotated,
and prints the figures of :mod:`annotator.core.agreement`. A file that breaks
the format stops the command (agreement on damaged data would mislead); a
stale file is used re-anchored, with a warning, as the window would open it.

``--suggestions SOURCE,...`` measures machine suggestions instead: each
source's precision and recall against the annotators' done work
(:mod:`annotator.core.suggestion_scores`, read by
:mod:`annotator.io.suggestion_quality`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli import UsageError, open_project
from annotator.cli.terminal import table
from annotator.core.agreement import (
    Agreement,
    AgreementTally,
    AnnotatedDocument,
    compute_agreement,
)
from annotator.core.errors import Problem
from annotator.core.project import GOLD, Project, name_problem
from annotator.core.spans import STATUSES
from annotator.io.outputs import check_output_file
from annotator.io.parallel import collection_paused
from annotator.io.report_html import write_report
from annotator.io.suggestion_quality import score_sources, suggestion_sources
from annotator.io.team import agreement_tally, annotated_documents

NAME = "agreement"
HELP = "agreement between annotators: F1, Cohen's kappa, Krippendorff's alpha (table, JSON, HTML)"
LOWEST = 5
INDENTED_UP_TO = 1000  # documents: --json prints more on one line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")
    parser.add_argument("--annotators", metavar="A,B,...",
                        help="comma-separated annotators to compare (default: all but gold; "
                        "'gold' may be named)")
    parser.add_argument("--status", choices=STATUSES,
                        help="count only annotation files with this status")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as JSON (indented; on one line beyond "
                        f"{INDENTED_UP_TO} documents)")
    parser.add_argument("--report", type=Path, metavar="FILE.html",
                        help="also write a self-contained HTML report with charts (never "
                        "into project data; an existing file only with --overwrite)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the --report file if it exists")
    parser.add_argument("--suggestions", metavar="SOURCE,...",
                        help="instead: each suggestion source's precision and recall against "
                        "the annotators' done work (exact start, end and label); a comparison "
                        "is one document with one annotator's done file, and suggested, final "
                        "and matched spans are counted over comparisons")
    parser.add_argument("--visual", action="store_true",
                        help="shape Arabic names and labels and put them in display order, for "
                        "terminals that do neither (not with --json)")


def chosen_annotators(project: Project, asked: str | None) -> list[str]:
    known = project.annotators(include_gold=True)
    if asked is None:
        return [name for name in known if name != GOLD]
    names = list(dict.fromkeys(name.strip() for name in asked.split(",") if name.strip()))
    for name in names:
        problem = name_problem(name, "annotator name")
        if problem:
            raise UsageError(f"--annotators: {problem}")
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UsageError(f"unknown annotator(s): {', '.join(unknown)} "
                         f"(this project has: {', '.join(known) or 'none'})")
    if len(names) < 2:
        raise UsageError("--annotators needs at least two names")
    return names


def load_documents(project: Project, annotators: list[str],
                   status: str | None) -> list[AnnotatedDocument]:
    """The documents at least two of ``annotators`` annotated (with that status, if given).

    Read on every core by :func:`annotator.io.team.annotated_documents`; a file
    that breaks the format stops the command with every such problem listed, a
    stale one is used re-anchored with a warning.
    """
    def warn(problem: Problem) -> None:
        print(f"annotator agreement: warning: {problem}", file=sys.stderr)

    return annotated_documents(project, annotators, status, warn)


def count_documents(project: Project, annotators: list[str],
                    status: str | None) -> AgreementTally:
    """The agreement counts of the documents :func:`load_documents` would read (warnings
    and problems alike), counted by the processes that read them."""
    def warn(problem: Problem) -> None:
        print(f"annotator agreement: warning: {problem}", file=sys.stderr)

    return agreement_tally(project, annotators, status, warn)


def _figure(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"


def render_table(agreement: Agreement, status: str | None, visual: bool = False) -> str:
    """The readable output: pairs, labels, and the documents with the lowest agreement."""
    scope = f", status {status}" if status else ""
    lines = [f"{len(agreement.annotators)} annotators, {agreement.documents} document(s) "
             f"annotated by at least two{scope}",
             f"Krippendorff's alpha (tokens, all annotators): {_figure(agreement.alpha)}", ""]
    rows = [["a", "b", "documents", "F1 exact", "F1 overlap", "kappa"]]
    rows += [[p.a, p.b, str(p.documents), _figure(p.f1_exact), _figure(p.f1_overlap),
              _figure(p.kappa)] for p in agreement.pairs]
    lines += [table(rows, (False, False, True, True, True, True), visual), ""]
    rows = [["label", "a", "b", "spans a", "spans b", "F1 exact", "F1 overlap", "kappa", "alpha"]]
    for label in agreement.labels:
        for index, pair in enumerate(agreement.pairs):
            f = pair.per_label[label]
            alpha = _figure(agreement.alpha_per_label[label]) if index == 0 else ""
            rows.append([label if index == 0 else "", pair.a, pair.b, str(f.a_count),
                         str(f.b_count), _figure(f.f1_exact), _figure(f.f1_overlap),
                         _figure(f.kappa), alpha])
    lines += [table(rows, (False, False, False, True, True, True, True, True, True), visual), ""]
    lowest = agreement.lowest(LOWEST)
    lines.append(f"Lowest agreement ({len(lowest)} of {agreement.documents}):")
    rows = [["document", "annotators", "alpha", "F1 exact"]]
    rows += [[d.id, ",".join(d.annotators), _figure(d.alpha), _figure(d.f1_exact)]
             for d in lowest]
    lines.append(table(rows, (False, False, True, True), visual))
    return "\n".join(lines)


def run_suggestions(args: argparse.Namespace) -> int:
    """``--suggestions``: :func:`~annotator.io.suggestion_quality.score_sources`, table or JSON."""
    if args.status or args.report:
        raise UsageError("--suggestions compares with done work only and writes no report")
    project = open_project(args.project, NAME)
    sources = list(dict.fromkeys(s.strip() for s in args.suggestions.split(",") if s.strip()))
    unknown = [s for s in sources if s not in suggestion_sources(project)]
    if not sources or unknown:
        raise UsageError(f"no suggestions from {', '.join(unknown) or '(none named)'} "
                         f"(this project has: {', '.join(suggestion_sources(project)) or 'none'})")
    annotators = None
    if args.annotators:
        annotators = [a.strip() for a in args.annotators.split(",") if a.strip()]
        missing = [a for a in annotators if a not in project.annotators()]
        if missing:
            raise UsageError(f"unknown annotator(s): {', '.join(missing)}")

    def warn(problem: Problem) -> None:
        print(f"annotator agreement: warning: {problem}", file=sys.stderr)

    scores = score_sources(project, sources, annotators, warn)
    if args.json:
        print(json.dumps({"suggestions": [s.to_json() for s in scores]}, ensure_ascii=False,
                         indent=2))
        return 0
    rows = [["source", "label", "documents", "comparisons", "suggested", "final", "matched",
             "precision", "recall", "F1"]]
    for score in scores:
        for label, counts in [("(all)", score.total), *sorted(score.by_label.items())]:
            data = counts.to_json()
            rows.append([score.source if label == "(all)" else "", label,
                         str(score.documents) if label == "(all)" else "",
                         str(score.comparisons) if label == "(all)" else "",
                         str(data["suggested"]), str(data["final"]), str(data["matched"]),
                         _figure(counts.precision), _figure(counts.recall), _figure(counts.f1)])
    print(table(rows, (False, False, True, True, True, True, True, True, True, True),
                args.visual))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.visual and args.json:
        raise UsageError("--visual is for reading in a terminal; JSON stays in logical order")
    if args.suggestions is not None:
        return run_suggestions(args)
    # what is made from here on is kept until the figures are out: the collector would
    # only walk it again and again (a second over 100,000 documents)
    with collection_paused():
        return _run_agreement(args)


def _run_agreement(args: argparse.Namespace) -> int:
    """The figures of the annotators asked, as a table, JSON and/or the HTML report."""
    expected = check_output_file(args.report, args.overwrite) if args.report else None
    project = open_project(args.project, NAME)
    annotators = chosen_annotators(project, args.annotators)
    labels = [label.name for label in project.labels]
    documents: list[AnnotatedDocument] = []
    if len(annotators) < 2:
        counted = 0
    elif args.report is not None:  # the report shows the documents themselves
        documents = load_documents(project, annotators, args.status)
        counted = len(documents)
    else:  # only counts: counted where the files are read, on every core
        tally = count_documents(project, annotators, args.status)
        counted = tally.documents
    if not counted:
        scope = f" with status {args.status}" if args.status else ""
        print(f"annotator agreement: no document was annotated by at least two of "
              f"{', '.join(annotators) or 'the annotators'}{scope}: nothing to compare",
              file=sys.stderr)
        return 1
    agreement = compute_agreement(documents, annotators, labels) if documents \
        else tally.result(labels)
    if args.report is not None:
        fonts = _report_fonts()
        write_report(args.report, agreement, documents, title=project.name,
                     colors={label.name: label.color for label in project.labels},
                     status=args.status, fonts=fonts, expected=expected)
        print(f"annotator agreement: report written to {args.report}", file=sys.stderr)
    if args.json:
        print(json_text(agreement))
    else:
        print(render_table(agreement, args.status, args.visual))
    return 0


def json_text(agreement: Agreement) -> str:
    """``--json``'s output: indented for reading, on one line beyond :data:`INDENTED_UP_TO`
    documents (the same JSON: Python's indenting encoder is pure Python, three times slower
    than the one-line one)."""
    indent = 2 if agreement.documents <= INDENTED_UP_TO else None
    return json.dumps(agreement.to_json(), ensure_ascii=False, indent=indent)


def _report_fonts() -> list[bytes]:
    """The bundled Arabic font, embedded so the report reads the same on any machine."""
    from annotator.resources_path import resource_path

    try:
        return [resource_path("fonts/NotoNaskhArabic-Regular.ttf").read_bytes()]
    except OSError:
        return []
