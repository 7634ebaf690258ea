"""Fuzzing every reader: any bytes give a result or an AnnotatorError, never another exception.

The readers are the annotation file (:func:`parse_annotations`),
``project.json`` (:func:`open_project`) and each import format (its reader and
then the whole import driver, as a dry run). Inputs are raw bytes, JSON values
of any shape (lone surrogates, huge and non-finite numbers, deep nesting
included), and valid files with one part replaced by such a value.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.io.formats import IMPORTS
from annotator.io.importing import ImportOptions, import_annotations
from annotator.io.project_file import open_project
from annotator.io.standoff import parse_annotations

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden-project"
VALID_ANNOTATIONS = (GOLDEN / "annotations" / "amal" / "crlf-gifts.json").read_bytes()
TEXT = (GOLDEN / "documents" / "crlf-gifts.txt").read_bytes().decode("utf-8-sig")
VALID_PROJECT = (GOLDEN / "project.json").read_bytes()
FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HUGE = "<an integer of 5,000 digits>"  # put in by to_bytes (hypothesis cannot repr one)

# Strings with every kind of character, lone surrogates included.
strings = st.one_of(st.text(max_size=8), st.sampled_from(
    ["\ud800", "a\udfffb", "T1", "entity", "gift", "", " ", "\t", "..", "CON", "ك" * 200]))
numbers = st.one_of(st.integers(min_value=-(10**30), max_value=10**30),
                    st.sampled_from([HUGE, 0, 1, -1, 127, 2**63]),
                    st.floats(allow_nan=True, allow_infinity=True), st.booleans())
scalars = st.one_of(st.none(), numbers, strings)
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(strings, children, max_size=4)),
    max_leaves=12)


def to_bytes(value: Any) -> bytes:
    """JSON text the way a hostile writer could make it: NaN, 1e999 and \\ud800 escapes."""
    text = json.dumps(value, ensure_ascii=True, allow_nan=True, default=str)
    return text.replace(json.dumps(HUGE), "9" * 5000).encode("ascii")


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def replace_somewhere(document: Any, path: list[int], new: Any) -> Any:
    """``document`` with the node reached by choosing children by ``path`` replaced."""
    if not path or not isinstance(document, (dict, list)) or not document:
        return new
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[key] = replace_somewhere(document[key], path[1:], new)  # type: ignore[index]
    return copy


def mutated(valid: bytes) -> st.SearchStrategy[bytes]:
    original = json.loads(valid)
    return st.builds(lambda path, new: to_bytes(replace_somewhere(original, path, new)),
                     st.lists(st.integers(min_value=0, max_value=50), max_size=5), values)


def inputs(valid: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=200), values.map(to_bytes), mutated(valid),
                     st.sampled_from([deep(10**5), b"9" * 5000, b"NaN", b"\xff\xfe",
                                      b'"\\ud800"', valid[: len(valid) // 2]]))


def survives(read: Callable[[], object]) -> None:
    try:
        read()
    except AnnotatorError as exc:
        assert exc.problems and all(p.code and p.message for p in exc.problems)


@FUZZ
@given(inputs(VALID_ANNOTATIONS))
def test_annotation_files(data: bytes) -> None:
    def read() -> object:
        result = parse_annotations(data, TEXT, source="fuzz.json", doc_id="crlf-gifts",
                                   annotator="amal", labels=frozenset({"entity", "gift"}))
        for span in result.annotations.spans():  # whatever is accepted is valid
            assert TEXT[span.start:span.end] == span.text
            span.text.encode("utf-8")
        for problem in result.problems:
            assert problem.code
        return result
    survives(read)


@FUZZ
@given(inputs(VALID_PROJECT))
def test_project_files(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "project.json").write_bytes(data)
        (root / "documents").mkdir()

        def read() -> object:
            project = open_project(root)
            for label in project.labels:  # accepted names can go into a CoNLL column
                assert label.name and not any(ch.isspace() for ch in label.name)
                label.name.encode("utf-8")
            return project
        survives(read)


SAMPLES: dict[str, bytes] = {
    "jsonl": json.dumps({"id": "crlf-gifts", "text": TEXT, "annotator": "amal", "status": "done",
                         "spans": [{"start": 5, "end": 12, "label": "entity",
                                    "text": TEXT[5:12]}]}, ensure_ascii=False).encode() + b"\n",
    "doccano": json.dumps({"text": TEXT, "label": [[5, 12, "entity"]]},
                          ensure_ascii=False).encode() + b"\n",
    "labelstudio": json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [
        {"id": 1, "completed_by": 1, "result": [
            {"id": "a", "type": "labels", "value": {"start": 5, "end": 12, "text": TEXT[5:12],
                                                     "labels": ["entity"]}},
            {"type": "relation", "from_id": "a", "to_id": "a", "labels": ["giver"]}]}]}],
        ensure_ascii=False).encode(),
}


def run_import(fmt: str, write: Callable[[Path], Path]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "p"
        shutil.copytree(GOLDEN, root)
        source = write(Path(folder))
        for add_labels in (False, True):
            options = ImportOptions(fmt, source, add_labels=add_labels, dry_run=True)
            survives(lambda options=options: import_annotations(open_project(root), options))


def json_import(fmt: str) -> Callable[[bytes], None]:
    def check(data: bytes) -> None:
        def write(folder: Path) -> Path:
            path = folder / ("in.json" if fmt == "labelstudio" else "in.jsonl")
            path.write_bytes(data)
            return path
        run_import(fmt, write)
    return check


@FUZZ
@given(st.one_of(inputs(SAMPLES["jsonl"]), st.lists(values.map(to_bytes), max_size=3).map(
    b"\n".join)))
def test_jsonl_import(data: bytes) -> None:
    json_import("jsonl")(data)


@FUZZ
@given(st.one_of(inputs(SAMPLES["doccano"]), st.lists(values.map(to_bytes), max_size=3).map(
    b"\n".join)))
def test_doccano_import(data: bytes) -> None:
    json_import("doccano")(data)


@FUZZ
@given(inputs(SAMPLES["labelstudio"]))
def test_labelstudio_import(data: bytes) -> None:
    json_import("labelstudio")(data)


brat_tokens = st.sampled_from(["T1", "T2", "R1", "E1", "A1", "#1", "N1", "*", "\t", " ", "entity",
                               "gift", "Arg1:T1", "Arg2:T2", "Arg1:E1", "AnnotatorNotes", "0",
                               "5", "12", "5 12", "0 3;4 7", "-1", "9" * 5000, "\ud800", "كيم",
                               "\r\n", "\n", ";", ":"])
brat_lines = st.lists(st.lists(brat_tokens, max_size=8).map("".join), max_size=6).map("\n".join)


@FUZZ
@given(brat_lines, st.one_of(st.just(TEXT.encode()), st.binary(max_size=60)))
def test_brat_import(ann: str, text: bytes) -> None:
    def write(folder: Path) -> Path:
        source = folder / "brat"
        source.mkdir()
        (source / "doc.ann").write_bytes(ann.encode("utf-8", "surrogatepass"))
        (source / "doc.txt").write_bytes(text)
        return source
    run_import("brat", write)


def test_every_import_format_is_fuzzed() -> None:
    fuzzed = {"jsonl", "doccano", "labelstudio", "brat"}
    assert {f.name for f in IMPORTS} <= fuzzed
    assert math.isfinite(len(SAMPLES))


def test_brat_offsets_of_5000_digits_are_a_reported_problem(tmp_path: Path) -> None:
    """int() refuses more than 4,300 digits with a ValueError; the reader must say why instead."""
    source = tmp_path / "brat"
    source.mkdir()
    (source / "doc.txt").write_text("كيم في موسكو", encoding="utf-8")
    (source / "doc.ann").write_text(f"T1\tentity 0 {'9' * 5000}\tكيم\n", encoding="utf-8")
    root = tmp_path / "p"
    shutil.copytree(GOLDEN, root)
    summary = import_annotations(open_project(root), ImportOptions("brat", source, dry_run=True))
    assert [p.code for p in summary.problems] == ["bad-input"] and not summary.ok
