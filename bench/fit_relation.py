"""Fit when a link's relation is ``agree``; write resources/similarity/relation.json.

"agree" means the two claims state one proposition. SICK's entailment label is the
closest public label for that, and STS-B's gold score of at least 3.8 ("mostly
equivalent") another. The model decides only below the engine's strong score (a link
scoring at least that agrees by its wording), so it is fitted on the pairs whose wording
score is below it: a logistic model of the pair's terms (meaning, wording, their product,
polarity, shared and disjoint specifics) on SICK's train part and STS-B train (without
MSRpar). SICK has no split in its file, so a fifth of its pairs (pair id divisible by 5)
is held out as its dev part. Of a few candidate term sets, the one with the best
log-likelihood on the dev parts is kept; its threshold is the probability (of a 0.01
grid) with the best F1 on the dev parts. The same figures are printed for the rule
before (fitted similarity at least 0.55), and the share of SICK contradiction pairs
called agree.

    .venv/bin/python bench/fit_relation.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from fit_similarity import read_sick, read_sts

from comparer.core.engine import semantic
from comparer.core.engine.align import pair_terms
from comparer.core.engine.options import AlignOptions

OUT = Path(__file__).resolve().parent.parent / "resources" / "similarity" / "relation.json"
SAME_CLAIM_STS = 3.8
# The rule the fitted decision replaces: the fitted similarity at least this.
RULE_BEFORE = 0.55
CANDIDATES: dict[str, tuple[str, ...]] = {
    "meaning+lexical": ("meaning", "lexical"),
    "meaning+lexical+product": ("meaning", "lexical", "meaning_x_lexical"),
    "+opposite": ("meaning", "lexical", "meaning_x_lexical", "opposite"),
    "+opposite+specifics": ("meaning", "lexical", "meaning_x_lexical", "opposite", "shared", "disjoint"),
}


def features(a: list[str], b: list[str]) -> pd.DataFrame:
    """The model's terms for each pair of sentences."""
    emb = semantic.embedder()
    meaning = (emb.embed(a) * emb.embed(b)).sum(axis=1)
    terms = [pair_terms(x, y) for x, y in zip(a, b, strict=True)]
    lexical = np.array([t.lexical for t in terms])
    return pd.DataFrame(
        {
            "meaning": meaning,
            "lexical": lexical,
            "meaning_x_lexical": meaning * lexical,
            "opposite": [float(semantic.opposite_polarity(x, y)) for x, y in zip(a, b, strict=True)],
            "shared": [float(t.shared_specifics) for t in terms],
            "disjoint": [float(t.disjoint_specifics) for t in terms],
        }
    )


def logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1e-3, steps: int = 50) -> np.ndarray:
    """Weights (intercept first) of a logistic regression, by Newton's method with a small ridge."""
    design = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        grad = design.T @ (p - y) + ridge * np.r_[0.0, beta[1:]]
        hess = (design * (p * (1 - p))[:, None]).T @ design + ridge * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta


