"""Span-overlap look-ups: the bisection agrees with a scan of every span (hostile input, fault 3)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.engine.casualties import find_casualties
from comparer.core.engine.model import Span
from comparer.core.engine.numbers import find_numbers
from comparer.core.engine.spanset import SpanSet

_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_spans)
def test_span_set_agrees_with_a_scan(pairs: list[tuple[int, int]]) -> None:
    taken = SpanSet()
    naive: list[Span] = []
    for start, length in pairs:
        span = Span(start, start + length)
        expected = any(span.overlaps(t) for t in naive)
        assert taken.overlaps(span) == expected
        if not expected:
            taken.add(span)
            naive.append(span)
    assert len(taken) == len(naive)


def test_one_long_sentence_keeps_every_figure_and_report() -> None:
    text = "Officials said 12 people were killed and 3 were injured, " * 2000
    numbers = find_numbers(text)
    assert len(numbers) == 4000
    assert all(a.span.end <= b.span.start for a, b in pairwise(numbers))
    reports = find_casualties(text)
    assert len(reports) >= 2000
    assert all(a.span.end <= b.span.start for a, b in pairwise(reports))
