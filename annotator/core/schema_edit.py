"""Changes to a project's schema (labels, their attributes, relation types), checked as data.

The Project > Labels and relations… dialog and scripts describe what they want
as a list of small records (:data:`SchemaChange`): add a label, a relation
type or an attribute; rename one; give it another colour or key; change a
relation type's ends or an attribute's values. :func:`apply_change` applies
one to a :class:`~annotator.core.project.Project` and returns the new one, or
refuses with :class:`SchemaError`, whose :attr:`SchemaError.refusal` says why
as a code (:class:`Refusal`) and whose message names the thing refused.

The rules are those of FORMAT.md section 2: names of labels, attributes and
relation types follow :func:`~annotator.core.project.label_name_problem` and
are unique among labels, among a label's attributes and among relation types;
a key is one printable character, unique across labels *and* relation types;
a colour looks like ``#1f77b4``; a relation type's ``from`` and ``to`` are
non-empty lists of the project's labels.

A change must not make existing files invalid: :func:`apply_change` is given
what the project's files use (:class:`~annotator.core.schema_usage.Usage`)
and refuses (``in-use``, naming how many relations or spans in which files)
a change after which a relation no longer fits its type or a span attribute
its label's schema (a relation type's ends narrowed, a value still in use
removed: renaming it instead rewrites the files). A project without
``relations`` accepts any relation type; the first change that writes
relation types (adding, renaming or changing one, or renaming a label) starts
from the types the window offers (:func:`effective_relation_entries`: the
default types and those in use), so no relation in use loses its type.

A rename also changes every annotation file that uses the old name: that is
:mod:`annotator.core.schema_rewrite` (pure, on a parsed file) and
:mod:`annotator.io.schema_rename` (reading and writing every file in one
journalled transaction).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.errors import EditError, Problem
from annotator.core.project import (
    DEFAULT_RELATION_TYPES,
    LABEL_KEYS,
    PALETTE,
    Label,
    Project,
    is_color,
    key_problem,
    label_name_problem,
)
from annotator.core.relation_schema import SPARE_KEYS, relation_types
from annotator.core.schema_usage import (
    NO_USAGE,
    AttributeUse,
    RelationUse,
    Usage,
    follow_attribute,
    follow_label,
    follow_type,
    follow_value,
    per_file,
)


class Kind(enum.Enum):
    """Which part of the schema a colour or key change is for."""

    LABEL = "label"
    RELATION = "relation"


class Refusal(enum.Enum):
    """Why a schema change was refused (stable codes for tests and front ends)."""

    BAD_NAME = "bad-name"  # breaks the naming rules
    NAME_TAKEN = "name-taken"  # another label / relation type / attribute has it
    UNKNOWN = "unknown"  # the label, relation type or attribute to change does not exist
    BAD_KEY = "bad-key"
    KEY_TAKEN = "key-taken"
    BAD_COLOR = "bad-color"
    BAD_ENDS = "bad-ends"  # a relation type's from/to is empty or names unknown labels
    BAD_VALUES = "bad-values"  # an attribute's values are empty strings or repeated
    IN_USE = "in-use"  # relations or span attributes in files would no longer fit


class SchemaError(EditError):
    """A schema change that breaks a rule; nothing was changed."""

    def __init__(self, refusal: Refusal, message: str, file: str | None = None) -> None:
        super().__init__(Problem("bad-project", message, file=file))
        self.refusal = refusal


# -- the changes ------------------------------------------------------------------------

@dataclass(frozen=True)
class AddLabel:
    name: str
    color: str | None = None  # None: the next colour of the palette
    key: str | None = None  # None: the next free digit, if any


@dataclass(frozen=True)
class AddRelationType:
    name: str
    sources: tuple[str, ...]  # the labels the "from" end may have
    targets: tuple[str, ...]  # the labels the "to" end may have
    color: str | None = None
    key: str | None = None  # None: no key


@dataclass(frozen=True)
class AddAttribute:
    label: str
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class RenameLabel:
    old: str
    new: str


@dataclass(frozen=True)
class RenameRelationType:
    old: str
    new: str


@dataclass(frozen=True)
class RenameAttribute:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class RenameValue:
    label: str
    attribute: str
    old: str
    new: str


@dataclass(frozen=True)
class SetColor:
    kind: Kind
    name: str
    color: str


@dataclass(frozen=True)
class SetKey:
    kind: Kind
    name: str
    key: str | None  # None: no key


@dataclass(frozen=True)
class SetEnds:
    name: str  # a relation type
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class SetValues:
    label: str
    attribute: str
    values: tuple[str, ...]


SchemaChange = (AddLabel | AddRelationType | AddAttribute | RenameLabel | RenameRelationType
                | RenameAttribute | RenameValue | SetColor | SetKey | SetEnds | SetValues)
RENAMES = (RenameLabel, RenameRelationType, RenameAttribute, RenameValue)


def renames_files(changes: Iterable[SchemaChange]) -> bool:
    """Whether any of ``changes`` renames something annotation files may use."""
    return any(isinstance(change, RENAMES) for change in changes)


# -- reading the schema -----------------------------------------------------------------

def relation_type_entries(project: Project) -> list[dict[str, Any]]:
    """The project's relation types as ``project.json`` holds them (copies); [] if none."""
    raw = project.extra.get("relations")
    return [dict(item) for item in raw if isinstance(item, dict)] \
        if isinstance(raw, list) else []


