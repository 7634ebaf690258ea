"""File > Export…: the ``annotator export`` options as a form, run off the GUI thread.

The dialog builds the very :class:`~annotator.io.exporting.ExportOptions` the
command line builds (same defaults: gold, refusing documents without a gold
file; any status; one split named ``all``; seed 0) and calls the same
:func:`~annotator.io.exporting.export_project`, so a dialog export and a CLI
export with the same options write the same bytes. The driver writes into a
staging folder and moves it into place only at the end, so Cancel (or any
failure) leaves nothing in the output folder. The summary shown at the end is
the CLI's, with every dropped span listed; a refusal names the dialog's field
where the CLI names a flag, and says what to do in the interface language.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
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

from annotator.core.errors import Problem
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
from annotator.ui.dialogs.export_summary import summary_lines
from annotator.ui.dialogs.run_dialog import RunDialog, field_name
from annotator.ui.i18n import QT_TRANSLATE_NOOP

DEFAULT_SPLIT = "train=0.8,dev=0.1,test=0.1"
STATUS_CHOICES: tuple[tuple[StatusFilter, str], ...] = (
    ("any", QT_TRANSLATE_NOOP("ExportDialog", "Any status")),
    ("done", QT_TRANSLATE_NOOP("ExportDialog", "Done only")),
    ("in_progress", QT_TRANSLATE_NOOP("ExportDialog", "In progress only")))
GOLD_CHOICE = QT_TRANSLATE_NOOP("ExportDialog", "Gold (documents without a gold file are refused)")
# io.formats' one-line descriptions, as the dialog shows them (translated)
DESCRIPTIONS = {
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "one JSON object per document: id, text, "
                                               "annotator, status, spans"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "IOB2 tags, one 'token<TAB>tag' line per token, "
                                               "a blank line between sentences"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff: the text unchanged and T/R/# "
                                              "lines, offsets in code points"),
    "spacy": QT_TRANSLATE_NOOP("ExportDialog", "spaCy DocBin: tokens, sentences, flat entities, "
                                               "and every span in doc.spans['sc']"),
    "hf": QT_TRANSLATE_NOOP("ExportDialog", "Hugging Face token classification: id, tokens, "
                                            "ner_tags per sentence"),
}
ANNOTATOR_LABEL = QT_TRANSLATE_NOOP("ExportDialog", "&Annotator:")
OVERWRITE = QT_TRANSLATE_NOOP("ExportDialog", "&Replace what the folder holds when it is not "
                                              "empty")
HINTS = {  # a problem's hint (an ExportOptions field) -> what to do in this dialog
    "annotator": QT_TRANSLATE_NOOP("ExportDialog", "Documents without a gold file were "
                                                   "refused: choose whose annotations to export "
                                                   "in “{field}”, or settle gold first in "
                                                   "review mode."),
    "overwrite": QT_TRANSLATE_NOOP("ExportDialog", "The output folder holds an earlier export: "
                                                   "tick “{field}” to replace it, or choose "
                                                   "another folder."),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def available(fmt: Format) -> bool:
    """Whether the optional package a format needs is installed."""
    return fmt.needs is None or importlib.util.find_spec(fmt.needs) is not None


class ExportDialog(RunDialog):
    """Export ``project``; ``before_run`` may refuse (returns why), e.g. unsaved changes.

    ``annotators`` are offered besides those with a folder in the project (the
    window's annotator, whose first file may not be saved yet).
    """

    def __init__(self, project: Project, annotators: list[str] | None = None,
                 parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(self.tr("Export — {project}").format(project=project.name), project,
                         parent, before_run)
        self.setObjectName("export-dialog")
        self.last_summary: ExportSummary | None = None
        self._running_format = ""

        self.format = QComboBox(self)
        self.format.setObjectName("format")
        for fmt in EXPORTS:
            text = fmt.name if available(fmt) else self.tr("{format} (needs {package})").format(
                format=fmt.name, package=fmt.needs)
            self.format.addItem(text, fmt.name)
        self.format_help = QLabel(self)
        self.format_help.setObjectName("format-help")
        self.format_help.setWordWrap(True)
        self.format.currentIndexChanged.connect(self._describe_format)
        self.add_row(self.tr("&Format:"), self.format, self.format_help)

        self.annotator = QComboBox(self)
        self.annotator.setObjectName("annotator")
        self.annotator.addItem(tr(GOLD_CHOICE), None)
        for name in sorted({*(annotators or []), *project.annotators()}):
            self.annotator.addItem(name, name)
        self.add_row(tr(ANNOTATOR_LABEL), self.annotator)

        self.status = QComboBox(self)
        self.status.setObjectName("status")
        for value, text in STATUS_CHOICES:
            self.status.addItem(tr(text), value)
        self.add_row(self.tr("S&tatus:"), self.status)

        self.split_on = QCheckBox(self.tr("&Split by document:"), self)
        self.split_on.setObjectName("split-on")
        self.split = QLineEdit(DEFAULT_SPLIT, self)
        self.split.setObjectName("split")
        self.split.setToolTip(self.tr("NAME=FRACTION pairs adding up to 1; without a split, "
                                      "every document goes to one split named 'all'"))
        self.seed = QSpinBox(self)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Seed of the deterministic shuffle of documents into "
                                     "splits"))
        row = QHBoxLayout()
        row.addWidget(self.split, 1)
        row.addWidget(QLabel(self.tr("Seed:"), self))
        row.addWidget(self.seed)
        self.split_on.toggled.connect(self._enable_split)
        self.form.addRow(self.split_on, row)
        self._enable_split(False)

        self.out = self.add_path_row(self.tr("&Output folder:"), "out", self._browse)
        self.out.setPlaceholderText(self.tr("an empty folder (created if missing)"))
        self.overwrite = QCheckBox(tr(OVERWRITE), self)
        self.overwrite.setObjectName("overwrite")
        self.form.addRow("", self.overwrite)

        self.export_button = self.add_run_button(
            self.tr("&Export"), "export",
            self.tr("Write the files (nothing is written if anything goes wrong)"), self.start)
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
        description = tr(DESCRIPTIONS[fmt.name]) if fmt.name in DESCRIPTIONS else fmt.description
        text = self.tr("{description}.\nWrites {files}").format(description=description,
                                                               files=fmt.files)
        if not available(fmt):
            text += "\n" + self.tr("This format needs the '{package}' package, which is not "
                                   "installed; install it with: {command}").format(
                                       package=fmt.needs, command=fmt.install)
        self.format_help.setText(text)

    def _browse(self) -> None:
        start = self.out.text().strip() or str(self.project.root.parent)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), start)
        if folder:
            self.out.setText(folder)

    # -- the dialog's words for the driver's options ---------------------------------
    def option_name(self, option: str) -> str | None:
        names = {"annotator": ANNOTATOR_LABEL, "overwrite": OVERWRITE}
        return field_name(tr(names[option])) if option in names else None

    def hint_text(self, option: str, problems: Sequence[Problem]) -> str | None:
        name = self.option_name(option)
        return tr(HINTS[option]).format(field=name) if option in HINTS and name else None

    # -- options -------------------------------------------------------------------
    def options_value(self) -> ExportOptions:
        """The options as the form says; ValueError (shown to the user) for a mistake.

        The error's second argument is the mistake's code.
        """
        out_text = self.out.text().strip()
        if not out_text:
            raise ValueError(self.tr("Choose an output folder."), "no-output")
        out = Path(out_text).expanduser()
        if not out.is_absolute():
            raise ValueError(self.tr("The output folder must be a full path, not {path}.")
                             .format(path=repr(out_text)), "relative-output")
        split: tuple[tuple[str, float], ...] = ()
        seed = 0
        if self.split_on.isChecked():
            try:
                split = parse_split(self.split.text())
            except ValueError as exc:
                raise ValueError(self.tr("Split: {reason}.").format(reason=exc),
                                 "bad-split") from None
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
            self.show_mistake(str(exc.args[0]), str(exc.args[1]) if len(exc.args) > 1 else "")
            return
        refusal = self.before_run() if self.before_run is not None else None
        if refusal:
            self.show_mistake(refusal, "refused")
            return
        project = self.project

        def work(progress: Progress) -> ExportSummary:
            return export_project(project, options, progress)

        self.last_summary = None
        self._running_format = options.format
        who = options.annotator or GOLD
        self.run(work, self.tr("Exporting {annotator}'s annotations as {format}…").format(
            annotator=who, format=options.format))

    def failure_title(self) -> str:
        return self.tr("Export failed")

    def progress_text(self, done: int, total: int) -> str:
        half = total // 2  # the driver reads every document, then writes each
        if done <= half:
            return self.tr("Reading annotations: {done} of {total} documents").format(
                done=done, total=half)
        return self.tr("Writing {format}: {done} of {total} documents").format(
            format=self._running_format, done=done - half, total=half)

    def show_result(self, result: ExportSummary) -> None:
        self.last_summary = result
        if result.cancelled:
            self.show_outcome(self.tr("Export cancelled: nothing was written"), [],
                              outcome="cancelled")
            return
        headline = self.tr("Exported {documents} document(s): {written} span(s) written, "
                           "{dropped} dropped.").format(documents=result.documents,
                                                         written=result.spans_written,
                                                         dropped=result.spans_dropped)
        self.show_outcome(headline, self.summary_lines(result), outcome="exported")

    def summary_lines(self, result: ExportSummary) -> list[str]:
        return summary_lines(result)
