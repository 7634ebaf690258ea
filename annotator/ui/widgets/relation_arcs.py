"""Relations drawn as labelled arcs in the room the article view keeps above its lines.

An arc leaves the top of its source span, rises to a bar, runs along it and
comes down with an arrow onto the top of its target span; the type's name sits
on the bar. Where each span is on screen comes only from
:meth:`ArticleView.range_rects` (the glyphs Qt placed), never from an
assumed left-to-right order, so in a right-to-left paragraph an arc to a later
span runs leftwards.

When the two ends are on different lines (a line wrap, another paragraph),
the arc is cut in two: the source's piece runs from the span to the edge of
its line where the text continues towards the target (for a later target: the
line's end side, left in Arabic), and the target's piece comes in from the
opposite edge of the target's line. Arcs whose bars would overlap on a line
are stacked at different heights (:func:`stack_intervals`), shortest lowest.

Everything is drawn between a line's top and the room above it
(:meth:`ArticleView.set_arc_space`, kept only above the lines where an arc's
end starts: a piece stands on no other line), so an arc never covers a letter; label
names, when shown, stay on top, in the band right above the line.
:func:`arc_pieces` computes the geometry (tests check it);
:class:`RelationArcs` paints it as one of the view's ``overlay_painters``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from annotator.ui.widgets.article_view import ArticleView

ARC_LEVELS = 3  # bars stacked above a line before they share the highest one
LEVEL_GAP = 2.0
ARROW = 6.0
CORNER = 7.0
EDGE_MARGIN = 3.0
LABEL_PAD = 3.0
DIM_ALPHA = 0.45  # arcs not highlighted, while some are


@dataclass(frozen=True)
class Arc:
    """One relation to draw: its id, type name, colour and the two ends' code-point ranges."""

    relation_id: str
    name: str
    color: str
    source: tuple[int, int]
    target: tuple[int, int]
    source_key: str = ""
    target_key: str = ""


@dataclass
class ArcPiece:
    """What is drawn of an arc on one line: a path, maybe an arrow, maybe a label."""

    arc: Arc
    line_top: float  # the top of the line the piece stands on (viewport y)
    x_from: float  # where the bar starts (the source's x, or a line edge)
    x_to: float  # where it ends (the target's x, or a line edge)
    rises: bool  # a leg goes down at x_from to the source span
    lands: bool  # a leg goes down at x_to onto the target span, with the arrow
    label_width: float
    level: int = 0
    bar_y: float = 0.0
    path: QPainterPath = field(default_factory=QPainterPath)
    arrow: QPolygonF = field(default_factory=QPolygonF)
    label_rect: QRectF = field(default_factory=QRectF)

    def interval(self) -> tuple[float, float]:
        """The x range the piece takes on its line, its label included."""
        lo, hi = sorted((self.x_from, self.x_to))
        middle = (lo + hi) / 2
        half = self.label_width / 2 + LABEL_PAD
        return min(lo, middle - half), max(hi, middle + half)

    def bounds(self) -> QRectF:
        """Everything the piece paints."""
        return self.path.boundingRect().united(self.arrow.boundingRect()).united(self.label_rect)


def stack_intervals(intervals: Sequence[tuple[float, float]], levels: int) -> list[int]:
    """A level per interval so that overlapping intervals never share one (up to ``levels``;
    beyond, the top level is shared). Shorter intervals get the lower levels.

    >>> stack_intervals([(0, 100), (10, 20), (30, 40), (15, 35)], 3)
    [2, 0, 0, 1]
    """
    order = sorted(range(len(intervals)), key=lambda i: (intervals[i][1] - intervals[i][0],
                                                         intervals[i][0]))
    placed: list[list[tuple[float, float]]] = [[] for _ in range(levels)]
    result = [0] * len(intervals)
    for i in order:
        lo, hi = intervals[i]
        level = next((k for k in range(levels)
                      if all(hi <= a or b <= lo for a, b in placed[k])), levels - 1)
        placed[level].append((lo, hi))
        result[i] = level
    return result


