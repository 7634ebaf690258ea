"""What a project's annotation files use of its schema: relations and span attributes.

A schema change must not make the files invalid behind the user's back (a
relation type's ends narrowed under relations that use them, an attribute
value removed while spans carry it). :func:`uses_in_file` lists, from one
parsed annotation, gold or suggestion file, every relation (its type and the
labels of its two ends) and every span attribute (label, name, value), each
with the file's name; :class:`Usage` holds those of the whole project
(:func:`annotator.io.schema_rename.project_usage` reads them) and follows
renames (:func:`follow`), since a rename rewrites the files too.
:mod:`annotator.core.schema_edit` checks every change against it.

>>> raw = {"spans": [{"id": "T1", "label": "gift", "attributes": {"kind": "vehicle"}},
...                  {"id": "T2", "label": "entity"}],
...        "relations": [{"type": "giver", "from": "T1", "to": "T2"}]}
>>> usage = uses_in_file(raw, "annotations/amal/d1.json")
>>> usage.relations[0].type, usage.relations[0].source, usage.relations[0].target
('giver', 'gift', 'entity')
>>> follow_label(usage, "gift", "هدية").attributes[0].label
'هدية'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

_SPAN_LISTS = ("spans", "unplaced_spans")


@dataclass(frozen=True)
class RelationUse:
    """One relation of a file: its type and the labels of its ``from`` and ``to`` spans."""

    file: str
    type: str
    source: str
    target: str


@dataclass(frozen=True)
class AttributeUse:
    """One attribute of one span of a file: the span's label, the attribute and its value."""

    file: str
    label: str
    name: str
    value: str


@dataclass(frozen=True)
class Usage:
    """The relations and span attributes of a project's files (empty: nothing known)."""

    relations: tuple[RelationUse, ...] = ()
    attributes: tuple[AttributeUse, ...] = ()

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.relations + other.relations, self.attributes + other.attributes)

    def relation_types(self) -> list[str]:
        """The relation types in use, each once, in the order first met."""
        return list(dict.fromkeys(use.type for use in self.relations))


NO_USAGE = Usage()


def uses_in_file(raw: Any, file: str) -> Usage:
    """The relations and span attributes of one parsed file (``file``: its name, as shown)."""
    if not isinstance(raw, dict):
        return NO_USAGE
    labels: dict[str, str] = {}
    attributes = []
    for key in _SPAN_LISTS:
        items = raw.get(key)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict) or not isinstance(item.get("label"), str):
                continue
            if isinstance(item.get("id"), str):
                labels[item["id"]] = item["label"]
            found = item.get("attributes")
            for name, value in found.items() if isinstance(found, dict) else ():
                if isinstance(value, str):
                    attributes.append(AttributeUse(file, item["label"], name, value))
    relations = []
    items = raw.get("relations")
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            continue
        source, target = labels.get(str(item.get("from"))), labels.get(str(item.get("to")))
        if source is not None and target is not None:
            relations.append(RelationUse(file, item["type"], source, target))
    return Usage(tuple(relations), tuple(attributes))


def follow_label(usage: Usage, old: str, new: str) -> Usage:
    """``usage`` once label ``old`` is renamed ``new`` in every file."""
    def label(name: str) -> str:
        return new if name == old else name
    return Usage(tuple(replace(use, source=label(use.source), target=label(use.target))
                       for use in usage.relations),
                 tuple(replace(use, label=label(use.label)) for use in usage.attributes))


def follow_type(usage: Usage, old: str, new: str) -> Usage:
    """``usage`` once relation type ``old`` is renamed ``new`` in every file."""
    return replace(usage, relations=tuple(replace(use, type=new) if use.type == old else use
                                          for use in usage.relations))


def follow_attribute(usage: Usage, label: str, old: str, new: str) -> Usage:
    """``usage`` once attribute ``old`` of ``label`` spans is renamed ``new`` in every file."""
    return replace(usage, attributes=tuple(
        replace(use, name=new) if use.label == label and use.name == old else use
        for use in usage.attributes))


def follow_value(usage: Usage, label: str, attribute: str, old: str, new: str) -> Usage:
    """``usage`` once value ``old`` of ``label`` spans' ``attribute`` is renamed ``new``."""
    return replace(usage, attributes=tuple(
        replace(use, value=new)
        if (use.label, use.name, use.value) == (label, attribute, old) else use
        for use in usage.attributes))


def per_file(files: Iterable[str]) -> str:
    """``"a.json (2), b.json (1)"``: how many times each file comes, most first."""
    return ", ".join(f"{file} ({count})" for file, count in Counter(files).most_common())
