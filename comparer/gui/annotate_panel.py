"""The annotation panel: label the selected link (keys 1–4), note, reject, wrong findings, add a link.

Everything is written to the project the moment it is done: a label on click or
key press, a note when the field loses focus or Enter is pressed (and before
another link is shown), a rejection or a wrong finding on toggle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.model import Span
from comparer.core.project.annotations import LinkAnnotation, SpanRef
from comparer.gui import messages
from comparer.gui.project_session import ProjectSession
from comparer.gui.session import ComparisonSession

SelectedSpan = Callable[[str], Span | None]  # what the user selected in a source's pane

_ELIDE = 220
_PER_LINE = 3  # label buttons on one line


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _ELIDE else text[: _ELIDE - 1] + "…"


class AnnotatePanel(QWidget):
    """Label, note, reject and correct the current link of ``comparison`` (the window's session).

    ``selected_span(source_id)`` gives what the user selected in a pane; the keys 1–4 and 0 work
    anywhere in the window ``keys_on``.
    """

    def __init__(
        self,
        comparison: ComparisonSession,
        session: ProjectSession,
        *,
        selected_span: SelectedSpan,
        keys_on: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.comparison_session = comparison
        self.selected_span = selected_span
        self.session = session
        self.link_id = ""
        self._note_saved = ""
        self.setAccessibleName("Annotate link")

        self.annotator = QLineEdit(self)
        self.annotator.setPlaceholderText("your name")
        self.annotator.setAccessibleName("Annotator name")
        self.annotator.textChanged.connect(self._on_annotator)
        self.project_label = QLabel(self)
        self.project_label.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setAccessibleName("Links labelled")
        self.progress.setObjectName("annotate-progress")
        self.which = QComboBox(self)  # a finding seen on several links: which of them a label goes to
        self.which.setAccessibleName("Link the label goes to")
        self.which.setToolTip("This finding rests on several links; a label applies to a link, so choose one")
        self.which.activated.connect(self._on_which)
        self.which.hide()
        self._links: tuple[str, ...] = ()  # the links of the finding row selected (when more than one)
        self.link_label = QLabel(self)
        self.link_label.setWordWrap(True)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.labels = QButtonGroup(self)
        self.labels.setExclusive(False)
        self.label_row = QGridLayout()  # a few buttons a line: the dock stays narrow
        self.buttons: dict[str, QPushButton] = {}
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setToolTip("Remove your label from this link (0)")
        self.clear_button.clicked.connect(lambda: self.set_label(None))
        self.custom = QLineEdit(self)
        self.custom.setPlaceholderText("new label…")
        self.custom.setAccessibleName("New label name")
        self.custom.returnPressed.connect(self._add_custom)

        self.note = QLineEdit(self)
        self.note.setPlaceholderText("note")
        self.note.setToolTip("Saved when you press Enter or leave the field")
        self.note.setAccessibleName("Note on this link")
        self.note.editingFinished.connect(self.save_note)
        self.reject = QPushButton("Reject link", self)
        self.reject.setCheckable(True)
        self.reject.setToolTip("The engine should not have linked these two passages")
        self.reject.toggled.connect(self._on_reject)
        self.findings = QListWidget(self)
        self.findings.setAccessibleName("Findings of this link (tick the wrong ones)")
        self.findings.setWordWrap(True)  # long explanations wrap instead of scrolling sideways
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.findings.itemChanged.connect(self._on_finding)
        self.add_link_button = QPushButton("Link selected passages", self)
        self.add_link_button.setToolTip(
            "Select a passage in each source pane, then add the link the engine missed"
        )
        self.add_link_button.clicked.connect(self.add_link_from_selection)
        self.status = QLabel(self)

        form = QFormLayout()
        form.addRow("Annotator", self.annotator)
        layout = QVBoxLayout(self)
        layout.addWidget(self.project_label)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.which)
        layout.addWidget(self.link_label)
        layout.addLayout(self.label_row)
        layout.addWidget(self.custom)
        layout.addWidget(self.note)
        layout.addWidget(self.reject)
        layout.addWidget(QLabel("Tick the findings that are wrong:", self))
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.add_link_button)
        layout.addWidget(self.status)

        # Keys 1–4 label the selected link wherever the focus is in the window, except in text fields,
        # which take digits as text (Qt gives line edits the key first).
        self.shortcuts: list[QShortcut] = []
        for n in range(5):
            shortcut = QShortcut(QKeySequence(str(n)), keys_on)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self._key(n))
            self.shortcuts.append(shortcut)

        session.changed.connect(self._on_project)
        session.annotated.connect(lambda _link: self._on_project())
        session.saved.connect(self.status.setText)
        comparison.currentLinkChanged.connect(self.show_link)
        comparison.selectionChanged.connect(self._on_selection)
        comparison.comparisonChanged.connect(lambda _c: self._on_project())
        self._rebuild_buttons()
        self._on_project()

    # -- what the window shows of the project ---------------------------------------------------------
    def _on_project(self) -> None:
        self.publish()
        self.refresh()

    def publish(self) -> None:
        """Tell the window this annotator's labels (the list's Label column) and the added links
        (listed and drawn), and count the links labelled."""
        project, cs = self.session.project, self.comparison_session
        if project is None or not self.session.bound:
            cs.set_link_labels(None if project is None else {})
            cs.set_added_links(())
            self.progress.setText("")
            return
        rows = project.links()
        ids = {r.key: r.id for r in rows}
        labels: dict[str, str] = {}
        if self.session.annotator:
            for ann in project.annotations(self.session.annotator):
                if ann.link_key in ids and (ann.label or ann.rejected):
                    labels[ids[ann.link_key]] = ann.label or "rejected"
        cs.set_link_labels(labels)
        cs.set_added_links(project.added_links())
        if self.session.annotator:
            self.progress.setText(f"{len(labels)} of {len(rows)} links labelled")
        else:
            self.progress.setText(f"{len(rows)} links to label")

    def _on_selection(self, kind: str, item_id: str) -> None:
        # A finding row lists every link it was seen on; labels go to one link (or each of them).
        index = self.comparison_session.index
        if kind == "finding" and index is not None and item_id in index.findings:
            links = tuple(lk for lk in index.findings[item_id].links if lk in index.links)
            self._links = links if len(links) > 1 else ()
        elif kind != "link" or item_id not in self._links:
            self._links = ()
        self._fill_which()

    def _fill_which(self) -> None:
        self.which.blockSignals(True)
        self.which.clear()
        if self._links:
            self.which.addItem(f"Each of the {len(self._links)} links of this finding", "*")
            index = self.comparison_session.index
            for link_id in self._links:
                link = index.link(link_id) if index is not None else None
                what = f"{link.relation}, score {link.score:.0f}" if link is not None else ""
                self.which.addItem(f"Link {link_id} ({what})", link_id)
            i = self.which.findData(self.link_id)
            self.which.setCurrentIndex(i if i >= 0 else 1)
        self.which.blockSignals(False)
        self.which.setVisible(bool(self._links))

    def _on_which(self, i: int) -> None:
        chosen = str(self.which.itemData(i))
        if chosen != "*":
            self.comparison_session.select("link", chosen)  # shown in the panes; labels go to it

    def targets(self) -> tuple[str, ...]:
        """The links a label goes to: the current link, or each link of the finding when chosen."""
        if self._links and self.which.isVisible() and self.which.currentData() == "*":
            return self._links
        return (self.link_id,) if self.link_id else ()

    # -- labels -------------------------------------------------------------------------------------
    def _label_names(self) -> tuple[str, ...]:
        project = self.session.project
        return project.labels() if project else ("agree", "conflict", "related", "unrelated")

    def _rebuild_buttons(self) -> None:
        names = self._label_names()
        if tuple(self.buttons) == names:
            return
        for button in self.buttons.values():
            self.labels.removeButton(button)
            self.label_row.removeWidget(button)
            button.deleteLater()
        self.label_row.removeWidget(self.clear_button)
        self.buttons = {}
        for i, name in enumerate(names, 1):
            button = QPushButton(f"{i}. {name}" if i <= 4 else name, self)
            button.setCheckable(True)
            button.setObjectName(f"label-{name}")
            button.setToolTip(f"Label this link “{name}”" + (f" ({i})" if i <= 4 else ""))
            button.clicked.connect(lambda _checked=False, name=name: self.set_label(name))
            self.labels.addButton(button)
            self.label_row.addWidget(button, (i - 1) // _PER_LINE, (i - 1) % _PER_LINE)
            self.buttons[name] = button
        n = len(names)
        self.label_row.addWidget(self.clear_button, n // _PER_LINE, n % _PER_LINE)

    def _key(self, n: int) -> None:
        if n == 0:
            self.set_label(None)
            return
        names = self._label_names()
        if n <= len(names) and n <= 4:
            self.set_label(names[n - 1])

    def set_label(self, label: str | None) -> None:
        """Label the current link (``None`` clears); written to the project at once."""
        if not self.link_id:
            self.status.setText("Select a link first.")
            self.refresh()
            return
        if not self._ready():
            self.refresh()
            return
        for link_id in self.targets():
            if not self.session.annotate(link_id, "label", label):
                break

    def _add_custom(self) -> None:
        project = self.session.project
        name = self.custom.text()
        if project is None or not name.strip():
            return
        ok, _ = self.session._guard("New label", lambda: project.add_label(name))
        if ok:
            self.custom.clear()
            self._rebuild_buttons()

    # -- notes, rejection, findings --------------------------------------------------------------------
    def save_note(self) -> None:
        """Write the note of the current link if it changed."""
        text = self.note.text()
        if not self.link_id or text == self._note_saved or not self._ready():
            return
        if self.session.annotate(self.link_id, "note", text):
            self._note_saved = text

    def _on_reject(self, checked: bool) -> None:
        if self._filling or not self.link_id or not self._ready():
            return
        self.session.annotate(self.link_id, "reject", checked)

    def _on_finding(self, item: QListWidgetItem) -> None:
        if self._filling or not self.link_id or not self._ready():
            return
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.session.annotate(self.link_id, "finding", index, item.checkState() == Qt.CheckState.Checked)

    def _ready(self) -> bool:
        if self.session.project is None:
            messages.tell_user(self, "Annotate", "Create or open a project first (File › New project).")
            return False
        if not self.session.annotator:
            messages.tell_user(self, "Annotate", "Type your name in the Annotator field first.")
            self.annotator.setFocus()
            return False
        return True

    def _on_annotator(self, text: str) -> None:
        self.session.annotator = text.strip()
        self._on_project()

    # -- adding a link ----------------------------------------------------------------------------------
    def add_link_from_selection(self) -> None:
        """Link the passages selected in the first two panes (or the current link's two sources)."""
        comparison = self.comparison_session.comparison
        if comparison is None or len(comparison.sources) < 2 or not self._ready():
            return
        ids = [s.id for s in comparison.sources[:2]]
        row = self.session.row(self.link_id)
        if row is not None:
            ids = [row.a.source, row.b.source]
        refs: list[SpanRef] = []
        for sid in ids:
            span = self.selected_span(sid)
            if span is None or span.end <= span.start:
                messages.tell_user(self, "Add link", f"Select a passage in source {sid} first.")
                return
            refs.append(SpanRef(sid, span.start, span.end))
        link_id = self.session.add_link(refs[0], refs[1])
        if link_id:
            self.comparison_session.select("link", link_id)  # its new row in the list, its band
            self.show_link(link_id)

    # -- showing -------------------------------------------------------------------------------------------
    _filling = False

    def show_link(self, link_id: str) -> None:
        """Show the annotations of ``link_id`` (saving the note being edited first)."""
        if link_id != self.link_id:
            self.save_note()
        self.link_id = link_id
        self.refresh()

    def current(self) -> LinkAnnotation | None:
        """This annotator's annotation of the current link, if any."""
        project, row = self.session.project, self.session.row(self.link_id)
        if project is None or row is None or not self.session.annotator:
            return None
        return project.annotation(row.id, self.session.annotator)

    def refresh(self) -> None:
        """Bring every control in line with the project."""
        self._filling = True
        try:
            self._rebuild_buttons()
            project = self.session.project
            self.project_label.setText(
                f"Project: {project.path.name}"
                if project
                else "No project: File › New project (Ctrl+N) to start labelling"
            )
            row = self.session.row(self.link_id)
            state = self.current()
            self.link_label.setVisible(project is not None)
            if row is None:
                self.link_label.setText("Select a link in the findings list or a pane.")
            else:
                comparison = self.comparison_session.comparison
                texts = {s.id: s.text for s in comparison.sources} if comparison else {}
                what = (
                    f"{row.link.relation}, score {row.link.score:.0f}"
                    if row.link
                    else "added by an annotator"
                )
                a = _short(texts.get(row.a.source, "")[row.a.start : row.a.end])
                b = _short(texts.get(row.b.source, "")[row.b.start : row.b.end])
                self.link_label.setText(f"{row.id} ({what})\n{row.a.source}: {a}\n{row.b.source}: {b}")
            for name, button in self.buttons.items():
                button.setChecked(bool(state and state.label == name))
                button.setEnabled(row is not None)
            self._note_saved = state.note if state else ""
            if not self.note.hasFocus() or row is None:
                self.note.setText(self._note_saved)
            self.note.setEnabled(row is not None)
            self.reject.setChecked(bool(state and state.rejected))
            self.reject.setEnabled(row is not None and row.origin == "engine")
            self.findings.clear()
            wrong = set(state.wrong_findings) if state else set()
            for i, finding in enumerate(row.link.findings if row and row.link else ()):
                item = QListWidgetItem(f"{i + 1}. {finding.explanation}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if i in wrong else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, i)
                self.findings.addItem(item)
        finally:
            self._filling = False


def install(
    add_panel: Callable[[QWidget, str], object],
    comparison: ComparisonSession,
    session: ProjectSession,
    *,
    selected_span: SelectedSpan,
    keys_on: QWidget,
) -> AnnotatePanel:
    """Make the annotation panel, working on ``session``, and dock it with ``add_panel``."""
    panel = AnnotatePanel(comparison, session, selected_span=selected_span, keys_on=keys_on)
    add_panel(panel, "Annotate")
    return panel
