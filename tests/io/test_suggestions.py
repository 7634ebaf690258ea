"""Gazetteer suggestions: clitic-attached and differently spelled occurrences land on the right
code points, filtered for an annotator, never in an export, checked by validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.api import open_project
from annotator.cli import main

TEXTS = {
    "a": "وصل أحمد إلى موسكو والتقى بوتين\n",
    "b": "قال احمد إن الرئيس وبوتين اتفقا 😀 في موسكو\r\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    for doc_id, text in TEXTS.items():
        (root / "documents" / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    work = open_project(root).load("amal", "a")
    text = TEXTS["a"]
    for word, label in (("أحمد", "entity"), ("موسكو", "entity"), ("بوتين", "entity")):
        work.add_span(text.index(word), text.index(word) + len(word), label)
    work.status = "done"
    open_project(root).save(work)
    return root


def suggestions(root: Path, doc_id: str) -> list[tuple[str, str]]:
    raw = json.loads((root / "suggestions" / "gazetteer" / f"{doc_id}.json").read_text("utf-8"))
    return [(s["text"], s["label"]) for s in raw["spans"]]


def test_gazetteer_finds_clitic_attached_and_other_spellings(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "gazetteer", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"source": "gazetteer", "documents": 2,
                                                   "suggestions": 6, "dropped_unknown_labels": 0,
                                                   "dropped_labels": {}}
    assert suggestions(project, "b") == [("احمد", "entity"), ("بوتين", "entity"),
                                         ("موسكو", "entity")]
    raw = json.loads((project / "suggestions" / "gazetteer" / "b.json").read_text("utf-8"))
    text = TEXTS["b"]
    for span in raw["spans"]:
        assert text[span["start"]:span["end"]] == span["text"] and span["score"] == 1.0
    assert raw["annotator"] == "gazetteer" and "for" not in raw
    assert main(["validate", str(project)]) == 0


def test_for_an_annotator_what_they_have_or_rejected_is_left_out(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "annotations" / "amal" / "b.json"
    text = TEXTS["b"]
    start = text.index("موسكو")
    work = open_project(project).load("amal", "b")
    work.add_span(start, start + 5, "entity")
    open_project(project).save(work)
    raw = json.loads(path.read_text("utf-8"))
    raw["rejected_suggestions"] = [{"start": text.index("احمد"), "end": text.index("احمد") + 4,
                                    "label": "entity", "source": "gazetteer"}]
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert main(["suggest", str(project), "--source", "gazetteer", "--annotator", "amal",
                 "--docs", "b"]) == 0
    assert suggestions(project, "b") == [("بوتين", "entity")]
    assert json.loads((project / "suggestions" / "gazetteer" / "b.json").read_text(
        "utf-8"))["for"] == "amal"
    capsys.readouterr()


def test_suggestions_never_reach_an_export_and_bad_ones_are_reported(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "gazetteer"]) == 0
    assert main(["export", str(project), "--format", "jsonl", "--annotator", "amal",
                 "--out", str(tmp_path / "out")]) == 0
    exported = (tmp_path / "out" / "all.jsonl").read_text("utf-8")
    assert exported.count('"label"') == 3  # amal's three spans, no suggestion
    path = project / "suggestions" / "gazetteer" / "a.json"
    raw = json.loads(path.read_text("utf-8"))
    raw["spans"][0]["score"] = 7
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(project), "--json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [p["code"] for p in problems] == ["bad-field"]
