"""The menu bar: every command as a QAction with a mnemonic and, where useful, a shortcut."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from comparer.gui import shortcuts
from comparer.gui.web_open import open_web_address

if TYPE_CHECKING:
    from comparer.gui.main_window import MainWindow

MENU_NAMES = ("&File", "&Edit", "&View", "&Tools", "&Help")
Key = QKeySequence.StandardKey


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


def build_menus(win: MainWindow) -> dict[str, QMenu]:
    """Create the menus of ``win`` and return them by name."""
    bar = win.menuBar()
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
    win.recent_menu = file_.addMenu("Open &recent")
    win.recent_menu.setToolTipsVisible(True)
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
    win.sync_action = _action(
        view, "&Synchronized scrolling", win.toggle_sync, [QKeySequence("Ctrl+Shift+S")]
    )
    win.sync_action.setCheckable(True)
    _action(view, "&Bigger text", lambda: win.change_font_size(1), [QKeySequence(Key.ZoomIn)])
    _action(view, "S&maller text", lambda: win.change_font_size(-1), [QKeySequence(Key.ZoomOut)])
    _action(view, "&Findings list", lambda: win.findings.table.setFocus(), [QKeySequence("Ctrl+L")])
    view.addSeparator()
    _action(view, "&Presentation", win.present, [QKeySequence("F5")], "One finding at a time, in large type")

    _action(tools, "&Compare again", win.recompare, [QKeySequence("Ctrl+R")])
    _action(tools, "C&ancel comparison", win.tasks.cancel, [QKeySequence("Ctrl+.")])
    tools.addSeparator()
    _action(tools, "&Preferences…", win.edit_preferences, [QKeySequence("Ctrl+,")])

    _action(help_, "Open &sample", win.open_sample, tip="Open the bundled pair of accounts")
    _action(help_, "&Keyboard shortcuts", win.show_shortcuts, [QKeySequence(Key.HelpContents)])
    _action(help_, "&About comparer", lambda: shortcuts.show_about(win))
    return menus
