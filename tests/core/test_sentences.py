"""The shared sentence splitter (annotator.core.sentences): the rules of its docstring, tested."""

from __future__ import annotations

import doctest
import itertools

from hypothesis import given
from hypothesis import strategies as st

import annotator.core.sentences as sn
from annotator.core.sentences import sentences
from annotator.core.tokens import Token, tokenize
from tests.core.token_texts import SETTINGS, texts

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


def test_docstring_examples() -> None:
    result = doctest.testmod(sn)
    assert result.attempted >= 3 and result.failed == 0


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
                    token.text[0] in sn.TERMINATORS or token.text[0] in sn.CLOSERS):
                breaks = False
            else:
                gap = text[previous.end:token.start]
                breaks = ended or any(ch in sn.LINE_BREAKS for ch in gap)
            if breaks:
                ended = False
                if not any(s < previous.end and token.start < e for s, e in unbreakable):
                    result.append(current)
                    current = []
        current.append(token)
        ended = ended or token.text[0] in sn.TERMINATORS
    return [*result, current] if current else result


@SETTINGS
@given(texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=3))
def test_sentences_follow_the_rules_token_by_token(text: str,
                                                   ranges: list[tuple[int, int]]) -> None:
    tokens = tokenize(text)
    assert sentences(text, tokens, ranges) == reference_sentences(text, tokens, ranges)
