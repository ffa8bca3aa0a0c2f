"""Properties of the engine that hold for any input."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.engine.compare import compare
from comparer.core.errors import ComparerError
from comparer.core.formats.sources import source_from_text

WORDS = (
    "Iran Iraq fired 22 missiles at US bases no one was killed “We will respond,” he said . ? ! "
    "Trump on Wednesday January 8 more than a dozen 15 rockets analysts say casualties being assessed "
    'Qasem Qassim Soleimani Erbil Irbil the of and in 1:20 a.m. " ’ — , \n'
).split(" ")

texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), min_size=1, max_size=60).map(" ".join)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pair(a, b):
    return [source_from_text(a, source_id="a"), source_from_text(b, source_id="b")]


@SETTINGS
@given(texts, texts)
def test_any_input_gives_a_comparison_whose_offsets_stay_inside_the_text(a, b):
    if not a.strip() or not b.strip():
        with pytest.raises(ComparerError, match="no text"):
            compare(_pair(a, b))
        return
    result = compare(_pair(a, b))
    for claim in result.claims:
        text = result.source(claim.source).text
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
    for link in result.links:
        ca, cb = result.claim(link.a), result.claim(link.b)
        assert ca.source != cb.source
        assert 0 <= link.score <= 100
        for f in link.findings:
            for claim, spans in ((ca, f.spans[0]), (cb, f.spans[1])):
                text = result.source(claim.source).text
                assert all(0 <= s.start <= s.end <= len(text) for s in spans)


@SETTINGS
@given(texts, texts)
def test_comparing_a_with_b_mirrors_b_with_a(a, b):
    try:
        forward = compare(_pair(a, b))
        backward = compare(_pair(b, a))
    except ComparerError:
        return

    def key(result, first, second):
        return sorted(
            (
                result.claim(link.a if result.claim(link.a).source == first else link.b).text,
                result.claim(link.b if result.claim(link.b).source == second else link.a).text,
                link.relation,
                round(link.score, 1),
            )
            for link in result.links
        )

    assert key(forward, "a", "b") == key(backward, "b", "a")
