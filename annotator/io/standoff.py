"""The standoff annotation file (format spec section 3): parse, check, re-anchor, write.

:func:`parse_annotations` never raises on bad content: it returns every problem
it found (with file, span id and field) next to the spans it could accept, so
``annotator validate`` can list them all and the window can refuse to open a
broken file without losing anything. Only bytes that are not JSON the format
allows raise (see :func:`annotator.io.jsonfile.parse_json_bytes`: invalid
UTF-8, malformed JSON, non-finite numbers, huge integers, lone surrogates).

``version`` must be the integer 1 (not ``true``, not ``1.0``). Ids are unique
across spans, relations and spans kept aside (``unplaced_spans``), whose labels
and field types are checked like those of spans (not their offsets). Values of
unknown keys are kept, unless nested more than
:data:`~annotator.io.jsonfile.MAX_DEPTH` levels deep (reported, ``too-deep``).
``rejected_suggestions`` (section 3b) is read into
:attr:`AnnotationSet.rejected_suggestions` (integer ``start < end``, string
``label`` and ``source``; offsets not checked against the text) and written
after ``relations`` and ``unplaced_spans``, sorted by ``(start, end, label,
source)``, only when there is one.

Spans are made as the JSON is read (:class:`_SpanReader`), and written a
batch at a time (:class:`~annotator.io.jsonfile.Streamed`): a 50,000-span file
never exists as 50,000 dicts, on the way in or out.

A stale file (its ``sha256`` differs from the text) is re-anchored by
:func:`reanchor`, a one-to-one assignment: spans whose text is still at their
old offsets stay; each other span takes the nearest occurrence of its text
that no span with different old offsets took. The spans that find no free
occurrence, and those placed but then refused (a label not in the project, a
repeated id), are kept aside in ``unplaced`` and written back under the
``unplaced_spans`` key, never dropped.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.annotations import AnnotationSet, RejectedSuggestion
from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import GOLD, RelationTypes, label_name_problem
from annotator.core.spans import STATUSES, Relation, Span, Status
from annotator.io.jsonfile import (
    MAX_DEPTH,
    Streamed,
    deeper_than,
    dump_json_bytes,
    parse_json_bytes,
)

FORMAT = "annotator/standoff"
VERSION = 1
UNPLACED_KEY = "unplaced_spans"
REJECTED_KEY = "rejected_suggestions"  # FORMAT.md section 3b
_TOP_KEYS = ("format", "version", "document", "annotator", "status", "modified", "spans",
             "relations", UNPLACED_KEY, REJECTED_KEY)
_REJECTED_KEYS = ("start", "end", "label", "source")
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


def _describe(value: Any) -> str:
    """A short, safe rendering of a value from the file for a message (any size or depth)."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object"


