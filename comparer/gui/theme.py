"""Light or dark: follow the system (Qt 6.5+ colour scheme) unless the user chose one.

Qt only switches schemes on platforms whose theme supports it (Windows, macOS, desktops with
the settings portal). Where the request is ignored, as under a plain X server, a chosen dark or
light theme is applied as an application palette instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

_SCHEMES = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}


def apply_theme(theme: str) -> None:
    """Ask Qt for the chosen colour scheme ("system" leaves it to the platform)."""
    hints = QGuiApplication.styleHints()
    wanted = _SCHEMES.get(theme)
    if hasattr(hints, "setColorScheme"):
        if wanted is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(wanted)
    honoured = wanted is None or hints.colorScheme() == wanted
    # An empty palette resolves no role: the platform's own palette comes back.
    QGuiApplication.setPalette(QPalette() if honoured or theme == "light" else dark_palette())


def dark_palette() -> QPalette:
    """A dark palette for platforms that cannot switch their own."""
    pal = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e20",
        QPalette.ColorRole.AlternateBase: "#2a2a2d",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Button: "#35353a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35353a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb2f0",
        QPalette.ColorRole.Light: "#4a4a50",
        QPalette.ColorRole.Midlight: "#3e3e44",
        QPalette.ColorRole.Mid: "#2f2f33",
        QPalette.ColorRole.Dark: "#1a1a1c",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, name in colours.items():
        pal.setColor(role, QColor(name))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return pal


def is_dark(theme: str) -> bool:
    """True when the app is (or follows a system that is) in dark mode."""
    if theme in ("dark", "light"):
        return theme == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