def probability(x: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """P(same claim) for a design without its intercept column."""
    return 1.0 / (1.0 + np.exp(-(beta[0] + x @ beta[1:])))


def log_likelihood(p: np.ndarray, y: np.ndarray) -> float:
    """Mean log-likelihood of labels ``y`` under probabilities ``p``."""
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def f1(called: np.ndarray, y: np.ndarray) -> float:
    """F1 of calling ``called`` pairs positive."""
    hits = float((called & (y == 1)).sum())
    return 2 * hits / (called.sum() + y.sum()) if called.any() else 0.0


def threshold_for(p: np.ndarray, y: np.ndarray) -> float:
    """The probability (of a 0.01 grid) whose decision has the best F1."""
    grid = np.round(np.arange(0.01, 1.0, 0.01), 2)
    return float(grid[int(np.argmax([f1(p >= t, y) for t in grid]))])


def load(data: Path) -> dict[str, tuple[pd.DataFrame, np.ndarray, np.ndarray]]:
    """Features, labels and SICK label names (empty for STS-B) of each part."""
    sick = read_sick(data / "sick" / "SICK.txt")
    ids = pd.read_csv(data / "sick" / "SICK.txt", sep="\t", usecols=[0], quoting=3).iloc[:, 0].to_numpy()
    held = ids % 5 == 0
    parts: dict[str, tuple[pd.DataFrame, np.ndarray, np.ndarray]] = {}
    for name, mask in (("sick_train", ~held), ("sick_dev", held)):
        part = sick[mask]
        y = (part.label == "ENTAILMENT").to_numpy(dtype=float)
        parts[name] = (features(list(part.a), list(part.b)), y, part.label.to_numpy())
    for name, file in (("sts_train", "sts-train.csv"), ("sts_dev", "sts-dev.csv")):
        sts = read_sts(data / "stsb" / file)
        y = (sts.gold >= SAME_CLAIM_STS).to_numpy(dtype=float)
        parts[name] = (features(list(sts.a), list(sts.b)), y, np.array([""] * len(sts)))
    # Only pairs the decision is for: those whose wording alone does not make them one claim.
    below = AlignOptions().strong_score / 100.0
    for name, (x, y, labels) in parts.items():
        keep = (x.lexical < below).to_numpy()
        parts[name] = (x[keep].reset_index(drop=True), y[keep], labels[keep])
    return parts


def rule_before(x: pd.DataFrame) -> np.ndarray:
    """The decision the fitted one replaces: the fitted similarity at least RULE_BEFORE."""
    return np.array(
        [
            semantic.combine(r.meaning, r.lexical, bool(r.opposite)) >= RULE_BEFORE
            for r in x.itertuples(index=False)
        ]
    )


def figures_of(called: np.ndarray, y: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of a decision; for SICK, the shares of its other labels called agree."""
    row = {
        "pairs": len(y),
        "same_claim": int(y.sum()),
        "called_agree": int(called.sum()),
        "precision": round(float(y[called].mean()) if called.any() else 1.0, 3),
        "recall": round(float(called[y == 1].mean()) if y.any() else 0.0, 3),
        "f1": round(float(f1(called, y)), 3),
    }
    if (labels != "").any():
        for label in ("CONTRADICTION", "NEUTRAL"):
            row[f"{label.lower()}_called_agree"] = round(float(called[labels == label].mean()), 3)
    return row


def main() -> None:
    """Fit, choose, write."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    args = ap.parse_args()
    parts = load(args.data)
    train = pd.concat([parts["sick_train"][0], parts["sts_train"][0]])
    y_train = np.concatenate([parts["sick_train"][1], parts["sts_train"][1]])
    dev = pd.concat([parts["sick_dev"][0], parts["sts_dev"][0]])
    y_dev = np.concatenate([parts["sick_dev"][1], parts["sts_dev"][1]])
    results: dict[str, float] = {}
    best_name, best_ll, best_beta = "", -np.inf, np.zeros(1)
    for name, terms in CANDIDATES.items():
        beta = logistic(train[list(terms)].to_numpy(), y_train)
        ll = log_likelihood(probability(dev[list(terms)].to_numpy(), beta), y_dev)
        results[name] = round(ll, 4)
        print(f"{name:28s} dev log-likelihood {ll:.4f}")
        if ll > best_ll:
            best_name, best_ll, best_beta = name, ll, beta
    terms = CANDIDATES[best_name]
    p_dev = probability(dev[list(terms)].to_numpy(), best_beta)
    threshold = threshold_for(p_dev, y_dev)
    figures: dict[str, dict[str, float]] = {}
    before: dict[str, dict[str, float]] = {}
    for name, (x, y, labels) in parts.items():
        called = probability(x[list(terms)].to_numpy(), best_beta) >= threshold
        figures[name] = figures_of(called, y, labels)
        before[name] = figures_of(rule_before(x), y, labels)
        print(f"{name:10s} fitted {figures[name]}")
        print(f"{'':10s} before {before[name]}")
    weights = {"intercept": float(best_beta[0])} | {
        t: float(b) for t, b in zip(terms, best_beta[1:], strict=True)
    }
    out = {
        "weights": weights,
        "threshold": threshold,
        "fitted": {
            "model": "logistic regression (Newton, ridge 1e-3) of P(same claim)",
            "terms": list(terms),
            "labels": (
                f"SICK ENTAILMENT = 1, NEUTRAL and CONTRADICTION = 0; STS-B gold >= {SAME_CLAIM_STS} = 1"
            ),
            "pairs": "only those whose wording score (lexical_similarity) is below strong_score",
            "train": "SICK pairs with pair_ID % 5 != 0, STS-B sts-train.csv without MSRpar",
            "dev": "SICK pairs with pair_ID % 5 == 0, STS-B sts-dev.csv without MSRpar",
            "chosen_on": "dev log-likelihood",
            "candidates_dev_log_likelihood": results,
            "threshold_chosen_on": "dev (SICK and STS-B together): best F1 on a 0.01 grid",
            "figures_at_threshold": figures,
            f"figures_of_the_rule_before (similarity >= {RULE_BEFORE})": before,
            "embedding": f"{semantic.PACKAGE} {semantic.WEIGHTS}",
        },
    }
    OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"chose {best_name} (dev log-likelihood {best_ll:.4f}), threshold {threshold}; wrote {OUT}")


if __name__ == "__main__":
    main()
