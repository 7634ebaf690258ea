"""Clitic-aware snapping in the window: keyboard selections as meant, mouse ones cut to known
stems (the user's and gold's only), and Ctrl+Shift+X shedding or restoring a proclitic."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

import annotator.ui.known as known_module
from annotator.core.annotations import AnnotationSet
from annotator.core.arabic import normalized
from annotator.core.edits import AddSpan
from annotator.core.project import GOLD
from annotator.io.store import stamped_bytes
from annotator.ui.actions import ACTIONS
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import drag, hit_zone

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

CLITICS = ("التقى بوتين كيم في الكرملين ثم عاد وبالكرملين.\n"
           "قدّم له وسترةً واقية وأهدى وبوتين بندقية.")


def _window(make_window: Callable[..., MainWindow], project_dir: Path,
            annotator: str = "tester") -> MainWindow:
    (project_dir / "documents" / "d-clitics.txt").write_text(CLITICS, encoding="utf-8")
    return make_window("d-clitics", annotator=annotator)


def _write(project_dir: Path, annotator: str, spans: list[tuple[str, str]]) -> None:
    """``annotator``'s file for d-clitics with a span on the first occurrence of each word."""
    labels = frozenset({"entity", "gift", "meeting"})
    aset = AnnotationSet("d-clitics", CLITICS, annotator, labels)
    for word, label in spans:
        start = CLITICS.index(f" {word}") + 1
        AddSpan(aset.make_span(start, start + len(word), label)).apply(aset)
    folder = project_dir / (GOLD if annotator == GOLD else f"annotations/{annotator}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "d-clitics.json").write_bytes(stamped_bytes(aset))


def _double_click(qtbot: QtBot, window: MainWindow, offset: int) -> None:
    view = window.view
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=hit_zone(view, offset))


def test_a_keyboard_selection_right_after_the_conjunction_stays_the_stem(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = _window(make_window, project_dir)
    view, session = window.view, window.workspace.session
    assert session is not None
    word = CLITICS.index("وسترةً")
    view.set_cursor_offset(word + 1)  # right after the و
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)  # to the next word's start (RTL)
    assert view.selection_origin == "keyboard"
    qtbot.keyClick(view, "2")
    (span,) = session.aset.spans()
    assert (span.text, span.label) == ("سترةً", "gift")  # not widened back to وسترةً


