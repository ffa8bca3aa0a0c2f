"""``comparer compare A B [C …]``: compare accounts and print or save the result."""

from __future__ import annotations

import argparse
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
from comparer.core.report.rows import csv_table, link_csv
from comparer.core.report.text import render_text
from comparer.core.stamp import made_with


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
        help="show every finding, also those below the confidence worth a reader's time "
        "(csv always lists every finding on a link, with its confidence)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--min-score", type=float, default=None, help="drop links scoring below this (0–100)")
    p.add_argument(
        "--project", metavar="FILE", help="also save the comparison to this project file (created if missing)"
    )
    add_source_options(p)
    p.set_defaults(run=run)


def csv_text(comparison: Comparison) -> str:
    """The comparison's links as CSV: the link rows every CSV of links has
    (:mod:`comparer.core.report.rows`), every finding with its confidence."""
    return link_csv(comparison)


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
    "comparer_version",
    "lexicon",
)


def facts_csv_text(comparison: Comparison) -> str:
    """The fact table as CSV: one row per fact and account stating it, then what made it."""
    return csv_table(fact_rows(comparison), header=FACT_COLUMNS)


def fact_rows(comparison: Comparison) -> list[list[object]]:
    """The fact table's rows (in the order of :data:`FACT_COLUMNS`): one per fact and account."""
    stamp = made_with()
    rows: list[list[object]] = []
    for row in comparison.facts:
        for cell in row.cells:
            source = comparison.source(cell.source)
            passage = " | ".join(comparison.claim(c).text for c in cell.claims)
            rows.append(
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
                    stamp.comparer,
                    stamp.lexicon_cell,
                ]
            )
    return rows


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
            project.save_comparison(comparison)  # with the comparison of these accounts, or a new one
            number, held = project.current_number, len(project.comparisons())
        print(f"saved to project {args.project} (comparison {number} of {held})", file=sys.stderr)
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
