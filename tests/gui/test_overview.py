"""The overview beside each pane, and tints only where a shown finding is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from comparer.gui.marks import finding_marks
from comparer.gui.palette import MARK_KINDS, OKABE_ITO
from comparer.gui.rows import ONLY_IN


def test_the_overview_marks_conflicts_and_a_click_jumps_there(sample_window, qtbot):
    win = sample_window
    win.resize(1024, 600)
    pane = next(iter(win.area.panes.values()))
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    colours = {b.colour for b in pane.overview.bands()}
    assert OKABE_ITO["vermillion"] in colours, "the sample's conflict shows in the overview"
    assert all(0.0 <= b.top <= b.bottom <= 1.0 for b in pane.overview.bands())
    bar.setValue(0)
    qtbot.mouseClick(pane.overview, Qt.MouseButton.LeftButton, pos=QPoint(5, pane.overview.height() - 2))
    assert bar.value() == bar.maximum()
    qtbot.mouseClick(pane.overview, Qt.MouseButton.LeftButton, pos=QPoint(5, 1))
    assert bar.value() == 0


def test_panes_tint_only_the_findings_the_list_shows(sample_window):
    comp = sample_window.comparison
    shown = comp.shown_findings()
    hidden = [f for f in comp.findings if f not in shown]
    assert hidden, "the sample has unsure findings to keep out of the panes"
    for source in comp.sources:
        marks = [m for m in finding_marks(comp, source.id, MARK_KINDS) if m.kind != ONLY_IN]
        allowed = {
            (span, f.kind)
            for f in shown
            for side, sid in enumerate(f.sources)
            if sid == source.id
            for span in f.spans[side] or tuple(comp.claim(c).span for c in f.claims[side])
        }
        allowed |= {(span, c.kind) for c in comp.checks if c.source == source.id for span in c.spans}
        assert {(m.span, m.kind) for m in marks} <= allowed


def test_a_click_on_a_connector_selects_its_link_and_hovering_tells_why(sample_window, qtbot):
    win = sample_window
    gutter = win.area.gutters[0]
    gutter.repaint()
    qtbot.waitUntil(lambda: bool(gutter._drawn), timeout=2000)
    _link_id, path = gutter._drawn[-1]
    target = QPoint(gutter.width() // 2, round(path.boundingRect().center().y()))
    clicked = gutter.link_at(target.toPointF())
    assert clicked
    with qtbot.waitSignal(win.current_link_changed, timeout=2000) as blocker:
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=target)
    assert blocker.args == [clicked]
    link = next(lk for lk in win.comparison.links if lk.id == clicked)
    assert f"link {clicked}" in gutter.describe(clicked)
    assert link.relation in gutter.describe(clicked)
