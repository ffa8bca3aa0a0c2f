"""Words: tokenising, normalising and stemming."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

import snowballstemmer

from comparer.core.engine.model import Span
from comparer.core.lexicon import lexicon

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)

# Function words (words.toml): shared by alignment, names and figures.
STOPWORDS: frozenset[str] = lexicon().words.stopwords


class Token(NamedTuple):
    """A word of a claim: as written, folded, stemmed, and where it stands.

    A named tuple rather than a frozen dataclass: a long comparison makes hundreds of thousands of
    them, and sends them between processes (parallel.py), and a tuple is made and pickled fastest.
    """

    text: str
    norm: str
    stem: str
    span: Span

    @property
    def is_stop(self) -> bool:
        """True for function words that say little about content."""
        return self.norm in STOPWORDS


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes and dashes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-").lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ch for ch in set(decomposed) if ch >= "\u0300" and unicodedata.combining(ch)}
    if not marks:
        return decomposed
    return "".join(ch for ch in decomposed if ch not in marks)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The English Snowball stem of a folded word."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=131072)
def _word_forms(word: str) -> tuple[str, str]:
    norm = fold(word)
    if norm.endswith("'s"):
        norm = norm[:-2]
    return norm, stem(norm)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words of ``text``; spans are shifted by ``offset`` into the source text."""
    tokens: list[Token] = []
    append = tokens.append
    for m in _WORD.finditer(text):
        word = m.group()
        norm, stem_ = _word_forms(word)
        start = m.start() + offset
        append(Token(word, norm, stem_, Span(start, start + len(word))))
    return tokens
