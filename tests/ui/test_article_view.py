"""The article view on its own: per-paragraph alignment, letter joining, lazy highlights."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextLayout, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from annotator.ui.fonts import article_font
from annotator.ui.widgets import highlights
from annotator.ui.widgets.article_view import ArticleView
from annotator.ui.widgets.decorations import Decoration, blend

ARABIC_LONG = ("قال المتحدث إن الزيارة استمرت ستة أيام وشملت لقاءات كثيرة مع مسؤولين في "
               "الشرق الأقصى الروسي وانتهت بتبادل الهدايا بين الوفدين.")
TEXT = f"وصل القطار صباحاً.\nThe train arrived in the morning.\n{ARABIC_LONG}\n١٢ 2023"


class ListProvider:
    """Decorations from a list, counting what the view asks for."""

    def __init__(self, decorations: list[Decoration]) -> None:
        self.items = decorations
        self.asked: list[tuple[int, int]] = []

    def decorations(self, start: int, end: int) -> list[Decoration]:
        self.asked.append((start, end))
        return [d for d in self.items if d.start < end and start < d.end]


def make_view(qtbot: QtBot, text: str, width: int = 520, height: int = 360) -> ArticleView:
    view = ArticleView()
    view.setFont(article_font(15))
    view.set_text(text)
    qtbot.addWidget(view)
    view.resize(width, height)
    with qtbot.waitExposed(view):
        view.show()
    view.viewport().repaint()
    return view


def ink_columns(image: QImage, top: int, bottom: int) -> tuple[int, int]:
    """Leftmost and rightmost columns with dark pixels between two rows."""
    xs = [x for x in range(image.width()) for y in range(top, bottom, 2)
          if QColor(image.pixel(x, y)).lightness() < 128]
    return min(xs), max(xs)


def line_bands(view: QPlainTextEdit) -> list[tuple[int, int]]:
    bands = []
    block = view.document().firstBlock()
    offset = view.contentOffset()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = int(geometry.top() + line.y())
            bands.append((top + 2, top + int(line.height()) - 2))
        block = block.next()
    return bands


def test_each_paragraph_is_aligned_to_its_own_start_side(qtbot: QtBot) -> None:
    view = make_view(qtbot, TEXT)
    image = view.viewport().grab().toImage()
    width = image.width()
    bands = line_bands(view)
    assert len(bands) >= 5, "the long Arabic paragraph wraps"
    arabic_short, english, arabic_first, *arabic_rest, digits = bands
    margin = 12
    for band in (arabic_short, arabic_first, *arabic_rest):
        left, right = ink_columns(image, *band)
        assert right > width - margin, f"Arabic line {band} ends at {right} of {width}"
    left, _ = ink_columns(image, *arabic_short)
    assert left > width / 2, "a short Arabic line hugs the right edge, not the left"
    left, right = ink_columns(image, *english)
    assert left < margin and right < width * 0.8
    # A paragraph with no letters follows the document's direction (Arabic: right).
    _, right = ink_columns(image, *digits)
    assert right > width - margin


def test_a_plain_qplaintextedit_pins_arabic_left(qtbot: QtBot) -> None:
    """The trap the view works around, so the test above is known to discriminate."""
    plain = QPlainTextEdit()
    plain.setFont(article_font(15))
    plain.setPlainText(TEXT)
    qtbot.addWidget(plain)
    plain.resize(520, 360)
    with qtbot.waitExposed(plain):
        plain.show()
    image = plain.viewport().grab().toImage()
    left, right = ink_columns(image, *line_bands(plain)[0])
    assert left < 12 and right < image.width() / 2


def _glyphs(layout: QTextLayout) -> list[int]:
    """Glyph indexes in visual order, whatever runs Qt split them into."""
    placed = []
    for run in layout.glyphRuns():
        placed += zip((p.x() for p in run.positions()), run.glyphIndexes(), strict=True)
    return [glyph for _, glyph in sorted(placed)]


def _shaped(text: str) -> list[int]:
    layout = QTextLayout(text, article_font(15))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return _glyphs(layout)


def test_a_highlight_boundary_inside_a_word_keeps_the_letters_joined(qtbot: QtBot) -> None:
    word = "فلاديفوستوك"
    view = make_view(qtbot, f"زار {word} أمس")
    start = 4
    block = view.document().firstBlock()
    glyphs_before = _glyphs(block.layout())
    image_before = view.viewport().grab().toImage()
    # a span that starts and ends in the middle of the word
    inside = Decoration(start + 3, start + 7, "#2ca02c", "T1", underline=False)
    view.set_provider(ListProvider([inside]))
    view.viewport().repaint()
    (rect,) = view.range_rects(start + 3, start + 7)
    image = view.viewport().grab().toImage()
    assert _mode_color(image, rect) == blend(["#2ca02c"], "#ffffff"), "the highlight is shown"
    assert _glyphs(block.layout()) == glyphs_before, "Qt shapes the word as without it"
    # Painted in the background's own colour, the highlight leaves every pixel as it was:
    # the letters are drawn exactly as without a boundary inside the word.
    view.set_provider(ListProvider([Decoration(start + 3, start + 7, "#ffffff", "T1",
                                               underline=False)]))
    view.viewport().repaint()
    assert view.highlights.get(0).fills
    assert view.viewport().grab().toImage() == image_before
    # ... while cutting the word in two really changes the glyphs (isolated forms).
    assert _shaped(word[:3]) + _shaped(word[3:]) != _shaped(word)
    assert _glyphs(block.layout()) != _shaped(f"زار {word[:3]}") + _shaped(f"{word[3:]} أمس")


def _mode_color(image: QImage, rect: QRectF) -> str:
    counts = Counter(QColor(image.pixel(x, y)).name()
                     for x in range(int(rect.left()) + 1, int(rect.right()) - 1)
                     for y in range(int(rect.top()) + 1, int(rect.bottom()) - 1))
    return counts.most_common(1)[0][0]


def test_overlaps_blend_fills_and_stack_underlines(qtbot: QtBot) -> None:
    text = "التقى الرئيس بالزعيم في المدينة"
    view = make_view(qtbot, text)
    outer = Decoration(0, 20, "#1f77b4", "A", "entity: A")
    inner = Decoration(6, 12, "#d62728", "B", "meeting: B")
    view.set_provider(ListProvider([outer, inner]))
    view.viewport().repaint()
    levels = {p.decoration.key: p.level for p in view.highlights.get(0).pieces}
    assert levels == {"A": 0, "B": 1}
    white = view.viewport().palette().base().color().name()
    image = view.viewport().grab().toImage()
    for (lo, hi), colors in (((0, 5), ["#1f77b4"]), ((6, 12), ["#1f77b4", "#d62728"]),
                             ((13, 20), ["#1f77b4"]), ((21, 23), [])):
        (rect,) = view.range_rects(lo, hi)
        assert _mode_color(image, rect.adjusted(0, 0, 0, -8)) == blend(colors, white), (lo, hi)
    # two underlines under the inner word, one under the rest of the outer span
    (inner_rect,) = view.range_rects(7, 11)
    x = int(inner_rect.center().x())
    bottom = int(inner_rect.bottom())
    under = [QColor(image.pixel(x, y)).name() for y in range(bottom - 6, bottom + 1)]
    assert "#1f77b4" in under and "#d62728" in under
    # the tooltip over the inner word lists both spans
    point = inner_rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert QToolTip.text().splitlines() == ["meeting: B", "entity: A"]
    QToolTip.hideText()


def test_highlights_are_computed_for_visible_paragraphs_only(qtbot: QtBot) -> None:
    paragraphs = [f"الفقرة رقم {i} من نص طويل جداً." for i in range(3000)]
    text = "\n".join(paragraphs)
    decorations = []
    offset = 0
    for paragraph in paragraphs:
        decorations.append(Decoration(offset, offset + 6, "#2ca02c", str(offset)))
        offset += len(paragraph) + 1
    provider = ListProvider(decorations)
    view = make_view(qtbot, text)
    view.set_provider(provider)
    view.viewport().repaint()
    asked = len(provider.asked)
    assert 0 < asked < 40, "only the paragraphs on screen are asked for"
    provider.asked.clear()
    view.invalidate(decorations[2].start, decorations[2].end)
    view.viewport().repaint()
    assert provider.asked == [(decorations[2].start, decorations[2].start + len(paragraphs[2]))]
    # scrolling far down asks for the new paragraphs, which are drawn highlighted
    view.verticalScrollBar().setValue(2000)
    view.viewport().repaint()
    block = view.firstVisibleBlock()
    assert block.blockNumber() >= 1900
    assert view.highlights.get(block.blockNumber()).fills


def test_char_at_and_range_rects_agree(qtbot: QtBot) -> None:
    text = "زار كيم مدينة Vladivostok في 2023"
    view = make_view(qtbot, text)
    for word in ("كيم", "Vladivostok", "2023"):
        start = text.index(word)
        (rect,) = view.range_rects(start, start + len(word))
        hit = view.char_at(rect.center().toPoint())
        assert hit is not None and start <= hit < start + len(word), word
    assert view.char_at(QPoint(2, 5)) is None  # empty space left of a right-aligned line


def test_ctrl_wheel_asks_to_zoom(qtbot: QtBot) -> None:
    view = make_view(qtbot, "نص")
    with qtbot.waitSignal(view.zoom_requested) as blocker:
        event = QWheelEvent(QPointF(10, 10), QPointF(view.mapToGlobal(QPoint(10, 10))),
                            QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        view.wheelEvent(event)
    assert blocker.args == [1]


def test_the_screen_a_move_ends_on_is_laid_out_before_it_is_painted(qtbot: QtBot) -> None:
    # laid out while painting, a paragraph may change the scroll range, and Qt then paints
    # the scroll bar a second time (and queues the rest for the next paint)
    paragraphs = [f"الفقرة رقم {i}: " + "وصل الوفد إلى المدينة " * (i % 9 + 1)
                  for i in range(4000)]
    text = "\n".join(paragraphs)
    view = make_view(qtbot, text)
    ranges: list[int] = []
    view.verticalScrollBar().rangeChanged.connect(lambda _lo, hi: ranges.append(hi))
    for offset in (len(text) * 3 // 4, len(text) // 3, len(text) - 1, 5):
        view.set_cursor_offset(offset)
        ranges.clear()
        view.viewport().repaint()
        assert ranges == [], offset
        view.select_range(offset // 2, offset // 2 + 4)
        ranges.clear()
        view.viewport().repaint()
        assert ranges == [], offset // 2
    bar = view.verticalScrollBar()  # scrolled by the user (wheel, keys, the bar)
    for value in (bar.maximum() // 5, bar.maximum() // 2):
        bar.setValue(value)
        ranges.clear()
        view.viewport().repaint()
        assert ranges == [], value


def test_a_fill_covers_an_emoji_inside_its_span(qtbot: QtBot) -> None:
    # Qt's box for a glyph run is half an emoji wide (two UTF-16 units, one glyph), at the
    # wrong end in right-to-left text: such a paragraph is measured glyph by glyph
    text = "قدّم الضيف دفعةً قوية 🤝 للعلاقات بين البلدين"
    view = make_view(qtbot, text)
    emoji = text.index("🤝")
    view.set_provider(ListProvider([Decoration(text.index("قوية"), emoji + 1, "#d62728", "M")]))
    view.viewport().repaint()
    block = view.document().begin()
    assert view.highlights.get(0).by_glyphs  # measured glyph by glyph
    line = block.layout().lineAt(0)
    glyphs = [(run.positions(), run.rawFont().advancesForGlyphIndexes(run.glyphIndexes()))
              for run in line.glyphRuns(view.offsets.to_qt(emoji), 2)]
    left = min(p.x() for positions, _ in glyphs for p in positions)
    right = max(p.x() + a.x() for positions, advances in glyphs
                for p, a in zip(positions, advances, strict=True))
    assert right - left > 8  # the emoji's glyph (a box where no emoji font is installed)
    white = view.viewport().palette().base().color().name()
    image = view.viewport().grab().toImage()
    geometry = view.blockBoundingGeometry(block).translated(view.contentOffset())
    top = geometry.top() + line.y()
    for x in (left + 1, (left + right) / 2, right - 4):  # columns under the emoji's glyph
        column = QRectF(geometry.left() + x - 1, top, 3, line.height() - 8)
        assert _mode_color(image, column) == blend(["#d62728"], white), x
    (rect,) = view.range_rects(emoji, emoji + 1)  # outlines and hit boxes measure alike
    assert rect.left() <= geometry.left() + left + 0.5
    assert rect.right() >= geometry.left() + right - 0.5


def test_a_paragraph_with_an_emoji_is_measured_glyph_by_glyph(qtbot: QtBot) -> None:
    # Qt's box for a glyph run can be narrower than the glyph when the range holds half of
    # a surrogate pair (a label name is placed at a span's first UTF-16 unit: an emoji
    # there is half of one): measured glyph by glyph, the whole emoji is covered
    text = "منحت الزيارة العلاقات دفعةً قوية 🤝، رغم العقوبات"
    layout = QTextLayout(text, article_font(16))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    emoji = text.index("🤝")  # (no astral character before it: Qt positions = code points)
    (run,) = line.glyphRuns(emoji, 2)
    xs = [p.x() for p in run.positions()]
    advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
    glyph = min(xs), max(x + a.x() for x, a in zip(xs, advances, strict=True))
    (measured,) = highlights.line_extents(line, emoji, emoji + 1, by_glyphs=True)
    assert measured[0] <= glyph[0] and measured[1] >= glyph[1]
    (boxed,) = highlights.line_extents(line, emoji, emoji + 1)
    assert boxed[1] - boxed[0] < glyph[1] - glyph[0]  # what the box alone would give
    view = make_view(qtbot, f"{text}\nدفعةً قوية")
    first, second = view.document().begin(), view.document().begin().next()
    assert highlights.holds_astral(first, *view.block_range(first))
    assert not highlights.holds_astral(second, *view.block_range(second))
