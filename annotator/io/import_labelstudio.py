"""Reading Label Studio's text annotations: its JSON export, JSON_MIN, tasks and storage files.

What Label Studio writes, and what is read from it (a JSON array, JSON lines
or one JSON object per file):

- JSON export tasks ``{"id", "data": {...}, "annotations": [{"completed_by",
  "result": [...]}], "predictions": [...]}`` (``completions``, the old name of
  ``annotations``, too), a task as its cloud storage writes one per file
  (``completed_by`` then an object with the user's ``email``), and the older
  storage file of one annotation with its ``task`` inside.
- JSON_MIN items ``{"id", "text", "<from_name>": [{"start", "end", "text",
  "labels"}], "annotator", "annotation_id", ...}``: one item per annotation,
  so items with the same text are one document, each item's annotator a file
  of its own.
- Import-style tasks: ``{"data": {...}}`` with optional ``annotations`` and
  ``predictions``, or flat ones (``{"text": ...}``, the whole task being its
  data). A task without annotations brings its text with no spans.

Each submitted annotation is one annotation set. Only text results are read:
``labels`` results with integer ``start``/``end`` (code points, as Label
Studio counts since its editor's fix of October 2021; the driver detects
spans that fit only as UTF-16 units and suggests ``utf16_offsets``) give one
span per label, their covered ``text`` checked, their ids kept when they are
``T<n>``, and their region note (``meta.text``) as the span's note;
``relation`` results link two of them (one relation per label, ``direction``
``left`` reversed). Everything else is listed as ignored, with counts:
choices, text areas and other document-level results, results on images,
audio or HTML, cancelled annotations, drafts, and predictions (machine
suggestions, not anybody's annotations). A ``predictions`` value that is not
a list of objects with a ``result`` list is a problem. Read with
``predictions`` (``annotator import --as-suggestions``), a task's predictions
take its annotations' place (these are then ignored, with a count), each span
with its region's ``score``, else its prediction's; a task without
predictions gives its annotations, like every other format.

The task's text is ``data["text"]``; otherwise the data string its labels fit
(or the only string in ``data``). A task with no text at all (an image task)
or whose text is a URL (``valueType="url"``, which Label Studio fetches) is
refused with the reason. The annotator is the ``completed_by`` user
(``labelstudio-<id>``, or the email when the export holds one), else the one
``meta.annotator`` names, unless the import names one; ``data["doc_id"]`` (or
``data["name"]``) names the document and ``meta.status`` gives the status, as
``annotator export --format labelstudio`` writes them. A file in the shape of
Annotator's jsonl or of doccano is refused as a whole, naming the format.
"""

from __future__ import annotations

import re
from dataclasses import replace
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

# a task's own fields: what Label Studio adds to the data and annotations of a task
_TASK_KEYS = frozenset({
    "id", "data", "annotations", "completions", "predictions", "drafts", "meta", "created_at",
    "updated_at", "inner_id", "total_annotations", "cancelled_annotations", "total_predictions",
    "comment_count", "unresolved_comment_count", "last_comment_updated_at", "project",
    "updated_by", "file_upload", "comment_authors", "is_labeled", "overlap", "agreement",
    "annotators", "storage_filename", "avg_lead_time", "draft_exists", "predictions_score",
    "annotations_results", "predictions_results", "annotations_ids", "predictions_model_versions",
    "completed_at", "annotators_count", "reviewers", "reviewed", "ground_truth"})
# JSON_MIN's own fields (label_studio_converter's convert_to_json_min)
_MIN_KEYS = frozenset({"id", "annotator", "annotation_id", "created_at", "updated_at",
                       "lead_time", "agreement", "history"})
_URL = re.compile(r"(?:https?|s3|gs|azure-blob|ftp)://|/data/(?:upload|local-files)/", re.I)
_DOCUMENT_RESULTS = ("choices", "textarea", "rating", "number", "datetime", "taxonomy",
                     "pairwise", "ranker")


