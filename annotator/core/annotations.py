"""One annotator's spans on one document, with every invariant of the format enforced.

:class:`AnnotationSet` is mutated only by edits (:mod:`annotator.core.edits`),
which call its checked ``_insert``/``_delete`` primitives, so undo is always an
exact inverse. It keeps the spans by id and in writer order (one list of the
span objects, searched by bisection), so lookups by position or by start, end
and label stay fast at tens of thousands of spans without a second index
holding a key per span. A bulk load (``defer_order``) appends; only spans
coming out of order (not a file this program wrote) make it keep a dict from
start, end and label to id until :meth:`_sort_index` sorts the list.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from annotator.core.document import text_sha256
from annotator.core.errors import Problem
from annotator.core.spans import SORT_KEY, STATUSES, Relation, Span, Status, id_number

_START = attrgetter("start")


@dataclass(frozen=True)
class RejectedSuggestion:
    """A machine suggestion the annotator turned down (FORMAT.md section 3b).

    Kept in their own file under ``rejected_suggestions`` so it is never
    offered to them again; ``extra`` keeps keys this version does not know.
    """

    start: int
    end: int
    label: str
    source: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        """What a suggestion is matched on: start, end and label (any source)."""
        return (self.start, self.end, self.label)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        """The order writers use: ``(start, end, label, source)``."""
        return (self.start, self.end, self.label, self.source)


@dataclass
class AnnotationSet:
    """The annotations of ``annotator`` on document ``doc_id`` whose text is ``text``.

    ``labels`` is the set of allowed labels (``None``: any label). ``unplaced``
    holds spans of a stale file that could not be re-anchored: they are kept
    and written back, never dropped.
    """

    doc_id: str
    text: str
    annotator: str
    labels: frozenset[str] | None = None
    status: Status = "new"
    modified: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    document_extra: dict[str, Any] = field(default_factory=dict)
    unplaced: list[Span] = field(default_factory=list)
    # suggestions turned down, kept sorted by sort_key (edits in core/suggestion_edits.py)
    rejected_suggestions: list[RejectedSuggestion] = field(default_factory=list)
    _spans: dict[str, Span] = field(default_factory=dict, repr=False)
    _order: list[Span] = field(default_factory=list, repr=False)  # by SORT_KEY
    # (start, end, label) -> id, only while a bulk load defers the order
    _loading: dict[tuple[int, int, str], str] | None = field(default=None, repr=False)
    _relations: dict[str, Relation] = field(default_factory=dict, repr=False)
    _max_length: int = field(default=0, repr=False)
    _next_span: int = field(default=1, repr=False)
    _next_relation: int = field(default=1, repr=False)
    _sha256: str | None = field(default=None, repr=False)
    # the other set sharing ``_spans`` since :meth:`frozen_copy` (copied before a change)
    _spans_shared_with: weakref.ref[AnnotationSet] | None = field(default=None, repr=False)

    # -- reading -------------------------------------------------------------
    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = text_sha256(self.text)
        return self._sha256

    @property
    def length(self) -> int:
        return len(self.text)

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._spans

    def span(self, span_id: str) -> Span:
        return self._spans[span_id]

    def get(self, span_id: str) -> Span | None:
        return self._spans.get(span_id)

    def spans(self) -> list[Span]:
        """All spans in writer order ``(start, end, label, id)``."""
        return list(self._order)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans())

    def find(self, start: int, end: int, label: str) -> Span | None:
        if self._loading is not None:
            span_id = self._loading.get((start, end, label))
            return self._spans[span_id] if span_id is not None else None
        order = self._order
        if not order:
            return None
        last = order[-1]
        if (start, end, label) > (last.start, last.end, last.label):
            return None  # after every span (each span of a file as it is read)
        # the spans starting at start, then (start, end, label) before any id
        low = bisect.bisect_left(order, start, key=_START)
        high = bisect.bisect_right(order, start, low, key=_START)
        index = bisect.bisect_left(order, (start, end, label), low, high, key=SORT_KEY)
        if index < high:
            span = order[index]
            if span.start == start and span.end == end and span.label == label:
                return span
        return None

    def index_of(self, span_id: str) -> int:
        """Position of a span in writer order (for tables)."""
        span = self._spans[span_id]
        return bisect.bisect_left(self._order, span.sort_key, key=SORT_KEY)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing a character with ``[start, end)``; a point query when equal."""
        if end <= start:
            end = start + 1
        low = bisect.bisect_left(self._order, start - self._max_length, key=_START)
        high = bisect.bisect_left(self._order, end, low, key=_START)
        return [span for span in self._order[low:high] if span.end > start]

    def relations(self) -> list[Relation]:
        return sorted(self._relations.values(),
                      key=lambda r: (id_number(r.id, "relation") or 0, r.id))

    def relation(self, relation_id: str) -> Relation:
        return self._relations[relation_id]

    def relations_of(self, span_id: str) -> list[Relation]:
        return [r for r in self.relations() if span_id in (r.source, r.target)]

    def relation_twin(self, relation: Relation) -> Relation | None:
        """Another relation with ``relation``'s type, ``from`` and ``to`` (the format allows
        one), or None."""
        return next((r for r in self._relations.values() if r.id != relation.id
                     and (r.type, r.source, r.target) == (relation.type, relation.source,
                                                           relation.target)), None)

    # -- ids -----------------------------------------------------------------
    def new_span_id(self) -> str:
        """A fresh ``T<n>`` id, never reused within this set's life nor kept aside."""
        aside = {span.id for span in self.unplaced}  # ids are unique in the whole file
        while f"T{self._next_span}" in self._spans or f"T{self._next_span}" in aside:
            self._next_span += 1
        return f"T{self._next_span}"

    def new_relation_id(self) -> str:
        while f"R{self._next_relation}" in self._relations:
            self._next_relation += 1
        return f"R{self._next_relation}"

    def make_span(self, start: int, end: int, label: str, note: str | None = None) -> Span:
        """A new span over ``text[start:end]`` with a fresh id (not yet added)."""
        return Span(self.new_span_id(), start, end, label, self.text[start:end], note)

    # -- invariants ----------------------------------------------------------
    def span_problems(self, span: Span, replacing: str | None = None) -> list[Problem]:
        """Everything that forbids ``span`` in this set (``replacing``: the id it replaces)."""
        start, end = span.start, span.end
        if (0 <= start < end <= self.length and self.text[start:end] == span.text
                and (self.labels is None or span.label in self.labels)
                and span.id not in self._spans
                and self.find(span.start, span.end, span.label) is None):
            return []  # the common case, checked at once (50,000 spans are read per open)
        problems: list[Problem] = []
        where = {"file": None, "span": span.id}
        if not (0 <= span.start <= self.length and 0 <= span.end <= self.length):
            problems.append(Problem("out-of-range",
                f"offsets {span.start}..{span.end} outside the text (length {self.length})",
                **where))
        elif span.start >= span.end:
            problems.append(Problem("reversed",
                f"start {span.start} is not before end {span.end}", **where))
        elif self.text[span.start:span.end] != span.text:
            problems.append(Problem("wrong-text",
                f"text {span.text!r} differs from the document's "
                f"{self.text[span.start:span.end]!r} at {span.start}..{span.end}", **where))
        if self.labels is not None and span.label not in self.labels:
            problems.append(Problem("unknown-label",
                f"label {span.label!r} is not in the project's labels "
                f"({', '.join(sorted(self.labels))})", **where))
        if span.id != replacing and span.id in self._spans:
            problems.append(Problem("duplicate-id", f"span id {span.id!r} is already used",
                                    **where))
        found = self.find(span.start, span.end, span.label)
        other = found.id if found is not None else None
        if other is not None and other != replacing:
            problems.append(Problem("duplicate-span",
                f"span {other} already has start {span.start}, end {span.end} and label "
                f"{span.label!r}", **where))
        return problems

    def relation_problems(self, relation: Relation) -> list[Problem]:
        problems: list[Problem] = []
        if relation.id in self._relations:
            problems.append(Problem("duplicate-id",
                f"relation id {relation.id!r} is already used", span=relation.id))
        for end_name, end_id in (("from", relation.source), ("to", relation.target)):
            if end_id not in self._spans:
                problems.append(Problem("dangling-relation",
                    f"relation {relation.id} '{end_name}' points to missing span {end_id!r}",
                    span=relation.id, field=end_name))
        return problems

    # -- copies --------------------------------------------------------------
    def frozen_copy(self) -> AnnotationSet:
        """A copy that does not change when this set does (a worker writes it meanwhile).

        Spans and relations are immutable, so copying the containers that hold
        them is enough; the dict of spans by id (the biggest) is shared until
        one of the two sets changes, which copies it first. The text's hash is
        made here, once, and kept by both.
        """
        self.sha256  # noqa: B018
        copied = copy.copy(self)
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, dict | list) and item.name != "_spans":
                setattr(copied, item.name, value.copy())
        self._spans_shared_with = weakref.ref(copied)
        copied._spans_shared_with = weakref.ref(self)
        return copied

    def __getstate__(self) -> dict[str, Any]:  # (pickle, copy) a copy shares with no one
        state = dict(self.__dict__)
        state["_spans_shared_with"] = None
        return state

    def _own_spans(self) -> None:
        """Copy the dict of spans by id if a frozen copy still shares it (before a change)."""
        if self._spans_shared_with is not None:
            other = self._spans_shared_with()
            if other is not None and other._spans is self._spans:
                self._spans = dict(self._spans)
            self._spans_shared_with = None

    # -- primitives used by edits (checked by the caller) ---------------------
    def _insert(self, span: Span, *, defer_order: bool = False) -> None:
        """Add a checked span; with ``defer_order``, call :meth:`_sort_index` after the batch."""
        self._own_spans()
        self._spans[span.id] = span
        if defer_order:
            order = self._order
            if self._loading is None and order and SORT_KEY(span) < SORT_KEY(order[-1]):
                # out of order: the list is sorted at the end, found by key meanwhile
                self._loading = {(s.start, s.end, s.label): s.id for s in order}
            if self._loading is not None:
                self._loading[(span.start, span.end, span.label)] = span.id
            order.append(span)
        else:
            if self._loading is not None:
                self._sort_index()
            bisect.insort(self._order, span, key=SORT_KEY)
        self._max_length = max(self._max_length, span.end - span.start)
        number = id_number(span.id)
        if number is not None and number >= self._next_span:
            self._next_span = number + 1

    def _sort_index(self) -> None:
        """Restore the sorted index after a bulk load with ``defer_order``."""
        if self._loading is not None:  # (spans that came in order are in order)
            self._order.sort(key=SORT_KEY)
            self._loading = None

    def _delete(self, span_id: str) -> Span:
        if self._loading is not None:
            self._sort_index()
        self._own_spans()
        span = self._spans.pop(span_id)
        index = bisect.bisect_left(self._order, span.sort_key, key=SORT_KEY)
        del self._order[index]
        return span

    def _insert_relation(self, relation: Relation) -> None:
        self._relations[relation.id] = relation
        number = id_number(relation.id, "relation")
        if number is not None and number >= self._next_relation:
            self._next_relation = number + 1

    def _delete_relation(self, relation_id: str) -> Relation:
        return self._relations.pop(relation_id)

    def _set_status(self, status: Status) -> None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        self.status = status

    # -- comparison ----------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        """Everything a writer would write, for exact equality checks."""
        return (self.doc_id, self.annotator, self.status, self.text, self.spans(),
                self.relations(), self.extra, self.document_extra, self.unplaced,
                self.rejected_suggestions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnnotationSet):
            return NotImplemented
        return self.snapshot() == other.snapshot()

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def build(cls, doc_id: str, text: str, annotator: str, spans: Iterable[Span] = (),
              labels: Iterable[str] | None = None, status: Status = "new") -> AnnotationSet:
        """A checked set from spans (raises :class:`EditError` on the first bad one)."""
        from annotator.core.edits import AddSpan  # edits import this module

        aset = cls(doc_id, text, annotator, frozenset(labels) if labels is not None else None,
                   status)
        for span in spans:
            AddSpan(span).apply(aset)
        return aset
