"""Find a word in a project's documents and label every match (``annotator find``, the window).

Matching is :func:`annotator.core.search.find_matches` (whole words,
normalised, proclitics left out). Labelling adds a span for each match that
does not already carry the label, as core edits (:func:`additions` makes
them with fresh ids, none applied yet), so the window pushes them as one
undo step on the open document; for the other documents :func:`label_file`
loads the annotator's file, applies them as one :class:`Batch` and saves it
through :func:`annotator.io.store.save`, which refuses, under the folder's
lock, to overwrite a file that changed since it was read. A refused or
unreadable file is reported and left as it was; the others are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan, Batch, Edit, SetStatus
from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.search import find_matches
from annotator.core.spans import Span, id_number
from annotator.io import store

CONTEXT_CHARS = 30  # around a match in a preview
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    """A whole-word match of the query: code points into document ``doc``."""

    doc: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


def matches_in(doc_id: str, text: str, query: str, exact: bool = False) -> list[Match]:
    """Every match of ``query`` in one document's ``text``."""
    return [Match(doc_id, s, e, text[s:e]) for s, e in find_matches(text, query, exact)]


def find_in_project(project: Project, query: str, doc_ids: Iterable[str] | None = None,
                    exact: bool = False, texts: dict[str, str] | None = None) -> list[Match]:
    """Matches in ``doc_ids`` (default: every document), sorted by document then start.

    ``texts``: documents' texts already in memory (the open one), by id.
    """
    found: list[Match] = []
    for doc_id in project.doc_ids() if doc_ids is None else doc_ids:
        text = texts[doc_id] if texts and doc_id in texts else project.load_document(doc_id).text
        found += matches_in(doc_id, text, query, exact)
    return found


def context(text: str, start: int, end: int,
            chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """The text before a match, the match, and after it, on one line (for previews).

    Line breaks and runs of white space become one space; a proclitic glued to
    the match stays glued.

    >>> context("قال:\\n وكيم سعيد", 7, 10, chars=6)
    ('…ال: و', 'كيم', ' سعيد')
    """
    def flat(piece: str) -> str:
        return _SPACES.sub(" ", piece)
    before = text[max(0, start - chars):start]
    after = text[end:end + chars]
    return (("…" if start > chars else "") + flat(before).lstrip(), flat(text[start:end]),
            flat(after).rstrip() + ("…" if end + chars < len(text) else ""))


def fresh_ids(aset: AnnotationSet, count: int) -> list[str]:
    """``count`` span ids no span of ``aset`` (nor kept aside) has, counting up like writers."""
    taken = {span.id for span in aset.unplaced}
    number = id_number(aset.new_span_id()) or 1
    ids: list[str] = []
    while len(ids) < count:
        candidate = f"T{number}"
        if candidate not in aset and candidate not in taken:
            ids.append(candidate)
        number += 1
    return ids


def additions(aset: AnnotationSet, bounds: Iterable[tuple[int, int]], label: str) -> list[Span]:
    """New spans with ``label`` over ``bounds``, skipping those already labelled so (not applied).

    >>> aset = AnnotationSet("d", "كيم وكيم", "amal", frozenset({"entity"}))
    >>> [(s.id, s.start, s.text) for s in additions(aset, [(0, 3), (5, 8), (0, 3)], "entity")]
    [('T1', 0, 'كيم'), ('T2', 5, 'كيم')]
    """
    wanted: dict[tuple[int, int], None] = {}  # in order, each once
    for start, end in bounds:
        if (start, end) not in wanted and aset.find(start, end, label) is None:
            wanted[start, end] = None
    ids = fresh_ids(aset, len(wanted))
    return [Span(span_id, start, end, label, aset.text[start:end])
            for span_id, (start, end) in zip(ids, wanted, strict=True)]


def label_edit(aset: AnnotationSet, spans: Sequence[Span], description: str,
               reopen: bool = False) -> Edit | None:
    """One edit adding ``spans`` (None if there are none).

    ``reopen``: a ``new`` or ``done`` document is marked ``in_progress`` in the
    same edit, as the window does when a document is edited.
    """
    if not spans:
        return None
    edits: list[Edit] = [AddSpan(span) for span in spans]
    if reopen and aset.status != "in_progress":
        edits.append(SetStatus(aset.status, "in_progress"))
    return Batch(tuple(edits), description)


@dataclass
class FileOutcome:
    """What labelling did to one annotation file."""

    doc: str
    added: list[Span] = field(default_factory=list)
    problem: str | None = None  # why nothing was written
    reopened: bool = False  # its status went from done to in progress
    edit: Edit | None = None  # the edit applied (and written, unless a dry run)
    previous: str | None = None  # the fingerprint of the file as read
    fingerprint: str | None = None  # of the file as written
    text_sha256: str | None = None  # of the document's text


def label_file(project: Project, doc_id: str, annotator: str, bounds: Iterable[tuple[int, int]],
               label: str, dry_run: bool = False, reopen: bool = False,
               description: str = "Label all") -> FileOutcome:
    """Add ``label`` over ``bounds`` to ``annotator``'s file for ``doc_id``: one checked save.

    Nothing is written when the file cannot be read or changed on disk since
    it was read (``problem`` says why), nor on a ``dry_run``.
    """
    outcome = FileOutcome(doc_id)
    try:
        loaded = store.load(project, doc_id, annotator)
    except AnnotatorError as exc:
        outcome.problem = str(exc.problem)
        return outcome
    if not loaded.result.openable:
        outcome.problem = "; ".join(str(p) for p in loaded.result.problems)
        return outcome
    aset = loaded.annotations
    outcome.previous, outcome.text_sha256 = loaded.fingerprint, loaded.document.sha256
    spans = additions(aset, bounds, label)
    was = aset.status
    edit = label_edit(aset, spans, description, reopen)
    if edit is None:
        return outcome
    outcome.added, outcome.edit = spans, edit
    outcome.reopened = reopen and was == "done"
    if dry_run:
        return outcome
    edit.apply(aset)
    try:
        outcome.fingerprint = store.save(project, aset, loaded.fingerprint)
    except AnnotatorError as exc:  # changed on disk since it was read (ConflictError), a full disk
        edit.inverse().apply(aset)
        outcome.added, outcome.edit, outcome.reopened = [], None, False
        outcome.problem = str(exc.problem)
    return outcome


@dataclass
class Labelled:
    """What labelling every match did: per file, in document order."""

    files: list[FileOutcome] = field(default_factory=list)

    @property
    def added(self) -> list[tuple[str, Span]]:
        return [(f.doc, span) for f in self.files for span in f.added]

    @property
    def written(self) -> int:
        """Files with spans added (that would be, on a dry run)."""
        return sum(bool(f.added) for f in self.files)

    @property
    def problems(self) -> list[str]:
        return [f.problem for f in self.files if f.problem is not None]


def by_document(found: Iterable[Match]) -> dict[str, list[tuple[int, int]]]:
    """Matches grouped by document (in the order they come), as bounds."""
    grouped: dict[str, list[tuple[int, int]]] = {}
    for match in found:
        grouped.setdefault(match.doc, []).append((match.start, match.end))
    return grouped


def label_all(project: Project, found: Iterable[Match], label: str, annotator: str,
              dry_run: bool = False, reopen: bool = False) -> Labelled:
    """:func:`label_file` for each document with matches: one save per file."""
    result = Labelled()
    for doc_id, bounds in by_document(found).items():
        result.files.append(label_file(project, doc_id, annotator, bounds, label, dry_run,
                                       reopen))
    return result
