"""The standoff file: golden round trips, every validation code, re-anchoring of stale files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotations import AnnotationSet
from annotator.core.edits import AddSpan
from annotator.core.errors import AnnotatorError
from annotator.io import store
from annotator.io.project_file import open_project
from annotator.io.standoff import find_nearest, parse_annotations, serialize_annotations
from tests.strategies import texts

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden-project"
LABELS = frozenset({"entity", "gift", "meeting"})


def golden_files() -> list[Path]:
    return sorted((GOLDEN / "annotations").rglob("*.json"))


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_files_round_trip_byte_for_byte(path: Path) -> None:
    project = open_project(GOLDEN)
    loaded = store.load(project, path.stem, path.parent.name)
    assert loaded.result.ok, loaded.result.problems
    assert serialize_annotations(loaded.annotations) == path.read_bytes()


def test_golden_offsets_are_code_points_into_the_unchanged_text() -> None:
    """Checked independently of our reader: raw JSON against raw bytes."""
    for path in golden_files():
        raw = json.loads(path.read_bytes())
        text = (GOLDEN / "documents" / f"{path.stem}.txt").read_bytes().decode("utf-8-sig")
        assert raw["document"]["sha256"] == hashlib.sha256(text.encode()).hexdigest()
        assert raw["document"]["length"] == len(text)
        for span in raw["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
        keys = [(s["start"], s["end"], s["label"], s["id"]) for s in raw["spans"]]
        assert keys == sorted(keys)
    crlf = json.loads((GOLDEN / "annotations/amal/crlf-gifts.json").read_bytes())
    kozlov = next(s for s in crlf["spans"] if s["text"] == "Alexander Kozlov")
    # the \r\n of line 1 counts two code points
    line1 = "أهدى الحاكمُ الزعيمَ خمسَ مسيّراتٍ يوم 17 سبتمبر.\r\n"
    assert kozlov["start"] == len(line1) + len("وقال وزير البيئة ألكسندر كوزلوف (")


def test_unknown_keys_and_real_characters_are_kept() -> None:
    data = (GOLDEN / "annotations/amal/emoji-meeting.json").read_bytes()
    assert b"\\u" not in data and data.endswith(b"}\n")
    assert json.loads(data)["tool"] == "golden"
    meta = json.loads((GOLDEN / "project.json").read_bytes())
    assert meta["guidelines"]
    project = open_project(GOLDEN)
    assert project.extra["guidelines"] == meta["guidelines"]
    assert project.label("meeting").extra["description"]  # type: ignore[union-attr]


@st.composite
def annotation_sets(draw: st.DrawFn) -> AnnotationSet:
    text = draw(texts.filter(lambda t: len(t) > 1))
    aset = AnnotationSet("d", text, "amal", LABELS)
    for _ in range(draw(st.integers(0, 8))):
        a, b = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
        label = draw(st.sampled_from(sorted(LABELS)))
        if a < b and aset.find(a, b, label) is None:
            note = draw(st.none() | st.text(max_size=5))
            AddSpan(aset.make_span(a, b, label, note)).apply(aset)
    return aset


@settings(max_examples=150, deadline=None)
@given(annotation_sets())
def test_write_read_write_round_trip(aset: AnnotationSet) -> None:
    data = serialize_annotations(aset)
    result = parse_annotations(data, aset.text, source="x.json", labels=LABELS)
    assert result.ok, result.problems
    assert result.annotations == aset
    assert serialize_annotations(result.annotations) == data


def _file(text: str, spans: list[dict[str, object]], **top: object) -> bytes:
    value: dict[str, object] = {
        "format": "annotator/standoff", "version": 1,
        "document": {"id": "d", "sha256": hashlib.sha256(text.encode()).hexdigest(),
                     "length": len(text)},
        "annotator": "amal", "status": "in_progress", "spans": spans, "relations": []}
    value.update(top)
    return json.dumps(value, ensure_ascii=False).encode()


TEXT = "التقى كيم بوتين في فلاديفوستوك."


@pytest.mark.parametrize(("spans", "top", "code"), [
    ([{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "بوتين"}], {}, "wrong-text"),
    ([{"id": "T1", "start": 6, "end": 99, "label": "entity", "text": "كيم"}], {},
     "out-of-range"),
    ([{"id": "T1", "start": 9, "end": 6, "label": "entity", "text": ""}], {}, "reversed"),
    ([{"id": "T1", "start": 6, "end": 9, "label": "person", "text": "كيم"}], {},
     "unknown-label"),
    ([{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"},
      {"id": "T1", "start": 10, "end": 15, "label": "entity", "text": "بوتين"}], {},
     "duplicate-id"),
    ([{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"},
      {"id": "T2", "start": 6, "end": 9, "label": "entity", "text": "كيم"}], {},
     "duplicate-span"),
    ([{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"}],
     {"relations": [{"id": "R1", "type": "met", "from": "T1", "to": "T8"}]},
     "dangling-relation"),
    ([{"id": "T1", "start": "6", "end": 9, "label": "entity", "text": "كيم"}], {}, "bad-field"),
    ([], {"status": "finished"}, "bad-status"),
    ([], {"format": "brat"}, "bad-format"),
    ([], {"document": {"id": "d", "sha256": "0" * 64, "length": 31}}, "stale"),
])
def test_each_problem_is_found(spans: list[dict[str, object]], top: dict[str, object],
                               code: str) -> None:
    result = parse_annotations(_file(TEXT, spans, **top), TEXT, source="f.json", labels=LABELS)
    assert code in [p.code for p in result.problems]
    assert all(p.file == "f.json" for p in result.problems)


def test_malformed_json_and_invalid_utf8_raise_with_position() -> None:
    with pytest.raises(AnnotatorError) as info:
        parse_annotations(b'{"format": "annotator/standoff",\n "spans": [}', TEXT, source="f.json")
    assert info.value.problem.code == "malformed-json"
    assert "line 2" in info.value.problem.message
    with pytest.raises(AnnotatorError) as info:
        parse_annotations(b'{"a": "\xff"}', TEXT, source="f.json")
    assert info.value.problem.code == "invalid-utf8"
    assert "byte 7" in info.value.problem.message


def test_stale_file_is_reanchored_and_unfound_spans_kept_aside() -> None:
    old = "التقى كيم بوتين في فلاديفوستوك."
    new = "قال الكرملين: التقى كيم الرئيس بوتين."
    spans = [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"},
             {"id": "T2", "start": 10, "end": 15, "label": "entity", "text": "بوتين"},
             {"id": "T3", "start": 19, "end": 30, "label": "entity", "text": "فلاديفوستوك"}]
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    assert result.stale and not result.ok and result.openable
    placed = {s.id: new[s.start:s.end] for s in result.annotations.spans()}
    assert placed == {"T1": "كيم", "T2": "بوتين"}
    assert [s.id for s in result.annotations.unplaced] == ["T3"]
    assert {m.span_id for m in result.moved} == {"T1", "T2"}
    # written back: placed spans with new offsets, the unplaced one kept aside
    written = json.loads(serialize_annotations(result.annotations))
    assert [s["id"] for s in written["unplaced_spans"]] == ["T3"]
    assert written["document"]["sha256"] == hashlib.sha256(new.encode()).hexdigest()
    again = parse_annotations(serialize_annotations(result.annotations), new, source="f.json",
                              labels=LABELS)
    assert [p.code for p in again.problems] == ["unplaced-span"]
    assert [s.id for s in again.annotations.unplaced] == ["T3"]


def test_find_nearest_prefers_the_closest_occurrence() -> None:
    text = "كيم ... كيم ... كيم"
    assert find_nearest(text, "كيم", 9) == 8
    assert find_nearest(text, "كيم", 14) == 16
    assert find_nearest(text, "كيم", 0) == 0
    assert find_nearest(text, "بوتين", 3) is None
