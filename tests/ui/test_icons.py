"""Every action's icon exists in Annotator's own SVG theme, so a desktop without a theme
still shows real icons (and undo/redo that do not look like paging)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from annotator.resources_path import resource_path
from annotator.ui.actions import ACTIONS
from annotator.ui.icons import theme_icon

THEME = resource_path("icons") / "annotator"


def test_every_action_icon_is_a_valid_svg_of_the_theme(qtbot: QtBot) -> None:
    names = {spec.icon for spec in ACTIONS if spec.icon}
    assert names and (THEME / "index.theme").is_file()
    for name in names:
        path = THEME / "scalable" / "actions" / f"{name}.svg"
        assert path.is_file(), name
        assert QSvgRenderer(str(path)).isValid(), name
        icon = theme_icon(name)
        assert not icon.isNull() and not icon.pixmap(24, 24).isNull(), name


def test_right_to_left_prefers_the_mirrored_undo(qtbot: QtBot) -> None:
    ltr = theme_icon("edit-undo").pixmap(24, 24).toImage()
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        rtl = theme_icon("edit-undo").pixmap(24, 24).toImage()
    finally:
        QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert rtl != ltr  # the -rtl file: the same arrow drawn mirrored
