"""Suggestions from other tools (import --as-suggestions), judged (agreement --suggestions),
and never in an export."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from annotator.api import open_project
from annotator.cli import main
from annotator.core.suggestion_scores import Comparison, Counts, score_suggestions

TEXTS = {
    "a": "أهدى كيم سيفا ذهبيا إلى بوتين في موسكو.\n",
    "b": "التقت سارة ومريم في القاهرة 🌍 وتبادلتا كتابا نادرا.\n",
}


def at(doc_id: str, word: str, label: str) -> tuple[int, int, str]:
    start = TEXTS[doc_id].index(word)
    return start, start + len(word), label


FINAL = {  # (annotator, doc) -> spans in their done files
    ("amal", "a"): [at("a", "كيم", "entity"), at("a", "سيفا ذهبيا", "gift"),
                    at("a", "بوتين", "entity"), at("a", "موسكو", "entity")],
    ("amal", "b"): [at("b", "سارة", "entity"), at("b", "مريم", "entity"),
                    at("b", "كتابا نادرا", "gift")],
    ("omar", "a"): [at("a", "كيم", "entity"), at("a", "سيفا", "gift"),
                    at("a", "بوتين", "entity")],
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    for doc_id, text in TEXTS.items():
        (root / "documents" / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    api = open_project(root)
    for (annotator, doc_id), spans in FINAL.items():
        work = api.load(annotator, doc_id)
        for start, end, label in spans:
            work.add_span(start, end, label)
        work.status = "done"
        api.save(work)
    work = api.load("omar", "b")  # in progress: never compared
    work.add_span(*at("b", "القاهرة", "entity"))
    api.save(work)
    return root


def region(rid: str, key: tuple[int, int, str], doc_id: str, score: float | None = None,
           text: str | None = None) -> dict[str, Any]:
    start, end, label = key
    result: dict[str, Any] = {"id": rid, "from_name": "label", "to_name": "text",
                              "type": "labels", "value": {
                                  "start": start, "end": end, "labels": [label],
                                  "text": TEXTS[doc_id][start:end] if text is None else text}}
    if score is not None:
        result["score"] = score
    return result


def label_studio_file(path: Path, wrong_text: bool = False) -> Path:
    tasks = [
        {"id": 1, "data": {"text": TEXTS["a"]},
         "annotations": [{"id": 9, "completed_by": 1, "result": [
             region("x", at("a", "موسكو", "entity"), "a")]}],
         "predictions": [{"model_version": "v3", "score": 0.7, "result": [
             region("p1", at("a", "كيم", "entity"), "a", 0.91),
             region("p2", at("a", "سيفا", "gift"), "a"),  # the prediction's score: 0.7
             region("p3", at("a", "إلى", "entity"), "a", 0.2,
                    text="خطأ" if wrong_text else None)]}]},
        {"id": 2, "data": {"text": TEXTS["b"]},
         "predictions": [
             {"score": 0.4, "result": [region("q1", at("b", "سارة", "entity"), "b", 0.4)]},
             {"score": 0.8, "result": [region("q1", at("b", "سارة", "entity"), "b", 0.8),
                                       region("q2", at("b", "القاهرة", "entity"), "b", 0.6)]}]},
    ]
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def suggested(root: Path, source: str, doc_id: str) -> dict[tuple[int, int, str], float | None]:
    raw = json.loads((root / "suggestions" / source / f"{doc_id}.json").read_text("utf-8"))
    assert raw["annotator"] == source and raw["document"]["id"] == doc_id
    for span in raw["spans"]:
        assert TEXTS[doc_id][span["start"]:span["end"]] == span["text"]
    return {(s["start"], s["end"], s["label"]): s.get("score") for s in raw["spans"]}


def annotation_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "annotations").rglob("*.json"))}


def test_label_studio_predictions_become_suggestions_with_their_scores(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = annotation_bytes(project)
    source = label_studio_file(tmp_path / "ls.json")
    assert main(["import", str(project), "--format", "labelstudio", str(source),
                 "--as-suggestions", "ls", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["spans"] == 5
    assert sorted(w["doc_id"] for w in out["written"]) == ["a", "b"]
    assert any("annotation(s)" in line for line in out["ignored"])  # people's work: not read
    assert suggested(project, "ls", "a") == {at("a", "كيم", "entity"): 0.91,
                                             at("a", "سيفا", "gift"): 0.7,
                                             at("a", "إلى", "entity"): 0.2}
    # the same span in two predictions: once, with the higher score
    assert suggested(project, "ls", "b") == {at("b", "سارة", "entity"): 0.8,
                                             at("b", "القاهرة", "entity"): 0.6}
    assert annotation_bytes(project) == before  # nobody's annotations changed
    assert main(["validate", str(project)]) == 0
    capsys.readouterr()


def test_a_label_studio_task_without_predictions_gives_its_annotations(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([{"id": 3, "data": {"text": TEXTS["b"]}, "annotations": [
        {"completed_by": 2, "result": [region("r", at("b", "مريم", "entity"), "b")]}]}],
        ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(project), "--format", "labelstudio", str(source),
                 "--as-suggestions", "ls"]) == 0
    assert suggested(project, "ls", "b") == {at("b", "مريم", "entity"): None}
    capsys.readouterr()


def test_a_bad_prediction_stops_the_import_unless_skipped(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = label_studio_file(tmp_path / "ls.json", wrong_text=True)
    assert main(["import", str(project), "--format", "labelstudio", str(source),
                 "--as-suggestions", "ls"]) == 1
    assert "wrong-text" in capsys.readouterr().out
    assert not (project / "suggestions").exists()
    assert main(["import", str(project), "--format", "labelstudio", str(source),
                 "--as-suggestions", "ls", "--skip-bad"]) == 1
    assert at("a", "إلى", "entity") not in suggested(project, "ls", "a")
    assert len(suggested(project, "ls", "a")) == 2


def test_other_formats_and_what_is_refused(project: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "a.txt").write_bytes(TEXTS["a"].encode("utf-8"))
    start, end, _ = at("a", "بوتين", "entity")
    (brat / "a.ann").write_text(f"T1\tentity {start} {end}\tبوتين\n", encoding="utf-8")
    assert main(["import", str(project), "--format", "brat", str(brat),
                 "--as-suggestions", "gazette"]) == 0
    assert suggested(project, "gazette", "a") == {(start, end, "entity"): None}  # no score
    capsys.readouterr()
    # a text the project does not have: suggestions never add documents
    for name in ("a.txt", "a.ann"):
        (brat / name).unlink()
    (brat / "new.txt").write_bytes("نص آخر تماما عن بوتين.\n".encode())
    (brat / "new.ann").write_text("T1\tentity 16 21\tبوتين\n", encoding="utf-8")
    assert main(["import", str(project), "--format", "brat", str(brat),
                 "--as-suggestions", "gazette"]) == 1
    assert "missing-document" in capsys.readouterr().out
    assert sorted(p.name for p in (project / "documents").iterdir()) == ["a.txt", "b.txt"]
    for extra in (["--annotator", "amal"], ["--add-labels"], ["--replace"]):
        assert main(["import", str(project), "--format", "brat", str(brat),
                     "--as-suggestions", "x", *extra]) == 2
    assert main(["import", str(project), "--format", "brat", str(brat),
                 "--as-suggestions", "a/b"]) == 2


def expected_scores(source_spans: dict[str, set[tuple[int, int, str]]],
                    annotators: list[str]) -> tuple[float, float]:
    """Precision and recall by scikit-learn over every (annotator, document, span) item."""
    from sklearn.metrics import precision_score, recall_score

    truth, guess = [], []
    for (annotator, doc_id), spans in FINAL.items():
        if annotator not in annotators or doc_id not in source_spans:
            continue
        for key in set(spans) | source_spans[doc_id]:
            truth.append(key in spans)
            guess.append(key in source_spans[doc_id])
    return float(precision_score(truth, guess)), float(recall_score(truth, guess))


def test_agreement_with_suggestions_matches_an_independent_computation(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn")
    source = label_studio_file(tmp_path / "ls.json")
    assert main(["import", str(project), "--format", "labelstudio", str(source),
                 "--as-suggestions", "ls"]) == 0
    assert main(["suggest", str(project), "--source", "gazetteer"]) == 0
    capsys.readouterr()
    assert main(["agreement", str(project), "--suggestions", "ls,gazetteer", "--json"]) == 0
    figures = {s["source"]: s for s in json.loads(capsys.readouterr().out)["suggestions"]}
    for name in ("ls", "gazetteer"):
        spans = {d: set(suggested(project, name, d)) for d in TEXTS}
        precision, recall = expected_scores(spans, ["amal", "omar"])
        assert figures[name]["precision"] == pytest.approx(precision)
        assert figures[name]["recall"] == pytest.approx(recall)
        # two documents; three (document, annotator) comparisons: omar's b is in progress
        assert figures[name]["documents"] == len({d for _, d in FINAL}) == 2
        assert figures[name]["comparisons"] == len(FINAL) == 3
    one = {d: set(suggested(project, "ls", d)) for d in TEXTS}
    assert figures["ls"]["annotators"]["amal"]["precision"] == pytest.approx(
        expected_scores(one, ["amal"])[0])
    assert main(["agreement", str(project), "--suggestions", "ls"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0].split()
    assert "ls" in out and "documents" in header and "comparisons" in header
    row = next(line.split() for line in out.splitlines() if line.split()[:1] == ["ls"])
    assert row[header.index("documents")] == "2" and row[header.index("comparisons")] == "3"
    assert main(["agreement", str(project), "--suggestions", "nothing"]) == 2
    assert main(["agreement", str(project), "--suggestions", "ls", "--status", "done"]) == 2


def test_a_file_made_for_one_annotator_is_compared_with_that_annotator_only(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "gazetteer", "--annotator", "omar"]) == 0
    capsys.readouterr()
    assert main(["agreement", str(project), "--suggestions", "gazetteer", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["suggestions"][0]
    assert list(figures["annotators"]) == ["omar"] and figures["documents"] == 1
    assert figures["comparisons"] == 1


def test_suggestions_never_reach_an_export(project: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    formats = ["jsonl", "conll", "brat", "hf", "doccano", "labelstudio"]
    if importlib.util.find_spec("spacy") is not None:
        formats.append("spacy")

    def export_all(where: Path) -> dict[str, bytes]:
        found = {}
        for fmt in formats:
            assert main(["export", str(project), "--format", fmt, "--annotator", "amal",
                         "--out", str(where / fmt)]) == 0
            found.update({p.relative_to(where).as_posix(): p.read_bytes()
                          for p in sorted((where / fmt).rglob("*")) if p.is_file()})
        return found

    before = export_all(tmp_path / "before")
    assert main(["import", str(project), "--format", "labelstudio",
                 str(label_studio_file(tmp_path / "ls.json")), "--as-suggestions", "ls"]) == 0
    assert main(["suggest", str(project), "--source", "gazetteer"]) == 0
    capsys.readouterr()
    assert (project / "suggestions" / "ls" / "b.json").is_file()
    after = export_all(tmp_path / "after")
    assert after == before
    records = [json.loads(line) for line in after["jsonl/all.jsonl"].decode().splitlines()]
    assert [(s["start"], s["end"], s["label"]) for s in records[1]["spans"]] == \
        sorted(FINAL["amal", "b"])  # not the suggested القاهرة


def test_counts_say_none_when_there_is_nothing_to_divide_by() -> None:
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    score = score_suggestions("s", [Comparison("d", "a", frozenset(),
                                               frozenset({(0, 1, "entity")}))])
    assert score.total.precision is None and score.total.recall == 0.0
    assert score.to_json()["annotators"]["a"]["final"] == 1
