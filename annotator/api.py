"""The public Python API: read and write a project from a script or a training pipeline.

A small, typed facade over the same core and io the command line and the
window use, with the same guarantees: offsets are Unicode code points into
the unchanged text, every change is checked against the format, saves are
atomic and refused (:class:`ConflictError`) when the file changed since it
was loaded, and bad data raises :class:`AnnotatorError` with ``.problems``
(each with ``code``, ``message``, ``file`` and ``span``)::

    from annotator.api import open_project

    project = open_project("my-project")
    work = project.load("amal", project.documents()[0])
    work.add_span(0, 4, "entity")
    project.save(work)
"""

from __future__ import annotations

from pathlib import Path

from annotator.core import edits
from annotator.core.annotations import AnnotationSet
from annotator.core.errors import AnnotatorError, ConflictError, Problem
from annotator.core.project import GOLD
from annotator.core.project import Project as _CoreProject
from annotator.core.spans import STATUSES, Relation, Span, Status
from annotator.io import project_file, store

__all__ = [
    "GOLD",
    "Annotations",
    "AnnotatorError",
    "ConflictError",
    "Problem",
    "Project",
    "Relation",
    "Span",
    "open_project",
]


class Annotations:
    """One annotator's spans on one document, as loaded; change them, then ``Project.save``."""

    def __init__(self, loaded: store.Loaded) -> None:
        self._loaded = loaded

    @property
    def doc_id(self) -> str:
        return self._set.doc_id

    @property
    def annotator(self) -> str:
        return self._set.annotator

    @property
    def text(self) -> str:
        """The document's text (offsets point into it)."""
        return self._set.text

    @property
    def status(self) -> Status:
        return self._set.status

    @status.setter
    def status(self, value: Status) -> None:
        if value not in STATUSES:
            raise AnnotatorError(Problem("bad-status", f"status {value!r} is not one of "
                                         f"{', '.join(STATUSES)}", field="status"))
        edits.SetStatus(self._set.status, value).apply(self._set)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The spans, in file order ``(start, end, label, id)``."""
        return tuple(self._set.spans())

    @property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(self._set.relations())

    def add_span(self, start: int, end: int, label: str, note: str | None = None) -> str:
        """Add ``text[start:end]`` as ``label``; returns the new span's id.

        Raises :class:`AnnotatorError` when the span breaks the format (offsets
        outside the text, a label the project does not have, a duplicate).
        """
        span = self._set.make_span(start, end, label, note)
        edits.AddSpan(span).apply(self._set)
        return span.id

    def remove_span(self, span_id: str) -> None:
        """Remove a span and the relations that use it; KeyError for an unknown id."""
        edits.remove_span(self._set, span_id).apply(self._set)

    @property
    def _set(self) -> AnnotationSet:
        return self._loaded.annotations


class Project:
    """A project folder: its documents, labels and every annotator's files."""

    def __init__(self, project: _CoreProject) -> None:
        self._project = project

    @property
    def path(self) -> Path:
        return self._project.root

    @property
    def name(self) -> str:
        return self._project.name

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label.name for label in self._project.labels)

    def documents(self) -> list[str]:
        """Document ids, in the order every export uses."""
        return self._project.doc_ids()

    def annotators(self, include_gold: bool = False) -> list[str]:
        return self._project.annotators(include_gold)

    def text(self, doc_id: str) -> str:
        return self._project.load_document(doc_id).text

    def load(self, annotator: str, doc_id: str) -> Annotations:
        """``annotator``'s work on ``doc_id`` (empty when there is no file yet).

        A file whose document changed since it was annotated is re-anchored
        as the window would (spans that cannot be found are kept aside in the
        file, never dropped). A broken file raises :class:`AnnotatorError`.
        """
        loaded = store.load(self._project, doc_id, annotator)
        if not loaded.result.openable:
            raise AnnotatorError(*loaded.result.problems)
        return Annotations(loaded)

    def save(self, annotations: Annotations) -> None:
        """Write ``annotations`` back atomically.

        Raises :class:`ConflictError` when the file changed on disk since it
        was loaded (nothing is written; load again and redo the change).
        """
        loaded = annotations._loaded
        loaded.fingerprint = store.save(self._project, loaded.annotations, loaded.fingerprint)


def open_project(path: str | Path) -> Project:
    """Open a project folder (an interrupted import is finished or undone first)."""
    return Project(project_file.open_project(path))

