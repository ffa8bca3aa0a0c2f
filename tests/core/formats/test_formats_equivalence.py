"""The same articles give the same comparison whether read as text, a saved web page or a Word file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fixtures_build import blocks_from_text, saved_page, write_docx

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison, Source
from comparer.core.formats.samples import sample_paths
from comparer.core.formats.sources import load_source

Key = set[tuple[str, str, str]]
Loader = Callable[[Path], list[Source]]
Loaded = tuple[list[Source], Key]


def _key(comparison: Comparison) -> Key:
    return {
        (comparison.claim(link.a).text, comparison.claim(link.b).text, link.relation)
        for link in comparison.links
    }


def _sample_texts() -> list[str]:
    return [Path(p).read_text(encoding="utf-8") for p in sample_paths()]


def _as_txt(tmp_path: Path) -> list[Source]:
    return [load_source(p, source_id=sid) for sid, p in zip("ab", sample_paths(), strict=True)]


def _as_html(tmp_path: Path) -> list[Source]:
    sources = []
    for sid, text in zip("ab", _sample_texts(), strict=True):
        blocks = blocks_from_text(text)
        path = tmp_path / f"{sid}.html"
        path.write_text(saved_page(blocks, title=blocks[0][1]), encoding="utf-8")
        sources.append(load_source(path, source_id=sid))
    return sources


def _as_docx(tmp_path: Path) -> list[Source]:
    return [
        load_source(write_docx(tmp_path / f"{sid}.docx", blocks_from_text(text)), source_id=sid)
        for sid, text in zip("ab", _sample_texts(), strict=True)
    ]


@pytest.fixture(scope="module")
def from_txt() -> Loaded:
    sources = _as_txt(Path())
    return sources, _key(compare(sources))


@pytest.mark.parametrize("loader", [_as_html, _as_docx], ids=["html", "docx"])
def test_each_paragraph_survives_as_one_line(tmp_path: Path, loader: Loader, from_txt: Loaded) -> None:
    txt_sources, _ = from_txt
    for txt, other in zip(txt_sources, loader(tmp_path), strict=True):
        assert other.text.split("\n") == [line.strip() for line in txt.text.splitlines() if line.strip()]


@pytest.mark.parametrize("loader", [_as_html, _as_docx], ids=["html", "docx"])
def test_same_links_as_the_text_files(tmp_path: Path, loader: Loader, from_txt: Loaded) -> None:
    _, txt_key = from_txt
    assert txt_key, "the sample pair should give at least one link"
    assert _key(compare(loader(tmp_path))) == txt_key


@pytest.mark.parametrize("loader", [_as_html, _as_docx], ids=["html", "docx"])
def test_dates_agree_with_the_text_files(tmp_path: Path, loader: Loader, from_txt: Loaded) -> None:
    txt_sources, _ = from_txt
    for txt, other in zip(txt_sources, loader(tmp_path), strict=True):
        assert txt.published == date(2020, 1, 8)
        assert other.published == txt.published
