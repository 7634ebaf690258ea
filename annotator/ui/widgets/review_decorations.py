"""What the article view paints in review mode, and reviewer notes in normal mode.

Review mode swaps the view's decoration provider for :class:`ReviewDecorations`:

- every compared span is covered by a **fill** in the colour of its
  difference's kind (:data:`KIND_COLORS`, the hues of the HTML agreement
  report): one fill per difference, over both spans, keyed by the
  difference so a click selects it in the review list;
- an *overlapping boundaries* difference also **underlines** each extent in
  dark grey, A's solid and B's dashed, so the words they disagree on show
  (grey, so that no label colour of a gold line is mistaken for them);
- **gold** spans are underlined in their label's colour and keyed by their
  span id, so a click selects the gold span for ordinary editing (label keys,
  boundary moves, ``F2`` for its note).

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

from PySide6.QtCore import QCoreApplication

from annotator.core.adjudication import ReviewItem
from annotator.core.annotations import AnnotationSet
from annotator.core.differences import Kind
from annotator.core.spans import Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.widgets.decorations import Decoration, DecorationProvider

KIND_COLORS: dict[Kind, str] = {
    Kind.SAME: "#9e9e9e",
    Kind.LABEL: "#ffb300",
    Kind.BOUNDARY: "#1e88e5",
    Kind.ONLY_A: "#e53935",
    Kind.ONLY_B: "#43a047",
}
NOTE_COLOR = "#616161"
EXTENT_COLOR = "#424242"  # boundary extents: grey, so no label colour (gold lines) is mistaken
KEY_PREFIX = "review:"
# each kind in words; {a} and {b} are the compared annotators' names
KIND_TEXT: dict[Kind, str] = {
    Kind.SAME: QT_TRANSLATE_NOOP("ReviewDecorations", "same"),
    Kind.LABEL: QT_TRANSLATE_NOOP("ReviewDecorations", "same span, different label"),
    Kind.BOUNDARY: QT_TRANSLATE_NOOP("ReviewDecorations", "overlapping boundaries"),
    Kind.ONLY_A: QT_TRANSLATE_NOOP("ReviewDecorations", "only in A ({a})"),
    Kind.ONLY_B: QT_TRANSLATE_NOOP("ReviewDecorations", "only in B ({b})"),
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


def cell_text(span: Span | None) -> str:
    """A span in a list cell: its text first, so an Arabic cell runs right to left."""
    if span is None:
        return "—"
    return f"{' '.join(span.text.split())} · {span.label}"


def kind_text(kind: Kind, a: str, b: str) -> str:
    """A kind's description with the annotators' names (``only in B`` says who B is)."""
    return _tr(KIND_TEXT[kind]).format(a=a, b=b)


def item_tooltip(item: ReviewItem) -> str:
    d = item.difference
    head = f"{kind_text(item.kind, item.a, item.b).capitalize()}, {item.a} ↔ {item.b}"
    if item.kind is Kind.SAME:
        return f"{head}: {describe(d.a)}"
    return f"{head}: A {describe(d.a)} · B {describe(d.b)}"


def gold_tooltip(span: Span) -> str:
    if span.note:
        return QCoreApplication.translate("ReviewDecorations", "Gold: {span} — note: {note}") \
            .format(span=describe(span), note=span.note)
    return QCoreApplication.translate("ReviewDecorations", "Gold: {span}").format(
        span=describe(span))


class ReviewDecorations:
    """Review items as fills (by kind) and gold spans as underlines (by label)."""

    def __init__(self, items: Sequence[ReviewItem], gold: AnnotationSet | None,
                 label_colors: Mapping[str, str], fallback: str = "#7f7f7f") -> None:
        self.items = list(items)
        self.gold = gold
        self.label_colors = dict(label_colors)
        self.fallback = fallback
        self._order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self._starts = [self.items[i].start for i in self._order]
        self._longest = max((item.end - item.start for item in self.items), default=0)

    def indexes_overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the items sharing a character with ``[start, end)``, in list order."""
        if end <= start:
            end = start + 1
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return sorted(i for i in self._order[low:high] if self.items[i].end > start)

    def decorations(self, start: int, end: int) -> list[Decoration]:
        found: list[Decoration] = []
        for index in self.indexes_overlapping(start, end):
            item = self.items[index]
            color = KIND_COLORS[item.kind]
            found.append(Decoration(item.start, item.end, color, item_key(index),
                                    item_tooltip(item), fill=True, underline=False))
            d = item.difference
            if item.kind is Kind.BOUNDARY and d.a is not None and d.b is not None:
                found.append(Decoration(d.a.start, d.a.end, EXTENT_COLOR, fill=False))
                found.append(Decoration(d.b.start, d.b.end, EXTENT_COLOR, fill=False,
                                        dashed=True))
        if self.gold is not None and end > start:
            for span in self.gold.overlapping(start, end):
                found.append(Decoration(span.start, span.end,
                                        self.label_colors.get(span.label, self.fallback),
                                        span.id, gold_tooltip(span), fill=False))
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
