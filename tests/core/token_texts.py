"""What the tokenizer, sentence and tagging tests share: an alphabet for every rule, checks."""

from __future__ import annotations

import unicodedata

from hypothesis import settings
from hypothesis import strategies as st

from annotator.core.tokens import Token

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
