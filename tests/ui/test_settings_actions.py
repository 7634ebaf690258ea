"""Typed settings in a private file, and the single action registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon, QImage, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from annotator.core.project import DEFAULT_LABELS, Label
from annotator.ui import settings as keys
from annotator.ui.actions import ACTIONS, MENU_NAMES, MENUS, ActionRegistry, translate
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def test_settings_round_trip_with_their_types(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    first = Settings.at(path)
    assert first.get(keys.FONT_SIZE) == keys.FONT_SIZE.default
    first.set(keys.FONT_SIZE, 21.0)
    first.set(keys.SNAP_TO_WORDS, False)
    first.set(keys.ANNOTATOR, "أمل")
    first.set(keys.GEOMETRY, b"\x00\x01geometry")
    first.set_last_document("/some/project", "doc-2")
    first.sync()
    again = Settings.at(path)  # read back from the file: INI stores strings
    assert again.get(keys.FONT_SIZE) == 21.0
    assert again.get(keys.SNAP_TO_WORDS) is False
    assert again.get(keys.ANNOTATOR) == "أمل"
    assert again.get(keys.GEOMETRY) == b"\x00\x01geometry"
    assert again.last_document("/some/project") == "doc-2"
    assert again.last_document("/other") is None
    assert Path(path).is_file()


def test_lists_of_paths_round_trip_with_any_length(tmp_path: Path) -> None:
    for paths in ((), ("/home/أمل/مشروع, الأول",), ("/a", "/b;c", 'C:\\x "y"')):
        path = str(tmp_path / f"{len(paths)}.ini")
        first = Settings.at(path)
        first.set(keys.RECENT_PROJECTS, paths)
        first.sync()
        assert Settings.at(path).get(keys.RECENT_PROJECTS) == paths


def test_unreadable_values_fall_back_to_defaults(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store.setValue(keys.FONT_SIZE.key, "large")
    assert Settings(store).get(keys.FONT_SIZE) == keys.FONT_SIZE.default


def test_every_action_has_a_unique_name_and_no_shortcut_is_taken_twice() -> None:
    names = [spec.name for spec in ACTIONS]
    assert len(names) == len(set(names))
    sequences = [QKeySequence(s).toString() for spec in ACTIONS for s in spec.shortcuts
                 if spec.shares_keys is None]
    sequences += [label.key for label in DEFAULT_LABELS if label.key]
    assert len(sequences) == len(set(sequences)), sequences
    # an action sharing keys declares with which action, and uses only that action's keys
    specs = {spec.name: spec for spec in ACTIONS}
    for spec in ACTIONS:
        if spec.shares_keys is not None:
            assert set(spec.shortcuts) <= set(specs[spec.shares_keys].shortcuts), spec.name
    assert all(spec.menu in MENUS for spec in ACTIONS if spec.menu)


def test_registry_builds_menus_labels_and_honours_overrides(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    settings.store.setValue("shortcuts/file.save", "Ctrl+Alt+S")
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window, settings)
    labels = registry.set_labels([Label("person", "#123456", "p"), Label("place", "#654321")])
    assert [a.objectName() for a in labels] == ["label.person", "label.place"]
    assert [s.toString() for s in registry["label.person"].shortcuts()] == ["P"]
    assert registry["label.place"].shortcuts() == []
    assert [s.toString() for s in registry["file.save"].shortcuts()] == ["Ctrl+Alt+S"]
    registry.build_menus(window.menuBar())
    menus = window.menuBar().findChildren(QMenu)
    assert {MENU_NAMES[title] for title in MENUS} <= {menu.objectName() for menu in menus}
    in_menus = {a.objectName() for menu in menus for a in menu.actions()}
    assert {spec.name for spec in ACTIONS if spec.menu} <= in_menus
    assert {"label.person", "label.place"} <= in_menus
    registry.set_labels([Label("event", "#000000", "1")])  # a new project schema
    assert "label.person" not in registry and "label.event" in registry
    assert registry["span.delete"].shortcutContext() == Qt.ShortcutContext.WidgetShortcut


def test_zoom_is_remembered(qtbot: QtBot, make_window: Callable[..., MainWindow],
                            settings: Settings) -> None:
    window = make_window()
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == size + 2
    assert settings.get(keys.FONT_SIZE) == size + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.get(keys.FONT_SIZE) == size + 1
    window.close()
    again = make_window()
    assert again.view.font().pointSizeF() == size + 1
    qtbot.keyClick(again.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.font().pointSizeF() == keys.FONT_SIZE.default


def test_toolbar_says_what_each_button_does(
        make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    shown = [a for a in toolbar.actions() if not a.isSeparator()]
    assert {a.objectName() for a in shown} == {s.name for s in ACTIONS if s.toolbar}
    for action in shown:
        button = toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.isVisible(), action.objectName()
        assert button.text() and "&" not in button.text()
        for sequence in action.shortcuts():  # every shortcut, not only the first
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in \
                action.toolTip(), action.objectName()
    names = [a.objectName() for a in shown]
    assert names.index("doc.previous") < names.index("doc.next")
    redo = next(spec for spec in ACTIONS if spec.name == "edit.redo")
    # the keys as one left-to-right run, so that an Arabic tip keeps "Ctrl+Y" in order
    assert window.registry["edit.redo"].toolTip() == \
        f"{translate(redo.tip)} (\u2066Ctrl+Shift+Z, Ctrl+Y\u2069)"

    def image(icon: QIcon) -> QImage:
        return icon.pixmap(24, 24).toImage()

    undo, redo = (image(window.registry[n].icon()) for n in ("edit.undo", "edit.redo"))
    assert undo != redo
    style = window.style()
    arrows = [image(style.standardIcon(getattr(QStyle.StandardPixmap, f"SP_Arrow{d}")))
              for d in ("Back", "Forward", "Left", "Right", "Up", "Down")]
    assert undo not in arrows and redo not in arrows, "undo/redo must not look like paging"
    assert image(window.registry["doc.next"].icon()) not in (undo, redo)
