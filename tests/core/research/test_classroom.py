"""Classroom mode: students' marks scored against the tool's findings and the teacher's labels."""

from __future__ import annotations

import math

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Claim, Comparison, Evidence, Finding, Link, Source, Span
from comparer.core.formats.samples import load_samples
from comparer.core.project.annotations import AddedLink, LinkAnnotation, SpanRef, link_key
from comparer.core.project.store import Project
from comparer.core.research.classroom import TEACHER_KIND, score_marks, targets


def _pair() -> Comparison:
    a = Source(id="a", path="a.txt", text="Police said 5 people died. The mayor spoke at noon.")
    b = Source(id="b", path="b.txt", text="Officials said 7 people died. The mayor spoke at 3 pm.")
    claims = (
        Claim("a1", "a", 0, 26, a.text[0:26], "body", 0),
        Claim("a2", "a", 27, 51, a.text[27:51], "body", 0),
        Claim("b1", "b", 0, 29, b.text[0:29], "body", 0),
        Claim("b2", "b", 30, 54, b.text[30:54], "body", 0),
    )
    number = Finding("number_conflict", ("5", "7"), ((Span(12, 13),), (Span(15, 16),)), "a says 5, b says 7")
    links = (
        Link("L1", "a1", "b1", 80.0, "conflict", (number,), Evidence("t", {})),
        Link("L2", "a2", "b2", 70.0, "agree", (), Evidence("t", {})),
    )
    return Comparison((a, b), claims, links, (), {})


def test_findings_are_targets_and_marks_are_scored():
    comparison = _pair()
    goal = targets(comparison)
    assert [(t.number, t.kind) for t in goal] == [(1, "number_conflict")]
    score = score_marks([SpanRef("b", 15, 16), SpanRef("a", 0, 6)], goal)
    assert score.found == (1,)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(2 / 3)
    assert "found 1 of 1" in score.summary()
    assert score.missed == ()


def test_teacher_corrects_and_completes_the_targets():
    comparison = _pair()
    k1 = link_key(comparison, comparison.links[0])
    k2 = link_key(comparison, comparison.links[1])
    teacher = [
        LinkAnnotation(k1, "T", wrong_findings=(0,)),
        LinkAnnotation(k2, "T", label="conflict", note="noon is not 3 pm"),
    ]
    added = AddedLink("m1", "T", SpanRef("a", 0, 6), SpanRef("b", 0, 9), "2024-01-01T00:00:00+00:00")
    teacher.append(LinkAnnotation(added.key, "T", label="conflict"))
    goal = targets(comparison, teacher, [added])
    assert [t.kind for t in goal] == [TEACHER_KIND, TEACHER_KIND]
    assert goal[0].explanation == "noon is not 3 pm"
    score = score_marks([SpanRef("a", 44, 50)], goal)
    assert score.found == (1,)
    assert [t.number for t in score.missed] == [2]


def test_no_marks_and_no_targets():
    score = score_marks([], [])
    assert math.isnan(score.precision)
    assert math.isnan(score.recall)
    assert math.isnan(score.f1)
    assert "No marks yet" in score.summary()
    assert score_marks([SpanRef("a", 0, 3)], []).precision == 0.0


def test_marks_are_stored_in_the_project(tmp_path):
    comparison = compare(load_samples())
    with Project.create(tmp_path / "class.comparer", comparison) as project:
        first = project.add_mark(SpanRef("a", 0, 10), student="Sam")
        project.add_mark(SpanRef("b", 5, 15), student="Sam")
        project.add_mark(SpanRef("b", 5, 15), student="Kim")
        project.remove_mark(first)
    with Project.open(tmp_path / "class.comparer") as project:
        assert [ref for _, ref in project.marks("Sam")] == [SpanRef("b", 5, 15)]
        goal = targets(project.comparison(), project.annotations("Teacher"), project.added_links())
        score = score_marks([ref for _, ref in project.marks("Sam")], goal)
        assert len(score.marks) == 1
