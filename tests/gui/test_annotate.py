"""Labelling links in the app: labels land in the project at once, survive reopening and reach the CSV."""

from __future__ import annotations

import hashlib

import pandas as pd
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from comparer.core.project.store import Project
from comparer.core.research.export import DTYPES
from comparer.gui import project_session
from comparer.gui.annotate_panel import AnnotatePanel
from comparer.gui.annotate_panel import install as install_annotate
from comparer.gui.project_session import ProjectSession
from comparer.gui.project_session import install as install_project


@pytest.fixture
def labelling(sample_window, tmp_path, monkeypatch):
    session = install_project(sample_window)
    panel = install_annotate(
        sample_window.add_panel,
        sample_window.session,
        session,
        selected_span=sample_window.area.selected_span,
        keys_on=sample_window,
    )
    path = tmp_path / "class.comparer"
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(path), ""))
    action = sample_window.menu("&File").findChild(
        type(sample_window.menu("&File").actions()[0]), "project-new"
    )
    action.trigger()
    assert session.project is not None
    assert path.exists()
    return sample_window, session, panel, path


def test_labels_made_in_the_app_are_in_the_reopened_project_and_the_csv(qtbot, labelling, tmp_path, told):
    window, session, panel, path = labelling
    panel.annotator.setText("Ana")
    first, second = (link.id for link in window.comparison.links[:2])

    with qtbot.waitSignal(window.current_link_changed, timeout=2000):
        window.select_link(first)
    assert panel.link_id == first
    panel.buttons["conflict"].click()
    qtbot.keyClicks(panel.note, "casualty figures differ")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)

    window.select_link(second)
    assert panel.link_id == second
    view = window.pane(window.comparison.sources[0].id).view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert panel.buttons["unrelated"].isChecked()
    panel.reject.click()
    assert told == []

    session.close_project()
    with Project.open(path) as project:
        ana = project.annotation(first, "Ana")
        assert (ana.label, ana.note) == ("conflict", "casualty figures differ")
        assert project.annotation(second, "Ana").label == "unrelated"
        assert project.annotation(second, "Ana").rejected

    assert session.open_project(str(path))
    window.select_link(first)
    assert panel.buttons["conflict"].isChecked()
    assert panel.note.text() == "casualty figures differ"
    csv = tmp_path / "links.csv"
    assert session.export(str(csv), "csv")
    frame = pd.read_csv(csv, dtype=DTYPES, keep_default_na=False)
    row = frame[(frame["link"] == first) & (frame["annotator"] == "Ana")].iloc[0]
    assert (row["label"], row["note"]) == ("conflict", "casualty figures differ")


def test_keys_label_the_link_when_the_window_has_focus(qtbot, labelling):
    window, _session, panel, _path = labelling
    panel.annotator.setText("Ben")
    window.select_link(window.comparison.links[0].id)
    pane = window.pane(window.comparison.sources[0].id)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_2)
    assert panel.buttons["conflict"].isChecked()
    qtbot.keyClick(pane.view, Qt.Key.Key_0)
    assert not any(b.isChecked() for b in panel.buttons.values())


def test_adding_a_link_from_selections_and_custom_labels(labelling):
    window, session, panel, _path = labelling
    panel.annotator.setText("Ana")
    for sid in ("a", "b"):
        view = window.pane(sid).view
        cursor = view.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(12, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
    panel.add_link_from_selection()
    assert panel.link_id.startswith("m")
    assert session.row(panel.link_id).origin == "annotator"
    panel.custom.setText("loaded language")
    panel._add_custom()
    assert "loaded language" in panel.buttons
    panel.buttons["loaded language"].click()
    assert session.project.annotation(panel.link_id, "Ana").label == "loaded language"


def test_nothing_is_written_without_a_name_or_a_project(qtbot, sample_window, told):
    session = ProjectSession(sample_window)
    panel = AnnotatePanel(
        sample_window.session, session, selected_span=sample_window.area.selected_span, keys_on=sample_window
    )
    qtbot.addWidget(panel)
    sample_window.select_link(sample_window.comparison.links[0].id)
    panel.set_label("agree")
    assert told
    assert "project" in told[-1][1]


def test_opening_a_non_project_tells_the_user_and_leaves_it(sample_window, tmp_path, told):
    session = install_project(sample_window)
    path = tmp_path / "essay.comparer"
    path.write_text("not a project\n", encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not session.open_project(str(path))
    assert "not a comparer project" in told[-1][1]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_print_handout_writes_a_pdf(labelling, tmp_path):
    _window, session, _panel, _path = labelling
    pdf = tmp_path / "handout.pdf"
    assert session.print_handout(str(pdf), "letter")
    assert len(pypdf.PdfReader(pdf).pages) > 0
