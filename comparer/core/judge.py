"""Decide what a linked pair of claims shows: findings and a relation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from comparer.core.align import Candidate
from comparer.core.facts import ClaimFacts
from comparer.core.model import Link, Relation, Source
from comparer.core.options import AlignOptions


def judge_all(
    candidates: Sequence[Candidate],
    facts: Mapping[str, ClaimFacts],
    sources: Mapping[str, Source],
    options: AlignOptions,
) -> list[Link]:
    """Links with their findings and relation, in source order."""
    links = []
    for n, cand in enumerate(candidates, start=1):
        relation: Relation = "agree" if cand.score >= options.strong_score else "related"
        links.append(
            Link(
                id=f"L{n}",
                a=cand.a.id,
                b=cand.b.id,
                score=cand.score,
                relation=relation,
                findings=(),
                evidence=cand.evidence,
            )
        )
    return links
