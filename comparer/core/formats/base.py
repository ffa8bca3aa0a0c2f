"""What a format reader hands back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from comparer.core.engine.model import RoleHint


@dataclass(frozen=True, slots=True)
class Extracted:
    """Clean article text and what the file says about itself."""

    text: str
    format: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    role_hints: tuple[RoleHint, ...] = ()
