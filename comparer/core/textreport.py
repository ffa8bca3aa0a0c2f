"""A comparison as plain text for a terminal: findings grouped by kind."""

from __future__ import annotations

import textwrap

from comparer.core.model import FINDING_KINDS, Claim, Comparison, Link


def _excerpt(claim: Claim, width: int = 100) -> str:
    return textwrap.shorten(claim.text, width=width, placeholder=" …")


def _link_block(comparison: Comparison, link: Link, explanation: str, values: str) -> list[str]:
    a = comparison.claim(link.a)
    b = comparison.claim(link.b)
    return [
        f"  • {explanation}",
        f"      {values}" if values else "",
        f"      {comparison.source(a.source).label} [{a.id}]: {_excerpt(a)}",
        f"      {comparison.source(b.source).label} [{b.id}]: {_excerpt(b)}",
        f"      link {link.id}: {link.relation}, score {link.score:.0f} — {link.evidence.summary()}",
    ]


def render_text(comparison: Comparison) -> str:
    """Readable report: sources, findings by kind, self-checks, and claims only one source makes."""
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
    # One finding raised on several links (a figure only one side gives, seen from each counterpart)
    # is shown once, with the other links named.
    by_kind: dict[str, dict[tuple[object, ...], list[tuple[Link, int]]]] = {}
    for link in comparison.links:
        for i, f in enumerate(link.findings):
            key = (f.explanation, f.values, f.spans)
            by_kind.setdefault(f.kind, {}).setdefault(key, []).append((link, i))
    for kind in [*FINDING_KINDS, *sorted(set(by_kind) - set(FINDING_KINDS))]:
        groups = by_kind.get(kind)
        if not groups:
            continue
        out.append(f"\n== {kind.replace('_', ' ')} ({len(groups)}) ==")
        for items in groups.values():
            link, i = items[0]
            f = link.findings[i]
            values = " | ".join(f"{side}: {v}" for side, v in zip(("a", "b"), f.values, strict=True) if v)
            out.extend(line for line in _link_block(comparison, link, f.explanation, values) if line)
            if len(items) > 1:
                out.append("      also on links " + ", ".join(other.id for other, _ in items[1:]))
    plain = [link for link in comparison.links if not link.findings]
    if plain:
        out.append(f"\n== linked, nothing to flag ({len(plain)}) ==")
        for link in plain:
            out.extend(line for line in _link_block(comparison, link, link.relation, "") if line)
    if comparison.checks:
        out.append("\n== checks within one source ==")
        for chk in comparison.checks:
            out.append(f"  • [{chk.source}] {chk.explanation}")
    for s in comparison.sources:
        only = comparison.only_in(s.id)
        if only:
            out.append(f"\n== only in {s.label} ({len(only)}) ==")
            out.extend(f"  - [{c.id}] {_excerpt(c)}" for c in only)
    return "\n".join(out) + "\n"
