r"""brat standoff, read and written: ``<doc_id>.txt`` with ``<doc_id>.ann`` beside it.

The grammar both directions share (format spec section 4); offsets are code
points, as brat (Python) counts them:

- ``T<n>\t<label> <offsets>\t<text>``: a span. ``<offsets>`` is ``<start>
  <end>``, or fragments ``<start> <end>;<start> <end>...``, and ``<text>``
  is the text of the fragments joined by a space.
- A span that crosses a line break is written the way brat itself writes one,
  as fragments cut at each line break (:func:`fragments`), so the ``.ann``
  line stays one line: ``T1\tgift 3 9;11 15\t<text>``. A ``T`` line whose
  fragments only line breaks separate is read back as one span; truly
  discontinuous spans cannot be represented and are reported.
- ``R<n>\t<type> Arg1:T<a> Arg2:T<b>``: a relation.
- ``#<n>\tAnnotatorNotes T<a>\t<note>``: a note on a span. Line breaks in a
  note become spaces when written (a line is a record).

Writing (:func:`create`): spans are numbered from 1 in writer order ``(start,
end, label, id)``. Spans brat cannot hold are reported as dropped, never
changed: a label with white space (brat separates the label from the offsets
with a space) and a span that begins or ends with a line break (a fragment
cannot be empty); so is a relation whose type holds white space or whose span
was not written. Without ``--split`` the files go in ``DIR``; with it, in
``DIR/<split>/``.

Reading (:func:`read`): ``T``, ``R`` (their ``Arg1``/``Arg2``) and ``#``
``AnnotatorNotes`` lines. Events, attributes, normalizations and equivalences
(``E``, ``A``, ``M``, ``N``, ``*``) are listed as ignored. A folder is searched
recursively (an export with ``--split`` has one sub-folder per split).

>>> text = "هدية\r\nكيم"
>>> pieces = fragments(text, 0, 9)
>>> offsets_field(pieces), fragments_text(text, pieces)
('0 4;6 9', 'هدية كيم')
>>> parse_offsets("0 4;6 9")
[(0, 4), (6, 9)]
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.sentences import LINE_BREAKS
from annotator.core.spans import Span
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    Staging,
    read_source_text,
)

# -- the grammar ---------------------------------------------------------------

_FRAGMENT = re.compile(f"[^{LINE_BREAKS}]+")
_LINE_BREAK_RUN = re.compile(f"[{LINE_BREAKS}]+")
_OFFSETS = re.compile(r"\d{1,18} \d{1,18}(?:;\d{1,18} \d{1,18})*\Z")  # longer: not an offset
_ARG = re.compile(r"(\w+):(\S+)\Z")

Fragment = tuple[int, int]


def fragments(text: str, start: int, end: int) -> list[Fragment]:
    """``[start, end)`` cut at line breaks: the pieces brat writes, separated by ``;``."""
    return [m.span() for m in _FRAGMENT.finditer(text, start, end)]


def offsets_field(pieces: list[Fragment]) -> str:
    """The offsets of a ``T`` line: ``s e`` per fragment, joined by ``;``."""
    return ";".join(f"{s} {e}" for s, e in pieces)


def parse_offsets(field: str) -> list[Fragment] | None:
    """The fragments of a ``T`` line's offsets, or None when they are not ``s e(;s e)*``."""
    if not _OFFSETS.match(field):
        return None
    return [(int(a), int(b)) for a, b in (part.split(" ") for part in field.split(";"))]


def fragments_text(text: str, pieces: list[Fragment]) -> str:
    """The text a ``T`` line gives for its fragments: their texts joined by a space."""
    return " ".join(text[s:e] for s, e in pieces)


def one_line(note: str) -> str:
    """A note as a ``#`` line holds it: each run of line breaks becomes one space."""
    return _LINE_BREAK_RUN.sub(" ", note)


# -- writing -------------------------------------------------------------------

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
        lines.append(f"T{number}\t{span.label} {offsets_field(pieces)}\t"
                     f"{fragments_text(text, pieces)}\n")
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
            lines.append(f"#{note_number}\tAnnotatorNotes T{numbers[span.id]}\t"
                         f"{one_line(span.note)}\n")
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


