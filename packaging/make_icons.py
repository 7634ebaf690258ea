"""Make Annotator's app icon: the SVG, its PNG sizes, the Windows .ico and the macOS .icns.

    .venv/bin/python packaging/make_icons.py          # rewrite every icon file
    .venv/bin/python packaging/make_icons.py --check  # exit 1 if any file differs

The icon is an Arabic letter ain (ع), outlined from the bundled Noto Naskh Arabic
Bold so that it needs no font where it is drawn, over a yellow highlighter stroke
on a page: a highlighted letter, what annotators do all day. The SVG is written
from the glyph's outline; the PNGs (48, 128, 256 for the freedesktop icon theme,
more for .ico and .icns) are rendered from that SVG with the project's own Qt
(QSvgRenderer). The .ico and .icns hold PNG images (Windows Vista and later,
macOS 10.7 and later read them).

The outputs are committed; run this again only when the design changes.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_ID = "org.annotator.Annotator"
FONT = ROOT / "resources" / "fonts" / "NotoNaskhArabic-Bold.ttf"
LETTER = "\u0639"  # ain
SIZE = 256
PAGE = "#fbf7ee"
PAGE_EDGE = "#c9bfa9"
HIGHLIGHT = "#ffcf33"
INK = "#1d3557"

SVG_PATH = HERE / "linux" / "icons" / "scalable" / f"{APP_ID}.svg"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entries holding PNG data: type -> pixel size
ICNS_TYPES = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512,
              "ic10": 1024, "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512}


def glyph_path(box: QRectF) -> QPainterPath:
    """The letter's outline, scaled and centred to fill ``box``."""
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        raise SystemExit(f"cannot load {FONT}")
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(200)
    path = QPainterPath()
    path.addText(0, 0, font, LETTER)
    bounds = path.boundingRect()
    scale = min(box.width() / bounds.width(), box.height() / bounds.height())
    transform = QTransform()
    transform.translate(box.center().x(), box.center().y())
    transform.scale(scale, scale)
    transform.translate(-bounds.center().x(), -bounds.center().y())
    return transform.map(path)


def svg_path_data(path: QPainterPath) -> str:
    parts: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.isMoveTo():
            parts.append(f"M{e.x:.1f} {e.y:.1f}")
        elif e.isLineTo():
            parts.append(f"L{e.x:.1f} {e.y:.1f}")
        else:  # a cubic curve: this element and the next two
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{e.x:.1f} {e.y:.1f} {c2.x:.1f} {c2.y:.1f} {end.x:.1f} {end.y:.1f}")
            i += 2
        i += 1
    return "".join(parts) + "Z"


def make_svg() -> str:
    letter = glyph_path(QRectF(70, 38, 116, 168))
    rule = "evenodd" if letter.fillRule() == Qt.FillRule.OddEvenFill else "nonzero"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Annotator's app icon: the Arabic letter ain over a highlighter stroke, on a page.
     Written by packaging/make_icons.py (the letter is Noto Naskh Arabic Bold, SIL OFL 1.1,
     as an outline: no font is needed to draw it). -->
<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">
  <title>Annotator</title>
  <rect x="20" y="12" width="216" height="232" rx="28"
        fill="{PAGE}" stroke="{PAGE_EDGE}" stroke-width="6"/>
  <path d="M40 132 L214 116 L220 176 L46 192 Z"
        fill="{HIGHLIGHT}" stroke="{HIGHLIGHT}" stroke-width="10" stroke-linejoin="round"/>
  <path d="{svg_path_data(letter)}" fill="{INK}" fill-rule="{rule}"/>
</svg>
"""


def render(svg: bytes, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("the SVG does not render")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(svg: bytes) -> bytes:
    images = [png_bytes(render(svg, size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(ICO_SIZES, images, strict=True):
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(svg: bytes) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES.items():
        blob = png_bytes(render(svg, size))
        body += kind.encode("ascii") + struct.pack(">I", len(blob) + 8) + blob
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def outputs() -> dict[Path, bytes]:
    svg = make_svg().encode("utf-8")
    files = {SVG_PATH: svg}
    for size in PNG_SIZES:
        files[HERE / "linux" / "icons" / f"{size}x{size}" / f"{APP_ID}.png"] = \
            png_bytes(render(svg, size))
    files[HERE / "windows" / "annotator.ico"] = ico(svg)
    files[HERE / "macos" / "Annotator.icns"] = icns(svg)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the SVG with what would be written (exit 1 if it differs)")
    args = parser.parse_args()
    QGuiApplication(sys.argv[:1])
    files = outputs()
    if args.check:  # PNG bytes may differ between Qt versions: the SVG is the source
        same = SVG_PATH.is_file() and SVG_PATH.read_bytes() == files[SVG_PATH]
        print("icons up to date" if same else f"{SVG_PATH} differs: run {__file__}")
        return 0 if same else 1
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