def attribute_entries(label: Label) -> list[dict[str, Any]]:
    """A label's attributes as ``project.json`` holds them (copies); [] if none."""
    raw = label.extra.get("attributes")
    return [dict(item) for item in raw if isinstance(item, dict)] \
        if isinstance(raw, list) else []


def attribute_values(label: Label) -> dict[str, tuple[str, ...] | None]:
    """Each attribute of ``label`` with its allowed values (None: any value, also for an
    empty list)."""
    found: dict[str, tuple[str, ...] | None] = {}
    for item in attribute_entries(label):
        name, values = item.get("name"), item.get("values")
        if isinstance(name, str):
            found[name] = tuple(v for v in values if isinstance(v, str)) or None \
                if isinstance(values, list) else None
    return found


def effective_relation_entries(project: Project, usage: Usage = NO_USAGE) -> list[dict[str, Any]]:
    """The relation types as ``project.json`` would hold them once written.

    A project with ``relations``: those (copies). One without: the types the
    window offers (:func:`~annotator.core.relation_schema.relation_types`: the
    defaults and every type in ``usage``, with the colours and keys it shows),
    each with ends every relation in use fits: a default type keeps its labels
    that the project has plus those its relations in use have; a type that is
    only in use goes from and to every label (any). A default type none of
    whose labels the project has, and not in use, is left out (it fits nothing).
    """
    if isinstance(project.extra.get("relations"), list):
        return relation_type_entries(project)
    names = [label.name for label in project.labels]
    defaults = {item["name"]: item for item in DEFAULT_RELATION_TYPES}
    taken = {label.key for label in project.labels if label.key}
    entries: list[dict[str, Any]] = []
    for kind in relation_types(project, usage.relation_types()):
        if label_name_problem(kind.name, "relation type") is not None:
            continue  # cannot be declared: its relations are refused as in use
        uses = [use for use in usage.relations if use.type == kind.name]
        default = defaults.get(kind.name)
        if default is None:
            sources, targets = list(names), list(names)
        else:
            used_sources = {use.source for use in uses}
            used_targets = {use.target for use in uses}
            sources = [name for name in default["from"] if name in names] + [
                name for name in names if name in used_sources - set(default["from"])]
            targets = [name for name in default["to"] if name in names] + [
                name for name in names if name in used_targets - set(default["to"])]
        if not sources or not targets:
            continue
        key = kind.key if kind.key is not None and kind.key not in taken else next(
            (k for k in kind.name.lower() + SPARE_KEYS if key_problem(k) is None
             and k not in taken), None)
        entry: dict[str, Any] = {"name": kind.name, "from": sources, "to": targets,
                                 "color": kind.color}
        if key is not None:
            entry["key"] = key
            taken.add(key)
        entries.append(entry)
    return entries


