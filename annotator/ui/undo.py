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
saved state is the file on disk), and it is taken back only if the annotation
file and the text are byte for byte what they were then; otherwise (someone
changed the file, the text was edited) the stack is dropped, so undo can never
apply edits to a state they were not made on. Commands reach the document
through their stack (:class:`DocumentUndoStack`), which follows the stack from
one visit's session to the next.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.core.edits import Edit
from annotator.ui.edit_texts import edit_text

_serials = itertools.count(1)


class EditTarget(Protocol):
    def apply_edit(self, edit: Edit) -> None:
        """Apply ``edit`` to the annotation set and tell the views."""
        ...


class EditCommand(QUndoCommand):
    """One core edit on the undo stack, named in the interface language
    (:func:`~annotator.ui.edit_texts.edit_text`); ``serial`` names the state it leads to."""

    def __init__(self, target: EditTarget, edit: Edit, applied: bool = True) -> None:
        super().__init__(edit_text(edit))
        self.target = target
        self.edit = edit
        self.serial = next(_serials)
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
    """A document's undo stack; its commands apply edits to the session holding it now.

    It also knows which of its states the file on disk holds. Qt's clean index
    cannot say so once a save runs in the background (the user may edit while
    it writes an earlier state), so each state is named by a token: 0 for the
    state the document was opened in, else the serial of the command that led
    to it. A token names one state for good: commands below a command never
    change, and a command undone and then replaced is gone with its serial.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target: EditTarget | None = None
        self.saved_token = 0  # the state the file holds

    def state_token(self) -> int:
        """The token of the current state."""
        index = self.index()
        if index == 0:
            return 0
        command = self.command(index - 1)
        serial = getattr(command, "serial", None)
        return serial if isinstance(serial, int) else -index  # a foreign command: by index

    def is_saved(self) -> bool:
        return self.state_token() == self.saved_token

    def mark_saved(self, token: int) -> None:
        """The file now holds the state named ``token`` (maybe no longer the current one)."""
        self.saved_token = token

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
