"""Icons drawn in code, for commands whose stock fallback icon would mislead.

Desktop icon themes have ``edit-undo`` and ``edit-redo``, but without a theme
(a bare window manager, Windows, tests) Qt's only stand-ins are the plain
arrows of ``QStyle``, and there undo/redo looked exactly like "previous/next
document" (a fresh-eyes user test tripped on it). The hooked arrows drawn here
read as undo and redo everywhere, in the palette's text colour, so they follow
light and dark themes, and in the disabled text colour when they cannot be used.
In a right-to-left interface (Arabic) they are mirrored, as "back" points right
there: undo's head points to the right, redo's to the left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)

SIZES = (16, 22, 24, 32, 48)


def _hooked_arrow(painter: QPainter) -> None:
    """A ↶ arrow on a 24×24 grid: a hook from the lower right, the head pointing left."""
    path = QPainterPath(QPointF(19.5, 19.0))
    path.cubicTo(QPointF(19.5, 11.0), QPointF(15.0, 8.0), QPointF(9.0, 8.0))
    painter.drawPath(path)
    painter.setBrush(QBrush(painter.pen().color()))
    painter.drawPolygon(QPolygonF([QPointF(3.0, 8.0), QPointF(9.5, 2.5), QPointF(9.5, 13.5)]))


def _pixmap(draw: Callable[[QPainter], None], size: int, color: QColor,
            mirrored: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 24, size / 24)
    if mirrored:
        painter.translate(24, 0)
        painter.scale(-1, 1)
    pen = QPen(color, 2.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    draw(painter)
    painter.end()
    return pixmap


def _icon(draw: Callable[[QPainter], None], mirrored: bool = False) -> QIcon:
    """The drawing in the text colour, and in the disabled text colour when disabled."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_pixmap(draw, size, normal if normal.isValid() else QColor("#303030"),
                               mirrored))
        icon.addPixmap(_pixmap(draw, size, disabled if disabled.isValid() else QColor("#a0a0a0"),
                               mirrored), QIcon.Mode.Disabled)
    return icon


DRAWN: dict[str, Callable[[], QIcon]] = {  # drawn for the interface's direction when asked
    "undo": lambda: _icon(_hooked_arrow, mirrored=QGuiApplication.isRightToLeft()),
    "redo": lambda: _icon(_hooked_arrow, mirrored=not QGuiApplication.isRightToLeft()),
}


def drawn_icon(name: str) -> QIcon:
    """One of the :data:`DRAWN` icons, by name."""
    return DRAWN[name]()