def test_double_click_snaps_to_a_known_stem_only(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = _window(make_window, project_dir)
    session = window.workspace.session
    assert session is not None
    glued = CLITICS.index("وبوتين")
    _double_click(qtbot, window, glued + 3)
    assert window.view.selection_origin == "mouse"
    qtbot.keyClick(window.view, "1")
    assert [s.text for s in session.aset.spans()] == ["وبوتين"]  # بوتين is not known yet
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    plain = CLITICS.index(" بوتين") + 1
    window.view.select_range(plain, plain + len("بوتين"))
    qtbot.keyClick(window.view, "1")  # now بوتين is a known form
    assert normalized("بوتين") in window.known
    _double_click(qtbot, window, glued + 3)
    qtbot.keyClick(window.view, "1")
    texts = sorted((s.start, s.text) for s in session.aset.spans())
    assert texts == [(plain, "بوتين"), (glued + 1, "بوتين")]
    # a drag from inside the word does the same: widened, then cut to the known stem
    article = CLITICS.index("وبالكرملين")
    window.view.select_range(CLITICS.index(" الكرملين") + 1, CLITICS.index(" الكرملين") + 9)
    qtbot.keyClick(window.view, "3")
    _double_click(qtbot, window, article + 5)
    qtbot.keyClick(window.view, "3")
    assert session.aset.find(article + 2, article + len("وبالكرملين"), "meeting") is not None


def test_known_forms_are_the_users_and_golds_never_another_annotators(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    _write(project_dir, "other", [("بوتين", "entity")])
    window = _window(make_window, project_dir)
    assert normalized("بوتين") not in window.known
    glued = CLITICS.index("وبوتين")
    _double_click(qtbot, window, glued + 3)
    qtbot.keyClick(window.view, "1")
    session = window.workspace.session
    assert session is not None and [s.text for s in session.aset.spans()] == ["وبوتين"]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    _write(project_dir, GOLD, [("بوتين", "entity")])
    _write(project_dir, "tester2", [("كيم", "entity")])
    window.known.reload()  # read again, as when a document opens or the labels change
    assert normalized("بوتين") in window.known  # gold's
    assert normalized("كيم") not in window.known  # someone else's
    _double_click(qtbot, window, glued + 3)
    qtbot.keyClick(window.view, "1")
    assert [s.text for s in session.aset.spans()] == ["بوتين"]


def test_ctrl_shift_x_sheds_and_restores_the_proclitic_one_undo_step_each(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = _window(make_window, project_dir)
    view, session = window.view, window.workspace.session
    assert session is not None
    word = CLITICS.index("وسترةً")
    view.select_range(word, word + len("وسترةً"))
    qtbot.keyClick(view, "2")
    (span,) = session.aset.spans()
    assert span.text == "وسترةً"
    qtbot.keyClick(view, Qt.Key.Key_X, CTRL | SHIFT)
    assert [(s.id, s.text) for s in session.aset.spans()] == [(span.id, "سترةً")]
    assert view.selected_key == span.id
    qtbot.keyClick(view, Qt.Key.Key_X, CTRL | SHIFT)
    assert [s.text for s in session.aset.spans()] == ["وسترةً"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in session.aset.spans()] == ["سترةً"]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in session.aset.spans()] == ["وسترةً"]
    # a span without a proclitic: said, nothing changed
    plain = CLITICS.index("التقى")
    view.select_range(plain, plain + 5)
    qtbot.keyClick(view, "1")
    qtbot.keyClick(view, Qt.Key.Key_X, CTRL | SHIFT)
    assert window.feedback.last == "no-proclitic"  # type: ignore[attr-defined]


def test_snapping_toggles_with_f9_and_no_shortcut_is_taken_twice(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = _window(make_window, project_dir)
    snap = window.registry["annotate.snap"]
    names = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in snap.shortcuts()]
    assert names == ["F9"]
    assert not any("Alt+Shift" in n or n == "Ctrl+W" for n in names)
    qtbot.keyClick(window.view, Qt.Key.Key_F9)
    assert window.view.snap_words is False
    qtbot.keyClick(window.view, Qt.Key.Key_F9)
    assert window.view.snap_words is True
    seen: dict[str, str] = {}
    for name, action in window.registry.actions.items():
        if window.registry.specs[name].shares_keys is not None:
            continue  # uses the keys of the action it names; only one of the two is enabled
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is both {seen[key]} and {name}"
            seen[key] = name
    assert {spec.name for spec in ACTIONS} >= {"span.clitic", "find.open", "help.shortcuts"}


def test_edge_drag_moves_only_the_dragged_edge(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    """A span that shed its proclitic keeps its start when its end is dragged."""
    window = _window(make_window, project_dir)
    session = window.workspace.session
    assert session is not None
    word = CLITICS.index("وسترةً")
    window.view.select_range(word + 1, word + len("وسترةً"))
    qtbot.keyClick(window.view, "2")
    (span,) = session.aset.spans()
    window.annotating.set_bounds(span.id, span.start, CLITICS.index("واقية") + 5)
    assert session.aset.span(span.id).text == "سترةً واقية"
    data = json.dumps([s.text for s in session.aset.spans()], ensure_ascii=False)
    assert "وسترة" not in data


def test_a_drag_keeps_a_left_out_proclitic_only_before_a_known_stem(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    """One letter into a word is sloppiness, unless what follows is a form already labelled."""
    window = _window(make_window, project_dir)
    view, session = window.view, window.workspace.session
    assert session is not None
    glued = CLITICS.index("وبوتين")
    drag(qtbot, view, hit_zone(view, glued + 1), hit_zone(view, glued + 6))
    assert view.selection_origin == "mouse"
    qtbot.keyClick(view, "1")
    assert [s.text for s in session.aset.spans()] == ["وبوتين"]  # nothing known: widened
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    _write(project_dir, GOLD, [("بوتين", "entity")])
    window.known.reload()
    drag(qtbot, view, hit_zone(view, glued + 1), hit_zone(view, glued + 6))
    qtbot.keyClick(view, "1")
    assert [s.text for s in session.aset.spans()] == ["بوتين"]  # left out on purpose


def test_known_forms_of_a_big_project_are_read_on_a_worker_and_a_stale_read_is_dropped(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(known_module, "SYNC_DOCUMENTS", 0)  # every project is "big"
    _write(project_dir, GOLD, [("بوتين", "entity")])
    window = _window(make_window, project_dir)
    known = window.known
    qtbot.waitUntil(lambda: not known.reading, timeout=5000)
    assert normalized("بوتين") in known  # read on the worker, then taken
    _write(project_dir, GOLD, [("كيم", "entity")])  # changed behind the window's back
    known.reload()
    assert known.reading
    stale = known._generation
    known.reload()  # a second reload: the first read's result must be dropped
    assert known._generation == stale + 1
    qtbot.waitUntil(lambda: not known.reading, timeout=5000)
    assert normalized("كيم") in known
    assert normalized("بوتين") not in known  # nothing stale is kept
