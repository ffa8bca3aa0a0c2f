"""What to paint in each source pane, as plain data: spans with a kind and a tooltip."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from comparer.core.model import Comparison, Span
from comparer.gui.palette import kind_label
from comparer.gui.rows import ONLY_IN


@dataclass(frozen=True, slots=True)
class Mark:
    """A range of one source to paint as ``kind``; ``link_id`` names the link it belongs to, if any."""

    span: Span
    kind: str
    tooltip: str
    link_id: str | None = None


def finding_marks(comparison: Comparison, source_id: str, kinds: Collection[str]) -> list[Mark]:
    """Marks of one source: finding spans on either side of each link, self-checks and unmatched claims."""
    marks: list[Mark] = []
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        for side, claim in enumerate((a, b)):
            if claim.source != source_id:
                continue
            for f in link.findings:
                if f.kind not in kinds:
                    continue
                spans = f.spans[side] or (claim.span,)
                tip = _finding_tip(f.kind, f.explanation, f.values[side], f.values[1 - side])
                marks.extend(Mark(s, f.kind, tip, link.id) for s in spans)
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


def _finding_tip(kind: str, explanation: str, here: str | None, there: str | None) -> str:
    lines = [kind_label(kind), explanation]
    if here or there:
        lines.append(f"here: {here or '—'}   other: {there or '—'}")
    return "\n".join(line for line in lines if line)


def linked_claims(comparison: Comparison, source_id: str) -> dict[str, list[tuple[str, str]]]:
    """Claim id of this source -> [(link id, relation)] of the links that touch it."""
    out: dict[str, list[tuple[str, str]]] = {}
    for link in comparison.links:
        for cid in (link.a, link.b):
            if comparison.claim(cid).source == source_id:
                out.setdefault(cid, []).append((link.id, link.relation))
    return out
