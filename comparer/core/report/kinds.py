"""Every kind of mark a view can show, defined once: title, short title, severity, family, colour.

The HTML, text and PDF reports and the app's list, legend and highlights all read this table,
so a kind is called and coloured the same everywhere. Colours are Okabe & Ito's (2008) "Color
Universal Design" set, distinguishable with every common colour-vision deficiency; colour is never
the only signal, since every family also has its own glyph and underline style (``line``, a plain
name such as ``wavy`` that each view draws its own way).

Severity is a rank, 0 most serious: 0 conflicts (figures, casualty reports, dates and times that
cannot both be true, parts that do not add up), 1–3 differences (a figure one account alone gives;
quotations; attribution and certainty), 4 notes (names and spellings, a day said two ways). The app's
list sorts its rows by rank; the text report groups findings by kind, by rank and then in :data:`KINDS`
order (:func:`display_order`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Okabe & Ito (2008): the eight colours of the set, by their names.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}


@dataclass(frozen=True, slots=True)
class Family:
    """Kinds drawn alike: one colour, glyph and underline style, one name in the legend."""

    name: str
    title: str
    colour: str  # a key of OKABE_ITO
    glyph: str
    line: str  # wavy, dashed, dotted, dash-dot, dash-dot-dot or solid

    @property
    def hex(self) -> str:
        """The family's colour as ``#RRGGBB``."""
        return OKABE_ITO[self.colour]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of finding, self-check or unmatched claim, as every view shows it."""

    name: str
    title: str  # sentence case, for reports, lists and tooltips
    short: str  # a few lower-case words, for headings in plain text and narrow places
    family: Family
    rank: int  # severity, 0 most serious

    @property
    def hex(self) -> str:
        """The kind's colour as ``#RRGGBB``."""
        return self.family.hex

    @property
    def glyph(self) -> str:
        """The family's glyph."""
        return self.family.glyph

    @property
    def line(self) -> str:
        """The family's underline style."""
        return self.family.line

    @property
    def severity(self) -> str | None:
        """``conflict``, ``difference`` or ``note``; ``None`` for a claim only one account makes."""
        return severity_class(self.rank)


# Legend order.
FAMILIES: tuple[Family, ...] = (
    Family("numbers", "numbers, casualties", "vermillion", "#", "wavy"),
    Family("quotes", "quotations", "blue", "❝", "dashed"),
    Family("attribution", "attribution, certainty", "reddish_purple", "@", "dotted"),
    Family("names", "names, spelling", "bluish_green", "Aa", "dash-dot"),
    Family("dates", "dates, times", "orange", "◷", "dash-dot-dot"),
    Family("only", "only in one source", "sky_blue", "◆", "solid"),
    Family("checks", "totals in one source", "yellow", "Σ", "wavy"),
)
_FAMILY = {f.name: f for f in FAMILIES}
OTHER = Family("other", "other", "grey", "•", "dotted")

CONFLICT_RANK = 0
NOTE_RANK = 4
ONLY_RANK = 5
ONLY_IN = "only_in"

_TABLE: tuple[tuple[str, str, str, str, int], ...] = (
    # name, title, short title, family, severity rank
    ("number_conflict", "Numbers differ", "number conflict", "numbers", 0),
    ("casualties", "Casualty figures differ", "casualties", "numbers", 0),
    ("date_conflict", "Dates differ", "date conflict", "dates", 0),
    ("time_conflict", "Times differ", "time conflict", "dates", 0),
    ("sum_mismatch", "Parts do not add up", "sum mismatch", "checks", 0),
    ("time_mismatch", "A time and its conversion disagree", "time mismatch", "checks", 0),
    ("number_one_side", "A number only one account gives", "number one side", "numbers", 1),
    ("quote_differs", "Quotation differs", "quote differs", "quotes", 2),
    ("quote_wording", "Quotation worded differently", "quote wording", "quotes", 2),
    ("quote_partial", "Quotation shortened", "quote partial", "quotes", 2),
    ("attribution", "Attributed differently", "attribution", "attribution", 3),
    ("certainty", "Certainty differs", "certainty", "attribution", 3),
    ("name_variant", "Name spelled differently", "name variant", "names", 4),
    ("spelling_variant", "Spelling differs", "spelling variant", "names", 4),
    ("date_equivalent", "Same date, said differently", "date equivalent", "dates", 4),
    ("sum_consistent", "Parts add up", "sum consistent", "checks", 4),
    ("spelling_inconsistent", "Spelled two ways in one account", "spelling inconsistent", "names", 4),
    (ONLY_IN, "Only one account says this", "only in one account", "only", ONLY_RANK),
)

# Every kind, in display order (severity, then this order within a rank).
KINDS: dict[str, Kind] = {
    name: Kind(name, title, short, _FAMILY[family], rank) for name, title, short, family, rank in _TABLE
}

# What a status line counts: a severity class and its plural, in the order it is told.
SEVERITY_CLASSES: tuple[tuple[str, str], ...] = (
    ("conflict", "conflicts"),
    ("difference", "differences"),
    ("note", "notes"),
)


def severity_class(rank: int) -> str | None:
    """``conflict`` (rank 0), ``difference`` (1–3), ``note`` (4); ``None`` past the notes."""
    if rank == CONFLICT_RANK:
        return "conflict"
    if rank < NOTE_RANK:
        return "difference"
    return "note" if rank == NOTE_RANK else None


def kind(name: str) -> Kind:
    """The kind called ``name``; a kind this table does not know is a grey note titled by its name."""
    known = KINDS.get(name)
    if known is not None:
        return known
    words = name.replace("_", " ")
    return Kind(name, words[:1].upper() + words[1:], words, OTHER, NOTE_RANK)


def kind_title(name: str) -> str:
    """The title of a kind (``Spelling differs``)."""
    return kind(name).title


def display_order(names: Iterable[str]) -> list[str]:
    """``names`` most serious first, in the order of :data:`KINDS` within a rank; unknown kinds last."""
    position = {n: i for i, n in enumerate(KINDS)}
    return sorted(names, key=lambda n: (kind(n).rank, position.get(n, len(position)), n))


def tint(name: str, strength: float = 0.3) -> str:
    """A pale ``#rrggbb`` of the kind's colour laid over white (for printed highlights)."""
    colour = kind(name).hex.lstrip("#")
    rgb = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(255 - strength * (255 - c)):02x}" for c in rgb)
