"""Advisory locks that make "check the file, then replace it" one critical section.

Two processes (two windows, a window and ``annotator import``, a sync client
running the CLI) may save into the same folder at the same moment. Every
writer that checks a fingerprint before replacing a file holds the lock of the
file's folder from the check to the rename, so of two racing saves exactly one
wins and the other is refused with a conflict.

On POSIX the lock is ``flock`` on the folder itself (no lock file is left in
the project); elsewhere (Windows) it is ``msvcrt.locking`` on a ``.annotator.lock``
file in the folder (``.``-prefixed: readers ignore it). Locks of several
folders are always taken in one order (:func:`folder_locks` sorts them), so
two writers can never wait on each other. A lock is not re-entrant: code that
holds a folder's lock writes with :func:`annotator.io.atomic.replace_locked`,
never with ``atomic_write``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from annotator.core.errors import ConflictError, Problem

LOCK_FILE: Final = ".annotator.lock"  # only where folders cannot be locked (Windows)
WAIT_SECONDS: Final = 30.0  # a lock held longer than this is someone stuck: say so


def _refused(folder: Path) -> ConflictError:
    return ConflictError(Problem("conflict", f"another process has held the lock of this folder "
                                 f"for {WAIT_SECONDS:.0f} s; nothing was written",
                                 file=str(folder)))


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _acquire(folder: Path, wait: float) -> int:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + wait
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return fd
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise _refused(folder) from None
                time.sleep(0.01)

    def _release(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

    def try_lock(folder: Path) -> int | None:
        try:
            return _acquire(folder, 0.0)
        except ConflictError:
            return None

else:
    import fcntl

    def _acquire(folder: Path, wait: float) -> int:
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            pass
        except BaseException:
            os.close(fd)
            raise
        deadline = time.monotonic() + wait
        delay = 0.001
        while True:  # polling keeps the wait bounded and interruptible
            time.sleep(delay)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise _refused(folder) from None
                delay = min(delay * 2, 0.05)
            except BaseException:
                os.close(fd)
                raise

    def _release(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def try_lock(folder: Path) -> int | None:
        """The lock of ``folder`` if nobody holds it (a handle for :func:`unlock`), else None."""
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd


def unlock(handle: int) -> None:
    """Release a lock taken by :func:`try_lock`."""
    _release(handle)


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of ``folder`` (which must exist) for the ``with`` block."""
    fd = _acquire(Path(folder), wait)
    try:
        yield
    finally:
        _release(fd)


@contextlib.contextmanager
def folder_locks(folders: Iterable[Path], wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the locks of several folders, taken in one global order (no deadlock)."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({os.path.realpath(f) for f in folders}):
            stack.enter_context(folder_lock(Path(folder), wait))
        yield
