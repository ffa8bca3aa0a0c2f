"""How each kind of finding looks in the app: Okabe–Ito colours, an underline style and a glyph.

Titles, colours, glyphs and underline styles come from the core's table of kinds
(:mod:`comparer.core.report.kinds`), which the reports read too; this module turns
them into Qt formats. Colour is never the only signal: every family of kinds has its
own underline style and glyph, so the legend reads in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from comparer.core.engine.model import CHECK_KINDS, FINDING_KINDS, RELATIONS
from comparer.core.report.kinds import OKABE_ITO as OKABE_ITO  # the views' colours, by name
from comparer.core.report.kinds import kind as core_kind

Underline = QTextCharFormat.UnderlineStyle

# How each family's underline style (its ``line``) is drawn in a text view.
UNDERLINES: dict[str, Underline] = {
    "wavy": Underline.WaveUnderline,
    "dashed": Underline.DashUnderline,
    "dotted": Underline.DotLine,
    "dash-dot": Underline.DashDotLine,
    "dash-dot-dot": Underline.DashDotDotLine,
    "solid": Underline.SingleUnderline,
}


@dataclass(frozen=True, slots=True)
class KindStyle:
    """The look of one kind of mark: label, colour, underline style and glyph."""

    label: str
    colour: str
    underline: Underline
    glyph: str
    line_name: str


# Everything the views can paint, in legend order.
MARK_KINDS: tuple[str, ...] = (*FINDING_KINDS, "only_in", *CHECK_KINDS)

RELATION_COLOURS = {"agree": "bluish_green", "conflict": "vermillion", "related": "grey"}
RELATION_GLYPHS = {"agree": "=", "conflict": "≠", "related": "~"}
assert set(RELATION_COLOURS) == set(RELATIONS)


def kind_style(kind: str) -> KindStyle:
    """The style of a kind, from the core's table of kinds; unknown kinds get a neutral dotted grey."""
    found = core_kind(kind)
    return KindStyle(found.title, found.hex, UNDERLINES[found.line], found.glyph, found.line)


def kind_label(kind: str) -> str:
    """Human name of a kind, with its glyph (for lists and tooltips)."""
    if not kind:
        return ""
    style = kind_style(kind)
    return f"{style.glyph} {style.label}"


def relation_colour(relation: str, alpha: int = 255) -> QColor:
    """The colour of a relation (agree, conflict, related)."""
    colour = QColor(OKABE_ITO[RELATION_COLOURS.get(relation, "grey")])
    colour.setAlpha(alpha)
    return colour


def mark_format(kind: str, *, dark: bool) -> QTextCharFormat:
    """Character format painting a mark of this kind: tinted background plus styled underline."""
    style = kind_style(kind)
    fmt = QTextCharFormat()
    if kind != "only_in":  # most claims are unmatched: underline them without a tint, so findings stand out
        tint = QColor(style.colour)
        tint.setAlpha(70 if dark else 45)
        fmt.setBackground(tint)
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(QColor(style.colour))
    return fmt


def current_format(*, dark: bool) -> QTextCharFormat:
    """Format of the claims of the selected link: a strong, neutral highlight."""
    fmt = QTextCharFormat()
    colour = QColor(OKABE_ITO["yellow"])
    colour.setAlpha(90 if dark else 110)
    fmt.setBackground(colour)
    return fmt


def student_format(*, dark: bool) -> QTextCharFormat:
    """Format of a student's mark in classroom mode: a strong blue stroke with a solid underline
    (the selected claim is yellow; findings are hidden while students mark)."""
    fmt = QTextCharFormat()
    colour = QColor(OKABE_ITO["sky_blue"])
    colour.setAlpha(110 if dark else 120)
    fmt.setBackground(colour)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor("#f0f0f0" if dark else "#111111"))
    fmt.setFontUnderline(True)
    return fmt


def linked_format(relation: str, *, dark: bool) -> QTextCharFormat:
    """Faint background on claims that have a counterpart in another source."""
    fmt = QTextCharFormat()
    fmt.setBackground(relation_colour(relation, 28 if dark else 22))
    return fmt
