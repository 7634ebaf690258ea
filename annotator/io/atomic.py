"""Safe file replacement: atomic writes that refuse to overwrite someone else's change.

A writer reads a file, remembers its :func:`fingerprint`, and later passes that
fingerprint to :func:`atomic_write`. If the file on disk is no longer the one
that was read (another annotator, a sync client, a ``git pull``), the write is
refused with :class:`~annotator.core.errors.ConflictError`. The check and the
rename happen under the folder's lock (:mod:`annotator.io.locking`), so of two
processes saving the same file at the same moment exactly one succeeds. The
new bytes go to a temporary file ``.<name>.<random>.tmp`` in the same folder,
are flushed and fsynced, then renamed over the old file, so a crash leaves
either the old file or the new one. A write that fails says so with the
user's path (never the temporary one) and leaves the old file as it was.

Temporary files of writes that were killed are removed by the next write into
their folder once they are older than an hour (:func:`sweep_stale`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Final

from annotator.core.errors import ConflictError, Problem, WriteError
from annotator.io.locking import folder_lock

log = logging.getLogger(__name__)

# Fingerprint of a file that does not exist.
ABSENT: Final = "absent"
STALE_AFTER: Final = 3600.0  # seconds before a leftover temporary file may be removed

_swept: set[str] = set()  # folders already swept by this process


def fingerprint_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str:
    """SHA-256 of the file's bytes, or :data:`ABSENT` when there is no file.

    Read a slice at a time: checking a 7 MB file before a save does not hold a
    second copy of it next to the bytes being written.
    """
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except FileNotFoundError:
        return ABSENT


def default_mode(directory: bool = False) -> int:
    """Permissions a plain ``open()``/``mkdir()`` would give under the current umask.

    ``tempfile`` creates private files (0600) and folders (0700); files that a
    team shares through a synced folder or git must be readable like any other.
    """
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask


def write_error(path: Path, exc: OSError, what: str = "was not written") -> WriteError:
    """A failed write, told with the user's path and what happened to the file."""
    reason = exc.strerror or str(exc)
    return WriteError(Problem("write-failed", f"{reason}; {what}", file=str(path)))


def check_unchanged(path: Path, expected: str) -> None:
    """Raise :class:`ConflictError` unless ``path``'s fingerprint is ``expected``."""
    current = fingerprint(path)
    if current != expected:
        what = "was created" if expected == ABSENT else (
            "was deleted" if current == ABSENT else "was changed")
        raise ConflictError(Problem("conflict",
            f"{what} by someone else since it was read; not overwritten", file=str(path)))


def atomic_write(path: Path, data: bytes, expected: str | None = None) -> str:
    """Replace ``path`` with ``data`` atomically; return the new fingerprint.

    ``expected`` is the fingerprint of the file as it was read (``ABSENT`` when
    it did not exist); ``None`` skips the check (a deliberate overwrite).
    Raises :class:`ConflictError` (nothing written) or :class:`WriteError`
    (the old file untouched).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with folder_lock(path.parent):
            if expected is not None:
                check_unchanged(path, expected)
            replace_locked(path, data)
    except OSError as exc:
        raise write_error(path, exc) from None
    sweep_stale(path.parent)
    log.debug("wrote %s (%d bytes)", path, len(data))
    return fingerprint_bytes(data)


def replace_locked(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, rename it over ``path``.

    The caller holds the lock of ``path``'s folder (or needs none).
    """
    try:  # a replaced file keeps its permissions, a new one gets the umask's
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = default_mode()
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sweep_stale(folder: Path, prefix: str = ".", now: float | None = None) -> list[Path]:
    """Remove ``.``-prefixed ``*.tmp`` files and folders in ``folder`` older than an hour.

    They are what killed writes and exports leave behind (a live write's
    temporary file is seconds old). Each folder is swept once per process.
    Returns what was removed.
    """
    key = os.path.realpath(folder)
    if now is None and key in _swept:
        return []
    _swept.add(key)
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.startswith(".")
                and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
        log.info("removed a leftover temporary %s", entry.path)
    return removed
