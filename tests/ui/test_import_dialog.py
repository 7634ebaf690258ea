"""File > Import…: the dialog imports what the CLI imports, and says what was refused and why."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.io import store
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.importing import ImportOptions, ImportSummary
from annotator.io.project_file import open_project
from annotator.ui.dialogs import import_dialog
from annotator.ui.dialogs.import_dialog import ImportDialog
from tests.ui.dialog_support import PROJECT, click_and_wait, copy_project, files, shown


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def make_dialog(qtbot: QtBot, project_dir: Path) -> ImportDialog:
    dialog = ImportDialog(open_project(project_dir))
    shown(qtbot, dialog)
    return dialog


def gold_text(doc_id: str) -> str:
    return (PROJECT / "documents" / f"{doc_id}.txt").read_bytes().decode("utf-8-sig")


def spans_of(root: Path, doc_id: str, annotator: str) -> list[tuple[int, int, str, str]]:
    aset = store.load(open_project(root), doc_id, annotator).annotations
    return [(s.start, s.end, s.label, s.text) for s in aset.spans()]


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def without_times(root: Path) -> dict[str, Any]:
    """Every file of a project, annotation files parsed and their save time left out."""
    result: dict[str, Any] = {}
    for name, data in files(root).items():
        if name.endswith(".json") and not name.endswith("project.json"):
            value = json.loads(data)
            value.pop("modified", None)
            result[name] = value
        else:
            result[name] = data
    return result


def test_brat_import_through_the_dialog_matches_the_cli(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export_project(open_project(PROJECT), ExportOptions("brat", tmp_path / "brat"))
    by_dialog = copy_project(tmp_path / "a")
    by_cli = copy_project(tmp_path / "b")
    dialog = make_dialog(qtbot, by_dialog)
    dialog.set_options(ImportOptions("brat", tmp_path / "brat", annotator="نور"))
    with qtbot.waitSignal(dialog.imported) as imported:
        click_and_wait(qtbot, dialog, dialog.import_button)
    summary: ImportSummary = imported.args[0]
    assert summary.ok and summary.spans == 23 and {a for _, a in summary.written} == {"نور"}
    assert main(["import", str(by_cli), "--format", "brat", str(tmp_path / "brat"),
                 "--annotator", "نور"]) == 0
    assert dialog.summary.toPlainText().splitlines() == capsys.readouterr().out.splitlines()
    assert dialog.outcome == "imported" and not dialog.hint.isVisible()
    assert all(str(n) in dialog.headline.text() for n in (23, 3))
    assert without_times(by_dialog) == without_times(by_cli)
    for doc_id in ("visit-train", "gifts-crlf", "emoji-drone"):
        assert spans_of(by_dialog, doc_id, "نور") == spans_of(PROJECT, doc_id, "gold")


def test_unknown_labels_are_refused_with_a_hint_then_added(qtbot: QtBot, project_dir: Path,
                                                          tmp_path: Path) -> None:
    text = gold_text("visit-train")
    source = write_jsonl(tmp_path / "d.jsonl", [
        {"text": text, "label": [[20, 32, "person"], [39, 50, "place"]]}])
    before = files(project_dir)
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ImportOptions("doccano", source, annotator="noor"))
    click_and_wait(qtbot, dialog, dialog.import_button)
    assert dialog.outcome == "refused"
    refused = dialog.last_summary
    assert refused is not None and [p.hint for p in refused.problems] == ["add_labels"]
    shown_text = dialog.summary.toPlainText()
    assert "label 'person' is not in the project's labels" in shown_text
    # the problem names the box that acts on it, never the command line's flag
    assert f"({dialog.quoted_option('add_labels')}) [unknown-label]" in shown_text
    assert "--" not in shown_text
    assert dialog.hint.isVisible()
    assert dialog.hint.text() == dialog.hint_text("add_labels", refused.problems)
    assert dialog.option_name("add_labels") in dialog.hint.text()
    assert files(project_dir) == before

    dialog.add_labels.setChecked(True)
    with qtbot.waitSignal(dialog.imported):
        click_and_wait(qtbot, dialog, dialog.import_button)
    assert "labels added to the project: person" in dialog.summary.toPlainText()
    assert not dialog.hint.isVisible()
    assert spans_of(project_dir, "visit-train", "noor") == [
        (20, 32, "person", "كيم جونغ أون"), (39, 50, "place", "فلاديفوستوك")]
    assert "person" in open_project(project_dir).label_names


def test_doccano_utf16_offsets_get_the_hint_and_the_box_fixes_them(
        qtbot: QtBot, project_dir: Path, tmp_path: Path) -> None:
    text = gold_text("emoji-drone")  # emoji before the spans: UTF-16 and code points differ
    gold = spans_of(PROJECT, "emoji-drone", "gold")
    source = write_jsonl(tmp_path / "d.jsonl", [
        {"text": text, "label": [[utf16(text, s), utf16(text, e), lab] for s, e, lab, _ in gold]}])
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ImportOptions("doccano", source))
    click_and_wait(qtbot, dialog, dialog.check_button)  # Check: the CLI's --dry-run
    assert dialog.outcome == "checked"
    assert f"({dialog.quoted_option('utf16_offsets')})" in dialog.summary.toPlainText()
    assert dialog.hint.isVisible() and dialog.option_name("utf16_offsets") in dialog.hint.text()
    assert not (project_dir / "annotations" / "doccano").exists()
    dialog.utf16.setChecked(True)
    click_and_wait(qtbot, dialog, dialog.import_button)
    assert dialog.last_summary is not None and dialog.last_summary.ok
    assert not dialog.hint.isVisible()
    assert spans_of(project_dir, "emoji-drone", "doccano") == gold


def test_labelstudio_mismatches_are_listed_and_nothing_is_written(
        qtbot: QtBot, project_dir: Path, tmp_path: Path) -> None:
    text = gold_text("visit-train")
    results = [{"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
                "value": {"start": 21, "end": 33, "text": "كيم جونغ أون", "labels": ["entity"]}}]
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([{"id": 1, "data": {"text": text}, "annotations": [
        {"completed_by": 1, "result": results}]}], ensure_ascii=False), encoding="utf-8")
    before = files(project_dir)
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ImportOptions("labelstudio", source))
    click_and_wait(qtbot, dialog, dialog.import_button)
    shown_text = dialog.summary.toPlainText()
    assert "[wrong-text]" in shown_text and "not shifted" in shown_text
    assert "nothing was written: 1 problem(s)" in shown_text
    assert dialog.headline.styleSheet().endswith("color: #b00020;")  # shown as an error
    assert files(project_dir) == before


def test_cancelling_an_import_writes_nothing(qtbot: QtBot, project_dir: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    export_project(open_project(PROJECT), ExportOptions("brat", tmp_path / "brat"))
    reached, release = threading.Event(), threading.Event()
    real = import_dialog.import_annotations

    def held_import(project: Any, options: ImportOptions, progress: Any) -> ImportSummary:
        def held(done: int, total: int) -> bool:
            if done == 2:
                reached.set()
                release.wait(10)
            return bool(progress(done, total))
        return real(project, options, held)

    monkeypatch.setattr(import_dialog, "import_annotations", held_import)
    before = files(project_dir)
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ImportOptions("brat", tmp_path / "brat"))
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set)
        qtbot.waitUntil(lambda: dialog.progress.value() == 1)
        assert dialog.progress_label.text() == dialog.progress_text(1, 3)
        assert dialog.progress.maximum() == 3
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.outcome == "cancelled"
    assert files(project_dir) == before


def test_source_mistakes_are_shown_before_anything_runs(qtbot: QtBot, project_dir: Path,
                                                        tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, project_dir)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.mistake_code == "no-source" and dialog.mistake.isVisible()
    dialog.source.setText(str(tmp_path / "missing.jsonl"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.mistake_code == "missing-source" and "missing.jsonl" in dialog.mistake.text()
    assert not dialog.running
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    file_hint = dialog.source.placeholderText()
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert dialog.source.placeholderText() != file_hint  # a folder is asked for
    assert "FOLDER/<doc_id>.txt and .ann" in dialog.format_help.text()  # what brat reads
