"""``QUndoCommand`` adapters around core edits, so Ctrl+Z undoes exactly what was done.

Every change the window makes to annotations is a core edit
(:mod:`annotator.core.edits`): the window checks it by applying it once, then
pushes an :class:`EditCommand` that remembers it was already applied. Undo
applies the edit's exact inverse, redo applies it again; the target (the
document session) is told after each application which spans left and which
came, so the view, the table and the document list update only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotator.core.edits import (
    AddSpan,
    Batch,
    DiscardUnplaced,
    Edit,
    KeepUnplaced,
    PlaceUnplaced,
    RemoveSpan,
    ReplaceSpan,
    SetAside,
    SetStatus,
)
from annotator.core.spans import Span


@dataclass(frozen=True)
class Changes:
    """What an edit did to the spans (and whether it changed the status, the spans kept aside)."""

    removed: tuple[Span, ...] = ()
    added: tuple[Span, ...] = ()
    status: bool = False
    unplaced: bool = False

    def __add__(self, other: Changes) -> Changes:
        return Changes(self.removed + other.removed, self.added + other.added,
                       self.status or other.status, self.unplaced or other.unplaced)


def changes_of(edit: Edit) -> Changes:
    """The spans an edit removes and adds, read off the edit itself."""
    if isinstance(edit, AddSpan):
        return Changes(added=(edit.span,))
    if isinstance(edit, RemoveSpan):
        return Changes(removed=(edit.span,))
    if isinstance(edit, ReplaceSpan):
        return Changes(removed=(edit.old,), added=(edit.new,))
    if isinstance(edit, SetStatus):
        return Changes(status=True)
    if isinstance(edit, PlaceUnplaced):
        return Changes(added=(edit.placed,), unplaced=True)
    if isinstance(edit, SetAside):
        return Changes(removed=(edit.placed,), unplaced=True)
    if isinstance(edit, DiscardUnplaced | KeepUnplaced):
        return Changes(unplaced=True)
    if isinstance(edit, Batch):
        total = Changes()
        for part in edit.edits:
            total = total + changes_of(part)
        return total
    return Changes()  # relations: nothing the window shows yet


class EditTarget(Protocol):
    def apply_edit(self, edit: Edit) -> None:
        """Apply ``edit`` to the annotation set and tell the views."""
        ...


class EditCommand(QUndoCommand):
    """One core edit on the undo stack."""

    def __init__(self, target: EditTarget, edit: Edit, applied: bool = True) -> None:
        super().__init__(edit.description)
        self.target = target
        self.edit = edit
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self.target.apply_edit(self.edit)

    def undo(self) -> None:
        self.target.apply_edit(self.edit.inverse())
