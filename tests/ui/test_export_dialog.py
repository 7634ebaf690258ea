"""File > Export…: the dialog writes what the CLI writes, off the GUI thread; cancel is clean."""

from __future__ import annotations

import importlib.util
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.io.exporting import ExportOptions, ExportSummary
from annotator.io.formats import EXPORTS
from annotator.io.project_file import open_project
from annotator.ui.dialogs import export_dialog
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.export_summary import kind_text, reason_text, summary_lines
from tests.ui.dialog_support import click_and_wait, copy_project, files, shown

FORMATS = [pytest.param(f.name, marks=pytest.mark.skipif(
    f.needs is not None and importlib.util.find_spec(f.needs) is None,
    reason=f"needs {f.needs}")) for f in EXPORTS]
# (CLI arguments, the same options as the dialog takes them)
OPTION_SETS = {
    "defaults": ([], {}),
    "annotator-split-seed": (["--annotator", "salma", "--split", "train=0.5,test=0.5",
                              "--seed", "3", "--status", "any"],
                             {"annotator": "salma", "split": (("train", 0.5), ("test", 0.5)),
                              "seed": 3}),
}


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def make_dialog(qtbot: QtBot, project_dir: Path, **kwargs: Any) -> ExportDialog:
    dialog = ExportDialog(open_project(project_dir), **kwargs)
    shown(qtbot, dialog)
    return dialog


@pytest.mark.parametrize("option_set", list(OPTION_SETS))
@pytest.mark.parametrize("fmt", FORMATS)
def test_dialog_export_is_byte_identical_to_the_cli(
        fmt: str, option_set: str, qtbot: QtBot, project_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    cli_args, fields = OPTION_SETS[option_set]
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ExportOptions(fmt, tmp_path / "from-dialog", **fields))
    assert dialog.options_value() == ExportOptions(fmt, tmp_path / "from-dialog", **fields)
    click_and_wait(qtbot, dialog, dialog.export_button)

    cli_out = tmp_path / "from-cli"
    assert main(["export", str(project_dir), "--format", fmt, "--out", str(cli_out),
                 "--json", *cli_args]) == 0
    printed = json.loads(capsys.readouterr().out)
    made = files(tmp_path / "from-dialog")
    assert made and made == files(cli_out)
    assert dialog.outcome == "exported" and dialog.last_summary is not None
    # the same figures as the command line's, worded in the interface's language
    shown = dialog.last_summary.to_json()
    assert {**shown, "out": "", "files": []} == {**printed, "out": "", "files": []}
    assert dialog.summary.toPlainText().splitlines() == summary_lines(dialog.last_summary)


def test_the_summary_lists_documents_spans_and_dropped_spans_with_reasons(
        qtbot: QtBot, project_dir: Path, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ExportOptions("conll", tmp_path / "out"))
    click_and_wait(qtbot, dialog, dialog.export_button)
    summary = dialog.last_summary
    assert summary is not None and summary.spans_dropped > 0
    assert dialog.outcome == "exported"
    for figure in (summary.documents, summary.spans_written, summary.spans_dropped):
        assert str(figure) in dialog.headline.text()
    text = dialog.summary.toPlainText()
    assert reason_text("overlap") in text
    # what CoNLL has no place for at all is said once, with counts
    assert summary.left_out and all(f"{kind_text(kind)}: {count}" in text
                                    for kind, count in summary.left_out.items())
    for dropped in summary.dropped:  # every dropped span, each with its document and reason
        assert f"\u2068{dropped.span_id}\u2069" in text
        assert f"{dropped.start}..{dropped.end}" in text
    assert "not annotated" in text  # the skipped document, and why


def test_refused_export_lists_the_problems_in_dialog_words(
        qtbot: QtBot, project_dir: Path, tmp_path: Path) -> None:
    (project_dir / "gold" / "visit-train.json").unlink()
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ExportOptions("jsonl", tmp_path / "out"))
    click_and_wait(qtbot, dialog, dialog.export_button)
    assert dialog.outcome == "failed" and dialog.headline.isVisible()
    text = dialog.summary.toPlainText()
    assert "document 'visit-train' has no gold file; annotators present: salma" in text
    # the problem's hint names the dialog's field, never the command line's flag
    field = dialog.quoted_option("annotator")
    assert f"({field}) [no-gold]" in text and "--" not in text
    assert dialog.hint.isVisible() and field in dialog.hint.text()
    assert not (tmp_path / "out").exists()
    assert dialog.options.isEnabled() and dialog.export_button.isEnabled()  # ready to retry


def test_option_mistakes_are_shown_and_nothing_runs(qtbot: QtBot, project_dir: Path,
                                                    tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, project_dir)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and dialog.mistake_code == "no-output"
    assert dialog.mistake.isVisible()
    dialog.out.setText(str(tmp_path / "out"))
    dialog.split_on.setChecked(True)
    dialog.split.setText("train=0.7,test=0.2")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and dialog.mistake_code == "bad-split"
    assert "fractions add up to 0.9, not 1" in dialog.mistake.text()  # parse_split's reason
    dialog.out.setText("relative/out")
    dialog.split.setText("train=1")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.mistake_code == "relative-output" and "relative/out" in dialog.mistake.text()
    assert not (tmp_path / "out").exists()


