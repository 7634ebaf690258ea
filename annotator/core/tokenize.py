r"""The one tokenizer, sentence splitter and flat tagging behind every token-level output.

CoNLL and Hugging Face exports, the spaCy DocBin and the agreement figures all
need the same tokens and the same single label per token; if each computed its
own, a span could be tagged differently in two files made from one project.
Everything here is pure, deterministic and standard-library only. Offsets are
code points into the unchanged text, ``end`` exclusive, like spans.

Tokens (:func:`tokenize`)
-------------------------
1. White space (``str.isspace``: spaces, tabs, ``\r``, ``\n``, NBSP, ...)
   separates tokens and belongs to none.
2. A *word* is a run of word characters (``re``'s ``\w``: letters of any
   script including tatweel ``ـ``, digits of any script, ``_``).  Latin words
   and Arabic words stay whole; a word is not split where the script changes.
3. A separator ``.`` ``,`` ``٫`` or ``٬`` between two digits stays inside the
   word, so ``2023``, ``25,000``, ``3.5`` and ``٣٫٥`` are one token each.
4. Every other character (punctuation, quotes, symbols, emoji) is a token of
   its own: ``، ؛ ؟ « » " ' ( ) . ! …`` and ``-`` each stand alone; ``...``
   is three tokens.
5. Nothing splits a grapheme: combining marks (tashkeel and every other
   category M character), ZWNJ, ZWJ, emoji skin-tone modifiers and tag
   characters stay with the character before them; after a symbol or
   punctuation character, a ZWJ and the symbol (category So) after it join it
   (emoji ZWJ sequences), and two regional indicators form one flag.
   A mark with nothing before it (start of text, after white space) starts the
   token that follows it.
6. ``boundaries``: every offset in it that falls strictly inside a token splits
   that token there. The exporters pass every span's start and end, so no
   token crosses a span boundary and no annotated character is lost. A span
   boundary wins over rule 5: an annotator's span may cut a grapheme, and the
   exporters report it rather than move the span.

:func:`tokenize` returns :class:`Token` named tuples; :func:`token_arrays`
returns the same tokens as three parallel lists (:class:`Tokens`), which is
what :func:`tag` and the exporters use, because building a million small
objects costs more than finding the tokens.

>>> [t.text for t in tokenize("قال «كيم»: 25,000 طائرة، و3.5 مليون؟")]
['قال', '«', 'كيم', '»', ':', '25,000', 'طائرة', '،', 'و3.5', 'مليون', '؟']
>>> tokenize("مُسَيَّرة Putin")
[Token(start=0, end=9, text='مُسَيَّرة'), Token(start=10, end=15, text='Putin')]
>>> [t.text for t in tokenize("العام 2023.")]
['العام', '2023', '.']
>>> [t.text for t in tokenize("فلاديفوستوك", boundaries=[4, 99])]
['فلاد', 'يفوستوك']

Sentences (:func:`sentences`)
-----------------------------
A sentence ends after a token ``.`` ``?`` ``؟`` ``!`` or ``…``; terminators
and closing quotes or brackets (``» ” ’ " ' ) ] }``) that follow it with no
white space in between stay in the sentence.  A sentence also ends at every
line break (``\n``, ``\r``, ``\r\n``, ``\v``, ``\f``, ``\x1c``-``\x1e``,
``\x85``, ``\u2028``, ``\u2029``).  No sentence ends inside one of the
``unbreakable`` ranges (the exporters pass the spans they keep, so a span is
never cut in two).  Empty sentences are never produced.

>>> text = "وصل كيم. «غادر!» ثم\r\nعاد"
>>> [[t.text for t in s] for s in sentences(text, tokenize(text))]
[['وصل', 'كيم', '.'], ['«', 'غادر', '!', '»'], ['ثم'], ['عاد']]

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
>>> tokens = tokenize(text)  # made without the spans' boundaries
>>> flat_labels(tokens, [(13, 16, "entity")]).dropped[0].reason
'misaligned'
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, NamedTuple, overload

SpanTriple = tuple[int, int, str]
DropReason = Literal["overlap", "misaligned", "no-token"]

TERMINATORS = frozenset(".?؟!…")
CLOSERS = frozenset("»”’\"')]}›")
DIGIT_SEPARATORS = ".,٫٬"
# What str.splitlines breaks at; a sentence ends at each (\r\n counts once).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
# Attached to the character before them besides category M: ZWNJ, ZWJ,
# emoji modifiers (category Sk) and tag characters (category Cf).
_BMP_EXTENDERS = "\u200c\u200d"
_ASTRAL_EXTENDERS = "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"


class Token(NamedTuple):
    """A token: ``text == document_text[start:end]``, code-point offsets."""

    start: int
    end: int
    text: str


def _ranges(codes: list[int]) -> str:
    """A regex character-class body for sorted code points, as ranges."""
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


def _token_pattern() -> re.Pattern[str]:
    return _patterns()[0]


def _extender_pattern() -> re.Pattern[str]:
    """One character that attaches to the one before it (rule 5), for :func:`cuts_grapheme`."""
    return _patterns()[1]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The token regex and the extender regex, built on first use from Unicode tables.

    Scanning the code space for category M takes a tenth of a second, so it is
    done lazily rather than when the module is imported (planes 4-13 and 15-16
    hold no marks). ``re`` tests BMP characters of a class against a bitmap but
    walks a list for astral ones, so astral classes sit behind a cheap
    ``(?=[astral])`` guard: this keeps tokenizing several times faster.
    """
    marks: list[int] = []
    symbols: list[int] = []
    for block in (range(0x40000), range(0xE0000, 0xE1000)):
        for code in block:
            category = unicodedata.category(chr(code))
            if category[0] == "M":
                marks.append(code)
            elif category == "So":
                symbols.append(code)
    bmp = _ranges([c for c in marks if c < 0x10000]) + _BMP_EXTENDERS
    astral = _ranges([c for c in marks if c >= 0x10000]) + _ASTRAL_EXTENDERS
    guard = "(?=[\U00010000-\U0010ffff])"
    ext = f"(?:[{bmp}]|{guard}[{astral}])"
    bmp_symbols = _ranges([c for c in symbols if c < 0x10000])
    astral_symbols = _ranges([c for c in symbols if c >= 0x10000])
    symbol = f"(?:[{bmp_symbols}]|{guard}[{astral_symbols}])"
    # after a symbol, a ZWJ also pulls in the next symbol (emoji ZWJ sequences)
    symbol_tail = f"(?:\u200d{symbol}|{ext})*"
    inner = f"[\\w{bmp}]*(?:{guard}[{astral}]+[\\w{bmp}]*)*"
    seps = re.escape(DIGIT_SEPARATORS)
    word = f"\\w{inner}(?:(?<=\\d)[{seps}](?=\\d){inner})*"
    flag = f"[\U0001f1e6-\U0001f1ff]{{2}}{symbol_tail}"
    other = f"[^\\w\\s]{symbol_tail}"
    return (re.compile(f"{ext}*(?:{word}|{flag}|{other})|{ext}+"), re.compile(ext),
            re.compile(f"[{bmp}]"), re.compile(f"[{astral}]"))


