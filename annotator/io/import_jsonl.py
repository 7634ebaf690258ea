"""Reading back Annotator's own ``jsonl`` export (see :mod:`annotator.io.export_jsonl`).

Each line names its document (``id``), holds its text, annotator and status,
and every span with its covered text, so an export read back into a project
with the same documents gives the same annotation sets (span ids aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import Problem
from annotator.core.spans import STATUSES
from annotator.io.exchange import ImportedDocument, ImportedSpan, is_int, read_json_records


def read(path: Path) -> list[ImportedDocument]:
    return [_document(where, record) for where, record in read_json_records(Path(path))]


def _document(where: str, record: Any) -> ImportedDocument:
    if not isinstance(record, dict):
        return ImportedDocument(where, None, None, problems=[
            Problem("bad-input", "a line must hold a JSON object", file=where)])
    doc_id = record.get("id") if isinstance(record.get("id"), str) else None
    text = record.get("text") if isinstance(record.get("text"), str) else None
    annotator = record.get("annotator") if isinstance(record.get("annotator"), str) else None
    status = record.get("status") if record.get("status") in STATUSES else None
    doc = ImportedDocument(where, doc_id, text, annotator=annotator, status=status)
    if text is None:
        doc.problems.append(Problem("bad-input", "'text' must be a string", file=where))
    spans = record.get("spans", [])
    for i, item in enumerate(spans if isinstance(spans, list) else [None]):
        if (not isinstance(item, dict) or not is_int(item.get("start"))
                or not is_int(item.get("end")) or not isinstance(item.get("label"), str)
                or not isinstance(item.get("text", ""), str)):
            doc.problems.append(Problem("bad-input", f"spans[{i}] needs integer start and end, "
                                        "a string label and text", file=where))
            continue
        doc.spans.append(ImportedSpan(item["start"], item["end"], item["label"],
                                      f"{where}: spans[{i}]", item.get("text")))
    return doc
