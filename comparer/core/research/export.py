"""Exports of a comparison and its annotations: CSV, XLSX and JSON, one row per link and annotator.

A link nobody annotated has one row with an empty ``annotator``. Every row
carries the options the comparison was made with, so a result can be
reproduced. :data:`COLUMNS` names the columns and their pandas dtypes. In CSV a
text cell that would start a spreadsheet formula (``=``, ``+``, ``-``, ``@``) gets a
leading apostrophe (:mod:`comparer.core.report.csvsafe`); :func:`read_export` removes it. Read an
export back with :func:`read_export`, ``pandas.read_csv(f, dtype=DTYPES, keep_default_na=False)``,
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
from comparer.core.project.annotations import AddedLink, LinkAnnotation, LinkRow, link_rows
from comparer.core.report.csvsafe import restore_cell, safe_cell

FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")

# Column name -> (pandas dtype, meaning). The README documents the same list.
COLUMNS: dict[str, tuple[str, str]] = {
    "link": ("str", "link id: L… from the engine, m… added by an annotator"),
    "origin": ("str", "engine or annotator"),
    "relation": ("str", "the engine's relation (agree, conflict, related); empty for added links"),
    "score": ("float64", "the engine's score 0–100; 0 for added links"),
    "kinds": ("str", "finding kinds on the link, ';'-separated"),
    "finding_values": ("str", "each finding as 'N. kind: value A | value B', '; '-separated"),
    "explanations": ("str", "each finding's explanation, ' | '-separated"),
    "why": ("str", "what the two passages share (the aligner's evidence)"),
    "source_a": ("str", "id of the first passage's source"),
    "claim_a": ("str", "claim id of the first passage; empty for added links"),
    "start_a": ("int64", "character offset where the first passage starts in its source text"),
    "end_a": ("int64", "character offset where it ends (exclusive)"),
    "text_a": ("str", "the first passage"),
    "source_b": ("str", "id of the second passage's source"),
    "claim_b": ("str", "claim id of the second passage; empty for added links"),
    "start_b": ("int64", "offset where the second passage starts"),
    "end_b": ("int64", "offset where it ends (exclusive)"),
    "text_b": ("str", "the second passage"),
    "annotator": ("str", "who annotated; empty when nobody did"),
    "label": ("str", "the annotator's label (agree, conflict, related, unrelated or a custom one)"),
    "note": ("str", "the annotator's note"),
    "rejected": ("bool", "the annotator rejected the engine's link"),
    "wrong_findings": ("str", "numbers (1-based) of findings the annotator marked wrong, ';'-separated"),
    "labelled_at": ("str", "UTC time of the annotator's last change (ISO 8601)"),
    "options": ("str", "the comparison options as JSON"),
}
DTYPES: dict[str, str] = {name: dtype for name, (dtype, _) in COLUMNS.items()}

# Characters a spreadsheet cell cannot hold (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f]")


class ExportError(ComparerError):
    """An export could not be written."""


def _link_cells(comparison: Comparison, row: LinkRow) -> dict[str, Any]:
    texts = {s.id: s.text for s in comparison.sources}
    link = row.link
    findings = link.findings if link else ()
    cells: dict[str, Any] = {
        "link": row.id,
        "origin": row.origin,
        "relation": link.relation if link else "",
        "score": round(float(link.score), 2) if link else 0.0,
        "kinds": ";".join(link.kinds) if link else "",
        "finding_values": "; ".join(
            f"{i}. {f.kind}: {f.values[0] or '—'} | {f.values[1] or '—'}" for i, f in enumerate(findings, 1)
        ),
        "explanations": " | ".join(f.explanation for f in findings),
        "why": link.evidence.summary() if link else "added by an annotator",
    }
    for side, ref, claim in (("a", row.a, link.a if link else ""), ("b", row.b, link.b if link else "")):
        cells[f"source_{side}"] = ref.source
        cells[f"claim_{side}"] = claim
        cells[f"start_{side}"] = ref.start
        cells[f"end_{side}"] = ref.end
        cells[f"text_{side}"] = texts.get(ref.source, "")[ref.start : ref.end]
    return cells


def export_frame(
    comparison: Comparison,
    annotations: Iterable[LinkAnnotation] = (),
    added: Iterable[AddedLink] = (),
) -> pd.DataFrame:
    """The export table: one row per link and annotator, columns as in :data:`COLUMNS`."""
    by_key: dict[str, list[LinkAnnotation]] = {}
    for given in annotations:
        by_key.setdefault(given.link_key, []).append(given)
    options = json.dumps(comparison.options, sort_keys=True)
    records: list[dict[str, Any]] = []
    for row in link_rows(comparison, added):
        base = _link_cells(comparison, row)
        anns: list[LinkAnnotation | None] = [None]
        if row.key in by_key:
            anns = [*sorted(by_key[row.key], key=lambda a: a.annotator)]
        for ann in anns:
            records.append(
                base
                | {
                    "annotator": ann.annotator if ann else "",
                    "label": (ann.label or "") if ann else "",
                    "note": ann.note if ann else "",
                    "rejected": bool(ann and ann.rejected),
                    "wrong_findings": ";".join(str(i + 1) for i in ann.wrong_findings) if ann else "",
                    "labelled_at": ann.updated if ann else "",
                    "options": options,
                }
            )
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return frame.astype(DTYPES)


def write_export(frame: pd.DataFrame, path: str | Path, fmt: str, *, options: dict[str, Any]) -> None:
    """Write ``frame`` to ``path`` as ``csv``, ``xlsx`` or ``json``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    try:
        if fmt == "csv":
            _neutralised(frame, safe_cell).to_csv(target, index=False, encoding="utf-8")
        elif fmt == "json":
            frame.to_json(target, orient="table", index=False, force_ascii=False, indent=1)
        else:
            _write_xlsx(frame, target, options)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc


def _neutralised(frame: pd.DataFrame, change: Callable[[str], object]) -> pd.DataFrame:
    """``frame`` with ``change`` applied to every text column (formula neutralisation, both ways)."""
    out = frame.copy()
    for name, (dtype, _) in COLUMNS.items():
        if dtype == "str" and name in out:
            out[name] = out[name].map(lambda v: change(v) if isinstance(v, str) else v)
    return out


def _write_xlsx(frame: pd.DataFrame, target: Path, options: dict[str, Any]) -> None:
    clean = frame.copy()
    for name, (dtype, _) in COLUMNS.items():
        if dtype == "str":
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
