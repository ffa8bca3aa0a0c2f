"""Word documents that lie about their size or hold too much are refused early (hostile input, fault 7).

Each file is built here: a DOCX whose zip headers state 60 KB for ``word/document.xml`` but whose data
inflates far past that, one with very many paragraphs, one with too much text. The refusals name the
limit; the bytes inflated stay under the cap by construction (checked with tracemalloc's peak and by
python-docx never being reached), not by timing.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from comparer.core.errors import SourceLoadError
from comparer.core.formats import archive, docx_doc
from comparer.core.formats.sources import load_source

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STATED = 60 * 1024  # what the lying headers say document.xml unpacks to


def _document_xml(paragraphs: list[str], padding: int = 0) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
    # Padding is whitespace between elements: valid XML that compresses about a thousand to one.
    return head.encode() + b" " * padding + body.encode() + b"</w:body></w:document>"


def _docx(document_xml: bytes) -> bytes:
    """A Word document (python-docx's blank one) whose main part is ``document_xml``."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _lie_about_size(data: bytes, name: bytes, stated: int) -> bytes:
    """Make both the local header and the central directory state ``stated`` bytes for member ``name``."""
    raw = bytearray(data)
    at = 0
    while (at := raw.find(b"PK\x03\x04", at)) != -1:
        length = struct.unpack_from("<H", raw, at + 26)[0]
        if bytes(raw[at + 30 : at + 30 + length]) == name:
            struct.pack_into("<I", raw, at + 22, stated)
        at += 4
    at = 0
    while (at := raw.find(b"PK\x01\x02", at)) != -1:
        length = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46 : at + 46 + length]) == name:
            struct.pack_into("<I", raw, at + 24, stated)
        at += 4
    return bytes(raw)


def _write(tmp_path: Path, data: bytes, name: str = "hostile.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_member_that_inflates_past_its_stated_size_stops_at_the_cap(tmp_path, monkeypatch):
    cap = 2 * 1024 * 1024
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", cap)
    bomb = _lie_about_size(
        _docx(_document_xml(["x"], padding=30 * 1024 * 1024)), b"word/document.xml", STATED
    )
    assert len(bomb) < 200 * 1024  # 30 MB of XML in a file of a few dozen KB
    with zipfile.ZipFile(io.BytesIO(bomb)) as z:
        assert z.getinfo("word/document.xml").file_size == STATED  # the header lies
    path = _write(tmp_path, bomb)
    tracemalloc.start()
    try:
        with pytest.raises(
            SourceLoadError, match=r"word/document.xml unpacks to more than 2 MB \(limit 2 MB per part"
        ):
            load_source(path, source_id="a")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # What was inflated is bounded by the cap (plus a chunk and the file itself), not by the 30 MB inside.
    assert peak < cap + 3 * archive.CHUNK_BYTES + 4 * len(bomb)


def test_a_member_larger_than_its_header_says_is_refused_under_the_default_caps(tmp_path):
    lying = _lie_about_size(
        _docx(_document_xml(["x"], padding=3 * 1024 * 1024)), b"word/document.xml", STATED
    )
    with pytest.raises(SourceLoadError, match=f"its header states {STATED}"):
        load_source(_write(tmp_path, lying), source_id="a")


def test_all_members_together_are_capped_as_they_inflate(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1024 * 1024)
    big = _docx(_document_xml(["x"], padding=2 * 1024 * 1024))
    monkeypatch.setattr(archive, "RATIO_FLOOR_BYTES", 10**12)  # let the stated sizes pass the first check
    monkeypatch.setattr(archive, "MAX_RATIO", 10**9)
    big = _lie_about_size(big, b"word/document.xml", STATED)
    with pytest.raises(SourceLoadError, match=r"unpacks to more than 1 MB \(limit 1 MB\)"):
        load_source(_write(tmp_path, big), source_id="a")


def test_very_many_paragraphs_are_refused_before_python_docx_reads_them(tmp_path, monkeypatch):
    many = _docx(_document_xml(["p"] * (docx_doc.MAX_PARAGRAPHS + 1)))
    assert len(many) < 1024 * 1024

    def never(*args, **kwargs):
        raise AssertionError("python-docx was asked to read a document over the paragraph limit")

    monkeypatch.setattr(docx_doc.docx, "Document", never)
    with pytest.raises(SourceLoadError, match=r"more than 20,000 paragraphs \(limit 20,000\)"):
        load_source(_write(tmp_path, many), source_id="a")


def test_text_past_the_character_limit_is_refused_while_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_doc, "MAX_TEXT_CHARS", 1_000)
    long = _docx(_document_xml(["The council met again on Friday to discuss the bridge repairs."] * 40))
    with pytest.raises(SourceLoadError, match=r"text passes 1,000 characters \(limit 1,000\)"):
        load_source(_write(tmp_path, long), source_id="a")
    short = _docx(_document_xml(["The council met again on Friday."] * 3))
    assert load_source(_write(tmp_path, short, "short.docx"), source_id="a").text.count("council") == 3


def test_a_damaged_member_is_named(tmp_path):
    good = bytearray(_docx(_document_xml(["The council met again on Friday."])))
    with zipfile.ZipFile(io.BytesIO(bytes(good))) as z:
        info = z.getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    good[start + 5 : start + 25] = b"\x00" * 20  # corrupt the deflate stream
    with pytest.raises(SourceLoadError, match="not a readable Word document"):
        load_source(_write(tmp_path, bytes(good)), source_id="a")
