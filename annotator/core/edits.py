"""Edits: every change to an annotation set, each with an exact inverse.

The window wraps each edit in a ``QUndoCommand``; scripts and the command line
apply them directly. ``edit.apply(aset)`` checks the set's invariants before it
changes anything and raises :class:`~annotator.core.errors.EditError` instead;
``edit.inverse()`` undoes it exactly, so apply-then-inverse gives back an
identical set (a property test holds us to it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from annotator.core.annotations import AnnotationSet
from annotator.core.errors import EditError, Problem
from annotator.core.spans import Relation, Span, Status


class Edit(Protocol):
    """What every edit offers: a description, apply, and its inverse."""

    @property
    def description(self) -> str: ...

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
        return f"Add {self.span.label} “{_short(self.span.text)}”"

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
        return f"Delete {self.span.label} “{_short(self.span.text)}”"

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
            return f"Relabel “{_short(self.new.text)}” as {self.new.label}"
        if (self.old.start, self.old.end) != (self.new.start, self.new.end):
            return f"Resize {self.new.label} “{_short(self.new.text)}”"
        return f"Edit {self.new.label} “{_short(self.new.text)}”"

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

    def apply(self, aset: AnnotationSet) -> None:
        _fail(aset.relation_problems(self.relation))
        aset._insert_relation(self.relation)

    def inverse(self) -> Edit:
        return RemoveRelation(self.relation)


@dataclass(frozen=True)
class RemoveRelation:
    relation: Relation

    @property
    def description(self) -> str:
        return f"Delete relation {self.relation.type}"

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


@dataclass(frozen=True)
class Batch:
    """Several edits as one undo step; all or nothing."""

    edits: tuple[Edit, ...]
    text: str = "Edit"

    @property
    def description(self) -> str:
        return self.text

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


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
