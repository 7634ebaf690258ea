"""The bundled Arabic font, loaded once into Qt's font database.

Annotators' machines differ in which Arabic fonts they have (some have none
that shapes well); the app ships Noto Naskh Arabic (SIL OFL 1.1, licence in
``resources/fonts/OFL.txt``) and always lays articles out with it, so every
annotator sees the same letter forms. Latin letters fall back to the system's
default sans font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from annotator.resources_path import resource_path

ARABIC_FAMILY = "Noto Naskh Arabic"
FONT_FILES = ("fonts/NotoNaskhArabic-Regular.ttf", "fonts/NotoNaskhArabic-Bold.ttf")

_loaded: list[str] | None = None


def load_fonts() -> list[str]:
    """Register the bundled fonts (idempotent); returns the families Qt now knows them by."""
    global _loaded
    if _loaded is None:
        families: list[str] = []
        for name in FONT_FILES:
            path = resource_path(name)
            if path.is_file():
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    families.extend(QFontDatabase.applicationFontFamilies(font_id))
        _loaded = sorted(set(families))
    return _loaded


def article_font(points: float) -> QFont:
    """The article view's font: the bundled Arabic face first, the default sans after it."""
    load_fonts()
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, QFont().defaultFamily()])
    font.setPointSizeF(points)
    return font
