"""Boilerplate patterns match citations only, and stay linear on long paragraphs (hostile input, fault 3)."""

from __future__ import annotations

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.engine.segment import role_of


@pytest.mark.parametrize(
    "line",
    [
        "Smith, J. (2020). A report on the strike. Retrieved 8 January 2020.",
        "Agency report, accessed January 8, 2020, at the archive.",
        "Archive copy [Accessed 8 Jan. 2020]",
        "Report of the ministry (viewed on 2020-01-08).",
        "Wire story. Retrieved from https://example.org/story on Tuesday.",
    ],
)
def test_citation_lines_are_boilerplate(line: str) -> None:
    assert role_of(line, 1) == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        "Hackers accessed the records of 1200 soldiers in 2019, officials said.",
        "The clip was viewed more than 2000 times before it was removed in 2021.",
        "Investigators retrieved the flight recorder on Friday and sent it to a lab in 2020 terms.",
    ],
)
def test_news_sentences_with_those_verbs_are_body(line: str) -> None:
    assert role_of(line, 1) == "body"


def test_a_long_paragraph_of_the_verb_is_read_as_body() -> None:
    # On the old pattern each "viewed" scanned the rest of the paragraph for a year; this is 20,000 of them.
    line = "The clip was viewed again. " * 20000 + "It was 2019."
    assert role_of(line.strip(), 20001) == "body"


def test_sentences_with_those_verbs_are_linked() -> None:
    a = Source("a", "A", "Hackers accessed the records of 1200 soldiers in 2019, the ministry said.\n")
    b = Source("b", "B", "Hackers accessed the records of 300 soldiers in 2019, the ministry said.\n")
    result = compare([a, b])
    assert result.links, "the two sentences should be linked"
