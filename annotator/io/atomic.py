"""Safe file replacement: atomic writes that refuse to overwrite someone else's change.

A writer reads a file, remembers its :func:`fingerprint`, and later passes that
fingerprint to :func:`atomic_write`. If the file on disk is no longer the one
that was read (another annotator, a sync client, a ``git pull``), the write is
refused with :class:`~annotator.core.errors.ConflictError`. The new bytes go to a
temporary file in the same folder, are flushed and fsynced, then renamed over
the old file, so a crash leaves either the old file or the new one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Final

from annotator.core.errors import ConflictError, Problem

# Fingerprint of a file that does not exist.
ABSENT: Final = "absent"


def fingerprint_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str:
    """SHA-256 of the file's bytes, or :data:`ABSENT` when there is no file."""
    try:
        return fingerprint_bytes(path.read_bytes())
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


def atomic_write(path: Path, data: bytes, expected: str | None = None) -> str:
    """Replace ``path`` with ``data`` atomically; return the new fingerprint.

    ``expected`` is the fingerprint of the file as it was read (``ABSENT`` when
    it did not exist); ``None`` skips the check (a deliberate overwrite).
    """
    path = Path(path)
    if expected is not None:
        current = fingerprint(path)
        if current != expected:
            what = "was created" if expected == ABSENT else (
                "was deleted" if current == ABSENT else "was changed")
            raise ConflictError(Problem("conflict",
                f"{what} by someone else since it was read; not overwritten", file=str(path)))
    path.parent.mkdir(parents=True, exist_ok=True)
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
    _fsync_dir(path.parent)
    return fingerprint_bytes(data)


def _fsync_dir(folder: Path) -> None:
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
