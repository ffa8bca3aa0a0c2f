"""The handout's HTML: the main text alone, one paragraph a block, and only the findings asked for."""

from __future__ import annotations

import html
import re

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.formats.samples import load_samples
from comparer.core.report.html import numbered_findings, render_html


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_samples())


def _paragraphs(doc: str) -> list[str]:
    found = re.findall(r'<p class="para">(.*?)</p>', doc, flags=re.DOTALL)
    return [
        html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<sup class="ref">[^<]*</sup>', "", p))) for p in found
    ]


def test_main_text_keeps_every_body_paragraph_and_drops_boilerplate(comparison):
    doc = render_html(comparison, for_qt=True, main_text_only=True)
    paragraphs = _paragraphs(doc)
    joined = "\n".join(paragraphs)
    for claim in comparison.claims:
        if claim.role == "boilerplate":
            assert claim.text.strip() not in paragraphs
        else:
            assert claim.text.strip() in joined
    assert all(p == p.strip() and p for p in paragraphs)  # no blank paragraphs, no stray blank lines


def test_marks_stay_on_their_words_in_the_main_text(comparison):
    doc = render_html(comparison, for_qt=True, main_text_only=True)
    marked = [
        html.unescape(m)
        for m in re.findall(r'<span style="background-color:[^"]+" title="[^"]*">([^<]*)</span>', doc)
    ]
    found = numbered_findings(comparison)
    spans = {
        comparison.source(comparison.claim(cid).source).text[s.start : s.end]
        for nf in found
        for side, cid in enumerate((nf.link.a, nf.link.b))
        for s in nf.finding.spans[side]
    }
    assert marked
    assert all(any(piece in whole for whole in spans) for piece in marked)


def test_finding_ids_keep_only_those_findings(comparison):
    keep = {f.id for f in comparison.findings if f.kind.startswith("quote")}
    found = numbered_findings(comparison, finding_ids=keep)
    assert found
    assert {nf.finding.id for nf in found} <= keep
    doc = render_html(comparison, finding_ids=keep, compact=True)
    assert f"{len(found)} numbered findings" in doc
    assert "font-size: 10pt" in doc
