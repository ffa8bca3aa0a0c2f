"""Plain text and Markdown in the encodings people actually have, and pasted text."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparer.core.engine.model import Source
from comparer.core.engine.segment import segment
from comparer.core.formats.sources import load_source, source_from_bytes, source_from_text, supported_suffixes

ENGLISH = "“Iran’s missiles” cost €5 million — officials said on Wednesday.\nNo one was hurt, they added.\n"
FRENCH = "Le président a déclaré à Téhéran que les frappes étaient légitimes.\nÇa suffit, dit-il.\n"


def _load(tmp_path: Path, name: str, data: bytes) -> Source:
    path = tmp_path / name
    path.write_bytes(data)
    return load_source(path, source_id="a")


def test_utf8_is_read_without_a_note(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", ENGLISH.encode("utf-8"))
    assert source.text == ENGLISH
    assert source.encoding == "utf-8"
    assert source.notes == ()


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    assert source.text == ENGLISH
    assert source.encoding == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read_and_reported(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    source = _load(tmp_path, "a.txt", bom + ENGLISH.encode(codec))
    assert source.text == ENGLISH
    assert source.encoding == "utf-16"
    assert "decoded as utf-16" in source.notes


def test_windows_1252_is_detected_and_reported(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", (ENGLISH * 3).encode("cp1252"))
    assert source.text == ENGLISH * 3
    assert source.encoding == "cp1252"
    assert "decoded as cp1252" in source.notes


def test_central_european_text_keeps_its_own_code_page(tmp_path: Path) -> None:
    polish = "Zażółć gęślą jaźń — powiedział minister w środę.\n" * 3
    source = _load(tmp_path, "a.txt", polish.encode("cp1250"))
    assert source.text == polish
    assert source.encoding == "cp1250"


def test_latin1_is_detected_and_reported(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", (FRENCH * 3).encode("latin-1"))
    assert source.text == FRENCH * 3
    # Browsers read Latin-1 as Windows-1252, which agrees on every letter here.
    assert source.encoding in ("cp1252", "latin_1", "iso8859_15")
    assert f"decoded as {source.encoding}" in source.notes


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", ENGLISH.replace("\n", "\r\n").encode("utf-8"))
    assert source.text == ENGLISH


def test_markdown_headings_are_role_hints_and_text_is_kept(tmp_path: Path) -> None:
    text = (
        "# Iran fires missiles\n\nTwenty-two missiles were fired, officials said.\n\n"
        "## Was anyone hurt?\nNo.\n"
    )
    source = _load(tmp_path, "a.md", text.encode("utf-8"))
    assert source.text == text
    assert source.format == "markdown"
    assert [source.text[h.span.start : h.span.end] for h in source.role_hints] == [
        "# Iran fires missiles",
        "## Was anyone hurt?",
    ]
    roles = {c.text: c.role for c in segment(source)}
    assert roles["# Iran fires missiles"] == "heading"
    assert roles["Twenty-two missiles were fired, officials said."] == "body"


def test_publication_date_is_found_in_the_text(tmp_path: Path) -> None:
    source = _load(tmp_path, "a.txt", b"Missiles hit bases\nPublished: 8 January 2020\nNo one was hurt.\n")
    assert source.published is not None
    assert source.published.isoformat() == "2020-01-08"


def test_pasted_text_is_a_source() -> None:
    source = source_from_text(ENGLISH.replace("\n", "\r\n"), source_id="b")
    assert source.text == ENGLISH
    assert source.path == "<pasted>"


def test_bytes_from_a_stream_are_recognised_by_content() -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>T</title></head><body><article>"
        + b"".join(
            b"<p>Paragraph %d says that twenty-two missiles were fired at two bases.</p>" % i
            for i in range(3)
        )
        + b"</article></body></html>"
    )
    assert source_from_bytes(html, source_id="a").format == "html"
    assert source_from_bytes(ENGLISH.encode("cp1252"), source_id="a").encoding == "cp1252"


def test_supported_suffixes_list_every_format() -> None:
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= set(supported_suffixes())
