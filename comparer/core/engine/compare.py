"""The comparison pipeline: segment, extract facts, align, judge."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from comparer.core.engine import align, checks, judge, parallel, semantic
from comparer.core.engine.collector import full_collections_held_off
from comparer.core.engine.discrepancies import discrepancies, spelling_checks
from comparer.core.engine.facts import ClaimFacts, extract_source_facts
from comparer.core.engine.model import Claim, Comparison, Source
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.segment import segment
from comparer.core.errors import ComparerError

Progress = Callable[[float], None]
# Claims from which a comparison shares its work with a forked copy of itself (see parallel.py).
PARALLEL_CLAIMS = 1500
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


def _embed_early(texts: list[str]) -> None:
    """Load the embedder and embed ``texts`` into its cache, if they fit it; any failure is left for the
    aligner to meet and report on the comparing thread."""
    try:
        embedder = semantic.embedder()
        if len(texts) <= semantic.CACHE_SIZE:
            embedder.embed(texts)
    except Exception:  # raised again, and reported, where the aligner embeds
        return


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
    # The sentence vectors are made while the facts are read: the embedding runs mostly outside the
    # interpreter lock (the tokenizer and numpy), so it takes a second core; the aligner then finds them
    # in the embedder's cache. On a long comparison a forked copy of this process reads the facts of
    # the later sources meanwhile (it is forked before the embedding thread starts).
    early = threading.Thread(target=_embed_early, args=([c.text for c in claims if c.role == "body"],))
    by_source = {s.id: s for s in sources}
    claims_of = {s.id: [c for c in claims if c.source == s.id] for s in sources}

    def read_facts(group: Sequence[Source]) -> list[dict[str, ClaimFacts]]:
        return [extract_source_facts(s, claims_of[s.id]) for s in group]

    facts: dict[str, ClaimFacts] = {}
    try:
        for part in parallel.in_two(
            read_facts,
            sources,
            at_least=PARALLEL_CLAIMS,
            weights=[len(claims_of[s.id]) for s in sources],
            started=early.start,
        ):
            facts.update(part)
    finally:
        if early.is_alive():
            early.join()
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
