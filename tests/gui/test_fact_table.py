"""The fact table panel, and the session the window's panels read."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from comparer.core.formats.sources import source_from_text
from comparer.gui.fact_table import CONFLICT_GLYPH, FactRoles
from comparer.gui.session import ComparisonIndex

STORM_A = (
    "Storm hits the coast\n\n"
    "The storm killed five people in Kelby on Monday.\n\n"
    "About 200 homes lost power across the district.\n\n"
    "Roads into the town stayed closed overnight."
)
STORM_B = (
    "Storm kills eight\n\n"
    "The storm killed eight people in Kelby on Monday.\n\n"
    "Some 200 homes lost power across the district.\n\n"
    "Schools will reopen on Thursday."
)


def _storm(window):
    window.set_sources(
        [
            source_from_text(STORM_A, source_id="a", path="a.txt", title="Storm hits the coast"),
            source_from_text(STORM_B, source_id="b", path="b.txt", title="Storm kills eight"),
        ]
    )
    assert window.comparison is not None
    return window.comparison


def _choose_fact_table(window):
    action = window.findChild(QAction, "fact-table")
    assert action is not None
    assert action.text() == "Fact table"
    assert action in window.menu("&View").actions()
    action.trigger()
    return window.facts_dock


def test_the_sample_fact_table_has_a_row_per_fact_and_a_column_per_account(sample_window, qtmodeltester):
    comp = sample_window.comparison
    assert comp.facts, "the sample's accounts state at least one fact both give"
    dock = _choose_fact_table(sample_window)
    assert dock.isVisible()
    model = sample_window.facts.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(comp.facts)
    assert model.columnCount() == 1 + len(comp.sources)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Fact", *(s.outlet or s.id for s in comp.sources)]
    first = comp.facts[0]
    for cell in first.cells:
        index = model.index(0, model.column_of(cell.source))
        assert cell.value in index.data()
        assert index.data(FactRoles.CLAIMS) == cell.claims
    assert "fact" in sample_window.facts.summary.text()


def test_a_conflicting_cell_is_marked(window, qtmodeltester):
    comp = _storm(window)
    deaths = next(row for row in comp.facts if row.measure == "deaths")
    assert deaths.conflict
    assert window.facts.model.rowCount() == 0  # hidden, the panel has not been filled yet
    _choose_fact_table(window)
    model = window.facts.model
    qtmodeltester.check(model)
    r = next(i for i in range(model.rowCount()) if model.fact(i).id == deaths.id)
    for cell in deaths.cells:
        index = model.index(r, model.column_of(cell.source))
        assert index.data(FactRoles.CONFLICT) is True
        assert index.data().startswith(CONFLICT_GLYPH)  # not by colour alone
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(r, 0).data().startswith(CONFLICT_GLYPH)
    homes = next(i for i in range(model.rowCount()) if not model.fact(i).conflict)
    assert model.index(homes, 1).data(FactRoles.CONFLICT) is False
    assert not model.index(homes, 1).data().startswith(CONFLICT_GLYPH)
    assert "1 in conflict" in window.facts.summary.text()


def test_clicking_a_cell_selects_its_claim_in_its_pane_and_scrolls_there(sample_window, qtbot):
    win = sample_window
    win.resize(1024, 600)
    panel = win.facts
    _choose_fact_table(win)
    fact = win.comparison.facts[0]
    cell = fact.cells[-1]
    claim = win.comparison.claim(cell.claims[0])
    pane = win.pane(cell.source)
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    far = 0 if claim.start > len(pane.source.text) // 2 else bar.maximum()
    bar.setValue(far)  # the claim starts out of view
    index = panel.index_of(fact.id, cell.source)
    assert index.isValid()
    with qtbot.waitSignal(win.session.selectionChanged, timeout=2000) as changed:
        qtbot.mouseClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center()
        )
    assert changed.args == ["claim", claim.id]
    assert pane.current_spans() == (claim.span,)
    rect = pane.view.span_rect(claim.span)
    assert 0 <= rect.top() < pane.view.viewport().height(), "the passage is scrolled into view"
    assert win.findings.current_row() is None  # the list's row stood for something else


def test_clicking_a_claim_in_a_pane_never_scrolls_that_pane(sample_window, qtbot):
    win = sample_window
    win.resize(1024, 600)
    pane = win.pane("a")
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    claim = next(c for c in win.session.index.claims_in("a") if pane.view.span_rect(c.span).top() > 40)
    rect = pane.view.span_rect(claim.span)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, rect.top() + 4))
    assert claim.span in pane.current_spans()
    assert bar.value() == before


def test_classroom_mode_hides_the_fact_table_and_gives_it_back(sample_window):
    win = sample_window
    dock = _choose_fact_table(win)
    action = win.findChild(QAction, "fact-table")
    win.session.set_answers_hidden(True)
    assert not dock.isVisible()
    assert not action.isEnabled()
    assert not win.bottom.isVisible()
    win.session.set_answers_hidden(False)
    assert dock.isVisible()
    assert action.isEnabled()
    assert win.bottom.isVisible()


def test_the_session_indexes_the_comparison_once(sample_window, qtbot):
    win = sample_window
    comp = win.comparison
    index = win.session.index
    assert isinstance(index, ComparisonIndex)
    assert index.comparison is comp
    assert set(index.claims) == {c.id for c in comp.claims}
    for source in comp.sources:
        assert [c.id for c in index.claims_in(source.id)] == [
            c.id for c in sorted(comp.claims, key=lambda c: c.start) if c.source == source.id
        ]
    link = comp.links[0]
    assert index.link(link.id) is link
    assert link in index.links_of(link.a)
    assert link in index.links_of(link.b)
    finding = next(f for f in comp.findings if f.claims[0])
    assert finding in index.findings_of(finding.claims[0][0])
    assert finding in index.findings_in(finding.sources[0] or comp.claim(finding.claims[0][0]).source)
    assert comp.claim(link.a) is comp.claim(link.a)  # the model's own index, built once
    with qtbot.waitSignal(
        win.session.selectionChanged, timeout=2000, check_params_cb=lambda kind, _id: kind == "link"
    ) as changed:
        win.session.select("link", link.id)
    assert changed.args == ["link", link.id]
    assert win.session.selection == ("link", link.id)
    assert win.session.current_link == link.id
    with qtbot.waitSignal(win.session.selectionChanged, timeout=2000) as cleared:
        win.session.select("")
    assert cleared.args == ["", ""]
    assert win.session.current_link == ""


def test_a_panel_chosen_from_the_view_menu_comes_to_the_front(qtbot, store, told):
    from comparer.gui import app

    win = app.build_window(store, synchronous=True)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.open_sample()
    annotate = win.project_panels.annotate.parentWidget()
    assert annotate.isVisible()
    facts = _choose_fact_table(win)
    assert facts in win.tabifiedDockWidgets(annotate)  # a tab beside Annotate, not a squeeze
    qtbot.waitUntil(lambda: not facts.visibleRegion().isEmpty(), timeout=2000)
    assert annotate.visibleRegion().isEmpty()  # behind it
    annotate.toggleViewAction().trigger()  # hidden by the click: the menu entry unchecks it
    annotate.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not annotate.visibleRegion().isEmpty(), timeout=2000)
    assert facts.visibleRegion().isEmpty()


def test_a_finding_asked_for_is_selected_and_announced(sample_window, qtbot):
    win = sample_window
    finding = next(f for f in win.comparison.shown_findings() if f.id)
    with qtbot.waitSignal(win.session.findingActivated, timeout=2000) as activated:
        win.session.select("finding", finding.id)
    assert activated.args == [finding.id]
    assert win.session.selection == ("finding", finding.id)
    row = win.findings.current_row()
    assert row is not None
    assert row.key == f"finding:{finding.id}"
    claim = win.comparison.claim(finding.claims[0][0])
    assert claim.span in win.pane(claim.source).current_spans()
