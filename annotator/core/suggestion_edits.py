"""Accepting and rejecting machine suggestions (FORMAT.md section 3b), as undoable edits.

A suggestion (:class:`Suggested`: offsets, label, covered text, score, the
source that made it) is nobody's annotation until the annotator acts on it:

- :class:`AcceptSuggestion` adds a normal span to their set, exactly the span
  a label key on the same words would add (a fresh ``T<n>`` id, the text
  under it) plus ``origin`` (the source), so exports and agreement treat it
  like any other span.
- :class:`RejectSuggestion` records ``{start, end, label, source}`` in the
  set's ``rejected_suggestions`` (kept sorted, as writers write it), so it is
  never offered to them again and travels with their file.

Both have exact inverses, as every edit (:mod:`annotator.core.edits`).
:func:`offered` filters a document's suggestions against one annotator's
set: those they already have (same start, end and label) or rejected (from
any source) are left out; those overlapping one of their spans of the same
label are marked, since accepting them would stack a second span there.

>>> from annotator.core.annotations import AnnotationSet
>>> aset = AnnotationSet("d", "Kim met Putin", "amal")
>>> edit = accept(aset, Suggested(8, 13, "entity", "Putin", 0.9, "gazetteer"))
>>> edit.apply(aset)
>>> aset.span("T1").extra
{'origin': 'gazetteer'}
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.annotations import AnnotationSet, RejectedSuggestion
from annotator.core.edits import AddSpan, Batch, Changes, Edit, RemoveSpan, short
from annotator.core.errors import EditError, Problem
from annotator.core.spans import Span

ORIGIN = "origin"  # the span key naming the source a span was accepted from


@dataclass(frozen=True)
class Suggested:
    """One suggestion of ``source`` on a document: ``[start, end)`` as ``label``."""

    start: int
    end: int
    label: str
    text: str
    score: float | None
    source: str

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class Offer:
    """A suggestion still open to an annotator; ``overlaps`` names their spans of the same
    label that share a character with it (accepting it would stack a second span)."""

    suggestion: Suggested
    overlaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class AcceptSuggestion:
    """Add ``span`` (a suggestion made a span, ``origin`` set). Build it with :func:`accept`."""

    span: Span

    @property
    def description(self) -> str:
        return f"Accept {self.span.label} “{short(self.span.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(added=(self.span,))

    def apply(self, aset: AnnotationSet) -> None:
        AddSpan(self.span).apply(aset)

    def inverse(self) -> Edit:
        return _Unaccept(self.span)


@dataclass(frozen=True)
class _Unaccept:
    """The inverse of :class:`AcceptSuggestion`: the span leaves again."""

    span: Span

    @property
    def description(self) -> str:
        return f"Accept {self.span.label} “{short(self.span.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(removed=(self.span,))

    def apply(self, aset: AnnotationSet) -> None:
        RemoveSpan(self.span).apply(aset)

    def inverse(self) -> Edit:
        return AcceptSuggestion(self.span)


def accept(aset: AnnotationSet, suggestion: Suggested) -> AcceptSuggestion:
    """The edit that makes ``suggestion`` a span of ``aset``, as a label key would."""
    span = aset.make_span(suggestion.start, suggestion.end, suggestion.label)
    return AcceptSuggestion(span.with_changes(extra={ORIGIN: suggestion.source}))


@dataclass(frozen=True)
class RejectSuggestion:
    """Record ``item`` in ``aset.rejected_suggestions`` (refused if already recorded)."""

    item: RejectedSuggestion

    @property
    def description(self) -> str:
        return f"Reject {self.item.label} suggestion"

    @property
    def changes(self) -> Changes:
        return Changes()  # no span comes or goes: the suggestion marks follow the undo stack

    def apply(self, aset: AnnotationSet) -> None:
        kept = aset.rejected_suggestions
        keys = [r.sort_key for r in kept]
        index = bisect.bisect_left(keys, self.item.sort_key)
        if index < len(kept) and keys[index] == self.item.sort_key:
            raise EditError(Problem("duplicate-span", f"the {self.item.label} suggestion of "
                                    f"{self.item.source} at {self.item.start}..{self.item.end} "
                                    "is already rejected"))
        kept.insert(index, self.item)

    def inverse(self) -> Edit:
        return _Unreject(self.item)


@dataclass(frozen=True)
class _Unreject:
    """The inverse of :class:`RejectSuggestion`: the record leaves again."""

    item: RejectedSuggestion

    @property
    def description(self) -> str:
        return f"Reject {self.item.label} suggestion"

    @property
    def changes(self) -> Changes:
        return Changes()

    def apply(self, aset: AnnotationSet) -> None:
        try:
            aset.rejected_suggestions.remove(self.item)
        except ValueError:
            raise EditError(Problem("conflict", f"the {self.item.label} suggestion at "
                                    f"{self.item.start}..{self.item.end} is not recorded as "
                                    "rejected")) from None

    def inverse(self) -> Edit:
        return RejectSuggestion(self.item)


def reject(suggestion: Suggested) -> RejectSuggestion:
    """The edit that records ``suggestion`` as rejected."""
    return RejectSuggestion(RejectedSuggestion(suggestion.start, suggestion.end,
                                               suggestion.label, suggestion.source))


def accept_all(aset: AnnotationSet, suggestions: Iterable[Suggested]) -> Batch:
    """One undo step accepting each suggestion (ids numbered in order; one per key)."""
    edits: list[Edit] = []
    taken: set[tuple[int, int, str]] = set()
    aside = {span.id for span in aset.unplaced}
    number = int(aset.new_span_id()[1:])
    for suggestion in suggestions:
        if suggestion.key in taken or aset.find(*suggestion.key) is not None:
            continue
        taken.add(suggestion.key)
        while f"T{number}" in aset or f"T{number}" in aside:
            number += 1
        span = Span(f"T{number}", suggestion.start, suggestion.end, suggestion.label,
                    aset.text[suggestion.start:suggestion.end], extra={ORIGIN: suggestion.source})
        number += 1
        edits.append(AcceptSuggestion(span))
    return Batch(tuple(edits), f"Accept {len(edits)} suggestion(s)")


def reject_all(aset: AnnotationSet, suggestions: Iterable[Suggested]) -> Batch:
    """One undo step rejecting each suggestion not rejected yet."""
    done = {r.sort_key for r in aset.rejected_suggestions}
    edits: list[Edit] = []
    for suggestion in suggestions:
        edit = reject(suggestion)
        if edit.item.sort_key not in done:
            done.add(edit.item.sort_key)
            edits.append(edit)
    return Batch(tuple(edits), f"Reject {len(edits)} suggestion(s)")


def offered(suggestions: Iterable[Suggested], aset: AnnotationSet) -> list[Offer]:
    """The suggestions still open to the annotator of ``aset``, in text order.

    Left out: those with the start, end and label of one of their spans, and
    those they rejected (whatever source made the rejected one). Kept but
    marked: those overlapping one of their spans of the same label. Several
    sources suggesting the same start, end and label make one offer, the
    highest score's (ties: the first source by name). A suggestion whose
    offsets do not fit the text is left out too.
    """
    rejected = {r.key for r in aset.rejected_suggestions}
    found: list[Offer] = []
    seen: set[tuple[int, int, str]] = set()
    for suggestion in sorted(suggestions, key=lambda s: (
            s.start, s.end, s.label, -(s.score if s.score is not None else -1.0), s.source)):
        if not 0 <= suggestion.start < suggestion.end <= aset.length or suggestion.key in seen:
            continue
        seen.add(suggestion.key)
        if suggestion.key in rejected or aset.find(*suggestion.key) is not None:
            continue
        overlaps = tuple(span.id for span in aset.overlapping(suggestion.start, suggestion.end)
                         if span.label == suggestion.label)
        found.append(Offer(suggestion, overlaps))
    return found
