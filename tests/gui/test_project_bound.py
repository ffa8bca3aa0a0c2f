"""In the app, a project stays bound to the accounts it was made on (hostile input, fault 1).

Opening, adding, pasting or dropping other accounts while a project is open asks first: add them as a
comparison of their own, start a new project, close the project, or cancel. Marks and labels made on the
first accounts still resolve against those texts afterwards.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from comparer.core.project.annotations import SpanRef
from comparer.core.project.store import Project, ProjectError
from comparer.gui import opening, project_session
from comparer.gui.project_session import install as install_project

# Accounts of an invented event, written for these tests.
FERRY_A = (
    "A ferry carrying 212 passengers ran aground near Port Elen on Tuesday, the coastguard said.\n\n"
    "Nobody was hurt, according to the operator.\n"
)
FERRY_B = (
    "A ferry with 230 people on board struck a sandbank off Port Elen on Tuesday, officials said.\n\n"
    "Two passengers were treated for minor injuries.\n"
)


@pytest.fixture
def bound(sample_window, tmp_path):
    """The sample pair in a new project, with a label and a student's mark on it."""
    session = install_project(sample_window)
    path = tmp_path / "class.comparer"
    assert session.new_project(str(path))
    project = session.project
    assert project is not None
    link = project.links()[0].id
    project.set_label(link, "conflict", annotator="Teacher")
    mark = SpanRef("a", 30, 75)
    project.add_mark(mark, student="Sam")
    marked = sample_window.comparison.source("a").text[30:75]
    files = []
    for name, text in (("ferry-a.txt", FERRY_A), ("ferry-b.txt", FERRY_B)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    asked: list[tuple[str, list[str]]] = []
    return sample_window, session, path, link, marked, [str(f) for f in files], asked


def _answer(session, asked, choice: opening.Choice) -> None:
    def ask(parent, name, labels):
        asked.append((name, list(labels)))
        return choice

    session.ask = ask


def _texts(window) -> list[str]:
    return [s.text for s in window.sources]


def test_adding_other_accounts_keeps_the_first_comparison_and_its_marks(bound):
    window, session, path, link, marked, files, asked = bound
    sample_texts = _texts(window)
    _answer(session, asked, "add")
    assert window.open_files(files)
    assert asked == [("class.comparer", ["ferry-a.txt", "ferry-b.txt"])]
    assert _texts(window) == [FERRY_A, FERRY_B]
    project = session.project
    assert project is not None
    assert [c.number for c in project.comparisons()] == [1, 2]
    assert project.current_number == 2
    assert project.marks("Sam") == ()  # the first pair's marks are not shown against these texts
    assert project.annotations() == ()
    assert "comparison 2 of 2" in window.windowTitle()
    assert session.row(window.comparison.links[0].id) is not None  # the new pair can be labelled

    # File › Project comparison › 1 brings the first accounts back, with their label and mark.
    action = window.findChild(QAction, "project-comparison-1")
    assert action is not None
    action.trigger()
    assert _texts(window) == sample_texts
    assert project.current_number == 1
    ((_, ref),) = project.marks("Sam")
    assert window.comparison.source(ref.source).text[ref.start : ref.end] == marked
    assert project.annotation(link, "Teacher").label == "conflict"
    assert len(asked) == 1  # going back to a comparison the project holds does not ask

    session.close_project()
    with Project.open(path) as again:
        assert len(again.comparisons()) == 2
        ((_, ref),) = again.marks("Sam")
        assert again.comparison().source(ref.source).text[ref.start : ref.end] == marked


def test_cancel_leaves_the_accounts_and_the_project_as_they_were(bound):
    window, session, _path, _link, _marked, files, asked = bound
    before = _texts(window)
    _answer(session, asked, "cancel")
    window.open_files(files)
    window.open_files(files[:1], add=True)
    assert len(asked) == 2
    assert _texts(window) == before
    assert session.project is not None
    assert len(session.project.comparisons()) == 1


def test_pasting_an_account_asks_too(bound):
    window, session, _path, _link, _marked, _files, asked = bound
    QGuiApplication.clipboard().setText(FERRY_A)
    _answer(session, asked, "cancel")
    window.paste_source()
    assert len(asked) == 1
    assert len(window.sources) == 2
    _answer(session, asked, "add")
    window.paste_source()
    assert len(window.sources) == 3
    assert session.project is not None
    assert session.project.current_number == 2
    assert session.project.comparison().sources[-1].text.strip() == FERRY_A.strip()


def test_closing_the_project_shows_the_accounts_without_it(bound):
    window, session, path, link, _marked, files, asked = bound
    _answer(session, asked, "close")
    window.open_files(files)
    assert session.project is None
    assert _texts(window) == [FERRY_A, FERRY_B]
    assert window.windowTitle() == "comparer"
    with Project.open(path) as again:
        assert len(again.comparisons()) == 1
        assert again.annotation(link, "Teacher").label == "conflict"


def test_a_new_project_takes_the_accounts_and_the_old_one_keeps_its_own(bound, tmp_path, monkeypatch):
    window, session, path, _link, _marked, files, asked = bound
    fresh = tmp_path / "ferry"
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(fresh), ""))
    _answer(session, asked, "new")
    window.open_files(files)
    assert session.project is not None
    assert session.project.path == Path(f"{fresh}.comparer")
    assert [s.text for s in session.project.comparison().sources] == [FERRY_A, FERRY_B]
    with Project.open(path) as old:
        assert len(old.comparisons()) == 1
        assert old.comparison().sources[0].text != FERRY_A
    # Cancelling the file dialog cancels the whole opening.
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: ("", ""))
    before = _texts(window)
    window.open_sample()
    assert _texts(window) == before


