"""The ``jsonl`` export (format spec section 4): one JSON object per document and line.

``{"id", "text", "annotator", "status", "spans": [{"start", "end", "label",
"text"}]}``, spans in writer order ``(start, end, label, id)``, offsets in code
points exactly as in the annotation files. Every span goes out, overlapping or
not: nothing is dropped. One file per split, ``DIR/<split>.jsonl``.
"""

from __future__ import annotations

from annotator.io.exchange import DroppedSpan, ExportContext, ExportDocument, Staging, json_line


def document_record(doc: ExportDocument) -> dict[str, object]:
    return {"id": doc.doc_id, "text": doc.text, "annotator": doc.annotator, "status": doc.status,
            "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text}
                      for s in doc.spans]}


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
