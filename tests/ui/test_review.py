"""Review mode in the window: differences classed and coloured, adjudication into gold, undo.

The project is our own: two short Arabic sentences (facts of the news story,
our wording) annotated by amal, omar and sara so that every kind of
difference occurs once between amal and omar.
"""

from __future__ import annotations

import doctest
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.cli import main as cli_main
from annotator.core.differences import Kind
from annotator.core.project import GOLD, Project
from annotator.io import review_sources
from annotator.io.review_sources import SourceNote
from annotator.ui import review as review_module
from annotator.ui.fonts import load_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.models.differences import DifferenceTableModel
from annotator.ui.review import ReviewController
from annotator.ui.settings import Settings
from annotator.ui.widgets.review_decorations import MARK_COLOR, SAME_COLOR, item_key
from annotator.ui.workspace import KEEP_COPY
from tests.review_data import SpanSpec, locate, make_project
from tests.ui.conftest import discard, new_window, press_save, read_json, scripted, show

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

TEXTS = {
    # "The governor received the leader at the station and gave him a bulletproof vest and
    # five drones before a long meeting."
    "r1": "استقبل الحاكم الزعيمَ في المحطة وأهداه سترة واقية وخمس طائرات مسيّرة قبل لقاء مطوّل.",
    # "The train left for the border crossing at dawn."
    "r2": "غادر القطار نحو معبر الحدود عند الفجر.",
}
AMAL: list[SpanSpec] = [("الحاكم", "entity"), ("المحطة", "entity"), ("سترة واقية", "gift"),
                        ("خمس طائرات مسيّرة", "gift"), ("لقاء مطوّل", "meeting")]
OMAR: list[SpanSpec] = [("الحاكم", "entity"),             # same
                        ("المحطة", "meeting"),            # same span, other label
                        ("سترة", "gift"),                 # overlapping boundaries
                        ("خمس طائرات مسيّرة", "gift"),    # same
                        ("الزعيمَ", "entity")]            # only in B
# amal's "لقاء مطوّل" is only in A.
SARA: list[SpanSpec] = [("الحاكم", "entity"), ("سترة واقية", "gift")]
TEAM = {"amal": {"r1": AMAL, "r2": [("القطار", "entity")]},
        "omar": {"r1": OMAR, "r2": [("القطار", "entity"), ("معبر الحدود", "entity")]},
        "sara": {"r1": SARA}}
TEXT = TEXTS["r1"]


def at(word: str) -> tuple[int, int]:
    start, end, _ = locate(TEXT, (word, ""))
    return start, end


@pytest.fixture
def review_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "review", TEAM, TEXTS)


@pytest.fixture
def open_review(qtbot: QtBot, review_project: Project,
                tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    load_fonts()
    made: list[MainWindow] = []

    def make(others: tuple[str, ...] = ("omar",), reference: str = "amal",
             doc_id: str = "r1") -> MainWindow:
        settings = Settings.at(str(tmp_path / "settings.ini"))
        window = new_window(review_project, "amal", settings, doc_id)
        made.append(window)
        show(qtbot, window)
        qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)  # review mode, by its shortcut
        assert window.review.active and window.review.dock.isVisible()
        choose(window.review, reference, others)
        return window

    yield make
    for window in made:
        discard(window)


def choose(review: ReviewController, reference: str, others: tuple[str, ...]) -> None:
    panel = review.panel
    panel.reference.setCurrentText(reference)
    for name, box in panel.others.items():
        box.setChecked(name in others)
    assert panel.chosen() == (reference, list(others))


def listed(review: ReviewController) -> list[tuple[str, str, str, str, str]]:
    """The review list as the reviewer reads it: kind, B, A's span, B's span, gold."""
    model = review.panel.model
    cols = (DifferenceTableModel.COL_KIND, DifferenceTableModel.COL_WHO,
            DifferenceTableModel.COL_A, DifferenceTableModel.COL_B, DifferenceTableModel.COL_GOLD)
    return [tuple(str(model.data(model.index(row, c))).replace("\u2068", "").replace(
        "\u2069", "") for c in cols)  # type: ignore[misc]
            for row in range(model.rowCount())]


def select_word(window: MainWindow, word: str, b: str = "omar") -> int:
    """Select (in the list) the difference with ``b`` that covers ``word``; its item index."""
    start, end = at(word)
    review = window.review
    for index, item in enumerate(review.items):
        if item.b == b and item.start <= start and end <= item.end:
            review.select(index)
            assert review.current() == index
            assert window.view.selected_key == item_key(index)
            return index
    raise AssertionError(f"no difference over {word!r}")


