"""Helpers for the export and import dialog tests: the test project, running a dialog, files."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from annotator.ui.dialogs.run_dialog import RunDialog

DATA = Path(__file__).resolve().parent.parent / "data" / "export"
PROJECT = DATA / "project"


def copy_project(target: Path) -> Path:
    shutil.copytree(PROJECT, target)
    return target


def shown(qtbot: QtBot, dialog: RunDialog) -> RunDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def click_and_wait(qtbot: QtBot, dialog: RunDialog, button: QPushButton) -> None:
    """Click a run button, then wait until the run has ended and its outcome is shown."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.running or dialog.mistake.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}
