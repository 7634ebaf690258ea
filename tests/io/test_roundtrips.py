"""Ours -> theirs -> ours: doccano, Label Studio and brat exports read back give the same work.

The test project has emoji before spans, a ``\\r\\n`` document with a span
across the line break, overlapping and nested spans, notes, attributes and
relations (one with a note). A format that has no place for something reports
it as dropped; everything else must come back exactly: the jsonl export of the
project the export was imported into equals the original jsonl export, less
what was reported dropped (and nothing else).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from annotator.io import store
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.formats import export_format
from annotator.io.importing import ImportOptions, import_annotations
from annotator.io.project_file import open_project
from tests.io.conftest import EXPORT_PROJECT as PROJECT


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    root = tmp_path / "empty"
    root.mkdir()
    shutil.copy(PROJECT / "project.json", root / "project.json")
    return root


def jsonl_records(root: Path, out: Path, annotator: str | None = None) -> list[dict[str, Any]]:
    export_project(open_project(root), ExportOptions("jsonl", out, annotator=annotator))
    lines = (out / "all.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def without_left_out(records: list[dict[str, Any]], fmt: str) -> tuple[list[dict[str, Any]],
                                                                       dict[str, int]]:
    """``records`` less what format ``fmt`` declares it cannot hold, and how many of each."""
    holds = export_format(fmt).holds
    counts: Counter[str] = Counter()
    for record in records:
        for span in record["spans"]:
            for key, kind in (("attributes", "attributes"), ("note", "notes"),
                              ("origin", "origins")):
                if kind not in holds and key in span:
                    counts[kind] += len(span[key]) if key == "attributes" else 1
                    del span[key]
        for relation in record["relations"]:
            if "relation-notes" not in holds and "note" in relation:
                counts["relation-notes"] += 1
                del relation["note"]
    return records, dict(counts)


def source_of(fmt: str, out: Path) -> Path:
    return out / ("all.jsonl" if fmt == "doccano" else "all.json")


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_ours_theirs_ours_gives_the_same_jsonl_export(fmt: str, empty_dir: Path,
                                                     tmp_path: Path) -> None:
    theirs = tmp_path / fmt
    exported = export_project(open_project(PROJECT), ExportOptions(fmt, theirs))
    assert exported.dropped == []
    # doccano counts UTF-16 units (its editor's JavaScript strings): read them as such
    summary = import_annotations(open_project(empty_dir), ImportOptions(
        fmt, source_of(fmt, theirs), annotator="gold", utf16_offsets=fmt == "doccano"))
    assert summary.ok, summary.problems
    assert summary.ignored == [] and summary.warnings == []
    assert summary.created == ["emoji-drone", "gifts-crlf", "visit-train"]  # ids kept
    original, left_out = without_left_out(jsonl_records(PROJECT, tmp_path / "a"), fmt)
    back = jsonl_records(empty_dir, tmp_path / "b")
    # what the format has no place for, and only that, is missing, and it was said, counted
    assert back == original
    assert exported.left_out == left_out and set(left_out) == {
        "doccano": {"attributes", "notes", "relation-notes", "origins"},
        "labelstudio": {"attributes", "relation-notes", "origins"}}[fmt]


def test_labelstudio_keeps_the_annotator_and_status_without_being_told(empty_dir: Path,
                                                                       tmp_path: Path) -> None:
    export_project(open_project(PROJECT), ExportOptions("labelstudio", tmp_path / "ls"))
    summary = import_annotations(open_project(empty_dir),
                                 ImportOptions("labelstudio", tmp_path / "ls" / "all.json"))
    assert summary.ok and {a for _, a in summary.written} == {"gold"}
    statuses = {d: store.load(open_project(empty_dir), d, "gold").annotations.status
                for d in summary.created}
    assert statuses == {"emoji-drone": "in_progress", "gifts-crlf": "done", "visit-train": "done"}


def as_label_studio_exports_it(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Our tasks as Label Studio's JSON export gives them back after an import.

    Label Studio numbers tasks and annotations, records who completed each
    annotation, keeps ``data`` and ``meta``, and adds its bookkeeping.
    """
    result = []
    for n, task in enumerate(tasks, 1):
        annotations = [{"id": 100 + n, "completed_by": 1, "result": a["result"],
                        "was_cancelled": False, "ground_truth": False, "lead_time": 0.5,
                        "task": n, "project": 7} for a in task["annotations"]]
        result.append({"id": n, "annotations": annotations, "drafts": [], "predictions": [],
                       "data": task["data"], "meta": task["meta"], "project": 7,
                       "created_at": "2026-10-04T09:12:31.118201Z", "inner_id": n,
                       "total_annotations": 1, "cancelled_annotations": 0,
                       "total_predictions": 0, "comment_count": 0, "file_upload": "all.json"})
    return result


