"""Correcting a source in the app: title, outlet and date in a dialog; a paragraph's role from the pane."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from comparer.core.engine.model import Comparison
from comparer.core.formats.sources import source_from_text
from comparer.core.project.store import Project
from comparer.gui import app, project_session, source_edit
from comparer.gui.main_window import MainWindow
from comparer.gui.source_edit import SourceDetails, SourceDetailsDialog, SourceEditor

# "Last Friday" is 10 March only once the first account is known to be from Tuesday 14 March 2023.
FRIDAY_A = "The talks collapsed last Friday.\n"
FRIDAY_B = "The talks collapsed on March 10.\n"

FINE = "Regulators fined the firm 40 million euros on Monday after a two-year inquiry.\n"
# The loader takes a paragraph naming a "privacy policy" for page furniture.
POLICY_A = FINE + "The company said it would rewrite its privacy policy within 30 days of the ruling.\n"
POLICY_B = (
    "The firm was fined 40 million euros by regulators on Monday after a two-year inquiry.\n"
    "A spokesman said the company would rewrite its data rules within 30 days of the ruling.\n"
)


@pytest.fixture
def editor(window: MainWindow) -> SourceEditor:
    """The correction commands on the plain window."""
    return app.install_source_editor(window)


def _open(window: MainWindow, *texts: str, published: tuple[date | None, ...] = ()) -> Comparison:
    dates = published or (None,) * len(texts)
    window.set_sources(
        [
            source_from_text(text, source_id="ab"[i], path=f"<{i}>", published=day)
            for i, (text, day) in enumerate(zip(texts, dates, strict=True))
        ]
    )
    assert window.comparison is not None
    return window.comparison


def _kinds(comparison: Comparison | None) -> set[str]:
    assert comparison is not None
    return {f.kind for link in comparison.links for f in link.findings}


def _fill(
    dialog: SourceDetailsDialog, *, title: str | None = None, outlet: str | None = None, day: str
) -> None:
    if title is not None:
        dialog.title_edit.setText(title)
    if outlet is not None:
        dialog.outlet_edit.setText(outlet)
    dialog.date_edit.setText(day)


def _menu_for(window: MainWindow, source_id: str, pos: int) -> QMenu:
    """The context menu a right-click at character ``pos`` of a pane would open (not shown)."""
    menu = QMenu(window)
    window.pane(source_id).view.menu_requested.emit(menu, pos)
    return menu


def _trigger(menu: QMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None, f"no {name} in the menu"
    action.trigger()


def _claim_at(comparison: Comparison, source_id: str, pos: int):
    return next(c for c in comparison.claims if c.source == source_id and c.start <= pos < c.end)


def test_parse_published_reads_iso_days_and_empty_as_unknown():
    assert source_edit.parse_published(" 2023-03-14 ") == date(2023, 3, 14)
    assert source_edit.parse_published("") is None
    for bad in ("14/03/2023", "2023-3-14", "20230314", "2023-02-30", "last Friday"):
        with pytest.raises(source_edit.BadDate, match="YYYY-MM-DD"):
            source_edit.parse_published(bad)


def test_setting_the_dates_resolves_last_friday(window, editor, told):
    _open(window, FRIDAY_A, FRIDAY_B)
    assert "date_equivalent" not in _kinds(window.comparison)

    dialog = editor.edit_details("b")
    assert dialog is not None
    assert dialog.isVisible()
    _fill(dialog, day="2023-03-14")
    dialog.accept()
    assert window.sources[1].published == date(2023, 3, 14)
    assert "date_equivalent" not in _kinds(window.comparison)  # "last Friday" still has no date

    dialog = editor.edit_details("a")
    assert dialog is not None
    _fill(dialog, title="Talks end", outlet="Daily Wire Service", day="2023-03-14")
    dialog.accept()
    first = window.sources[0]
    assert (first.title, first.outlet, first.published) == (
        "Talks end",
        "Daily Wire Service",
        date(2023, 3, 14),
    )
    assert [s.text for s in window.sources] == [FRIDAY_A, FRIDAY_B]  # the texts are untouched
    assert "date_equivalent" in _kinds(window.comparison)
    header = window.pane("a").header.text()
    assert "Talks end" in header
    assert "Daily Wire Service" in header
    assert "2023-03-14" in header
    assert not told


def test_a_bad_date_is_explained_and_changes_nothing(window, editor, told):
    before = _open(window, FRIDAY_A, FRIDAY_B)
    sources = list(window.sources)
    dialog = editor.edit_details("a")
    assert dialog is not None
    _fill(dialog, outlet="Daily Wire Service", day="14/03/2023")
    dialog.accept()
    assert told
    assert told[-1][0] == "Source details"
    assert "14/03/2023" in told[-1][1]
    assert "YYYY-MM-DD" in told[-1][1]
    assert dialog.isVisible()  # still open, with what was typed, to be corrected
    assert dialog.outlet_edit.text() == "Daily Wire Service"
    assert window.sources == sources
    assert window.comparison is before

    dialog.reject()
    assert window.sources == sources
    assert window.comparison is before


def test_an_empty_date_makes_the_date_unknown_again(window, editor):
    _open(window, FRIDAY_A, FRIDAY_B, published=(date(2023, 3, 14), date(2023, 3, 14)))
    assert "date_equivalent" in _kinds(window.comparison)
    dialog = editor.edit_details("a")
    assert dialog is not None
    assert dialog.date_edit.text() == "2023-03-14"
    _fill(dialog, day="")
    dialog.accept()
    assert window.sources[0].published is None
    assert "date unknown" in window.pane("a").header.text()
    assert "date_equivalent" not in _kinds(window.comparison)


def test_accepting_unchanged_details_does_not_compare_again(window, editor):
    before = _open(window, FRIDAY_A, FRIDAY_B)
    assert not editor.apply_details("a", SourceDetails.of(window.sources[0]))
    assert window.comparison is before


def test_a_boilerplate_paragraph_treated_as_body_text_is_aligned(window, editor):
    comparison = _open(window, POLICY_A, POLICY_B)
    pos = POLICY_A.index("privacy policy")
    assert _claim_at(comparison, "a", pos).role == "boilerplate"
    menu = _menu_for(window, "a", pos)
    checked = [a.objectName() for a in menu.findChildren(QAction) if a.isChecked()]
    assert checked == ["role-boilerplate"]  # the menu says what the paragraph is now

    _trigger(menu, "role-body")
    comparison = window.comparison
    assert comparison is not None
    claim = _claim_at(comparison, "a", pos)
    assert claim.role == "body"
    assert any(claim.id in (link.a, link.b) for link in comparison.links)
    assert window.sources[0].role_hints[0].span.start == len(FINE)  # the whole paragraph
    assert window.sources[0].text == POLICY_A


def test_a_body_paragraph_treated_as_boilerplate_loses_its_links(window, editor):
    comparison = _open(window, POLICY_A, POLICY_B)
    pos = POLICY_A.index("40 million")
    claim = _claim_at(comparison, "a", pos)
    assert claim.role == "body"
    assert any(claim.id in (link.a, link.b) for link in comparison.links)

    _trigger(_menu_for(window, "a", pos), "role-boilerplate")
    comparison = window.comparison
    assert comparison is not None
    claim = _claim_at(comparison, "a", pos)
    assert claim.role == "boilerplate"
    assert not any(claim.id in (link.a, link.b) for link in comparison.links)

    _trigger(_menu_for(window, "a", pos), "role-heading")  # a later word on the paragraph wins
    assert window.comparison is not None
    assert _claim_at(window.comparison, "a", pos).role == "heading"
    assert len(window.sources[0].role_hints) == 1


def test_between_paragraphs_the_menu_offers_only_the_details(window, editor):
    text = "First paragraph of the account, long enough to be body text.\n\n" + POLICY_A
    _open(window, text, POLICY_B)
    menu = _menu_for(window, "a", text.index("\n\n") + 1)
    names = {a.objectName() for a in menu.findChildren(QAction)}
    assert "source-details" in names
    assert not names & {"role-body", "role-heading", "role-boilerplate"}
    _trigger(menu, "source-details")
    assert editor.dialog is not None
    assert editor.dialog.source.id == "a"
    editor.dialog.reject()


def test_a_click_on_the_header_opens_the_details(window, editor, qtbot):
    _open(window, FRIDAY_A, FRIDAY_B)
    header = window.pane("b").header
    assert header.toolTip()
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert editor.dialog is not None
    assert editor.dialog.source.id == "b"
    editor.dialog.reject()


def test_edit_menu_lists_every_source(window, editor):
    _open(window, FRIDAY_A, FRIDAY_B)
    menu = window.menu("&Edit").findChild(QMenu, "source-details-menu")
    assert menu is not None
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.objectName().startswith("source-details-")]
    assert [a.objectName() for a in entries] == ["source-details-a", "source-details-b"]
    entries[1].trigger()
    assert editor.dialog is not None
    assert editor.dialog.source.id == "b"
    editor.dialog.reject()


def test_corrected_details_reach_the_open_project(qtbot, store, told, tmp_path, monkeypatch):
    win = app.build_window(store, synchronous=True)
    qtbot.addWidget(win)
    win.show()
    _open(win, FRIDAY_A, FRIDAY_B)
    editor = win.findChild(SourceEditor)
    assert editor is not None
    path = tmp_path / "talks.comparer"
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(path), ""))
    win.menu("&File").findChild(QAction, "project-new").trigger()
    assert win.project_panels is not None
    assert win.project_panels.session.project is not None

    session = win.project_panels.session
    session.annotator = "Ana"
    assert win.comparison is not None
    link_id = win.comparison.links[0].id
    assert session.annotate(link_id, "label", "agree")

    editor.apply_details("a", SourceDetails("Talks end", "Daily Wire Service", date(2023, 3, 14)))
    with Project.open(path, read_only=True) as project:
        stored = project.comparison().sources[0]
        assert project.annotation(link_id, "Ana").label == "agree"  # the label outlives the new comparison
    assert (stored.title, stored.outlet, stored.published) == (
        "Talks end",
        "Daily Wire Service",
        date(2023, 3, 14),
    )

    assert editor.set_role("a", 0, "boilerplate")
    with Project.open(path, read_only=True) as project:
        roles = {c.role for c in project.comparison().claims if c.source == "a"}
        assert project.comparison().sources[0].role_hints[0].role == "boilerplate"  # the override itself
    assert roles == {"boilerplate"}

    win.project_panels.session.open_project(str(path))  # opened again: compared again with the override
    assert win.comparison is not None
    assert {c.role for c in win.comparison.claims if c.source == "a"} == {"boilerplate"}
    assert not told


def test_the_details_dialog_looks_right(window, editor, tmp_path):
    _open(window, FRIDAY_A, FRIDAY_B)
    dialog = editor.edit_details("a")
    assert dialog is not None
    _fill(dialog, title="Talks end", outlet="Daily Wire Service", day="2023-03-14")
    image = dialog.grab()
    assert image.width() >= 440
    assert image.height() > 100
    assert image.save(str(tmp_path / "dialog.png"))
    dialog.reject()


def test_a_pane_keeps_its_place_when_a_paragraph_changes_role(sample_window):
    editor = app.install_source_editor(sample_window)
    text = sample_window.sources[0].text
    pos = text.index("\n", len(text) // 2) - 5
    bar = sample_window.pane("a").view.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    role = source_edit.role_shown(sample_window.comparison, "a", source_edit.paragraph_at(text, pos))
    other = "boilerplate" if role != "boilerplate" else "body"
    assert editor.set_role("a", pos, other)
    assert sample_window.pane("a").view.verticalScrollBar().value() == place
    assert source_edit.role_shown(sample_window.comparison, "a", source_edit.paragraph_at(text, pos)) == other
