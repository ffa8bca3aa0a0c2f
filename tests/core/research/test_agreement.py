"""Agreement figures equal published worked examples and the krippendorff package."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.project.annotations import LinkAnnotation
from comparer.core.research.agreement import (
    Ratings,
    agreement_report,
    cohen_kappa,
    confusion_matrix,
    disagreements,
    krippendorff_alpha,
    ratings_from_annotations,
    raw_agreement,
    render_report,
)

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
# four observers, twelve units, nominal values 1-5, with missing data. Published alpha = 0.743.
KRIPPENDORFF_2011_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Same paper, example A: binary data, two observers, ten units. Published alpha = 0.095.
KRIPPENDORFF_2011_A = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


def _package_alpha(table):
    data = [[np.nan if v is None else v for v in row] for row in table]
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def test_krippendorff_2011_nominal_example_with_missing_data():
    assert round(krippendorff_alpha(KRIPPENDORFF_2011_C), 3) == 0.743
    assert krippendorff_alpha(KRIPPENDORFF_2011_C) == pytest.approx(_package_alpha(KRIPPENDORFF_2011_C))


def test_krippendorff_2011_binary_example():
    assert round(krippendorff_alpha(KRIPPENDORFF_2011_A), 3) == 0.095


def test_krippendorff_alpha_with_labels_as_strings():
    as_text = [[None if v is None else f"label{v}" for v in row] for row in KRIPPENDORFF_2011_C]
    assert krippendorff_alpha(as_text) == pytest.approx(0.743421052631579)


def _cohen_table(yes_yes: int, yes_no: int, no_yes: int, no_no: int) -> tuple[list[str], list[str]]:
    cells = [("yes", "yes")] * yes_yes + [("yes", "no")] * yes_no + [("no", "yes")] * no_yes
    cells += [("no", "no")] * no_no
    return [a for a, _ in cells], [b for _, b in cells]


def test_cohen_kappa_textbook_example():
    # 50 grant proposals read by two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    # p_o = 0.70, p_e = 0.50, kappa = 0.40 (the worked example in most textbooks and Wikipedia).
    a, b = _cohen_table(20, 5, 10, 15)
    assert raw_agreement([a, b]) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx(0.40)
    cats, grid = confusion_matrix(a, b, ["yes", "no"])
    assert cats == ("yes", "no")
    assert grid == ((20, 5), (10, 15))


def test_cohen_kappa_second_worked_example():
    # Unequal marginals: 45 yes/yes, 15 yes/no, 25 no/yes, 15 no/no -> p_o 0.60, p_e 0.54, kappa 0.1304.
    a, b = _cohen_table(45, 15, 25, 15)
    assert cohen_kappa(a, b) == pytest.approx(0.06 / 0.46)


def test_undefined_figures_are_nan():
    assert math.isnan(cohen_kappa(["agree"] * 3, ["agree"] * 3))
    assert math.isnan(krippendorff_alpha([["agree"] * 3, ["agree"] * 3]))
    assert math.isnan(cohen_kappa([None], ["agree"]))


values = st.one_of(st.none(), st.sampled_from(["agree", "conflict", "related", "unrelated"]))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda n: st.lists(st.lists(values, min_size=n, max_size=n), min_size=2, max_size=5)
    )
)
def test_alpha_matches_the_krippendorff_package(table):
    ours = krippendorff_alpha(table)
    codes = {"agree": 1, "conflict": 2, "related": 3, "unrelated": 4}
    numeric = [[None if v is None else codes[v] for v in row] for row in table]
    paired = [col for col in zip(*numeric, strict=True) if sum(v is not None for v in col) >= 2]
    distinct = {v for col in paired for v in col if v is not None}
    if len(distinct) < 2:
        assert math.isnan(ours)
        return
    assert ours == pytest.approx(_package_alpha(numeric))


def _ann(key: str, who: str, label: str | None, rejected: bool = False) -> LinkAnnotation:
    return LinkAnnotation(link_key=key, annotator=who, label=label, rejected=rejected)


def test_report_from_annotations_lists_disagreements():
    anns = [
        _ann("k1", "Ana", "agree"),
        _ann("k1", "Ben", "agree"),
        _ann("k2", "Ana", "conflict"),
        _ann("k2", "Ben", "related"),
        _ann("k3", "Ana", None, rejected=True),
        _ann("k3", "Ben", "unrelated"),
        _ann("k4", "Ana", "agree"),
    ]
    ratings = ratings_from_annotations(anns)
    assert ratings.annotators == ("Ana", "Ben")
    assert ratings.values[("k3", "Ana")] == "unrelated"
    report = agreement_report(ratings)
    assert (report.items, report.paired_items) == (4, 3)
    assert report.raw == pytest.approx(2 / 3)
    assert report.kappa is not None
    assert [d.item for d in disagreements(ratings)] == ["k2"]
    text = render_report(report, describe={"k2": "L2"})
    assert "Cohen's kappa" in text
    assert "L2: Ana=conflict; Ben=related" in text
    assert "Krippendorff's alpha (nominal)" in text


def test_three_annotators_have_no_kappa_but_alpha():
    values = {("u1", "A"): "x", ("u1", "B"): "x", ("u1", "C"): "y", ("u2", "A"): "y", ("u2", "C"): "y"}
    report = agreement_report(Ratings(("u1", "u2"), ("A", "B", "C"), values))
    assert report.kappa is None
    assert report.confusion is None
    assert not math.isnan(report.alpha)
    only_two = agreement_report(Ratings(("u1", "u2"), ("A", "B", "C"), values), ["A", "C"])
    assert only_two.annotators == ("A", "C")
    with pytest.raises(KeyError):
        agreement_report(Ratings(("u1",), ("A",), {("u1", "A"): "x"}), ["Z"])
