"""The main window: sources side by side, the findings list, the detail panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.compare import CompareCancelled, compare
from comparer.core.engine.model import Comparison, Source
from comparer.core.engine.options import AlignOptions
from comparer.core.errors import ComparerError
from comparer.core.formats.samples import load_samples
from comparer.gui import messages, presentation, shortcuts
from comparer.gui.detail import DetailPanel
from comparer.gui.fact_table import FactTablePanel
from comparer.gui.findings_panel import FindingsPanel
from comparer.gui.host import WindowHost
from comparer.gui.legend import Legend
from comparer.gui.menus import GIVEAWAYS, build_menus
from comparer.gui.opening import file_filter, load_files, pasted_source, renumber
from comparer.gui.pane_area import MarksPlan, PaneArea, plan_marks
from comparer.gui.panes import SourcePane
from comparer.gui.prefs_dialog import PreferencesDialog
from comparer.gui.presentation import PresentationDialog
from comparer.gui.rows import Row, added_link_rows, build_rows, severity_summary
from comparer.gui.selection import Selector
from comparer.gui.session import ComparisonIndex, ComparisonSession
from comparer.gui.settings import Preferences, SettingsStore
from comparer.gui.tasks import TaskRunner, full_collections_held_off
from comparer.gui.theme import apply_theme, is_dark


class MainWindow(WindowHost):
    """comparer's main window: it owns the views and wires them to one :class:`ComparisonSession`.

    Panels are given ``session`` (the comparison, its index, the selection and their signals) and
    what they need to act (``area.selected_span``, ``add_panel``), never the window itself.

    - ``comparison`` (property): the current :class:`Comparison`, or ``None``.
    - ``comparison_changed(object)`` and ``current_link_changed(str)`` pass on the session's
      ``comparisonChanged`` and ``currentLinkChanged``.
    - ``select_link(link_id)``: select a link everywhere (panes, list, detail); panels ask the same
      with ``session.select("link", link_id)``.
    - ``pane(source_id)``: the :class:`SourcePane` of a source.
    - ``menu(name)``: the QMenu ``"&File"``, ``"&Edit"``, ``"&View"``, ``"&Tools"`` or ``"&Help"``.
    - ``add_panel(widget, title)``: dock a widget (toggle in View) and return its QDockWidget.

    ``settings`` is passed in; ``synchronous=True`` compares on the GUI thread (tests, screenshots).
    """

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
        self._rows: list[Row] = []
        # The rows and index the worker built with its comparison, off the GUI thread.
        self._prebuilt: tuple[Comparison, list[Row], ComparisonIndex, MarksPlan] | None = None
        self._plan: MarksPlan | None = None  # the marks the worker drew up for the current comparison
        self.presentation: PresentationDialog | None = None
        self.project_panels: object | None = None  # what comparer.gui.app.build_window installed
        self.session = ComparisonSession(self)
        # Connected first, so the views show a new comparison before any panel hears of it.
        self.session.comparisonChanged.connect(self._show_comparison)
        self.session.comparisonChanged.connect(self.comparison_changed)
        self.session.currentLinkChanged.connect(self.current_link_changed)
        self.session.answersHiddenChanged.connect(self._on_answers_hidden)
        self.session.addedLinksChanged.connect(self._on_added_links)
        self.tasks = TaskRunner(self, synchronous=synchronous)
        self.tasks.started.connect(self._on_started)
        self.tasks.progress.connect(self._on_progress)
        self.tasks.finished.connect(self._on_compared)
        self.tasks.failed.connect(self._on_failed)
        self.tasks.done.connect(self._on_done)
        # Reading files has its own runner: a comparison started meanwhile never drops the files read.
        self.loader = TaskRunner(self, synchronous=synchronous)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self._opened = False

        self.area = PaneArea(self)
        self.area.set_font_size(self.prefs.font_size)
        self.area.set_sync(self.prefs.sync_scroll)
        self.findings = FindingsPanel(self)
        self.findings.set_allowed_kinds(self.prefs.kinds_shown)
        self.findings.filters_changed.connect(self._show_counts)
        self.detail = DetailPanel(self)
        self.facts = FactTablePanel(self.session, self)
        self.session.linkLabelsChanged.connect(self.findings.set_labels)
        self.session.studentMarksChanged.connect(self.area.set_student_marks)
        self.selector = Selector(self.session, self.area, self.findings, self.detail, self._listed_rows)
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

        built = build_menus(self.menuBar(), self)
        self._menus = built.by_name
        self.recent_menu: QMenu = built.recent
        self.sync_action: QAction = built.sync
        self.sync_action.setChecked(self.prefs.sync_scroll)
        self.facts_dock = self.add_panel(self.facts, "Fact table")
        self.facts_dock.toggleViewAction().setObjectName("fact-table")
        self.facts_dock.hide()  # shown from the View menu
        self._facts_shown_before_class = False
        self._fill_recent()
        apply_theme(self.prefs.theme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._repaint)
        self._restore_state()

    # -- extension points -------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        """The current comparison (``None`` before the first one finishes)."""
        return self.session.comparison

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
        action = dock.toggleViewAction()
        # Chosen from the menu, a panel comes to the front even when it shares a tab with others.
        action.triggered.connect(lambda checked, d=dock: d.raise_() if checked else None)
        self.menu("&View").addAction(action)
        return dock

    def listed_finding_ids(self) -> frozenset[str] | None:
        """The ids of the findings the list shows with its filters (the handout follows them)."""
        if self.comparison is None:
            return None
        return frozenset(
            r.key.removeprefix("finding:")
            for r in self.findings.visible_rows()
            if r.key.startswith("finding:")
        )

    @property
    def runs_synchronously(self) -> bool:
        """True when comparing, loading and writing run on the GUI thread (tests, screenshots)."""
        return self.tasks.synchronous

    def select_link(self, link_id: str) -> None:
        """Select link ``link_id`` in the list, the panes and the detail panel ("" clears)."""
        self.selector.select_link(link_id)

    def reveal_claim(self, claim_id: str) -> None:
        """Select one claim in its pane and scroll it into view (a fact table cell asks this)."""
        self.selector.reveal_claim(claim_id)

    def select_finding(self, finding_id: str) -> None:
        """Select a finding's row in the list (shown even when the filters hide it) and its passages."""
        self.selector.select_finding(finding_id)

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
        """Load ``paths`` (all or nothing) and show them, replacing or adding to the current sources.

        Reading runs in the background (a long PDF never stops the window); the accounts are shown
        when every file has been read. True when the reading started (run synchronously: when every
        file was read).
        """
        if not paths:
            return False
        listed = [str(p) for p in paths]
        first = len(self.sources) if add else 0

        def job(_progress: Callable[[float], None], _cancelled: Callable[[], bool]) -> object:
            return (listed, add, load_files(listed, first_index=first))

        self._opened = False
        names = ", ".join(p.rsplit("/", 1)[-1] for p in listed)
        self.status_label.setText(f"Reading {names}…")
        self.loader.start(job)
        return self._opened if self.loader.synchronous else True

    def _on_loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        listed, add, loaded = result
        self._opened = True
        self.state = self.state.with_recent(listed)
        self._fill_recent()
        self.set_sources([*(self.sources if add else []), *loaded])

    def _on_load_failed(self, error: object) -> None:
        self.status_label.setText("Could not open the file")
        messages.tell_user(self, "Could not open the file", str(error) or type(error).__name__)

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
        kinds = self.prefs.kinds_shown

        def job(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Comparison:
            with full_collections_held_off():
                comparison = compare(sources, options, progress=progress, cancelled=cancelled)
                # Plain data, built off the GUI thread.
                index = ComparisonIndex.build(comparison)
                self._prebuilt = (comparison, build_rows(comparison), index, plan_marks(index, kinds))
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
        self._set_comparison(comparison)  # the list's filters, set for the new accounts, count it

    def _show_counts(self) -> None:
        # Counted over the rows the list shows, so "show all" and the filters change the figures too.
        comparison = self.comparison
        if comparison is None:
            return
        if self.session.answers_hidden:  # the counts would tell the class how many to find
            self.status_label.setText(f"Classroom mode · {len(comparison.sources)} accounts")
            return
        self.status_label.setText(
            f"{severity_summary(self.findings.visible_rows())} · {len(comparison.sources)} accounts"
        )

    def _on_failed(self, error: object) -> None:
        if isinstance(error, CompareCancelled):
            self.status_label.setText("Comparison cancelled")
            return
        self.status_label.setText("Comparison failed")
        messages.tell_user(self, "Comparison failed", str(error) or type(error).__name__)

    def _set_comparison(self, comparison: Comparison | None) -> None:
        prebuilt, self._prebuilt = self._prebuilt, None
        if prebuilt is not None and prebuilt[0] is comparison:
            self._rows, self._plan = prebuilt[1], prebuilt[3]
            self.session.set_comparison(comparison, prebuilt[2])
        else:
            self._rows = build_rows(comparison) if comparison is not None else []
            self._plan = None
            self.session.set_comparison(comparison)

    def _show_comparison(self, comparison: Comparison | None) -> None:
        # The session's new comparison, shown in the views (before any panel is told of it).
        later = not self.tasks.synchronous and comparison is not None
        if comparison is not None:
            self.area.set_sources(comparison.sources, self.session.index, connectors_later=later)
            self.area.set_added_links(self.session.added_links)
            self.area.set_student_marks(self.session.student_marks)
        # The list's filters, set for these accounts, count the rows shown (filters_changed).
        sources = comparison.sources if comparison is not None else ()
        self.findings.show_comparison(self._listed_rows(), sources)
        if not later:
            self._repaint()
            return
        # The connectors (made, placed, painted), then the marks, each on a later turn of the
        # event loop: the list and the panes are drawn first, and the window answers in between
        # instead of doing all of it (and painting it) in one long stretch. Real timers: 0 would
        # run before any other. A comparison shown meanwhile drops the turns left.
        index = self.session.index
        turns = [
            lambda: self.area.draw_connectors(paint=False),
            self.area.place_connectors,
            self.area.paint_connectors,
            self._repaint,
        ]

        def next_turn() -> None:
            if self.session.index is index and turns:
                turns.pop(0)()
                QTimer.singleShot(1, self, next_turn)

        QTimer.singleShot(1, self, next_turn)

    def _listed_rows(self) -> list[Row]:
        """The comparison's rows with the links annotators added, listed before the quiet links."""
        comparison = self.comparison
        added = added_link_rows(comparison, self.session.added_links) if comparison is not None else []
        if not added:
            return self._rows
        cut = next((i for i, row in enumerate(self._rows) if not row.kind), len(self._rows))
        return [*self._rows[:cut], *added, *self._rows[cut:]]

    def _on_added_links(self, links: object) -> None:
        self.area.set_added_links(self.session.added_links)
        self.findings.set_rows(self._listed_rows())

    def _repaint(self) -> None:
        kinds = () if self.session.answers_hidden else self.prefs.kinds_shown
        self.area.paint(self.session.index, kinds, dark=is_dark(self.prefs.theme), plan=self._plan)

    def _on_answers_hidden(self, hidden: bool) -> None:
        """Classroom mode: hide the list, the legend, the fact table and the marks, and the commands
        that would show a finding; shown again as they were."""
        for name in GIVEAWAYS:
            action = self.findChild(QAction, name)
            if action is not None:
                action.setEnabled(not hidden)
        self.bottom.setVisible(not hidden)
        self.legend.setVisible(not hidden)
        self.area.set_answers_hidden(hidden)
        self._show_counts()
        if hidden:
            self._facts_shown_before_class = self.facts_dock.isVisible()
            self.facts_dock.hide()
        elif self._facts_shown_before_class:
            self.facts_dock.show()
        self._repaint()

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) finding in the list."""
        self.findings.step(delta)
        self.findings.table.setFocus()

    def step_conflict(self, delta: int) -> None:
        """Next (+1) or previous (-1) conflict in the list; says so when there is none."""
        if self.findings.step_conflict(delta):
            self.findings.table.setFocus()
        elif self.comparison is not None:
            self.statusBar().showMessage("No conflict among the findings shown", 4000)

    def focus_findings(self) -> None:
        """View › Findings list: put the keyboard focus in the list."""
        self.findings.table.setFocus()

    def cancel_comparison(self) -> None:
        """Tools › Cancel comparison."""
        self.tasks.cancel()

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
        current = self.findings.table.currentIndex()
        dialog = presentation.present(
            self,
            self.comparison,
            self.findings.visible_rows(),
            start=current.row() if current.isValid() else 0,
            font_size=max(22, self.prefs.font_size * 2),
        )
        self.presentation = dialog or self.presentation

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts."""
        shortcuts.show_shortcuts(self)

    def show_about(self) -> None:
        """Help › About comparer."""
        shortcuts.show_about(self, self.settings.path)

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
