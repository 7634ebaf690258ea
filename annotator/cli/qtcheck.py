"""Say clearly what a machine lacks to show the window, instead of a Qt stack trace.

Qt's wheels need a handful of system libraries; when one is missing, importing
``PySide6.QtGui`` fails with a cryptic loader message. This maps the library to
the Debian package that provides it and tells the user the one command to run.
"""

from __future__ import annotations

import os
import re
import sys

from annotator.cli import UsageError

# Shared library -> Debian package, for the libraries PySide6 loads.
LIBRARY_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}
OFFSCREEN_PACKAGES = ("libegl1 libgl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 "
                      "libglib2.0-0 libdbus-1-3")
X11_PACKAGES = ("libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4 "
                "libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 "
                "libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 "
                "libxcb-xfixes0 libxcb-xkb1 libxcb-glx0")


def missing_library_hint(message: str) -> str:
    """A fix for an import error message naming a missing shared library."""
    match = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", message)
    library = match.group(1) if match else None
    package = LIBRARY_PACKAGES.get(library or "")
    what = f"the system library {library}" if library else "a system library Qt needs"
    fix = f"apt-get install {package}" if package else f"apt-get install {OFFSCREEN_PACKAGES}"
    return f"Qt cannot start: {what} is missing. Install it with: sudo {fix}"


def require_qt(need_display: bool = True) -> None:
    """Raise :class:`UsageError` with a clear fix when Qt cannot open a window here."""
    try:
        import PySide6.QtGui  # noqa: F401
    except ImportError as exc:
        if "PySide6" in str(exc) and "No module named" in str(exc):
            raise UsageError("PySide6 is not installed: run './run.sh' (it sets up .venv) or "
                             f"'{sys.executable} -m pip install PySide6-Essentials'") from None
        raise UsageError(missing_library_hint(str(exc))) from None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    # only X11/Wayland systems say where the display is; Windows and macOS always have one
    if need_display and sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) \
            and not platform and not (os.environ.get("DISPLAY")
                                      or os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError("no display: run this on a desktop, or under a virtual screen with "
                         "'xvfb-run -a annotator' (apt-get install xvfb xauth "
                         f"{X11_PACKAGES})")