def gold_file(window: MainWindow, qtbot: QtBot) -> list[tuple[str, str, str]]:
    """Gold as written on disk (saved first with Ctrl+S), as (text, label, note)."""
    press_save(qtbot, window)
    path = window.workspace.project.annotation_path("r1", GOLD)
    if not path.exists():  # nothing was ever put in gold
        return []
    data = read_json(path)
    assert data["annotator"] == GOLD
    return [(s["text"], s["label"], s.get("note", "")) for s in data["spans"]]


def test_differences_are_found_classed_coloured_and_counted(
        open_review: Callable[..., MainWindow]) -> None:
    window = open_review()
    review = window.review
    assert window.workspace.session is not None and window.workspace.session.annotator == GOLD
    assert window.workspace.session.path == window.workspace.project.root / "gold" / "r1.json"
    assert listed(review) == [
        ("same", "omar", "الحاكم · entity", "الحاكم · entity", "—"),
        ("only B", "omar", "—", "الزعيمَ · entity", "—"),
        ("label", "omar", "المحطة · entity", "المحطة · meeting", "—"),
        ("boundary", "omar", "سترة واقية · gift", "سترة · gift", "—"),
        ("same", "omar", "خمس طائرات مسيّرة · gift", "خمس طائرات مسيّرة · gift", "—"),
        ("only A", "omar", "لقاء مطوّل · meeting", "—", "—"),
    ]
    # Each difference is keyed over its words for clicks, in a neutral grey (never a label's
    # colour); the words' labels are named over them, A's and B's apart where they differ.
    label_colors = set(window.workspace.colors.values())
    for word, kind in (("الحاكم", Kind.SAME), ("الزعيمَ", Kind.ONLY_B), ("المحطة", Kind.LABEL),
                       ("واقية", Kind.BOUNDARY), ("لقاء", Kind.ONLY_A)):
        found = window.view.decorations_at(at(word)[0] + 1)
        keyed = [d for d in found if d.key and d.key.startswith("review:")]
        assert [d.color for d in keyed] == [SAME_COLOR if kind is Kind.SAME else MARK_COLOR]
        assert not keyed[0].fill and not keyed[0].underline
        assert not any(d.fill for d in found), "nothing is in gold yet: no fill"
        assert {d.color for d in keyed}.isdisjoint(label_colors)
    decorations = window.review.marks.decorations
    assert decorations is not None
    names = {(n.start, n.end, n.text) for n in decorations.names(*at("المحطة"))}
    assert names == {(*at("المحطة"), "A entity"), (*at("المحطة"), "B meeting")}
    names = {n.text for n in decorations.names(*at("الحاكم"))}
    assert names == {"entity"}  # agreed: named once
    assert not any(d.name for d in window.view.decorations_at(at("المحطة")[0]))  # ours
    assert window.view.show_label_names  # label names are shown in review mode
    # The legend counts every kind, with a picture of its marks.
    assert review.panel.legend[Kind.SAME].text() == "same (2)"
    assert review.panel.legend[Kind.ONLY_A].text() == "only in A (amal) (1)"
    assert review.panel.legend[Kind.ONLY_B].text() == "only in B (omar) (1)"
    assert not review.panel.legend[Kind.RELATION].isVisibleTo(review.panel)  # none here
    # Agreement in the status bar, by hand: 2 identical spans of 5 + 5 -> F1 0.40; overlap
    # pairs same-label spans sharing a character: الحاكم, خمس…, سترة -> 2*3/10 = 0.60.
    figures = review.figures
    assert figures is not None and figures.annotators == ("amal", "omar")
    assert (round(figures.f1_exact, 2), round(figures.f1_overlap, 2)) == (0.40, 0.60)  # type: ignore[arg-type]
    assert review.status.isVisible() and "0.40" in review.status.text()
    # Hiding agreed rows keeps the others, still keyed to the same items.
    review.panel.hide_agreed.setChecked(True)
    assert [row[0] for row in listed(review)] == ["only B", "label", "boundary", "only A"]


def test_keyboard_steps_through_the_differences(open_review: Callable[..., MainWindow],
                                                 qtbot: QtBot) -> None:
    window = open_review()
    review, view = window.review, window.view
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    seen = []
    for _ in range(len(review.items)):
        qtbot.keyClick(view, Qt.Key.Key_F8)
        seen.append(review.current())
        assert view.selected_key == item_key(seen[-1])
        start = review.items[seen[-1]].start
        assert view.cursor_offset() == start  # revealed in the text
    assert seen == list(range(len(review.items)))
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert review.current() == seen[-1]
    assert scripted(window).last == "no-more-differences"
    qtbot.keyClick(view, Qt.Key.Key_F8, SHIFT)
    assert review.current() == seen[-2]


