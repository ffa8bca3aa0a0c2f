"""The menu bar: every command as a QAction with a mnemonic and, where useful, a shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from comparer.gui.web_open import open_web_address

MENU_NAMES = ("&File", "&Edit", "&View", "&Tools", "&Help")
Key = QKeySequence.StandardKey

# Menu commands that would show a finding while classroom mode hides them (see action_name).
GIVEAWAYS = (
    "next-finding",
    "previous-finding",
    "findings-list",
    "presentation",
    "fact-table",
    "project-print",  # the teacher's copy of the handout has the answers
)


class Commands(Protocol):
    """What the menus call: the window's commands (the window provides them)."""

    def choose_files(self) -> None: ...
    def choose_files_to_add(self) -> None: ...
    def close(self) -> bool: ...
    def paste_source(self) -> None: ...
    def focus_search(self) -> None: ...
    def step(self, delta: int) -> None: ...
    def step_conflict(self, delta: int) -> None: ...
    def toggle_sync(self) -> None: ...
    def change_font_size(self, delta: int) -> None: ...
    def focus_findings(self) -> None: ...
    def present(self) -> None: ...
    def recompare(self) -> None: ...
    def cancel_comparison(self) -> None: ...
    def edit_preferences(self) -> None: ...
    def open_sample(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass(frozen=True)
class Menus:
    """The menus by name, and the two entries the window keeps up to date."""

    by_name: dict[str, QMenu]
    recent: QMenu
    sync: QAction


def action_name(text: str) -> str:
    """The object name of a menu command: "&Next finding" is "next-finding"."""
    return "-".join(text.replace("&", "").rstrip("…").lower().split())


def _action(
    menu: QMenu, text: str, slot: Callable[[], object], keys: list[QKeySequence] | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, menu)
    action.setObjectName(action_name(text))
    if keys:
        action.setShortcuts(keys)
        tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})" if tip else tip
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(bar: QMenuBar, win: Commands) -> Menus:
    """Fill the menu bar ``bar`` with the commands of ``win``."""
    menus = {name: bar.addMenu(name) for name in MENU_NAMES}
    file_, edit, view, tools, help_ = (menus[n] for n in MENU_NAMES)

    _action(file_, "&Open…", win.choose_files, [QKeySequence(Key.Open)], "Open two or more accounts")
    _action(file_, "&Add account…", win.choose_files_to_add, [QKeySequence("Ctrl+Shift+O")], "Add an account")
    _action(
        file_,
        "Open &web address…",
        lambda: open_web_address(win),
        tip="Fetch an article from the web and add it as an account",
    )
    recent = file_.addMenu("Open &recent")
    recent.setToolTipsVisible(True)
    file_.addSeparator()
    _action(file_, "&Quit", win.close, [QKeySequence(Key.Quit), QKeySequence("Ctrl+Q")])

    _action(
        edit,
        "&Paste as new source",
        win.paste_source,
        [QKeySequence("Ctrl+Shift+V")],
        "Add the clipboard text as an account",
    )
    _action(edit, "&Find in findings", win.focus_search, [QKeySequence(Key.Find)], "Search the findings list")

    _action(view, "&Next finding", lambda: win.step(1), [QKeySequence("F8")])
    _action(view, "P&revious finding", lambda: win.step(-1), [QKeySequence("Shift+F8")])
    _action(view, "Next &conflict", lambda: win.step_conflict(1), [QKeySequence("Alt+Down")])
    _action(view, "Previous c&onflict", lambda: win.step_conflict(-1), [QKeySequence("Alt+Up")])
    view.addSeparator()
    sync = _action(view, "&Synchronized scrolling", win.toggle_sync, [QKeySequence("Ctrl+Shift+S")])
    sync.setCheckable(True)
    _action(view, "&Bigger text", lambda: win.change_font_size(1), [QKeySequence(Key.ZoomIn)])
    _action(view, "S&maller text", lambda: win.change_font_size(-1), [QKeySequence(Key.ZoomOut)])
    _action(view, "&Findings list", win.focus_findings, [QKeySequence("Ctrl+L")])
    view.addSeparator()
    _action(view, "&Presentation", win.present, [QKeySequence("F5")], "One finding at a time, in large type")

    _action(tools, "&Compare again", win.recompare, [QKeySequence("Ctrl+R")])
    _action(tools, "C&ancel comparison", win.cancel_comparison, [QKeySequence("Ctrl+.")])
    tools.addSeparator()
    _action(tools, "&Preferences…", win.edit_preferences, [QKeySequence("Ctrl+,")])

    _action(help_, "Open &sample", win.open_sample, tip="Open the bundled pair of accounts")
    _action(help_, "&Keyboard shortcuts", win.show_shortcuts, [QKeySequence(Key.HelpContents)])
    _action(help_, "&About comparer", win.show_about)
    return Menus(menus, recent, sync)
