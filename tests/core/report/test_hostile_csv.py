"""CSV cells that would start a spreadsheet formula are written inert (hostile input, fault 5)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparer.cli.compare_cmd import csv_text, facts_csv_text
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.report.csvsafe import restore_cell, safe_cell

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.fixture
def hostile() -> object:
    a = Source("a", "A", '=HYPERLINK("http://x.invalid","12 people were killed in the blast on Tuesday")\n')
    b = Source("b", "B", "@SUM(1+1) 30 people were killed in the blast on Tuesday, police said.\n")
    return compare([a, b])


def test_compare_csv_cells_never_start_a_formula(hostile: object) -> None:
    cells = _cells(csv_text(hostile)) + _cells(facts_csv_text(hostile))  # type: ignore[arg-type]
    assert any(c.startswith(("'=", "'@")) for c in cells)
    assert not any(c.startswith(_TRIGGERS) for c in cells)


@pytest.mark.parametrize("value", ["=1+1", "+33 1", "-3", "@me", "\tx", "'=already", "''@"])
def test_safe_cell_neutralises_and_restores(value: str) -> None:
    written = safe_cell(value)
    assert isinstance(written, str)
    assert written.startswith("'")
    assert restore_cell(written) == value


@given(st.text(max_size=20))
def test_safe_cell_round_trips_any_text(value: str) -> None:
    written = safe_cell(value)
    assert isinstance(written, str)
    assert not written.startswith(_TRIGGERS)
    assert restore_cell(written) == value


def test_safe_cell_leaves_numbers_alone() -> None:
    assert safe_cell(-3) == -3
    assert safe_cell(None) is None


def test_export_csv_is_inert_and_reads_back(tmp_path: Path, hostile: object) -> None:
    from comparer.core.research.export import export_frame, read_export, write_export

    frame = export_frame(hostile)  # type: ignore[arg-type]
    out = tmp_path / "links.csv"
    write_export(frame, out, "csv", options={})
    assert not any(c.startswith(_TRIGGERS) for c in _cells(out.read_text(encoding="utf-8")))
    back = read_export(out)
    assert back.equals(frame)
