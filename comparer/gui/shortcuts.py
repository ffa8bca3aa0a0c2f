"""Help › Keyboard shortcuts and Help › About: the table is read from the menus themselves."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from comparer import __version__
from comparer.gui import messages

# Keys that belong to no menu command.
OTHER_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Annotate", "Label the selected link (0 clears)", "1 – 4, 0"),
    ("Presentation", "Reveal the finding", "Space / Enter"),
    ("Presentation", "Next / previous finding", "→ PgDn / ← PgUp"),
    ("Presentation", "Close", "Esc"),
)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu command with a shortcut, then the other keys."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} › {_plain(sub.title())}")
                continue
            names = (k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            keys = list(dict.fromkeys(n for n in names if n))  # Quit is Ctrl+Q twice on Linux
            if keys:
                rows.append((where, _plain(action.text()), " / ".join(keys)))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return [*rows, *OTHER_KEYS]


def shortcuts_html(rows: list[tuple[str, str, str]]) -> str:
    """The rows as an HTML table (a message box shows it as rich text)."""
    body = "".join(
        f"<tr><td>{html.escape(where)}</td><td>{html.escape(what)}</td>"
        f"<td><b>{html.escape(keys)}</b></td></tr>"
        for where, what, keys in rows
    )
    return f"<table cellspacing='0' cellpadding='3'>{body}</table>"


def show_shortcuts(window: QMainWindow) -> None:
    """Help › Keyboard shortcuts."""
    text = shortcuts_html(shortcut_rows(window))
    messages.tell_user(window, "Keyboard shortcuts", text, level="info")


def show_about(parent: QWidget, settings_path: str) -> None:
    """Help › About: the version and where the settings are kept."""
    text = (
        f"comparer {__version__}\nCompare news accounts of one event claim by claim.\n"
        f"Settings: {settings_path}"
    )
    messages.tell_user(parent, "About comparer", text, level="info")
