"""Workers that read files while the window is idle, and pause while it is busy.

A worker thread reading many files holds the interpreter lock most of the time;
the GUI thread, which gives the lock up at many calls into Qt, then waits for it
at each one. :class:`GuiIdle` tells a worker when the GUI thread's event loop is
waiting for something to do, and :func:`pace` makes the worker wait for that
between short slices of work. The document list and the known forms read this way.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QAbstractEventDispatcher

BUSY_WAIT = 0.25  # a worker waits at most this long for the window to be idle, then...
BUSY_SLICE = 0.01  # ...reads for this long before it waits again


class GuiIdle:
    """Whether the GUI thread's event loop is waiting for something to do (set) or busy.

    A worker reading the rows holds the interpreter lock most of the time, and
    the GUI thread, which gives the lock up at many calls into Qt, then waits for
    it at each one: a switch of documents took 70 ms instead of 18 while a big
    list filled in. So workers read while the window is idle
    (``QAbstractEventDispatcher.aboutToBlock``) and pause as soon as it wakes
    (``awake``), until it is idle again, or :data:`BUSY_WAIT` has passed, when
    they read for :data:`BUSY_SLICE` (a window never idle still gets its list).
    """

    _instance: GuiIdle | None = None

    def __init__(self) -> None:
        self.event = threading.Event()
        self.event.set()
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None:
            dispatcher.aboutToBlock.connect(self.event.set)
            dispatcher.awake.connect(self.event.clear)

    @classmethod
    def of_gui(cls) -> threading.Event:
        """The flag for the GUI thread's event loop (made on that thread, once)."""
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance.event


def pace(idle: threading.Event, until: float) -> float:
    """Wait for the window to be idle, if the slice of reading that ended at ``until`` is
    over; the end of the next slice."""
    if idle.is_set() or time.monotonic() < until:
        return until
    if idle.wait(BUSY_WAIT):  # idle again: read while it lasts
        return until
    return time.monotonic() + BUSY_SLICE

