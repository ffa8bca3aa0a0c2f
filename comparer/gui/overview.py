"""A strip beside a pane that shows where in the whole account the agreements, conflicts and
one-source passages are (as Meld marks changes beside its scroll bar); a click jumps there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
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
    colours: dict[str, str] = {}
    for _span, rel in linked:
        if rel not in colours:
            colours[rel] = relation_colour(rel).name()
    ranks: dict[str, int] = {}
    linked_bands, only, conflicts = [], [], []
    for span, rel in linked:
        linked_bands.append(Band(span.start / length, span.end / length, colours[rel], 0))
    for m in marks:
        if m.kind not in ranks:
            ranks[m.kind] = severity_rank(m.kind)
        if m.kind == ONLY_IN:
            only.append(Band(m.span.start / length, m.span.end / length, OKABE_ITO["sky_blue"], 1))
        elif ranks[m.kind] == 0:
            conflicts.append(Band(m.span.start / length, m.span.end / length, OKABE_ITO["vermillion"], 2))
    return [*linked_bands, *only, *conflicts]  # by layer, as drawn


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
        # The bands drawn once per size and set of bands: a long account has thousands of them,
        # and the strip repaints on every step of scrolling (only the frame of the view moves).
        self._drawn: QPixmap | None = None
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)

    def set_bands(self, bands: list[Band]) -> None:
        """What to draw."""
        self._bands = bands
        self._drawn = None
        self.update()

    def bands(self) -> list[Band]:
        """What is drawn."""
        return list(self._bands)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        h, w = self.height(), self.width()
        drawn, ratio = self._drawn, self.devicePixelRatioF()
        if (
            drawn is None
            or drawn.deviceIndependentSize().toSize() != self.size()
            or drawn.devicePixelRatio() != ratio
        ):
            drawn = self._drawn = self._draw_bands(w, h, ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, drawn)
        total = self._bar.maximum() - self._bar.minimum() + self._bar.pageStep()
        if total > 0:  # the part of the account the pane shows now
            top = (self._bar.value() - self._bar.minimum()) / total * h
            height = self._bar.pageStep() / total * h
            painter.setPen(self.palette().text().color())
            painter.drawRect(QRectF(0.5, top, w - 1.0, max(3.0, height - 1)))
        painter.end()

    def _draw_bands(self, w: int, h: int, ratio: float) -> QPixmap:
        pixmap = QPixmap(max(1, round(w * ratio)), max(1, round(h * ratio)))
        pixmap.setDevicePixelRatio(ratio)  # sharp on a high-density screen
        pixmap.fill(self.palette().base().color())
        painter = QPainter(pixmap)
        colours: dict[str, QColor] = {}
        for band in self._bands:
            top = band.top * h
            height = max(2.0, (band.bottom - band.top) * h)  # a short claim stays visible
            if band.colour not in colours:
                colours[band.colour] = QColor(band.colour)
            painter.fillRect(QRectF(1, top, w - 2, height), colours[band.colour])
        painter.end()
        return pixmap

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light or dark: the background changes
            self._drawn = None
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.jumped.emit(min(1.0, max(0.0, event.position().y() / self.height())))
            event.accept()
            return
        super().mousePressEvent(event)
