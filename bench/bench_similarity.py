"""How well similarity() ranks graded sentence pairs, against plain word overlap in the same run.

STS-B dev without MSRpar: Spearman of similarity() and of rapidfuzz's token_set_ratio
against the gold score. SICK: how many contradiction pairs of opposite polarity (a
denial against an assertion) would pass as the same claim (score ≥ strong_score),
against entailment pairs; and how many SICK pairs the link relation would call ``agree``, by
wording alone (the rule before) and by the relation now. Also the model's load time.

    .venv/bin/python bench/bench_similarity.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from fit_relation import features as relation_features
from fit_similarity import features, predict, read_sick, read_sts, spearman
from rapidfuzz import fuzz

from comparer.core.engine import semantic
from comparer.core.engine.judge import relation_of
from comparer.core.engine.options import AlignOptions


def main() -> None:
    """Print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    args = ap.parse_args()
    start = time.perf_counter()
    semantic.Embedder()
    print(f"model load: {time.perf_counter() - start:.2f} s")
    coef = dict(semantic.coefficients())

    dev = read_sts(args.data / "stsb" / "sts-dev.csv")
    start = time.perf_counter()
    ours = predict(features(dev), coef)
    took = time.perf_counter() - start
    base = np.array(
        [
            fuzz.token_set_ratio(a.lower(), b.lower(), processor=None)
            for a, b in zip(dev.a, dev.b, strict=True)
        ]
    )
    gold = dev.gold.to_numpy()
    print(f"STS-B dev, no MSRpar ({len(dev)} pairs, {took:.2f} s):")
    print(f"  similarity()       Spearman {spearman(ours, gold):.4f}")
    print(f"  token_set_ratio    Spearman {spearman(base, gold):.4f}")
    for genre in sorted(set(dev.file)):
        mask = (dev.file == genre).to_numpy()
        print(f"    {genre:10s} {mask.sum():4d} pairs  {spearman(ours[mask], gold[mask]):.4f}")

    sick = read_sick(args.data / "sick" / "SICK.txt")
    xs = features(sick)
    score = predict(xs, coef)
    strong = AlignOptions().strong_score / 100.0
    opposite = xs.opposite.to_numpy()
    for label in ("CONTRADICTION", "ENTAILMENT", "NEUTRAL"):
        mask = (sick.label == label).to_numpy()
        both = mask & opposite
        passed = np.mean(score[both] >= strong) if both.any() else 0.0
        print(
            f"SICK {label:13s} {mask.sum():5d} pairs: {np.mean(score[mask] >= strong):6.1%} same claim;"
            f" of opposite polarity {both.sum():4d}: {passed:6.1%}"
        )
    print(f"SICK relatedness Spearman {spearman(score, sick.gold.to_numpy()):.4f}")
    relations(sick)


def relations(sick: pd.DataFrame) -> None:
    """How often a SICK pair would be linked as ``agree``: by wording alone (a score of at least
    strong_score, the rule before the relation used meaning and polarity) and by the relation now
    (the agreement fitted by fit_relation.py)."""
    options = AlignOptions()
    xs = relation_features(list(sick.a), list(sick.b))
    wording = xs.lexical.to_numpy() * 100.0
    opposite = xs.opposite.to_numpy() == 1.0
    agreement = [
        semantic.agreement(
            r.meaning, r.lexical, bool(r.opposite), shared=bool(r.shared), disjoint=bool(r.disjoint)
        )
        for r in xs.itertuples(index=False)
    ]
    now = np.array(
        [
            relation_of((), w, options, agreement=g, opposite=bool(o)) == "agree"
            for w, g, o in zip(wording, agreement, opposite, strict=True)
        ]
    )
    before = wording >= options.strong_score
    for label in ("CONTRADICTION", "ENTAILMENT", "NEUTRAL"):
        mask = (sick.label == label).to_numpy()
        for name, subset in (("all", mask), ("opposite polarity", mask & opposite)):
            if subset.any():
                print(
                    f"SICK {label:13s} {name:17s} {subset.sum():5d} pairs called agree:"
                    f" by wording {np.mean(before[subset]):6.1%}, relation now {np.mean(now[subset]):6.1%}"
                )


if __name__ == "__main__":
    main()
