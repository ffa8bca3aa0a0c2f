"""Light or dark: follow the system (Qt 6.5+ colour scheme) unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


def apply_theme(theme: str) -> None:
    """Ask Qt for the chosen colour scheme ("system" leaves it to the platform)."""
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return  # Qt before 6.8 cannot override the platform's choice
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()


def is_dark(theme: str) -> bool:
    """True when the app is (or follows a system that is) in dark mode."""
    if theme in ("dark", "light"):
        return theme == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
