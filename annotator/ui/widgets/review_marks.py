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
bars above them, B's with dashed grey bars below. Which items are painted comes
from the review decorations (:class:`~annotator.ui.widgets.review_decorations.ReviewDecorations`),
asked for the part of the text on screen only.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from annotator.core.adjudication import ReviewItem
from annotator.core.differences import Kind
from annotator.core.spans import Span
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.review_decorations import MARK_COLOR, ReviewDecorations, agrees

BAR_PX = 2.0  # the thickness of A's and B's bars
INSET_PX = 1.5  # between a bar and the edge of the line's box (where outlines are drawn)
SIDE_PX = 1.5  # the thickness of a difference's brackets
TICK_PX = 4.0  # how far a bracket's ends reach in under and over the words


class ReviewMarks:
    """Paints the review marks of ``decorations``' items on ``view`` (see the module)."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.decorations: ReviewDecorations | None = None

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
        decorations = self.decorations
        if decorations is None or not decorations.items:
            return
        painter.save()
        try:
            for index in decorations.indexes_overlapping(*self._visible_range()):
                self._paint_item(painter, decorations, decorations.items[index])
        finally:
            painter.restore()

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