def with_effective_relations(project: Project, usage: Usage = NO_USAGE) -> Project:
    """``project`` with its relation types written out (:func:`effective_relation_entries`)."""
    if isinstance(project.extra.get("relations"), list):
        return project
    return _with_relations(project, effective_relation_entries(project, usage))


def used_keys(project: Project) -> dict[str, str]:
    """Every key in use, with who has it (``label 'gift'``, ``relation type 'giver'``)."""
    keys = {label.key: f"label {label.name!r}" for label in project.labels if label.key}
    for item in relation_type_entries(project):
        key = item.get("key")
        if isinstance(key, str) and key:
            keys.setdefault(key, f"relation type {item.get('name')!r}")
    return keys


# -- applying ---------------------------------------------------------------------------

def _name_ok(name: str, what: str) -> None:
    problem = label_name_problem(name, what)
    if problem is not None:
        raise SchemaError(Refusal.BAD_NAME, problem)


def _key_ok(project: Project, key: str | None, owner: str) -> None:
    if key is None:
        return
    problem = key_problem(key)
    if problem is not None:
        raise SchemaError(Refusal.BAD_KEY, f"{owner}: {problem}")
    holder = used_keys(project).get(key)
    if holder is not None and holder != owner:
        raise SchemaError(Refusal.KEY_TAKEN, f"{owner}: key {key!r} is already the key of "
                                             f"{holder}")


def _color_ok(color: str, owner: str) -> None:
    if not is_color(color):
        raise SchemaError(Refusal.BAD_COLOR, f"{owner}: colour {color!r} must look like "
                                             "'#1f77b4'")


def _ends_ok(project: Project, owner: str, sources: Sequence[str],
             targets: Sequence[str]) -> None:
    for end, labels in (("from", sources), ("to", targets)):
        if not labels:
            raise SchemaError(Refusal.BAD_ENDS, f"{owner}: '{end}' needs at least one label")
        unknown = [name for name in labels if project.label(name) is None]
        if unknown:
            raise SchemaError(Refusal.BAD_ENDS, f"{owner}: '{end}' names labels the project "
                                                f"does not have: {', '.join(unknown)}")


def _values_ok(owner: str, values: Sequence[str]) -> None:
    if any(not value or value != value.strip() for value in values):
        raise SchemaError(Refusal.BAD_VALUES, f"{owner}: a value is empty or starts or ends "
                                              "with a space")
    repeated = [value for value, count in Counter(values).items() if count > 1]
    if repeated:
        raise SchemaError(Refusal.BAD_VALUES, f"{owner}: value {repeated[0]!r} is given twice")


def _label(project: Project, name: str) -> Label:
    label = project.label(name)
    if label is None:
        raise SchemaError(Refusal.UNKNOWN, f"the project has no label {name!r}")
    return label


def _relation_index(project: Project, name: str) -> int:
    for i, item in enumerate(relation_type_entries(project)):
        if item.get("name") == name:
            return i
    raise SchemaError(Refusal.UNKNOWN, f"the project has no relation type {name!r}")


def _attribute_index(label: Label, name: str) -> int:
    for i, item in enumerate(attribute_entries(label)):
        if item.get("name") == name:
            return i
    raise SchemaError(Refusal.UNKNOWN, f"label {label.name!r} has no attribute {name!r}")


def _with_label(project: Project, old: Label, new: Label) -> Project:
    return replace(project, labels=tuple(new if label is old else label
                                          for label in project.labels))


def _with_relations(project: Project, relations: list[dict[str, Any]]) -> Project:
    return replace(project, extra={**project.extra, "relations": relations})


def _with_attributes(project: Project, label: Label, attributes: list[dict[str, Any]]) -> Project:
    return _with_label(project, label, replace(label, extra={**label.extra,
                                                             "attributes": attributes}))


def writes_relations(change: SchemaChange) -> bool:
    """Whether ``change`` needs the relation types written out (it changes them, or their
    ends follow it)."""
    if isinstance(change, SetColor | SetKey):
        return change.kind is Kind.RELATION
    return isinstance(change, AddRelationType | RenameRelationType | SetEnds | RenameLabel)


