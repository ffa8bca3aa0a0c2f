"""The open project of a window: File › New/Open/Save As project, Export, Print handout.

A :class:`ProjectSession` holds at most one open :class:`Project` and the
annotator's name, and passes every label straight to the project (which writes
it at once). When the window's comparison changes, the session stores it in the
project (as a run of the comparison that holds the same accounts), unless the
project already holds the same result. Panels are given the session; nothing
here is global.

A project is bound to the accounts it was made on: before the window shows other
accounts while a project is open, the session asks (:func:`opening.ask_about_other_accounts`)
whether to add them to the project as a comparison of their own, start a new
project for them, or close the project; File › Project comparison switches between
the comparisons a project holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from comparer.core.engine.model import Comparison, Source
from comparer.core.errors import ComparerError
from comparer.core.project.annotations import LinkRow, SpanRef, link_rows
from comparer.core.project.store import Project
from comparer.core.report.html import PageSize, render_html
from comparer.core.research.export import FORMATS, export_frame, write_export
from comparer.gui import messages, opening
from comparer.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from comparer.gui.host import WindowHost as MainWindow

PROJECT_FILTER = "comparer projects (*.comparer);;All files (*)"
NOT_BOUND = (
    "The project does not hold the accounts shown yet (they are being compared, or the comparison was "
    "cancelled); compare them first."
)
HandoutCopy = Literal["teacher", "student"]
EXPORT_FILTERS = {"csv": "CSV (*.csv)", "xlsx": "Excel workbook (*.xlsx)", "json": "JSON (*.json)"}


def ask_save_path(parent: QWidget | None, title: str, filters: str) -> tuple[str, str]:
    """Ask where to save; ``("", "")`` when cancelled. Tests replace this function."""
    return QFileDialog.getSaveFileName(parent, title, "", filters)


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """Ask for a file to open; ``""`` when cancelled. Tests replace this function."""
    return QFileDialog.getOpenFileName(parent, title, "", filters)[0]


def _details(source: Source) -> tuple[object, ...]:
    return (source.text, source.title, source.outlet, source.published)


def same_result(a: Comparison, b: Comparison) -> bool:
    """True when two comparisons have the same sources (texts and the details a user may correct),
    options, claim roles and links (by passages)."""
    if [_details(s) for s in a.sources] != [_details(s) for s in b.sources] or a.options != b.options:
        return False
    if [(c.id, c.role) for c in a.claims] != [(c.id, c.role) for c in b.claims]:
        return False
    rows_a = [
        (r.key, r.id, r.link.relation if r.link else "", r.link.kinds if r.link else ()) for r in link_rows(a)
    ]
    rows_b = [
        (r.key, r.id, r.link.relation if r.link else "", r.link.kinds if r.link else ()) for r in link_rows(b)
    ]
    return rows_a == rows_b


class ProjectSession(QObject):
    """The project a window works in, and who is annotating."""

    changed = Signal()  # a project was opened, created or closed, or its comparison replaced
    annotated = Signal(str)  # the id of a link whose annotations changed
    saved = Signal(str)  # a short line saying what was just written

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.project: Project | None = None
        self.annotator = ""
        # Asked what to do with accounts the open project does not hold; tests replace it.
        self.ask: Callable[[QWidget | None, str, Sequence[str]], opening.Choice] = (
            opening.ask_about_other_accounts
        )
        self._showing_project = False  # the window is being given the project's own accounts
        self.comparisons_menu: QMenu | None = None  # File › Project comparison, once installed
        self._writers: dict[str, TaskRunner] = {}
        self._done: dict[str, str] = {}  # what to say when a file of each kind is written
        self._outcomes: dict[str, bool] = {}
        window.comparison_changed.connect(self._on_comparison)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Open a dropped ``*.comparer`` file as a project (other files are the window's business)."""
        if watched is self.window and event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            urls = event.mimeData().urls()
            paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
            if len(paths) == 1 and paths[0].endswith(".comparer"):
                event.acceptProposedAction()
                self.open_project(paths[0])
                return True
        return super().eventFilter(watched, event)

    # -- project files ------------------------------------------------------------------------
    def _guard(self, title: str, action: Any) -> tuple[bool, Any]:
        """Run ``action``; a ComparerError is shown to the user. (succeeded, result)."""
        try:
            return True, action()
        except ComparerError as exc:
            messages.tell_user(self.window, title, str(exc))
            return False, None

    def _switch(self, project: Project | None) -> None:
        if self.project is not None and self.project is not project:
            self.project.close()
        self.project = project
        self.changed.emit()

    def new_project(self, path: str) -> bool:
        """Create a project at ``path`` holding the window's current comparison."""
        comparison = self.window.comparison
        ok, project = self._guard("New project", lambda: Project.create(path, comparison))
        if not ok:
            return False
        self._switch(project)
        self.saved.emit(f"Created {Path(path).name}")
        return True

    def open_project(self, path: str) -> bool:
        """Open the project at ``path`` and show its sources (compared again by the window)."""
        ok, project = self._guard("Open project", lambda: Project.open(path))
        if not ok:
            return False
        self._switch(project)
        self._show_current()
        return True

    def _show_current(self) -> None:
        """Give the window the accounts of the project's current comparison (unless it shows them)."""
        project = self.project
        if project is None or not project.has_comparison:
            return
        ok, comparison = self._guard("Open project", project.comparison)
        if not ok:
            return
        current = self.window.comparison
        if current is None or not same_result(current, comparison):
            self._showing_project = True
            try:
                self.window.set_sources(list(comparison.sources))
            finally:
                self._showing_project = False

    def show_comparison(self, number: int) -> bool:
        """Switch to comparison ``number`` (1-based) of the open project and show its accounts."""
        project = self.project
        if project is None:
            return False
        if not self._guard("Project comparison", lambda: project.use(number))[0]:
            return False
        self.changed.emit()
        self._show_current()
        return True

    def may_show(self, sources: Sequence[Source]) -> bool:
        """Whether the window may show ``sources``; asks first when the open project holds other accounts.

        Accounts of the current comparison (corrected details, paragraph roles) pass; accounts of
        another comparison of the project make it current; others are added as a new comparison, get
        a new project, or close this one, as the user chooses. ``False``: leave the window as it is.
        """
        project = self.project
        if project is None or self._showing_project or not project.comparisons():
            return True
        shown = opening.renumber(sources)
        if project.holds(shown):
            return True
        number = project.number_of(shown)
        if number is not None:
            project.use(number)
            self.changed.emit()
            self.saved.emit(f"Comparison {number} of {project.path.name}")
            return True
        if len(shown) < 2:
            # Nothing is compared until a second account is there (the question comes then); meanwhile
            # no comparison is current, so nothing can be labelled or marked against other texts.
            project.leave()
            self.changed.emit()
            return True
        choice = self.ask(self.window, project.path.name, [s.label for s in shown])
        if choice == "add":
            project.leave()  # nothing is labelled or marked until the new comparison is stored
            self.changed.emit()
            return True
        if choice == "new":
            path, _ = ask_save_path(self.window, "New project", PROJECT_FILTER)
            if not path:
                return False
            path = path if path.endswith(".comparer") else path + ".comparer"
            ok, created = self._guard("New project", lambda: Project.create(path))
            if not ok:
                return False
            self._switch(created)
            self.saved.emit(f"Created {Path(path).name}")
            return True
        if choice == "close":
            self.close_project()
            return True
        return False

    def save_as(self, path: str) -> bool:
        """Copy the open project to ``path`` and go on working in the copy."""
        if self.project is None:
            return self.new_project(path)
        project = self.project
        ok, copy = self._guard("Save project as", lambda: project.save_as(path))
        if not ok:
            return False
        self._switch(copy)
        self.saved.emit(f"Saved a copy as {Path(path).name}")
        return True

    def close_project(self) -> None:
        """Close the project (everything is already saved)."""
        self._switch(None)

    def _on_comparison(self, comparison: object) -> None:
        project = self.project
        if project is None or not isinstance(comparison, Comparison):
            return
        number = project.number_of(comparison.sources)
        if number is not None:
            switched = number != project.current_number
            if switched:
                project.use(number)
            if same_result(project.comparison(), comparison):
                if switched:
                    self.changed.emit()
                return
        # Stored with the comparison of the same accounts (a new one when the project holds none).
        if self._guard("Save comparison", lambda: project.save_comparison(comparison))[0]:
            self.changed.emit()
            if number is None and len(project.comparisons()) > 1:
                self.saved.emit(f"Added comparison {project.current_number} to {project.path.name}")

    # -- annotating -----------------------------------------------------------------------------
    def row(self, link_id: str) -> LinkRow | None:
        """The project's link with this id, or ``None`` (no project, no such link, or the window shows
        accounts the project's current comparison does not hold)."""
        if self.project is None or not link_id or not self.bound:
            return None
        return next((r for r in self.project.links() if r.id == link_id), None)

    @property
    def bound(self) -> bool:
        """True when a project is open and the window shows the accounts of its current comparison."""
        comparison = self.window.comparison
        return (
            self.project is not None
            and isinstance(comparison, Comparison)
            and self.project.holds(comparison.sources)
        )

    def annotate(self, link_id: str, what: str, *args: Any) -> bool:
        """Apply one annotation (``label``, ``note``, ``reject``, ``finding``) to a link; saved at once."""
        project = self.project
        if project is None:
            messages.tell_user(
                self.window, "Annotate", "Create or open a project first (File › New project)."
            )
            return False
        if not self.bound:
            messages.tell_user(self.window, "Annotate", NOT_BOUND)
            return False
        calls = {
            "label": lambda: project.set_label(link_id, args[0], annotator=self.annotator),
            "note": lambda: project.set_note(link_id, args[0], annotator=self.annotator),
            "reject": lambda: project.reject_link(link_id, annotator=self.annotator, rejected=args[0]),
            "finding": lambda: project.mark_finding(
                link_id, args[0], annotator=self.annotator, wrong=args[1]
            ),
        }
        if not self._guard("Annotate", calls[what])[0]:
            return False
        self.annotated.emit(link_id)
        self.saved.emit(f"Saved {what} on {link_id}")
        return True

    def add_link(self, a: SpanRef, b: SpanRef) -> str:
        """Add a link the engine missed; its id ("" when refused)."""
        project = self.project
        if project is None:
            messages.tell_user(
                self.window, "Add link", "Create or open a project first (File › New project)."
            )
            return ""
        if not self.bound:
            messages.tell_user(self.window, "Add link", NOT_BOUND)
            return ""
        ok, link_id = self._guard("Add link", lambda: project.add_link(a, b, annotator=self.annotator))
        if not ok:
            return ""
        self.changed.emit()
        self.saved.emit(f"Added link {link_id}")
        return str(link_id)

    # -- output ---------------------------------------------------------------------------------
    def _writer(self, what: str) -> TaskRunner:
        """The background runner for one kind of file (each its own: one never drops another's news)."""
        runner = self._writers.get(what)
        if runner is None:
            runner = self._writers[what] = TaskRunner(self, synchronous=self.window.runs_synchronously)
            runner.finished.connect(lambda _result, title=what: self._written(title))
            runner.failed.connect(lambda error, title=what: self._failed(title, error))
        return runner

    def _written(self, title: str) -> None:
        self._outcomes[title] = True
        self.saved.emit(self._done.get(title, f"{title}: done"))

    def _failed(self, title: str, error: object) -> None:
        self._outcomes[title] = False
        self.saved.emit(f"{title} failed")
        messages.tell_user(self.window, title, str(error) or type(error).__name__)

    def _in_background(self, title: str, work: Callable[[], object], done: str) -> bool:
        """Run ``work`` off the GUI thread (a long export or handout never stops the window); says
        ``done`` when it has finished, and shows a failure. True when it was started (run
        synchronously: when it succeeded)."""
        runner = self._writer(title)
        self._done[title] = done
        self._outcomes[title] = False

        def job(_progress: Callable[[float], None], _cancelled: Callable[[], bool]) -> object:
            return work()

        self.saved.emit(f"{title}: writing…")
        runner.start(job)
        return self._outcomes[title] if runner.synchronous else True

    @property
    def writing(self) -> bool:
        """True while an export or a handout is being written in the background."""
        return any(r.busy for r in self._writers.values())

    def export(self, path: str, fmt: str) -> bool:
        """Export the project's links and annotations to ``path`` (written in the background)."""
        project = self.project
        if project is None:
            messages.tell_user(self.window, "Export", "Create or open a project first (File › New project).")
            return False
        # Read from the project here (its connection belongs to this thread); built and written there.
        ok, read = self._guard(
            "Export", lambda: (project.comparison(), project.annotations(), project.added_links())
        )
        if not ok:
            return False
        comparison, annotations, added = read

        def work() -> None:
            frame = export_frame(comparison, annotations, added)
            write_export(frame, path, fmt, options=comparison.options)

        return self._in_background("Export", work, f"Wrote {Path(path).name}")

    def print_handout(self, path: str, page: PageSize = "a4", *, copy: HandoutCopy = "teacher") -> bool:
        """Write the class handout of the current comparison as PDF (in the background).

        The teacher's copy has the findings the list shows (its filters followed) marked and
        numbered, with the project's labels; the student's copy has the accounts alone, to mark.
        Both have the accounts' main text only (no boilerplate).
        """
        from comparer.gui.report_pdf import write_pdf

        comparison = self.window.comparison
        if comparison is None:
            messages.tell_user(self.window, "Print handout", "Open two or more accounts first.")
            return False
        student = copy == "student"
        # Labels made on other texts never go on this handout, even where offsets happen to match.
        bound = self.project is not None and self.bound and not student
        annotations = self.project.annotations() if self.project is not None and bound else ()
        html = render_html(
            comparison,
            annotations=annotations,
            page=page,
            for_qt=True,
            hide_findings=student,
            main_text_only=True,
            compact=True,
            finding_ids=None if student else self.window.listed_finding_ids(),
        )
        title = "Worksheet" if student else "Handout (teacher's copy)"
        return self._in_background(
            "Print handout", lambda: write_pdf(html, path, page=page, title=title), f"Wrote {Path(path).name}"
        )


