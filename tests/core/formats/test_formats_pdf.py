"""PDF text layers: paragraphs rebuilt, page furniture dropped, ligatures and hyphens mended."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from fixtures_build import write_pdf

from comparer.core.engine.segment import segment
from comparer.core.errors import SourceLoadError
from comparer.core.formats.pdf_doc import _join
from comparer.core.formats.sources import load_source

LONG = (
    "The Iranian military fired 22 missiles from Iran at US bases in Iraq in retaliation for the "
    "killing of Qassim Soleimani, a strike that analysts described as carefully calibrated."
)
HURT = (
    "All indications are that no one was killed or injured in the missile barrage, officials said "
    "on Wednesday, in what they called a five-hour night of self-defence and counter-strikes."
)
PAGES = [
    [
        ("title", "Iran fires missiles at US bases"),
        ("p", LONG),
        ("heading", "Was anyone hurt?"),
        ("p", HURT),
        ("p", "The first official figures, published late in the evening by the"),
    ],
    [
        ("p", "defence ministry in Baghdad, showed 17 missiles hit the al-Asad airbase and five hit Irbil."),
        ("p", "The ball is firmly in Donald Trump’s court."),
    ],
]
EXPECTED_LINES = [
    "Iran fires missiles at US bases",
    LONG,
    "Was anyone hurt?",
    HURT,
    "The first official figures, published late in the evening by the defence ministry in Baghdad, "
    "showed 17 missiles hit the al-Asad airbase and five hit Irbil.",
    "The ball is firmly in Donald Trump’s court.",
]


@pytest.fixture
def article_pdf(qapp: object, tmp_path: Path) -> Path:
    return write_pdf(
        tmp_path / "article.pdf",
        PAGES,
        title="Iran fires missiles",
        running_header="Example News — World — 8 January 2020",
        page_numbers=True,
    )


def test_paragraphs_are_rebuilt_across_lines_and_pages(article_pdf: Path) -> None:
    source = load_source(article_pdf, source_id="a")
    assert source.text.split("\n") == EXPECTED_LINES
    assert source.format == "pdf"


def test_running_header_and_page_numbers_are_dropped(article_pdf: Path) -> None:
    text = load_source(article_pdf, source_id="a").text
    assert "Example News" not in text
    assert all(not line.strip().isdigit() for line in text.split("\n"))


def test_ligatures_are_normalised(article_pdf: Path) -> None:
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(article_pdf).pages)
    assert "ﬁ" in raw  # Qt set "fired" and "five" with the fi ligature
    text = load_source(article_pdf, source_id="a").text
    assert "ﬁ" not in text
    assert "fired 22 missiles" in text
    assert "five-hour" in text


def test_title_from_document_info_and_larger_type_as_headings(article_pdf: Path) -> None:
    source = load_source(article_pdf, source_id="a")
    assert source.title == "Iran fires missiles"
    hinted = [source.text[h.span.start : h.span.end] for h in source.role_hints]
    assert hinted == ["Iran fires missiles at US bases", "Was anyone hurt?"]
    roles = {c.text: c.role for c in segment(source)}
    assert roles["Was anyone hurt?"] == "heading"


def test_date_comes_from_the_document_info_when_the_text_gives_none(article_pdf: Path) -> None:
    info_date = pypdf.PdfReader(article_pdf).metadata.creation_date.date()
    source = load_source(article_pdf, source_id="a")
    assert source.published == info_date
    assert any("creation date" in note for note in source.notes)


def test_date_stated_in_the_text_wins_over_the_file_date(qapp: object, tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "dated.pdf",
        [[("title", "Iran fires missiles"), ("p", "Published: 8 January 2020"), ("p", LONG)]],
    )
    assert load_source(path, source_id="a").published == date(2020, 1, 8)


def test_hyphen_at_a_line_end_is_joined_when_it_splits_a_word(qapp: object, tmp_path: Path) -> None:
    # A <br> after the hyphen forces the line end where a typesetter would hyphenate.
    path = write_pdf(
        tmp_path / "hyphen.pdf",
        [
            [
                (
                    "p",
                    "Analysts called it an act of retal-<br>iation, and others spoke of "
                    "self-<br>defence, Iran-<br>Iraq.",
                )
            ]
        ],
        raw_html=True,
    )
    text = load_source(path, source_id="a").text
    assert text == "Analysts called it an act of retaliation, and others spoke of self-defence, Iran-Iraq."


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("an act of retal-", "iation", "an act of retaliation"),
        ("the presi-", "dent said", "the president said"),
        ("a night of self-", "defence", "a night of self-defence"),
        ("the well-", "known case", "the well-known case"),
        ("the Iran-", "Iraq border", "the Iran-Iraq border"),
        ("officials said", "that", "officials said that"),
        ("a pause -", "then more", "a pause - then more"),
    ],
)
def test_line_join_rules(left: str, right: str, joined: str) -> None:
    assert _join(left, right) == joined


def _encrypted(source: Path, user_password: str, algorithm: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_an_empty_password_opens(
    article_pdf: Path, tmp_path: Path, algorithm: str
) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted(article_pdf, "", algorithm))
    assert load_source(path, source_id="a").text.split("\n") == EXPECTED_LINES


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_a_password_says_so(article_pdf: Path, tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted(article_pdf, "secret", algorithm))
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == f"{path}: encrypted PDF; remove the password first"


def test_pdf_without_text_says_to_run_ocr(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=420, height=595)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == f"{path}: no text layer — run OCR first"


def test_not_a_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is a text file with the wrong name.", encoding="utf-8")
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == f"{path}: not a PDF (the file does not start with %PDF)"


def test_truncated_pdf_says_it_is_damaged(article_pdf: Path, tmp_path: Path) -> None:
    whole = article_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(SourceLoadError, match=r"damaged PDF"):
        load_source(path, source_id="a")


def test_pdf_without_its_suffix_is_recognised(article_pdf: Path, tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(article_pdf.read_bytes())
    assert load_source(path, source_id="a").format == "pdf"
