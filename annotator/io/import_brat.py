"""Reading brat standoff folders: ``<doc_id>.txt`` with ``<doc_id>.ann`` beside it.

Read: ``T`` lines (text-bound annotations), ``R`` lines (relations, their
``Arg1``/``Arg2``) and ``#`` ``AnnotatorNotes`` lines (a note on a span).
Offsets are code points, as brat (Python) counts them. A ``T`` line with
several fragments is one span when only line breaks separate its fragments:
that is how brat, and :mod:`annotator.io.export_brat`, write a span that
crosses a line break; truly discontinuous spans cannot be represented and are
reported. Events, attributes, normalizations and equivalences (``E``, ``A``,
``M``, ``N``, ``*``) are listed as ignored. The folder is searched
recursively (an export with ``--split`` has one sub-folder per split).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.tokenize import LINE_BREAKS
from annotator.io.exchange import (
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    read_source_text,
)

_OFFSETS = re.compile(r"\d+ \d+(?:;\d+ \d+)*\Z")
_ARG = re.compile(r"(\w+):(\S+)\Z")


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
    if not _OFFSETS.match(offsets):
        doc.problems.append(Problem("bad-input", f"cannot read offsets {offsets!r}",
                                    file=where, span=fields[0]))
        return None
    pieces = [tuple(int(n) for n in part.split(" ")) for part in offsets.split(";")]
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
    joined = " ".join(text[a:b] for a, b in pieces)
    if joined != covered:
        doc.problems.append(Problem("wrong-text", f"span {label} {offsets}: the file says "
                                    f"{covered!r} but the fragments hold {joined!r}",
                                    file=where, span=fields[0]))
        return None
    return ImportedSpan(start, end, label, where, text[start:end], fields[0])
