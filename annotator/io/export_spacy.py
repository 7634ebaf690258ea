"""The ``spacy`` export: one ``DIR/<split>.spacy`` DocBin per split (needs the spacy extra).

Each document becomes a ``Doc`` whose text is the document's text exactly
(``doc.text == text``): the shared tokenizer's tokens, plus the white space
between them as spaCy expects it (one trailing space in ``token.whitespace_``,
any other white space as tokens of its own). ``doc.ents`` holds the flat
tagging of the CoNLL export (the longest of overlapping spans), every span is
in ``doc.spans["sc"]`` (overlaps allowed there), sentence starts are those of
the shared splitter, and ``doc.user_data`` holds ``doc_id``, ``annotator`` and
``status``. Spans left out of ``doc.ents`` are reported as dropped.
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
                             "status": doc.status})
    dropped = [DroppedSpan(d.doc_id, d.span_id, d.start, d.end, d.label, d.reason,
                           f"{d.detail}; still in doc.spans['sc']" if d.reason == "overlap"
                           else d.detail) for d in tagged.dropped]
    return result, dropped


class SpacyWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.vocab = Vocab()
        self.bins = {split: DocBin(store_user_data=True) for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        spacy_doc, dropped = to_doc(self.vocab, doc)
        self.bins[split].add(spacy_doc)
        return dropped

    def finish(self) -> None:
        for split, docbin in self.bins.items():
            self.staging.write_bytes(f"{split}.spacy", docbin.to_bytes())


def create(staging: Staging, context: ExportContext) -> SpacyWriter:
    return SpacyWriter(staging, context)
