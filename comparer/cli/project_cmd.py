"""Project commands (export, agreement)."""

from __future__ import annotations

from typing import Any


def add_parser(sub: Any) -> None:
    """Register the commands (none yet)."""
