"""Selecting in the window: a row of the list, a link, a claim or a finding, shown in every view.

The :class:`Selector` carries out what the user clicks (a row, a connector, a claim in a pane) and
what panels ask through the session (``session.select(kind, id)``), and records the outcome in the
session (``note_selection``, ``note_current_link``), so that panels hear of it from there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from comparer.core.engine.model import Span
from comparer.gui.detail import DetailPanel
from comparer.gui.findings_panel import FindingsPanel
from comparer.gui.pane_area import PaneArea
from comparer.gui.rows import Row
from comparer.gui.session import ComparisonSession


class Selector(QObject):
    """Keeps the list, the panes and the detail panel showing one selection."""

    def __init__(
        self,
        session: ComparisonSession,
        area: PaneArea,
        findings: FindingsPanel,
        detail: DetailPanel,
        rows: Callable[[], list[Row]],
    ) -> None:
        super().__init__(session)
        self.session, self.area, self.findings, self.detail = session, area, findings, detail
        self._rows = rows  # the list's rows, also those its filters hide
        self._scroll_on_select = True  # False while a click in a pane selects: that pane stays put
        session.selectionRequested.connect(self.on_selection_requested)
        area.claim_clicked.connect(self.on_claim_clicked)
        area.link_clicked.connect(self.select_link)
        area.blank_clicked.connect(self.clear)
        findings.row_selected.connect(self.apply_row)

    def select_link(self, link_id: str) -> None:
        """Select link ``link_id`` in the list, the panes and the detail panel ("" clears)."""
        if not link_id:
            self.apply_row(None)
            return
        if not self.findings.select_where(link_id=link_id):  # hidden by the filters: show it anyway
            self.apply_row(next((r for r in self._rows() if link_id in r.link_ids), None))
        self._focus_link(link_id)
        if self.session.link(link_id) is not None:
            self.session.note_selection("link", link_id)  # asked for the link, not for its row's finding

    def clear(self) -> None:
        """Select nothing: no row, no link, no claim (a click on blank space)."""
        if self.findings.current_row() is not None:
            self.findings.clear_current()  # the list tells the rest (row_selected(None))
        self.apply_row(None)

    def reveal_claim(self, claim_id: str) -> None:
        """Select one claim in its pane and scroll it into view (a fact table cell asks this)."""
        claim = self.session.claim(claim_id)
        if claim is None:
            return
        if self.findings.current_row() is not None:
            self.findings.clear_current()  # the list's row would stand for something else
        self.area.set_current({claim.source: [claim.span]}, "")
        self.session.note_current_link("")
        self.session.note_selection("claim", claim_id)

    def select_finding(self, finding_id: str) -> None:
        """Select a finding's row in the list (shown even when the filters hide it) and its passages."""
        key = f"finding:{finding_id}"
        if not self.findings.select_where(key=key):
            self.apply_row(next((r for r in self._rows() if r.key == key), None))

    def on_selection_requested(self, kind: str, item_id: str) -> None:
        if kind == "claim":
            self.reveal_claim(item_id)
        elif kind == "finding":
            self.select_finding(item_id)
        else:
            self.select_link(item_id if kind == "link" else "")

    def _focus_link(self, link_id: str) -> None:
        # A row can stand for several links; the one asked for is the current link (labels go to it).
        link = self.session.link(link_id)
        if link is None or link_id == self.session.current_link:
            return
        spans: dict[str, list[Span]] = {}
        for cid in (link.a, link.b):
            claim = self.session.claim(cid)
            if claim is not None:
                spans.setdefault(claim.source, []).append(claim.span)
        self.area.set_current(spans, link_id, scroll=self._scroll_on_select)
        self.session.note_current_link(link_id)

    def apply_row(self, row: Row | None) -> None:
        spans: dict[str, list[Span]] = {}
        for sid, span in row.spans if row else ():
            spans.setdefault(sid, []).append(span)
        link_id = (row.link_id or "") if row else ""
        self.area.set_current(spans, link_id, scroll=self._scroll_on_select)
        self.detail.show_row(self.session.index, row)
        self.session.note_current_link(link_id)
        self.session.note_selection(*_selection_of(row))

    def on_claim_clicked(self, claim_id: str) -> None:
        clicked = self.session.claim(claim_id)
        if clicked is None:
            return
        links = self.session.links_of(claim_id)
        # Clicking a claim never scrolls the pane clicked in; its counterparts are brought into view.
        self._scroll_on_select = False
        try:
            if not links:
                if not self.findings.select_where(key=f"only:{claim_id}"):
                    self.area.set_current({clicked.source: [clicked.span]}, "", scroll=False)
                    self.session.note_selection("claim", claim_id)
                return
            self.select_link(max(links, key=lambda lk: lk.score).id)
        finally:
            self._scroll_on_select = True
        spans: dict[str, list[Span]] = {}
        for link in links:  # every counterpart of the clicked claim, not only the best
            for cid in (link.a, link.b):
                claim = self.session.claim(cid)
                if claim is None:
                    continue
                if cid == claim_id or claim.span not in spans.get(claim.source, []):
                    spans.setdefault(claim.source, []).append(claim.span)
        spans[clicked.source] = [clicked.span]
        self.area.set_current(spans, self.session.current_link, scroll=False)
        self.area.scroll_to({sid: found for sid, found in spans.items() if sid != clicked.source})


def _selection_of(row: Row | None) -> tuple[str, str]:
    """What a row of the list selects: a finding, a claim one source makes, a link, or nothing."""
    if row is None:
        return "", ""
    if row.key.startswith("finding:"):
        return "finding", row.key.removeprefix("finding:")
    if row.key.startswith("only:"):
        return "claim", row.key.removeprefix("only:")
    return ("link", row.link_id) if row.link_id else ("", "")
