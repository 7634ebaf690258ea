"""File > Export…: the ``annotator export`` options as a form, run off the GUI thread.

The dialog builds the very :class:`~annotator.io.exporting.ExportOptions` the
command line builds (same defaults: gold, refusing documents without a gold
file; any status; one split named ``all``; seed 0) and calls the same
:func:`~annotator.io.exporting.export_project`, so a dialog export and a CLI
export with the same options write the same bytes. The driver writes into a
staging folder and moves it into place only at the end, so Cancel (or any
failure) leaves nothing in the output folder. The summary shown at the end is
the CLI's, with every dropped span listed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.core.project import GOLD, Project
from annotator.io.exchange import Progress
from annotator.io.exporting import (
    ExportOptions,
    ExportSummary,
    StatusFilter,
    export_project,
    parse_split,
)
from annotator.io.formats import EXPORTS, Format
from annotator.ui.dialogs.run_dialog import RunDialog, in_dialog_words

DEFAULT_SPLIT = "train=0.8,dev=0.1,test=0.1"
STATUS_CHOICES: tuple[tuple[StatusFilter, str], ...] = (
    ("any", "Any status"), ("done", "Done only"), ("in_progress", "In progress only"))
GOLD_CHOICE = "Gold (documents without a gold file are refused)"
OPTION_NAMES = {
    "--annotator": "“Annotator”",
    "--overwrite": "“Replace what the folder holds”",
}


def available(fmt: Format) -> bool:
    """Whether the optional package a format needs is installed."""
    return fmt.needs is None or importlib.util.find_spec(fmt.needs) is not None


class ExportDialog(RunDialog):
    """Export ``project``; ``before_run`` may refuse (returns why), e.g. unsaved changes.

    ``annotators`` are offered besides those with a folder in the project (the
    window's annotator, whose first file may not be saved yet).
    """

    failure_title = "Export failed"

    def __init__(self, project: Project, annotators: list[str] | None = None,
                 parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(f"Export — {project.name}", project, parent, before_run)
        self.setObjectName("export-dialog")
        self.last_summary: ExportSummary | None = None
        self._running_format = ""

        self.format = QComboBox(self)
        self.format.setObjectName("format")
        for fmt in EXPORTS:
            text = fmt.name if available(fmt) else f"{fmt.name} (needs {fmt.needs})"
            self.format.addItem(text, fmt.name)
        self.format_help = QLabel(self)
        self.format_help.setObjectName("format-help")
        self.format_help.setWordWrap(True)
        self.format.currentIndexChanged.connect(self._describe_format)
        self.add_row("&Format:", self.format, self.format_help)

        self.annotator = QComboBox(self)
        self.annotator.setObjectName("annotator")
        self.annotator.addItem(GOLD_CHOICE, None)
        for name in sorted({*(annotators or []), *project.annotators()}):
            self.annotator.addItem(name, name)
        self.add_row("&Annotator:", self.annotator)

        self.status = QComboBox(self)
        self.status.setObjectName("status")
        for value, text in STATUS_CHOICES:
            self.status.addItem(text, value)
        self.add_row("S&tatus:", self.status)

        self.split_on = QCheckBox("&Split by document:", self)
        self.split_on.setObjectName("split-on")
        self.split = QLineEdit(DEFAULT_SPLIT, self)
        self.split.setObjectName("split")
        self.split.setToolTip("NAME=FRACTION pairs adding up to 1; without a split, every "
                              "document goes to one split named 'all'")
        self.seed = QSpinBox(self)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip("Seed of the deterministic shuffle of documents into splits")
        row = QHBoxLayout()
        row.addWidget(self.split, 1)
        row.addWidget(QLabel("Seed:", self))
        row.addWidget(self.seed)
        self.split_on.toggled.connect(self._enable_split)
        self.form.addRow(self.split_on, row)
        self._enable_split(False)

        self.out = self.add_path_row("&Output folder:", "out", self._browse)
        self.out.setPlaceholderText("an empty folder (created if missing)")
        self.overwrite = QCheckBox("&Replace what the folder holds when it is not empty", self)
        self.overwrite.setObjectName("overwrite")
        self.form.addRow("", self.overwrite)

        self.export_button = self.add_run_button(
            "&Export", "export", "Write the files (nothing is written if anything goes wrong)",
            self.start)
        self.export_button.setDefault(True)
        self._describe_format()
        self.out.setFocus()

    def _enable_split(self, on: bool) -> None:
        self.split.setEnabled(on)
        self.seed.setEnabled(on)

    def chosen_format(self) -> Format:
        return EXPORTS[self.format.currentIndex()]

    def _describe_format(self) -> None:
        fmt = self.chosen_format()
        text = f"{fmt.description}.\nWrites {fmt.files}"
        if not available(fmt):
            text += (f"\nThis format needs the '{fmt.needs}' package, which is not installed; "
                     f"install it with: {fmt.install}")
        self.format_help.setText(text)

    def _browse(self) -> None:
        start = self.out.text().strip() or str(self.project.root.parent)
        folder = QFileDialog.getExistingDirectory(self, "Output folder", start)
        if folder:
            self.out.setText(folder)

    # -- options -------------------------------------------------------------------
    def options_value(self) -> ExportOptions:
        """The options as the form says; ValueError (shown to the user) for a mistake."""
        out_text = self.out.text().strip()
        if not out_text:
            raise ValueError("Choose an output folder.")
        out = Path(out_text).expanduser()
        if not out.is_absolute():
            raise ValueError(f"The output folder must be a full path, not {out_text!r}.")
        split: tuple[tuple[str, float], ...] = ()
        seed = 0
        if self.split_on.isChecked():
            try:
                split = parse_split(self.split.text())
            except ValueError as exc:
                raise ValueError(f"Split: {exc}.") from None
            seed = self.seed.value()
        annotator = self.annotator.currentData()
        return ExportOptions(self.format.currentData(), out, annotator,
                             self.status.currentData(), split, seed, self.overwrite.isChecked())

    def set_options(self, options: ExportOptions) -> None:
        """Fill the form (used by tests and by callers that remember choices)."""
        self.format.setCurrentIndex(self.format.findData(options.format))
        self.annotator.setCurrentIndex(self.annotator.findData(options.annotator))
        self.status.setCurrentIndex(self.status.findData(options.status))
        self.split_on.setChecked(bool(options.split))
        if options.split:
            self.split.setText(",".join(f"{name}={fraction:g}" for name, fraction in options.split))
            self.seed.setValue(options.seed)
        self.out.setText(str(options.out))
        self.overwrite.setChecked(options.overwrite)

    # -- running -------------------------------------------------------------------
    def start(self) -> None:
        try:
            options = self.options_value()
        except ValueError as exc:
            self.show_mistake(str(exc))
            return
        refusal = self.before_run() if self.before_run is not None else None
        if refusal:
            self.show_mistake(refusal)
            return
        project = self.project

        def work(progress: Progress) -> ExportSummary:
            return export_project(project, options, progress)

        self.last_summary = None
        self._running_format = options.format
        who = options.annotator or GOLD
        self.run(work, f"Exporting {who}'s annotations as {options.format}…")

    def progress_text(self, done: int, total: int) -> str:
        half = total // 2  # the driver reads every document, then writes each
        if done <= half:
            return f"Reading annotations: {done} of {half} documents"
        return f"Writing {self._running_format}: {done - half} of {half} documents"

    def show_result(self, result: ExportSummary) -> None:
        self.last_summary = result
        if result.cancelled:
            self.show_outcome("Export cancelled: nothing was written", [])
            return
        headline = (f"Exported {result.documents} document(s): {result.spans_written} span(s) "
                    f"written, {result.spans_dropped} dropped.")
        self.show_outcome(headline, self.summary_lines(result))

    @staticmethod
    def summary_lines(result: ExportSummary) -> list[str]:
        return [in_dialog_words(line, OPTION_NAMES) for line in result.lines(-1)]

    def _on_failed(self, error: BaseException) -> None:
        super()._on_failed(error)
        self.summary.setPlainText(in_dialog_words(self.summary.toPlainText(), OPTION_NAMES))
