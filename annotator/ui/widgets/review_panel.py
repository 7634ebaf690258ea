"""The review panel: whom to compare, the legend, the list of differences, the choices.

A reviewer picks the reference annotator ("A") and one or more annotators to
compare with it ("B": other annotators and/or gold). The legend pictures the
marks the article view uses in review mode (neutral marks, so that colour
means a label only), with how many differences of each kind there are. The
list shows each difference, what gold holds there, and the reviewer's note;
an A or B cell shows the words and the label apart (:class:`SpanCellDelegate`):
each part in its own direction, the words elided in the middle, the label
never cut, whatever the interface's direction; tooltips say all. The buttons
carry the registry's review actions (:mod:`annotator.ui.actions`), so a
button, the menu and the shortcut are the same command. The panel holds no
review logic: the controller (:mod:`annotator.ui.review`) reacts to its signals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.differences import Kind
from annotator.core.document import strong_direction
from annotator.core.project import GOLD
from annotator.ui.models.differences import DifferenceTableModel, marks_pixmap
from annotator.ui.widgets.bidi_delegate import BidiDelegate
from annotator.ui.widgets.decorations import blend
from annotator.ui.widgets.review_decorations import kind_text

NAVIGATION = ("review.previous", "review.next")
CHOICES = ("review.accept_a", "review.accept_b", "review.accept_both", "review.reject",
           "review.edit")


# kinds shown in the legend only when some difference is of that kind
OPTIONAL_KINDS = (Kind.ATTRIBUTES, Kind.NOTE, Kind.RELATION)


def _gold_swatch(colors: Sequence[str]) -> QPixmap:
    """The legend's gold entry: fills in the labels' colours, as the view paints gold spans."""
    pixmap = QPixmap(18, 14)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    width = 18 / max(1, len(colors))
    for i, color in enumerate(colors or ["#9e9e9e"]):
        painter.fillRect(QRectF(i * width, 0, width, 14), QColor(blend([color])))
    painter.end()
    return pixmap


def _pixmap_label(pixmap: QPixmap) -> QLabel:
    label = QLabel()
    label.setPixmap(pixmap)
    return label


class ReviewPanel(QWidget):
    comparison_changed = Signal()  # the reference or the compared annotators changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        pick = QGridLayout()
        self.reference = QComboBox()
        self.reference.setObjectName("review-reference")
        self.reference.setToolTip(self.tr("The reference annotator (A): the others are "
                                          "compared with A"))
        self.reference.currentIndexChanged.connect(self._on_reference)
        pick.addWidget(QLabel(self.tr("Compare A:")), 0, 0)
        pick.addWidget(self.reference, 0, 1)
        self._others_box = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("with B:")), 1, 0)
        pick.addLayout(self._others_box, 1, 1, Qt.AlignmentFlag.AlignLeading)
        pick.setColumnStretch(1, 1)
        layout.addLayout(pick)
        self.others: dict[str, QCheckBox] = {}

        self.notice = QLabel()
        self.notice.setObjectName("review-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

        legend = QGridLayout()
        legend.setHorizontalSpacing(6)
        legend.setVerticalSpacing(2)
        self.legend: dict[Kind, QLabel] = {}
        self.swatches: dict[Kind, QLabel] = {}
        for i, kind in enumerate(Kind):
            text = QLabel()
            text.setObjectName(f"legend-{kind.value}")
            self.legend[kind] = text
            self.swatches[kind] = _pixmap_label(marks_pixmap(kind))
            row, column = divmod(i, 2)
            legend.addWidget(self.swatches[kind], row, column * 2)
            legend.addWidget(text, row, column * 2 + 1)
        self.legend_gold = QLabel(self.tr("in gold (filled in the label's colour)"))
        self.gold_swatch = _pixmap_label(_gold_swatch([]))
        legend.addWidget(self.gold_swatch, 4, 0)
        legend.addWidget(self.legend_gold, 4, 1, 1, 3)
        legend.setColumnStretch(1, 1)
        legend.setColumnStretch(3, 1)
        layout.addLayout(legend)
        hint = QLabel(self.tr("In the text: a bar above the words is what A marked, a dashed "
                              "bar below is what B marked, each in its label's colour and "
                              "named; grey brackets mark a difference. Hover for details."))
        hint.setObjectName("review-legend-hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        layout.addWidget(hint)

        bar = QHBoxLayout()
        self.navigation = QHBoxLayout()
        bar.addLayout(self.navigation)
        bar.addStretch(1)
        self.hide_agreed = QCheckBox(self.tr("Hide agreed"))
        self.hide_agreed.setObjectName("review-hide-agreed")
        self.hide_agreed.setToolTip(self.tr("List only the differences (the agreed spans stay "
                                            "coloured in the text)"))
        bar.addWidget(self.hide_agreed)
        layout.addLayout(bar)

        self.model = DifferenceTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("review-list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        # cut long spans in the middle: the start of the words and the label stay in view
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegate(BidiDelegate(self.table))
        for column in (DifferenceTableModel.COL_A, DifferenceTableModel.COL_B):
            self.table.setItemDelegateForColumn(column, SpanCellDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # fitted to the rows on screen and the 100 around them, not to the first 1,000: Qt
        # measures them again at every change of gold (0.1 s a choice at 50,000 rows)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(DifferenceTableModel.COL_A, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DifferenceTableModel.COL_B, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DifferenceTableModel.COL_NOTE,
                                    QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DifferenceTableModel.COL_NOTE, 90)
        header.setMinimumSectionSize(36)
        layout.addWidget(self.table, 1)
        self.hide_agreed.toggled.connect(self.model.set_hide_agreed)

        self.choices = QGridLayout()
        layout.addLayout(self.choices)
        self.buttons: dict[str, QToolButton] = {}

    # -- actions -------------------------------------------------------------------
    def set_actions(self, actions: Mapping[str, QAction]) -> None:
        """Buttons for the registry's review actions (navigation, choices, accept agreed)."""
        for name in NAVIGATION:
            self.navigation.addWidget(self._button(actions[name]))
        for i, name in enumerate(CHOICES):
            self.choices.addWidget(self._button(actions[name]), i // 3, i % 3)
        self.choices.addWidget(self._button(actions["review.accept_agreed"]), 1, 2)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.buttons[action.objectName()] = button
        return button

    def set_label_colors(self, colors: Sequence[str]) -> None:
        """The gold entry of the legend shows fills in the labels' colours."""
        self.gold_swatch.setPixmap(_gold_swatch(list(colors)))

    # -- whom to compare -------------------------------------------------------------
    def set_annotators(self, annotators: Sequence[str], reference: str | None,
                       others: Sequence[str]) -> None:
        """Offer ``annotators`` (A: any of them; B: the others and gold) without signalling."""
        self.blockSignals(True)
        try:
            self.reference.blockSignals(True)
            self.reference.clear()
            self.reference.addItems(list(annotators))
            if reference is not None:
                self.reference.setCurrentText(reference)
            self.reference.blockSignals(False)
            for box in self.others.values():
                self._others_box.removeWidget(box)
                box.deleteLater()
            self.others = {}
            for name in [*annotators, GOLD]:
                box = QCheckBox(name)
                box.setObjectName(f"review-with-{name}")
                box.setChecked(name in others and name != reference)
                box.setEnabled(name != reference)
                box.toggled.connect(lambda _on: self.comparison_changed.emit())
                self._others_box.addWidget(box)
                box.show()
                self.others[name] = box
        finally:
            self.blockSignals(False)

    def chosen(self) -> tuple[str | None, list[str]]:
        """The reference and the annotators compared with it, in the order offered."""
        reference = self.reference.currentText() or None
        return reference, [name for name, box in self.others.items()
                           if box.isChecked() and name != reference]

    def _on_reference(self, _index: int) -> None:
        reference = self.reference.currentText()
        for name, box in self.others.items():
            box.blockSignals(True)
            box.setEnabled(name != reference)
            if name == reference:
                box.setChecked(False)
            box.blockSignals(False)
        self.comparison_changed.emit()

    # -- what is shown -----------------------------------------------------------------
    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_counts(self, counts: Mapping[Kind, int], a: str, b: str) -> None:
        """Legend texts with the number of differences of each kind."""
        for kind, label in self.legend.items():
            count = counts.get(kind, 0)
            label.setText(f"{kind_text(kind, a, b)} ({count})")
            shown = bool(count) or kind not in OPTIONAL_KINDS
            label.setVisible(shown)
            self.swatches[kind].setVisible(shown)


SEPARATOR = " · "  # between the words and the label in an A or B cell


class SpanCellDelegate(BidiDelegate):
    """An A or B cell of the review list: the words, then the label, laid out apart.

    One string mixing Arabic words and a Latin label is reordered by bidi and
    eliding it cuts wherever the middle falls ("ntity…كيم ج"). Here the words
    and the label are two runs, each shaped in its own direction: the cell
    takes the words' direction (Arabic: the words at the right, the label to
    their left), the words are elided in the middle to leave room for the whole
    label, and only a label wider than the cell is cut.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        parts = index.data(DifferenceTableModel.PARTS_ROLE)
        if not parts:
            super().paint(painter, option, index)
            return
        words, label = parts
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        box = QRectF(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget))
        box.adjust(2, 0, -2, 0)
        metrics = opt.fontMetrics
        gap = metrics.horizontalAdvance(SEPARATOR)
        label_width = min(float(metrics.horizontalAdvance(label)), box.width())
        shown_label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(box.width()))
        room = int(box.width() - label_width - gap)
        shown_words = metrics.elidedText(words, opt.textElideMode, room) if room > 0 else ""
        words_width = float(metrics.horizontalAdvance(shown_words))
        rtl = strong_direction(words) == "rtl" if strong_direction(words) else \
            opt.direction == Qt.LayoutDirection.RightToLeft
        group = (QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Disabled)
        role = (QPalette.ColorRole.HighlightedText if opt.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text)
        painter.save()
        try:
            painter.setFont(opt.font)
            painter.setPen(opt.palette.color(group, role))
            top, height = box.top(), box.height()
            if rtl:
                words_box = QRectF(box.right() - words_width, top, words_width, height)
                gap_box = QRectF(words_box.left() - gap, top, gap, height)
                label_box = QRectF(gap_box.left() - label_width, top, label_width, height)
            else:
                words_box = QRectF(box.left(), top, words_width, height)
                gap_box = QRectF(words_box.right(), top, gap, height)
                label_box = QRectF(gap_box.right(), top, label_width, height)
            if not shown_words:  # no room for words: the label alone, from the start side
                label_box = QRectF(box.right() - label_width if rtl else box.left(), top,
                                   label_width, height)
            center = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter)
            for text, where in ((shown_words, words_box), (SEPARATOR.strip(), gap_box),
                                (shown_label, label_box)):
                if not text or (where is gap_box and not shown_words):
                    continue
                painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft
                                           if strong_direction(text) == "rtl"
                                           else Qt.LayoutDirection.LeftToRight)
                painter.drawText(where, center, text)
        finally:
            painter.restore()
