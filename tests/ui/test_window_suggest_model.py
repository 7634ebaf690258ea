"""Annotate > Suggest… with a trained model (folder remembered, disabled without spaCy, Cancel);
"least confident first" by the model's confidence; Ctrl+PgDown follows the list as shown."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from annotator.core.project import Project
from annotator.io import suggestions as suggestions_module
from annotator.io.project_file import open_project
from annotator.io.suggestion_quality import Confidence
from annotator.ui import settings as keys
from annotator.ui.dialogs import suggest_dialog
from annotator.ui.dialogs.suggest_dialog import GAZETTEER, MODEL, SuggestDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.models.document_filter import LEAST_CONFIDENT, DocumentFilterModel
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.settings import Settings
from tests.io.training_data import make_project
from tests.ui.conftest import DOCS, SHORT, VISIT, scripted, wait_saved
from tests.ui.test_window_suggestions import write_suggestions

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model trained on a dozen documents of our own (seconds; needs spaCy)."""
    pytest.importorskip("spacy")
    from annotator.io.training import train

    base = tmp_path_factory.mktemp("model")
    root = make_project(base / "project", count=12)
    train(open_project(root), base / "model", max_steps=8)
    return base / "model"


def _dialog(qtbot: QtBot, project: Project, settings: Settings,
            doc_id: str | None = None) -> SuggestDialog:
    dialog = SuggestDialog(project, doc_id, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog: SuggestDialog, source: str) -> None:
    dialog.source.setCurrentIndex(dialog.source.findData(source))


def test_the_model_source_runs_on_a_worker_and_its_folder_is_remembered(
        qtbot: QtBot, project: Project, settings: Settings, model_folder: Path) -> None:
    dialog = _dialog(qtbot, project, settings)
    assert dialog.chosen_source() == GAZETTEER and not dialog.model_folder.isEnabled()
    _choose(dialog, MODEL)
    assert dialog.model_folder.isEnabled()
    assert dialog.browse_button is not None and dialog.browse_button.isEnabled()
    dialog.model_folder.setText(str(model_folder))
    dialog.run_button.click()
    assert dialog.running and not dialog.options.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.outcome == "suggested", dialog.summary.toPlainText()
    written = sorted(p.stem for p in (project.root / "suggestions" / "model").glob("*.json"))
    assert written == sorted(DOCS)
    assert dialog.progress.value() == dialog.progress.maximum() == len(DOCS)
    assert settings.get(keys.SUGGEST_MODEL) == str(model_folder)
    again = _dialog(qtbot, project, settings)
    assert again.model_folder.text() == str(model_folder)


def test_a_missing_model_folder_is_a_mistake_and_nothing_runs(
        qtbot: QtBot, project: Project, settings: Settings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, project, settings)
    _choose(dialog, MODEL)
    dialog.model_folder.setText("")
    dialog.run_button.click()
    assert dialog.mistake_code == "no-model" and not dialog.running
    dialog.model_folder.setText(str(tmp_path / "nowhere"))
    dialog.run_button.click()
    assert dialog.mistake_code == "no-such-folder" and not dialog.running
    assert not (project.root / "suggestions").exists()
    assert settings.get(keys.SUGGEST_MODEL) == ""


