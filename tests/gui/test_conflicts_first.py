"""Conflicts first: severity order, one row per discrepancy, show all, counts, pairs of accounts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QKeySequence

from comparer.core.formats.sources import source_from_text
from comparer.gui.models import COL_VALUE_A, COL_VALUE_B
from comparer.gui.rows import ONLY_IN, build_rows, severity_class, severity_summary

# Three short accounts of one invented event, written for these tests.
_HARBOUR = (
    "Storm floods the harbour town\n\n"
    "Forty houses were flooded in the harbour town on Monday, the mayor said.\n\n"
    "Two fishermen were rescued from the breakwater by the coastguard.\n\n"
    "The ferry to the island was cancelled for the rest of the week."
)
_COAST = (
    "Harbour town counts the cost of the storm\n\n"
    "Sixty houses were flooded in the harbour town on Monday, the mayor said.\n\n"
    "Two fishermen were rescued from the breakwater by the coastguard.\n\n"
    "Schools will stay closed until Thursday."
)
_ISLAND = (
    "Island cut off after storm\n\n"
    "Forty houses were flooded in the harbour town on Monday, officials said.\n\n"
    "The ferry to the island was cancelled for the rest of the week."
)


def _accounts():
    texts = (("Harbour News", _HARBOUR), ("Coast Daily", _COAST), ("Island Post", _ISLAND))
    return [
        replace(source_from_text(text, source_id=sid, path=f"<{sid}>", title=None), outlet=outlet)
        for sid, (outlet, text) in zip("abc", texts, strict=True)
    ]


def test_rows_come_in_severity_order_with_conflicts_first(sample_window):
    rows = sample_window.findings.visible_rows()
    ranks = [r.rank for r in rows]
    assert ranks == sorted(ranks)
    assert rows[0].is_conflict, "the sample's conflict should be the first row"
    assert severity_class(rows[0].kind) == "conflict"


def test_a_discrepancy_on_several_links_is_one_row(sample_window):
    comp = sample_window.comparison
    rows = [r for r in build_rows(comp) if r.kind not in ("", ONLY_IN)]
    assert len(rows) == len(comp.findings)
    merged = next(r for r in rows if len(r.link_ids) > 1)
    assert len({r.key for r in rows}) == len(rows)
    # Every claim the discrepancy rests on is selected in its pane.
    sample_window.findings.select_where(key=merged.key)
    if sample_window.findings.current_row() != merged:
        sample_window.findings.show_all.setChecked(True)
        assert sample_window.findings.select_where(key=merged.key)
    for sid, span in merged.spans:
        assert span in sample_window.pane(sid).current_spans()


def test_show_all_reveals_unsure_findings_and_the_counts_follow(sample_window):
    panel, status = sample_window.findings, sample_window.status_label
    shown = panel.visible_rows()
    assert not any(r.minor for r in shown)
    before = status.text()
    assert before.startswith(severity_summary(shown))
    assert "conflict" in before
    panel.show_all.setChecked(True)
    everything = panel.visible_rows()
    assert len(everything) == panel.model.rowCount() > len(shown)
    assert status.text().startswith(severity_summary(everything))


def test_the_conflict_relation_filter_shows_only_conflicting_links(sample_window):
    panel = sample_window.findings
    panel.show_all.setChecked(True)
    panel.relation_box.setCurrentIndex(panel.relation_box.findData("conflict"))
    rows = panel.visible_rows()
    assert rows
    assert all(r.relation == "conflict" for r in rows)
    assert not any(r.kind == ONLY_IN for r in rows)


def test_alt_down_and_up_walk_the_conflicts(sample_window, qtbot):
    win = sample_window
    win.findings.show_all.setChecked(True)
    conflicts = [i for i, r in enumerate(win.findings.visible_rows()) if r.is_conflict]
    assert conflicts
    win.findings.select_proxy_row(len(win.findings.visible_rows()) - 1)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    combo = QKeySequence("Alt+Down")[0]
    qtbot.keyClick(win.findings.table, combo.key(), combo.keyboardModifiers())
    assert win.findings.table.currentIndex().row() == conflicts[0]
    assert win.findings.current_row().is_conflict
    combo = QKeySequence("Alt+Up")[0]
    qtbot.keyClick(win.findings.table, combo.key(), combo.keyboardModifiers())
    assert win.findings.table.currentIndex().row() == conflicts[-1]


def test_next_conflict_says_so_when_there_is_none(sample_window):
    panel = sample_window.findings
    panel.kind_box.setCurrentIndex(panel.kind_box.findData(ONLY_IN))
    sample_window.step_conflict(1)
    assert "No conflict" in sample_window.statusBar().currentMessage()


@pytest.fixture
def three_window(window):
    window.set_sources(_accounts())
    assert window.comparison is not None
    return window


def test_value_columns_are_named_by_account_and_a_pair_can_be_chosen(three_window):
    panel = three_window.findings
    assert panel.pair_box.isVisibleTo(panel)
    assert panel.pair_box.count() == 4  # all, a–b, a–c, b–c
    panel.choose_pair("a", "c")
    model = panel.model
    assert model.headerData(COL_VALUE_A, _horizontal()) == "Harbour News"
    assert model.headerData(COL_VALUE_B, _horizontal()) == "Island Post"
    rows = panel.visible_rows()
    assert rows
    assert all({s for s in r.sources if s} <= {"a", "c"} for r in rows)
    panel.choose_pair("a", "b")
    panel.show_all.setChecked(True)
    assert any(r.is_conflict for r in panel.visible_rows()), "forty against sixty houses"
    assert all({s for s in r.sources if s} <= {"a", "b"} for r in panel.visible_rows())


def test_two_accounts_name_the_columns_without_a_pair_choice(sample_window):
    panel = sample_window.findings
    assert not panel.pair_box.isVisibleTo(panel)
    a, b = sample_window.comparison.sources
    assert panel.model.headerData(COL_VALUE_A, _horizontal()) == (a.outlet or a.id)
    assert panel.model.headerData(COL_VALUE_B, _horizontal()) == (b.outlet or b.id)


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_findings_kept_only_on_links_are_grouped_by_kind_and_values(sample_window):
    comp = replace(sample_window.comparison, findings=())
    rows = [r for r in build_rows(comp) if r.kind not in ("", ONLY_IN)]
    on_links = {
        (f.kind, tuple(v.casefold() if v else v for v in f.values))
        for link in comp.links
        for f in link.findings
    }
    assert len(rows) == len(on_links)
    assert {i for r in rows for i in r.link_ids} == {link.id for link in comp.links if link.findings}
