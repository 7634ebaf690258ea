"""What review mode reads and sums up: annotators' files, whom to compare, the agreement line.

Kept apart from the controller (:mod:`annotator.ui.review`) because none of it
needs a widget: reading every annotator's file for a document (broken files
are left out and said so, stale ones are used re-anchored), choosing whom to
compare by default, the gold notes an annotator should see, and the one-line
agreement summary for the status bar, computed by
:func:`annotator.core.agreement.document_agreement` on exactly the spans the
review list shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from annotator.core.agreement import document_agreement
from annotator.core.document import Document
from annotator.core.errors import AnnotatorError
from annotator.core.project import GOLD, Project
from annotator.core.spans import Span
from annotator.io import store


def load_annotators(project: Project, doc_id: str) -> tuple[dict[str, list[Span]], list[str]]:
    """Each annotator's spans on ``doc_id`` (those with a usable file), and what went wrong."""
    spans: dict[str, list[Span]] = {}
    problems: list[str] = []
    for name in project.annotators():
        if name == GOLD or not project.annotation_path(doc_id, name).is_file():
            continue
        try:
            loaded = store.load(project, doc_id, name)
        except AnnotatorError as exc:
            problems.append(f"{name}: {exc.problem.message}")
            continue
        if not loaded.result.openable:
            problems.append(f"{name}'s file has problems and is left out "
                            "(run 'annotator validate')")
            continue
        if loaded.result.stale:
            problems.append(f"{name}'s file was made on an older text: its spans are "
                            "re-anchored")
        spans[name] = loaded.annotations.spans()
    if not spans:
        problems.insert(0, f"No annotator has annotated {doc_id} yet: nothing to compare.")
    return spans, problems


def default_choice(names: Sequence[str], wanted: tuple[str | None, Sequence[str]]
                   ) -> tuple[str | None, list[str]]:
    """Whom to compare: what was wanted if these annotators are here, else A = the first
    annotator and B = all the others (gold when there is no other).

    >>> default_choice(["amal", "omar"], (None, []))
    ('amal', ['omar'])
    >>> default_choice(["omar"], ("amal", ["omar"]))
    ('omar', ['gold'])
    """
    reference, others = wanted
    if reference not in names:
        reference = names[0] if names else None
    kept = [n for n in others if (n in names or n == GOLD) and n != reference]
    return reference, kept or [n for n in names if n != reference] or [GOLD]


def gold_notes(project: Project, doc_id: str, document: Document) -> list[Span]:
    """Gold spans of ``doc_id`` that carry a reviewer's note (none if gold is unusable)."""
    if not project.annotation_path(doc_id, GOLD).is_file():
        return []
    try:
        loaded = store.load(project, doc_id, GOLD, document)
    except AnnotatorError:
        return []
    if not loaded.result.openable:
        return []
    return [span for span in loaded.annotations.spans() if span.note]


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def agreement_line(text: str, spans: Mapping[str, Sequence[Span]], labels: Sequence[str],
                   doc_id: str) -> tuple[str, str]:
    """The status bar's agreement summary for one document, and a line per pair for its tooltip.

    Two annotators: exact and overlap F1, Cohen's kappa and Krippendorff's alpha;
    more: alpha over all of them and F1 micro-averaged over their pairs.
    """
    names = list(spans)
    if len(names) < 2:
        return "Pick annotators to compare", ""
    doc = document_agreement(text, spans, labels, doc_id).per_document[0]
    head = f"{names[0]} ↔ {names[1]}" if len(names) == 2 else f"{len(names)} annotators"
    line = f"{head}: F1 {_figure(doc.f1_exact)} · overlap {_figure(doc.f1_overlap)}"
    if len(names) == 2:
        line += f" · κ {_figure(doc.pairs[(names[0], names[1])].kappa)}"
    pairs = "\n".join(
        f"{a} ↔ {b}: F1 {_figure(p.f1_exact)}, overlap F1 {_figure(p.f1_overlap)}, "
        f"κ {_figure(p.kappa)} ({p.exact_matches} identical of {p.a_count} / {p.b_count})"
        for (a, b), p in doc.pairs.items())
    return f"{line} · α {_figure(doc.alpha)}", pairs
