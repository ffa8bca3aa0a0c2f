"""What the parts of the app that add commands to the window may use of it, as one small base class.

The main window is a :class:`WindowHost`. A part that needs a window (the project commands add File
menu entries, open a project's own accounts, put its name in the title) names this class, not the
main window, so no module but :mod:`comparer.gui.app` imports :mod:`comparer.gui.main_window`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from comparer.core.engine.model import Comparison, Source


class WindowHost(QMainWindow):
    """A main window that shows accounts and their comparison (``MainWindow`` implements it).

    ``comparison_changed(object)`` is emitted with each new comparison (or ``None``).
    """

    comparison_changed = Signal(object)

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown (``None`` before the first one finishes)."""
        raise NotImplementedError

    def set_sources(self, sources: Sequence[Source]) -> None:
        """Show these accounts and compare them."""
        raise NotImplementedError

    def menu(self, name: str) -> QMenu:
        """One of the window's menus by its title ("&File", "&Edit", "&View", "&Tools", "&Help")."""
        raise NotImplementedError

    def listed_finding_ids(self) -> frozenset[str] | None:
        """The ids of the findings the list shows with its filters (``None``: no list to follow)."""
        return None

    @property
    def runs_synchronously(self) -> bool:
        """True when background work runs on the GUI thread instead (tests, screenshots)."""
        return False
