"""Conversion between stored code-point offsets and UTF-16 positions, in one place.

We store Unicode code points into the unchanged text. Two kinds of positions
count UTF-16 code units instead, and both are converted here and only here:

- Qt's. A ``QTextDocument`` filled with ``setPlainText`` counts differently,
  and only three things shift it (verified against Qt 6): every character
  outside the BMP takes two UTF-16 units (+1), every ``\\r\\n`` becomes one
  paragraph break (-1), and a leading BOM is dropped (-1). A lone ``\\r``,
  ``\\u2028`` and other controls keep one unit each. :class:`QtOffsets`
  precomputes where those shifts happen, so each conversion is a binary
  search: cheap enough for a 10 MB article with 50,000 spans. The UI converts
  with it.
- Other tools'. Some (Label Studio, doccano) wrote offsets counting plain
  UTF-16 code units; :func:`utf16_to_code_points` reads them back, for the
  import driver's ``--utf16-offsets``.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterator

# Where Qt's count differs from ours: astral characters, CRLF pairs.
_SHIFTS = re.compile("[\U00010000-\U0010ffff]|\r\n")
_CRLF = re.compile("\r\n")


def may_hold_astral(text: str) -> bool:
    """False when ``text`` surely has no character outside the BMP (cheap for 10 MB).

    CPython stores a string with 4 bytes per character exactly when one of its
    characters is outside the BMP, so its size tells at once; elsewhere (or for
    short strings) True, and the caller searches.
    """
    return len(text) < 64 or sys.getsizeof(text) >= 4 * len(text)


def _shifts_in(text: str) -> Iterator[re.Match[str]]:
    """Where Qt's count differs from ours, found the cheap way when the text allows it
    (a character class searched through 10 MB takes 30 ms; ``in`` takes 1)."""
    if may_hold_astral(text):
        return _SHIFTS.finditer(text)
    return _CRLF.finditer(text) if "\r\n" in text else iter(())


# Where UTF-16's count differs from ours: astral characters (two units each).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class QtOffsets:
    """Two-way map between code-point offsets into ``text`` and Qt positions.

    ``to_qt`` gives each code point its Qt width: 2 for an astral character, 0
    for a leading BOM and for the ``\n`` of a ``\r\n``, 1 otherwise.
    ``from_qt`` returns the largest offset at or before a Qt position, so a
    position inside a surrogate pair rounds down to the character, a position
    before a paragraph break lands before the ``\r``, and position 0 of a text
    with a BOM lands after it.

    >>> m = QtOffsets("a😀\\r\\nب")
    >>> [m.to_qt(i) for i in range(6)]
    [0, 1, 3, 4, 4, 5]
    >>> [m.from_qt(p) for p in range(6)]
    [0, 1, 1, 2, 4, 5]
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Segment k covers offsets [points[k], points[k+1]) where qt = offset + deltas[k].
        self._points: list[int] = [0]
        self._deltas: list[int] = [0]
        delta = 0
        if text.startswith("\ufeff"):
            delta = -1
            self._points.append(1)
            self._deltas.append(delta)
        for match in _shifts_in(text):
            delta += -1 if match.group() == "\r\n" else 1
            self._points.append(match.end())
            self._deltas.append(delta)
        self.qt_length = self.length + delta
        self._qt_starts = [p + d for p, d in zip(self._points, self._deltas, strict=True)]

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (0 <= offset <= length)."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        return offset + self._deltas[bisect.bisect_right(self._points, offset) - 1]

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt ``position`` (0 <= position <= qt_length)."""
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"Qt position {position} outside 0..{self.qt_length}")
        k = bisect.bisect_right(self._qt_starts, position) - 1
        offset = position - self._deltas[k]
        if k + 1 < len(self._points):
            offset = min(offset, self._points[k + 1] - 1)
        return offset

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)


def utf16_to_code_points(text: str) -> Callable[[int], int | None]:
    """A function mapping a UTF-16 offset in ``text`` to a code-point offset.

    It returns None for an offset that falls between the two halves of a
    surrogate pair (no code point is there).

    >>> convert = utf16_to_code_points("😀ab")
    >>> [convert(u) for u in range(5)]
    [0, None, 1, 2, 3]
    """
    starts = [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]

    def convert(unit: int) -> int | None:
        before = bisect.bisect_left(starts, unit)
        if before and starts[before - 1] + 1 == unit:
            return None
        return unit - before

    return convert
