"""File > Open project… and File > Recent projects: checked first, work saved, remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from annotator.core.project import Label, Project
from annotator.io.project_file import write_project
from annotator.ui import settings as keys
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.ui.conftest import VISIT, read_json, scripted

# "The Russian president received the guest at the cosmodrome."
OTHER_TEXT = "استقبل الرئيس الروسي ضيفه في قاعدة فضائية."


def _other_project(tmp_path: Path) -> Path:
    root = tmp_path / "other"
    (root / "documents").mkdir(parents=True)
    write_project(Project(root, "Another project", (Label("place", "#9467bd", "4"),)))
    (root / "documents" / "cosmodrome.txt").write_text(OTHER_TEXT, encoding="utf-8")
    return root


def _recent_entries(window: MainWindow) -> list[tuple[str, str]]:
    """The Recent projects submenu as (object name, folder) pairs."""
    menu = window.registry.submenu("file.recent")
    menu.aboutToShow.emit()
    return [(a.objectName(), a.data() or "") for a in menu.actions() if not a.isSeparator()]


def test_open_project_saves_first_then_shows_the_other_project(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path,
        project_dir: Path, settings: Settings) -> None:
    other = _other_project(tmp_path)
    window = make_window()
    assert isinstance(window.registry["file.recent"].menu(), QMenu)
    file_menu = window.menuBar().actions()[0].menu()
    assert [a.objectName() for a in file_menu.actions()][:2] == [
        "file.open_project", "file.recent"]
    assert "Ctrl+O" in window.registry["file.open_project"].toolTip()
    start = VISIT.index("المحطة")
    window.view.select_range(start, start + len("المحطة"))
    qtbot.keyClick(window.view, "3")  # not saved yet (autosave is off here)
    feedback = scripted(window)
    feedback.folders.append(str(other))
    window.registry["file.open_project"].trigger()
    assert feedback.folder_starts == [str(project_dir.parent)]
    saved = read_json(project_dir / "annotations" / "tester" / "a-visit.json")
    assert [s["text"] for s in saved["spans"]] == ["المحطة"], "saved before leaving"
    assert window.workspace.project.root == other
    assert window.workspace.project.name == "Another project"
    assert "Another project" in window.windowTitle()
    assert window.documents.model.doc_ids() == ["cosmodrome"]
    assert window.workspace.session is not None and window.view.text == OTHER_TEXT
    assert [a.objectName() for a in window.registry.label_actions()] == ["label.place"]
    assert [b for b in window.label_palette.buttons] == ["place"]
    assert window.workspace.undo_history.kept() == [], "the old project's undo histories are gone"
    assert not window.registry["edit.undo"].isEnabled()
    recent = settings.get(keys.RECENT_PROJECTS)
    assert recent == (str(other.resolve()), str(project_dir.resolve()))
    entries = _recent_entries(window)
    assert entries[0] == ("recent-project", str(project_dir.resolve()))
    assert entries[-1][0] == "recent-clear"
    # back through Recent projects
    window.registry.submenu("file.recent").actions()[0].trigger()
    assert window.workspace.project.root == project_dir.resolve()
    assert window.workspace.session is not None and window.workspace.session.doc_id == "a-visit"
    assert [s.text for s in window.workspace.session.aset.spans()] == ["المحطة"]
    assert settings.get(keys.RECENT_PROJECTS)[0] == str(project_dir.resolve())


def test_a_folder_that_is_not_a_project_is_refused_with_the_reason(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path,
        project_dir: Path) -> None:
    window = make_window()
    session = window.workspace.session
    feedback = scripted(window).answer("ok", "ok")
    empty = tmp_path / "holiday-photos"
    empty.mkdir()
    feedback.folders.append(str(empty))
    window.registry["file.open_project"].trigger()
    (question,) = feedback.asked
    assert question.kind == "open-project-failed"
    text = question.text
    assert str(empty) in text and "not a project folder" in text and "[bad-project]" in text
    assert window.workspace.project.root == project_dir and window.workspace.session is session
    broken = tmp_path / "broken"
    (broken / "documents").mkdir(parents=True)
    (broken / "project.json").write_text('{"format": "annotator/project", "version": 7}',
                                         encoding="utf-8")
    feedback.folders.append(str(broken))
    window.registry["file.open_project"].trigger()
    assert "'version' 7 is not supported" in feedback.asked[-1].text
    feedback.folders.append(None)  # cancelled
    window.registry["file.open_project"].trigger()
    assert len(feedback.asked) == 2 and window.workspace.session is session


def test_a_recent_project_that_is_gone_is_dropped_from_the_list(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path,
        settings: Settings, project_dir: Path) -> None:
    gone = tmp_path / "gone"
    settings.set(keys.RECENT_PROJECTS, (str(gone),))
    window = make_window()
    assert settings.get(keys.RECENT_PROJECTS) == (str(project_dir.resolve()), str(gone))
    feedback = scripted(window).answer("ok")
    (entry,) = [a for a in window.registry.submenu("file.recent").actions()
                if a.data() == str(gone)]
    entry.trigger()
    assert feedback.asked[0].kind == "open-project-failed"
    assert "no such project folder" in feedback.asked[0].text
    assert settings.get(keys.RECENT_PROJECTS) == (str(project_dir.resolve()),)
    assert _recent_entries(window) == [("recent-none", ""), ("recent-clear", "")]
