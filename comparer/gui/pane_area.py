"""The side-by-side area: source panes with connector gutters between neighbours, scrolled in step."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from comparer.core.engine.model import Claim, Source, Span
from comparer.core.project.annotations import AddedLink, SpanRef
from comparer.gui.gutter import Connector, Gutter, ScrollSync
from comparer.gui.marks import Mark, finding_marks, linked_claims
from comparer.gui.overview import Band, overview_bands
from comparer.gui.panes import LayoutTurns, SourcePane
from comparer.gui.session import ComparisonIndex


@dataclass(frozen=True, slots=True)
class PaneMarks:
    """What one pane paints, as plain data: the marks, the linked claims' tints and the overview."""

    marks: list[Mark]
    linked: list[tuple[Span, str]]
    bands: list[Band]


@dataclass(frozen=True, slots=True)
class MarksPlan:
    """Every pane's marks for one comparison and one set of kinds (built off the GUI thread)."""

    comparison: object
    kinds: frozenset[str]
    panes: dict[str, PaneMarks]


def plan_marks(index: ComparisonIndex, kinds: Collection[str]) -> MarksPlan:
    """The marks of every source of ``index``'s comparison, showing ``kinds`` (plain Python)."""
    panes: dict[str, PaneMarks] = {}
    for source in index.comparison.sources:
        sid = source.id
        linked = [(index.claims[cid].span, links[0][1]) for cid, links in linked_claims(index, sid).items()]
        marks = finding_marks(index.comparison, sid, kinds, index=index)
        panes[sid] = PaneMarks(marks, linked, overview_bands(len(source.text), marks, linked))
    return MarksPlan(index.comparison, frozenset(kinds), panes)


class _Why:
    """A connector's tooltip, written when it is hovered (not for every link up front)."""

    def __init__(self, index: ComparisonIndex) -> None:
        self._index = index

    def __call__(self, link_id: str) -> str:
        link = self._index.link(link_id)
        if link is None:
            return f"link {link_id} · added by an annotator"
        return f"link {link.id} · {link.relation} · score {link.score:.0f}\n{link.evidence.summary()}"


