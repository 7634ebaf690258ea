"""The workspace alone, without a window: one path for documents, annotators and projects."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core.edits import AddSpan
from annotator.core.project import GOLD, Label, Project
from annotator.io.project_file import open_project, write_project
from annotator.ui.settings import Settings
from annotator.ui.workspace import CANCEL, Workspace
from tests.ui.conftest import VISIT, ScriptedFeedback


def _workspace(project: Project, settings: Settings,
               feedback: ScriptedFeedback | None = None) -> tuple[Workspace, list[tuple]]:
    workspace = Workspace(project, "tester", settings, feedback or ScriptedFeedback(), -1)
    events: list[tuple] = []
    workspace.project_changed.connect(lambda p: events.append(("project", p.name)))
    workspace.labels_changed.connect(lambda: events.append(("labels",)))
    workspace.annotator_changed.connect(lambda name: events.append(("annotator", name)))
    workspace.document_opened.connect(lambda doc: events.append(("opened", doc)))
    workspace.document_failed.connect(lambda doc, error: events.append(
        ("failed", doc, error.problem.code)))
    workspace.document_closed.connect(lambda: events.append(("closed",)))
    workspace.spans_changed.connect(lambda changes: events.append(
        ("spans", [s.text for s in changes.added])))
    return workspace, events


def test_documents_open_fail_and_close_through_one_path(
        qtbot: QtBot, project: Project, settings: Settings) -> None:
    broken = project.annotation_path("b-crlf", "tester")
    broken.parent.mkdir(parents=True)
    broken.write_text("[1,", encoding="utf-8")
    workspace, events = _workspace(project, settings)
    assert workspace.open_first_document()
    session = workspace.session
    assert session is not None and workspace.current_doc_id == "a-visit"
    start = VISIT.index("كيم")
    session.push(AddSpan(session.aset.make_span(start, start + 3, "entity")))
    assert not workspace.open_document("b-crlf")  # a-visit is saved first, then b-crlf fails
    assert project.annotation_path("a-visit", "tester").is_file()
    assert workspace.session is None and workspace.current_doc_id == "b-crlf"
    workspace.remember_now()  # (written a moment after a switch, or when leaving)
    assert settings.last_document(str(project.root)) == "b-crlf"
    workspace.close_document()
    assert workspace.current_doc_id is None
    assert events == [("opened", "a-visit"), ("spans", ["كيم"]),
                      ("failed", "b-crlf", "malformed-json"), ("closed",)]


def test_switching_to_gold_says_so_before_the_document_opens_again(
        qtbot: QtBot, project: Project, settings: Settings) -> None:
    workspace, events = _workspace(project, settings)
    workspace.open_document("c-short")
    events.clear()
    assert workspace.switch_annotator(GOLD)
    assert events == [("annotator", GOLD), ("opened", "c-short")]
    assert workspace.session is not None and workspace.session.annotator == GOLD
    assert workspace.user == "tester"


def test_an_annotator_whose_file_cannot_open_is_not_switched_to(
        qtbot: QtBot, project: Project, settings: Settings) -> None:
    gold = project.annotation_path("c-short", GOLD)
    gold.parent.mkdir(parents=True)
    gold.write_text("not json", encoding="utf-8")
    feedback = ScriptedFeedback().answer("ok")
    workspace, events = _workspace(project, settings, feedback)
    workspace.open_document("c-short")
    events.clear()
    assert not workspace.switch_annotator(GOLD)
    assert workspace.annotator == "tester" and workspace.session is not None
    assert [q.kind for q in feedback.asked] == ["open-document-failed"]
    assert events == [("annotator", GOLD), ("failed", "c-short", "malformed-json"),
                      ("annotator", "tester"), ("opened", "c-short")]


def test_switching_project_leaves_gold_and_saves_first_or_stays(
        qtbot: QtBot, project: Project, settings: Settings, tmp_path: Path) -> None:
    root = tmp_path / "other"
    (root / "documents").mkdir(parents=True)
    write_project(Project(root, "Other", (Label("place", "#9467bd", "4"),)))
    (root / "documents" / "one.txt").write_text("نص قصير.", encoding="utf-8")
    other = open_project(root)
    feedback = ScriptedFeedback().answer(CANCEL)
    workspace, events = _workspace(project, settings, feedback)
    workspace.open_document("a-visit")
    workspace.switch_annotator(GOLD)
    session = workspace.session
    assert session is not None
    session.push(AddSpan(session.aset.make_span(0, 3, "entity")))
    session.path.parent.mkdir(parents=True, exist_ok=True)
    session.path.write_text("{}", encoding="utf-8")  # someone else wrote gold meanwhile
    events.clear()
    assert not workspace.switch_project(other)  # cannot be saved, and the user stays
    assert workspace.project is project and workspace.annotator == GOLD and events == []
    workspace.close_document()  # the unsaved gold edit is dropped
    events.clear()
    assert workspace.switch_project(other)
    assert workspace.project is other and workspace.annotator == "tester"
    assert workspace.colors == {"place": "#9467bd"} and workspace.doc_ids == ["one"]
    assert events == [("annotator", "tester"), ("closed",), ("project", "Other"),
                      ("labels",), ("opened", "one")]
