"""The export driver: whose work, status filter, split, all-or-nothing output, cancel, reports."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.core.annotations import AnnotationSet
from annotator.core.errors import AnnotatorError, OutputRefusedError
from annotator.core.spans import Span
from annotator.io import store
from annotator.io.exporting import ExportOptions, assign_splits, export_project, parse_split
from annotator.io.formats import EXPORTS
from annotator.io.outputs import EXPORT_MARKER
from annotator.io.project_file import open_project
from tests.io.conftest import EXPORT_PROJECT as PROJECT


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def jsonl_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", [f.name for f in EXPORTS])
def test_export_never_modifies_the_project(fmt: str, project_dir: Path, tmp_path: Path) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    before = digest(project_dir)
    export_project(open_project(project_dir), ExportOptions(fmt, tmp_path / "out"))
    assert digest(project_dir) == before
    # nothing left next to the output but the output itself
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]


def test_default_refuses_documents_without_gold_naming_the_annotators(project_dir: Path,
                                                                      tmp_path: Path) -> None:
    (project_dir / "gold" / "emoji-drone.json").unlink()
    with pytest.raises(AnnotatorError) as caught:
        export_project(open_project(project_dir), ExportOptions("jsonl", tmp_path / "out"))
    assert [p.code for p in caught.value.problems] == ["no-gold"]
    assert "emoji-drone" in str(caught.value) and "salma" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_annotator_option_and_status_filter(project_dir: Path, tmp_path: Path) -> None:
    project = open_project(project_dir)
    summary = export_project(project, ExportOptions("jsonl", tmp_path / "a", annotator="salma"))
    assert jsonl_ids(tmp_path / "a" / "all.jsonl") == ["emoji-drone", "visit-train"]
    assert summary.annotators == {"salma": 2} and summary.spans == 5
    assert dict(summary.skipped) == {"gifts-crlf": "without a file from salma",
                                     "unannotated": "without a file from salma"}
    done = export_project(project, ExportOptions("jsonl", tmp_path / "b", status="done"))
    assert jsonl_ids(tmp_path / "b" / "all.jsonl") == ["gifts-crlf", "visit-train"]
    assert ("emoji-drone", "status in_progress") in done.skipped
    export_project(project, ExportOptions("jsonl", tmp_path / "c", status="in_progress"))
    assert jsonl_ids(tmp_path / "c" / "all.jsonl") == ["emoji-drone"]


def test_parse_split_accepts_fractions_and_explains_mistakes() -> None:
    assert parse_split("train=0.8, dev=0.1,test=0.1") == (
        ("train", 0.8), ("dev", 0.1), ("test", 0.1))
    for bad, why in [("train=0.8,dev=0.1", "add up to 0.9"), ("train", "NAME=FRACTION"),
                     ("a=0.5,a=0.5", "twice"), ("a=x,b=1", "not a number"),
                     ("a/b=1", "may hold only"), ("a=0,b=1", "must be in")]:
        with pytest.raises(ValueError, match=why):
            parse_split(bad)


def test_splits_are_by_document_deterministic_and_sized_by_largest_remainder() -> None:
    ids = [f"doc{i:03}" for i in range(101)]
    split = (("train", 0.8), ("dev", 0.1), ("test", 0.1))
    first = assign_splits(ids, split, seed=7)
    assert first == assign_splits(list(reversed(ids)), split, seed=7)  # input order is irrelevant
    assert [len(v) for v in first.values()] == [81, 10, 10]  # 80.8 -> 81, 10.1, 10.1
    assert sorted(i for v in first.values() for i in v) == ids
    assert all(v == sorted(v) for v in first.values())
    assert assign_splits(ids, split, seed=8) != first
    assert [len(v) for v in assign_splits(ids[:3], split, 0).values()] == [3, 0, 0]


def test_split_files_exist_for_every_split_even_empty(project_dir: Path, tmp_path: Path) -> None:
    options = ExportOptions("conll", tmp_path / "out", split=(("train", 0.9), ("test", 0.1)))
    summary = export_project(open_project(project_dir), options)
    assert summary.splits == {"train": 3, "test": 0}
    assert summary.files == ["test.conll", "train.conll"]
    assert (tmp_path / "out" / "test.conll").read_bytes() == b""


def test_a_stale_file_stops_the_export_and_nothing_is_written(project_dir: Path,
                                                               tmp_path: Path) -> None:
    doc = project_dir / "documents" / "gifts-crlf.txt"
    doc.write_bytes(doc.read_bytes().replace("عديدة".encode(), "كثيرة".encode()))
    with pytest.raises(AnnotatorError) as caught:
        export_project(open_project(project_dir), ExportOptions("conll", tmp_path / "out"))
    assert "stale" in {p.code for p in caught.value.problems}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_cancel_writes_nothing(project_dir: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 4  # cancel while writing (reading is 1..3 of 6)

    summary = export_project(open_project(project_dir), ExportOptions("brat", tmp_path / "out"),
                             progress)
    assert summary.cancelled and calls[-1] == (4, 6)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    assert summary.lines() == ["export cancelled: nothing was written"]


def test_progress_reaches_the_total(project_dir: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_project(open_project(project_dir), ExportOptions("hf", tmp_path / "out"),
                   lambda d, t: calls.append((d, t)) is None)
    assert calls[-1] == (6, 6) and [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_output_folder_rules(project_dir: Path, tmp_path: Path) -> None:
    project = open_project(project_dir)
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.tex").write_text("keep me")
    for overwrite in (False, True):  # a folder we did not make is never replaced
        with pytest.raises(OutputRefusedError, match="not made by 'annotator export'"):
            export_project(project, ExportOptions("jsonl", out, overwrite=overwrite))
        assert sorted(p.name for p in out.iterdir()) == ["thesis.tex"]
    earlier = tmp_path / "earlier"
    export_project(project, ExportOptions("jsonl", earlier))
    with pytest.raises(OutputRefusedError) as refused:
        export_project(project, ExportOptions("jsonl", earlier))
    assert refused.value.problem.hint == "overwrite" and "--" not in str(refused.value)
    export_project(project, ExportOptions("conll", earlier, overwrite=True))
    assert sorted(p.name for p in earlier.iterdir()) == [EXPORT_MARKER, "all.conll"]
    for inside in (project_dir, project_dir / "gold" / "x", project_dir / "suggestions" / "m",
                   project_dir / "project.json", tmp_path):
        with pytest.raises(OutputRefusedError) as caught:
            export_project(project, ExportOptions("jsonl", inside, overwrite=True))
        assert caught.value.problem.code == "bad-output"
    assert (project_dir / "project.json").exists()


def test_identical_exports_are_byte_identical_hidden_files_included(
        project_dir: Path, tmp_path: Path) -> None:
    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    options = {"split": (("train", 0.5), ("test", 0.5)), "seed": 4}
    export_project(open_project(project_dir), ExportOptions("brat", tmp_path / "a", **options))
    export_project(open_project(project_dir), ExportOptions("brat", tmp_path / "b", **options))
    first = tree(tmp_path / "a")
    assert EXPORT_MARKER in first and first == tree(tmp_path / "b")
    assert str(tmp_path) not in first[EXPORT_MARKER].decode()


def test_missing_spacy_is_a_clear_message(project_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "spacy" else real(name, *a))
    with pytest.raises(AnnotatorError) as caught:
        export_project(open_project(project_dir), ExportOptions("spacy", tmp_path / "out"))
    assert caught.value.problem.code == "missing-dependency"
    assert "pip install" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_brat_reports_what_it_cannot_write(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    text = "زار كيم\nروسيا"
    (root / "documents" / "d.txt").write_text(text, encoding="utf-8", newline="")
    project = open_project(root)  # (a label with white space is refused in project.json)
    aset = AnnotationSet.build("d", text, "gold", [
        Span("T2", 4, 8, "entity", "كيم\n"), Span("T3", 4, 13, "entity", "كيم\nروسيا")],
        labels=project.label_names)
    store.save(project, aset, None)
    summary = export_project(project, ExportOptions("brat", tmp_path / "out"))
    assert Counter(d.reason for d in summary.dropped) == {"line-break-edge": 1}
    assert summary.spans_written == 1
    ann = (tmp_path / "out" / "d.ann").read_text(encoding="utf-8")
    assert ann == "T1\tentity 4 7;8 13\tكيم روسيا\n"


def test_unplaced_spans_are_reported_as_dropped(project_dir: Path, tmp_path: Path) -> None:
    path = project_dir / "gold" / "emoji-drone.json"
    raw = json.loads(path.read_bytes())
    raw["unplaced_spans"] = [{"id": "T9", "start": 0, "end": 3, "label": "gift",
                              "text": "مفقود"}]
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    summary = export_project(open_project(project_dir), ExportOptions("jsonl", tmp_path / "out"))
    assert [(d.doc_id, d.span_id, d.reason) for d in summary.dropped] == [
        ("emoji-drone", "T9", "unplaced")]
    assert summary.spans == 24 and summary.spans_written == 23
    assert any("could not be placed" in line for line in summary.lines())


def test_a_span_boundary_inside_a_grapheme_is_kept_with_a_warning(tmp_path: Path) -> None:
    summary = export_project(open_project(PROJECT), ExportOptions("conll", tmp_path / "out"))
    # "كيم" is annotated without the ZWNJ that follows it
    assert summary.warnings == ["emoji-drone: span T4 entity 63..66 ends inside a grapheme "
                                "(before U+200C); its token is split there"]
    conll = (tmp_path / "out" / "all.conll").read_text(encoding="utf-8")
    assert "كيم\tB-entity\n\u200c\tO\n" in conll


def test_a_failed_export_names_the_users_folder_not_a_temporary_one(
        project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.io import exchange

    def full_disk(self: exchange.Staging) -> list[str]:
        raise OSError(28, "No space left on device", str(self.root))

    monkeypatch.setattr(exchange.Staging, "commit", full_disk)
    out = tmp_path / "out"
    with pytest.raises(AnnotatorError) as caught:
        export_project(open_project(project_dir), ExportOptions("jsonl", out))
    assert caught.value.problem.file == str(out) and ".tmp" not in str(caught.value)
    assert "No space left" in str(caught.value) and "nothing was written" in str(caught.value)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
