"""Filtering the document list by status and by text, and counting how many are done.

:class:`DocumentFilterModel` sits between the document list's model
(:class:`~annotator.ui.models.documents.DocumentListModel`) and its table: a
row shows when its status is the one chosen (or any) and its document id
holds the typed text, compared normalised (``أ`` finds ``ا``, case ignored).
:class:`DocumentFilterBar` is the line and the status choice above the list.
:func:`progress` counts the documents done, for the status bar.

Statuses are read from the model's status column, whose text is one of
:data:`~annotator.ui.models.documents.STATUS_TEXT` (translated), so the
model needs no new role; the reverse look-up is made once per language.

The list can also be ordered **least confident first** (active learning: the
documents whose machine suggestions the machine is least sure of come first):
each document's confidence is the lowest score of the trained model's
suggestions on it when there are model suggestions, else the lowest score of
any source's (:func:`~annotator.io.suggestion_quality.document_confidence`);
the order's tooltip says which. It is a number per document id held here
(:meth:`DocumentFilterModel.set_confidence`), read from the suggestion files
on a worker thread by :class:`ConfidenceLoader`, so the list model itself
needs no new column. Documents without suggestions come last, in list order.

Next/previous document follow the rows as shown (sorted, filtered):
:meth:`DocumentFilterModel.shown_step` maps the open document's row through
the proxy and back, so a step costs the same at 100,000 documents; a row the
filter hides is placed by a binary search over the rows shown.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.arabic import normalized
from annotator.io.suggestion_quality import MODEL, Confidence
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.models.documents import STATUS_TEXT, DocumentListModel
from annotator.ui.models.table import Translated

log = logging.getLogger(__name__)

ANY = ""
# what the status choice offers, in this order ("" is any status)
CHOICES: Translated[str] = Translated("DocumentFilter", {
    ANY: QT_TRANSLATE_NOOP("DocumentFilter", "Any status"),
    "new": QT_TRANSLATE_NOOP("DocumentFilter", "New"),
    "in_progress": QT_TRANSLATE_NOOP("DocumentFilter", "In progress"),
    "done": QT_TRANSLATE_NOOP("DocumentFilter", "Done"),
    "not_done": QT_TRANSLATE_NOOP("DocumentFilter", "Not done yet"),
    "error": QT_TRANSLATE_NOOP("DocumentFilter", "Cannot be opened"),
})
LEAST_CONFIDENT = "least_confident"
# how the list is ordered ("" is the project's order)
ORDERS: Translated[str] = Translated("DocumentFilter", {
    "": QT_TRANSLATE_NOOP("DocumentFilter", "List order"),
    LEAST_CONFIDENT: QT_TRANSLATE_NOOP("DocumentFilter", "Least confident first"),
})
NO_CONFIDENCE = 2.0  # above every score: documents without suggestions go last


def row_status(model: QAbstractItemModel, row: int) -> str | None:
    """The status code (``new``, ``in_progress``, ``done``, ``error``) of a row of the list."""
    text = model.index(row, DocumentListModel.COL_STATUS).data()
    for code in STATUS_TEXT:
        if STATUS_TEXT[code] == text:
            return code
    return None


def progress(model: QAbstractItemModel) -> tuple[int, int]:
    """(documents done, documents) in the list's model.

    The document list keeps its counts as rows change (``status_counts``): read
    them instead of every row (300 ms per change at 100,000 documents).
    """
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    if isinstance(source, DocumentListModel):
        return source.status_counts().get("done", 0), source.rowCount()
    total = model.rowCount()
    done_text = STATUS_TEXT["done"]
    done = sum(model.index(row, DocumentListModel.COL_STATUS).data() == done_text
               for row in range(total))
    return done, total


class DocumentFilterModel(QSortFilterProxyModel):
    """The rows of the document list whose status and id match the filter."""

    basis_changed = Signal(object)  # whose confidence orders the list: MODEL, or None (any)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = ANY
        self.text = ""
        self.order = ""
        self.confidence: dict[str, float] = {}  # doc id -> lowest suggestion score
        self.basis: str | None = None  # whose scores: MODEL's, or None (any source's)

    def set_order(self, order: str) -> None:
        """``LEAST_CONFIDENT`` sorts by :attr:`confidence`; ``""`` is the list's own order."""
        self.order = order
        if order == LEAST_CONFIDENT:
            self.sort(0, Qt.SortOrder.AscendingOrder)
        else:
            self.sort(-1)

    def set_confidence(self, confidence: Confidence) -> None:
        self.confidence = dict(confidence.scores)
        self.basis = confidence.source
        self.basis_changed.emit(self.basis)
        if self.order == LEAST_CONFIDENT:
            self.invalidate()
            self.sort(0, Qt.SortOrder.AscendingOrder)

    def _doc_id(self, source_row: int) -> str:
        model = self.sourceModel()
        if isinstance(model, DocumentListModel):
            return model.doc_id_at(source_row)
        return str(model.index(source_row, DocumentListModel.COL_DOC).data(
            DocumentListModel.DOC_ID_ROLE))

    def _sorted(self) -> bool:
        return self.order == LEAST_CONFIDENT and self.sortColumn() >= 0

    def _key(self, source_row: int) -> tuple[float, int]:
        """Where a source row stands in the order shown (least confident first, then row)."""
        score = self.confidence.get(self._doc_id(source_row), NO_CONFIDENCE) \
            if self._sorted() else 0.0
        return (score, source_row)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        return self._key(left.row()) < self._key(right.row())

    def _shown_before(self, source_row: int) -> int:
        """How many shown rows come before ``source_row`` (one the filter hides): the shown
        rows are in :meth:`_key` order, so a binary search finds it in log(n) mappings."""
        low, high = 0, self.rowCount()
        key = self._key(source_row)
        while low < high:
            middle = (low + high) // 2
            if self._key(self.mapToSource(self.index(middle, 0)).row()) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def shown_step(self, source_row: int | None, step: int) -> int | None:
        """The source row ``step`` rows below (above, if negative) ``source_row`` as the list
        shows them, None past either end. A hidden row counts from where it would stand;
        None (no document) from before the first row (after the last, going up)."""
        count = self.rowCount()
        if source_row is None:
            target = step - 1 if step > 0 else count + step
        else:
            shown = self.mapFromSource(self.sourceModel().index(source_row, 0))
            if shown.isValid():
                target = shown.row() + step
            else:
                before = self._shown_before(source_row)
                target = before + step - 1 if step > 0 else before + step
        if not 0 <= target < count:
            return None
        return self.mapToSource(self.index(target, 0)).row()

    def set_filter(self, status: str, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.status, self.text = status, normalized(text.strip()).casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # Qt 6.7 to 6.9: there is only the call deprecated since
            self.status, self.text = status, normalized(text.strip()).casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.text:
            doc_id = model.index(source_row, DocumentListModel.COL_DOC, source_parent).data()
            if self.text not in normalized(str(doc_id)).casefold():
                return False
        if self.status == ANY:
            return True
        status = row_status(model, source_row)
        return status != "done" if self.status == "not_done" else status == self.status


class ConfidenceLoader(QObject):
    """Runs a reader of per-document confidences on a worker; ``loaded`` brings the result
    to the GUI thread (only the latest request's: an older one still running is dropped)."""

    loaded = Signal(object)  # a Confidence
    _done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serials = itertools.count(1)
        self._latest = 0
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def load(self, read: Callable[[], Confidence]) -> None:
        serial = self._latest = next(self._serials)
        done = self._done

        def run() -> None:  # on a worker thread
            try:
                values = read()
            except Exception:  # an unreadable folder: no order, no crash
                log.exception("cannot read the documents' confidence")
                values = Confidence(None, {})
            done.emit(serial, values)

        QThreadPool.globalInstance().start(run)

    @property
    def loading(self) -> bool:
        return self._latest != 0

    def _on_done(self, serial: int, values: Confidence) -> None:
        if serial == self._latest:
            self._latest = 0
            self.loaded.emit(values)


class DocumentFilterBar(QWidget):
    """The filter line, the status choice and the order above the document list."""

    changed = Signal(str, str)  # status code ("" any), text
    order_changed = Signal(str)  # "" (list order) or LEAST_CONFIDENT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-filter")
        self.text = QLineEdit()
        self.text.setObjectName("document-filter-text")
        self.text.setPlaceholderText(self.tr("Filter documents"))
        self.text.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("document-filter-status")
        for code in CHOICES:
            self.status.addItem(CHOICES[code], code)
        self.order = QComboBox()
        self.order.setObjectName("document-order")
        self.show_basis(None, loaded=False)
        for code in ORDERS:
            self.order.addItem(ORDERS[code], code)
        order_label = QLabel(self.tr("&Order:"))
        order_label.setBuddy(self.order)
        layout = QVBoxLayout(self)  # the order on a row of its own: the filter line keeps room
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(2)
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.text, 1)
        first.addWidget(self.status)
        second.addWidget(order_label)
        second.addWidget(self.order, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self.text.textChanged.connect(self._emit)
        self.status.currentIndexChanged.connect(self._emit)
        self.order.currentIndexChanged.connect(
            lambda _i: self.order_changed.emit(str(self.order.currentData())))

    def _emit(self, *_args: object) -> None:
        self.changed.emit(str(self.status.currentData()), self.text.text())

    def show_basis(self, source: str | None, loaded: bool = True) -> None:
        """The order's tooltip says whose confidence "least confident first" follows."""
        if not loaded:
            tip = self.tr("Least confident first: the documents whose suggestions the trained "
                          "model is least sure of come first (when there are no model "
                          "suggestions: those with the lowest score of any source)")
        elif source == MODEL:
            tip = self.tr("Least confident first, by the trained model's confidence: the "
                          "documents whose model suggestions have the lowest scores come "
                          "first; those without model suggestions come last")
        else:
            tip = self.tr("Least confident first, by the lowest score of any source's "
                          "suggestions (there are no model suggestions); documents without "
                          "suggestions come last")
        self.basis = source if loaded else ""
        self.order.setToolTip(tip)
