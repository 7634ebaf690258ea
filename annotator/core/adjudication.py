"""Adjudication: comparing annotators for review, and settling each difference into gold.

Review mode (in the window) shows where annotators disagree and lets a reviewer
write the gold version (``gold/<doc_id>.json``, annotator ``gold``). Everything
it decides is here, Qt-free, so the rules are tested without a window and every
change to gold is an ordinary core edit (undoable, saved like any other):

- :func:`compare`: two or more annotators are compared **pairwise against a
  reference** (the first one, "A"): each other annotator ("B") is paired with
  A by :func:`~annotator.core.differences.classify_differences`, the same
  function the agreement report uses, so the window and the figures agree.
  With three annotators a place where B1 agrees with A and B2 does not shows
  up twice, once per pair, each with its own kind.
- :func:`gold_state`: what gold holds at a difference (A's version, B's, both,
  something else, or nothing), read off the gold set, so it follows undo and
  redo with no bookkeeping of its own.
- :func:`settle`: the edit that makes gold hold A's version, B's, both, or
  neither (reject) at one difference. "A's version" of an *only in B*
  difference is no span at all, so accepting it removes B's span from gold.
  A span goes into gold with its attributes and note; a gold span replaced by
  the other version keeps its id, and its note unless the note was the
  replaced version's own (a note the reviewer wrote survives a change of
  mind). Settling a span never copies relations: a relation enters gold only
  when its own difference is accepted (or, agreed by all, with
  :func:`accept_agreed`), so gold never gets relations the reviewer did not
  choose, nor one relation twice.
- ``attributes`` and ``note`` differences (same span, other attributes or
  note) settle the gold span's attributes or note: A's, B's, both (notes
  joined, attributes merged; conflicting values are refused with
  :class:`SettleError`) or none; a span gold lacks yet comes in with them. A
  ``relation`` difference settles the relation, pointing at gold's span ids;
  accepting it needs both its ends in gold (else :class:`SettleError`) and adds
  nothing when gold already has that type between those ends.
- :func:`crowds_gold`: accepting both versions of a boundary difference with
  one label would put two overlapping spans with the same label in gold,
  which flat exports (CoNLL, Hugging Face tags) cannot keep: the window asks.
- :func:`agreed_spans` / :func:`accept_agreed`: spans (and relations) that
  every selected annotator marked identically, added to gold in one undoable
  step.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from annotator.core.annotations import AnnotationSet
from annotator.core.differences import (
    Difference,
    Kind,
    Linked,
    Work,
    classify_all,
    classify_differences,
)
from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Batch,
    Changes,
    Edit,
    RemoveRelation,
    ReplaceSpan,
    remove_span,
    short,
)
from annotator.core.spans import Relation, Span, id_number

Choice = Literal["a", "b", "both", "none"]
CHOICES: tuple[Choice, ...] = ("a", "b", "both", "none")
SpanKey = tuple[int, int, str]

_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


class SettleError(ValueError):
    """A choice that cannot be made at a difference; ``code`` says why (for messages)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ReviewItem:
    """One difference between the reference ``a`` and the annotator ``b``."""

    a: str
    b: str
    difference: Difference

    @property
    def kind(self) -> Kind:
        return self.difference.kind

    @property
    def start(self) -> int:
        return self.difference.start

    @property
    def end(self) -> int:
        return self.difference.end

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """Which spans (or relation) this item pairs: ``(b, kind, a's id, b's id)``."""
        return (self.b, self.kind.value, *self.difference.ids)


def compare(reference: str, spans: Mapping[str, Sequence[Span] | Work]) -> list[ReviewItem]:
    """Every other annotator of ``spans`` against ``reference``, in text order.

    A value may be spans only, or a :class:`Work` (spans and relations): then
    attributes, notes and relations are compared too
    (:func:`~annotator.core.differences.classify_all`). Items at the same place
    are ordered by annotator (in ``spans``' order), then by kind, so a place
    reads the same way in every list.

    >>> x = Span("T1", 0, 3, "entity", "كيم")
    >>> items = compare("amal", {"amal": [x], "omar": [x], "sara": []})
    >>> [(i.b, i.kind.value) for i in items]
    [('omar', 'same'), ('sara', 'only_a')]
    """
    if reference not in spans:
        raise KeyError(f"reference annotator {reference!r} is not among those compared")
    order = {name: i for i, name in enumerate(spans)}
    ref = spans[reference]
    items = [ReviewItem(reference, name, difference)
             for name, theirs in spans.items() if name != reference
             for difference in _classify(ref, theirs)]
    items.sort(key=lambda item: (item.start, item.end, order[item.b],
                                 _KIND_ORDER[item.kind], item.identity))
    return items


