"""One link-row layout: compare, batch and export write the same header and the same rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.project.store import Project
from comparer.core.report.rows import COLUMNS, DTYPES, link_csv, link_records
from comparer.core.research.export import COLUMNS as EXPORT_COLUMNS
from comparer.core.research.export import DTYPES as EXPORT_DTYPES
from comparer.core.research.export import export_frame, read_export, write_export
from comparer.core.stamp import made_with

A = (
    "Police said 12 people were killed when a fire destroyed the central market in Lisk on Monday.\n"
    'The mayor said: "We will rebuild the market within a year, whatever it costs."\n'
    "Firefighters from three towns fought the blaze for six hours.\n"
)
B = (
    "At least 15 people were killed when a fire swept through the central market in Lisk on Monday, "
    "officials said.\n"
    'The mayor said: "We will rebuild within a year."\n'
    "Firefighters fought the blaze for six hours before it was out.\n"
)


def _table(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[list[str], list[list[str]]]]:
    """The same two accounts written by compare (with a project), batch and export."""
    root = tmp_path_factory.mktemp("layout")
    event = root / "corpus" / "market-fire"
    event.mkdir(parents=True)
    (event / "a.txt").write_text(A, encoding="utf-8")
    (event / "b.txt").write_text(B, encoding="utf-8")
    files = [str(event / "a.txt"), str(event / "b.txt")]
    project = root / "fire.comparer"
    out = {name: root / f"{name}.csv" for name in ("compare", "batch", "export")}
    assert (
        main(["compare", *files, "--format", "csv", "-o", str(out["compare"]), "--project", str(project)])
        == 0
    )
    assert main(["batch", str(root / "corpus"), "-o", str(out["batch"]), "-q", "-j", "1"]) == 0
    assert main(["export", str(project), "--format", "csv", "-o", str(out["export"])]) == 0
    return {name: _table(path.read_text(encoding="utf-8")) for name, path in out.items()}


def test_compare_batch_and_export_share_the_header(written):
    header = list(COLUMNS)
    assert written["compare"][0] == header
    assert written["export"][0] == header
    assert written["batch"][0] == ["pair", *header]
    assert list(EXPORT_COLUMNS) == header
    assert EXPORT_DTYPES == DTYPES


def test_compare_batch_and_export_give_the_same_rows_for_the_same_links(written):
    compared = written["compare"][1]
    assert compared, "the two accounts are linked"
    assert [row[1:] for row in written["batch"][1]] == compared
    assert {row[0] for row in written["batch"][1]} == {"market-fire"}
    assert written["export"][1] == compared


def test_the_rows_carry_findings_with_confidences_and_what_made_them(written):
    header, rows = written["compare"]
    records = [dict(zip(header, row, strict=True)) for row in rows]
    conflict = next(r for r in records if "number_conflict" in r["kinds"].split(";"))
    assert "12" in conflict["finding_values"]
    assert "15" in conflict["finding_values"]
    kinds = [v.split(":")[0].split(". ", 1)[1] for v in conflict["finding_values"].split("; ")]
    confidences = conflict["confidences"].split(";")
    assert len(confidences) == len(kinds)
    assert all(0.0 <= float(c) <= 1.0 for c in confidences)
    stamp = made_with()
    for record in records:
        assert (record["comparer_version"], record["lexicon"]) == (stamp.comparer, stamp.lexicon_cell)
        assert (record["annotator"], record["label"], record["note"], record["rejected"]) == (
            "",
            "",
            "",
            "False",
        )


@pytest.mark.parametrize("name", ["compare", "batch", "export"])
def test_every_link_csv_loads_with_a_plain_read_csv(tmp_path, written, name):
    header, rows = written[name]
    path = tmp_path / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    frame = pd.read_csv(path)
    assert list(frame.columns)[-2:] == ["comparer_version", "lexicon"]
    assert len(frame) == len(rows)
    assert set(frame["lexicon"]) == {made_with().lexicon_cell}
    typed = pd.read_csv(path, dtype=DTYPES, keep_default_na=False)
    assert typed["start_a"].dtype == "int64"
    assert typed["score"].dtype == "float64"


def test_a_frame_of_link_records_is_the_export_frame():
    comparison = compare([Source("a", "a.txt", A), Source("b", "b.txt", B)])
    records = link_records(comparison)
    assert [list(r) for r in records] == [list(COLUMNS)] * len(records)
    frame = export_frame(comparison)
    expected = pd.DataFrame.from_records(records, columns=list(COLUMNS)).astype(DTYPES)
    pd.testing.assert_frame_equal(frame, expected)


def test_the_export_writer_and_the_link_csv_write_the_same_bytes(tmp_path: Path):
    comparison = compare([Source("a", "a.txt", "=" + A), Source("b", "b.txt", "@" + B)])
    path = tmp_path / "links.csv"
    write_export(export_frame(comparison), path, "csv", options=comparison.options)
    assert path.read_bytes() == link_csv(comparison).encode("utf-8")
    # Formula-like passages are neutralised in the shared writer, and read_export undoes it.
    cells = [c for row in csv.reader(io.StringIO(link_csv(comparison))) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    pd.testing.assert_frame_equal(read_export(path), export_frame(comparison))


def test_a_batch_row_has_the_pair_in_front_and_no_header():
    comparison = compare([Source("a", "a.txt", A), Source("b", "b.txt", B)])
    body = link_csv(comparison, header=False, first={"pair": "fire"})
    whole = link_csv(comparison)
    assert [row[1:] for row in csv.reader(io.StringIO(body))] == list(csv.reader(io.StringIO(whole)))[1:]
    assert all(row[0] == "fire" for row in csv.reader(io.StringIO(body)))


def test_annotations_fill_only_their_own_columns(tmp_path, written):
    header, compared = written["compare"]
    path = tmp_path / "labelled.comparer"
    comparison = compare([Source("a", "a.txt", A), Source("b", "b.txt", B)])
    with Project.create(path, comparison) as project:
        first = project.links()[0].id
        project.set_label(first, "conflict", annotator="Ana")
        project.set_note(first, "=check the toll", annotator="Ana")
        frame = export_frame(project.comparison(), project.annotations(), project.added_links())
    out = tmp_path / "labelled.csv"
    write_export(frame, out, "csv", options=comparison.options)
    own = {"annotator", "label", "note", "rejected", "wrong_findings", "labelled_at"}
    keep = [i for i, name in enumerate(header) if name not in own]
    exported = _table(out.read_text(encoding="utf-8"))[1]
    assert [[r[i] for i in keep] for r in exported] == [[r[i] for i in keep] for r in compared]
    ana = dict(zip(header, exported[0], strict=True))
    assert (ana["annotator"], ana["label"], ana["note"]) == ("Ana", "conflict", "'=check the toll")
    assert ana["labelled_at"]
