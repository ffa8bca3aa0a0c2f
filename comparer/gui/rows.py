"""The findings list as plain data: one row per finding, per quiet link, per claim only one source makes.

Nothing here imports Qt; the table model in :mod:`comparer.gui.models` adapts these rows.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from comparer.core.model import Claim, Comparison, Finding, Link, Span

ONLY_IN = "only_in"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the findings list.

    ``claims`` holds the claim ids of side a and side b (``None`` where a side has
    none); ``spans`` the source ids with the ranges to select in each pane.
    """

    key: str
    kind: str
    relation: str
    link_id: str | None
    claims: tuple[str | None, str | None]
    values: tuple[str, str]
    excerpts: tuple[str, str]
    score: float | None
    explanation: str
    spans: tuple[tuple[str, Span], ...]


def excerpt(text: str, width: int = 90) -> str:
    """A claim shortened for one table cell."""
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder=" …")


def _link_spans(a: Claim, b: Claim) -> tuple[tuple[str, Span], ...]:
    return ((a.source, a.span), (b.source, b.span))


def _finding_row(link: Link, n: int, finding: Finding, a: Claim, b: Claim) -> Row:
    va, vb = finding.values
    return Row(
        key=f"{link.id}#{n}",
        kind=finding.kind,
        relation=link.relation,
        link_id=link.id,
        claims=(a.id, b.id),
        values=(va or "—", vb or "—"),
        excerpts=(excerpt(a.text), excerpt(b.text)),
        score=link.score,
        explanation=finding.explanation,
        spans=_link_spans(a, b),
    )


def _quiet_link_row(link: Link, a: Claim, b: Claim) -> Row:
    return Row(
        key=link.id,
        kind="",
        relation=link.relation,
        link_id=link.id,
        claims=(a.id, b.id),
        values=("", ""),
        excerpts=(excerpt(a.text), excerpt(b.text)),
        score=link.score,
        explanation=f"linked ({link.relation}), nothing to flag: {link.evidence.summary()}",
        spans=_link_spans(a, b),
    )


def _only_row(comparison: Comparison, claim: Claim, side: int) -> Row:
    label = comparison.source(claim.source).label
    text = excerpt(claim.text)
    return Row(
        key=f"only:{claim.id}",
        kind=ONLY_IN,
        relation="",
        link_id=None,
        claims=(claim.id, None) if side == 0 else (None, claim.id),
        values=("", ""),
        excerpts=(text, "") if side == 0 else ("", text),
        score=None,
        explanation=f"Only {label} says this; no other source has a matching claim.",
        spans=((claim.source, claim.span),),
    )


def build_rows(comparison: Comparison, *, include_only: bool = True) -> list[Row]:
    """Rows in reading order: each link's findings (or the link itself), then claims only one source makes."""
    rows: list[Row] = []
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        if link.findings:
            rows.extend(_finding_row(link, n, f, a, b) for n, f in enumerate(link.findings))
        else:
            rows.append(_quiet_link_row(link, a, b))
    if include_only:
        for side, source in enumerate(comparison.sources):
            rows.extend(_only_row(comparison, c, min(side, 1)) for c in comparison.only_in(source.id))
    return rows
