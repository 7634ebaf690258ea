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
from annotator.io.standoff import (
    find_nearest,
    occurrences_by_distance,
    parse_annotations,
    serialize_annotations,
)
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


# -- hostile or invalid JSON: a Problem naming file and place, never another exception --------

def _spans_file(text: str = TEXT) -> str:
    return _file(text, [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"}],
                 note_here="x").decode()


@pytest.mark.parametrize(("change", "code", "where"), [
    (lambda s: s.replace('"start": 6', '"start": ' + "9" * 5000), "bad-number",
     "integer with 5000 digits"),
    (lambda s: s.replace('"start": 6', '"start": ' + "1" * 21), "bad-number",
     "integer with 21 digits"),
    (lambda s: s.replace('"start": 6', '"start": -' + "1" * 25), "bad-number",
     "integer with 25 digits"),
    (lambda s: s.replace('"start": 6', '"start": NaN'), "bad-number", "NaN"),
    (lambda s: s.replace('"start": 6', '"start": Infinity'), "bad-number", "Infinity"),
    (lambda s: s.replace('"start": 6', '"start": -Infinity'), "bad-number", "-Infinity"),
    (lambda s: s.replace('"length": 31', '"length": 1e999'), "bad-number", "1e999"),
    (lambda s: s.replace('"length": 31', '"length": -1.5E+400'), "bad-number", "-1.5E+400"),
    (lambda s: s.replace('"note_here": "x"', '"x": ' + "[" * 10**5 + "]" * 10**5),
     "too-deep", "nested too deeply"),
    (lambda s: s.replace('"note_here": "x"', '"x": ' + "[" * 10**6), "too-deep",
     "nested too deeply"),
    (lambda s: s.replace('"label": "entity"', '"label": "ent\\udc00"'), "bad-string",
     "'spans[0].label'"),
    (lambda s: s.replace('"sha256": "', '"sha256": "\\ud800'), "bad-string",
     "'document.sha256'"),
    (lambda s: s.replace('"note_here": "x"', '"note_here": "x\\uDBFF"'), "bad-string",
     "'note_here'"),
    (lambda s: s.replace('"note_here"', '"k\\ud800"'), "bad-string", "has a key 'k\\ud800'"),
    (lambda s: s.replace('"text": "كيم"', '"text": "\\ud83d\\ude81\\ude81"'), "bad-string",
     "'spans[0].text'"),
    (lambda s: s.replace('"text": "كيم"', '"text": "\\\\\\ud800"'), "bad-string",
     "'spans[0].text'"),
])
def test_hostile_json_is_refused_with_file_and_place(change: object, code: str,
                                                      where: str) -> None:
    data = change(_spans_file()).encode()  # type: ignore[operator]
    with pytest.raises(AnnotatorError) as info:
        parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    problem = info.value.problem
    assert (problem.code, problem.file) == (code, "f.json")
    assert where in problem.message, problem.message
    if code == "bad-number":
        assert "line 1, column" in problem.message


def test_lone_surrogate_path_is_named_and_field_set() -> None:
    data = _spans_file().replace('"text": "كيم"', '"text": "كيم", "attributes": {"k": '
                                 '["ok", "\\udfff"]}').encode()
    with pytest.raises(AnnotatorError) as info:
        parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert info.value.problem.field == "spans[0].attributes.k[1]"


@pytest.mark.parametrize("text", [
    '"\\ud83d\\ude81"', '"\\\\ud800"', '"\\\\\\\\ud800"', '"\\\\ud800\\\\udc00"',
    '"12345678901234567890"',
    '"' + "9" * 30 + '"', "12345678901234567890", "-12345678901234567890", "1.5e308",
    '"NaN Infinity 1e999"',
])
def test_what_is_allowed_stays_allowed(text: str) -> None:
    data = _spans_file().replace('"note_here": "x"', f'"note_here": {text}').encode()
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert result.ok, result.problems
    assert result.annotations.extra["note_here"] == json.loads(text)


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "2", "null"])
def test_version_must_be_the_integer_1(version: str) -> None:
    data = _spans_file().replace('"version": 1', f'"version": {version}').encode()
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert [(p.code, p.field) for p in result.problems] == [("bad-format", "version")]


