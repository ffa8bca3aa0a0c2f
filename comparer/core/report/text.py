"""A comparison as plain text for a terminal: the discrepancies first, then the fact table."""

from __future__ import annotations

import textwrap

from comparer.core.engine.model import Claim, Comparison, Finding
from comparer.core.report.kinds import display_order, kind
from comparer.core.stamp import made_with


def _excerpt(claim: Claim, width: int = 100) -> str:
    return textwrap.shorten(claim.text, width=width, placeholder=" …")


def _finding_block(comparison: Comparison, f: Finding) -> list[str]:
    out = [f"  • [{f.id}] {f.explanation}  (confidence {f.confidence:.2f})"]
    values = " | ".join(
        f"{comparison.source(sid).label if sid else side}: {v}"
        for side, sid, v in zip(("a", "b"), f.sources, f.values, strict=True)
        if v
    )
    if values:
        out.append(f"      {values}")
    for side in (0, 1):
        claims = f.claims[side][:3]
        for cid in claims:
            c = comparison.claim(cid)
            out.append(f"      {comparison.source(c.source).label} [{c.id}]: {_excerpt(c)}")
        if len(f.claims[side]) > 3:
            out.append(f"      … and {len(f.claims[side]) - 3} more passages")
    if f.why:
        out.append("      why: " + "; ".join(f.why))
    if f.links:
        out.append("      links: " + ", ".join(f.links))
    return out


def render_text(comparison: Comparison, show_all: bool = False) -> str:
    """Readable report: sources, findings by severity, the fact table, self-checks, one-source claims."""
    out: list[str] = []
    for s in comparison.sources:
        date = s.published.isoformat() if s.published else "date unknown"
        body = sum(1 for c in comparison.claims if c.source == s.id and c.role == "body")
        out.append(f"[{s.id}] {s.label} — {date} — {body} claims — {s.path}")
    counts = {
        r: sum(1 for link in comparison.links if link.relation == r) for r in ("agree", "conflict", "related")
    }
    out.append(
        f"\n{len(comparison.links)} links: {counts['agree']} agree, {counts['conflict']} conflict, "
        f"{counts['related']} related"
    )
    shown = comparison.shown_findings(show_all)
    hidden = len(comparison.findings) - len(shown)
    out.append(
        f"{len(shown)} findings"
        + (f" ({hidden} less certain ones hidden; --all shows them)" if hidden else "")
    )
    by_kind: dict[str, list[Finding]] = {}
    for f in shown:
        by_kind.setdefault(f.kind, []).append(f)
    for name in display_order(list(by_kind)):
        group = by_kind[name]
        out.append(f"\n== {kind(name).short} ({len(group)}) ==")
        for f in group:
            out.extend(_finding_block(comparison, f))
    if comparison.facts:
        out.append("\n== facts across accounts ==")
        for row in comparison.facts:
            mark = "  ≠ " if row.conflict else "    "
            cells = "; ".join(
                f"{comparison.source(c.source).label}: {c.value}" + (" (!)" if c.conflict else "")
                for c in row.cells
            )
            out.append(f"{mark}{row.label}: {cells}")
    if comparison.checks:
        out.append("\n== checks within one source ==")
        for chk in comparison.checks:
            out.append(f"  • [{chk.source}] {chk.explanation}")
    for s in comparison.sources:
        only = comparison.only_in(s.id)
        if only:
            out.append(f"\n== only in {s.label} ({len(only)}) ==")
            out.extend(f"  - [{c.id}] {_excerpt(c)}" for c in only)
    out.append(f"\nmade with {made_with().line()}")
    return "\n".join(out) + "\n"
