"""The forms the person at the keyboard already labelled, kept up to date for snapping.

Clitic-aware snapping cuts a proclitic off a sloppy mouse selection when the
rest is a *known form* (:mod:`annotator.core.snapping`). Known forms are the
normalised texts of the user's own spans in the project and of gold's, never
another annotator's (:mod:`annotator.io.known_forms`). :class:`KnownForms`
reads the files when a document opens, the annotator or the project changes,
or the labels change (an import), re-parsing only files that changed; the
open document's own spans are followed edit by edit instead, so a word
labelled a moment ago already counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from PySide6.QtCore import QObject

from annotator.core.arabic import normalized
from annotator.core.edits import Changes
from annotator.core.spans import Span
from annotator.io.known_forms import KnownForms as FileForms
from annotator.ui.workspace import Workspace


def form(span: Span) -> str:
    return normalized(span.text).strip()


class KnownForms(QObject):
    """A collection (``in``, ``len``, iteration) of normalised forms: the user's and gold's
    files, and the open document."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = ws = workspace
        self._files = FileForms()
        self._open: Counter[str] = Counter()  # the open document's spans, by form
        # a new person, project or listing: read the files again where they changed
        for signal in (ws.labels_changed, ws.annotator_changed, ws.project_changed,
                       ws.documents_changed):
            signal.connect(self.reload)
        # another document: only the file left and the file opened change (no scan)
        for signal in (ws.document_opened, ws.document_closed, ws.document_failed):
            signal.connect(self.switch)
        ws.spans_changed.connect(self._on_spans_changed)
        self.reload()

    def reload(self, *_args: object) -> None:
        """Read the files again (where they changed) and count the open document's spans."""
        ws = self.workspace
        session = ws.session
        self._files.refresh(ws.project, ws.user,
                            session.path if session is not None else None)
        self._count_open()

    def switch(self, *_args: object) -> None:
        """Follow the open document: count its spans, give the file left back to the files."""
        session = self.workspace.session
        self._files.switch(session.path if session is not None else None)
        self._count_open()

    def _count_open(self) -> None:
        session = self.workspace.session
        self._open = Counter(form(span) for span in session.aset) if session is not None \
            else Counter()
        self._open.pop("", None)

    def _on_spans_changed(self, changes: Changes) -> None:
        self._open.subtract(form(span) for span in changes.removed)
        self._open.update(form(span) for span in changes.added)
        for gone in {form(span) for span in changes.removed}:  # no copy of the Counter
            if self._open[gone] <= 0:
                del self._open[gone]

    def __contains__(self, item: object) -> bool:
        return item in self._open or item in self._files.forms

    def __iter__(self) -> Iterator[str]:
        yield from self._files.forms
        yield from (f for f in self._open if f not in self._files.forms)

    def __len__(self) -> int:
        return len(self._files.forms | self._open.keys())
