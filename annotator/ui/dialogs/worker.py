"""A long export or import, run off the GUI thread, with progress and a cancel flag.

The io drivers (:func:`~annotator.io.exporting.export_project`,
:func:`~annotator.io.importing.import_annotations`) take a
``progress(done, total) -> bool`` callback and stop, writing nothing, when it
returns False. :class:`Job` runs such a function in a ``QThread`` so the window
keeps painting and the Cancel button keeps working, turns the callback into a
``progressed`` signal, and answers it from a flag that :meth:`Job.cancel` sets
from the GUI thread. The outcome comes back as one signal, delivered in the
GUI thread: ``succeeded(result)`` or ``failed(exception)``; exceptions never
escape the thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.io.exchange import Progress


class Job(QThread):
    """Runs ``work(progress)`` once, in its own thread."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # what work returned
    failed = Signal(object)  # the exception work raised

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress call (safe from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # in the job's thread
        try:
            result = self._work(self._progress)
        except Exception as exc:  # reported in the dialog, with its problems
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)
