"""Exports of a comparison and its annotations: CSV, XLSX and JSON, one row per link and annotator.

The rows are the link rows every CSV of links has (:mod:`comparer.core.report.rows`): a link
nobody annotated has one row with an empty ``annotator``, and every row carries the options the
comparison was made with, comparer's version and the lexicon's, so a result can be reproduced.
:data:`COLUMNS` names the columns and their pandas dtypes. In CSV a text cell that would start a
spreadsheet formula (``=``, ``+``, ``-``, ``@``) gets a leading apostrophe
(:mod:`comparer.core.report.csvsafe`); :func:`read_export` removes it. Read an export back with
:func:`read_export`, ``pandas.read_csv(f, dtype=DTYPES, keep_default_na=False)``,
``pandas.read_excel(f, sheet_name="links", dtype=DTYPES, keep_default_na=False)``
or ``pandas.read_json(f, orient="table")``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from comparer.core.engine.model import Comparison
from comparer.core.errors import ComparerError
from comparer.core.project.annotations import AddedLink, LinkAnnotation
from comparer.core.report.csvsafe import restore_cell
from comparer.core.report.rows import COLUMNS, DTYPES, TEXT_COLUMNS, csv_table, link_records

__all__ = [
    "COLUMNS",
    "DTYPES",
    "FORMATS",
    "ExportError",
    "export_frame",
    "read_export",
    "write_export",
]

FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")

# Characters a spreadsheet cell cannot hold (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")


class ExportError(ComparerError):
    """An export could not be written."""


def export_frame(
    comparison: Comparison,
    annotations: Iterable[LinkAnnotation] = (),
    added: Iterable[AddedLink] = (),
) -> pd.DataFrame:
    """The export table: one row per link and annotator, columns as in :data:`COLUMNS`."""
    records = link_records(comparison, annotations, added)
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return frame.astype(DTYPES)


def write_export(frame: pd.DataFrame, path: str | Path, fmt: str, *, options: dict[str, Any]) -> None:
    """Write ``frame`` to ``path`` as ``csv``, ``xlsx`` or ``json``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    try:
        if fmt == "csv":
            # The writer every CSV of links goes through, so compare, batch and export write alike.
            rows = frame.itertuples(index=False, name=None)
            target.write_text(csv_table(rows, header=list(frame.columns)), encoding="utf-8", newline="")
        elif fmt == "json":
            frame.to_json(target, orient="table", index=False, force_ascii=False, indent=1)
        else:
            _write_xlsx(frame, target, options)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc


def _neutralised(frame: pd.DataFrame, change: Callable[[str], object]) -> pd.DataFrame:
    """``frame`` with ``change`` applied to every text column (formula neutralisation, both ways)."""
    out = frame.copy()
    for name in TEXT_COLUMNS:
        if name in out:
            out[name] = out[name].map(lambda v: change(v) if isinstance(v, str) else v)
    return out


def _write_xlsx(frame: pd.DataFrame, target: Path, options: dict[str, Any]) -> None:
    clean = frame.copy()
    for name in TEXT_COLUMNS:
        if name in clean:
            clean[name] = clean[name].map(lambda v: _ILLEGAL_XLSX.sub("\ufffd", v))
    opts = pd.DataFrame({"option": list(options), "value": [json.dumps(v) for v in options.values()]})
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        clean.to_excel(writer, sheet_name="links", index=False)
        opts.to_excel(writer, sheet_name="options", index=False)
        # A passage or note that starts with "=" is text, never a formula.
        for sheet in writer.sheets.values():
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"


def read_export(path: str | Path, fmt: str | None = None) -> pd.DataFrame:
    """Read an export back into the table it was written from."""
    p = Path(path)
    kind = fmt or p.suffix.lstrip(".").lower()
    if kind == "csv":
        return _neutralised(pd.read_csv(p, dtype=DTYPES, keep_default_na=False), restore_cell)
    if kind == "xlsx":
        return pd.read_excel(p, sheet_name="links", dtype=DTYPES, keep_default_na=False)
    if kind == "json":
        return pd.read_json(p, orient="table")
    raise ExportError(f"{p}: unknown export format {kind!r}")