@pytest.mark.parametrize(("word", "key", "expected", "state"), [
    # same: any acceptance adds the agreed span; reject keeps it out
    ("الحاكم", Qt.Key.Key_1, [("الحاكم", "entity")], "A+B"),
    ("الحاكم", Qt.Key.Key_Delete, [], "—"),
    # same span, different label
    ("المحطة", Qt.Key.Key_1, [("المحطة", "entity")], "A"),
    ("المحطة", Qt.Key.Key_2, [("المحطة", "meeting")], "B"),
    ("المحطة", Qt.Key.Key_3, [("المحطة", "entity"), ("المحطة", "meeting")], "A+B"),
    ("المحطة", Qt.Key.Key_Delete, [], "—"),
    # overlapping boundaries
    ("سترة", Qt.Key.Key_1, [("سترة واقية", "gift")], "A"),
    ("سترة", Qt.Key.Key_2, [("سترة", "gift")], "B"),
    ("سترة", Qt.Key.Key_3, [("سترة", "gift"), ("سترة واقية", "gift")], "A+B"),
    ("سترة", Qt.Key.Key_Delete, [], "—"),
    # only in A: accepting B's version (nothing) is a rejection
    ("لقاء", Qt.Key.Key_1, [("لقاء مطوّل", "meeting")], "A"),
    ("لقاء", Qt.Key.Key_2, [], "—"),
    ("لقاء", Qt.Key.Key_Delete, [], "—"),
    # only in B
    ("الزعيمَ", Qt.Key.Key_2, [("الزعيمَ", "entity")], "B"),
    ("الزعيمَ", Qt.Key.Key_3, [("الزعيمَ", "entity")], "B"),
    ("الزعيمَ", Qt.Key.Key_Delete, [], "—"),
])
def test_accept_and_reject_each_kind_write_valid_gold(
        open_review: Callable[..., MainWindow], qtbot: QtBot, capsys: pytest.CaptureFixture[str],
        word: str, key: Qt.Key, expected: list[tuple[str, str]], state: str) -> None:
    window = open_review()
    review = window.review
    if word == "سترة" and key in (Qt.Key.Key_3, Qt.Key.Key_Delete):
        scripted(window).answer("both")  # both extents of one label: asked, kept both
    if key == Qt.Key.Key_Delete:  # reject something gold holds: accept both first
        select_word(window, word)
        qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
        assert len(window.workspace.session.aset) > 0  # type: ignore[union-attr]
    index = select_word(window, word)
    qtbot.keyClick(window.view, key, CTRL)
    assert [(t, label) for t, label, _ in gold_file(window, qtbot)] == expected
    row = review.panel.model.row_of(index)
    assert row is not None
    assert listed(review)[row][4] == state
    # the list moves on to the next difference (and stays on the last one)
    assert review.current() == min(index + 1, len(review.items) - 1)
    capsys.readouterr()
    assert cli_main(["validate", "--json", str(window.workspace.project.root)]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "problems": []}


def test_undo_redo_and_accept_all_agreed_in_one_step(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review()
    view, aset = window.view, window.workspace.session.aset  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    assert sorted(s.text for s in aset.spans()) == ["الحاكم", "خمس طائرات مسيّرة"]
    assert aset.status == "in_progress"
    select_word(window, "سترة")
    qtbot.keyClick(view, Qt.Key.Key_2, CTRL)
    assert len(aset) == 3
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert len(aset) == 2
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the two agreed spans leave together
    assert len(aset) == 0 and aset.status == "new"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sorted(s.text for s in aset.spans()) == ["الحاكم", "خمس طائرات مسيّرة", "سترة"]
    assert [row[4] for row in listed(window.review)] == ["A+B", "—", "—", "B", "A+B", "—"]
    assert sorted(t for t, _, _ in gold_file(window, qtbot)) == ["الحاكم", "خمس طائرات مسيّرة",
                                                           "سترة"]
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)  # nothing left to add
    assert scripted(window).last == "agreed-in-gold"


def test_edit_selects_the_gold_span_for_ordinary_commands_and_notes_reach_annotators(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review()
    review, view, aset = window.review, window.view, window.workspace.session.aset  # type: ignore[union-attr]
    index = select_word(window, "المحطة")
    qtbot.keyClick(view, Qt.Key.Key_4, CTRL)  # edit: A's version is copied in and selected
    (span,) = aset.spans()
    assert view.selected_key == span.id and span.label == "entity"
    qtbot.keyClick(view, "3")  # an ordinary label key relabels the gold span
    assert aset.span(span.id).label == "meeting"
    assert review.panel.model.state(index).value == "b"
    # the reviewer notes it in the review list; the span table shows the note too
    model = review.panel.model
    row = model.row_of(index)
    assert row is not None
    note = "محطة القطار مكان وليست لقاءً؟ راجعوا الدليل"
    assert model.setData(model.index(row, DifferenceTableModel.COL_NOTE), note)
    assert aset.span(span.id).note == note
    assert window.spans.model.data(window.spans.model.index(0, 4)) == note
    assert gold_file(window, qtbot) == [("المحطة", "meeting", note)]
    assert any(line.startswith("Gold: meeting") and line.endswith(f"note: {note}")
               for line in view.tooltip_lines(at("المحطة")[0]))
    # Back in normal mode, the annotator sees the reviewer's note over the word.
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL | SHIFT)
    assert not review.active and window.workspace.session.annotator == "amal"  # type: ignore[union-attr]
    assert not review.status.isVisible()
    lines = view.tooltip_lines(at("المحطة")[0])
    assert any(note in line and line.startswith("Reviewer's note") for line in lines)
    assert any(line.startswith("entity: المحطة") for line in lines)  # amal's own span


