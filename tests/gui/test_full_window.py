"""The window a user gets from ``comparer``: project menu, the three docks, agreement, classroom, help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog
from window_helpers import select_range as _select

from comparer.core.project.store import Project
from comparer.core.research.classroom import targets
from comparer.gui import app, project_panels
from comparer.gui.shortcuts import shortcut_rows, shortcuts_html


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_full_window_has_the_project_commands_docks_and_help(full):
    panels = full.project_panels
    assert isinstance(panels, project_panels.ProjectPanels)
    file_menu = full.menu("&File")
    names = {a.objectName() for a in file_menu.actions()}
    assert {"project-new", "project-open", "project-save_as", "project-export", "project-print"} <= names
    assert _texts(file_menu)[-1] == "&Quit"  # the project commands go above Quit
    docks = {d.windowTitle(): d for d in full.findChildren(QDockWidget)}
    assert set(docks) == {"Annotate", "Agreement", "Classroom", "Fact table"}
    assert docks["Annotate"].isVisible()
    assert not docks["Agreement"].isVisible()
    assert not docks["Classroom"].isVisible()
    assert not docks["Fact table"].isVisible()
    view_texts = _texts(full.menu("&View"))
    assert {"Annotate", "Agreement", "Classroom", "Fact table"} <= set(view_texts)
    docks["Classroom"].toggleViewAction().trigger()
    assert docks["Classroom"].isVisible()
    assert full.tabifiedDockWidgets(docks["Classroom"]) == [docks["Annotate"]]  # a tab, not a squeeze
    help_texts = _texts(full.menu("&Help"))
    assert "Open &sample" in help_texts
    assert "&Keyboard shortcuts" in help_texts


def test_the_shortcut_table_is_read_from_the_menus(full, told):
    rows = shortcut_rows(full)
    commands = {what: keys for _where, what, keys in rows}
    assert commands["New project"] == "Ctrl+N"
    assert commands["Add account"] == "Ctrl+Shift+O"
    assert "F8" in commands["Next finding"]
    assert commands["Quit"].count("Ctrl+Q") == 1
    assert any(keys.startswith("1 – 4") for _w, _c, keys in rows)
    full.show_shortcuts()
    title, text = told[-1]
    assert title == "Keyboard shortcuts"
    assert text == shortcuts_html(rows)
    assert "<table" in text
    assert "Ctrl+Shift+O" in text


def test_narrow_first_start_hides_the_docks(full):
    project_panels.fit_to_width(full.project_panels, 1024)
    assert not any(d.isVisible() for d in full.findChildren(QDockWidget))
    annotate = next(d for d in full.findChildren(QDockWidget) if d.windowTitle() == "Annotate")
    annotate.toggleViewAction().trigger()
    assert annotate.isVisible()


def test_creating_a_project_brings_up_the_annotate_panel(full, tmp_path):
    project_panels.fit_to_width(full.project_panels, 1024)
    assert full.project_panels.session.new_project(str(tmp_path / "p.comparer"))
    dock = full.project_panels.annotate.parentWidget()
    assert dock.isVisible()
    dock.hide()  # hidden on purpose: a new comparison stored in the same project does not bring it back
    full.project_panels.session.changed.emit()
    assert not dock.isVisible()


def test_dock_layout_is_restored_on_the_next_start(qtbot, store, full):
    classroom = full.project_panels.classroom.parentWidget()
    classroom.show()
    full.close()
    again = app.build_window(store, synchronous=True)
    qtbot.addWidget(again)
    again.show()
    assert again.project_panels.classroom.parentWidget().isVisible()


def test_annotating_in_the_full_window_with_keys_and_the_panel(qtbot, full, project):
    panel = full.project_panels.annotate
    panel.annotator.setText("Ana")
    link = next(lk for lk in full.comparison.links if lk.findings)
    full.select_link(link.id)
    assert panel.link_id == link.id
    view = full.pane("a").view
    view.setFocus()
    table = full.findings.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_3)  # from the findings list too
    assert panel.buttons["related"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert panel.buttons["agree"].isChecked()
    qtbot.keyClicks(full.findings.search, "12")  # digits typed in a text field stay text
    assert full.findings.search.text() == "12"
    assert full.project_panels.session.project.annotation(link.id, "Ana").label == "agree"
    full.findings.search.clear()
    full.select_link(link.id)
    panel.findings.item(0).setCheckState(Qt.CheckState.Checked)  # the first finding is wrong
    panel.reject.click()
    qtbot.keyClicks(panel.note, "two counts")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    full.project_panels.session.close_project()
    with Project.open(project) as reopened:
        saved = reopened.annotation(link.id, "Ana")
    assert (saved.label, saved.note, saved.rejected) == ("agree", "two counts", True)
    assert 0 in saved.wrong_findings


def test_agreement_panel_shows_kappa_for_two_annotators(full, project):
    panels = full.project_panels
    session, agreement = panels.session, panels.agreement
    assert "No labels yet" in agreement.output.toPlainText()
    ids = [lk.id for lk in full.comparison.links[:3]]
    for annotator, labels in (
        ("Ana", ("agree", "conflict", "agree")),
        ("Ben", ("agree", "conflict", "related")),
    ):
        session.annotator = annotator
        for link_id, label in zip(ids, labels, strict=True):
            assert session.annotate(link_id, "label", label)
    text = agreement.output.toPlainText()  # recomputed as labels were saved
    assert "Annotators: Ana, Ben" in text
    assert "Cohen's kappa:" in text
    assert "Disagreements to adjudicate: 1" in text
    assert ids[2] in text
    assert agreement.compute() == text


def test_agreement_panel_pools_another_project_file(full, project, tmp_path):
    other_path = tmp_path / "ben.comparer"
    with Project.create(other_path, full.comparison) as other:
        other.set_label(full.comparison.links[0].id, "conflict", annotator="Ben")
    session = full.project_panels.session
    session.annotator = "Ana"
    session.annotate(full.comparison.links[0].id, "label", "agree")
    full.project_panels.agreement.add_other(str(other_path))
    text = full.project_panels.agreement.output.toPlainText()
    assert "Annotators: Ana, Ben" in text
    assert "Cohen's kappa:" in text


def test_classroom_hides_findings_collects_marks_and_reveal_scores_them(full, project):
    classroom = full.project_panels.classroom
    full.findings.step(1)
    classroom.hide_box.setChecked(True)
    assert not full.bottom.isVisible()
    assert not full.legend.isVisible()
    assert all(pane.selected_span() is None for pane in full.area.panes.values())  # nothing given away
    view_actions = {a.objectName(): a for a in full.menu("&View").actions()}
    assert not view_actions["next-finding"].isEnabled()
    assert not view_actions["presentation"].isEnabled()
    classroom.student.setText("Sam")
    goal = targets(full.comparison, ())
    assert goal, "the sample pair should have at least one difference to find"
    ref = goal[0].spans[0]
    _select(full, ref.source, ref.start, ref.end)
    classroom.mark_buttons[ref.source].click()
    assert classroom.marks.count() == 1
    score = classroom.reveal()
    assert score is not None
    assert goal[0].number in score.found
    assert classroom.result.text() == score.summary()
    assert "You found" in score.summary()
    assert classroom.missed.count() == len(score.missed)
    assert full.bottom.isVisible()
    assert not classroom.hide_box.isChecked()
    assert view_actions["next-finding"].isEnabled()


def test_classroom_asks_for_a_student_name(full, project, told):
    classroom = full.project_panels.classroom
    _select(full, "a", 0, 10)
    classroom.mark_buttons["a"].click()
    assert told[-1] == ("Classroom", "Type the student's name first.")
    assert classroom.marks.count() == 0


def test_a_bad_file_chosen_with_add_account_keeps_the_sources(full, tmp_path, monkeypatch, told):
    before = tuple(full.sources)
    comparison = full.comparison
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    add = next(a for a in full.menu("&File").actions() if a.text() == "&Add account…")
    assert add.shortcut().toString() == "Ctrl+Shift+O"
    add.trigger()
    assert told
    assert told[-1][0] == "Could not open the file"
    assert str(bad) in told[-1][1]
    assert tuple(full.sources) == before
    assert full.comparison is comparison
    assert set(full.area.panes) == {s.id for s in before}


def test_screenshot_and_smoke_use_the_full_window(tmp_path):
    from comparer.core.formats.samples import load_samples

    out = app.render_screenshot(load_samples(), tmp_path / "shot.png", size=(1024, 600))
    assert out.read_bytes().startswith(b"\x89PNG")
    assert app.smoke()


def test_dropping_a_project_file_opens_it_and_names_it_in_the_title(full, tmp_path, drop_event):
    path = tmp_path / "study.comparer"
    with Project.create(path, full.comparison):
        pass
    event = drop_event(path)
    sources = tuple(full.sources)
    # Qt delivers a drop only inside a drag session; the session's filter sees it before the window.
    assert full.project_panels.session.eventFilter(full, event)
    assert full.project_panels.session.project is not None
    assert full.project_panels.session.project.path.name == "study.comparer"
    assert full.windowTitle().startswith("study.comparer")
    assert tuple(s.text for s in full.sources) == tuple(s.text for s in sources)  # not added as an account
    full.project_panels.session.close_project()
    assert full.windowTitle() == "comparer"


def test_other_dropped_files_are_left_to_the_window(full, tmp_path, drop_event):
    path = tmp_path / "third.txt"
    path.write_text("Missiles hit two bases in Iraq.", encoding="utf-8")
    event = drop_event(path)
    assert not full.project_panels.session.eventFilter(full, event)
    assert full.project_panels.session.project is None
