"""What a batch is made of: jobs, and the outcome of each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Job:
    """One comparison of a corpus: its name, its files, and dates given for them.

    ``data`` holds the files' bytes when the client sends them to the workers (a cluster with
    no storage shared with the client); empty when the workers read the files themselves."""

    name: str
    files: tuple[Path, ...]
    dates: dict[str, date] = field(default_factory=dict)
    data: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What one job gave: the text to append (empty when it failed), the texts for the side
    outputs in their order, a summary or the error."""

    name: str
    text: str = ""
    summary: str = ""
    error: str = ""
    extra: tuple[str, ...] = ()
