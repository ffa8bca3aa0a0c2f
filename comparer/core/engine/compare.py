"""The comparison pipeline: segment, extract facts, align, judge."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from comparer.core.engine import align, checks, judge
from comparer.core.engine.collector import full_collections_held_off
from comparer.core.engine.discrepancies import discrepancies, spelling_checks
from comparer.core.engine.facts import ClaimFacts, extract_source_facts
from comparer.core.engine.model import Claim, Comparison, Source
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.segment import segment
from comparer.core.errors import ComparerError

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


class CompareCancelled(ComparerError):
    """The caller asked to stop before the comparison finished."""


def compare(
    sources: Sequence[Source],
    options: AlignOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Compare two or more sources claim by claim.

    ``progress`` receives a fraction in ``[0, 1]`` now and then; when
    ``cancelled`` returns true the run stops with :class:`CompareCancelled`.
    """
    with full_collections_held_off():
        return _compare(sources, options, progress, cancelled)


def _compare(
    sources: Sequence[Source],
    options: AlignOptions | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Comparison:
    opts = options or AlignOptions()
    if len(sources) < 2:
        raise ComparerError("comparing needs at least two sources")
    ids = [s.id for s in sources]
    if len(set(ids)) != len(ids):
        raise ComparerError(f"source ids must differ: {ids}")

    def tick(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise CompareCancelled("comparison cancelled")
        if progress is not None:
            progress(fraction)

    tick(0.0)
    claims: list[Claim] = []
    for s in sources:
        claims.extend(segment(s))
    tick(0.1)
    by_source = {s.id: s for s in sources}
    facts: dict[str, ClaimFacts] = {}
    for s in sources:
        facts.update(extract_source_facts(s, [c for c in claims if c.source == s.id]))
    tick(0.3)
    pairs = align.align(claims, facts, opts, progress=lambda f: tick(0.3 + 0.5 * f))
    tick(0.8)
    links = judge.judge_all(pairs, facts, by_source, opts)
    tick(0.95)
    findings, merged_links, table = discrepancies(links, facts, sources)
    found_checks = [chk for s in sources for chk in checks.check_source(s, claims, facts)]
    found_checks.extend(chk for s in sources for chk in spelling_checks(list(facts.values()), s))
    tick(1.0)
    return Comparison(
        sources=tuple(sources),
        claims=tuple(claims),
        links=merged_links,
        checks=tuple(found_checks),
        options=opts.to_dict(),
        findings=findings,
        facts=table,
    )