def read(path: Path, predictions: bool = False) -> list[ImportedDocument]:
    """The tasks' annotations; with ``predictions``, their predictions instead (with scores)."""
    path = Path(path)
    records = read_json_records(path)
    wrong = wrong_shape(path, records, "labelstudio", ("jsonl", "doccano"))
    if wrong is not None:
        return [wrong]
    documents: list[ImportedDocument] = []
    for where, record in records:
        if not isinstance(record, dict):
            documents.append(ImportedDocument(where, None, None, problems=[Problem(
                "bad-input", "a Label Studio task must be a JSON object", file=where)],
                report_only=True))
        elif isinstance(record.get("task"), dict) and "result" in record and "data" not in record:
            task = dict(record["task"])  # an annotation as old storage files hold it
            task["annotations"] = [{k: v for k, v in record.items() if k != "task"}]
            documents.extend(_task(where, task, predictions))
        elif "data" in record:
            documents.extend(_task(where, record, predictions))
        elif "annotation_id" in record or "annotator" in record:
            documents.append(_min_item(where, record))
        else:  # import-style: the whole task is its data
            data = {k: v for k, v in record.items() if k not in _TASK_KEYS}
            documents.extend(_task(where, {**{k: v for k, v in record.items()
                                               if k in _TASK_KEYS}, "data": data}, predictions))
    return documents


def _annotator(completed_by: Any) -> str | None:
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email:
            return email
        completed_by = completed_by.get("id")
    if is_int(completed_by) or (isinstance(completed_by, str) and completed_by):
        return f"labelstudio-{completed_by}"
    return None


def _name(data: dict[str, Any]) -> str | None:
    return next((data[k] for k in ("doc_id", "name") if isinstance(data.get(k), str)), None)


def _task(where: str, task: dict[str, Any], predictions: bool = False) -> list[ImportedDocument]:
    data = task["data"]
    task_id = task.get("id")
    where = f"{where} (task {task_id})" if is_int(task_id) or isinstance(task_id, str) else where
    if not isinstance(data, dict):
        return [ImportedDocument(where, None, None, problems=[Problem(
            "bad-input", "a task's 'data' must be an object", file=where)], report_only=True)]
    suggested = f"labelstudio-{task_id}" if is_int(task_id) or isinstance(task_id, str) else None
    meta: dict[str, Any] = task["meta"] if isinstance(task.get("meta"), dict) else {}
    status = meta.get("status") if meta.get("status") in STATUSES else None
    meta_annotator = meta.get("annotator") if isinstance(meta.get("annotator"), str) else None
    ignored: list[Ignored] = []
    problems: list[Problem] = []
    if predictions:  # read as suggestions: the predictions take the annotations' place
        task = _as_annotations(task, where, ignored)
    _predictions(task, where, ignored, problems)
    drafts = task.get("drafts")
    if isinstance(drafts, list) and drafts:
        ignored.append(Ignored("draft(s) (unsubmitted annotations)", "not imported", len(drafts),
                               where))
    annotations = task.get("annotations", task.get("completions", []))
    if not isinstance(annotations, list):
        problems.append(Problem("bad-input", "'annotations' must be a list", file=where))
        annotations = []
    documents: list[ImportedDocument] = []
    for index, annotation in enumerate(annotations):
        number = annotation.get("id", index) if isinstance(annotation, dict) else index
        at = f"{where}: annotation {number}"
        if not isinstance(annotation, dict):
            problems.append(Problem("bad-input", "an annotation must be an object", file=at))
            continue
        if annotation.get("was_cancelled") or annotation.get("skipped"):
            ignored.append(Ignored("cancelled (skipped) annotation(s)", "not imported", 1, at))
            continue
        doc = ImportedDocument(at, _name(data), None, status=status, suggested_id=suggested,
                               annotator=_annotator(annotation.get("completed_by"))
                               or meta_annotator)
        _results(annotation.get("result", []), at, doc)
        if predictions:  # a region without a score of its own has its prediction's
            score = annotation.get("score")
            for span in doc.spans:
                span.score = span.score if span.score is not None else _number(score)
        documents.append(doc)
    if not documents and annotations:  # every annotation cancelled or unreadable
        return [ImportedDocument(where, None, None, ignored=ignored, problems=problems,
                                 report_only=True)]
    if not documents:  # no annotation at all (an import-style task): its text, without spans
        documents.append(ImportedDocument(where, _name(data), None, status=status,
                                          suggested_id=suggested, annotator=meta_annotator))
    text, why = _text(data, documents)
    if text is None:  # one finding for the task, whatever its annotations
        problems.append(Problem("unsupported", f"{why}; Annotator imports text annotations "
                                "only, so nothing of this task is imported", file=where))
        ignored += [replace(item, where=item.where or doc.where) for doc in documents
                    for item in doc.ignored]
        problems += [p for doc in documents for p in doc.problems]
        return [ImportedDocument(where, None, None, ignored=ignored, problems=problems,
                                 report_only=True)]
    for doc in documents:
        doc.text = text
    _unused_data(data, text, documents[0], where)
    documents[0].ignored[:0] = ignored
    documents[0].problems[:0] = problems
    return documents


