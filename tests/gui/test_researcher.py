"""The window for a researcher: a label column and a count, labels that go to links, added links
shown, blank clicks that clear, adjudication with both passages and an aligned confusion matrix."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor
from window_helpers import select_range as _select

from comparer.gui.main_window import MainWindow
from comparer.gui.models import COL_LABEL


def _label_cells(win: MainWindow) -> dict[str, str]:
    model = win.findings.model
    return {model.row_at(r).key: model.index(r, COL_LABEL).data() for r in range(model.rowCount())}


def test_the_label_column_and_the_count_follow_the_labels(full, project):
    panel = full.project_panels.annotate
    assert not full.findings.table.isColumnHidden(COL_LABEL)  # shown while a project is open
    panel.annotator.setText("Ana")
    total = len(full.project_panels.session.project.links())
    assert panel.progress.text() == f"0 of {total} links labelled"
    link = next(lk for lk in full.comparison.links if not lk.findings)
    full.select_link(link.id)
    panel.set_label("agree")
    assert panel.progress.text() == f"1 of {total} links labelled"
    assert _label_cells(full)[link.id] == "agree"
    full.project_panels.session.close_project()
    assert full.findings.table.isColumnHidden(COL_LABEL)


def test_a_label_on_a_finding_row_goes_to_one_of_its_links_or_to_each(full, project):
    panel = full.project_panels.annotate
    panel.annotator.setText("Ana")
    finding = next(f for f in full.comparison.findings if len(f.links) > 2)
    full.select_finding(finding.id)
    assert panel.which.isVisible()
    assert panel.which.count() == 1 + len(finding.links)  # "each of them", then one line per link
    store = full.project_panels.session.project
    panel.set_label("conflict")
    labelled = [lk for lk in finding.links if store.annotation(lk, "Ana").label]
    assert labelled == [panel.link_id]  # the link shown, not the whole row
    row_label = _label_cells(full)[f"finding:{finding.id}"]
    assert row_label == f"conflict (1 of {len(finding.links)})"
    other = finding.links[-1] if finding.links[-1] != panel.link_id else finding.links[0]
    panel.which.setCurrentIndex(panel.which.findData(other))
    panel.which.activated.emit(panel.which.currentIndex())
    assert panel.link_id == other
    assert full.session.current_link == other
    link = full.session.link(other)
    claim_a = full.comparison.claim(link.a)
    assert claim_a.span in full.pane(claim_a.source).current_spans()  # shown in the panes
    panel.set_label("related")
    assert store.annotation(other, "Ana").label == "related"
    panel.which.setCurrentIndex(0)  # each of the finding's links
    panel.set_label("agree")
    assert all(store.annotation(lk, "Ana").label == "agree" for lk in finding.links)
    assert (
        _label_cells(full)[f"finding:{finding.id}"] == f"agree ({len(finding.links)} of {len(finding.links)})"
    )


def test_a_link_added_by_hand_is_listed_and_drawn(full, project):
    panel = full.project_panels.annotate
    panel.annotator.setText("Ana")
    full.session.select("")
    texts = {s.id: s.text for s in full.comparison.sources}
    _select(full, "a", 0, 10)
    _select(full, "b", 0, 12)
    panel.add_link_from_selection()
    added = full.project_panels.session.project.added_links()
    assert len(added) == 1
    link_id = added[0].id
    rows = {r.key: r for r in full.findings.model.rows()}
    row = rows[f"added:{link_id}"]
    assert row.relation == "added"
    assert row.excerpts[0] == " ".join(texts["a"][added[0].a.start : added[0].a.end].split())
    assert any(c.link_id == link_id for g in full.area.gutters for c in g.connectors)
    assert full.findings.current_row() is row  # selected: labels go to it
    assert panel.link_id == link_id
    panel.set_label("agree")
    assert _label_cells(full)[f"added:{link_id}"] == "agree"


def _blank_point(win: MainWindow, source_id: str):
    view = win.pane(source_id).view
    text = win.pane(source_id).source.text
    for pos, ch in enumerate(text):
        if ch == "\n" and view.claim_at_position(pos) is None:
            cursor = QTextCursor(view.document())
            cursor.setPosition(pos)
            rect = view.cursorRect(cursor)
            if view.viewport().rect().contains(rect.center()):
                probe = view.cursorForPosition(rect.center()).position()
                if view.claim_at_position(probe) is None:
                    return rect.center()
    raise AssertionError("no blank line in view")


def test_clicking_blank_space_clears_the_selection(qtbot, full):
    full.findings.step(1)
    assert full.findings.current_row() is not None
    assert full.session.selection != ("", "")
    point = _blank_point(full, "a")
    qtbot.mouseClick(full.pane("a").view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert full.findings.current_row() is None
    assert full.session.selection == ("", "")
    assert full.session.current_link == ""
    assert all(not p.current_spans() for p in full.area.panes.values())


def test_clicking_the_gutter_off_every_band_clears_the_selection(qtbot, full):
    full.findings.step(1)
    gutter = full.area.gutters[0]
    gutter.repaint()
    spot = next(
        (x, y)
        for y in range(2, gutter.height() - 2, 3)
        for x in (2, gutter.width() // 2)
        if not gutter.link_at(QPointF(x, y))
    )
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(*spot))
    assert full.findings.current_row() is None
    assert full.session.selection == ("", "")


def test_adjudication_shows_both_passages_and_the_matrix_lines_up(full, project):
    session, agreement = full.project_panels.session, full.project_panels.agreement
    links = full.comparison.links[:3]
    for annotator, labels in (
        ("Ana", ("agree", "conflict", "agree")),
        ("Ben", ("agree", "conflict", "related")),
    ):
        session.annotator = annotator
        for link, label in zip(links, labels, strict=True):
            assert session.annotate(link.id, "label", label)
    assert agreement.disagreements.count() == 1
    text = agreement.disagreements.item(0).text()
    disputed = links[2]
    assert text.startswith(f"{disputed.id} — Ana: agree; Ben: related")
    for cid in (disputed.a, disputed.b):
        claim = full.comparison.claim(cid)
        assert f"{claim.source}: {' '.join(claim.text.split())}" in text
    matrix = agreement.matrix
    cats = ["agree", "conflict", "related"]
    assert [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())] == cats
    assert [matrix.verticalHeaderItem(r).text() for r in range(matrix.rowCount())] == cats
    grid = [[matrix.item(r, c).text() for c in range(3)] for r in range(3)]
    assert grid == [["1", "0", "1"], ["0", "1", "0"], ["0", "0", "0"]]
    assert "Confusion matrix" not in agreement.output.toPlainText()  # the table, not spaced-out text
