"""Every export format against golden files, byte for byte, from a small Arabic project.

The project (tests/data/export/project) has texts of our own with numbers
(2023, 3.5, 25,000), a Latin name, tashkeel, tatweel, ZWNJ, a \\r\\n document
with a span across a line break, emoji and a flag before spans, overlapping,
nested and tied spans, relations (one across a sentence break, one to a nested
span the flat tagging leaves out, two with a note), span attributes and notes,
a span accepted from a suggestion (``origin``), an annotator besides gold, and
a document nobody annotated. Regenerate the expected files after a deliberate
change with ``UPDATE_GOLDEN=1 pytest tests/io/test_export_golden.py`` and
review the diff.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

from annotator.core.tagging import tag
from annotator.io import store
from annotator.io.exporting import LEFT_OUT, ExportOptions, export_project
from annotator.io.outputs import EXPORT_MARKER
from annotator.io.project_file import open_project

DATA = Path(__file__).resolve().parent.parent / "data" / "export"
PROJECT = DATA / "project"
EXPECTED = DATA / "expected"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def compare_or_update(out: Path, expected: Path) -> None:
    if UPDATE:
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(out, expected)
    assert files(out) == files(expected)


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "brat", "hf", "doccano", "labelstudio"])
def test_export_matches_golden_files(fmt: str, tmp_path: Path) -> None:
    summary = export_project(open_project(PROJECT), ExportOptions(fmt, tmp_path / fmt))
    assert summary.documents == 3 and summary.skipped == [("unannotated", "not annotated")]
    compare_or_update(tmp_path / fmt, EXPECTED / fmt)


def test_brat_export_with_split_uses_a_folder_per_split(tmp_path: Path) -> None:
    options = ExportOptions("brat", tmp_path / "out", split=(("train", 0.67), ("test", 0.33)),
                            seed=3)
    summary = export_project(open_project(PROJECT), options)
    assert summary.splits == {"train": 2, "test": 1}
    written = files(tmp_path / "out")
    marker = json.loads(written.pop(EXPORT_MARKER))
    assert marker["split"] == {"train": 0.67, "test": 0.33} and marker["seed"] == 3
    flat = files(EXPECTED / "brat")
    del flat[EXPORT_MARKER]
    # one annotation.conf at the top (brat looks in a document's folder, then its parents)
    assert written.pop("annotation.conf") == flat.pop("annotation.conf")
    names = sorted(written)
    assert len(names) == 6 and {n.split("/")[0] for n in names} == {"train", "test"}
    # the same document files as without a split, only moved
    assert {n.split("/")[1]: data for n, data in written.items()} == flat


def spacy_view(path: Path) -> str:
    """What a .spacy file holds, as text (its bytes depend on spaCy's version).

    Per document: one JSON line with its user data, entities and span group,
    then one line per token: text, whitespace, IOB tag, sentence start.
    """
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    lines = []
    for doc in DocBin().from_disk(path).get_docs(Vocab()):
        lines.append(json.dumps({
            "user_data": dict(sorted(doc.user_data.items())),
            "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
            "sc": [[s.start_char, s.end_char, s.label_] for s in doc.spans["sc"]],
        }, ensure_ascii=False))
        for t in doc:
            tag = t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
            lines.append("  " + json.dumps([t.text, t.whitespace_, tag, t.is_sent_start],
                                           ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_spacy_export_matches_golden_content_and_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    project = open_project(PROJECT)
    export_project(project, ExportOptions("spacy", tmp_path / "a"))
    export_project(project, ExportOptions("spacy", tmp_path / "b"))
    assert files(tmp_path / "a") == files(tmp_path / "b")
    view = spacy_view(tmp_path / "a" / "all.spacy")
    golden = EXPECTED / "spacy" / "all.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(view, encoding="utf-8")
    assert view == golden.read_text(encoding="utf-8")
    # the Doc text is the document text, exactly (\r\n, ZWNJ and emoji included)
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    for doc in DocBin().from_disk(tmp_path / "a" / "all.spacy").get_docs(Vocab()):
        aset = store.load(project, doc.user_data["doc_id"], "gold").annotations
        assert doc.text == aset.text
        # entities: the flat tagging's kept spans; the span group: every span
        kept = tag(aset.text, [(s.start, s.end, s.label) for s in aset.spans()]).kept_spans()
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == kept
        assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == \
            sorted((s.start, s.end, s.label) for s in aset.spans())


def test_hf_output_has_the_token_classification_shape(tmp_path: Path) -> None:
    project = open_project(PROJECT)
    export_project(project, ExportOptions("hf", tmp_path, split=(("train", 0.67),
                                                                ("test", 0.33))))
    names = json.loads((tmp_path / "labels.json").read_text(encoding="utf-8"))
    assert names[0] == "O"
    assert names[1:] == [f"{p}-{label.name}" for label in project.labels for p in "BI"]
    seen: list[str] = []
    conll_tags: list[str] = []
    for split in ("train", "test"):
        for line in (tmp_path / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert sorted(record) == ["id", "ner_tags", "relations", "tokens"]
            assert len(record["tokens"]) == len(record["ner_tags"]) > 0
            for relation in record["relations"]:  # token ranges inside this sentence
                for end in ("from", "to"):
                    assert 0 <= relation[f"{end}_start"] < relation[f"{end}_end"] \
                        <= len(record["tokens"])
            assert all(isinstance(t, str) and t for t in record["tokens"])
            assert all(isinstance(i, int) and 0 <= i < len(names) for i in record["ner_tags"])
            seen.append(record["id"])
            conll_tags += [names[i] for i in record["ner_tags"]]
    doc_of = [i.split("/")[0] for i in seen]
    assert sorted(set(doc_of)) == ["emoji-drone", "gifts-crlf", "visit-train"]
    assert len(seen) == len(set(seen))
    # the same tags as the CoNLL export, sentence for sentence
    conll = (EXPECTED / "conll" / "all.conll").read_text(encoding="utf-8")
    sentences = [block for block in conll.split("\n\n") if block and block != "-DOCSTART-\tO"]
    assert len(sentences) == len(seen)
    assert sorted(conll_tags) == sorted(line.split("\t")[1] for block in sentences
                                        for line in block.split("\n"))


def test_hf_output_loads_with_datasets(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    export_project(open_project(PROJECT), ExportOptions("hf", tmp_path))
    # (a split may not be *named* "all" in datasets: it means the union of splits)
    loaded = datasets.load_dataset("json", data_files={"full": str(tmp_path / "all.jsonl")})
    rows = loaded["full"]
    assert rows.num_rows == 8
    names = json.loads((tmp_path / "labels.json").read_text(encoding="utf-8"))
    assert set(rows.column_names) >= {"id", "tokens", "ner_tags"}
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"])
        assert all(0 <= tag < len(names) for tag in row["ner_tags"])
    # relations: one list of structs; each end's tokens are its span's words
    project = open_project(PROJECT)
    loaded_relations = [(row["id"].split("/")[0], row["tokens"], r) for row in rows
                        for r in row["relations"]]
    assert len(loaded_relations) == 4  # of 5: gifts-crlf's R1 crosses a sentence break
    for doc_id, tokens, relation in loaded_relations:
        aset = store.load(project, doc_id, "gold").annotations
        stored = aset.relation(relation["id"])
        assert (relation["type"], relation["from"], relation["to"]) == (
            stored.type, stored.source, stored.target)
        for end, span_id in (("from", stored.source), ("to", stored.target)):
            span = aset.span(span_id)
            words = tokens[relation[f"{end}_start"]:relation[f"{end}_end"]]
            assert "".join(words) == "".join(span.text.split())
            assert relation[f"{end}_label"] == span.label


def test_hf_splits_without_relations_load_with_the_declared_features(tmp_path: Path) -> None:
    """A split whose sentences have no relation holds only empty lists: with features.json
    it loads beside one that has relations, and ner_tags carry the tag names."""
    datasets = pytest.importorskip("datasets")
    export_project(open_project(PROJECT), ExportOptions("hf", tmp_path / "hf"))
    lines = (tmp_path / "hf" / "all.jsonl").read_text(encoding="utf-8").splitlines(True)
    without = [line for line in lines if '"relations": []' in line]
    with_relations = [line for line in lines if line not in without]
    assert without and with_relations
    (tmp_path / "none.jsonl").write_text("".join(without), encoding="utf-8")
    (tmp_path / "some.jsonl").write_text("".join(with_relations), encoding="utf-8")
    declared = json.loads((tmp_path / "hf" / "features.json").read_text(encoding="utf-8"))
    features = datasets.Features.from_dict(declared)
    loaded = datasets.load_dataset("json", features=features, data_files={
        "none": str(tmp_path / "none.jsonl"), "some": str(tmp_path / "some.jsonl")})
    assert (loaded["none"].num_rows, loaded["some"].num_rows) == (len(without),
                                                                  len(with_relations))
    names = json.loads((tmp_path / "hf" / "labels.json").read_text(encoding="utf-8"))
    assert loaded["some"].features["ner_tags"].feature.names == names
    assert sum(len(row["relations"]) for row in loaded["some"]) == 4


def test_every_format_says_what_it_left_out(tmp_path: Path) -> None:
    """What a format declares it cannot hold is counted once, by the driver, and said."""
    from annotator.io.formats import CONTENTS, EXPORTS

    project = open_project(PROJECT)
    total = {"relations": 5, "attributes": 5, "notes": 2, "relation-notes": 2, "origins": 1}
    for fmt in EXPORTS:
        if fmt.needs and importlib.util.find_spec(fmt.needs) is None:
            continue  # (spacy is an extra)
        summary = export_project(project, ExportOptions(fmt.name, tmp_path / fmt.name))
        expected = {kind: total[kind] for kind in CONTENTS if kind not in fmt.holds
                    and not (kind == "relation-notes" and "relations" not in fmt.holds)}
        assert summary.left_out == expected, fmt.name
        said = [line for line in summary.lines() if line.startswith("left out")]
        assert len(said) == (1 if expected else 0)
        for kind, count in expected.items():
            assert f"{count} {LEFT_OUT[kind]}" in said[0]
        assert summary.to_json()["left_out"] == expected
    # hf: the relation across a sentence break is dropped, with the reason
    summary = export_project(project, ExportOptions("hf", tmp_path / "hf-again"))
    (crossing,) = [d for d in summary.dropped if d.kind == "relation"]
    assert (crossing.doc_id, crossing.span_id, crossing.reason) == ("gifts-crlf", "R1",
                                                                     "relation")
    assert "different sentences" in crossing.detail


def test_jsonl_records_have_the_shape_format_md_gives(tmp_path: Path) -> None:
    """FORMAT.md section 4: id, text, annotator, status, spans (id, start, end, label, text;
    note, attributes, origin where present), relations (id, type, from, to; note)."""
    project = open_project(PROJECT)
    export_project(project, ExportOptions("jsonl", tmp_path))
    for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert list(record) == ["id", "text", "annotator", "status", "spans", "relations"]
        aset = store.load(project, record["id"], record["annotator"]).annotations
        assert record["text"] == aset.text and record["status"] == aset.status
        assert [s["id"] for s in record["spans"]] == [s.id for s in aset.spans()]
        for item, span in zip(record["spans"], aset.spans(), strict=True):
            assert list(item)[:5] == ["id", "start", "end", "label", "text"]
            assert set(item) - {"id", "start", "end", "label", "text"} <= {
                "note", "attributes", "origin"}
            assert (item["start"], item["end"], item["label"]) == span.key
            assert item["text"] == record["text"][item["start"]:item["end"]]
            assert item.get("note") == span.note
            assert item.get("attributes") == span.attributes
            assert item.get("origin") == span.extra.get("origin")
        assert [(r["id"], r["type"], r["from"], r["to"], r.get("note"))
                for r in record["relations"]] == [
            (r.id, r.type, r.source, r.target, r.extra.get("note")) for r in aset.relations()]
