"""Annotate > Suggest…: suggestions made from the window, on a worker thread.

The dialog offers which documents (all, or the one open) and which source:

- **gazetteer**: learns from gold and from every annotator's files marked
  done, as ``annotator suggest --source gazetteer`` does;
- **model**: a pipeline ``annotator train`` saved, in a folder chosen with
  Browse… (the last one used is remembered: :data:`~annotator.ui.settings.SUGGEST_MODEL`).
  Without spaCy the choice is disabled and the help under it says how to
  install it (``pip install 'annotator[ml]'``).

The run is :func:`annotator.io.suggestions.suggest` itself (the command
line's loop) in a :class:`~annotator.ui.dialogs.worker.Job`, with the run
dialog's progress bar and Cancel
(:class:`~annotator.ui.dialogs.run_dialog.RunDialog`); the model is loaded on
the worker too. When a run wrote files, ``suggested`` says so and the window
reloads the suggestions it shows.

:attr:`RunDialog.outcome` says how a run ended: ``"suggested"`` or
``"cancelled"`` (or ``"failed"``); :attr:`RunDialog.mistake_code` why it did
not start (``"not-saved"``, ``"no-model"``, ``"no-such-folder"``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from annotator.core.project import Project
from annotator.io import ml_support
from annotator.io.exchange import Progress
from annotator.io.suggestions import FOLDER, SuggestSummary, suggest
from annotator.ui import settings as keys
from annotator.ui.dialogs.run_dialog import RunDialog
from annotator.ui.settings import Settings

log = logging.getLogger(__name__)

ALL, CURRENT = "all", "current"
GAZETTEER, MODEL = "gazetteer", "model"


class SuggestDialog(RunDialog):
    """Make suggestions for the project's documents, or for ``doc_id``, from a chosen source."""

    suggested = Signal(object)  # the SuggestSummary of a run that wrote files

    def __init__(self, project: Project, doc_id: str | None, parent: QWidget | None = None,
                 before_run: Any = None, settings: Settings | None = None) -> None:
        super().__init__(self.tr("Suggest"), project, parent, before_run)
        self.setObjectName("suggest-dialog")
        self.doc_id = doc_id
        self.settings = settings
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("All documents ({count})").format(
            count=len(project.doc_ids())), ALL)
        if doc_id is not None:
            self.scope.addItem(self.tr("This document ({doc})").format(doc=doc_id), CURRENT)
        self.add_row(self.tr("&Documents:"), self.scope)

        self.source = QComboBox(self)
        self.source.setObjectName("source")
        self.source.addItem(self.tr("Gazetteer"), GAZETTEER)
        self.source.addItem(self.tr("Trained model"), MODEL)
        self.model_available = ml_support.available()
        if not self.model_available:
            self._disable_model_choice()
        self.source_help = QLabel(self)
        self.source_help.setObjectName("source-help")
        self.source_help.setWordWrap(True)
        self.add_row(self.tr("S&ource:"), self.source, self.source_help)
        self.model_folder: QLineEdit = self.add_path_row(self.tr("&Model folder:"),
                                                         "model-folder", self._browse)
        self.model_folder.setPlaceholderText(self.tr("The folder 'annotator train' saved"))
        if settings is not None:
            self.model_folder.setText(settings.get(keys.SUGGEST_MODEL))
        browse = self.findChild(QPushButton, "browse")  # the path row's Browse… button
        self.browse_button = browse if isinstance(browse, QPushButton) else None
        self.source.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self.cancel_button.setToolTip(self.tr("Stop after the document being written; those "
                                              "done keep their new suggestions"))
        self.run_button = self.add_run_button(
            self.tr("&Suggest"), "suggest", self.tr("Write the suggestions (they replace this "
                                                   "source's earlier ones)"), self.start)

    def _disable_model_choice(self) -> None:
        """No spaCy: the model cannot be chosen; its tip says how to install it."""
        model = self.source.model()
        index = self.source.findData(MODEL)
        if isinstance(model, QStandardItemModel) and index >= 0:
            item = model.item(index)
            item.setEnabled(False)
            item.setToolTip(self._needs_spacy())

    def _needs_spacy(self) -> str:
        return self.tr("Suggesting with a model needs spaCy, which is not installed; install "
                       "it with: {command}").format(command=ml_support.INSTALL)

    def chosen_source(self) -> str:
        return str(self.source.currentData())

    def _source_changed(self, *_args: object) -> None:
        model = self.chosen_source() == MODEL
        if model:
            text = self.tr("A model 'annotator train' saved: every span it predicts, with "
                           "its probability as the score")
        else:
            text = self.tr("Every span text labelled in gold or in a file marked done, with "
                           "its most frequent label")
        if not self.model_available:
            text += "\n" + self._needs_spacy()
        self.source_help.setText(text)
        self.model_folder.setEnabled(model)
        if self.browse_button is not None:
            self.browse_button.setEnabled(model)

    def _browse(self) -> None:
        start = self.model_folder.text().strip() or str(self.project.root.parent)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder"), start)
        if folder:
            self.model_folder.setText(folder)

    def chosen_doc_ids(self) -> list[str] | None:
        return [self.doc_id] if self.scope.currentData() == CURRENT and self.doc_id else None

    def chosen_model(self) -> Path | None:
        """The model folder (remembered), or None with the mistake shown."""
        text = self.model_folder.text().strip()
        if not text:
            self.show_mistake(self.tr("Choose the folder of a trained model (made by "
                                      "'annotator train')"), "no-model")
            return None
        folder = Path(text).expanduser()
        if not folder.is_dir():
            self.show_mistake(self.tr("There is no folder {folder}").format(folder=folder),
                              "no-such-folder")
            return None
        if self.settings is not None:
            self.settings.set(keys.SUGGEST_MODEL, str(folder))
        return folder

    def start(self) -> None:
        if self.before_run is not None:
            refused = self.before_run()
            if refused:
                self.show_mistake(refused, "not-saved")
                return
        source = self.chosen_source()
        model = None
        if source == MODEL:
            model = self.chosen_model()
            if model is None:
                return
        doc_ids = self.chosen_doc_ids()
        project = self.project

        def work(progress: Progress) -> SuggestSummary:
            return suggest(project, source, doc_ids, model=model, progress=progress)

        log.info("suggesting from %s for %s", source, project.root)
        self.run(work, self.tr("Loading the model…") if model is not None
                 else self.tr("Reading the labelled spans…"))

    def progress_text(self, done: int, total: int) -> str:
        return self.tr("Document {done} of {total}").format(done=done, total=total)

    def show_result(self, result: SuggestSummary) -> None:
        folder = [str(self.project.root / FOLDER / result.source)]  # where they were written
        dropped = [self.tr("{count} predicted span(s) left out: their labels are not in the "
                           "project ({labels})").format(
            count=result.dropped_unknown_labels,
            labels=", ".join(sorted(result.dropped_labels)))] if result.dropped_labels else []
        if result.finished:
            headline = self.tr("{count} suggestion(s) in {documents} document(s)").format(
                count=result.suggestions, documents=result.documents)
            self.show_outcome(headline, folder, hints=dropped, outcome="suggested")
        else:
            headline = self.tr("Cancelled after {documents} document(s) ({count} "
                               "suggestion(s) written)").format(
                documents=result.documents, count=result.suggestions)
            self.show_outcome(headline, folder if result.documents else [], hints=dropped,
                              outcome="cancelled")
        if result.documents:
            self.suggested.emit(result)
