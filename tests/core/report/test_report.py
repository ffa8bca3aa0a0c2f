"""The class report: escaped HTML that keeps every character of both accounts, and a PDF from Qt."""

from __future__ import annotations

import html
import re

import pypdf
import pytest

from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Claim, Comparison, Evidence, Finding, Link, Source, Span
from comparer.core.formats.samples import load_samples, sample_paths
from comparer.core.project.annotations import link_key
from comparer.core.project.store import Project
from comparer.core.report.html import highlight, numbered_findings, render_html


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_samples())


def _account_texts(doc: str) -> list[str]:
    """The text of each account block with the markup taken away."""
    blocks = re.findall(r'<div class="text">(.*?)</div></div>', doc, flags=re.DOTALL)
    out = []
    for block in blocks:
        block = re.sub(r'<sup class="ref">[^<]*</sup>', "", block)
        out.append(html.unescape(re.sub(r"<[^>]+>", "", block)))
    return out


@pytest.mark.parametrize("for_qt", [False, True])
def test_accounts_keep_every_character(comparison, for_qt):
    doc = render_html(comparison, for_qt=for_qt)
    assert _account_texts(doc) == [s.text for s in comparison.sources]


def _tricky() -> Comparison:
    a = Source(
        id="a", path="a.txt", text='Police said <b>5</b> & "many" died.\nSee <script>alert(1)</script>.'
    )
    b = Source(id="b", path="b.txt", text="Officials said 7 died & more were hurt.")
    ca = Claim("a1", "a", 0, 35, a.text[0:35], "body", 0)
    cb = Claim("b1", "b", 0, 39, b.text, "body", 0)
    finding = Finding(
        kind="number_conflict",
        values=("5", "7"),
        spans=((Span(15, 16), Span(12, 30)), (Span(15, 16),)),
        explanation="a says 5 <dead>, b says 7",
    )
    link = Link("L1", "a1", "b1", 80.0, "conflict", (finding,), Evidence("test", {}))
    return Comparison((a, b), (ca, cb), (link,), (), {"min_score": 30.0})


def test_markup_in_sources_and_findings_is_escaped_and_overlaps_nest():
    comparison = _tricky()
    doc = render_html(comparison)
    assert "<script>" not in doc
    assert "&lt;script&gt;" in doc
    assert "a says 5 &lt;dead&gt;, b says 7" in doc
    assert _account_texts(doc) == [s.text for s in comparison.sources]
    assert doc.count('<mark class="finding number_conflict"') >= 2
    assert '<sup class="ref">1</sup>' in doc
    assert "@page { size: A4;" in doc
    assert "@page { size: letter;" in render_html(comparison, page="letter")
    with pytest.raises(ValueError, match="page"):
        render_html(comparison, page="a5")  # type: ignore[arg-type]


def test_highlight_without_marks_is_just_escaping():
    assert highlight("a < b & c", []) == "a &lt; b &amp; c"
    assert highlight("abcdef", [(Span(1, 3), 1, "casualties")], for_qt=True).startswith(
        'a<span style="background-color:'
    )


def test_worksheet_hides_findings(comparison):
    doc = render_html(comparison, hide_findings=True)
    assert "<mark" not in doc
    assert "Findings</h2>" not in doc
    assert _account_texts(doc) == [s.text for s in comparison.sources]


def test_findings_marked_wrong_or_on_rejected_links_are_left_out(comparison):
    from comparer.core.project.annotations import LinkAnnotation

    with_findings = [link for link in comparison.links if link.findings]
    if not with_findings:
        pytest.skip("the engine found nothing on the sample")
    link = with_findings[0]
    key = link_key(comparison, link)
    everything = numbered_findings(comparison)
    wrong = LinkAnnotation(key, "T", wrong_findings=tuple(range(len(link.findings))))
    assert all(nf.link is not link for nf in numbered_findings(comparison, [wrong]))
    rejected = LinkAnnotation(key, "T", rejected=True)
    assert len(numbered_findings(comparison, [rejected])) <= len(everything)
    labelled = LinkAnnotation(key, "Teacher", label="conflict", note="check the toll")
    assert "Teacher: conflict — check the toll" in render_html(comparison, annotations=[labelled])


@pytest.mark.parametrize(("page", "width_pt"), [("a4", 595), ("letter", 612)])
def test_pdf_report_renders(tmp_path, qapp, comparison, page, width_pt):
    from comparer.gui.report_pdf import write_pdf

    path = tmp_path / f"report-{page}.pdf"
    write_pdf(render_html(comparison, for_qt=True, page=page), path, page=page)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) > 0
    assert round(float(reader.pages[0].mediabox.width)) == width_pt
    # Text extraction splits words at kerning, so compare without white space.
    first = "".join(reader.pages[0].extract_text().split())
    assert "AccountA:RFE/RL" in first
    assert "ComparingRFE/RLandexplainer" in first


def test_report_command_html_and_pdf(tmp_path, qapp, comparison, capsys):
    a, b = (str(p) for p in sample_paths())
    out = tmp_path / "r.html"
    assert main(["report", a, b, "--format", "html", "-o", str(out), "--page", "letter"]) == 0
    assert "size: letter" in out.read_text(encoding="utf-8")
    project = tmp_path / "s.comparer"
    with Project.create(project, comparison) as p:
        p.set_label(p.links()[0].id, "conflict", annotator="Teacher")
    pdf = tmp_path / "r.pdf"
    assert main(["report", str(project), "--format", "pdf", "-o", str(pdf)]) == 0
    assert len(pypdf.PdfReader(pdf).pages) > 0
    assert main(["report", str(project), "--format", "pdf"]) == 1
    assert "needs -o" in capsys.readouterr().err
    assert main(["report", str(project), "--worksheet"]) == 0
    assert "<mark" not in capsys.readouterr().out
