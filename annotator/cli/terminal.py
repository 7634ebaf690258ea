"""Terminal output: colours, column widths, and ``--visual`` lines for terminals without bidi.

Output stays in logical order by default: that is right for files, pipes and
terminals that apply the Unicode Bidirectional Algorithm and shape Arabic
themselves. Many terminals do neither; for them ``--visual`` passes each line
through ``arabic_reshaper`` (presentation forms, so letters join) and
``python-bidi``'s ``get_display`` (visual order). This module is the only place
in Annotator that does so, and its output is never stored or exported.

Such a terminal also wraps a long line itself, left to right, so an Arabic
paragraph would read from its last screen line up. ``visual(text, width)``
therefore breaks each paragraph into lines of at most ``width`` columns first
(at spaces, in logical order, as the bidi algorithm's rule L1 wants), then
reorders each line on its own and aligns it to its paragraph's side: right
for Arabic, left for English.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from annotator.core.document import strong_direction

RESET = "\x1b[0m"
# First-strong isolate and its closing: keep a right-to-left cell from reordering its row.
FSI, PDI = "\u2068", "\u2069"
_LINE = re.compile(r"([^\r\n]*)(\r\n|[\r\n]|\Z)")
_TOKEN = re.compile(r"\s*\S+\s*|\s+")


def color_enabled(choice: str, stream: TextIO) -> bool:
    """``--color always|never|auto``: auto means a terminal, unless ``NO_COLOR`` is set."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``"#1f77b4"`` -> ``(31, 119, 180)``."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def background(color: str) -> str:
    """ANSI 24-bit background ``color`` with black or white text, whichever reads better."""
    r, g, b = hex_rgb(color)
    light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 140
    fg = "30" if light else "97"
    return f"\x1b[{fg};48;2;{r};{g};{b}m"


def foreground(color: str, bold: bool = True) -> str:
    r, g, b = hex_rgb(color)
    return f"\x1b[{'1;' if bold else ''}38;2;{r};{g};{b}m"


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def visual_line(line: str) -> str:
    """One line (no line break) shaped and put in visual order for a terminal without bidi."""
    if not has_rtl(line):
        return line
    import arabic_reshaper
    from bidi.algorithm import get_display

    shaped: str = arabic_reshaper.reshape(line)
    display: str = get_display(shaped)
    return display


def visual(text: str, width: int | None = None) -> str:
    """:func:`visual_line` on each line of ``text``, line breaks kept as they are.

    ``width``: wrap each line to at most that many columns first, and align
    the pieces of a right-to-left line to the right.

    >>> visual("abc def", width=4).splitlines()
    ['abc', 'def']
    """
    parts = []
    for match in _LINE.finditer(text):
        body, brk = match.group(1), match.group(2)
        if not body and not brk:
            continue
        if width is None:
            parts.append(visual_line(body) + brk)
            continue
        rtl = strong_direction(body) == "rtl"
        pieces = []
        for piece in wrap_line(body, width):
            shown = visual_line(piece)
            pieces.append(" " * max(0, width - display_width(shown)) + shown if rtl else shown)
        parts.append("\n".join(pieces) + brk)
    return "".join(parts)


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` (logical order) cut into pieces of at most ``width`` columns, at spaces if it can.

    A word wider than ``width`` is cut where the width runs out. Spaces at a
    cut are dropped.

    >>> wrap_line("وصل الزعيم إلى المدينة", 10)
    ['وصل الزعيم', 'إلى', 'المدينة']
    >>> wrap_line("abcdefgh", 3)
    ['abc', 'def', 'gh']
    """
    width = max(1, width)
    pieces: list[str] = []
    current = ""
    for token in _TOKEN.findall(line):
        word = token.rstrip()
        if current and display_width(current + word) > width:
            pieces.append(current.rstrip())
            current = ""
        while display_width(word) > width:  # longer than a line: cut it
            cut = 1
            while cut < len(word) and display_width(word[:cut + 1]) <= width:
                cut += 1
            pieces.append(word[:cut])
            word = word[cut:]
            token = word + token[len(token.rstrip()):]
        current += token
    if current.strip() or not pieces:
        pieces.append(current.rstrip())
    return pieces


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: marks and format characters take none, wide take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def table(rows: Sequence[Sequence[str]], right: Sequence[bool] = (),
          visual_mode: bool = False) -> str:
    """Rows as aligned columns; the first row is the header. ``right``: columns aligned right.

    With ``visual_mode`` every cell holding right-to-left text is shaped and
    reordered on its own; without it, such a cell is wrapped in a first-strong
    isolate, so that a bidi-aware terminal reorders it alone and the numbers
    next to it stay in their columns.
    """
    cells = [[_cell(cell, visual_mode) for cell in row] for row in rows]
    if not cells:
        return ""
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = []
    for index, row in enumerate(cells):
        out = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            out.append(pad + cell if i < len(right) and right[i] else cell + pad)
        lines.append("  ".join(out).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(cell: str, visual_mode: bool) -> str:
    if not has_rtl(cell):
        return cell
    return visual_line(cell) if visual_mode else FSI + cell + PDI
