"""Where Annotator writes its log, and how: one rotating file in the user's data folder.

Every module logs through ``logging.getLogger(__name__)``; this module only
attaches the file. What is logged is what matters after the fact: saves,
conflicts, backups, imports, exports, interrupted imports finished or undone,
and internal errors with their traceback (which the terminal never shows).

The folder is ``$ANNOTATOR_LOG_DIR`` when set, else ``<data>/annotator/logs``
with ``<data>`` the platform's user data folder (``$XDG_DATA_HOME`` or
``~/.local/share`` on Linux, ``%LOCALAPPDATA%`` on Windows,
``~/Library/Application Support`` on macOS), the same place as the window's
sample project.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Final

LOG_NAME: Final = "annotator.log"
MAX_BYTES: Final = 1_000_000
BACKUPS: Final = 3

_handler: logging.Handler | None = None


def data_home() -> Path:
    """The platform's folder for an application's user data (without the app's name)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    return Path(override) if override else data_home() / "annotator" / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating log file to the ``annotator`` logger; returns its path.

    Returns None (and logs nowhere) when the folder cannot be written; calling
    it again is harmless.
    """
    global _handler
    logger = logging.getLogger("annotator")
    logger.setLevel(level)
    if _handler is not None:
        return log_path()
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False  # never on the terminal
    _handler = handler
    return path