def test_the_split_fields_follow_the_checkbox(qtbot: QtBot, project_dir: Path) -> None:
    dialog = make_dialog(qtbot, project_dir)
    assert not dialog.split.isEnabled() and not dialog.seed.isEnabled()
    dialog.split_on.setChecked(True)
    assert dialog.split.isEnabled() and dialog.seed.isEnabled()
    assert dialog.annotator.currentIndex() == 0 and dialog.annotator.currentData() is None
    assert dialog.status.currentData() == "any"


def blocking_export(monkeypatch: pytest.MonkeyPatch, at: int) -> tuple[threading.Event,
                                                                        threading.Event]:
    """Make the dialog's export wait before progress step ``at`` until released."""
    reached, release = threading.Event(), threading.Event()
    real = export_dialog.export_project

    def export(project: Any, options: ExportOptions, progress: Any) -> ExportSummary:
        def held(done: int, total: int) -> bool:
            if done == at:
                reached.set()
                release.wait(10)
            return bool(progress(done, total))
        return real(project, options, held)

    monkeypatch.setattr(export_dialog, "export_project", export)
    return reached, release


def test_cancel_mid_run_writes_nothing_and_the_window_stays_responsive(
        qtbot: QtBot, project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reached, release = blocking_export(monkeypatch, at=4)  # 3 documents read, 1 written
    out_parent = tmp_path / "exports"
    out_parent.mkdir()
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ExportOptions("brat", out_parent / "out"))
    try:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set)
        # while the job is held in its thread, the dialog repaints and takes clicks
        qtbot.waitUntil(lambda: dialog.progress.value() == 3)
        assert dialog.progress.maximum() == 6
        assert dialog.progress_label.text() == dialog.progress_text(3, 6)
        assert dialog.cancel_button.isVisible() and not dialog.options.isEnabled()
        assert not dialog.export_button.isEnabled()
        staged = [p.name for p in out_parent.iterdir()]
        assert len(staged) == 1 and staged[0].endswith(".tmp")  # the writer's staging folder
        assert (out_parent / staged[0] / "emoji-drone.ann").exists()  # one document written
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.cancel_button.isEnabled() and dialog.running
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.outcome == "cancelled"
    assert list(out_parent.iterdir()) == []
    assert dialog.last_summary is not None and dialog.last_summary.cancelled
    assert not dialog.cancel_button.isVisible() and not dialog.progress.isVisible()


def test_closing_during_a_run_cancels_then_closes(qtbot: QtBot, project_dir: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    reached, release = blocking_export(monkeypatch, at=2)  # still reading
    dialog = make_dialog(qtbot, project_dir)
    dialog.set_options(ExportOptions("jsonl", tmp_path / "out"))
    try:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(reached.is_set)
        dialog.reject()  # Escape, Close or the title bar
        assert dialog.isVisible() and dialog.running  # not while the thread runs
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.running and not (tmp_path / "out").exists()


def test_arabic_annotator_names_are_offered_and_exported_as_they_are(
        qtbot: QtBot, project_dir: Path, tmp_path: Path) -> None:
    name = "سلمى"
    folder = project_dir / "annotations" / name
    folder.mkdir()
    for path in (project_dir / "annotations" / "salma").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["annotator"] = name
        (folder / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dialog = make_dialog(qtbot, project_dir)
    index = dialog.annotator.findData(name)
    assert index > 0 and dialog.annotator.itemText(index) == name  # logical order, no reshaping
    dialog.annotator.setCurrentIndex(index)
    dialog.out.setText(str(tmp_path / "out"))
    click_and_wait(qtbot, dialog, dialog.export_button)
    assert f"\u2068{name}\u2069 2" in dialog.summary.toPlainText().splitlines()[1]
    records = [json.loads(line) for line in
               (tmp_path / "out" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["annotator"] for r in records} == {name}
    # summaries are English sentences: laid out left to right whatever they quote
    option = dialog.summary.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LeftToRight


def test_a_format_whose_package_is_missing_says_how_to_install_it(
        qtbot: QtBot, project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_dialog, "available", lambda fmt: fmt.needs is None)
    dialog = make_dialog(qtbot, project_dir)
    index = dialog.format.findData("spacy")
    assert dialog.format.itemText(index) != "spacy" and "spacy" in dialog.format.itemText(index)
    assert dialog.format.itemText(dialog.format.findData("jsonl")) == "jsonl"
    dialog.format.setCurrentIndex(index)
    assert EXPORTS[index].install and EXPORTS[index].install in dialog.format_help.text()


def test_every_drop_reason_and_left_out_kind_has_a_translatable_text() -> None:
    """The dialog words the io layer's codes itself: none may fall back to English."""
    from annotator.io.exporting import LEFT_OUT, REASONS
    from annotator.ui.dialogs import export_summary

    assert set(export_summary.REASON_TEXT) == set(REASONS)
    assert set(export_summary.KIND_TEXT) == set(LEFT_OUT)
