"""The legend: one sample per family of marks, drawn with its own colour, underline and glyph."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from comparer.core.report import kinds
from comparer.gui.palette import kind_style

# One representative kind per family (its first in the core's table), with the family's name.
FAMILIES: tuple[tuple[str, str], ...] = tuple(
    (next(k.name for k in kinds.KINDS.values() if k.family == family), family.title)
    for family in kinds.FAMILIES
)

_GAP = 18  # pixels between entries

_DASHES = {
    "dashed": [4.0, 3.0],
    "dotted": [1.0, 2.0],
    "dash-dot": [4.0, 2.0, 1.0, 2.0],
    "dash-dot-dot": [4.0, 2.0, 1.0, 2.0, 1.0, 2.0],
}


class Legend(QWidget):
    """Samples explaining the underline styles in the panes, wrapped onto more lines when narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        lines = [f"{kind_style(k).glyph} {name}: {kind_style(k).line_name} underline" for k, name in FAMILIES]
        self.setToolTip("How findings are marked in the text:\n" + "\n".join(lines))
        self.setAccessibleDescription("; ".join(lines))

    def _entries(self, width: int) -> list[tuple[str, str, float, int]]:
        """(kind, text, x, line) of every entry, wrapped to ``width``."""
        fm = self.fontMetrics()
        x, line, out = 4.0, 0, []
        for kind, name in FAMILIES:
            text = f"{kind_style(kind).glyph} {name}"
            w = fm.horizontalAdvance(text)
            if x > 4.0 and x + w > width:
                x, line = 4.0, line + 1
            out.append((kind, text, x, line))
            x += w + _GAP
        return out

    def _line_height(self) -> int:
        return self.fontMetrics().height() + 8

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        lines = 1 + max(line for *_, line in self._entries(width))
        return lines * self._line_height() + 2

    def sizeHint(self) -> QSize:
        width = int(self._entries(10_000)[-1][2]) + 200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self._line_height() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Wrapped onto more lines, the legend needs more height: fix it to what this width takes.
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        for kind, text, x, line in self._entries(self.width()):
            style = kind_style(kind)
            top = 2.0 + line * self._line_height()
            baseline = top + 1.0 + fm.ascent()
            width = fm.horizontalAdvance(text)
            tint = QColor(style.colour)
            tint.setAlpha(45)
            painter.fillRect(QRectF(x - 2, top, width + 4, fm.height() + 2), tint)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x, baseline), text)
            self._underline(painter, style.line_name, QColor(style.colour), x, x + width, baseline + 3)
        painter.end()

    @staticmethod
    def _underline(painter: QPainter, name: str, colour: QColor, x0: float, x1: float, y: float) -> None:
        pen = QPen(colour, 1.6)
        if name == "wavy":
            path = QPainterPath(QPointF(x0, y))
            steps = max(2, int((x1 - x0) / 2))
            for i in range(1, steps + 1):
                px = x0 + (x1 - x0) * i / steps
                path.lineTo(QPointF(px, y + 1.6 * math.sin(px / 2.0)))
            painter.setPen(pen)
            painter.drawPath(path)
            return
        if name in _DASHES:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern(_DASHES[name])
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