def follow(usage: Usage, change: SchemaChange) -> Usage:
    """What the files use once ``change`` is made (a rename rewrites them)."""
    if isinstance(change, RenameLabel):
        return follow_label(usage, change.old, change.new)
    if isinstance(change, RenameRelationType):
        return follow_type(usage, change.old, change.new)
    if isinstance(change, RenameAttribute):
        return follow_attribute(usage, change.label, change.old, change.new)
    if isinstance(change, RenameValue):
        return follow_value(usage, change.label, change.attribute, change.old, change.new)
    return usage


def relation_fits(project: Project, use: RelationUse) -> bool:
    """Whether a relation in use has one of the project's types, with fitting ends (a
    project without ``relations`` accepts any); False too when an end's label is not one
    of the project's."""
    if project.label(use.source) is None or project.label(use.target) is None:
        return False
    raw = project.extra.get("relations")
    if not isinstance(raw, list):
        return True
    entry = next((item for item in raw if isinstance(item, dict)
                  and item.get("name") == use.type), None)
    if entry is None:
        return False
    return all(not isinstance(allowed, list) or not allowed or label in allowed
               for allowed, label in ((entry.get("from"), use.source),
                                      (entry.get("to"), use.target)))


def attribute_fits(project: Project, use: AttributeUse) -> bool:
    """Whether a span attribute in use fits its label's schema (a label that declares no
    attributes, or that the project does not have, takes any)."""
    label = project.label(use.label)
    if label is None or not isinstance(label.extra.get("attributes"), list):
        return True
    declared = attribute_values(label)
    if use.name not in declared:
        return False
    allowed = declared[use.name]
    return allowed is None or use.value in allowed


def _check_uses(before: Project, after: Project, usage: Usage, followed: Usage) -> None:
    """Refuse (``in-use``) when relations or span attributes fitting ``before`` would not
    fit ``after`` (``followed``: ``usage`` with the change's renames made)."""
    relations = [new for old, new in zip(usage.relations, followed.relations, strict=True)
                 if relation_fits(before, old) and not relation_fits(after, new)]
    if relations:
        types = ", ".join(map(repr, dict.fromkeys(use.type for use in relations)))
        raise SchemaError(Refusal.IN_USE, f"{len(relations)} relation(s) of type {types} "
                                          "would no longer fit the relation types (their "
                                          "ends' labels), in "
                                          f"{per_file(use.file for use in relations)}; change "
                                          "or delete those relations first")
    spans = [new for old, new in zip(usage.attributes, followed.attributes, strict=True)
             if attribute_fits(before, old) and not attribute_fits(after, new)]
    if not spans:
        return
    first = spans[0]
    label = after.label(first.label)
    declared = attribute_values(label) if label is not None else {}
    if first.name not in declared:
        same = [use for use in spans if (use.label, use.name) == (first.label, first.name)]
        what = (f"label {first.label!r}: attribute {first.name!r} would no longer be one of "
                f"its attributes, but {len(same)} span(s) have it, in "
                f"{per_file(use.file for use in same)}; declare it too, or remove it from "
                "those spans first")
    else:
        same = [use for use in spans
                if (use.label, use.name, use.value) == (first.label, first.name, first.value)]
        what = (f"attribute {first.name!r} of label {first.label!r}: value {first.value!r} "
                f"is still used by {len(same)} span(s), in "
                f"{per_file(use.file for use in same)}; rename the value instead (edit it in "
                "its place in the list: the files follow), or change those spans first")
    if len(same) < len(spans):
        what += f" ({len(spans) - len(same)} more span(s) would no longer fit either)"
    raise SchemaError(Refusal.IN_USE, what)


