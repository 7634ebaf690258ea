"""Machine suggestions (FORMAT.md section 3b): stored apart, never mistaken for human work.

``<project>/suggestions/<source>/<doc_id>.json`` has the shape of an annotation
file with ``"annotator": "<source>"``; a span may carry ``score`` (0 to 1), and a
file made for one annotator says so (``"for": "<annotator>"``): it leaves out
spans that annotator already has and suggestions they rejected (recorded in
their own file under ``rejected_suggestions``: ``[{"start", "end", "label",
"source"}]``). Exports, agreement and review never read this folder.

The ``gazetteer`` source (:func:`gazetteer`) proposes, in every document,
each span text labelled so far (from gold and from annotators' ``done`` files
by default) with its most frequent label, found with the normalised,
clitic-aware matcher of ``annotator find`` (:mod:`annotator.core.search`), so
``وبوتين`` yields a suggestion on ``بوتين`` and ``احمد`` one on ``أحمد``. Its
score is the share of that label among the text's labellings.

The ``model`` source runs a pipeline saved by ``annotator train``
(:func:`annotator.io.training.model_suggester`, needs spaCy): each span it
predicts, with the model's probability as its score.

:func:`suggest` is the one loop that writes them, for ``annotator suggest``
and for the window's Annotate > Suggest… alike: it takes an optional
``progress(done, total) -> bool`` (:data:`annotator.io.exchange.Progress`)
called before each document, and stops when it returns False (each file
written is whole; the documents not reached keep what they had).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Final

from annotator.core.annotations import AnnotationSet
from annotator.core.arabic import normalize, normalized
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD, Project, name_problem
from annotator.core.search import find_in_normalized
from annotator.core.spans import Span
from annotator.io import store
from annotator.io.atomic import atomic_write
from annotator.io.exchange import Progress
from annotator.io.jsonfile import dump_json_bytes
from annotator.io.standoff import annotations_to_json

log = logging.getLogger(__name__)

FOLDER: Final = "suggestions"
REJECTED_KEY: Final = "rejected_suggestions"
SOURCES: Final = ("gazetteer", "model")


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    label: str
    text: str
    score: float


def suggestion_path(project: Project, source: str, doc_id: str) -> Path:
    problem = name_problem(source, "suggestion source")
    if problem:
        raise AnnotatorError(Problem("bad-name", problem))
    project.document_path(doc_id)  # checks the id
    return project.root / FOLDER / source / f"{doc_id}.json"


def rejected(aset: AnnotationSet) -> set[tuple[int, int, str]]:
    """(start, end, label) of the suggestions the annotator of ``aset`` rejected."""
    return {item.key for item in aset.rejected_suggestions}  # read by io/standoff.py


def known_texts(project: Project, sources: Sequence[str]) -> dict[str, tuple[str, float]]:
    """Normalised span text -> (most frequent label, its share), from ``sources``' work.

    ``gold`` counts every gold file; an annotator counts only files marked done.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for source in sources:
        for doc_id in project.annotated_doc_ids(source):
            loaded = store.load(project, doc_id, source)
            if not loaded.result.openable:
                continue
            aset = loaded.annotations
            if source != GOLD and aset.status != "done":
                continue
            for span in aset:
                key = normalized(span.text).strip()
                if sum(ch.isalpha() for ch in key) >= 2:
                    counts[key][span.label] += 1
    table = {}
    for key, labels in counts.items():
        label, count = max(labels.items(), key=lambda item: (item[1], item[0]))
        table[key] = (label, count / sum(labels.values()))
    return table


def gazetteer(text: str, table: dict[str, tuple[str, float]]) -> list[Suggestion]:
    """Every occurrence in ``text`` of a known span text, with its label and score."""
    n = normalize(text)
    found: dict[tuple[int, int, str], Suggestion] = {}
    for key, (label, score) in table.items():
        if key not in n.text and not (key.startswith("ال") and "ل" + key[2:] in n.text):
            continue  # fast path: most entries do not occur in most documents
        for start, end in find_in_normalized(n, key):
            found[(start, end, label)] = Suggestion(start, end, label, text[start:end], score)
    return sorted(found.values(), key=lambda s: (s.start, s.end, s.label))


def suggestion_file(project: Project, source: str, doc_id: str, text: str,
                    suggestions: Iterable[Suggestion], for_annotator: str | None) -> bytes:
    aset = AnnotationSet(doc_id, text, source, project.label_names, "new")
    for item in suggestions:
        aset._insert(Span(aset.new_span_id(), item.start, item.end, item.label, item.text,
                          extra={"score": round(item.score, 4)}))
    value: dict[str, Any] = annotations_to_json(aset)
    if for_annotator is not None:
        value["for"] = for_annotator
    return dump_json_bytes(value)


