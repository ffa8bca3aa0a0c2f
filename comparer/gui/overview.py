"""A strip beside a pane that shows where in the whole account the agreements, conflicts and
one-source passages are (as Meld marks changes beside its scroll bar); a click jumps there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QWidget

from comparer.core.engine.model import Span
from comparer.gui.marks import Mark
from comparer.gui.palette import OKABE_ITO, relation_colour
from comparer.gui.rows import ONLY_IN, severity_rank

WIDTH = 14  # pixels


@dataclass(frozen=True, slots=True)
class Band:
    """A stretch of the account, as fractions of its length, in one colour; higher ``layer`` on top."""

    top: float
    bottom: float
    colour: str
    layer: int


def overview_bands(length: int, marks: Sequence[Mark], linked: Sequence[tuple[Span, str]]) -> list[Band]:
    """Bands for an account of ``length`` characters: linked claims by relation, one-source claims,
    then conflicts on top."""
    if length <= 0:
        return []
    bands = [
        Band(span.start / length, span.end / length, relation_colour(rel).name(), 0) for span, rel in linked
    ]
    for m in marks:
        if m.kind == ONLY_IN:
            bands.append(Band(m.span.start / length, m.span.end / length, OKABE_ITO["sky_blue"], 1))
        elif severity_rank(m.kind) == 0:
            bands.append(Band(m.span.start / length, m.span.end / length, OKABE_ITO["vermillion"], 2))
    return sorted(bands, key=lambda b: b.layer)


class Overview(QWidget):
    """The overview strip of one pane; ``jumped(fraction)`` asks the pane to show that point."""

    jumped = Signal(float)

    def __init__(self, bar: QScrollBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        self.setAccessibleName("Overview of the account")
        self.setToolTip(
            "Where the account agrees (green), conflicts (red) and says what no other does (blue); click"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._bar = bar
        self._bands: list[Band] = []
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)

    def set_bands(self, bands: list[Band]) -> None:
        """What to draw."""
        self._bands = bands
        self.update()

    def bands(self) -> list[Band]:
        """What is drawn."""
        return list(self._bands)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        h, w = self.height(), self.width()
        painter.fillRect(self.rect(), self.palette().base())
        for band in self._bands:
            top = band.top * h
            height = max(2.0, (band.bottom - band.top) * h)  # a short claim stays visible
            painter.fillRect(QRectF(1, top, w - 2, height), QColor(band.colour))
        total = self._bar.maximum() - self._bar.minimum() + self._bar.pageStep()
        if total > 0:  # the part of the account the pane shows now
            top = (self._bar.value() - self._bar.minimum()) / total * h
            height = self._bar.pageStep() / total * h
            painter.setPen(self.palette().text().color())
            painter.drawRect(QRectF(0.5, top, w - 1.0, max(3.0, height - 1)))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.jumped.emit(min(1.0, max(0.0, event.position().y() / self.height())))
            event.accept()
            return
        super().mousePressEvent(event)
