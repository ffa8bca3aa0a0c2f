"""The findings list as plain data: one row per discrepancy, per quiet link, per claim only one source makes.

Rows come in severity order (conflicts, figures one side gives, quotations, attribution, names and
dates, then claims one source makes and links with nothing to flag). A discrepancy seen on several
links is one row listing them all. Nothing here imports Qt; :mod:`comparer.gui.models` adapts these rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from comparer.core.engine.model import SHOW_ABOVE, Claim, Comparison, Finding, Link, Span
from comparer.core.project.annotations import AddedLink
from comparer.core.report import kinds
from comparer.core.report.kinds import ONLY_IN as ONLY_IN

# Severity ranks and classes are the core's (:mod:`comparer.core.report.kinds`), shared with the reports.
NOTE_RANK = kinds.NOTE_RANK
ONLY_RANK = kinds.ONLY_RANK
QUIET_RANK = kinds.ONLY_RANK + 1
SEVERITY_CLASSES = kinds.SEVERITY_CLASSES


def severity_rank(kind: str) -> int:
    """Where a row of this kind goes in the list (0 first); a quiet link (no kind) goes last."""
    return kinds.kind(kind).rank if kind else QUIET_RANK


def severity_class(kind: str) -> str | None:
    """``conflict``, ``difference`` or ``note`` for a finding kind; ``None`` for other rows."""
    return kinds.severity_class(severity_rank(kind))


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
    link_ids: tuple[str, ...] = ()
    sources: tuple[str, str] = ("", "")
    confidence: float = 1.0
    minor: bool = False  # shown only when the list shows everything (low confidence, weak links)

    @property
    def rank(self) -> int:
        """Severity rank of the row (0 is most serious)."""
        return severity_rank(self.kind)

    @property
    def is_conflict(self) -> bool:
        """A finding of the most serious rank."""
        return self.rank == 0


def excerpt(text: str, width: int = 90) -> str:
    """A claim shortened for one table cell, at a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + " …"


def _link_spans(a: Claim, b: Claim) -> tuple[tuple[str, Span], ...]:
    return ((a.source, a.span), (b.source, b.span))


def _finding_row(
    comparison: Comparison, claims: dict[str, Claim], n: int, finding: Finding, links: list[Link]
) -> Row:
    """One row for one discrepancy, however many links show it."""
    va, vb = finding.values
    side_claims = [[claims[c] for c in ids if c in claims] for ids in finding.claims]
    for link in links:  # a finding built before findings named their claims: take its links'
        for side, cid in enumerate((link.a, link.b)):
            if cid in claims and claims[cid] not in side_claims[side]:
                side_claims[side].append(claims[cid])
    first = [cl[0] if cl else None for cl in side_claims]
    spans: list[tuple[str, Span]] = []
    for cl in side_claims:
        spans.extend((c.source, c.span) for c in cl)
    fallback = (first[0].source if first[0] else "", first[1].source if first[1] else "")
    sources = finding.sources if any(finding.sources) else fallback
    best = max(links, key=lambda lk: lk.score) if links else None
    confidence = float(getattr(finding, "confidence", 1.0))
    shown_above = float(comparison.options.get("show_above", SHOW_ABOVE))
    return Row(
        key=f"finding:{finding.id or n}",
        kind=finding.kind,
        relation=best.relation if best else "",
        link_id=best.id if best else None,
        claims=(first[0].id if first[0] else None, first[1].id if first[1] else None),
        values=(va or "—", vb or "—"),
        excerpts=(excerpt(first[0].text) if first[0] else "", excerpt(first[1].text) if first[1] else ""),
        score=best.score if best else None,
        explanation=finding.explanation,
        spans=tuple(spans),
        link_ids=tuple(lk.id for lk in links),
        sources=sources,
        confidence=confidence,
        minor=confidence < shown_above,
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
        link_ids=(link.id,),
        sources=(a.source, b.source),
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
        sources=(claim.source, ""),
    )


