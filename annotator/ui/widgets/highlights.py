"""Highlights of the article view: asked lazily of a provider, painted around Qt's text.

For each paragraph about to be painted, the provider's decorations are
clipped to it, converted to Qt positions (through :class:`QtOffsets` only),
given an underline level so overlapping spans never share one, and cut into
fill segments whose colour blends every span over them. The result is cached
per paragraph until :meth:`Highlights.forget` says its spans changed, so
scrolling a 50,000-span article asks the provider only for new paragraphs;
only the :data:`CACHED_PARAGRAPHS` painted last are kept (a long session of
jumps through the article does not keep every paragraph it ever showed).

Painting never touches the text: fills go under the text before Qt draws it,
underlines below each line after, and boxes (search matches) around it.
Positions on screen come from the glyphs Qt actually placed
(:func:`line_extents`), so bidi reordering, ligatures and Latin runs inside
Arabic are followed exactly.

Besides the provider (spans, or review mode's), ``overlays`` are providers
that stay whatever the provider is (the find bar's matches); their
decorations are painted with the provider's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextLine

from annotator.core.offsets import QtOffsets
from annotator.ui.widgets.decorations import Decoration, DecorationProvider, blend, stack_levels

UNDERLINE_PX = 2
UNDERLINE_STEP = 3
OUTLINE_PX = 1.5
# Paragraphs whose paint is kept: far more than a screen shows, so that what one paint
# prepared is there when it paints, and scrolling back a few screens asks nothing.
CACHED_PARAGRAPHS = 300

Visible = list[tuple[QTextBlock, QRectF]]  # paragraphs on screen, with their geometry


@dataclass(frozen=True)
class Piece:
    """A decoration clipped to one paragraph, in Qt positions relative to the paragraph."""

    start: int
    end: int
    level: int
    color: QColor
    decoration: Decoration


@dataclass(frozen=True)
class BlockPaint:
    """What to paint on one paragraph: its decorations and blended fill segments."""

    pieces: list[Piece]
    fills: list[tuple[int, int, QColor]]
    by_glyphs: bool = False  # the paragraph holds an emoji or the like: see line_extents
    # x intervals of (line, start, end) as laid out at the width painted last (see
    # Highlights.begin_paint): a paint after adding one span asks glyph runs again
    # only on its paragraph (~30 µs a line, some 60 lines a screen)
    extents: dict[tuple[int, int, int], list[tuple[float, float, bool]]] = field(
        default_factory=dict)


def line_extents(line: QTextLine, start: int, end: int,
                 by_glyphs: bool = False) -> list[tuple[float, float, bool]]:
    """Visual x intervals (layout coordinates) of the characters ``[start, end)`` of a line.

    A logical range that bidi splits (Arabic with a Latin name or digits inside)
    yields one interval per visual piece, each with its direction. Each glyph run
    Qt returns carries the box Qt itself would select for its characters, a quarter
    of the time of measuring its glyphs one by one. Around a character outside the
    BMP (an emoji: two UTF-16 units, one glyph) that box can be narrower than the
    glyph (half of it for half the pair; an emoji ending a span was seen left
    unfilled), so in a paragraph holding one (:func:`holds_astral`) the glyphs are
    measured (``by_glyphs``).
    """
    found: list[tuple[float, float, bool]] = []
    for run in line.glyphRuns(start, end - start):
        if by_glyphs:
            xs = [p.x() for p in run.positions()]
            if not xs:
                continue
            advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
            right = max(x + a.x() for x, a in zip(xs, advances, strict=False))
            found.append((min(xs), right, run.isRightToLeft()))
            continue
        box = run.boundingRect()
        if box.width() > 0:
            found.append((box.left(), box.right(), run.isRightToLeft()))
    found.sort()
    merged: list[tuple[float, float, bool]] = []
    for lo, hi, rtl in found:
        if merged and lo <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]), merged[-1][2])
        else:
            merged.append((lo, hi, rtl))
    return merged


def holds_astral(block: QTextBlock, start: int, end: int) -> bool:
    """Whether the paragraph ``block``, code points ``[start, end)`` without its break,
    holds a character outside the BMP (it then counts more Qt positions than code points)."""
    return block.length() - 1 != end - start


def lines(block: QTextBlock) -> Iterator[tuple[QTextLine, int, int]]:
    """Each laid-out line of a paragraph with its first and last Qt position (relative)."""
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        yield line, line.textStart(), line.textStart() + line.textLength()


class Highlights:
    """The decorations of painted paragraphs, cached by paragraph number."""

    def __init__(self) -> None:
        self.provider: DecorationProvider | None = None
        self.overlays: dict[str, DecorationProvider] = {}
        self._cache: dict[int, BlockPaint] = {}
        self._width = -1.0  # the layout width the kept extents were found at

    def begin_paint(self, width: float) -> None:
        """A paint of text laid out ``width`` wide begins: another width breaks the lines
        elsewhere, so the x intervals kept are found again (a new font clears it all)."""
        if width != self._width:
            self._width = width
            for paint in self._cache.values():
                paint.extents.clear()

    @staticmethod
    def _line_extents(paint: BlockPaint, line: QTextLine, start: int,
                      end: int) -> list[tuple[float, float, bool]]:
        key = (line.lineNumber(), start, end)
        found = paint.extents.get(key)
        if found is None:  # (a span's fill and its underline ask for the same)
            found = paint.extents[key] = line_extents(line, start, end, paint.by_glyphs)
        return found

    def _decorations(self, start: int, end: int) -> list[Decoration]:
        found = self.provider.decorations(start, end) if self.provider is not None else []
        for overlay in self.overlays.values():
            found = found + overlay.decorations(start, end)
        return found

    def clear(self) -> None:
        self._cache.clear()

    def forget(self, first: int, last: int) -> None:
        """Paragraphs ``first..last`` must be asked again."""
        if last - first >= len(self._cache):  # fewer kept than asked for: look at those
            for number in [n for n in self._cache if first <= n <= last]:
                del self._cache[number]
            return
        for number in range(first, last + 1):
            self._cache.pop(number, None)

    def get(self, number: int) -> BlockPaint | None:
        return self._cache.get(number)

    def at(self, offset: int | None) -> list[Decoration]:
        """Decorations covering the character at ``offset``, shortest first."""
        if offset is None:
            return []
        found = self._decorations(offset, offset + 1)
        return sorted(found, key=lambda d: (d.end - d.start, d.start, d.key or ""))

    def find(self, key: str, numbers: Iterable[int]) -> Decoration | None:
        """The decoration with ``key`` among paragraphs ``numbers``, if painted there."""
        for number in numbers:
            paint = self._cache.get(number)
            for piece in paint.pieces if paint else ():
                if piece.decoration.key == key:
                    return piece.decoration
        return None

    def prepare(self, block: QTextBlock, start: int, end: int, offsets: QtOffsets,
                base: str) -> BlockPaint:
        """The paint of a paragraph spanning code points ``[start, end)`` (cached)."""
        number = block.blockNumber()
        cached = self._cache.pop(number, None)
        if cached is not None:
            self._cache[number] = cached  # painted last: kept longest
            return cached
        decorations = self._decorations(start, end) if end > start else []
        origin = block.position()
        clipped: list[tuple[int, int, Decoration]] = []
        for deco in decorations:
            lo, hi = max(deco.start, start), min(deco.end, end)
            if lo < hi:
                clipped.append((offsets.to_qt(lo) - origin, offsets.to_qt(hi) - origin, deco))
        levels = stack_levels([(lo, hi) for lo, hi, _ in clipped])
        pieces = [Piece(lo, hi, level, QColor(deco.color), deco)
                  for (lo, hi, deco), level in zip(clipped, levels, strict=True)]
        paint = BlockPaint(pieces, fill_segments(pieces, base), holds_astral(block, start, end))
        self._cache[number] = paint
        if len(self._cache) > CACHED_PARAGRAPHS:  # the one painted longest ago goes
            del self._cache[next(iter(self._cache))]
        return paint

    def paint_fills(self, painter: QPainter, visible: Visible) -> None:
        for block, geometry in visible:
            paint = self._cache.get(block.blockNumber())
            if paint is None or not paint.fills:
                continue
            for line, first, last in lines(block):
                for lo, hi, color in paint.fills:
                    s, e = max(lo, first), min(hi, last)
                    if s >= e:
                        continue
                    for x1, x2, _ in self._line_extents(paint, line, s, e):
                        painter.fillRect(QRectF(geometry.left() + x1, geometry.top() + line.y(),
                                                x2 - x1, line.height()), color)

    def paint_underlines(self, painter: QPainter, visible: Visible) -> None:
        for block, geometry in visible:
            paint = self._cache.get(block.blockNumber())
            pieces = [p for p in paint.pieces if p.decoration.underline] if paint else []
            if paint is None or not pieces:
                continue
            for line, first, last in lines(block):
                bottom = geometry.top() + line.y() + line.height()
                for piece in pieces:
                    s, e = max(piece.start, first), min(piece.end, last)
                    if s >= e:
                        continue
                    y = bottom - UNDERLINE_PX - piece.level * UNDERLINE_STEP
                    for x1, x2, _ in self._line_extents(paint, line, s, e):
                        rect = QRectF(geometry.left() + x1, y, x2 - x1, UNDERLINE_PX)
                        if piece.decoration.dashed:
                            painter.setPen(QPen(piece.color, UNDERLINE_PX, Qt.PenStyle.DashLine))
                            painter.drawLine(rect.topLeft(), rect.topRight())
                        else:
                            painter.fillRect(rect, piece.color)

    def paint_outlines(self, painter: QPainter, visible: Visible) -> None:
        """A box around each piece of every ``outline`` decoration (search matches)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for block, geometry in visible:
            paint = self._cache.get(block.blockNumber())
            pieces = [p for p in paint.pieces if p.decoration.outline] if paint else []
            if paint is None or not pieces:
                continue
            for line, first, last in lines(block):
                for piece in pieces:
                    s, e = max(piece.start, first), min(piece.end, last)
                    if s >= e:
                        continue
                    painter.setPen(QPen(piece.color.darker(130), OUTLINE_PX,
                                        Qt.PenStyle.DashLine if piece.decoration.dashed
                                        else Qt.PenStyle.SolidLine))  # dashed: suggestions
                    for x1, x2, _ in self._line_extents(paint, line, s, e):
                        painter.drawRoundedRect(QRectF(geometry.left() + x1 - 1,
                                                       geometry.top() + line.y() + 0.5,
                                                       x2 - x1 + 2, line.height() - 1), 3, 3)

    def tags(self, visible: Visible) -> Iterator[tuple[QTextBlock, Piece, QTextLine, QRectF]]:
        """Each named decoration's piece on each paragraph on screen, with the paragraph,
        the line of the piece's start and the paragraph's geometry (for label names)."""
        for block, geometry in visible:
            paint = self._cache.get(block.blockNumber())
            for piece in paint.pieces if paint else ():
                if not piece.decoration.name:
                    continue
                line = block.layout().lineForTextPosition(piece.start)
                if line.isValid():
                    yield block, piece, line, geometry


def fill_segments(pieces: list[Piece], base: str) -> list[tuple[int, int, QColor]]:
    """One segment per stretch of text, its colour the blend over ``base`` of every fill on it."""
    fills = sorted((p for p in pieces if p.decoration.fill),
                   key=lambda p: (p.start - p.end, p.start))  # longest first, at the bottom
    points = sorted({p.start for p in fills} | {p.end for p in fills})
    segments = []
    for lo, hi in itertools.pairwise(points):
        colors = [p.decoration.color for p in fills if p.start <= lo and p.end >= hi]
        if colors:
            segments.append((lo, hi, QColor(blend(colors, base))))
    return segments
