"""The Attributes panel: F4 reaches the selected span's attributes, every value is chosen from
the keyboard (Tab between boxes, type-ahead, Enter in a free box), each choice is one undo step,
and values outside the schema are shown and removable, never dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QLabel, QWidget
from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.core.project import Project
from annotator.core.schema_edit import AddAttribute
from annotator.io.project_file import open_project
from annotator.io.schema_rename import apply_schema_changes
from annotator.ui.main_window import MainWindow
from annotator.ui.widgets.attributes_editor import AttributesEditor

from .conftest import VISIT, press_save, read_json, scripted

CTRL = Qt.KeyboardModifier.ControlModifier
KINDS = ("سلاح", "ملابس", "مركبة")


@pytest.fixture
def project(project_dir: Path) -> Project:
    """The test project, gift declaring a closed "kind" and a free "state" attribute."""
    apply_schema_changes(project_dir, [AddAttribute("gift", "kind", KINDS),
                                       AddAttribute("gift", "state", ())])
    return open_project(project_dir)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a keyboard layout would (QTest refuses non-ASCII key clicks)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def add_span(window: MainWindow, word: str, label: str,
             attributes: dict[str, str] | None = None) -> str:
    session = window.workspace.session
    assert session is not None
    start = VISIT.index(word)
    span = session.aset.make_span(start, start + len(word), label)
    if attributes is not None:
        span = span.with_changes(attributes=attributes)
    assert window.annotating.push(AddSpan(span))
    window.spans.select(span.id)
    return span.id


def editor(window: MainWindow) -> AttributesEditor:
    found = window.findChild(AttributesEditor, "attributes-editor")
    assert found is not None
    return found


def box(window: MainWindow, name: str) -> QComboBox:
    found = editor(window).findChild(QComboBox, f"attribute-{name}")
    assert found is not None, name
    return found


def attributes_of(window: MainWindow, span_id: str) -> dict[str, str] | None:
    session = window.workspace.session
    assert session is not None
    return session.aset.span(span_id).attributes


def test_the_panel_is_a_dock_following_the_selection(
        make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    dock = window.findChild(QDockWidget, "attributes-dock")
    assert dock is not None and dock.widget().isAncestorOf(editor(window))  # (scrolled)
    empty = editor(window).findChild(QLabel, "attributes-empty")
    assert empty is not None and not empty.isHidden()
    gift = add_span(window, "سترةً", "gift")
    assert [b.objectName() for b in editor(window).findChildren(QComboBox)] == [
        "attribute-kind", "attribute-state"]
    assert empty.isHidden()
    kind = box(window, "kind")
    assert [kind.itemData(i) for i in range(kind.count())] == [None, *KINDS]
    add_span(window, "كيم", "entity")  # entity declares nothing
    assert editor(window).findChildren(QComboBox) == [] and not empty.isHidden()
    window.spans.select(gift)
    assert box(window, "kind").currentData() is None


def test_every_value_from_the_keyboard_each_one_undo_step(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    gift = add_span(window, "سترةً", "gift")
    qtbot.keyClick(window.view, Qt.Key.Key_F4)
    kind = box(window, "kind")
    qtbot.waitUntil(kind.hasFocus)
    type_text(kind, "م")  # type-ahead: the first value starting with م
    assert attributes_of(window, gift) == {"kind": "ملابس"}
    type_text(kind, "ر")  # typed on: the first value starting with مر
    assert attributes_of(window, gift) == {"kind": "مركبة"}
    assert kind.hasFocus()  # the edit did not take the focus away
    qtbot.keyClick(kind, Qt.Key.Key_Tab)
    state = box(window, "state")
    assert state.hasFocus() and state.isEditable()
    type_text(state, "مستعملة")
    qtbot.keyClick(state, Qt.Key.Key_Return)
    assert attributes_of(window, gift) == {"kind": "مركبة", "state": "مستعملة"}
    qtbot.keyClick(state, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
    press_save(qtbot, window)
    saved = read_json(project_dir / "annotations" / "tester" / "a-visit.json")
    assert saved["spans"][0]["attributes"] == {"kind": "مركبة", "state": "مستعملة"}
    # one undo step per value chosen
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert attributes_of(window, gift) == {"kind": "مركبة"}
    assert box(window, "kind").currentData() == "مركبة"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert attributes_of(window, gift) is None
    assert box(window, "kind").currentIndex() == 0


def test_a_value_outside_the_schema_is_shown_and_removable(
        make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    gift = add_span(window, "سترةً", "gift", {"kind": "ذهب", "colour": "أسود"})
    kind, colour = box(window, "kind"), box(window, "colour")
    assert kind.currentData() == "ذهب" and kind.currentIndex() == kind.count() - 1
    assert colour.currentData() == "أسود" and colour.toolTip()
    colour.setCurrentIndex(0)
    colour.activated.emit(0)  # as a user's choice of "(none)"
    assert attributes_of(window, gift) == {"kind": "ذهب"}
    kind = box(window, "kind")  # the boxes were made again, without "colour"
    assert editor(window).findChild(QComboBox, "attribute-colour") is None
    kind.setCurrentIndex(kind.findData("سلاح"))
    kind.activated.emit(kind.currentIndex())
    assert attributes_of(window, gift) == {"kind": "سلاح"}


def test_f4_says_why_it_cannot_go_anywhere(qtbot: QtBot,
                                           make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F4)
    assert scripted(window).last == "no-span-selected"
    add_span(window, "كيم", "entity")
    qtbot.keyClick(window.view, Qt.Key.Key_F4)
    assert scripted(window).last == "no-attributes"
    assert window.view.hasFocus()