def test_three_annotators_are_compared_pairwise_with_the_reference(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review(others=("omar", "sara"))
    review = window.review
    rows = listed(review)
    assert {row[1] for row in rows} == {"omar", "sara"}
    assert [row for row in rows if row[1] == "sara"] == [
        ("same", "sara", "الحاكم · entity", "الحاكم · entity", "—"),
        ("only A", "sara", "المحطة · entity", "—", "—"),
        ("same", "sara", "سترة واقية · gift", "سترة واقية · gift", "—"),
        ("only A", "sara", "خمس طائرات مسيّرة · gift", "—", "—"),
        ("only A", "sara", "لقاء مطوّل · meeting", "—", "—"),
    ]
    assert review.figures is not None and len(review.figures.annotators) == 3
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL | SHIFT)  # only what all three share
    assert [s.text for s in window.workspace.session.aset.spans()] == ["الحاكم"]  # type: ignore[union-attr]
    # accepting omar's boundary is seen on sara's row of the same span too
    select_word(window, "سترة")
    qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)
    states = {(row[1], row[2]): row[4] for row in listed(review)}
    assert states[("omar", "سترة واقية · gift")] == "B"
    assert states[("sara", "سترة واقية · gift")] == "edited"


def test_one_annotator_against_gold_follows_gold_as_it_changes(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review(others=(GOLD,))
    review = window.review
    assert [row[0] for row in listed(review)] == ["only A"] * 5  # gold is empty
    select_word(window, "المحطة", b=GOLD)
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    rows = listed(review)
    assert rows[1] == ("same", GOLD, "المحطة · entity", "المحطة · entity", "A+B")
    assert review.items[review.current()].start > at("المحطة")[0]  # type: ignore[index]
    assert review.figures is not None and review.figures.annotators == ("amal", GOLD)
    assert round(review.figures.f1_exact, 2) == 0.33  # type: ignore[arg-type]  # 2*1/(5+1)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert [row[0] for row in listed(review)] == ["only A"] * 5


def test_gold_changed_on_disk_is_not_overwritten(open_review: Callable[..., MainWindow],
                                                 qtbot: QtBot) -> None:
    window = open_review()
    select_word(window, "الحاكم")
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    path = window.workspace.project.annotation_path("r1", GOLD)
    path.parent.mkdir(exist_ok=True)
    path.write_text("{}", encoding="utf-8")  # another reviewer, a sync client...
    press_save(qtbot, window)
    assert path.read_text(encoding="utf-8") == "{}"
    assert window.article.conflict_banner.isVisible()
    feedback = scripted(window).answer(KEEP_COPY)
    window.registry["review.mode"].trigger()  # leaving review mode asks, and keeps a copy
    assert [q.kind for q in feedback.asked] == ["leave"] and not window.review.active
    (copy,) = path.parent.glob("r1.json.mine-*")
    assert "الحاكم" in copy.read_text(encoding="utf-8")


def test_switching_documents_keeps_reviewing_and_leaving_restores_the_annotator(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review()
    select_word(window, "الحاكم")
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # next document: saved, reopened
    assert window.workspace.session.doc_id == "r2" and window.workspace.session.annotator == GOLD  # type: ignore
    assert [row[0] for row in listed(window.review)] == ["same", "only B"]
    gold = read_json(window.workspace.project.annotation_path("r1", GOLD))
    assert gold["spans"][0]["text"] == "الحاكم"
    assert window.documents.model.span_count("r1") == 1  # the list shows gold's counts
    window.registry["review.mode"].trigger()
    assert window.workspace.annotator == "amal" and window.workspace.session.annotator == "amal"  # type: ignore
    assert window.documents.model.span_count("r1") == len(AMAL)
    assert not window.registry["review.accept_a"].isEnabled()


def test_broken_and_missing_files_are_said_and_left_out(
        review_project: Project, open_review: Callable[..., MainWindow]) -> None:
    path = review_project.annotation_path("r1", "sara")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["spans"][0]["text"] = "غلط"  # not the text at its offsets
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = open_review()
    panel = window.review.panel
    assert list(panel.others) == ["amal", "omar", GOLD]  # sara is not offered
    assert window.review.notes == [SourceNote("sara", "has-problems")]
    assert "sara" in panel.notice.text()
    window.workspace.open_document("r2")  # sara has no file for r2 at all; the choice is kept
    assert panel.chosen() == ("amal", ["omar"]) and panel.notice.isHidden()


def test_docstring_examples() -> None:
    result = doctest.testmod(review_sources)
    assert result.attempted > 0 and result.failed == 0


def test_a_gold_file_that_cannot_be_read_leaves_the_annotator_where_they_were(
        review_project: Project, qtbot: QtBot, tmp_path: Path) -> None:
    path = review_project.annotation_path("r1", GOLD)
    path.parent.mkdir()
    path.write_text("not json", encoding="utf-8")
    load_fonts()
    window = new_window(review_project, "amal", Settings.at(str(tmp_path / "s.ini")), "r1")
    show(qtbot, window)
    feedback = scripted(window).answer("ok")
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    assert [q.kind for q in feedback.asked] == ["open-document-failed"]
    assert "r1.json" in feedback.asked[0].text
    assert not window.review.active and not window.registry["review.mode"].isChecked()
    assert window.workspace.annotator == "amal" and window.workspace.session.annotator == "amal"  # type: ignore
    window.view.select_range(*at("الحاكم"))
    qtbot.keyClick(window.view, "2")  # the annotator's own session is live again
    assert window.workspace.session.aset.find(*at("الحاكم"), "gift") is not None  # type: ignore
    discard(window)


def test_a_broken_gold_file_of_another_document_empties_the_comparison(
        open_review: Callable[..., MainWindow], review_project: Project) -> None:
    window = open_review()
    assert window.review.items
    path = review_project.annotation_path("r2", GOLD)
    path.parent.mkdir(exist_ok=True)
    path.write_text("[1, 2", encoding="utf-8")
    assert not window.workspace.open_document("r2")
    banner = window.article.broken_banner
    assert banner.isVisible() and "r2.json" in banner.text
    assert window.review.items == [] and window.review.panel.model.rowCount() == 0
    assert window.review.status.text() == ""
    assert window.workspace.open_document("r1") and window.review.items


# -- issue 11: what review showed when tried ----------------------------------------------

def test_accepting_both_extents_of_one_label_is_said_and_one_extent_offered(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review()
    feedback, aset = scripted(window), window.workspace.session.aset  # type: ignore[union-attr]
    select_word(window, "سترة")
    feedback.answer("cancel")
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    assert feedback.asked[-1].kind == "both-extents-overlap"
    assert feedback.asked[-1].choices == ("a", "b", "both", "cancel")
    assert "both-extents-overlap" in feedback.codes and feedback.last == "both-extents-cancelled"
    assert len(aset) == 0
    select_word(window, "سترة")
    feedback.answer("b")  # one extent instead: B's
    qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
    assert [(s.text, s.label) for s in aset.spans()] == [("سترة", "gift")]
    # choosing one version is never asked about
    asked = len(feedback.asked)
    select_word(window, "سترة")
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    assert len(feedback.asked) == asked
    assert [(s.text, s.label) for s in aset.spans()] == [("سترة واقية", "gift")]


def pixels(window: MainWindow) -> Any:
    window.view.repaint()
    return window.view.viewport().grab().toImage()


def near(color: Any, wanted: str, tolerance: int = 40) -> bool:
    from PySide6.QtGui import QColor

    target = QColor(wanted)
    return all(abs(a - b) <= tolerance for a, b in ((color.red(), target.red()),
                                                    (color.green(), target.green()),
                                                    (color.blue(), target.blue())))


def test_marks_are_a_above_b_below_in_label_colours_and_grey_brackets(
        open_review: Callable[..., MainWindow]) -> None:
    from annotator.ui.widgets.review_marks import BAR_PX, INSET_PX, SIDE_PX

    window = open_review()
    view, colors = window.view, window.workspace.colors
    image = pixels(window)
    # "المحطة": A (amal) entity, B (omar) meeting: A's bar on top, B's dashed at the bottom
    (rect,) = view.range_rects(*at("المحطة"))
    xs = range(int(rect.left()) + 2, int(rect.right()) - 1)
    top = int(rect.top() + INSET_PX + BAR_PX / 2)
    bottom = int(rect.bottom() - INSET_PX - BAR_PX / 2)
    assert all(near(image.pixelColor(x, top), colors["entity"]) for x in xs)
    dashed = [near(image.pixelColor(x, bottom), colors["meeting"]) for x in xs]
    assert any(dashed) and not all(dashed)  # dashes, and gaps between them
    assert not any(near(image.pixelColor(x, bottom), colors["entity"]) for x in xs)
    # a difference has grey brackets at both ends; the agreed "الحاكم" has none
    middle = int(rect.center().y())
    for x in (rect.left() - SIDE_PX / 2 - 1, rect.right() + 1 + SIDE_PX / 2):
        assert near(image.pixelColor(int(x), middle), MARK_COLOR, 30)
    (agreed,) = view.range_rects(*at("الحاكم"))
    left = image.pixelColor(int(agreed.left() - SIDE_PX / 2 - 1), int(agreed.center().y()))
    assert not near(left, MARK_COLOR, 30)
    # "سترة واقية" (A) and "سترة" (B), one label: both drawn, neither hides the other
    for word, y in (("واقية", top), ("سترة", bottom)):
        (piece,) = view.range_rects(*at(word))
        row = [image.pixelColor(x, int(piece.top()) + y - int(rect.top()))
               for x in range(int(piece.left()) + 2, int(piece.right()) - 1)]
        assert any(near(c, colors["gift"]) for c in row), word
    # B's bar under "سترة واقية" stops where B's extent does
    (vest,) = view.range_rects(*at("واقية"))
    row = [image.pixelColor(x, int(vest.top()) + bottom - int(rect.top()))
           for x in range(int(vest.left()) + 2, int(vest.right()) - 1)]
    assert not any(near(c, colors["gift"]) for c in row)


def test_gold_is_filled_in_its_label_colour_and_label_names_come_back_after_review(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    window = open_review()
    view, names = window.view, window.registry["view.label_names"]
    assert names.isChecked() and view.show_label_names
    select_word(window, "لقاء")
    qtbot.keyClick(view, Qt.Key.Key_1, CTRL)
    fills = [d for d in view.decorations_at(at("لقاء")[0]) if d.fill]
    assert [d.color for d in fills] == [window.workspace.colors["meeting"]]
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL | SHIFT)  # leave review mode
    assert not names.isChecked() and not view.show_label_names
    marks = window.review.marks.paint
    assert marks not in view.overlay_painters
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL | SHIFT)
    assert names.isChecked() and view.overlay_painters.count(marks) == 1


def test_the_span_table_is_kept_low_in_review_and_given_back(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDockWidget

    window = open_review()
    spans = window.findChild(QDockWidget, "spans-dock")
    assert spans is not None
    rows = window.spans.table.verticalHeader().defaultSectionSize()
    few = 7 * rows + 60  # a few rows, not half the window
    qtbot.waitUntil(lambda: spans.height() <= few)
    low = spans.height()
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)  # leave: the height comes back
    qtbot.waitUntil(lambda: spans.height() > low + rows)
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: abs(spans.height() - low) <= 2)


def test_list_cells_elide_in_the_middle_and_say_all_in_their_tooltip(
        open_review: Callable[..., MainWindow]) -> None:
    window = open_review()
    panel = window.review.panel
    assert panel.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    model = panel.model
    row = next(r for r in range(model.rowCount())
               if "طائرات" in model.data(model.index(r, DifferenceTableModel.COL_A)))
    tip = model.data(model.index(row, DifferenceTableModel.COL_A), Qt.ItemDataRole.ToolTipRole)
    assert "خمس طائرات مسيّرة" in tip and "gift" in tip


def test_attributes_notes_and_relations_are_compared_and_go_into_gold(
        qtbot: QtBot, review_project: Project, tmp_path: Path) -> None:
    from annotator.core.edits import AddRelation, ReplaceSpan
    from annotator.core.spans import Relation
    from annotator.io import store

    def change(annotator: str, edit: Callable[[Any], list[Any]]) -> None:
        loaded = store.load(review_project, "r1", annotator)
        aset = loaded.annotations
        for e in edit(aset):
            e.apply(aset)
        store.save(review_project, aset, loaded.fingerprint)

    def find(aset: Any, word: str) -> Any:
        return next(s for s in aset.spans() if s.text == word)

    change("amal", lambda aset: [
        ReplaceSpan(find(aset, "الحاكم"), find(aset, "الحاكم").with_changes(note="المضيف")),
        AddRelation(Relation("R1", "giver", find(aset, "خمس طائرات مسيّرة").id,
                             find(aset, "الحاكم").id))])
    change("omar", lambda aset: [
        ReplaceSpan(find(aset, "خمس طائرات مسيّرة"), find(aset, "خمس طائرات مسيّرة")
                    .with_changes(attributes={"kind": "vehicle"}))])
    load_fonts()
    window = new_window(review_project, "amal", Settings.at(str(tmp_path / "s.ini")), "r1")
    try:
        show(qtbot, window)
        qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
        review, feedback = window.review, scripted(window)
        choose(review, "amal", ("omar",))
        kinds = [row[0] for row in listed(review)]
        assert {"note", "attributes", "relation"} <= set(kinds)
        assert "same" not in kinds  # both agreed spans differ in a note or attributes now
        relation = next(i for i, item in enumerate(review.items) if item.kind is Kind.RELATION)
        review.select(relation)
        qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)  # its ends are not in gold yet
        assert feedback.last == "relation-ends-not-in-gold"
        feedback.say("", code="-")
        qtbot.keyClick(window.view, Qt.Key.Key_4, CTRL)  # edit: says so too, never silent
        assert feedback.last == "relation-ends-not-in-gold"
        aset = window.workspace.session.aset  # type: ignore[union-attr]
        for kind in (Kind.NOTE, Kind.ATTRIBUTES):  # accept the spans first (A's versions)
            index = next(i for i, item in enumerate(review.items) if item.kind is kind)
            review.select(index)
            qtbot.keyClick(window.view, Qt.Key.Key_4, CTRL)  # edit: puts A's span in gold
        ruler, drones = find(aset, "الحاكم"), find(aset, "خمس طائرات مسيّرة")
        assert ruler.note == "المضيف" and drones.attributes is None
        assert aset.relations() == []  # accepting spans brings no relation along
        relation = next(i for i, item in enumerate(review.items) if item.kind is Kind.RELATION)
        review.select(relation)
        qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)  # now both ends are in gold
        # amal's relation, with gold's ids
        assert [(r.type, r.source, r.target) for r in aset.relations()] == [
            ("giver", drones.id, ruler.id)]
        index = next(i for i, item in enumerate(review.items) if item.kind is Kind.ATTRIBUTES)
        review.select(index)
        qtbot.keyClick(window.view, Qt.Key.Key_2, CTRL)  # B's attributes
        assert find(aset, "خمس طائرات مسيّرة").attributes == {"kind": "vehicle"}
        row = review.panel.model.row_of(index)
        assert row is not None and listed(review)[row][4] == "B"
        relation = next(i for i, item in enumerate(review.items) if item.kind is Kind.RELATION)
        assert listed(review)[review.panel.model.row_of(relation)][4] == "A"  # type: ignore[index]
    finally:
        discard(window)


