"""Reading suggestion files for the window: every source, broken or stale files skipped and
reported; each document's lowest score (the model's when there is one); suggesting with progress
and cancel."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.api import open_project as open_api
from annotator.core.project import Project
from annotator.io.atomic import atomic_write
from annotator.io.project_file import default_project, open_project, write_project
from annotator.io.suggestion_files import document_suggestions, lowest_scores
from annotator.io.suggestion_quality import document_confidence, least_model_confidence
from annotator.io.suggestions import Suggestion, suggest, suggestion_file, suggestion_path

TEXTS = {"a": "استقبل الرئيس بوتين الزعيم كيم في موسكو.",
         "b": "قدّم كيم هدية إلى بوتين بعد الاجتماع.",
         "c": "انتهت الزيارة دون مؤتمر صحفي."}


def _project(tmp_path: Path) -> Project:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    write_project(default_project(root, "t"))
    for doc_id, text in TEXTS.items():
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return open_project(root)


def _write(project: Project, source: str, doc_id: str, words: list[tuple[str, str, float]]
           ) -> None:
    text = TEXTS[doc_id]
    items = [Suggestion(text.index(w), text.index(w) + len(w), label, w, score)
             for w, label, score in words]
    atomic_write(suggestion_path(project, source, doc_id),
                 suggestion_file(project, source, doc_id, text, items, None))


def test_every_source_is_read_and_a_file_that_does_not_fit_is_skipped(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _write(project, "gazetteer", "a", [("بوتين", "entity", 0.9), ("موسكو", "entity", 0.4)])
    _write(project, "model", "a", [("كيم", "entity", 0.7)])
    _write(project, "old", "a", [("الرئيس", "entity", 0.5)])
    stale = project.root / "suggestions" / "old" / "a.json"
    raw = json.loads(stale.read_text("utf-8"))
    raw["document"]["sha256"] = "0" * 64
    stale.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    found = document_suggestions(project, "a", TEXTS["a"])
    assert sorted((s.source, s.text, s.score) for s in found.suggestions) == [
        ("gazetteer", "بوتين", 0.9), ("gazetteer", "موسكو", 0.4), ("model", "كيم", 0.7)]
    assert [p.code for p in found.problems] == ["stale"]
    assert found.problems[0].file == str(stale)
    assert document_suggestions(project, "c", TEXTS["c"]).suggestions == []


def test_lowest_scores_take_the_minimum_over_sources(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _write(project, "gazetteer", "a", [("بوتين", "entity", 0.9), ("موسكو", "entity", 0.4)])
    _write(project, "model", "a", [("كيم", "entity", 0.7)])
    _write(project, "model", "b", [("هدية", "gift", 0.55)])
    (project.root / "suggestions" / "model" / "c.json").write_text("{not json", "utf-8")
    assert lowest_scores(project) == {"a": 0.4, "b": 0.55}
    assert lowest_scores(project, ["b"]) == {"b": 0.55}
    assert lowest_scores(project, sources=["gazetteer"]) == {"a": 0.4}
    assert least_model_confidence(project) == {"a": 0.7, "b": 0.55}


def test_the_list_order_is_the_models_confidence_when_there_is_one(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _write(project, "gazetteer", "a", [("بوتين", "entity", 0.9), ("موسكو", "entity", 0.4)])
    _write(project, "gazetteer", "b", [("هدية", "gift", 0.6)])
    confidence = document_confidence(project)
    assert (confidence.source, confidence.scores) == (None, {"a": 0.4, "b": 0.6})
    _write(project, "model", "b", [("كيم", "entity", 0.3), ("بوتين", "entity", 0.8)])
    _write(project, "model", "c", [("مؤتمر صحفي", "entity", 0.65)])
    confidence = document_confidence(project)
    assert (confidence.source, confidence.scores) == ("model", {"b": 0.3, "c": 0.65})


def test_suggest_reports_progress_and_can_stop(tmp_path: Path) -> None:
    project = _project(tmp_path)
    api = open_api(project.root)
    work = api.load("amal", "a")
    start = TEXTS["a"].index("بوتين")
    work.add_span(start, start + 5, "entity")
    work.status = "done"
    api.save(work)
    calls: list[tuple[int, int]] = []

    def stop_after_one(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1

    summary = suggest(project, "gazetteer", progress=stop_after_one)
    assert not summary.finished and summary.documents == 1 and calls == [(0, 3), (1, 3)]
    assert sorted(p.name for p in (project.root / "suggestions" / "gazetteer").iterdir()) \
        == ["a.json"]
    calls.clear()

    def go_on(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    summary = suggest(project, "gazetteer", progress=go_on)
    assert summary.finished and (summary.documents, summary.suggestions) == (3, 2)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert summary.to_json() == {"source": "gazetteer", "documents": 3, "suggestions": 2,
                                 "dropped_unknown_labels": 0, "dropped_labels": {}}
    found = document_suggestions(project, "b", TEXTS["b"]).suggestions
    assert [(s.text, s.label, s.score) for s in found] == [("بوتين", "entity", 1.0)]
