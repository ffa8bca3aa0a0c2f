"""A small, general lexicon of news concepts, so paraphrases can meet.

Words map to concept tags ("killed", "fatalities" and "casualties" all carry
``casualty``). Place names and demonyms map to one country key, and capitals
used as shorthand for governments ("Washington", "Tehran") map to their country.
Phrases (idioms such as "the ball is in X's court") map to a tag too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from comparer.core.engine.text import fold, stem
from comparer.core.lexicon import alternation, lexicon


@lru_cache(maxsize=1)
def _word_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for concept, words in lexicon().concepts.words:
        for w in words:
            key = stem(w)
            if concept not in table.get(key, ()):
                table[key] = (*table.get(key, ()), concept)
    return table


@lru_cache(maxsize=1)
def country_table() -> Mapping[str, str]:
    """Folded country word (name, demonym, capital) -> country key."""
    table: dict[str, str] = {}
    for country in lexicon().places.countries:
        for w in country.words:
            table[w.replace("-", " ")] = country.key
            table[w.replace(".", "")] = country.key
            table[w.rstrip(".")] = country.key
    return MappingProxyType(table)


def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Phrase concepts (concepts.toml, with {capital} filled in) and country phrases (places.toml)."""
    capitals = alternation(lexicon().places.capitals)
    phrases = [(re.compile(p.replace("{capital}", capitals)), c) for p, c in lexicon().concepts.phrases]
    phrases += [(re.compile(rf"\b{re.escape(p)}\b"), "country:" + k) for p, k in lexicon().places.phrases]
    return tuple(phrases)


_PHRASES = _phrases()
# All of them as one alternation: most sentences hold no phrase at all, and one search tells so.
_ANY_PHRASE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _PHRASES) or r"(?!)")


def concepts_of(norm: str, stem_: str) -> tuple[str, ...]:
    """The concept tags of one folded word (often none)."""
    country = country_table().get(norm)
    if country:
        return ("country:" + country,)
    return _word_table().get(stem_, ())


def phrase_concepts(text: str) -> set[str]:
    """Concept tags carried by multi-word phrases in ``text``."""
    folded = fold(text)
    if not _ANY_PHRASE.search(folded):
        return set()
    return {c for pattern, c in _PHRASES if pattern.search(folded)}
