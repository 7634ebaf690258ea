"""The article view on its own: per-paragraph alignment, letter joining, lazy highlights."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextLayout, QWheelEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from annotator.ui.fonts import article_font
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


def _shaped(text: str, formats: list[QTextLayout.FormatRange] | None = None) -> list[int]:
    layout = QTextLayout(text, article_font(15))
    if formats:
        layout.setFormats(formats)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return _glyphs(layout)


def test_a_highlight_boundary_inside_a_word_keeps_the_letters_joined(qtbot: QtBot) -> None:
    word = "فلاديفوستوك"
    view = make_view(qtbot, f"زار {word} أمس")
    start = 4
    block = view.document().firstBlock()
    before = _glyphs(block.layout())
    # a span that starts and ends in the middle of the word
    view.set_provider(ListProvider([Decoration(start + 3, start + 7, "#2ca02c", "T1")]))
    view.viewport().repaint()
    assert block.layout().formats(), "the highlight is applied as formats on the layout"
    assert _glyphs(block.layout()) == before
    # The same in a bare layout with exactly the view's formats ...
    pieces = view._pieces[0]
    formats = view._fill_ranges(pieces)
    assert _shaped(word, [_shift(f, -start) for f in formats]) == _shaped(word)
    # ... while cutting the word in two really changes the glyphs (isolated forms).
    assert _shaped(word[:3]) + _shaped(word[3:]) != _shaped(word)


def _shift(item: QTextLayout.FormatRange, by: int) -> QTextLayout.FormatRange:
    moved = QTextLayout.FormatRange()
    moved.start, moved.length, moved.format = item.start + by, item.length, item.format
    return moved


def test_overlaps_blend_fills_and_stack_underlines(qtbot: QtBot) -> None:
    text = "التقى الرئيس بالزعيم في المدينة"
    view = make_view(qtbot, text)
    outer = Decoration(0, 20, "#1f77b4", "A", "entity: A")
    inner = Decoration(6, 12, "#d62728", "B", "meeting: B")
    view.set_provider(ListProvider([outer, inner]))
    view.viewport().repaint()
    levels = {p.decoration.key: p.level for p in view._pieces[0]}
    assert levels == {"A": 0, "B": 1}
    formats = {(f.start, f.length): f.format.background().color().name()
               for f in view.document().firstBlock().layout().formats()}
    white = view.viewport().palette().base().color().name()
    assert formats == {(0, 6): blend(["#1f77b4"], white),
                       (6, 6): blend(["#1f77b4", "#d62728"], white),
                       (12, 8): blend(["#1f77b4"], white)}
    # the tooltip over the inner word lists both spans
    (rect,) = view.range_rects(7, 11)
    point = rect.center().toPoint()
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
    assert block.layout().formats()


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
