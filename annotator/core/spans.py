"""Spans and relations: the standoff records annotators create.

A span is a half-open ``[start, end)`` range of Unicode code points into the
unchanged document text, in logical order, with a label and the covered text.
Records are immutable; an :class:`~annotator.core.annotations.AnnotationSet`
holds them and edits replace them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

Status = Literal["new", "in_progress", "done"]
STATUSES: tuple[Status, ...] = ("new", "in_progress", "done")


@dataclass(frozen=True, slots=True)
class Span:
    """One labelled range. ``extra`` keeps keys this version does not know."""

    id: str
    start: int
    end: int
    label: str
    text: str
    note: str | None = None
    attributes: dict[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[int, int, str]:
        """What must be unique in a set: start, end and label."""
        return (self.start, self.end, self.label)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        """The order writers use: ``(start, end, label, id)``."""
        return (self.start, self.end, self.label, self.id)

    def with_changes(self, **changes: Any) -> Span:
        return replace(self, **changes)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span shares at least one character with ``[start, end)``."""
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Relation:
    """A typed link between two spans, by id."""

    id: str
    type: str
    source: str
    target: str
    extra: dict[str, Any] = field(default_factory=dict)


# Longer digit parts are not numbers to count from (``int`` refuses more than
# 4,300 digits, and ids that large would make every new id as long).
MAX_ID_DIGITS = 18


def id_number(identifier: str, kind: Literal["span", "relation"] = "span") -> int | None:
    """The number in ``T12`` (span) or ``R3`` (relation) ids, or None for other ids.

    Ids whose number has more than :data:`MAX_ID_DIGITS` digits count as not
    numbered, so a file holding ``T`` followed by thousands of digits still
    gets ordinary new ids.
    """
    prefix, digits = identifier[:1], identifier[1:]
    if (prefix != ("T" if kind == "span" else "R") or len(digits) > MAX_ID_DIGITS
            or not (digits.isascii() and digits.isdigit())):
        return None
    return int(digits)
