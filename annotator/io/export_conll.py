"""The ``conll`` export (format spec section 4): IOB2, ``token<TAB>tag``, sentences apart.

Tokens, sentences and tags come from :func:`annotator.io.exchange.tag_document`
(the shared tokenizer, split at every span boundary; where spans overlap the
longest is kept and the others are reported as dropped). Each sentence is its
lines followed by one blank line; documents follow each other in ``doc_id``
order in ``DIR/<split>.conll``, each preceded by the line ``-DOCSTART-<TAB>O``
and a blank line (CoNLL-2003's document boundary, so readers can tell where
one article ends). A token never holds white space, so a line never breaks
inside one.

A big document is written in parts (:func:`document_parts`), each cut at a
line break that no span covers: tokens, sentences and the longest-span rule
never reach across such a place, so the parts give exactly the lines of the
whole, while memory holds one part's tokens (a 50 MB article's token lists
took 17 times the input) and one sentence batch's lines at a time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from annotator.core.spans import Span
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    TaggedDocument,
    tag_document,
)

DOCSTART = "-DOCSTART-\tO\n\n"


PART_CHARS = 1 << 20  # a document longer than this is tagged and written in parts
BATCH_SENTENCES = 2000  # sentences joined into one write


def conll_text(tagged: TaggedDocument) -> str:
    """The document's CoNLL lines, its ``-DOCSTART-`` line first."""
    return DOCSTART + "".join(conll_batches(tagged))


def conll_batches(tagged: TaggedDocument) -> Iterator[str]:
    """The lines of the document's sentences, :data:`BATCH_SENTENCES` sentences at a time."""
    texts, tags = tagged.tokens.texts, tagged.tags
    ranges = list(tagged.sentence_ranges())
    for first in range(0, len(ranges), BATCH_SENTENCES):
        yield "".join("\n".join(map("\t".join, zip(texts[a:b], tags[a:b], strict=True)))
                      + "\n\n" for a, b in ranges[first:first + BATCH_SENTENCES])


def document_parts(doc: ExportDocument, size: int = PART_CHARS,
                   ) -> Iterator[tuple[int, ExportDocument]]:
    """``(where it begins, part)``: ``doc`` cut just after line breaks no span covers,
    about every ``size`` code points (one part when it is no longer); each part holds its
    own text and its spans, offsets counted from its beginning."""
    text = doc.text
    if len(text) <= size:
        yield 0, doc
        return
    spans = sorted(doc.spans, key=lambda span: span.start)
    begin = taken = 0  # the part's start; spans[:taken] are in earlier parts or this one
    while begin < len(text):
        cut = _free_cut(text, spans, taken, begin + size)
        first = taken
        while taken < len(spans) and spans[taken].start < cut:
            taken += 1
        part_spans = tuple(dataclasses.replace(span, start=span.start - begin,
                                               end=span.end - begin)
                           for span in spans[first:taken])
        yield begin, dataclasses.replace(doc, text=text[begin:cut], spans=part_spans,
                                         relations=())
        begin = cut


def _free_cut(text: str, spans: list[Span], taken: int, want: int) -> int:
    """The first place at or after ``want`` just after a ``\\n`` that no span of
    ``spans[taken:]`` (sorted by start) covers; the end of the text if there is none."""
    reach = 0  # the furthest end of the spans starting before the place looked at
    i = taken
    place = want
    while place < len(text):
        newline = text.find("\n", place - 1)
        if newline < 0:
            return len(text)
        place = newline + 1
        while i < len(spans) and spans[i].start < place:
            reach = max(reach, spans[i].end)
            i += 1
        if reach <= newline:  # every span begun so far ended at or before the break
            return place
        place = max(place + 1, reach)
    return len(text)


class ConllWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.files = {split: staging.open(f"{split}.conll") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        out = self.files[split]
        out.write(DOCSTART.encode("utf-8"))
        dropped: list[DroppedSpan] = []
        for begin, part in document_parts(doc):
            tagged = tag_document(part, begin)
            for batch in conll_batches(tagged):
                out.write(batch.encode("utf-8"))
            dropped += tagged.dropped
            del tagged
        return dropped

    def finish(self) -> None:
        pass


def create(staging: Staging, context: ExportContext) -> ConllWriter:
    return ConllWriter(staging, context)
