"""The agreement panel: figures for the open project, pooled with other annotators' project files."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from comparer.core.errors import ComparerError
from comparer.core.project.annotations import LinkAnnotation
from comparer.core.project.store import Project
from comparer.core.research.agreement import agreement_report, ratings_from_annotations, render_report
from comparer.gui import messages, project_session
from comparer.gui.project_session import PROJECT_FILTER, ProjectSession


class AgreementPanel(QWidget):
    """Raw agreement, Cohen's kappa, Krippendorff's alpha and the disagreements to adjudicate."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.others: list[str] = []
        self.setAccessibleName("Annotator agreement")
        self.files = QListWidget(self)
        self.files.setAccessibleName("Other project files pooled in")
        self.files.setMaximumHeight(80)
        add = QPushButton("Add project file…", self)
        add.clicked.connect(self.choose_other)
        compute = QPushButton("Compute", self)
        compute.clicked.connect(self.compute)
        self.output = QPlainTextEdit(self)
        self.output.setReadOnly(True)
        self.output.setAccessibleName("Agreement figures")
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(compute)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Other annotators' project files pooled in:", self))
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        layout.addWidget(self.output, 1)
        session.annotated.connect(lambda _link: self.compute())
        session.changed.connect(self.compute)
        self.compute()

    def choose_other(self) -> None:
        """Ask for another annotator's project file and pool it in."""
        path = project_session.ask_open_path(self, "Add a project to pool", PROJECT_FILTER)
        if path:
            self.add_other(path)

    def add_other(self, path: str) -> None:
        """Pool the labels of the project at ``path`` into the figures."""
        if path not in self.others:
            self.others.append(path)
            self.files.addItem(path)
        self.compute()

    def _use_same_accounts(self, other: Project, path: str) -> None:
        """Read ``other`` on its comparison of the accounts this project's labels were made on."""
        own = self.session.project
        if own is None or not own.has_comparison:
            return
        number = other.number_of(own.comparison().sources)
        if number is None:
            raise ComparerError(
                f"{path}: holds no comparison of these accounts; only labels on the same texts are pooled"
            )
        other.use(number)

    def compute(self) -> str:
        """Recompute and show the figures; the text shown."""
        pooled: dict[tuple[str, str], LinkAnnotation] = {}
        describe: dict[str, str] = {}
        if self.session.project is not None:
            for row in self.session.project.links():
                describe[row.key] = row.id
            for ann in self.session.project.annotations():
                pooled[(ann.link_key, ann.annotator)] = ann
        for path in self.others:
            try:
                with Project.open(path, read_only=True) as other:
                    self._use_same_accounts(other, path)
                    for ann in other.annotations():
                        pooled[(ann.link_key, ann.annotator)] = ann
            except ComparerError as exc:
                messages.tell_user(self, "Agreement", str(exc))
                self.others.remove(path)
                self.files.clear()
                self.files.addItems(self.others)
                break
        ratings = ratings_from_annotations(pooled.values())
        if not ratings.items:
            text = "No labels yet. Label links (Annotate panel), or add other annotators' project files."
        else:
            text = render_report(agreement_report(ratings), describe=describe)
        self.output.setPlainText(text)
        return text


def install(add_panel: Callable[[QWidget, str], object], session: ProjectSession) -> AgreementPanel:
    """Make the agreement panel and dock it with ``add_panel``."""
    panel = AgreementPanel(session)
    add_panel(panel, "Agreement")
    return panel
