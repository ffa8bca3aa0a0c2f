"""How far annotators agree on link labels: raw agreement, Cohen's kappa, Krippendorff's alpha.

Own implementations, checked against published worked examples and the
``krippendorff`` package in the tests. Items are links (named by their passage
key, so projects of the same sources can be pooled); a rating is the label one
annotator gave one link. A link an annotator rejected counts as ``unrelated``.
Figures that are undefined (for example kappa when both annotators used one
label only) are ``nan`` and print as "undefined".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from comparer.core.project.annotations import LinkAnnotation


@dataclass(frozen=True, slots=True)
class Ratings:
    """Who gave which label to which item. ``values[(item, annotator)]`` is the label."""

    items: tuple[str, ...]
    annotators: tuple[str, ...]
    values: Mapping[tuple[str, str], str]

    def of(self, annotator: str) -> list[str | None]:
        """One annotator's labels in item order (``None`` where they gave none)."""
        return [self.values.get((item, annotator)) for item in self.items]

    def table(self) -> list[list[str | None]]:
        """Reliability data: one row per annotator, one column per item."""
        return [self.of(a) for a in self.annotators]

    def only(self, annotators: Sequence[str]) -> Ratings:
        """The same ratings restricted to ``annotators`` (in that order)."""
        missing = [a for a in annotators if a not in self.annotators]
        if missing:
            raise KeyError(", ".join(missing))
        keep = tuple(annotators)
        values = {k: v for k, v in self.values.items() if k[1] in keep}
        items = tuple(i for i in self.items if any((i, a) in values for a in keep))
        return Ratings(items, keep, values)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """An item annotators labelled differently, to adjudicate."""

    item: str
    labels: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Every figure for one set of ratings."""

    annotators: tuple[str, ...]
    items: int
    paired_items: int
    raw: float
    kappa: float | None
    alpha: float
    categories: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...] | None
    disagreements: tuple[Disagreement, ...]


def ratings_from_annotations(annotations: Iterable[LinkAnnotation]) -> Ratings:
    """Ratings from annotation states: label, or ``unrelated`` for a rejected link."""
    values: dict[tuple[str, str], str] = {}
    for ann in annotations:
        label = "unrelated" if ann.rejected and not ann.label else ann.label
        if label:
            values[(ann.link_key, ann.annotator)] = label
    items = tuple(sorted({k[0] for k in values}))
    annotators = tuple(sorted({k[1] for k in values}))
    return Ratings(items, annotators, values)


def raw_agreement(table: Sequence[Sequence[Hashable | None]]) -> float:
    """Share of agreeing pairs of ratings, averaged over items rated by two or more."""
    per_item: list[float] = []
    for column in zip(*table, strict=True):
        rated = [v for v in column if v is not None]
        if len(rated) < 2:
            continue
        pairs = list(combinations(rated, 2))
        per_item.append(sum(1 for x, y in pairs if x == y) / len(pairs))
    return sum(per_item) / len(per_item) if per_item else math.nan


def cohen_kappa(first: Sequence[Hashable | None], second: Sequence[Hashable | None]) -> float:
    """Cohen's kappa of two annotators over the items both rated."""
    pairs = [(x, y) for x, y in zip(first, second, strict=True) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return math.nan
    observed = sum(1 for x, y in pairs if x == y) / n
    count_a = Counter(x for x, _ in pairs)
    count_b = Counter(y for _, y in pairs)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected == 1:
        return math.nan
    return (observed - expected) / (1 - expected)


def coincidences(table: Sequence[Sequence[Hashable | None]]) -> dict[tuple[Hashable, Hashable], float]:
    """Krippendorff's coincidence matrix ``o[c, k]`` over units with two or more ratings."""
    out: dict[tuple[Hashable, Hashable], float] = {}
    for column in zip(*table, strict=True):
        rated = [v for v in column if v is not None]
        m = len(rated)
        if m < 2:
            continue
        for i, c in enumerate(rated):
            for j, k in enumerate(rated):
                if i != j:
                    out[(c, k)] = out.get((c, k), 0.0) + 1.0 / (m - 1)
    return out


def krippendorff_alpha(table: Sequence[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal data; any number of annotators, ``None`` where missing."""
    o = coincidences(table)
    totals: dict[Hashable, float] = {}
    for (c, _k), v in o.items():
        totals[c] = totals.get(c, 0.0) + v
    n = sum(totals.values())
    if n <= 1:
        return math.nan
    observed = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return math.nan
    return 1.0 - (n - 1) * observed / expected


def confusion_matrix(
    first: Sequence[str | None], second: Sequence[str | None], categories: Sequence[str] | None = None
) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """Counts of (first's label, second's label) over items both rated: rows first, columns second."""
    pairs = [(x, y) for x, y in zip(first, second, strict=True) if x is not None and y is not None]
    cats = tuple(categories) if categories else tuple(sorted({v for p in pairs for v in p}))
    index = {c: i for i, c in enumerate(cats)}
    grid = [[0] * len(cats) for _ in cats]
    for x, y in pairs:
        grid[index[x]][index[y]] += 1
    return cats, tuple(tuple(row) for row in grid)


def disagreements(ratings: Ratings) -> tuple[Disagreement, ...]:
    """Items on which the annotators who rated them did not all give the same label."""
    out: list[Disagreement] = []
    for item in ratings.items:
        labels = {a: ratings.values[(item, a)] for a in ratings.annotators if (item, a) in ratings.values}
        if len(set(labels.values())) > 1:
            out.append(Disagreement(item, labels))
    return tuple(out)


def agreement_report(ratings: Ratings, annotators: Sequence[str] | None = None) -> AgreementReport:
    """All figures for ``ratings`` (restricted to ``annotators`` when given)."""
    r = ratings.only(annotators) if annotators else ratings
    table = r.table()
    paired = (
        sum(1 for col in zip(*table, strict=True) if sum(v is not None for v in col) >= 2) if table else 0
    )
    categories = tuple(sorted(set(r.values.values())))
    kappa: float | None = None
    confusion = None
    if len(r.annotators) == 2:
        kappa = cohen_kappa(table[0], table[1])
        confusion = confusion_matrix(table[0], table[1], categories)[1]
    return AgreementReport(
        annotators=r.annotators,
        items=len(r.items),
        paired_items=paired,
        raw=raw_agreement(table) if table else math.nan,
        kappa=kappa,
        alpha=krippendorff_alpha(table) if table else math.nan,
        categories=categories,
        confusion=confusion,
        disagreements=disagreements(r),
    )


def _fig(value: float | None) -> str:
    return "undefined" if value is None or math.isnan(value) else f"{value:.3f}"


def render_report(report: AgreementReport, *, describe: Mapping[str, str] | None = None) -> str:
    """The figures as plain text; ``describe`` maps an item key to a readable name."""
    lines = [
        f"Annotators: {', '.join(report.annotators) or '(none)'}",
        f"Links labelled: {report.items} ({report.paired_items} by two or more annotators)",
        f"Raw agreement: {_fig(report.raw)}",
    ]
    if report.kappa is not None:
        lines.append(f"Cohen's kappa: {_fig(report.kappa)}")
    lines.append(f"Krippendorff's alpha (nominal): {_fig(report.alpha)}")
    if report.confusion is not None and report.categories:
        first, second = report.annotators
        width = max(len(c) for c in (*report.categories, first)) + 2
        lines += ["", f"Confusion matrix (rows: {first}, columns: {second})"]
        lines.append(" " * width + "".join(c.rjust(width) for c in report.categories))
        for cat, row in zip(report.categories, report.confusion, strict=True):
            lines.append(cat.ljust(width) + "".join(str(v).rjust(width) for v in row))
    if report.disagreements:
        lines += ["", f"Disagreements to adjudicate: {len(report.disagreements)}"]
        for d in report.disagreements:
            name = (describe or {}).get(d.item, d.item)
            lines.append(f"  {name}: " + "; ".join(f"{a}={v}" for a, v in d.labels.items()))
    return "\n".join(lines) + "\n"
