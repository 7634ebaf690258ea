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
  A gold span that is replaced by the other version keeps its id and note
  (the reviewer's note survives a change of mind).
- :func:`agreed_spans` / :func:`accept_agreed`: spans that every selected
  annotator marked identically, added to gold in one undoable step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from annotator.core.annotations import AnnotationSet
from annotator.core.differences import Difference, Kind, classify_differences
from annotator.core.edits import AddSpan, Batch, Edit, ReplaceSpan, remove_span
from annotator.core.spans import Span, id_number

Choice = Literal["a", "b", "both", "none"]
CHOICES: tuple[Choice, ...] = ("a", "b", "both", "none")

_KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}


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
    def identity(self) -> tuple[str, str, str]:
        """Which spans this item pairs: ``(b, a's span id, b's span id)``."""
        d = self.difference
        return (self.b, d.a.id if d.a else "", d.b.id if d.b else "")


def compare(reference: str, spans: Mapping[str, Sequence[Span]]) -> list[ReviewItem]:
    """Every other annotator of ``spans`` against ``reference``, in text order.

    Items at the same place are ordered by annotator (in ``spans``' order),
    then by kind, so a place reads the same way in every list.

    >>> x = Span("T1", 0, 3, "entity", "كيم")
    >>> items = compare("amal", {"amal": [x], "omar": [x], "sara": []})
    >>> [(i.b, i.kind.value) for i in items]
    [('omar', 'same'), ('sara', 'only_a')]
    """
    if reference not in spans:
        raise KeyError(f"reference annotator {reference!r} is not among those compared")
    order = {name: i for i, name in enumerate(spans)}
    items = [ReviewItem(reference, name, difference)
             for name, theirs in spans.items() if name != reference
             for difference in classify_differences(spans[reference], theirs)]
    items.sort(key=lambda item: (item.start, item.end, order[item.b],
                                 _KIND_ORDER[item.kind], item.identity))
    return items


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


def gold_state(gold: AnnotationSet, difference: Difference) -> GoldState:
    """Which version of ``difference`` gold holds.

    >>> from annotator.core.differences import Difference, Kind
    >>> a, b = Span("T1", 0, 3, "entity", "كيم"), Span("T9", 0, 3, "gift", "كيم")
    >>> gold = AnnotationSet.build("d", "كيم جونغ", "gold", [Span("T4", 0, 3, "gift", "كيم")])
    >>> gold_state(gold, Difference(Kind.LABEL, a, b)).value
    'b'
    """
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
    """The gold span that stands for ``difference`` (A's, B's, or an edited one), if any."""
    for span in (difference.a, difference.b):
        found = _in_gold(gold, span)
        if found is not None:
            return found
    edited = edited_spans(gold, difference)
    return edited[0] if edited else None


def fresh_ids(gold: AnnotationSet, count: int) -> list[str]:
    """``count`` span ids not used in ``gold`` (``T<n>``, counting up)."""
    number = id_number(gold.new_span_id()) or 1
    ids: list[str] = []
    while len(ids) < count:
        if f"T{number}" not in gold:
            ids.append(f"T{number}")
        number += 1
    return ids


def copy_for_gold(span: Span, span_id: str) -> Span:
    """An annotator's span as a new gold span: same place, label and attributes; no note."""
    return Span(span_id, span.start, span.end, span.label, span.text,
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


def settle(gold: AnnotationSet, difference: Difference, choice: Choice,
           description: str | None = None) -> Edit | None:
    """The edit making gold hold ``choice``'s version of ``difference``; None if it already does.

    Gold spans with a candidate's key that the choice does not want are removed,
    or, when a wanted version is missing, changed into it (same id and note).

    >>> a, b = Span("T1", 0, 3, "entity", "كيم"), Span("T2", 0, 8, "entity", "كيم جونغ")
    >>> gold = AnnotationSet.build("d", "كيم جونغ", "gold")
    >>> edit = settle(gold, Difference(Kind.BOUNDARY, a, b), "b")
    >>> edit.apply(gold)
    >>> [(s.id, s.text) for s in gold.spans()]
    [('T1', 'كيم جونغ')]
    """
    keep = wanted(difference, choice)
    keep_keys = {span.key for span in keep}
    unwanted = [found for span in candidates(difference)
                if span.key not in keep_keys and (found := _in_gold(gold, span)) is not None]
    missing = [span for span in keep if _in_gold(gold, span) is None]
    edits: list[Edit] = []
    while unwanted and missing:
        old, new = unwanted.pop(0), missing.pop(0)
        edits.append(ReplaceSpan(old, old.with_changes(start=new.start, end=new.end,
                                                       label=new.label, text=new.text)))
    edits += [remove_span(gold, span.id) for span in unwanted]
    edits += [AddSpan(copy_for_gold(span, span_id))
              for span, span_id in zip(missing, fresh_ids(gold, len(missing)), strict=True)]
    if not edits:
        return None
    if description is None:
        what = {"a": "Accept A", "b": "Accept B", "both": "Accept both", "none": "Reject"}[choice]
        text = (difference.a or difference.b).text  # type: ignore[union-attr]
        description = f"{what} “{_short(text)}”"
    return Batch(tuple(edits), description)


def agreed_spans(spans: Mapping[str, Sequence[Span]]) -> list[Span]:
    """Spans that every annotator of ``spans`` marked with the same start, end and label.

    Needs at least two annotators (else nothing is "agreed"); the spans returned
    are the first annotator's, in writer order.

    >>> x, y = Span("T1", 0, 3, "entity", "كيم"), Span("T2", 4, 8, "gift", "جونغ")
    >>> [s.id for s in agreed_spans({"amal": [x, y], "omar": [x]})]
    ['T1']
    """
    groups = list(spans.values())
    if len(groups) < 2:
        return []
    shared = set.intersection(*({span.key for span in group} for group in groups))
    return sorted((span for span in groups[0] if span.key in shared), key=lambda s: s.sort_key)


def accept_agreed(gold: AnnotationSet, agreed: Iterable[Span]) -> Batch | None:
    """One edit adding every agreed span that gold does not hold yet (None: nothing to add)."""
    missing = [span for span in agreed if gold.find(*span.key) is None]
    unique = list({span.key: span for span in missing}.values())
    if not unique:
        return None
    edits: tuple[Edit, ...] = tuple(
        AddSpan(copy_for_gold(span, span_id))
        for span, span_id in zip(unique, fresh_ids(gold, len(unique)), strict=True))
    return Batch(edits, f"Accept {len(unique)} agreed span(s)")


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
