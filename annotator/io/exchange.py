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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import DEFAULT_RELATION_TYPES, Label, RelationTypes
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
    reason: str  # "overlap", "no-token", "misaligned", "unplaced", "label-has-space", ...
    detail: str = ""
    kind: str = "span"  # "relation" when span_id is a relation's (its type in label)

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return (f"{self.doc_id}: {self.kind} {self.span_id} {self.label} {self.start}..{self.end} "
                f"dropped: {self.reason}{detail}")


@dataclass(frozen=True)
class ExportContext:
    """What every writer may need besides the documents."""

    labels: tuple[Label, ...]
    splits: tuple[str, ...]  # split names in order; ("all",) without --split
    split_given: bool
    # the relation types project.json declares, in its order; None when it declares none
    # (such a project accepts any type: FORMAT.md section 2)
    relation_types: tuple[str, ...] | None = None
    # the same types with the labels their ends may have (empty: any); None likewise
    relation_ends: RelationTypes | None = None


# The relation types of a project without project.json (FORMAT.md section 2), by name.
DEFAULT_RELATION_NAMES: tuple[str, ...] = tuple(t["name"] for t in DEFAULT_RELATION_TYPES)


def relation_type_names(context: ExportContext, used: Iterable[str] = ()) -> list[str]:
    """The relation types a labelling tool should offer: declared, or defaults and ``used``.

    Those ``project.json`` declares; for a project declaring none, the default
    types and then every other type in ``used``, in that order. A type in use
    that the declaration lacks is added too, so the tool can show it.
    """
    names = list(DEFAULT_RELATION_NAMES if context.relation_types is None
                 else context.relation_types)
    for name in used:
        if name not in names:
            names.append(name)
    return names


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


