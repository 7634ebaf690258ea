"""What the export and import dialogs share: options on top, a progress bar, the summary below.

A run goes: the options are read (a mistake is shown under them, nothing
runs), a :class:`~annotator.ui.dialogs.worker.Job` starts, the options are
disabled and the bar and a Cancel button appear; at the end the bar hides and
the outcome (a one-line headline and the driver's summary lines) fills the
lower half. The dialog stays open so the user can read it, change an option
and run again. Closing (Close, Escape, the title bar) during a run cancels it
and closes once the job has stopped: the thread is never left running behind
a deleted dialog.

Summaries are plain text in a read-only box laid out left to right (they are
the io drivers' English sentences, as the command line prints them); Arabic
document ids, annotator names and span texts inside them are ordered by Qt's
bidi algorithm, never reshaped here. Where a problem names an option that acts
on it (its :attr:`~annotator.core.errors.Problem.hint`), the dialog names the
field that sets it (:meth:`RunDialog.option_name`), and a hint under the
summary, in the interface language, says what to do. Everything else the
dialog says is translated.

Tests read what happened from codes, not from wording: :attr:`RunDialog.outcome`
(``"exported"``, ``"cancelled"``, ``"failed"``, …) and :attr:`RunDialog.mistake_code`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import Project
from annotator.io.exchange import Progress
from annotator.ui.dialogs.worker import Job

ERROR_STYLE = "color: #b00020;"


def field_name(text: str) -> str:
    """A field's label as a name in a sentence: without its ``&`` and its closing colon.

    >>> field_name("&Annotator:")
    'Annotator'
    """
    return text.replace("&", "").rstrip(":：").strip()


class RunDialog(QDialog):
    """Base of the export and import dialogs; subclasses fill :attr:`form` and call :meth:`run`."""

    def __init__(self, title: str, project: Project, parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.project = project
        self.before_run = before_run  # may refuse a run (returns why), e.g. unsaved changes
        self.setMinimumWidth(640)
        self.job: Job | None = None
        self._close_when_done = False
        self._last_total = 0
        self.outcome = ""  # what the last run came to, as a code (see show_outcome)
        self.mistake_code = ""  # why the options were refused, as a code (see show_mistake)

        self.options = QWidget(self)
        self.options.setObjectName("options")
        self.form = QFormLayout(self.options)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.mistake = self._label("mistake", ERROR_STYLE)  # wrong options: nothing ran
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(True)
        self.progress_label = self._label("progress-label")
        self.headline = self._label("headline", "font-weight: bold;")
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setReadOnly(True)
        self.summary.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # English lines
        option = QTextOption(self.summary.document().defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.summary.document().setDefaultTextOption(option)
        self.summary.setPlaceholderText(self.tr("The summary appears here when the run ends."))
        self.summary.setMinimumHeight(160)
        self.hint = self._label("hint", "color: #7a4f00;")

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(self.tr("Stop now; nothing is written"))
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.mistake)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._show_running(False)

    def add_row(self, text: str, field: QWidget, below: QWidget | None = None) -> QLabel:
        """A form row whose label (with its ``&`` shortcut) focuses ``field``."""
        label = QLabel(text, self)
        label.setBuddy(field)
        self.form.addRow(label, field)
        if below is not None:
            self.form.addRow("", below)
        return label

    def add_path_row(self, text: str, name: str, browse: Callable[[], None]) -> QLineEdit:
        """A row with a path field and a Browse… button that calls ``browse``."""
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths read left to right
        button = QPushButton(self.tr("&Browse…"), self)
        button.setObjectName("browse")
        button.clicked.connect(browse)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        label = QLabel(text, self)
        label.setBuddy(edit)
        self.form.addRow(label, row)
        return edit

    def _label(self, name: str, style: str = "") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            label.setStyleSheet(style)
        label.hide()
        return label

    def add_run_button(self, text: str, name: str, tip: str,
                       slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def run_buttons(self) -> list[QPushButton]:
        return [b for b in self.buttons.findChildren(QPushButton)
                if b not in (self.cancel_button, self.close_button)]

    # -- options named in the dialog's words -----------------------------------------
    def option_name(self, option: str) -> str | None:
        """The field that sets an option of the run (by its io name), None if none does."""
        return None

    def quoted_option(self, option: str) -> str:
        """An option as a summary line names it: its field's name in quotes (else the name)."""
        name = self.option_name(option)
        return self.tr("“{field}”").format(field=name) if name else option

    def problem_text(self, problem: Problem) -> str:
        """A problem as the summary lists it: with the field that acts on it, if any."""
        if problem.hint is None or self.option_name(problem.hint) is None:
            return str(problem)
        return str(replace(problem,
                           message=f"{problem.message} ({self.quoted_option(problem.hint)})"))

    def hint_text(self, option: str, problems: Sequence[Problem]) -> str | None:
        """What to do about ``problems`` whose hint is ``option``, in the dialog's words."""
        return None

    def hints(self, problems: Iterable[Problem]) -> list[str]:
        """One hint per option the problems name, in the order first named."""
        by_option: dict[str, list[Problem]] = {}
        for problem in problems:
            if problem.hint is not None:
                by_option.setdefault(problem.hint, []).append(problem)
        found = (self.hint_text(option, named) for option, named in by_option.items())
        return [text for text in found if text]

    # -- running -----------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def show_mistake(self, text: str, code: str = "") -> None:
        """Say why the options cannot run (``code``: the reason, for tests and logs)."""
        self.mistake_code = code if text else ""
        self.mistake.setText(text)
        self.mistake.setVisible(bool(text))

    def run(self, work: Callable[[Progress], Any], what: str) -> None:
        """Start ``work(progress)`` in a thread; ``what`` is said while it runs."""
        if self.job is not None:
            return
        self.show_mistake("")
        self.headline.hide()
        self.hint.hide()
        self.summary.clear()
        self.outcome = "running"
        self.progress.setRange(0, 0)  # busy until the first progress call
        self.progress_label.setText(what)
        self._last_total = 0
        job = self.job = Job(work, self)
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(self._on_succeeded)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._show_running(True)
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _show_running(self, running: bool) -> None:
        self.options.setEnabled(not running)
        for button in self.run_buttons():
            button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)

    def _on_progress(self, done: int, total: int) -> None:
        if self.job is None or self.job.cancel_requested:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        text = self.progress_text(done, total)
        if text:
            self.progress_label.setText(text)

    def _on_succeeded(self, result: Any) -> None:
        self.show_result(result)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, AnnotatorError):
            problems = error.problems
            headline = self.tr("{failed}: {count} problem(s); nothing was written").format(
                failed=self.failure_title(), count=len(problems))
            self.show_outcome(headline, (self.problem_text(p) for p in problems), error=True,
                              hints=self.hints(problems), outcome="failed")
        else:
            traceback.print_exception(error)
            headline = self.tr("{failed}: nothing was written").format(
                failed=self.failure_title())
            self.show_outcome(headline, [f"{type(error).__name__}: {error}"], error=True,
                              outcome="failed")

    def _on_finished(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.deleteLater()
        self._show_running(False)
        if self._close_when_done:
            super().reject()

    def show_outcome(self, headline: str, lines: Iterable[str], error: bool = False,
                     hints: Iterable[str] = (), outcome: str = "") -> None:
        """Show how a run ended; ``outcome`` says it as a code (:attr:`outcome`)."""
        self.outcome = outcome
        self.headline.setText(headline)
        self.headline.setStyleSheet("font-weight: bold;" + (ERROR_STYLE if error else ""))
        self.headline.show()
        self.summary.setPlainText("\n".join(lines))
        hint = "\n".join(hints)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    # -- for subclasses ----------------------------------------------------------
    def failure_title(self) -> str:
        return self.tr("Failed")

    def progress_text(self, done: int, total: int) -> str:
        return self.tr("{done} of {total}").format(done=done, total=total)

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    # -- closing -----------------------------------------------------------------
    def reject(self) -> None:
        if self.job is not None:  # stop first; close when the thread has ended
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
