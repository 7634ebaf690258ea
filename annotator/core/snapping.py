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
"""

from __future__ import annotations

import unicodedata

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


def snap(text: str, start: int, end: int, words: bool = True) -> tuple[int, int] | None:
    """The span a selection ``[start, end)`` of ``text`` stands for, or None if empty.

    >>> t = "قال «كيم جونغ»، ثم"
    >>> s, e = snap(t, 6, 11)
    >>> t[s:e]
    'كيم جونغ'
    >>> snap(t, 3, 5)  # only a space and a quote
    >>> snap("وكيم", 0, 1, words=False)
    (0, 1)
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if words:
        while 0 < start < len(text) and is_word_char(text[start - 1]) and is_word_char(text[start]):
            start -= 1
        while 0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
            end += 1
    while start < end and _is_trimmed(text[start], words):
        start += 1
    while end > start and _is_trimmed(text[end - 1], words):
        end -= 1
    if start >= end:
        return None
    return start, end


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
