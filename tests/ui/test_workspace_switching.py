"""Switching documents costs the same whatever the project: the settings are written once the
user stays on a document (or leaves), not at every switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io.project_file import open_project
from annotator.ui import workspace as workspace_module
from annotator.ui.settings import Settings
from annotator.ui.workspace import Workspace
from tests.ui.conftest import ScriptedFeedback


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace_module, "REMEMBER_MS", 50)


def test_the_document_shown_is_written_once_the_user_stays(
        quick: None, qtbot: QtBot, project: Project, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[str] = []
    write = Settings.set_last_document
    monkeypatch.setattr(Settings, "set_last_document",
                        lambda self, root, doc: (writes.append(doc), write(self, root, doc)))
    workspace = Workspace(project, "tester", settings, ScriptedFeedback(), -1)
    for doc_id in ("a-visit", "b-crlf", "c-short", "b-crlf"):
        assert workspace.open_document(doc_id)
    assert writes == []  # four switches, no write yet
    qtbot.waitUntil(lambda: writes == ["b-crlf"], timeout=5000)
    assert settings.last_document(str(project.root)) == "b-crlf"
    # what is not written yet is what the next start opens, all the same
    assert workspace.open_document("c-short")
    again = Workspace(project, "tester", settings, ScriptedFeedback(), -1)
    assert settings.last_document(str(project.root)) == "b-crlf"
    workspace.close_document()
    assert workspace.open_first_document()
    assert workspace.current_doc_id == "c-short"
    assert again.open_first_document() and again.current_doc_id == "b-crlf"  # the file's


def test_quitting_or_another_project_writes_it_at_once(
        qtbot: QtBot, project: Project, settings: Settings, tmp_path: Path) -> None:
    workspace = Workspace(project, "tester", settings, ScriptedFeedback(), -1)
    assert workspace.open_document("c-short")
    workspace._on_quit()  # what QCoreApplication.aboutToQuit runs: written and synced
    assert Settings.at(settings.store.fileName()).last_document(str(project.root)) == "c-short"
    assert workspace.open_document("a-visit")
    other = tmp_path / "other"
    (other / "documents").mkdir(parents=True)
    (other / "documents" / "x.txt").write_text("نص.", encoding="utf-8")
    assert workspace.switch_project(open_project(other))
    assert settings.last_document(str(project.root)) == "a-visit"