def test_corrected_details_do_not_ask(bound):
    window, session, _path, _link, _marked, _files, asked = bound
    _answer(session, asked, "cancel")
    window.set_sources([replace(window.sources[0], title="Corrected title"), window.sources[1]])
    assert asked == []
    assert window.sources[0].title == "Corrected title"
    assert session.project is not None
    assert len(session.project.comparisons()) == 1
    assert session.project.comparison().sources[0].title == "Corrected title"


def _click_when_shown(name: str, seen: list[list[str]]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        button = box.findChild(QPushButton, name)
        assert button is not None
        button.click()

    QTimer.singleShot(0, click)


def test_the_real_dialog_names_every_choice(bound):
    window, session, _path, _link, _marked, files, _asked = bound
    seen: list[list[str]] = []
    _click_when_shown("other-accounts-add", seen)
    window.open_files(files)
    assert sorted(seen[0]) == sorted(text for _, text, _ in opening.CHOICES)
    assert session.project is not None
    assert len(session.project.comparisons()) == 2
    window.open_sample()  # the sample is comparison 1: no question
    assert len(seen) == 1
    assert session.project.current_number == 1
    _click_when_shown("other-accounts-cancel", seen)
    window.open_files(files[:1], add=True)  # a third account is a new set of texts
    assert len(seen) == 2
    assert len(window.sources) == 2


def test_the_classroom_panel_never_keeps_a_score_beside_another_pair(window, tmp_path, told):
    from comparer.gui.app import install_project_panels

    window.open_sample()
    panels = install_project_panels(window)
    session, classroom = panels.session, panels.classroom
    assert session.new_project(str(tmp_path / "class.comparer"))
    assert session.project is not None
    classroom.student.setText("Sam")
    session.project.add_mark(SpanRef("a", 30, 75), student="Sam")
    marked = " ".join(window.comparison.source("a").text[30:75].split())
    classroom.refresh()
    score = classroom.reveal()
    assert score is not None
    assert classroom.result.text() == score.summary() != ""

    files = []
    for name, text in (("ferry-a.txt", FERRY_A), ("ferry-b.txt", FERRY_B)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    asked: list[tuple[str, list[str]]] = []
    _answer(session, asked, "add")
    window.open_files([str(f) for f in files])
    assert asked
    assert classroom.result.text() == ""
    assert classroom.missed.count() == 0
    assert classroom.marks.count() == 0  # the first pair's mark is not listed against these texts

    action = window.findChild(QAction, "project-comparison-1")
    assert action is not None
    action.trigger()
    assert classroom.marks.count() == 1
    assert marked[:40] in classroom.marks.item(0).text()
    assert told == []


def test_agreement_pools_other_projects_on_their_comparison_of_the_same_accounts(window, tmp_path, told):
    from comparer.core.engine.compare import compare
    from comparer.core.engine.model import Source
    from comparer.gui.app import install_project_panels

    window.open_sample()
    panels = install_project_panels(window)
    session = panels.session
    assert session.new_project(str(tmp_path / "ana.comparer"))
    assert session.project is not None
    first = session.project.links()[0].id
    session.project.set_label(first, "conflict", annotator="Ana")

    ferry = compare([Source("a", "ferry-a.txt", FERRY_A), Source("b", "ferry-b.txt", FERRY_B)])
    other = tmp_path / "ben.comparer"
    with Project.create(other, ferry) as project:  # comparison 1: other accounts
        project.set_label(project.links()[0].id, "agree", annotator="Zoe")
        project.save_comparison(window.comparison)  # comparison 2: the accounts shown
        project.set_label(first, "conflict", annotator="Ben")
    text = panels.agreement.compute()
    assert "Zoe" not in text
    panels.agreement.add_other(str(other))
    text = panels.agreement.compute()
    assert "Annotators: Ana, Ben" in text
    assert "Zoe" not in text

    only_ferry = tmp_path / "kim.comparer"
    with Project.create(only_ferry, ferry) as project:
        project.set_label(project.links()[0].id, "agree", annotator="Kim")
    panels.agreement.add_other(str(only_ferry))
    assert told
    assert "holds no comparison of these accounts" in told[-1][1]
    assert "Kim" not in panels.agreement.compute()


def test_one_other_account_shown_leaves_nothing_to_mark_until_the_question_is_answered(bound):
    window, session, _path, _link, _marked, files, asked = bound
    _answer(session, asked, "add")
    window.open_files(files[:1])  # one account only: nothing compared yet, nothing asked yet
    assert asked == []
    project = session.project
    assert project is not None
    assert project.marks("Sam") == ()
    with pytest.raises(ProjectError, match="no comparison"):
        project.add_mark(SpanRef("a", 0, 5), student="Sam")
    window.open_files(files[1:], add=True)
    assert len(asked) == 1
    assert project.current_number == 2
    assert [s.text for s in project.comparison().sources] == [FERRY_A, FERRY_B]