def _classify(a: Sequence[Span] | Work, b: Sequence[Span] | Work) -> list[Difference]:
    if isinstance(a, Work) or isinstance(b, Work):
        return classify_all(a if isinstance(a, Work) else Work(a),
                            b if isinstance(b, Work) else Work(b))
    return classify_differences(a, b)


class GoldState(StrEnum):
    """What gold holds at one difference."""

    NONE = "none"  # neither version (not settled yet, or rejected)
    A = "a"  # A's version only
    B = "b"  # B's version only
    BOTH = "both"  # both versions (for ``same``: the agreed span)
    OTHER = "other"  # another span in their place (edited boundaries or label)

    @property
    def text(self) -> str:
        return _STATE_TEXT[self]


_STATE_TEXT = {GoldState.NONE: "—", GoldState.A: "A", GoldState.B: "B", GoldState.BOTH: "A+B",
               GoldState.OTHER: "edited"}


def candidates(difference: Difference) -> list[Span]:
    """The versions a difference offers (A's and B's spans, one per distinct key)."""
    found: list[Span] = []
    for span in (difference.a, difference.b):
        if span is not None and all(span.key != other.key for other in found):
            found.append(span)
    return found


def _in_gold(gold: AnnotationSet, span: Span | None) -> Span | None:
    return gold.find(*span.key) if span is not None else None


def gold_relation(gold: AnnotationSet, linked: Linked) -> Relation | None:
    """Gold's relation matching ``linked`` (same type, ends with the same keys), if any."""
    source, target = _in_gold(gold, linked.source), _in_gold(gold, linked.target)
    if source is None or target is None:
        return None
    return next((r for r in gold.relations_of(source.id)
                 if r.type == linked.relation.type and r.source == source.id
                 and r.target == target.id), None)


def edited_spans(gold: AnnotationSet, difference: Difference) -> list[Span]:
    """Gold spans standing in for a candidate: overlapping it with its label or its range."""
    keys = {span.key for span in candidates(difference)}
    found = []
    for span in gold.overlapping(difference.start, difference.end):
        if span.key in keys:
            continue
        if any(span.overlaps(c.start, c.end) and (span.label == c.label
                                                   or (span.start, span.end) == (c.start, c.end))
               for c in candidates(difference)):
            found.append(span)
    return found


def _attributes(span: Span) -> dict[str, str]:
    return dict(span.attributes or {})


def _detail(span: Span, kind: Kind) -> object:
    """What an ``attributes`` or ``note`` difference is about, on one span."""
    return _attributes(span) if kind is Kind.ATTRIBUTES else (span.note or "")


def gold_state(gold: AnnotationSet, difference: Difference) -> GoldState:
    """Which version of ``difference`` gold holds.

    >>> from annotator.core.differences import Difference, Kind
    >>> a, b = Span("T1", 0, 3, "entity", "كيم"), Span("T9", 0, 3, "gift", "كيم")
    >>> gold = AnnotationSet.build("d", "كيم جونغ", "gold", [Span("T4", 0, 3, "gift", "كيم")])
    >>> gold_state(gold, Difference(Kind.LABEL, a, b)).value
    'b'
    """
    if not len(gold):  # (nothing settled yet: 50,000 differences answered at once)
        return GoldState.NONE
    kind = difference.kind
    if kind is Kind.RELATION:
        linked = difference.relation
        held = linked is not None and gold_relation(gold, linked) is not None
        if not held:
            return GoldState.NONE
        return GoldState.A if difference.relation_a is not None else GoldState.B
    if kind in (Kind.ATTRIBUTES, Kind.NOTE) and difference.a and difference.b:
        found = _in_gold(gold, difference.a)
        if found is None:
            return GoldState.NONE
        here = _detail(found, kind)
        a, b = _detail(difference.a, kind), _detail(difference.b, kind)
        if here == a:
            return GoldState.A
        if here == b:
            return GoldState.B
        both = _both_detail(difference.a, difference.b, kind)
        return GoldState.BOTH if here == both else GoldState.OTHER
    has_a = _in_gold(gold, difference.a) is not None
    has_b = _in_gold(gold, difference.b) is not None
    if has_a and has_b:
        return GoldState.BOTH
    if has_a:
        return GoldState.A
    if has_b:
        return GoldState.B
    return GoldState.OTHER if edited_spans(gold, difference) else GoldState.NONE