def parse_annotations(data: bytes, text: str, *, source: str, doc_id: str | None = None,
                      annotator: str | None = None,
                      labels: frozenset[str] | None = None,
                      relation_types: RelationTypes | None = None) -> ReadResult:
    """Read annotation bytes against the document ``text`` and the allowed ``labels``.

    ``relation_types`` (the project's, see :meth:`Project.relation_types`): each
    relation's type must be one of them and its ends' labels must fit (an
    empty list of labels fits any); None accepts any type.

    ``doc_id``/``annotator``: what the file's place in the project says it must
    hold. Raises :class:`AnnotatorError` only when the file is not JSON at all
    (or JSON the format forbids: see :func:`annotator.io.jsonfile.parse_json_bytes`).
    """
    raw = _records_only_in_lists(parse_json_bytes(data, source, _SpanReader()))
    problems: list[Problem] = []

    def bad(code: str, message: str, span: str | None = None, fld: str | None = None) -> None:
        problems.append(Problem(code, message, file=source, span=span, field=fld))

    if not isinstance(raw, dict):
        raise AnnotatorError(Problem("bad-format", "an annotation file holds a JSON object",
                                     file=source))
    if raw.get("format") != FORMAT:
        bad("bad-format", f"'format' is {_describe(raw.get('format'))}, expected {FORMAT!r}",
            fld="format")
    version = raw.get("version")
    if type(version) is not int or version != VERSION:  # not true, not 1.0
        bad("bad-format", f"'version' {_describe(version)} is not supported (expected the "
            f"integer {VERSION})", fld="version")

    document = raw.get("document")
    if not isinstance(document, dict):
        bad("bad-field", "'document' must be an object with id, sha256 and length", fld="document")
        document = {}
    file_doc_id = document.get("id")
    if not isinstance(file_doc_id, str):
        bad("bad-field", "'document.id' must be a string", fld="document.id")
        file_doc_id = doc_id or ""
    elif doc_id is not None and file_doc_id != doc_id:
        bad("doc-mismatch", f"file names document {_describe(file_doc_id)} but lives at "
            f"{doc_id!r}", fld="document.id")
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
        bad("doc-mismatch", f"file names annotator {_describe(file_annotator)} but lives in "
            f"{where}", fld="annotator")
    status: Status = "in_progress"
    if raw.get("status") in STATUSES:
        status = raw["status"]
    else:
        bad("bad-status", f"status {_describe(raw.get('status'))} is not one of "
            f"{', '.join(STATUSES)}", fld="status")
    modified = raw.get("modified")
    if modified is not None and not isinstance(modified, str):
        bad("bad-field", "'modified' must be a string", fld="modified")
        modified = None

    aset = AnnotationSet(file_doc_id, text, file_annotator, labels, status, modified)
    aset.extra = _shallow_only({k: v for k, v in raw.items() if k not in _TOP_KEYS}, "", bad)
    aset.document_extra = _shallow_only({k: v for k, v in document.items()
                                         if k not in ("id", "sha256", "length")}, "document.",
                                        bad)
    stale = isinstance(sha, str) and sha != aset.sha256
    if stale and isinstance(sha, str):
        bad("stale", f"document.sha256 {sha[:12]}… does not match the text "
            f"({aset.sha256[:12]}…): the document changed since it was annotated",
            fld="document.sha256")
    elif _is_int(length) and length != len(text):
        bad("bad-length", f"document.length is {length} but the text has {len(text)} code points",
            fld="document.length")

    aset.rejected_suggestions = _parse_rejected(raw.get(REJECTED_KEY, []), bad)
    spans = _parse_spans(raw.pop("spans", None), "spans", bad)  # (raw keeps no 2nd list)
    unplaced = [_without_old_offsets(span)
                for span in _parse_spans(raw.get(UNPLACED_KEY, []), UNPLACED_KEY, bad)]
    result = ReadResult(aset, problems, stale)
    # Ids are unique across spans, spans kept aside and relations: reported once, here.
    span_ids = {span.id for span in spans}
    repeated: set[int] = set()  # id() of the span objects whose id came before
    if len(span_ids) < len(spans) or unplaced:  # (the common case needs no second look)
        span_ids = set()
        for span in (*spans, *unplaced):
            if span.id in span_ids:
                repeated.add(id(span))
                bad("duplicate-id", f"span id {span.id!r} is already used", span=span.id)
            span_ids.add(span.id)
    del span_ids  # each id is below in the set or in not_inserted (50,000 ids not held twice)

    def label_aside(span: Span) -> None:  # a span kept aside: offsets not checked, labels are
        if labels is not None and span.label not in labels:
            bad("unknown-label", f"label {_describe(span.label)} is not in the project's labels "
                f"({', '.join(sorted(labels))})", span=span.id, fld="label")

    # spans refused or not placed: relations to them are not reported again as dangling
    not_inserted = {s.id for s in unplaced}
    placements: Sequence[Span | None] = reanchor(spans, text) if stale else spans
    for span, placed in zip(spans, placements, strict=True):
        if placed is None:  # re-anchoring found no free place for its text
            aset.unplaced.append(span)
            not_inserted.add(span.id)
            label_aside(span)
            continue
        span_problems = aset.span_problems(placed)
        if span_problems:  # a repeated id is reported above, once
            span_problems = [p for p in span_problems if p.code != "duplicate-id"]
            for problem in span_problems:
                problems.append(Problem(problem.code, problem.message, file=source, span=span.id))
        if span_problems or (repeated and id(span) in repeated):
            not_inserted.add(span.id)
            if stale:  # kept aside rather than lost: the file is saved back with it
                aset.unplaced.append(span)
        else:
            aset._insert(placed, defer_order=True)
            if placed is not span:
                result.moved.append(Moved(span.id, span.start, span.end, placed.start,
                                          placed.end))
    aset._sort_index()  # one sort instead of an insertion per span
    for span in unplaced:
        label_aside(span)
    aset.unplaced.extend(unplaced)
    for span in aset.unplaced:
        bad("unplaced-span", f"span {span.id} {span.label} {span.text!r} (was at "
            f"{span.start}..{span.end}) could not be placed in the current text", span=span.id)

    relations = raw.get("relations", [])
    if not isinstance(relations, list):
        bad("bad-field", "'relations' must be a list", fld="relations")
        relations = []
    links: dict[tuple[str, str, str], str] = {}  # (type, from, to) -> the first relation's id
    for i, item in enumerate(relations):
        relation = _parse_relation(item, i, bad)
        if relation is None:
            continue
        rel_problems = [p for p in aset.relation_problems(relation) if not (
            p.code == "dangling-relation" and {relation.source, relation.target} & not_inserted)]
        if relation.id in aset or relation.id in not_inserted:  # a span's id
            rel_problems.append(Problem("duplicate-id", f"relation id {relation.id!r} is "
                                        "already used by a span", span=relation.id))
        named = label_name_problem(relation.type, "relation type")
        if named is not None:  # FORMAT.md section 2, with or without declared types
            rel_problems.append(Problem("bad-name", named, span=relation.id, field="type"))
        link = (relation.type, relation.source, relation.target)
        twin = links.setdefault(link, relation.id)
        if twin != relation.id:  # FORMAT.md section 3: at most one per type, from and to
            rel_problems.append(Problem("duplicate-relation", f"relation {relation.id} repeats "
                                        f"{twin} (type {relation.type!r}, from "
                                        f"{relation.source}, to {relation.target})",
                                        span=relation.id))
        if relation_types is not None:
            rel_problems += _schema_problems(relation, relation_types, aset)
        for problem in rel_problems:
            problems.append(Problem(problem.code, problem.message, file=source,
                                    span=relation.id, field=problem.field))
        aset._insert_relation(relation)
    return result


