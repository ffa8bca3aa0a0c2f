"""Classroom scoring over words: marking whole sentences cannot buy a good score."""

from __future__ import annotations

import math

import pytest

from comparer.core.project.annotations import SpanRef
from comparer.core.research.classroom import Target, score_marks

TEXTS = {
    "a": "The storm closed 12 schools on Monday. Roads stayed open all week.",
    "b": "The storm closed 15 schools on Monday. Roads stayed open all week.",
}
GOAL = (Target(1, "number_conflict", (SpanRef("a", 17, 27), SpanRef("b", 17, 27)), "12 against 15"),)


def test_the_words_of_the_difference_score_full_marks():
    score = score_marks([SpanRef("b", 17, 19)], GOAL, TEXTS)
    assert score.recall == 1.0
    assert (score.words_marked, score.words_on_target) == (1, 1)
    assert score.word_precision == 1.0
    assert score.f1 == 1.0
    assert "1 of the 1 words you marked" in score.summary()


def test_marking_everything_finds_everything_but_scores_low():
    marks = [SpanRef(sid, 0, len(text)) for sid, text in TEXTS.items()]
    score = score_marks(marks, GOAL, TEXTS)
    assert score.recall == 1.0
    assert score.precision == 1.0  # every mark touches the difference …
    assert score.words_marked == 24
    assert score.word_precision == pytest.approx(4 / 24)  # … but few of its words are one
    assert score.f1 == pytest.approx(2 * (4 / 24) / (1 + 4 / 24))


def test_overlapping_marks_count_each_word_once():
    score = score_marks([SpanRef("a", 0, 19), SpanRef("a", 4, 27)], GOAL, TEXTS)
    assert score.words_marked == 5  # The storm closed 12 schools
    assert score.words_on_target == 2


def test_without_texts_the_score_is_over_marks_as_before():
    score = score_marks([SpanRef("a", 0, 3)], GOAL)
    assert score.words_marked is None
    assert math.isnan(score.word_precision)
    assert score.f1 == 0.0
