"""Reading doccano sequence-labelling exports: JSON lines, a JSON array, or one JSON object.

Every shape doccano has written or reads is taken::

    {"id": 7, "text": "...", "label": [[start, end, "LABEL"], ...], "Comments": [...]}
    {"id": 7, "text": "...", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5,
     "label": "LABEL"}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "TYPE"}]}
    {"column_data": "...", "column_label": [[start, end, "LABEL"]]}   (its import example)
    {"doc_id": 3, "text": "...", "entities": [[start, end, "LABEL"]], "username": "amal"}

(the last is doccano 0.x; its ``username`` names the annotator). The text is
``text``, else ``column_data``, else ``data``. doccano gives no covered text,
so offsets are checked against the record's text only by range; the import
driver warns when they fit word edges much better as UTF-16 offsets (doccano's
editor counts UTF-16 code units: read such files with ``utf16_offsets``).
Entity ids become span ids ``T<id>`` and relation ids ``R<id>`` (kept when
unique), so a file written by ``annotator export --format doccano`` comes
back with the same ids.

A record names its document with a string ``doc_id`` or ``name`` if it has
one; otherwise it is matched to the project document with the same text, or
becomes a new document ``<file>-<record id>`` (its ``id``, or doccano 0.x's
number ``doc_id``, or its place in the file). A ``status`` of ``new``,
``in_progress`` or ``done`` (Annotator's, kept by doccano as metadata) is the
annotation file's status.

Nothing is dropped without a line: a ``label`` list of plain strings (text
classification), doccano's comments (``Comments``), and every other key
(doccano writes a record's metadata as keys of their own) are listed as
ignored, with counts. A file in the shape of Annotator's own jsonl export or
of a Label Studio export is refused as a whole, naming the format to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import Problem
from annotator.core.spans import STATUSES
from annotator.io.exchange import (
    Ignored,
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    is_int,
    read_json_records,
    wrong_shape,
)

# keys this reader uses; doccano's own bookkeeping that holds no annotation
_USED = ("id", "text", "column_data", "data", "label", "column_label", "entities", "relations",
         "doc_id", "name", "status", "username")
_BOOKKEEPING = ("annotation_approver",)


def read(path: Path) -> list[ImportedDocument]:
    path = Path(path)
    records = read_json_records(path)
    wrong = wrong_shape(path, records, "doccano", ("jsonl", "labelstudio"))
    if wrong is not None:
        return [wrong]
    return [_document(path, n, where, record)
            for n, (where, record) in enumerate(records, 1)]


def _document(path: Path, n: int, where: str, record: Any) -> ImportedDocument:
    if not isinstance(record, dict):
        return ImportedDocument(where, None, None, problems=[
            Problem("bad-input", "a record must be a JSON object", file=where)], report_only=True)
    text_key = next((k for k in ("text", "column_data", "data") if k in record), "text")
    text = record.get(text_key)
    name = next((record[k] for k in ("doc_id", "name") if isinstance(record.get(k), str)), None)
    number = next((record[k] for k in ("id", "doc_id") if is_int(record.get(k))), n)
    suggested = f"{path.stem}-{number}"
    username = record.get("username")
    doc = ImportedDocument(where, name, text if isinstance(text, str) else None,
                           annotator=username if isinstance(username, str) and username else None,
                           suggested_id=suggested)
    if doc.text is None:
        doc.problems.append(Problem("bad-input", f"'{text_key}' must be a string (the text)",
                                    file=where))
        doc.report_only = True
    status = record.get("status")
    if status in STATUSES:
        doc.status = status
    elif status is not None:
        doc.ignored.append(Ignored("'status' value(s) that are not an Annotator status",
                                   "metadata; not imported"))
    for key in ("label", "column_label"):
        if key in record:
            _labels(record[key], key, where, doc)
    if "entities" in record:
        _entities(record["entities"], where, doc)
    if "relations" in record:
        _relations(record["relations"], where, doc)
    for key, value in record.items():
        if key in _USED or key in ("text", "column_data", "data") or value in (None, [], {}, ""):
            continue
        if key in _BOOKKEEPING:
            continue
        if key in ("Comments", "comments"):
            count = len(value) if isinstance(value, list) else 1
            doc.ignored.append(Ignored("doccano comment(s) ('Comments')", "comments are not "
                                       "annotations; not imported", count))
        elif key in ("meta", "metadata") and isinstance(value, dict):
            doc.ignored.append(Ignored("doccano metadata value(s)", "not imported", len(value)))
        else:
            doc.ignored.append(Ignored(f"value(s) of the key {key!r} (doccano metadata, or a key "
                                       "doccano does not write)", "not imported"))
    # text keys not used as the text (a record with both 'text' and 'data')
    for key in ("column_data", "data"):
        if key != text_key and key in record and record[key] not in (None, ""):
            doc.ignored.append(Ignored(f"value(s) of the key {key!r} besides {text_key!r}",
                                       "the text is read from one key; not imported"))
    return doc


def _labels(labels: Any, key: str, where: str, doc: ImportedDocument) -> None:
    classes = 0
    for i, item in enumerate(labels if isinstance(labels, list) else [labels]):
        at = f"{where}: {key}[{i}]"
        if isinstance(item, str):
            classes += 1
        elif (isinstance(item, list) and len(item) == 3 and is_int(item[0]) and is_int(item[1])
              and isinstance(item[2], str)):
            doc.spans.append(ImportedSpan(item[0], item[1], item[2], at))
        else:
            doc.problems.append(Problem("bad-input", f"a {key} item must be [start, end, "
                                        "\"LABEL\"] (or a document label string)", file=at))
    if classes:
        doc.ignored.append(Ignored(f"document label(s) ('{key}' strings: text "
                                   "classification)", "not spans; not imported", classes))


def _span_id(value: Any) -> str | None:
    """The span id of a doccano entity id: ``T<id>`` for a number, the string itself else."""
    if is_int(value) and value >= 0:
        return f"T{value}"
    return value if isinstance(value, str) else None


def _entities(entities: Any, where: str, doc: ImportedDocument) -> None:
    for i, item in enumerate(entities if isinstance(entities, list) else [entities]):
        at = f"{where}: entities[{i}]"
        if (isinstance(item, list) and len(item) == 3 and is_int(item[0]) and is_int(item[1])
                and isinstance(item[2], str)):  # doccano 0.x
            doc.spans.append(ImportedSpan(item[0], item[1], item[2], at))
            continue
        if not (isinstance(item, dict) and is_int(item.get("start_offset"))
                and is_int(item.get("end_offset")) and isinstance(item.get("label"), str)):
            doc.problems.append(Problem("bad-input", "an entity needs integer start_offset and "
                                        "end_offset and a string label", file=at))
            continue
        doc.spans.append(ImportedSpan(item["start_offset"], item["end_offset"], item["label"],
                                      at, source_id=_span_id(item.get("id"))))
        extra = sorted(k for k in item if k not in ("id", "start_offset", "end_offset", "label"))
        if extra:
            doc.ignored.append(Ignored(f"entity key(s) {', '.join(map(repr, extra))}",
                                       "not imported", len(extra)))


def _relations(relations: Any, where: str, doc: ImportedDocument) -> None:
    for i, item in enumerate(relations if isinstance(relations, list) else [relations]):
        at = f"{where}: relations[{i}]"
        source = _span_id(item.get("from_id")) if isinstance(item, dict) else None
        target = _span_id(item.get("to_id")) if isinstance(item, dict) else None
        if not (isinstance(item, dict) and source is not None and target is not None
                and isinstance(item.get("type"), str)):
            doc.problems.append(Problem("bad-input", "a relation needs from_id, to_id and a "
                                        "string type", file=at))
            continue
        relation_id: Any = item.get("id")
        kept = f"R{relation_id}" if is_int(relation_id) and relation_id >= 0 else None
        doc.relations.append(ImportedRelation(item["type"], source, target, at, kept))
