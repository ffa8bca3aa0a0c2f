"""The findings list and the panes agree: selecting a finding selects its claims, filters hide rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from comparer.gui.models import FindingsFilter, FindingsModel, Roles
from comparer.gui.rows import ONLY_IN, build_rows


def _spans_by_source(row):
    out = {}
    for sid, span in row.spans:
        out.setdefault(sid, []).append(span)
    return out


def test_findings_appear_for_the_sample(sample_window):
    panel = sample_window.findings
    assert panel.model.rowCount() > 0
    assert panel.proxy.rowCount() > 0
    kinds = {row.kind for row in panel.model.rows()}
    assert kinds - {"", ONLY_IN}, "the sample should give at least one finding beyond bare links"
    assert sample_window.status_label.text().endswith("· 2 accounts")


def test_selecting_each_row_selects_its_claims_in_both_panes(sample_window, qtbot):
    win = sample_window
    comp = win.comparison
    for r in range(win.findings.proxy.rowCount()):
        row = win.findings.proxy.index(r, 0).data(Roles.ROW)
        win.findings.select_proxy_row(r)
        assert win.findings.current_row() == row
        wanted = _spans_by_source(row)
        for sid in (s.id for s in comp.sources):
            pane = win.pane(sid)
            assert list(pane.current_spans()) == wanted.get(sid, [])
            # The painted extra selections include exactly those ranges.
            painted = pane.extra_selection_spans()
            for span in wanted.get(sid, []):
                assert span in painted
        if len(row.link_ids) == 1 and row.link_id:
            link = next(lk for lk in comp.links if lk.id == row.link_id)
            a, b = comp.claim(link.a), comp.claim(link.b)
            assert win.pane(a.source).current_spans() == (a.span,)
            assert win.pane(b.source).current_spans() == (b.span,)
            assert win.pane(a.source).selected_span() == a.span


def test_select_link_reports_the_link_and_clears(sample_window, qtbot):
    win = sample_window
    listed = [i for row in win.findings.visible_rows() for i in row.link_ids]
    link = next(lk for lk in reversed(win.comparison.links) if lk.id in listed)
    with qtbot.waitSignal(win.current_link_changed, timeout=1000) as blocker:
        win.select_link(link.id)
    assert blocker.args == [link.id]
    assert link.id in win.findings.current_row().link_ids
    assert "link " + link.id in win.detail.toPlainText()
    with qtbot.waitSignal(win.current_link_changed, timeout=1000) as blocker:
        win.select_link("")
    assert blocker.args == [""]
    assert all(not p.current_spans() for p in win.area.panes.values())


@pytest.mark.parametrize(("forward", "back"), [(Qt.Key.Key_F8, "Shift+F8")])
def test_next_and_previous_walk_every_visible_finding(sample_window, qtbot, forward, back):
    win = sample_window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    n = win.findings.proxy.rowCount()
    seen = []
    for _ in range(n):
        _press(qtbot, win, forward)
        seen.append(win.findings.table.currentIndex().row())
    assert seen == list(range(n))
    _press(qtbot, win, back)
    assert win.findings.table.currentIndex().row() == n - 2


def _press(qtbot, win, key):
    if isinstance(key, str):
        from PySide6.QtGui import QKeySequence

        combo = QKeySequence(key)[0]
        qtbot.keyClick(win.findings.table, combo.key(), combo.keyboardModifiers())
    else:
        qtbot.keyClick(win.findings.table, key)


def test_kind_relation_and_search_filters_hide_rows(sample_window, qtbot):
    panel = sample_window.findings
    total = panel.proxy.rowCount()
    kind = next(r.kind for r in panel.model.rows() if r.kind not in ("", ONLY_IN))
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(kind))
    shown = panel.visible_rows()
    assert shown
    assert all(r.kind == kind for r in shown)
    assert len(shown) < total
    panel.kind_box.setCurrentIndex(0)
    assert panel.proxy.rowCount() == total

    relation = next(r.relation for r in panel.model.rows() if r.relation)
    panel.relation_box.setCurrentIndex(panel.relation_box.findData(relation))
    assert all(r.relation == relation for r in panel.visible_rows())
    panel.relation_box.setCurrentIndex(0)

    word = panel.model.rows()[0].excerpts[0].split()[1]
    qtbot.keyClicks(panel.search, word)
    assert 0 < panel.proxy.rowCount() <= total
    assert all(
        word.lower() in panel.proxy.index(r, 0).data(Roles.SEARCH) for r in range(panel.proxy.rowCount())
    )
    panel.search.setText("zzzz no such words qqqq")
    assert panel.proxy.rowCount() == 0
    assert panel.count.text() == f"0 of {panel.model.rowCount()}"


def test_preferences_kinds_hide_rows_and_marks(sample_window):
    from dataclasses import replace

    win = sample_window
    win.set_preferences(replace(win.prefs, kinds_shown=frozenset()))
    assert {r.kind for r in win.findings.visible_rows()} <= {""}
    for pane in win.area.panes.values():
        assert pane._marks == []


def test_models_pass_the_model_tester(sample_window, qtmodeltester):
    rows = build_rows(sample_window.comparison)
    model = FindingsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = FindingsFilter()
    proxy.setSourceModel(model)
    proxy.set_kinds({ONLY_IN})
    qtmodeltester.check(proxy)
    proxy.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_empty_model_passes_the_model_tester(qtmodeltester):
    model = FindingsModel()
    qtmodeltester.check(model)


def test_sorting_by_score(sample_window):
    panel = sample_window.findings
    panel.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    scores = [-1.0 if r.score is None else r.score for r in panel.visible_rows()]
    assert scores == sorted(scores, reverse=True)
