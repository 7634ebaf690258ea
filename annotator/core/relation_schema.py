"""Relation types as the window offers them: name, allowed ends, colour and key.

FORMAT.md section 2: a ``project.json`` with ``relations`` lists the relation
types, each with the labels its ``from`` and ``to`` ends may have (an empty or
missing list fits any label). A ``project.json`` without that key was made
before relation types existed and accepts any type: the app then offers the
default types (:data:`~annotator.core.project.DEFAULT_RELATION_TYPES`) and the
types already in use in the document, whose ends fit any label.

Every type gets a colour (its own, or one from the palette) and a key (its own,
else the first free letter of its name, else any free letter or digit), so the
keyboard can pick any of them; keys never clash with the labels' keys.

>>> from pathlib import Path
>>> types = relation_types(Project(Path("p"), "p"))
>>> [t.name for t in fitting(types, "gift", "entity")]
['giver', 'recipient', 'time']
>>> [t.name for t in fitting(types, "entity", "gift")]
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.annotations import AnnotationSet
from annotator.core.project import DEFAULT_RELATION_TYPES, PALETTE, Project, is_color
from annotator.core.spans import Relation

# where keys for types without one are found, after the letters of their own name
SPARE_KEYS = "abcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class RelationType:
    """A relation type: which labels its ends may have (empty: any), colour and key."""

    name: str
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    color: str = PALETTE[0]
    key: str | None = None

    def fits(self, source_label: str, target_label: str) -> bool:
        """Whether a relation of this type may go from a ``source_label`` span to a
        ``target_label`` one."""
        return self.fits_source(source_label) and (not self.targets
                                                   or target_label in self.targets)

    def fits_source(self, source_label: str) -> bool:
        return not self.sources or source_label in self.sources


def _labels(value: Any) -> frozenset[str]:
    return frozenset(v for v in value if isinstance(v, str)) if isinstance(value, list) \
        else frozenset()


def _declared(items: Iterable[Any]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    found = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str) \
                and item["name"] not in seen:
            seen.add(item["name"])
            found.append(item)
    return found


def relation_types(project: Project, in_use: Iterable[str] = ()) -> list[RelationType]:
    """The relation types the window offers in ``project``, in the schema's order.

    ``in_use``: the types of the open document's relations; they are offered too
    (ends fitting any label) when the project does not declare its types.
    """
    raw = project.extra.get("relations")
    declared = isinstance(raw, list)
    items = _declared(raw if isinstance(raw, list) else DEFAULT_RELATION_TYPES)
    if not declared:
        known = {item["name"] for item in items}
        items += [{"name": name} for name in sorted(set(in_use) - known)]
    taken = {label.key for label in project.labels if label.key} | {
        item["key"] for item in items if isinstance(item.get("key"), str) and item["key"]}
    types = []
    for i, item in enumerate(items):
        own = item.get("key")
        key: str | None = own if isinstance(own, str) and own else None
        if key is None:
            key = _free_key(item["name"], taken)
            if key is not None:
                taken.add(key)
        color = item.get("color")
        types.append(RelationType(
            item["name"], _labels(item.get("from")), _labels(item.get("to")),
            color if isinstance(color, str) and is_color(color) else PALETTE[(i + 5)
                                                                             % len(PALETTE)],
            key))
    return types


def _free_key(name: str, taken: set[str]) -> str | None:
    for ch in name.lower() + SPARE_KEYS:
        if ch.isprintable() and not ch.isspace() and ch not in taken:
            return ch
    return None


def fitting(types: Sequence[RelationType], source_label: str,
            target_label: str) -> list[RelationType]:
    """The types whose ends fit a relation from a ``source_label`` span to a ``target_label``
    one."""
    return [t for t in types if t.fits(source_label, target_label)]


def from_source(types: Sequence[RelationType], source_label: str) -> list[RelationType]:
    """The types a relation may have whose ``from`` end is a ``source_label`` span."""
    return [t for t in types if t.fits_source(source_label)]


def by_name(types: Sequence[RelationType], name: str) -> RelationType | None:
    return next((t for t in types if t.name == name), None)


def by_key(types: Sequence[RelationType], key: str) -> RelationType | None:
    """The type whose key is ``key`` (letters compared without case)."""
    return next((t for t in types if t.key is not None and t.key.lower() == key.lower()), None)


def misfits_after_relabel(types: Sequence[RelationType], aset: AnnotationSet, span_id: str,
                          label: str) -> list[Relation]:
    """The relations of ``span_id`` whose type would no longer fit were it labelled ``label``
    (a file holding one is refused by readers that check the schema)."""
    known = {t.name: t for t in types}
    found = []
    for relation in aset.relations_of(span_id):
        kind = known.get(relation.type)
        if kind is None:
            continue
        source, target = aset.get(relation.source), aset.get(relation.target)
        source_label = label if relation.source == span_id else (
            source.label if source is not None else None)
        target_label = label if relation.target == span_id else (
            target.label if target is not None else None)
        if source_label is not None and target_label is not None \
                and not kind.fits(source_label, target_label):
            found.append(relation)
    return found
