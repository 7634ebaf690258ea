"""Review mode's marks on the article view: A's bar above the words, B's below, grey brackets.

Underlines of the ordinary highlights are stacked by length, so two
annotators' extents over the same words could land one on the other (B's dashed
line hid A's). Review marks are painted apart from them, over the text, through
the view's ``overlay_painters``:

- what A marked: a solid bar along the **top** of the line, in its label's colour;
- what B marked: a dashed bar along the **bottom** of the line, in its label's colour;
- a difference (anything but agreement): a neutral grey **bracket** at each end
  of every piece of the words it covers, the only mark that is not a label's.

A relation difference marks its two end spans: A's relation with solid grey
bars above them, B's with dashed grey bars below.

The names over the words (``A entity``, ``B meeting``) are painted here too,
in the room the view keeps above each line for label names: a name starts
over the first letter of its words; where names of adjacent or shared words
would meet, a later one steps past those already placed, but no further than
its own width beyond its words (else it is left out: the words' tooltip
still names both sides), and every name stays inside the viewport. The selected item's
names are placed first. Which items are painted comes
from the review decorations (:class:`~annotator.ui.widgets.review_decorations.ReviewDecorations`),
asked for the part of the text on screen only.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from annotator.core.adjudication import ReviewItem
from annotator.core.differences import Kind
from annotator.core.document import strong_direction
from annotator.core.spans import Span
from annotator.ui.widgets.article_view import TAG_ALPHA, ArticleView
from annotator.ui.widgets.decorations import blend
from annotator.ui.widgets.review_decorations import (
    MARK_COLOR,
    Name,
    ReviewDecorations,
    agrees,
    item_index,
)

BAR_PX = 2.0  # the thickness of A's and B's bars
INSET_PX = 1.5  # between a bar and the edge of the line's box (where outlines are drawn)
SIDE_PX = 1.5  # the thickness of a difference's brackets
TICK_PX = 4.0  # how far a bracket's ends reach in under and over the words
NAME_PAD = 4.0  # a name's box: its text's width and this
NAME_GAP = 2.0  # between two names on one line


def place(preferred: float, width: float, taken: list[tuple[float, float]],
          reach: tuple[float, float], rtl: bool) -> float | None:
    """Where a name ``width`` wide goes on a line: at ``preferred`` (its left edge), or
    stepped past the names in ``taken`` (leftwards in right-to-left text), never outside
    ``reach`` (its words' extent, within the viewport); None when it fits nowhere there.

    >>> place(50, 20, [(45, 80)], (0, 200), rtl=False)
    82.0
    >>> place(50, 20, [(45, 80)], (0, 90), rtl=False) is None
    True
    >>> place(50, 20, [(55, 80), (30, 52)], (0, 200), rtl=True)
    8.0
    """
    lo, hi = reach
    left = max(lo, min(float(preferred), hi - width))
    for _ in range(len(taken) + 1):
        clash = [(a, b) for a, b in taken if left < b + NAME_GAP and a - NAME_GAP < left + width]
        if not clash:
            return left if lo <= left and left + width <= hi else None
        left = (min(a for a, _ in clash) - NAME_GAP - width if rtl
                else max(b for _, b in clash) + NAME_GAP)
        if left < lo or left + width > hi:
            return None
    return None


class ReviewMarks:
    """Paints the review marks of ``decorations``' items on ``view`` (see the module)."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.decorations: ReviewDecorations | None = None
        self.placed: list[tuple[Name, QRectF]] = []  # the names painted last, where

    def install(self, on: bool) -> None:
        """Paint (``on``) or stop painting over the view."""
        painters = self.view.overlay_painters
        if on and self.paint not in painters:
            painters.append(self.paint)
        elif not on and self.paint in painters:
            painters.remove(self.paint)
        self.view.viewport().update()

    def set_decorations(self, decorations: ReviewDecorations | None) -> None:
        self.decorations = decorations
        self.view.viewport().update()

    def _visible_range(self) -> tuple[int, int]:
        """Code points from the first paragraph on screen to the last."""
        view = self.view
        first = view.firstVisibleBlock()
        bottom = view.viewport().rect().bottomRight()
        last = view.cursorForPosition(QPoint(bottom.x(), bottom.y())).block()
        return view.block_range(first)[0], view.block_range(last)[1] + 1

    def paint(self, painter: QPainter) -> None:
        self.placed = []
        decorations = self.decorations
        if decorations is None or not decorations.items:
            return
        painter.save()
        try:
            visible = self._visible_range()
            for index in decorations.indexes_overlapping(*visible):
                self._paint_item(painter, decorations, decorations.items[index])
            if self.view.show_label_names:
                self._paint_names(painter, decorations.names(*visible))
        finally:
            painter.restore()

    def _paint_names(self, painter: QPainter, names: list[Name]) -> None:
        """Each name over the first letter of its words, none over another (see the module)."""
        view = self.view
        font = view.tag_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        space = view.tag_space()
        width_px = float(view.viewport().width())
        base = view.viewport().palette().base().color().name()
        selected = item_index(view.selected_key)
        names = sorted(names, key=lambda n: n.index != selected)  # stable: list order kept
        taken: dict[int, list[tuple[float, float]]] = {}  # per line top: x ranges used
        for name in names:
            pieces = view.range_rects(name.start, name.end)
            first = view.range_rects(name.start, name.start + 1)
            if not pieces or not first:
                continue
            head = first[0]
            line = [r for r in pieces if abs(r.top() - head.top()) < 0.5]
            rtl = self._right_to_left(name)
            width = metrics.horizontalAdvance(name.text) + NAME_PAD
            reach = (max(0.0, min(r.left() for r in line) - width),
                     min(width_px, max(r.right() for r in line) + width))
            used = taken.setdefault(round(head.top()), [])
            left = place(head.right() - width if rtl else head.left(), width, used, reach, rtl)
            if left is None:
                continue  # no room near its words: the tooltip names it
            used.append((left, left + width))
            rect = QRectF(left, head.top() - space, width, space - 1)
            self.placed.append((name, rect))
            color = QColor(name.color)
            painter.fillRect(rect, QColor(blend([name.color], base, TAG_ALPHA)))
            painter.setPen(color.darker(170))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), name.text)

    def _right_to_left(self, name: Name) -> bool:
        """Whether the words run right to left on screen (their first letter at the right)."""
        if name.end - name.start > 1:
            first = self.view.range_rects(name.start, name.start + 1)
            last = self.view.range_rects(name.end - 1, name.end)
            if first and last and abs(first[0].top() - last[0].top()) < 0.5:
                return first[0].center().x() > last[-1].center().x()
        decorations = self.decorations
        item = decorations.items[name.index] if decorations is not None else None
        span = item.difference.a or item.difference.b if item is not None else None
        return span is not None and strong_direction(span.text) == "rtl"

    def _paint_item(self, painter: QPainter, decorations: ReviewDecorations,
                    item: ReviewItem) -> None:
        d = item.difference
        grey = QColor(MARK_COLOR)
        if item.kind is Kind.RELATION:
            linked = d.relation
            assert linked is not None
            for span in (linked.source, linked.target):
                self._bar(painter, span, grey, above=d.relation_a is not None)
                self._sides(painter, span.start, span.end, grey)
            return
        for side, above in ((d.a, True), (d.b, False)):
            if side is not None:
                self._bar(painter, side, QColor(decorations.color(side.label)), above)
        if not agrees(item):
            self._sides(painter, item.start, item.end, grey)

    def _bar(self, painter: QPainter, span: Span, color: QColor, above: bool) -> None:
        """A solid bar along the top of the line (A) or a dashed one along its bottom (B)."""
        # Both bars stay inside the line's box (the room over a line belongs to the label
        # names, painted over these marks) and clear of the selection's outline on its edge.
        if above:
            for rect in self.view.range_rects(span.start, span.end):
                painter.fillRect(QRectF(rect.left(), rect.top() + INSET_PX, rect.width(), BAR_PX),
                                 color)
            return
        pen = QPen(color, BAR_PX, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([2.0, 1.5])  # in pen widths: 4 px on, 3 px off
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        for rect in self.view.range_rects(span.start, span.end):
            y = rect.bottom() - INSET_PX - BAR_PX / 2
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

    def _sides(self, painter: QPainter, start: int, end: int, color: QColor) -> None:
        """Grey brackets ``[ ]`` around each piece of ``[start, end)`` on screen."""
        for rect in self.view.range_rects(start, end):
            top, height = rect.top() + 1, rect.height() - 2
            for x, inward in ((rect.left() - SIDE_PX - 1, 1.0), (rect.right() + 1, -1.0)):
                painter.fillRect(QRectF(x, top, SIDE_PX, height), color)
                tick = TICK_PX * inward
                edge = x if inward > 0 else x + SIDE_PX
                for y in (top, top + height - SIDE_PX):
                    painter.fillRect(QRectF(min(edge, edge + tick), y, abs(tick), SIDE_PX),
                                     color)
