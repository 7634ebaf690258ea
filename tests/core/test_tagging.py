"""The shared flat tagging (annotator.core.tagging): the rules of its docstring, tested."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

import annotator.core.tagging as tg
from annotator.core.tagging import flat_labels, iob2, tag
from annotator.core.tokens import tokenize
from tests.core.token_texts import SETTINGS, check_tokens, texts

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
    result = doctest.testmod(tg)
    assert result.attempted >= 10 and result.failed == 0
