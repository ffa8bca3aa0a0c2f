"""Helpers the app's tests share (tests/ is on the import path)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from comparer.gui.main_window import MainWindow


def select_range(win: MainWindow, source_id: str, start: int, end: int) -> None:
    """Select characters ``start``..``end`` of one account's pane, as a drag with the mouse would."""
    view = win.pane(source_id).view
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
