"""Typed, versioned settings over QSettings: user preferences apart from window state.

Widgets never read QSettings keys themselves; they receive :class:`Preferences`
and :class:`WindowState` values from a :class:`SettingsStore`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from PySide6.QtCore import QByteArray, QSettings

from comparer.core.engine.options import AlignOptions
from comparer.gui.palette import MARK_KINDS

SETTINGS_VERSION = 1
MAX_RECENT = 10
Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user chose: how to compare and what to show."""

    # The engine's own default, so the app shows every link the command line reports.
    min_score: float = AlignOptions().min_score
    kinds_shown: frozenset[str] = field(default_factory=lambda: frozenset(MARK_KINDS))
    font_size: int = 11
    sync_scroll: bool = True
    theme: Theme = "system"


@dataclass(frozen=True, slots=True)
class WindowState:
    """What the app remembers by itself: geometry, splitters, recent files."""

    geometry: QByteArray = field(default_factory=QByteArray)
    window_state: QByteArray = field(default_factory=QByteArray)
    splitter: QByteArray = field(default_factory=QByteArray)
    recent_files: tuple[str, ...] = ()

    def with_recent(self, paths: list[str]) -> WindowState:
        """The state with ``paths`` moved to the front of the recent files."""
        recent = [*paths, *(p for p in self.recent_files if p not in paths)]
        return replace(self, recent_files=tuple(recent[:MAX_RECENT]))


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _as_bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class SettingsStore:
    """Reads and writes preferences and window state in one QSettings object (passed in)."""

    def __init__(self, qsettings: QSettings) -> None:
        self._s = qsettings
        self._migrate()

    def _migrate(self) -> None:
        version = int(str(self._s.value("meta/version", 0) or 0))
        if version > SETTINGS_VERSION:
            return  # written by a newer comparer: read what we understand, change nothing
        if version < SETTINGS_VERSION:
            self._s.setValue("meta/version", SETTINGS_VERSION)

    @property
    def path(self) -> str:
        """Where the settings live (file name or registry path)."""
        return self._s.fileName()

    def load_preferences(self) -> Preferences:
        """The saved preferences; defaults for anything missing or unreadable."""
        d = Preferences()
        s = self._s
        try:
            min_score = min(100.0, max(0.0, float(str(s.value("preferences/min_score", d.min_score)))))
            font_size = min(40, max(6, int(str(s.value("preferences/font_size", d.font_size)))))
        except (TypeError, ValueError):
            min_score, font_size = d.min_score, d.font_size
        raw_kinds = s.value("preferences/kinds_shown")
        kinds = d.kinds_shown if raw_kinds is None else frozenset(_as_list(raw_kinds)) & set(MARK_KINDS)
        theme = str(s.value("preferences/theme", d.theme))
        return Preferences(
            min_score=min_score,
            kinds_shown=frozenset(kinds),
            font_size=font_size,
            sync_scroll=_as_bool(s.value("preferences/sync_scroll"), d.sync_scroll),
            theme=theme if theme in THEMES else d.theme,
        )

    def save_preferences(self, prefs: Preferences) -> None:
        """Persist the preferences."""
        s = self._s
        s.setValue("preferences/min_score", prefs.min_score)
        s.setValue("preferences/kinds_shown", sorted(prefs.kinds_shown) or "")
        s.setValue("preferences/font_size", prefs.font_size)
        s.setValue("preferences/sync_scroll", prefs.sync_scroll)
        s.setValue("preferences/theme", prefs.theme)
        s.sync()

    def load_state(self) -> WindowState:
        """The saved window state."""
        s = self._s

        def blob(key: str) -> QByteArray:
            value = s.value(key)
            return value if isinstance(value, QByteArray) else QByteArray()

        return WindowState(
            geometry=blob("state/geometry"),
            window_state=blob("state/window_state"),
            splitter=blob("state/splitter"),
            recent_files=tuple(_as_list(s.value("state/recent_files")))[:MAX_RECENT],
        )

    def save_state(self, state: WindowState) -> None:
        """Persist the window state."""
        s = self._s
        s.setValue("state/geometry", state.geometry)
        s.setValue("state/window_state", state.window_state)
        s.setValue("state/splitter", state.splitter)
        s.setValue("state/recent_files", list(state.recent_files) or "")
        s.sync()
