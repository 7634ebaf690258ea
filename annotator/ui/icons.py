"""Icons: the desktop's theme first, then Annotator's own SVG theme in resources/icons.

Desktop icon themes have ``edit-undo``, ``document-save`` and the rest, but a
bare window manager, Windows and tests have none, and Qt's only stand-ins are
the plain arrows of ``QStyle``, with which undo/redo looked exactly like
"previous/next document" (a fresh-eyes user test tripped on it). So the app
ships a small freedesktop icon theme, ``resources/icons/annotator`` (scalable
SVG line icons, one file per name, ``index.theme``), installed as Qt's
fallback theme: :func:`theme_icon` asks the desktop's theme and falls back to
ours. In a right-to-left window an ``<name>-rtl`` variant is preferred where
the drawing has a direction (undo and redo point the other way in Arabic).
Qt draws the disabled state of an SVG icon greyed out by itself.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from annotator.resources_path import resource_path

THEME = "annotator"
_installed = False


def install_fallback_theme() -> None:
    """Make ``resources/icons`` a theme search path and our theme Qt's fallback (once)."""
    global _installed
    if _installed:
        return
    folder = str(resource_path("icons"))
    paths = QIcon.themeSearchPaths()
    if folder not in paths:
        QIcon.setThemeSearchPaths([*paths, folder])
    QIcon.setFallbackThemeName(THEME)
    _installed = True


def theme_icon(name: str) -> QIcon:
    """The icon ``name`` from the desktop's theme or, failing that, from ours."""
    install_fallback_theme()
    if QGuiApplication.isRightToLeft() and QIcon.hasThemeIcon(f"{name}-rtl"):
        return QIcon.fromTheme(f"{name}-rtl")
    return QIcon.fromTheme(name)