class PaneArea(QSplitter):
    """One :class:`SourcePane` per source, a :class:`Gutter` between each neighbouring pair."""

    claim_clicked = Signal(str)
    link_clicked = Signal(str)
    blank_clicked = Signal()  # a click on no claim and no band

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.setAccessibleName("Sources side by side")
        self.panes: dict[str, SourcePane] = {}
        self.gutters: list[Gutter] = []
        self.sync: ScrollSync | None = None
        self._sync_enabled = True
        self._font_size = 11
        self._index: ComparisonIndex | None = None
        self._ends: list[tuple[str, str, str, Span, str, Span]] = []  # each engine link's two passages
        self._added: tuple[AddedLink, ...] = ()
        self._hidden = False
        self._later = False  # the connectors of the comparison shown wait for draw_connectors()
        self._layout_turns = LayoutTurns(self)  # the panes' texts laid out one step at a time

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

    def set_sources(
        self, sources: Sequence[Source], index: ComparisonIndex | None, *, connectors_later: bool = False
    ) -> None:
        """Build panes for ``sources``; with a comparison's index, also its claims, connectors and
        scroll sync. ``connectors_later``: the gutters are emptied and the new connectors wait for
        :meth:`draw_connectors` (so painting them is not in the same stretch as the rest).

        When the panes already show these texts (a comparison of the sources just opened), they are
        kept: laying out a long account again would stall the window.
        """
        self._later = connectors_later
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
            self._layout_turns.follow(pane)
            pane.claim_clicked.connect(self.claim_clicked)
            pane.blank_clicked.connect(self.blank_clicked)
            if previous is not None:
                gutter = Gutter(previous, pane, self)
                gutter.neutral = self._hidden
                gutter.link_clicked.connect(self.link_clicked)
                gutter.blank_clicked.connect(self.blank_clicked)
                self.addWidget(gutter)
                self.gutters.append(gutter)
            self.addWidget(pane)
            self.panes[source.id] = pane
            previous = pane
        for i in range(self.count()):
            self.setStretchFactor(i, 0 if isinstance(self.widget(i), Gutter) else 1)
        if index is not None:
            self._connect(index)

    def set_added_links(self, links: Sequence[AddedLink]) -> None:
        """Draw the links annotators added beside the engine's (those whose passages lie in the texts)."""
        new = tuple(links)
        if new == self._added:
            return  # the connectors drawn already have them
        self._added = new
        if self._index is not None and not self._later:
            self._draw_connectors(self._index)

    def draw_connectors(self, *, paint: bool = True) -> None:
        """Draw the connectors that :meth:`set_sources` was told to leave for later; with
        ``paint=False`` they are set but painted only at :meth:`paint_connectors` (and may be
        placed before, by :meth:`place_connectors`)."""
        if self._later and self._index is not None:
            self._later = False
            self._draw_connectors(self._index, paint=paint)

    def place_connectors(self) -> None:
        """Work out where the connectors in view meet their panes, so the next paint only draws."""
        for gutter in self.gutters:
            gutter.warm()

    def paint_connectors(self) -> None:
        """Paint the gutters (the connectors :meth:`draw_connectors` set without painting)."""
        for gutter in self.gutters:
            gutter.update()

    def set_answers_hidden(self, hidden: bool) -> None:
        """Classroom: bands in one colour and no overview strips, so nothing shows where a finding is."""
        self._hidden = hidden
        for gutter in self.gutters:
            gutter.neutral = hidden
            gutter.update()
        for pane in self.panes.values():
            pane.overview.setVisible(not hidden)

    def set_student_marks(self, marks: Sequence[SpanRef]) -> None:
        """Draw a student's marks in the panes of their sources."""
        for sid, pane in self.panes.items():
            pane.set_student_marks(m.span for m in marks if m.source == sid)

    def _added_pairs(self) -> list[tuple[str, str, Span, str, Span]]:
        texts = {sid: len(pane.source.text) for sid, pane in self.panes.items()}
        return [
            (added.id, added.a.source, added.a.span, added.b.source, added.b.span)
            for added in self._added
            if added.a.end <= texts.get(added.a.source, -1) and added.b.end <= texts.get(added.b.source, -1)
        ]

    def _connect(self, index: ComparisonIndex) -> None:
        # Each link's ends, worked out once (a long comparison has thousands): the connectors and
        # the scroll sync both read them.
        claims = index.claims
        ends: list[tuple[str, str, str, Span, str, Span]] = []
        for link in index.comparison.links:
            a, b = claims[link.a], claims[link.b]
            ends.append((link.id, link.relation, a.source, a.span, b.source, b.span))
        pairs = [(sa, span_a, sb, span_b) for _lid, _rel, sa, span_a, sb, span_b in ends]
        self._index, self._ends = index, ends
        if self._later:
            for gutter in self.gutters:
                gutter.set_connectors([])
        else:
            self._draw_connectors(index)
        if self.sync is not None:  # panes kept from the last comparison: its sync stays off for good
            self.sync.enabled = False
        self.sync = ScrollSync(list(self.panes.values()), pairs)
        self.sync.enabled = self._sync_enabled
        for pane in self.panes.values():
            pane.overview.setVisible(not self._hidden)

    def _draw_connectors(self, index: ComparisonIndex, *, paint: bool = True) -> None:
        why = _Why(index)
        links = [*self._ends]
        links += [
            (lid, "added", sa, span_a, sb, span_b) for lid, sa, span_a, sb, span_b in self._added_pairs()
        ]
        order = {sid: n for n, sid in enumerate(self.panes)}
        panes = list(self.panes.values())
        for n, gutter in enumerate(self.gutters):  # gutter n lies between panes n and n + 1
            connectors: list[Connector] = []
            for link_id, relation, sa, span_a, sb, span_b in links:
                if sa not in order or sb not in order:
                    continue
                if order[sa] > order[sb]:
                    sa, span_a, sb, span_b = sb, span_b, sa, span_a
                first, last = order[sa], order[sb]
                if not (first <= n < last):
                    continue  # the link does not cross this gutter
                connectors.append(
                    Connector(
                        link_id,
                        span_a,
                        span_b,
                        relation,
                        None if first == n else panes[first],
                        None if last == n + 1 else panes[last],
                    )
                )
            gutter.set_connectors(connectors, paint=paint)
            gutter.describe = why

    def paint(
        self,
        index: ComparisonIndex | None,
        kinds: Collection[str],
        *,
        dark: bool,
        plan: MarksPlan | None = None,
    ) -> None:
        """(Re)paint every pane's marks; ``plan`` holds them already when it was made for these kinds."""
        if index is None:
            return
        if plan is None or plan.comparison is not index.comparison or plan.kinds != frozenset(kinds):
            plan = plan_marks(index, kinds)
        for sid, pane in self.panes.items():
            prepared = plan.panes.get(sid)
            if self._hidden:  # classroom: no tint tells a linked claim or a conflict
                pane.set_marks([], [], dark=dark, bands=[])
            elif prepared is not None:
                pane.set_marks(prepared.marks, prepared.linked, dark=dark, bands=prepared.bands)

    def selected_span(self, source_id: str) -> Span | None:
        """What the user selected in a source's pane (else its current claim); ``None`` without one."""
        pane = self.panes.get(source_id)
        return pane.selected_span() if pane is not None else None

    def text_selection(self, source_id: str) -> Span | None:
        """The words the user selected in a source's pane (whole words); ``None`` without any."""
        pane = self.panes.get(source_id)
        return pane.text_selection() if pane is not None else None

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
