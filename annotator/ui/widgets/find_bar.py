"""The find bar above the text: a word to find, how to compare, the matches, "label all".

Only the widgets: what the bar asks for goes out as signals, and the
controller (:mod:`annotator.ui.finding`) finds, highlights and labels. The
query is compared normalised (``أحمد`` finds ``احمد`` and ``أَحْمَد``) unless
"Exact" is ticked. ``Enter`` and ``Shift+Enter`` in the query step to the next
and previous match (as ``F3`` / ``Shift+F3`` do anywhere in the window);
``Escape`` closes the bar. "Label all…" labels every match in the document or
the whole project, with the label and the scope chosen beside it, after a
preview.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

DOCUMENT, PROJECT = "document", "project"  # where "label all" looks


class QueryEdit(QLineEdit):
    """The query line: Enter steps forward, Shift+Enter back."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step.emit(-1 if back else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QFrame):
    """The bar; hidden until the find command opens it."""

    query_changed = Signal()  # the text or "exact" changed
    step_requested = Signal(int)  # +1 next match, -1 previous
    label_all_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.query = QueryEdit()
        self.query.setObjectName("find-query")
        self.query.setPlaceholderText(self.tr("Find a word (normalised Arabic, proclitics "
                                              "allowed)"))
        self.query.setClearButtonEnabled(True)
        self.exact = QCheckBox(self.tr("E&xact"))
        self.exact.setObjectName("find-exact")
        self.exact.setToolTip(self.tr("Compare the characters as stored: marks, hamza forms "
                                      "and tatweel count"))
        self.count = QLabel()
        self.count.setObjectName("find-count")
        self.previous = QToolButton()
        self.previous.setObjectName("find-previous")
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next = QToolButton()
        self.next.setObjectName("find-next")
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip(self.tr("Next match (F3)"))
        self.label = QComboBox()
        self.label.setObjectName("find-label")
        self.label.setToolTip(self.tr("The label “Label all” gives every match"))
        self.scope = QComboBox()
        self.scope.setObjectName("find-scope")
        self.scope.addItem(self.tr("in this document"), DOCUMENT)
        self.scope.addItem(self.tr("in the whole project"), PROJECT)
        self.label_all = QPushButton(self.tr("&Label all…"))
        self.label_all.setObjectName("find-label-all")
        self.label_all.setToolTip(self.tr("Label every match (a preview lists them first)"))
        self.close_button = QToolButton()
        self.close_button.setObjectName("find-close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the find bar (Escape)"))
        self._total = 0  # matches in the open document

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.query, 3)
        layout.addWidget(self.exact)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.scope)
        layout.addWidget(self.label_all)
        layout.addWidget(self.close_button)

        self.query.textChanged.connect(lambda _text: self.query_changed.emit())
        self.exact.toggled.connect(lambda _on: self.query_changed.emit())
        self.query.step.connect(self.step_requested)
        self.previous.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next.clicked.connect(lambda: self.step_requested.emit(1))
        self.label_all.clicked.connect(self.label_all_requested)
        self.scope.currentIndexChanged.connect(lambda _index: self._enable_label_all())
        self.close_button.clicked.connect(self.close_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_requested)
        self.hide()

    def set_labels(self, names: Sequence[str]) -> None:
        """The labels "label all" offers (project data: never translated)."""
        chosen = self.label.currentText()
        self.label.clear()
        self.label.addItems(list(names))
        if chosen in names:
            self.label.setCurrentText(chosen)

    def text(self) -> str:
        return self.query.text()

    def chosen_label(self) -> str | None:
        return self.label.currentText() or None

    def chosen_scope(self) -> str:
        return str(self.scope.currentData())

    def show_count(self, total: int, current: int | None, state: str) -> None:
        """"3 of 12", "12 matches", "No matches"; ``state`` is kept as the code tests read."""
        if not self.text().strip():
            text = ""
        elif total == 0:
            text = self.tr("No matches")
        elif current is None:
            text = self.tr("%n matches", "", total)
        else:
            text = self.tr("{current} of {total}").format(current=current + 1, total=total)
        self.count.setText(text)
        self.count.setProperty("state", state)
        self._total = total
        self._enable_label_all()

    def _enable_label_all(self) -> None:
        """Label all needs matches here, or a word to look for in the other documents."""
        self.label_all.setEnabled(self._total > 0 or (
            self.chosen_scope() == PROJECT and bool(self.text().strip())))
