"""The dark theme is dark even where the platform cannot switch its colour scheme."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from comparer.gui.theme import apply_theme, is_dark


def _window_lightness() -> int:
    return QGuiApplication.palette().window().color().lightness()


def test_dark_then_system_restores_the_palette(qapp):
    before = QGuiApplication.palette().window().color().name()
    try:
        apply_theme("dark")
        assert is_dark("dark")
        assert _window_lightness() < 100
        assert QGuiApplication.palette().text().color().lightness() > 150  # light text on dark
    finally:
        apply_theme("system")
    assert QGuiApplication.palette().window().color().name() == before


def test_light_is_light(qapp):
    try:
        apply_theme("light")
        assert not is_dark("light")
        assert _window_lightness() > 150
    finally:
        apply_theme("system")