def _as_annotations(task: dict[str, Any], where: str, ignored: list[Ignored]) -> dict[str, Any]:
    """The task with its predictions as its annotations (these are ignored, said); a task
    without predictions as it is (its annotations become the suggestions)."""
    predictions = task.get("predictions")
    if not isinstance(predictions, list) or not predictions:
        return task  # (a malformed 'predictions' is reported by _predictions)
    annotations = task.get("annotations", task.get("completions"))
    if isinstance(annotations, list) and annotations:
        ignored.append(Ignored("annotation(s) of tasks with predictions", "the predictions "
                               "are imported as suggestions, not these", len(annotations),
                               where))
    rest = {k: v for k, v in task.items() if k not in ("annotations", "completions",
                                                         "predictions")}
    return {**rest, "annotations": predictions}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def _predictions(task: dict[str, Any], where: str, ignored: list[Ignored],
                 problems: list[Problem]) -> None:
    predictions = task.get("predictions")
    if predictions is None:
        return
    if not isinstance(predictions, list) or not all(
            isinstance(p, dict) and isinstance(p.get("result", []), list) for p in predictions):
        problems.append(Problem("bad-input", "'predictions' must be a list of predictions, each "
                                "an object with a 'result' list", file=where))
        return
    if predictions:
        ignored.append(Ignored("prediction(s) (model results)", "machine suggestions, not "
                               "anybody's annotations; not imported (Annotator keeps suggestions "
                               "apart, in suggestions/<source>/: FORMAT.md section 3b)",
                               len(predictions), where))


def _text(data: dict[str, Any], documents: list[ImportedDocument]) -> tuple[str | None, str]:
    """The task's text, or None and why there is none."""
    strings = {k: v for k, v in data.items() if isinstance(v, str) and k not in ("doc_id", "name")}
    candidates = {k: v for k, v in strings.items() if not _URL.match(v)}
    if isinstance(data.get("text"), str):
        candidates = {"text": data["text"]} if "text" in candidates else {}
    spans = [s for d in documents for s in d.spans]

    def fits(text: str) -> bool:
        return all(s.text is None or text[s.start:s.end] == s.text for s in spans)

    if len(candidates) > 1:
        fitting = {k: v for k, v in candidates.items() if fits(v)}
        candidates = fitting if len(fitting) == 1 or not spans else candidates
    if len(candidates) == 1:
        return next(iter(candidates.values())), ""
    urls = sorted(k for k, v in strings.items() if _URL.match(v))
    if len(candidates) > 1:
        return None, (f"cannot tell which of data's strings is the text "
                      f"({', '.join(sorted(candidates))}) and none is named 'text'")
    if urls:
        return None, (f"the task holds no text, only the URL(s) in data {', '.join(urls)} "
                      "(an image, audio or web page, or text Label Studio fetches)")
    return None, "the task's data holds no text"


def _unused_data(data: dict[str, Any], text: str | None, doc: ImportedDocument,
                 where: str | None = None) -> None:
    unused = sorted(k for k, v in data.items() if k not in ("doc_id", "name")
                    and not (isinstance(v, str) and v == text) and v not in (None, "", [], {}))
    if unused and text is not None:
        doc.ignored.append(Ignored(f"task data field(s) besides the text "
                                   f"({', '.join(map(repr, unused))})", "not imported",
                                   len(unused), where))


def _results(results: Any, where: str, doc: ImportedDocument) -> None:
    if not isinstance(results, list):
        doc.problems.append(Problem("bad-input", "an annotation's 'result' must be a list",
                                    file=where))
        return
    skipped: dict[str, int] = {}
    for i, result in enumerate(results):
        at = f"{where}: result[{i}]"
        if not isinstance(result, dict):
            doc.problems.append(Problem("bad-input", "a result must be an object", file=at))
            continue
        kind = result.get("type")
        if kind == "relation":
            _relation(result, at, doc)
        elif kind == "labels" and isinstance(result.get("value"), dict) and all(
                is_int(result["value"].get(k)) for k in ("start", "end")):
            _labels(result, result["value"], at, doc)
        elif kind == "labels" and isinstance(result.get("value"), dict) and (
                "startOffset" in result["value"] or "globalOffsets" in result["value"]):
            skipped["labels on HTML (XPath ranges, HyperText)"] = \
                skipped.get("labels on HTML (XPath ranges, HyperText)", 0) + 1
        elif kind == "labels":
            doc.problems.append(Problem("bad-input", "a labels result needs a value with "
                                        "integer start and end and a list of labels", file=at))
        else:
            name = f"{kind!r}" if isinstance(kind, str) else "without a type"
            what = (f"{name} (document-level, not spans)" if kind in _DOCUMENT_RESULTS
                    else f"{name} (not on text)")
            skipped[what] = skipped.get(what, 0) + 1
    for what, count in skipped.items():
        doc.ignored.append(Ignored(f"result(s) of type {what}", "Annotator imports text "
                                   "spans and relations only; not imported", count))


