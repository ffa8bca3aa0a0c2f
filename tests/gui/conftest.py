"""Fixtures for the app's tests: isolated settings, a window on the sample pair, no leftover threads."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QDropEvent

from comparer.gui import app, messages, project_session
from comparer.gui.main_window import MainWindow
from comparer.gui.settings import SettingsStore

GUI_DIR = Path(__file__).parent

# PySide6 6.12 on Python 3.11 drops one reference to None each time an empty QVariant reaches Python
# (QModelIndex.data() for a role without data; qtmodeltester asks for every role). From Python 3.12
# None is immortal. On 3.11, a list of spare references that is deliberately never freed (not even at
# interpreter exit) keeps None alive.
if sys.version_info < (3, 12):
    _SPARE_NONE_REFS = [None] * 2_000_000
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_SPARE_NONE_REFS))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot resize native windows; that is not a defect of the app.
    for item in items:
        if Path(str(item.fspath)).parent == GUI_DIR:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    """Settings in a file of this test only: the user's settings are never touched."""
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Messages the app would show the user, captured instead of shown."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "tell_user", lambda parent, title, text, **kw: seen.append((title, text)))
    return seen


@pytest.fixture(autouse=True)
def no_threads_left():
    """Fail a test that leaves a worker thread running."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000)
    assert pool.activeThreadCount() == 0


@pytest.fixture
def window(qtbot, store: SettingsStore, told) -> MainWindow:
    """A shown main window that compares synchronously, without sources."""
    win = MainWindow(store, synchronous=True)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


@pytest.fixture
def full(qtbot, store: SettingsStore, told) -> MainWindow:
    """The full window (project commands, docks and help) on the sample pair, compared."""
    win = app.build_window(store, synchronous=True)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.open_sample()
    assert win.comparison is not None
    assert win.comparison.links
    return win


@pytest.fixture
def project(full: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new project created through File › New project…"""
    path = tmp_path / "class.comparer"
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(path), ""))
    full.menu("&File").findChild(QAction, "project-new").trigger()
    assert full.project_panels.session.project is not None
    return path


@pytest.fixture
def sample_window(window: MainWindow) -> MainWindow:
    """The window on the bundled sample pair, compared."""
    window.open_sample()
    assert window.comparison is not None
    assert window.comparison.links, "the sample pair should give at least one link"
    return window


@pytest.fixture
def drop_event():
    """Make the drop event Qt would deliver for files dropped on a widget."""
    kept: list[QMimeData] = []  # the event only points at its data: keep it alive for the test

    def make(*paths: str | Path) -> QDropEvent:
        mime = QMimeData()
        kept.append(mime)
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        return QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )

    return make
