"""The agreement panel: figures for the open project, pooled with other annotators' project files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from comparer.core.errors import ComparerError
from comparer.core.project.annotations import LinkAnnotation, LinkRow
from comparer.core.project.store import Project
from comparer.core.research.agreement import (
    AgreementReport,
    agreement_report,
    ratings_from_annotations,
    render_report,
)
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
        # The confusion matrix as a table: its columns line up whatever the font.
        self.matrix_label = QLabel(self)
        self.matrix = QTableWidget(self)
        self.matrix.setAccessibleName("Confusion matrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.setMaximumHeight(170)
        # Each disagreement with both passages, to adjudicate without hunting for them.
        self.disagreements = QListWidget(self)
        self.disagreements.setAccessibleName("Disagreements to adjudicate")
        self.disagreements.setWordWrap(True)
        self.disagreements.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.disagreements.setResizeMode(QListWidget.ResizeMode.Adjust)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(compute)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Other annotators' project files pooled in:", self))
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.matrix_label)
        layout.addWidget(self.matrix)
        layout.addWidget(QLabel("Disagreements to adjudicate (both passages):", self))
        layout.addWidget(self.disagreements, 2)
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
        report = agreement_report(ratings) if ratings.items else None
        if report is None:
            text = "No labels yet. Label links (Annotate panel), or add other annotators' project files."
        else:
            # The matrix is shown as a table below, where its columns line up.
            text = render_report(replace(report, confusion=None), describe=describe)
        self.output.setPlainText(text)
        self._show_matrix(report)
        self._show_disagreements(report)
        return text

    def _show_matrix(self, report: AgreementReport | None) -> None:
        shown = report is not None and report.confusion is not None and bool(report.categories)
        self.matrix.setVisible(shown)
        self.matrix_label.setVisible(shown)
        if report is None or report.confusion is None or not shown:
            self.matrix.setRowCount(0)
            self.matrix.setColumnCount(0)
            return
        first, second = report.annotators
        cats = list(report.categories)
        self.matrix_label.setText(f"Confusion matrix (rows: {first}, columns: {second})")
        self.matrix.setRowCount(len(cats))
        self.matrix.setColumnCount(len(cats))
        self.matrix.setHorizontalHeaderLabels(cats)
        self.matrix.setVerticalHeaderLabels(cats)
        for r, row in enumerate(report.confusion):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.matrix.setItem(r, c, item)

    def _passages(self) -> tuple[dict[str, LinkRow], dict[str, str]]:
        project = self.session.project
        if project is None or not project.has_comparison:
            return {}, {}
        comparison = self.session.window.comparison
        if comparison is None or not self.session.bound:
            comparison = project.comparison()
        texts = {s.id: s.text for s in comparison.sources}
        return {r.key: r for r in project.links()}, texts

    def _show_disagreements(self, report: AgreementReport | None) -> None:
        self.disagreements.clear()
        if report is None or not report.disagreements:
            return
        rows, texts = self._passages()
        for d in report.disagreements:
            labels = "; ".join(f"{a}: {v}" for a, v in d.labels.items())
            row = rows.get(d.item)
            lines = [f"{row.id if row else d.item} — {labels}"]
            if row is not None:
                for ref in (row.a, row.b):
                    words = " ".join(texts.get(ref.source, "")[ref.start : ref.end].split())
                    lines.append(f"{ref.source}: {words}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, row.id if row else "")
            self.disagreements.addItem(item)


def install(add_panel: Callable[[QWidget, str], object], session: ProjectSession) -> AgreementPanel:
    """Make the agreement panel and dock it with ``add_panel``."""
    panel = AgreementPanel(session)
    add_panel(panel, "Agreement")
    return panel
