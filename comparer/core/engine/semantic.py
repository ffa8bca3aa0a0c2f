"""Sentence meaning as static embeddings, read from files an installed package ships.

The vectors come from the ``wordllama`` package, whose wheel carries its token
embedding matrix (safetensors) and its tokenizer. Its own loader looks in a
folder the wheel does not use and then downloads; this module reads the two
files from the installed package folder directly and never touches the network.

A sentence is the mean of its token vectors, scaled to unit length, so the
meaning of two sentences is compared by their dot product (cosine). Vectors are
kept in a bounded cache by text, so each claim is embedded once per session.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from comparer.core.lexicon import alternation, lexicon

PACKAGE = "wordllama"
WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
TENSOR = "embedding.weight"
CACHE_SIZE = 20_000
BATCH = 256

Vector = npt.NDArray[np.float32]


class SemanticModelMissing(RuntimeError):
    """The embedding files are not installed (the ``wordllama`` package is missing)."""


def package_folder() -> Path:
    """The folder holding the package's data files, found without importing the package.

    In a frozen bundle the files sit in a folder of that name beside the app's own data.
    """
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled and (Path(bundled) / PACKAGE / WEIGHTS).is_file():
        return Path(bundled) / PACKAGE
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SemanticModelMissing(f"the {PACKAGE} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


class Embedder:
    """Token embeddings and their tokenizer; turns sentences into unit vectors."""

    def __init__(self, folder: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        base = folder or package_folder()
        weights, tokenizer = base / WEIGHTS, base / TOKENIZER
        if not weights.is_file() or not tokenizer.is_file():
            raise SemanticModelMissing(f"embedding files not found under {base}")
        self.matrix: Vector = np.ascontiguousarray(load_file(str(weights))[TENSOR], dtype=np.float32)
        self.tokenizer: Any = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        """Length of a sentence vector."""
        return int(self.matrix.shape[1])

    def _embed_new(self, texts: Sequence[str]) -> Vector:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        last = self.matrix.shape[0] - 1
        for start in range(0, len(texts), BATCH):
            encodings = self.tokenizer.encode_batch(
                list(texts[start : start + BATCH]), add_special_tokens=False
            )
            for row, enc in enumerate(encodings, start):
                ids = np.asarray(enc.ids, dtype=np.int64)
                if not ids.size:
                    continue
                # the mean and the length as numpy's mean and norm make them (the sum divided by the count
                # in place; the square root of the dot product), without their checks: this runs once a
                # sentence, beside the reading of facts, and those checks held the interpreter lock longer
                np.minimum(ids, last, out=ids)  # np.clip(ids, 0, last), as two plain ufuncs
                np.maximum(ids, 0, out=ids)
                vec = np.add.reduce(self.matrix[ids], axis=0)
                np.true_divide(vec, np.intp(ids.size), out=vec, casting="unsafe")
                norm = float(np.sqrt(vec.dot(vec)))
                if norm > 0:
                    out[row] = vec / norm
        return out

    def embed(self, texts: Sequence[str]) -> Vector:
        """Unit vectors for ``texts`` (one row each), embedding only those not seen before."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                for text, vec in zip(missing, self._embed_new(missing), strict=True):
                    self._cache[text] = vec
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            rows = [self._cache[t] for t in texts]
            for t in texts:
                self._cache.move_to_end(t)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack(rows)

    def cosine(self, a: str, b: str) -> float:
        """Cosine of the two sentences' vectors (−1 … 1; 0 when either has no known token)."""
        va, vb = self.embed([a, b])
        return float(np.dot(va, vb))


_shared: Embedder | None = None
_shared_lock = threading.Lock()


def embedder() -> Embedder:
    """The one embedder of this process, loaded on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Embedder()
        return _shared


# Words that turn a statement into its denial ("no one was hurt" / "people were hurt").
_NEGATION = re.compile(rf"\b(?:{alternation(lexicon().words.negations)})\b|n't\b", re.IGNORECASE)
# Where one clause ends and the next begins: a denial belongs to its clause, so two denied clauses
# ("it does not plan attacks and is not looking for escalation") do not cancel out.
_CLAUSE_BREAK = re.compile(
    rf"[,;:()\u2014\u2013]|\s-\s|\b(?:{alternation(lexicon().words.clause_words)})\b",
    re.IGNORECASE,
)


def negations(text: str) -> int:
    """How many denials ``text`` holds."""
    return len(_NEGATION.findall(text.replace("\u2019", "'")))


@lru_cache(maxsize=65536)
def denies(text: str) -> bool:
    """True when some clause of ``text`` is a denial (holds an odd number of denial words)."""
    return any(negations(clause) % 2 == 1 for clause in _CLAUSE_BREAK.split(text.replace("\u2019", "'")))


def opposite_polarity(a: str, b: str) -> bool:
    """True when one sentence denies something and the other denies nothing.

    Two sentences that both deny ("no appetite for war" / "does not seek escalation") are of
    one polarity however many denial words each holds.
    """
    return denies(a) != denies(b)


@lru_cache(maxsize=1)
def coefficients() -> Mapping[str, Any]:
    """The fitted combination of meaning and wording (``resources/similarity/coefficients.json``)."""
    path = resources.files("comparer.resources") / "similarity" / "coefficients.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def combine(meaning: float, lexical: float, opposite: bool, coef: Mapping[str, Any] | None = None) -> float:
    """Similarity (0–1) of two claims from their meaning (cosine), wording (0–1) and polarity.

    A linear model fitted on graded sentence pairs; a denial against an assertion is
    then scaled by ``opposite_factor``, since the two cannot be the same claim.
    """
    c = coef or coefficients()
    w = c["weights"]
    value = (
        w["intercept"]
        + w["meaning"] * meaning
        + w["lexical"] * lexical
        + w["meaning_x_lexical"] * meaning * lexical
        + w["meaning_sq"] * meaning * meaning
    )
    value = min(1.0, max(0.0, float(value) / float(c["scale"])))
    if opposite:
        value *= float(c["opposite_factor"])
    return value


@lru_cache(maxsize=1)
def relation_model() -> Mapping[str, Any]:
    """The fitted agree decision (``resources/similarity/relation.json``, see bench/fit_relation.py)."""
    path = resources.files("comparer.resources") / "similarity" / "relation.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def agreement(
    meaning: float,
    lexical: float,
    opposite: bool,
    *,
    shared: bool,
    disjoint: bool,
    model: Mapping[str, Any] | None = None,
) -> float:
    """How likely (0–1) two claims state one proposition, from their meaning (cosine), wording
    (0–1), polarity and specifics (``shared``: a name, figure or day in common; ``disjoint``:
    both name some, none in common).

    A logistic model fitted on SICK entailment and STS-B same-claim pairs whose wording alone
    would not make them one claim; the link is ``agree`` at ``model["threshold"]`` or above.
    """
    m = model or relation_model()
    terms = {
        "meaning": meaning,
        "lexical": lexical,
        "meaning_x_lexical": meaning * lexical,
        "opposite": float(opposite),
        "shared": float(shared),
        "disjoint": float(disjoint),
    }
    w = m["weights"]
    z = float(w["intercept"]) + sum(float(v) * terms[k] for k, v in w.items() if k != "intercept")
    return 1.0 / (1.0 + math.exp(-z))
