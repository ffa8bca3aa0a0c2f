"""Correcting what the loader guessed: a source's title, outlet and date, and the role of a paragraph.

Edit › Source details, a click on a pane's header, or the pane's context menu open a small dialog for
one source; the pane's context menu also says what the paragraph under the mouse is ("Treat this
paragraph as › Body text / Heading / Boilerplate"). Either change replaces the source with an edited
copy and compares again; the texts, and so every offset, stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from comparer.core.engine.model import Comparison, Role, RoleHint, Source, Span
from comparer.core.engine.segment import paragraphs
from comparer.gui import messages
from comparer.gui.pane_area import PaneArea
from comparer.gui.session import ComparisonSession

# The roles a user can give a paragraph, with their menu text, in menu order.
ROLE_CHOICES: tuple[tuple[Role, str], ...] = (
    ("body", "&Body text"),
    ("heading", "&Heading"),
    ("boilerplate", "B&oilerplate"),
)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_HELP = "Write it as YYYY-MM-DD (for example 2023-03-14), or leave it empty when the date is unknown."


class BadDate(ValueError):
    """What the user typed as a publication date is not one; ``str()`` says why and how to write it."""


def parse_published(text: str) -> date | None:
    """The date in ``text`` (YYYY-MM-DD), ``None`` for an empty field; raises :class:`BadDate`."""
    text = text.strip()
    if not text:
        return None
    if not _ISO_DAY.fullmatch(text):
        raise BadDate(f"“{text}” is not a date. {_DATE_HELP}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise BadDate(f"“{text}” is not a day of the calendar ({exc}). {_DATE_HELP}") from exc


@dataclass(frozen=True)
class SourceDetails:
    """What the user may correct about a source; empty title or outlet is ``None`` (unknown)."""

    title: str | None
    outlet: str | None
    published: date | None

    @classmethod
    def of(cls, source: Source) -> SourceDetails:
        """The details a source has now."""
        return cls(source.title, source.outlet, source.published)

    def applied_to(self, source: Source) -> Source:
        """``source`` with these details."""
        return replace(source, title=self.title, outlet=self.outlet, published=self.published)


def paragraph_at(text: str, pos: int) -> Span | None:
    """The paragraph of ``text`` holding character ``pos`` (its end counts), or ``None`` between them."""
    return next((p for p in paragraphs(text) if p.start <= pos <= p.end), None)


def with_role(source: Source, paragraph: Span, role: Role) -> Source:
    """``source`` with the user's word on ``paragraph``'s role ahead of every other hint."""
    kept = tuple(h for h in source.role_hints if h.span != paragraph)  # an earlier word on the same paragraph
    return replace(source, role_hints=(RoleHint(paragraph, role), *kept))


def role_shown(comparison: Comparison | None, source_id: str, paragraph: Span) -> Role | None:
    """The role the comparison gave the claims of ``paragraph`` (``None`` without a comparison)."""
    if comparison is None:
        return None
    claims = (c for c in comparison.claims if c.source == source_id)
    return next((c.role for c in claims if paragraph.start <= c.start < paragraph.end), None)


class SourceDetailsDialog(QDialog):
    """Title, outlet and publication date of one source. OK with a bad date says why and stays open."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(f"Source details — {source.label}")
        self.setAccessibleName("Source details")
        self._details = SourceDetails.of(source)
        where = QLabel(source.path.rsplit("/", 1)[-1] or source.path, self)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setToolTip(source.path)
        self.title_edit = QLineEdit(source.title or "", self)
        self.title_edit.setPlaceholderText("unknown: the file name is shown")
        self.outlet_edit = QLineEdit(source.outlet or "", self)
        self.outlet_edit.setPlaceholderText("unknown")
        self.date_edit = QLineEdit(source.published.isoformat() if source.published else "", self)
        self.date_edit.setPlaceholderText("YYYY-MM-DD, empty when unknown")
        self.date_edit.setAccessibleDescription(_DATE_HELP)
        why = QLabel(
            "The date places “last Friday”, weekdays and dates without a year in the calendar.", self
        )
        why.setWordWrap(True)
        why.setEnabled(False)  # a quiet note, greyed
        form = QFormLayout()
        form.addRow(f"Source {source.id}:", where)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("&Published:", self.date_edit)
        form.addRow("", why)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def entered(self) -> SourceDetails:
        """The details as typed; raises :class:`BadDate` when the date is not one."""
        return SourceDetails(
            title=self.title_edit.text().strip() or None,
            outlet=self.outlet_edit.text().strip() or None,
            published=parse_published(self.date_edit.text()),
        )

    def value(self) -> SourceDetails:
        """The details accepted with OK (the source's own until then)."""
        return self._details

    def accept(self) -> None:
        try:
            self._details = self.entered()
        except BadDate as exc:
            messages.tell_user(self, "Source details", str(exc), level="warning")
            self.date_edit.setFocus()
            self.date_edit.selectAll()
            return
        super().accept()


