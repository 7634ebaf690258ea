"""The label palette: one button per label of the schema, built from the label actions.

Each button shows the label's colour, name and key, and triggers the very same
``QAction`` as the key does, so the palette, the menu, the context menu and the
keyboard can never disagree. Buttons do not take the keyboard focus, so
clicking one leaves the article view ready for the next selection.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class LabelPalette(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label-palette")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 0)
        self._layout.addWidget(QLabel(self.tr("Labels:")))
        self.buttons: dict[str, QToolButton] = {}

    def set_actions(self, actions: Sequence[QAction]) -> None:
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for action in actions:
            keys = action.shortcuts()
            key = keys[0].toString() if keys else ""
            action.setIconText(f"{action.text()}  [{key}]" if key else action.text())
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._layout.addWidget(button)
            self.buttons[action.objectName().removeprefix("label.")] = button
