"""Render resources/icons/comparer.svg to the PNG sizes desktops ask for, and to a Windows .ico.

    .venv/bin/python packaging/render_icons.py

The PNGs and the .ico are committed (a desktop entry and an installer need files, not an SVG renderer),
so run this again after editing the SVG. Rendering uses Qt's own SVG renderer, offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn into a transparent size × size image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows icon file holding each image as a PNG entry (readable since Windows Vista).

    Qt's own ICO writer stores a single image per file, and Windows wants several sizes in one.
    """
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for image, data in zip(images, pngs, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(pngs)


def main() -> int:
    """Write comparer-SIZE.png for every size, and comparer.ico."""
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "comparer.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'comparer.svg'}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = ICONS / f"comparer-{size}.png"
        if not render(renderer, size).save(str(out), "PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(ICONS.parents[1]))
    ico = ICONS / "comparer.ico"
    ico.write_bytes(ico_bytes([render(renderer, size) for size in ICO_SIZES]))
    print(ico.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
