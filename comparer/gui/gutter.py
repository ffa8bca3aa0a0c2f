"""Connectors between linked claims of the panes on either side, and scrolling that keeps them level."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from comparer.core.engine.model import Span
from comparer.gui.palette import relation_colour
from comparer.gui.panes import SourcePane, SpanWindow


class Connector(NamedTuple):
    """One band to draw: a link's span in a pane on the left and in a pane on the right.

    ``left_pane`` / ``right_pane`` name the panes when they are not the gutter's neighbours (a link
    between the first and the third of three accounts crosses the gutters on both sides of the
    second); ``None`` is the neighbour on that side.
    """

    link_id: str
    left: Span
    right: Span
    relation: str
    left_pane: SourcePane | None = None
    right_pane: SourcePane | None = None

    @property
    def far(self) -> bool:
        """True when the band joins accounts that are not neighbours."""
        return self.left_pane is not None or self.right_pane is not None


SMOOTH_UP_TO = 40  # connectors in view: above this many, only the current one is antialiased

_PEN_STYLES = {
    "agree": Qt.PenStyle.SolidLine,
    "conflict": Qt.PenStyle.SolidLine,
    "related": Qt.PenStyle.DashLine,
    "added": Qt.PenStyle.DashDotLine,  # a link an annotator added
}


class Gutter(QWidget):
    """Paints a band from each linked claim in the left pane to its counterpart in the right pane,
    and, dotted and fainter, the bands of links between accounts further apart that cross it.

    A click on a band emits ``link_clicked(link_id)``; hovering one shows why it was linked
    (``describe(link_id)``, set by whoever knows the comparison).
    """

    link_clicked = Signal(str)
    blank_clicked = Signal()

    def __init__(self, left: SourcePane, right: SourcePane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.connectors: list[Connector] = []
        self.current = ""
        self.neutral = False  # classroom: every band in one colour, so none tells a conflict
        self.describe: Callable[[str], str] = lambda link_id: f"link {link_id}"
        self._drawn: list[tuple[str, QPainterPath]] = []  # as painted last, bottom first
        # Per pane, the connectors' ends in it, so a paint looks only at those near the view.
        self._ends: list[tuple[SourcePane, SpanWindow, list[Span], list[int]]] = []
        # Per pane, the spans' rectangles in document coordinates, with the layout they hold for.
        self._rects: dict[int, tuple[tuple[int, int, int], dict[Span, QRect]]] = {}
        self.setMouseTracking(True)
        self.setMinimumWidth(36)
        self.setMaximumWidth(80)
        self.setAccessibleName(f"Links between {left.source.label} and {right.source.label}")
        self.setToolTip(
            "Lines join claims the comparison linked: solid = same claim, thick = conflict, "
            "dashed = related, dash-dot = added by an annotator"
        )  # a band's own tooltip (event) says more
        self._followed: list[SourcePane] = []
        for pane in (left, right):
            self._follow(pane)

    def _follow(self, pane: SourcePane) -> None:
        if pane not in self._followed:
            self._followed.append(pane)
            pane.view.verticalScrollBar().valueChanged.connect(self.update)

    def set_connectors(self, connectors: list[Connector], *, paint: bool = True) -> None:
        """The links to draw (``paint=False``: not repainted now; :meth:`warm` and ``update()``
        may then come on later turns of the event loop)."""
        self.connectors = connectors
        for c in connectors:  # a far end moves when its own pane scrolls
            for pane in (c.left_pane, c.right_pane):
                if pane is not None:
                    self._follow(pane)
        ends: dict[int, tuple[SourcePane, list[Span], list[int]]] = {}
        for i, c in enumerate(connectors):
            for pane, span in ((c.left_pane or self.left, c.left), (c.right_pane or self.right, c.right)):
                _pane, spans, which = ends.setdefault(id(pane), (pane, [], []))
                spans.append(span)
                which.append(i)
        self._ends = [(pane, SpanWindow(spans), spans, which) for pane, spans, which in ends.values()]
        if paint:
            self.update()

    def warm(self) -> None:
        """Work out where the connectors in view meet their panes, so the next paint only draws."""
        for c in self._near():
            self._rect(c.left_pane or self.left, c.left)
            self._rect(c.right_pane or self.right, c.right)

    def set_current(self, link_id: str) -> None:
        """Emphasise one link's connector."""
        self.current = link_id
        self.update()

    @staticmethod
    def _clamped(vp_top: int, vp_height: int, rect: QRect) -> tuple[float, float]:
        # ``rect`` in the pane's viewport, as heights in the gutter kept within the viewport.
        top, vp_bottom = vp_top + rect.top(), vp_top + vp_height
        y0 = min(max(top, vp_top), vp_bottom)
        y1 = min(max(top + rect.height(), vp_top), vp_bottom)
        return float(y0), float(y1)

    def _near(self) -> list[Connector]:
        """The connectors with an end in view, in their order (found by position, not one by one)."""
        chosen: set[int] = set()
        for pane, window, spans, which in self._ends:
            lo, hi = _visible_range(pane)
            chosen.update(which[i] for i in window.within(lo, hi) if spans[i].end >= lo)
        return [self.connectors[i] for i in sorted(chosen)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        # Only connectors with an end in view are laid out: asking the text layout where every
        # claim of a long account sits, on each paint, stalls scrolling.
        near = self._near()
        # Where each pane's viewport sits in the gutter, worked out once per paint.
        tops: dict[int, tuple[int, int]] = {}
        for c in near:
            for pane in (c.left_pane or self.left, c.right_pane or self.right):
                if id(pane) not in tops:
                    viewport = pane.view.viewport()
                    origin = self.mapFromGlobal(viewport.mapToGlobal(viewport.rect().topLeft())).y()
                    tops[id(pane)] = (origin, viewport.height())
        # Current drawn last, on top; bands to accounts further away first, under the neighbours'.
        ordered = sorted(near, key=lambda c: (c.link_id == self.current, not c.far))
        # Smoothing a band's curves costs several times drawing it plain: with many bands in view,
        # only the current one is smoothed.
        smooth_all = len(ordered) <= SMOOTH_UP_TO
        self._drawn = []
        tools: dict[tuple[str, bool, bool], tuple[QBrush, QPen]] = {}
        for c in ordered:
            link_id, relation = c.link_id, ("" if self.neutral else c.relation)
            left, right = c.left_pane or self.left, c.right_pane or self.right
            l0, l1 = self._clamped(*tops[id(left)], self._rect(left, c.left))
            r0, r1 = self._clamped(*tops[id(right)], self._rect(right, c.right))
            if l1 <= l0 and r1 <= r0:
                continue  # both ends scrolled away
            path = QPainterPath(QPointF(0, l0))
            path.cubicTo(QPointF(w / 2, l0), QPointF(w / 2, r0), QPointF(w, r0))
            path.lineTo(QPointF(w, r1))
            path.cubicTo(QPointF(w / 2, r1), QPointF(w / 2, l1), QPointF(0, l1))
            path.closeSubpath()
            current = link_id == self.current
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth_all or current)
            key = (relation, current, c.far)
            if key not in tools:  # a few kinds of band, each brush and pen made once per paint
                tools[key] = self._tools(relation, current=current, far=c.far)
            brush, pen = tools[key]
            painter.setBrush(brush)
            painter.setPen(pen)
            painter.drawPath(path)
            self._drawn.append((link_id, path))
        painter.end()

    def _tools(self, relation: str, *, current: bool, far: bool) -> tuple[QBrush, QPen]:
        fill = 150 if current else (20 if far else 50)
        width = 3.0 if current else (2.0 if relation == "conflict" else 1.0)
        pen = QPen(relation_colour(relation), width)
        # A band to an account further away is dotted whatever its relation: it passes another.
        style = Qt.PenStyle.SolidLine if self.neutral else _PEN_STYLES.get(relation, Qt.PenStyle.DotLine)
        pen.setStyle(Qt.PenStyle.DotLine if far else style)
        return QBrush(relation_colour(relation, fill)), pen

    def _rect(self, pane: SourcePane, span: Span) -> QRect:
        """``pane.view.span_rect(span)``, remembered in document coordinates while the pane's layout
        stays the same: scrolling moves the rectangles, it does not change them."""
        view = pane.view
        bar = view.verticalScrollBar()
        layout = (view.viewport().width(), bar.maximum(), view.document().revision())
        cached = self._rects.get(id(pane))
        if cached is None or cached[0] != layout:
            cached = self._rects[id(pane)] = (layout, {})
        scrolled = bar.value()
        known = cached[1].get(span)
        if known is None:
            rect = view.span_rect(span)
            known = cached[1][span] = rect.translated(0, scrolled)
            return rect
        return known.translated(0, -scrolled)

    def link_at(self, point: QPointF) -> str:
        """The link whose band is drawn on top at ``point`` ("" when none)."""
        for link_id, path in reversed(self._drawn):
            if path.contains(point) or (path.boundingRect().height() < 4 and _near(path, point)):
                return link_id
        return ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        link_id = self.link_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else ""
        if link_id:
            self.link_clicked.emit(link_id)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.blank_clicked.emit()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = bool(self.link_at(event.position()))
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            link_id = self.link_at(QPointF(event.pos()))
            if link_id:
                # In class the relation and score would tell which passages differ.
                why = "Linked passages" if self.neutral else self.describe(link_id)
                QToolTip.showText(event.globalPos(), why, self)
                return True
        return super().event(event)


