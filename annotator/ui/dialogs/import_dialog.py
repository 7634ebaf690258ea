"""File > Import…: the ``annotator import`` options as a form, run off the GUI thread.

The dialog builds the :class:`~annotator.io.importing.ImportOptions` the
command line builds and calls the same
:func:`~annotator.io.importing.import_annotations`, so it refuses, reports and
writes exactly what the CLI would: unknown labels refused (added only with
"Add labels…"), covered texts checked, nothing shifted, nothing written when
any problem is found (unless "Import what passes…"). *Check* is the CLI's
``--dry-run``. The summary names the dialog's fields where the driver's lines
name command-line options, and a hint under it says which box to tick when
labels were refused or offsets look like UTF-16 code units.

After a run that wrote files, :attr:`ImportDialog.imported` carries the
summary, so the window can reload what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QWidget,
)

from annotator.core.project import Project
from annotator.io.exchange import Progress
from annotator.io.formats import IMPORTS, Format
from annotator.io.importing import ImportOptions, ImportSummary, import_annotations
from annotator.ui.dialogs.run_dialog import RunDialog, in_dialog_words

ADD_LABELS = "Add labels that are not in the project"
UTF16 = "Offsets count UTF-16 code units"
REPLACE = "Replace annotation files that already hold spans"
SKIP_BAD = "Import what passes the checks and list the rest"
OPTION_NAMES = {
    "--add-labels": f"“{ADD_LABELS}”",
    "--utf16-offsets": f"“{UTF16}”",
    "--replace": f"“{REPLACE}”",
    "--skip-bad": f"“{SKIP_BAD}”",
}
HINTS = {  # problem or warning code -> what to do in this dialog
    "unknown-label": f"Labels not in the project were refused: tick “{ADD_LABELS}” to add "
                     "them to the project, or fix the source.",
    "utf16-offsets": f"Some offsets look like UTF-16 code units (a known bug of some tools): "
                     f"tick “{UTF16}” and check again.",
    "target-exists": f"Some annotation files already hold spans: tick “{REPLACE}” to overwrite "
                     "them, or choose another annotator.",
}


def is_folder_format(fmt: Format) -> bool:
    """brat reads a folder (or one .ann file); the others read one file."""
    return fmt.files.startswith("FOLDER")


class ImportDialog(RunDialog):
    """Import into ``project``; ``before_run`` may refuse (returns why), e.g. unsaved changes."""

    imported = Signal(object)  # the ImportSummary of a run that wrote files

    failure_title = "Import failed"

    def __init__(self, project: Project, annotators: list[str] | None = None,
                 parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(f"Import — {project.name}", project, parent, before_run)
        self.setObjectName("import-dialog")
        self.last_summary: ImportSummary | None = None

        self.format = QComboBox(self)
        self.format.setObjectName("format")
        for fmt in IMPORTS:
            self.format.addItem(fmt.name, fmt.name)
        self.format_help = QLabel(self)
        self.format_help.setObjectName("format-help")
        self.format_help.setWordWrap(True)
        self.format.currentIndexChanged.connect(self._describe_format)
        self.add_row("&Format:", self.format, self.format_help)

        self.source = self.add_path_row("&Source:", "source", self._browse)

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
        line.setPlaceholderText("empty: the annotator the source names, else the format's name")
        self.annotator.setToolTip("Whose annotations these become: annotations/<name>/")
        self.add_row("&Annotator:", self.annotator)

        self.add_labels = self._check(ADD_LABELS, "add-labels", "to project.json, with new colours")
        self.utf16 = self._check(UTF16, "utf16-offsets",
                                 "read every offset of the source as UTF-16 code units "
                                 "(Label Studio and doccano had this bug)")
        self.replace = self._check(REPLACE, "replace", "the files' current spans are lost")
        self.skip_bad = self._check(SKIP_BAD, "skip-bad",
                                    "otherwise nothing is written when anything is wrong")

        self.check_button = self.add_run_button(
            "C&heck", "check", "Read and check the source; write nothing", lambda: self.start(True))
        self.import_button = self.add_run_button(
            "&Import", "import", "Check, then write the annotations", lambda: self.start(False))
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
        self.format_help.setText(f"{fmt.description}.\nReads {fmt.files}")
        self.source.setPlaceholderText("a folder of .txt/.ann pairs (or one .ann file)"
                                       if is_folder_format(fmt)
                                       else "a file")

    def _browse(self) -> None:
        start = self.source.text().strip() or str(self.project.root.parent)
        if is_folder_format(self.chosen_format()):
            chosen = QFileDialog.getExistingDirectory(self, "Folder to import", start)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, "File to import", start, "JSON and JSONL (*.json *.jsonl);;All files (*)")
        if chosen:
            self.source.setText(chosen)

    # -- options -------------------------------------------------------------------
    def options_value(self, dry_run: bool = False) -> ImportOptions:
        """The options as the form says; ValueError (shown to the user) for a mistake."""
        text = self.source.text().strip()
        if not text:
            raise ValueError("Choose the file or folder to import.")
        path = Path(text).expanduser()
        if not path.is_absolute():
            raise ValueError(f"The source must be a full path, not {text!r}.")
        if not path.exists():
            raise ValueError(f"{path}: no such file or folder.")
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
            self.show_mistake(str(exc))
            return
        refusal = self.before_run() if self.before_run is not None and not dry_run else None
        if refusal:
            self.show_mistake(refusal)
            return
        project = self.project

        def work(progress: Progress) -> ImportSummary:
            return import_annotations(project, options, progress)

        self.last_summary = None
        verb = "Checking" if dry_run else "Importing"
        self.run(work, f"{verb} {options.path.name} ({options.format})…")

    def progress_text(self, done: int, total: int) -> str:
        return f"Reading and checking: {done} of {total} source documents"

    def show_result(self, result: ImportSummary) -> None:
        self.last_summary = result
        lines = [in_dialog_words(line, OPTION_NAMES) for line in result.lines()]
        codes = {p.code for p in (*result.problems, *result.warnings)}
        hints = [hint for code, hint in HINTS.items() if code in codes]
        if result.cancelled:
            self.show_outcome("Import cancelled: nothing was written", lines)
            return
        problems = f"{len(result.problems)} problem(s)"
        warned = f", {len(result.warnings)} warning(s)" if result.warnings else ""
        if result.dry_run:
            headline = (f"Check: {result.spans} span(s) would be imported into "
                        f"{len(result.written)} file(s); {problems}{warned}.")
        elif result.written:
            headline = (f"Imported {result.spans} span(s) into {len(result.written)} annotation "
                        f"file(s) from {result.read} source document(s)")
            headline += f"; {problems} left out{warned}." if result.problems else f"{warned}."
        else:
            headline = f"Nothing was imported: {problems}{warned}."
        self.show_outcome(headline, lines, error=bool(result.problems), hints=hints)
        if result.written and not result.dry_run:
            self.imported.emit(result)
