"""The standoff annotation file (format spec section 3): parse, check, re-anchor, write.

:func:`parse_annotations` never raises on bad content: it returns every problem
it found (with file, span id and field) next to the spans it could accept, so
``annotator validate`` can list them all and the window can refuse to open a
broken file without losing anything. A stale file (its ``sha256`` differs from
the text) is re-anchored: each span's text is looked for nearest its old place;
the spans that cannot be found are kept aside in ``unplaced``, and written back
under the ``unplaced_spans`` key, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.annotations import AnnotationSet
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD
from annotator.core.spans import STATUSES, Relation, Span, Status
from annotator.io.jsonfile import dump_json_bytes, parse_json_bytes

FORMAT = "annotator/standoff"
VERSION = 1
UNPLACED_KEY = "unplaced_spans"
_TOP_KEYS = ("format", "version", "document", "annotator", "status", "modified", "spans",
             "relations", UNPLACED_KEY)
_SPAN_KEYS = ("id", "start", "end", "label", "text", "note", "attributes")
_RELATION_KEYS = ("id", "type", "from", "to")

# Problem codes that describe a file the window can still open (after re-anchoring).
RECOVERABLE = frozenset({"stale", "unplaced-span"})


@dataclass
class Moved:
    """A span of a stale file that re-anchoring placed at new offsets."""

    span_id: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass
class ReadResult:
    """What a reader made of one annotation file."""

    annotations: AnnotationSet
    problems: list[Problem] = field(default_factory=list)
    stale: bool = False
    moved: list[Moved] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def openable(self) -> bool:
        """True when nothing would be lost by editing and saving this file."""
        return all(p.code in RECOVERABLE for p in self.problems)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_annotations(data: bytes, text: str, *, source: str, doc_id: str | None = None,
                      annotator: str | None = None,
                      labels: frozenset[str] | None = None) -> ReadResult:
    """Read annotation bytes against the document ``text`` and the allowed ``labels``.

    ``doc_id``/``annotator``: what the file's place in the project says it must
    hold. Raises :class:`AnnotatorError` only when the file is not JSON at all.
    """
    raw = parse_json_bytes(data, source)
    problems: list[Problem] = []

    def bad(code: str, message: str, span: str | None = None, fld: str | None = None) -> None:
        problems.append(Problem(code, message, file=source, span=span, field=fld))

    if not isinstance(raw, dict):
        raise AnnotatorError(Problem("bad-format", "an annotation file holds a JSON object",
                                     file=source))
    if raw.get("format") != FORMAT:
        bad("bad-format", f"'format' is {raw.get('format')!r}, expected {FORMAT!r}", fld="format")
    if raw.get("version") != VERSION:
        bad("bad-format", f"'version' {raw.get('version')!r} is not supported (expected "
            f"{VERSION})", fld="version")

    document = raw.get("document")
    if not isinstance(document, dict):
        bad("bad-field", "'document' must be an object with id, sha256 and length", fld="document")
        document = {}
    file_doc_id = document.get("id")
    if not isinstance(file_doc_id, str):
        bad("bad-field", "'document.id' must be a string", fld="document.id")
        file_doc_id = doc_id or ""
    elif doc_id is not None and file_doc_id != doc_id:
        bad("doc-mismatch", f"file names document {file_doc_id!r} but lives at {doc_id!r}",
            fld="document.id")
    sha = document.get("sha256")
    if not isinstance(sha, str):
        bad("bad-field", "'document.sha256' must be a string", fld="document.sha256")
    length = document.get("length")
    if not _is_int(length):
        bad("bad-field", "'document.length' must be an integer", fld="document.length")

    file_annotator = raw.get("annotator")
    if not isinstance(file_annotator, str) or not file_annotator:
        bad("bad-field", "'annotator' must be a non-empty string", fld="annotator")
        file_annotator = annotator or ""
    elif annotator is not None and file_annotator != annotator:
        where = "gold/" if annotator == GOLD else f"annotations/{annotator}/"
        bad("doc-mismatch", f"file names annotator {file_annotator!r} but lives in {where}",
            fld="annotator")
    status: Status = "in_progress"
    if raw.get("status") in STATUSES:
        status = raw["status"]
    else:
        bad("bad-status", f"status {raw.get('status')!r} is not one of {', '.join(STATUSES)}",
            fld="status")
    modified = raw.get("modified")
    if modified is not None and not isinstance(modified, str):
        bad("bad-field", "'modified' must be a string", fld="modified")
        modified = None

    aset = AnnotationSet(file_doc_id, text, file_annotator, labels, status, modified)
    aset.extra = {k: v for k, v in raw.items() if k not in _TOP_KEYS}
    aset.document_extra = {k: v for k, v in document.items()
                           if k not in ("id", "sha256", "length")}
    stale = isinstance(sha, str) and sha != aset.sha256
    if stale and isinstance(sha, str):
        bad("stale", f"document.sha256 {sha[:12]}… does not match the text "
            f"({aset.sha256[:12]}…): the document changed since it was annotated",
            fld="document.sha256")
    elif _is_int(length) and length != len(text):
        bad("bad-length", f"document.length is {length} but the text has {len(text)} code points",
            fld="document.length")

    spans = _parse_spans(raw.get("spans"), "spans", bad)
    unplaced = _parse_spans(raw.get(UNPLACED_KEY, []), UNPLACED_KEY, bad)
    result = ReadResult(aset, problems, stale)
    # spans refused or not placed: relations to them are not reported again as dangling
    not_inserted = {s.id for s in unplaced}
    for span in spans:
        if stale:
            placed = _reanchor(span, text, result)
            if placed is None:
                not_inserted.add(span.id)
                continue
            span = placed
        span_problems = aset.span_problems(span)
        for problem in span_problems:
            problems.append(Problem(problem.code, problem.message, file=source, span=span.id))
        if span_problems:
            not_inserted.add(span.id)
        else:
            aset._insert(span, defer_order=True)
    aset._sort_index()  # one sort instead of an insertion per span
    aset.unplaced.extend(unplaced)
    for span in aset.unplaced:
        bad("unplaced-span", f"span {span.id} {span.label} {span.text!r} (was at "
            f"{span.start}..{span.end}) could not be placed in the current text", span=span.id)

    relations = raw.get("relations", [])
    if not isinstance(relations, list):
        bad("bad-field", "'relations' must be a list", fld="relations")
        relations = []
    for i, item in enumerate(relations):
        relation = _parse_relation(item, i, bad)
        if relation is None:
            continue
        rel_problems = [p for p in aset.relation_problems(relation) if not (
            p.code == "dangling-relation" and {relation.source, relation.target} & not_inserted)]
        for problem in rel_problems:
            problems.append(Problem(problem.code, problem.message, file=source,
                                    span=relation.id, field=problem.field))
        aset._insert_relation(relation)
    return result


def _parse_spans(items: Any, key: str, bad: Any) -> list[Span]:
    if not isinstance(items, list):
        bad("bad-field", f"'{key}' must be a list", fld=key)
        return []
    spans = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            bad("bad-field", f"{key}[{i}] must be an object", fld=f"{key}[{i}]")
            continue
        get = item.get
        # exact type checks: a bool is an int to isinstance, not to the format
        if (type(get("start")) is int and type(get("end")) is int
                and type(get("id")) is str and type(get("label")) is str
                and type(get("text")) is str and "note" not in item and "attributes" not in item
                and len(item) == 5):
            # the common case, checked quickly: the five required keys and nothing else
            spans.append(Span(item["id"], item["start"], item["end"], item["label"],
                              item["text"]))
            continue
        where = f"{key}[{i}]"
        span_id = get("id")
        label = span_id if isinstance(span_id, str) else where
        missing = [k for k in ("id", "label", "text") if not isinstance(get(k), str)]
        missing += [k for k in ("start", "end") if not _is_int(get(k))]
        if missing:
            bad("bad-field", f"{where}: {', '.join(missing)} missing or of the wrong type",
                span=label, fld=missing[0])
            continue
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            bad("bad-field", f"{where}: 'note' must be a string", span=label, fld="note")
            note = str(note)
        attributes = item.get("attributes")
        if attributes is not None and not (isinstance(attributes, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in attributes.items())):
            bad("bad-field", f"{where}: 'attributes' must map strings to strings", span=label,
                fld="attributes")
            attributes = {str(k): str(v) for k, v in dict(attributes).items()} \
                if isinstance(attributes, dict) else None
        extra = {k: v for k, v in item.items() if k not in _SPAN_KEYS}
        spans.append(Span(item["id"], item["start"], item["end"], item["label"], item["text"],
                          note, attributes, extra))
    return spans


def _parse_relation(item: Any, index: int, bad: Any) -> Relation | None:
    where = f"relations[{index}]"
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in _RELATION_KEYS):
        bad("bad-field", f"{where} needs string keys id, type, from and to", fld=where)
        return None
    extra = {k: v for k, v in item.items() if k not in _RELATION_KEYS}
    return Relation(item["id"], item["type"], item["from"], item["to"], extra)


def find_nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` closest to offset ``near``."""
    if not needle:
        return None
    after = text.find(needle, max(0, near))
    before = text.rfind(needle, 0, max(0, near) + len(needle) - 1) if near > 0 else -1
    candidates = [p for p in (before, after) if p >= 0]
    return min(candidates, key=lambda p: (abs(p - near), p)) if candidates else None


