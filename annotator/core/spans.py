"""Spans and relations: the standoff records annotators create.

A span is a half-open ``[start, end)`` range of Unicode code points into the
unchanged document text, in logical order, with a label and the covered text.
Records are immutable; an :class:`~annotator.core.annotations.AnnotationSet`
holds them and edits replace them.

A span without unknown keys (nearly all of them) shares one empty ``extra``,
:data:`NO_EXTRA`, which refuses changes: 50,000 spans do not each carry an
empty dict of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Literal, NoReturn

Status = Literal["new", "in_progress", "done"]
STATUSES: tuple[Status, ...] = ("new", "in_progress", "done")


class _NoExtra(dict[str, Any]):
    """The one empty ``extra`` spans share (see the module): a dict that cannot change."""

    __slots__ = ()

    def _refuse(self, *_args: object, **_kwargs: object) -> NoReturn:
        raise TypeError("a span's extra is shared and cannot change: replace the span "
                        "with another extra")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles are the shared one again
        return (_no_extra, ())


NO_EXTRA: dict[str, Any] = _NoExtra()


def _no_extra() -> dict[str, Any]:
    return NO_EXTRA


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
    extra: dict[str, Any] = field(default_factory=_no_extra)

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


# ``span.sort_key`` as a C function, for sorting and bisecting spans themselves
SORT_KEY: Any = attrgetter("start", "end", "label", "id")


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
