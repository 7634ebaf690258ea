"""The pieces under the import formats: JSON files of every shape, ids, schema checks, reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.spans import Relation, Span
from annotator.io import store
from annotator.io.brat import ann_text
from annotator.io.exchange import ExportDocument, read_json_records, record_shape
from annotator.io.importing import ImportOptions, import_annotations
from annotator.io.project_file import open_project
from tests.io.conftest import EXPORT_PROJECT as PROJECT

VISIT = (PROJECT / "documents" / "visit-train.txt").read_bytes().decode("utf-8")


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    root = tmp_path / "empty"
    root.mkdir()
    shutil.copy(PROJECT / "project.json", root / "project.json")
    return root


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


# -- JSON lines, a JSON array, one JSON object ----------------------------------------------


def test_one_pretty_printed_object_is_one_record(tmp_path: Path) -> None:
    value = {"text": "أهدى السفير مخطوطة", "entities": [{"id": 0, "start_offset": 5,
                                                           "end_offset": 11, "label": "person"}]}
    path = write(tmp_path / "one.json", json.dumps(value, ensure_ascii=False, indent=4))
    assert read_json_records(path) == [(str(path), value)]


def test_an_array_gives_one_record_per_item_and_lines_one_per_line(tmp_path: Path) -> None:
    array = write(tmp_path / "a.json", json.dumps([{"a": 1}, {"b": 2}], indent=2))
    assert [v for _, v in read_json_records(array)] == [{"a": 1}, {"b": 2}]
    assert read_json_records(array)[1][0] == f"{array}: item 1"
    lines = write(tmp_path / "l.jsonl", '{"a": 1}\n\n{"b": 2}\r\n')
    assert read_json_records(lines) == [(f"{lines}:1", {"a": 1}), (f"{lines}:3", {"b": 2})]
    single = write(tmp_path / "s.jsonl", '{"a": 1}\n')
    assert read_json_records(single) == [(f"{single}:1", {"a": 1})]
    assert read_json_records(write(tmp_path / "e.jsonl", "\n \n")) == []


def test_a_broken_object_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '{\n  "text": "كيم",\n  "label": [[0, 3 "x"]]\n}\n')
    with pytest.raises(AnnotatorError) as caught:
        read_json_records(path)
    assert [p.code for p in caught.value.problems] == ["bad-input"]
    assert "line 3, column" in caught.value.problems[0].message


def test_every_bad_line_of_json_lines_is_reported_even_the_first(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.jsonl", '{"text": "a", "n": NaN}\n{"text": "b"}\n{oops}\n')
    with pytest.raises(AnnotatorError) as caught:
        read_json_records(path)
    assert [p.message.split(":")[0] for p in caught.value.problems] == ["line 1", "line 3"]
    assert [p.code for p in caught.value.problems] == ["bad-number", "bad-input"]


@pytest.mark.parametrize(("record", "shape"), [
    ({"id": "d", "text": "t", "annotator": "a", "status": "done", "spans": []}, "jsonl"),
    ({"text": "t", "spans": [{"start": 0, "end": 1, "label": "x"}]}, "jsonl"),
    ({"text": "t", "label": [[0, 1, "x"]]}, "doccano"),
    ({"column_data": "t", "column_label": [[0, 1, "x"]]}, "doccano"),
    ({"text": "t", "entities": [{"id": 1, "start_offset": 0, "end_offset": 1, "label": "x"}]},
     "doccano"),
    ({"data": {"text": "t"}}, "labelstudio"),
    ({"text": "t", "label": [{"start": 0, "end": 1, "text": "t", "labels": ["x"]}]},
     "labelstudio"),
    ({"text": "t"}, None),
    ({"text": "t", "label": ["news"]}, None),
    ([1, 2], None),
])
def test_record_shapes(record: Any, shape: str | None) -> None:
    assert record_shape(record) == shape


# -- ids, relations, the project's relation types ---------------------------------------


def ls_task(results: list[dict[str, Any]], text: str = VISIT) -> list[dict[str, Any]]:
    return [{"id": 1, "data": {"text": text}, "annotations": [{"completed_by": 1,
                                                                "result": results}]}]


def region(rid: str, part: str, label: str) -> dict[str, Any]:
    start = VISIT.index(part)
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": start, "end": start + len(part), "text": part, "labels": [label]}}


def test_kept_ids_and_fresh_ids_never_collide(empty_dir: Path, tmp_path: Path) -> None:
    """A fresh id is never one a later span keeps (it used to crash the import)."""
    source = write(tmp_path / "ls.json", json.dumps(ls_task([
        region("x9Yz", "كيم جونغ أون", "entity"), region("T1", "فلاديفوستوك", "place"),
        region("R2d2", "قطار", "gift"),
        {"type": "relation", "from_id": "T1", "to_id": "x9Yz", "labels": ["hosts"]},
        {"type": "relation", "from_id": "T1", "to_id": "x9Yz", "labels": ["hosts"]}]),
        ensure_ascii=False))
    summary = import_annotations(open_project(empty_dir), ImportOptions("labelstudio", source))
    assert summary.ok, summary.problems
    assert [w.code for w in summary.warnings] == ["duplicate-relation"]
    aset = store.load(open_project(empty_dir), "labelstudio-1", "labelstudio-1").annotations
    assert sorted((s.id, s.text) for s in aset.spans()) == [
        ("T1", "فلاديفوستوك"), ("T2", "كيم جونغ أون"), ("T3", "قطار")]
    assert [(r.id, r.source, r.target) for r in aset.relations()] == [("R1", "T1", "T2")]


def test_relations_must_fit_the_project_relation_types(empty_dir: Path, tmp_path: Path) -> None:
    raw = json.loads((empty_dir / "project.json").read_text(encoding="utf-8"))
    raw["relations"] = [{"name": "giver", "from": ["gift"], "to": ["entity"]}]
    (empty_dir / "project.json").write_text(json.dumps(raw), encoding="utf-8")
    source = write(tmp_path / "ls.json", json.dumps(ls_task([
        region("a", "كيم جونغ أون", "entity"), region("b", "قطار", "gift"),
        {"type": "relation", "from_id": "b", "to_id": "a", "labels": ["giver"]},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["giver"]},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["owner"]},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["owned by"]}]),
        ensure_ascii=False))
    summary = import_annotations(open_project(empty_dir), ImportOptions("labelstudio", source))
    assert [p.code for p in summary.problems] == ["bad-relation", "bad-relation", "bad-name"]
    assert "goes from a gift span, not a entity span" in summary.problems[0].message
    assert "not one of the project's relation types (giver)" in summary.problems[1].message
    assert summary.written == []
    partial = import_annotations(open_project(empty_dir),
                                 ImportOptions("labelstudio", source, skip_bad=True))
    assert partial.relations == 1
    loaded = store.load(open_project(empty_dir), "labelstudio-1", "labelstudio-1")
    assert loaded.result.ok  # what an import writes, validate accepts


# -- the report: counts, and nothing ignored without a line ----------------------------------


def test_summary_lines_count_what_was_imported_and_ignored(empty_dir: Path,
                                                          tmp_path: Path) -> None:
    records = [{"id": n, "text": VISIT, "label": [[20, 32, "entity"]], "source": "وكالة",
                "Comments": ["تحقق"] * n, "username": f"user{n}"} for n in (1, 2, 3)]
    source = write(tmp_path / "d.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                 for r in records))
    summary = import_annotations(open_project(empty_dir), ImportOptions("doccano", source,
                                                                        dry_run=True))
    assert summary.ignored == [
        f"3 value(s) of the key 'source' (doccano metadata, or a key doccano does not write) in "
        f"3 places (first {source}:1): not imported",
        f"6 doccano comment(s) ('Comments') in 3 places (first {source}:1): comments are not "
        "annotations; not imported"]
    lines = summary.lines()
    # one text: one new document, with a file per annotator
    assert lines[-2:] == ["dry run: would import 3 span(s), 0 relation(s), 0 note(s) and 0 "
                          "attribute(s) into 3 annotation file(s) from 3 source document(s); "
                          "0 problem(s)", "new documents: d-1"]
    assert [line for line in lines if line.startswith("ignored: ")] == [
        f"ignored: {line}" for line in summary.ignored]


def test_a_refused_import_counts_nothing_imported(empty_dir: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "d.jsonl", json.dumps(
        {"text": VISIT, "label": [[20, 32, "entity"], [900, 905, "entity"]]}) + "\n")
    summary = import_annotations(open_project(empty_dir), ImportOptions("doccano", source))
    assert not summary.ok and summary.spans == 0 and summary.created == []
    assert summary.lines()[-1] == "nothing was written: 1 problem(s)"


def test_our_jsonl_read_as_doccano_points_to_the_jsonl_format(project_dir: Path,
                                                             tmp_path: Path) -> None:
    from annotator.io.exporting import ExportOptions, export_project

    export_project(open_project(project_dir), ExportOptions("jsonl", tmp_path / "out"))
    before = sorted(p for p in project_dir.rglob("*"))
    summary = import_annotations(open_project(project_dir),
                                 ImportOptions("doccano", tmp_path / "out" / "all.jsonl"))
    assert [(p.code, p.hint) for p in summary.problems] == [("wrong-format", "format")]
    assert "import it with the jsonl format" in summary.problems[0].message
    assert summary.read == 0 and summary.written == []
    assert sorted(p for p in project_dir.rglob("*")) == before


# -- brat: what an .ann file can hold --------------------------------------------------------


def test_brat_writer_reports_attributes_it_cannot_write_and_flattens_notes() -> None:
    text = "أهدى الوزير سيفًا"
    spans = (Span("T1", 5, 11, "entity", "الوزير", "ملاحظة\nمن سطرين",
                  {"role": "host", "bad name": "x", "empty": "", "tab": "a\tb", "spaced": "a b"}),
             Span("T2", 12, 17, "gift", "سيفًا"))
    doc = ExportDocument("d", text, "gold", "done", spans,
                         (Relation("R7", "giver", "T2", "T1", {"note": "بيد\r\nالوزير"}),))
    ann, dropped = ann_text(doc)
    assert ann == ("T1\tentity 5 11\tالوزير\nT2\tgift 12 17\tسيفًا\n"
                   "R1\tgiver Arg1:T2 Arg2:T1\n"
                   "A1\trole T1 host\nA2\tspaced T1 a b\n"
                   "#1\tAnnotatorNotes T1\tملاحظة من سطرين\n#2\tAnnotatorNotes R1\tبيد الوزير\n")
    assert sorted((d.reason, d.detail.split("=")[0]) for d in dropped) == [
        ("attribute", "bad name"), ("attribute", "empty"), ("attribute", "tab")]


def test_brat_events_notes_and_attributes_on_anything(empty_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    write(folder / "visit-train.txt", VISIT)
    write(folder / "visit-train.ann", "\n".join([
        "T1\tentity 20 32\tكيم جونغ أون", "T2\tgift 78 82\tقطار",
        "T3\tmeeting 97 119\tزيارةٍ استمرت ستة أيام", "T4\tplace 39 50\tفلاديفوستوك",
        "E1\tmeeting:T3 Participant:T1 Place:T4", "E2\tgift:T2 Recipient:T1 Occasion:E1",
        "R1\tlocated Arg1:E1 Arg2:T4", "A1\tNegation E2", "A2\tkind R1 x",
        "#1\tAnnotatorNotes E1\tزيارة رسمية", "#2\tAnnotatorNotes E1\tلستة أيام",
        "#3\tAnnotatorNotes R1\tفي الشرق الأقصى", "#4\tAnnotatorNotes N1\tمرجع",
        "N1\tReference T4 Wikipedia:Vladivostok\tفلاديفوستوك", ""]))
    summary = import_annotations(open_project(empty_dir),
                                 ImportOptions("brat", folder, annotator="amal", add_labels=True))
    assert summary.ok, summary.problems
    aset = store.load(open_project(empty_dir), "visit-train", "amal").annotations
    trigger = aset.find(97, 119, "meeting")
    assert trigger is not None and trigger.note == "زيارة رسمية\nلستة أيام"
    gift = aset.find(78, 82, "gift")
    assert gift is not None and gift.attributes == {"Negation": "true"}
    assert sorted((r.type, aset.span(r.source).text, aset.span(r.target).text,
                   r.extra.get("note")) for r in aset.relations()) == [
        ("Occasion", "قطار", "زيارةٍ استمرت ستة أيام", None),
        ("Participant", "زيارةٍ استمرت ستة أيام", "كيم جونغ أون", None),
        ("Place", "زيارةٍ استمرت ستة أيام", "فلاديفوستوك", None),
        ("Recipient", "قطار", "كيم جونغ أون", None),
        ("located", "زيارةٍ استمرت ستة أيام", "فلاديفوستوك", "في الشرق الأقصى")]
    assert sorted(line.split(": ", 1)[1] for line in summary.ignored) == [
        "1 attribute(s) of a relation: Annotator attributes belong to spans; not imported",
        "1 normalization(s) (N lines, links to a knowledge base): Annotator spans have no "
        "place for them; not imported",
        "1 note(s) on a normalization: Annotator keeps notes on spans and relations only; not "
        "imported"]
