"""Project > Labels and relations…: edits checked at once (refusals by code, cells put back),
Apply saves the open document first, renames every file in one step, and the window shows the
new schema with the document read again; a refused run writes nothing."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget
from pytestqt.qtbot import QtBot

from annotator.cli import main
from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddRelation, AddSpan
from annotator.core.project import DEFAULT_RELATION_TYPES
from annotator.core.relation_schema import fitting, relation_types
from annotator.core.schema_edit import AddAttribute, Kind, RenameLabel
from annotator.core.spans import Relation, Span
from annotator.io.project_file import open_project
from annotator.io.schema_rename import apply_schema_changes
from annotator.io.standoff import serialize_annotations
from annotator.ui.dialogs import schema_dialog
from annotator.ui.dialogs.schema_dialog import (
    SchemaDialog,
    shown_values,
    split_values,
    values_change,
)
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

from .conftest import VISIT, discard, new_window, read_json, scripted, show


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def open_dialog(window: MainWindow) -> SchemaDialog:
    window.registry["project.schema"].trigger()
    dialog = window.schema.dialog
    assert dialog is not None and dialog.objectName() == "schema-dialog"
    assert dialog.isVisible()
    return dialog


def add_gift(window: MainWindow, word: str = "سترةً") -> str:
    session = window.workspace.session
    assert session is not None
    start = VISIT.index(word)
    span = session.aset.make_span(start, start + len(word), "gift")
    assert window.annotating.push(AddSpan(span))
    return span.id


def edit_cell(table: QTableWidget, row: int, column: int, text: str) -> None:
    item = table.item(row, column)
    assert item is not None
    item.setText(text)


def row_of(table: QTableWidget, name: str) -> int:
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() == name]
    assert rows, name
    return rows[0]


def apply(qtbot: QtBot, dialog: SchemaDialog) -> None:
    with qtbot.waitSignal(dialog.applied, timeout=10000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)


def test_the_dialog_shows_the_schema(qtbot: QtBot,
                                     make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    dialog = open_dialog(window)
    for name in ("labels-table", "attributes-table", "relations-table"):
        assert dialog.findChild(QTableWidget, name) is not None
    assert [dialog.labels.item(r, 0).text() for r in range(dialog.labels.rowCount())] == [
        "entity", "gift", "meeting"]
    swatch = dialog.labels.item(0, SchemaDialog.COLOR)
    assert swatch.text() == "#1f77b4" and not swatch.icon().isNull()
    assert swatch.icon().pixmap(8, 8).toImage().pixelColor(4, 4).name() == "#1f77b4"
    assert dialog.labels.item(1, SchemaDialog.KEY).text() == "2"
    giver = row_of(dialog.relations, "giver")
    dialog.relations.setCurrentCell(giver, 0)
    sources = dialog.findChild(QListWidget, "relation-from")
    assert sources is not None
    checked = [sources.item(i).text() for i in range(sources.count())
               if sources.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == ["gift"]
    dialog.reject()


def test_refusals_have_codes_and_put_the_cell_back(
        qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    dialog = open_dialog(window)
    for column, text, code in ((0, "entity", "name-taken"), (0, "a gift", "bad-name"),
                               (SchemaDialog.KEY, "g", "key-taken"),  # the giver type's
                               (SchemaDialog.KEY, "ab", "bad-key")):
        edit_cell(dialog.labels, 1, column, text)
        assert dialog.message.property("refusal") == code
        assert dialog.labels.item(1, 0).text() == "gift"
        assert dialog.labels.item(1, SchemaDialog.KEY).text() == "2"
    assert dialog.changes == []
    # a relation type's ends: emptied, refused
    dialog.relations.setCurrentCell(row_of(dialog.relations, "giver"), 0)
    targets = dialog.targets
    entity = targets.item(0)
    entity.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.message.property("refusal") == "bad-ends"
    assert dialog.targets.item(0).checkState() == Qt.CheckState.Checked
    dialog.reject()


def test_rename_applies_to_every_file_and_the_window_follows(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    gift = add_gift(window)  # not saved yet: Apply saves it first
    session = window.workspace.session
    assert session is not None and not session.saved
    other = project_dir / "annotations" / "omar" / "a-visit.json"
    other.parent.mkdir(parents=True)
    other.write_bytes(json.dumps({
                          "format": "annotator/standoff", "version": 1,
                          "document": {"id": "a-visit",
                                       "sha256": hashlib.sha256(VISIT.encode()).hexdigest(),
                                       "length": len(VISIT)},
                          "annotator": "omar", "status": "in_progress",
                          "spans": [{"id": "T1", "start": VISIT.index("سترةً"),
                                     "end": VISIT.index("سترةً") + 5, "label": "gift",
                                     "text": "سترةً"}],
                          "relations": []}, ensure_ascii=False).encode())
    dialog = open_dialog(window)
    edit_cell(dialog.labels, 1, 0, "هدية")
    edit_cell(dialog.labels, 1, SchemaDialog.KEY, "h")
    dialog.pick_color = lambda _initial: "#123456"
    dialog.labels.setCurrentCell(0, SchemaDialog.COLOR)
    dialog.choose_color(Kind.LABEL)
    dialog.relations.setCurrentCell(row_of(dialog.relations, "giver"), 0)
    edit_cell(dialog.relations, row_of(dialog.relations, "giver"), 0, "مانح")
    assert dialog.changes[0] == RenameLabel("gift", "هدية")
    assert dialog.pending.property("count") == 4
    apply(qtbot, dialog)
    assert scripted(window).last == "schema-applied-undo-cleared"  # the gift added cannot be undone
    ws = window.workspace
    assert ws.project.label("هدية") is not None and ws.project.label("gift") is None
    assert ws.colors["entity"] == "#123456"
    assert "label.هدية" in window.registry and "label.gift" not in window.registry
    assert window.registry["label.هدية"].shortcuts()[0] == QKeySequence("h")
    # the open document was saved, renamed on disk, and read again
    reopened = ws.session
    assert reopened is not None and reopened.doc_id == "a-visit"
    assert reopened.aset.span(gift).label == "هدية"
    mine = read_json(project_dir / "annotations" / "tester" / "a-visit.json")
    assert [s["label"] for s in mine["spans"]] == ["هدية"]
    assert read_json(other)["spans"][0]["label"] == "هدية"
    project = read_json(project_dir / "project.json")
    assert project["relations"][0]["name"] == "مانح"


def test_attributes_added_and_values_renamed(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    dialog = open_dialog(window)
    dialog.labels.setCurrentCell(1, 0)
    dialog.new_attribute.setText("kind")
    dialog.new_values.setText("سلاح، ملابس, other")
    qtbot.mouseClick(dialog.findChild(type(dialog.apply_button), "add-attribute"),
                     Qt.MouseButton.LeftButton)
    assert dialog.attributes.rowCount() == 1
    assert split_values(dialog.attributes.item(0, 1).text()) == ("سلاح", "ملابس", "other")
    edit_cell(dialog.attributes, 0, 1, "سلاح, ملابس, أخرى")
    dialog.new_label.setText("person")
    dialog.add_label()
    assert dialog.labels.item(3, 0).text() == "person"
    apply(qtbot, dialog)
    labels = {label["name"]: label for label in read_json(project_dir / "project.json")["labels"]}
    assert labels["gift"]["attributes"] == [{"name": "kind", "values": ["سلاح", "ملابس",
                                                                         "أخرى"]}]
    assert labels["person"]["key"] == "4"


def test_a_run_refused_writes_nothing_and_says_why(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    dialog = open_dialog(window)
    edit_cell(dialog.labels, 1, 0, "هدية")
    # someone else changes project.json while the dialog is open
    path = project_dir / "project.json"
    raw = read_json(path)
    raw["name"] = "changed elsewhere"
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    before = tree(project_dir)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.apply_button.isEnabled(),
                    timeout=10000)
    assert dialog.message.property("refusal") == "conflict"
    assert dialog.isVisible() and tree(project_dir) == before
    assert window.workspace.project.label("gift") is not None
    dialog.reject()


def test_unsaved_work_that_cannot_be_saved_refuses_the_run(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    dialog = SchemaDialog(window.workspace.project, window, before_run=lambda: "not saved")
    qtbot.addWidget(dialog)
    edit_cell(dialog.labels, 1, 0, "هدية")
    before = tree(project_dir)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.message.property("refusal") == "unsaved" and dialog.job is None
    assert tree(project_dir) == before


def test_values_are_split_and_a_single_change_is_a_rename() -> None:
    assert split_values(" سلاح،مركبة , ,other ") == ("سلاح", "مركبة", "other")
    assert split_values(shown_values(["سلاح", "other"])) == ("سلاح", "other")
    assert split_values(shown_values([])) == ()
    assert values_change("gift", "kind", ("a", "b"), ("a", "c")).__class__.__name__ == \
        "RenameValue"
    assert values_change("gift", "kind", ("a", "b"), ("a",)).__class__.__name__ == "SetValues"


def test_a_document_that_cannot_be_saved_refuses_the_run_in_the_window(
        qtbot: QtBot, make_window: Callable[..., MainWindow], project_dir: Path) -> None:
    window = make_window()
    add_gift(window)
    session = window.workspace.session
    assert session is not None and session.save()
    add_gift(window, "الرصاص")  # unsaved, and the file changes behind the window
    path = project_dir / "annotations" / "tester" / "a-visit.json"
    path.write_bytes(path.read_bytes() + b"\n")
    dialog = open_dialog(window)
    edit_cell(dialog.labels, 1, 0, "هدية")
    before = tree(project_dir)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.message.property("refusal") == "unsaved" and dialog.job is None
    assert tree(project_dir) == before and session.in_conflict
    dialog.reject()
    discard(window)  # closing would ask what to do with the unsaved version


def test_a_project_without_relation_types_says_any_is_accepted(
        qtbot: QtBot, project_dir: Path) -> None:
    path = project_dir / "project.json"
    raw = read_json(path)
    del raw["relations"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    dialog = SchemaDialog(open_project(project_dir))
    qtbot.addWidget(dialog)
    notice = dialog.findChild(QLabel, "relations-any")
    assert notice is not None and not notice.isHidden()
    offered = [dialog.relations.item(r, 0).text() for r in range(dialog.relations.rowCount())]
    assert offered == [t["name"] for t in DEFAULT_RELATION_TYPES]  # what the window offers
    dialog.new_relation.setText("owns")
    dialog.add_relation()
    assert notice.isHidden() and dialog.relations.rowCount() == len(offered) + 1
    assert [dialog.sources.item(i).checkState() for i in range(3)] == [Qt.CheckState.Checked] * 3


# -- what the files use: nothing the dialog does may make them invalid --------------------

def _span(ident: str, word: str, label: str, **attributes: str) -> Span:
    start = VISIT.index(word)
    return Span(ident, start, start + len(word), label, word, attributes=attributes or None)


def write_related(project_dir: Path, kind: str | None = None) -> Path:
    """omar's a-visit: a gift given by the governor, a meeting Kim took part in, and an
    'ally' relation (a type only in use) between the two men."""
    spans = [_span("T1", "الحاكمُ", "entity"), _span("T2", "كيم", "entity"),
             _span("T3", "سترةً", "gift", **({"kind": kind} if kind else {})),
             _span("T4", "اجتماعاً", "meeting")]
    aset = AnnotationSet.build("a-visit", VISIT, "omar", spans)
    for relation in (Relation("R1", "giver", "T3", "T1"),
                     Relation("R2", "participant", "T4", "T2"),
                     Relation("R3", "ally", "T1", "T2")):
        AddRelation(relation).apply(aset)
    path = project_dir / "annotations" / "omar" / "a-visit.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize_annotations(aset))
    return path


def without_relation_types(project_dir: Path) -> None:
    path = project_dir / "project.json"
    raw = read_json(path)
    del raw["relations"]
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")


def test_a_project_without_relation_types_keeps_its_relations_valid(
        qtbot: QtBot, project_dir: Path, settings: Settings) -> None:
    without_relation_types(project_dir)
    write_related(project_dir)
    assert main(["validate", str(project_dir)]) == 0
    window = show(qtbot, new_window(open_project(project_dir), "tester", settings, None))
    dialog = open_dialog(window)
    offered = [dialog.relations.item(r, 0).text() for r in range(dialog.relations.rowCount())]
    assert offered == [*(t["name"] for t in DEFAULT_RELATION_TYPES), "ally"]
    dialog.new_relation.setText("partner")
    dialog.add_relation()
    edit_cell(dialog.labels, row_of(dialog.labels, "meeting"), 0, "event")
    edit_cell(dialog.labels, row_of(dialog.labels, "entity"), 0, "person")
    apply(qtbot, dialog)
    assert scripted(window).last == "schema-applied"  # nothing undoable was lost
    assert main(["validate", str(project_dir)]) == 0  # every relation still fits its type
    types = relation_types(window.workspace.project)
    assert {"participant", "place", "time"} <= {t.name for t in fitting(types, "event",
                                                                        "person")}
    assert "ally" in {t.name for t in fitting(types, "person", "person")}
    discard(window)


def test_changes_that_would_break_files_are_refused_in_place(
        qtbot: QtBot, project_dir: Path) -> None:
    apply_schema_changes(project_dir, [AddAttribute("gift", "kind", (
        "weapon", "vehicle", "clothing", "other"))])
    write_related(project_dir, kind="vehicle")
    dialog = SchemaDialog(open_project(project_dir))
    qtbot.addWidget(dialog)
    dialog.labels.setCurrentCell(row_of(dialog.labels, "gift"), 0)
    edit_cell(dialog.attributes, 0, SchemaDialog.VALUES, "weapon, clothing, other")
    assert dialog.message.property("refusal") == "in-use"
    assert "annotations/omar/a-visit.json" in dialog.message.text()
    assert split_values(dialog.attributes.item(0, 1).text()) == (
        "weapon", "vehicle", "clothing", "other")
    edit_cell(dialog.attributes, 0, SchemaDialog.VALUES, "weapon, car, clothing, other")
    assert dialog.message.property("refusal") == "" and len(dialog.changes) == 1
    # giver's relation goes to an entity: taking entity off its "to" end is refused
    dialog.relations.setCurrentCell(row_of(dialog.relations, "giver"), 0)
    dialog.targets.item(row_of(dialog.labels, "meeting")).setCheckState(Qt.CheckState.Checked)
    assert dialog.message.property("refusal") == ""
    dialog.targets.item(row_of(dialog.labels, "entity")).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.message.property("refusal") == "in-use"
    assert dialog.targets.item(row_of(dialog.labels, "entity")).checkState() == \
        Qt.CheckState.Checked
    assert len(dialog.changes) == 2


def test_every_string_is_filed_under_the_class_that_looks_it_up(tmp_path: Path) -> None:
    """lupdate files ``self.tr`` strings under their class; an alias (``tr = self.tr``) put
    them under an empty context, where the running dialog never looks: it stayed English."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    source = Path(schema_dialog.__file__)
    ts = tmp_path / "check.ts"
    subprocess.run([str(lupdate), str(source), "-ts", str(ts)], check=True,
                   capture_output=True)
    contexts = {context.findtext("name"): len(context.findall("message"))
                for context in ElementTree.parse(ts).getroot().iter("context")}
    assert set(contexts) == {"SchemaDialog", "SchemaEditing"}
    assert contexts["SchemaDialog"] > 20


def test_every_refusal_has_a_reason_in_the_interface_language() -> None:
    """The dialog words each refusal code itself; core adds the names and files after it."""
    from annotator.core.schema_edit import Refusal
    from annotator.ui.dialogs.schema_dialog import REFUSALS

    assert set(REFUSALS) == {refusal.value for refusal in Refusal}
