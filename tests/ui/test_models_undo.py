"""Item models and undo adapters: in step with the annotation set through any edit sequence."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Batch,
    Changes,
    SetStatus,
    change_bounds,
    discard_unplaced,
    place_unplaced,
    relabel,
    remove_span,
    set_note,
)
from annotator.core.project import Project
from annotator.core.spans import Relation
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.models.span_table import SpanTableModel
from annotator.ui.session import DocumentSession
from tests.ui.conftest import VISIT


def _session(project: Project) -> DocumentSession:
    return DocumentSession(project, "a-visit", "tester", autosave_ms=-1)


def test_every_edit_and_its_inverse_state_their_changes(project: Project) -> None:
    session = _session(project)
    aset = session.aset
    span = aset.make_span(0, 3, "entity")
    assert AddSpan(span).changes == Changes(added=(span,))
    assert AddSpan(span).inverse().changes == Changes(removed=(span,))
    AddSpan(span).apply(aset)
    edit = relabel(aset, span.id, "gift")
    assert edit.changes == Changes(removed=(span,), added=(edit.new,))
    assert edit.inverse().changes == Changes(removed=(edit.new,), added=(span,))
    batch = Batch((edit, SetStatus("new", "done")))
    assert batch.changes.status and batch.inverse().changes.added == (span,)
    other = aset.make_span(4, 10, "gift")
    AddSpan(other).apply(aset)
    relation = AddRelation(Relation("R1", "giver", other.id, span.id))
    assert relation.changes == Changes(relations=True) == relation.inverse().changes
    removal = remove_span(aset, span.id)
    assert removal.changes == Changes(removed=(span,))
    relation.apply(aset)
    assert remove_span(aset, span.id).changes == Changes(removed=(span,), relations=True)
    aset.unplaced.append(aset.make_span(12, 15, "meeting"))
    placing = place_unplaced(aset, 0, 12, 15)
    assert placing.changes == Changes(added=(placing.placed,), unplaced=True)
    assert placing.inverse().changes == Changes(removed=(placing.placed,), unplaced=True)
    assert discard_unplaced(aset, 0).changes == Changes(unplaced=True)


def test_span_table_follows_any_sequence_of_edits_undo_and_redo(
        qapp: QApplication, project: Project, qtmodeltester: ModelTester) -> None:
    session = _session(project)
    model = SpanTableModel()
    qtmodeltester.check(model, force_py=True)
    model.reset(session.aset.spans(), {"entity": "#1f77b4"})
    session.spans_changed.connect(model.apply)
    rng = random.Random(7)
    labels = sorted(project.label_names)
    for _ in range(80):
        spans = session.aset.spans()
        action = rng.random()
        if action < 0.45 or not spans:
            start = rng.randrange(len(VISIT) - 1)
            end = rng.randrange(start + 1, min(len(VISIT), start + 30) + 1)
            session.push(AddSpan(session.aset.make_span(start, end, rng.choice(labels))))
        elif action < 0.6:
            session.push(remove_span(session.aset, rng.choice(spans).id))
        elif action < 0.7:
            session.push(relabel(session.aset, rng.choice(spans).id, rng.choice(labels)))
        elif action < 0.8:
            span = rng.choice(spans)
            session.push(change_bounds(session.aset, span.id, span.start,
                                       min(len(VISIT), span.end + 1)))
        elif action < 0.9 and session.undo_stack.canUndo():
            session.undo_stack.undo()
        elif session.undo_stack.canRedo():
            session.undo_stack.redo()
        assert model.spans() == session.aset.spans()
        assert model.rowCount() == len(session.aset)
    assert len(session.aset) > 5
    row = model.row_of(model.span_at(3).id)
    assert row == 3
    index = model.index(3, SpanTableModel.COL_TEXT)
    assert model.data(index, SpanTableModel.SPAN_ID_ROLE) == model.span_at(3).id
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        assert model.spans() == session.aset.spans()
    assert len(session.aset) == 0 and session.aset.status == "new"


def test_note_edits_in_the_table_become_core_edits(qapp: QApplication, project: Project) -> None:
    session = _session(project)
    model = SpanTableModel()
    span = session.aset.make_span(0, 3, "entity")
    session.push(AddSpan(span))
    model.reset(session.aset.spans(), {})
    session.spans_changed.connect(model.apply)
    model.note_edited.connect(
        lambda span_id, note: session.push(set_note(session.aset, span_id, note)))
    index = model.index(0, SpanTableModel.COL_NOTE)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "مراجعة")
    assert session.aset.span(span.id).note == "مراجعة"
    assert model.data(model.index(0, SpanTableModel.COL_NOTE)) == "مراجعة"
    session.undo_stack.undo()
    assert session.aset.span(span.id).note is None and model.span_at(0).note is None


def test_session_refuses_duplicates_and_read_only_edits(project: Project) -> None:
    session = _session(project)
    span = session.aset.make_span(0, 3, "entity")
    assert session.push(AddSpan(span)) is None
    error = session.push(AddSpan(session.aset.make_span(0, 3, "entity")))
    assert error is not None and error.problem.code == "duplicate-span"
    assert session.undo_stack.count() == 1
    session.read_only = True
    assert session.push(AddSpan(session.aset.make_span(4, 10, "gift"))) is not None
    assert len(session.aset) == 1


def test_document_list_shows_status_and_counts(qapp: QApplication, project: Project,
                                               qtmodeltester: ModelTester) -> None:
    session = _session(project)
    session.push(AddSpan(session.aset.make_span(0, 3, "entity")))
    assert session.save()
    model = DocumentListModel(project, "tester")
    qtmodeltester.check(model, force_py=True)
    assert model.doc_ids() == ["a-visit", "b-crlf", "c-short"]
    assert (model.status_of("a-visit"), model.span_count("a-visit")) == ("in_progress", 1)
    assert (model.status_of("b-crlf"), model.span_count("b-crlf")) == ("new", 0)
    assert model.data(model.index(0, DocumentListModel.COL_STATUS)) == "in progress"
    model.update("b-crlf", "done", 4)
    assert model.data(model.index(1, DocumentListModel.COL_SPANS)) == 4
