"""Reading suggestion files for the window: one document's suggestions, and each document's
confidence (FORMAT.md section 3b).

:mod:`annotator.io.suggestions` makes suggestions (the sources) and writes
their files; this module only reads them back, for every source at once:

- :func:`document_suggestions` reads ``suggestions/<source>/<doc_id>.json`` of
  every source folder, checked like an annotation file against the current
  text (a file that does not fit the text, or is stale, is reported and
  skipped, never half used), as :class:`~annotator.core.suggestion_edits.Suggested`.
- :func:`lowest_scores` gives each document's lowest suggestion score over
  every source (or the sources named), the document list's "least confident
  first" order (active learning: the documents the machine is least sure of
  are worth a person's time first). It reads only the ``score`` numbers, not
  the texts; :func:`annotator.io.suggestion_quality.least_model_confidence`
  is the same for one source.

Reading goes through :func:`~annotator.core.safe_files.read_regular_file`, so a
link out of the project is refused as everywhere else. Suggestions are made
and written by :func:`annotator.io.suggestions.suggest` (the command line's and
the window's Annotate > Suggest… alike).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import Project, name_problem
from annotator.core.safe_files import read_regular_file
from annotator.core.suggestion_edits import Suggested
from annotator.io.jsonfile import parse_json_bytes
from annotator.io.standoff import parse_annotations
from annotator.io.suggestions import FOLDER

log = logging.getLogger(__name__)


@dataclass
class DocumentSuggestions:
    """Every source's suggestions on one document, and what was wrong with their files."""

    doc_id: str
    suggestions: list[Suggested] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def source_folders(project: Project) -> list[Path]:
    """The folders under ``suggestions/`` named like sources, sorted by name."""
    root = project.root / FOLDER
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(".")
                  and name_problem(p.name, "suggestion source") is None)


def _score(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 1 else None


def document_suggestions(project: Project, doc_id: str, text: str) -> DocumentSuggestions:
    """The suggestions of every source on ``doc_id``, whose text is ``text``."""
    found = DocumentSuggestions(doc_id)
    for folder in source_folders(project):
        path = folder / f"{doc_id}.json"
        if not path.is_file():
            continue
        try:
            result = parse_annotations(read_regular_file(path, project.root), text,
                                       source=str(path), doc_id=doc_id, annotator=folder.name,
                                       labels=project.label_names)
        except AnnotatorError as exc:
            found.problems += exc.problems
            continue
        except OSError as exc:
            found.problems.append(Problem("unreadable", f"cannot read: {exc.strerror}",
                                          file=str(path)))
            continue
        if result.problems:  # stale or broken: its offsets cannot be trusted on this text
            found.problems += result.problems
            log.info("suggestions of %s on %s skipped: %s", folder.name, doc_id,
                     result.problems[0])
            continue
        found.suggestions += [Suggested(span.start, span.end, span.label, span.text,
                                        _score(span.extra.get("score")), folder.name)
                              for span in result.annotations]
    return found


def lowest_scores(project: Project, doc_ids: Iterable[str] | None = None,
                  sources: Iterable[str] | None = None) -> dict[str, float]:
    """Each document's lowest suggestion score over ``sources`` (None: every source).

    Documents with no scored suggestion are left out. Only the numbers are
    read; files that cannot be parsed are skipped (``validate`` reports them).
    """
    wanted = set(doc_ids) if doc_ids is not None else None
    named = set(sources) if sources is not None else None
    lowest: dict[str, float] = {}
    for folder in source_folders(project):
        if named is not None and folder.name not in named:
            continue
        for path in folder.glob("*.json"):
            doc_id = path.stem
            if path.name.startswith(".") or (wanted is not None and doc_id not in wanted):
                continue
            try:
                raw = parse_json_bytes(read_regular_file(path, project.root), str(path))
            except (AnnotatorError, OSError):
                continue
            spans = raw.get("spans") if isinstance(raw, dict) else None
            for span in spans if isinstance(spans, list) else ():
                score = _score(span.get("score")) if isinstance(span, dict) else None
                if score is not None and score < lowest.get(doc_id, 2.0):
                    lowest[doc_id] = score
    return lowest
