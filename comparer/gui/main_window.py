"""The main window: sources side by side, the findings list, the detail panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.compare import CompareCancelled, compare
from comparer.core.engine.model import Claim, Comparison, Link, Source, Span
from comparer.core.engine.options import AlignOptions
from comparer.core.errors import ComparerError
from comparer.core.formats.samples import load_samples
from comparer.gui import messages, presentation, shortcuts
from comparer.gui.detail import DetailPanel
from comparer.gui.findings_panel import FindingsPanel
from comparer.gui.legend import Legend
from comparer.gui.menus import build_menus
from comparer.gui.opening import file_filter, load_files, pasted_source, renumber
from comparer.gui.pane_area import PaneArea
from comparer.gui.panes import SourcePane
from comparer.gui.prefs_dialog import PreferencesDialog
from comparer.gui.presentation import PresentationDialog
from comparer.gui.rows import Row, build_rows, severity_summary
from comparer.gui.settings import Preferences, SettingsStore
from comparer.gui.tasks import TaskRunner
from comparer.gui.theme import apply_theme, is_dark

if TYPE_CHECKING:
    from comparer.gui.project_panels import ProjectPanels


class MainWindow(QMainWindow):
    """comparer's main window.

    Extension points for further panels (projects, annotation, agreement, classroom):

    - ``comparison`` (property): the current :class:`Comparison`, or ``None``.
    - ``comparison_changed(object)``: emitted with the new comparison (or ``None``).
    - ``current_link_changed(str)``: the selected link's id, or ``""`` when none.
    - ``select_link(link_id)``: select a link everywhere (panes, list, detail).
    - ``pane(source_id)``: the :class:`SourcePane` of a source; ``pane.selected_span()``.
    - ``menu(name)``: the QMenu ``"&File"``, ``"&Edit"``, ``"&View"``, ``"&Tools"`` or ``"&Help"``.
    - ``add_panel(widget, title)``: dock a widget (toggle in View) and return its QDockWidget.

    ``settings`` is passed in; ``synchronous=True`` compares on the GUI thread (tests, screenshots).
    """

    comparison_changed = Signal(object)
    current_link_changed = Signal(str)

    def __init__(
        self, settings: SettingsStore, *, synchronous: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("comparer")
        self.setAcceptDrops(True)
        self.settings = settings
        self.prefs: Preferences = settings.load_preferences()
        self.state = settings.load_state()
        self.sources: list[Source] = []
        self._comparison: Comparison | None = None
        self._rows: list[Row] = []
        self._claims: dict[str, Claim] = {}
        self._prebuilt: tuple[Comparison, list[Row]] | None = None  # rows the worker built with it
        self._current_link = ""
        self.presentation: PresentationDialog | None = None
        self.project_panels: ProjectPanels | None = None  # set by comparer.gui.app.build_window
        self.tasks = TaskRunner(self, synchronous=synchronous)
        self.tasks.started.connect(self._on_started)
        self.tasks.progress.connect(self._on_progress)
        self.tasks.finished.connect(self._on_compared)
        self.tasks.failed.connect(self._on_failed)
        self.tasks.done.connect(self._on_done)

        self.area = PaneArea(self)
        self.area.claim_clicked.connect(self._on_claim_clicked)
        self.area.link_clicked.connect(self.select_link)
        self.area.set_font_size(self.prefs.font_size)
        self.area.set_sync(self.prefs.sync_scroll)
        self.findings = FindingsPanel(self)
        self.findings.set_allowed_kinds(self.prefs.kinds_shown)
        self.findings.row_selected.connect(self._apply_row)
        self.findings.filters_changed.connect(self._show_counts)
        self.detail = DetailPanel(self)
        self.detail.setMinimumWidth(220)  # narrower, it wraps word by word
        self.findings.setMinimumWidth(320)
        self.bottom = QSplitter(Qt.Orientation.Horizontal, self)
        self.bottom.addWidget(self.findings)
        self.bottom.addWidget(self.detail)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.area)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.legend = Legend(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.legend)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(
            "Open two or more accounts (File › Open) or the sample (Help › Open sample)"
        )
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(200)
        self.progress.setAccessibleName("Comparison progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel comparison")
        self.cancel_button.clicked.connect(self.tasks.cancel)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

        self.recent_menu: QMenu
        self.sync_action: QAction
        self._menus = build_menus(self)
        self.sync_action.setChecked(self.prefs.sync_scroll)
        self._fill_recent()
        apply_theme(self.prefs.theme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._repaint)
        self._restore_state()

    # -- extension points -------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        """The current comparison (``None`` before the first one finishes)."""
        return self._comparison

    def pane(self, source_id: str) -> SourcePane:
        """The pane showing source ``source_id`` (KeyError when there is none)."""
        return self.area.panes[source_id]

    def menu(self, name: str) -> QMenu:
        """One of the menus "&File", "&Edit", "&View", "&Tools", "&Help"."""
        return self._menus[name]

    def add_panel(self, widget: QWidget, title: str) -> QDockWidget:
        """Dock ``widget`` on the right under ``title``; View gets an action to show or hide it."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"panel:{title}")
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.menu("&View").addAction(dock.toggleViewAction())
        return dock

    def select_link(self, link_id: str) -> None:
        """Select link ``link_id`` in the list, the panes and the detail panel ("" clears)."""
        if not link_id:
            self._apply_row(None)
            return
        if not self.findings.select_where(link_id=link_id):  # hidden by the filters: show it anyway
            self._apply_row(next((r for r in self._rows if link_id in r.link_ids), None))
        self._focus_link(link_id)

    def _focus_link(self, link_id: str) -> None:
        # A row can stand for several links; the one asked for is the current link (labels go to it).
        comp = self._comparison
        link = next((lk for lk in comp.links if lk.id == link_id), None) if comp else None
        if comp is None or link is None or link_id == self._current_link:
            return
        spans: dict[str, list[Span]] = {}
        for cid in (link.a, link.b):
            claim = self._claims[cid]
            spans.setdefault(claim.source, []).append(claim.span)
        self.area.set_current(spans, link_id)
        self._current_link = link_id
        self.current_link_changed.emit(link_id)

    # -- opening ----------------------------------------------------------------------------------
    def set_sources(self, sources: Sequence[Source]) -> None:
        """Show these sources and compare them (in the background unless synchronous)."""
        self.sources = renumber(sources)
        self._set_comparison(None)
        self.area.set_sources(self.sources, None)
        if len(self.sources) >= 2:
            self.recompare()
        else:
            self.status_label.setText("Add another account to compare (File › Add account, or paste one)")

    def open_files(self, paths: Sequence[str], *, add: bool = False) -> bool:
        """Load ``paths`` (all or nothing) and show them, replacing or adding to the current sources."""
        if not paths:
            return False
        keep = self.sources if add else []
        try:
            loaded = load_files(paths, first_index=len(keep))
        except ComparerError as exc:
            messages.tell_user(self, "Could not open the file", str(exc))
            return False
        self.state = self.state.with_recent([str(p) for p in paths])
        self._fill_recent()
        self.set_sources([*keep, *loaded])
        return True

    def choose_files(self, *, add: bool = False) -> None:
        """File › Open: pick files in a dialog."""
        title = "Add an account" if add else "Open accounts"
        paths, _ = QFileDialog.getOpenFileNames(self, title, "", file_filter())
        self.open_files(paths, add=add)

    def choose_files_to_add(self) -> None:
        """File › Add account."""
        self.choose_files(add=True)

    def paste_source(self) -> None:
        """Edit › Paste as new source: the clipboard text becomes one more source."""
        try:
            source = pasted_source(QGuiApplication.clipboard().text(), index=len(self.sources))
        except ComparerError as exc:
            messages.tell_user(self, "Nothing to paste", str(exc))
            return
        self.set_sources([*self.sources, source])

    def open_sample(self) -> None:
        """Help › Open sample: the bundled pair of accounts."""
        self.set_sources(load_samples())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for n, path in enumerate(self.state.recent_files, start=1):
            action = self.recent_menu.addAction(f"&{n % 10} {path.rsplit('/', 1)[-1]}")
            action.setToolTip(f"Add {path}")
            action.triggered.connect(lambda _c=False, p=path: self.open_files([p], add=True))
        self.recent_menu.setEnabled(bool(self.state.recent_files))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths, add=True)

    # -- comparing --------------------------------------------------------------------------------
    def recompare(self) -> None:
        """Compare the current sources again with the current preferences."""
        if len(self.sources) < 2:
            return
        sources, options = list(self.sources), AlignOptions(min_score=self.prefs.min_score)

        def job(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Comparison:
            comparison = compare(sources, options, progress=progress, cancelled=cancelled)
            self._prebuilt = (comparison, build_rows(comparison))  # plain data: built off the GUI thread
            return comparison

        self.tasks.start(job)

    def _on_started(self) -> None:
        self.status_label.setText(f"Comparing {len(self.sources)} accounts…")
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(round(100 * fraction))

    def _on_done(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_compared(self, comparison: Comparison) -> None:
        self.area.set_sources(comparison.sources, comparison)
        self._set_comparison(comparison)
        self._show_counts()

    def _show_counts(self) -> None:
        # Counted over the rows the list shows, so "show all" and the filters change the figures too.
        if self._comparison is None:
            return
        self.status_label.setText(
            f"{severity_summary(self.findings.visible_rows())} · {len(self._comparison.sources)} accounts"
        )

    def _on_failed(self, error: object) -> None:
        if isinstance(error, CompareCancelled):
            self.status_label.setText("Comparison cancelled")
            return
        self.status_label.setText("Comparison failed")
        messages.tell_user(self, "Comparison failed", str(error) or type(error).__name__)

    def _set_comparison(self, comparison: Comparison | None) -> None:
        self._comparison = comparison
        self._claims = {c.id: c for c in comparison.claims} if comparison is not None else {}
        prebuilt, self._prebuilt = self._prebuilt, None
        if comparison is None:
            self._rows = []
        elif prebuilt is not None and prebuilt[0] is comparison:
            self._rows = prebuilt[1]
        else:
            self._rows = build_rows(comparison)
        self._current_link = ""
        self.findings.set_sources(comparison.sources if comparison is not None else ())
        self.findings.set_rows(self._rows)
        self._repaint()
        self.comparison_changed.emit(comparison)

    def _repaint(self) -> None:
        self.area.paint(self._comparison, self.prefs.kinds_shown, dark=is_dark(self.prefs.theme))

    # -- selection --------------------------------------------------------------------------------
    def _apply_row(self, row: Row | None) -> None:
        spans: dict[str, list[Span]] = {}
        for sid, span in row.spans if row else ():
            spans.setdefault(sid, []).append(span)
        link_id = (row.link_id or "") if row else ""
        self.area.set_current(spans, link_id)
        self.detail.show_row(self._comparison, row)
        if link_id != self._current_link:
            self._current_link = link_id
            self.current_link_changed.emit(link_id)

    def _links_of(self, claim_id: str) -> list[Link]:
        comp = self._comparison
        return [lk for lk in comp.links if claim_id in (lk.a, lk.b)] if comp else []

    def _on_claim_clicked(self, claim_id: str) -> None:
        comp = self._comparison
        if comp is None:
            return
        links = self._links_of(claim_id)
        if not links:
            if not self.findings.select_where(key=f"only:{claim_id}"):
                claim = self._claims[claim_id]
                self.area.set_current({claim.source: [claim.span]}, "", scroll=False)
            return
        self.select_link(max(links, key=lambda lk: lk.score).id)
        spans: dict[str, list[Span]] = {}
        for link in links:  # every counterpart of the clicked claim, not only the best
            for cid in (link.a, link.b):
                claim = self._claims[cid]
                if cid == claim_id or claim.span not in spans.get(claim.source, []):
                    spans.setdefault(claim.source, []).append(claim.span)
        clicked = self._claims[claim_id]
        spans[clicked.source] = [clicked.span]
        self.area.set_current(spans, self._current_link, scroll=False)
        for sid, pane in self.area.panes.items():
            if sid != clicked.source and spans.get(sid):
                pane.scroll_to_span(spans[sid][0])

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) finding in the list."""
        self.findings.step(delta)
        self.findings.table.setFocus()

    def step_conflict(self, delta: int) -> None:
        """Next (+1) or previous (-1) conflict in the list; says so when there is none."""
        if self.findings.step_conflict(delta):
            self.findings.table.setFocus()
        elif self._comparison is not None:
            self.statusBar().showMessage("No conflict among the findings shown", 4000)

    def focus_search(self) -> None:
        """Put the cursor in the findings search box."""
        self.findings.search.setFocus()
        self.findings.search.selectAll()

    # -- preferences and view ---------------------------------------------------------------------
    def set_preferences(self, prefs: Preferences) -> None:
        """Apply and save new preferences (compares again when the minimum score changed)."""
        old, self.prefs = self.prefs, prefs
        self.settings.save_preferences(prefs)
        self.area.set_font_size(prefs.font_size)
        self.detail.document().setDefaultFont(self.area.font())
        self.area.set_sync(prefs.sync_scroll)
        self.sync_action.setChecked(prefs.sync_scroll)
        self.findings.set_allowed_kinds(prefs.kinds_shown)
        if prefs.theme != old.theme:
            apply_theme(prefs.theme)
        self._repaint()
        if prefs.min_score != old.min_score:
            self.recompare()

    def edit_preferences(self) -> None:
        """Tools › Preferences."""
        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec():
            self.set_preferences(dialog.value())

    def toggle_sync(self) -> None:
        """View › Synchronized scrolling."""
        self.set_preferences(replace(self.prefs, sync_scroll=self.sync_action.isChecked()))

    def change_font_size(self, delta: int) -> None:
        """View › Bigger/Smaller text."""
        self.set_preferences(replace(self.prefs, font_size=max(6, min(40, self.prefs.font_size + delta))))

    def present(self) -> None:
        """View › Presentation: the visible findings one at a time, in large type."""
        self.presentation = presentation.present(self) or self.presentation

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts."""
        shortcuts.show_shortcuts(self)

    def _restore_state(self) -> None:
        if not self.state.geometry.isEmpty():
            self.restoreGeometry(self.state.geometry)
        if not self.state.window_state.isEmpty():
            self.restoreState(self.state.window_state)
        if self.state.splitter.isEmpty() or not self.splitter.restoreState(self.state.splitter):
            self.splitter.setSizes([560, 340])  # scaled to the window: panes get the larger share
        self.bottom.setSizes([640, 360])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel()
        self.state = replace(
            self.state,
            geometry=self.saveGeometry(),
            window_state=self.saveState(),
            splitter=self.splitter.saveState(),
        )
        self.settings.save_state(self.state)
        super().closeEvent(event)