def gold_span(gold: AnnotationSet, difference: Difference) -> Span | None:
    """The gold span that stands for ``difference`` (A's, B's, or an edited one), if any.

    For a ``relation`` difference: gold's span at the relation's source.
    """
    if not len(gold):
        return None
    if difference.kind is Kind.RELATION:
        linked = difference.relation
        return _in_gold(gold, linked.source) if linked is not None else None
    for span in (difference.a, difference.b):
        found = _in_gold(gold, span)
        if found is not None:
            return found
    edited = edited_spans(gold, difference)
    return edited[0] if edited else None


class ItemPlaces:
    """Where review items lie, to find those a change of gold can touch.

    What gold holds at an item (:func:`gold_state`, :func:`gold_span`) depends
    only on gold's spans overlapping the item and, for a ``relation`` item, on
    gold's relations: after an edit of gold, only the items overlapping a span
    that left or came (and the relation items) need reading again, not the
    50,000 of a big document.
    """

    def __init__(self, items: Sequence[ReviewItem]) -> None:
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]
        self._ends = [item.end for item in items]
        self._longest = max((item.end - item.start for item in items), default=0)
        self._relations = [i for i, item in enumerate(items) if item.kind is Kind.RELATION]

    def touched(self, changes: Changes) -> list[int]:
        """Indexes of the items ``changes`` (spans removed from and added to gold) may touch."""
        found = set(self._relations)
        for span in (*changes.removed, *changes.added):
            low = bisect.bisect_left(self._starts, span.start - self._longest)
            high = bisect.bisect_left(self._starts, span.end)
            found.update(i for i in self._order[low:high] if self._ends[i] > span.start)
        return sorted(found)


def fresh_ids(gold: AnnotationSet, count: int, prefix: str = "T") -> list[str]:
    """``count`` span (``T``) or relation (``R``) ids not used in ``gold``, counting up."""
    kind: Literal["span", "relation"] = "span" if prefix == "T" else "relation"
    first = gold.new_span_id() if prefix == "T" else gold.new_relation_id()
    number = id_number(first, kind) or 1
    used = {r.id for r in gold.relations()} if prefix == "R" else set()
    ids: list[str] = []
    while len(ids) < count:
        candidate = f"{prefix}{number}"
        if candidate not in gold and candidate not in used:
            ids.append(candidate)
        number += 1
    return ids


def copy_for_gold(span: Span, span_id: str) -> Span:
    """An annotator's span as a new gold span: same place, label, attributes and note."""
    return Span(span_id, span.start, span.end, span.label, span.text, span.note,
                attributes=dict(span.attributes) if span.attributes else None)


def wanted(difference: Difference, choice: Choice) -> list[Span]:
    """The spans gold should hold at ``difference`` after ``choice``."""
    picked = {"a": [difference.a], "b": [difference.b], "both": [difference.a, difference.b],
              "none": []}[choice]
    found: list[Span] = []
    for span in picked:
        if span is not None and all(span.key != other.key for other in found):
            found.append(span)
    return found


def crowds_gold(difference: Difference, choice: Choice) -> bool:
    """Whether ``choice`` puts two overlapping spans with one label in gold.

    Flat exports (CoNLL, Hugging Face tags) keep only one of such spans, so the
    window asks before it accepts both versions of such a boundary difference.

    >>> a, b = Span("T1", 0, 6, "entity", "وبوتين"), Span("T2", 1, 6, "entity", "بوتين")
    >>> crowds_gold(Difference(Kind.BOUNDARY, a, b), "both"), crowds_gold(
    ...     Difference(Kind.BOUNDARY, a, b), "a")
    (True, False)
    """
    return choice == "both" and difference.kind is Kind.BOUNDARY and difference.same_label


