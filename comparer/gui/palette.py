"""How each kind of finding looks: Okabe–Ito colours, an underline style and a glyph.

Colour is never the only signal: every family of kinds has its own underline
style and glyph, so the legend reads in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from comparer.core.engine.model import CHECK_KINDS, FINDING_KINDS, RELATIONS

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

Underline = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True, slots=True)
class KindStyle:
    """The look of one kind of mark: label, colour, underline style and glyph."""

    label: str
    colour: str
    underline: Underline
    glyph: str
    line_name: str


_NUMBERS = ("vermillion", Underline.WaveUnderline, "#", "wavy")
_QUOTES = ("blue", Underline.DashUnderline, "❝", "dashed")
_ATTRIB = ("reddish_purple", Underline.DotLine, "@", "dotted")
_NAMES = ("bluish_green", Underline.DashDotLine, "Aa", "dash-dot")
_DATES = ("orange", Underline.DashDotDotLine, "◷", "dash-dot-dot")
_ONLY = ("sky_blue", Underline.SingleUnderline, "◆", "solid")
_CHECK = ("yellow", Underline.WaveUnderline, "Σ", "wavy")

_FAMILY: dict[str, tuple[str, tuple[str, Underline, str, str]]] = {
    "number_conflict": ("numbers differ", _NUMBERS),
    "number_one_side": ("number in one source only", _NUMBERS),
    "casualties": ("casualty figures", _NUMBERS),
    "quote_wording": ("quotation worded differently", _QUOTES),
    "quote_partial": ("quotation shortened", _QUOTES),
    "quote_differs": ("quotation differs", _QUOTES),
    "attribution": ("attributed differently", _ATTRIB),
    "certainty": ("certainty differs", _ATTRIB),
    "name_variant": ("name spelled differently", _NAMES),
    "spelling_variant": ("spelling variant", _NAMES),
    "date_equivalent": ("same date, said differently", _DATES),
    "date_conflict": ("dates differ", _DATES),
    "time_conflict": ("times differ", _DATES),
    "only_in": ("only this source says it", _ONLY),
    "sum_mismatch": ("parts do not add up", _CHECK),
    "sum_consistent": ("parts add up", _CHECK),
}

# Everything the views can paint, in legend order.
MARK_KINDS: tuple[str, ...] = (*FINDING_KINDS, "only_in", *CHECK_KINDS)

RELATION_COLOURS = {"agree": "bluish_green", "conflict": "vermillion", "related": "grey"}
RELATION_GLYPHS = {"agree": "=", "conflict": "≠", "related": "~"}
assert set(RELATION_COLOURS) == set(RELATIONS)


def kind_style(kind: str) -> KindStyle:
    """The style of a finding kind; unknown kinds get a neutral dotted grey."""
    label, (colour, underline, glyph, line_name) = _FAMILY.get(
        kind, (kind.replace("_", " "), ("grey", Underline.DotLine, "•", "dotted"))
    )
    return KindStyle(label, OKABE_ITO[colour], underline, glyph, line_name)


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
    colour = QColor("#F0E442")
    colour.setAlpha(90 if dark else 110)
    fmt.setBackground(colour)
    return fmt


def linked_format(relation: str, *, dark: bool) -> QTextCharFormat:
    """Faint background on claims that have a counterpart in another source."""
    fmt = QTextCharFormat()
    fmt.setBackground(relation_colour(relation, 28 if dark else 22))
    return fmt