def apply_change(project: Project, change: SchemaChange, usage: Usage = NO_USAGE) -> Project:
    """``project`` with ``change`` made (a new object), or :class:`SchemaError`.

    ``usage``: what the project's files use (their names as the files hold them
    before ``change``); a change after which some of it no longer fits is
    refused (``in-use``). A project without ``relations`` gets its relation
    types written out first when ``change`` needs them (:func:`writes_relations`).

    >>> from pathlib import Path
    >>> p = apply_change(Project(Path("p"), "p"), RenameLabel("gift", "هدية"))
    >>> [label.name for label in p.labels]
    ['entity', 'هدية', 'meeting']
    >>> try:
    ...     apply_change(p, SetKey(Kind.LABEL, "entity", "2"))
    ... except SchemaError as error:
    ...     print(error.refusal.value, "|", error.problem.message)
    key-taken | label 'entity': key '2' is already the key of label 'هدية'
    """
    start = with_effective_relations(project, usage) if writes_relations(change) else project
    after = _apply(start, change)
    _check_uses(project, after, usage, follow(usage, change))
    return after


def _set_ends(project: Project, change: SetEnds) -> Project:
    owner = f"relation type {change.name!r}"
    index = _relation_index(project, change.name)
    _ends_ok(project, owner, change.sources, change.targets)
    relations = relation_type_entries(project)
    relations[index] = {**relations[index], "from": list(change.sources),
                        "to": list(change.targets)}
    return _with_relations(project, relations)


def _set_values(project: Project, change: SetValues) -> Project:
    label = _label(project, change.label)
    index = _attribute_index(label, change.attribute)
    _values_ok(f"attribute {change.attribute!r}", change.values)
    attributes = attribute_entries(label)
    entry = {k: v for k, v in attributes[index].items() if k != "values"}
    if change.values:  # no values: the attribute takes any value
        entry["values"] = list(change.values)
    attributes[index] = entry
    return _with_attributes(project, label, attributes)


def apply_changes(project: Project, changes: Iterable[SchemaChange],
                  usage: Usage = NO_USAGE) -> Project:
    """Every change in order; the first refused one raises (nothing is half applied)."""
    for change in changes:
        project = apply_change(project, change, usage)
        usage = follow(usage, change)
    return project


def _add_label(project: Project, change: AddLabel) -> Project:
    _name_ok(change.name, "label")
    if project.label(change.name) is not None:
        raise SchemaError(Refusal.NAME_TAKEN, f"there is already a label {change.name!r}")
    owner = f"label {change.name!r}"
    color = change.color or PALETTE[len(project.labels) % len(PALETTE)]
    _color_ok(color, owner)
    color = color.lower()
    key = change.key
    if key is None:
        key = next((k for k in LABEL_KEYS if k not in used_keys(project)), None)
    _key_ok(project, key, owner)
    return replace(project, labels=(*project.labels, Label(change.name, color, key)))


def _add_relation_type(project: Project, change: AddRelationType) -> Project:
    _name_ok(change.name, "relation type")
    relations = relation_type_entries(project)
    if any(item.get("name") == change.name for item in relations):
        raise SchemaError(Refusal.NAME_TAKEN, f"there is already a relation type "
                                              f"{change.name!r}")
    owner = f"relation type {change.name!r}"
    _ends_ok(project, owner, change.sources, change.targets)
    color = change.color or PALETTE[(len(relations) + 5) % len(PALETTE)]
    _color_ok(color, owner)
    color = color.lower()
    _key_ok(project, change.key, owner)
    entry: dict[str, Any] = {"name": change.name, "from": list(change.sources),
                             "to": list(change.targets), "color": color}
    if change.key is not None:
        entry["key"] = change.key
    return _with_relations(project, [*relations, entry])


def _add_attribute(project: Project, change: AddAttribute) -> Project:
    label = _label(project, change.label)
    _name_ok(change.name, "attribute")
    if change.name in attribute_values(label):
        raise SchemaError(Refusal.NAME_TAKEN, f"label {label.name!r} already has an attribute "
                                              f"{change.name!r}")
    _values_ok(f"attribute {change.name!r}", change.values)
    entry: dict[str, Any] = {"name": change.name}
    if change.values:  # no values: the attribute takes any value
        entry["values"] = list(change.values)
    return _with_attributes(project, label, [*attribute_entries(label), entry])


