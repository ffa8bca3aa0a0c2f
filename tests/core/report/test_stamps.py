"""Every output says what made it: comparer's version and the lexicon's version and hash."""

from __future__ import annotations

import html
import json
import sqlite3
import unicodedata
from importlib import metadata

import pandas as pd
import pytest

import comparer
from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.engine.serialize import to_dict
from comparer.core.lexicon import lexicon_stamp
from comparer.core.project.store import Project
from comparer.core.report.html import render_html
from comparer.core.report.text import render_text
from comparer.core.stamp import made_with

A = "The council said 40 houses were flooded in Orvel on Sunday, and 3 bridges were closed.\n"
B = "Officials said 55 houses were flooded in Orvel on Sunday, and three bridges were closed.\n"


@pytest.fixture(scope="module")
def comparison():
    return compare([Source("a", "a.txt", A), Source("b", "b.txt", B)])


def test_the_stamp_is_the_running_comparer_and_its_lexicon():
    stamp = made_with()
    assert stamp.comparer == comparer.__version__ == metadata.version("comparer")
    lexicon = lexicon_stamp()
    assert (stamp.lexicon, stamp.lexicon_sha256) == (lexicon["version"], lexicon["sha256"])
    assert stamp.lexicon_cell == f"{lexicon['version']}@{lexicon['sha256']}"
    assert comparer.__version__ in stamp.line()
    assert lexicon["sha256"] in stamp.line()


def test_json_names_comparer_and_the_lexicon(comparison):
    data = to_dict(comparison)
    assert data["comparer"] == comparer.__version__
    assert data["lexicon"] == lexicon_stamp()


def test_both_csv_outputs_end_with_the_stamp_and_load_with_plain_pandas(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    stamp = made_with()
    for fmt in ("csv", "facts-csv"):
        out = tmp_path / f"{fmt}.csv"
        assert (
            main(
                ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", fmt, "-o", str(out)]
            )
            == 0
        )
        frame = pd.read_csv(out)
        assert len(frame) > 0, fmt
        assert list(frame.columns)[-2:] == ["comparer_version", "lexicon"]
        assert set(frame["comparer_version"].astype(str)) == {stamp.comparer}
        assert set(frame["lexicon"]) == {stamp.lexicon_cell}


def test_batch_jsonl_lines_name_comparer_and_the_lexicon(tmp_path):
    event = tmp_path / "corpus" / "flood"
    event.mkdir(parents=True)
    (event / "a.txt").write_text(A, encoding="utf-8")
    (event / "b.txt").write_text(B, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "corpus"), "-o", str(out), "-q", "-j", "1"]) == 0
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (line["comparer"], line["lexicon"]) == (comparer.__version__, lexicon_stamp())


def test_a_project_records_the_stamp_when_created_and_saved(tmp_path, comparison):
    path = tmp_path / "flood.comparer"
    stamp = made_with()
    expected = {
        "comparer_version": stamp.comparer,
        "lexicon": stamp.lexicon,
        "lexicon_sha256": stamp.lexicon_sha256,
    }
    with Project.create(path) as project:
        meta = project.meta()
        assert {k: meta[k] for k in expected} == expected
        assert meta["created"]
    with sqlite3.connect(path) as db:  # as if an older comparer had written it
        db.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'comparer_version'")
    db.close()
    with Project.open(path) as project:
        assert project.meta()["comparer_version"] == "0.0.1"
        project.save_comparison(comparison)
    with Project.open(path, read_only=True) as project:
        assert project.meta()["comparer_version"] == stamp.comparer


def test_html_and_text_reports_end_with_what_made_them(comparison):
    line = made_with().line()
    doc = render_html(comparison)
    footer = doc.rsplit("</body>", 1)[0].rsplit("<p", 1)[1]
    assert html.escape(line) in footer
    assert "made-with" in footer
    assert html.escape(line) in render_html(comparison, for_qt=True)
    assert html.escape(line) in render_html(comparison, hide_findings=True)
    assert render_text(comparison).rstrip("\n").splitlines()[-1] == f"made with {line}"


def test_the_pdf_report_shows_the_stamp(tmp_path, qapp, comparison):
    import pypdf

    from comparer.gui.report_pdf import write_pdf

    path = tmp_path / "report.pdf"
    write_pdf(render_html(comparison, for_qt=True), path)
    reader = pypdf.PdfReader(path)
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    # The PDF may set "ff" as a ligature; NFKC gives the letters back.
    assert made_with().lexicon_sha256 in unicodedata.normalize("NFKC", text)