def _discrepancies(comparison: Comparison) -> list[tuple[Finding, list[Link]]]:
    """Each discrepancy with the links that show it.

    A comparison's own findings are one per discrepancy already; without them (an older
    comparison), findings on several links with the same kind and values are one discrepancy.
    """
    by_id = {link.id: link for link in comparison.links}
    if comparison.findings:
        carried: dict[int, list[Link]] = {}  # by identity: comparing findings field by field is slow
        for link in comparison.links:
            for f in link.findings:
                carried.setdefault(id(f), []).append(link)
        out = []
        for f in comparison.findings:
            links = [by_id[i] for i in f.links if i in by_id] or carried.get(id(f), [])
            out.append((f, links))
        return out
    grouped: dict[tuple[str, tuple[str | None, ...]], tuple[Finding, list[Link]]] = {}
    for link in comparison.links:
        for f in link.findings:
            key = (f.kind, tuple(v.casefold() if v else v for v in f.values))
            grouped.setdefault(key, (f, []))[1].append(link)
    return list(grouped.values())


def _ordered(rows: Iterable[Row]) -> list[Row]:
    # Stable: within a rank, rows keep reading order; surer findings first.
    return sorted(rows, key=lambda r: (r.rank, -r.confidence))


def build_rows(comparison: Comparison, *, include_only: bool = True) -> list[Row]:
    """Rows in severity order: discrepancies, claims only one source makes, then quiet links."""
    claims = comparison._claims_by_id()
    rows = [
        _finding_row(comparison, claims, n, f, links)
        for n, (f, links) in enumerate(_discrepancies(comparison))
    ]
    if include_only:
        for side, source in enumerate(comparison.sources):
            rows.extend(_only_row(comparison, c, min(side, 1)) for c in comparison.only_in(source.id))
    with_findings = {i for r in rows for i in r.link_ids}
    for link in comparison.links:
        if link.id not in with_findings:
            row = _quiet_link_row(link, claims[link.a], claims[link.b])
            rows.append(row if link.relation != "related" else _as_minor(row))
    return _ordered(rows)


def _as_minor(row: Row) -> Row:
    return replace(row, minor=True)


def severity_counts(rows: Iterable[Row]) -> dict[str, int]:
    """How many rows of each severity class (``conflict``, ``difference``, ``note``)."""
    counts = {name: 0 for name, _plural in SEVERITY_CLASSES}
    for row in rows:
        cls = severity_class(row.kind)
        if cls is not None:
            counts[cls] += 1
    return counts


def severity_summary(rows: Iterable[Row]) -> str:
    """ "1 conflict · 6 differences · 3 notes" for these rows."""
    counts = severity_counts(rows)
    parts = [f"{counts[name]} {name if counts[name] == 1 else plural}" for name, plural in SEVERITY_CLASSES]
    return " · ".join(parts)


def added_link_rows(comparison: Comparison, added: Iterable[AddedLink]) -> list[Row]:
    """One row per link an annotator added, for the accounts of ``comparison`` (links whose passages
    do not lie in these texts are left out)."""
    texts = {s.id: s.text for s in comparison.sources}
    rows = []
    for link in added:
        a, b = link.a, link.b
        if a.source not in texts or b.source not in texts:
            continue
        if a.end > len(texts[a.source]) or b.end > len(texts[b.source]):
            continue
        rows.append(
            Row(
                key=f"added:{link.id}",
                kind="",
                relation="added",
                link_id=link.id,
                claims=(None, None),
                values=("", ""),
                excerpts=(
                    excerpt(texts[a.source][a.start : a.end]),
                    excerpt(texts[b.source][b.start : b.end]),
                ),
                score=None,
                explanation=f"added by {link.annotator or 'an annotator'}: a link the engine missed",
                spans=((a.source, a.span), (b.source, b.span)),
                link_ids=(link.id,),
                sources=(a.source, b.source),
            )
        )
    return rows
