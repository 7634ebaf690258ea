"""The shared tokenizer, sentence splitter and flat tagging (annotator.core.tokenize)."""

from __future__ import annotations

import doctest
import itertools
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.core.tokenize as tk
from annotator.core.tokenize import (
    Token,
    flat_labels,
    iob2,
    sentences,
    split_tokens,
    tag,
    token_arrays,
    tokenize,
)

SETTINGS = settings(max_examples=150, deadline=None)

# An alphabet that exercises every rule: Arabic letters, tashkeel, tatweel,
# ZWJ/ZWNJ, both digit scripts and their separators, Arabic and Latin
# punctuation, quotes, Latin letters, a combining acute, emoji parts, a flag
# half, an astral mark (Brahmi) and several kinds of white space and breaks.
ALPHABET = list(
    "كيمبوتنرسهدايا " "\u064e\u064f\u0650\u0651\u0652\u0670" "\u0640" "\u200c\u200d"
    "0123456789٠١٢٣" ".,٫٬" "،؛؟«»\"'!…:-()" "PutinOleg" "\u0301"
    "\U0001f600\u2764\ufe0f\U0001f3fd\U0001f1f8\U0001f1e6\U00011001"
    " \t\n\r\u00a0\u2029"
)
texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


def is_extender(ch: str) -> bool:
    return (unicodedata.category(ch).startswith("M") or ch in "\u200c\u200d"
            or 0x1F3FB <= ord(ch) <= 0x1F3FF)


def check_tokens(text: str, tokens: list[Token]) -> None:
    previous_end = 0
    for token in tokens:
        assert token.start >= previous_end, "tokens overlap or are out of order"
        assert token.end > token.start
        assert token.text == text[token.start:token.end]
        assert not any(ch.isspace() for ch in token.text)
        previous_end = token.end
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}


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


# -- sentences ---------------------------------------------------------------


def sentence_texts(text: str, unbreakable: tuple[tuple[int, int], ...] = ()) -> list[str]:
    return [" ".join(t.text for t in s) for s in sentences(text, tokenize(text), unbreakable)]


def test_sentence_ends_and_line_breaks() -> None:
    text = "غادر كيم... وصل القطار؟! قال «نعم.» ثم\r\nذهب\n\n\nعاد"
    assert sentence_texts(text) == [
        "غادر كيم . . .", "وصل القطار ؟ !", "قال « نعم . »", "ثم", "ذهب", "عاد"]


def test_decimal_point_does_not_end_a_sentence() -> None:
    assert sentence_texts("بلغ 3.5 مليون. انتهى") == ["بلغ 3.5 مليون .", "انتهى"]


def test_no_sentence_break_inside_an_unbreakable_range() -> None:
    text = "التقى بوتين.\nوكيم"
    assert sentence_texts(text, ((6, 16),)) == ["التقى بوتين . وكيم"]
    # a range that ends before the break does not stop it
    assert sentence_texts(text, ((0, 5),)) == ["التقى بوتين .", "وكيم"]


