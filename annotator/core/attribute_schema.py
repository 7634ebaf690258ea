"""Span attributes against the attribute schema of their label (FORMAT.md section 2).

A label of ``project.json`` may declare ``"attributes": [{"name": "kind",
"values": ["weapon", "vehicle"]}]``; a span of that label then carries only
these names, each with one of its values (an attribute declared without
``values``, or with an empty list, takes any value). A label that declares no attributes (projects
made before attributes existed) accepts any. ``annotator validate`` reports
every span breaking this (``bad-attribute``) with its file and span id; the
window's attributes editor only offers what the schema declares.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.errors import Problem
from annotator.core.project import Project
from annotator.core.spans import Span

# label -> attribute -> allowed values (None: any value)
AttributeSchema = dict[str, dict[str, tuple[str, ...] | None]]


def attribute_schema(project: Project) -> AttributeSchema:
    """Each label that declares attributes, with them; labels without the key are absent."""
    schema: AttributeSchema = {}
    for label in project.labels:
        raw = label.extra.get("attributes")
        if not isinstance(raw, list):
            continue
        declared: dict[str, tuple[str, ...] | None] = {}
        for item in raw:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                values = item.get("values")
                declared[item["name"]] = tuple(v for v in values if isinstance(v, str)) \
                    or None if isinstance(values, list) else None
        schema[label.name] = declared
    return schema


def attribute_problems(spans: Iterable[Span], schema: AttributeSchema,
                       source: str | None = None) -> list[Problem]:
    """One ``bad-attribute`` problem per attribute of ``spans`` that the schema does not allow.

    >>> schema = {"gift": {"kind": ("weapon", "vehicle")}}
    >>> span = Span("T1", 0, 4, "gift", "سترة", attributes={"kind": "clothing"})
    >>> [str(p) for p in attribute_problems([span], schema, "a.json")]
    ["a.json: span T1: attributes: attribute 'kind' of gift is 'clothing', not one of \
'weapon', 'vehicle' [bad-attribute]"]
    """
    problems = []
    for span in spans:
        declared = schema.get(span.label)
        if declared is None or not span.attributes:
            continue
        for name, value in sorted(span.attributes.items()):
            if name not in declared:
                known = ", ".join(map(repr, declared)) or "none"
                message = (f"attribute {name!r} is not one of {span.label}'s attributes "
                           f"({known})")
            elif declared[name] is not None and value not in (declared[name] or ()):
                allowed = ", ".join(map(repr, declared[name] or ()))
                message = (f"attribute {name!r} of {span.label} is {value!r}, not one of "
                           f"{allowed}")
            else:
                continue
            problems.append(Problem("bad-attribute", message, file=source, span=span.id,
                                    field="attributes"))
    return problems