class Tokens(Sequence[Token]):
    """Tokens kept as three parallel lists; :class:`Token` objects are made only on access.

    Making a named tuple per token costs more than finding the tokens, so the
    exporters and :func:`tag` work on ``starts``, ``ends`` and ``texts``.
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.texts = texts

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return list(map(Token, self.starts[index], self.ends[index], self.texts[index]))
        return Token(self.starts[index], self.ends[index], self.texts[index])

    def __iter__(self) -> Iterator[Token]:
        return map(Token, self.starts, self.ends, self.texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return (self.starts, self.ends, self.texts) == (other.starts, other.ends, other.texts)
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


def token_arrays(text: str, boundaries: Iterable[int] = ()) -> Tokens:
    """What :func:`tokenize` returns, as parallel lists (fast: no object per token)."""
    parts = _split_pattern().split(text)  # gap, token, gap, token, ..., gap
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    return split_tokens(text, Tokens(offsets[1:-1:2], offsets[2::2], parts[1::2]), boundaries)


def split_tokens(text: str, tokens: Tokens, cuts: Iterable[int]) -> Tokens:
    """``tokens`` of ``text`` split at every offset of ``cuts`` strictly inside one (rule 6).

    Lets a caller tokenize a text once and refine the tokens for several sets
    of span boundaries: ``split_tokens(t, token_arrays(t), c) == token_arrays(t, c)``.
    """
    starts, ends, texts = tokens.starts, tokens.ends, tokens.texts
    inside: dict[int, list[int]] = {}
    for cut in sorted(set(cuts)):
        i = bisect.bisect_right(starts, cut) - 1
        if i >= 0 and starts[i] < cut < ends[i]:
            inside.setdefault(i, []).append(cut)
    if not inside:
        return tokens
    new_starts: list[int] = []
    new_ends: list[int] = []
    new_texts: list[str] = []
    done = 0
    for i, inner in inside.items():  # in token order: cuts were sorted
        new_starts += starts[done:i]
        new_ends += ends[done:i]
        new_texts += texts[done:i]
        edges = [starts[i], *inner, ends[i]]
        for a, b in itertools.pairwise(edges):
            new_starts.append(a)
            new_ends.append(b)
            new_texts.append(text[a:b])
        done = i + 1
    return Tokens(new_starts + starts[done:], new_ends + ends[done:], new_texts + texts[done:])


@cache
def _split_pattern() -> re.Pattern[str]:
    return re.compile(f"({_token_pattern().pattern})")


def cuts_grapheme(text: str, offset: int) -> bool:
    r"""Whether ``offset`` falls inside a grapheme, by the joining rules of rule 5.

    True before a character that attaches to the one before it (a combining
    mark, ZWNJ, ZWJ, an emoji modifier or tag), between a ZWJ and the symbol it
    joins to a symbol, and between the ``\r`` and ``\n`` of a line break. A
    span boundary there is kept (it splits the token) and the exporters warn.

    >>> cuts_grapheme("كَتب", 1), cuts_grapheme("كَتب", 2), cuts_grapheme("a\r\nb", 2)
    (True, False, True)
    """
    if not 0 < offset < len(text):
        return False
    extender = _extender_pattern()
    if extender.match(text, offset):
        return True
    before = text[offset - 1]
    if before == "\r":
        return text[offset] == "\n"
    if before != "\u200d" or unicodedata.category(text[offset]) != "So":
        return False
    base = offset - 2
    while base >= 0 and extender.match(text, base):
        base -= 1
    return base >= 0 and not (text[base].isalnum() or text[base] == "_" or text[base].isspace())


_AFTER_JOINER = re.compile("[\r\u200d]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def grapheme_cuts(text: str, offsets: Iterable[int]) -> list[int]:
    """The ``offsets`` that fall inside a grapheme (see :func:`cuts_grapheme`), sorted.

    Finds the few places where a grapheme can continue first, so checking
    every span boundary of a long document stays cheap.

    >>> grapheme_cuts("وابتسم كيم\u200c للمصورين", [7, 10, 11])
    [10]
    """
    _, _, bmp, astral = _patterns()
    hints = {m.start() for m in bmp.finditer(text)}
    # searching with a class of astral ranges is slow: test each astral character instead
    hints.update(m.start() for m in _ASTRAL.finditer(text) if astral.match(m.group()))
    hints.update(m.end() for m in _AFTER_JOINER.finditer(text))
    return sorted(o for o in hints.intersection(offsets) if cuts_grapheme(text, o))


def tokenize(text: str, boundaries: Iterable[int] = ()) -> list[Token]:
    """Tokens of ``text`` in order, split at every offset of ``boundaries`` inside one."""
    return list(token_arrays(text, boundaries))


def _arrays(tokens: Sequence[Token]) -> Tokens:
    if isinstance(tokens, Tokens):
        return tokens
    return Tokens([t.start for t in tokens], [t.end for t in tokens], [t.text for t in tokens])


_TERMINATOR = re.compile("[" + re.escape("".join(sorted(TERMINATORS))) + "]")


def sentence_starts(text: str, tokens: Sequence[Token],
                    unbreakable: Iterable[tuple[int, int]] = ()) -> list[int]:
    """Index of the first token of each sentence (rules in the module docstring).

    Only the places where a sentence can end are visited (terminators found in
    the text, line breaks), not every token, which keeps this cheap.
    """
    arrays = _arrays(tokens)
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
    arrays = _arrays(tokens)
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

    Its ``tokens`` are a :class:`Tokens` (parallel lists), cheap to make.
    """
    spans = list(spans)
    tokens = token_arrays(text, (b for s, e, _ in spans for b in (s, e)))
    return flat_labels(tokens, spans)
