"""The ``hf`` export: Hugging Face token classification data, one sentence per record.

``DIR/<split>.jsonl`` holds, for the n-th sentence (from 0) of each document::

    {"id": "<doc_id>/<n>", "tokens": [...], "ner_tags": [...],
     "relations": [{"id": "R1", "type": "giver", "from": "T3", "to": "T1",
                    "from_start": 4, "from_end": 6, "from_label": "gift",
                    "to_start": 0, "to_end": 2, "to_label": "entity"}]}

the same tokens, sentences and IOB2 tags as the CoNLL export; ``ner_tags`` are
ids into ``DIR/labels.json``, the tag names in id order: ``O``, then
``B-``/``I-`` of every label of the schema in schema order (so ids do not
change when a label is unused).

``relations`` are the document's relations whose two ends lie in this
sentence, in relation id order. Each names its ends by span id (``from``,
``to``, as in the annotation file) and by **token indices into this record's
``tokens``** (``from_start``/``from_end``, ``to_start``/``to_end``, end
exclusive), with its label, so a relation-extraction model needs nothing
else: an end need not be among the ``ner_tags`` (a nested span the flat
tagging left out still has its tokens and label here). Every record has the
key, empty when the sentence has no relation, and every relation has the
same flat keys, so the column loads as one Arrow list of structs. A relation
whose ends are in different sentences, or whose end covers only white space,
cannot be written: it is reported as dropped (reason ``relation``). Load it
with::

    datasets.load_dataset("json", data_files={"train": "DIR/train.jsonl", ...})

A split in which no sentence has a relation holds only empty lists, which
``datasets`` reads as a list of nothing and then cannot join with a split that
has relations. ``DIR/features.json`` declares every column (``ner_tags`` as
class labels named as in ``labels.json``), so splits always load together::

    features = datasets.Features.from_dict(json.load(open("DIR/features.json")))
    datasets.load_dataset("json", data_files={...}, features=features)

(It is written in the form every ``datasets`` release reads: ``Sequence`` and
a list holding the relation's fields.)

A ``doc_id`` never contains ``/``, so the id splits back unambiguously.
"""

from __future__ import annotations

import bisect
from typing import Any

from annotator.core.spans import Span
from annotator.io.exchange import (
    DroppedSpan,
    ExportContext,
    ExportDocument,
    Staging,
    TaggedDocument,
    iob_tag_names,
    json_line,
    tag_document,
)
from annotator.io.jsonfile import dump_json_bytes

LABELS_FILE = "labels.json"
FEATURES_FILE = "features.json"
RELATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("type", "string"), ("from", "string"), ("to", "string"),
    ("from_start", "int64"), ("from_end", "int64"), ("from_label", "string"),
    ("to_start", "int64"), ("to_end", "int64"), ("to_label", "string"))


def features(tag_names: list[str]) -> dict[str, Any]:
    """The ``datasets.Features`` of the records, as ``Features.from_dict`` reads them."""
    def value(dtype: str) -> dict[str, str]:
        return {"dtype": dtype, "_type": "Value"}

    return {"id": value("string"),
            "tokens": {"feature": value("string"), "_type": "Sequence"},
            "ner_tags": {"feature": {"names": tag_names, "_type": "ClassLabel"},
                         "_type": "Sequence"},
            "relations": [{name: value(dtype) for name, dtype in RELATION_FIELDS}]}


def token_range(tagged: TaggedDocument, span: Span) -> tuple[int, int] | None:
    """Indices ``[first, end)`` of the tokens inside ``span`` (None: it covers no token).

    Tokens are cut at every span boundary, so the tokens inside are the span exactly.
    """
    tokens = tagged.tokens
    first = bisect.bisect_left(tokens.starts, span.start)
    end = bisect.bisect_right(tokens.ends, span.end)
    return (first, end) if first < end else None


def sentence_relations(tagged: TaggedDocument) -> tuple[dict[int, list[dict[str, Any]]],
                                                        list[DroppedSpan]]:
    """The relation records of each sentence (by number), and the relations left out."""
    doc = tagged.doc
    spans = {span.id: span for span in doc.spans}
    starts = tagged.sentence_starts
    found: dict[int, list[dict[str, Any]]] = {}
    dropped: list[DroppedSpan] = []
    for relation in doc.relations:
        source, target = spans[relation.source], spans[relation.target]
        ends = [token_range(tagged, source), token_range(tagged, target)]
        places = [(bisect.bisect_right(starts, lo) - 1, bisect.bisect_right(starts, hi - 1) - 1)
                  for lo, hi in (e for e in ends if e is not None)]
        sentences = {n for place in places for n in place}
        if len(places) < 2 or len(sentences) != 1:
            why = ("one of its spans covers only white space" if len(places) < 2
                   else "its ends are in different sentences")
            dropped.append(DroppedSpan(doc.doc_id, relation.id, source.start, source.end,
                                       relation.type, "relation", why, kind="relation"))
            continue
        (number,) = sentences
        offset = starts[number]
        (from_start, from_end), (to_start, to_end) = ends  # type: ignore[misc]
        found.setdefault(number, []).append({
            "id": relation.id, "type": relation.type, "from": relation.source,
            "to": relation.target, "from_start": from_start - offset,
            "from_end": from_end - offset, "from_label": source.label,
            "to_start": to_start - offset, "to_end": to_end - offset,
            "to_label": target.label})
    return found, dropped


class HfWriter:
    def __init__(self, staging: Staging, context: ExportContext) -> None:
        self.staging = staging
        self.names = iob_tag_names(context.labels)
        self.ids = {name: i for i, name in enumerate(self.names)}
        self.files = {split: staging.open(f"{split}.jsonl") for split in context.splits}

    def add(self, split: str, doc: ExportDocument) -> list[DroppedSpan]:
        tagged = tag_document(doc)
        relations, left = sentence_relations(tagged)
        out = self.files[split]
        texts, tags, tag_id = tagged.tokens.texts, tagged.tags, self.ids.__getitem__
        for n, (a, b) in enumerate(tagged.sentence_ranges()):
            out.write(json_line({"id": f"{doc.doc_id}/{n}", "tokens": texts[a:b],
                                 "ner_tags": list(map(tag_id, tags[a:b])),
                                 "relations": relations.get(n, [])}))
        return tagged.dropped + left

    def finish(self) -> None:
        self.staging.write_bytes(LABELS_FILE, dump_json_bytes(self.names))
        self.staging.write_bytes(FEATURES_FILE, dump_json_bytes(features(self.names)))


def create(staging: Staging, context: ExportContext) -> HfWriter:
    return HfWriter(staging, context)
