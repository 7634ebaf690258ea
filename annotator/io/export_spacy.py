"""The ``spacy`` export: a ``DIR/<split>.spacy`` DocBin per split and a ``config.cfg`` (spaCy).

Each document becomes a ``Doc`` whose text is the document's text exactly
(``doc.text == text``): the shared tokenizer's tokens, plus the white space
between them as spaCy expects it (one trailing space in ``token.whitespace_``,
any other white space as tokens of its own). ``doc.ents`` holds the flat
tagging of the CoNLL export (the longest of overlapping spans), every span is
in ``doc.spans["sc"]`` (overlaps allowed there), sentence starts are those of
the shared splitter, and ``doc.user_data`` holds ``doc_id``, ``annotator``,
``status`` and ``relations``: ``[{"id", "type", "from": [start, end, label],
"to": [start, end, label]}]`` (character offsets of the two spans, as in
``doc.spans["sc"]``), with ``note`` where the relation has one.

Spans left out of ``doc.ents`` (still in ``doc.spans["sc"]``) are reported as
dropped; span notes and attributes, which a Doc's span group has no place for,
are counted as left out by the export itself (the format registry says what
each format holds, :mod:`annotator.io.formats`). Span ids and ``origin`` are
not written either (spans are identified by their offsets).

``config.cfg`` is the training config of :func:`annotator.io.spacy_config.pipeline_config`
(our tokenizer, ``annotator.tokenizer.v1``, and a span categorizer on
``doc.spans["sc"]``), its paths set to the split files (``train``/``dev`` when
the export has such splits, else the first split for both), so
``python -m spacy train config.cfg`` trains on the export as it is.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from annotator.core.tokens import Tokens
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    tag_document,
)
from annotator.io.spacy_config import pipeline_config


def spacy_words(text: str, tokens: Tokens) -> tuple[list[str], list[bool], list[int]]:
    """Words and spaces for ``Doc``, and for each word its token index (-1: white space)."""
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []

    def gap(value: str) -> None:
        if value.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            value = value[1:]
        if value:
            words.append(value)
            spaces.append(False)
            index.append(-1)

    position = 0
    for i, (start, end, word) in enumerate(zip(tokens.starts, tokens.ends, tokens.texts,
                                               strict=True)):
        if start != position:
            gap(text[position:start])
        words.append(word)
        spaces.append(False)
        index.append(i)
        position = end
    gap(text[position:])
    return words, spaces, index


def to_doc(vocab: Vocab, doc: ExportDocument) -> tuple[Any, list[DroppedSpan]]:
    tagged = tag_document(doc)
    words, spaces, index = spacy_words(doc.text, tagged.tokens)
    first = set(tagged.sentence_starts)
    owners = tagged.tagging.owners
    ents = []
    for n, i in enumerate(index):
        if i >= 0:
            ents.append(tagged.tags[i])
            continue
        # white space inside a kept span (a span across a line break) stays inside its entity
        before = index[n - 1] if n > 0 else -1
        after = index[n + 1] if n + 1 < len(index) else -1
        inside = before >= 0 and after >= 0 and owners[before] >= 0 and \
            owners[before] == owners[after]
        ents.append("I-" + tagged.tagging.spans[owners[before]][2] if inside else "O")
    sent_starts: list[bool | int | None] = [
        n == 0 or i in first for n, i in enumerate(index)]
    result = Doc(vocab, words=words, spaces=spaces, ents=ents, sent_starts=sent_starts)
    group = [result.char_span(s.start, s.end, label=s.label) for s in doc.spans]
    result.spans["sc"] = [span for span in group if span is not None]
    result.user_data.update({"doc_id": doc.doc_id, "annotator": doc.annotator,
                             "status": doc.status, "relations": relations(doc)})
    dropped = [
        DroppedSpan(d.doc_id, d.span_id, d.start, d.end, d.label, d.reason,
                    f"{d.detail}; still in doc.spans['sc']" if d.reason == "overlap"
                    else d.detail) for d in tagged.dropped]
    return result, dropped


def relations(doc: ExportDocument) -> list[dict[str, Any]]:
    """The document's relations for ``doc.user_data``, their ends given by offsets and label."""
    spans = {s.id: s for s in doc.spans}
    found = []
    for relation in doc.relations:
        ends = spans[relation.source], spans[relation.target]
        value: dict[str, Any] = {"id": relation.id, "type": relation.type,
                                 "from": [ends[0].start, ends[0].end, ends[0].label],
                                 "to": [ends[1].start, ends[1].end, ends[1].label]}
        note = relation.extra.get("note")
        if isinstance(note, str):
            value["note"] = note
        found.append(value)
    return found


def config_paths(splits: tuple[str, ...]) -> tuple[str, str]:
    """The training and dev files ``config.cfg`` names, from the export's splits."""
    train = "train" if "train" in splits else splits[0]
    dev = "dev" if "dev" in splits else train
    return f"{train}.spacy", f"{dev}.spacy"


class SpacyWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.vocab = Vocab()
        self.bins = {split: DocBin(store_user_data=True) for split in context.splits}
        self.paths = config_paths(context.splits)

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        spacy_doc, dropped = to_doc(self.vocab, doc)
        self.bins[split].add(spacy_doc)
        return dropped

    def finish(self) -> None:
        for split, docbin in self.bins.items():
            self.staging.write_bytes(f"{split}.spacy", docbin.to_bytes())
        self.staging.write_bytes("config.cfg", pipeline_config(*self.paths).encode("utf-8"))


def create(staging: Staging, context: ExportContext) -> SpacyWriter:
    return SpacyWriter(staging, context)