@dataclass
class _Plan:
    """Where the spans a settlement touches end up: key -> gold id, and keys that leave."""

    gold: AnnotationSet
    placed: dict[SpanKey, str]
    gone: set[SpanKey]

    def id_of(self, key: SpanKey) -> str | None:
        if key in self.placed:
            return self.placed[key]
        if key in self.gone:
            return None
        found = self.gold.find(*key)
        return found.id if found is not None else None

    def relations(self, linked: Iterable[Linked], touching: set[SpanKey]) -> list[Edit]:
        """Additions of the ``linked`` relations touching ``touching`` whose ends stay in gold."""
        have = {(r.type, r.source, r.target) for r in self.gold.relations()}
        chosen: list[tuple[str, str, str, Relation]] = []
        for link in linked:
            if link.source.key not in touching and link.target.key not in touching:
                continue
            source, target = self.id_of(link.source.key), self.id_of(link.target.key)
            if source is None or target is None:
                continue
            triple = (link.relation.type, source, target)
            if triple in have:
                continue
            have.add(triple)
            chosen.append((*triple, link.relation))
        ids = fresh_ids(self.gold, len(chosen), "R")
        return [AddRelation(Relation(rid, kind, source, target, _relation_extra(relation)))
                for rid, (kind, source, target, relation) in zip(ids, chosen, strict=True)]


def _relation_extra(relation: Relation) -> dict[str, object]:
    """What of a relation's extra keys goes into gold: its note."""
    note = relation.extra.get("note")
    return {"note": note} if isinstance(note, str) else {}


def settle(gold: AnnotationSet, difference: Difference, choice: Choice,
           description: str | None = None) -> Edit | None:
    """The edit making gold hold ``choice``'s version of ``difference``; None if it already does.

    Gold spans with a candidate's key that the choice does not want are removed,
    or, when a wanted version is missing, changed into it (same id; the note
    stays unless it was the replaced version's). Relations come only with a
    ``relation`` difference of their own, never with a span. Raises
    :class:`SettleError` when the choice cannot be made.

    >>> a, b = Span("T1", 0, 3, "entity", "كيم"), Span("T2", 0, 8, "entity", "كيم جونغ")
    >>> gold = AnnotationSet.build("d", "كيم جونغ", "gold")
    >>> edit = settle(gold, Difference(Kind.BOUNDARY, a, b), "b")
    >>> edit.apply(gold)
    >>> [(s.id, s.text) for s in gold.spans()]
    [('T1', 'كيم جونغ')]
    """
    if difference.kind is Kind.RELATION:
        edits = _settle_relation(gold, difference, choice)
    elif difference.kind in (Kind.ATTRIBUTES, Kind.NOTE):
        edits = _settle_detail(gold, difference, choice)
    else:
        edits = _settle_spans(gold, difference, choice)
    if not edits:
        return None
    if description is None:
        what = {"a": "Accept A", "b": "Accept B", "both": "Accept both", "none": "Reject"}[choice]
        description = f"{what} “{short(_words(difference))}”"
    return Batch(tuple(edits), description)


def _words(difference: Difference) -> str:
    """The text a difference is about, for undo texts."""
    span = difference.a or difference.b
    if span is not None:
        return span.text
    linked = difference.relation
    assert linked is not None
    return f"{linked.source.text} → {linked.target.text}"


def _settle_spans(gold: AnnotationSet, difference: Difference, choice: Choice) -> list[Edit]:
    keep = wanted(difference, choice)
    keep_keys = {span.key for span in keep}
    unwanted = [(span, found) for span in candidates(difference)
                if span.key not in keep_keys and (found := _in_gold(gold, span)) is not None]
    missing = [span for span in keep if _in_gold(gold, span) is None]
    edits: list[Edit] = []
    while unwanted and missing:
        (was, old), new = unwanted.pop(0), missing.pop(0)
        note = new.note if (old.note or "") == (was.note or "") else old.note
        attributes = (dict(new.attributes) if new.attributes else None) \
            if _attributes(old) == _attributes(was) else old.attributes
        edits.append(ReplaceSpan(old, old.with_changes(start=new.start, end=new.end,
                                                       label=new.label, text=new.text,
                                                       note=note, attributes=attributes)))
    for _, old in unwanted:
        edits.append(remove_span(gold, old.id))
    for span, span_id in zip(missing, fresh_ids(gold, len(missing)), strict=True):
        edits.append(AddSpan(copy_for_gold(span, span_id)))
    return edits


def _both_detail(a: Span, b: Span, kind: Kind) -> object:
    """Both versions of an attributes or note difference at once (attributes: may conflict)."""
    if kind is Kind.NOTE:
        notes = [n for n in (a.note, b.note) if n]
        return "\n".join(dict.fromkeys(notes))
    return {**_attributes(b), **_attributes(a)}


