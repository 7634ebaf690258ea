"""Word snapping and boundary steps (Qt-free)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.snapping import is_word_char, moved_bounds, snap, word_at

TEXT = "قال: «كيم جونغ أون» زار، يوم 13 سبتمبر، مدينةَ Vladivostok."

pieces = st.sampled_from(["كيم", "جونغ", "أون", "وَ", " ", "،", "«", "»", "13", "Kim", ".",
                          "\r\n", "\u200c", "😀", "ـ"])
texts = st.lists(pieces, min_size=1, max_size=12).map("".join)


def test_sloppy_selection_becomes_the_words_without_quotes_or_punctuation() -> None:
    start = TEXT.index("كيم") + 1
    end = TEXT.index("أون") + 2
    s, e = snap(TEXT, start, end)  # type: ignore[misc]
    assert TEXT[s:e] == "كيم جونغ أون"
    s, e = snap(TEXT, TEXT.index("13") - 1, TEXT.index("سبتمبر") + 7)  # type: ignore[misc]
    assert TEXT[s:e] == "13 سبتمبر"


def test_tashkeel_stays_with_its_word() -> None:
    start = TEXT.index("مدينةَ")
    s, e = snap(TEXT, start, start + 2)  # type: ignore[misc]
    assert TEXT[s:e] == "مدينةَ"


def test_reversed_and_empty_selections() -> None:
    start = TEXT.index("زار")
    assert snap(TEXT, start + 3, start) == (start, start + 3)
    assert snap(TEXT, 3, 3) is None
    assert snap(TEXT, TEXT.index("«"), TEXT.index("«") + 1) is None


def test_without_snapping_only_white_space_is_dropped() -> None:
    start = TEXT.index("«")
    assert snap(TEXT, start - 1, start + 2, words=False) == (start, start + 2)


def test_word_at() -> None:
    start = TEXT.index("Vladivostok")
    assert word_at(TEXT, start + 4) == (start, start + len("Vladivostok"))
    assert word_at(TEXT, start + len("Vladivostok")) == (start, start + len("Vladivostok"))
    assert word_at(TEXT, TEXT.index("«")) is None


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_snapped_spans_are_clean_and_cover_the_selected_letters(
        text: str, a: int, b: int, words: bool) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    result = snap(text, a, b, words)
    lo, hi = sorted((a, b))
    if result is None:
        trimmed = "ZPC" if words else "ZC"
        assert all(unicodedata.category(c)[0] in trimmed and not is_word_char(c)
                   for c in text[lo:hi])
        return
    s, e = result
    assert 0 <= s < e <= len(text)
    assert not text[s].isspace() and not text[e - 1].isspace()
    if words:
        assert unicodedata.category(text[s])[0] not in "PZ"
        assert unicodedata.category(text[e - 1])[0] not in "PZ"
        assert not (s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s]))
        assert not (e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e]))
        # every letter that was selected is in the span
        assert all(s <= i < e for i in range(lo, hi) if is_word_char(text[i]))
        assert snap(text, s, e, words) == (s, e)  # idempotent
    else:
        assert lo <= s and e <= hi


@settings(max_examples=100, deadline=None)
@given(texts, st.integers(0, 40), st.integers(1, 40), st.booleans(), st.booleans(),
       st.sampled_from(["start", "end"]))
def test_moved_bounds_stay_valid_and_move_the_right_way(
        text: str, a: int, length: int, forward: bool, words: bool, edge: str) -> None:
    start = min(a, len(text))
    end = min(start + length, len(text))
    if start >= end:
        return
    moved = moved_bounds(text, start, end, edge, forward, words)
    if moved is None:
        return
    s, e = moved
    assert 0 <= s < e <= len(text)
    if edge == "start":
        assert e == end and (s > start if forward else s < start)
    else:
        assert s == start and (e > end if forward else e < end)


def test_word_steps_in_arabic() -> None:
    text = "زار الزعيم مدينة فلاديفوستوك"
    start, end = text.index("مدينة"), text.index("مدينة") + 5
    assert moved_bounds(text, start, end, "start", False) == (text.index("الزعيم"), end)
    assert moved_bounds(text, start, end, "end", True) == (start, len(text))
    assert moved_bounds(text, start, end, "end", False) is None  # would be empty
    assert moved_bounds(text, start, end, "start", True) is None
    s, e = moved_bounds(text, start, end, "end", False, words=False)  # type: ignore[misc]
    assert text[s:e] == "مدين"
