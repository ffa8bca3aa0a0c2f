"""The window for a teacher: classroom mode gives nothing away, marks are drawn and snapped to words,
an empty selection marks nothing, a project is asked for before the first mark, and presentation
mode fills the screen with outlet names and single quotation marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from window_helpers import select_range as _select

from comparer.gui import project_session
from comparer.gui.classroom_panel import NEEDS_PROJECT
from comparer.gui.presentation import PresentationDialog, named, quoted, type_size


def test_classroom_mode_hides_tints_band_colours_counts_and_the_fact_table(full):
    classroom = full.project_panels.classroom
    full.facts_dock.show()
    before = full.status_label.text()
    assert "conflict" in before
    assert any(pane.extra_selection_spans() for pane in full.area.panes.values())
    classroom.hide_box.setChecked(True)
    for pane in full.area.panes.values():
        assert pane.extra_selection_spans() == []  # no finding marks and no linked tints
        assert not pane.overview.isVisible()
    assert all(g.neutral for g in full.area.gutters)
    assert "conflict" not in full.status_label.text()
    assert "difference" not in full.status_label.text()
    assert not full.facts_dock.isVisible()
    assert not full.findings.isVisible()
    classroom.hide_box.setChecked(False)
    assert full.status_label.text() == before
    assert any(pane.extra_selection_spans() for pane in full.area.panes.values())
    assert not any(g.neutral for g in full.area.gutters)
    assert full.facts_dock.isVisible()


def test_a_mark_is_snapped_to_words_and_drawn_in_the_text(full, project):
    classroom = full.project_panels.classroom
    classroom.hide_box.setChecked(True)
    classroom.student.setText("Sam")
    text = full.pane("b").source.text
    word = next(w for w in text.split() if w.isalpha() and len(w) > 6)
    start = text.index(word)
    _select(full, "b", start + 2, start + len(word) - 2)  # the middle of a word
    classroom.mark_selection("b")
    ((_mark_id, ref),) = full.project_panels.session.project.marks("Sam")
    assert (ref.start, ref.end) == (start, start + len(word))
    pane = full.pane("b")
    assert ref.span in pane.student_spans()
    assert ref.span in pane.extra_selection_spans()  # drawn, though the findings are hidden
    assert classroom.marks.item(0).text() == f"{pane.source.label}: {word}"
    classroom.marks.setCurrentRow(0)
    classroom.remove_selected()
    assert pane.student_spans() == ()


def test_an_empty_selection_or_only_spaces_marks_nothing(full, project, told):
    classroom = full.project_panels.classroom
    classroom.student.setText("Sam")
    claim = full.comparison.claims[3]
    full.reveal_claim(claim.id)  # a current claim, but no words selected
    classroom.mark_selection(claim.source)
    assert told[-1] == ("Classroom", "Select the words that differ first.")
    text = full.pane("a").source.text
    gap = text.index("\n\n")
    _select(full, "a", gap, gap + 2)
    classroom.mark_selection("a")
    assert told[-1] == ("Classroom", "Select the words that differ first.")
    assert full.project_panels.session.project.marks("Sam") == ()


def test_the_panel_says_a_project_is_needed_before_the_first_mark(full, tmp_path, monkeypatch, told):
    classroom = full.project_panels.classroom
    full.project_panels.classroom.parentWidget().show()
    assert classroom.notice.isVisible()
    assert classroom.notice.text() == NEEDS_PROJECT
    assert all(b.toolTip() == NEEDS_PROJECT for b in classroom.mark_buttons.values())
    path = tmp_path / "class.comparer"
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(path), ""))
    full.menu("&File").findChild(QAction, "project-new").trigger()
    assert not classroom.notice.isVisible()
    assert all(b.toolTip() != NEEDS_PROJECT for b in classroom.mark_buttons.values())


def test_marking_whole_texts_scores_worse_than_marking_the_difference(full, project):
    classroom = full.project_panels.classroom
    classroom.student.setText("Sam")
    for sid, pane in full.area.panes.items():
        _select(full, sid, 0, len(pane.source.text))
        classroom.mark_selection(sid)
    greedy = classroom.reveal()
    assert greedy is not None
    assert greedy.recall == 1.0
    assert greedy.word_precision < 0.25  # most of the words marked are no difference
    assert "words you marked" in classroom.result.text()
    for mark_id, _ref in full.project_panels.session.project.marks("Sam"):
        full.project_panels.session.project.remove_mark(mark_id)
    classroom.student.setText("Ada")
    target = greedy.targets[0].spans[0]
    _select(full, target.source, target.start, target.end)
    classroom.mark_selection(target.source)
    careful = classroom.reveal()
    assert careful is not None
    assert careful.word_precision == 1.0
    assert careful.f1 > 0
    assert careful.word_precision > greedy.word_precision


def test_presentation_fills_the_screen_names_outlets_and_never_doubles_quotes(full):
    full.findings.step(1)
    full.present()
    dialog = full.presentation
    assert isinstance(dialog, PresentationDialog)
    assert dialog.isFullScreen()
    labels = {s.id: s.label for s in full.comparison.sources}
    for n in range(len(dialog.rows)):
        dialog.index = n
        dialog.reveal()
        passages, answer = dialog.passages.text(), dialog.answer.text()
        assert "““" not in passages
        assert "””" not in passages
        assert passages.split(":\n", 1)[0] in labels.values()
        assert " a adds " not in answer
        assert " b adds " not in answer
    dialog.close()


@pytest.mark.parametrize("size", [QSize(1024, 600), QSize(1440, 900), QSize(1920, 1080)])
def test_presentation_type_is_scaled_to_the_screen_and_fits_at_1024x600(full, size):
    dialog = PresentationDialog(full.comparison, full.findings.visible_rows()[:8], parent=full)
    dialog.showNormal()
    dialog.resize(size)
    dialog.scale_to(size)
    assert dialog.font().pixelSize() == max(14, type_size(size))
    for n in range(len(dialog.rows)):
        dialog.index = n
        dialog.reveal()
        assert dialog.layout().totalHeightForWidth(size.width()) <= size.height()
    dialog.close()


def test_quoting_and_naming_helpers(full):
    assert quoted("“All is well!” he wrote.") == "“All is well!” he wrote."
    assert quoted("Iran  fired\nmissiles") == "“Iran fired missiles”"
    assert quoted("He said “no” twice") == "He said “no” twice"
    a, b = full.comparison.sources
    assert (
        named(f"{a.id} adds “an”; {b.id} says so", full.comparison)
        == f"{a.label} adds “an”; {b.label} says so"
    )
    assert named("a fact is a fact", full.comparison) == "a fact is a fact"
    assert named(f"killed ({a.id}) against dead ({b.id})", full.comparison) == (
        f"killed ({a.label}) against dead ({b.label})"
    )


def test_classroom_mode_puts_away_the_panels_that_show_relations_and_labels(full, project):
    panels = full.project_panels
    annotate, agreement = panels.annotate.parentWidget(), panels.agreement.parentWidget()
    annotate.show()
    panels.classroom.hide_box.setChecked(True)
    assert not annotate.isVisible()
    assert not agreement.isVisible()
    assert not annotate.toggleViewAction().isEnabled()
    assert panels.classroom.parentWidget().isVisible()
    assert not any(sc.isEnabled() for sc in panels.annotate.shortcuts)
    panels.classroom.hide_box.setChecked(False)
    assert all(sc.isEnabled() for sc in panels.annotate.shortcuts)
    assert annotate.isVisible()  # as it was
    assert not agreement.isVisible()
    assert annotate.toggleViewAction().isEnabled()
