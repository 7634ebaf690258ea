"""What the article view shows in review mode, and reviewer notes in normal mode.

Review mode keeps colour for labels only, so no difference can be mistaken for
a label (red once meant both "only in A" and the label ``meeting``):

- **gold** spans are filled in their label's colour, as spans are when
  annotating (gold is the file being edited), and keyed by their span id, so
  a click selects the gold span for ordinary editing (label keys, boundary
  moves, ``F2`` for its note);
- what **A** marked is a solid bar *above* the words, what **B** marked a dashed
  bar *below* them, each in its label's colour, and each carries its label's
  name (``A entity``, ``B meeting``; one name where both agree), shown over
  the words (label names are turned on in review mode; :meth:`ReviewDecorations.names`
  gives them and :mod:`~annotator.ui.widgets.review_marks` places them so that
  none covers another). A above and B below never cover each other, whatever
  their extents;
- a **difference** (anything but agreement) is marked by neutral grey
  brackets around the words it covers (:mod:`annotator.ui.widgets.review_marks`
  paints them); its kind is said by the bars themselves (only a bar above:
  only A; bars of two colours: other label; bars of two lengths: other
  boundaries), by the tooltip and by the review list.

:class:`ReviewDecorations` gives the view what it paints through decorations
(fills, the keys that clicks select): one decoration per review item,
keyed by the item (so a click selects it in the review list), grey so that
the selection outline is neutral too.

In normal mode :class:`ReviewerNotes` wraps the annotator's own provider and
adds a dashed grey underline under each gold span that carries a reviewer's
note, whose tooltip shows the note: this is how annotators see what the
reviewer wrote.

Nothing here draws: the only Qt used is ``QCoreApplication.translate`` for the
tooltips' words (context ``ReviewDecorations``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annotator.core.adjudication import ReviewItem
from annotator.core.annotations import AnnotationSet
from annotator.core.differences import Kind, Linked
from annotator.core.spans import Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.widgets.decorations import Decoration, DecorationProvider

NOTE_COLOR = "#616161"
MARK_COLOR = "#757575"  # a difference's brackets and its selection outline: neutral grey
SAME_COLOR = "#9e9e9e"  # the selection outline of an agreed span
KEY_PREFIX = "review:"
# each kind in words; {a} and {b} are the compared annotators' names
KIND_TEXT: dict[Kind, str] = {
    Kind.SAME: QT_TRANSLATE_NOOP("ReviewDecorations", "same"),
    Kind.LABEL: QT_TRANSLATE_NOOP("ReviewDecorations", "same span, different label"),
    Kind.BOUNDARY: QT_TRANSLATE_NOOP("ReviewDecorations", "overlapping boundaries"),
    Kind.ONLY_A: QT_TRANSLATE_NOOP("ReviewDecorations", "only in A ({a})"),
    Kind.ONLY_B: QT_TRANSLATE_NOOP("ReviewDecorations", "only in B ({b})"),
    Kind.ATTRIBUTES: QT_TRANSLATE_NOOP("ReviewDecorations", "same span, different attributes"),
    Kind.NOTE: QT_TRANSLATE_NOOP("ReviewDecorations", "same span, different note"),
    Kind.RELATION: QT_TRANSLATE_NOOP("ReviewDecorations", "relation of one only"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewDecorations", text)


def item_key(index: int) -> str:
    """The decoration key of the review item at ``index`` (never a span id: those are T<n>)."""
    return f"{KEY_PREFIX}{index}"


def item_index(key: object) -> int | None:
    """The review item index in a decoration key, or None for any other key."""
    if isinstance(key, str) and key.startswith(KEY_PREFIX):
        tail = key[len(KEY_PREFIX):]
        return int(tail) if tail.isdigit() else None
    return None


def describe(span: Span | None) -> str:
    """One line about a span for tooltips: ``label “text” start–end``.

    The LEFT-TO-RIGHT MARK after the text keeps the offsets out of an Arabic
    text's right-to-left run (else "61–81" after Arabic digits reads "81–61").
    Only display strings get it; nothing stored is ever changed.
    """
    if span is None:
        return "—"
    return f"{span.label} “{' '.join(span.text.split())}”\u200e {span.start}–{span.end}"


def describe_relation(linked: Linked | None) -> str:
    """A relation for cells and tooltips: ``giver: “سترة” → “الحاكم”``."""
    if linked is None:
        return "—"
    source, target = (" ".join(s.text.split()) for s in (linked.source, linked.target))
    return f"{linked.relation.type}: “{source}” → “{target}”"


def _details(span: Span, kind: Kind) -> str:
    """What an ``attributes`` or ``note`` difference is about, on one side."""
    if kind is Kind.ATTRIBUTES:
        return ", ".join(f"{k}={v}" for k, v in sorted((span.attributes or {}).items())) or "—"
    return " ".join((span.note or "—").split())


def cell_parts(item: ReviewItem, side: str) -> tuple[str, str] | None:
    """One side (``"a"``/``"b"``) of a difference in a list cell, in two parts: its words
    (for a relation: its ends) and its label (with what differs for attributes and notes;
    for a relation: its type). None where the side has nothing.

    The parts are shown apart (each in its own direction, the words elided, never the
    label), so eliding mixed Arabic and Latin never cuts a label in two."""
    d = item.difference
    if item.kind is Kind.RELATION:
        linked = d.relation_a if side == "a" else d.relation_b
        if linked is None:
            return None
        source, target = (" ".join(s.text.split()) for s in (linked.source, linked.target))
        return f"“{source}” → “{target}”", linked.relation.type
    span = d.a if side == "a" else d.b
    if span is None:
        return None
    tail = span.label
    if item.kind in (Kind.ATTRIBUTES, Kind.NOTE):
        tail += f" · {_details(span, item.kind)}"
    return " ".join(span.text.split()), tail


def isolate(text: str) -> str:
    """``text`` in a first-strong isolate (FSI … PDI): its own direction inside a line of
    another. Display only."""
    return f"\u2068{text}\u2069"


def cell_text(item: ReviewItem, side: str) -> str:
    """One side of a difference as one string: words, then label, each isolated (so an
    Arabic cell runs right to left and keeps a Latin label whole at its end)."""
    parts = cell_parts(item, side)
    if parts is None:
        return "—"
    return " · ".join(isolate(part) for part in parts)


def cell_tooltip(item: ReviewItem, side: str) -> str:
    """The whole of a cell, for its tooltip (cells are elided)."""
    d = item.difference
    if item.kind is Kind.RELATION:
        return describe_relation(d.relation_a if side == "a" else d.relation_b)
    span = d.a if side == "a" else d.b
    text = describe(span)
    if span is not None and item.kind in (Kind.ATTRIBUTES, Kind.NOTE):
        text += f" — {_details(span, item.kind)}"
    return text


def kind_text(kind: Kind, a: str, b: str) -> str:
    """A kind's description with the annotators' names (``only in B`` says who B is)."""
    return _tr(KIND_TEXT[kind]).format(a=a, b=b)


def item_tooltip(item: ReviewItem) -> str:
    d = item.difference
    head = f"{kind_text(item.kind, item.a, item.b).capitalize()}, {item.a} ↔ {item.b}"
    if item.kind is Kind.SAME:
        return f"{head}: {describe(d.a)}"
    return f"{head}: A {cell_tooltip(item, 'a')} · B {cell_tooltip(item, 'b')}"


def gold_tooltip(span: Span) -> str:
    if span.note:
        return QCoreApplication.translate("ReviewDecorations", "Gold: {span} — note: {note}") \
            .format(span=describe(span), note=span.note)
    return QCoreApplication.translate("ReviewDecorations", "Gold: {span}").format(
        span=describe(span))


def agrees(item: ReviewItem) -> bool:
    """Whether A and B marked this the same (start, end and label): one name, no brackets."""
    return item.kind in (Kind.SAME, Kind.ATTRIBUTES, Kind.NOTE)


def side_names(items: Sequence[ReviewItem]) -> dict[str, str]:
    """How names over the text call each compared annotator: ``A``, ``B``, or B's own name
    when several are compared with A."""
    others = list(dict.fromkeys(item.b for item in items))
    names = {item.a: "A" for item in items[:1]}
    for other in others:
        names[other] = "B" if len(others) == 1 else other
    return names


@dataclass(frozen=True)
class Name:
    """A name to show over the words ``[start, end)`` (``A entity``), of review item ``index``."""

    start: int
    end: int
    text: str
    color: str
    index: int


class ReviewDecorations:
    """Review items (keys, label names) and gold spans (fills in their label's colour)."""

    def __init__(self, items: Sequence[ReviewItem], gold: AnnotationSet | None,
                 label_colors: Mapping[str, str], fallback: str = "#7f7f7f") -> None:
        self.items = list(items)
        self.gold = gold
        self.label_colors = dict(label_colors)
        self.fallback = fallback
        self.names_of = side_names(self.items)
        self._order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self._starts = [self.items[i].start for i in self._order]
        self._longest = max((item.end - item.start for item in self.items), default=0)

    def color(self, label: str) -> str:
        return self.label_colors.get(label, self.fallback)

    def indexes_overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the items sharing a character with ``[start, end)``, in list order."""
        if end <= start:
            end = start + 1
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return sorted(i for i in self._order[low:high] if self.items[i].end > start)

    def names(self, start: int, end: int) -> list[Name]:
        """The names over the words of the items overlapping ``[start, end)``, in list order
        (A's before B's); a span in several items is named once."""
        found: list[Name] = []
        named: set[tuple[int, int, str]] = set()

        def name(lo: int, hi: int, text: str, color: str) -> None:
            if (lo, hi, text) not in named:
                named.add((lo, hi, text))
                found.append(Name(lo, hi, text, color, index))

        for index in self.indexes_overlapping(start, end):
            item = self.items[index]
            d = item.difference
            if item.kind is Kind.RELATION:
                linked = d.relation
                assert linked is not None
                who = self.names_of.get(item.a if d.relation_a else item.b, "")
                name(linked.source.start, linked.source.end,
                     f"{who} {linked.relation.type} →", MARK_COLOR)
            elif agrees(item) and d.a is not None:
                name(d.a.start, d.a.end, d.a.label, self.color(d.a.label))
            else:
                for who, side in ((item.a, d.a), (item.b, d.b)):
                    if side is not None:
                        name(side.start, side.end, f"{self.names_of.get(who, who)} {side.label}",
                             self.color(side.label))
        return found

    def decorations(self, start: int, end: int) -> list[Decoration]:
        found: list[Decoration] = []
        for index in self.indexes_overlapping(start, end):
            item = self.items[index]
            d = item.difference
            color = SAME_COLOR if agrees(item) else MARK_COLOR
            tip = item_tooltip(item)
            if item.kind is Kind.RELATION:
                linked = d.relation
                assert linked is not None
                for span in (linked.source, linked.target):
                    found.append(Decoration(span.start, span.end, color, item_key(index), tip,
                                            fill=False, underline=False))
                continue
            found.append(Decoration(item.start, item.end, color, item_key(index), tip,
                                    fill=False, underline=False))
        if self.gold is not None and end > start:
            for span in self.gold.overlapping(start, end):
                found.append(Decoration(span.start, span.end, self.color(span.label),
                                        span.id, gold_tooltip(span), fill=True,
                                        underline=False))
        return found


class ReviewerNotes:
    """An annotator's own decorations plus the notes the reviewer left on gold spans."""

    def __init__(self, base: DecorationProvider | None, noted: Sequence[Span]) -> None:
        self.base = base
        self.noted = sorted((s for s in noted if s.note), key=lambda s: s.sort_key)

    def decorations(self, start: int, end: int) -> list[Decoration]:
        found = self.base.decorations(start, end) if self.base is not None else []
        if end <= start:
            end = start + 1
        said = QCoreApplication.translate("ReviewDecorations",
                                          "Reviewer's note on gold {span}: {note}")
        found += [Decoration(s.start, s.end, NOTE_COLOR, None,
                             said.format(span=describe(s), note=s.note),
                             fill=False, dashed=True)
                  for s in self.noted if s.overlaps(start, end)]
        return found
