"""The link row: one layout for every CSV of links (``compare --format csv``, ``batch``, ``export``).

One row per link and annotator: the engine's relation and score, every finding on the link with
its confidence, both passages with their offsets, what an annotator said (empty when nobody did, as
in ``compare`` and ``batch``, which have no project), the options, and what made the row: comparer's
version and the lexicon's version and hash (:mod:`comparer.core.stamp`), as two constant columns at
the end so that a plain ``pandas.read_csv(path)`` still reads the file. :data:`COLUMNS` names the
columns with their pandas dtypes and meanings; the README documents the same list.

Cells are written by :func:`csv_table`: text that would start a spreadsheet formula gets a leading
apostrophe (:mod:`comparer.core.report.csvsafe`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from comparer.core.engine.model import Comparison
from comparer.core.project.annotations import AddedLink, LinkAnnotation, LinkRow, link_rows
from comparer.core.report.csvsafe import safe_row
from comparer.core.stamp import made_with

# Column name -> (pandas dtype, meaning).
COLUMNS: dict[str, tuple[str, str]] = {
    "link": ("str", "link id: L… from the engine, m… added by an annotator"),
    "origin": ("str", "engine or annotator"),
    "relation": ("str", "the engine's relation (agree, conflict, related); empty for added links"),
    "score": ("float64", "the engine's score 0–100; 0 for added links"),
    "kinds": ("str", "finding kinds on the link, ';'-separated"),
    "confidences": ("str", "each finding's confidence 0–1, ';'-separated (reports show 0.5 and up)"),
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
    "comparer_version": ("str", "version of the comparer that wrote the row"),
    "lexicon": ("str", "version and hash of its word lists, as VERSION@SHA256"),
}
DTYPES: dict[str, str] = {name: dtype for name, (dtype, _) in COLUMNS.items()}
TEXT_COLUMNS: tuple[str, ...] = tuple(name for name, (dtype, _) in COLUMNS.items() if dtype == "str")

Record = dict[str, Any]


def _link_cells(comparison: Comparison, row: LinkRow, texts: dict[str, str]) -> Record:
    link = row.link
    findings = link.findings if link else ()
    cells: Record = {
        "link": row.id,
        "origin": row.origin,
        "relation": link.relation if link else "",
        "score": round(float(link.score), 2) if link else 0.0,
        "kinds": ";".join(link.kinds) if link else "",
        "confidences": ";".join(f"{f.confidence:.2f}" for f in findings),
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


def link_records(
    comparison: Comparison,
    annotations: Iterable[LinkAnnotation] = (),
    added: Iterable[AddedLink] = (),
) -> list[Record]:
    """The rows of a comparison, each a dict with the keys of :data:`COLUMNS` in that order.

    One row per link and annotator; a link nobody annotated has one row with an empty ``annotator``.
    Links an annotator added come after the engine's.
    """
    by_key: dict[str, list[LinkAnnotation]] = {}
    for given in annotations:
        by_key.setdefault(given.link_key, []).append(given)
    texts = {s.id: s.text for s in comparison.sources}
    options = json.dumps(comparison.options, sort_keys=True)
    stamp = made_with()
    records: list[Record] = []
    for row in link_rows(comparison, added):
        base = _link_cells(comparison, row, texts)
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
                    "comparer_version": stamp.comparer,
                    "lexicon": stamp.lexicon_cell,
                }
            )
    return records


def csv_table(rows: Iterable[Sequence[object]], *, header: Sequence[str] | None = None) -> str:
    """``rows`` (and ``header`` first, if given) as CSV, every text cell made safe for spreadsheets."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    if header is not None:
        writer.writerow(header)
    writer.writerows(safe_row(row) for row in rows)
    return buf.getvalue()


def link_csv(
    comparison: Comparison,
    *,
    header: bool = True,
    first: dict[str, str] | None = None,
) -> str:
    """The comparison's links as CSV in the layout of :data:`COLUMNS`.

    ``first`` puts constant columns in front (``{"pair": name}`` in a batch); ``header`` false
    leaves out the header line (a batch writes it once).
    """
    lead = first or {}
    rows = ([*lead.values(), *(record[c] for c in COLUMNS)] for record in link_records(comparison))
    return csv_table(rows, header=[*lead, *COLUMNS] if header else None)