def _shallow_only(values: dict[str, Any], prefix: str, bad: Any) -> dict[str, Any]:
    """``values`` without those nested deeper than :data:`MAX_DEPTH` (each reported)."""
    kept = {}
    for key, value in values.items():
        if isinstance(value, (dict, list)) and deeper_than(value, MAX_DEPTH):
            bad("too-deep", f"'{prefix}{key}' is nested more than {MAX_DEPTH} levels deep",
                fld=f"{prefix}{key}")
        else:
            kept[key] = value
    return kept


def _parse_rejected(items: Any, bad: Any) -> list[RejectedSuggestion]:
    """``rejected_suggestions``: objects with integer ``start < end``, string ``label`` and
    ``source``, sorted as writers write them.

    Their offsets are not checked against the text (like spans kept aside, they
    may name places of an older text); a bad entry is reported, never dropped
    silently (the file then opens read-only).
    """
    if not isinstance(items, list):
        bad("bad-field", f"'{REJECTED_KEY}' must be a list", fld=REJECTED_KEY)
        return []
    found = []
    for i, item in enumerate(items):
        where = f"{REJECTED_KEY}[{i}]"
        if not isinstance(item, dict) or deeper_than(item, MAX_DEPTH + 1):
            bad("bad-field", f"{where} must be an object with start, end, label and source",
                fld=where)
            continue
        wrong = [k for k in ("start", "end") if not _is_int(item.get(k))]
        wrong += [k for k in ("label", "source") if type(item.get(k)) is not str]
        if wrong:
            bad("bad-field", f"{where}: {', '.join(wrong)} missing or of the wrong type",
                fld=f"{where}.{wrong[0]}")
            continue
        if not 0 <= item["start"] < item["end"]:
            bad("bad-field", f"{where}: start {item['start']} is not before end {item['end']} "
                "(or negative)", fld=f"{where}.start")
            continue
        extra = {k: v for k, v in item.items() if k not in _REJECTED_KEYS}
        found.append(RejectedSuggestion(item["start"], item["end"], item["label"],
                                        item["source"], extra))
    return sorted(found, key=lambda r: r.sort_key)


