"""Code points <-> Qt positions and UTF-16 offsets, against naive references (no Qt here)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.core.offsets as offsets
from annotator.core.offsets import QtOffsets, utf16_to_code_points
from tests.strategies import texts


def reference_widths(text: str) -> list[int]:
    """Qt units per code point, computed the slow obvious way."""
    widths = []
    for i, ch in enumerate(text):
        leading_bom = i == 0 and ch == "\ufeff"
        crlf_newline = ch == "\n" and i > 0 and text[i - 1] == "\r"
        if leading_bom or crlf_newline:
            widths.append(0)
        else:
            widths.append(2 if ord(ch) > 0xFFFF else 1)
    return widths


@settings(max_examples=300, deadline=None)
@given(texts)
def test_to_qt_matches_reference(text: str) -> None:
    widths = reference_widths(text)
    m = QtOffsets(text)
    assert m.qt_length == sum(widths)
    for offset in range(len(text) + 1):
        assert m.to_qt(offset) == sum(widths[:offset])


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from(["ب", "a", "\u0640", "😀", "\r\n"]))
def test_long_texts_take_the_quick_search_and_agree(text: str, filler: str) -> None:
    # 64 characters and more: whether to search for astral characters is decided from the
    # string's storage (``may_hold_astral``); the widths must not change
    long_text = text + filler * 64
    has_astral = max(map(ord, long_text)) > 0xFFFF
    assert offsets.may_hold_astral(long_text) == has_astral  # CPython: exactly
    widths = reference_widths(long_text)
    m = QtOffsets(long_text)
    assert m.qt_length == sum(widths)
    assert [m.to_qt(i) for i in range(len(long_text) + 1)] == [
        sum(widths[:i]) for i in range(len(long_text) + 1)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_from_qt_is_largest_offset_at_or_before(text: str) -> None:
    m = QtOffsets(text)
    qt = [m.to_qt(o) for o in range(len(text) + 1)]
    for position in range(m.qt_length + 1):
        expected = max(o for o in range(len(text) + 1) if qt[o] <= position)
        # ... except that a CRLF's paragraph break resolves to the \r, not between \r and \n
        if 0 < expected <= len(text) - 0 and text[expected - 1:expected + 1] == "\r\n":
            expected -= 1
        assert m.from_qt(position) == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_round_trip_at_character_starts(text: str) -> None:
    m = QtOffsets(text)
    for offset in range(len(text) + 1):
        zero_width = (offset == 0 and text.startswith("\ufeff")) or (
            0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n")
        if not zero_width:
            assert m.from_qt(m.to_qt(offset)) == offset


def test_examples() -> None:
    m = QtOffsets("\ufeffكيم 😀\r\nبوتين")
    assert m.to_qt(1) == 0  # the BOM is gone in Qt
    assert m.to_qt(6) == 6  # after the emoji: +1, -1 for the BOM
    assert m.from_qt(6) == 6
    assert m.to_qt(9) == 8  # after \r\n: one paragraph break
    assert m.from_qt(m.qt_length) == len("\ufeffكيم 😀\r\nبوتين")
    with pytest.raises(ValueError):
        m.to_qt(-1)
    with pytest.raises(ValueError):
        m.from_qt(m.qt_length + 1)


def test_large_text_is_fast_enough_to_build() -> None:
    text = ("كيم 😀 بوتين\r\n" * 50_000)
    m = QtOffsets(text)
    assert m.to_qt(len(text)) == len(text) + 50_000 - 50_000


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@settings(max_examples=100, deadline=None)
@given(texts)
def test_utf16_conversion_agrees_with_the_utf16_encoding(text: str) -> None:
    convert = utf16_to_code_points(text)
    expected = {utf16(text, i): i for i in range(len(text) + 1)}
    units = len(text.encode("utf-16-le")) // 2
    for unit in range(units + 1):
        assert convert(unit) == expected.get(unit)


def test_docstring_examples() -> None:
    result = doctest.testmod(offsets)
    assert result.attempted > 0 and result.failed == 0