# -- reading -------------------------------------------------------------------

def read(path: Path) -> list[ImportedDocument]:
    path = Path(path)
    if path.is_file() and path.suffix == ".ann":
        files = [path]
    elif path.is_dir():
        files = sorted(path.rglob("*.ann"), key=lambda p: p.relative_to(path).as_posix())
    else:
        raise AnnotatorError(Problem("bad-input", "not a brat folder or .ann file",
                                     file=str(path)))
    return [read_pair(ann) for ann in files]


def read_pair(ann: Path) -> ImportedDocument:
    txt = ann.with_suffix(".txt")
    text = read_source_text(txt) if txt.is_file() else None
    doc = ImportedDocument(str(ann), ann.stem, text)
    notes: dict[str, str] = {}
    spans: dict[str, ImportedSpan] = {}
    for number, line in enumerate(read_source_text(ann).split("\n"), 1):
        line = line.removesuffix("\r")
        where = f"{ann}:{number}"
        if not line.strip():
            continue
        kind = line[0]
        fields = line.split("\t")
        if kind == "T" and len(fields) >= 3:
            span = _span(fields, where, text, doc)
            if span is not None:
                spans[fields[0]] = span
                doc.spans.append(span)
        elif kind == "R" and len(fields) >= 2:
            parts = fields[1].split(" ")
            args = [_ARG.match(p) for p in parts[1:]]
            if len(args) != 2 or not all(args):
                doc.problems.append(Problem("bad-input", f"cannot read relation {line!r}",
                                            file=where))
                continue
            ends = {m.group(1): m.group(2) for m in args if m}
            source, target = ends.get("Arg1"), ends.get("Arg2")
            if source is None or target is None:
                source, target = (m.group(2) for m in args if m)
            doc.relations.append(ImportedRelation(parts[0], source, target, where, fields[0]))
        elif kind == "#" and len(fields) >= 3 and fields[1].startswith("AnnotatorNotes "):
            notes[fields[1].split(" ", 1)[1]] = "\t".join(fields[2:])
        elif kind in "EAMN*#":
            doc.ignored.append(f"line {number}: {line.split(chr(9))[0]} ({kind} lines are not "
                               "imported)")
        else:
            doc.problems.append(Problem("bad-input", f"cannot read line {line!r}", file=where))
    for span_id, note in notes.items():
        if span_id in spans:
            spans[span_id].note = note
        else:
            doc.problems.append(Problem("dangling-relation", f"a note refers to {span_id}, "
                                        "which is not a span of this file", file=str(ann)))
    return doc


def _span(fields: list[str], where: str, text: str | None,
          doc: ImportedDocument) -> ImportedSpan | None:
    label, _, offsets = fields[1].partition(" ")
    covered = "\t".join(fields[2:])
    pieces = parse_offsets(offsets)
    if pieces is None:
        doc.problems.append(Problem("bad-input", f"cannot read offsets {offsets!r}",
                                    file=where, span=fields[0]))
        return None
    if len(pieces) == 1:
        start, end = pieces[0]
        return ImportedSpan(start, end, label, where, covered, fields[0])
    start, end = pieces[0][0], pieces[-1][1]
    gaps_ok = text is not None and all(
        0 <= a[1] <= b[0] <= len(text) and text[a[1]:b[0]] != ""
        and all(ch in LINE_BREAKS for ch in text[a[1]:b[0]])
        for a, b in itertools.pairwise(pieces))
    if not gaps_ok or text is None:
        doc.problems.append(Problem("unsupported", f"span {label} {offsets} is discontinuous "
                                    "(its fragments are not separated by line breaks only); "
                                    "Annotator spans are continuous", file=where,
                                    span=fields[0]))
        return None
    joined = fragments_text(text, pieces)
    if joined != covered:
        doc.problems.append(Problem("wrong-text", f"span {label} {offsets}: the file says "
                                    f"{covered!r} but the fragments hold {joined!r}",
                                    file=where, span=fields[0]))
        return None
    return ImportedSpan(start, end, label, where, text[start:end], fields[0])