class ArcLayout:
    """Where the arcs of one view go now; recomputed at each paint."""

    def __init__(self, view: ArticleView, font: QFont) -> None:
        self.view = view
        self.metrics = QFontMetricsF(font)

    def step(self) -> float:
        """Height of one level of bars (a label's height)."""
        return self.metrics.height() + LEVEL_GAP

    def room(self) -> float:
        """The room above each line that arcs need."""
        return ARC_LEVELS * self.step() + LEVEL_GAP

    def _anchor(self, bounds: tuple[int, int]) -> tuple[float, float, float, float] | None:
        """(x, top, left, right) of the first line piece of a span on screen, or None when
        off screen; x is the middle."""
        rects = self.view.range_rects(*bounds)
        if not rects:
            return None
        top = min(r.top() for r in rects)
        first = [r for r in rects if abs(r.top() - top) < 0.5]
        left, right = min(r.left() for r in first), max(r.right() for r in first)
        return (left + right) / 2, top, left, right

    @staticmethod
    def _apart(source: tuple[float, float, float, float],
               target: tuple[float, float, float, float]) -> tuple[float, float]:
        """The two ends' x on one line, moved apart inside the wider span when they meet
        (nested or overlapping spans)."""
        x1, x2 = source[0], target[0]
        if abs(x2 - x1) >= 2 * CORNER:
            return x1, x2
        wider_is_source = source[3] - source[2] >= target[3] - target[2]
        x, other = (x1, x2) if wider_is_source else (x2, x1)
        _, _, left, right = source if wider_is_source else target
        x = left + CORNER if abs(left + CORNER - other) > abs(right - CORNER - other) \
            else right - CORNER
        return (x, x2) if wider_is_source else (x1, x)

    def _edges(self) -> tuple[float, float]:
        margin = self.view.document().documentMargin()
        return margin - 1, self.view.viewport().width() - margin + 1

    def pieces(self, arcs: Sequence[Arc]) -> list[ArcPiece]:
        """Every piece of ``arcs`` that is on screen, stacked and with its path."""
        left_edge, right_edge = self._edges()
        found: list[ArcPiece] = []
        anchors: dict[tuple[int, int], tuple[float, float, float, float] | None] = {}

        def anchor(bounds: tuple[int, int]) -> tuple[float, float, float, float] | None:
            if bounds not in anchors:
                anchors[bounds] = self._anchor(bounds)
            return anchors[bounds]

        for arc in arcs:
            width = self.metrics.horizontalAdvance(arc.name) + 2 * LABEL_PAD
            source, target = anchor(arc.source), anchor(arc.target)
            if source is not None and target is not None and abs(source[1] - target[1]) < 0.5:
                x1, x2 = self._apart(source, target)
                found.append(ArcPiece(arc, source[1], x1, x2, True, True, width))
                continue
            later = (arc.target[0], arc.target[1]) > (arc.source[0], arc.source[1])
            if source is not None:  # towards where the text goes on to the target
                rtl = self.view.direction_at(arc.source[0]) == "rtl"
                edge = left_edge if rtl == later else right_edge
                found.append(ArcPiece(arc, source[1], source[0], edge, True, False, width))
            if target is not None:  # coming in from where the text came from
                rtl = self.view.direction_at(arc.target[0]) == "rtl"
                edge = right_edge if rtl == later else left_edge
                found.append(ArcPiece(arc, target[1], edge, target[0], False, True, width))
        self._spread(found, anchors)
        self._stack(found)
        for piece in found:
            self._shape(piece)
        return found

    @staticmethod
    def _spread(pieces: list[ArcPiece],
                anchors: dict[tuple[int, int], tuple[float, float, float, float] | None],
                ) -> None:
        """Several arcs at one span leave or land side by side across it, each on the side
        of its other end, so their legs and arrows never coincide."""
        ends: dict[tuple[int, int], list[tuple[float, ArcPiece, bool]]] = {}
        for piece in pieces:  # (x of the other end, piece, whether this is its source end)
            if piece.rises:
                ends.setdefault(piece.arc.source, []).append((piece.x_to, piece, True))
            if piece.lands:
                ends.setdefault(piece.arc.target, []).append((piece.x_from, piece, False))
        for bounds, attached in ends.items():
            found = anchors.get(bounds)
            if found is None or len(attached) < 2:
                continue
            left, right = found[2] + EDGE_MARGIN, found[3] - EDGE_MARGIN
            attached.sort(key=lambda end: end[0])
            for i, (_other, piece, is_source) in enumerate(attached):
                x = left + (right - left) * (i + 1) / (len(attached) + 1)
                if is_source:
                    piece.x_from = x
                else:
                    piece.x_to = x

    def _stack(self, pieces: list[ArcPiece]) -> None:
        lines: dict[int, list[ArcPiece]] = {}
        for piece in pieces:
            lines.setdefault(round(piece.line_top), []).append(piece)
        tags = self.view.tag_space()
        for on_line in lines.values():
            levels = stack_intervals([p.interval() for p in on_line], ARC_LEVELS)
            for piece, level in zip(on_line, levels, strict=True):
                piece.level = level
                piece.bar_y = piece.line_top - tags - LEVEL_GAP - self.step() * (level + 0.5)

    def _shape(self, piece: ArcPiece) -> None:
        top, bar, x1, x2 = piece.line_top, piece.bar_y, piece.x_from, piece.x_to
        sign = 1.0 if x2 >= x1 else -1.0
        corner = min(CORNER, abs(x2 - x1) / 2, top - bar)
        path = QPainterPath()
        if piece.rises:
            path.moveTo(x1, top - 1)
            path.lineTo(x1, bar + corner)
            path.quadTo(x1, bar, x1 + sign * corner, bar)
        else:
            path.moveTo(x1, bar)
        if piece.lands:
            path.lineTo(x2 - sign * corner, bar)
            path.quadTo(x2, bar, x2, bar + corner)
            path.lineTo(x2, top - ARROW)
            piece.arrow = QPolygonF([QPointF(x2, top - 0.5), QPointF(x2 - ARROW / 2, top - ARROW),
                                     QPointF(x2 + ARROW / 2, top - ARROW)])
        else:
            path.lineTo(x2, bar)
        piece.path = path
        lo, hi = sorted((x1, x2))
        middle = (lo + hi) / 2 if piece.rises == piece.lands else (
            x1 + sign * (piece.label_width / 2 + CORNER) if piece.rises
            else x2 - sign * (piece.label_width / 2 + CORNER))
        height = self.metrics.height()
        left_edge, right_edge = self._edges()  # a label is never cut by the view's edge
        left = max(left_edge, min(middle - piece.label_width / 2,
                                  right_edge - piece.label_width))
        piece.label_rect = QRectF(left, bar - height / 2, piece.label_width, height)