def _rename_label(project: Project, change: RenameLabel) -> Project:
    label = _label(project, change.old)
    if change.new == change.old:
        return project
    _name_ok(change.new, "label")
    if project.label(change.new) is not None:
        raise SchemaError(Refusal.NAME_TAKEN, f"there is already a label {change.new!r}")
    renamed = _with_label(project, label, replace(label, name=change.new))
    relations = relation_type_entries(project)
    if not relations:
        return renamed
    for item in relations:
        for end in ("from", "to"):
            if isinstance(item.get(end), list):
                item[end] = [change.new if name == change.old else name for name in item[end]]
    return _with_relations(renamed, relations)


def _rename_relation_type(project: Project, change: RenameRelationType) -> Project:
    index = _relation_index(project, change.old)
    if change.new == change.old:
        return project
    _name_ok(change.new, "relation type")
    relations = relation_type_entries(project)
    if any(item.get("name") == change.new for item in relations):
        raise SchemaError(Refusal.NAME_TAKEN, f"there is already a relation type "
                                              f"{change.new!r}")
    relations[index] = {**relations[index], "name": change.new}
    return _with_relations(project, relations)


def _rename_attribute(project: Project, change: RenameAttribute) -> Project:
    label = _label(project, change.label)
    index = _attribute_index(label, change.old)
    if change.new == change.old:
        return project
    _name_ok(change.new, "attribute")
    if change.new in attribute_values(label):
        raise SchemaError(Refusal.NAME_TAKEN, f"label {label.name!r} already has an attribute "
                                              f"{change.new!r}")
    attributes = attribute_entries(label)
    attributes[index] = {**attributes[index], "name": change.new}
    return _with_attributes(project, label, attributes)


def _rename_value(project: Project, change: RenameValue) -> Project:
    label = _label(project, change.label)
    index = _attribute_index(label, change.attribute)
    values = attribute_values(label)[change.attribute] or ()
    if change.old not in values:
        raise SchemaError(Refusal.UNKNOWN, f"attribute {change.attribute!r} of label "
                                           f"{label.name!r} has no value {change.old!r}")
    renamed = tuple(change.new if value == change.old else value for value in values)
    _values_ok(f"attribute {change.attribute!r}", renamed)
    attributes = attribute_entries(label)
    attributes[index] = {**attributes[index], "values": list(renamed)}
    return _with_attributes(project, label, attributes)


def _set_color(project: Project, change: SetColor) -> Project:
    if change.kind is Kind.LABEL:
        label = _label(project, change.name)
        _color_ok(change.color, f"label {change.name!r}")
        return _with_label(project, label, replace(label, color=change.color.lower()))
    index = _relation_index(project, change.name)
    _color_ok(change.color, f"relation type {change.name!r}")
    relations = relation_type_entries(project)
    relations[index] = {**relations[index], "color": change.color.lower()}
    return _with_relations(project, relations)


def _set_key(project: Project, change: SetKey) -> Project:
    if change.kind is Kind.LABEL:
        label = _label(project, change.name)
        _key_ok(project, change.key, f"label {change.name!r}")
        return _with_label(project, label, replace(label, key=change.key))
    index = _relation_index(project, change.name)
    _key_ok(project, change.key, f"relation type {change.name!r}")
    relations = relation_type_entries(project)
    entry = {k: v for k, v in relations[index].items() if k != "key"}
    if change.key is not None:
        entry["key"] = change.key
    relations[index] = entry
    return _with_relations(project, relations)


# each kind of change and the function that makes it (declared once, looked up by type)
_APPLY: dict[type, Callable[[Project, Any], Project]] = {
    AddLabel: _add_label, AddRelationType: _add_relation_type, AddAttribute: _add_attribute,
    RenameLabel: _rename_label, RenameRelationType: _rename_relation_type,
    RenameAttribute: _rename_attribute, RenameValue: _rename_value, SetColor: _set_color,
    SetKey: _set_key, SetEnds: _set_ends, SetValues: _set_values,
}


def _apply(project: Project, change: SchemaChange) -> Project:
    return _APPLY[type(change)](project, change)