def _reanchor(span: Span, text: str, result: ReadResult) -> Span | None:
    if text[span.start:span.end] == span.text and 0 <= span.start < span.end:
        return span
    start = find_nearest(text, span.text, span.start)
    if start is None:
        result.annotations.unplaced.append(span)
        return None
    moved = span.with_changes(start=start, end=start + len(span.text))
    result.moved.append(Moved(span.id, span.start, span.end, moved.start, moved.end))
    return moved


def span_to_json(span: Span) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": span.id, "start": span.start, "end": span.end,
                             "label": span.label, "text": span.text}
    if span.note is not None:
        entry["note"] = span.note
    if span.attributes is not None:
        entry["attributes"] = dict(sorted(span.attributes.items()))
    entry.update(sorted(span.extra.items()))
    return entry


def annotations_to_json(aset: AnnotationSet) -> dict[str, Any]:
    """The file's JSON object, keys in the spec's order, unknown keys kept after them."""
    value: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "document": {"id": aset.doc_id, "sha256": aset.sha256, "length": aset.length,
                     **dict(sorted(aset.document_extra.items()))},
        "annotator": aset.annotator,
        "status": aset.status,
    }
    if aset.modified is not None:
        value["modified"] = aset.modified
    value["spans"] = [span_to_json(s) for s in aset.spans()]
    value["relations"] = [
        {"id": r.id, "type": r.type, "from": r.source, "to": r.target,
         **dict(sorted(r.extra.items()))} for r in aset.relations()]
    if aset.unplaced:
        value[UNPLACED_KEY] = [span_to_json(s) for s in sorted(aset.unplaced,
                                                               key=lambda s: s.sort_key)]
    value.update(sorted(aset.extra.items()))
    return value


def serialize_annotations(aset: AnnotationSet) -> bytes:
    """Deterministic bytes for ``aset``: same set, same bytes."""
    return dump_json_bytes(annotations_to_json(aset))
