"""The CoNLL export written in parts gives exactly the lines of the whole document.

A big document is tagged part by part (:func:`annotator.io.export_conll.document_parts`)
so memory holds one part's tokens; the parts are cut only just after a line break
that no span covers, where nothing the tagging does can reach across.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.spans import Span
from annotator.io.exchange import ExportDocument, tag_document
from annotator.io.export_conll import conll_batches, document_parts
from tests.strategies import texts

LABELS = ("entity", "gift", "meeting")


@st.composite
def documents(draw: st.DrawFn) -> ExportDocument:
    lines = draw(st.lists(texts, min_size=1, max_size=8))
    text = "\n".join(lines)
    spans = []
    for number in range(draw(st.integers(0, 8))):
        if len(text) < 1:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 30)))
        spans.append(Span(f"T{number + 1}", start, end, draw(st.sampled_from(LABELS)),
                          text[start:end]))
    unique = {(s.start, s.end, s.label): s for s in spans}  # the format forbids twins
    ordered = sorted(unique.values(), key=lambda s: (s.start, s.end, s.label, s.id))
    return ExportDocument("doc", text, "amal", "done", tuple(ordered))


def _lines(doc: ExportDocument, size: int) -> tuple[str, list[object]]:
    written, dropped = [], []
    for begin, part in document_parts(doc, size):
        tagged = tag_document(part, begin)
        written += conll_batches(tagged)
        dropped += tagged.dropped
    return "".join(written), dropped


@settings(max_examples=150, deadline=None)
@given(documents(), st.integers(1, 40))
def test_parts_give_the_lines_and_the_dropped_spans_of_the_whole(doc: ExportDocument,
                                                                  size: int) -> None:
    whole = tag_document(doc)
    assert _lines(doc, size) == ("".join(conll_batches(whole)), whole.dropped)


@settings(max_examples=80, deadline=None)
@given(documents(), st.integers(1, 40))
def test_parts_cover_the_text_once_and_no_span_is_cut(doc: ExportDocument, size: int) -> None:
    parts = list(document_parts(doc, size))
    assert "".join(part.text for _, part in parts) == doc.text
    kept = []
    for begin, part in parts:
        for span in part.spans:
            assert 0 <= span.start < span.end <= len(part.text)
            assert part.text[span.start:span.end] == span.text
            kept.append((span.start + begin, span.end + begin, span.label, span.id))
        assert begin == 0 or doc.text[begin - 1] == "\n"
    assert sorted(kept) == sorted((s.start, s.end, s.label, s.id) for s in doc.spans)


def test_a_long_document_is_cut_into_several_parts() -> None:
    line = "أهدى الرئيس ضيفه سيفاً مذهّباً في القصر\n"
    text = line * 50
    span_over_a_break = Span("T1", len(line) * 3 - 6, len(line) * 3 + 5, "gift",
                             text[len(line) * 3 - 6:len(line) * 3 + 5])
    doc = ExportDocument("doc", text, "amal", "done", (span_over_a_break,))
    parts = list(document_parts(doc, len(line) * 2))
    assert len(parts) > 5
    assert all(begin != len(line) * 3 for begin, _ in parts)  # never inside the span
    assert _lines(doc, len(line) * 2)[0] == "".join(conll_batches(tag_document(doc)))
