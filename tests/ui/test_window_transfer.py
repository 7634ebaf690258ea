"""File > Export… and File > Import… in the window: menus, saving first, reloading after."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.io.standoff import serialize_annotations
from annotator.ui.dialogs.export_dialog import ExportDialog
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.workspace import CANCEL
from tests.ui.conftest import VISIT, scripted
from tests.ui.dialog_support import click_and_wait

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def doccano(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def word(text: str, what: str) -> tuple[int, int]:
    start = text.index(what)
    return start, start + len(what)


def open_dialog(qtbot: QtBot, window: MainWindow, key: Qt.Key, kind: type) -> Any:
    qtbot.keyClick(window.view, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.findChild(kind) is not None)
    dialog = window.findChild(kind)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_menu_offers_export_and_import(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if "file.export" in [b.objectName() for b in a.menu().actions()])
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("file.export") < names.index("file.import") < names.index("file.quit")
    assert window.registry["file.export"].shortcut().toString() == "Ctrl+Shift+E"
    assert window.registry["file.import"].shortcut().toString() == "Ctrl+Shift+I"


def test_export_saves_pending_changes_first(qtbot: QtBot, make_window: Callable[..., MainWindow],
                                            tmp_path: Path) -> None:
    window = make_window()  # autosave off: the change stays pending
    session = window.workspace.session
    assert session is not None
    start, end = word(VISIT, "فلاديفوستوك")
    assert session.push(AddSpan(session.aset.make_span(start, end, "entity"))) is None
    assert not session.saved and not session.path.exists()
    dialog = open_dialog(qtbot, window, Qt.Key.Key_E, ExportDialog)
    assert dialog.isModal() and dialog.parent() is window
    dialog.annotator.setCurrentIndex(dialog.annotator.findData("tester"))
    dialog.out.setText(str(tmp_path / "out"))
    click_and_wait(qtbot, dialog, dialog.export_button)
    assert session.saved and session.path.exists()
    records = [json.loads(line) for line in
               (tmp_path / "out" / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], [(s["start"], s["end"], s["label"]) for s in r["spans"]])
            for r in records] == [("a-visit", [(start, end, "entity")])]
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)  # deleted on close


def test_export_is_refused_while_changes_cannot_be_saved(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window()
    session = window.workspace.session
    assert session is not None
    session.push(AddSpan(session.aset.make_span(*word(VISIT, "كيم"), "entity")))
    theirs = AnnotationSet("a-visit", VISIT, "tester", session.aset.labels, "in_progress")
    session.path.parent.mkdir(parents=True)
    session.path.write_bytes(serialize_annotations(theirs))  # someone else wrote the file
    dialog = open_dialog(qtbot, window, Qt.Key.Key_E, ExportDialog)
    dialog.annotator.setCurrentIndex(dialog.annotator.findData("tester"))
    dialog.out.setText(str(tmp_path / "out"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running
    assert "a-visit" in dialog.mistake.text()  # the refusal names the document
    assert session.in_conflict and not window.article.conflict_banner.isHidden()
    assert not (tmp_path / "out").exists()
    scripted(window).answer(CANCEL)  # closing asks (the conflict): keep it open


def test_import_into_the_open_document_reloads_it(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window()
    source = doccano(tmp_path / "d.jsonl", [
        {"text": VISIT, "label": [[*word(VISIT, "كيم جونغ أون"), "entity"]]},
        {"text": "خبر جديد عن القطار المصفح", "label": [[12, 18, "gift"]]}])
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, ImportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    dialog.source.setText(str(source))
    dialog.annotator.setCurrentText("tester")
    with qtbot.waitSignal(dialog.imported):
        click_and_wait(qtbot, dialog, dialog.import_button)
    assert dialog.last_summary.created == ["d-2"]
    session = window.workspace.session
    assert session is not None and session.doc_id == "a-visit"
    assert [(s.label, s.text) for s in session.aset.spans()] == [("entity", "كيم جونغ أون")]
    assert window.spans.model.rowCount() == 1
    assert window.documents.model.span_count("a-visit") == 1
    assert window.documents.model.doc_ids() == ["a-visit", "b-crlf", "c-short", "d-2"]
    assert window.documents.model.span_count("d-2") == 1
    assert scripted(window).last == "imported"
    assert "a-visit" in scripted(window).said[-1].message


def test_labels_added_by_an_import_can_be_used_at_once(
        qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window("c-short")
    source = doccano(tmp_path / "d.jsonl", [
        {"text": VISIT, "label": [[*word(VISIT, "فلاديفوستوك"), "place"]]}])
    dialog = open_dialog(qtbot, window, Qt.Key.Key_I, ImportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("doccano"))
    dialog.source.setText(str(source))
    dialog.annotator.setCurrentText("tester")
    dialog.add_labels.setChecked(True)
    with qtbot.waitSignal(dialog.imported):
        click_and_wait(qtbot, dialog, dialog.import_button)
    dialog.close()
    assert "label.place" in window.registry and "place" in window.label_palette.buttons
    annotate = next(a.menu() for a in window.menuBar().actions()
                    if "span.delete" in [b.objectName() for b in a.menu().actions()])
    assert "label.place" in [a.objectName() for a in annotate.actions()]
    session = window.workspace.session
    assert session is not None and session.doc_id == "c-short"
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(0)
    cursor.setPosition(3, QTextCursor.MoveMode.KeepAnchor)  # the first word
    window.view.setTextCursor(cursor)
    window.registry["label.place"].trigger()
    assert [s.label for s in session.aset.spans()] == ["place"]
