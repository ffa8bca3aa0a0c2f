"""Everything for research and class work in one call: the project menu and the three panels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from comparer.gui import agreement_panel, annotate_panel, classroom_panel, project_session

if TYPE_CHECKING:
    from comparer.gui.main_window import MainWindow


@dataclass(frozen=True)
class ProjectPanels:
    """What :func:`install` added to a window."""

    session: project_session.ProjectSession
    annotate: annotate_panel.AnnotatePanel
    agreement: agreement_panel.AgreementPanel
    classroom: classroom_panel.ClassroomPanel


def install(window: MainWindow) -> ProjectPanels:
    """Add File › project commands and the Annotate, Agreement and Classroom panels to ``window``."""
    session = project_session.install(window)
    panels = ProjectPanels(
        session=session,
        annotate=annotate_panel.install(window, session),
        agreement=agreement_panel.install(window, session),
        classroom=classroom_panel.install(window, session),
    )
    for panel in (panels.agreement, panels.classroom):
        dock = panel.parentWidget()
        if dock is not None:
            dock.hide()  # shown from the View menu when wanted
    return panels
