"""Checks a source raises about itself, such as parts that should add up to a total."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from comparer.core.facts import ClaimFacts
from comparer.core.model import Check, Claim, Source


def check_source(source: Source, claims: Sequence[Claim], facts: Mapping[str, ClaimFacts]) -> list[Check]:
    """Internal checks for one source."""
    return []
