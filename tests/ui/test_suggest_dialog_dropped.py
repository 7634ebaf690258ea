"""Annotate > Suggest…: spans a model predicted with labels the project no longer has are said.

The run's summary (:class:`annotator.io.suggestions.SuggestSummary`) counts them by
label; the dialog shows the count and the labels in its hint line, and shows no
hint when nothing was left out. The suggesting itself is stubbed: the real model
path is covered in tests/io/test_training.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io.suggestions import SuggestSummary
from annotator.ui.dialogs import suggest_dialog
from annotator.ui.dialogs.suggest_dialog import SuggestDialog
from annotator.ui.settings import Settings


def run_with(qtbot: QtBot, project: Project, settings: Settings,
             monkeypatch: pytest.MonkeyPatch, summary: SuggestSummary) -> SuggestDialog:
    def fake(*_args: Any, **_kwargs: Any) -> SuggestSummary:
        return summary

    monkeypatch.setattr(suggest_dialog, "suggest", fake)
    dialog = SuggestDialog(project, None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    return dialog


def test_labels_left_out_are_counted_in_the_hint(qtbot: QtBot, project: Project,
                                                 settings: Settings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    summary = SuggestSummary("model", documents=2, suggestions=5,
                             dropped_labels=Counter({"weapon": 3, "vehicle": 1}))
    dialog = run_with(qtbot, project, settings, monkeypatch, summary)
    assert dialog.outcome == "suggested"
    assert dialog.hint.isVisible()
    hint = dialog.hint.text()
    assert "4" in hint and "weapon" in hint and "vehicle" in hint
    assert hint.index("vehicle") < hint.index("weapon")  # sorted: stable to read


def test_no_hint_when_nothing_was_left_out(qtbot: QtBot, project: Project, settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dialog = run_with(qtbot, project, settings, monkeypatch,
                      SuggestSummary("gazetteer", documents=2, suggestions=5))
    assert dialog.outcome == "suggested" and not dialog.hint.isVisible()
