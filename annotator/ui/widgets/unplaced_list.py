"""The spans a stale file kept aside, one row each, with "Place at selection" and "Discard".

When a document's text changed since it was annotated, re-anchoring finds most
spans again; the rest wait in ``aset.unplaced`` (written under
``unplaced_spans``). This list, shown inside the file banner, is where the
annotator sees them (text, label, old offsets) and deals with them one by one.
The widget only asks: the window turns each request into an undoable core edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from annotator.core.spans import Span

VISIBLE_ROWS = 4  # more scroll


class UnplacedList(QScrollArea):
    place_requested = Signal(int)  # index into aset.unplaced
    discard_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unplaced-list")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("#unplaced-list, #unplaced-rows { background: transparent; }")
        self.viewport().setAutoFillBackground(False)
        self.rows: list[tuple[QLabel, QPushButton, QPushButton]] = []

    def set_spans(self, spans: Sequence[Span], colors: Mapping[str, str]) -> None:
        """One row per span kept aside, in their order in the file."""
        inner = QWidget()
        inner.setObjectName("unplaced-rows")
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.rows = []
        for index, span in enumerate(spans):
            color = colors.get(span.label, "#7f7f7f")
            label = QLabel(f'<span style="color:{color}">■</span> {span.label}')
            label.setTextFormat(Qt.TextFormat.RichText)
            text = QLabel(span.text)  # its own label: Qt lays it out in its own direction
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setToolTip(span.note or "")
            where = QLabel(self.tr("{id}, was at {start}–{end}").format(
                id=span.id, start=span.start, end=span.end))
            place = QPushButton(self.tr("Place at selection"))
            place.setObjectName("place-unplaced")
            place.setToolTip(self.tr("Put this {label} span over the text selected in the "
                                     "article (select it first)").format(label=span.label))
            discard = QPushButton(self.tr("Discard"))
            discard.setObjectName("discard-unplaced")
            discard.setToolTip(self.tr("Remove this span from the file (Ctrl+Z brings it back)"))
            for button in (place, discard):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            place.clicked.connect(lambda _c=False, i=index: self.place_requested.emit(i))
            discard.clicked.connect(lambda _c=False, i=index: self.discard_requested.emit(i))
            for column, widget in enumerate((label, text, where, place, discard)):
                grid.addWidget(widget, index, column)
            self.rows.append((text, place, discard))
        grid.setColumnStretch(1, 1)
        self.setWidget(inner)
        row_height = max((r[1].sizeHint().height() for r in self.rows), default=0) + 2
        self.setFixedHeight(min(len(spans), VISIBLE_ROWS) * row_height + 2)
