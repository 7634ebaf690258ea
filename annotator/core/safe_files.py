"""Reading project files safely: only regular files, only inside the project.

Everything the app reads stays inside the project folder (format spec section
2): a symbolic link that resolves outside it is refused (``outside-project``),
and so is anything that is not a regular file (``not-regular``: a FIFO, which
would block a reader forever, a socket, a device, a folder, a broken link).
:func:`read_regular_file` opens with ``O_NONBLOCK`` and checks the opened
file's type with ``fstat``, so no check-then-open race can make it block.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from annotator.core.errors import AnnotatorError, Problem


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, for messages: 'a regular file', 'a FIFO'..."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


_FOLDER_TTL = 2.0  # seconds a folder's resolved path is reused
_folders: dict[str, tuple[float, str]] = {}


def _real_folder(folder: str) -> str:
    """``os.path.realpath`` of a folder, reused for a moment (a validate of 100,000 files
    would otherwise resolve the same few folders, component by component, each time)."""
    now = time.monotonic()
    cached = _folders.get(folder)
    if cached is not None and now - cached[0] < _FOLDER_TTL:
        return cached[1]
    real = os.path.realpath(folder)
    if len(_folders) > 4096:
        _folders.clear()
    _folders[folder] = (now, real)
    return real


def is_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Whether ``path``, all symbolic links followed, lies in ``root`` (links followed too)."""
    absolute = os.path.abspath(path)
    parent, name = os.path.split(absolute)
    try:
        link = stat.S_ISLNK(os.lstat(absolute).st_mode)
    except OSError:
        link = False
    if link or name in ("", ".", ".."):
        real = os.path.realpath(absolute)
    else:  # only the folder can hold links: resolve it (cached), not every file in it
        real = os.path.join(_real_folder(parent), name)
    real_root = _real_folder(os.path.abspath(root))
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def outside_problem(path: Path, root: Path) -> Problem | None:
    """An ``outside-project`` problem when ``path`` resolves outside ``root``, else None."""
    if is_inside(path, root):
        return None
    return Problem("outside-project", f"leads outside the project folder (to "
                   f"{os.path.realpath(path)}): not followed", file=str(path))


def read_regular_file(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None,
                      ) -> bytes:
    """The bytes of ``path``, which must be a regular file (inside ``root`` when given).

    Raises :class:`AnnotatorError` with code ``outside-project`` (``path``
    resolves outside ``root``) or ``not-regular`` (a FIFO, a socket, a folder...),
    naming the file; other failures raise :class:`OSError` as ``open`` does
    (``FileNotFoundError`` when there is no such file), for the caller to word.
    Never blocks on a FIFO.
    """
    path = Path(path)
    if root is not None:
        problem = outside_problem(path, Path(root))
        if problem is not None:
            raise AnnotatorError(problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        if path.is_dir():  # Windows refuses to open a folder with an OSError
            raise AnnotatorError(Problem("not-regular", "is a folder, not a file",
                                         file=str(path))) from None
        if os.path.exists(path) and not path.is_file():  # a socket cannot be opened
            raise AnnotatorError(Problem("not-regular", f"cannot be read: it is "
                                         f"{kind_of(os.stat(path).st_mode)}",
                                         file=str(path))) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise AnnotatorError(Problem("not-regular", f"cannot be read: it is {kind_of(mode)}",
                                     file=str(path)))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()