# -- fresh-eyes review: relations only with their own row; the Gold column follows --------

def _add_relation(project: Project, annotator: str, kind: str, source: str,
                  target: str) -> None:
    from annotator.core.edits import AddRelation
    from annotator.core.spans import Relation
    from annotator.io import store

    loaded = store.load(project, "r1", annotator)
    aset = loaded.annotations
    ids = {s.text: s.id for s in aset.spans()}
    AddRelation(Relation(aset.new_relation_id(), kind, ids[source], ids[target])).apply(aset)
    store.save(project, aset, loaded.fingerprint)


def test_keep_both_extents_copies_no_relation_and_an_accepted_relation_row_shows_gold(
        qtbot: QtBot, review_project: Project, tmp_path: Path) -> None:
    # each annotator links their own extent of the vest to the governor (its giver)
    _add_relation(review_project, "amal", "giver", "سترة واقية", "الحاكم")
    _add_relation(review_project, "omar", "giver", "سترة", "الحاكم")
    load_fonts()
    window = new_window(review_project, "amal", Settings.at(str(tmp_path / "s.ini")), "r1")
    try:
        show(qtbot, window)
        qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
        review, feedback = window.review, scripted(window)
        choose(review, "amal", ("omar",))
        aset = window.workspace.session.aset  # type: ignore[union-attr]
        select_word(window, "الحاكم")
        qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
        review.select(next(i for i, item in enumerate(review.items)
                           if item.kind is Kind.BOUNDARY and item.b == "omar"))
        feedback.answer("both")  # keep both extents
        qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)
        assert sorted(s.text for s in aset.spans()) == ["الحاكم", "سترة", "سترة واقية"]
        assert aset.relations() == []  # no relation row was accepted
        rows = [i for i, item in enumerate(review.items) if item.kind is Kind.RELATION]
        assert len(rows) == 2
        rows.sort(key=lambda i: review.items[i].difference.relation_a is None)  # A's first
        model = review.panel.model

        def gold_cell(index: int) -> str:
            row = model.row_of(index)
            assert row is not None
            return str(model.data(model.index(row, DifferenceTableModel.COL_GOLD)))

        empty = gold_cell(rows[0])
        review.select(rows[0])
        qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)  # A's relation
        assert len(aset.relations()) == 1
        assert model.state(rows[0]).value == "a" and gold_cell(rows[0]) != empty
        review.select(rows[0])
        qtbot.keyClick(window.view, Qt.Key.Key_3, CTRL)  # again: gold already holds it
        assert len(aset.relations()) == 1
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # undo: the cell follows
        assert aset.relations() == [] and gold_cell(rows[0]) == empty
    finally:
        discard(window)


