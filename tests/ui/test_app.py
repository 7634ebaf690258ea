"""Start-up: the sample project copied out of the package, the annotator's name, run_app."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.cli import UsageError
from annotator.resources_path import resource_path
from annotator.ui import app as app_module
from annotator.ui import settings as keys
from annotator.ui.actions import ACTIONS
from annotator.ui.app import (
    application,
    data_dir,
    install_language,
    resolve_annotator,
    run_app,
    sample_project,
)
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

ACTION_TEXT = {spec.name: spec.text for spec in ACTIONS}


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def test_sample_is_copied_once_into_the_data_folder(tmp_path: Path) -> None:
    shipped = resource_path("sample")
    before = _tree(shipped)
    copy = sample_project(tmp_path)
    assert copy.parent == tmp_path
    copied = _tree(copy)
    assert copied == {k: v for k, v in before.items() if not k.endswith("__init__.py")}
    assert any(k.startswith("documents/") for k in copied)
    (copy / "annotations" / "me").mkdir(parents=True)
    (copy / "annotations" / "me" / "x.json").write_text("{}", encoding="utf-8")
    assert sample_project(tmp_path) == copy
    assert (copy / "annotations" / "me" / "x.json").exists(), "the user's work is kept"
    assert _tree(shipped) == before, "the package is never written to"


def test_data_folder_is_named_once(qapp: QApplication, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(app_module, "legacy_sample", lambda: None)
    application()
    assert data_dir() == tmp_path / "data" / "annotator"
    assert sample_project() == tmp_path / "data" / "annotator" / "sample-project"
    assert "Annotator/Annotator" not in sample_project().as_posix()
    # QSettings still finds its file under the organization and application names
    assert QSettings().fileName().endswith("Annotator/Annotator.conf")


def test_an_earlier_copy_of_the_sample_is_moved_with_the_work_in_it(tmp_path: Path) -> None:
    legacy = tmp_path / "old" / "Annotator" / "Annotator" / "sample-project"
    legacy.parent.mkdir(parents=True)
    sample_project(legacy.parent)  # as an earlier version did
    work = legacy / "annotations" / "me" / "x.json"
    work.parent.mkdir(parents=True)
    work.write_text("{}", encoding="utf-8")
    moved = sample_project(tmp_path / "new" / "annotator", legacy)
    assert moved == tmp_path / "new" / "annotator" / "sample-project"
    assert (moved / "annotations" / "me" / "x.json").read_text(encoding="utf-8") == "{}"
    assert not (tmp_path / "old" / "Annotator").exists(), "the empty doubled folders go"
    assert sample_project(tmp_path / "new" / "annotator", legacy) == moved


def test_annotator_name_is_asked_once_and_remembered(tmp_path: Path) -> None:
    settings = Settings.at(str(tmp_path / "s.ini"))
    asked: list[int] = []

    def ask() -> str:
        asked.append(1)
        return "أمل"

    assert resolve_annotator(settings, None, ask) == "أمل"
    assert resolve_annotator(settings, None, ask) == "أمل"
    assert asked == [1]
    assert settings.get(keys.ANNOTATOR) == "أمل"
    assert resolve_annotator(settings, "omar", ask) == "omar"  # --annotator overrides
    assert settings.get(keys.ANNOTATOR) == "أمل"  # ... for this run only
    with pytest.raises(UsageError, match="contains"):
        resolve_annotator(settings, "a/b", ask)


def test_a_cancelled_name_opens_nothing(tmp_path: Path) -> None:
    assert resolve_annotator(Settings.at(str(tmp_path / "s.ini")), None, lambda: None) is None


def test_run_app_opens_the_sample_with_the_keyboard_ready(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    settings = Settings.at(str(tmp_path / "s.ini"))
    before = set(QApplication.topLevelWidgets())  # windows of earlier tests may linger
    assert run_app(None, annotator="tester", settings=settings, language="en") == 0
    (window,) = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w not in before]
    try:
        assert window.workspace.project.root == tmp_path / "data" / "sample-project"
        session = window.workspace.session
        assert session is not None and session.doc_id == window.workspace.project.doc_ids()[0]
        assert window.workspace.annotator == "tester"
        assert window.focusWidget() is window.view
        assert window.view.text == window.workspace.session.text
    finally:
        window.close()
        window.deleteLater()


def test_run_app_refuses_an_unknown_document(tmp_path: Path, project_dir: Path) -> None:
    with pytest.raises(UsageError, match="no document 'nope'"):
        run_app(project_dir, annotator="tester", doc_id="nope",
                settings=Settings.at(str(tmp_path / "s.ini")))


def test_run_app_in_arabic_mirrors_the_window_for_this_run_only(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    settings = Settings.at(str(tmp_path / "s.ini"))
    before = set(QApplication.topLevelWidgets())
    try:
        assert run_app(None, annotator="tester", settings=settings, language="ar") == 0
        (window,) = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w not in before]
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.registry["file.save"].text() != ACTION_TEXT["file.save"]
        assert settings.get(keys.LANGUAGE) == ""  # --lang is not remembered
        window.close()
        window.deleteLater()
    finally:
        install_language("en", qapp)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    with pytest.raises(UsageError, match="no interface language"):
        run_app(None, annotator="tester", settings=settings, language="fr")
