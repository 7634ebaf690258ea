"""Reading and writing big annotation files without holding them twice: spans become
records as the JSON is read, the spans' objects are made batch by batch as they are
written, and the bytes stay exactly what they were."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.spans import NO_EXTRA, Span
from annotator.io import jsonfile, standoff
from annotator.io.atomic import fingerprint, fingerprint_bytes
from annotator.io.jsonfile import Streamed, dump_json_bytes
from annotator.io.standoff import parse_annotations, serialize_annotations

TEXT = "التقى الرئيس الوفد في المحطة وقدم له الهدايا صباح الأحد في موسكو"
LABELS = frozenset({"entity", "gift", "meeting"})

values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text()),
    lambda children: st.one_of(st.lists(children), st.dictionaries(st.text(), children)),
    max_leaves=20)


def _dumps(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.text(), values, max_size=4), st.lists(values, max_size=12),
       st.integers(1, 5), st.text(max_size=3))
def test_a_streamed_list_is_written_as_the_list_would_be(
        top: dict[str, Any], items: list[Any], batch: int, key: str) -> None:
    jsonfile._STREAM_BATCH, kept = batch, jsonfile._STREAM_BATCH
    try:
        value = {**top, key: Streamed(items, lambda item: {"v": item, "n": "\n"}), "z": 1}
        expected = {**top, key: [{"v": item, "n": "\n"} for item in items], "z": 1}
        assert dump_json_bytes(value) == _dumps(expected)
    finally:
        jsonfile._STREAM_BATCH = kept


def _set(spans: int) -> AnnotationSet:
    aset = AnnotationSet("d", TEXT, "amal", LABELS, "in_progress")
    words = [(i, TEXT.index(" ", i) if " " in TEXT[i:] else len(TEXT))
             for i in range(len(TEXT)) if i == 0 or TEXT[i - 1] == " "]
    for n in range(spans):
        start, end = words[n % len(words)]
        label = sorted(LABELS)[n // len(words) % 3]
        if aset.find(start, end, label) is None:
            AddSpan(aset.make_span(start, end, label)).apply(aset)
    return aset


def test_a_file_is_written_in_batches_as_it_always_was(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    aset = _set(30)
    aset.unplaced.append(Span("T99", 0, 5, "gift", "التقى"))
    aset.extra["pipeline"] = {"spans": [{"id": "T1"}]}
    monkeypatch.setattr(jsonfile, "_STREAM_BATCH", 7)
    from annotator.io.standoff import annotations_to_json
    assert serialize_annotations(aset) == _dumps(annotations_to_json(aset))


def _read(value: dict[str, Any]) -> Any:
    return parse_annotations(_dumps(value), TEXT, source="f.json", labels=LABELS)


def _file(**top: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"format": "annotator/standoff", "version": 1,
                             "document": {"id": "d", "sha256": hashlib.sha256(
                                 TEXT.encode()).hexdigest(), "length": len(TEXT)},
                             "annotator": "amal", "status": "in_progress"}
    value.update(top)
    return value


PLAIN = {"id": "T1", "start": 0, "end": 5, "label": "gift", "text": "التقى"}


def test_spans_are_read_as_records_sharing_their_labels_and_texts() -> None:
    span_b = {**PLAIN, "id": "T2", "label": "entity"}
    result = _read(_file(spans=[PLAIN, span_b], relations=[]))
    first, second = result.annotations.spans()
    assert result.ok and first.extra is NO_EXTRA
    assert first.text is second.text  # one string for a text that recurs
    assert result.annotations.find(0, 5, "gift") is not None


@pytest.mark.parametrize("place", [
    lambda o: {"pipeline": o},
    lambda o: {"pipeline": [[o]]},
    lambda o: {"document": {"id": "d", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
                            "length": len(TEXT), "source": o}},
    lambda o: {"spans": [{**PLAIN, "id": "T5", "origin": {"copied_from": o}}]},
    lambda o: {"relations": [{"id": "R1", "type": "giver", "from": "T5", "to": "T5",
                              "evidence": o}],
               "spans": [{**PLAIN, "id": "T5"}]},
])
def test_a_span_shaped_object_anywhere_else_stays_an_object(place: Any) -> None:
    value = _file(**place(dict(PLAIN)))
    value.setdefault("spans", [])
    value.setdefault("relations", [])
    result = _read(value)
    assert result.ok, result.problems
    known = ("format", "version", "document", "annotator", "status", "spans", "relations")
    written = {key: value[key] for key in known}  # the writer's order, unknown keys last
    written.update(sorted((k, v) for k, v in value.items() if k not in known))
    assert serialize_annotations(result.annotations) == _dumps(written)


def test_a_span_shaped_file_reads_as_without_records(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _dumps(PLAIN)
    read = parse_annotations(data, TEXT, source="f.json")
    monkeypatch.setattr(standoff, "_SpanReader", lambda: dict)  # every object a dict
    plain = parse_annotations(data, TEXT, source="f.json")
    assert "bad-format" in [p.code for p in read.problems]
    assert read.problems == plain.problems
    assert serialize_annotations(read.annotations) == serialize_annotations(plain.annotations)


def test_spans_with_keys_in_another_order_or_more_keys_read_as_before() -> None:
    reordered = {"start": 0, "id": "T1", "end": 5, "text": "التقى", "label": "gift"}
    noted = {**PLAIN, "id": "T2", "label": "entity", "note": "مهم"}
    result = _read(_file(spans=[reordered, noted], relations=[]))
    assert result.ok
    assert [(s.id, s.note) for s in result.annotations.spans()] == [("T2", "مهم"),
                                                                   ("T1", None)]


@pytest.mark.parametrize("run", [20, 21, 22, 40])
@pytest.mark.parametrize("where", [0, 3, 6, 7, 8, 13, 14, 30])
def test_a_long_run_of_digits_is_found_across_the_slices_looked_at(
        monkeypatch: pytest.MonkeyPatch, run: int, where: int) -> None:
    monkeypatch.setattr(jsonfile, "_DIGITS_SLICE", 7)
    data = b"x" * where + b"7" * run + b"y" * 9
    assert jsonfile._has_long_digit_run(data) == (run > jsonfile.MAX_INT_DIGITS)


def test_a_file_is_fingerprinted_a_slice_at_a_time(tmp_path: Path) -> None:
    data = ("الهدايا " * 100_000).encode("utf-8")
    path = tmp_path / "big.json"
    path.write_bytes(data)
    assert fingerprint(path) == fingerprint_bytes(data)
    assert fingerprint(tmp_path / "none.json") == "absent"
