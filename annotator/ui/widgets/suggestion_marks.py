"""How machine suggestions look in the article view: dashed boxes, never mistaken for spans.

:class:`SuggestionMarks` is an overlay provider (see
:meth:`~annotator.ui.widgets.article_view.ArticleView.set_overlay`): each
suggestion still open to the annotator is a dashed box in its label's colour,
with no fill and no underline, the two things that mark a span. The current
suggestion (the one Enter and Backspace act on) is also filled, a preview of
the span accepting it would make. A suggestion overlapping one of the
annotator's spans of the same label is drawn grey, and its tooltip says so.
The tooltip gives the label, the source and the score.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from annotator.core.suggestion_edits import Offer
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.widgets.decorations import LRI, PDI, Decoration

OVERLAP_COLOR = "#9e9e9e"  # a suggestion that would stack on a span of its label
FALLBACK_COLOR = "#7f7f7f"
FSI = "\u2068"  # the suggested text in its own direction, whatever the line's


CONTEXT = "SuggestionMarks"
SUGGESTION = QT_TRANSLATE_NOOP("SuggestionMarks", "Suggestion: {label} “{text}” (from {source}, "
                                                 "score {score})")
OVERLAPS = QT_TRANSLATE_NOOP("SuggestionMarks", "overlaps your {label} span {ids}")


def tooltip(offer: Offer) -> str:
    """One line: the suggestion, its source and score, and an overlap if any."""
    item = offer.suggestion
    score = f"{LRI}{item.score:.2f}{PDI}" if item.score is not None else "–"
    line = QCoreApplication.translate(CONTEXT, SUGGESTION).format(
        label=item.label, text=f"{FSI}{item.text}{PDI}", source=item.source, score=score)
    if offer.overlaps:
        line += " — " + QCoreApplication.translate(CONTEXT, OVERLAPS).format(
            label=item.label, ids=", ".join(offer.overlaps))
    return line


class SuggestionMarks:
    """The open suggestions of one document (sorted by start); ``current``: an index."""

    def __init__(self, offers: Sequence[Offer], colors: Mapping[str, str],
                 current: int | None = None) -> None:
        self.offers = list(offers)
        self.colors = dict(colors)
        self.current = current
        self.starts = [o.suggestion.start for o in self.offers]
        self.longest = max((o.suggestion.end - o.suggestion.start for o in self.offers),
                           default=0)

    def color(self, offer: Offer) -> str:
        if offer.overlaps:
            return OVERLAP_COLOR
        return self.colors.get(offer.suggestion.label, FALLBACK_COLOR)

    def decorations(self, start: int, end: int) -> list[Decoration]:
        if end <= start or not self.offers:
            return []
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        return [
            Decoration(offer.suggestion.start, offer.suggestion.end, self.color(offer),
                       tooltip=tooltip(offer), fill=i == self.current, underline=False,
                       dashed=True, outline=True)
            for i, offer in enumerate(self.offers[first:last], start=first)
            if offer.suggestion.end > start
        ]
