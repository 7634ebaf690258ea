"""Loading and saving one annotator's work on one document inside a project.

This is the single path the window and the commands use to touch annotation
files: it ties :mod:`standoff` to the project layout, remembers the fingerprint
of what was read, and saves atomically only if the file is still that one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from annotator.core.annotations import AnnotationSet
from annotator.core.document import Document
from annotator.core.errors import AnnotatorError, ConflictError, Problem, WriteError
from annotator.core.project import Project
from annotator.core.safe_files import outside_problem, read_regular_file
from annotator.core.spans import STATUSES, Status
from annotator.io.atomic import ABSENT, atomic_write, fingerprint_bytes
from annotator.io.jsonfile import parse_json_bytes
from annotator.io.standoff import (
    UNPLACED_KEY,
    ReadResult,
    parse_annotations,
    serialize_annotations,
)

log = logging.getLogger(__name__)


@dataclass
class Loaded:
    """An annotation set with what is needed to save it back safely."""

    document: Document
    result: ReadResult
    fingerprint: str  # of the file as read, or ABSENT

    @property
    def annotations(self) -> AnnotationSet:
        return self.result.annotations


def load(project: Project, doc_id: str, annotator: str, document: Document | None = None) -> Loaded:
    """Read ``annotator``'s file for ``doc_id``, or start an empty set if there is none."""
    document = document or project.load_document(doc_id)
    path = project.annotation_path(doc_id, annotator)
    try:
        data = read_regular_file(path, project.root)
    except FileNotFoundError:
        aset = AnnotationSet(doc_id, document.text, annotator, project.label_names)
        return Loaded(document, ReadResult(aset), ABSENT)
    result = parse_annotations(data, document.text, source=str(path), doc_id=doc_id,
                               annotator=annotator, labels=project.label_names,
                               relation_types=project.relation_types())
    return Loaded(document, result, fingerprint_bytes(data))


def stamped_bytes(aset: AnnotationSet, now: datetime | None = None) -> bytes:
    """The file's bytes, with ``modified`` set to ``now`` (default: the current time)."""
    aset.modified = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return serialize_annotations(aset)


def save(project: Project, aset: AnnotationSet, expected: str | None,
         now: datetime | None = None) -> str:
    """Write ``aset`` to its place; returns the new fingerprint.

    Raises :class:`~annotator.core.errors.ConflictError` when the file on disk is
    not the one whose fingerprint is ``expected`` (checked under the folder's
    lock), :class:`~annotator.core.errors.WriteError` when it cannot be written.
    """
    path = project.annotation_path(aset.doc_id, aset.annotator)
    outside = outside_problem(path.parent, project.root) if path.parent.exists() else None
    if outside is not None:  # a linked folder must not carry a save out of the project
        raise WriteError(outside)
    data = stamped_bytes(aset, now)
    try:
        new = atomic_write(path, data, expected)
    except ConflictError:
        log.warning("conflict: %s changed on disk since it was read; not saved", path)
        raise
    log.info("saved %s (%d spans)", path, len(aset))
    return new


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows: status and span count of one annotator's file."""

    doc_id: str
    status: Status
    spans: int
    exists: bool
    unplaced: int = 0  # spans a stale file kept aside (still to place or discard)


def summary(project: Project, doc_id: str, annotator: str) -> DocumentSummary:
    """Status and span count without checking the file against the text (cheap)."""
    path = project.annotation_path(doc_id, annotator)
    try:
        raw = parse_json_bytes(read_regular_file(path, project.root), str(path))
    except FileNotFoundError:
        return DocumentSummary(doc_id, "new", 0, False)
    except OSError as exc:
        raise AnnotatorError(Problem("malformed-json", f"cannot read: {exc.strerror or exc}",
                                     file=str(path))) from None
    status = raw.get("status") if isinstance(raw, dict) else None
    spans = raw.get("spans") if isinstance(raw, dict) else None
    unplaced = raw.get(UNPLACED_KEY) if isinstance(raw, dict) else None
    return DocumentSummary(doc_id, status if status in STATUSES else "in_progress",
                           len(spans) if isinstance(spans, list) else 0, True,
                           len(unplaced) if isinstance(unplaced, list) else 0)

