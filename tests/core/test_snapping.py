"""Word snapping and boundary steps (Qt-free)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import normalized
from annotator.core.snapping import (
    EDGE_MIN_STEM,
    clitic_cuts,
    is_word_char,
    moved_bounds,
    snap,
    stem_start,
    toggle_proclitic,
    word_at,
    word_bounds,
)

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


def _at_clitic_boundary(text: str, offset: int) -> bool:
    start, end = word_bounds(text, offset)
    return start < offset < end and offset - start in clitic_cuts(text[start:end],
                                                                   min_stem=EDGE_MIN_STEM)


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60), st.booleans(), st.booleans())
def test_snapped_spans_are_clean_and_cover_the_selected_letters(
        text: str, a: int, b: int, words: bool, sloppy: bool) -> None:
    a, b = min(a, len(text)), min(b, len(text))
    result = snap(text, a, b, words, sloppy=sloppy)
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
        # inside a word only at a clitic boundary the selection already lay on (a sloppy
        # one knows no forms here: it is always widened)
        assert not (s > 0 and is_word_char(text[s - 1]) and is_word_char(text[s])) or (
            not sloppy and s == lo and _at_clitic_boundary(text, s))
        assert not (e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e])) or (
            not sloppy and e == hi and _at_clitic_boundary(text, e))
        # every letter that was selected is in the span
        assert all(s <= i < e for i in range(lo, hi) if is_word_char(text[i]))
        assert snap(text, s, e, words, sloppy=sloppy) == (s, e)  # idempotent
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


# -- proclitics ---------------------------------------------------------------------

GIFT = "ثم قدّم له وسترةً واقية، وبالكرملين قابل وبوتين لكيم"


def test_an_edge_at_a_clitic_boundary_is_never_widened() -> None:
    """A keyboard selection starting right after the و of وسترة stays سترة."""
    start = GIFT.index("وسترةً") + 1
    s, e = snap(GIFT, start, start + len("سترةً"))  # type: ignore[misc]
    assert GIFT[s:e] == "سترةً"
    s, e = snap(GIFT, start - 1, start)  # type: ignore[misc]  # the conjunction alone
    assert GIFT[s:e] == "و"
    kim = GIFT.index("لكيم")
    assert GIFT[slice(*snap(GIFT, kim + 1, kim + 4))] == "كيم"  # type: ignore[misc]
    # a start one letter into a short word is not a boundary (كيم, not ك + يم)
    assert GIFT[slice(*snap(GIFT, kim + 2, kim + 4))] == "لكيم"  # type: ignore[misc]
    # an end inside the next word is widened: the selection is not inside one word
    end = GIFT.index("وبوتين") + 1
    assert GIFT[slice(*snap(GIFT, GIFT.index("قابل"), end))] == "قابل وبوتين"  # type: ignore[misc]


def _snapped(start: int, end: int, **options: object) -> str:
    bounds = snap(GIFT, start, end, **options)  # type: ignore[arg-type]
    assert bounds is not None
    return GIFT[bounds[0]:bounds[1]]


def test_sloppy_mouse_selections_are_widened_then_cut_to_a_known_stem() -> None:
    start = GIFT.index("وسترةً") + 1
    assert _snapped(start, start + 3, sloppy=True) == "وسترةً"  # nothing known: the word
    assert _snapped(start + 1, start + 3, sloppy=True) == "وسترةً"  # وس|ترة: not known either
    stem = {normalized("سترة")}  # normalised: the tanween does not matter
    assert _snapped(start, start + 3, known=stem, sloppy=True) == "سترةً"
    assert _snapped(start + 1, start + 3, known=stem, sloppy=True) == "سترةً"
    # the keyboard keeps both boundaries, until the known stem settles the split
    assert _snapped(start + 1, start + 5) == "ترةً"
    assert _snapped(start + 1, start + 5, known=stem) == "وسترةً"
    word = GIFT.index("وبالكرملين")
    assert _snapped(word + 3, word + 6, known={"الكرملين"}, sloppy=True) == "الكرملين"
    assert stem_start(GIFT, word, word + 10, {"كرملين"}) == word + 4
    assert stem_start(GIFT, word, word + 10, {"وبالكرملين"}) == word  # the whole is known
    assert stem_start(GIFT, word + 1, word + 10, {"الكرملين"}) == word + 1  # not a word start
    putin = GIFT.index("قابل")
    assert _snapped(putin, GIFT.index("وبوتين") + 2, known={"بوتين"},
                    sloppy=True) == "قابل وبوتين"  # only the first word's proclitic is shed
    # a known whole word has no boundary in it, for the keyboard either
    assert snap("قال وزير", 5, 8) == (5, 8)
    assert snap("قال وزير", 5, 8, known={"وزير"}) == (4, 8)


def test_toggle_proclitic_sheds_then_restores() -> None:
    start = GIFT.index("وسترةً")
    end = start + len("وسترةً")
    shed = toggle_proclitic(GIFT, start, end)
    assert shed is not None and GIFT[slice(*shed)] == "سترةً"
    assert toggle_proclitic(GIFT, *shed) == (start, end)
    word = GIFT.index("وبالكرملين")
    shed = toggle_proclitic(GIFT, word, word + 10)
    assert shed is not None and GIFT[slice(*shed)] == "الكرملين"
    shed = toggle_proclitic(GIFT, word, word + 10, known={"بالكرملين"})
    assert shed is not None and GIFT[slice(*shed)] == "بالكرملين"
    assert toggle_proclitic(GIFT, 0, 2) is None  # ثم: nothing to shed
    assert toggle_proclitic(GIFT, GIFT.index("قدّم") + 1, GIFT.index("قدّم") + 4) is None


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 60), st.integers(1, 20))
def test_toggle_proclitic_is_its_own_inverse(text: str, a: int, length: int) -> None:
    start, end = min(a, len(text)), min(a + length, len(text))
    if start >= end:
        return
    moved = toggle_proclitic(text, start, end)
    if moved is None:
        return
    s, e = moved
    assert e == end and 0 <= s < e and s != start
    if s > start:  # shed from a word start: the next press restores exactly that
        assert toggle_proclitic(text, s, e) == (start, end)
