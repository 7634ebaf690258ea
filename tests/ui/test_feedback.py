"""The window's Feedback: the status bar, and questions whose buttons are named by code."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from annotator.ui.feedback import WindowFeedback


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_messages_go_to_the_status_bar_and_are_taken_back_only_while_shown(
        qtbot: QtBot) -> None:
    window = _window(qtbot)
    feedback = WindowFeedback(window)
    feedback.say("first", 5000, "one")
    feedback.retract("another message")
    assert window.statusBar().currentMessage() == "first"
    feedback.retract("first")
    assert window.statusBar().currentMessage() == ""


def _click_when_shown(code: str) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, lambda: _click_when_shown(code))
        return
    assert box.objectName() == "question-leave"
    button = box.findChild(QPushButton, code)
    assert button is not None, code
    button.click()


def test_a_question_returns_the_code_of_the_button_clicked(qtbot: QtBot) -> None:
    window = _window(qtbot)
    feedback = WindowFeedback(window)
    QTimer.singleShot(0, lambda: _click_when_shown("keep-copy"))
    choice = feedback.ask("leave", "Unsaved changes", "Keep a copy?",
                          [("keep-copy", "Keep a copy"), ("cancel", "Cancel")])
    assert choice == "keep-copy"