def _recording_painter(device: Any) -> Any:
    """A painter that records each text run a (Python) delegate draws, and where."""
    from PySide6.QtGui import QPainter

    class Recording(QPainter):
        def __init__(self) -> None:
            super().__init__(device)
            self.runs: list[tuple[str, Any]] = []

        def drawText(self, *args: Any) -> None:
            if len(args) == 3:
                self.runs.append((args[2], args[0]))
            super().drawText(*args)

    return Recording()


def test_a_cell_shows_its_words_and_label_apart_and_never_cuts_the_label(
        open_review: Callable[..., MainWindow]) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = open_review()
    table, model = window.review.panel.table, window.review.panel.model
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as in the Arabic interface
    row = next(r for r in range(model.rowCount())
               if "طائرات" in model.data(model.index(r, DifferenceTableModel.COL_A)))
    index = model.index(row, DifferenceTableModel.COL_A)
    words, label = model.data(index, DifferenceTableModel.PARTS_ROLE)
    assert (words, label) == ("خمس طائرات مسيّرة", "gift")
    shown = model.data(index)  # one string too: each part isolated (FSI … PDI)
    assert shown.count("\u2068") == 2 and shown.count("\u2069") == 2
    delegate = table.itemDelegateForIndex(index)
    pixmap = QPixmap(120, 24)
    recorder = _recording_painter(pixmap)
    try:
        option = QStyleOptionViewItem()
        option.initFrom(table)
        option.rect = QRect(0, 0, 120, 24)
        option.textElideMode = table.textElideMode()
        delegate.paint(recorder, option, index)
    finally:
        recorder.end()
    texts = [text for text, _ in recorder.runs]
    assert label in texts  # whole, in a run of its own
    drawn_words = next(text for text in texts if "…" in text)
    assert drawn_words != words and label not in drawn_words  # the words elided, alone
    boxes = {text: rect for text, rect in recorder.runs}
    assert boxes[label].right() <= boxes[drawn_words].left()  # Arabic: words right, label left
    assert all(rect.left() >= 0 and rect.right() <= 120 for rect in boxes.values())
    gold = model.index(row, DifferenceTableModel.COL_GOLD)
    assert model.data(gold, Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)


