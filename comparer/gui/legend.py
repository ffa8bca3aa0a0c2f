"""The legend: one sample per family of marks, drawn with its own colour, underline and glyph."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from comparer.gui.palette import kind_style

# One representative kind per family, with the family's name in the legend.
FAMILIES: tuple[tuple[str, str], ...] = (
    ("number_conflict", "numbers, casualties"),
    ("quote_wording", "quotations"),
    ("attribution", "attribution, certainty"),
    ("name_variant", "names, spelling"),
    ("date_conflict", "dates, times"),
    ("only_in", "only in one source"),
    ("sum_mismatch", "totals in one source"),
)

_DASHES = {
    "dashed": [4.0, 3.0],
    "dotted": [1.0, 2.0],
    "dash-dot": [4.0, 2.0, 1.0, 2.0],
    "dash-dot-dot": [4.0, 2.0, 1.0, 2.0, 1.0, 2.0],
}


class Legend(QWidget):
    """A row of samples explaining the underline styles in the panes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        lines = [f"{kind_style(k).glyph} {name}: {kind_style(k).line_name} underline" for k, name in FAMILIES]
        self.setToolTip("How findings are marked in the text:\n" + "\n".join(lines))
        self.setAccessibleDescription("; ".join(lines))

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() + 10)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self.fontMetrics().height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        x, baseline = 4.0, 3.0 + fm.ascent()
        for kind, name in FAMILIES:
            style = kind_style(kind)
            text = f"{style.glyph} {name}"
            width = fm.horizontalAdvance(text)
            if x + width > self.width():
                break  # the tooltip lists every entry
            tint = QColor(style.colour)
            tint.setAlpha(45)
            painter.fillRect(QRectF(x - 2, 2, width + 4, fm.height() + 2), tint)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x, baseline), text)
            self._underline(painter, style.line_name, QColor(style.colour), x, x + width, baseline + 3)
            x += width + 18
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