class RelationArcs:
    """Paints the open document's relations over ``view`` (one of its ``overlay_painters``).

    ``arcs`` are set by the relations controller; the relations its ``emphasis``
    names when painting (those of the selected span, or the chosen one) are drawn
    bold and the others dimmed;
    ``preview`` is the arc being made (link mode), dashed.
    """

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.arcs: list[Arc] = []
        self.emphasis: Callable[[], set[str]] = set  # the relations to draw bold, asked
        self.preview: Arc | None = None
        self.shown = True
        self.pieces: list[ArcPiece] = []  # as last painted, for clicks on labels
        self._made_for: tuple[object, ...] | None = None  # what self.pieces were made for
        view.overlay_painters.append(self.paint)

    def font(self) -> QFont:
        return self.view.tag_font()

    def layout(self) -> ArcLayout:
        return ArcLayout(self.view, self.font())

    def room(self) -> float:
        """What the view must keep above its lines: arcs need room only when there are any."""
        return self.layout().room() if self.shown and (self.arcs or self.preview) else 0.0

    def ends(self) -> list[int]:
        """Where arcs stand: the start of each end (a piece is drawn on that line only)."""
        arcs = [*self.arcs, *([self.preview] if self.preview is not None else [])]
        return [bounds[0] for arc in arcs for bounds in (arc.source, arc.target)]

    def update(self) -> None:
        """Arcs, highlights or the font changed: make room (above the arcs' lines), repaint."""
        self.view.set_arc_space(self.room(), self.ends())
        self.view.viewport().update()

    def set_shown(self, on: bool) -> None:
        """Draw the arcs (and keep room for them), or not."""
        self.shown = bool(on)
        self._made_for = None
        self.update()

    def set_arcs(self, arcs: Sequence[Arc]) -> None:
        if list(arcs) != self.arcs:
            self.arcs = list(arcs)
            self._made_for = None
        self.update()

    @property
    def highlighted(self) -> set[str]:
        """The relations drawn bold now."""
        return self.emphasis()

    def set_preview(self, arc: Arc | None) -> None:
        self.preview = arc
        self._made_for = None
        self.update()

    def _geometry_key(self) -> tuple[object, ...]:
        """What the pieces' places depend on besides the arcs: scrolling, size, font, room,
        the text's layout (a cursor blinking repaints without any of them changing)."""
        view = self.view
        return (view.verticalScrollBar().value(), view.horizontalScrollBar().value(),
                view.viewport().width(), view.viewport().height(), view.font().pointSizeF(),
                view.line_space(), view.document().revision(),
                view.document().documentLayout().documentSize().height())

    def current_pieces(self) -> list[ArcPiece]:
        """The pieces as they would be painted now."""
        if not self.shown:
            return []
        arcs = [*self.arcs, *([self.preview] if self.preview is not None else [])]
        return self.layout().pieces(self._on_screen(arcs))

    def _on_screen(self, arcs: list[Arc]) -> list[Arc]:
        """Arcs with an end in the paragraphs on screen."""
        first = self.view.firstVisibleBlock()
        if not first.isValid() or not arcs:
            return []
        start = self.view.block_range(first)[0]
        bottom = self.view.cursorForPosition(self.view.viewport().rect().bottomRight())
        end = self.view.block_range(bottom.block())[1] + 1
        return [a for a in arcs if any(lo < end and start <= hi for lo, hi in (a.source,
                                                                                a.target))]

    def relation_at(self, point: QPointF) -> str | None:
        """The relation whose label is under ``point`` (viewport), as last painted."""
        for piece in reversed(self.pieces):
            if piece.arc is not self.preview and piece.label_rect.adjusted(-2, -2, 2, 2) \
                    .contains(point):
                return piece.arc.relation_id
        return None

    def paint(self, painter: QPainter) -> None:
        key = self._geometry_key()
        if key != self._made_for:
            self.pieces = self.current_pieces()
            self._made_for = key
        if not self.pieces:
            return
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.font())
            base = self.view.viewport().palette().base().color()
            bold = self.highlighted
            # dimmed ones first, highlighted ones over them
            for piece in sorted(self.pieces, key=lambda p: p.arc.relation_id in bold):
                self._paint_piece(painter, piece, base, bold)
        finally:
            painter.restore()

    def _paint_piece(self, painter: QPainter, piece: ArcPiece, base: QColor,
                     highlighted: set[str]) -> None:
        arc = piece.arc
        color = QColor(arc.color)
        bold = arc.relation_id in highlighted
        if highlighted and not bold and arc is not self.preview:
            color.setAlphaF(DIM_ALPHA)
        pen = QPen(color, 2.2 if bold else 1.3)
        if arc is self.preview:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(piece.path)
        if not piece.arrow.isEmpty():
            painter.setBrush(color)
            painter.drawPolygon(piece.arrow)
        label_back = QColor(base)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(label_back)
        painter.drawRoundedRect(piece.label_rect, 3, 3)
        font = QFont(self.font())
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(color.darker(140) if color.alphaF() == 1 else color)
        painter.drawText(piece.label_rect, int(Qt.AlignmentFlag.AlignCenter), arc.name)