def _visible_range(pane: SourcePane) -> tuple[int, int]:
    """The first and last character positions the pane's viewport shows."""
    viewport = pane.view.viewport()
    top = pane.view.cursorForPosition(viewport.rect().topLeft()).position()
    bottom = pane.view.cursorForPosition(viewport.rect().bottomRight()).position()
    return top, bottom


def _near(path: QPainterPath, point: QPointF) -> bool:
    # A band for a one-line claim scrolled half away is a sliver: accept a click a few pixels off.
    box = path.boundingRect().adjusted(0, -3, 0, 3)
    return box.contains(point)


def _heights(pane: SourcePane) -> Callable[[int], int]:
    """``pane.block_y`` for many positions: the paragraph tops read once, then a search."""
    starts, tops = pane.block_tops()

    def block_y(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return tops[i] if i >= 0 else 0

    return block_y


class ScrollSync:
    """Keeps linked claims level: scrolling one pane scrolls the others to the matching place.

    Anchors are pairs of document heights of linked claims; between anchors the
    position is interpolated, so the claim in the middle of the scrolled pane
    lines up with its counterpart in the middle of the others.
    """

    def __init__(self, panes: list[SourcePane], links: list[tuple[str, Span, str, Span]]) -> None:
        self.panes = panes
        self.links = links  # (source id, span, source id, span)
        self.enabled = True
        self._busy = False
        self._cache: dict[tuple[str, str, int, int, int, int], list[tuple[int, int]]] = {}
        for pane in panes:
            pane.view.verticalScrollBar().valueChanged.connect(lambda _v, p=pane: self.follow(p))

    def _anchors(self, src: SourcePane, dst: SourcePane) -> list[tuple[int, int]]:
        # The heights change only when the layout does (a resize, another text size): cache them on that.
        key = (
            src.source.id,
            dst.source.id,
            src.view.viewport().width(),
            dst.view.viewport().width(),
            src.view.verticalScrollBar().maximum(),
            dst.view.verticalScrollBar().maximum(),
        )
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._measure(src, dst)
        return cached

    def _measure(self, src: SourcePane, dst: SourcePane) -> list[tuple[int, int]]:
        # The paragraphs' heights read once per pane, then each link's ends looked up among them:
        # asking the layout for each of thousands of links stalls the first scroll.
        src_y, dst_y = _heights(src), _heights(dst)
        pairs: list[tuple[int, int]] = [(0, 0)]
        for sa, span_a, sb, span_b in self.links:
            if sa == src.source.id and sb == dst.source.id:
                pairs.append((src_y(span_a.start), dst_y(span_b.start)))
            elif sb == src.source.id and sa == dst.source.id:
                pairs.append((src_y(span_b.start), dst_y(span_a.start)))
        src_h = src.view.verticalScrollBar().maximum() + src.view.viewport().height()
        dst_h = dst.view.verticalScrollBar().maximum() + dst.view.viewport().height()
        pairs.append((src_h, dst_h))
        return sorted(pairs)

    @staticmethod
    def _map(anchors: list[tuple[int, int]], y: float) -> float:
        keys = [a for a, _ in anchors]
        i = max(1, min(len(anchors) - 1, bisect.bisect_right(keys, y)))
        (x0, y0), (x1, y1) = anchors[i - 1], anchors[i]
        if x1 == x0:
            return float(y1)
        return y0 + (y1 - y0) * (y - x0) / (x1 - x0)

    def follow(self, src: SourcePane) -> None:
        """Scroll every other pane to match ``src``."""
        if not self.enabled or self._busy:
            return
        self._busy = True
        try:
            middle = src.view.verticalScrollBar().value() + src.view.viewport().height() / 2
            for dst in self.panes:
                if dst is src:
                    continue
                target = self._map(self._anchors(src, dst), middle) - dst.view.viewport().height() / 2
                dst.view.verticalScrollBar().setValue(round(target))
        finally:
            self._busy = False
