"""A message strip above the article view, for what the annotator must not miss.

Used for a stale annotation file (which spans moved, which could not be
placed), a file changed on disk by someone else (keep mine / take theirs), and
files opened read-only. Unlike a dialog it does not block autosave or the
keyboard flow, and unlike the status bar it stays until dealt with. What it
says and each button are named by codes (:attr:`MessageBanner.code`; a
button's object name and its key in :attr:`buttons`), never by their words,
which translations change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

DISMISS = "dismiss"
Action = tuple[str, str, Callable[[], object]]  # code, button text, what a click does

COLORS = {"info": ("#e8f1fb", "#1f5f9e"), "warning": ("#fff4d6", "#8a5a00"),
          "error": ("#fde7e7", "#a12a2a")}


class MessageBanner(QFrame):
    """A coloured box with a message, optional details, and action buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self._layout = layout
        self._details: QWidget | None = None
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        layout.addLayout(self._buttons)
        self.buttons: dict[str, QPushButton] = {}
        self.code = ""  # what the message says, e.g. "stale", "conflict"
        self.hide()

    def show_message(self, text: str, kind: str = "info", actions: Sequence[Action] = (),
                     dismissable: bool = True, details: QWidget | None = None,
                     code: str = "") -> None:
        """``details``: a widget shown under the message (kept by the caller, not deleted)."""
        self.code = code
        background, foreground = COLORS[kind]
        self.setStyleSheet(f"#{self.objectName()} {{ background: {background}; "
                           f"border: 1px solid {foreground}; border-radius: 3px; }} "
                           f"QLabel {{ color: {foreground}; }}")
        self.message.setText(text)
        if self._details is not None and self._details is not details:
            self._layout.removeWidget(self._details)
            self._details.hide()
            self._details.setParent(None)
        if details is not None and details is not self._details:
            self._layout.insertWidget(1, details)
            details.show()
        self._details = details
        for button in self.buttons.values():
            self._buttons.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        entries = list(actions)
        if dismissable:
            entries.append((DISMISS, self.tr("Dismiss"),
                            self.hide))
        for code, label, callback in entries:
            button = QPushButton(label)
            button.setObjectName(code)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, cb=callback: cb())
            self._buttons.addWidget(button)
            self.buttons[code] = button
        self.show()

    @property
    def text(self) -> str:
        return self.message.text()
