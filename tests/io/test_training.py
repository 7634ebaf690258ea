"""A real (small) training run: train, save, load back, suggest with scores; our tokens in spaCy.

The project is a few dozen short Arabic texts of our own (tests/io/training_data.py)
trained for a few dozen steps: seconds, not minutes. Skipped without spaCy.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

from annotator.api import open_project as api_project
from annotator.cli import main
from annotator.io.project_file import open_project
from annotator.io.suggestion_quality import least_model_confidence
from tests.io.training_data import make_project

spacy = pytest.importorskip("spacy")

STEPS = 40


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    """(project, model folder, train --json output), trained once for the module."""
    base = tmp_path_factory.mktemp("training")
    root = make_project(base / "project")
    model = base / "model"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["train", str(root), "--out", str(model), "--max-steps", str(STEPS),
                       "--json"])
    assert status == 0, err.getvalue()
    summary = json.loads(out.getvalue())
    summary["stderr"] = err.getvalue()
    return root, model, summary


@pytest.fixture
def project(trained: tuple[Path, Path, dict[str, object]], tmp_path: Path) -> Path:
    """A private copy of the trained project (tests may write suggestions into it)."""
    root = tmp_path / "project"
    shutil.copytree(trained[0], root)
    return root


def conll_tokens(path: Path) -> list[list[str]]:
    """The tokens of each document of a CoNLL export, in document order."""
    documents: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            documents.append([])
        elif line:
            documents[-1].append(line.split("\t")[0])
    return documents


def test_training_reports_steps_progress_and_a_dev_score(
        trained: tuple[Path, Path, dict[str, object]]) -> None:
    _, model, summary = trained
    assert summary["steps"] == STEPS and summary["documents"] == 36
    assert summary["train_documents"] + summary["dev_documents"] == 36  # type: ignore[operator]
    assert summary["labels"] == ["entity", "gift"]
    dev = summary["dev"]
    assert isinstance(dev, dict) and all(0 <= dev[k] <= 1 for k in ("precision", "recall", "f1"))
    assert dev["f1"] > 0.5  # the templates are easy: a model that learned nothing scores 0
    assert summary["token_differences"] == []
    stderr = str(summary["stderr"])
    assert "training [" in stderr and f"{STEPS}/{STEPS}" in stderr
    assert (model / "config.cfg").is_file() and (model / "tokenizer").is_file()


def test_the_saved_model_loads_back_with_our_tokenizer(
        trained: tuple[Path, Path, dict[str, object]]) -> None:
    nlp = spacy.load(trained[1])  # through the entry point, like any spaCy user
    assert type(nlp.tokenizer).__name__ == "AnnotatorTokenizer"
    assert '@tokenizers = "annotator.tokenizer.v1"' in (trained[1] / "config.cfg").read_text(
        encoding="utf-8")
    # a proclitic split off at a span edge in the data is split at prediction time too,
    # other proclitics before a known stem as well; a known stem and unknown words stay whole
    doc = nlp.tokenizer("التقى الوزير وبوتين فبوتين بوتين وصل")
    assert [t.text for t in doc] == ["التقى", "الوزير", "و", "بوتين", "ف", "بوتين", "بوتين",
                                     "وصل"]
    assert doc.text == "التقى الوزير وبوتين فبوتين بوتين وصل"


def test_tokens_in_training_equal_our_conll_tokens(
        trained: tuple[Path, Path, dict[str, object]], tmp_path: Path) -> None:
    root, model, _ = trained
    assert main(["export", str(root), "--format", "conll", "--annotator", "amal",
                 "--out", str(tmp_path / "conll")]) == 0
    expected = conll_tokens(tmp_path / "conll" / "all.conll")
    nlp = spacy.load(model)
    project = open_project(root)
    seen = [[t.text for t in nlp.make_doc(project.load_document(d).text) if t.text.strip()]
            for d in project.doc_ids()]
    assert seen == expected
    assert any("و" in doc and "بوتين" in doc for doc in seen)  # the clitic case is exercised


def test_an_unannotated_occurrence_is_split_anyway_and_reported(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", count=12)
    text = "قال المتحدث إن وبوتين وصل أمس.\n"
    (root / "documents" / "extra.txt").write_text(text, encoding="utf-8")
    work = api_project(root).load("amal", "extra")
    work.status = "done"
    api_project(root).save(work)
    from annotator.io.training import train

    summary = train(open_project(root), tmp_path / "m", max_steps=2)
    assert "extra" in summary.token_differences
    nlp = spacy.load(tmp_path / "m")
    # a refinement of the CoNLL tokens: every CoNLL token edge is still an edge
    edges = {b for t in nlp.make_doc(text) for b in (t.idx, t.idx + len(t.text))}
    from annotator.core.tokens import tokenize

    assert {b for t in tokenize(text) for b in (t.start, t.end)} <= edges


def test_model_suggestions_have_real_scores_and_validate(
        project: Path, trained: tuple[Path, Path, dict[str, object]],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "model", "--model", str(trained[1]),
                 "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["source"] == "model" and counts["documents"] == 36
    scores: list[float] = []
    lowest: dict[str, float] = {}
    for path in sorted((project / "suggestions" / "model").glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["annotator"] == "model"
        text = (project / "documents" / f"{path.stem}.txt").read_text(encoding="utf-8")
        for span in raw["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
            assert 0 <= span["score"] <= 1
            scores.append(span["score"])
            lowest[path.stem] = min(lowest.get(path.stem, 2.0), span["score"])
    assert len(scores) == counts["suggestions"] > 0
    assert len(set(scores)) > 1  # a real probability per span, never a constant
    assert least_model_confidence(open_project(project)) == lowest
    assert main(["validate", str(project)]) == 0
    capsys.readouterr()


def test_model_suggestions_for_an_annotator_leave_out_what_they_have(
        project: Path, trained: tuple[Path, Path, dict[str, object]],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "model", "--model", str(trained[1]),
                 "--annotator", "amal", "--docs", "doc-000,doc-001"]) == 0
    capsys.readouterr()
    for doc_id in ("doc-000", "doc-001"):
        raw = json.loads((project / "suggestions" / "model" / f"{doc_id}.json").read_text(
            encoding="utf-8"))
        mine = api_project(project).load("amal", doc_id)
        have = {(s.start, s.end, s.label) for s in mine.spans}
        assert raw["for"] == "amal"
        assert not {(s["start"], s["end"], s["label"]) for s in raw["spans"]} & have


def test_usage_mistakes_and_bad_model_folders(project: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(project), "--source", "model"]) == 2
    assert main(["suggest", str(project), "--source", "gazetteer", "--model", str(tmp_path)]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["suggest", str(project), "--source", "model", "--model",
                 str(tmp_path / "empty")]) == 1
    assert "bad-input" in capsys.readouterr().err
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["train", str(project), "--out", str(tmp_path / "busy"), "--max-steps", "1"]) == 1
    assert "bad-output" in capsys.readouterr().err
    assert (tmp_path / "busy" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert main(["train", str(project), "--out", str(tmp_path / "m"), "--max-steps", "0"]) == 2


def test_training_again_replaces_the_model(project: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model"
    for _ in range(2):
        assert main(["train", str(project), "--out", str(out), "--max-steps", "2"]) == 0
    assert "dev score" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "project"]  # no leftovers
    spacy.load(out)


def test_nothing_to_train_on_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "a.txt").write_text("وصل الوزير إلى موسكو.\n", encoding="utf-8")
    assert main(["train", str(root), "--out", str(tmp_path / "m")]) == 1
    assert "no-documents" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_without_spacy_the_commands_say_how_to_install_it(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "spacy" else real(name, *a))
    assert main(["train", str(project), "--out", str(tmp_path / "m")]) == 1
    assert "annotator[ml]" in capsys.readouterr().err
    assert main(["suggest", str(project), "--source", "model", "--model", str(tmp_path)]) == 1
    assert "missing-dependency" in capsys.readouterr().err


def test_the_spacy_export_writes_a_config_spacy_itself_trains_with(
        trained: tuple[Path, Path, dict[str, object]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = trained[0]
    for name in ("a", "b"):
        assert main(["export", str(root), "--format", "spacy", "--annotator", "amal",
                     "--split", "train=0.75,dev=0.25", "--out", str(tmp_path / name)]) == 0
    capsys.readouterr()
    config = (tmp_path / "a" / "config.cfg").read_bytes()
    assert config == (tmp_path / "b" / "config.cfg").read_bytes()  # deterministic
    text = config.decode("utf-8")
    assert '@tokenizers = "annotator.tokenizer.v1"' in text
    assert 'train = "train.spacy"' in text and 'dev = "dev.spacy"' in text
    from spacy.cli.train import train as spacy_train

    spacy_train(tmp_path / "a" / "config.cfg", tmp_path / "spacy-out", overrides={
        "paths.train": str(tmp_path / "a" / "train.spacy"),
        "paths.dev": str(tmp_path / "a" / "dev.spacy"),
        "training.max_steps": 4, "training.eval_frequency": 2})
    nlp = spacy.load(tmp_path / "spacy-out" / "model-last")
    # spaCy's own trainer initialised our tokenizer from the export: it splits as we do
    assert nlp.tokenizer.splits and [t.text for t in nlp.make_doc("وبوتين")] == ["و", "بوتين"]


def test_the_spacy_export_keeps_relations_and_counts_notes_and_attributes_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    project = Path(__file__).resolve().parent.parent / "data" / "export" / "project"
    assert main(["export", str(project), "--format", "spacy", "--out", str(tmp_path / "out"),
                 "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    gold = json.loads((project / "gold" / "visit-train.json").read_text(encoding="utf-8"))
    every = [json.loads(p.read_text(encoding="utf-8")) for p in (project / "gold").glob("*.json")]
    every_span = [s for f in every for s in f["spans"]]
    # what a Doc has no place for is counted once, by the export (never per span as well)
    assert summary["left_out"]["notes"] == sum("note" in s for s in every_span)
    assert summary["left_out"]["attributes"] == sum(len(s.get("attributes", {}))
                                                    for s in every_span)
    assert not {d["reason"] for d in summary["dropped"]} & {"note", "attribute"}
    spans = {s["id"]: [s["start"], s["end"], s["label"]] for s in gold["spans"]}
    docs = {d.user_data["doc_id"]: d
            for d in DocBin().from_disk(tmp_path / "out" / "all.spacy").get_docs(Vocab())}
    kept = docs["visit-train"].user_data["relations"]
    # (DocBin's msgpack gives the offset lists back as tuples)
    assert [(r["id"], r["type"], list(r["from"]), list(r["to"])) for r in kept] == [
        (r["id"], r["type"], spans[r["from"]], spans[r["to"]]) for r in gold["relations"]]
    assert kept[0]["note"] == gold["relations"][0]["note"]
    group = {(s.start_char, s.end_char, s.label_) for s in docs["visit-train"].spans["sc"]}
    assert all(tuple(r["from"]) in group and tuple(r["to"]) in group for r in kept)


def test_files_that_cannot_be_used_are_said_not_silently_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p", count=6)
    (root / "annotations" / "amal" / "doc-002.json").write_text("{}", encoding="utf-8")
    assert main(["train", str(root), "--out", str(tmp_path / "m"), "--max-steps", "1",
                 "--json"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in json.loads(out)["skipped"]] == ["doc-002 of amal"]
    assert json.loads(out)["documents"] == 5 and "doc-002 of amal" in err


def test_each_document_is_learned_from_the_first_source_that_finished_it(tmp_path: Path) -> None:
    from annotator.io.training import finished_work

    root = make_project(tmp_path / "p", count=3)
    api = api_project(root)
    gold = api.load("gold", "doc-001")
    gold.add_span(0, 3, "entity")
    api.save(gold)  # gold counts whatever its status
    omar = api.load("omar", "doc-002")
    omar.add_span(0, 3, "gift")
    api.save(omar)  # in progress: never learned from
    project = open_project(root)
    chosen = {d.doc_id: d.annotator for d in finished_work(project)}
    assert chosen == {"doc-000": "amal", "doc-001": "gold", "doc-002": "amal"}
    assert {d.doc_id: d.annotator for d in finished_work(project, ["amal", "gold"])} == {
        "doc-000": "amal", "doc-001": "amal", "doc-002": "amal"}
    assert finished_work(project, ["omar"]) == []


def test_spans_with_a_label_the_project_dropped_are_counted_and_named(
        project: Path, trained: tuple[Path, Path, dict[str, object]],
        capsys: pytest.CaptureFixture[str]) -> None:
    """A label removed after training: its predictions are left out, never silently."""
    command = ["suggest", str(project), "--source", "model", "--model", str(trained[1]), "--json"]
    assert main(command) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["dropped_unknown_labels"] == 0 and before["dropped_labels"] == {}
    gifts = sum(span["label"] == "gift"
                for path in (project / "suggestions" / "model").glob("*.json")
                for span in json.loads(path.read_text(encoding="utf-8"))["spans"])
    assert gifts > 0
    assert not (project / "project.json").exists()  # the default labels: entity, gift, meeting
    schema = {"format": "annotator/project", "version": 1, "name": "no gifts",
              "labels": [{"name": "entity"}, {"name": "meeting"}]}
    (project / "project.json").write_text(json.dumps(schema), encoding="utf-8")
    assert main(command) == 0
    captured = capsys.readouterr()
    after = json.loads(captured.out)
    assert after["dropped_unknown_labels"] == gifts and after["dropped_labels"] == {"gift": gifts}
    assert after["suggestions"] == before["suggestions"] - gifts
    assert {k: after[k] for k in ("source", "documents")} == \
        {k: before[k] for k in ("source", "documents")}
    warning = [line for line in captured.err.splitlines() if "warning" in line]
    assert len(warning) == 1 and str(gifts) in warning[0] and "gift" in warning[0]
    assert main(command[:-1]) == 0  # the table says it too
    assert "gift" in capsys.readouterr().err
