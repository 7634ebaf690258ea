"""The ``brat`` export (format spec section 4): ``<doc_id>.txt`` unchanged and ``<doc_id>.ann``.

Lines of the ``.ann`` file, offsets in code points:

- ``T<n>\\t<label> <start> <end>\\t<text>`` for each span, numbered from 1 in
  writer order ``(start, end, label, id)``.
- A span that crosses a line break is written the way brat itself writes
  one, as fragments cut at each line break: ``T<n>\\t<label> 3 9;11 15\\t<text
  of the fragments joined by a space>``, so the ``.ann`` line stays one line.
  :mod:`annotator.io.import_brat` joins the fragments back into one span.
- ``R<n>\\t<type> Arg1:T<a> Arg2:T<b>`` for each relation, and
  ``#<n>\\tAnnotatorNotes T<a>\\t<note>`` for each note (line breaks in a note
  become spaces).

Spans brat cannot hold are reported as dropped, never changed: a label with
white space (brat separates the label from the offsets with a space) and a
span that begins or ends with a line break (a fragment cannot be empty).
Without ``--split`` the files go in ``DIR``; with it, in ``DIR/<split>/``.
"""

from __future__ import annotations

import re

from annotator.core.spans import Span
from annotator.core.tokenize import LINE_BREAKS
from annotator.io.exchange import DroppedSpan, ExportContext, ExportDocument, Staging

_FRAGMENT = re.compile(f"[^{LINE_BREAKS}]+")
_LINE_BREAK_RUN = re.compile(f"[{LINE_BREAKS}]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks: the pieces brat writes, separated by ``;``."""
    return [m.span() for m in _FRAGMENT.finditer(text, start, end)]


def ann_text(doc: ExportDocument) -> tuple[str, list[DroppedSpan]]:
    """The ``.ann`` content of a document and the spans and relations it could not hold."""
    text = doc.text
    lines: list[str] = []
    dropped: list[DroppedSpan] = []
    numbers: dict[str, int] = {}
    for span in doc.spans:
        reason = _unwritable(text, span)
        if reason:
            dropped.append(DroppedSpan(doc.doc_id, span.id, span.start, span.end, span.label,
                                       *reason))
            continue
        number = numbers[span.id] = len(numbers) + 1
        pieces = fragments(text, span.start, span.end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{number}\t{span.label} {offsets}\t{covered}\n")
    written = 0
    spans = {s.id: s for s in doc.spans}
    for relation in doc.relations:
        ends = (numbers.get(relation.source), numbers.get(relation.target))
        if ends[0] is None or ends[1] is None or not relation.type or any(
                ch.isspace() for ch in relation.type):
            first = spans[relation.source]
            why = ("its type holds white space" if ends[0] and ends[1]
                   else "one of its spans was not written")
            dropped.append(DroppedSpan(doc.doc_id, relation.id, first.start, first.end,
                                       relation.type, "relation", why))
            continue
        written += 1
        lines.append(f"R{written}\t{relation.type} Arg1:T{ends[0]} Arg2:T{ends[1]}\n")
    note_number = 0
    for span in doc.spans:
        if span.note is not None and span.id in numbers:
            note_number += 1
            note = _LINE_BREAK_RUN.sub(" ", span.note)
            lines.append(f"#{note_number}\tAnnotatorNotes T{numbers[span.id]}\t{note}\n")
    return "".join(lines), dropped


def _unwritable(text: str, span: Span) -> tuple[str, str] | None:
    if not span.label or any(ch.isspace() for ch in span.label):
        return ("label-has-space", f"label {span.label!r}")
    if text[span.start] in LINE_BREAKS or text[span.end - 1] in LINE_BREAKS:
        return ("line-break-edge", "brat fragments cannot start or end with a line break")
    return None


class BratWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.split_given = context.split_given

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        prefix = f"{split}/" if self.split_given else ""
        ann, dropped = ann_text(doc)
        self.staging.write_bytes(f"{prefix}{doc.doc_id}.txt", doc.text.encode("utf-8"))
        self.staging.write_bytes(f"{prefix}{doc.doc_id}.ann", ann.encode("utf-8"))
        return dropped

    def finish(self) -> None:
        pass


def create(staging: Staging, context: ExportContext) -> BratWriter:
    return BratWriter(staging, context)