def _choose_and(session: ProjectSession, what: str) -> None:
    win = session.window
    if what == "new":
        path, _ = ask_save_path(win, "New project", PROJECT_FILTER)
        if path:
            session.new_project(path if path.endswith(".comparer") else path + ".comparer")
    elif what == "open":
        path = ask_open_path(win, "Open project", PROJECT_FILTER)
        if path:
            session.open_project(path)
    elif what == "save_as":
        path, _ = ask_save_path(win, "Save project as", PROJECT_FILTER)
        if path:
            session.save_as(path if path.endswith(".comparer") else path + ".comparer")
    elif what == "export":
        path, chosen = ask_save_path(win, "Export links", ";;".join(EXPORT_FILTERS.values()))
        if path:
            fmt = next((f for f, label in EXPORT_FILTERS.items() if label == chosen), "")
            fmt = fmt or Path(path).suffix.lstrip(".").lower()
            session.export(path, fmt if fmt in FORMATS else "csv")
    elif what in ("print", "print_student"):
        student = what == "print_student"
        title = "Print student copy (PDF)" if student else "Print handout (PDF)"
        path, _ = ask_save_path(win, title, "PDF (*.pdf)")
        if path:
            session.print_handout(
                path if path.lower().endswith(".pdf") else path + ".pdf",
                copy="student" if student else "teacher",
            )


