"""The attributes of the selected span, one combo box per attribute its label declares.

The widget only shows and reports: :meth:`AttributesEditor.show_span` fills it
from a span and the attribute schema of its label
(:func:`annotator.core.attribute_schema.attribute_schema`), and a value the
user chooses comes out as :attr:`AttributesEditor.value_chosen` (span id,
attribute, value or None for "none"). Making that a core edit on the undo
stack is :class:`annotator.ui.span_attributes.SpanAttributes`' job.

Every value is reachable from the keyboard: F4 (``span.attributes``) puts the
focus on the first box, Tab and Shift+Tab go from box to box, typing the
first letters of a value chooses it (a closed ``QComboBox`` searches as you
type), Up/Down step through the values, and Escape goes back to the text.

A value or an attribute the schema does not declare (an older file, a schema
changed since) is still shown, marked, so it is never lost silently; choosing
"none" removes it. An attribute declared without values takes any value: its
box is editable (Enter keeps what was typed).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from annotator.core.spans import Span

Declared = dict[str, tuple[str, ...] | None]  # attribute -> allowed values (None: any)


class AttributesEditor(QWidget):
    """One labelled combo box per attribute of the span shown (``attribute-<name>``)."""

    value_chosen = Signal(str, str, object)  # span id, attribute name, value (str) or None
    leave_requested = Signal()  # Escape: back to the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributes-editor")
        self.setMinimumWidth(240)  # room for a value beside its attribute's name
        self.span_id: str | None = None
        self._names: tuple[str, ...] = ()
        self._declared: Declared = {}
        self.boxes: dict[str, QComboBox] = {}
        self._retired: list[QWidget] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("attributes-span")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel()
        self.empty.setObjectName("attributes-empty")
        self.empty.setWordWrap(True)
        self.form_holder = QWidget()
        self.form = QFormLayout(self.form_holder)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.form_holder)
        layout.addStretch(1)
        self.show_span(None, None)

    # -- filling -------------------------------------------------------------------
    def show_span(self, span: Span | None, declared: Declared | None) -> None:
        """Show ``span``'s attributes as ``declared`` by its label's schema (None: nothing)."""
        declared = dict(declared or {})
        present = dict(span.attributes or {}) if span is not None else {}
        names = (*declared, *sorted(n for n in present if n not in declared)) \
            if span is not None else ()
        same = span is not None and span.id == self.span_id and names == self._names \
            and declared == self._declared
        self.span_id = span.id if span is not None else None
        self._declared = declared
        if span is None:
            self.heading.setText("")
            self.empty.setText(self.tr("Select a span to see its attributes"))
        else:
            # label and text isolated (FSI ... PDI): the line takes the interface's direction
            self.heading.setText(self.tr("{label}: {text}").format(
                label=f"\u2068{span.label}\u2069", text=f"\u2068{span.text}\u2069"))
            self.empty.setText(self.tr("{label} has no attributes (Project > Labels and "
                                       "relations… adds some)").format(label=span.label))
        # the heading stays shown (empty, it takes no room): showing a hidden label again
        # costs a layout of the window, 1-2 ms at each span selected after none
        self.empty.setVisible(not names)
        if not same:
            self._rebuild(names, {n for n in names if n in declared and declared[n] is None})
        for name in names:
            self._fill(self.boxes[name], declared.get(name), name in declared, present.get(name))

    def _rebuild(self, names: tuple[str, ...], free: set[str]) -> None:
        """New boxes for ``names``; those in ``free`` take any value (typed, Enter keeps it)."""
        had_focus = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        # the old boxes leave at once but are deleted later: one may be emitting the choice
        # that led here (kept referenced until then, so Python does not delete it first)
        self._retired = []
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
                    self._retired.append(widget)
        self.boxes = {}
        self._names = names
        previous: QWidget | None = None
        for name in names:
            box = QComboBox()
            box.setObjectName(f"attribute-{name}")
            box.setProperty("attribute", name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.installEventFilter(self)
            box.activated.connect(lambda _i, n=name: self._on_activated(n))
            if name in free:
                box.setEditable(True)
                box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                line = box.lineEdit()
                assert line is not None
                line.setPlaceholderText(self.tr("(none)"))
                line.returnPressed.connect(lambda n=name: self._on_typed(n))
            caption = QLabel(name)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setBuddy(box)
            self.form.addRow(caption, box)
            self.boxes[name] = box
            if previous is not None:
                QWidget.setTabOrder(previous, box)
            previous = box
        if had_focus and names:
            self.boxes[names[0]].setFocus()

    def _fill(self, box: QComboBox, values: tuple[str, ...] | None, declared: bool,
              current: str | None) -> None:
        """The box's items ("(none)", the values, the current one if undeclared) and choice.

        Items are replaced only when they differ: the box may be in the middle of the
        key press that chose the value being shown.
        """
        items: list[tuple[str, str | None]] = [(self.tr("(none)"), None)]
        items += [(value, value) for value in values or ()]
        if current is not None and current not in (values or ()):
            free = declared and values is None
            items.append((current if free else self.tr("{value} (not in the schema)").format(
                value=current), current))
        box.blockSignals(True)
        try:
            if [(box.itemText(i), box.itemData(i)) for i in range(box.count())] != items:
                box.clear()
                for text, data in items:
                    box.addItem(text, data)
            box.setCurrentIndex(next(i for i, (_t, data) in enumerate(items)
                                     if data == current))
            line = box.lineEdit()
            if line is not None and line.text() != (current or ""):
                line.setText(current or "")  # a box taking any value shows it as typed
            box.setToolTip("" if declared else self.tr(
                "Not declared by the label's schema: choose (none) to remove it"))
        finally:
            box.blockSignals(False)

    # -- what the user does ----------------------------------------------------------
    def _on_activated(self, name: str) -> None:
        box = self.boxes.get(name)
        if box is None or self.span_id is None:
            return
        value = box.currentData()
        self.value_chosen.emit(self.span_id, name, value if isinstance(value, str) else None)

    def _on_typed(self, name: str) -> None:
        box = self.boxes.get(name)
        if box is None or self.span_id is None:
            return
        text = box.currentText().strip()
        self.value_chosen.emit(self.span_id, name, text or None)

    def focus_first(self) -> bool:
        """Put the focus on the first box; False when there is none."""
        if not self._names:
            return False
        self.boxes[self._names[0]].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape and isinstance(watched, QComboBox) \
                and not watched.view().isVisible():
            self.leave_requested.emit()
            return True
        return super().eventFilter(watched, event)
