"""Hypothesis strategies shared by the property tests: texts that break naive offset code."""

from __future__ import annotations

from hypothesis import strategies as st

# Arabic letters, tashkeel, tatweel, ZWJ/ZWNJ, Arabic-Indic and ASCII digits, Latin,
# emoji (astral, with ZWJ sequences and flags), CR, LF, CRLF, BOM, punctuation.
PIECES = [
    "ك", "ي", "م", "ب", "و", "ت", "ن", "ا", "ل", "ه", "\u064e", "\u0651", "\u0650", "\u0640",
    "\u200c", "\u200d", "١", "٢", "1", "7", "a", "K", "z", " ", "،", ".", "«", "»", "😀",
    "👨\u200d👩\u200d👧", "🇷🇺", "\U0001d400", "\r", "\n", "\r\n", "\ufeff", "\t", "\u2028",
]

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
