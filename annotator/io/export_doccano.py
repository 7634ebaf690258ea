"""The ``doccano`` export: the relation-extraction JSONL that doccano's sequence labelling imports.

One line per document in ``DIR/<split>.jsonl``, in the shape doccano's own
``relation_extraction`` example (and its export with relations) has::

    {"text": "...", "entities": [{"id": 1, "label": "gift", "start_offset": 19,
     "end_offset": 34}], "relations": [{"id": 1, "from_id": 7, "to_id": 9,
     "type": "giver"}], "doc_id": "visit-train", "status": "done"}

- Offsets count **UTF-16 code units**, as doccano's editor does (its
  ``v-annotator`` indexes JavaScript strings; doccano issue #2290): a span
  after an emoji is where doccano shows it. Reading such a file back takes
  ``--utf16-offsets`` (the import warns when offsets fit word edges better
  that way). A project with doccano's "count grapheme clusters as one
  character" option counts otherwise; leave that option off.
- Entity ids are the numbers of the span ids ``T<n>`` (others get numbers
  above them), relation ids those of ``R<n>``, so an import gives the ids back.
- ``doc_id`` and ``status`` are extra keys, which doccano keeps as the
  example's metadata and writes back in its exports: importing that export
  restores the document's name and status.
- doccano has no place for notes or attributes (``holds`` in
  :mod:`annotator.io.formats`): the export driver counts them and reports
  them as left out, never silently lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from annotator.core.spans import id_number
from annotator.io.exchange import DroppedSpan, ExportContext, ExportDocument, Staging, json_line

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function mapping a code-point offset of ``text`` to its UTF-16 offset.

    >>> convert = utf16_offsets("🚁 كيم")
    >>> [convert(i) for i in range(6)]
    [0, 2, 3, 4, 5, 6]
    """
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def numbers(ids: list[str], kind: str) -> dict[str, int]:
    """An integer id for each of ``ids``: the number of ``T<n>``/``R<n>``, else the next free."""
    found = {i: id_number(i, "span" if kind == "T" else "relation") for i in ids}
    taken = {n for n in found.values() if n is not None}
    result: dict[str, int] = {}
    following = max(taken, default=0) + 1
    for identifier, number in found.items():
        if number is None:
            number, following = following, following + 1
        result[identifier] = number
    return result


def doccano_record(doc: ExportDocument) -> dict[str, object]:
    """A document as doccano imports it (its notes and attributes are not in it)."""
    convert = utf16_offsets(doc.text)
    span_ids = numbers([s.id for s in doc.spans], "T")
    relation_ids = numbers([r.id for r in doc.relations], "R")
    record: dict[str, object] = {
        "text": doc.text,
        "entities": [{"id": span_ids[s.id], "label": s.label, "start_offset": convert(s.start),
                      "end_offset": convert(s.end)} for s in doc.spans],
        "relations": [{"id": relation_ids[r.id], "from_id": span_ids[r.source],
                       "to_id": span_ids[r.target], "type": r.type} for r in doc.relations],
        "doc_id": doc.doc_id,
        "status": doc.status,
    }
    return record


class DoccanoWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.files = {split: staging.open(f"{split}.jsonl") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        self.files[split].write(json_line(doccano_record(doc)))
        return []

    def finish(self) -> None:
        pass


def create(staging: Staging, context: ExportContext) -> DoccanoWriter:
    return DoccanoWriter(staging, context)
