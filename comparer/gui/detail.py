"""The detail panel: the selected link's two passages with a word-level diff, values and reasons."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from comparer.core.engine.model import Comparison, Link
from comparer.gui.palette import OKABE_ITO, kind_label
from comparer.gui.rows import Row
from comparer.gui.session import ComparisonIndex

_WORD = re.compile(r"\S+")
_STRIP = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of one passage: ``same`` when the other passage has it too."""

    text: str
    same: bool


def _key(word: str) -> str:
    return _STRIP.sub("", word.casefold().replace("’", "'")) or word


def word_diff(a: str, b: str) -> tuple[list[DiffPiece], list[DiffPiece]]:
    """Both passages cut into runs of shared and differing words (case and punctuation ignored)."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in wa], [_key(w) for w in wb], autojunk=False)
    out_a: list[DiffPiece] = []
    out_b: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            out_a.append(DiffPiece(" ".join(wa[i1:i2]), same))
        if j2 > j1:
            out_b.append(DiffPiece(" ".join(wb[j1:j2]), same))
    return out_a, out_b


class DetailPanel(QTextEdit):
    """Read-only explanation of the current row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName("Finding details")
        self.setAccessibleDescription(
            "Both passages with differing words marked, the values compared, and why"
        )
        self.setPlaceholderText("Select a finding: both passages, what differs and why.")

    def show_row(self, index: ComparisonIndex | None, row: Row | None) -> None:
        """Describe ``row`` of the comparison ``index`` looks into (or clear)."""
        self.clear()
        if index is None or row is None:
            return
        comparison = index.comparison
        cur = QTextCursor(self.document())
        plain, bold = QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        title = kind_label(row.kind) or "Linked claims"
        if row.link_id:
            title += f" — link {row.link_id}, {row.relation}, score {row.score or 0:.0f}"
        cur.insertText(title + "\n", bold)
        cur.insertText(row.explanation + "\n", plain)
        link = index.link(row.link_id) if row.link_id else None
        claims = [index.claim(c) if c else None for c in row.claims]
        if link is not None and claims[0] is not None and claims[1] is not None:
            self._link_part(cur, comparison, link, claims[0].text, claims[1].text)
        else:
            for claim in claims:
                if claim is not None:
                    cur.insertText(f"\n{comparison.source(claim.source).label}:\n", bold)
                    cur.insertText(claim.text + "\n", plain)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _link_part(
        self, cur: QTextCursor, comparison: Comparison, link: Link, text_a: str, text_b: str
    ) -> None:
        plain, bold = QTextCharFormat(), QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        for f in link.findings:
            a, b = f.values
            cur.insertText(f"\n{kind_label(f.kind)}: ", bold)
            cur.insertText(f"{a or '—'}  ⇄  {b or '—'}\n", plain)
            cur.insertText(f"{f.explanation}\n", plain)
        label_a = comparison.source(comparison.claim(link.a).source).label
        label_b = comparison.source(comparison.claim(link.b).source).label
        diff_a, diff_b = word_diff(text_a, text_b)
        gone, added = QTextCharFormat(), QTextCharFormat()
        for fmt, colour, style in (
            (gone, OKABE_ITO["vermillion"], QTextCharFormat.UnderlineStyle.DashUnderline),
            (added, OKABE_ITO["blue"], QTextCharFormat.UnderlineStyle.WaveUnderline),
        ):
            tint = QColor(colour)
            tint.setAlpha(60)
            fmt.setBackground(tint)
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(QColor(colour))
            fmt.setFontWeight(QFont.Weight.Bold)
        for label, pieces, fmt in ((label_a, diff_a, gone), (label_b, diff_b, added)):
            cur.insertText(f"\n{label} (words only here are marked):\n", bold)
            for n, piece in enumerate(pieces):
                cur.insertText((" " if n else "") + piece.text, plain if piece.same else fmt)
            cur.insertText("\n", plain)
        cur.insertText("\nWhy these were linked: ", bold)
        cur.insertText(f"{link.evidence.summary()} (score {link.score:.0f}, {link.evidence.scorer})\n", plain)
        if link.evidence.components:
            parts = ", ".join(f"{k} {v:.0f}" for k, v in link.evidence.components.items())
            cur.insertText(f"Score parts: {parts}\n", plain)
