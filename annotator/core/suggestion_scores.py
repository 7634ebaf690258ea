"""How good a suggestion source is: precision and recall against people's finished work.

A :class:`Comparison` holds one document's suggestions of one source and one
annotator's final spans on it, both as ``(start, end, label)``; a suggestion
counts only when the annotator has exactly that span (exact match). Over all
comparisons (micro-averaged: every span counts once):

- precision: suggestions the annotator has / all suggestions,
- recall: the annotator's spans that were suggested / all their spans,
- F1: their harmonic mean;

each also per label and per annotator. A figure with nothing to divide by
(no suggestion at all, no span at all) is ``None``, never 0 or 1.
Standard library only.

>>> c = Comparison("d", "amal", frozenset({(0, 3, "entity"), (4, 9, "gift")}),
...                frozenset({(0, 3, "entity"), (10, 14, "entity")}))
>>> s = score_suggestions("model", [c])
>>> s.total.precision, s.total.recall, s.by_label["gift"].precision
(0.5, 0.5, 0.0)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Key = tuple[int, int, str]


@dataclass(frozen=True)
class Comparison:
    """One document's suggestions from one source against one annotator's final spans."""

    doc_id: str
    annotator: str
    suggested: frozenset[Key]
    final: frozenset[Key]


@dataclass
class Counts:
    """Matched suggestions, unmatched suggestions, and final spans never suggested."""

    matched: int = 0
    unmatched: int = 0
    missed: int = 0

    def add(self, suggested: frozenset[Key], final: frozenset[Key]) -> None:
        hits = len(suggested & final)
        self.matched += hits
        self.unmatched += len(suggested) - hits
        self.missed += len(final) - hits

    @property
    def precision(self) -> float | None:
        total = self.matched + self.unmatched
        return self.matched / total if total else None

    @property
    def recall(self) -> float | None:
        total = self.matched + self.missed
        return self.matched / total if total else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"suggested": self.matched + self.unmatched, "final": self.matched + self.missed,
                "matched": self.matched, "precision": self.precision, "recall": self.recall,
                "f1": self.f1}


@dataclass
class SuggestionScore:
    """One source's figures over every comparison."""

    source: str
    documents: int = 0  # distinct documents compared
    comparisons: int = 0  # (document, annotator) pairs compared
    total: Counts = field(default_factory=Counts)
    by_label: dict[str, Counts] = field(default_factory=dict)
    by_annotator: dict[str, Counts] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "documents": self.documents,
                "comparisons": self.comparisons, **self.total.to_json(),
                "labels": {name: c.to_json() for name, c in sorted(self.by_label.items())},
                "annotators": {name: c.to_json()
                               for name, c in sorted(self.by_annotator.items())}}


def score_suggestions(source: str, comparisons: Iterable[Comparison]) -> SuggestionScore:
    """``source``'s precision and recall over ``comparisons`` (module docstring)."""
    score = SuggestionScore(source)
    documents: set[str] = set()
    for c in comparisons:
        documents.add(c.doc_id)
        score.comparisons += 1
        score.total.add(c.suggested, c.final)
        score.by_annotator.setdefault(c.annotator, Counts()).add(c.suggested, c.final)
        for label in sorted({k[2] for k in c.suggested} | {k[2] for k in c.final}):
            score.by_label.setdefault(label, Counts()).add(
                frozenset(k for k in c.suggested if k[2] == label),
                frozenset(k for k in c.final if k[2] == label))
    score.documents = len(documents)
    return score
