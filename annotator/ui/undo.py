"""``QUndoCommand`` adapters around core edits, so Ctrl+Z undoes exactly what was done.

Every change the window makes to annotations is a core edit
(:mod:`annotator.core.edits`): the window checks it by applying it once, then
pushes an :class:`EditCommand` that remembers it was already applied. Undo
applies the edit's exact inverse, redo applies it again; the target (the
document session) is told after each application which spans left and which
came, so the view, the table and the document list update only what changed.

Each document keeps its undo stack for the window's life (the last
:data:`KEPT_DOCUMENTS` documents left), so going to another document and back
still lets Ctrl+Z undo the last edit there. A stack is only kept when it
describes the file exactly: the document was saved when left (the stack's
clean state is the file on disk), and it is taken back only if the annotation
file and the text are byte for byte what they were then; otherwise (someone
changed the file, the text was edited) the stack is dropped, so undo can never
apply edits to a state they were not made on. Commands reach the document
through their stack (:class:`DocumentUndoStack`), which follows the stack from
one visit's session to the next.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

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


KEPT_DOCUMENTS = 20


class DocumentUndoStack(QUndoStack):
    """A document's undo stack; its commands apply edits to the session holding it now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target: EditTarget | None = None

    def apply_edit(self, edit: Edit) -> None:
        if self.target is None:
            raise RuntimeError("this undo stack belongs to no open document")
        self.target.apply_edit(edit)


@dataclass
class _Kept:
    stack: DocumentUndoStack
    fingerprint: str  # of the annotation file when the document was left
    text_sha256: str


class UndoHistory(QObject):
    """The undo stacks of the documents left, most recent last, at most ``limit``.

    ``group`` holds every stack; the window makes the open document's stack the
    active one, so the undo and redo actions follow it.
    """

    def __init__(self, parent: QObject | None = None, limit: int = KEPT_DOCUMENTS) -> None:
        super().__init__(parent)
        self.limit = limit
        self.group = QUndoGroup(self)
        self._kept: OrderedDict[tuple[str, str], _Kept] = OrderedDict()

    def new_stack(self) -> DocumentUndoStack:
        stack = DocumentUndoStack(self)
        self.group.addStack(stack)
        return stack

    def keep(self, annotator: str, doc_id: str, stack: DocumentUndoStack, fingerprint: str,
             text_sha256: str) -> None:
        """Remember ``stack`` for the file whose fingerprint (as saved) is ``fingerprint``."""
        key = (annotator, doc_id)
        old = self._kept.pop(key, None)
        if old is not None and old.stack is not stack:
            self.drop(old.stack)
        if stack.count() == 0:
            self.drop(stack)
            return
        self._kept[key] = _Kept(stack, fingerprint, text_sha256)
        while len(self._kept) > self.limit:
            _key, oldest = self._kept.popitem(last=False)
            self.drop(oldest.stack)

    def take(self, annotator: str, doc_id: str, fingerprint: str,
             text_sha256: str) -> DocumentUndoStack | None:
        """The stack kept for this document, if its file and text are still as they were."""
        kept = self._kept.pop((annotator, doc_id), None)
        if kept is None:
            return None
        if (kept.fingerprint, kept.text_sha256) != (fingerprint, text_sha256):
            self.drop(kept.stack)  # changed on disk since: its edits no longer apply
            return None
        return kept.stack

    def kept(self) -> list[tuple[str, str]]:
        """(annotator, doc_id) of the stacks kept, least recently left first."""
        return list(self._kept)

    def clear(self) -> None:
        """Forget every kept stack (another project: these describe other files)."""
        while self._kept:
            self.drop(self._kept.popitem()[1].stack)

    def drop(self, stack: QUndoStack) -> None:
        self.group.removeStack(stack)
        stack.deleteLater()
