"""Messages that say what is wrong (hostile input, fault 9); every file is built by its test.

A full disk says the disk is full; a page nested past the HTML parser's depth says so; a PDF whose
content is a compression bomb says so; ``export P -o P`` refuses to overwrite the project; NUL bytes
anywhere never reach an output; a file name with a newline keeps the error on one line. (A project
another program holds locked is reported as locked: tests/test_project_recovery.py.)
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.errors import SourceLoadError
from comparer.core.formats.html_page import MAX_DEPTH
from comparer.core.formats.samples import load_samples
from comparer.core.formats.sources import load_source, source_from_text
from comparer.core.project.store import Project, ProjectError

ARTICLE = (
    "The council met on Friday to discuss the repairs to the old bridge over the river. "
    "Engineers said the work would take 14 weeks and cost 2 million pounds, the mayor added."
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_samples())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_full_disk_says_the_disk_is_full_and_loses_nothing_saved(tmp_path, comparison):
    path = tmp_path / "full.comparer"
    with Project.create(path, comparison) as project:
        link = project.links()[0].id
        project.set_label(link, "conflict", annotator="Ana")
        # The file may not grow by a page more: SQLite answers SQLITE_FULL, as on a full disk.
        pages = project._db.execute("PRAGMA page_count").fetchone()[0]
        project._db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(ProjectError, match="the disk is full; nothing was saved") as caught:
            project.set_note(link, "a long note " * 20_000, annotator="Ana")
        assert "rollback" not in str(caught.value)
    with Project.open(path) as project:
        assert project.annotation(link, "Ana").label == "conflict"
        assert project.annotation(link, "Ana").note == ""


def _nested(depth: int) -> bytes:
    return (
        "<html><head><title>Bridge</title></head><body>"
        + "<div>" * depth
        + f"<p>{ARTICLE}</p>"
        + "</div>" * depth
        + "</body></html>"
    ).encode()


def test_a_page_nested_past_the_parsers_depth_says_so(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_bytes(_nested(300))
    with pytest.raises(SourceLoadError, match=f"more than {MAX_DEPTH} levels deep") as caught:
        load_source(deep, source_id="a")
    assert "browser" not in str(caught.value)
    shallow = tmp_path / "shallow.html"
    shallow.write_bytes(_nested(200))
    assert "14 weeks" in load_source(shallow, source_id="a").text


def _pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content stream is ``content`` (Flate-compressed)."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_compression_bomb_is_called_one_not_a_missing_text_layer(tmp_path):
    text = b"BT /F1 12 Tf 72 720 Td (The council met on Friday about the bridge.) Tj ET\n"
    fine = tmp_path / "fine.pdf"
    fine.write_bytes(_pdf(text))
    assert "council" in load_source(fine, source_id="a").text
    # 80 MB of spaces after the text: past pypdf's 75 MB limit for one stream, in a file of ~80 KB.
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf(text + b" " * 80_000_000))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(SourceLoadError, match="possibly a compression bomb") as caught:
        load_source(bomb, source_id="a")
    assert "page 1 holds compressed data that inflates past 75 MB" in str(caught.value)
    assert "OCR" not in str(caught.value)


def test_export_refuses_to_write_over_the_project(tmp_path, comparison, capsys):
    path = tmp_path / "study.comparer"
    with Project.create(path, comparison) as project:
        project.set_label(project.links()[0].id, "agree", annotator="Ana")
    before = _digest(path)
    assert main(["export", str(path), "-o", str(path)]) == 1
    assert "is the project itself" in capsys.readouterr().err
    assert main(["report", str(path), "-o", str(path)]) == 1
    assert "is the project itself" in capsys.readouterr().err
    assert _digest(path) == before
    with Project.open(path, read_only=True) as project:
        assert project.annotations()


def test_nul_bytes_after_the_first_8_kb_never_reach_an_output(tmp_path, capsys):
    late = tmp_path / "late-nul.txt"
    late.write_bytes((ARTICLE + "\n").encode() * 60 + b"\x00hidden\x00\n" + ARTICLE.encode())
    assert late.stat().st_size > 8192
    with pytest.raises(SourceLoadError, match=r"binary file, not text \(a NUL byte at byte 10,"):
        load_source(late, source_id="a")
    # Text that reaches comparer another way (pasted) has each NUL replaced, one character for one.
    pasted = source_from_text(ARTICLE + "\x00 more\x00", source_id="a")
    assert "\x00" not in pasted.text
    assert len(pasted.text) == len(ARTICLE) + 7
    assert any("NUL" in note for note in pasted.notes)
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("14", "12"), encoding="utf-8")
    assert main(["compare", str(late), str(other), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "\x00" not in captured.out + captured.err


def test_a_file_name_with_a_newline_keeps_the_error_on_one_line(tmp_path):
    odd = tmp_path / "first line\nsecond line.txt"
    odd.write_bytes(b"\x00\x01\x02 binary")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "comparer", "compare", str(odd), str(other)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert "first line\\nsecond line.txt: binary file, not text" in lines[0]
    with pytest.raises(ProjectError) as caught:
        Project.open(tmp_path / "no\nproject.comparer")
    assert "\n" not in str(caught.value)


def test_saving_while_another_program_holds_the_project_says_locked(tmp_path, comparison):
    import sqlite3

    path = tmp_path / "held.comparer"
    with Project.create(path, comparison) as project:
        link = project.links()[0].id
        project._db.execute("PRAGMA busy_timeout = 0")  # answer at once instead of after 5 s
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(ProjectError, match="could not save: the project is in use") as caught:
                project.set_note(link, "a note", annotator="Ana")
            assert "damaged" not in str(caught.value)
            assert "rollback" not in str(caught.value)
            with pytest.raises(ProjectError, match="could not read: the project is in use"):
                project.labels()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        project.set_note(link, "a note", annotator="Ana")  # once released, saving works again
        assert project.annotation(link, "Ana").note == "a note"
