"""Presentation mode for class: large type, one finding at a time, revealed on demand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from comparer.core.engine.model import Comparison
from comparer.gui import messages
from comparer.gui.palette import kind_label
from comparer.gui.rows import Row

HELP = "Space or Enter: reveal · → / PgDn: next · ← / PgUp: previous · Esc: close"


class PresentationDialog(QDialog):
    """Steps through ``rows``: shows both passages first, the finding only once revealed."""

    def __init__(
        self,
        comparison: Comparison,
        rows: list[Row],
        *,
        start: int = 0,
        font_size: int = 26,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Presentation — comparer")
        self.setAccessibleName("Presentation")
        self.comparison, self.rows = comparison, rows
        self.index = max(0, min(start, len(rows) - 1)) if rows else 0
        self.revealed = False
        font = self.font()
        font.setPointSize(font_size)
        self.setFont(font)
        self.counter = QLabel(self)
        self.passages = QLabel(self)
        self.answer = QLabel(self)
        self.hint = QLabel(HELP, self)
        small = self.font()
        small.setPointSize(max(10, font_size // 2))
        self.hint.setFont(small)
        self.counter.setFont(small)
        for label in (self.passages, self.answer):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.passages.setAccessibleName("Passages")
        self.answer.setAccessibleName("Finding")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.counter)
        layout.addWidget(self.passages, 3)
        layout.addWidget(self.answer, 2)
        layout.addWidget(self.hint)
        self.resize(1200, 800)
        self._show()

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
                blocks.append(
                    f"{self.comparison.source(claim.source).label}:\n“{' '.join(claim.text.split())}”"
                )
        self.passages.setText("\n\n".join(blocks))
        if self.revealed:
            values = "" if not any(row.values) else f"\n{row.values[0]}  ⇄  {row.values[1]}"
            self.answer.setText(f"{kind_label(row.kind) or row.relation}{values}\n{row.explanation}")
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
    dialog.open()
    return dialog
