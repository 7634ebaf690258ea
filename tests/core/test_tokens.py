"""The shared tokenizer (annotator.core.tokens): the rules of its docstring, tested."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.core.tokens as tk
from annotator.core.tokens import Token, split_tokens, token_arrays, tokenize
from tests.core.token_texts import SETTINGS, check_tokens, is_extender, texts

# -- tokens ------------------------------------------------------------------


@SETTINGS
@given(texts)
def test_tokens_are_ordered_disjoint_and_cover_every_non_space(text: str) -> None:
    check_tokens(text, tokenize(text))


@SETTINGS
@given(texts)
def test_no_token_starts_inside_a_grapheme(text: str) -> None:
    for token in tokenize(text):
        if token.start > 0 and not text[token.start - 1].isspace():
            assert not is_extender(text[token.start]), (text, token)


@SETTINGS
@given(texts, st.lists(st.integers(0, 60), max_size=8))
def test_boundaries_split_tokens_and_only_refine(text: str, cuts: list[int]) -> None:
    plain = tokenize(text)
    split = tokenize(text, cuts)
    check_tokens(text, split)
    for token in split:
        assert not any(token.start < cut < token.end for cut in cuts)
    # every split token lies inside one plain token, and every plain boundary is kept
    plain_edges = {t.start for t in plain} | {t.end for t in plain}
    split_edges = {t.start for t in split} | {t.end for t in split}
    assert plain_edges <= split_edges
    assert split_edges - plain_edges <= set(cuts)


def texts_of(text: str, boundaries: tuple[int, ...] = ()) -> list[str]:
    return [t.text for t in tokenize(text, boundaries)]


def test_numbers_latin_words_and_punctuation() -> None:
    text = 'أهدى «بوتين» Oleg Kozhemyako 25,000 و3.5 مليون، عام 2023؛ "نعم"؟'
    assert texts_of(text) == [
        "أهدى", "«", "بوتين", "»", "Oleg", "Kozhemyako", "25,000", "و3.5", "مليون", "،",
        "عام", "2023", "؛", '"', "نعم", '"', "؟"]


def test_separators_join_digits_only() -> None:
    assert texts_of("١٢٬٥٠٠ ٣٫٥ 2023. ,5 5, a.b") == [
        "١٢٬٥٠٠", "٣٫٥", "2023", ".", ",", "5", "5", ",", "a", ".", "b"]


def test_tashkeel_tatweel_and_joiners_stay_in_the_word() -> None:
    assert texts_of("سُتْرَةٌ واقِيَة كـــبير می\u200cخواهم") == [
        "سُتْرَةٌ", "واقِيَة", "كـــبير", "می\u200cخواهم"]


def test_emoji_sequences_and_flags_are_one_token() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert texts_of(f"{family}🇷🇺👍🏽!") == [family, "🇷🇺", "👍🏽", "!"]


def test_a_span_boundary_inside_a_grapheme_still_splits() -> None:
    # the annotator's span wins over the grapheme rule; exporters report it
    assert texts_of("كَتب", (1,)) == ["ك", "َتب"]


def test_docstring_examples() -> None:
    result = doctest.testmod(tk)
    assert result.attempted >= 6 and result.failed == 0


def test_token_arrays_are_the_tokens() -> None:
    text = "قال Putin: 3.5٪ «نعم»"
    arrays = tk.token_arrays(text, [5])
    assert arrays == tokenize(text, [5]) and len(arrays) == 9
    assert arrays[1] == Token(4, 5, "P") and arrays[-2:] == [Token(17, 20, "نعم"),
                                                             Token(20, 21, "»")]
    assert arrays.texts == [t.text for t in arrays]


@SETTINGS
@given(texts)
def test_the_tokenizer_never_starts_a_token_where_a_grapheme_continues(text: str) -> None:
    for token in tokenize(text):
        if token.start > 0 and not text[token.start - 1].isspace():
            assert not tk.cuts_grapheme(text, token.start), (text, token)


@SETTINGS
@given(texts)
def test_grapheme_cuts_finds_every_offset_cuts_grapheme_names(text: str) -> None:
    every = range(len(text) + 1)
    assert tk.grapheme_cuts(text, every) == [o for o in every if tk.cuts_grapheme(text, o)]


@settings(max_examples=80, deadline=None)
@given(texts, st.lists(st.integers(0, 60), max_size=8))
def test_split_tokens_refines_once_made_tokens_like_the_tokenizer(text: str,
                                                                  cuts: list[int]) -> None:
    # agreement tokenizes each document once and applies each group's boundaries after
    cuts = [c for c in cuts if c <= len(text)]
    assert split_tokens(text, token_arrays(text), cuts) == token_arrays(text, cuts)
    assert list(split_tokens(text, token_arrays(text), cuts)) == tokenize(text, cuts)
