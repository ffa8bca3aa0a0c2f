"""The README's Limits section gives every bound with the figure the code uses."""

from __future__ import annotations

from pathlib import Path

from comparer.core.formats import archive, docx_doc, html_page, pdf_doc, sources, web

README = Path(__file__).resolve().parents[1] / "README.md"


def _limits() -> str:
    section = README.read_text(encoding="utf-8").split("\n## Limits\n", 1)[1]
    return section.split("\n## ", 1)[0]


def _mb(n: int) -> str:
    return f"**{n // 2**20} MB**"


def test_every_bound_is_in_the_limits_section_with_its_figure():
    text = _limits()
    figures = [
        _mb(sources.MAX_BYTES),
        _mb(web.MAX_PAGE_BYTES),
        f"**{web.TIMEOUT_SECONDS:.0f} s**",
        f"**{archive.MAX_MEMBERS:,}**",
        _mb(archive.MAX_UNPACKED_BYTES),
        f"**{archive.MAX_RATIO} to 1**",
        f"above {archive.RATIO_FLOOR_BYTES // 2**20} MB",
        _mb(archive.MAX_MEMBER_BYTES),
        f"{archive.CHUNK_BYTES // 2**20} MB chunks",
        f"**{docx_doc.MAX_PARAGRAPHS:,}**",
        f"**{docx_doc.MAX_TEXT_CHARS:,}**",
        f"**{pdf_doc.MAX_PAGES:,}**",
        f"**{pdf_doc.pdf_stream_limit() // 1_000_000} MB**",
        f"**{html_page.MAX_DEPTH}**",
        "**5 s**",
    ]
    missing = [f for f in figures if f not in text]
    assert not missing, f"README Limits lacks {missing}"
