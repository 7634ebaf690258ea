"""Finding a word in Arabic text the way an annotator means it.

:func:`find_matches` looks for whole words: the match may be preceded, inside
its word, only by proclitics (``و ف ب ك ل س`` and the article, per
:mod:`annotator.core.arabic`), never by other letters, and must end at the
end of a word. By default both sides are normalised (``أحمد``, ``احمد``,
``أَحْمَد`` and ``احـــمد`` all match each other); ``exact`` compares the
characters as stored. A match never includes the proclitics before it and
covers the marks (tashkeel) on its own letters. A query starting with the
article also matches after ``ل`` where the article's alef is not written
(``للكرملين`` holds ``لكرملين``). Offsets are code points into the text.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.core.arabic import (
    Normalized,
    is_proclitic_sequence,
    is_word_char,
    normalize,
    normalized,
)

_LAM_BEFORE = re.compile("[وف]?ل")


def _word_start(text: str, position: int) -> int:
    while position > 0 and is_word_char(text[position - 1]):
        position -= 1
    return position


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def find_matches(text: str, query: str, exact: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of every whole-word match of ``query`` in ``text``, in order.

    >>> text = "وصل كيمُ إلى موسكو، واستقبل بوتين لكيم في الكرملين وللكرملين حديقة"
    >>> [text[s:e] for s, e in find_matches(text, "كيم")]
    ['كيمُ', 'كيم']
    >>> [text[s:e] for s, e in find_matches(text, "الكرملين")]
    ['الكرملين', 'لكرملين']
    """
    if exact:
        return _find_exact(text, query)
    return find_in_normalized(normalize(text), query)


def find_in_normalized(n: Normalized, query: str) -> list[tuple[int, int]]:
    """:func:`find_matches` on a text normalised once (many queries over one text)."""
    q = normalized(query).strip()
    if not q:
        return []
    forms = [(q, False)]
    if q.startswith("ال") and len(q) > 2:
        forms.append(("ل" + q[2:], True))  # ل + ال written لل
    found: set[tuple[int, int]] = set()
    for form, after_lam in forms:
        for at in _occurrences(n.text, form):
            end = at + len(form)
            if end < len(n.text) and is_word_char(n.text[end]):
                continue
            prefix = n.text[_word_start(n.text, at):at]
            fits = (_LAM_BEFORE.fullmatch(prefix) is not None if after_lam
                    else is_proclitic_sequence(prefix))
            if fits:
                found.add(n.original_span(at, end))
    return sorted(found)


def _find_exact(text: str, query: str) -> list[tuple[int, int]]:
    if not query.strip():
        return []
    query = query.strip()
    matches = []
    for at in _occurrences(text, query):
        end = at + len(query)
        while end < len(text) and unicodedata.category(text[end]) == "Mn":
            end += 1  # the marks on the match's last letter are its own
        if end < len(text) and is_word_char(text[end]):
            continue
        if is_proclitic_sequence(normalized(text[_word_start(text, at):at])):
            matches.append((at, end))
    return matches
