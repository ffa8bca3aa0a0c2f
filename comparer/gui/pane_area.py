"""The side-by-side area: source panes with connector gutters between neighbours, scrolled in step."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from comparer.core.engine.model import Claim, Source, Span
from comparer.gui.gutter import Connector, Gutter, ScrollSync
from comparer.gui.marks import finding_marks, linked_claims
from comparer.gui.panes import SourcePane
from comparer.gui.session import ComparisonIndex


def _describe(why: Mapping[str, str], link_id: str) -> str:
    return why.get(link_id, f"link {link_id}")


class PaneArea(QSplitter):
    """One :class:`SourcePane` per source, a :class:`Gutter` between each neighbouring pair."""

    claim_clicked = Signal(str)
    link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.setAccessibleName("Sources side by side")
        self.panes: dict[str, SourcePane] = {}
        self.gutters: list[Gutter] = []
        self.sync: ScrollSync | None = None
        self._sync_enabled = True
        self._font_size = 11

    def clear(self) -> None:
        """Remove every pane and gutter."""
        for i in reversed(range(self.count())):
            widget = self.widget(i)
            if widget is None:
                continue
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.panes, self.gutters, self.sync = {}, [], None

    def set_sources(self, sources: Sequence[Source], index: ComparisonIndex | None) -> None:
        """Build panes for ``sources``; with a comparison's index, also its claims, connectors and
        scroll sync.

        When the panes already show these texts (a comparison of the sources just opened), they are
        kept: laying out a long account again would stall the window.
        """
        claims: dict[str, list[Claim]] = {
            s.id: list(index.claims_in(s.id)) if index is not None else [] for s in sources
        }
        same = [s.id for s in sources] == list(self.panes) and all(
            self.panes[s.id].source.text == s.text for s in sources
        )
        if same and index is not None:
            for source in sources:
                self.panes[source.id].refresh(source, claims.get(source.id, []))
            self._connect(index)
            return
        self.clear()
        previous: SourcePane | None = None
        for source in sources:
            pane = SourcePane(source, claims.get(source.id, []), self)
            pane.set_font_size(self._font_size)
            pane.claim_clicked.connect(self.claim_clicked)
            if previous is not None:
                gutter = Gutter(previous, pane, self)
                gutter.link_clicked.connect(self.link_clicked)
                self.addWidget(gutter)
                self.gutters.append(gutter)
            self.addWidget(pane)
            self.panes[source.id] = pane
            previous = pane
        for i in range(self.count()):
            self.setStretchFactor(i, 0 if isinstance(self.widget(i), Gutter) else 1)
        if index is not None:
            self._connect(index)

    def _connect(self, index: ComparisonIndex) -> None:
        pairs: list[tuple[str, Span, str, Span]] = []
        comparison, claims = index.comparison, index.claims
        why = {
            link.id: f"link {link.id} · {link.relation} · score {link.score:.0f}\n{link.evidence.summary()}"
            for link in comparison.links
        }
        for link in comparison.links:
            a, b = claims[link.a], claims[link.b]
            pairs.append((a.source, a.span, b.source, b.span))
        for gutter in self.gutters:
            left, right = gutter.left.source.id, gutter.right.source.id
            connectors: list[Connector] = []
            for link, (sa, span_a, sb, span_b) in zip(comparison.links, pairs, strict=True):
                if (sa, sb) == (left, right):
                    connectors.append((link.id, span_a, span_b, link.relation))
                elif (sb, sa) == (left, right):
                    connectors.append((link.id, span_b, span_a, link.relation))
            gutter.set_connectors(connectors)
            gutter.describe = partial(_describe, why)
        if self.sync is not None:  # panes kept from the last comparison: its sync stays off for good
            self.sync.enabled = False
        self.sync = ScrollSync(list(self.panes.values()), pairs)
        self.sync.enabled = self._sync_enabled

    def paint(self, index: ComparisonIndex | None, kinds: Collection[str], *, dark: bool) -> None:
        """(Re)paint every pane's marks."""
        if index is None:
            return
        claims = index.claims
        for sid, pane in self.panes.items():
            linked = [(claims[cid].span, links[0][1]) for cid, links in linked_claims(index, sid).items()]
            marks = finding_marks(index.comparison, sid, kinds, index=index)
            pane.set_marks(marks, linked, dark=dark)

    def selected_span(self, source_id: str) -> Span | None:
        """What the user selected in a source's pane (else its current claim); ``None`` without one."""
        pane = self.panes.get(source_id)
        return pane.selected_span() if pane is not None else None

    def set_current(self, spans: Mapping[str, Sequence[Span]], link_id: str, *, scroll: bool = True) -> None:
        """Highlight these spans per source and bring them into view; emphasise the link's connectors."""
        for sid, pane in self.panes.items():
            pane.set_current(tuple(spans.get(sid, ())))
        for gutter in self.gutters:
            gutter.set_current(link_id)
        if scroll:
            self.scroll_to(spans)

    def scroll_to(self, spans: Mapping[str, Sequence[Span]]) -> None:
        """Bring the first span of each source given into view in its pane; the other panes stay."""
        was = self._sync_enabled
        if self.sync is not None:
            self.sync.enabled = False  # each pane goes to its own span, not to its neighbour's place
        try:
            for sid, pane in self.panes.items():
                if spans.get(sid):
                    pane.scroll_to_span(spans[sid][0])
        finally:
            if self.sync is not None:
                self.sync.enabled = was

    def set_sync(self, enabled: bool) -> None:
        """Switch synchronized scrolling on or off."""
        self._sync_enabled = enabled
        if self.sync is not None:
            self.sync.enabled = enabled

    def set_font_size(self, points: int) -> None:
        """Text size in every pane."""
        self._font_size = points
        for pane in self.panes.values():
            pane.set_font_size(points)