@SETTINGS
@given(texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
def test_sentences_partition_the_tokens(text: str, ranges: list[tuple[int, int]]) -> None:
    tokens = tokenize(text)
    result = sentences(text, tokens, ranges)
    assert [t for s in result for t in s] == tokens
    assert all(result)
    for before, after in itertools.pairwise(result):
        last, first = before[-1], after[0]
        assert not any(s < last.end and first.start < e for s, e in ranges)


# -- flat tagging ------------------------------------------------------------


def test_longest_span_wins_and_losers_are_reported() -> None:
    text = "هدية بوتين لكيم"
    #       0    5     11
    spans = [(5, 10, "entity"), (0, 15, "gift"), (12, 15, "entity"), (0, 4, "gift")]
    tagging = tag(text, spans)
    assert iob2(tagging) == ["B-gift", "I-gift", "I-gift", "I-gift"]
    assert [(d.span, d.reason, d.by) for d in tagging.dropped] == [
        ((5, 10, "entity"), "overlap", (0, 15, "gift")),
        ((12, 15, "entity"), "overlap", (0, 15, "gift")),
        ((0, 4, "gift"), "overlap", (0, 15, "gift"))]
    assert tagging.kept_spans() == [(0, 15, "gift")]


def test_ties_go_to_the_earlier_start_then_the_label_name() -> None:
    text = "أب جد هو"
    tagging = tag(text, [(3, 8, "meeting"), (0, 5, "gift"), (0, 5, "entity")])
    assert tagging.kept_spans() == [(0, 5, "entity")]
    assert {d.span for d in tagging.dropped} == {(3, 8, "meeting"), (0, 5, "gift")}


def test_same_label_neighbours_get_a_new_b_tag() -> None:
    text = "بوتينكيم"
    assert iob2(tag(text, [(0, 5, "entity"), (5, 8, "entity")])) == ["B-entity", "B-entity"]


def test_white_space_only_and_misaligned_spans_are_dropped_not_stretched() -> None:
    text = "كيم  بوتين"
    tokens = tokenize(text)
    tagging = flat_labels(tokens, [(3, 5, "entity"), (1, 3, "gift")])
    assert [(d.span, d.reason) for d in tagging.dropped] == [
        ((3, 5, "entity"), "no-token"), ((1, 3, "gift"), "misaligned")]
    assert iob2(tagging) == ["O", "O"]


spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 20), st.sampled_from(["a", "b", "c"])).map(
        lambda t: (t[0], t[0] + t[1], t[2])), max_size=8)


@SETTINGS
@given(texts, spans_strategy)
def test_flat_tagging_keeps_what_it_can_and_reports_the_rest(
        text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [(s, min(e, len(text)), lab) for s, e, lab in raw if s < len(text)]
    tagging = tag(text, spans)
    check_tokens(text, list(tagging.tokens))
    kept = tagging.kept_spans()
    assert sorted(tagging.kept + [d.index for d in tagging.dropped]) == list(range(len(spans)))
    # decoding the IOB2 tags gives back exactly the kept spans that hold a token
    decoded: list[tuple[int, int, str]] = []
    for token, tag_ in zip(tagging.tokens, iob2(tagging), strict=True):
        if tag_.startswith("B-"):
            decoded.append((token.start, token.end, tag_[2:]))
        elif tag_.startswith("I-"):
            start, _end, label = decoded[-1]
            assert label == tag_[2:]
            decoded[-1] = (start, token.end, label)
    trimmed = []
    for s, e, label in kept:
        inside = [t for t in tagging.tokens if s <= t.start and t.end <= e]
        trimmed.append((inside[0].start, inside[-1].end, label))
    assert decoded == sorted(trimmed)
    for dropped in tagging.dropped:
        if dropped.reason == "overlap":
            assert dropped.by is not None
            won, lost = dropped.by, dropped.span
            assert won[1] - won[0] >= lost[1] - lost[0]
        else:
            # made with every span boundary, a span can only miss by covering white space
            assert dropped.reason == "no-token"
            assert text[dropped.span[0]:dropped.span[1]].isspace()


def test_docstring_examples() -> None:
    result = doctest.testmod(tk)
    assert result.attempted >= 10 and result.failed == 0


def reference_sentences(text: str, tokens: list[Token],
                        unbreakable: list[tuple[int, int]]) -> list[list[Token]]:
    """The sentence rules written the slow, obvious way: token by token."""
    result: list[list[Token]] = []
    current: list[Token] = []
    ended = False
    for token in tokens:
        if current:
            previous = current[-1]
            if ended and previous.end == token.start and (
                    token.text[0] in tk.TERMINATORS or token.text[0] in tk.CLOSERS):
                breaks = False
            else:
                gap = text[previous.end:token.start]
                breaks = ended or any(ch in tk.LINE_BREAKS for ch in gap)
            if breaks:
                ended = False
                if not any(s < previous.end and token.start < e for s, e in unbreakable):
                    result.append(current)
                    current = []
        current.append(token)
        ended = ended or token.text[0] in tk.TERMINATORS
    return [*result, current] if current else result


@SETTINGS
@given(texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=3))
def test_sentences_follow_the_rules_token_by_token(text: str,
                                                   ranges: list[tuple[int, int]]) -> None:
    tokens = tokenize(text)
    assert sentences(text, tokens, ranges) == reference_sentences(text, tokens, ranges)


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
