"""Imports: brat, doccano, Label Studio and our jsonl; checks, refusals, UTF-16, round trips."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from annotator.io import store
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.importing import ImportOptions, import_annotations
from annotator.io.project_file import open_project
from tests.io.conftest import EXPORT_PROJECT as PROJECT


@pytest.fixture
def empty_dir(tmp_path: Path) -> Path:
    """A project with the same labels and no documents."""
    root = tmp_path / "empty"
    root.mkdir()
    shutil.copy(PROJECT / "project.json", root / "project.json")
    return root


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def spans_of(root: Path, doc_id: str, annotator: str) -> list[tuple[int, int, str, str]]:
    aset = store.load(open_project(root), doc_id, annotator).annotations
    return [(s.start, s.end, s.label, s.text) for s in aset.spans()]


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def gold_text(doc_id: str) -> str:
    return (PROJECT / "documents" / f"{doc_id}.txt").read_bytes().decode("utf-8-sig")


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


# -- round trips --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["brat", "jsonl"])
def test_export_import_export_is_identical(fmt: str, empty_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    export_project(open_project(PROJECT), ExportOptions(fmt, first))
    source = first if fmt == "brat" else first / "all.jsonl"
    summary = import_annotations(open_project(empty_dir),
                                 ImportOptions(fmt, source, annotator="gold"))
    assert summary.ok and summary.created == ["emoji-drone", "gifts-crlf", "visit-train"]
    second = tmp_path / "second"
    export_project(open_project(empty_dir), ExportOptions(fmt, second))
    assert files(second) == files(first)


def test_brat_import_into_the_same_project_matches_the_documents(project_dir: Path,
                                                                 tmp_path: Path) -> None:
    export_project(open_project(PROJECT), ExportOptions("brat", tmp_path / "brat"))
    summary = import_annotations(open_project(project_dir),
                                 ImportOptions("brat", tmp_path / "brat"))
    assert summary.ok and summary.created == [] and summary.spans == 23
    assert {a for _, a in summary.written} == {"brat"}  # default annotator: the format's name
    for doc_id in ("visit-train", "gifts-crlf", "emoji-drone"):
        assert spans_of(project_dir, doc_id, "brat") == spans_of(PROJECT, doc_id, "gold")
    aset = store.load(open_project(project_dir), "visit-train", "brat").annotations
    assert [(r.type, aset.span(r.source).text, aset.span(r.target).text, r.extra)
            for r in aset.relations()] == [
        ("gives", "الحاكم Oleg Kozhemyako", "خمس طائرات مسيّرة", {"note": "قدّمها الحاكم بنفسه"}),
        ("gives", "الحاكم Oleg Kozhemyako", "سترة واقية من الرصاص", {})]
    assert aset.find(20, 32, "entity").note == "الاسم الكامل كما ورد"  # type: ignore[union-attr]
    assert aset.find(184, 204, "gift").attributes == {  # type: ignore[union-attr]
        "kind": "clothing", "protection": "ballistic"}
    assert summary.relations == 5 and summary.notes == 4 and summary.attributes == 5


# -- doccano --------------------------------------------------------------------


def test_doccano_both_shapes_matched_by_text(project_dir: Path, tmp_path: Path) -> None:
    text = gold_text("visit-train")
    source = write_jsonl(tmp_path / "doccano.jsonl", [
        {"id": 4, "text": text, "label": [[20, 32, "entity"], [39, 50, "place"]]},
        {"id": 5, "text": gold_text("emoji-drone"),
         "entities": [{"id": 11, "start_offset": 6, "end_offset": 18, "label": "entity"},
                      {"id": 12, "start_offset": 19, "end_offset": 34, "label": "gift"}],
         "relations": [{"id": 1, "from_id": 11, "to_id": 12, "type": "shows"}]},
        {"id": 6, "text": "نص جديد عن فلاديفوستوك", "label": [[11, 22, "place"], "خبر"]},
    ])
    summary = import_annotations(open_project(project_dir), ImportOptions("doccano", source))
    assert summary.ok, summary.problems
    assert summary.created == ["doccano-6"]
    assert summary.ignored == [f"{source}:3: 1 document label(s) ('label' strings: text "
                               "classification): not spans; not imported"]
    assert spans_of(project_dir, "visit-train", "doccano") == [
        (20, 32, "entity", "كيم جونغ أون"), (39, 50, "place", "فلاديفوستوك")]
    assert spans_of(project_dir, "doccano-6", "doccano") == [(11, 22, "place", "فلاديفوستوك")]
    aset = store.load(open_project(project_dir), "emoji-drone", "doccano").annotations
    assert [(r.type, aset.span(r.source).text) for r in aset.relations()] == [
        ("shows", "الجيش الروسي")]


def test_doccano_utf16_offsets_get_a_warning_and_the_option_fixes_them(
        project_dir: Path, tmp_path: Path) -> None:
    text = gold_text("emoji-drone")
    gold = spans_of(PROJECT, "emoji-drone", "gold")
    source = write_jsonl(tmp_path / "d.jsonl", [
        {"text": text, "label": [[utf16(text, s), utf16(text, e), lab] for s, e, lab, _ in gold]}])
    dry = import_annotations(open_project(project_dir),
                             ImportOptions("doccano", source, dry_run=True))
    assert [w.code for w in dry.warnings] == ["utf16-offsets"]
    assert dry.warnings[0].hint == "utf16_offsets"  # the option that acts on it, by name
    assert "--" not in str(dry.warnings[0])  # io names no command-line flag
    fixed = import_annotations(open_project(project_dir),
                               ImportOptions("doccano", source, utf16_offsets=True))
    assert fixed.ok and not fixed.warnings
    assert spans_of(project_dir, "emoji-drone", "doccano") == gold


# -- Label Studio -----------------------------------------------------------------


def ls_result(rid: str, start: int, end: int, label: str, text: str) -> dict[str, Any]:
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def test_labelstudio_annotators_relations_and_ignored(project_dir: Path, tmp_path: Path) -> None:
    text = gold_text("visit-train")
    tasks = [{"id": 7, "data": {"text": text, "doc_id": "visit-train"},
              "annotations": [
                  {"id": 1, "completed_by": 3, "result": [
                      ls_result("a", 20, 32, "entity", "كيم جونغ أون"),
                      ls_result("b", 164, 181, "gift", "خمس طائرات مسيّرة"),
                      {"id": "r", "type": "relation", "from_id": "a", "to_id": "b",
                       "labels": ["receives"]},
                      {"id": "c", "type": "choices", "value": {"choices": ["news"]}}]},
                  {"id": 2, "completed_by": {"id": 4, "email": "noor@example.org"},
                   "result": [ls_result("x", 39, 50, "place", "فلاديفوستوك")]},
                  {"id": 3, "completed_by": 5, "was_cancelled": True, "result": []}],
              "predictions": [{"result": []}]}]
    source = tmp_path / "ls.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    summary = import_annotations(open_project(project_dir), ImportOptions("labelstudio", source))
    assert summary.ok, summary.problems
    assert sorted(summary.written) == [("visit-train", "labelstudio-3"),
                                       ("visit-train", "noor@example.org")]
    assert spans_of(project_dir, "visit-train", "noor@example.org") == [
        (39, 50, "place", "فلاديفوستوك")]
    aset = store.load(open_project(project_dir), "visit-train", "labelstudio-3").annotations
    assert [r.type for r in aset.relations()] == ["receives"]
    ignored = " | ".join(summary.ignored)
    assert "choices" in ignored and "cancelled" in ignored and "1 prediction(s)" in ignored


def test_labelstudio_utf16_offsets_are_refused_with_a_hint(project_dir: Path,
                                                           tmp_path: Path) -> None:
    text = gold_text("emoji-drone")  # 🚁 and 🇷🇺 come before the spans
    gold = spans_of(PROJECT, "emoji-drone", "gold")
    results = [ls_result(f"r{i}", utf16(text, s), utf16(text, e), lab, t)
               for i, (s, e, lab, t) in enumerate(gold)]
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([{"id": 1, "data": {"text": text},
                                   "annotations": [{"completed_by": 1, "result": results}]}],
                                 ensure_ascii=False), encoding="utf-8")
    before = digest(project_dir)
    refused = import_annotations(open_project(project_dir), ImportOptions("labelstudio", source))
    assert not refused.ok and refused.written == []
    assert {p.code for p in refused.problems} == {"utf16-offsets"}
    assert len(refused.problems) == len(gold)  # every span after an emoji, each reported
    assert {p.hint for p in refused.problems} == {"utf16_offsets"}
    assert "--" not in refused.problems[0].message
    assert digest(project_dir) == before
    done = import_annotations(open_project(project_dir),
                              ImportOptions("labelstudio", source, utf16_offsets=True))
    assert done.ok
    assert spans_of(project_dir, "emoji-drone", "labelstudio-1") == gold


# -- refusals -------------------------------------------------------------------------


def brat_pair(folder: Path, name: str, text: str, ann: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")
    return folder


def test_unknown_labels_are_refused_then_added_with_add_labels(project_dir: Path,
                                                               tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tperson 20 32\tكيم جونغ أون\nT2\tcity 39 50\tفلاديفوستوك\n"
                       "T3\tperson 133 148\tOleg Kozhemyako\n")
    before = digest(project_dir)
    refused = import_annotations(open_project(project_dir), ImportOptions("brat", folder))
    assert [(p.code, p.message.split(" is ")[0]) for p in refused.problems] == [
        ("unknown-label", "label 'city'"), ("unknown-label", "label 'person'")]
    assert "used by 2 span(s)" in refused.problems[1].message
    assert digest(project_dir) == before
    project = open_project(project_dir)
    added = import_annotations(project, ImportOptions("brat", folder, add_labels=True))
    assert added.ok and added.labels_added == ["person", "city"]
    names = [label.name for label in open_project(project_dir).labels]
    assert names == ["entity", "gift", "meeting", "place", "number", "person", "city"]
    assert [label.name for label in project.labels] == names
    # added labels get the next free digit keys, so they can be applied from the keyboard
    keys = [label.key for label in open_project(project_dir).labels]
    assert keys[-2:] == [k for k in "1234567890" if k not in keys[:-2]][:2]
    assert len(spans_of(project_dir, "visit-train", "brat")) == 3


def test_wrong_covered_text_is_reported_never_shifted(project_dir: Path, tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tentity 21 33\tكيم جونغ أون\nT2\tplace 39 50\tفلاديفوستوك\n"
                       "T3\tplace 900 905\tبعيد\n")
    refused = import_annotations(open_project(project_dir), ImportOptions("brat", folder))
    assert [p.code for p in refused.problems] == ["wrong-text", "out-of-range"]
    assert "not shifted" in refused.problems[0].message and refused.written == []
    partial = import_annotations(open_project(project_dir),
                                 ImportOptions("brat", folder, skip_bad=True))
    assert [p.code for p in partial.problems] == ["wrong-text", "out-of-range"]
    assert partial.written == [("visit-train", "brat")]
    assert spans_of(project_dir, "visit-train", "brat") == [(39, 50, "place", "فلاديفوستوك")]
    assert any("left out" in line for line in partial.lines())


def test_a_different_text_is_refused_with_the_line_ending_hint(project_dir: Path,
                                                              tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "gifts-crlf",
                       gold_text("gifts-crlf").replace("\r\n", "\n"), "")
    summary = import_annotations(open_project(project_dir), ImportOptions("brat", folder))
    assert [p.code for p in summary.problems] == ["text-differs"]
    assert "only line endings differ" in summary.problems[0].message


def test_existing_annotations_are_kept_unless_replace(project_dir: Path, tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tplace 39 50\tفلاديفوستوك\n")
    options = ImportOptions("brat", folder, annotator="salma")
    refused = import_annotations(open_project(project_dir), options)
    assert [p.code for p in refused.problems] == ["target-exists"]
    assert len(spans_of(project_dir, "visit-train", "salma")) == 3
    replaced = import_annotations(open_project(project_dir),
                                  ImportOptions("brat", folder, annotator="salma", replace=True))
    assert replaced.ok
    assert spans_of(project_dir, "visit-train", "salma") == [(39, 50, "place", "فلاديفوستوك")]


def test_dry_run_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "new-doc", "خبر جديد عن بوتين", "T1\tentity 12 17\tبوتين\n")
    before = digest(project_dir)
    summary = import_annotations(open_project(project_dir),
                                 ImportOptions("brat", folder, dry_run=True))
    assert summary.ok and summary.spans == 1 and summary.created == ["new-doc"]
    assert summary.lines()[-2].startswith("dry run: would import 1 span(s)")
    assert digest(project_dir) == before


def test_brat_discontinuous_spans_and_bad_lines_are_reported(project_dir: Path,
                                                             tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tentity 20 23;29 32\tكيم أون\nX1\tmystery\nA1\tNegated T1\n")
    summary = import_annotations(open_project(project_dir), ImportOptions("brat", folder))
    assert [p.code for p in summary.problems] == ["unsupported", "bad-input"]
    assert summary.ignored == [f"{folder / 'visit-train.ann'}:3: 1 attribute(s) of a refused "
                               "span: the span was not imported (see its problem)"]


def test_malformed_jsonl_lists_every_bad_line(project_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"text": "a"}\n{oops\n\n[1,\n', encoding="utf-8")
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError) as caught:
        import_annotations(open_project(project_dir), ImportOptions("doccano", source))
    assert [p.message.split(":")[0] for p in caught.value.problems] == ["line 2", "line 4"]


def test_project_json_changed_meanwhile_is_a_conflict(project_dir: Path, tmp_path: Path) -> None:
    from annotator.core.errors import ConflictError

    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tperson 20 32\tكيم جونغ أون\n")
    project_json = project_dir / "project.json"

    def someone_edits(done: int, total: int) -> bool:
        project_json.write_bytes(project_json.read_bytes().replace(b"Export test", b"Edited"))
        return True

    with pytest.raises(ConflictError):
        import_annotations(open_project(project_dir),
                           ImportOptions("brat", folder, add_labels=True), someone_edits)
    assert b"Edited" in project_json.read_bytes() and b"person" not in project_json.read_bytes()
    assert not (project_dir / "annotations" / "brat").exists()


def test_cancelling_an_import_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    folder = brat_pair(tmp_path / "b", "visit-train", gold_text("visit-train"),
                       "T1\tentity 20 32\tكيم جونغ أون\n")
    before = digest(project_dir)
    summary = import_annotations(open_project(project_dir), ImportOptions("brat", folder),
                                 lambda done, total: False)
    assert summary.cancelled and not summary.ok
    assert summary.lines()[-1] == "import cancelled: nothing was written"
    assert digest(project_dir) == before
