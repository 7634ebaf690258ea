"""Reading suggestion files to judge a source: its precision and recall, and its doubt per document.

- :func:`score_sources` compares every suggestion source with the
  annotators' final work: for each annotator (gold left out) and each of
  their documents marked ``done`` that has a suggestion file of the source,
  one :class:`~annotator.core.suggestion_scores.Comparison`; a suggestion
  file made for another annotator (``"for"``) is not compared with this one.
  The figures are :func:`annotator.core.suggestion_scores.score_suggestions`'s.
  Files that break the format or are stale are skipped with a warning, never
  half used.
- :func:`least_model_confidence` gives, per document, the lowest score among
  one source's suggestions (``model`` by default): the documents a model is
  least sure of come first in an active-learning order.
- :func:`document_confidence` is the order the window's document list uses:
  the model's confidence when there are model suggestions with scores, else
  the lowest score of any source (:func:`annotator.io.suggestion_files.lowest_scores`),
  saying which.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD, Project
from annotator.core.safe_files import read_regular_file
from annotator.core.suggestion_scores import Comparison, SuggestionScore, score_suggestions
from annotator.io import store
from annotator.io.standoff import parse_annotations
from annotator.io.suggestion_files import lowest_scores, source_folders
from annotator.io.suggestions import FOLDER

log = logging.getLogger(__name__)

Warn = Callable[[Problem], None]
MODEL: Final = "model"  # the source whose scores are a model's own probabilities


def suggestion_sources(project: Project) -> list[str]:
    """The sources with a folder under ``suggestions/``, sorted."""
    return [folder.name for folder in source_folders(project)]


def _read(project: Project, source: str, doc_id: str, text: str,
          warn: Warn) -> tuple[frozenset[tuple[int, int, str]], str | None] | None:
    """A suggestion file's spans and whom it was made for; None when absent or unusable."""
    path = project.root / FOLDER / source / f"{doc_id}.json"
    try:
        data = read_regular_file(path, project.root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        warn(Problem("unreadable", f"cannot read: {exc.strerror}", file=str(path)))
        return None
    try:
        result = parse_annotations(data, text, source=str(path), doc_id=doc_id,
                                   annotator=source, labels=project.label_names)
    except AnnotatorError as exc:
        for problem in exc.problems:
            warn(problem)
        return None
    if result.problems or result.stale:
        warn(_not_compared(result.problems, result.stale, str(path)))
        return None
    made_for = result.annotations.extra.get("for")
    return (frozenset(s.key for s in result.annotations),
            made_for if isinstance(made_for, str) else None)


def _not_compared(problems: list[Problem], stale: bool, path: str) -> Problem:
    """One warning for a file left out of the comparison, with the code of what is wrong."""
    code = "stale" if stale or not problems else problems[0].code
    return Problem(code, f"not compared: {len(problems)} problem(s), first: "
                   f"{problems[0].message if problems else 'the text changed'} (run validate)",
                   file=path)


def comparisons(project: Project, source: str, annotators: Sequence[str] | None = None,
                warn: Warn | None = None) -> list[Comparison]:
    """Every (done document, annotator) pair that has a suggestion file of ``source``."""
    say: Warn = warn or (lambda problem: log.warning("%s", problem))
    names = [a for a in (annotators or project.annotators()) if a != GOLD]
    found = []
    for annotator in names:
        for doc_id in project.annotated_doc_ids(annotator):
            try:
                loaded = store.load(project, doc_id, annotator)
            except AnnotatorError as exc:
                for problem in exc.problems:
                    say(problem)
                continue
            result = loaded.result
            if result.annotations.status != "done":
                continue
            if result.problems or result.stale:
                say(_not_compared(result.problems, result.stale,
                                  str(project.annotation_path(doc_id, annotator))))
                continue
            read = _read(project, source, doc_id, loaded.document.text, say)
            if read is None or (read[1] is not None and read[1] != annotator):
                continue
            found.append(Comparison(doc_id, annotator, read[0],
                                    frozenset(s.key for s in result.annotations)))
    return found


def score_sources(project: Project, sources: Iterable[str],
                  annotators: Sequence[str] | None = None,
                  warn: Warn | None = None) -> list[SuggestionScore]:
    """Each source's precision and recall against the annotators' done work."""
    return [score_suggestions(source, comparisons(project, source, annotators, warn))
            for source in sources]


def least_model_confidence(project: Project, source: str = MODEL,
                           doc_ids: Iterable[str] | None = None) -> dict[str, float]:
    """Per document, the lowest ``score`` among ``source``'s suggestions on it.

    Documents without a suggestion file of ``source``, or whose suggestions
    have no score, are left out (the model proposed nothing there, or the
    source gives no scores). Only the numbers are read; files that cannot be
    parsed are skipped (``validate`` reports them). Sorting documents by this
    value, lowest first, puts those the model is least sure of first.
    """
    return lowest_scores(project, doc_ids, sources=[source])


@dataclass(frozen=True)
class Confidence:
    """Each document's confidence, and whose it is: ``MODEL``'s, or None (any source's)."""

    source: str | None
    scores: dict[str, float]


def document_confidence(project: Project, doc_ids: Iterable[str] | None = None) -> Confidence:
    """The model's confidence per document when it has scored suggestions, else the lowest
    score of any source (:func:`~annotator.io.suggestion_files.lowest_scores`)."""
    wanted = list(doc_ids) if doc_ids is not None else None
    model = least_model_confidence(project, MODEL, wanted)
    if model:
        return Confidence(MODEL, model)
    return Confidence(None, lowest_scores(project, wanted))
