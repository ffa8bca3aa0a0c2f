"""The options of one comparison: one immutable, documented object, recorded in every export."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from comparer.core.errors import OptionsError


@dataclass(frozen=True, kw_only=True, slots=True)
class AlignOptions:
    """How claims are paired and judged.

    min_score: links scoring below this (0–100) are dropped.
    strong_score: links at or above this are treated as the same claim (agree or
        conflict); below it, a link without a conflicting finding is ``related``.
    max_links_per_claim: at most this many links leave one claim towards one other source.
    relative_cutoff: a claim keeps a further link only if its score is at least this
        fraction of that claim's best link score.
    candidates_per_claim: how many blocked candidates are scored per claim.
    unique_below: a body claim whose links are all ``related`` and score below this
        counts as said by its source only.
    """

    min_score: float = 16.0
    strong_score: float = 40.0
    max_links_per_claim: int = 3
    relative_cutoff: float = 0.5
    candidates_per_claim: int = 15
    unique_below: float = 22.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_score <= 100:
            raise OptionsError(f"min_score must be within 0..100, not {self.min_score}")
        if not 0 <= self.strong_score <= 100:
            raise OptionsError(f"strong_score must be within 0..100, not {self.strong_score}")
        if self.max_links_per_claim < 1:
            raise OptionsError("max_links_per_claim must be at least 1")
        if not 0 < self.relative_cutoff <= 1:
            raise OptionsError("relative_cutoff must be within (0, 1]")
        if self.candidates_per_claim < 1:
            raise OptionsError("candidates_per_claim must be at least 1")

    def to_dict(self) -> dict[str, Any]:
        """Plain values, for exports and project files."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AlignOptions:
        """Rebuild from ``to_dict`` output; unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
