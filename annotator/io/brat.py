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
- ``A<n>\t<attribute> T<a> <value>``: an attribute of a span.
- ``#<n>\tAnnotatorNotes <id>\t<note>``: a note on a span (``T<a>``) or a
  relation (``R<b>``). Line breaks in a note become spaces when written (a
  line is a record).

Writing (:func:`create`): spans are numbered from 1 in writer order ``(start,
end, label, id)``, relations in id order, then the attributes of each span
(by name) and the notes of spans and of relations. What brat cannot hold is
reported as dropped, never changed: a label with white space (brat separates
the label from the offsets with a space) and a span that begins or ends with
a line break (a fragment cannot be empty); a relation whose type holds white
space or whose span was not written; an attribute whose name holds white
space or whose value is empty or holds a tab or a line break. Without
``--split`` the files go in ``DIR``; with it, in ``DIR/<split>/``. One
``DIR/annotation.conf`` (:func:`annotation_conf`) declares the labels,
relation types and attributes the files use, so brat flags none of them.

Reading (:func:`read`) takes every annotation brat writes; nothing is passed
over without a line in the report:

- ``T`` lines are spans; a discontinuous one is refused (a problem naming its
  line) and the rest of the file is still read.
- ``R`` lines are relations (their two arguments, ``Arg1`` first).
- ``E`` lines (events, ``E1\tMeeting:T3 Participant:T1 Place:T4``) become a
  relation from the trigger span to each argument, typed by the argument's
  role; a role brat numbered to repeat it (``Participant2`` beside
  ``Participant``) loses its number. An event used as an argument (nested
  events) stands for its trigger span.
