"""compare() on hostile text: control characters, NUL, odd quotes, huge numbers, edge dates, long runs.

CI runs a modest number of examples; ``COMPARER_FUZZ_EXAMPLES=5000`` runs a big one by hand.
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.engine.serialize import to_dict

_EXAMPLES = int(os.environ.get("COMPARER_FUZZ_EXAMPLES", "60"))

_PIECES = st.sampled_from(
    [
        "12 people were killed",
        "more than a dozen",
        "9" * 40,
        "1e308",
        "-0",
        "tomorrow",
        "last Friday",
        "December 31, 9999",
        "January 1, 0001",
        "“",
        "”",
        '"',
        "«",
        "he said",
        "According to",
        "Retrieved 8 January 2020",
        "viewed",
        "=SUM(A1)",
        "\x00",
        "\u202e",
        "\ufeff",
        "\r",
        "\n",
        "\n\n",
        ". ",
        "U.S.",
        "Gen.",
        "al-Asad",
        "Erbil",
        "no one was killed",
        "the toll could rise",
        "5:30 p.m. EST",
        "  ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), min_size=1, max_size=40).map("".join)
_DATES = st.one_of(st.none(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]), st.dates())


@settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_TEXT, _TEXT, _DATES, _DATES)
def test_compare_survives_hostile_text(a: str, b: str, day_a: date | None, day_b: date | None) -> None:
    sources = [Source("a", "A", a, published=day_a), Source("b", "B", b, published=day_b)]
    result = compare(sources)
    for link in result.links:
        for claim_id in (link.a, link.b):
            claim = result.claim(claim_id)
            text = result.source(claim.source).text
            assert 0 <= claim.span.start <= claim.span.end <= len(text)
    for claim in result.claims:
        text = result.source(claim.source).text
        assert 0 <= claim.span.start <= claim.span.end <= len(text)
    assert to_dict(result)["schema"] == "comparer/2"
