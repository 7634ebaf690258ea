"""Review mode's words: the agreement field, notes on annotators' files, the name of a choice.

The figures and the facts come from :mod:`annotator.io.review_sources` (and
:func:`annotator.core.agreement.document_agreement` through it); here they
become text for people, through Qt's translation (context ``Review``), and
the status bar field that shows the agreement (:class:`AgreementField`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from annotator.core.adjudication import ReviewItem
from annotator.core.agreement import DocumentFigures
from annotator.io.review_sources import SourceNote
from annotator.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Review"
# the undo text of a choice, before the words it was made on
CHOICE_WORDS = {"a": QT_TRANSLATE_NOOP("Review", "Accept {a}'s"),
                "b": QT_TRANSLATE_NOOP("Review", "Accept {b}'s"),
                "both": QT_TRANSLATE_NOOP("Review", "Accept both"),
                "none": QT_TRANSLATE_NOOP("Review", "Reject")}
NOTES = {"has-problems": QT_TRANSLATE_NOOP("Review", "{name}'s file has problems and is left "
                                           "out (run 'annotator validate')"),
         "stale": QT_TRANSLATE_NOOP("Review", "{name}'s file was made on an older text: its "
                                    "spans are re-anchored"),
         "unreadable": QT_TRANSLATE_NOOP("Review", "{name}: {message}")}


def _tr(text: str) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP("Review", …)``) in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def choice_text(choice: str, a: str, b: str, words: str) -> str:
    """The undo text of settling a difference with ``choice``, e.g. ``Accept amal's “…”``."""
    return f"{_tr(CHOICE_WORDS[choice]).format(a=a, b=b)} “{words}”"


def cell_words(item: ReviewItem, limit: int = 30) -> str:
    """The words a difference is about, shortened for an undo text (a relation: its ends)."""
    d = item.difference
    span = d.a or d.b
    if span is not None:
        text = span.text
    else:
        linked = d.relation
        assert linked is not None
        text = f"{linked.relation.type}: {linked.source.text} → {linked.target.text}"
    return " ".join(text.split())[:limit]


def source_notes(doc_id: str, any_spans: bool, notes: Sequence[SourceNote]) -> str:
    """The panel's notice: nothing to compare, and each annotator's file left out or re-anchored."""
    lines = [] if any_spans else [QCoreApplication.translate(
        "Review", "No annotator has annotated {doc} yet: nothing to compare.").format(doc=doc_id)]
    lines += [_tr(NOTES[note.issue]).format(name=note.annotator, message=note.message)
              for note in notes]
    return "\n".join(lines)


def _figure(value: float | None) -> str:
    return QCoreApplication.translate("Review", "n/a") if value is None else f"{value:.2f}"


class Review:  # named as its context: lupdate files self.tr under the class name
    """Texts that count (``%n``): ``pyside6-lupdate`` makes plural messages only of
    ``self.tr(text, "", n)`` calls, looked up here in the ``Review`` context."""

    @staticmethod
    def tr(text: str, disambiguation: str, n: int) -> str:
        return QCoreApplication.translate("Review", text, disambiguation or None, n)

    def annotators(self, n: int) -> str:
        return self.tr("%n annotators", "", n)


def agreement_line(doc: DocumentFigures | None, names: Sequence[str], doc_id: str,
                   reviewer: str) -> tuple[str, str]:
    """The status bar's agreement summary for one document, and its tooltip (a line per pair).

    Two annotators (``names``): exact and overlap F1, Cohen's kappa and
    Krippendorff's alpha; more: alpha over all of them and F1 micro-averaged
    over their pairs. ``doc`` is None when fewer than two are compared.
    """
    tip = QCoreApplication.translate("Review", "Reviewer {name}, writing gold").format(
        name=reviewer)
    if doc is None:
        return QCoreApplication.translate("Review", "Pick annotators to compare"), tip
    head = (f"{names[0]} ↔ {names[1]}" if len(names) == 2 else
            Review().annotators(len(names)))
    line = QCoreApplication.translate("Review", "{head}: F1 {f1} · overlap {overlap}").format(
        head=head, f1=_figure(doc.f1_exact), overlap=_figure(doc.f1_overlap))
    if len(names) == 2:
        line += f" · κ {_figure(doc.pairs[(names[0], names[1])].kappa)}"
    pairs = "\n".join(QCoreApplication.translate(
        "Review", "{a} ↔ {b}: F1 {f1}, overlap F1 {overlap}, κ {kappa} ({same} identical of "
        "{count_a} / {count_b})").format(
            a=a, b=b, f1=_figure(p.f1_exact), overlap=_figure(p.f1_overlap),
            kappa=_figure(p.kappa), same=p.exact_matches, count_a=p.a_count,
            count_b=p.b_count)
        for (a, b), p in doc.pairs.items())
    if pairs:
        tip += QCoreApplication.translate("Review", ". Agreement on {doc}, per pair:\n{pairs}"
                                          ).format(doc=doc_id, pairs=pairs)
    return f"{line} · α {_figure(doc.alpha)}", tip


class AgreementField(QLabel):
    """The status bar field with the document's agreement (shown in review mode only)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("status-agreement")
        self.setContentsMargins(6, 0, 6, 0)
        self.hide()

    def show_figures(self, doc: DocumentFigures | None, names: Sequence[str], doc_id: str,
                     reviewer: str) -> None:
        """Say ``doc``'s figures, kept whole when the status bar is crowded."""
        text, tip = agreement_line(doc, names, doc_id, reviewer)
        self.setText(text)
        self.setToolTip(tip)
        self.setMinimumWidth(self.sizeHint().width())
