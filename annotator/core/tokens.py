r"""The one tokenizer behind every token-level output.

CoNLL and Hugging Face exports, the spaCy DocBin and the agreement figures all
need the same tokens; if each computed its own, a span could be tagged
differently in two files made from one project. This docstring is the one
place that states every tokenizer rule; :mod:`annotator.core.sentences` groups
the tokens into sentences and :mod:`annotator.core.tagging` gives each token
one label. Everything here is pure, deterministic and standard-library only.
Offsets are code points into the unchanged text, ``end`` exclusive, like spans.

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
what :func:`annotator.core.tagging.tag` and the exporters use, because
building a million small objects costs more than finding the tokens.

>>> [t.text for t in tokenize("قال «كيم»: 25,000 طائرة، و3.5 مليون؟")]
['قال', '«', 'كيم', '»', ':', '25,000', 'طائرة', '،', 'و3.5', 'مليون', '؟']
>>> tokenize("مُسَيَّرة Putin")
[Token(start=0, end=9, text='مُسَيَّرة'), Token(start=10, end=15, text='Putin')]
>>> [t.text for t in tokenize("العام 2023.")]
['العام', '2023', '.']
>>> [t.text for t in tokenize("فلاديفوستوك", boundaries=[4, 99])]
['فلاد', 'يفوستوك']
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple, overload

DIGIT_SEPARATORS = ".,٫٬"
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
    exporters and :func:`annotator.core.tagging.tag` work on ``starts``,
    ``ends`` and ``texts``.
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


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """``tokens`` as parallel lists: itself when it is :class:`Tokens` already."""
    if isinstance(tokens, Tokens):
        return tokens
    return Tokens([t.start for t in tokens], [t.end for t in tokens], [t.text for t in tokens])


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
