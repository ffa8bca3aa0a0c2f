"""File › Open web address: ask for an address, fetch the page off the GUI thread, add it as an account.

The fetch runs on the task helper's pool (like comparing), so a slow or silent server never
blocks the window; its result or its one-line error comes back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from comparer.core.engine.model import Source
from comparer.core.formats.sources import source_ids
from comparer.core.formats.web import TIMEOUT_SECONDS, is_web_address, load_web_source
from comparer.gui import messages
from comparer.gui.tasks import TaskRunner

TITLE = "Open web address"
FAILED = "Could not open the web address"


class Host(Protocol):
    """What the opener needs of the window: its accounts, and a way to show new ones."""

    @property
    def sources(self) -> Sequence[Source]: ...
    def set_sources(self, sources: Sequence[Source]) -> None: ...


class WebOpener(QObject):
    """Fetches one page at a time in the background and adds its article to the window's accounts.

    Signals: ``opened(Source)`` once the account is added, ``failed(str)`` with the message shown.
    ``timeout`` is how long (seconds) a silent server is waited for.
    """

    opened = Signal(object)
    failed = Signal(str)

    def __init__(
        self, window: QWidget, host: Host, *, synchronous: bool = False, timeout: float = TIMEOUT_SECONDS
    ) -> None:
        super().__init__(window)
        self.setObjectName("web-opener")
        self._window, self._host, self._timeout = window, host, timeout
        self.tasks = TaskRunner(self, synchronous=synchronous)
        self.tasks.finished.connect(self._on_fetched)
        self.tasks.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        """True while a page is being fetched."""
        return self.tasks.busy

    def open(self, url: str) -> None:
        """Fetch ``url`` in the background; the page becomes the window's next account."""
        index = len(self._host.sources)
        source_id = source_ids(index + 1)[index]

        def job(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Source:
            del progress, cancelled  # one request: nothing to report until it answers
            return load_web_source(url, source_id=source_id, timeout=self._timeout)

        self.tasks.start(job)

    def _on_fetched(self, source: Source) -> None:
        self._host.set_sources([*self._host.sources, source])
        self.opened.emit(source)

    def _on_failed(self, error: object) -> None:
        text = str(error)
        messages.tell_user(self._window, FAILED, text)
        self.failed.emit(text)


def address_dialog(parent: QWidget) -> QInputDialog:
    """The dialog asking for an address; it starts with the clipboard's address, if it holds one."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("web-address-dialog")
    dialog.setWindowTitle(TITLE)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setLabelText("Address of the article (http:// or https://):")
    clipboard = QGuiApplication.clipboard().text().strip()
    if is_web_address(clipboard):
        dialog.setTextValue(clipboard)
    dialog.resize(560, dialog.sizeHint().height())
    return dialog


def opener_of(window: QWidget) -> WebOpener:
    """The window's opener, made on first use (it fetches synchronously when the window compares so)."""
    found = window.findChild(WebOpener, "web-opener")
    if isinstance(found, WebOpener):
        return found
    tasks = getattr(window, "tasks", None)
    synchronous = bool(getattr(tasks, "synchronous", False))
    return WebOpener(window, cast(Host, window), synchronous=synchronous)


def open_web_address(window: object) -> None:
    """File › Open web address: ask for an address, then fetch it in the background."""
    widget = cast(QWidget, window)
    dialog = address_dialog(widget)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    url = dialog.textValue().strip()
    dialog.deleteLater()
    if not accepted or not url:
        return
    if not is_web_address(url):
        messages.tell_user(
            widget, FAILED, f"{url}: not a web address (it must start with http:// or https://)"
        )
        return
    opener_of(widget).open(url)
