"""Starting the app: the QApplication, the window, and the offscreen screenshot and smoke modes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from comparer.core.engine.model import Source
from comparer.core.formats.samples import load_samples
from comparer.gui import project_panels, project_session, source_edit
from comparer.gui.main_window import MainWindow
from comparer.gui.settings import SettingsStore

SCREENSHOT_SIZE = (1400, 900)


# Seconds a thread may hold the interpreter lock before it is asked to hand it over (Python's default: 0.005).
GUI_SWITCH_INTERVAL = 0.001


def application(*, offscreen: bool = False) -> QApplication:
    """The QApplication (created on first call); ``offscreen`` renders without a display."""
    # Comparing, loading and exporting run on worker threads in pure Python, which hold the interpreter
    # lock in turns with the window: handing it over every millisecond instead of every five keeps the
    # window answering while they work (the figures: README, "Long accounts").
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("comparer")
    app.setApplicationName("comparer")
    return app


def settings_store(path: str | Path | None = None) -> SettingsStore:
    """The user's settings, or an INI file at ``path`` (tests, screenshots)."""
    if path is not None:
        return SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    return SettingsStore(QSettings("comparer", "comparer"))


def install_source_editor(window: MainWindow) -> source_edit.SourceEditor:
    """Edit › Source details and the panes' commands that correct a source or a paragraph's role."""
    editor = source_edit.SourceEditor(
        window.session, window.area, lambda: window.sources, window.set_sources, window
    )
    return source_edit.install(window.menu("&Edit"), editor)


def install_project_panels(window: MainWindow) -> project_panels.ProjectPanels:
    """File › project commands and the Annotate, Agreement and Classroom panels."""
    session = project_session.install(window)
    return project_panels.install(
        window,
        window.session,
        session,
        add_panel=window.add_panel,
        selected_span=window.area.selected_span,
        text_selection=window.area.text_selection,
    )


def build_window(settings: SettingsStore, *, synchronous: bool = False) -> MainWindow:
    """The full window: the comparison view plus the project menu and the Annotate, Agreement and
    Classroom panels (``window.project_panels``), the commands that correct a source's details and
    a paragraph's role, with the docks as the user last left them."""
    window = MainWindow(settings, synchronous=synchronous)
    window.project_panels = install_project_panels(window)
    install_source_editor(window)
    if not window.state.window_state.isEmpty():
        window.restoreState(window.state.window_state)  # again, now that the docks exist
    return window


def render_screenshot(
    sources: Sequence[Source], out: str | Path, *, size: tuple[int, int] = SCREENSHOT_SIZE
) -> Path:
    """Compare ``sources`` synchronously in an offscreen window of ``size`` and save it as a PNG."""
    app = application(offscreen=True)
    out_path = Path(out)
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window(settings_store(Path(tmp) / "settings.ini"), synchronous=True)
        window.resize(*size)
        window.show()
        window.set_sources(sources)
        app.processEvents()
        rows = window.findings.visible_rows()
        first = next((i for i, row in enumerate(rows) if row.kind), 0 if rows else None)
        if first is not None:
            window.findings.select_proxy_row(first)  # a selected finding, its connector and its detail
        app.processEvents()
        saved = window.grab().save(str(out_path), "PNG")
        window.close()
        window.deleteLater()
        app.processEvents()
    if not saved:
        raise OSError(f"could not write {out_path}")
    return out_path


def smoke() -> bool:
    """Start offscreen and compare the sample pair; True when a comparison came back."""
    app = application(offscreen=True)
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window(settings_store(Path(tmp) / "settings.ini"), synchronous=True)
        window.set_sources(load_samples())
        ok = window.comparison is not None
        window.close()
        window.deleteLater()
        app.processEvents()
    return ok


def run_app(sources: Sequence[Source] | None, *, settings_path: str | None = None) -> int:
    """Open the window on ``sources`` (the sample pair when ``None``) and run until it closes."""
    app = application()
    window = build_window(settings_store(settings_path))
    if window.state.geometry.isEmpty():
        room = window.screen().availableGeometry()
        window.resize(min(1280, room.width()), min(800, room.height()))
    panels = window.project_panels
    if window.state.window_state.isEmpty() and isinstance(panels, project_panels.ProjectPanels):
        project_panels.fit_to_width(panels, window.width())
    window.show()
    window.set_sources(list(sources) if sources else load_samples())
    return int(app.exec())
