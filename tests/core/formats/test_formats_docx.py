"""Word documents: paragraphs, headings, tables and core properties; bounded unpacking."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest
from fixtures_build import write_docx

from comparer.core.engine.segment import segment
from comparer.core.errors import SourceLoadError
from comparer.core.formats import archive
from comparer.core.formats.sources import load_source

BLOCKS = [
    ("title", "Iran fires missiles at US bases"),
    ("p", "The Iranian military fired 22 missiles from Iran at US bases in Iraq, officials said."),
    ("heading", "Was anyone hurt?"),
    ("p", "All indications are that no one was killed or injured in the barrage."),
]
TABLE = [("Base", "Missiles"), ("Al-Asad", "17"), ("Irbil", "5")]
CREATED = datetime(2020, 1, 8, 9, 30, tzinfo=UTC)


def _doc(tmp_path: Path) -> Path:
    return write_docx(
        tmp_path / "article.docx",
        BLOCKS,
        table=TABLE,
        title="Iran strikes back",
        author="Jane Reporter",
        created=CREATED,
    )


def test_paragraphs_then_table_rows_one_per_line(tmp_path: Path) -> None:
    source = load_source(_doc(tmp_path), source_id="a")
    assert source.text.split("\n") == [
        *(text for _, text in BLOCKS),
        "Base | Missiles",
        "Al-Asad | 17",
        "Irbil | 5",
    ]
    assert source.format == "docx"


def test_core_properties_give_title_author_and_date(tmp_path: Path) -> None:
    source = load_source(_doc(tmp_path), source_id="a")
    assert source.title == "Iran strikes back"
    assert source.author == "Jane Reporter"
    assert source.published == date(2020, 1, 8)


def test_title_falls_back_to_the_title_paragraph(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "untitled.docx", BLOCKS)
    source = load_source(path, source_id="a")
    assert source.title == "Iran fires missiles at US bases"
    assert source.author is None  # python-docx's template author is not the article's


def test_heading_styles_become_heading_hints(tmp_path: Path) -> None:
    source = load_source(_doc(tmp_path), source_id="a")
    hinted = [(source.text[h.span.start : h.span.end], h.role) for h in source.role_hints]
    assert hinted == [("Iran fires missiles at US bases", "heading"), ("Was anyone hurt?", "heading")]
    roles = {c.text: c.role for c in segment(source)}
    assert roles["Was anyone hurt?"] == "heading"
    assert roles[BLOCKS[1][1]] == "body"


def test_merged_cells_are_read_once_and_tables_keep_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Before the table.")
    grid = document.add_table(rows=2, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 2))
    merged.text = "Casualties by base"
    for c, value in enumerate(("Al-Asad", "0", "none")):
        grid.cell(1, c).text = value
    document.add_paragraph("After the table.")
    path = tmp_path / "merged.docx"
    document.save(str(path))
    lines = load_source(path, source_id="a").text.split("\n")
    assert lines == ["Before the table.", "Casualties by base", "Al-Asad | 0 | none", "After the table."]


def test_line_breaks_inside_a_paragraph_become_lines(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph("First line of the address.")
    para.add_run().add_break()
    para.add_run("Second line of the address.")
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    assert load_source(path, source_id="a").text == "First line of the address.\nSecond line of the address."


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_highly_compressed_archive_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\0" * (8 * 1024 * 1024)}))
    with pytest.raises(SourceLoadError, match=r"compressed \d+ to 1 \(limit 100 to 1\); possibly a zip bomb"):
        load_source(path, source_id="a")


def test_archive_unpacking_past_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit is 200 MB; a smaller limit shows the same check without writing 200 MB.
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1000)
    path = write_docx(tmp_path / "big.docx", BLOCKS)
    with pytest.raises(
        SourceLoadError, match=r"would unpack to \d+ MB \(limit 200 MB\); possibly a zip bomb"
    ):
        load_source(path, source_id="a")


def test_zip_without_a_document_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    path.write_bytes(_zip({"hello.txt": b"hello"}))
    with pytest.raises(SourceLoadError, match="not a readable Word document"):
        load_source(path, source_id="a")


def test_not_a_zip_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == f"{path}: not a Word document (the file is not a valid zip archive)"


def test_truncated_docx_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    whole = _doc(tmp_path).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceLoadError, match=r"not a (readable )?Word document"):
        load_source(path, source_id="a")


def test_docx_without_its_suffix_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_bytes(_doc(tmp_path).read_bytes())
    assert load_source(path, source_id="a").format == "docx"


def test_furniture_styled_as_a_heading_is_still_boilerplate(tmp_path: Path) -> None:
    blocks = [
        *BLOCKS,
        ("heading", "Leave a Reply"),
        ("p", "To comment you must log in or create an account."),
    ]
    source = load_source(write_docx(tmp_path / "furniture.docx", blocks), source_id="a")
    roles = {c.text: c.role for c in segment(source)}
    assert roles["Leave a Reply"] == "boilerplate"
    assert roles["To comment you must log in or create an account."] == "boilerplate"
    assert roles["Was anyone hurt?"] == "heading"


def test_date_stated_in_the_text_wins_over_the_created_date(tmp_path: Path) -> None:
    blocks = [BLOCKS[0], ("p", "Published: 7 January 2020"), *BLOCKS[1:]]
    path = write_docx(tmp_path / "dated.docx", blocks, created=CREATED)
    source = load_source(path, source_id="a")
    assert source.published == date(2020, 1, 7)
    assert not any("created date" in note for note in source.notes)


def test_created_date_is_noted_when_it_is_used(tmp_path: Path) -> None:
    source = load_source(_doc(tmp_path), source_id="a")
    assert "publication date taken from the document's created date" in source.notes
