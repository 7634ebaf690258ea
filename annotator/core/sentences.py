r"""The one sentence splitter behind every token-level output that has sentences.

The CoNLL, Hugging Face and spaCy exports cut documents into sentences; they
all do it here, over the tokens of :mod:`annotator.core.tokens`, so a sentence
ends at the same place in every file made from one project. Pure,
deterministic, standard-library only; offsets are code points.

Sentences (:func:`sentences`)
-----------------------------
A sentence ends after a token ``.`` ``?`` ``؟`` ``!`` or ``…``; terminators
and closing quotes or brackets (``» ” ’ " ' ) ] }``) that follow it with no
white space in between stay in the sentence.  A sentence also ends at every
line break (``\n``, ``\r``, ``\r\n``, ``\v``, ``\f``, ``\x1c``-``\x1e``,
``\x85``, ``\u2028``, ``\u2029``).  No sentence ends inside one of the
``unbreakable`` ranges (the exporters pass the spans they keep, so a span is
never cut in two).  Empty sentences are never produced.

>>> from annotator.core.tokens import tokenize
>>> text = "وصل كيم. «غادر!» ثم\r\nعاد"
>>> [[t.text for t in s] for s in sentences(text, tokenize(text))]
[['وصل', 'كيم', '.'], ['«', 'غادر', '!', '»'], ['ثم'], ['عاد']]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from annotator.core.tokens import Token, as_tokens

TERMINATORS = frozenset(".?؟!…")
CLOSERS = frozenset("»”’\"')]}›")
# What str.splitlines breaks at; a sentence ends at each (\r\n counts once).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_TERMINATOR = re.compile("[" + re.escape("".join(sorted(TERMINATORS))) + "]")


def sentence_starts(text: str, tokens: Sequence[Token],
                    unbreakable: Iterable[tuple[int, int]] = ()) -> list[int]:
    """Index of the first token of each sentence (rules in the module docstring).

    Only the places where a sentence can end are visited (terminators found in
    the text, line breaks), not every token, which keeps this cheap.
    """
    arrays = as_tokens(tokens)
    starts, ends, texts = arrays.starts, arrays.ends, arrays.texts
    count = len(starts)
    if not count:
        return []
    breaks: set[int] = set()
    for match in _LINE_BREAK.finditer(text, starts[0], ends[-1]):
        breaks.add(bisect.bisect_left(starts, match.start()))
    for match in _TERMINATOR.finditer(text, starts[0], ends[-1]):
        i = bisect.bisect_right(starts, match.start()) - 1
        if starts[i] != match.start():
            continue  # inside a token, like the point of 3.5
        j = i + 1
        while j < count and ends[j - 1] == starts[j] and (
                texts[j][0] in TERMINATORS or texts[j][0] in CLOSERS):
            j += 1
        breaks.add(j)
    guards = sorted((s, e) for s, e in unbreakable if s < e)
    guard_starts = [s for s, _ in guards]
    reach = list(itertools.accumulate((e for _, e in guards), max))  # furthest end so far
    result = [0]
    for j in sorted(breaks):
        if not 0 < j < count:
            continue
        g = bisect.bisect_left(guard_starts, ends[j - 1]) - 1
        if g >= 0 and reach[g] > starts[j]:
            continue  # a span covers both sides
        result.append(j)
    return result


def sentences(text: str, tokens: Sequence[Token],
              unbreakable: Iterable[tuple[int, int]] = ()) -> list[list[Token]]:
    """``tokens`` grouped into sentences (rules in the module docstring)."""
    bounds = [*sentence_starts(text, tokens, unbreakable), len(tokens)]
    return [list(tokens[a:b]) for a, b in itertools.pairwise(bounds)]