def rejected_to_json(item: RejectedSuggestion) -> dict[str, Any]:
    return {"start": item.start, "end": item.end, "label": item.label, "source": item.source,
            **dict(sorted(item.extra.items()))}


def _without_old_offsets(span: Span) -> Span:
    """A span kept aside as the model holds it: ``old_start``/``old_end`` are its offsets."""
    if "old_start" not in span.extra and "old_end" not in span.extra:
        return span
    extra = {k: v for k, v in span.extra.items() if k not in ("old_start", "old_end")}
    return span.with_changes(extra=extra)


def _schema_problems(relation: Relation, types: RelationTypes,
                     aset: AnnotationSet) -> list[Problem]:
    """A relation of a type the project does not have, or whose ends' labels do not fit."""
    if relation.type not in types:
        known = ", ".join(sorted(types)) or "none"
        return [Problem("bad-relation", f"relation type {relation.type!r} is not one of the "
                        f"project's ({known})", span=relation.id, field="type")]
    allowed_from, allowed_to = types[relation.type]
    found = []
    for end, allowed, side in ((relation.source, allowed_from, "from"),
                               (relation.target, allowed_to, "to")):
        span = aset.get(end)
        if span is not None and allowed and span.label not in allowed:
            found.append(Problem("bad-relation", f"relation {relation.type!r} goes {side} a "
                                 f"{', '.join(sorted(allowed))} span, but {end} is "
                                 f"{span.label!r}", span=relation.id, field=side))
    return found


_PLAIN_SPAN_KEYS = ("id", "start", "end", "label", "text")


class _SpanReader:
    """Makes each plain span object a :class:`Span` as the JSON is read (a pairs hook).

    Plain: the keys ``id``, ``start``, ``end``, ``label``, ``text`` in this
    order (as written) and nothing else, of exact types, so the 50,000 objects
    of a big file never all exist as dicts. Labels and texts that recur are
    kept once. Objects of other shapes stay dicts and are checked as before;
    a Span made anywhere but as an item of ``spans`` or ``unplaced_spans``
    becomes its object again (:func:`_records_only_in_lists`).
    """

    def __init__(self) -> None:
        self.shared: dict[str, str] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> Any:
        if len(pairs) == 5:
            (k0, span_id), (k1, start), (k2, end), (k3, label), (k4, text) = pairs
            if (k0 == "id" and k1 == "start" and k2 == "end" and k3 == "label"
                    and k4 == "text" and type(span_id) is str and type(start) is int
                    and type(end) is int and type(label) is str and type(text) is str):
                shared = self.shared
                return Span(span_id, start, end, shared.setdefault(label, label),
                            shared.setdefault(text, text))
        return dict(pairs)


def _plain_object(span: Span) -> dict[str, Any]:
    return dict(zip(_PLAIN_SPAN_KEYS, (span.id, span.start, span.end, span.label, span.text),
                    strict=True))


