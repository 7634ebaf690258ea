"""The ``jsonl`` export (format spec section 4): one JSON object per document and line.

``{"id", "text", "annotator", "status", "spans": [{"id", "start", "end",
"label", "text"}], "relations": [{"id", "type", "from", "to"}]}``, spans in
writer order ``(start, end, label, id)`` with their ``note``, ``attributes``
and ``origin`` where present, relations in id order with their ``note``;
offsets in code points exactly as in the annotation files. Every span goes
out, overlapping or not: nothing is dropped. One file per split,
``DIR/<split>.jsonl``. :mod:`annotator.io.import_jsonl` reads it back.
"""

from __future__ import annotations

from typing import Any

from annotator.core.spans import Relation, Span
from annotator.io.exchange import DroppedSpan, ExportContext, ExportDocument, Staging, json_line


def span_record(span: Span) -> dict[str, Any]:
    record: dict[str, Any] = {"id": span.id, "start": span.start, "end": span.end,
                              "label": span.label, "text": span.text}
    if span.note is not None:
        record["note"] = span.note
    if span.attributes is not None:
        record["attributes"] = dict(sorted(span.attributes.items()))
    if isinstance(span.extra.get("origin"), str):
        record["origin"] = span.extra["origin"]
    return record


def relation_record(relation: Relation) -> dict[str, Any]:
    record: dict[str, Any] = {"id": relation.id, "type": relation.type,
                              "from": relation.source, "to": relation.target}
    if isinstance(relation.extra.get("note"), str):
        record["note"] = relation.extra["note"]
    return record


def document_record(doc: ExportDocument) -> dict[str, object]:
    return {"id": doc.doc_id, "text": doc.text, "annotator": doc.annotator, "status": doc.status,
            "spans": [span_record(s) for s in doc.spans],
            "relations": [relation_record(r) for r in doc.relations]}


class JsonlWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.files = {split: staging.open(f"{split}.jsonl") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        self.files[split].write(json_line(document_record(doc)))
        return []

    def finish(self) -> None:
        pass


def create(staging: Staging, context: ExportContext) -> JsonlWriter:
    return JsonlWriter(staging, context)
