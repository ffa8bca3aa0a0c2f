"""Presentation mode for class: large type, one finding at a time, revealed on demand."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from comparer.core.engine.model import Comparison
from comparer.core.report.html import outlet_names
from comparer.gui import messages
from comparer.gui.palette import kind_label
from comparer.gui.rows import Row

HELP = "Space or Enter: reveal · → / PgDn: next · ← / PgUp: previous · Esc: close"

_QUOTE_MARKS = '“”‘’"«»„'


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it has quotation marks of its own (the passage is shown
    as it is then, so no mark is ever doubled)."""
    flat = " ".join(text.split())
    if any(ch in _QUOTE_MARKS for ch in flat):
        return flat
    return f"“{flat}”"


def named(text: str, comparison: Comparison) -> str:
    """An explanation with the accounts' ids ("a adds “an”") replaced by their outlets' names."""
    return outlet_names(text, comparison)


def type_size(room: QSize) -> int:
    """The passages' type size in pixels for a screen (or window) of this size: large enough to read
    across a classroom, small enough that two long passages and the finding fit at 1024×600."""
    return max(14, min(room.height() // 24, room.width() // 40))


class PresentationDialog(QDialog):
    """Steps through ``rows``: shows both passages first, the finding only once revealed."""

    def __init__(
        self,
        comparison: Comparison,
        rows: list[Row],
        *,
        start: int = 0,
        font_size: int = 22,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Presentation — comparer")
        self.setAccessibleName("Presentation")
        self.comparison, self.rows = comparison, rows
        self.index = max(0, min(start, len(rows) - 1)) if rows else 0
        self.revealed = False
        # The user's text size (22 at the default) makes the type larger or smaller than the fit.
        self._scale = min(1.5, max(0.75, font_size / 22))
        self.counter = QLabel(self)
        self.passages = QLabel(self)
        self.answer = QLabel(self)
        self.hint = QLabel(HELP, self)
        for label in (self.passages, self.answer):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.passages.setAccessibleName("Passages")
        self.answer.setAccessibleName("Finding")
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.counter)
        layout.addWidget(self.passages, 3)
        layout.addWidget(self.answer, 2)
        layout.addWidget(self.hint)
        screen = (parent.screen() if parent is not None else self.screen()).geometry()
        self.resize(screen.size())
        self.scale_to(screen.size())
        self._show()

    def scale_to(self, room: QSize) -> None:
        """Size the type for a screen (or window) of this size."""
        px = max(14, round(type_size(room) * self._scale))
        font = self.font()
        font.setPixelSize(px)
        self.setFont(font)
        small = self.font()
        small.setPixelSize(max(12, px * 3 // 5))
        self.hint.setFont(small)
        self.counter.setFont(small)
        margin = max(12, room.width() // 40)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scale_to(event.size())

    def _show(self) -> None:
        if not self.rows:
            self.counter.setText("No findings to present")
            self.passages.setText("")
            self.answer.setText("")
            return
        row = self.rows[self.index]
        self.counter.setText(f"Finding {self.index + 1} of {len(self.rows)}")
        blocks = []
        for cid in row.claims:
            if cid:
                claim = self.comparison.claim(cid)
                blocks.append(f"{self.comparison.source(claim.source).label}:\n{quoted(claim.text)}")
        self.passages.setText("\n\n".join(blocks))
        if self.revealed:
            names = [self.comparison.source(sid).label if sid else "" for sid in row.sources]
            said = [f"{n}: {v}" if n else v for n, v in zip(names, row.values, strict=True)]
            values = "" if not any(row.values) else f"\n{said[0]}  ⇄  {said[1]}"
            why = named(row.explanation, self.comparison)
            self.answer.setText(f"{kind_label(row.kind) or row.relation}{values}\n{why}")
        else:
            self.answer.setText("What differs? (Space to reveal)")

    def step(self, delta: int) -> None:
        """Move to another finding, hidden again."""
        if self.rows:
            self.index = max(0, min(len(self.rows) - 1, self.index + delta))
            self.revealed = False
            self._show()

    def reveal(self) -> None:
        """Show the finding for the current passages."""
        self.revealed = True
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.reveal()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_N):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_P):
            self.step(-1)
        else:
            super().keyPressEvent(event)


def present(
    parent: QWidget, comparison: Comparison | None, rows: list[Row], *, start: int, font_size: int
) -> PresentationDialog | None:
    """Open presentation mode on ``rows`` (the findings the list shows) from row ``start``."""
    if comparison is None:
        messages.tell_user(parent, "Nothing to present", "Open two accounts first.", level="info")
        return None
    dialog = PresentationDialog(comparison, rows, start=start, font_size=font_size, parent=parent)
    dialog.showFullScreen()  # on the screen the window is on, type scaled to it
    return dialog