@dataclass
class SuggestSummary:
    source: str
    documents: int = 0
    suggestions: int = 0
    finished: bool = True  # False: ``progress`` stopped the run before the last document
    # spans the model predicted with a label the project no longer has, by label (not written)
    dropped_labels: Counter[str] = field(default_factory=Counter)

    @property
    def dropped_unknown_labels(self) -> int:
        return sum(self.dropped_labels.values())

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "documents": self.documents,
                "suggestions": self.suggestions,
                "dropped_unknown_labels": self.dropped_unknown_labels,
                "dropped_labels": dict(sorted(self.dropped_labels.items()))}


def suggest(project: Project, source: str, doc_ids: Sequence[str] | None = None,
            annotator: str | None = None, sources: Sequence[str] | None = None,
            model: Path | None = None, progress: Progress | None = None) -> SuggestSummary:
    """Write ``suggestions/<source>/<doc_id>.json`` for each document; returns the counts.

    With ``annotator``, spans they already have and suggestions they rejected
    are left out, and each file says ``"for": annotator``. ``progress(done,
    total)`` is called before each document and once at the end; when it
    returns False the run stops there (``finished`` is False in the summary).
    """
    if source not in SOURCES:
        raise AnnotatorError(Problem("unsupported", f"unknown suggestion source {source!r} "
                                     f"(this version has: {', '.join(SOURCES)})"))
    propose: Callable[[str], list[Suggestion]]
    summary = SuggestSummary(source)
    if source == "model":  # a pipeline saved by `annotator train` (needs spaCy: loaded here)
        if model is None:
            raise AnnotatorError(Problem("bad-field", "the model source needs the folder of a "
                                         "trained model", field="model"))
        from annotator.io.ml_support import training_module

        training = training_module("suggesting with a model")
        propose = training.model_suggester(model, project.label_names,
                                           dropped=summary.dropped_labels)
    else:
        table = known_texts(project, sources or [GOLD, *project.annotators()])
        propose = partial(gazetteer, table=table)
    wanted = list(doc_ids or project.doc_ids())
    for done, doc_id in enumerate(wanted):
        if progress is not None and not progress(done, len(wanted)):
            summary.finished = False
            log.info("suggesting from %s stopped after %d of %d document(s)", source, done,
                     len(wanted))
            return summary
        text = project.load_document(doc_id).text
        items = propose(text)
        if annotator is not None:
            mine = store.load(project, doc_id, annotator).annotations
            have = {span.key for span in mine} | rejected(mine)
            items = [s for s in items if (s.start, s.end, s.label) not in have]
        path = suggestion_path(project, source, doc_id)
        # machine output, made again at will: replaced whatever is there
        atomic_write(path, suggestion_file(project, source, doc_id, text, items, annotator))
        summary.documents += 1
        summary.suggestions += len(items)
    if progress is not None:
        progress(len(wanted), len(wanted))
    log.info("suggestions from %s for %s: %d in %d document(s)", source, project.root,
             summary.suggestions, summary.documents)
    if summary.dropped_labels:
        log.warning("suggestions from %s: %d span(s) left out, their labels not in the project: "
                    "%s", source, summary.dropped_unknown_labels,
                    ", ".join(f"{k} ({n})" for k, n in sorted(summary.dropped_labels.items())))
    return summary


def suggestion_problems(project: Project) -> tuple[list[Problem], int]:
    """Everything wrong with the project's suggestion files, and how many were checked.

    Each must be a valid annotation file for its document, named by its source
    (``"annotator": "<source>"``), with scores that are numbers from 0 to 1.
    """
    from annotator.core.safe_files import read_regular_file
    from annotator.io.standoff import parse_annotations

    root = project.root / FOLDER
    problems: list[Problem] = []
    checked = 0
    sources = sorted(p for p in root.iterdir() if not p.name.startswith(".")) \
        if root.is_dir() else []
    doc_ids = set(project.doc_ids())
    for folder in sources:
        bad = name_problem(folder.name, "suggestion source")
        if bad or not folder.is_dir():
            problems.append(Problem("bad-name", bad or "not a folder", file=str(folder)))
            continue
        for path in sorted(folder.glob("*.json")):
            if path.name.startswith("."):
                continue
            checked += 1
            if path.stem not in doc_ids:
                problems.append(Problem("missing-document", f"suggests spans for document "
                                        f"{path.stem!r}, which the project does not have",
                                        file=str(path)))
                continue
            text = project.load_document(path.stem).text
            try:
                result = parse_annotations(read_regular_file(path, project.root), text,
                                           source=str(path), doc_id=path.stem,
                                           annotator=folder.name, labels=project.label_names)
            except AnnotatorError as exc:
                problems += exc.problems
                continue
            except OSError as exc:
                problems.append(Problem("unreadable", f"cannot read: {exc.strerror}",
                                        file=str(path)))
                continue
            problems += result.problems
            for span in result.annotations:
                score = span.extra.get("score")
                if score is not None and (isinstance(score, bool) or not isinstance(
                        score, int | float) or not 0 <= score <= 1):
                    problems.append(Problem("bad-field", f"score {score!r} is not a number "
                                            "from 0 to 1", file=str(path), span=span.id,
                                            field="score"))
    return problems, checked
