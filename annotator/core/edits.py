"""Edits: every change to an annotation set, each with an exact inverse.

The window wraps each edit in a ``QUndoCommand``; scripts and the command line
apply them directly. ``edit.apply(aset)`` checks the set's invariants before it
changes anything and raises :class:`~annotator.core.errors.EditError` instead;
``edit.inverse()`` undoes it exactly, so apply-then-inverse gives back an
identical set (a property test holds us to it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from annotator.core.annotations import AnnotationSet
from annotator.core.errors import EditError, Problem
from annotator.core.spans import Relation, Span, Status


@dataclass(frozen=True)
class Changes:
    """What an edit does to a set, as far as views care: the spans that leave and come,
    and whether the status, the spans kept aside or the relations change.

    Every edit states its own (:attr:`Edit.changes`), so a new kind of edit cannot
    leave the views behind without saying so.
    """

    removed: tuple[Span, ...] = ()
    added: tuple[Span, ...] = ()
    status: bool = False
    unplaced: bool = False
    relations: bool = False

    def __add__(self, other: Changes) -> Changes:
        return Changes(self.removed + other.removed, self.added + other.added,
                       self.status or other.status, self.unplaced or other.unplaced,
                       self.relations or other.relations)


class Edit(Protocol):
    """What every edit offers: a description, what it changes, apply, and its inverse."""

    @property
    def description(self) -> str: ...

    @property
    def changes(self) -> Changes: ...

    def apply(self, aset: AnnotationSet) -> None: ...

    def inverse(self) -> Edit: ...


def _fail(problems: list[Problem]) -> None:
    if problems:
        raise EditError(*problems)


def _require(aset: AnnotationSet, span_id: str) -> Span:
    span = aset.get(span_id)
    if span is None:
        raise EditError(Problem("bad-field", f"no span with id {span_id!r}", span=span_id))
    return span


@dataclass(frozen=True)
class AddSpan:
    """Add a span (and, when undoing a removal, the relations that went with it)."""

    span: Span
    relations: tuple[Relation, ...] = ()

    @property
    def description(self) -> str:
        return f"Add {self.span.label} “{short(self.span.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(added=(self.span,), relations=bool(self.relations))

    def apply(self, aset: AnnotationSet) -> None:
        _fail(aset.span_problems(self.span))
        aset._insert(self.span)
        for relation in self.relations:
            problems = aset.relation_problems(relation)
            if problems:
                for added in self.relations[: self.relations.index(relation)]:
                    aset._delete_relation(added.id)
                aset._delete(self.span.id)
                _fail(problems)
            aset._insert_relation(relation)

    def inverse(self) -> Edit:
        return RemoveSpan(self.span, self.relations)


@dataclass(frozen=True)
class RemoveSpan:
    """Remove a span and the relations that point to it. Build it with :func:`remove_span`."""

    span: Span
    relations: tuple[Relation, ...] = ()

    @property
    def description(self) -> str:
        count = len(self.relations)
        with_relations = f" and {count} relation{'s' if count > 1 else ''}" if count else ""
        return f"Delete {self.span.label} “{short(self.span.text)}”{with_relations}"

    @property
    def changes(self) -> Changes:
        return Changes(removed=(self.span,), relations=bool(self.relations))

    def apply(self, aset: AnnotationSet) -> None:
        current = _require(aset, self.span.id)
        if current != self.span:
            raise EditError(Problem("conflict", f"span {self.span.id} changed before removal",
                                    span=self.span.id))
        attached = {r.id for r in aset.relations_of(self.span.id)}
        if attached != {r.id for r in self.relations}:
            raise EditError(Problem("dangling-relation",
                f"span {self.span.id} has relations {sorted(attached)} not named by the edit",
                span=self.span.id))
        for relation in self.relations:
            aset._delete_relation(relation.id)
        aset._delete(self.span.id)

    def inverse(self) -> Edit:
        return AddSpan(self.span, self.relations)


def remove_span(aset: AnnotationSet, span_id: str) -> RemoveSpan:
    """The edit that removes ``span_id`` together with its relations."""
    return RemoveSpan(_require(aset, span_id), tuple(aset.relations_of(span_id)))


@dataclass(frozen=True)
class ReplaceSpan:
    """Change a span's label, boundaries, or note, keeping its id."""

    old: Span
    new: Span

    def __post_init__(self) -> None:
        if self.old.id != self.new.id:
            raise ValueError("a replaced span keeps its id")

    @property
    def description(self) -> str:
        if self.old.label != self.new.label and self.old.key[:2] == self.new.key[:2]:
            return f"Relabel “{short(self.new.text)}” as {self.new.label}"
        if (self.old.start, self.old.end) != (self.new.start, self.new.end):
            return f"Resize {self.new.label} “{short(self.new.text)}”"
        return f"Edit {self.new.label} “{short(self.new.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(removed=(self.old,), added=(self.new,))

    def apply(self, aset: AnnotationSet) -> None:
        current = _require(aset, self.old.id)
        if current != self.old:
            raise EditError(Problem("conflict", f"span {self.old.id} changed before this edit",
                                    span=self.old.id))
        _fail(aset.span_problems(self.new, replacing=self.old.id))
        aset._delete(self.old.id)
        aset._insert(self.new)

    def inverse(self) -> Edit:
        return ReplaceSpan(self.new, self.old)