def test_a_folder_that_is_no_model_fails_with_the_loaders_problem(
        qtbot: QtBot, project: Project, settings: Settings, tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    dialog = _dialog(qtbot, project, settings)
    _choose(dialog, MODEL)
    dialog.model_folder.setText(str(tmp_path))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.outcome == "failed"
    assert not (project.root / "suggestions" / "model").exists()


def test_without_spacy_the_model_cannot_be_chosen_and_the_tip_says_how_to_install(
        qtbot: QtBot, project: Project, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggest_dialog.ml_support, "available", lambda: False)
    dialog = _dialog(qtbot, project, settings)
    model = dialog.source.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(dialog.source.findData(MODEL))
    assert not item.isEnabled()
    assert "pip install 'annotator[ml]'" in item.toolTip()
    assert "pip install 'annotator[ml]'" in dialog.source_help.text()
    assert dialog.chosen_source() == GAZETTEER


def test_cancel_stops_before_the_documents_not_reached(
        qtbot: QtBot, project: Project, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    known = suggestions_module.known_texts

    def held(*args: object, **kwargs: object) -> dict[str, tuple[str, float]]:
        release.wait(10)  # the gazetteer is still learning when Cancel is pressed
        return known(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(suggestions_module, "known_texts", held)
    dialog = _dialog(qtbot, project, settings)
    dialog.run_button.click()
    dialog.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.outcome == "cancelled"
    assert not (project.root / "suggestions").exists()  # stopped before the first document


# -- the document list's order ----------------------------------------------------------


def _order(window: MainWindow) -> list[str]:
    proxy = window.documents.filter
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def _least_confident(qtbot: QtBot, window: MainWindow, expected: list[str]) -> None:
    combo = window.document_filter.order
    combo.setCurrentIndex(combo.findData(LEAST_CONFIDENT))
    qtbot.waitUntil(lambda: _order(window) == expected, timeout=5000)


def test_least_confident_first_follows_the_model_when_it_has_suggestions(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)  # gazetteer: a-visit lowest 0.5
    write_suggestions(project, "c-short", SHORT, [("القطار", "gift", 0.2)])  # gazetteer 0.2
    window = make_window()
    tip_before = window.document_filter.order.toolTip()
    _least_confident(qtbot, window, ["c-short", "a-visit", "b-crlf"])
    assert window.documents.filter.basis is None
    tip_any = window.document_filter.order.toolTip()
    assert tip_any != tip_before
    # the model is sure of c-short and unsure of a-visit: its order wins over the gazetteer's
    write_suggestions(project, "a-visit", VISIT, [("فلاديفوستوك", "entity", 0.3)],
                      source="model")
    write_suggestions(project, "c-short", SHORT, [("القطار", "gift", 0.9)], source="model")
    qtbot.waitUntil(lambda: _order(window) == ["a-visit", "c-short", "b-crlf"], timeout=5000)
    assert window.documents.filter.basis == "model"
    assert window.document_filter.order.toolTip() not in (tip_before, tip_any)
    wait_saved(qtbot, window)


def test_next_document_follows_the_list_as_sorted_and_filtered(
        qtbot: QtBot, project: Project, make_window: Callable[..., MainWindow]) -> None:
    write_suggestions(project)  # a-visit 0.5
    write_suggestions(project, "c-short", SHORT, [("القطار", "gift", 0.2)])
    window = make_window("c-short")
    ws = window.workspace
    _least_confident(qtbot, window, ["c-short", "a-visit", "b-crlf"])
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert ws.current_doc_id == "a-visit"
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert ws.current_doc_id == "b-crlf"
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # the last one shown: stays
    assert ws.current_doc_id == "b-crlf" and scripted(window).last == "no-more-documents"
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert ws.current_doc_id == "a-visit"
    # filtered: the open document hidden, the steps go from where it would stand
    window.document_filter.text.setText("r")  # shows c-short and b-crlf only
    assert _order(window) == ["c-short", "b-crlf"]
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    assert ws.current_doc_id == "b-crlf"
    window.document_filter.text.setText("")
    ws.open_document("a-visit")
    window.document_filter.text.setText("r")
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)
    assert ws.current_doc_id == "c-short"
    wait_saved(qtbot, window)


# -- stepping through the proxy, against the plain definition ----------------------------


@pytest.fixture
def proxy(qtbot: QtBot) -> Iterator[tuple[QStandardItemModel, DocumentFilterModel]]:
    source = QStandardItemModel()
    model = DocumentFilterModel()
    model.setSourceModel(source)
    yield source, model


def _fill(source: QStandardItemModel, count: int) -> list[str]:
    source.clear()
    ids = [f"d{n:02d}" for n in range(count)]
    for doc_id in ids:
        item = QStandardItem(doc_id)
        item.setData(doc_id, DocumentListModel.DOC_ID_ROLE)
        source.appendRow([item])
    return ids


@hsettings(max_examples=60, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture])  # refilled each time
@given(count=st.integers(0, 25), data=st.data())
def test_shown_step_is_the_next_row_shown_in_the_list_order(
        proxy: tuple[QStandardItemModel, DocumentFilterModel], count: int,
        data: st.DataObject) -> None:
    source, model = proxy
    ids = _fill(source, count)
    scores = data.draw(st.dictionaries(st.sampled_from(ids), st.sampled_from([0.1, 0.5, 0.9]))
                       if ids else st.just({}))
    sorted_ = data.draw(st.booleans())
    text = data.draw(st.sampled_from(["", "1", "0", "d", "2"]))
    model.set_order(LEAST_CONFIDENT if sorted_ else "")
    model.set_confidence(Confidence(None, scores))
    model.set_filter("", text)
    current = data.draw(st.none() | st.integers(0, count - 1)) if count else None
    step = data.draw(st.sampled_from([1, 2, -1, -2]))

    def key(row: int) -> tuple[float, int]:
        return (scores.get(ids[row], 2.0) if sorted_ else 0.0, row)

    everything = sorted(range(count), key=key)  # the list's order, hidden rows included
    shown = [row for row in everything if text in ids[row]]
    assert [model.mapToSource(model.index(i, 0)).row() for i in range(model.rowCount())] \
        == shown
    if current is None:
        target = step - 1 if step > 0 else len(shown) + step
    elif current in shown:
        target = shown.index(current) + step
    else:  # hidden: counted from where it stands in the whole order
        before = sum(1 for row in everything[:everything.index(current)] if row in shown)
        target = before + step - 1 if step > 0 else before + step
    expected = shown[target] if 0 <= target < len(shown) else None
    assert model.shown_step(current, step) == expected