def install(window: MainWindow) -> ProjectSession:
    """Add the project commands to the File menu of ``window``; the session they work on.

    The window's ``set_sources`` is guarded by :meth:`ProjectSession.may_show`: every way of showing
    other accounts (open, add, paste, drop, recent files, the sample) asks first while a project is open.
    """
    session = ProjectSession(window)
    show = window.set_sources

    def set_sources(sources: Sequence[Source]) -> None:
        if session.may_show(sources):
            show(sources)

    window.set_sources = set_sources  # type: ignore[method-assign]
    menu = window.menu("&File")
    last = menu.actions()[-1] if menu.actions() else None  # keep Quit at the end
    entries = (
        ("New &project…", "new", "Ctrl+N", "A project file for labels and class marks, saved as you work"),
        ("Open p&roject…", "open", "", "Open a project file and its comparison"),
        ("Save project &as…", "save_as", "", "Copy the project and go on in the copy"),
        ("&Export links…", "export", "Ctrl+E", "Links and labels as CSV, Excel or JSON"),
        (
            "Print &handout (PDF)…",
            "print",
            "Ctrl+P",
            "The teacher's copy: the accounts with the findings listed",
        ),
        ("Print student cop&y (PDF)…", "print_student", "Ctrl+Shift+P", "The accounts without the answers"),
    )
    for text, what, keys, tip in entries:
        action = QAction(text, menu)
        action.setObjectName(f"project-{what}")
        action.setStatusTip(tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, w=what: _choose_and(session, w))
        if last:
            menu.insertAction(last, action)
        else:
            menu.addAction(action)
    choose = QMenu("Project &comparison", menu)
    choose.setObjectName("project-comparisons")
    choose.setToolTip("The comparisons the project holds, one per set of accounts")
    if last:
        menu.insertMenu(last, choose)
        menu.insertSeparator(last)
    else:
        menu.addMenu(choose)
    session.comparisons_menu = choose
    _fill_comparisons(session)
    session.changed.connect(lambda: _fill_comparisons(session))
    session.changed.connect(lambda: _show_project_in_title(session))
    window.installEventFilter(session)  # project files dropped on the window are opened as projects
    return session


def _fill_comparisons(session: ProjectSession) -> None:
    menu = session.comparisons_menu
    if menu is None:
        return
    menu.clear()
    project = session.project
    held = project.comparisons() if project is not None else ()
    current = project.current_number if project is not None else None
    for stored in held:
        action = menu.addAction(stored.describe())
        action.setObjectName(f"project-comparison-{stored.number}")
        action.setCheckable(True)
        action.setChecked(stored.number == current)
        action.triggered.connect(lambda _checked=False, n=stored.number: session.show_comparison(n))
    menu.setEnabled(len(held) > 1)


def _show_project_in_title(session: ProjectSession) -> None:
    project = session.project
    if project is None:
        session.window.setWindowTitle("comparer")
        return
    held, number = len(project.comparisons()), project.current_number
    which = f" (comparison {number} of {held})" if held > 1 and number else ""
    session.window.setWindowTitle(f"{project.path.name}{which} — comparer")