def test_values_of_unknown_keys_nested_too_deep_are_reported() -> None:
    deep = "[" * 70 + "]" * 70
    data = _spans_file().replace('"note_here": "x"', f'"note_here": {deep}').encode()
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert [(p.code, p.field) for p in result.problems] == [("too-deep", "note_here")]
    assert not result.openable
    spans = [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم",
              "x": json.loads(deep)}]
    result = parse_annotations(_file(TEXT, spans), TEXT, source="f.json", labels=LABELS)
    assert [(p.code, p.span) for p in result.problems] == [("too-deep", "T1")]
    # hostile values in messages are described, never rendered whole
    data = _spans_file().replace('"version": 1', f'"version": {deep}').encode()
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert "a list" in result.problems[0].message


# -- spans kept aside are checked like spans, except for their offsets ------------------------

def _aside(**change: object) -> dict[str, object]:
    return {"id": "T5", "start": 40, "end": 44, "label": "entity", "text": "غائب", **change}


@pytest.mark.parametrize(("unplaced", "relations", "expected"), [
    ([_aside(id="T1")], [], ("duplicate-id", "T1")),
    ([_aside(), _aside(start=1)], [], ("duplicate-id", "T5")),
    ([_aside()], [{"id": "T5", "type": "giver", "from": "T1", "to": "T1"}],
     ("duplicate-id", "T5")),
    ([_aside(label="person")], [], ("unknown-label", "T5")),
    ([_aside(start="40")], [], ("bad-field", "T5")),
    ([_aside(note=3)], [], ("bad-field", "T5")),
    ([{"id": "T1", "label": "no-such-label", "start": "x"}], [], ("bad-field", "T1")),
])
def test_unplaced_spans_are_checked(unplaced: list[dict[str, object]],
                                    relations: list[dict[str, object]],
                                    expected: tuple[str, str]) -> None:
    spans = [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"}]
    data = _file(TEXT, spans, unplaced_spans=unplaced, relations=relations)
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    found = [(p.code, p.span) for p in result.problems if p.code != "unplaced-span"]
    assert found == [expected]
    assert not result.openable


def test_unplaced_spans_offsets_are_not_checked() -> None:
    spans = [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"}]
    data = _file(TEXT, spans, unplaced_spans=[_aside(start=500, end=2)])
    result = parse_annotations(data, TEXT, source="f.json", labels=LABELS)
    assert [p.code for p in result.problems] == ["unplaced-span"] and result.openable


def test_relation_ids_may_not_repeat_span_ids() -> None:
    spans = [{"id": "T1", "start": 6, "end": 9, "label": "entity", "text": "كيم"},
             {"id": "R1", "start": 10, "end": 15, "label": "entity", "text": "بوتين"}]
    relations = [{"id": "R1", "type": "met", "from": "T1", "to": "R1"}]
    result = parse_annotations(_file(TEXT, spans, relations=relations), TEXT, source="f.json",
                               labels=LABELS)
    assert [(p.code, p.span) for p in result.problems] == [("duplicate-id", "R1")]


# -- re-anchoring is a one-to-one assignment (FORMAT.md section 3) ----------------------------

def _span(i: int, text: str, word: str, occurrence: int,
          label: str = "entity") -> dict[str, object]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return {"id": f"T{i}", "start": start, "end": start + len(word), "label": label,
            "text": word}


def test_two_spans_on_two_occurrences_do_not_share_the_one_left() -> None:
    old = "زار كيم روسيا مرتين: روسيا الشرقية ثم روسيا الغربية."
    new = old.replace("زار كيم روسيا مرتين: ", "زار كيم مرتين: ", 1)  # first one deleted
    spans = [_span(1, old, "روسيا", 1), _span(2, old, "روسيا", 2), _span(3, old, "كيم", 0)]
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    placed = {s.id: (s.start, s.end) for s in result.annotations.spans()}
    # each span takes the occurrence nearest its old place; none is pushed onto another's
    assert placed == {"T1": (new.index("روسيا"), new.index("روسيا") + 5),
                      "T2": (new.rindex("روسيا"), new.rindex("روسيا") + 5), "T3": (4, 7)}
    spans.insert(0, _span(4, old, "روسيا", 0))  # now three spans for two occurrences left
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    aside = [s.id for s in result.annotations.unplaced]
    assert len(result.annotations) == 3 and aside == ["T4"]
    assert [p.code for p in result.problems] == ["stale", "unplaced-span"]
    assert result.openable
    # saved and read back: nothing lost
    again = parse_annotations(serialize_annotations(result.annotations), new, source="f.json",
                              labels=LABELS)
    assert len(again.annotations) == 3 and [s.id for s in again.annotations.unplaced] == ["T4"]


def test_two_labels_on_one_word_move_together() -> None:
    old = "كيم في روسيا."
    new = "قال: كيم في روسيا."
    spans = [_span(1, old, "روسيا", 0), _span(2, old, "روسيا", 0, "meeting")]
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    assert {(s.start, s.label) for s in result.annotations.spans()} == {
        (new.index("روسيا"), "entity"), (new.index("روسيا"), "meeting")}
    assert {m.span_id for m in result.moved} == {"T1", "T2"}


def test_a_span_still_at_its_offsets_keeps_them_against_a_nearer_mover() -> None:
    old = "روسيا ثم روسيا"
    new = "روسيا ثم ... روسيا"
    spans = [_span(1, old, "روسيا", 0), _span(2, old, "روسيا", 1)]
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    placed = {s.id: s.start for s in result.annotations.spans()}
    assert placed == {"T1": 0, "T2": new.rindex("روسيا")}
    assert [m.span_id for m in result.moved] == ["T2"]


def test_a_placed_span_that_is_then_refused_is_kept_aside_not_lost() -> None:
    old = "كيم في روسيا."
    new = "قال: كيم في روسيا."
    spans = [_span(1, old, "كيم", 0), _span(2, old, "روسيا", 0, "person")]
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    assert [s.id for s in result.annotations.spans()] == ["T1"]
    assert [s.id for s in result.annotations.unplaced] == ["T2"]
    assert ("unknown-label", "T2") in [(p.code, p.span) for p in result.problems]
    assert [m.span_id for m in result.moved] == ["T1"]
    written = json.loads(serialize_annotations(result.annotations))
    assert [s["id"] for s in written["unplaced_spans"]] == ["T2"]


WORDS = ("كيم", "روسيا", "بوتين", "في", "قطار")


@st.composite
def stale_files(draw: st.DrawFn) -> tuple[str, str, list[dict[str, object]]]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    old = " ".join(words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    spans: list[dict[str, object]] = []
    keys = set()
    for i in draw(st.lists(st.integers(0, len(words) - 1), max_size=10)):
        label = draw(st.sampled_from(sorted(LABELS)))
        if (i, label) not in keys:
            keys.add((i, label))
            spans.append({"id": f"T{len(spans) + 1}", "start": starts[i],
                          "end": starts[i] + len(words[i]), "label": label, "text": words[i]})
    edited = list(words)
    for _ in range(draw(st.integers(1, 4))):
        if edited and draw(st.booleans()):
            del edited[draw(st.integers(0, len(edited) - 1))]
        else:
            edited.insert(draw(st.integers(0, len(edited))), draw(st.sampled_from(WORDS)))
    new = "قال " + " ".join(edited)  # always different: the file is stale
    return old, new, spans


@settings(max_examples=300, deadline=None)
@given(stale_files())
def test_reanchoring_places_or_keeps_every_span_and_never_shares_an_occurrence(
        case: tuple[str, str, list[dict[str, object]]]) -> None:
    old, new, spans = case
    result = parse_annotations(_file(old, spans), new, source="f.json", labels=LABELS)
    aset = result.annotations
    assert len(aset) + len(aset.unplaced) == len(spans)
    assert {s.id for s in aset.spans()} | {s.id for s in aset.unplaced} == {
        str(s["id"]) for s in spans}
    old_place = {str(s["id"]): (s["start"], s["end"]) for s in spans}
    holder: dict[tuple[int, int], object] = {}
    for span in aset.spans():
        assert new[span.start:span.end] == span.text
        assert holder.setdefault((span.start, span.end), old_place[span.id]) == \
            old_place[span.id], "two spans with different old offsets share an occurrence"
    assert all(p.code in ("stale", "unplaced-span") for p in result.problems)
    assert result.openable
    # kept aside means: its text had no free occurrence left
    for span in aset.unplaced:
        free = [i for i in range(len(new)) if new.startswith(span.text, i)
                and (i, i + len(span.text)) not in holder]
        assert not free
    again = parse_annotations(serialize_annotations(aset), new, source="f.json", labels=LABELS)
    assert len(again.annotations) + len(again.annotations.unplaced) == len(spans)


@settings(max_examples=300, deadline=None)
@given(st.text("aab", max_size=300), st.text("ab", max_size=4), st.integers(-5, 305))
def test_occurrences_come_nearest_first_ties_to_the_earlier(text: str, needle: str,
                                                             near: int) -> None:
    expected: list[int] = []
    if needle:
        clamped = min(max(0, near), len(text))
        expected = sorted((i for i in range(len(text)) if text.startswith(needle, i)),
                          key=lambda i: (abs(i - clamped), i))
    assert list(occurrences_by_distance(text, needle, near)) == expected