def _records_only_in_lists(raw: Any) -> Any:
    """``raw`` with each Span :class:`_SpanReader` made outside the lists ``spans`` and
    ``unplaced_spans`` of the top-level object turned back into the object it was."""
    if type(raw) is Span:
        return _plain_object(raw)
    allowed = {id(raw.get(key)) for key in ("spans", UNPLACED_KEY)} \
        if type(raw) is dict else set()
    stack: list[Any] = [raw]
    while stack:
        container = stack.pop()
        if type(container) is dict:
            for key, value in container.items():
                if type(value) is Span:
                    container[key] = _plain_object(value)  # (a value replaced, no key added)
                elif type(value) is dict or type(value) is list:
                    stack.append(value)
        elif type(container) is list:
            keep = id(container) in allowed
            for index, value in enumerate(container):
                kind = type(value)
                if kind is Span:
                    if not keep:
                        container[index] = _plain_object(value)
                elif kind is dict or kind is list:
                    stack.append(value)
    return raw


def _parse_spans(items: Any, key: str, bad: Any) -> list[Span]:
    if not isinstance(items, list):
        bad("bad-field", f"'{key}' must be a list", fld=key)
        return []
    if all(type(item) is Span for item in items):  # every one read already: the list is ours
        return items
    spans = []
    for i, item in enumerate(items):
        if type(item) is Span:  # a plain span, read already (_SpanReader)
            spans.append(item)
            continue
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
        if deeper_than(item, MAX_DEPTH + 1):  # the span's own level, then its values
            bad("too-deep", f"{where} holds values nested more than {MAX_DEPTH} levels deep",
                span=label, fld=where)
            continue
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
        for name in attributes or {}:  # FORMAT.md section 2 names attributes too
            named = label_name_problem(name, "attribute")
            if named is not None:
                bad("bad-name", f"{where}: {named}", span=label, fld="attributes")
        extra = {k: v for k, v in item.items() if k not in _SPAN_KEYS}
        spans.append(Span(item["id"], item["start"], item["end"], item["label"], item["text"],
                          note, attributes, extra))
    return spans


def _parse_relation(item: Any, index: int, bad: Any) -> Relation | None:
    where = f"relations[{index}]"
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in _RELATION_KEYS):
        bad("bad-field", f"{where} needs string keys id, type, from and to", fld=where)
        return None
    if deeper_than(item, MAX_DEPTH + 1):
        bad("too-deep", f"{where} holds values nested more than {MAX_DEPTH} levels deep",
            span=item["id"], fld=where)
        return None
    extra = {k: v for k, v in item.items() if k not in _RELATION_KEYS}
    return Relation(item["id"], item["type"], item["from"], item["to"], extra)


def occurrences_by_distance(text: str, needle: str, near: int) -> Iterator[int]:
    """Starts of every occurrence of ``needle`` in ``text``, nearest to ``near`` first.

    Ties go to the earlier occurrence. Lazy, and it searches outwards from
    ``near`` in rings of doubling width, so finding the nearest occurrence
    costs about its distance, not the length of the text.
    """
    if not needle:
        return
    size = len(needle)
    last = len(text) - size  # the last possible start
    near = min(max(0, near), len(text))
    found: list[tuple[int, int]] = []  # (distance, start), a heap
    ahead, behind = near, near  # starts >= ahead and < behind are not searched yet
    radius = 64
    while True:
        top = min(near + radius, last)
        while ahead <= top:
            start = text.find(needle, ahead, top + size)
            if start < 0:
                ahead = top + 1
                break
            heapq.heappush(found, (start - near, start))
            ahead = start + 1
        bottom = max(0, near - radius)
        while behind > bottom:
            start = text.rfind(needle, bottom, behind - 1 + size)
            if start < 0:
                behind = bottom
                break
            heapq.heappush(found, (near - start, start))
            behind = start
        done = ahead > last and behind <= 0
        while found and (done or found[0][0] <= radius):
            yield heapq.heappop(found)[1]
        if done:
            return
        radius *= 2


