"""Turning what the user chose (files, pasted text) into sources, and asking what happens to an open project.

A project is bound to the accounts it was made on. When other accounts are opened (or pasted, or
added) while a project is open, :func:`ask_about_other_accounts` asks whether to add them to the
project as a comparison of their own, to start a new project for them, or to close the project.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from comparer.core.engine.model import Source
from comparer.core.errors import SourceLoadError
from comparer.core.formats.sources import load_source, source_from_text, source_ids, supported_suffixes


def file_filter() -> str:
    """Filter string for the open dialog, from the suffixes the core can read."""
    patterns = " ".join(f"*{suffix}" for suffix in supported_suffixes())
    return f"News accounts ({patterns});;All files (*)"


def renumber(sources: Sequence[Source]) -> list[Source]:
    """The same sources with ids a, b, c, … in order."""
    return [replace(s, id=sid) for s, sid in zip(sources, source_ids(len(sources)), strict=True)]


def load_files(paths: Sequence[str], *, first_index: int = 0) -> list[Source]:
    """Load every file or none: the first unreadable file raises :class:`SourceLoadError`."""
    ids = source_ids(first_index + len(paths))[first_index:]
    return [load_source(path, source_id=sid) for path, sid in zip(paths, ids, strict=True)]


def pasted_source(text: str, *, index: int) -> Source:
    """A source from pasted text; raises :class:`SourceLoadError` when there is no text."""
    if not text.strip():
        raise SourceLoadError("<pasted>", "the clipboard holds no text")
    sid = source_ids(index + 1)[index]
    return source_from_text(
        text, source_id=sid, path=f"<pasted {index + 1}>", title=f"Pasted text {index + 1}"
    )


Choice = Literal["add", "new", "close", "cancel"]

# The dialog's buttons, in the order they are shown; tests find them by these names.
CHOICES: tuple[tuple[Choice, str, str], ...] = (
    ("add", "Add to this project", "Keep the project and add these accounts as a comparison of their own"),
    ("new", "Start a new project…", "Close this project and start a new project file for these accounts"),
    ("close", "Close the project", "Close the project and show these accounts without one"),
    ("cancel", "Cancel", "Keep the accounts and the project as they are"),
)
QUESTION_TITLE = "Other accounts"


def question_text(project_name: str, labels: Sequence[str]) -> str:
    """What the dialog says."""
    accounts = ", ".join(labels) if labels else "these accounts"
    return (
        f"The project {project_name} holds the accounts it was made on; its labels and marks belong to "
        f"those texts.\n\nWhat should happen to {accounts}?"
    )


def ask_about_other_accounts(parent: QWidget | None, project_name: str, labels: Sequence[str]) -> Choice:
    """Ask what to do with accounts the open project does not hold; ``"cancel"`` when closed."""
    box = QMessageBox(QMessageBox.Icon.Question, QUESTION_TITLE, question_text(project_name, labels))
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    box.setAccessibleName(QUESTION_TITLE)
    buttons: dict[QPushButton, Choice] = {}
    for choice, text, tip in CHOICES:
        role = QMessageBox.ButtonRole.RejectRole if choice == "cancel" else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(text, role)
        button.setObjectName(f"other-accounts-{choice}")
        button.setToolTip(tip)
        buttons[button] = choice
        if choice == "add":
            box.setDefaultButton(button)
        if choice == "cancel":
            box.setEscapeButton(button)
    box.exec()
    clicked = box.clickedButton()
    return buttons.get(clicked, "cancel") if isinstance(clicked, QPushButton) else "cancel"
