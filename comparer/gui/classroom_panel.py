"""Classroom mode: findings hidden, students mark the differences they see, then reveal and score.

Marks are stored in the project as they are made. Reveal compares them with the
tool's findings and the teacher's labels (see :mod:`comparer.core.research.classroom`)
and shows the findings again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.model import Comparison
from comparer.core.project.annotations import SpanRef
from comparer.core.research.classroom import ClassroomScore, score_marks, targets
from comparer.gui import messages
from comparer.gui.project_session import ProjectSession

if TYPE_CHECKING:
    from comparer.gui.main_window import MainWindow

# Menu commands that would show a finding while they are hidden (see comparer.gui.menus.action_name).
GIVEAWAYS = ("next-finding", "previous-finding", "findings-list", "presentation")


class ClassroomPanel(QWidget):
    """Hide the findings, collect a student's marks, reveal and score them."""

    def __init__(self, window: MainWindow, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.win = window
        self.session = session
        self.setAccessibleName("Classroom")
        self.hide_box = QCheckBox("Classroom mode: hide the findings", self)
        self.hide_box.toggled.connect(self.set_hidden)
        self.student = QLineEdit(self)
        self.student.setPlaceholderText("student's name")
        self.student.setAccessibleName("Student name")
        self.student.editingFinished.connect(self.refresh)
        self.teacher = QLineEdit(self)
        self.teacher.setPlaceholderText("whose labels count (optional)")
        self.teacher.setAccessibleName("Teacher name")
        self.mark_row = QHBoxLayout()
        self.marks = QListWidget(self)
        self.marks.setAccessibleName("Marked differences")
        remove = QPushButton("Remove mark", self)
        remove.clicked.connect(self.remove_selected)
        reveal = QPushButton("Reveal", self)
        reveal.setToolTip("Show the findings and score the marks")
        reveal.clicked.connect(self.reveal)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.missed = QListWidget(self)
        self.missed.setAccessibleName("Differences not found")
        for box in (self.marks, self.missed):  # long passages wrap instead of scrolling sideways
            box.setWordWrap(True)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.setResizeMode(QListWidget.ResizeMode.Adjust)
        form = QFormLayout()
        form.addRow("Student", self.student)
        form.addRow("Teacher", self.teacher)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hide_box)
        layout.addLayout(form)
        layout.addLayout(self.mark_row)
        layout.addWidget(QLabel("Differences the student marked:", self))
        layout.addWidget(self.marks, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addWidget(reveal)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(QLabel("Not found (after Reveal):", self))
        layout.addWidget(self.missed, 1)
        self.mark_buttons: dict[str, QPushButton] = {}
        window.comparison_changed.connect(self._on_comparison)
        session.changed.connect(self.refresh)
        self._on_comparison(window.comparison)

    # -- hiding ------------------------------------------------------------------------------------
    def set_hidden(self, hidden: bool) -> None:
        """Hide (or show again) the findings list and the highlights in the panes."""
        if hidden:
            self.win.select_link("")  # the selected finding's passages would give it away
        for name in GIVEAWAYS:
            action = self.win.findChild(QAction, name)
            if action is not None:
                action.setEnabled(not hidden)
        bottom = getattr(self.win, "bottom", None)
        if bottom is not None:
            bottom.setVisible(not hidden)
        legend = getattr(self.win, "legend", None)
        if legend is not None:
            legend.setVisible(not hidden)
        self._paint()

    def _paint(self) -> None:
        area, prefs = getattr(self.win, "area", None), getattr(self.win, "prefs", None)
        if area is None or prefs is None:
            return
        from comparer.gui.theme import is_dark

        kinds = () if self.hide_box.isChecked() else prefs.kinds_shown
        area.paint(self.win.comparison, kinds, dark=is_dark(prefs.theme))

    def _on_comparison(self, comparison: object) -> None:
        for button in self.mark_buttons.values():
            self.mark_row.removeWidget(button)
            button.deleteLater()
        self.mark_buttons = {}
        if isinstance(comparison, Comparison):
            for source in comparison.sources:
                button = QPushButton(f"Mark in {source.id.upper()}", self)
                button.setToolTip(f"Mark the passage selected in {source.label} as a difference")
                button.clicked.connect(lambda _checked=False, sid=source.id: self.mark_selection(sid))
                self.mark_row.addWidget(button)
                self.mark_buttons[source.id] = button
        if self.hide_box.isChecked():
            self._paint()
        self.refresh()

    # -- marks -------------------------------------------------------------------------------------
    def _name(self) -> str:
        return self.student.text().strip()

    def mark_selection(self, source_id: str) -> None:
        """Store the passage selected in ``source_id``'s pane as this student's mark."""
        project = self.session.project
        if project is None:
            messages.tell_user(self.win, "Classroom", "Create or open a project first (File › New project).")
            return
        if not self._name():
            messages.tell_user(self.win, "Classroom", "Type the student's name first.")
            return
        span = self.win.pane(source_id).selected_span()
        if span is None or span.end <= span.start:
            messages.tell_user(self.win, "Classroom", "Select the words that differ first.")
            return
        ok, _ = self.session._guard(
            "Classroom",
            lambda: project.add_mark(SpanRef(source_id, span.start, span.end), student=self._name()),
        )
        if ok:
            self.refresh()

    def remove_selected(self) -> None:
        """Take back the selected mark."""
        item = self.marks.currentItem()
        if item is None or self.session.project is None:
            return
        self.session.project.remove_mark(int(item.data(Qt.ItemDataRole.UserRole)))
        self.refresh()

    def refresh(self) -> None:
        """Show the student's marks."""
        self.marks.clear()
        project, comparison = self.session.project, self.win.comparison
        if project is None or comparison is None or not self._name():
            return
        texts = {s.id: s.text for s in comparison.sources}
        for mark_id, ref in project.marks(self._name()):
            words = " ".join(texts.get(ref.source, "")[ref.start : ref.end].split())
            item = QListWidgetItem(f"{ref.source.upper()}: {words[:80]}")
            item.setData(Qt.ItemDataRole.UserRole, mark_id)
            self.marks.addItem(item)

    # -- reveal ------------------------------------------------------------------------------------
    def reveal(self) -> ClassroomScore | None:
        """Show the findings again and score the student's marks against them."""
        project, comparison = self.session.project, self.win.comparison
        if project is None or comparison is None:
            messages.tell_user(self.win, "Classroom", "Create or open a project first (File › New project).")
            return None
        teacher = self.teacher.text().strip()
        labels = project.annotations(teacher) if teacher else ()
        goal = targets(comparison, labels, project.added_links() if teacher else ())
        score = score_marks([ref for _, ref in project.marks(self._name())], goal)
        self.hide_box.setChecked(False)
        self.result.setText(score.summary())
        self.missed.clear()
        for target in score.missed:
            self.missed.addItem(f"{target.number}. {target.title}: {target.explanation}")
        return score


def install(window: MainWindow, session: ProjectSession) -> ClassroomPanel:
    """Dock the classroom panel in ``window``."""
    panel = ClassroomPanel(window, session)
    window.add_panel(panel, "Classroom")
    return panel
