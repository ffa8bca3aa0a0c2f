"""Exports round-trip through pandas with the documented columns and dtypes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from comparer.core.engine.compare import compare
from comparer.core.formats.samples import load_samples
from comparer.core.project.annotations import SpanRef
from comparer.core.project.store import Project
from comparer.core.research.export import (
    COLUMNS,
    DTYPES,
    FORMATS,
    ExportError,
    export_frame,
    read_export,
    write_export,
)

README = Path(__file__).resolve().parents[3] / "README.md"


@pytest.fixture(scope="module")
def project_frame(tmp_path_factory):
    comparison = compare(load_samples())
    path = tmp_path_factory.mktemp("exp") / "study.comparer"
    with Project.create(path, comparison) as project:
        first = project.links()[0].id
        project.set_label(first, "conflict", annotator="Ana")
        project.set_note(first, '=SUM(A1) "quoted", comma\nnew line', annotator="Ana")
        project.set_label(first, "agree", annotator="Ben")
        project.reject_link(first, annotator="Ben")
        project.add_link(SpanRef("a", 0, 12), SpanRef("b", 0, 9), annotator="Ana", label="related")
        frame = export_frame(project.comparison(), project.annotations(), project.added_links())
    return comparison, frame


def test_frame_has_documented_columns_and_one_row_per_link_and_annotator(project_frame):
    comparison, frame = project_frame
    assert list(frame.columns) == list(COLUMNS)
    first = comparison.links[0].id
    assert sorted(frame.loc[frame["link"] == first, "annotator"]) == ["Ana", "Ben"]
    for link in comparison.links[1:]:
        assert list(frame.loc[frame["link"] == link.id, "annotator"]) == [""]
    added = frame[frame["origin"] == "annotator"]
    assert len(added) == 1
    assert added.iloc[0]["label"] == "related"
    assert added.iloc[0]["text_a"] == comparison.source("a").text[0:12]
    ben = frame[(frame["link"] == first) & (frame["annotator"] == "Ben")].iloc[0]
    assert bool(ben["rejected"]) is True
    for _, row in frame.iterrows():
        text = comparison.source(row["source_a"]).text
        assert row["text_a"] == text[row["start_a"] : row["end_a"]]
        assert json.loads(row["options"]) == comparison.options


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_through_pandas(tmp_path, project_frame, fmt):
    comparison, frame = project_frame
    path = tmp_path / f"links.{fmt}"
    write_export(frame, path, fmt, options=comparison.options)
    if fmt == "csv":
        raw = pd.read_csv(path, dtype=DTYPES, keep_default_na=False)
        # Text that would start a formula is written with a leading apostrophe; read_export removes it.
        assert (raw["note"] != frame["note"]).sum() == (frame["note"].str.match(r"'*[=+\-@\t\r]")).sum()
        back = read_export(path)
    elif fmt == "xlsx":
        back = pd.read_excel(path, sheet_name="links", dtype=DTYPES, keep_default_na=False)
        options = pd.read_excel(path, sheet_name="options", dtype=str)
        assert {r.option: json.loads(r.value) for r in options.itertuples()} == comparison.options
    else:
        back = pd.read_json(path, orient="table")
    assert list(back.columns) == list(COLUMNS)
    assert {c: str(t) for c, t in back.dtypes.items()} == {c: str(t) for c, t in frame.dtypes.items()}
    pd.testing.assert_frame_equal(back, frame)
    pd.testing.assert_frame_equal(read_export(path), frame)


def test_formula_like_text_stays_text_in_xlsx(tmp_path, project_frame):
    from openpyxl import load_workbook

    comparison, frame = project_frame
    path = tmp_path / "links.xlsx"
    write_export(frame, path, "xlsx", options=comparison.options)
    sheet = load_workbook(path)["links"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_unknown_format_and_unwritable_target(tmp_path, project_frame):
    frame = project_frame[1]
    with pytest.raises(ExportError, match="unknown export format"):
        write_export(frame, tmp_path / "x.ods", "ods", options={})
    with pytest.raises(ExportError, match="cannot write"):
        write_export(frame, tmp_path / "missing" / "x.csv", "csv", options={})


def test_readme_documents_every_column():
    section = README.read_text(encoding="utf-8").split("## Projects, annotation and exports", 1)[1]
    section = section.split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == list(COLUMNS)