def tag_document(doc: ExportDocument, base: int = 0) -> TaggedDocument:
    """Tokenize at every span boundary, flat-tag (longest span wins), split sentences.

    Every span the flat tagging cannot keep comes back in ``dropped``. ``base``:
    where ``doc`` begins in the whole document, when it is a part of one (the
    offsets reported in ``dropped`` are the whole document's).
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
            detail = (f"overlaps longer span {winner.id} {winner.label} "
                      f"{winner.start + base}..{winner.end + base}")
        elif lost.reason == "no-token":
            detail = "covers only white space"
        dropped.append(DroppedSpan(doc.doc_id, span.id, span.start + base, span.end + base,
                                   span.label, lost.reason, detail))
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
    attributes: dict[str, str] | None = None
    origin: str | None = None  # the suggestion source it was accepted from (our own jsonl)
    score: float | None = None  # a prediction's score, kept when imported as a suggestion


@dataclass
class ImportedRelation:
    type: str
    source: str  # source_id of the spans it links
    target: str
    where: str
    source_id: str | None = None  # the tool's own id, kept when it is an R<n> id
    note: str | None = None


@dataclass(frozen=True)
class Ignored:
    """Something a reader read and does not import: how many, what, and why.

    ``what`` names the kind of thing with a plural-neutral ``(s)`` (the count
    goes in front of it); the driver adds up equal ``what``/``why`` pairs over
    all records, so keep record-specific values out of them.
    """

    what: str
    why: str
    count: int = 1
    where: str | None = None  # where it is, when not the whole document's place

    def __str__(self) -> str:
        return f"{self.count} {self.what}: {self.why}"


@dataclass
class ImportedDocument:
    """One document's annotations as read from another tool's files.

    ``report_only``: not a document but findings about the source (a file in
    another tool's shape, a task whose every annotation was cancelled): only
    its ``problems`` and ``ignored`` count.
    """

    where: str  # file (and record) it came from
    doc_id: str | None  # the name the source gives it, if any
    text: str | None  # the text as the source holds it, if it holds one
    spans: list[ImportedSpan] = field(default_factory=list)
    relations: list[ImportedRelation] = field(default_factory=list)
    annotator: str | None = None  # who made it, when the source says
    status: Status | None = None
    suggested_id: str | None = None  # the id for a new document when the source names none
    ignored: list[Ignored] = field(default_factory=list)  # things read but not importable
    problems: list[Problem] = field(default_factory=list)  # found while reading
    report_only: bool = False


def whole_file_problem(where: str, problem: Problem) -> ImportedDocument:
    """A finding about the whole source: reported, and nothing of it is imported."""
    return ImportedDocument(where, None, None, problems=[problem], report_only=True)


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
    """(where, value) of each record of a JSON lines file, a JSON array or one JSON value.

    Tools write all three: doccano JSONL (one record per line), a JSON array
    (Label Studio's exports), and one pretty-printed object (doccano's examples,
    the one file per task Label Studio's cloud storage writes). A file whose
    first record line is a whole ``{...}`` object is read as JSON lines, and
    every malformed line is reported at once, with its line number; any other
    file is one JSON value (an array gives one record per item). Values are
    read by :func:`annotator.io.jsonfile.parse_json_bytes`: no NaN, no huge
    integers, no lone surrogates, no nesting too deep to handle.
    """
    text = read_source_text(path)
    source = str(path)
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        return []
    first = lines[0][1].strip()
    if first.startswith("[") or (len(lines) > 1 and not (
            first.startswith("{") and first.endswith("}"))):
        value = _parse_json(text, source)
        if isinstance(value, list):
            return [(f"{path}: item {i}", item) for i, item in enumerate(value)]
        return [(source, value)]
    records: list[tuple[str, Any]] = []
    problems: list[Problem] = []
    for number, line in lines:
        try:
            records.append((f"{path}:{number}", _parse_json(line, source, number)))
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


# -- which tool wrote a record ---------------------------------------------------

SHAPE_NAMES = {"jsonl": "Annotator's own jsonl export", "doccano": "a doccano export",
               "labelstudio": "a Label Studio export"}


def _span_items(value: Any, *keys: str) -> bool:
    """Whether ``value`` is a non-empty list of objects that all hold ``keys``."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and all(k in item for k in keys) for item in value)


def record_shape(record: Any) -> str | None:
    """Which tool's shape a JSON record has: ``jsonl``, ``doccano``, ``labelstudio`` or None.

    Only unmistakable marks count: our ``spans`` of ``start``/``end``/``label``;
    doccano's ``entities`` or ``label``/``column_label`` of ``[start, end,
    label]`` triples or ``start_offset`` objects; Label Studio's ``data`` object,
    ``annotations``/``predictions`` lists, or a JSON_MIN item's list of
    ``start``/``end``/``labels`` regions.

    >>> record_shape({"id": "d1", "text": "كيم", "spans": [{"start": 0, "end": 3, "label": "x"}]})
    'jsonl'
    >>> record_shape({"text": "كيم", "label": [[0, 3, "entity"]]})
    'doccano'
    """
    if not isinstance(record, dict):
        return None
    spans = record.get("spans")
    if _span_items(spans, "start", "end", "label") or (isinstance(spans, list) and (
            "annotator" in record or "status" in record)):
        return "jsonl"
    if isinstance(record.get("data"), dict) or any(
            isinstance(record.get(k), list) for k in ("annotations", "completions", "predictions")):
        return "labelstudio"
    if any(_span_items(v, "start", "end") and all(
            any(k.endswith("labels") for k in item) for item in v) for v in record.values()):
        return "labelstudio"  # a JSON_MIN item
    if _span_items(record.get("entities"), "start_offset", "end_offset"):
        return "doccano"
    for key in ("label", "column_label", "entities"):
        value = record.get(key)
        if isinstance(value, list) and value and all(
                isinstance(item, list) and len(item) == 3 and is_int(item[0])
                and is_int(item[1]) for item in value):
            return "doccano"
    return None


def wrong_shape(path: Path, records: list[tuple[str, Any]], expected: str,
                others: tuple[str, ...]) -> ImportedDocument | None:
    """A whole-file problem when the records are in the shape of one of ``others``.

    ``expected`` is the format chosen; the problem names the one to choose
    (its ``hint`` is the option that chooses it, ``format``).
    """
    shapes = [record_shape(value) for _, value in records]
    for shape in others:
        if shape in shapes and not any(s not in (shape, None) for s in shapes):
            where = next(w for (w, _), s in zip(records, shapes, strict=True) if s == shape)
            return whole_file_problem(str(path), Problem(
                "wrong-format", f"this file is {SHAPE_NAMES[shape]}, not {SHAPE_NAMES[expected]} "
                f"(first seen at {where}); nothing of it can be read as {expected}: import it with "
                f"the {shape} format", file=str(path), hint="format"))
    return None
