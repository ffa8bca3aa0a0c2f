"""Everything extracted from one claim, gathered in one place."""

from __future__ import annotations

from dataclasses import dataclass

from comparer.core.model import Claim, Source
from comparer.core.text import Token, tokenize


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """The facts of one claim, with spans into its source's text."""

    claim: Claim
    tokens: tuple[Token, ...]


def extract_facts(claim: Claim, source: Source) -> ClaimFacts:
    """Extract every kind of fact from one claim."""
    return ClaimFacts(claim=claim, tokens=tuple(tokenize(claim.text, claim.start)))
