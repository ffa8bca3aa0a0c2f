"""File › Open web address: the dialog answered by the test, the page served on 127.0.0.1 by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QInputDialog
from web_server import ARTICLE_PARAGRAPHS, serving  # tests/web_server.py

from comparer.gui.web_open import FAILED, WebOpener

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """A proxy set in the environment must not stand between the test and its own server."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server():
    with serving() as running:
        yield running


def _answer_the_dialog(text: str | None, seen: list[str]) -> None:
    """When the address dialog opens, type ``text`` and press OK (``None``: press Cancel)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog.windowTitle())
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()

    QTimer.singleShot(0, answer)


def _menu_action(window) -> QAction:
    action = window.findChild(QAction, "open-web-address")
    assert action is not None, "File › Open web address is in the menu"
    return action


def test_the_menu_opens_the_page_as_a_new_account(window, server, told):
    window.open_files([str(SAMPLES / "rferl-iran-retaliation.txt")])
    seen: list[str] = []
    _answer_the_dialog(server.url("/article"), seen)
    _menu_action(window).trigger()
    assert seen == ["Open web address"]
    assert told == []
    assert len(window.sources) == 2
    page = window.sources[-1]
    assert page.path == server.url("/article")
    assert page.outlet == "Carrow Coast News"
    assert ARTICLE_PARAGRAPHS[0] in page.text
    assert window.comparison is not None, "two accounts: the window compares them"


def test_cancelling_the_dialog_fetches_nothing(window, server, told):
    seen: list[str] = []
    _answer_the_dialog(None, seen)
    _menu_action(window).trigger()
    assert seen == ["Open web address"]
    assert window.sources == []
    assert told == []


def test_a_page_that_cannot_be_fetched_is_told_in_one_line(window, server, told):
    _answer_the_dialog(server.url("/missing"), [])
    _menu_action(window).trigger()
    assert window.sources == []
    assert len(told) == 1
    title, text = told[0]
    assert title == FAILED
    assert server.url("/missing") in text
    assert "HTTP 404" in text


def test_text_that_is_no_web_address_is_refused_before_fetching(window, told):
    _answer_the_dialog("ferry timetable", [])
    _menu_action(window).trigger()
    assert window.sources == []
    assert told
    assert "not a web address" in told[0][1]


def test_the_fetch_runs_off_the_gui_thread(qtbot, window, server, told):
    opener = WebOpener(window, window, synchronous=False)
    with qtbot.waitSignal(opener.opened, timeout=10_000) as blocker:
        opener.open(server.url("/article"))
        # The request is out, the window still answers: nothing was added yet.
        assert opener.busy
        assert window.sources == []
    assert blocker.args[0].path == server.url("/article")
    assert [s.path for s in window.sources] == [server.url("/article")]
    assert told == []


def test_a_silent_server_does_not_block_the_window(qtbot, window, server, told):
    opener = WebOpener(window, window, synchronous=False, timeout=0.3)
    with qtbot.waitSignal(opener.failed, timeout=10_000) as blocker:
        opener.open(server.url("/stall"))
        assert opener.busy
    assert "time-out" in blocker.args[0]
    assert told
    assert told[0][0] == FAILED
