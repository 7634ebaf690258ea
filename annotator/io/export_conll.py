"""The ``conll`` export (format spec section 4): IOB2, ``token<TAB>tag``, sentences apart.

Tokens, sentences and tags come from :func:`annotator.io.exchange.tag_document`
(the shared tokenizer, split at every span boundary; where spans overlap the
longest is kept and the others are reported as dropped). Each sentence is its
lines followed by one blank line; documents follow each other in ``doc_id``
order in ``DIR/<split>.conll``, each preceded by the line ``-DOCSTART-<TAB>O``
and a blank line (CoNLL-2003's document boundary, so readers can tell where
one article ends). A token never holds white space, so a line never breaks
inside one.
"""

from __future__ import annotations

from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    TaggedDocument,
    tag_document,
)

DOCSTART = "-DOCSTART-\tO\n\n"


def conll_text(tagged: TaggedDocument) -> str:
    """The document's CoNLL lines, its ``-DOCSTART-`` line first."""
    texts, tags = tagged.tokens.texts, tagged.tags
    return DOCSTART + "".join(
        "\n".join(map("\t".join, zip(texts[a:b], tags[a:b], strict=True))) + "\n\n"
        for a, b in tagged.sentence_ranges())


class ConllWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.files = {split: staging.open(f"{split}.conll") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        tagged = tag_document(doc)
        self.files[split].write(conll_text(tagged).encode("utf-8"))
        return tagged.dropped

    def finish(self) -> None:
        pass


def create(staging: Staging, context: ExportContext) -> ConllWriter:
    return ConllWriter(staging, context)
