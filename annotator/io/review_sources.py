"""What review mode reads: every annotator's work on a document, whom to compare, gold's notes.

Kept apart from the window's review controller because none of it needs a
widget: reading every annotator's file for a document (spans and relations,
as a :class:`~annotator.core.differences.Work`; broken files are left
out and said so, stale ones are used re-anchored), choosing whom to compare by
default, the gold notes an annotator should see, and the document's agreement
figures (:func:`annotator.core.agreement.document_agreement`, on exactly the
spans the review list shows). What goes wrong is returned as codes with the
reader's own message; the window words it for people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from annotator.core.agreement import DocumentFigures, document_agreement
from annotator.core.differences import Work
from annotator.core.document import Document
from annotator.core.errors import AnnotatorError
from annotator.core.project import GOLD, Project
from annotator.core.spans import Span
from annotator.io import store

# unreadable: not JSON, not a file of this format; has-problems: read, but not
# openable (run 'annotator validate'); stale: made on an older text, re-anchored
SourceIssue = Literal["unreadable", "has-problems", "stale"]


@dataclass(frozen=True)
class SourceNote:
    """Something the reviewer should know about one annotator's file."""

    annotator: str
    issue: SourceIssue
    message: str = ""  # the reader's own words, for "unreadable"


def load_annotators(project: Project, doc_id: str
                    ) -> tuple[dict[str, Work], list[SourceNote]]:
    """Each annotator's spans and relations on ``doc_id`` (those with a usable file), and
    what to tell.

    Gold is never among them: review mode edits gold in the window.
    """
    spans: dict[str, Work] = {}
    notes: list[SourceNote] = []
    for name in project.annotators():
        if name == GOLD or not project.annotation_path(doc_id, name).is_file():
            continue
        try:
            loaded = store.load(project, doc_id, name)
        except AnnotatorError as exc:
            notes.append(SourceNote(name, "unreadable", exc.problem.message))
            continue
        if not loaded.result.openable:
            notes.append(SourceNote(name, "has-problems"))
            continue
        if loaded.result.stale:
            notes.append(SourceNote(name, "stale"))
        spans[name] = Work(loaded.annotations.spans(), loaded.annotations.relations())
    return spans, notes


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


def document_figures(text: str, spans: Mapping[str, Sequence[Span]], labels: Sequence[str],
                     doc_id: str) -> DocumentFigures | None:
    """The agreement between the annotators of ``spans`` on one document (None: fewer than 2).

    Two annotators: exact and overlap F1, Cohen's kappa and Krippendorff's alpha;
    more: alpha over all of them, F1 micro-averaged over their pairs, and each pair.
    """
    if len(spans) < 2:
        return None
    return document_agreement(text, spans, labels, doc_id).per_document[0]
