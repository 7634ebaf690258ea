"""Project > Labels and relations…: edit the schema; a rename changes every file at once.

The dialog shows the project's labels (name, colour, key, attributes) and
relation types (name, colour, key, the labels each end may have, as two
checkable lists). Every edit the user makes (a cell renamed, a key typed, a
colour picked, an end checked, a label or attribute added) is one
:data:`~annotator.core.schema_edit.SchemaChange`, checked at once against a
working copy of the schema: a change breaking a rule is refused there, the
reason shown in ``schema-message`` (its ``refusal`` property holds the code)
and the cell put back. That includes a change after which a relation or a span
attribute in the project's files would no longer fit (``in-use``, naming the
files: the dialog reads what they use when it opens). A project without
``relations`` shows the types the window offers (defaults and those in use);
the first change to them, or a label rename, writes them all out. Nothing is
written until Apply.

Apply first has the window save the open document (``before_run``: when that
is impossible the run is refused with the reason), then writes every change
in one step on a worker (:mod:`annotator.io.schema_rename`:
``project.json`` and every annotation, gold and suggestion file a rename
touches, conflict-checked, all or nothing). A refusal there (a file changed
since it was read, a file that cannot be read) names the file and writes
nothing. :class:`SchemaEditing` then shows the new project in the workspace
(its labels, and the document reopened from disk), saying when that cleared
undo history (``schema-applied-undo-cleared``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project
from annotator.core.schema_edit import (
    AddAttribute,
    AddLabel,
    AddRelationType,
    Kind,
    RenameAttribute,
    RenameLabel,
    RenameRelationType,
    RenameValue,
    SchemaChange,
    SchemaError,
    SetColor,
    SetEnds,
    SetKey,
    SetValues,
    apply_change,
    attribute_values,
    effective_relation_entries,
    follow,
)
from annotator.io.exchange import Progress
from annotator.io.project_file import open_project
from annotator.io.schema_rename import (
    SchemaPlan,
    apply_schema_changes,
    project_fingerprint,
    project_usage,
)
from annotator.ui.dialogs.worker import Job
from annotator.ui.feedback import Feedback
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.widgets.bidi_delegate import BidiDelegate
from annotator.ui.workspace import Workspace

log = logging.getLogger(__name__)

# each refusal's reason in the interface language (the details after it are core's)
REFUSALS = {
    "bad-name": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: the name breaks the naming "
                                  "rules (1 to 64 characters, no white space)."),
    "name-taken": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: the name is already used."),
    "unknown": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: there is no such name."),
    "bad-key": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: a key is one printable "
                                 "character that is not a space."),
    "key-taken": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: the key is already used."),
    "bad-color": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: a colour is written #rrggbb."),
    "bad-ends": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: each end of a relation type "
                                  "needs at least one label of the project."),
    "bad-values": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: values must be non-empty "
                                    "and different."),
    "in-use": QT_TRANSLATE_NOOP("SchemaDialog", "Not changed: annotations in the project's "
                                "files would no longer fit."),
}

MESSAGE_MS = 8000
_VALUE_SEPARATORS = re.compile(r"[,،]")  # a comma, or the Arabic comma


def shown_values(values: Sequence[str]) -> str:
    """Values as one line (the cell takes the direction of its text: see BidiDelegate)."""
    return ", ".join(values)
ColorPicker = Callable[[str], str | None]


def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A square of ``color``, the same when its row is selected (no tint)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


def split_values(text: str) -> tuple[str, ...]:
    """``"سلاح، مركبة , other"`` -> ``("سلاح", "مركبة", "other")``."""
    return tuple(v.strip() for v in _VALUE_SEPARATORS.split(text) if v.strip())


def values_change(label: str, attribute: str, old: Sequence[str],
                  new: Sequence[str]) -> SchemaChange:
    """One value renamed in place (files follow), or the list replaced."""
    differing = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    if len(old) == len(new) and len(differing) == 1:
        return RenameValue(label, attribute, old[differing[0]], new[differing[0]])
    return SetValues(label, attribute, tuple(new))


def _put(table: QTableWidget, row: int, column: int, text: str, key: str,
         editable: bool = True) -> QTableWidgetItem:
    """Set a cell in place (an item being edited is never replaced under its editor)."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, column, item)
    item.setText(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    flags = item.flags() | Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.setItemDelegate(BidiDelegate(table))  # Arabic names and values read right to left
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    return table


class SchemaDialog(QDialog):
    """The labels and relation types of ``project``, edited; Apply writes them."""

    applied = Signal(object)  # the SchemaPlan written

    # columns
    NAME, COLOR, KEY, MORE = 0, 1, 2, 3  # labels: MORE = attributes
    FROM, TO = 3, 4  # relation types
    VALUES = 1  # attributes

    def __init__(self, project: Project, parent: QWidget | None = None,
                 before_run: Callable[[], str | None] | None = None,
                 pick_color: ColorPicker | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schema-dialog")
        self.setWindowTitle(self.tr("Labels and relations"))
        self.resize(1040, 640)
        self.root = Path(project.root)
        self.expected = project_fingerprint(self.root)  # before reading: a change is a conflict
        try:
            project = open_project(self.root)  # as it is on disk now
        except AnnotatorError:
            log.warning("project.json of %s cannot be read again; showing the window's",
                        self.root)
        self.working = project
        self.usage = project_usage(project)  # what the files use: no change may break it
        self.changes: list[SchemaChange] = []
        self.before_run = before_run
        self.pick_color = pick_color or self._ask_color
        self.job: Job | None = None
        self._filling = False
        self._build()
        self.refill()
        self.labels.selectRow(0)

    # -- building --------------------------------------------------------------------
    def _build(self) -> None:
        self.labels = _table("labels-table", [self.tr("Label"), self.tr("Colour"),
                                              self.tr("Key"), self.tr("Attributes")])
        self.attributes = _table("attributes-table", [self.tr("Attribute"),
                                                      self.tr("Values (separated by commas)")])
        self.relations = _table("relations-table", [self.tr("Relation type"),
                                                    self.tr("Colour"), self.tr("Key"),
                                                    self.tr("From"), self.tr("To")])
        self.sources = self._end_list("relation-from")
        self.targets = self._end_list("relation-to")
        self.new_label = self._line("new-label-name", self.tr("New label name"))
        self.new_attribute = self._line("new-attribute-name", self.tr("New attribute name"))
        self.new_values = self._line("new-attribute-values",
                                     self.tr("Its values, separated by commas"))
        self.new_relation = self._line("new-relation-name", self.tr("New relation type name"))
        labels_box = QGroupBox(self.tr("Labels"))
        grid = QVBoxLayout(labels_box)
        grid.addWidget(self.labels, 3)
        grid.addLayout(self._row(self.new_label,
                                 self._button("add-label", self.tr("Add label"),
                                              self.add_label),
                                 self._button("label-color", self.tr("Colour…"),
                                              lambda: self.choose_color(Kind.LABEL))))
        self.attributes_title = QLabel()
        self.attributes_title.setObjectName("attributes-title")
        grid.addWidget(self.attributes_title)
        grid.addWidget(self.attributes, 2)
        grid.addLayout(self._row(self.new_attribute, self.new_values,
                                 self._button("add-attribute", self.tr("Add attribute"),
                                              self.add_attribute)))
        relations_box = QGroupBox(self.tr("Relation types"))
        right = QVBoxLayout(relations_box)
        self.any_relation = QLabel(self.tr("This project accepts any relation type (it was "
                                           "made before relation types existed). Below are "
                                           "the types it offers; changing any of them, or "
                                           "renaming a label, writes them all and makes the "
                                           "list binding: every relation must then have one "
                                           "of its types."))
        self.any_relation.setObjectName("relations-any")
        self.any_relation.setWordWrap(True)
        right.addWidget(self.any_relation)
        right.addWidget(self.relations, 3)
        right.addLayout(self._row(self.new_relation,
                                  self._button("add-relation", self.tr("Add relation type"),
                                               self.add_relation),
                                  self._button("relation-color", self.tr("Colour…"),
                                               lambda: self.choose_color(Kind.RELATION))))
        ends = QGridLayout()
        for column, (text, widget) in enumerate(((self.tr("From (labels)"), self.sources),
                                                 (self.tr("To (labels)"), self.targets))):
            caption = QLabel(text)
            caption.setBuddy(widget)
            ends.addWidget(caption, 0, column)
            ends.addWidget(widget, 1, column)
        right.addLayout(ends, 2)
        self.message = QLabel()
        self.message.setObjectName("schema-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #b00020")
        self.pending = QLabel()
        self.pending.setObjectName("schema-pending")
        self.progress = QProgressBar()
        self.progress.setObjectName("schema-progress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("schema-apply")
        self.apply_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        sides = QHBoxLayout()
        sides.addWidget(labels_box, 1)
        sides.addWidget(relations_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(sides, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pending, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.labels.itemChanged.connect(self._on_label_edited)
        self.labels.itemDoubleClicked.connect(self._on_double_click)
        self.labels.currentCellChanged.connect(lambda *_: self._fill_attributes())
        self.attributes.itemChanged.connect(self._on_attribute_edited)
        self.relations.itemChanged.connect(self._on_relation_edited)
        self.relations.itemDoubleClicked.connect(self._on_double_click)
        self.relations.currentCellChanged.connect(lambda *_: self._fill_ends())
        self.sources.itemChanged.connect(self._on_end_checked)
        self.targets.itemChanged.connect(self._on_end_checked)

    def _end_list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        return widget

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        return row

    # -- showing the working schema ------------------------------------------------------
    def refill(self) -> None:
        self._filling = True
        try:
            self._fill_labels()
            self._fill_relations()
        finally:
            self._filling = False
        self._fill_attributes()
        self._fill_ends()
        self.any_relation.setVisible(not isinstance(self.working.extra.get("relations"), list))
        count = len(self.changes)
        self.pending.setText(self.tr("%n change(s) to apply", "", count) if count else "")
        self.pending.setProperty("count", count)

    def _swatch(self, table: QTableWidget, row: int, color: str, key: str) -> None:
        item = _put(table, row, self.COLOR, color, key, editable=False)
        item.setIcon(swatch_icon(color))  # seen on a selected row too, unlike a background
        item.setToolTip(self.tr("Double-click to choose another colour"))

    def _fill_labels(self) -> None:
        row = self.labels.currentRow()
        self.labels.setRowCount(len(self.working.labels))
        for i, label in enumerate(self.working.labels):
            described = "; ".join(f"{name}: {shown_values(values or ('…',))}"
                                  for name, values in attribute_values(label).items())
            _put(self.labels, i, self.NAME, label.name, label.name)
            self._swatch(self.labels, i, label.color, label.name)
            _put(self.labels, i, self.KEY, label.key or "", label.name)
            _put(self.labels, i, self.MORE, described, label.name, editable=False)
        if 0 <= row < self.labels.rowCount():
            self.labels.setCurrentCell(row, self.labels.currentColumn())

    def _fill_relations(self) -> None:
        row = self.relations.currentRow()
        entries = effective_relation_entries(self.working, self.usage)
        self.relations.setRowCount(len(entries))
        for i, entry in enumerate(entries):
            name = str(entry.get("name"))
            _put(self.relations, i, self.NAME, name, name)
            self._swatch(self.relations, i, str(entry.get("color") or "#7f7f7f"), name)
            _put(self.relations, i, self.KEY, str(entry.get("key") or ""), name)
            for column, end in ((self.FROM, "from"), (self.TO, "to")):
                ends = entry.get(end) if isinstance(entry.get(end), list) else []
                _put(self.relations, i, column, ", ".join(map(str, ends or [])), name,
                     editable=False)
        if 0 <= row < self.relations.rowCount():
            self.relations.setCurrentCell(row, self.relations.currentColumn())
        elif entries:
            self.relations.setCurrentCell(0, self.NAME)

    def current_label(self) -> str | None:
        item = self.labels.item(self.labels.currentRow(), self.NAME)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def current_relation(self) -> str | None:
        item = self.relations.item(self.relations.currentRow(), self.NAME)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _fill_attributes(self) -> None:
        name = self.current_label()
        label = self.working.label(name) if name is not None else None
        declared = attribute_values(label) if label is not None else {}
        self._filling = True
        try:
            self.attributes_title.setText(self.tr("Attributes of {label}").format(
                label=name) if name is not None else "")
            self.attributes.setRowCount(len(declared))
            for i, (attribute, values) in enumerate(declared.items()):
                _put(self.attributes, i, 0, attribute, attribute)
                _put(self.attributes, i, self.VALUES, shown_values(values or ()), attribute)
        finally:
            self._filling = False

    def _fill_ends(self) -> None:
        name = self.current_relation()
        entry = next((e for e in effective_relation_entries(self.working, self.usage)
                      if e.get("name") == name), None)
        self._filling = True
        try:
            names = [label.name for label in self.working.labels]
            for widget, end in ((self.sources, "from"), (self.targets, "to")):
                shown = [widget.item(i).data(Qt.ItemDataRole.UserRole)
                         for i in range(widget.count())]
                if shown != names:  # else the items stay: one may be in the middle of a click
                    widget.clear()
                    for name in names:
                        item = QListWidgetItem(name)
                        item.setData(Qt.ItemDataRole.UserRole, name)
                        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                        widget.addItem(item)
                chosen = set(entry.get(end) or ()) if entry is not None else set()
                for i, name in enumerate(names):
                    widget.item(i).setCheckState(Qt.CheckState.Checked if name in chosen
                                                 else Qt.CheckState.Unchecked)
                widget.setEnabled(entry is not None)
        finally:
            self._filling = False

    # -- the user's edits ------------------------------------------------------------------
    def attempt(self, change: SchemaChange) -> bool:
        """Make ``change`` to the working schema, or show why not; the tables follow."""
        try:
            self.working = apply_change(self.working, change, self.usage)
        except SchemaError as error:
            self.show_refusal(error.refusal.value, error.problem.message)
            self.refill()
            return False
        self.usage = follow(self.usage, change)
        self.changes.append(change)
        self.show_refusal("", "")
        self.refill()
        return True

    def show_refusal(self, code: str, message: str) -> None:
        """Why a change was refused: in the interface's words by its code, then the
        details as core words them (names, files and counts)."""
        reason = REFUSALS.get(code)
        shown = message if reason is None else "\n".join(
            [QCoreApplication.translate("SchemaDialog", reason), message])
        self.message.setText(shown)
        self.message.setProperty("refusal", code)

    def _on_label_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        old = str(item.data(Qt.ItemDataRole.UserRole))
        text = item.text().strip()
        if item.column() == self.NAME and text != old:
            self.attempt(RenameLabel(old, text))
        elif item.column() == self.KEY:
            label = self.working.label(old)
            if label is not None and (label.key or "") != text:
                self.attempt(SetKey(Kind.LABEL, old, text or None))

    def _on_relation_edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        old = str(item.data(Qt.ItemDataRole.UserRole))
        text = item.text().strip()
        entry = next((e for e in effective_relation_entries(self.working, self.usage)
                      if e.get("name") == old), {})
        if item.column() == self.NAME and text != old:
            self.attempt(RenameRelationType(old, text))
        elif item.column() == self.KEY and (entry.get("key") or "") != text:
            self.attempt(SetKey(Kind.RELATION, old, text or None))

    def _on_attribute_edited(self, item: QTableWidgetItem) -> None:
        label_name = self.current_label()
        label = self.working.label(label_name) if label_name is not None else None
        if self._filling or label is None:
            return
        old = str(item.data(Qt.ItemDataRole.UserRole))
        if item.column() == 0 and item.text().strip() != old:
            self.attempt(RenameAttribute(label.name, old, item.text().strip()))
        elif item.column() == self.VALUES:
            before = attribute_values(label).get(old) or ()
            after = split_values(item.text())
            if after != before:
                self.attempt(values_change(label.name, old, before, after))

    def _on_end_checked(self, _item: QListWidgetItem) -> None:
        name = self.current_relation()
        if self._filling or name is None:
            return

        def checked(widget: QListWidget) -> tuple[str, ...]:
            return tuple(str(widget.item(i).data(Qt.ItemDataRole.UserRole))
                         for i in range(widget.count())
                         if widget.item(i).checkState() == Qt.CheckState.Checked)

        self.attempt(SetEnds(name, checked(self.sources), checked(self.targets)))

    def _on_double_click(self, item: QTableWidgetItem) -> None:
        if item.column() == self.COLOR:
            self.choose_color(Kind.LABEL if item.tableWidget() is self.labels
                              else Kind.RELATION)

    def choose_color(self, kind: Kind) -> None:
        """Pick a colour for the current label (or relation type)."""
        table = self.labels if kind is Kind.LABEL else self.relations
        name = self.current_label() if kind is Kind.LABEL else self.current_relation()
        color = table.item(table.currentRow(), self.COLOR)
        if name is None or color is None:
            return
        chosen = self.pick_color(color.text())
        if chosen and chosen.lower() != color.text().lower():
            self.attempt(SetColor(kind, name, chosen))

    def _ask_color(self, initial: str) -> str | None:
        color = QColorDialog.getColor(QColor(initial), self, self.tr("Choose a colour"))
        return color.name() if color.isValid() else None

    def add_label(self) -> None:
        if self.attempt(AddLabel(self.new_label.text().strip())):
            self.new_label.clear()
            self.labels.setCurrentCell(self.labels.rowCount() - 1, self.NAME)

    def add_attribute(self) -> None:
        label = self.current_label()
        if label is None:
            return
        if self.attempt(AddAttribute(label, self.new_attribute.text().strip(),
                                     split_values(self.new_values.text()))):
            self.new_attribute.clear()
            self.new_values.clear()

    def add_relation(self) -> None:
        """A new relation type, from and to every label at first (narrowed in the lists)."""
        every = tuple(label.name for label in self.working.labels)
        if self.attempt(AddRelationType(self.new_relation.text().strip(), every, every)):
            self.new_relation.clear()
            self.relations.setCurrentCell(self.relations.rowCount() - 1, self.NAME)

    # -- applying ----------------------------------------------------------------------
    def run(self) -> None:
        """Write every change (on a worker); the dialog closes once written."""
        if not self.changes:
            self.accept()
            return
        if self.before_run is not None:
            reason = self.before_run()
            if reason is not None:
                self.show_refusal("unsaved", reason)
                return
        changes, root, expected = tuple(self.changes), self.root, self.expected

        def work(progress: Progress) -> SchemaPlan:
            return apply_schema_changes(root, changes, expected, progress)

        self._set_running(True)
        self.job = Job(work, self)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_succeeded)
        self.job.failed.connect(self._on_failed)
        self.job.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.apply_button, self.labels, self.attributes, self.relations,
                       self.sources, self.targets):
            widget.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_succeeded(self, plan: SchemaPlan) -> None:
        self._finish_job()
        self.applied.emit(plan)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._finish_job()
        self._set_running(False)
        if isinstance(error, SchemaError):
            code = error.refusal.value
        elif isinstance(error, AnnotatorError):
            code = error.problem.code
        else:
            log.error("changing the schema failed", exc_info=error)
            code = "internal"
        text = "\n".join(map(str, error.problems)) if isinstance(error, AnnotatorError) \
            else f"{type(error).__name__}: {error}"
        self.show_refusal(code, self.tr("Nothing was changed: {why}").format(why=text))

    def _finish_job(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job = None

    def reject(self) -> None:
        if self.job is None:  # a run cannot be left half way: it is all or nothing anyway
            super().reject()


class SchemaEditing(QObject):
    """Project > Labels and relations… for one workspace: the dialog, and the reload after."""

    def __init__(self, workspace: Workspace, feedback: Feedback, owner: QWidget,
                 before_run: Callable[[], str | None] | None = None) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.feedback = feedback
        self.owner = owner
        self.before_run = before_run
        self.dialog: SchemaDialog | None = None

    def open(self) -> SchemaDialog:
        dialog = SchemaDialog(self.workspace.project, self.owner, self.before_run)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.after_apply)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def after_apply(self, plan: SchemaPlan) -> None:
        """Show the new schema: labels, and the open document read again from disk."""
        ws = self.workspace
        session = ws.session  # documents are read again from disk: their undo history goes
        undo_lost = bool(ws.undo_history.kept()) or (session is not None
                                                     and session.undo_stack.count() > 0)
        if not ws.switch_project(plan.after):  # the document was saved before the run
            log.warning("the window could not show the new schema of %s", plan.after.root)
        message = self.tr("Labels and relations saved; {files} annotation file(s) "
                          "updated").format(files=len(plan.files_renamed))
        if undo_lost:  # two sentences: the translation ends the first its own way
            message = self.tr("{saved}. Undo history cleared (documents read again).").format(
                saved=message)
        self.feedback.say(message, MESSAGE_MS,
                          "schema-applied-undo-cleared" if undo_lost else "schema-applied")
