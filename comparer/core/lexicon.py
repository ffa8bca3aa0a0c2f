"""The engine's word lists, read once from ``resources/lexicon/*.toml``.

Lists live in data so that a linguist can extend them without touching code, and so
that every output can record which lists produced it (:func:`lexicon_stamp`).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from comparer.core.errors import ComparerError


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure can measure: deaths, injured, missing …"""

    name: str
    label: str
    words: tuple[str, ...]
    counted: bool
    rank: int


@dataclass(frozen=True, slots=True)
class MeasureLexicon:
    """Measures, the nouns that count people and their groups."""

    measures: tuple[Measure, ...]
    people: frozenset[str]
    groups: dict[str, str]  # people noun -> group name
    money_signs: tuple[str, ...] = ()
    money_words: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()

    def measure(self, name: str) -> Measure | None:
        """The measure with this name, if the lexicon has it."""
        return next((m for m in self.measures if m.name == name), None)


def _read(name: str) -> tuple[dict[str, Any], bytes]:
    path = resources.files("comparer.resources") / "lexicon" / name
    try:
        raw = path.read_bytes()
        return tomllib.loads(raw.decode("utf-8")), raw
    except (OSError, ValueError) as exc:
        raise ComparerError(f"the lexicon file {name} cannot be read ({exc})") from exc


LEXICON_FILES = ("measures.toml",)


@lru_cache(maxsize=1)
def measure_lexicon() -> MeasureLexicon:
    """The measures lexicon (``resources/lexicon/measures.toml``)."""
    data, _ = _read("measures.toml")
    measures = tuple(
        Measure(
            name=name,
            label=str(entry.get("label", name)),
            words=tuple(str(w).lower() for w in entry.get("words", ())),
            counted=bool(entry.get("counted", False)),
            rank=int(entry.get("rank", 99)),
        )
        for name, entry in data.get("measure", {}).items()
    )
    groups = {str(w).lower(): group for group, words in data.get("groups", {}).items() for w in words}
    people = frozenset(str(w).lower() for w in data.get("people", {}).get("words", ()))
    money = data.get("money", {})
    return MeasureLexicon(
        measures=measures,
        people=people,
        groups=groups,
        money_signs=tuple(sorted((str(x) for x in money.get("signs", ())), key=len, reverse=True)),
        money_words=frozenset(str(w).lower() for w in money.get("words", ())),
        media_words=frozenset(str(w).lower() for w in data.get("media", {}).get("words", ())),
    )


@lru_cache(maxsize=1)
def lexicon_stamp() -> dict[str, str]:
    """The lexicon's version and a hash of its files, recorded in every output."""
    digest = hashlib.sha256()
    versions = []
    for name in LEXICON_FILES:
        data, raw = _read(name)
        digest.update(name.encode() + b"\0" + raw)
        versions.append(f"{name.removesuffix('.toml')}-{data.get('version', 0)}")
    return {"version": "+".join(versions), "sha256": digest.hexdigest()[:16]}
