"""Golden cases for the findings on a pair of sentences, including ones that must stay unflagged."""

import json
from datetime import date
from pathlib import Path

import pytest

from comparer.core.engine.facts import extract_source_facts
from comparer.core.engine.judge import findings_for, relation_of
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.segment import segment
from comparer.core.formats.sources import source_from_text

CASES = json.loads(
    (Path(__file__).resolve().parents[2] / "cases" / "findings.json").read_text(encoding="utf-8")
)["cases"]


def judge_pair(case):
    published = date.fromisoformat(case.get("published", "2020-01-08"))
    published_b = date.fromisoformat(case.get("published_b", published.isoformat()))
    sa = source_from_text(case["a"], source_id="a", published=published)
    sb = source_from_text(case["b"], source_id="b", published=published_b)
    facts = {}
    for src in (sa, sb):
        claims = segment(src)
        assert [c.role for c in claims] == ["body"], case["id"]
        facts.update(extract_source_facts(src, claims))
    fa, fb = facts["a:1"], facts["b:1"]
    found = findings_for(fa, fb, {"a": sa, "b": sb}, strong=True)
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_findings_on_a_sentence_pair(case):
    found = judge_pair(case)
    kinds = {f.kind for f in found}
    for kind in case.get("present", ()):
        assert kind in kinds, [f.explanation for f in found]
    for kind in case.get("absent", ()):
        assert kind not in kinds, [f.explanation for f in found if f.kind == kind]
    if "relation" in case:
        assert relation_of(found, 50.0, AlignOptions()) == case["relation"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_findings_mirror_when_the_sides_swap(case):
    swapped = {**case, "a": case["b"], "b": case["a"]}
    forward = sorted((f.kind, f.values) for f in judge_pair(case))
    backward = sorted((f.kind, (f.values[1], f.values[0])) for f in judge_pair(swapped))
    assert forward == backward
