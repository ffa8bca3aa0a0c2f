"""``comparer compare A B [C …]``: compare accounts and print or save the result."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from comparer.cli.common import add_source_options, load_sources
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.serialize import to_dict
from comparer.core.errors import ComparerError
from comparer.core.report.csvsafe import safe_row
from comparer.core.report.text import render_text


def add_parser(sub: Any) -> None:
    """Register the command."""
    p: argparse.ArgumentParser = sub.add_parser(
        "compare",
        help="compare two or more accounts claim by claim",
        description="Compare two or more accounts claim by claim. "
        "Use - to read one account from standard input.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="accounts to compare (two or more)")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv", "facts-csv"),
        default="text",
        help="output format (facts-csv: the fact table, one row per fact and account)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="show every finding, also those below the confidence worth a reader's time",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--min-score", type=float, default=None, help="drop links scoring below this (0–100)")
    p.add_argument(
        "--project", metavar="FILE", help="also save the comparison to this project file (created if missing)"
    )
    add_source_options(p)
    p.set_defaults(run=run)


CSV_COLUMNS = (
    "link",
    "relation",
    "score",
    "kinds",
    "source_a",
    "claim_a",
    "start_a",
    "end_a",
    "text_a",
    "source_b",
    "claim_b",
    "start_b",
    "end_b",
    "text_b",
    "explanations",
    "why",
)


def csv_rows(comparison: Comparison) -> list[list[object]]:
    """One row per link (in the order of :data:`CSV_COLUMNS`): both passages, offsets, relation, score,
    kinds and explanations."""
    rows: list[list[object]] = []
    shown = {f.id for f in comparison.shown_findings()}
    for link in comparison.links:
        findings = [f for f in link.findings if f.id in shown or not f.id]
        a = comparison.claim(link.a)
        b = comparison.claim(link.b)
        rows.append(
            [
                link.id,
                link.relation,
                f"{link.score:.1f}",
                ";".join(dict.fromkeys(f.kind for f in findings)),
                a.source,
                a.id,
                a.start,
                a.end,
                a.text,
                b.source,
                b.id,
                b.start,
                b.end,
                b.text,
                " | ".join(f.explanation for f in findings),
                link.evidence.summary(),
            ]
        )
    return rows


def csv_text(comparison: Comparison) -> str:
    """The comparison as CSV: a header, then :func:`csv_rows`."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(safe_row(row) for row in csv_rows(comparison))
    return buf.getvalue()


FACT_COLUMNS = (
    "fact",
    "measure",
    "scope",
    "source",
    "outlet",
    "value",
    "low",
    "high",
    "credited",
    "moment",
    "conflict",
    "claims",
    "passage",
)


def facts_csv_text(comparison: Comparison) -> str:
    """The fact table as CSV: one row per fact and account stating it."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(FACT_COLUMNS)
    for row in comparison.facts:
        for cell in row.cells:
            source = comparison.source(cell.source)
            passage = " | ".join(comparison.claim(c).text for c in cell.claims)
            writer.writerow(
                safe_row(
                    [
                        row.id,
                        row.measure,
                        row.scope,
                        cell.source,
                        source.label,
                        cell.value,
                        "" if cell.low is None else f"{cell.low:g}",
                        "" if cell.high is None else f"{cell.high:g}",
                        cell.credited or "",
                        cell.moment or "",
                        "yes" if cell.conflict else "",
                        ";".join(cell.claims),
                        passage,
                    ]
                )
            )
    return buf.getvalue()


def run(args: argparse.Namespace) -> int:
    """Run ``comparer compare``."""
    if len(args.files) < 2:
        raise ComparerError("compare needs at least two files")
    sources = load_sources(args.files, args)
    options = AlignOptions() if args.min_score is None else AlignOptions(min_score=args.min_score)
    comparison = compare(sources, options)
    if args.project:
        from comparer.core.project.store import Project

        with Project.open_or_create(args.project) as project:
            project.save_comparison(comparison)
        print(f"saved to project {args.project}", file=sys.stderr)
    if args.format == "json":
        text = json.dumps(to_dict(comparison, show_all=args.all), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = csv_text(comparison)
    elif args.format == "facts-csv":
        text = facts_csv_text(comparison)
    else:
        text = render_text(comparison, show_all=args.all)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise ComparerError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
    else:
        sys.stdout.write(text)
    return 0