def _settle_detail(gold: AnnotationSet, difference: Difference, choice: Choice) -> list[Edit]:
    """An ``attributes`` or ``note`` difference: gold's span gets the chosen side's (a span
    gold lacks yet comes in with them, like an accepted span)."""
    a, b, kind = difference.a, difference.b, difference.kind
    assert a is not None and b is not None
    if kind is Kind.ATTRIBUTES and choice == "both":
        clash = sorted(name for name, value in _attributes(a).items()
                       if _attributes(b).get(name, value) != value)
        if clash:
            raise SettleError("attributes-conflict", "A and B give different values to "
                              f"{', '.join(clash)}: choose A's or B's")
    found = _in_gold(gold, a)
    if kind is Kind.ATTRIBUTES:
        attributes: dict[str, str] = {"a": _attributes(a), "b": _attributes(b), "none": {},
                                      "both": {**_attributes(b), **_attributes(a)}}[choice]
        changes: dict[str, object] = {"attributes": attributes or None}
        same = found is not None and attributes == _attributes(found)
    else:
        note = {"a": a.note or "", "b": b.note or "", "none": "",
                "both": str(_both_detail(a, b, kind))}[choice]
        changes = {"note": note or None}
        same = found is not None and note == (found.note or "")
    if found is None:
        if choice == "none":
            return []
        (span_id,) = fresh_ids(gold, 1)
        base = b if choice == "b" else a
        return [AddSpan(copy_for_gold(base, span_id).with_changes(**changes))]
    return [] if same else [ReplaceSpan(found, found.with_changes(**changes))]


def _settle_relation(gold: AnnotationSet, difference: Difference, choice: Choice) -> list[Edit]:
    linked = difference.relation
    assert linked is not None
    side = "a" if difference.relation_a is not None else "b"
    want = choice in (side, "both")
    held = gold_relation(gold, linked)
    if not want:
        return [] if held is None else [RemoveRelation(held)]
    if held is not None:
        return []
    plan = _Plan(gold, {}, set())
    if plan.id_of(linked.source.key) is None or plan.id_of(linked.target.key) is None:
        raise SettleError("relation-ends-not-in-gold", "accept both ends of the relation into "
                         "gold first")
    return plan.relations([linked], {linked.source.key})


def agreed_spans(spans: Mapping[str, Sequence[Span]]) -> list[Span]:
    """Spans that every annotator of ``spans`` marked identically: same start, end, label,
    attributes and note.

    Needs at least two annotators (else nothing is "agreed"); the spans returned
    are the first annotator's, in writer order.

    >>> x, y = Span("T1", 0, 3, "entity", "كيم"), Span("T2", 4, 8, "gift", "جونغ")
    >>> [s.id for s in agreed_spans({"amal": [x, y], "omar": [x]})]
    ['T1']
    """
    groups = list(spans.values())
    if len(groups) < 2:
        return []
    shared = set.intersection(*({_identical(span) for span in group} for group in groups))
    return sorted((span for span in groups[0] if _identical(span) in shared),
                  key=lambda s: s.sort_key)


def _identical(span: Span) -> tuple[object, ...]:
    return (*span.key, tuple(sorted(_attributes(span).items())), span.note or "")


def agreed_relations(works: Mapping[str, Work]) -> list[Linked]:
    """Relations every annotator of ``works`` has (same type, matching ends): the first's."""
    groups = [work.linked() for work in works.values()]
    if len(groups) < 2:
        return []
    shared = set.intersection(*({link.key for link in group} for group in groups))
    return [link for link in groups[0] if link.key in shared]


def accept_agreed(gold: AnnotationSet, agreed: Iterable[Span],
                  relations: Sequence[Linked] = ()) -> Batch | None:
    """One edit adding every agreed span that gold does not hold yet, and the agreed
    ``relations`` whose ends are then in gold (None: nothing to add)."""
    missing = [span for span in agreed if gold.find(*span.key) is None]
    unique = list({span.key: span for span in missing}.values())
    plan = _Plan(gold, {}, set())
    edits: list[Edit] = []
    for span, span_id in zip(unique, fresh_ids(gold, len(unique)), strict=True):
        edits.append(AddSpan(copy_for_gold(span, span_id)))
        plan.placed[span.key] = span_id
    touching = {key for link in relations for key in (link.source.key, link.target.key)}
    edits += plan.relations(relations, touching)
    if not edits:
        return None
    return Batch(tuple(edits), f"Accept {len(unique)} agreed span(s)")


