"""Pair claims of different sources that speak of the same thing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from comparer.core.facts import ClaimFacts
from comparer.core.model import Claim, Evidence
from comparer.core.options import AlignOptions


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored pair of claims, before it is judged."""

    a: Claim
    b: Claim
    score: float
    evidence: Evidence


def similarity(a: str, b: str) -> float:
    """The pair score the aligner uses for two sentences, 0–100."""
    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def align(
    claims: Sequence[Claim],
    facts: Mapping[str, ClaimFacts],
    options: AlignOptions,
    *,
    progress: Callable[[float], None] | None = None,
) -> list[Candidate]:
    """Scored candidate links between body claims of different sources."""
    body = [c for c in claims if c.role == "body"]
    out: list[Candidate] = []
    for i, a in enumerate(body):
        for b in body[i + 1 :]:
            if a.source == b.source:
                continue
            score = similarity(a.text, b.text)
            if score >= 70:
                out.append(
                    Candidate(a, b, score, Evidence(scorer="token_set_ratio", components={"fuzz": score}))
                )
    if progress:
        progress(1.0)
    return out
