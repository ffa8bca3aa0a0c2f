"""The data every part of comparer shares: sources, claims, links and findings.

Everything here is plain, immutable data. Spans are character offsets into the
``text`` of the source they belong to; views paint them and never rewrite text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Role = Literal["body", "heading", "boilerplate"]
Relation = Literal["agree", "conflict", "related"]

ROLES: tuple[Role, ...] = ("body", "heading", "boilerplate")
RELATIONS: tuple[Relation, ...] = ("agree", "conflict", "related")

# Stable names of finding kinds, used in every output. Order is display order.
FINDING_KINDS: tuple[str, ...] = (
    "number_conflict",
    "number_one_side",
    "quote_wording",
    "quote_partial",
    "quote_differs",
    "attribution",
    "casualties",
    "certainty",
    "name_variant",
    "spelling_variant",
    "date_equivalent",
    "date_conflict",
    "time_conflict",
)

# Kinds of findings a source raises about itself (not tied to a link).
CHECK_KINDS: tuple[str, ...] = ("sum_mismatch", "sum_consistent", "spelling_inconsistent", "time_mismatch")


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in one source's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        # pickled as its two numbers: a long comparison's facts travel between processes (parallel.py)
        return (Span, (self.start, self.end))

    def overlaps(self, other: Span) -> bool:
        """True when the two ranges share at least one character."""
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> Span:
        """The same range moved by ``offset`` characters."""
        return Span(self.start + offset, self.end + offset)


@dataclass(frozen=True, slots=True)
class RoleHint:
    """A range a format loader already knows the role of (a DOCX heading, a share bar)."""

    span: Span
    role: Role


@dataclass(frozen=True, slots=True)
class Source:
    """One account, as loaded. ``text`` is the reference for every offset."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    encoding: str | None = None
    format: str = "txt"
    notes: tuple[str, ...] = ()
    role_hints: tuple[RoleHint, ...] = ()

    @property
    def label(self) -> str:
        """A short human name: outlet, title or file name."""
        if self.outlet:
            return self.outlet
        if self.title:
            return self.title
        return self.path.rsplit("/", 1)[-1] or self.id


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence-sized unit of one source."""

    id: str
    source: str
    start: int
    end: int
    text: str
    role: Role
    paragraph: int

    @property
    def span(self) -> Span:
        """The claim's range in its source text."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a reader should be shown about a linked pair of claims.

    ``values`` holds the value as each side states it (``None`` where a side
    says nothing); ``spans`` the ranges in each side's source text that carry it.
    ``detail`` holds what the explanation rests on (normalised values, scores).

    A finding of a comparison is one discrepancy, however many sentence pairings show it:
    ``claims`` lists the claims of each side it rests on, ``links`` the links it was seen on,
    ``sources`` the two sources it compares (side 0, side 1). ``confidence`` (0–1) says how sure the
    engine is that it is true and worth a reader's time; ``why`` says what that rests on. ``aspects``
    names further kinds the same finding shows (a casualty report that is also a matter of certainty).
    """

    kind: str
    values: tuple[str | None, str | None]
    spans: tuple[tuple[Span, ...], tuple[Span, ...]]
    explanation: str
    detail: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    confidence: float = 1.0
    why: tuple[str, ...] = ()
    claims: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    sources: tuple[str, str] = ("", "")
    links: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the aligner linked two claims: the scorer, its parts and what they share."""

    scorer: str
    components: dict[str, float]
    shared_words: tuple[str, ...] = ()
    shared_names: tuple[str, ...] = ()
    shared_numbers: tuple[str, ...] = ()
    shared_concepts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line naming what the two claims share."""
        parts: list[str] = []
        if self.shared_names:
            parts.append("names: " + ", ".join(self.shared_names))
        if self.shared_numbers:
            parts.append("numbers: " + ", ".join(self.shared_numbers))
        if self.shared_words:
            parts.append("words: " + ", ".join(self.shared_words[:8]))
        if self.shared_concepts:
            parts.append("ideas: " + ", ".join(self.shared_concepts))
        parts.extend(self.notes)
        return "; ".join(parts) if parts else "overall wording"


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims of different sources that speak of the same thing."""

    id: str
    a: str
    b: str
    score: float
    relation: Relation
    findings: tuple[Finding, ...]
    evidence: Evidence

    @property
    def kinds(self) -> tuple[str, ...]:
        """Finding kinds on this link (with the further aspects they show), in order, without repeats."""
        return tuple(dict.fromkeys(k for f in self.findings for k in (f.kind, *f.aspects)))


@dataclass(frozen=True, slots=True)
class Check:
    """A finding a source raises about itself, e.g. parts that add up to a total."""

    source: str
    kind: str
    spans: tuple[Span, ...]
    values: tuple[str, ...]
    explanation: str


# Findings at or above this confidence are shown by default; the rest need "show all".
SHOW_ABOVE = 0.5


@dataclass(frozen=True, slots=True)
class FactCell:
    """What one account says of one fact: its value, who it credits, and the passage."""

    source: str
    value: str
    low: float | None
    high: float | None
    credited: str | None
    claims: tuple[str, ...]
    spans: tuple[Span, ...]
    moment: str | None = None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact across accounts (deaths; injured; missiles at one base …): a cell per account."""

    id: str
    measure: str
    label: str
    scope: str
    cells: tuple[FactCell, ...]
    conflict: bool

    def cell(self, source_id: str) -> FactCell | None:
        """This account's cell, if it states the fact."""
        return next((c for c in self.cells if c.source == source_id), None)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the engine found for a set of sources."""

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    checks: tuple[Check, ...]
    options: dict[str, Any]
    findings: tuple[Finding, ...] = ()
    facts: tuple[FactRow, ...] = ()
    # Claims by id, filled on first use: the comparison never changes, so neither does the index.
    _claim_index: dict[str, Claim] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def shown_findings(self, show_all: bool = False) -> tuple[Finding, ...]:
        """The findings worth a reader's time (confidence at least ``show_above``), or all of them."""
        if show_all:
            return self.findings
        above = float(self.options.get("show_above", SHOW_ABOVE))
        return tuple(f for f in self.findings if f.confidence >= above)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError when there is none)."""
        return self._claims_by_id()[claim_id]

    def _claims_by_id(self) -> dict[str, Claim]:
        # Built once per comparison; callers read it and never change it.
        index = self._claim_index
        if not index and self.claims:
            index.update((c.id, c) for c in self.claims)
        return index

    def only_in(self, source_id: str) -> tuple[Claim, ...]:
        """Body claims no other source makes: no link, or only weak ``related`` ones.

        "Weak" is below the ``unique_below`` option the comparison was made with.
        """
        below = float(self.options.get("unique_below", 0.0))
        matched = {
            c
            for link in self.links
            if link.relation != "related" or link.score >= below
            for c in (link.a, link.b)
        }
        return tuple(
            c for c in self.claims if c.source == source_id and c.role == "body" and c.id not in matched
        )
