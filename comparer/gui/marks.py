"""What to paint in each source pane, as plain data: spans with a kind and a tooltip."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace

from comparer.core.engine.model import Claim, Comparison, Finding, Span
from comparer.gui.palette import kind_label
from comparer.gui.rows import ONLY_IN
from comparer.gui.session import ComparisonIndex


@dataclass(frozen=True, slots=True)
class Mark:
    """A range of one source to paint as ``kind``; ``link_id`` names the link it belongs to, if any."""

    span: Span
    kind: str
    tooltip: str
    link_id: str | None = None


def finding_marks(
    comparison: Comparison,
    source_id: str,
    kinds: Collection[str],
    *,
    index: ComparisonIndex | None = None,
) -> list[Mark]:
    """Marks of one source: the findings worth showing, self-checks and unmatched claims.

    Only findings the list shows without "show all" are painted, and only on the words that carry
    them where the engine gives those, so a tint means there is something to read there.
    """
    claims = index.claims if index is not None else ComparisonIndex.build(comparison).claims
    marks: list[Mark] = []
    for f, sides in _findings_by_side(comparison, claims):
        if f.kind not in kinds:
            continue
        for side, sid in enumerate(sides):
            if sid != source_id:
                continue
            spans = f.spans[side] or tuple(claims[c].span for c in f.claims[side] if c in claims)
            tip = _finding_tip(f.kind, f.explanation, f.values[side], f.values[1 - side])
            link_id = f.links[0] if f.links else None
            marks.extend(Mark(s, f.kind, tip, link_id) for s in spans)
    for check in comparison.checks:
        if check.source == source_id and check.kind in kinds:
            tip = _finding_tip(check.kind, check.explanation, ", ".join(check.values), None)
            marks.extend(Mark(s, check.kind, tip) for s in check.spans)
    if ONLY_IN in kinds:
        for claim in comparison.only_in(source_id):
            marks.append(
                Mark(claim.span, ONLY_IN, _finding_tip(ONLY_IN, "No other source matches it.", None, None))
            )
    return marks


def _findings_by_side(
    comparison: Comparison, claims: Mapping[str, Claim]
) -> Iterator[tuple[Finding, tuple[str, str]]]:
    """Each finding to paint with the source of each of its sides."""
    if comparison.findings:
        for f in comparison.shown_findings():
            sides = f.sources
            if not any(sides):
                firsts = [next((claims[c].source for c in ids if c in claims), "") for ids in f.claims]
                sides = (firsts[0], firsts[1])
            yield f, sides
        return
    for link in comparison.links:  # a comparison whose findings live only on its links
        a, b = claims[link.a], claims[link.b]
        for f in link.findings:
            filled = replace(
                f,
                claims=f.claims if any(f.claims) else ((a.id,), (b.id,)),
                links=f.links or (link.id,),
            )
            yield filled, (a.source, b.source)


def _finding_tip(kind: str, explanation: str, here: str | None, there: str | None) -> str:
    lines = [kind_label(kind), explanation]
    if here or there:
        lines.append(f"here: {here or '—'}   other: {there or '—'}")
    return "\n".join(line for line in lines if line)


def linked_claims(index: ComparisonIndex, source_id: str) -> dict[str, list[tuple[str, str]]]:
    """Claim id of this source -> [(link id, relation)] of the links that touch it (reading order)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for claim in index.claims_in(source_id):
        links = index.links_of(claim.id)
        if links:
            out[claim.id] = [(link.id, link.relation) for link in links]
    return out
