"""A wait cursor while the window works on its own thread for a noticeable time.

Comparing the annotators of a 50,000-span document takes seconds (reading their
files, pairing their spans, the agreement over every token); labelling a word
across a project reads every document. Meanwhile the window cannot paint or take
a key, so at least the pointer says it is working.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor for the duration of a ``with`` block."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
