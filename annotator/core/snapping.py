"""Word snapping and boundary steps over the stored text (Qt-free, code-point offsets).

A mouse selection rarely lands exactly on word edges, and in Arabic the hit
zones between letters are only a few pixels wide. By default a selection is
therefore widened to whole words, and leading and trailing spaces and
punctuation are dropped, so ``«كيم جونغ أون»،`` selected sloppily becomes the
name alone. With snapping off (for sub-word spans such as a conjunction ``و``
glued to a name) the selection is kept as is, minus surrounding white space.

A word is a run of letters, combining marks (tashkeel stays with its letter),
digits, and the joiners ZWJ/ZWNJ; everything else separates words. The same
definition drives the keyboard steps that move a span's boundaries.

**Proclitics** (``و ف ب ك ل س`` and the article, :mod:`annotator.core.arabic`)
are written glued to the word they precede, so a word edge is not always
where a span should start:

- ``known`` forms are the normalised texts of the annotator's own spans and
  of gold's. They settle how a word splits: once ``بوتين`` or ``وزير`` is
  known, ``وبوتين`` splits only as ``و|بوتين`` and ``وزير`` not at all.
- An edge that already lies at a *clitic boundary* (between a proclitic and a
  stem of at least :data:`EDGE_MIN_STEM` letters, :func:`clitic_cuts`) is
  never widened: a selection made with the keyboard right after the ``و`` of
  ``وسترة`` stays ``سترة``. An end edge counts only for a selection inside
  one word (the proclitic alone, ``و``); elsewhere an end inside a word is
  widened. Three letters, not the grammar's two: ``كيم`` is far more often a
  name than ``ك`` + ``يم``, so a start one letter into it is still widened.
- A ``sloppy`` selection (a mouse drag, a double-click) lands between letters
  by chance: one letter into ``فلاديفوستوك`` is not a choice to leave ``ف``
  out. Its edges stay only at a boundary whose stem is known; otherwise it is
  widened to whole words and then, starting at a word start, cut to the stem
  when what remains is a known form (``وبوتين`` becomes ``بوتين`` once
  ``بوتين`` was labelled). A keyboard selection is taken as meant.
- :func:`toggle_proclitic` sheds a span's proclitic, or restores it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from annotator.core.arabic import (
    MIN_STEM,
    is_proclitic_sequence,
    normalize,
    normalized,
    proclitic_length,
)

EDGE_MIN_STEM = 3  # letters a stem keeps for an edge before it to count as a clitic boundary

_JOINERS = frozenset("\u200c\u200d")


def is_word_char(ch: str) -> bool:
    """Letters, marks, digits and joiners make words.

    >>> [is_word_char(c) for c in "بِ 3،"]
    [True, True, False, True, False]
    """
    return unicodedata.category(ch)[0] in "LMN" or ch in _JOINERS


def _is_trimmed(ch: str, words: bool) -> bool:
    if ch in _JOINERS:  # part of the word they touch
        return False
    category = unicodedata.category(ch)
    if words:  # spaces, punctuation, controls, bidi marks
        return category[0] in "ZPC"
    return category[0] in "ZC"


def snap(text: str, start: int, end: int, words: bool = True, *,
         known: Collection[str] = (), sloppy: bool = False) -> tuple[int, int] | None:
    """The span a selection ``[start, end)`` of ``text`` stands for, or None if empty.

    An edge at a clitic boundary stays. ``known``: normalised known forms.
    ``sloppy`` (mouse): only boundaries before a known stem stay, and a
    selection starting at a word start sheds a proclitic whose stem (to the
    selection's end) is known.

    >>> t = "قال «كيم جونغ»، ثم"
    >>> s, e = snap(t, 6, 11)
    >>> t[s:e]
    'كيم جونغ'
    >>> snap(t, 3, 5)  # only a space and a quote
    >>> snap("وكيم", 0, 1, words=False)
    (0, 1)
    >>> snap("قدم له وسترة", 8, 10)  # starts right after the و: a clitic boundary
    (8, 12)
    >>> t = "قابل وبوتين"  # a mouse drag from inside the second word
    >>> snap(t, 7, 11, sloppy=True), snap(t, 7, 11, known={"بوتين"}, sloppy=True)
    ((5, 11), (6, 11))
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if words:
        first = word_bounds(text, start)
        if not (_inside(first, start) and _at_cut(text, first, start, known, sloppy)):
            while 0 < start < len(text) and is_word_char(text[start - 1]) \
                    and is_word_char(text[start]):
                start -= 1
        if not (_inside(first, end) and _at_cut(text, first, end, known, sloppy)):
            while 0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
                end += 1
    while start < end and _is_trimmed(text[start], words):
        start += 1
    while end > start and _is_trimmed(text[end - 1], words):
        end -= 1
    if start >= end:
        return None
    if words and sloppy and known:
        start = stem_start(text, start, end, known)
    return start, end


def word_bounds(text: str, offset: int) -> tuple[int, int]:
    """The run of word characters around ``offset`` (empty, ``(offset, offset)``, if none).

    >>> word_bounds("قال وكيم", 6)
    (4, 8)
    """
    offset = max(0, min(offset, len(text)))
    start = end = offset
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def _inside(bounds: tuple[int, int], offset: int) -> bool:
    return bounds[0] < offset < bounds[1]


def _at_cut(text: str, bounds: tuple[int, int], offset: int, known: Collection[str],
            sloppy: bool) -> bool:
    """Whether ``offset`` inside the word ``bounds`` is a clitic boundary an edge keeps."""
    word, cut = text[bounds[0]:bounds[1]], offset - bounds[0]
    if cut not in clitic_cuts(word, known, min_stem=EDGE_MIN_STEM):
        return False
    return not sloppy or normalized(word[cut:]) in known


def clitic_cuts(word: str, known: Collection[str] = (), article: bool = True,
                min_stem: int = MIN_STEM) -> list[int]:
    """Offsets in ``word`` (code points) where a proclitic sequence ends and a stem begins.

    The stem keeps at least ``min_stem`` letters; marks and a tatweel after the
    last proclitic letter go with the proclitic. ``article`` False leaves out
    cuts that split the article off. ``known`` forms settle the split: when the
    whole word or the stem of a cut is known, only cuts whose stem is known
    count (``وزير`` is one word once known). ``وسترة`` has two:
    ``و|سترة`` and ``وس|ترة`` (``س`` marks the future), one once ``سترة`` is known.

    >>> clitic_cuts("وبالكرملين")
    [1, 2, 4]
    >>> clitic_cuts("وبالكرملين", article=False), clitic_cuts("وزير", known={"وزير"})
    ([1, 2], [])
    >>> clitic_cuts("وَسترة"), clitic_cuts("وَسترة", known={"ستره"})
    ([2, 3], [2])
    >>> clitic_cuts("كيم"), clitic_cuts("كيم", min_stem=EDGE_MIN_STEM)
    ([1], [])
    """
    norm = normalize(word)
    text = norm.text
    cuts = []
    for cut in range(1, min(5, len(text)) + 1):
        prefix = text[:cut]
        if not is_proclitic_sequence(prefix):
            continue
        if not article and prefix.endswith(("ال", "لل")):
            continue
        if sum(ch.isalpha() for ch in text[cut:]) < min_stem:
            continue
        cuts.append(cut)
    if known:
        settled = [cut for cut in cuts if text[cut:] in known]
        if settled or text in known:
            cuts = settled
    return [norm.origin[cut] for cut in cuts]


def stem_start(text: str, start: int, end: int, known: Collection[str]) -> int:
    """Where ``[start, end)`` starts once a proclitic whose remaining text is known is shed.

    Only a ``start`` at a word start is moved, and never when ``text[start:end]``
    is itself known. Among the cuts whose rest is known, those keeping the
    article come first, the longest first.

    >>> t = "وبالكرملين أعلن"
    >>> stem_start(t, 0, 10, {"الكرملين"}), stem_start(t, 0, 10, {"وبالكرملين"})
    (2, 0)
    """
    first = word_bounds(text, start)
    if first[0] != start or first[1] == start or normalized(text[start:end]) in known:
        return start
    cuts = clitic_cuts(text[first[0]:first[1]])
    keep = set(clitic_cuts(text[first[0]:first[1]], article=False))
    ordered = sorted(cuts, key=lambda cut: (cut not in keep, -cut))
    for cut in ordered:
        if start + cut < end and normalized(text[start + cut:end]) in known:
            return start + cut
    return start


def toggle_proclitic(text: str, start: int, end: int,
                     known: Collection[str] = ()) -> tuple[int, int] | None:
    """``[start, end)`` with its proclitic shed, or restored; None if it has none either way.

    A span starting inside a word right after a proclitic sequence gets it
    back (to the word's start). A span starting at a word start sheds its
    proclitic, keeping the article: the cut whose rest is a ``known`` form,
    else the grammar's choice (:func:`annotator.core.arabic.proclitic_length`).

    >>> t = "قدم له وسترة"
    >>> toggle_proclitic(t, 7, 12), toggle_proclitic(t, 8, 12)
    ((8, 12), (7, 12))
    >>> toggle_proclitic(t, 0, 3) is None  # no proclitic
    True
    """
    first = word_bounds(text, start)
    if first[0] < start:
        prefix = normalized(text[first[0]:start])
        if prefix and is_proclitic_sequence(prefix):
            return first[0], end
        return None
    if first[1] == start:
        return None
    word = text[start:first[1]]
    cuts = [cut for cut in clitic_cuts(word, article=False) if start + cut < end]
    if not cuts:
        return None
    known_cuts = [cut for cut in cuts if normalized(text[start + cut:end]) in known]
    cut = max(known_cuts) if known_cuts else proclitic_length(word)
    if cut not in cuts:
        cut = min(cuts)
    return start + cut, end


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word containing the character at ``offset`` (or ending just before it)."""
    if 0 <= offset < len(text) and is_word_char(text[offset]):
        return snap(text, offset, offset + 1)
    if 0 < offset <= len(text) and is_word_char(text[offset - 1]):
        return snap(text, offset - 1, offset)
    return None


def next_word_start(text: str, pos: int) -> int | None:
    """Start of the first word that begins strictly after ``pos``."""
    i = pos + 1
    while i < len(text):
        if is_word_char(text[i]) and not is_word_char(text[i - 1]):
            return i
        i += 1
    return None


def previous_word_start(text: str, pos: int) -> int | None:
    """Start of the last word that begins strictly before ``pos``."""
    i = min(pos, len(text)) - 1
    while i >= 0:
        if is_word_char(text[i]) and (i == 0 or not is_word_char(text[i - 1])):
            return i
        i -= 1
    return None


def next_word_end(text: str, pos: int) -> int | None:
    """End of the first word that ends strictly after ``pos``."""
    i = max(pos, 0) + 1
    while i <= len(text):
        if is_word_char(text[i - 1]) and (i == len(text) or not is_word_char(text[i])):
            return i
        i += 1
    return None


def previous_word_end(text: str, pos: int) -> int | None:
    """End of the last word that ends strictly before ``pos``."""
    i = min(pos, len(text)) - 1
    while i > 0:
        if is_word_char(text[i - 1]) and not is_word_char(text[i]):
            return i
        i -= 1
    return None


def next_grapheme(text: str, pos: int) -> int | None:
    """The boundary after the character at ``pos`` and its combining marks."""
    if pos >= len(text):
        return None
    pos += 1
    while pos < len(text) and unicodedata.category(text[pos])[0] == "M":
        pos += 1
    return pos


def previous_grapheme(text: str, pos: int) -> int | None:
    """The boundary before the character (with its marks) that ends at ``pos``."""
    if pos <= 0:
        return None
    pos -= 1
    while pos > 0 and unicodedata.category(text[pos])[0] == "M":
        pos -= 1
    return pos


def moved_bounds(text: str, start: int, end: int, edge: str, forward: bool,
                 words: bool = True) -> tuple[int, int] | None:
    """Move the ``edge`` (``"start"`` or ``"end"``) of ``[start, end)`` one step.

    A step is a word when ``words`` is set, else one character with its marks.
    ``forward`` is logical (towards the end of the text). Returns None when the
    move would leave an empty span or fall off the text.

    >>> t = "زار الزعيم مدينة فلاديفوستوك"
    >>> s, e = moved_bounds(t, 4, 10, "end", True)
    >>> t[s:e]
    'الزعيم مدينة'
    >>> s, e = moved_bounds(t, 4, 10, "start", False)
    >>> t[s:e]
    'زار الزعيم'
    """
    if edge == "start":
        if words:
            new = next_word_start(text, start) if forward else previous_word_start(text, start)
        else:
            new = next_grapheme(text, start) if forward else previous_grapheme(text, start)
        if new is None or new >= end:
            return None
        return new, end
    if words:
        new = next_word_end(text, end) if forward else previous_word_end(text, end)
    else:
        new = next_grapheme(text, end) if forward else previous_grapheme(text, end)
    if new is None or new <= start:
        return None
    return start, new
