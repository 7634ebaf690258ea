"""The one flat tagging behind every token-level output: one label (or none) per token.

The CoNLL and Hugging Face exports, the spaCy DocBin's entities and the
agreement figures all give each token of :mod:`annotator.core.tokens` a single
label; they all do it here, so a span is tagged the same way in every file
made from one project. Pure, deterministic, standard-library only; offsets
are code points, ``end`` exclusive, like spans.

Flat tagging (:func:`flat_labels`, :func:`iob2`)
------------------------------------------------
Each token gets the label of the span covering it. Spans may overlap, a flat
tagging cannot: spans are ranked by length in characters (longest first),
then by earlier start, then by label name, then by input order; in that order
a span is kept when none of its tokens is taken yet, otherwise it is dropped
with reason ``overlap`` (naming the span that won).  A span is also dropped,
never stretched or shrunk, when a boundary of it falls inside a token
(``misaligned``: the tokens were not made with its boundaries) or when it
covers no token (``no-token``: only white space).  :func:`iob2` writes
``B-label`` on the first token of each kept span, ``I-label`` on the rest and
``O`` elsewhere; two adjacent spans with the same label give ``B`` ``B``.

>>> text = "التقى بوتين وكيم"
>>> spans = [(6, 16, "meeting"), (6, 11, "entity"), (13, 16, "entity")]
>>> tagging = tag(text, spans)
>>> [t.text for t in tagging.tokens]
['التقى', 'بوتين', 'و', 'كيم']
>>> iob2(tagging)
['O', 'B-meeting', 'I-meeting', 'I-meeting']
>>> for d in tagging.dropped:
...     print(d.span, d.reason, "to", d.by)
(6, 11, 'entity') overlap to (6, 16, 'meeting')
(13, 16, 'entity') overlap to (6, 16, 'meeting')
>>> iob2(tag(text, [(6, 11, "entity"), (13, 16, "entity")]))
['O', 'B-entity', 'O', 'B-entity']
>>> from annotator.core.tokens import tokenize
>>> tokens = tokenize(text)  # made without the spans' boundaries
>>> flat_labels(tokens, [(13, 16, "entity")]).dropped[0].reason
'misaligned'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from annotator.core.tokens import Token, as_tokens, token_arrays

SpanTriple = tuple[int, int, str]
DropReason = Literal["overlap", "misaligned", "no-token"]


@dataclass(frozen=True)
class Dropped:
    """A span the flat tagging could not keep, and why."""

    span: SpanTriple
    index: int  # position in the input spans
    reason: DropReason
    by: SpanTriple | None = None  # for "overlap": the span that won


@dataclass(frozen=True)
class FlatTagging:
    """One label (or none) per token, and what happened to every span."""

    tokens: Sequence[Token]
    spans: Sequence[SpanTriple]
    owners: list[int]  # per token: index in ``spans`` of the span it belongs to, or -1
    kept: list[int] = field(default_factory=list)  # indices of kept spans, in text order
    dropped: list[Dropped] = field(default_factory=list)  # in input order
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)  # kept -> token range

    @property
    def labels(self) -> list[str | None]:
        """Per token, the label of the span it belongs to, or None."""
        return [self.spans[o][2] if o >= 0 else None for o in self.owners]

    def kept_spans(self) -> list[SpanTriple]:
        return [self.spans[i] for i in self.kept]


def flat_labels(tokens: Sequence[Token], spans: Iterable[SpanTriple]) -> FlatTagging:
    """Give each token the label of the longest span covering it (rules in the docstring)."""
    spans = [(int(s), int(e), str(label)) for s, e, label in spans]
    arrays = as_tokens(tokens)
    starts, ends = arrays.starts, arrays.ends
    owners = [-1] * len(starts)
    dropped: list[Dropped] = []
    ranges: dict[int, tuple[int, int]] = {}
    # longest first, then earlier start, then label, then input order
    order = sorted((s - e, s, label, i, e) for i, (s, e, label) in enumerate(spans))
    for _, start, _label, index, end in order:
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_left(starts, end)
        if first >= last:
            dropped.append(Dropped(spans[index], index, "no-token"))
        elif starts[first] < start or ends[last - 1] > end:
            dropped.append(Dropped(spans[index], index, "misaligned"))
        elif max(owners[first:last]) >= 0:
            taken = next(o for o in owners[first:last] if o >= 0)
            dropped.append(Dropped(spans[index], index, "overlap", spans[taken]))
        else:
            owners[first:last] = [index] * (last - first)
            ranges[index] = (first, last)
    kept = sorted(ranges, key=lambda i: spans[i])
    dropped.sort(key=lambda d: d.index)
    return FlatTagging(tokens, spans, owners, kept, dropped, ranges)


def iob2(tagging: FlatTagging) -> list[str]:
    """IOB2 tags: ``B-`` where a kept span begins, ``I-`` inside it, ``O`` outside."""
    tags = ["O"] * len(tagging.owners)
    for index, (first, last) in tagging.ranges.items():
        label = tagging.spans[index][2]
        tags[first] = "B-" + label
        tags[first + 1:last] = ["I-" + label] * (last - first - 1)
    return tags


def tag(text: str, spans: Iterable[SpanTriple]) -> FlatTagging:
    """Tokenize ``text`` split at every span boundary, then flat-tag it: the usual entry point.

    Its ``tokens`` are a :class:`annotator.core.tokens.Tokens` (parallel lists), cheap to make.
    """
    spans = list(spans)
    tokens = token_arrays(text, (b for s, e, _ in spans for b in (s, e)))
    return flat_labels(tokens, spans)