def _labels(result: dict[str, Any], value: dict[str, Any], where: str,
            doc: ImportedDocument) -> None:
    labels = value.get("labels")
    covered = value.get("text")
    if not (isinstance(labels, list) and labels and all(isinstance(lab, str) for lab in labels)
            and (covered is None or isinstance(covered, str))):
        doc.problems.append(Problem("bad-input", "a labels result needs integer start and end "
                                    "and a non-empty list of labels", file=where))
        return
    meta = result.get("meta")
    notes = meta.get("text") if isinstance(meta, dict) else None
    note = None
    if isinstance(notes, list) and notes and all(isinstance(n, str) for n in notes):
        note = "\n".join(notes)
    elif isinstance(notes, str) and notes:
        note = notes
    rid = result.get("id")
    source_id = str(rid) if isinstance(rid, str) or is_int(rid) else None
    for label in labels:
        doc.spans.append(ImportedSpan(value["start"], value["end"], label, where, covered,
                                      source_id if len(labels) == 1 else None, note,
                                      score=_number(result.get("score"))))
    if len(labels) > 1 and source_id is not None:
        # a region with several labels: relations to it link its first label's span
        doc.spans[-len(labels)].source_id = source_id


def _relation(result: dict[str, Any], where: str, doc: ImportedDocument) -> None:
    labels = result.get("labels")
    ends = result.get("from_id"), result.get("to_id")
    if labels is None or labels == []:
        labels = ["relation"]
    if not (isinstance(labels, list) and all(isinstance(lab, str) for lab in labels)
            and all(isinstance(end, str) or is_int(end) for end in ends)):
        doc.problems.append(Problem("bad-input", "a relation result needs a list of string "
                                    "labels and from_id and to_id", file=where))
        return
    source, target = str(ends[0]), str(ends[1])
    direction = result.get("direction", "right")
    if direction == "left":
        source, target = target, source
    elif direction == "bi":
        doc.ignored.append(Ignored("relation direction(s) 'bi' (both ways)", "imported as from "
                                   "-> to: Annotator relations have one direction"))
    for label in labels:
        doc.relations.append(ImportedRelation(label, source, target, where))


def _min_item(where: str, item: dict[str, Any]) -> ImportedDocument:
    """One JSON_MIN item: one annotation, its regions under their control's name."""
    item_id = item.get("id")
    if is_int(item_id) or isinstance(item_id, str):
        where = f"{where} (task {item_id})"
    annotator = item.get("annotator")
    doc = ImportedDocument(where, None, None,
                           annotator=_annotator(annotator) if is_int(annotator)
                           else annotator if isinstance(annotator, str) and annotator else None,
                           suggested_id=f"labelstudio-{item_id}" if is_int(item_id)
                           or isinstance(item_id, str) else None)
    data: dict[str, Any] = {}
    skipped: dict[str, int] = {}
    for key, value in item.items():
        if key in _MIN_KEYS:
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, region in enumerate(value):
                at = f"{where}: {key}[{i}]"
                labels = region.get("labels")
                if is_int(region.get("start")) and is_int(region.get("end")) and \
                        labels is not None:
                    _labels({}, region, at, doc)
                else:
                    kinds = sorted(k for k in region if k.endswith("labels")) or ["values"]
                    what = f"'{key}' regions ({', '.join(kinds)}, not text spans)"
                    skipped[what] = skipped.get(what, 0) + 1
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            skipped[f"'{key}' values (choices or text areas)"] = len(value)
        else:
            data[key] = value
    for what, count in skipped.items():
        doc.ignored.append(Ignored(what, "Annotator imports text spans only; not imported", count))
    doc.doc_id = _name(data)
    text, why = _text(data, [doc])
    doc.text = text
    if text is None:
        doc.problems.append(Problem("unsupported", f"{why}; Annotator imports text annotations "
                                    "only, so nothing of this item is imported", file=where))
        doc.report_only = True
    else:
        _unused_data(data, text, doc)
    if item.get("annotation_id") is None and not doc.spans:
        doc.ignored.append(Ignored("JSON_MIN item(s) without an annotation", "the text alone is "
                                   "imported, without spans"))
    return doc