def relabel(aset: AnnotationSet, span_id: str, label: str) -> ReplaceSpan:
    old = _require(aset, span_id)
    return ReplaceSpan(old, old.with_changes(label=label))


def change_bounds(aset: AnnotationSet, span_id: str, start: int, end: int) -> ReplaceSpan:
    old = _require(aset, span_id)
    return ReplaceSpan(old, old.with_changes(start=start, end=end, text=aset.text[start:end]))


def set_note(aset: AnnotationSet, span_id: str, note: str | None) -> ReplaceSpan:
    old = _require(aset, span_id)
    return ReplaceSpan(old, old.with_changes(note=note or None))


@dataclass(frozen=True)
class SetStatus:
    old: Status
    new: Status

    @property
    def description(self) -> str:
        return f"Mark {self.new.replace('_', ' ')}"

    @property
    def changes(self) -> Changes:
        return Changes(status=True)

    def apply(self, aset: AnnotationSet) -> None:
        if aset.status != self.old:
            raise EditError(Problem("conflict", f"status is {aset.status}, not {self.old}"))
        aset._set_status(self.new)

    def inverse(self) -> Edit:
        return SetStatus(self.new, self.old)


@dataclass(frozen=True)
class AddRelation:
    relation: Relation

    @property
    def description(self) -> str:
        return f"Add relation {self.relation.type}"

    @property
    def changes(self) -> Changes:
        return Changes(relations=True)

    def apply(self, aset: AnnotationSet) -> None:
        _fail(aset.relation_problems(self.relation) + _twin_problems(aset, self.relation))
        aset._insert_relation(self.relation)

    def inverse(self) -> Edit:
        return RemoveRelation(self.relation)


@dataclass(frozen=True)
class RemoveRelation:
    relation: Relation

    @property
    def description(self) -> str:
        return f"Delete relation {self.relation.type}"

    @property
    def changes(self) -> Changes:
        return Changes(relations=True)

    def apply(self, aset: AnnotationSet) -> None:
        try:
            current = aset.relation(self.relation.id)
        except KeyError:
            raise EditError(Problem("bad-field", f"no relation {self.relation.id!r}",
                                    span=self.relation.id)) from None
        if current != self.relation:
            raise EditError(Problem("conflict", f"relation {self.relation.id} changed",
                                    span=self.relation.id))
        aset._delete_relation(self.relation.id)

    def inverse(self) -> Edit:
        return AddRelation(self.relation)


def _twin_problems(aset: AnnotationSet, relation: Relation) -> list[Problem]:
    """The format allows one relation per type, ``from`` and ``to``."""
    twin = aset.relation_twin(relation)
    if twin is None:
        return []
    return [Problem("duplicate-relation", f"relation {twin.id} already links {relation.source} "
                    f"to {relation.target} as {relation.type!r}", span=relation.id)]


def _require_relation(aset: AnnotationSet, relation_id: str) -> Relation:
    try:
        return aset.relation(relation_id)
    except KeyError:
        raise EditError(Problem("bad-field", f"no relation with id {relation_id!r}",
                                span=relation_id)) from None