class SourceEditor(QObject):
    """The commands for correcting sources; each correction compares again.

    ``sources()`` gives the accounts open now and ``set_sources(sources)`` shows and compares
    others; ``area`` holds the panes whose menus get the commands; dialogs open over ``parent``.
    """

    def __init__(
        self,
        session: ComparisonSession,
        area: PaneArea,
        sources: Callable[[], Sequence[Source]],
        set_sources: Callable[[Sequence[Source]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.area = area
        self.sources = sources
        self.set_sources = set_sources
        self.parent_widget = parent
        self.dialog: SourceDetailsDialog | None = None
        self._scroll: dict[str, int] = {}  # pane scroll positions to restore after comparing again
        session.comparisonChanged.connect(self._on_comparison)

    def source(self, source_id: str) -> Source | None:
        """The open source with this id."""
        return next((s for s in self.sources() if s.id == source_id), None)

    def edit_details(self, source_id: str) -> SourceDetailsDialog | None:
        """Open the details dialog of a source (window-modal, not blocking); OK applies it."""
        source = self.source(source_id)
        if source is None:
            return None
        dialog = SourceDetailsDialog(source, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_details(source_id, dialog.value()))
        self.dialog = dialog
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: SourceDetailsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def apply_details(self, source_id: str, details: SourceDetails) -> bool:
        """Give a source these details and compare again; False when nothing changed."""
        source = self.source(source_id)
        if source is None or SourceDetails.of(source) == details:
            return False
        self.replace_source(details.applied_to(source))
        return True

    def set_role(self, source_id: str, pos: int, role: Role) -> bool:
        """Treat the paragraph holding character ``pos`` as ``role`` and compare again."""
        source = self.source(source_id)
        paragraph = paragraph_at(source.text, pos) if source else None
        if source is None or paragraph is None:
            return False
        if role_shown(self.session.comparison, source_id, paragraph) == role:
            return False
        self.replace_source(with_role(source, paragraph, role))
        return True

    def replace_source(self, source: Source) -> None:
        """Put ``source`` in place of the source with its id and compare again, keeping the panes' places."""
        self._scroll = {sid: p.view.verticalScrollBar().value() for sid, p in self.area.panes.items()}
        self.set_sources([source if s.id == source.id else s for s in self.sources()])

    def extend_menu(self, source_id: str, menu: QMenu, pos: int) -> None:
        """Add "Source details…" and "Treat this paragraph as" to a pane's context menu."""
        menu.addSeparator()
        details = menu.addAction("Source &details…")
        details.setObjectName("source-details")
        details.triggered.connect(lambda _checked=False: self.edit_details(source_id))
        source = self.source(source_id)
        paragraph = paragraph_at(source.text, pos) if source else None
        current = role_shown(self.session.comparison, source_id, paragraph) if paragraph else None
        if paragraph is None or current is None:
            return  # between paragraphs, or not compared yet
        sub = menu.addMenu("&Treat this paragraph as")
        sub.setObjectName("treat-paragraph-as")
        group = QActionGroup(sub)
        for role, text in ROLE_CHOICES:
            action = sub.addAction(text)
            action.setObjectName(f"role-{role}")
            action.setCheckable(True)
            action.setChecked(role == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, r=role: self.set_role(source_id, pos, r))

    def fill_details_menu(self, menu: QMenu) -> None:
        """Edit › Source details: one entry per source."""
        menu.clear()
        for source in self.sources():
            action = menu.addAction(f"{source.id}: {source.label}…".replace("&", "&&"))
            action.setObjectName(f"source-details-{source.id}")
            action.triggered.connect(lambda _checked=False, sid=source.id: self.edit_details(sid))
        if not self.sources():
            menu.addAction("No accounts open").setEnabled(False)

    def _on_comparison(self, comparison: object) -> None:
        if not isinstance(comparison, Comparison):
            return
        # The window builds new panes for every comparison: give each the commands once.
        for sid, pane in self.area.panes.items():
            if pane.property("source-edit"):
                continue
            pane.setProperty("source-edit", True)
            pane.menu_requested.connect(lambda menu, pos, s=sid: self.extend_menu(s, menu, pos))
            pane.header_clicked.connect(lambda s=sid: self.edit_details(s))
            pane.header.setToolTip("Click to correct the title, outlet or date")
            pane.header.setCursor(Qt.CursorShape.PointingHandCursor)
        scroll, self._scroll = self._scroll, {}
        sync = self.area.sync
        was = sync.enabled if sync is not None else False
        if sync is not None:
            sync.enabled = False  # each pane goes back to its own place, not to its neighbour's
        for sid, value in scroll.items():
            if sid in self.area.panes:
                self.area.panes[sid].view.verticalScrollBar().setValue(value)
        if sync is not None:
            sync.enabled = was


def install(edit: QMenu, editor: SourceEditor) -> SourceEditor:
    """Add Edit › Source details to the menu ``edit``; ``editor`` gives the panes their commands."""
    details = QMenu("Source &details", edit)
    details.setObjectName("source-details-menu")
    details.setToolTipsVisible(True)
    details.aboutToShow.connect(lambda: editor.fill_details_menu(details))
    editor.fill_details_menu(details)
    first = edit.actions()[1] if len(edit.actions()) > 1 else None  # after "Paste as new source"
    action = edit.insertMenu(first, details) if first else edit.addMenu(details)
    action.setStatusTip("Correct the title, outlet or publication date of an account")
    return editor
