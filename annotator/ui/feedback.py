"""How commands talk to the user: a status bar message, a question, a line of text, a folder.

Commands and the workspace are given a :class:`Feedback`, never the window, so
none of them opens a dialog or writes to the status bar itself. The window
passes a :class:`WindowFeedback` (status bar, message box, input dialog, folder
chooser); tests pass a scripted one that answers from a queue and records what
was said. Questions offer choices as ``(code, text)`` pairs and return the
chosen code, so callers and tests compare codes, never words people read (and
translators change).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

log = logging.getLogger(__name__)

MESSAGE_MS = 6000
Choices = Sequence[tuple[str, str]]  # (code, text shown on the button)


class Feedback(Protocol):
    def say(self, message: str, ms: int = MESSAGE_MS, code: str = "") -> None:
        """Show ``message`` for ``ms`` milliseconds; ``code`` names it for tests and logs."""
        ...

    def retract(self, message: str) -> None:
        """Take ``message`` back if it is still shown (it no longer holds)."""
        ...

    def ask(self, kind: str, title: str, text: str, choices: Choices) -> str:
        """Ask to pick one of ``choices``; the chosen code ("" if the question was closed).

        ``kind`` names the question (``"leave"``, ``"open-document-failed"``…);
        ``"info"`` is shown as information, every other kind as a warning.
        """
        ...

    def ask_text(self, title: str, label: str, value: str) -> str | None:
        """A line of text, starting from ``value``; None if cancelled."""
        ...

    def choose_folder(self, title: str, start: str) -> str | None:
        """A folder, starting the search at ``start``; None if cancelled."""
        ...


class WindowFeedback:
    """:class:`Feedback` through ``window``'s status bar and dialogs parented to it."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

    def say(self, message: str, ms: int = MESSAGE_MS, code: str = "") -> None:
        if code:
            log.debug("said %s: %s", code, message)
        self.window.statusBar().showMessage(message, ms)

    def retract(self, message: str) -> None:
        bar = self.window.statusBar()
        if bar.currentMessage() == message:
            bar.clearMessage()

    def ask(self, kind: str, title: str, text: str, choices: Choices) -> str:
        icon = QMessageBox.Icon.Information if kind == "info" else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, parent=self.window)
        box.setObjectName(f"question-{kind}")
        buttons = {}
        for code, label in choices:
            button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
            button.setObjectName(code)
            buttons[code] = button
        box.exec()
        clicked = box.clickedButton()
        return next((code for code, button in buttons.items() if button is clicked), "")

    def ask_text(self, title: str, label: str, value: str) -> str | None:
        text, ok = QInputDialog.getText(self.window, title, label, text=value)
        return text if ok else None

    def choose_folder(self, title: str, start: str) -> str | None:
        return QFileDialog.getExistingDirectory(self.window, title, start) or None
