"""Schema renames in one annotation, gold or suggestion file (parsed JSON, nothing read here).

:func:`rewrite_annotation_file` makes the renames of a list of
:data:`~annotator.core.schema_edit.SchemaChange` in every place a file may use
a name: span and kept-aside span labels, rejected suggestions' labels,
relation types, and the attribute names and values of a label's spans. Every
other key, known or not, is kept; spans are sorted again in the writers'
order, so the bytes are what a writer would write. :mod:`annotator.io.schema_rename`
reads and writes the files.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from annotator.core.schema_edit import (
    Refusal,
    RenameAttribute,
    RenameLabel,
    RenameRelationType,
    RenameValue,
    SchemaChange,
    SchemaError,
)

_SPAN_LISTS = ("spans", "unplaced_spans")
REJECTED_KEY = "rejected_suggestions"


def _span_items(raw: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for key in _SPAN_LISTS:
        items = raw.get(key)
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, dict))


def _rename_in(raw: dict[str, Any], change: SchemaChange) -> bool:
    """Make ``change`` in the parsed file ``raw`` (in place); whether anything changed."""
    changed = False
    if isinstance(change, RenameLabel):
        lists = [*_SPAN_LISTS, REJECTED_KEY]
        for key in lists:
            items = raw.get(key)
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict) and item.get("label") == change.old:
                    item["label"] = change.new
                    changed = True
    elif isinstance(change, RenameRelationType):
        items = raw.get("relations")
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and item.get("type") == change.old:
                item["type"] = change.new
                changed = True
    elif isinstance(change, RenameAttribute | RenameValue):
        for item in _span_items(raw):
            attributes = item.get("attributes")
            if item.get("label") != change.label or not isinstance(attributes, dict):
                continue
            if isinstance(change, RenameAttribute) and change.old in attributes:
                item["attributes"] = dict(sorted(
                    (change.new if name == change.old else name, value)
                    for name, value in attributes.items()))
                changed = True
            elif isinstance(change, RenameValue) and attributes.get(change.attribute) \
                    == change.old:
                attributes[change.attribute] = change.new
                changed = True
    return changed


def _span_order(item: Any) -> tuple[int, int, str, str] | None:
    if not isinstance(item, dict):
        return None
    start, end, label, ident = (item.get(k) for k in ("start", "end", "label", "id"))
    if type(start) is int and type(end) is int and isinstance(label, str) \
            and isinstance(ident, str):
        return (start, end, label, ident)
    return None


def _sorted_spans(raw: dict[str, Any]) -> None:
    """Spans in the writers' order ``(start, end, label, id)`` again, when all can be sorted."""
    for key in _SPAN_LISTS:
        items = raw.get(key)
        if not isinstance(items, list):
            continue
        orders = [_span_order(item) for item in items]
        sortable = [(order, item) for order, item in zip(orders, items, strict=True)
                    if order is not None]
        if len(sortable) == len(items):
            raw[key] = [item for _order, item in sorted(sortable, key=lambda pair: pair[0])]


def _duplicates(raw: dict[str, Any]) -> tuple[int, int]:
    """How many spans share start, end and label with another; relations type, from, to."""
    spans = Counter((item.get("start"), item.get("end"), item.get("label"))
                    for item in raw.get("spans") or () if isinstance(item, dict))
    relations = Counter((item.get("type"), item.get("from"), item.get("to"))
                        for item in raw.get("relations") or () if isinstance(item, dict)
                        and all(isinstance(item.get(k), str) for k in ("type", "from", "to")))
    return (sum(n for n in spans.values() if n > 1), sum(n for n in relations.values() if n > 1))


def rewrite_annotation_file(raw: Any, changes: Sequence[SchemaChange],
                            source: str) -> dict[str, Any] | None:
    """A parsed annotation, gold or suggestion file with ``changes``' renames made.

    Returns None when the file uses none of the old names (it is then left as
    it is). Spans are sorted again as writers sort them; every other key, known
    or not, is kept. Raises :class:`SchemaError` (``name-taken``) when a rename
    would make two spans (start, end, label) or two relations (type, from, to)
    the same in this file: merging them would drop one.
    """
    if not isinstance(raw, dict):
        return None
    new = copy.deepcopy(raw)
    changed = False
    for change in changes:
        changed = _rename_in(new, change) or changed
    if not changed:
        return None
    before, after = _duplicates(raw), _duplicates(new)
    if after[0] > before[0] or after[1] > before[1]:
        what = "two spans the same start, end and label" if after[0] > before[0] \
            else "two relations the same type, from and to"
        raise SchemaError(Refusal.NAME_TAKEN, f"the rename would give {what}; merge or delete "
                                              "one of them first", file=source)
    _sorted_spans(new)
    return new