def find_nearest(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` closest to offset ``near``."""
    return next(occurrences_by_distance(text, needle, near), None)


def reanchor(spans: list[Span], text: str) -> list[Span | None]:
    """Where each span of a stale file goes in the new ``text``: the span (moved), or None.

    A one-to-one assignment (format spec section 3): spans whose text is still
    at their old offsets keep them; the others, grouped by old offsets, take
    the nearest occurrence of their text that no other group has taken, nearest
    pairs first (so a span is not pushed away by one that was farther from the
    same occurrence). Spans that had the same offsets (two labels on one word)
    move together; a group for which no occurrence is free gets None (the
    caller keeps those spans aside).
    """
    placements: list[Span | None] = [None] * len(spans)
    taken: set[tuple[int, int]] = set()
    groups: dict[tuple[int, int, str], list[int]] = {}
    for index, span in enumerate(spans):
        if 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text:
            placements[index] = span
            taken.add((span.start, span.end))
        else:
            groups.setdefault((span.start, span.end, span.text), []).append(index)
    # nearest pairs first: a heap of each group's next candidate
    heap: list[tuple[int, int, int]] = []
    candidates: list[Iterator[int]] = []
    keys = list(groups)
    for order, (start, _end, needle) in enumerate(keys):
        found = occurrences_by_distance(text, needle, start)
        candidates.append(found)
        first = next(found, None)
        if first is not None:
            heapq.heappush(heap, (abs(first - start), first, order))
    while heap:
        _distance, position, order = heapq.heappop(heap)
        old_start, _old_end, needle = keys[order]
        place = (position, position + len(needle))
        if place in taken:  # another group's: try this group's next occurrence
            following = next(candidates[order], None)
            if following is not None:
                heapq.heappush(heap, (abs(following - old_start), following, order))
            continue
        taken.add(place)
        for index in groups[keys[order]]:
            placements[index] = spans[index].with_changes(start=place[0], end=place[1])
    return placements


def unplaced_to_json(span: Span) -> dict[str, Any]:
    """A span kept aside: the span keys plus ``old_start``/``old_end`` (FORMAT.md section 3).

    Its ``start``/``end`` are the offsets it had in the old text, the same as
    ``old_start``/``old_end``; readers of files written before this key existed
    take them from ``start``/``end``.
    """
    entry = span_to_json(span)
    entry["old_start"], entry["old_end"] = span.start, span.end
    return entry


def span_to_json(span: Span) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": span.id, "start": span.start, "end": span.end,
                             "label": span.label, "text": span.text}
    if span.note is not None:
        entry["note"] = span.note
    if span.attributes is not None:
        entry["attributes"] = dict(sorted(span.attributes.items()))
    entry.update(sorted(span.extra.items()))
    return entry


def annotations_to_json(aset: AnnotationSet, *, stream_spans: bool = False) -> dict[str, Any]:
    """The file's JSON object, keys in the spec's order, unknown keys kept after them.

    ``stream_spans``: ``spans`` is a :class:`~annotator.io.jsonfile.Streamed` list,
    each span's object made only as :func:`~annotator.io.jsonfile.dump_json_bytes`
    writes it.
    """
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
    spans = aset.spans()
    value["spans"] = Streamed(spans, span_to_json) if stream_spans else [
        span_to_json(s) for s in spans]
    value["relations"] = [
        {"id": r.id, "type": r.type, "from": r.source, "to": r.target,
         **dict(sorted(r.extra.items()))} for r in aset.relations()]
    if aset.unplaced:
        value[UNPLACED_KEY] = [unplaced_to_json(s) for s in sorted(aset.unplaced,
                                                                   key=lambda s: s.sort_key)]
    if aset.rejected_suggestions:
        value[REJECTED_KEY] = [rejected_to_json(r) for r in sorted(
            aset.rejected_suggestions, key=lambda r: r.sort_key)]
    value.update(sorted(aset.extra.items()))
    return value


def serialize_annotations(aset: AnnotationSet) -> bytes:
    """Deterministic bytes for ``aset``: same set, same bytes."""
    return dump_json_bytes(annotations_to_json(aset, stream_spans=True))