- ``A`` lines (and the old ``M`` lines) are span attributes; an attribute
  without a value (brat's binary attributes) gets the value ``true``. On an
  event they go to its trigger span.
- ``#`` ``AnnotatorNotes`` lines are notes: on a span, a relation, or an
  event (its trigger span's note); several notes on one thing are joined by
  a line break. A note on an attribute, a normalization or a span that was
  refused is listed as ignored.
- ``N`` (normalizations), ``*`` (equivalences) and other ``#`` lines are
  listed as ignored. A line that refers to an id no line defines is a
  problem. A folder is searched recursively (an export with ``--split`` has
  one sub-folder per split) for ``.ann`` files only: its ``annotation.conf``
  is brat's configuration, not annotations, and is not read.

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
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, Problem
from annotator.core.project import DEFAULT_RELATION_TYPES
from annotator.core.sentences import LINE_BREAKS
from annotator.core.spans import Span
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Ignored,
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
_ID = re.compile(r"[TREAMN#][0-9A-Za-z_-]*\Z|\*\Z")
_NUMBERED_ROLE = re.compile(r"(\D+?)(\d+)\Z")

Fragment = tuple[int, int]
BINARY_VALUE = "true"  # the value an attribute brat writes without one gets
_A_KIND = {"attribute": "an attribute", "normalization": "a normalization"}


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

def ann_text(doc: ExportDocument, used: Used | None = None) -> tuple[str, list[DroppedSpan]]:
    """The ``.ann`` content of a document and what of it brat cannot hold.

    ``used`` (when given) gathers the labels, relation types and attribute
    values of what was written, for ``annotation.conf``.
    """
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
        if used is not None:
            used.labels.add(span.label)
        pieces = fragments(text, span.start, span.end)
        lines.append(f"T{number}\t{span.label} {offsets_field(pieces)}\t"
                     f"{fragments_text(text, pieces)}\n")
    relation_numbers: dict[str, int] = {}
    spans = {s.id: s for s in doc.spans}
    for relation in doc.relations:
        ends = (numbers.get(relation.source), numbers.get(relation.target))
        if ends[0] is None or ends[1] is None or not relation.type or any(
                ch.isspace() for ch in relation.type):
            first = spans[relation.source]
            why = ("its type holds white space" if ends[0] and ends[1]
                   else "one of its spans was not written")
            dropped.append(DroppedSpan(doc.doc_id, relation.id, first.start, first.end,
                                       relation.type, "relation", why, kind="relation"))
            continue
        number = relation_numbers[relation.id] = len(relation_numbers) + 1
        if used is not None:
            used.relation_types.add(relation.type)
        lines.append(f"R{number}\t{relation.type} Arg1:T{ends[0]} Arg2:T{ends[1]}\n")
    attribute_number = 0
    for span in doc.spans:
        if span.id not in numbers:
            continue
        for name, value in sorted((span.attributes or {}).items()):
            problem = _attribute_problem(name, value)
            if problem:
                dropped.append(DroppedSpan(doc.doc_id, span.id, span.start, span.end, span.label,
                                           "attribute", f"{name}={value!r}: {problem}"))
                continue
            attribute_number += 1
            if used is not None:
                used.attributes.setdefault(name, {}).setdefault(span.label, set()).add(value)
            lines.append(f"A{attribute_number}\t{name} T{numbers[span.id]} {value}\n")
    notes = [(f"T{numbers[s.id]}", s.note) for s in doc.spans
             if s.note is not None and s.id in numbers]
    notes += [(f"R{relation_numbers[r.id]}", r.extra["note"]) for r in doc.relations
              if isinstance(r.extra.get("note"), str) and r.id in relation_numbers]
    for number, (target, note) in enumerate(notes, 1):
        lines.append(f"#{number}\tAnnotatorNotes {target}\t{one_line(note)}\n")
    return "".join(lines), dropped


def _unwritable(text: str, span: Span) -> tuple[str, str] | None:
    if not span.label or any(ch.isspace() for ch in span.label):
        return ("label-has-space", f"label {span.label!r}")
    if text[span.start] in LINE_BREAKS or text[span.end - 1] in LINE_BREAKS:
        return ("line-break-edge", "brat fragments cannot start or end with a line break")
    return None


def _attribute_problem(name: str, value: str) -> str | None:
    if not name or any(ch.isspace() for ch in name):
        return "its name is empty or holds white space"
    if not value or any(ch == "\t" or ch in LINE_BREAKS for ch in value):
        return "its value is empty or holds a tab or a line break"
    return None


# -- annotation.conf -----------------------------------------------------------

CONF = "annotation.conf"
ANY_ENTITY = "<ENTITY>"  # brat's wildcard for "a span of any label"
_CONF_UNSAFE = re.compile(r"[\s,|:]")  # what would break a Arg:a|b, Value:c|d list


@dataclass
class Used:
    """What an export wrote: span labels, relation types, and attribute values by label."""

    labels: set[str] = field(default_factory=set)
    relation_types: set[str] = field(default_factory=set)
    attributes: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # name→label→values


def annotation_conf(context: ExportContext, used: Used) -> str:
    """brat's ``annotation.conf`` for an export: every label, relation type and attribute
    its ``.ann`` files use, so brat flags none of them as undeclared.

    - ``[entities]``: the project's labels in its order, then labels in use that it
      lacks (sorted).
    - ``[relations]``: the declared types (or, for a project declaring none, the
      default types), then types in use (sorted): ``type Arg1:a|b, Arg2:c``; an end
      without labels, or a type only in use, is ``<ENTITY>`` (any label). Labels not
      in ``[entities]`` are left out of an end; a declared type left with an empty
      end is not written (no span could carry it).
    - ``[events]``: none (Annotator has no events).
    - ``[attributes]``: one line per attribute name (brat's names are global), for
      the labels declaring it and those carrying it:
      ``name Arg:a|b, Value:v1|v2``, the declared values in order, then values
      written that are not declared (sorted): an attribute declared without values
      (any string) gets the values the export holds. An attribute with no value at
      all is binary (``name Arg:a``). A value holding white space, ``,``, ``|`` or
      ``:`` cannot be listed and is left out of the line.

    Names with white space are left out, as the ``.ann`` files leave them out.
    """
    labels = [label.name for label in context.labels if _conf_name(label.name)]
    labels += sorted(name for name in used.labels - set(labels) if _conf_name(name))
    known = set(labels)
    lines = ["# brat configuration written by Annotator's export: the project's schema",
             "[entities]", *labels, "", "[relations]"]
    declared = context.relation_ends if context.relation_ends is not None else {
        item["name"]: (frozenset(item["from"]), frozenset(item["to"]))
        for item in DEFAULT_RELATION_TYPES}
    for name in [*declared, *sorted(used.relation_types - set(declared))]:
        if not _conf_name(name):
            continue
        sources, targets = declared.get(name, (frozenset(), frozenset()))
        ends = [_end(sources, known), _end(targets, known)]
        if "" in ends and name not in used.relation_types:
            continue
        lines.append(f"{name} Arg1:{ends[0] or ANY_ENTITY}, Arg2:{ends[1] or ANY_ENTITY}")
    lines += ["", "[events]", "", "[attributes]"]
    for name, (carriers, values) in sorted(_attribute_schema(context, used).items()):
        if _conf_name(name) and carriers:
            kept = [v for v in values if v and not _CONF_UNSAFE.search(v)]
            value = f", Value:{'|'.join(kept)}" if kept else ""
            lines.append(f"{name} Arg:{'|'.join(carriers)}{value}")
    return "\n".join(lines) + "\n"


def _conf_name(name: str) -> bool:
    return bool(name) and not any(ch.isspace() for ch in name)


def _end(allowed: frozenset[str], known: set[str]) -> str:
    """An ``Arg`` of ``[relations]``: ``a|b``; ``<ENTITY>`` for any; "" when none is known."""
    if not allowed:
        return ANY_ENTITY
    return "|".join(sorted(allowed & known))


def _attribute_schema(context: ExportContext,
                      used: Used) -> dict[str, tuple[list[str], list[str]]]:
    """Each attribute name: the labels that declare or carry it, and its values."""
    schema: dict[str, tuple[list[str], list[str]]] = {}
    for label in context.labels:
        items = label.extra.get("attributes")
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                continue
            carriers, values = schema.setdefault(item["name"], ([], []))
            if _conf_name(label.name) and label.name not in carriers:
                carriers.append(label.name)
            listed = item.get("values")
            values += [v for v in listed if isinstance(v, str) and v not in values] \
                if isinstance(listed, list) else []
    for name, by_label in used.attributes.items():
        carriers, values = schema.setdefault(name, ([], []))
        carriers += sorted(label for label in by_label
                           if label not in carriers and _conf_name(label))
        values += sorted({v for seen in by_label.values() for v in seen} - set(values))
    return schema


class BratWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.context = context
        self.split_given = context.split_given
        self.used = Used()

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        prefix = f"{split}/" if self.split_given else ""
        ann, dropped = ann_text(doc, self.used)
        self.staging.write_bytes(f"{prefix}{doc.doc_id}.txt", doc.text.encode("utf-8"))
        self.staging.write_bytes(f"{prefix}{doc.doc_id}.ann", ann.encode("utf-8"))
        return dropped

    def finish(self) -> None:
        # one file at the top: brat looks for it in a document's folder, then in its parents
        self.staging.write_bytes(CONF, annotation_conf(self.context, self.used).encode("utf-8"))


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


@dataclass
class _Event:
    where: str
    type: str
    trigger: str
    args: list[tuple[str, str]]  # (role, id)


@dataclass
class _Lines:
    """What an ``.ann`` file holds, by id, before the lines are tied together."""

    spans: dict[str, ImportedSpan] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)  # T ids whose line was refused
    relations: dict[str, ImportedRelation] = field(default_factory=dict)
    events: dict[str, _Event] = field(default_factory=dict)
    others: dict[str, str] = field(default_factory=dict)  # A, M, N ids: what they are
    attributes: list[tuple[str, str, str, str, str | None]] = field(
        default_factory=list)  # (where, id, name, target, value)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (where, target, note)


def read_pair(ann: Path) -> ImportedDocument:
    txt = ann.with_suffix(".txt")
    text = read_source_text(txt) if txt.is_file() else None
    doc = ImportedDocument(str(ann), ann.stem, text)
    found = _Lines()
    for number, line in enumerate(read_source_text(ann).split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip():
            _read_line(line, f"{ann}:{number}", text, doc, found)
    doc.spans = list(found.spans.values())
    _events(found, doc)
    doc.relations[:0] = found.relations.values()
    _attributes(found, doc)
    _notes(found, doc)
    return doc


def _read_line(line: str, where: str, text: str | None, doc: ImportedDocument,
               found: _Lines) -> None:
    fields = line.split("\t")
    ident = fields[0]
    kind = ident[:1]
    if not _ID.match(ident) or len(fields) < 2:
        doc.problems.append(Problem("bad-input", f"cannot read line {line!r}", file=where))
        return
    if ident in found.spans or ident in found.relations or ident in found.events or \
            ident in found.others or ident in found.refused:
        doc.problems.append(Problem("duplicate-id", f"id {ident} is given twice", file=where,
                                    span=ident))
        return
    data = fields[1]
    if kind == "T" and len(fields) >= 3:
        span = _span(fields, where, text, doc)
        if span is None:
            found.refused.add(ident)
        else:
            found.spans[ident] = span
    elif kind == "R":
        parts = data.split(" ")
        args = [_ARG.match(p) for p in parts[1:] if p]
        if len(args) != 2 or not all(args):
            doc.problems.append(Problem("bad-input", f"cannot read relation {line!r}",
                                        file=where))
            return
        ends = {m.group(1): m.group(2) for m in args if m}
        source, target = ends.get("Arg1"), ends.get("Arg2")
        if source is None or target is None:
            source, target = (m.group(2) for m in args if m)
        found.relations[ident] = ImportedRelation(parts[0], source, target, where, ident)
    elif kind == "E":
        parts = [p for p in data.split(" ") if p]
        pairs = [_ARG.match(p) for p in parts]
        if not parts or not all(pairs):
            doc.problems.append(Problem("bad-input", f"cannot read event {line!r} (brat writes "
                                        "Type:Trigger Role:Argument ...)", file=where))
            return
        event_type, trigger = pairs[0].group(1), pairs[0].group(2)  # type: ignore[union-attr]
        found.events[ident] = _Event(where, event_type, trigger,
                                     [(m.group(1), m.group(2)) for m in pairs[1:] if m])
    elif kind in "AM":
        parts = data.split(" ", 2)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            doc.problems.append(Problem("bad-input", f"cannot read attribute {line!r}",
                                        file=where))
            return
        found.others[ident] = "attribute"
        found.attributes.append((where, ident, parts[0], parts[1],
                                 parts[2] if len(parts) == 3 else None))
    elif kind == "N":
        found.others[ident] = "normalization"
        doc.ignored.append(Ignored("normalization(s) (N lines, links to a knowledge base)",
                                   "Annotator spans have no place for them; not imported",
                                   where=where))
    elif kind == "*":
        doc.ignored.append(Ignored("equivalence(s) (* lines)",
                                   "Annotator has no equivalence sets; not imported", where=where))
    elif kind == "#" and len(fields) >= 3 and data.startswith("AnnotatorNotes "):
        found.notes.append((where, data.split(" ", 1)[1].strip(), "\t".join(fields[2:])))
    elif kind == "#":
        doc.ignored.append(Ignored(f"comment(s) of type {data.split(' ', 1)[0]!r} (# lines)",
                                   "only AnnotatorNotes comments are notes; not imported",
                                   where=where))
    else:
        doc.problems.append(Problem("bad-input", f"cannot read line {line!r}", file=where))


def _trigger_of(found: _Lines, ident: str) -> str | None:
    """The span an id stands for: a span itself, or an event's trigger (nested events too)."""
    seen: set[str] = set()
    while ident in found.events and ident not in seen:
        seen.add(ident)
        ident = found.events[ident].trigger
    return ident if ident.startswith("T") else None


def _events(found: _Lines, doc: ImportedDocument) -> None:
    """Each event: a relation from its trigger span to each argument, typed by the role."""
    for ident, event in found.events.items():
        if event.trigger not in found.spans and event.trigger not in found.refused:
            doc.problems.append(Problem("dangling-relation", f"event {ident} has the trigger "
                                        f"{event.trigger}, which is not a span of this file",
                                        file=event.where, span=ident))
            continue
        roles = [role for role, _ in event.args]
        for role, argument in event.args:
            numbered = _NUMBERED_ROLE.match(role)
            if numbered and numbered.group(1) in roles:
                role = numbered.group(1)
            target = _trigger_of(found, argument) or argument
            doc.relations.append(ImportedRelation(role, event.trigger, target, event.where))
        if not event.args:
            doc.ignored.append(Ignored("event(s) without arguments", "only the trigger span is "
                                       "imported (an event without arguments is just its "
                                       "trigger)", where=event.where))
    for relation in found.relations.values():  # an event as a relation's argument: its trigger
        relation.source = _trigger_of(found, relation.source) or relation.source
        relation.target = _trigger_of(found, relation.target) or relation.target


def _attributes(found: _Lines, doc: ImportedDocument) -> None:
    for where, ident, name, target, value in found.attributes:
        span_id = _trigger_of(found, target)
        if span_id in found.refused:
            doc.ignored.append(Ignored("attribute(s) of a refused span", "the span was not "
                                       "imported (see its problem)", where=where))
            continue
        span = found.spans.get(span_id) if span_id else None
        if span is None:
            what = ("a relation" if target in found.relations
                    else "a normalization or an attribute" if target in found.others else None)
            if what:
                doc.ignored.append(Ignored(f"attribute(s) of {what}", "Annotator attributes "
                                           "belong to spans; not imported", where=where))
            else:
                doc.problems.append(Problem("dangling-relation", f"attribute {ident} refers to "
                                            f"{target}, which no line of this file defines",
                                            file=where, span=ident))
            continue
        attributes = span.attributes if span.attributes is not None else {}
        new = value if value is not None else BINARY_VALUE
        if attributes.get(name, new) != new:
            doc.problems.append(Problem("duplicate-id", f"attribute {name} of {span_id} is "
                                        f"given twice with different values ({attributes[name]!r}"
                                        f" and {new!r})", file=where, span=ident))
            continue
        attributes[name] = new
        span.attributes = attributes


def _notes(found: _Lines, doc: ImportedDocument) -> None:
    for where, target, note in found.notes:
        if target in found.relations:
            relation = found.relations[target]
            relation.note = note if relation.note is None else f"{relation.note}\n{note}"
            continue
        span_id = _trigger_of(found, target)
        if span_id in found.refused:
            doc.ignored.append(Ignored("note(s) on a refused span", "the span was not imported "
                                       "(see its problem)", where=where))
        elif span_id in found.spans:
            span = found.spans[span_id]
            span.note = note if span.note is None else f"{span.note}\n{note}"
        elif target in found.others:
            doc.ignored.append(Ignored(f"note(s) on {_A_KIND[found.others[target]]}",
                                       "Annotator keeps notes on spans and relations only; not "
                                       "imported", where=where))
        else:
            doc.problems.append(Problem("dangling-relation", f"a note refers to {target}, which "
                                        "no line of this file defines", file=where))


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
                                    "Annotator spans are continuous, so it cannot be imported; "
                                    "the rest of the file can be, leaving it out", file=where,
                                    span=fields[0], hint="skip_bad"))
        return None
    joined = fragments_text(text, pieces)
    if joined != covered:
        doc.problems.append(Problem("wrong-text", f"span {label} {offsets}: the file says "
                                    f"{covered!r} but the fragments hold {joined!r}",
                                    file=where, span=fields[0]))
        return None
    return ImportedSpan(start, end, label, where, text[start:end], fields[0])
