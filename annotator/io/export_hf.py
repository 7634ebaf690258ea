"""The ``hf`` export: Hugging Face token classification data, one sentence per record.

``DIR/<split>.jsonl`` holds ``{"id": "<doc_id>/<n>", "tokens": [...],
"ner_tags": [...]}`` for the n-th sentence (from 0) of each document, the
same tokens, sentences and IOB2 tags as the CoNLL export; ``ner_tags`` are ids
into ``DIR/labels.json``, the tag names in id order: ``O``, then ``B-``/``I-``
of every label of the schema in schema order (so ids do not change when a
label is unused). Load it with::

    datasets.load_dataset("json", data_files={"train": "DIR/train.jsonl", ...})

A ``doc_id`` never contains ``/``, so the id splits back unambiguously.
"""

from __future__ import annotations

from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    iob_tag_names,
    json_line,
    tag_document,
)
from annotator.io.jsonfile import dump_json_bytes

LABELS_FILE = "labels.json"


class HfWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.names = iob_tag_names(context.labels)
        self.ids = {name: i for i, name in enumerate(self.names)}
        self.files = {split: staging.open(f"{split}.jsonl") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        tagged = tag_document(doc)
        out = self.files[split]
        texts, tags, tag_id = tagged.tokens.texts, tagged.tags, self.ids.__getitem__
        for n, (a, b) in enumerate(tagged.sentence_ranges()):
            out.write(json_line({"id": f"{doc.doc_id}/{n}", "tokens": texts[a:b],
                                 "ner_tags": list(map(tag_id, tags[a:b]))}))
        return tagged.dropped

    def finish(self) -> None:
        self.staging.write_bytes(LABELS_FILE, dump_json_bytes(self.names))


def create(staging: Staging, context: ExportContext) -> HfWriter:
    return HfWriter(staging, context)
