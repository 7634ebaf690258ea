"""What the app knows about written Arabic: normalising for matching, and proclitics.

**Normalisation** (:func:`normalize`) is for matching only; the stored text is
never changed. It removes tashkeel and Quranic marks (U+0610-U+061A,
U+064B-U+065F, U+0670, U+06D6-U+06ED) and tatweel (U+0640); maps ``أ إ آ ٱ`` to
``ا``, ``ى`` to ``ي``, ``ة`` to ``ه``, ``ؤ`` to ``و``, ``ئ`` to ``ي``, Persian
``ک ی`` to ``ك ي``, Arabic-Indic and Extended Arabic-Indic digits to ASCII; and
case-folds Latin. It returns the normalised text with, for each of its
characters, the offset of the original character it came from, so a match in
the normalised text maps back to code-point offsets into the original.

**Proclitics** follow the grammar ``[وف]?[بكل]?(ال)?`` (``ل`` + ``ال`` is
written ``لل``) or ``[وف]?س``: ``و ف ب ك ل س`` and the article ``ال``, so
``وال بال فال لل وبال فبال ولل كال وس``. A tatweel that ends a proclitic
(``بالـ``) belongs to it. :func:`proclitic_length` splits one off a word only
where what remains is a plausible word (at least two letters) and the whole
word is not itself a known form (``وزير``, ``بوتين``, ``لقاء``, ``كوريا``
keep their first letter when the caller knows them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

TATWEEL: Final = "\u0640"
_DROPPED = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)] + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)] + [TATWEEL])
_MAPPED: Final = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
# A whole proclitic sequence, in normalised text (the alef of ال already plain).
PROCLITIC: Final = re.compile("[وف]?(?:[بك]?ال|لل|[بكلس])?")
MIN_STEM: Final = 2  # letters a word must keep after its proclitic


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, per character, the original offset it came from.

    ``origin`` has one more entry than ``text``: the original length, so that
    ``origin[end]`` is the original end of a match ending at ``end``.
    """

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]``; the end covers the marks on its last letter."""
        return self.origin[start], self.origin[end]


def normalize_char(ch: str) -> str:
    """What one character becomes ("" when it is dropped)."""
    if ch in _DROPPED:
        return ""
    mapped = _MAPPED.get(ch)
    if mapped is not None:
        return mapped
    return ch.casefold() if ch.isascii() or not ch.isalpha() or ch.casefold() != ch else ch


def normalize(text: str) -> Normalized:
    """The matching form of ``text`` with the map back to it.

    >>> n = normalize("أَحْمَـد")
    >>> n.text, n.original_span(0, len(n.text))
    ('احمد', (0, 8))
    """
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = normalize_char(ch)
        out.append(piece)
        origin.extend([index] * len(piece))
    normalized = "".join(out)
    # the end of a match is the next kept character's offset (marks after a letter are its own)
    origin.append(len(text))
    return Normalized(normalized, tuple(origin))


class _CharTable(dict[int, str]):
    """:func:`normalize_char` of each character seen, for ``str.translate`` (filled as
    characters come: a text is then normalised in C, not one Python call per character)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = normalize_char(chr(code))
        return value


_TABLE: Final = _CharTable()


def normalized(text: str) -> str:
    """Only the normalised text (for comparing, keys, gazetteers).

    >>> normalized("وبالكرملينِ ١٢٣ Moscow"), normalized("أحمـــد") == normalized("احمد")
    ('وبالكرملين 123 moscow', True)
    """
    return text.translate(_TABLE)


@functools.lru_cache(maxsize=65536)
def _short_form(text: str) -> str:
    return normalized(text).strip()


def known_form(text: str) -> str:
    """A span text as snapping knows it: normalised, outer white space gone.

    Cached for span-sized texts (the same names and words recur in every
    article: 50,000 spans are 50,000 normalisations otherwise).
    """
    return _short_form(text) if len(text) <= 64 else normalized(text).strip()


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in _DROPPED


def is_proclitic_sequence(prefix: str) -> bool:
    """Whether normalised ``prefix`` is a whole proclitic sequence ("" included).

    >>> [is_proclitic_sequence(p) for p in ("", "و", "وبال", "لل", "وس", "لال", "بس")]
    [True, True, True, True, True, False, False]
    """
    return PROCLITIC.fullmatch(prefix) is not None


def proclitic_length(word: str, known: Collection[str] = (), article: bool = False) -> int:
    """How many code points of ``word`` are proclitics to split off (0: keep it whole).

    Candidates are the proclitic sequences that leave a stem of at least two
    letters; with ``article`` False (spans keep their article: ``الكرملين``)
    the article is not split off, so the candidates are ``[وف]?[بكل]?`` and
    ``[وف]?س``. ``known`` holds normalised known forms (the annotator's own
    spans, gold, a lexicon). The choice, in order: the longest cut whose stem
    is known; none when the whole word is known; the longest cut that ends
    with the article (only with ``article``); the longest cut followed by the
    article (``وبالكرملين`` -> ``الكرملين``); else the shortest cut. A
    tatweel after a split article goes with it.

    >>> proclitic_length("وبوتين"), proclitic_length("لكيم"), proclitic_length("وسترة")
    (1, 1, 1)
    >>> proclitic_length("وبالكرملين"), proclitic_length("بالـكرملين", article=True)
    (2, 4)
    >>> proclitic_length("لقاء", known={"لقاء"}), proclitic_length("وزير", known={"وزير"})
    (0, 0)
    """
    norm = normalize(word)
    text = norm.text
    cuts = [cut for cut in range(1, min(5, len(text)) + 1)
            if _proclitic_cut(text[:cut], article)
            and sum(ch.isalpha() for ch in text[cut:]) >= MIN_STEM]
    if not cuts:
        return 0
    known_stems = [cut for cut in cuts if text[cut:] in known]
    if known_stems:
        chosen = max(known_stems)
    elif text in known:
        return 0
    else:
        with_article = [cut for cut in cuts if text[:cut].endswith(("ال", "لل"))]
        before_article = [cut for cut in cuts if text[cut:].startswith("ال")
                          or text[cut - 1:cut + 1] == "لل"]  # ل + ال written لل
        chosen = max(with_article or before_article or [min(cuts)])
    return norm.origin[chosen]  # the stem's first letter: a tatweel before it is the proclitic's


def _proclitic_cut(prefix: str, article: bool) -> bool:
    if not is_proclitic_sequence(prefix):
        return False
    return article or not (prefix.endswith("ال") or prefix.endswith("لل"))
