"""How two annotators' spans on one document differ, span by span.

Review (the agreement report, and adjudication in the window) needs more than a
score: it needs each disagreement, classed so that a reviewer can settle the
easy ones at a glance. :func:`classify_differences` pairs the spans of A and B
one-to-one and classes every pair or leftover as one :class:`Kind`:

- ``same``: start, end and label all equal;
- ``label``: same start and end, different label;
- ``boundary``: the spans share characters but their boundaries differ (their
  labels may differ too: ``Difference.same_label`` says);
- ``only_a`` / ``only_b``: nothing of the other annotator was paired with it.

With ``details`` (review mode), a pair with the same start, end and label is
also looked at more closely: different ``attributes`` make an ``attributes``
difference, different notes a ``note`` difference (both, when both differ);
only a pair equal in all of it is ``same``. :func:`classify_relations` adds
the relations: a relation of A and one of B match when they have the same
type and their ends match (an end matches when its spans have the same start,
end and label); every relation left unmatched is a ``relation`` difference of
one side. :func:`classify_all` is both, for one annotator's :class:`Work`
against another's.

:func:`match_overlapping` is the one-to-one pairing of overlapping spans
(largest overlap first) that both this module and ``f1_overlap`` in
:mod:`annotator.core.agreement` use, so the report and the window never
disagree about what counts as a match.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.core.spans import Relation, Span


class Kind(StrEnum):
    """The class of one difference, in the order a reviewer settles them."""

    SAME = "same"
    LABEL = "label"
    BOUNDARY = "boundary"
    ONLY_A = "only_a"
    ONLY_B = "only_b"
    ATTRIBUTES = "attributes"  # same span (start, end, label), other attributes
    NOTE = "note"  # same span, other note
    RELATION = "relation"  # a relation only one side has

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]

    @property
    def of_spans(self) -> bool:
        """Whether this kind compares spans' places and labels (the agreement's kinds)."""
        return self in SPAN_KINDS


_DESCRIPTIONS = {
    Kind.SAME: "same",
    Kind.LABEL: "same span, different label",
    Kind.BOUNDARY: "overlapping boundaries",
    Kind.ONLY_A: "only in A",
    Kind.ONLY_B: "only in B",
    Kind.ATTRIBUTES: "same span, different attributes",
    Kind.NOTE: "same span, different note",
    Kind.RELATION: "relation in one only",
}
SPAN_KINDS = frozenset({Kind.SAME, Kind.LABEL, Kind.BOUNDARY, Kind.ONLY_A, Kind.ONLY_B})
_KIND_INDEX = {kind: index for index, kind in enumerate(Kind)}  # (the order of sort keys)


@dataclass(frozen=True)
class Linked:
    """A relation with its two end spans (of the same annotator)."""

    relation: Relation
    source: Span
    target: Span

    @property
    def key(self) -> tuple[str, tuple[int, int, str], tuple[int, int, str]]:
        """What two annotators' relations must share to match: type and both ends' keys."""
        return (self.relation.type, self.source.key, self.target.key)

    @property
    def start(self) -> int:
        return min(self.source.start, self.target.start)

    @property
    def end(self) -> int:
        return max(self.source.end, self.target.end)


@dataclass(frozen=True)
class Work:
    """What is compared of one annotator on one document: spans and relations."""

    spans: Sequence[Span]
    relations: Sequence[Relation] = ()

    def linked(self) -> list[Linked]:
        """Each relation with its end spans (a relation whose end is missing is left out)."""
        by_id = {span.id: span for span in self.spans}
        return [Linked(r, by_id[r.source], by_id[r.target]) for r in self.relations
                if r.source in by_id and r.target in by_id]


@dataclass(frozen=True)
class Difference:
    """One paired (or unpaired) span of A and/or B and how they compare.

    ``a`` is None for ``only_b``, ``b`` is None for ``only_a``; both are set for
    the other span kinds. A ``relation`` difference has no spans but one of
    ``relation_a``/``relation_b`` (the relation with its ends). ``start``/``end``
    cover everything it holds.
    """

    kind: Kind
    a: Span | None
    b: Span | None
    relation_a: Linked | None = None
    relation_b: Linked | None = None
    # found once, from the parts above: sorting and listing 50,000 differences ask each
    # for them some ten times
    start: int = field(init=False, compare=False, repr=False)
    end: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        parts = [s for s in (self.a, self.b, self.relation_a, self.relation_b) if s is not None]
        if not parts:
            raise ValueError("a difference needs at least one span or relation")
        object.__setattr__(self, "start", min(part.start for part in parts))
        object.__setattr__(self, "end", max(part.end for part in parts))

    @property
    def relation(self) -> Linked | None:
        """The relation of a ``relation`` difference (A's or B's), else None."""
        return self.relation_a or self.relation_b

    @property
    def same_label(self) -> bool:
        """True when both spans exist and carry the same label."""
        return self.a is not None and self.b is not None and self.a.label == self.b.label

    @property
    def agreed(self) -> bool:
        return self.kind is Kind.SAME

    @property
    def ids(self) -> tuple[str, str]:
        """The ids of A's and B's span (or relation), "" where a side has none."""
        a = self.relation_a.relation.id if self.relation_a else self.a.id if self.a else ""
        b = self.relation_b.relation.id if self.relation_b else self.b.id if self.b else ""
        return a, b

    def sort_key(self) -> tuple[int, int, int, str, str]:
        return (self.start, self.end, _KIND_INDEX[self.kind], *self.ids)


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_overlapping(a: Sequence[Span], b: Sequence[Span],
                      same_label: bool = True) -> list[tuple[Span, Span]]:
    """Pair spans of ``a`` and ``b`` that share at least one character, one-to-one.

    Greedy, largest overlap first; ties go to the pair with the smaller union
    (so an exact match beats a longer span with the same overlap), then to the
    pair with the same label (when ``same_label`` is False), then to text order.
    With ``same_label`` only spans with equal labels are paired.

    >>> x, y = Span("T1", 0, 5, "gift", "....."), Span("T2", 3, 9, "gift", "......")
    >>> [(p.id, q.id) for p, q in match_overlapping([x], [y])]
    [('T1', 'T2')]
    """
    if not a or not b:
        return []
    ordered_b = sorted(b, key=lambda s: s.sort_key)
    starts = [s.start for s in ordered_b]
    longest = max(s.end - s.start for s in ordered_b)
    candidates: list[tuple[int, int, bool, tuple[int, int, str, str],
                           tuple[int, int, str, str], int, int]] = []
    for i, span_a in enumerate(a):
        low = bisect.bisect_right(starts, span_a.start - longest)
        high = bisect.bisect_left(starts, span_a.end)
        for j in range(low, high):
            span_b = ordered_b[j]
            if span_b.end <= span_a.start:
                continue
            if same_label and span_b.label != span_a.label:
                continue
            shared = min(span_a.end, span_b.end) - max(span_a.start, span_b.start)
            union = max(span_a.end, span_b.end) - min(span_a.start, span_b.start)
            candidates.append((-shared, union, span_a.label != span_b.label,
                               span_a.sort_key, span_b.sort_key, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for *_, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((a[i], ordered_b[j]))
    return pairs


def classify_differences(a: Iterable[Span], b: Iterable[Span],
                         details: bool = False) -> list[Difference]:
    """Every span of A and of B, paired one-to-one and classed, in text order.

    Pairing goes from the strictest relation to the loosest, so each span lands
    in the first class that fits: exact matches, then equal ranges with other
    labels, then overlapping spans (:func:`match_overlapping`, preferring equal
    labels), and what is left is only in A or only in B. With ``details``, an
    exact match whose attributes or notes differ is an ``attributes`` and/or a
    ``note`` difference instead of ``same``.

    >>> a = [Span("T1", 0, 4, "entity", "كيم "), Span("T2", 10, 14, "gift", "درون")]
    >>> b = [Span("T7", 0, 3, "entity", "كيم"), Span("T8", 20, 24, "meeting", "لقاء")]
    >>> [d.kind.value for d in classify_differences(a, b)]
    ['boundary', 'only_a', 'only_b']
    """
    rest_a = sorted(a, key=lambda s: s.sort_key)
    rest_b = sorted(b, key=lambda s: s.sort_key)
    found: list[Difference] = []

    # 1. Exact matches.
    by_key: dict[tuple[int, int, str], list[Span]] = defaultdict(list)
    for span in rest_b:
        by_key[span.key].append(span)
    left_a: list[Span] = []
    for span in rest_a:
        same = by_key.get(span.key)
        if same:
            found += _exact(span, same.pop(0), details)
        else:
            left_a.append(span)
    rest_a = left_a
    rest_b = [s for spans in by_key.values() for s in spans]
    rest_b.sort(key=lambda s: s.sort_key)

    # 2. Same range, different label.
    by_range: dict[tuple[int, int], list[Span]] = defaultdict(list)
    for span in rest_b:
        by_range[(span.start, span.end)].append(span)
    left_a = []
    for span in rest_a:
        same_range = by_range.get((span.start, span.end))
        if same_range:
            found.append(Difference(Kind.LABEL, span, same_range.pop(0)))
        else:
            left_a.append(span)
    rest_a = left_a
    rest_b = sorted((s for spans in by_range.values() for s in spans), key=lambda s: s.sort_key)

    # 3. Overlapping spans with other boundaries.
    paired: set[int] = set()  # object ids: two spans of one side may share an id string
    for span_a, span_b in match_overlapping(rest_a, rest_b, same_label=False):
        found.append(Difference(Kind.BOUNDARY, span_a, span_b))
        paired.update((id(span_a), id(span_b)))

    # 4. Leftovers.
    found += [Difference(Kind.ONLY_A, s, None) for s in rest_a if id(s) not in paired]
    found += [Difference(Kind.ONLY_B, None, s) for s in rest_b if id(s) not in paired]
    found.sort(key=Difference.sort_key)
    return found


def _exact(a: Span, b: Span, details: bool) -> list[Difference]:
    """An exact match: ``same``, or (with ``details``) what of it differs."""
    found = []
    if details and (a.attributes or {}) != (b.attributes or {}):
        found.append(Difference(Kind.ATTRIBUTES, a, b))
    if details and (a.note or "") != (b.note or ""):
        found.append(Difference(Kind.NOTE, a, b))
    return found or [Difference(Kind.SAME, a, b)]


def classify_relations(a: Work, b: Work) -> list[Difference]:
    """Relations of A and of B that the other lacks (same type, matching ends), in text order.

    >>> x, y = Span("T1", 0, 3, "gift", "سترة"), Span("T2", 5, 9, "entity", "كيم")
    >>> r = Relation("R1", "giver", "T1", "T2")
    >>> [d.relation.relation.id for d in classify_relations(Work([x, y], [r]), Work([x, y]))]
    ['R1']
    >>> classify_relations(Work([x, y], [r]), Work([x, y], [r]))
    []
    """
    left_b: dict[tuple[str, tuple[int, int, str], tuple[int, int, str]], list[Linked]] = \
        defaultdict(list)
    for linked in b.linked():
        left_b[linked.key].append(linked)
    found: list[Difference] = []
    for linked in a.linked():
        same = left_b.get(linked.key)
        if same:
            same.pop(0)
        else:
            found.append(Difference(Kind.RELATION, None, None, relation_a=linked))
    found += [Difference(Kind.RELATION, None, None, relation_b=linked)
              for group in left_b.values() for linked in group]
    found.sort(key=Difference.sort_key)
    return found


def classify_all(a: Work, b: Work) -> list[Difference]:
    """Spans (with attributes and notes) and relations of A against B, in text order."""
    found = classify_differences(a.spans, b.spans, details=True) + classify_relations(a, b)
    found.sort(key=Difference.sort_key)
    return found


def count_kinds(differences: Iterable[Difference]) -> dict[Kind, int]:
    """How many differences of each kind (every kind present, zero included)."""
    counts = dict.fromkeys(Kind, 0)
    for difference in differences:
        counts[difference.kind] += 1
    return counts