@dataclass(frozen=True)
class ReplaceRelation:
    """Change a relation's type, swap its ends, or set its note, keeping its id.

    Build it with :func:`relabel_relation`, :func:`reverse_relation` or
    :func:`set_relation_note`. The note lives in ``extra["note"]`` (written as the
    relation's ``note`` key).
    """

    old: Relation
    new: Relation

    def __post_init__(self) -> None:
        if self.old.id != self.new.id:
            raise ValueError("a replaced relation keeps its id")

    @property
    def description(self) -> str:
        if self.old.type != self.new.type:
            return f"Change relation {self.old.type} to {self.new.type}"
        if (self.old.source, self.old.target) != (self.new.source, self.new.target):
            return f"Reverse relation {self.new.type}"
        return f"Edit note of relation {self.new.type}"

    @property
    def changes(self) -> Changes:
        return Changes(relations=True)

    def apply(self, aset: AnnotationSet) -> None:
        if _require_relation(aset, self.old.id) != self.old:
            raise EditError(Problem("conflict", f"relation {self.old.id} changed before this edit",
                                    span=self.old.id))
        problems = [p for p in aset.relation_problems(self.new) if p.code != "duplicate-id"]
        _fail(problems + _twin_problems(aset, self.new))
        aset._delete_relation(self.old.id)
        aset._insert_relation(self.new)

    def inverse(self) -> Edit:
        return ReplaceRelation(self.new, self.old)


def relabel_relation(aset: AnnotationSet, relation_id: str, type_: str) -> ReplaceRelation:
    """The edit giving relation ``relation_id`` the type ``type_``."""
    old = _require_relation(aset, relation_id)
    return ReplaceRelation(old, replace(old, type=type_))


def reverse_relation(aset: AnnotationSet, relation_id: str) -> ReplaceRelation:
    """The edit swapping the ends of relation ``relation_id`` (``from`` becomes ``to``)."""
    old = _require_relation(aset, relation_id)
    return ReplaceRelation(old, replace(old, source=old.target, target=old.source))


def set_relation_note(aset: AnnotationSet, relation_id: str,
                      note: str | None) -> ReplaceRelation:
    """The edit setting (or, with None or "", clearing) the note of ``relation_id``."""
    old = _require_relation(aset, relation_id)
    extra = {k: v for k, v in old.extra.items() if k != "note"}
    if note:
        extra["note"] = note
    return ReplaceRelation(old, replace(old, extra=extra))


def relation_note(relation: Relation) -> str | None:
    """The note of ``relation`` (its ``note`` key), or None."""
    note = relation.extra.get("note")
    return note if isinstance(note, str) and note else None


# -- spans kept aside by re-anchoring (``aset.unplaced``) --------------------------
# A stale file's spans that could not be found in the new text wait in
# ``aset.unplaced`` (written under "unplaced_spans"). The annotator places each
# one (at a place they select) or discards it; both are edits with exact inverses.

def _require_unplaced(aset: AnnotationSet, index: int, span: Span) -> None:
    if not (0 <= index < len(aset.unplaced)) or aset.unplaced[index] != span:
        raise EditError(Problem("conflict", f"span {span.id} is no longer kept aside at "
                                f"position {index}", span=span.id))


def _require_slot(aset: AnnotationSet, index: int, span: Span) -> None:
    if not 0 <= index <= len(aset.unplaced):
        raise EditError(Problem("conflict", f"cannot keep span {span.id} aside at position "
                                f"{index} (only {len(aset.unplaced)} are)", span=span.id))


@dataclass(frozen=True)
class PlaceUnplaced:
    """Move ``kept`` (``aset.unplaced[index]``) into the set as ``placed``.

    ``placed`` is the same span at its new offsets, with the text found there.
    Build it with :func:`place_unplaced`.
    """

    index: int
    kept: Span
    placed: Span

    @property
    def description(self) -> str:
        return f"Place {self.placed.label} “{short(self.placed.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(added=(self.placed,), unplaced=True)

    def apply(self, aset: AnnotationSet) -> None:
        _require_unplaced(aset, self.index, self.kept)
        _fail(aset.span_problems(self.placed))
        del aset.unplaced[self.index]
        aset._insert(self.placed)

    def inverse(self) -> Edit:
        return SetAside(self.index, self.kept, self.placed)


@dataclass(frozen=True)
class SetAside:
    """The inverse of :class:`PlaceUnplaced`: ``placed`` leaves the set, ``kept`` waits again."""

    index: int
    kept: Span
    placed: Span

    @property
    def description(self) -> str:
        return f"Set aside {self.kept.label} “{short(self.kept.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(removed=(self.placed,), unplaced=True)

    def apply(self, aset: AnnotationSet) -> None:
        if _require(aset, self.placed.id) != self.placed:
            raise EditError(Problem("conflict", f"span {self.placed.id} changed before this edit",
                                    span=self.placed.id))
        _require_slot(aset, self.index, self.kept)
        aset._delete(self.placed.id)
        aset.unplaced.insert(self.index, self.kept)

    def inverse(self) -> Edit:
        return PlaceUnplaced(self.index, self.kept, self.placed)


