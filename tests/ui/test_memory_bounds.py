"""What the window keeps per span or per paragraph stays bounded: the highlights of the
paragraphs painted last only, and a span table that finds rows by id without a dict."""

from __future__ import annotations

import random

from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan, Changes, relabel, remove_span
from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.widgets import highlights
from annotator.ui.widgets.decorations import Decoration
from tests.ui.test_article_view import ListProvider, make_view


def test_only_the_paragraphs_painted_last_keep_their_highlights(
        qtbot: QtBot, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(highlights, "CACHED_PARAGRAPHS", 60)
    paragraphs = [f"وصل الوفد إلى المحطة رقم {i} صباح الأحد." for i in range(2000)]
    decorations, offset = [], 0
    for paragraph in paragraphs:
        decorations.append(Decoration(offset, offset + 3, "#2ca02c", str(offset)))
        offset += len(paragraph) + 1
    provider = ListProvider(decorations)
    view = make_view(qtbot, "\n".join(paragraphs))
    view.set_provider(provider)
    bar = view.verticalScrollBar()
    for value in range(0, 1900, 37):  # jumps through the article
        bar.setValue(value)
        view.viewport().repaint()
    kept = view.highlights._cache
    assert len(kept) <= 60
    on_screen = view.firstVisibleBlock().blockNumber()
    assert view.highlights.get(on_screen) is not None and view.highlights.get(on_screen).fills
    # what is on screen stays when painted again, however long ago it was first asked for
    provider.asked.clear()
    for _ in range(3):
        view.viewport().repaint()
    assert provider.asked == []
    view.invalidate(0, offset)  # a change everywhere: the few kept are asked again
    assert not view.highlights._cache


def test_the_span_table_finds_each_row_by_id_through_edits(qtbot: QtBot) -> None:
    # (qtbot: the QApplication its icons need, whichever tests run before)
    text = " ".join(["الهدايا", "الوفد", "المحطة", "موسكو"] * 10)
    aset = AnnotationSet("d", text, "amal", frozenset({"entity", "gift"}))
    model = SpanTableModel()
    model.reset(aset.spans(), {"entity": "#1f77b4"})
    rng = random.Random(3)
    for _ in range(120):
        spans = aset.spans()
        if rng.random() < 0.5 or not spans:
            start = rng.randrange(len(text) - 1)
            end = rng.randrange(start + 1, min(len(text), start + 12) + 1)
            edit = AddSpan(aset.make_span(start, end, rng.choice(["entity", "gift"])))
            if aset.span_problems(edit.span):
                continue
        elif rng.random() < 0.5:
            edit = remove_span(aset, rng.choice(spans).id)
        else:
            span = rng.choice(spans)
            label = "gift" if span.label == "entity" else "entity"
            if aset.find(span.start, span.end, label) is not None:
                continue
            edit = relabel(aset, span.id, label)
        edit.apply(aset)
        changes: Changes = edit.changes
        model.apply(changes)
        assert model.spans() == aset.spans()
        assert all(model.row_of(s.id) == row for row, s in enumerate(aset.spans()))
        gone = [s.id for s in changes.removed if s.id not in aset]
        assert all(model.row_of(span_id) is None for span_id in gone)
    assert model.row_of("T999") is None


def test_kept_glyph_extents_follow_the_lines_as_they_are_laid_out_now(qtbot: QtBot) -> None:
    # the x intervals of spans are kept between paints (adding one span repaints the
    # screen); after a resize the lines break elsewhere and none kept may be stale
    text = "\n".join(f"التقى الرئيسان في المحطة {i} وتبادلا الهدايا ثم عقدا اجتماعاً مطوّلاً."
                     for i in range(6))
    decorations = []
    for start in range(0, len(text) - 5, 9):
        decorations.append(Decoration(start, start + 5, "#1f77b4", str(start)))
    view = make_view(qtbot, text, width=620)
    view.set_provider(ListProvider(decorations))
    view.viewport().repaint()

    def all_current() -> int:
        checked = 0
        block = view.document().firstBlock()
        while block.isValid():
            paint = view.highlights.get(block.blockNumber())
            for (number, start, end), kept in (paint.extents.items() if paint else ()):
                line = block.layout().lineAt(number)
                assert line.isValid() and kept == highlights.line_extents(line, start, end)
                checked += 1
            block = block.next()
        return checked

    assert all_current() > 0
    for width in (300, 470, 900):
        view.resize(width, 360)
        qtbot.wait(10)
        view.viewport().repaint()
        assert all_current() > 0
