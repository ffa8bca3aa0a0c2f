"""Classroom mode: findings hidden, students mark the differences they see, then reveal and score.

Marks are stored in the project as they are made. Reveal compares them with the
tool's findings and the teacher's labels (see :mod:`comparer.core.research.classroom`)
and shows the findings again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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

from comparer.core.engine.model import Comparison, Span
from comparer.core.project.annotations import SpanRef
from comparer.core.research.classroom import ClassroomScore, score_marks, targets
from comparer.gui import messages
from comparer.gui.project_session import ProjectSession
from comparer.gui.session import ComparisonSession

SelectedSpan = Callable[[str], Span | None]  # what the user selected in a source's pane

NEEDS_PROJECT = "Marks are kept in a project: create or open one (File › New project) before the first mark."


class ClassroomPanel(QWidget):
    """Hide the findings, collect a student's marks, reveal and score them.

    Hiding is the session's ``answers_hidden``: the window hides what would give an answer away.
    ``selected_span(source_id)`` gives the words a student selected in a pane (grown to whole
    words; ``None`` when nothing is selected), and only that is marked.
    """

    def __init__(
        self,
        comparison: ComparisonSession,
        session: ProjectSession,
        *,
        selected_span: SelectedSpan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.comparison_session = comparison
        self.selected_span = selected_span
        self.session = session
        self.setAccessibleName("Classroom")
        self.hide_box = QCheckBox("Classroom mode: hide the findings", self)
        self.hide_box.toggled.connect(self.set_hidden)
        self.notice = QLabel(NEEDS_PROJECT, self)  # said before the first mark, not after it
        self.notice.setObjectName("classroom-needs-project")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("font-weight: bold")
        self.student = QLineEdit(self)
        self.student.setPlaceholderText("student's name")
        self.student.setAccessibleName("Student name")
        self.student.editingFinished.connect(self.refresh)
        self.student.textChanged.connect(lambda _t: self._enable())
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
        layout.addWidget(self.notice)
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
        comparison.comparisonChanged.connect(self._on_comparison)
        comparison.answersHiddenChanged.connect(self._on_hidden)
        session.changed.connect(self.refresh)
        self._on_comparison(comparison.comparison)

    # -- hiding ------------------------------------------------------------------------------------
    def set_hidden(self, hidden: bool) -> None:
        """Hide (or show again) the findings list and the highlights in the panes."""
        self.comparison_session.set_answers_hidden(hidden)

    def _on_hidden(self, hidden: bool) -> None:
        if self.hide_box.isChecked() != hidden:
            self.hide_box.setChecked(hidden)

    def _on_comparison(self, comparison: object) -> None:
        # A score belongs to the accounts it was revealed on: never show it beside another pair.
        self.result.clear()
        self.missed.clear()
        for button in self.mark_buttons.values():
            self.mark_row.removeWidget(button)
            button.deleteLater()
        self.mark_buttons = {}
        if isinstance(comparison, Comparison):
            for source in comparison.sources:
                button = QPushButton(f"Mark in {source.label}", self)
                button.setProperty("label", source.label)
                button.clicked.connect(lambda _checked=False, sid=source.id: self.mark_selection(sid))
                self.mark_row.addWidget(button)
                self.mark_buttons[source.id] = button
        self.refresh()

    # -- marks -------------------------------------------------------------------------------------
    def _name(self) -> str:
        return self.student.text().strip()

    def mark_selection(self, source_id: str) -> None:
        """Store the passage selected in ``source_id``'s pane as this student's mark."""
        project = self.session.project
        if project is None:
            messages.tell_user(self, "Classroom", NEEDS_PROJECT)
            return
        if not self._name():
            messages.tell_user(self, "Classroom", "Type the student's name first.")
            return
        span = self.selected_span(source_id)
        if span is None or span.end <= span.start:  # an empty selection never marks
            messages.tell_user(self, "Classroom", "Select the words that differ first.")
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

    def _enable(self) -> None:
        project = self.session.project
        self.notice.setVisible(project is None)
        for button in self.mark_buttons.values():
            button.setToolTip(
                NEEDS_PROJECT
                if project is None
                else f"Mark the words selected in {button.property('label')} as a difference"
            )

    def refresh(self) -> None:
        """Show the student's marks, in this list and drawn in the panes."""
        self.marks.clear()
        self._enable()
        project, comparison = self.session.project, self.comparison_session.comparison
        if project is None or comparison is None or not self._name() or not self.session.bound:
            self.comparison_session.set_student_marks(())
            return
        texts = {s.id: s.text for s in comparison.sources}
        names = {s.id: s.label for s in comparison.sources}
        listed = project.marks(self._name())
        self.comparison_session.set_student_marks([ref for _, ref in listed])
        for mark_id, ref in listed:
            words = " ".join(texts.get(ref.source, "")[ref.start : ref.end].split())
            item = QListWidgetItem(f"{names.get(ref.source, ref.source)}: {words[:80]}")
            item.setData(Qt.ItemDataRole.UserRole, mark_id)
            self.marks.addItem(item)

    # -- reveal ------------------------------------------------------------------------------------
    def reveal(self) -> ClassroomScore | None:
        """Show the findings again and score the student's marks against them."""
        project, comparison = self.session.project, self.comparison_session.comparison
        if project is None or comparison is None:
            messages.tell_user(self, "Classroom", NEEDS_PROJECT)
            return None
        teacher = self.teacher.text().strip()
        labels = project.annotations(teacher) if teacher else ()
        goal = targets(comparison, labels, project.added_links() if teacher else ())
        texts = {s.id: s.text for s in comparison.sources}
        score = score_marks([ref for _, ref in project.marks(self._name())], goal, texts)
        self.hide_box.setChecked(False)
        self.result.setText(score.summary())
        self.missed.clear()
        for target in score.missed:
            self.missed.addItem(f"{target.number}. {target.title}: {target.explanation}")
        return score


def install(
    add_panel: Callable[[QWidget, str], object],
    comparison: ComparisonSession,
    session: ProjectSession,
    *,
    selected_span: SelectedSpan,
) -> ClassroomPanel:
    """Make the classroom panel and dock it with ``add_panel``."""
    panel = ClassroomPanel(comparison, session, selected_span=selected_span)
    add_panel(panel, "Classroom")
    return panel
