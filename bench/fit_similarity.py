"""Fit how similarity() combines meaning and wording; write resources/similarity/coefficients.json.

Least squares on STS-B train (gold score / 5) for a few candidate feature sets;
the set with the best Spearman on STS-B dev is kept (MSRpar rows are left out).
The factor for a denial against an assertion is chosen on SICK: the largest
factor (of a grid) that keeps 95 % of its contradiction pairs of opposite
polarity below the engine's strong score. The result is divided by the model's
value for identical sentences, so they score 100.

    .venv/bin/python bench/fit_similarity.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

from comparer.core.engine import semantic
from comparer.core.engine.align import lexical_similarity
from comparer.core.engine.options import AlignOptions

OUT = Path(__file__).resolve().parent.parent / "resources" / "similarity" / "coefficients.json"
TERMS = ("meaning", "lexical", "meaning_x_lexical", "meaning_sq")
CANDIDATES: dict[str, tuple[str, ...]] = {
    "meaning": ("meaning",),
    "meaning+lexical": ("meaning", "lexical"),
    "meaning+lexical+product": ("meaning", "lexical", "meaning_x_lexical"),
    "meaning+square+lexical": ("meaning", "meaning_sq", "lexical"),
    "all": TERMS,
}


def read_sts(path: Path) -> pd.DataFrame:
    """STS-B rows (first 7 columns), without MSRpar."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 7 and cols[1] != "MSRpar":
            rows.append((cols[1], float(cols[4]), cols[5], cols[6]))
    return pd.DataFrame(rows, columns=["file", "gold", "a", "b"])


def read_sick(path: Path) -> pd.DataFrame:
    """SICK pairs with relatedness and entailment label."""
    df = pd.read_csv(path, sep="\t", usecols=[1, 2, 3, 4], quoting=3)
    df.columns = ["a", "b", "gold", "label"]
    return df


def features(df: pd.DataFrame) -> pd.DataFrame:
    """The terms of the model for each pair."""
    emb = semantic.embedder()
    va, vb = emb.embed(list(df.a)), emb.embed(list(df.b))
    meaning = (va * vb).sum(axis=1)
    lexical = np.array([lexical_similarity(a, b) / 100.0 for a, b in zip(df.a, df.b, strict=True)])
    return pd.DataFrame(
        {
            "meaning": meaning,
            "lexical": lexical,
            "meaning_x_lexical": meaning * lexical,
            "meaning_sq": meaning * meaning,
            "opposite": [semantic.opposite_polarity(a, b) for a, b in zip(df.a, df.b, strict=True)],
        }
    )


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rank correlation."""
    return float(pd.Series(x).rank().corr(pd.Series(y).rank()))


def fit(x: pd.DataFrame, y: np.ndarray, terms: tuple[str, ...]) -> dict[str, float]:
    """Least-squares weights for ``terms`` (the others zero)."""
    design = np.column_stack([np.ones(len(x))] + [x[t].to_numpy() for t in terms])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    weights = dict.fromkeys(("intercept", *TERMS), 0.0)
    weights["intercept"] = float(beta[0])
    for t, b in zip(terms, beta[1:], strict=True):
        weights[t] = float(b)
    return weights


def predict(x: pd.DataFrame, coef: dict[str, object]) -> np.ndarray:
    """similarity() / 100 for precomputed features."""
    return np.array(
        [semantic.combine(r.meaning, r.lexical, bool(r.opposite), coef) for r in x.itertuples(index=False)]
    )


def main() -> None:
    """Fit, choose, write."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    args = ap.parse_args()
    train, dev = read_sts(args.data / "stsb" / "sts-train.csv"), read_sts(args.data / "stsb" / "sts-dev.csv")
    xt, xd = features(train), features(dev)
    yt = train.gold.to_numpy() / 5.0
    results = {}
    best_name, best = "", -1.0
    for name, terms in CANDIDATES.items():
        coef: dict[str, object] = {"weights": fit(xt, yt, terms), "scale": 1.0, "opposite_factor": 1.0}
        rho = spearman(predict(xd, coef), dev.gold.to_numpy())
        results[name] = round(rho, 4)
        print(f"{name:28s} dev Spearman {rho:.4f}")
        if rho > best:
            best_name, best, chosen = name, rho, coef
    # Identical sentences score 100: divide by the model's value there (monotonic, ranks unchanged).
    w = chosen["weights"]
    at_one = w["intercept"] + sum(w[t] for t in TERMS)
    chosen["scale"] = round(float(at_one), 6) if at_one > 0 else 1.0
    sick = read_sick(args.data / "sick" / "SICK.txt")
    xs = features(sick)
    contra = (sick.label == "CONTRADICTION").to_numpy() & xs.opposite.to_numpy()
    base = predict(xs.assign(opposite=False), chosen)
    strong = AlignOptions().strong_score / 100.0
    factor = 1.0
    for f in np.arange(1.0, 0.0, -0.05):
        if np.mean(base[contra] * f < strong) >= 0.95:
            factor = round(float(f), 2)
            break
    chosen["opposite_factor"] = factor
    chosen["fitted"] = {
        "model": "linear least squares on gold/5, clipped to 0..1, then x opposite_factor",
        "terms": list(CANDIDATES[best_name]),
        "train": "STS-B sts-train.csv without MSRpar",
        "chosen_on": "STS-B sts-dev.csv without MSRpar (Spearman)",
        "candidates_dev_spearman": results,
        "opposite_factor_chosen_on": (
            "SICK: largest factor keeping 95% of CONTRADICTION pairs of opposite polarity below strong_score"
        ),
        "embedding": f"{semantic.PACKAGE} {semantic.WEIGHTS}",
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(chosen, indent=2) + "\n", encoding="utf-8")
    print(f"chose {best_name} (dev {best:.4f}), opposite factor {factor}; wrote {OUT}")


if __name__ == "__main__":
    main()
