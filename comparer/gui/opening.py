"""Turning what the user chose (files, pasted text) into sources; no widgets here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from comparer.core.engine.model import Source
from comparer.core.errors import SourceLoadError
from comparer.core.formats.sources import load_source, source_from_text, source_ids, supported_suffixes


def file_filter() -> str:
    """Filter string for the open dialog, from the suffixes the core can read."""
    patterns = " ".join(f"*{suffix}" for suffix in supported_suffixes())
    return f"News accounts ({patterns});;All files (*)"


def renumber(sources: Sequence[Source]) -> list[Source]:
    """The same sources with ids a, b, c, … in order."""
    return [replace(s, id=sid) for s, sid in zip(sources, source_ids(len(sources)), strict=True)]


def load_files(paths: Sequence[str], *, first_index: int = 0) -> list[Source]:
    """Load every file or none: the first unreadable file raises :class:`SourceLoadError`."""
    ids = source_ids(first_index + len(paths))[first_index:]
    return [load_source(path, source_id=sid) for path, sid in zip(paths, ids, strict=True)]


def pasted_source(text: str, *, index: int) -> Source:
    """A source from pasted text; raises :class:`SourceLoadError` when there is no text."""
    if not text.strip():
        raise SourceLoadError("<pasted>", "the clipboard holds no text")
    sid = source_ids(index + 1)[index]
    return source_from_text(
        text, source_id=sid, path=f"<pasted {index + 1}>", title=f"Pasted text {index + 1}"
    )
