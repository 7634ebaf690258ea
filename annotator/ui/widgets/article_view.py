"""The article view: the stored text laid out by Qt, each paragraph in its own direction.

Why a ``QPlainTextEdit`` subclass and not ``QTextEdit``: a 10 MB article lays
out lazily here (paragraphs are laid out when they scroll into view), while
``QTextEdit`` lays the whole document out up front. Two things are added:

- **Per-paragraph alignment.** ``QPlainTextDocumentLayout`` gives every
  paragraph the document's one text option, so Arabic paragraphs are shaped
  right-to-left but pinned to the left edge. Before painting, each visible
  paragraph's layout gets ``AlignRight | AlignAbsolute`` (right-to-left) or
  ``AlignLeft | AlignAbsolute`` (left-to-right). Qt applies a layout's
  alignment when it draws and hit-tests, so clicks, the cursor and selections
  follow. The layout sets the option back whenever it re-lays a paragraph out
  (resize, zoom); the check before each paint puts it right again.
- **Highlights** come from a pluggable :class:`DecorationProvider`, asked only
  for the paragraphs on screen. They are painted, never put into the text:
  fills (blended per segment where spans overlap) go under the text before Qt
  draws it, underlines in a stack below each line after, so overlapping and
  nested spans stay apart. Qt shapes and lays the text out exactly as it would
  without highlights, so a highlight boundary inside an Arabic word cannot
  break the joining of its letters. (Format ranges set with
  ``QTextLayout.setFormats`` were tried: under X11 the re-shaped glyphs of
  Latin runs no longer matched the laid-out line, and text overlapped.)

The text is read-only (an editable widget would swallow printable keys such as
``1`` before any shortcut sees them) but selectable by mouse and keyboard.
Every offset crossing this class's interface is a code point; Qt positions
stay inside and are converted only through :class:`QtOffsets`.

Two more things the annotator sees:

- **How the selection was made** (:attr:`ArticleView.selection_origin`):
  ``"mouse"`` (a drag or a double-click: sloppy, snapped to whole words and to
  known stems) or ``"keyboard"`` (taken as meant: an edge at a clitic
  boundary stays), see :mod:`annotator.core.snapping`. Selections made in
  code (:meth:`select_range`, the find bar) count as keyboard ones.
- **Label names** over the spans (:meth:`set_label_names`). The plain-text
  layout ignores line heights and block margins, so room is made above each
  line by placing the lines of each laid-out paragraph further apart
  (``QTextLine.setPosition``) before it is painted or hit-tested, as the
  alignment is; the paragraph's bounding rectangle, which the view scrolls
  and paints by, follows the lines. The name is drawn small in that room,
  over the span's first letter. Relation arcs get room above the names the
  same way (:meth:`set_arc_space`), only on the lines where an arc stands
  (those holding the offsets given), and are drawn by one of the
  ``overlay_painters`` (:mod:`annotator.ui.widgets.relation_arcs`).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextLayout,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from annotator.core.document import strong_direction
from annotator.core.offsets import QtOffsets
from annotator.core.snapping import snap
from annotator.ui.widgets.decorations import Decoration, DecorationProvider, blend
from annotator.ui.widgets.highlights import Highlights, holds_astral, line_extents

RTL_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
LTR_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
EDGE_GRAB_PX = 5
TAG_SCALE = 0.55  # label names, against the text's size
MIN_TAG_POINTS = 7.0
TAG_ALPHA = 0.35  # the label colour under a label name


class ArticleView(QPlainTextEdit):
    """Read-only, selectable, right-to-left-correct view of one document's text."""

    selected_key_changed = Signal(object)  # the key (span id) now selected, or None
    bounds_dragged = Signal(str, int, int)  # key, new start, new end (code points)
    offset_changed = Signal(int)  # the cursor's code-point offset
    zoom_requested = Signal(int)  # +1 / -1 (Ctrl + mouse wheel)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setObjectName("article-view")
        self.snap_words = True
        self.context_menu_factory: Callable[[int | None], QMenu | None] | None = None
        self._text = ""
        self._offsets = QtOffsets("")
        self._direction = "rtl"
        self.highlights = Highlights()
        self._selected: str | None = None
        self._press: QPointF | None = None
        self._double_click = False
        self._drag: tuple[str, str, int, int] | None = None  # key, edge, start, end
        self._preview: tuple[int, int] | None = None
        self.selection_origin = "keyboard"  # how the selection was made: "mouse" or "keyboard"
        self.show_label_names = False
        self._tag_font: QFont | None = None  # of the label names, for the text's size now
        self._spaced: set[int] = set()  # paragraphs whose lines were moved apart
        self._moving = False  # a command is moving the cursor: lay out where it ends only
        self._directions: dict[int, str] = {}  # paragraph number -> its direction
        # during a paint, the paragraphs on screen (asked again by every outline and mark)
        self._visible_now: list[tuple[QTextBlock, QRectF]] | None = None
        self.arc_space = 0.0  # room above each line for relation arcs (see set_arc_space)
        self.arc_offsets: tuple[int, ...] | None = None  # lines with arcs hold these (None: all)
        self.overlay_painters: list[Callable[[QPainter], None]] = []  # over text, under tags
        self.cursorPositionChanged.connect(self._emit_offset)

    # -- content ---------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show ``text`` exactly as stored (Qt folds ``\\r\\n``; offsets account for it)."""
        self._text = text
        self._offsets = QtOffsets(text)
        self._direction = strong_direction(text) or "rtl"
        self._directions.clear()
        self.highlights.clear()
        self._selected = None
        self._spaced.clear()  # the new text is laid out afresh
        self.setPlainText(text)

    @property
    def text(self) -> str:
        return self._text

    @property
    def offsets(self) -> QtOffsets:
        return self._offsets

    def set_provider(self, provider: DecorationProvider | None) -> None:
        """Paint what ``provider`` says from now on (review mode swaps providers)."""
        self.highlights.provider = provider
        self.invalidate_all()

    def set_overlay(self, name: str, provider: DecorationProvider | None) -> None:
        """Paint ``provider`` over the spans whatever the provider is (None: remove it)."""
        if provider is None:
            self.highlights.overlays.pop(name, None)
        else:
            self.highlights.overlays[name] = provider
        self.invalidate_all()

    def invalidate_all(self) -> None:
        self.highlights.clear()
        self.viewport().update()

    def invalidate(self, start: int, end: int) -> None:
        """Decorations of ``[start, end)`` changed: re-ask the provider when painting."""
        doc = self.document()
        first = doc.findBlock(self._offsets.to_qt(max(0, min(start, len(self._text)))))
        last = doc.findBlock(self._offsets.to_qt(max(0, min(end, len(self._text)))))
        self.highlights.forget(first.blockNumber(), last.blockNumber())
        self.viewport().update()

    def set_font_size(self, points: float) -> None:
        font = self.font()
        font.setPointSizeF(points)
        self.setFont(font)
        self._tag_font = None
        self.invalidate_all()

    # -- label names -----------------------------------------------------------
    def set_label_names(self, on: bool) -> None:
        """Show each span's label name, small, over its first letter (or stop)."""
        self.show_label_names = bool(on)
        self._tag_font = None
        self._respace()
        self.viewport().update()

    def set_arc_space(self, space: float, at: Sequence[int] | None = None) -> None:
        """Keep ``space`` pixels above each line (over the label names) for relation arcs;
        with ``at`` (code-point offsets), above the lines holding one of them only."""
        offsets = tuple(sorted(set(at))) if at is not None else None
        if space != self.arc_space or offsets != self.arc_offsets:
            self.arc_space, self.arc_offsets = space, offsets
            self._respace()
            self.viewport().update()

    def line_space(self) -> float:
        """Room above each line: label names and relation arcs."""
        return self.tag_space() + self.arc_space

    def _respace(self) -> None:
        """Paragraphs spaced before get the room asked for now (none: Qt's own places)."""
        doc, space = self.document(), self.line_space()
        for number in self._spaced:
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self._space_block(block)
        if not space:
            self._spaced.clear()

    def tag_font(self) -> QFont:
        """The font label names are drawn in: the text's, smaller."""
        if self._tag_font is None:
            font = QFont(self.font())
            font.setPointSizeF(max(MIN_TAG_POINTS, self.font().pointSizeF() * TAG_SCALE))
            self._tag_font = font
        return self._tag_font

    def tag_space(self) -> float:
        """Room above each line for the label names (0 when they are not shown)."""
        return math.ceil(QFontMetricsF(self.tag_font()).height()) + 1.0 \
            if self.show_label_names else 0.0

    def _space_block(self, block: QTextBlock) -> None:
        """Room above each line of a laid-out paragraph: label names, and arcs where asked."""
        arcs_at: list[int] | None = None  # block-relative Qt positions of arc ends
        if self.arc_space and self.arc_offsets is not None:
            start, end = self.block_range(block)
            offsets = self.arc_offsets
            first, base = bisect_left(offsets, start), block.position()
            last = bisect_left(offsets, end + 1, first)
            arcs_at = [self._offsets.to_qt(o) - base for o in offsets[first:last]]
        self._space_lines(block.layout(), self.tag_space(), self.arc_space, arcs_at)

    @staticmethod
    def _space_lines(layout: QTextLayout, extra: float, arc_extra: float = 0.0,
                     arcs_at: Sequence[int] | None = None) -> None:
        """Put ``extra`` pixels above each line of a laid-out paragraph (0: Qt's own places),
        and ``arc_extra`` more above the lines holding a position of ``arcs_at`` (None: all)."""
        if layout.lineCount() == 0:
            return
        y = 0.0
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            first, after = line.textStart(), line.textStart() + line.textLength()
            y += extra + (arc_extra if arcs_at is None
                          or any(first <= p < after for p in arcs_at) else 0.0)
            if abs(line.y() - y) > 0.01:
                line.setPosition(QPointF(line.x(), y))
            # what QPlainTextDocumentLayout adds per line
            y += line.height() + (math.ceil(line.leading()) if line.leading() < 0 else 0)

    # -- selection and cursor, in code points ------------------------------------
    @property
    def selected_key(self) -> str | None:
        return self._selected

    def set_selected_key(self, key: str | None, notify: bool = False) -> None:
        if key == self._selected:
            return
        self._selected = key
        self.viewport().update()
        if notify:
            self.selected_key_changed.emit(key)

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.range_from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select ``[start, end)`` exactly (a keyboard-like, precise selection) and show it."""
        self._align_around(end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.selection_origin = "keyboard"
        self._move_to(cursor)

    def _align_around(self, offset: int) -> None:
        """Lay out and space the paragraph holding ``offset`` before Qt scrolls to it."""
        if self.line_space():
            block = self.document().findBlock(self._offsets.to_qt(
                max(0, min(offset, len(self._text)))))
            if block.isValid():
                self.document().documentLayout().blockBoundingRect(block)
                self._align(block)

    def cursor_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def set_cursor_offset(self, offset: int) -> None:
        self._align_around(offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(offset))
        self._move_to(cursor)

    def _move_to(self, cursor: QTextCursor) -> None:
        """Put the cursor (and selection) there and scroll to it; the screen where the
        view ends is laid out before it is painted (see :meth:`scrollContentsBy`)."""
        self._moving = True
        try:
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        finally:
            self._moving = False
        self._align_visible()

    def _emit_offset(self) -> None:
        self.offset_changed.emit(self.cursor_offset())

    def direction_at(self, offset: int) -> str:
        """Direction (``"rtl"``/``"ltr"``) of the paragraph holding ``offset``."""
        block = self.document().findBlock(self._offsets.to_qt(max(0, min(offset, len(self._text)))))
        start, end = self.block_range(block)
        return strong_direction(self._text, start, end) or self._direction

    # -- geometry ----------------------------------------------------------------
    def block_range(self, block: QTextBlock) -> tuple[int, int]:
        """Code-point range of a paragraph, without its break."""
        start = block.position()
        return self._offsets.from_qt(start), self._offsets.from_qt(start + block.length() - 1)

    def _visible_blocks(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        """Paragraphs on screen with their geometry, laid out and aligned (found once per
        paint: outlines, relation arcs and review marks each ask)."""
        if self._visible_now is not None:
            return iter(self._visible_now)
        return self._find_visible_blocks()

    def _find_visible_blocks(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        layout = self.document().documentLayout()
        while block.isValid():
            if block.isVisible():
                layout.blockBoundingRect(block)  # lays it out
                self._align(block)
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible():
                yield block, geometry
            block = block.next()

    def _align(self, block: QTextBlock) -> None:
        """Align a laid-out paragraph to its own start side (its direction's); make room
        for label names when they are shown."""
        layout = block.layout()
        number = block.blockNumber()
        direction = self._directions.get(number)
        if direction is None:  # (the text never changes: neither do its paragraphs')
            start, end = self.block_range(block)
            direction = strong_direction(self._text, start, end) or self._direction
            self._directions[number] = direction
        want = RTL_ALIGN if direction == "rtl" else LTR_ALIGN
        option = layout.textOption()
        if option.alignment() != want:
            option.setAlignment(want)
            layout.setTextOption(option)
        space = self.line_space()
        if space:
            self._space_block(block)
            self._spaced.add(block.blockNumber())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Lay the new screen out as soon as the view moves, not while it is painted: a
        paragraph laid out then may change the scroll range, and Qt would paint the
        window's scroll bar a second time."""
        super().scrollContentsBy(dx, dy)
        if dy and not self._moving:  # (a command moving the cursor scrolls in steps)
            self._align_visible()

    def _align_visible(self) -> None:
        """Lay out and align the paragraphs on screen: before Qt hit-tests a mouse event (a
        re-laid-out paragraph may not be aligned yet), and when the view has moved."""
        for _ in self._visible_blocks():
            pass

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering ``[start, end)`` on screen (one per line piece)."""
        rects = []
        for block, geometry in self._visible_blocks():
            b_start, b_end = self.block_range(block)
            lo, hi = max(start, b_start), min(end, b_end)
            if lo >= hi:
                continue
            base = block.position()
            q_lo, q_hi = self._offsets.to_qt(lo) - base, self._offsets.to_qt(hi) - base
            layout = block.layout()
            by_glyphs = holds_astral(block, b_start, b_end)
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                s = max(q_lo, line.textStart())
                e = min(q_hi, line.textStart() + line.textLength())
                if s >= e:
                    continue
                for x1, x2, _ in line_extents(line, s, e, by_glyphs):
                    rects.append(QRectF(geometry.left() + x1, geometry.top() + line.y(),
                                        x2 - x1, line.height()))
        return rects

    def char_at(self, point: QPoint) -> int | None:
        """Code-point offset of the character under ``point`` (viewport), or None."""
        self._align_visible()
        block = self.cursorForPosition(point).block()
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        layout = block.layout()
        y = point.y() - geometry.top()
        x = point.x() - geometry.left()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= y < line.y() + line.height():
                rect = line.naturalTextRect()
                if not rect.left() <= x <= rect.right() or line.textLength() == 0:
                    return None
                pos = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                if pos >= block.length() - 1:
                    return None
                return self._offsets.from_qt(block.position() + pos)
        return None

    def decorations_at(self, offset: int | None) -> list[Decoration]:
        """Decorations covering the character at ``offset``, shortest first."""
        return self.highlights.at(offset)

    def _edge_at(self, point: QPointF) -> str | None:
        """Which edge of the selected span (``"start"``/``"end"``) is under ``point``."""
        decoration = self._selected_decoration()
        if decoration is None:
            return None
        for edge, lo in (("start", decoration.start), ("end", decoration.end - 1)):
            for rect, rtl in self._char_boxes(lo):
                x = (rect.right() if rtl else rect.left()) if edge == "start" else (
                    rect.left() if rtl else rect.right())
                if rect.top() <= point.y() <= rect.bottom() and abs(point.x() - x) <= EDGE_GRAB_PX:
                    return edge
        return None

    def _char_boxes(self, offset: int) -> list[tuple[QRectF, bool]]:
        boxes = []
        for block, geometry in self._visible_blocks():
            b_start, b_end = self.block_range(block)
            if not b_start <= offset < b_end:
                continue
            q = self._offsets.to_qt(offset) - block.position()
            line = block.layout().lineForTextPosition(q)
            if not line.isValid():
                continue
            q_end = self._offsets.to_qt(offset + 1) - block.position()
            for x1, x2, rtl in line_extents(line, q, q_end, holds_astral(block, b_start, b_end)):
                boxes.append((QRectF(geometry.left() + x1, geometry.top() + line.y(), x2 - x1,
                                     line.height()), rtl))
        return boxes

    def _selected_decoration(self) -> Decoration | None:
        if self._selected is None:
            return None
        # only what is on screen can be outlined or dragged
        numbers = [block.blockNumber() for block, _ in self._visible_blocks()]
        return self.highlights.find(self._selected, numbers)

    # -- painting ----------------------------------------------------------------
    def _layout_width(self) -> float:
        """What the paragraphs' line breaks depend on besides the font: the viewport's width
        (the layout's own text width is not exposed to Python)."""
        return float(self.viewport().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        on_screen = list(self._find_visible_blocks())
        self._visible_now = on_screen
        try:
            self._paint(event, on_screen)
        finally:
            self._visible_now = None

    def _paint(self, event: QPaintEvent, on_screen: list[tuple[QTextBlock, QRectF]]) -> None:
        area = QRectF(event.rect())
        visible = [(block, geometry) for block, geometry in on_screen if geometry.intersects(area)]
        base = self.viewport().palette().base().color().name()
        self.highlights.begin_paint(self._layout_width())
        for block, _ in visible:
            start, end = self.block_range(block)
            self.highlights.prepare(block, start, end, self._offsets, base)
        painter = QPainter(self.viewport())
        try:
            self.highlights.paint_fills(painter, visible)
        finally:
            painter.end()
        super().paintEvent(event)  # the text, the cursor and the selection, over the fills
        painter = QPainter(self.viewport())
        try:
            self.highlights.paint_underlines(painter, visible)
            self.highlights.paint_outlines(painter, visible)
            for paint_over in self.overlay_painters:  # relation arcs
                paint_over(painter)
            if self.show_label_names:
                self._paint_tags(painter, visible)
            if self._preview is not None:
                self._paint_outline(painter, self._preview, QColor("#444444"), dashed=True)
            else:
                decoration = self._selected_decoration()
                if decoration is not None:
                    color = QColor(decoration.color).darker(130)
                    self._paint_outline(painter, (decoration.start, decoration.end), color)
        finally:
            painter.end()

    def _paint_tags(self, painter: QPainter, visible: list[tuple[QTextBlock, QRectF]]) -> None:
        """Each span's label name, small, in the room above the line of its first letter."""
        font = self.tag_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        space = self.tag_space()
        taken: dict[tuple[int, int], list[tuple[float, float]]] = {}  # per line: x ranges
        base = self.viewport().palette().base().color().name()
        for block, piece, line, geometry in self.highlights.tags(visible):
            b_start, b_end = self.block_range(block)
            if piece.decoration.start < b_start:
                continue  # continued from the paragraph before: named there
            boxes = line_extents(line, piece.start, piece.start + 1,
                                 holds_astral(block, b_start, b_end))
            if not boxes:
                continue
            x1, x2, rtl = boxes[0]
            name = piece.decoration.name
            width = metrics.horizontalAdvance(name) + 4
            left = geometry.left() + (x2 - width if rtl else x1)
            key = (int(geometry.top()), line.lineNumber())
            used = taken.setdefault(key, [])
            for lo, hi in sorted(used):  # step past names already drawn on this line
                if left < hi and lo < left + width:
                    left = lo - width - 2 if rtl else hi + 2
            used.append((left, left + width))
            top = geometry.top() + line.y() - space
            rect = QRectF(left, top, width, space - 1)
            color = QColor(piece.decoration.color)
            painter.fillRect(rect, QColor(blend([piece.decoration.color], base, TAG_ALPHA)))
            painter.setPen(color.darker(170))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), name)

    def _paint_outline(self, painter: QPainter, bounds: tuple[int, int], color: QColor,
                       dashed: bool = False) -> None:
        pen = QPen(color, 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.range_rects(*bounds):
            painter.drawRect(rect.adjusted(-1, 0, 1, -1))

    # -- mouse -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._align_visible()
        self._press = event.position()
        if event.button() == Qt.MouseButton.LeftButton and self._selected is not None:
            edge = self._edge_at(event.position())
            decoration = self._selected_decoration()
            if edge is not None and decoration is not None:
                self._drag = (self._selected, edge, decoration.start, decoration.end)
                self._preview = (decoration.start, decoration.end)
                event.accept()
                return
        super().mousePressEvent(event)
        self.selection_origin = "mouse"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag_to(event.position().toPoint())
            event.accept()
            return
        self._align_visible()
        near_edge = not event.buttons() and self._edge_at(event.position()) is not None
        self.viewport().setCursor(Qt.CursorShape.SizeHorCursor if near_edge
                                  else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            self.set_selected_key(None, notify=True)

    def _drag_to(self, point: QPoint) -> None:
        assert self._drag is not None
        _, edge, start, end = self._drag
        offset = self._offsets.from_qt(self.cursorForPosition(point).position())
        lo, hi = (offset, end) if edge == "start" else (start, offset)
        snapped = snap(self._text, lo, hi, self.snap_words) if lo < hi else None
        if snapped is not None:  # only the dragged edge moves
            self._preview = (snapped[0], end) if edge == "start" else (start, snapped[1])
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            key, _, start, end = self._drag
            preview = self._preview
            self._drag = self._preview = None
            self.viewport().update()
            if preview is not None and preview != (start, end):
                self.bounds_dragged.emit(key, *preview)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        double, self._double_click = self._double_click, False
        if (event.button() != Qt.MouseButton.LeftButton or press is None or double
                or event.modifiers() != Qt.KeyboardModifier.NoModifier
                or self.textCursor().hasSelection()
                or (event.position() - press).manhattanLength()
                >= QApplication.startDragDistance()):
            return
        self._click_select(self.char_at(event.position().toPoint()))

    def _click_select(self, offset: int | None) -> None:
        """Select the span under a click; clicking again cycles through overlapping ones."""
        keys = [d.key for d in self.decorations_at(offset) if d.key is not None]
        if not keys:
            self.set_selected_key(None, notify=True)
            return
        if self._selected in keys:
            key = keys[(keys.index(self._selected) + 1) % len(keys)]
        else:
            key = keys[0]
        self.set_selected_key(key, notify=True)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._align_visible()
        self._double_click = True
        super().mouseDoubleClickEvent(event)
        self.selection_origin = "mouse"
        if self.textCursor().hasSelection():
            self.set_selected_key(None, notify=True)

    def keyPressEvent(self, event: object) -> None:
        had = self.textCursor().selectionStart(), self.textCursor().selectionEnd()
        super().keyPressEvent(event)  # type: ignore[arg-type]
        cursor = self.textCursor()
        if had != (cursor.selectionStart(), cursor.selectionEnd()):
            self.selection_origin = "keyboard"
        if cursor.hasSelection() and had != (cursor.selectionStart(), cursor.selectionEnd()):
            self.set_selected_key(None, notify=True)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        offset = self.char_at(event.pos())
        keys = [d.key for d in self.decorations_at(offset) if d.key is not None]
        if keys and self._selected not in keys:
            self.set_selected_key(keys[0], notify=True)
        menu = self.context_menu_factory(offset) if self.context_menu_factory else None
        if menu is None:
            menu = self.createStandardContextMenu(event.pos())
        menu.exec(event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            lines = [d.tooltip for d in self.decorations_at(self.char_at(pos)) if d.tooltip]
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines),  # type: ignore[attr-defined]
                                  self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_lines(self, offset: int) -> list[str]:
        """What the tooltip over the character at ``offset`` lists."""
        return [d.tooltip for d in self.decorations_at(offset) if d.tooltip]