def test_label_studio_export_of_our_tasks_comes_back_by_name_and_status(
        empty_dir: Path, tmp_path: Path) -> None:
    export_project(open_project(PROJECT), ExportOptions("labelstudio", tmp_path / "ls"))
    tasks = json.loads((tmp_path / "ls" / "all.json").read_text(encoding="utf-8"))
    relabelled = tmp_path / "project-7-at-2026-10-05.json"
    relabelled.write_text(json.dumps(as_label_studio_exports_it(tasks), ensure_ascii=False),
                          encoding="utf-8")
    summary = import_annotations(open_project(empty_dir),
                                 ImportOptions("labelstudio", relabelled))
    assert summary.ok and summary.ignored == []
    # the Label Studio user who completed the annotation is its annotator
    assert {a for _, a in summary.written} == {"labelstudio-1"}
    expected, _ = without_left_out(jsonl_records(PROJECT, tmp_path / "a"), "labelstudio")
    back = jsonl_records(empty_dir, tmp_path / "b", annotator="labelstudio-1")
    for record in expected:
        record["annotator"] = "labelstudio-1"
    assert back == expected


def test_doccano_export_read_back_through_doccano_keeps_name_status_spans_relations(
        empty_dir: Path, tmp_path: Path) -> None:
    """doccano keeps our doc_id and status as metadata and writes its own ids and keys."""
    export_project(open_project(PROJECT), ExportOptions("doccano", tmp_path / "dc"))
    lines = (tmp_path / "dc" / "all.jsonl").read_text(encoding="utf-8").splitlines()
    again = []
    for n, line in enumerate(lines, 1):
        record = json.loads(line)
        ids = {e["id"]: 1000 * n + i for i, e in enumerate(record["entities"])}
        again.append({"id": n, "text": record["text"], "doc_id": record["doc_id"],
                      "status": record["status"],
                      "entities": [{**e, "id": ids[e["id"]]} for e in record["entities"]],
                      "relations": [{**r, "id": 50 + i, "from_id": ids[r["from_id"]],
                                     "to_id": ids[r["to_id"]]}
                                    for i, r in enumerate(record["relations"])],
                      "Comments": []})
    source = tmp_path / "admin.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in again),
                      encoding="utf-8")
    summary = import_annotations(open_project(empty_dir), ImportOptions(
        "doccano", source, annotator="gold", utf16_offsets=True))
    assert summary.ok and summary.ignored == [] and summary.relations == 5
    for doc_id in summary.created:
        ours = store.load(open_project(PROJECT), doc_id, "gold").annotations
        back = store.load(open_project(empty_dir), doc_id, "gold").annotations
        assert back.status == ours.status
        assert [s.key for s in back.spans()] == [s.key for s in ours.spans()]
        assert sorted((r.type, back.span(r.source).key, back.span(r.target).key)
                      for r in back.relations()) == \
            sorted((r.type, ours.span(r.source).key, ours.span(r.target).key)
                   for r in ours.relations())