def place_unplaced(aset: AnnotationSet, index: int, start: int, end: int) -> PlaceUnplaced:
    """The edit that places ``aset.unplaced[index]`` over ``text[start:end]``.

    The span keeps its id, label, note and attributes (a fresh id only if its
    own is taken by a span added since).
    """
    if not 0 <= index < len(aset.unplaced):
        raise EditError(Problem("bad-field", f"no span kept aside at position {index}"))
    kept = aset.unplaced[index]
    span_id = kept.id if kept.id not in aset else aset.new_span_id()
    placed = kept.with_changes(id=span_id, start=start, end=end, text=aset.text[start:end])
    return PlaceUnplaced(index, kept, placed)


@dataclass(frozen=True)
class DiscardUnplaced:
    """Drop ``aset.unplaced[index]`` for good, with the relations that point to it."""

    index: int
    span: Span
    relations: tuple[Relation, ...] = ()

    @property
    def description(self) -> str:
        return f"Discard {self.span.label} “{short(self.span.text)}”"

    @property
    def changes(self) -> Changes:
        return Changes(unplaced=True, relations=bool(self.relations))

    def apply(self, aset: AnnotationSet) -> None:
        _require_unplaced(aset, self.index, self.span)
        for relation in self.relations:
            if aset._relations.get(relation.id) != relation:
                raise EditError(Problem("conflict", f"relation {relation.id} changed",
                                        span=relation.id))
        for relation in self.relations:
            aset._delete_relation(relation.id)
        del aset.unplaced[self.index]

    def inverse(self) -> Edit:
        return KeepUnplaced(self.index, self.span, self.relations)


@dataclass(frozen=True)
class KeepUnplaced:
    """The inverse of :class:`DiscardUnplaced`: the span is kept aside again."""

    index: int
    span: Span
    relations: tuple[Relation, ...] = ()

    @property
    def description(self) -> str:
        return f"Keep {self.span.label} “{short(self.span.text)}” aside"

    @property
    def changes(self) -> Changes:
        return Changes(unplaced=True, relations=bool(self.relations))

    def apply(self, aset: AnnotationSet) -> None:
        _require_slot(aset, self.index, self.span)
        for relation in self.relations:
            if relation.id in aset._relations:
                raise EditError(Problem("duplicate-id", f"relation id {relation.id!r} is "
                                        "already used", span=relation.id))
        aset.unplaced.insert(self.index, self.span)
        for relation in self.relations:
            aset._insert_relation(relation)

    def inverse(self) -> Edit:
        return DiscardUnplaced(self.index, self.span, self.relations)


def discard_unplaced(aset: AnnotationSet, index: int) -> DiscardUnplaced:
    """The edit that discards ``aset.unplaced[index]`` and the relations pointing to it."""
    if not 0 <= index < len(aset.unplaced):
        raise EditError(Problem("bad-field", f"no span kept aside at position {index}"))
    span = aset.unplaced[index]
    relations = () if span.id in aset else tuple(aset.relations_of(span.id))
    return DiscardUnplaced(index, span, relations)


@dataclass(frozen=True)
class Batch:
    """Several edits as one undo step; all or nothing."""

    edits: tuple[Edit, ...]
    text: str = "Edit"

    @property
    def description(self) -> str:
        return self.text

    @property
    def changes(self) -> Changes:
        total = Changes()
        for edit in self.edits:
            total = total + edit.changes
        return total

    def apply(self, aset: AnnotationSet) -> None:
        done: list[Edit] = []
        try:
            for edit in self.edits:
                edit.apply(aset)
                done.append(edit)
        except EditError:
            for edit in reversed(done):
                edit.inverse().apply(aset)
            raise

    def inverse(self) -> Edit:
        return Batch(tuple(e.inverse() for e in reversed(self.edits)), self.text)


def short(text: str, limit: int = 30) -> str:
    """``text`` on one line, cut to ``limit`` characters (for an edit's description)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def set_attributes(aset: AnnotationSet, span_id: str,
                   attributes: dict[str, str] | None) -> ReplaceSpan:
    """The edit that gives span ``span_id`` these attributes (None or empty: none at all).

    The window's attributes editor makes one per value chosen; which names and
    values a label allows is the schema's business
    (:mod:`annotator.core.attribute_schema`), checked by ``validate``.
    """
    old = _require(aset, span_id)
    return ReplaceSpan(old, old.with_changes(attributes=dict(sorted(attributes.items()))
                                             if attributes else None))
