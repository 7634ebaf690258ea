"""``annotator export`` and ``annotator import``: options, exit codes, printed summaries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import flag, main, problem_text
from annotator.core.errors import Problem

PROJECT = Path(__file__).resolve().parent.parent / "data" / "export" / "project"
EXPECTED = Path(__file__).resolve().parent.parent / "data" / "export" / "expected"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    return root


def test_export_prints_the_summary_and_writes_the_golden_output(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", str(project), "--format", "conll", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"exported 3 document(s) (gold: 3) as conll to {out} [all 3]"
    assert printed[1] == "spans: 23 in the annotations, 19 written, 4 dropped"
    assert printed[2].startswith("  4 dropped: a longer overlapping span was kept")
    assert printed[-1] == "skipped 1 document(s): 1 not annotated"
    assert (out / "all.conll").read_bytes() == (EXPECTED / "conll" / "all.conll").read_bytes()


def test_export_json_summary_with_split(project: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status = main(["export", str(project), "--format", "hf", "--out", str(out), "--json",
                   "--split", "train=0.5,test=0.5", "--seed", "2", "--annotator", "salma"])
    assert status == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["splits"] == {"train": 1, "test": 1}
    assert summary["files"] == ["features.json", "labels.json", "test.jsonl", "train.jsonl"]
    assert summary["annotators"] == {"salma": 2}


def test_export_usage_mistakes_exit_2(project: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    assert main(["export", str(project), "--format", "jsonl", "--out", out,
                 "--split", "train=0.7,test=0.2"]) == 2
    assert "fractions add up to 0.9" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["export", str(project), "--format", "xml", "--out", out])
    assert caught.value.code == 2
    assert not Path(out).exists()


def test_export_problems_exit_1_naming_the_annotators(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (project / "gold" / "visit-train.json").unlink()
    out = tmp_path / "out"
    assert main(["export", str(project), "--format", "brat", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "document 'visit-train' has no gold file; annotators present: salma" in err
    assert "choose one of them as the annotator to export (--annotator) [no-gold]" in err
    assert not out.exists()


def test_import_refuses_unknown_labels_then_adds_them(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = (PROJECT / "documents" / "visit-train.txt").read_text(encoding="utf-8")
    source = tmp_path / "d.jsonl"
    source.write_text(json.dumps({"text": text, "label": [[20, 32, "person"]]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    args = ["import", str(project), "--format", "doccano", str(source), "--annotator", "noor"]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "label 'person' is not in the project's labels" in out
    assert "; add it to the project's labels (--add-labels) [unknown-label]" in out
    assert "nothing was written: 1 problem(s)" in out
    assert not (project / "annotations" / "noor").exists()
    assert main([*args, "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["hint"]) for p in refused] == [("unknown-label", "--add-labels")]
    assert main([*args, "--add-labels", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["labels_added"] == ["person"] and result["problems"] == []
    assert result["written"] == [{"doc_id": "visit-train", "annotator": "noor"}]
    assert (project / "annotations" / "noor" / "visit-train.json").exists()


def test_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = capsys.readouterr().out
    assert all(name in text for name in ("jsonl", "conll", "brat", "spacy", "hf", "doccano",
                                         "labelstudio", "labeling_config.xml"))
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = capsys.readouterr().out
    assert all(name in text for name in ("brat", "doccano", "labelstudio", "--utf16-offsets"))


def test_hints_are_named_as_the_flags_that_set_them() -> None:
    """io names an option by its field; only the command line turns it into a flag."""
    assert [flag(name) for name in ("add_labels", "utf16_offsets", "replace", "skip_bad",
                                    "overwrite", "annotator")] == [
        "--add-labels", "--utf16-offsets", "--replace", "--skip-bad", "--overwrite",
        "--annotator"]
    problem = Problem("target-exists", "already holds 2 span(s); replace the file to overwrite "
                      "it", "a.json", hint="replace")
    assert str(problem) == ("a.json: already holds 2 span(s); replace the file to overwrite it "
                            "[target-exists]")  # str() is the same as without a hint
    assert problem_text(problem) == ("a.json: already holds 2 span(s); replace the file to "
                                     "overwrite it (--replace) [target-exists]")
    assert problem_text(Problem("stale", "x", "a.json")) == "a.json: x [stale]"


def test_an_earlier_export_is_replaced_only_with_the_flag_the_refusal_names(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["export", str(project), "--format", "jsonl", "--out", str(out)]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "the output folder holds an earlier export" in err
    assert "(--overwrite) [bad-output]" in err
    assert main([*args, "--overwrite"]) == 0
