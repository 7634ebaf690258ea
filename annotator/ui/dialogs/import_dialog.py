"""File > Import…: the ``annotator import`` options as a form, run off the GUI thread.

The dialog builds the :class:`~annotator.io.importing.ImportOptions` the
command line builds and calls the same
:func:`~annotator.io.importing.import_annotations`, so it refuses, reports and
writes exactly what the CLI would: unknown labels refused (added only with
"Add labels…"), covered texts checked, nothing shifted, nothing written when
any problem is found (unless "Import what passes…"). *Check* is the CLI's
``--dry-run``. The summary names the dialog's boxes where the command line
names flags (from each problem's ``hint``: the option that acts on it), and a
hint under it says which box to tick (or untick), in the interface language.

After a run that wrote files, :attr:`ImportDialog.imported` carries the
summary, so the window can reload what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QWidget,
)

from annotator.core.errors import Problem
from annotator.core.project import Project
from annotator.io.exchange import Progress
from annotator.io.formats import IMPORTS, Format
from annotator.io.importing import ImportOptions, ImportSummary, import_annotations
from annotator.ui.dialogs.run_dialog import RunDialog, field_name
from annotator.ui.i18n import QT_TRANSLATE_NOOP

ADD_LABELS = QT_TRANSLATE_NOOP("ImportDialog", "Add labels that are not in the project")
UTF16 = QT_TRANSLATE_NOOP("ImportDialog", "Offsets count UTF-16 code units")
REPLACE = QT_TRANSLATE_NOOP("ImportDialog", "Replace annotation files that already hold spans")
SKIP_BAD = QT_TRANSLATE_NOOP("ImportDialog", "Import what passes the checks and list the rest")
BOXES = {"add_labels": ADD_LABELS, "utf16_offsets": UTF16, "replace": REPLACE,
         "skip_bad": SKIP_BAD}  # ImportOptions field -> its box
HINTS = {  # a problem's hint (an ImportOptions field) -> what to do in this dialog
    "add_labels": QT_TRANSLATE_NOOP("ImportDialog", "Labels not in the project were refused: "
                                                    "tick “{field}” to add them to the "
                                                    "project, or fix the source."),
    "utf16_offsets": QT_TRANSLATE_NOOP("ImportDialog", "Some offsets look like UTF-16 code "
                                                       "units (a known bug of some tools): tick "
                                                       "“{field}” and check again."),
    "replace": QT_TRANSLATE_NOOP("ImportDialog", "Some annotation files already hold spans: "
                                                 "tick “{field}” to overwrite them, or choose "
                                                 "another annotator."),
}
# the utf16_offsets box was ticked, but the offsets fit only as code points
UNTICK_UTF16 = QT_TRANSLATE_NOOP("ImportDialog", "Some offsets fit the text only as code "
                                                 "points: untick “{field}” and check again.")
# io.formats' one-line descriptions and what each reads, as the dialog shows them
DESCRIPTIONS = {
    "brat": QT_TRANSLATE_NOOP("ImportDialog", "a folder of brat .txt/.ann pairs (T, R and "
                                              "AnnotatorNotes lines)"),
    "doccano": QT_TRANSLATE_NOOP("ImportDialog", "doccano JSONL, with label: [[start, end, "
                                                 "label]] or entities: [...]"),
    "labelstudio": QT_TRANSLATE_NOOP("ImportDialog", "a Label Studio JSON export "
                                                     "(annotations[].result[].value)"),
    "jsonl": QT_TRANSLATE_NOOP("ImportDialog", "Annotator's own JSONL export, read back"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def is_folder_format(fmt: Format) -> bool:
    """brat reads a folder (or one .ann file); the others read one file."""
    return fmt.files.startswith("FOLDER")


class ImportDialog(RunDialog):
    """Import into ``project``; ``before_run`` may refuse (returns why), e.g. unsaved changes."""

    imported = Signal(object)  # the ImportSummary of a run that wrote files

    def __init__(self, project: Project, annotators: list[str] | None = None,
                 parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(self.tr("Import — {project}").format(project=project.name), project,
                         parent, before_run)
        self.setObjectName("import-dialog")
        self.last_summary: ImportSummary | None = None
        self._ran_with: ImportOptions | None = None

        self.format = QComboBox(self)
        self.format.setObjectName("format")
        for fmt in IMPORTS:
            self.format.addItem(fmt.name, fmt.name)
        self.format_help = QLabel(self)
        self.format_help.setObjectName("format-help")
        self.format_help.setWordWrap(True)
        self.format.currentIndexChanged.connect(self._describe_format)
        self.add_row(self.tr("&Format:"), self.format, self.format_help)

        self.source = self.add_path_row(self.tr("&Source:"), "source", self._browse)

        self.annotator = QComboBox(self)
        self.annotator.setObjectName("annotator")
        self.annotator.setEditable(True)
        self.annotator.setMinimumContentsLength(48)  # room for the placeholder
        self.annotator.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.annotator.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = list(dict.fromkeys([*(annotators or []), *project.annotators()]))
        self.annotator.addItem("")
        self.annotator.addItems(names)
        line = self.annotator.lineEdit()
        assert line is not None  # editable combo boxes have one
        line.setPlaceholderText(self.tr("empty: the annotator the source names, else the "
                                        "format's name"))
        self.annotator.setToolTip(self.tr("Whose annotations these become: "
                                          "annotations/<name>/"))
        self.add_row(self.tr("&Annotator:"), self.annotator)

        self.add_labels = self._check(tr(ADD_LABELS), "add-labels",
                                      self.tr("to project.json, with new colours"))
        self.utf16 = self._check(tr(UTF16), "utf16-offsets",
                                 self.tr("read every offset of the source as UTF-16 code units "
                                         "(Label Studio and doccano had this bug)"))
        self.replace = self._check(tr(REPLACE), "replace",
                                   self.tr("the files' current spans are lost"))
        self.skip_bad = self._check(tr(SKIP_BAD), "skip-bad",
                                    self.tr("otherwise nothing is written when anything is "
                                            "wrong"))

        self.check_button = self.add_run_button(
            self.tr("C&heck"), "check", self.tr("Read and check the source; write nothing"),
            lambda: self.start(True))
        self.import_button = self.add_run_button(
            self.tr("&Import"), "import", self.tr("Check, then write the annotations"),
            lambda: self.start(False))
        self.import_button.setDefault(True)
        self._describe_format()
        self.source.setFocus()

    def _check(self, text: str, name: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.setToolTip(tip)
        self.form.addRow("", box)
        return box

    def chosen_format(self) -> Format:
        return IMPORTS[self.format.currentIndex()]

    def _describe_format(self) -> None:
        fmt = self.chosen_format()
        description = tr(DESCRIPTIONS[fmt.name]) if fmt.name in DESCRIPTIONS else fmt.description
        self.format_help.setText(self.tr("{description}.\nReads {files}").format(
            description=description, files=fmt.files))
        self.source.setPlaceholderText(self.tr("a folder of .txt/.ann pairs (or one .ann file)")
                                       if is_folder_format(fmt) else self.tr("a file"))

    def _browse(self) -> None:
        start = self.source.text().strip() or str(self.project.root.parent)
        if is_folder_format(self.chosen_format()):
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"), start)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("File to import"), start,
                self.tr("JSON and JSONL (*.json *.jsonl);;All files (*)"))
        if chosen:
            self.source.setText(chosen)

    # -- the dialog's words for the driver's options ---------------------------------
    def option_name(self, option: str) -> str | None:
        return field_name(tr(BOXES[option])) if option in BOXES else None

    def hint_text(self, option: str, problems: Sequence[Problem]) -> str | None:
        name = self.option_name(option)
        if name is None:
            return None
        if option == "utf16_offsets" and self._ran_with is not None \
                and self._ran_with.utf16_offsets:
            return tr(UNTICK_UTF16).format(field=name)
        return tr(HINTS[option]).format(field=name) if option in HINTS else None

    # -- options -------------------------------------------------------------------
    def options_value(self, dry_run: bool = False) -> ImportOptions:
        """The options as the form says; ValueError (shown to the user) for a mistake.

        The error's second argument is the mistake's code.
        """
        text = self.source.text().strip()
        if not text:
            raise ValueError(self.tr("Choose the file or folder to import."), "no-source")
        path = Path(text).expanduser()
        if not path.is_absolute():
            raise ValueError(self.tr("The source must be a full path, not {path}.").format(
                path=repr(text)), "relative-source")
        if not path.exists():
            raise ValueError(self.tr("{path}: no such file or folder.").format(path=path),
                             "missing-source")
        annotator = self.annotator.currentText().strip() or None
        return ImportOptions(self.format.currentData(), path, annotator,
                             self.add_labels.isChecked(), self.utf16.isChecked(),
                             self.replace.isChecked(), self.skip_bad.isChecked(), dry_run)

    def set_options(self, options: ImportOptions) -> None:
        """Fill the form (used by tests and by callers that remember choices)."""
        self.format.setCurrentIndex(self.format.findData(options.format))
        self.source.setText(str(options.path))
        self.annotator.setCurrentText(options.annotator or "")
        self.add_labels.setChecked(options.add_labels)
        self.utf16.setChecked(options.utf16_offsets)
        self.replace.setChecked(options.replace)
        self.skip_bad.setChecked(options.skip_bad)

    # -- running -------------------------------------------------------------------
    def start(self, dry_run: bool = False) -> None:
        try:
            options = self.options_value(dry_run)
        except ValueError as exc:
            self.show_mistake(str(exc.args[0]), str(exc.args[1]) if len(exc.args) > 1 else "")
            return
        refusal = self.before_run() if self.before_run is not None and not dry_run else None
        if refusal:
            self.show_mistake(refusal, "refused")
            return
        project = self.project

        def work(progress: Progress) -> ImportSummary:
            return import_annotations(project, options, progress)

        self.last_summary = None
        self._ran_with = options
        what = (self.tr("Checking {source} ({format})…") if dry_run
                else self.tr("Importing {source} ({format})…"))
        self.run(work, what.format(source=options.path.name, format=options.format))

    def failure_title(self) -> str:
        return self.tr("Import failed")

    def progress_text(self, done: int, total: int) -> str:
        return self.tr("Reading and checking: {done} of {total} source documents").format(
            done=done, total=total)

    def show_result(self, result: ImportSummary) -> None:
        self.last_summary = result
        lines = result.lines(self.problem_text, self.quoted_option)
        if result.cancelled:
            self.show_outcome(self.tr("Import cancelled: nothing was written"), lines,
                              outcome="cancelled")
            return
        hints = self.hints([*result.problems, *result.warnings])
        problems = self.tr("{count} problem(s)").format(count=len(result.problems))
        warned = self.tr(", {count} warning(s)").format(count=len(result.warnings)) \
            if result.warnings else ""
        if result.dry_run:
            headline = self.tr("Check: {spans} span(s) would be imported into {files} file(s); "
                               "{problems}{warnings}.")
            outcome = "checked"
        elif result.written and result.problems:
            headline = self.tr("Imported {spans} span(s) into {files} annotation file(s) from "
                               "{read} source document(s); {problems} left out{warnings}.")
            outcome = "imported"
        elif result.written:
            headline = self.tr("Imported {spans} span(s) into {files} annotation file(s) from "
                               "{read} source document(s){warnings}.")
            outcome = "imported"
        else:
            headline = self.tr("Nothing was imported: {problems}{warnings}.")
            outcome = "refused"
        headline = headline.format(spans=result.spans, files=len(result.written),
                                   read=result.read, problems=problems, warnings=warned)
        self.show_outcome(headline, lines, error=bool(result.problems), hints=hints,
                          outcome=outcome)
        if result.written and not result.dry_run:
            self.imported.emit(result)
