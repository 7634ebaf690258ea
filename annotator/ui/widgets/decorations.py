"""What the article view paints over the text, and where it comes from (Qt-free).

The article view does not know about annotation sets: it asks a
:class:`DecorationProvider` for the decorations of the paragraphs it is about
to paint, in code-point offsets. Normal annotation uses :class:`SpanDecorations`
(one decoration per span, in its label's colour); review mode supplies its own
provider (two annotators' spans merged and classed by colour) without touching
the view. Keeping the provider a plain object with one method also keeps the
view fast: it only asks for the paragraphs on screen.

Over the provider the view lays *overlays*, providers of their own that no
mode replaces: :class:`MatchDecorations` boxes the find bar's matches (the
current one filled), a look no span has, so matches and spans never read
alike.

Offsets in a tooltip are set in a left-to-right isolate (U+2066 … U+2069):
in an Arabic line ``[27–39]`` would otherwise read ``[39–27]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from annotator.core.annotations import AnnotationSet


@dataclass(frozen=True)
class Decoration:
    """Paint ``[start, end)`` (code points) in ``color`` (``#rrggbb``).

    ``fill`` tints the background (overlapping fills are blended), ``underline``
    draws a line in a stack under the text so nested spans stay apart, ``dashed``
    draws that line dashed (e.g. for review differences). ``key`` identifies
    what was painted (a span id) for clicks and selection; ``tooltip`` is one
    line of the tooltip shown under the mouse. ``outline`` draws a box around
    the text (search matches); ``name`` is the tag drawn over the start of the
    decoration when the view shows label names.
    """

    start: int
    end: int
    color: str
    key: str | None = None
    tooltip: str = ""
    fill: bool = True
    underline: bool = True
    dashed: bool = False
    outline: bool = False
    name: str = ""


LRI, PDI = "\u2066", "\u2069"  # a left-to-right isolate, and its end


def offsets_text(start: int, end: int) -> str:
    """``[start–end]`` as one left-to-right run, whatever the direction of the line around it.

    >>> offsets_text(27, 39)
    '\u2066[27–39]\u2069'
    """
    return f"{LRI}[{start}–{end}]{PDI}"


class DecorationProvider(Protocol):
    """Anything that can say what to paint over a range of the text."""

    def decorations(self, start: int, end: int) -> list[Decoration]:
        """Decorations overlapping ``[start, end)``, in any order."""
        ...


class SpanDecorations:
    """The spans of one annotation set, each in its label's colour."""

    def __init__(self, aset: AnnotationSet, colors: Mapping[str, str],
                 fallback: str = "#7f7f7f") -> None:
        self.aset = aset
        self.colors = dict(colors)
        self.fallback = fallback

    def decorations(self, start: int, end: int) -> list[Decoration]:
        if end <= start:
            return []
        return [
            Decoration(span.start, span.end, self.colors.get(span.label, self.fallback), span.id,
                       f"{span.label}: {span.text}  {offsets_text(span.start, span.end)}"
                       + (f" — {span.note}" if span.note else ""), name=span.label)
            for span in self.aset.overlapping(start, end)
        ]


MATCH_COLOR = "#e65100"  # the box around each match
CURRENT_MATCH_COLOR = "#ffca28"  # the fill of the match the cursor is on


class MatchDecorations:
    """The find bar's matches, boxed; the ``current`` one (an index) also filled."""

    def __init__(self, matches: Sequence[tuple[int, int]], current: int | None = None) -> None:
        self.matches = list(matches)
        self.starts = [start for start, _end in self.matches]
        self.longest = max((end - start for start, end in self.matches), default=0)
        self.current = current

    def decorations(self, start: int, end: int) -> list[Decoration]:
        if end <= start or not self.matches:
            return []
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [
            Decoration(lo, hi, CURRENT_MATCH_COLOR if i == self.current else MATCH_COLOR,
                       fill=i == self.current, underline=False, outline=True)
            for i, (lo, hi) in enumerate(self.matches[first:last], start=first)
            if hi > start
        ]


def stack_levels(ranges: list[tuple[int, int]]) -> list[int]:
    """Underline level of each range so that overlapping ranges never share one.

    Longer ranges that start first get the lower levels (closest to the text),
    the usual look of nested annotations.

    >>> stack_levels([(0, 10), (2, 4), (5, 8), (3, 6)])
    [0, 1, 1, 2]
    """
    order = sorted(range(len(ranges)), key=lambda i: (ranges[i][0], -ranges[i][1]))
    levels = [0] * len(ranges)
    active: list[int] = []  # indexes of ranges still open
    for i in order:
        start = ranges[i][0]
        active = [j for j in active if ranges[j][1] > start]
        used = {levels[j] for j in active}
        level = 0
        while level in used:
            level += 1
        levels[i] = level
        active.append(i)
    return levels


def blend(colors: list[str], base: str = "#ffffff", alpha: float = 0.28) -> str:
    """``colors`` laid over ``base`` one after the other, each ``alpha`` opaque.

    >>> blend(["#ff0000"], alpha=1.0)
    '#ff0000'
    >>> blend([], base="#123456")
    '#123456'
    """
    r, g, b = (int(base[i:i + 2], 16) for i in (1, 3, 5))
    for color in colors:
        cr, cg, cb = (int(color[i:i + 2], 16) for i in (1, 3, 5))
        r = round(r * (1 - alpha) + cr * alpha)
        g = round(g * (1 - alpha) + cg * alpha)
        b = round(b * (1 - alpha) + cb * alpha)
    return f"#{r:02x}{g:02x}{b:02x}"
