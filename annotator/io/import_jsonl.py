"""Reading back Annotator's own ``jsonl`` export (see :mod:`annotator.io.export_jsonl`).

Each line names its document (``id``), holds its text, annotator and status,
every span with its id, covered text, and its ``note``, ``attributes`` and
``origin`` where present, and every relation (``id``, ``type``, ``from``,
``to``, ``note``); so an export read back into a project gives the same
annotation sets, ids included. Any other key is listed as ignored, and a file
in doccano's or Label Studio's shape is refused as a whole, naming the format.
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

_KEYS = ("id", "text", "annotator", "status", "spans", "relations")
_SPAN_KEYS = ("id", "start", "end", "label", "text", "note", "attributes", "origin")
_RELATION_KEYS = ("id", "type", "from", "to", "note")


def read(path: Path) -> list[ImportedDocument]:
    path = Path(path)
    records = read_json_records(path)
    wrong = wrong_shape(path, records, "jsonl", ("doccano", "labelstudio"))
    if wrong is not None:
        return [wrong]
    return [_document(where, record) for where, record in records]


def _document(where: str, record: Any) -> ImportedDocument:
    if not isinstance(record, dict):
        return ImportedDocument(where, None, None, problems=[
            Problem("bad-input", "a line must hold a JSON object", file=where)], report_only=True)
    doc_id = record.get("id") if isinstance(record.get("id"), str) else None
    text = record.get("text") if isinstance(record.get("text"), str) else None
    annotator = record.get("annotator") if isinstance(record.get("annotator"), str) else None
    status = record.get("status") if record.get("status") in STATUSES else None
    doc = ImportedDocument(where, doc_id, text, annotator=annotator, status=status)
    if text is None:
        doc.problems.append(Problem("bad-input", "'text' must be a string", file=where))
        doc.report_only = True
    spans = record.get("spans", [])
    for i, item in enumerate(spans if isinstance(spans, list) else [None]):
        span = _span(item, where, i, doc)
        if span is not None:
            doc.spans.append(span)
    relations = record.get("relations", [])
    for i, item in enumerate(relations if isinstance(relations, list) else [None]):
        at = f"{where}: relations[{i}]"
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str)
                                               for k in ("type", "from", "to"))
                and isinstance(item.get("id", ""), str)
                and isinstance(item.get("note", ""), str)):
            doc.problems.append(Problem("bad-input", f"relations[{i}] needs string type, from "
                                        "and to (and a string id and note)", file=where))
            continue
        doc.relations.append(ImportedRelation(item["type"], item["from"], item["to"], at,
                                              item.get("id"), item.get("note")))
        _unknown(item, _RELATION_KEYS, "relation", doc)
    _unknown(record, _KEYS, "record", doc)
    return doc


def _span(item: Any, where: str, i: int, doc: ImportedDocument) -> ImportedSpan | None:
    if (not isinstance(item, dict) or not is_int(item.get("start"))
            or not is_int(item.get("end")) or not isinstance(item.get("label"), str)
            or not all(isinstance(item.get(k, ""), str) for k in ("text", "id", "note", "origin"))):
        doc.problems.append(Problem("bad-input", f"spans[{i}] needs integer start and end, a "
                                    "string label and text (and string id, note and origin)",
                                    file=where))
        return None
    attributes = item.get("attributes")
    if attributes is not None and not (isinstance(attributes, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in attributes.items())):
        doc.problems.append(Problem("bad-input", f"spans[{i}]: 'attributes' must map strings "
                                    "to strings", file=where))
        return None
    _unknown(item, _SPAN_KEYS, "span", doc)
    return ImportedSpan(item["start"], item["end"], item["label"], f"{where}: spans[{i}]",
                        item.get("text"),
                        item.get("id"), item.get("note"),
                        dict(attributes) if attributes is not None else None, item.get("origin"))


def _unknown(item: dict[str, Any], known: tuple[str, ...], what: str,
             doc: ImportedDocument) -> None:
    for key in item:
        if key not in known:
            doc.ignored.append(Ignored(f"{what} key(s) {key!r}", "not part of Annotator's jsonl "
                                       "export; not imported"))
