"""Everything for research and class work in one call: the project menu and the three panels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from comparer.core.engine.model import Span
from comparer.gui import agreement_panel, annotate_panel, classroom_panel, project_session
from comparer.gui.session import ComparisonSession

DOCK_WIDTH = 320  # pixels: the label buttons three to a line
WIDE_ENOUGH = 1200  # narrower windows start with the docks hidden (View › Annotate shows them)


@dataclass(frozen=True)
class ProjectPanels:
    """What :func:`install` added to a window."""

    session: project_session.ProjectSession
    annotate: annotate_panel.AnnotatePanel
    agreement: agreement_panel.AgreementPanel
    classroom: classroom_panel.ClassroomPanel


def _dock(panel: QWidget) -> QDockWidget:
    dock = panel.parentWidget()
    assert isinstance(dock, QDockWidget)
    return dock


def install(
    window: QMainWindow,
    comparison: ComparisonSession,
    session: project_session.ProjectSession,
    *,
    add_panel: Callable[[QWidget, str], QDockWidget],
    selected_span: Callable[[str], Span | None],
    text_selection: Callable[[str], Span | None] | None = None,
) -> ProjectPanels:
    """Add the Annotate, Agreement and Classroom panels, working on the project ``session``, to
    ``window`` (docked with ``add_panel``; ``selected_span`` reads what a pane has selected, else
    its current claim; ``text_selection`` only the words selected, for class marks).

    The three panels share one tabbed dock on the right, so that showing Agreement or Classroom
    does not take more room from the sources; only Annotate is shown at first. Other docks already
    on the right (the fact table) join the tabs.
    """
    others = [d for d in window.findChildren(QDockWidget) if d.parentWidget() is window]
    panels = ProjectPanels(
        session=session,
        annotate=annotate_panel.install(
            add_panel, comparison, session, selected_span=selected_span, keys_on=window
        ),
        agreement=agreement_panel.install(add_panel, session),
        classroom=classroom_panel.install(
            add_panel, comparison, session, selected_span=text_selection or selected_span
        ),
    )
    first = _dock(panels.annotate)
    for panel in (panels.agreement, panels.classroom):
        window.tabifyDockWidget(first, _dock(panel))
        _dock(panel).hide()  # shown from the View menu when wanted
    for dock in others:
        hidden = dock.isHidden()
        window.tabifyDockWidget(first, dock)
        dock.setHidden(hidden)
    first.raise_()
    window.resizeDocks([first], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    shown: list[object] = [None]  # the project Annotate was last brought up for

    def on_changed() -> None:
        project = session.project
        if project is not None and project is not shown[0]:
            _show_annotate(panels)
        shown[0] = project

    session.changed.connect(on_changed)
    comparison.answersHiddenChanged.connect(lambda hidden: _hide_answers(panels, hidden))
    return panels


def _hide_answers(panels: ProjectPanels, hidden: bool) -> None:
    """Classroom mode: the Annotate panel (a link's relation, score and findings) and the Agreement
    panel (the teacher's labels) would give answers away, so they are put away until it ends."""
    for panel in (panels.annotate, panels.agreement):
        dock = _dock(panel)
        if hidden:
            dock.setProperty("shown_before_class", dock.isVisible())
            dock.hide()
        elif dock.property("shown_before_class"):
            dock.show()
        dock.toggleViewAction().setEnabled(not hidden)
    for shortcut in panels.annotate.shortcuts:  # keys 1–4 label nothing while students mark
        shortcut.setEnabled(not hidden)
    if hidden:
        classroom = _dock(panels.classroom)
        classroom.show()
        classroom.raise_()


def _show_annotate(panels: ProjectPanels) -> None:
    """A project was opened or created: bring up Annotate unless one of the panels is showing."""
    docks = [_dock(p) for p in (panels.annotate, panels.agreement, panels.classroom)]
    if not any(d.isVisible() for d in docks):
        docks[0].show()
        docks[0].raise_()


def fit_to_width(panels: ProjectPanels, width: int) -> None:
    """On a first start in a narrow window, leave the sources the room: the docks start hidden."""
    if width < WIDE_ENOUGH:
        for panel in (panels.annotate, panels.agreement, panels.classroom):
            _dock(panel).hide()
