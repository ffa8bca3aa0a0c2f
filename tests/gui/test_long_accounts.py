"""What lets the window stay answering on long accounts keeps what it shows the same: the list's
fitted columns, its rows counted through the filters, the connectors found by position, and a
comparison shown in turns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimerEvent

from comparer.core.formats.sources import source_from_text
from comparer.gui import app
from comparer.gui.findings_panel import FITTED
from comparer.gui.models import Roles
from comparer.gui.panes import LayoutTurns, SourcePane


def _proxy_rows(panel):
    return [panel.proxy.index(r, 0).data(Roles.ROW) for r in range(panel.proxy.rowCount())]


@pytest.mark.parametrize("show_all", [False, True])
@pytest.mark.parametrize("kind", [0, 1, 2])
def test_visible_rows_are_the_rows_the_table_shows(sample_window, show_all, kind):
    panel = sample_window.findings
    panel.show_all.setChecked(show_all)
    panel.kind_box.setCurrentIndex(kind)
    assert panel.visible_rows() == _proxy_rows(panel)
    panel.search.setText("iran")
    assert panel.visible_rows() == _proxy_rows(panel)
    panel.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert panel.visible_rows() == _proxy_rows(panel)


def _widest_cell(panel, col: int) -> int:
    hints = [
        panel.table.sizeHintForIndex(panel.proxy.index(r, col)).width() for r in range(panel.proxy.rowCount())
    ]
    grid = 1 if panel.table.showGrid() else 0
    return max(hints, default=0) + grid


def test_fitted_columns_are_as_wide_as_their_widest_shown_cell(sample_window):
    panel = sample_window.findings
    header = panel.table.horizontalHeader()

    def check() -> None:
        for col in FITTED:
            want = max(_widest_cell(panel, col), header.sectionSizeHint(col), header.minimumSectionSize())
            assert header.sectionSize(col) == min(want, header.maximumSectionSize())

    check()
    before = header.sectionSize(FITTED[0])
    panel.show_all.setChecked(True)  # longer kind labels come in
    check()
    panel.search.setText("no such words anywhere")  # nothing shown: as wide as the header
    check()
    assert header.sectionSize(FITTED[0]) < before


def test_a_gutter_paints_exactly_the_connectors_with_an_end_in_view(sample_window, qtbot):
    gutter = sample_window.area.gutters[0]
    bar = gutter.left.view.verticalScrollBar()
    sample_window.area.set_sync(False)  # the panes apart: bands with only one end in view too
    for value in (0, bar.maximum() // 3, bar.maximum()):
        bar.setValue(value)
        ranges = {}
        for pane in (gutter.left, gutter.right):
            viewport = pane.view.viewport()
            top = pane.view.cursorForPosition(viewport.rect().topLeft()).position()
            bottom = pane.view.cursorForPosition(viewport.rect().bottomRight()).position()
            ranges[id(pane)] = (top, bottom)

        def shows(pane: SourcePane, span, ranges=ranges) -> bool:
            lo, hi = ranges[id(pane)]
            return span.end >= lo and span.start <= hi

        scanned = [
            c
            for c in gutter.connectors
            if shows(c.left_pane or gutter.left, c.left) or shows(c.right_pane or gutter.right, c.right)
        ]
        assert gutter._near() == scanned
        assert scanned, "some band has an end in view"


def test_band_rectangles_follow_the_scroll(sample_window):
    pane = sample_window.area.gutters[0].left
    gutter = sample_window.area.gutters[0]
    span = sample_window.session.index.claims_in(pane.source.id)[-1].span
    bar = pane.view.verticalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum(), 0):
        bar.setValue(value)
        assert gutter._rect(pane, span) == pane.view.span_rect(span)


def test_scroll_anchors_use_each_paragraphs_height(sample_window):
    pane = sample_window.area.gutters[0].left
    starts, tops = pane.block_tops()
    assert starts == sorted(starts)
    assert len(starts) > 1
    for claim in sample_window.session.index.claims_in(pane.source.id):
        i = max(n for n, s in enumerate(starts) if s <= claim.start)
        assert tops[i] == pane.block_y(claim.start)


TEXT_A = (
    "Harbour closed\n\n"
    "The harbour at Velmora was closed on Monday after a storm sank three fishing boats.\n\n"
    "Twelve sailors were rescued by the coast guard before dawn."
)
TEXT_B = (
    "Storm hits coast\n\n"
    "A storm sank three fishing boats at Velmora, and the harbour was closed on Monday.\n\n"
    "The coast guard rescued fourteen sailors before dawn."
)


@pytest.fixture
def live(qtbot, store, told):
    """The window as a user gets it: comparing in the background."""
    win = app.build_window(store, synchronous=False)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _sources():
    return [
        source_from_text(text, source_id=sid, path=f"{sid}.txt", title=text.split("\n")[0])
        for sid, text in (("a", TEXT_A), ("b", TEXT_B))
    ]


def test_a_comparison_shown_in_turns_ends_with_its_connectors_and_marks(live, qtbot):
    live.set_sources(_sources())
    qtbot.waitUntil(lambda: live.comparison is not None and not live.tasks.busy, timeout=60_000)
    assert live.findings.model.rowCount() > 0  # the list comes first, at once
    gutter = live.area.gutters[0]
    ids = {lk.id for lk in live.comparison.links}
    qtbot.waitUntil(lambda: {c.link_id for c in gutter.connectors} == ids, timeout=5_000)
    panes = list(live.area.panes.values())
    qtbot.waitUntil(lambda: all(p.extra_selection_spans() for p in panes), timeout=5_000)


def test_the_panes_texts_are_laid_out_one_step_per_turn(sample_window, qtbot):
    turns = LayoutTurns()
    layouts = [p.view.document().documentLayout() for p in sample_window.area.panes.values()]
    for pane in sample_window.area.panes.values():
        turns.follow(pane)
    assert not turns.eventFilter(layouts[0], QTimerEvent(1))  # the first step of a turn is taken
    assert turns.eventFilter(layouts[1], QTimerEvent(1))  # the other pane's waits
    qtbot.waitUntil(lambda: not turns.eventFilter(layouts[1], QTimerEvent(1)), timeout=2_000)
    for layout in layouts:
        layout.removeEventFilter(turns)
