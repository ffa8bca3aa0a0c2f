"""The one way the app tells the user something (errors, warnings, notes)."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

Level = Literal["error", "warning", "info"]

_ICONS = {
    "error": QMessageBox.Icon.Critical,
    "warning": QMessageBox.Icon.Warning,
    "info": QMessageBox.Icon.Information,
}


def tell_user(parent: QWidget | None, title: str, text: str, *, level: Level = "error") -> None:
    """Show ``text`` in a modal message box. Tests replace this function to capture messages."""
    box = QMessageBox(_ICONS[level], title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.exec()
