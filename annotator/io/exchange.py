"""What export writers and import readers share: documents in, spans out, and a staging folder.

The drivers (:mod:`annotator.io.exporting`, :mod:`annotator.io.importing`) do
the project work (choosing files, checking, splitting, reporting); a format
module only turns :class:`ExportDocument` objects into files, or files into
:class:`ImportedDocument` objects. Keeping that line here means a new format is
one small module and one entry in :mod:`annotator.io.formats`.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import Label
from annotator.core.safe_files import read_regular_file
from annotator.core.sentences import sentence_starts
from annotator.core.spans import Relation, Span, Status
from annotator.core.tagging import FlatTagging, flat_labels, iob2
from annotator.core.tokens import Tokens, token_arrays
from annotator.io.atomic import default_mode
from annotator.io.jsonfile import parse_json_bytes
from annotator.io.outputs import EXPORT_MARKER

# Called with (done, total) as work advances; returning False cancels the run.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ExportDocument:
    """One document as exported: its text and the chosen annotator's spans, in writer order."""

    doc_id: str
    text: str
    annotator: str
    status: Status
    spans: tuple[Span, ...]
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class DroppedSpan:
    """A span that is not in the output, and why (never dropped without one of these)."""

    doc_id: str
    span_id: str
    start: int
    end: int
    label: str
    reason: str  # "overlap", "no-token", "misaligned", "unplaced", "label-has-space"
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return (f"{self.doc_id}: span {self.span_id} {self.label} {self.start}..{self.end} "
                f"dropped: {self.reason}{detail}")


@dataclass(frozen=True)
class ExportContext:
    """What every writer may need besides the documents."""

    labels: tuple[Label, ...]
    splits: tuple[str, ...]  # split names in order; ("all",) without --split
    split_given: bool


class Writer(Protocol):
    """A format's writer: fed documents split by split in ``doc_id`` order, then finished."""

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]: ...

    def finish(self) -> None: ...


