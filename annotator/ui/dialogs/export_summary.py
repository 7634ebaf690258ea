"""The export dialog's summary, in the interface language.

``ExportSummary.lines`` is the command line's summary (English, like every
command's output); the dialog words the same figures here: each reason a span
was dropped and each kind of content a format left out has a translatable text,
looked up by its code (:data:`annotator.io.exporting.REASONS`,
:data:`annotator.io.exporting.LEFT_OUT`), so a new code shows its English text
until it gets one here (a test keeps both tables complete). Document ids, labels
and offsets are data: set apart (FSI ... PDI) so they keep their order in a
right-to-left line.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from annotator.io.exporting import LEFT_OUT, REASONS, ExportSummary
from annotator.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ExportSummary"
REASON_TEXT = {
    "overlap": QT_TRANSLATE_NOOP("ExportSummary", "a longer overlapping span was kept (flat "
                                 "tagging keeps one label per token)"),
    "no-token": QT_TRANSLATE_NOOP("ExportSummary", "the span covers only white space"),
    "misaligned": QT_TRANSLATE_NOOP("ExportSummary", "a span boundary falls inside a token"),
    "unplaced": QT_TRANSLATE_NOOP("ExportSummary", "the span could not be placed in the "
                                  "current text (kept aside in its file)"),
    "label-has-space": QT_TRANSLATE_NOOP("ExportSummary", "the label holds white space, "
                                         "which the format cannot write"),
    "line-break-edge": QT_TRANSLATE_NOOP("ExportSummary", "the span begins or ends with a "
                                         "line break, which brat cannot write"),
    "relation": QT_TRANSLATE_NOOP("ExportSummary", "a relation the format cannot write (its "
                                  "type holds white space, one of its spans was dropped, or "
                                  "its ends are in different sentences)"),
    "attribute": QT_TRANSLATE_NOOP("ExportSummary", "an attribute not written (brat cannot "
                                   "write its name or value, or the format has no place "
                                   "for it)"),
    "note": QT_TRANSLATE_NOOP("ExportSummary", "a note not written (the format has no place "
                              "for it)"),
}
KIND_TEXT = {
    "relations": QT_TRANSLATE_NOOP("ExportSummary", "relations"),
    "attributes": QT_TRANSLATE_NOOP("ExportSummary", "span attributes"),
    "notes": QT_TRANSLATE_NOOP("ExportSummary", "span notes"),
    "relation-notes": QT_TRANSLATE_NOOP("ExportSummary", "relation notes"),
    "origins": QT_TRANSLATE_NOOP("ExportSummary", "suggestion origins of spans"),
}

# the lines' templates (pyside6-lupdate finds QT_TRANSLATE_NOOP, never a call of _tr)
WRITTEN_TO = QT_TRANSLATE_NOOP("ExportSummary", "Written to {folder}")
ANNOTATORS = QT_TRANSLATE_NOOP("ExportSummary", "Annotators: {who}")
SPANS = QT_TRANSLATE_NOOP("ExportSummary", "Spans: {spans} in the annotations, {written} "
                          "written, {dropped} dropped")
DROPPED = QT_TRANSLATE_NOOP("ExportSummary", "{count} dropped: {reason}")
DROPPED_ITEM = QT_TRANSLATE_NOOP("ExportSummary", "{doc}: {id} {label} {start}..{end}: {reason}")
LEFT_OUT_LINE = QT_TRANSLATE_NOOP("ExportSummary", "Left out, as {format} has no place for "
                                  "them: {counts}")
WARNING = QT_TRANSLATE_NOOP("ExportSummary", "Warning: {text}")
SKIPPED = QT_TRANSLATE_NOOP("ExportSummary", "Skipped {count} document(s): {reasons}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _data(value: object) -> str:
    """A value of the project's (an id, a label, a path) set apart in a line."""
    return f"\u2068{value}\u2069"


def reason_text(code: str) -> str:
    """Why a span was dropped, in the interface language (English for an unknown code)."""
    return _tr(REASON_TEXT[code]) if code in REASON_TEXT else REASONS.get(code, code)


def kind_text(kind: str) -> str:
    """What a format left out, in the interface language."""
    return _tr(KIND_TEXT[kind]) if kind in KIND_TEXT else LEFT_OUT.get(kind, kind)


def summary_lines(result: ExportSummary) -> list[str]:
    """The export's figures as the dialog lists them (every dropped item, by reason)."""
    lines = [_tr(WRITTEN_TO).format(folder=_data(result.out))]
    if result.annotators:
        lines.append(_tr(ANNOTATORS).format(who=", ".join(
            f"{_data(name)} {count}" for name, count in sorted(result.annotators.items()))))
    lines.append(_tr(SPANS).format(spans=result.spans, written=result.spans_written,
                                   dropped=result.spans_dropped))
    for code, count in result.dropped_by_reason().items():
        lines.append("  " + _tr(DROPPED).format(count=count, reason=reason_text(code)))
    for item in result.dropped:
        lines.append("    " + _tr(DROPPED_ITEM).format(
            doc=_data(item.doc_id), id=_data(item.span_id), label=_data(item.label),
            start=item.start, end=item.end, reason=reason_text(item.reason)))
    if result.left_out:
        lines.append(_tr(LEFT_OUT_LINE).format(format=_data(result.format), counts=", ".join(
            f"{kind_text(kind)}: {count}" for kind, count in result.left_out.items())))
    lines += [_tr(WARNING).format(text=warning) for warning in result.warnings]
    if result.skipped:
        why = Counter(reason for _, reason in result.skipped)
        lines.append(_tr(SKIPPED).format(count=len(result.skipped), reasons="; ".join(
            f"{n} {reason}" for reason, n in sorted(why.items()))))
    return lines
