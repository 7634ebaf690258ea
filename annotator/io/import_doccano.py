"""Reading doccano sequence-labelling exports (JSONL, or a JSON array).

Both shapes doccano has written are read::

    {"text": "...", "label": [[start, end, "LABEL"], ...]}
    {"text": "...", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5,
                                  "label": "LABEL"}], "relations": [{"id": 1,
     "from_id": 1, "to_id": 2, "type": "TYPE"}]}

doccano gives no covered text, so offsets are checked against the record's
text only by range; the import driver warns when they fit word edges much
better as UTF-16 offsets (doccano's browser side counted UTF-16 units). A
record names its document with a string ``doc_id`` or ``name`` if it has one;
otherwise it is matched to the project document with the same text, or
becomes a new document ``<file>-<record id>``. A ``label`` list of plain
strings (text classification) is listed as ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import Problem
from annotator.io.exchange import (
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    is_int,
    read_json_records,
)


def read(path: Path) -> list[ImportedDocument]:
    path = Path(path)
    return [_document(path, n, where, record)
            for n, (where, record) in enumerate(read_json_records(path), 1)]


def _document(path: Path, n: int, where: str, record: Any) -> ImportedDocument:
    if not isinstance(record, dict):
        return ImportedDocument(where, None, None, problems=[
            Problem("bad-input", "a record must be a JSON object", file=where)])
    text = record.get("text", record.get("data"))
    name = next((record[k] for k in ("doc_id", "name") if isinstance(record.get(k), str)), None)
    suggested = f"{path.stem}-{record['id'] if is_int(record.get('id')) else n}"
    doc = ImportedDocument(where, name, text if isinstance(text, str) else None,
                           suggested_id=suggested)
    if doc.text is None:
        doc.problems.append(Problem("bad-input", "'text' must be a string", file=where))
    labels = record.get("label", [])
    for i, item in enumerate(labels if isinstance(labels, list) else [labels]):
        at = f"{where}: label[{i}]"
        if isinstance(item, str):
            doc.ignored.append(f"label[{i}] {item!r} is a document label, not a span")
        elif (isinstance(item, list) and len(item) == 3 and is_int(item[0]) and is_int(item[1])
              and isinstance(item[2], str)):
            doc.spans.append(ImportedSpan(item[0], item[1], item[2], at))
        else:
            doc.problems.append(Problem("bad-input", "a label must be [start, end, \"LABEL\"]",
                                        file=at))
    entities = record.get("entities", [])
    for i, item in enumerate(entities if isinstance(entities, list) else [entities]):
        at = f"{where}: entities[{i}]"
        if not (isinstance(item, dict) and is_int(item.get("start_offset"))
                and is_int(item.get("end_offset")) and isinstance(item.get("label"), str)):
            doc.problems.append(Problem("bad-input", "an entity needs integer start_offset and "
                                        "end_offset and a string label", file=at))
            continue
        source_id = str(item["id"]) if "id" in item else None
        doc.spans.append(ImportedSpan(item["start_offset"], item["end_offset"], item["label"],
                                      at, source_id=source_id))
    relations = record.get("relations", [])
    for i, item in enumerate(relations if isinstance(relations, list) else [relations]):
        at = f"{where}: relations[{i}]"
        if not (isinstance(item, dict) and "from_id" in item and "to_id" in item
                and isinstance(item.get("type"), str)):
            doc.problems.append(Problem("bad-input", "a relation needs from_id, to_id and a "
                                        "string type", file=at))
            continue
        doc.relations.append(ImportedRelation(item["type"], str(item["from_id"]),
                                              str(item["to_id"]), at))
    return doc