class Staging:
    """A temporary folder next to the destination; moved into place only when all went well.

    Writers create files through :meth:`open` or :meth:`write_bytes` with names
    relative to the output folder. :meth:`commit` closes them and renames the
    whole folder over the destination (which must be absent or empty, or be
    replaced when ``overwrite`` is set); :meth:`discard` removes every trace.
    """

    def __init__(self, destination: Path, overwrite: bool = False) -> None:
        self.destination = Path(destination)
        self.overwrite = overwrite
        self.destination.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.destination.name}.",
                                          suffix=".tmp", dir=self.destination.parent))
        self.root.chmod(default_mode(directory=True))  # mkdtemp's 0700 would stay on the output
        self._handles: dict[str, IO[bytes]] = {}
        self.names: list[str] = []

    def _path(self, name: str) -> Path:
        path = self.root / name
        if name not in self.names:
            self.names.append(name)
            path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def open(self, name: str) -> IO[bytes]:
        """A binary file for ``name``, opened once and appended to on later calls."""
        handle = self._handles.get(name)
        if handle is None:
            handle = self._handles[name] = open(self._path(name), "wb")  # noqa: SIM115
        return handle

    def write_bytes(self, name: str, data: bytes) -> None:
        self._path(name).write_bytes(data)

    def mark(self, data: bytes) -> None:
        """Write the marker that lets a later ``--overwrite`` replace this folder."""
        marker = self.root / EXPORT_MARKER
        marker.write_bytes(data)
        marker.chmod(default_mode())

    def _close(self) -> None:
        for handle in self._handles.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        self._handles.clear()

    def commit(self) -> list[str]:
        """Move the staged files into place; returns their names, sorted."""
        self._close()
        backup: Path | None = None
        if self.destination.exists():
            if any(self.destination.iterdir()) and not (
                    self.destination / EXPORT_MARKER).is_file():
                raise FileExistsError(17, "the output folder was filled meanwhile by something "
                                      "other than an export", str(self.destination))
            if self.overwrite:
                backup = Path(tempfile.mkdtemp(prefix=f".{self.destination.name}.",
                                               suffix=".old", dir=self.destination.parent))
                os.replace(self.destination, backup / "old")
            else:
                self.destination.rmdir()  # only empty folders get here (checked before)
        os.replace(self.root, self.destination)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
        return sorted(self.names)

    def discard(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass(frozen=True)
class TaggedDocument:
    """A document's tokens, IOB2 tags and sentences, made by the one shared tokenizer."""

    doc: ExportDocument
    tokens: Tokens  # parallel lists: starts, ends, texts
    tagging: FlatTagging
    tags: list[str]
    sentence_starts: list[int]  # index of each sentence's first token
    dropped: list[DroppedSpan]

    def sentence_ranges(self) -> Iterator[tuple[int, int]]:
        """``(first, end)`` token indices of each sentence."""
        return itertools.pairwise([*self.sentence_starts, len(self.tokens)])


def tag_document(doc: ExportDocument) -> TaggedDocument:
    """Tokenize at every span boundary, flat-tag (longest span wins), split sentences.

    Every span the flat tagging cannot keep comes back in ``dropped``.
    """
    triples = [(s.start, s.end, s.label) for s in doc.spans]
    tokens = token_arrays(doc.text, (b for s, e, _ in triples for b in (s, e)))
    tagging = flat_labels(tokens, triples)
    dropped = []
    by_key = {(s.start, s.end, s.label): s for s in doc.spans} if tagging.dropped else {}
    for lost in tagging.dropped:
        span = doc.spans[lost.index]
        detail = ""
        if lost.by is not None:
            winner = by_key[lost.by]
            detail = f"overlaps longer span {winner.id} {winner.label} {winner.start}..{winner.end}"
        elif lost.reason == "no-token":
            detail = "covers only white space"
        dropped.append(DroppedSpan(doc.doc_id, span.id, span.start, span.end, span.label,
                                   lost.reason, detail))
    kept = [(s, e) for s, e, _ in tagging.kept_spans()]
    return TaggedDocument(doc, tokens, tagging, iob2(tagging),
                          sentence_starts(doc.text, tokens, kept), dropped)


_UNSAFE_IN_LINES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(value: Any) -> bytes:
    r"""One JSONL line: real characters, but U+2028, U+2029 and U+0085 escaped.

    ``json.dumps`` leaves those three raw; they are valid JSON, but readers that
    split lines with ``str.splitlines`` would cut a record in two.

    >>> json_line({"t": "a\u2028b"})
    b'{"t": "a\\u2028b"}\n'
    """
    text = json.dumps(value, ensure_ascii=False)
    if any(ch in text for ch in _UNSAFE_IN_LINES):
        for raw, escaped in _UNSAFE_IN_LINES.items():
            text = text.replace(raw, escaped)
    return (text + "\n").encode("utf-8")


def iob_tag_names(labels: tuple[Label, ...]) -> list[str]:
    """``O`` then ``B-``/``I-`` of each label in schema order: the id order of tag ids."""
    names = ["O"]
    for label in labels:
        names += [f"B-{label.name}", f"I-{label.name}"]
    return names


# -- imports -----------------------------------------------------------------


@dataclass
class ImportedSpan:
    """A span as another tool wrote it, before any checking. ``text`` may be unknown."""

    start: int
    end: int
    label: str
    where: str  # file and line or record, for messages
    text: str | None = None
    source_id: str | None = None  # the tool's own id, kept when it is a T<n> id
    note: str | None = None


@dataclass
class ImportedRelation:
    type: str
    source: str  # source_id of the spans it links
    target: str
    where: str
    source_id: str | None = None


@dataclass
class ImportedDocument:
    """One document's annotations as read from another tool's files."""

    where: str  # file (and record) it came from
    doc_id: str | None  # the name the source gives it, if any
    text: str | None  # the text as the source holds it, if it holds one
    spans: list[ImportedSpan] = field(default_factory=list)
    relations: list[ImportedRelation] = field(default_factory=list)
    annotator: str | None = None  # who made it, when the source says
    status: Status | None = None
    suggested_id: str | None = None  # the id for a new document when the source names none
    ignored: list[str] = field(default_factory=list)  # things read but not importable
    problems: list[Problem] = field(default_factory=list)  # found while reading


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_source_text(path: Path) -> str:
    """A source file's text: UTF-8 (BOM dropped), nothing else changed; refuses bad UTF-8.

    Only a regular file is read (a FIFO or a device is refused, never waited on).
    """
    from annotator.core.document import decode_text

    try:
        data = read_regular_file(path)
    except OSError as exc:
        raise AnnotatorError(Problem("bad-input", f"cannot read: {exc.strerror}",
                                     file=str(path))) from None
    return decode_text(data, str(path))


def read_json_records(path: Path) -> list[tuple[str, Any]]:
    """(where, value) of each record of a JSONL file, or of each item of a JSON array file.

    Every malformed line is reported at once, with its line number. Values are
    read by :func:`annotator.io.jsonfile.parse_json_bytes`: no NaN, no huge
    integers, no lone surrogates, no nesting too deep to handle.
    """
    text = read_source_text(path)
    if text.lstrip().startswith("["):
        items = _parse_json(text, str(path))
        return [(f"{path}: item {i}", item) for i, item in enumerate(items)]
    records: list[tuple[str, Any]] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append((f"{path}:{number}", _parse_json(line, str(path), number)))
        except AnnotatorError as exc:
            problems.extend(exc.problems)
    if problems:
        raise AnnotatorError(*problems)
    return records


def _parse_json(text: str, source: str, line: int | None = None) -> Any:
    """A JSON value, with malformed JSON reported as ``bad-input`` (with the line)."""
    try:
        return parse_json_bytes(text.encode("utf-8"), source)
    except AnnotatorError as exc:
        problem = exc.problem
        message = problem.message if line is None else f"line {line}: {problem.message}"
        code = "bad-input" if problem.code == "malformed-json" else problem.code
        if line is not None and problem.code == "malformed-json":
            message = message.replace("at line 1, column", "at column")
        raise AnnotatorError(Problem(code, message, file=source, field=problem.field)) from None
