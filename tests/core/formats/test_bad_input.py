"""Every kind of unreadable input gives one line naming the file, and nothing else breaks."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.cli import main
from comparer.core.errors import SourceLoadError
from comparer.core.formats import sources
from comparer.core.formats.samples import sample_paths
from comparer.core.formats.sources import load_source

Maker = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Maker:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "nowhere.txt"


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.txt"
    path.mkdir()
    return path


def _too_big(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: nothing is written
    return path


def _blank_pdf(tmp_path: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    return path


def _locked_pdf(tmp_path: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    return path


def _zip_bomb(tmp_path: Path) -> Path:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            for _ in range(8):
                member.write(b"\0" * (1024 * 1024))
    return path


def _not_a_zip_docx(tmp_path: Path) -> Path:
    return _write("report.docx", b"this was never a Word document")(tmp_path)


def _zip_without_document(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "hello")
    return _write("empty.docx", buf.getvalue())(tmp_path)


NO_ARTICLE_PAGE = b"<html><head><title>App</title></head><body><div id='root'></div></body></html>"

CASES: list[tuple[str, Maker, str]] = [
    ("missing", _missing, "no such file"),
    ("folder", _folder, "is a folder, not a file"),
    ("empty", _write("empty.txt", b""), "empty file"),
    ("blank", _write("blank.txt", b" \n\t\n"), "no text found in the file"),
    ("binary", _write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary file, not text"),
    ("too-big", _too_big, "file is 51 MB; comparer reads files up to 50 MB"),
    ("old-word", _write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "old Word .doc format"),
    ("no-article", _write("app.html", NO_ARTICLE_PAGE), "no article text found; the page may need a browser"),
    ("not-pdf", _write("paper.pdf", b"plain words"), "not a PDF (the file does not start with %PDF)"),
    ("damaged-pdf", _write("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "damaged PDF"),
    ("locked-pdf", _locked_pdf, "encrypted PDF; remove the password first"),
    ("scanned-pdf", _blank_pdf, "no text layer — run OCR first"),
    ("not-zip-docx", _not_a_zip_docx, "not a Word document (the file is not a valid zip archive)"),
    ("no-document-docx", _zip_without_document, "not a readable Word document"),
    ("zip-bomb", _zip_bomb, "possibly a zip bomb"),
]
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("kind", "make", "reason"), CASES, ids=IDS)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, kind: str, make: Maker, reason: str) -> None:
    path = make(tmp_path)
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert reason in err.value.reason
    assert "\n" not in message
    assert err.value.path == str(path)


@pytest.mark.parametrize(("kind", "make", "reason"), CASES, ids=IDS)
def test_cli_exits_non_zero_with_one_line_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, make: Maker, reason: str
) -> None:
    bad = make(tmp_path)
    good = str(sample_paths()[0])
    assert main(["compare", good, str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"comparer: {bad}: ")
    assert reason in captured.err
    assert "Traceback" not in captured.err


def test_a_bad_file_does_not_affect_loading_the_others(tmp_path: Path) -> None:
    bad = _write("photo.txt", b"\x00\x01\x02binary")(tmp_path)
    good = sample_paths()[0]
    before = load_source(good, source_id="a")
    with pytest.raises(SourceLoadError):
        load_source(bad, source_id="b")
    after = load_source(good, source_id="a")
    assert after == before


def test_unreadable_file_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write("secret.txt", b"words")(tmp_path)

    def denied(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    # chmod cannot stop root, who runs CI; the error the operating system would give is raised instead.
    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == f"{path}: cannot read (Permission denied)"


def test_an_unexpected_parser_failure_is_still_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, data: bytes) -> None:
        raise AttributeError("'NoneType' object has no attribute 'get_object'\nmore detail")

    monkeypatch.setitem(sources.READERS, ".pdf", broken)
    path = _write("odd.pdf", b"%PDF-1.7 whatever")(tmp_path)
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert str(err.value) == (
        f"{path}: cannot read this file (AttributeError: 'NoneType' object has no attribute 'get_object')"
    )


SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx", ""]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html><html>", b"\xff\xfe"]).flatmap(
            lambda head: st.binary(max_size=2000).map(lambda tail: head + tail)
        ),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_bytes_give_a_source_or_a_load_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    message = None
    try:
        source = load_source(path, source_id="a")
    except SourceLoadError as exc:
        message = str(exc)
    if message is not None:
        assert message.startswith(f"{path}: ")
        assert "\n" not in message
        return
    assert source.text.strip()
    for hint in source.role_hints:
        assert 0 <= hint.span.start <= hint.span.end <= len(source.text)
