"""The CoNLL tags agree with an independent reference: spaCy's ``offsets_to_biluo_tags``.

The reference gets the same tokens (read back from the CoNLL file and placed
in the text, with the white space between them as spaCy tokens so that
character offsets line up), and the spans the export says it kept; spaCy then
tags them on its own, and its BILUO tags, turned into IOB2 by spaCy's
``biluo_to_iob``, must equal ours on every token.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tagging import iob2, tag
from annotator.core.tokens import Token
from annotator.io import store
from annotator.io.exporting import ExportOptions, export_project
from annotator.io.project_file import open_project

spacy_training = pytest.importorskip("spacy.training")
spacy_tokens = pytest.importorskip("spacy.tokens")
spacy_vocab = pytest.importorskip("spacy.vocab")

PROJECT = Path(__file__).resolve().parent.parent / "data" / "export" / "project"


def reference_iob(text: str, tokens: list[tuple[int, int]],
                  spans: list[tuple[int, int, str]]) -> list[str]:
    """spaCy's IOB2 tags for our tokens (white space between them becomes spaCy tokens)."""
    words: list[str] = []
    spaces: list[bool] = []
    ours: list[int] = []  # positions in words of our tokens
    position = 0
    for start, end in [*tokens, (len(text), len(text))]:
        gap = text[position:start]
        if gap.startswith(" ") and words:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
        if start < end:
            ours.append(len(words))
            words.append(text[start:end])
            spaces.append(False)
        position = end
    doc = spacy_tokens.Doc(spacy_vocab.Vocab(), words=words, spaces=spaces)
    assert doc.text == text
    # white space at a span's edge belongs to none of our tokens, but spaCy would tag
    # the white-space token there: trim it (spans inside white space are never kept)
    trimmed = []
    for start, end, label in spans:
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        trimmed.append((start, end, label))
    biluo = spacy_training.offsets_to_biluo_tags(doc, trimmed)
    iob = spacy_training.biluo_to_iob(biluo)
    return [iob[i] for i in ours]


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """The (token, tag) rows of each document; each must open with ``-DOCSTART-<TAB>O``."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("-DOCSTART-\tO\n\n")
    documents = text.split("-DOCSTART-\tO\n\n")[1:]
    assert all(doc == "" or doc.endswith("\n\n") for doc in documents)
    return [[(line.split("\t")[0], line.split("\t")[1]) for line in doc.split("\n") if line]
            for doc in documents]


def place(text: str, words: list[str], start: int) -> tuple[list[tuple[int, int]], int]:
    """Offsets of ``words`` found one after the other in ``text`` with only white space between."""
    offsets = []
    for word in words:
        found = text.index(word, start)
        assert text[start:found].isspace() or found == start
        offsets.append((found, found + len(word)))
        start = found + len(word)
    return offsets, start


def test_conll_export_agrees_with_spacy(tmp_path: Path) -> None:
    project = open_project(PROJECT)
    summary = export_project(project, ExportOptions("conll", tmp_path))
    documents = read_conll(tmp_path / "all.conll")
    dropped = {(d.doc_id, d.span_id) for d in summary.dropped}
    doc_ids = project.annotated_doc_ids("gold")
    assert len(documents) == len(doc_ids)  # one -DOCSTART- per document
    for doc_id, doc_rows in zip(doc_ids, documents, strict=True):
        aset = store.load(project, doc_id, "gold").annotations
        text = aset.text
        count = len(tag(text, [(s.start, s.end, s.label) for s in aset.spans()]).tokens)
        assert len(doc_rows) == count, doc_id
        offsets, rest = place(text, [word for word, _ in doc_rows], 0)
        assert not text[rest:].strip(), f"{doc_id}: the CoNLL tokens do not cover the text"
        kept = [(s.start, s.end, s.label) for s in aset.spans() if (doc_id, s.id) not in dropped]
        assert [t for _, t in doc_rows] == reference_iob(text, offsets, kept), doc_id
    assert len(dropped) == 4  # the nested, tied and inner spans of the test project


ALPHABET = list("كيمبوتنرس ٢٣1.,«»،؟\u064e\u0651\u0640\u200c😀🇷🇺Ka\n\r")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=40).map("".join),
       st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12), st.sampled_from("ab")),
                max_size=6))
def test_flat_tagging_agrees_with_spacy_on_random_text(
        text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [(s, min(s + n, len(text)), label) for s, n, label in raw if s < len(text)]
    tagging = tag(text, spans)
    tokens: list[Token] = list(tagging.tokens)
    kept = tagging.kept_spans()
    assert iob2(tagging) == reference_iob(text, [(t.start, t.end) for t in tokens], kept)