def test_names_over_the_words_never_overlap_and_stay_in_the_viewport(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    from annotator.ui.widgets import review_marks

    assert doctest.testmod(review_marks).failed == 0
    window = open_review()
    view, marks = window.view, window.review.marks
    qtbot.wait(50)
    view.viewport().repaint()
    assert marks.placed, "names are painted in review mode"
    width = view.viewport().width()
    for i, (name, rect) in enumerate(marks.placed):
        assert rect.left() >= 0 and rect.right() <= width, name
        for other, there in marks.placed[i + 1:]:
            assert not rect.intersects(there), (name.text, other.text)
    texts = {name.text for name, _ in marks.placed}
    assert {"A entity", "entity"} <= texts  # the first name at a place is always shown
    window.resize(1800, window.height())  # room: both names of the label difference fit
    qtbot.wait(50)
    view.viewport().repaint()
    assert "B meeting" in {name.text for name, _ in marks.placed}


def test_a_row_chosen_in_a_right_to_left_list_is_the_current_difference(
        open_review: Callable[..., MainWindow], qtbot: QtBot) -> None:
    """QTableView.selectRow leaves no current index in a right-to-left table whose columns
    do not fill it: in the Arabic interface every Accept said "select a difference
    first" (a tester's find). Rows are now selected and made current together."""
    window = open_review()
    review = window.review
    table = review.panel.table
    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    table.horizontalHeader().setStretchLastSection(False)
    for column in range(table.model().columnCount()):
        table.setColumnWidth(column, 30)  # columns far narrower than the viewport
    index = select_word(window, "سترة")  # asserts review.current() == index
    assert table.currentIndex().isValid()
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)  # Accept A
    assert window.workspace.session is not None and len(window.workspace.session.aset) == 1
    assert review.panel.model.row_of(index) is not None


def test_the_pointer_says_the_window_is_busy_while_it_compares(
        open_review: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    # a 50,000-span document takes seconds to compare: entering review mode and choosing
    # whom to compare show the wait cursor meanwhile, and nothing else does afterwards
    cursors: list[Qt.CursorShape | None] = []
    real_compare = review_module.compare

    def compare(*args: Any, **kwargs: Any) -> Any:
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(review_module, "compare", compare)
    window = open_review(others=("omar",))  # entering, then choosing (a second compare)
    assert len(cursors) >= 2 and set(cursors) == {Qt.CursorShape.WaitCursor}
    assert QApplication.overrideCursor() is None
    assert window.review.items  # compared as before
    asked = len(cursors)
    window.workspace.open_document("r2")  # another document, still reviewing
    assert len(cursors) > asked and set(cursors) == {Qt.CursorShape.WaitCursor}
    assert QApplication.overrideCursor() is None and window.review.items
