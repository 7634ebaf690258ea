r"""The ``labelstudio`` export: Label Studio tasks with annotations, and the labelling config.

``DIR/<split>.json`` is a JSON array of tasks, the shape Label Studio imports
(and exports, less its bookkeeping)::

    {"data": {"text": "...", "doc_id": "visit-train"},
     "meta": {"annotator": "gold", "status": "done"},
     "annotations": [{"result": [
        {"id": "T5", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 126, "end": 148, "text": "...", "labels": ["entity"]},
         "meta": {"text": ["a note"]}},
        {"from_id": "T5", "to_id": "T6", "type": "relation", "direction": "right",
         "labels": ["gives"]}]}]}

- ``start``/``end`` count **code points**: Label Studio's text editor converts
  browser selections to code points since its fix of October 2021
  (label-studio-frontend ``fixCodePointsInRange``/``charsToCodePoints`` in
  ``src/utils/selection-tools.js``, "text with emoji breaks region offsets",
  #308), and a ``\r\n`` is two, as Label Studio splits lines on each of
  ``\r`` and ``\n``. ``value.text`` is the covered text, which the import
  checks.
- Region ids are the span ids, so relations (``from_id``, ``to_id``) name
  them and an import gives them back; a span's note is its region's meta text
  (what Label Studio shows as the region's "Meta").
- The document id stays in ``data`` (``doc_id``, a column in Label Studio's
  data manager), the annotator and status in the task's ``meta``: importing
  the file, or Label Studio's JSON export of it, restores them (an annotation
  Label Studio users made is theirs: its ``completed_by`` wins).
- ``DIR/labeling_config.xml`` declares the project's labels (with their
  colours) and relation types (those ``project.json`` declares, else the
  default ones and every type in use): paste it into the project's Labeling
  Interface, then import the tasks.
- Label Studio's results have no place for attributes or relation notes
  (``holds`` in :mod:`annotator.io.formats`): the export driver counts them
  and reports them as left out.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.project import Label
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    relation_type_names,
)
from annotator.io.jsonfile import dump_json_bytes

CONFIG_FILE = "labeling_config.xml"
FROM_NAME = "label"  # the <Labels> control
TO_NAME = "text"  # the <Text> object, and the data key it shows


def task(doc: ExportDocument) -> dict[str, Any]:
    """A document as a Label Studio task with one annotation (less attributes, relation notes)."""
    results: list[dict[str, Any]] = []
    for span in doc.spans:
        result: dict[str, Any] = {
            "id": span.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": span.text,
                      "labels": [span.label]}}
        if span.note is not None:
            result["meta"] = {"text": [span.note]}
        results.append(result)
    for relation in doc.relations:
        results.append({"from_id": relation.source, "to_id": relation.target,
                        "type": "relation", "direction": "right", "labels": [relation.type]})
    task_value: dict[str, Any] = {"data": {TO_NAME: doc.text, "doc_id": doc.doc_id},
                                  "meta": {"annotator": doc.annotator, "status": doc.status},
                                  "annotations": [{"result": results}]}
    return task_value


def labeling_config(labels: tuple[Label, ...], relation_types: list[str]) -> str:
    """The Label Studio labelling interface for these labels and relation types."""
    lines = ["<View>"]
    if relation_types:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(name)}/>" for name in relation_types]
        lines.append("  </Relations>")
    lines.append(f"  <Labels name={quoteattr(FROM_NAME)} toName={quoteattr(TO_NAME)}>")
    lines += [f"    <Label value={quoteattr(label.name)} background={quoteattr(label.color)}/>"
              for label in labels]
    lines.append("  </Labels>")
    lines.append(f"  <Text name={quoteattr(TO_NAME)} value={quoteattr('$' + TO_NAME)}/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


class LabelStudioWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.context = context
        self.tasks: dict[str, list[dict[str, Any]]] = {split: [] for split in context.splits}
        self.types_used: dict[str, None] = {}  # in the order first used

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        self.tasks[split].append(task(doc))
        self.types_used.update(dict.fromkeys(r.type for r in doc.relations))
        return []

    def finish(self) -> None:
        for split, tasks in self.tasks.items():
            self.staging.write_bytes(f"{split}.json", dump_json_bytes(tasks))
        types = relation_type_names(self.context, self.types_used)
        self.staging.write_bytes(CONFIG_FILE,
                                 labeling_config(self.context.labels, types).encode("utf-8"))


def create(staging: Staging, context: ExportContext) -> LabelStudioWriter:
    return LabelStudioWriter(staging, context)