def test_brat_round_trip_keeps_notes_attributes_and_relations(empty_dir: Path,
                                                              tmp_path: Path) -> None:
    exported = export_project(open_project(PROJECT), ExportOptions("brat", tmp_path / "brat"))
    assert exported.dropped == [] and exported.left_out == {"origins": 1}  # brat has no origin
    summary = import_annotations(open_project(empty_dir),
                                 ImportOptions("brat", tmp_path / "brat", annotator="gold"))
    assert summary.ok and summary.ignored == []
    assert (summary.spans, summary.relations, summary.notes, summary.attributes) == (23, 5, 4, 5)
    for doc_id in summary.created:
        ours = store.load(open_project(PROJECT), doc_id, "gold").annotations
        back = store.load(open_project(empty_dir), doc_id, "gold").annotations

        def content(aset: Any) -> tuple[Any, ...]:
            spans = sorted((s.key, s.note and " ".join(s.note.split()), s.attributes)
                           for s in aset.spans())
            relations = sorted((r.type, aset.span(r.source).key, aset.span(r.target).key,
                                r.extra.get("note")) for r in aset.relations())
            return tuple(spans), tuple(relations)

        assert content(back) == content(ours)  # a note's line break is a space in brat
    again = tmp_path / "again"
    export_project(open_project(empty_dir), ExportOptions("brat", again))
    assert {p.name: p.read_bytes() for p in again.iterdir() if p.suffix in (".ann", ".txt")} == \
        {p.name: p.read_bytes() for p in (tmp_path / "brat").iterdir()
         if p.suffix in (".ann", ".txt")}


def test_labelstudio_config_declares_labels_and_relation_types(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    export_project(open_project(PROJECT), ExportOptions("labelstudio", tmp_path / "ls"))
    view = ET.fromstring((tmp_path / "ls" / "labeling_config.xml").read_text(encoding="utf-8"))
    labels = view.find("Labels")
    assert labels is not None and labels.get("toName") == "text"
    assert [lab.get("value") for lab in labels] == [
        label.name for label in open_project(PROJECT).labels]
    relations = [r.get("value") for r in view.iter("Relation")]
    assert relations[:5] == ["giver", "recipient", "participant", "place", "time"]
    assert "gives" in relations  # a type in use that the project does not declare
    text = view.find("Text")
    assert text is not None and text.get("value") == "$text" and text.get("name") == "text"
    # every result names the controls the config declares
    tasks = json.loads((tmp_path / "ls" / "all.json").read_text(encoding="utf-8"))
    for task in tasks:
        for result in task["annotations"][0]["result"]:
            if result["type"] == "labels":
                assert (result["from_name"], result["to_name"]) == ("label", "text")
                value = result["value"]
                assert task["data"]["text"][value["start"]:value["end"]] == value["text"]
            else:
                assert result["type"] == "relation" and result["labels"][0] in relations


def test_labelstudio_config_of_a_project_declaring_relation_types(project_dir: Path,
                                                                  tmp_path: Path) -> None:
    raw = json.loads((project_dir / "project.json").read_text(encoding="utf-8"))
    raw["relations"] = [{"name": "gives", "from": ["entity"], "to": ["gift"]},
                        {"name": "hosts", "from": ["entity"], "to": ["meeting"]},
                        {"name": "model", "from": ["gift"], "to": ["entity"]},
                        {"name": "shown-to", "from": ["gift"], "to": ["entity"]}]
    (project_dir / "project.json").write_text(json.dumps(raw), encoding="utf-8")
    export_project(open_project(project_dir), ExportOptions("labelstudio", tmp_path / "ls"))
    config = (tmp_path / "ls" / "labeling_config.xml").read_text(encoding="utf-8")
    assert ('<Relation value="gives"/>\n    <Relation value="hosts"/>\n    <Relation '
            'value="model"/>\n    <Relation value="shown-to"/>\n  </Relations>') in config
    assert "giver" not in config


def test_doccano_offsets_count_utf16_units(tmp_path: Path) -> None:
    export_project(open_project(PROJECT), ExportOptions("doccano", tmp_path / "dc"))
    record = json.loads((tmp_path / "dc" / "all.jsonl").read_text(encoding="utf-8")
                        .splitlines()[0])
    text16 = record["text"].encode("utf-16-le")
    for entity in record["entities"]:  # as JavaScript slices the text
        piece = text16[2 * entity["start_offset"]:2 * entity["end_offset"]].decode("utf-16-le")
        assert piece in ("الجيش الروسي", "طائرة 🇷🇺 مسيّرة", "الوفد الكوري", "كيم")
    assert record["doc_id"] == "emoji-drone" and record["status"] == "in_progress"
