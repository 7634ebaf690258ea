"""Reading Label Studio JSON exports: tasks with ``annotations[].result[].value``.

Each submitted annotation of a task is one annotation set: a ``labels``
result (any ``*labels`` type) gives one span per label in
``value["labels"]`` with ``value["start"]``, ``value["end"]`` and the covered
``value["text"]``; a ``relation`` result links two of them. The annotator is
``labelstudio-<user>`` from ``completed_by`` (its email when the export holds
one) unless the import names one. Cancelled annotations, predictions and
other result types (choices, text areas, ...) are listed as ignored.

The task's text is ``data["text"]``, or the only string in ``data``; a task
names its document with ``data["doc_id"]`` or ``data["name"]``, else it is
matched by text or becomes ``labelstudio-<task id>``. Label Studio's
front end once counted UTF-16 units: the driver detects spans that fit only
that way and suggests ``--utf16-offsets``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, Problem
from annotator.io.exchange import (
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    is_int,
    read_json_records,
)


def read(path: Path) -> list[ImportedDocument]:
    path = Path(path)
    records = read_json_records(path)
    if len(records) == 1 and isinstance(records[0][1], dict) and "data" not in records[0][1]:
        raise AnnotatorError(Problem("bad-input", "expected a list of Label Studio tasks",
                                     file=str(path)))
    documents: list[ImportedDocument] = []
    for where, task in records:
        documents.extend(_task(where, task))
    return documents


def _annotator(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email:
            return email
        completed_by = completed_by.get("id")
    if is_int(completed_by) or isinstance(completed_by, str):
        return f"labelstudio-{completed_by}"
    return None


def _task(where: str, task: Any) -> list[ImportedDocument]:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        return [ImportedDocument(where, None, None, problems=[
            Problem("bad-input", "a task must be an object with a 'data' object", file=where)])]
    data = task["data"]
    strings = [v for v in data.values() if isinstance(v, str)]
    text = data.get("text") if isinstance(data.get("text"), str) else (
        strings[0] if len(strings) == 1 else None)
    name = next((data[k] for k in ("doc_id", "name") if isinstance(data.get(k), str)), None)
    task_id = task.get("id")
    where = f"{where} (task {task_id})" if task_id is not None else where
    suggested = f"labelstudio-{task_id}" if task_id is not None else None
    documents: list[ImportedDocument] = []
    ignored: list[str] = []
    predictions = task.get("predictions")
    if isinstance(predictions, list) and predictions:
        ignored.append(f"{len(predictions)} prediction(s)")
    elif predictions not in (None, []):
        ignored.append(f"'predictions' that is not a list ({type(predictions).__name__})")
    annotations = task.get("annotations", task.get("completions", []))
    for index, annotation in enumerate(annotations if isinstance(annotations, list) else []):
        number = annotation.get("id", index) if isinstance(annotation, dict) else index
        at = f"{where}: annotation {number}"
        if not isinstance(annotation, dict):
            documents.append(ImportedDocument(at, name, text, problems=[
                Problem("bad-input", "an annotation must be an object", file=at)]))
            continue
        if annotation.get("was_cancelled"):
            ignored.append(f"annotation {annotation.get('id', index)} (cancelled)")
            continue
        doc = ImportedDocument(at, name, text, annotator=_annotator(annotation.get("completed_by")),
                               suggested_id=suggested)
        if text is None:
            doc.problems.append(Problem("bad-input", "cannot tell the task's text: data has no "
                                        "'text' and not exactly one string", file=at))
        _results(annotation.get("result", []), at, doc)
        documents.append(doc)
    if documents:
        documents[0].ignored += ignored
    elif ignored:
        documents.append(ImportedDocument(where, name, text, suggested_id=suggested,
                                          ignored=ignored))
    return documents


def _results(results: Any, where: str, doc: ImportedDocument) -> None:
    for i, result in enumerate(results if isinstance(results, list) else []):
        at = f"{where}: result[{i}]"
        kind = result.get("type") if isinstance(result, dict) else None
        value = result.get("value") if isinstance(result, dict) else None
        if kind == "relation" and isinstance(result, dict):
            labels = result.get("labels") or ["relation"]
            ends = result.get("from_id"), result.get("to_id")
            if not (isinstance(labels, list) and all(isinstance(lab, str) for lab in labels)
                    and all(isinstance(end, str) or is_int(end) for end in ends)):
                doc.problems.append(Problem("bad-input", "a relation result needs a list of "
                                            "string labels and from_id and to_id", file=at))
                continue
            doc.relations.append(ImportedRelation(labels[0], str(ends[0]), str(ends[1]), at))
            continue
        if not (isinstance(kind, str) and kind.endswith("labels") and isinstance(value, dict)):
            doc.ignored.append(f"result[{i}] of type {kind!r}")
            continue
        labels = next((v for k, v in value.items() if k.endswith("labels")), None)
        covered = value.get("text")
        if not (is_int(value.get("start")) and is_int(value.get("end"))
                and isinstance(labels, list) and labels
                and all(isinstance(lab, str) for lab in labels)
                and (covered is None or isinstance(covered, str))):
            doc.problems.append(Problem("bad-input", "a labels result needs integer start and "
                                        "end and a list of labels", file=at))
            continue
        source_id = str(result["id"]) if "id" in result else None
        for label in labels:
            doc.spans.append(ImportedSpan(value["start"], value["end"], label, at, covered,
                                          source_id))
