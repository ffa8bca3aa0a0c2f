"""``comparer batch CORPUS``: compare every pair (or group) of accounts in a corpus.

A corpus is either a folder whose sub-folders each hold the accounts of one event,
or a manifest (CSV) with one row per comparison: a ``pair`` name (optional), the
files in columns ``a``, ``b``, ``c`` … (paths relative to the manifest), and
optional ``date_a``, ``date_b`` … publication dates. One pair that cannot be read
is reported and skipped; the others are still compared.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from comparer.cli.compare_cmd import CSV_COLUMNS, csv_rows
from comparer.core.compare import compare
from comparer.core.csvsafe import safe_row
from comparer.core.errors import ComparerError, OptionsError
from comparer.core.options import AlignOptions
from comparer.core.serialize import to_dict
from comparer.core.sources import load_source, source_ids, supported_suffixes


@dataclass(frozen=True)
class Job:
    """One comparison of a corpus: its name, its files, and dates given for them."""

    name: str
    files: tuple[Path, ...]
    dates: dict[str, date] = field(default_factory=dict)


def add_parser(sub: Any) -> None:
    """Register the command."""
    p: argparse.ArgumentParser = sub.add_parser(
        "batch",
        help="compare every pair of accounts in a corpus (folder of folders, or a CSV manifest)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("corpus", metavar="CORPUS", help="a folder of sub-folders, or a CSV manifest")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="where to write the links")
    p.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        default=None,
        help="csv: one row per link with a 'pair' column; jsonl: one comparison (schema comparer/1) per "
        "line (default: from the output's ending, else csv)",
    )
    p.add_argument("--min-score", type=float, default=None, help="drop links scoring below this (0–100)")
    p.set_defaults(run=run)


def _folder_jobs(root: Path) -> Iterator[Job]:
    suffixes = set(supported_suffixes())
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = tuple(sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in suffixes))
        yield Job(folder.name, files)


def _manifest_jobs(manifest: Path) -> Iterator[Job]:
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ComparerError(f"{manifest}: cannot read the manifest ({exc})") from exc
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or not {"a", "b"} <= set(rows[0]):
        raise OptionsError(f"{manifest}: a manifest needs columns a and b (and optionally pair, c, date_a …)")
    for n, row in enumerate(rows, start=1):
        ids = [i for i in source_ids(26) if (row.get(i) or "").strip()]
        files = tuple(manifest.parent / row[i].strip() for i in ids)
        dates: dict[str, date] = {}
        for i in ids:
            raw = (row.get(f"date_{i}") or "").strip()
            if raw:
                try:
                    dates[i] = date.fromisoformat(raw)
                except ValueError as exc:
                    raise OptionsError(f"{manifest}, row {n}: date_{i} {raw!r} is not YYYY-MM-DD") from exc
        yield Job((row.get("pair") or "").strip() or f"row{n}", files, dates)


def jobs_of(corpus: Path) -> list[Job]:
    """The comparisons a corpus asks for."""
    if corpus.is_dir():
        jobs = list(_folder_jobs(corpus))
    elif corpus.is_file():
        jobs = list(_manifest_jobs(corpus))
    else:
        raise ComparerError(f"{corpus}: no such folder or manifest")
    if not jobs:
        raise ComparerError(f"{corpus}: nothing to compare (no sub-folders or manifest rows)")
    return jobs


def run(args: argparse.Namespace) -> int:
    """Run ``comparer batch``; exit 1 when some comparison could not be made."""
    jobs = jobs_of(Path(args.corpus))
    fmt = args.format or ("jsonl" if args.output.endswith((".jsonl", ".ndjson")) else "csv")
    options = AlignOptions() if args.min_score is None else AlignOptions(min_score=args.min_score)
    failed = 0
    chunks: list[str] = []
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["pair", *CSV_COLUMNS])
    for job in jobs:
        try:
            if len(job.files) < 2:
                raise ComparerError(f"needs at least two accounts, found {len(job.files)}")
            ids = source_ids(len(job.files))
            sources = [
                load_source(path, source_id=sid, published=job.dates.get(sid))
                for sid, path in zip(ids, job.files, strict=True)
            ]
            comparison = compare(sources, options)
        except ComparerError as exc:
            failed += 1
            print(f"comparer: {job.name}: skipped: {exc}", file=sys.stderr)
            continue
        if fmt == "jsonl":
            chunks.append(json.dumps({"pair": job.name, **to_dict(comparison)}, ensure_ascii=False) + "\n")
        else:
            writer.writerows(safe_row([job.name, *row]) for row in csv_rows(comparison))
        conflicts = sum(1 for link in comparison.links if link.relation == "conflict")
        print(
            f"{job.name}: {len(comparison.links)} links, {conflicts} conflict",
            file=sys.stderr,
        )
    try:
        text = "".join(chunks) if fmt == "jsonl" else table.getvalue()
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ComparerError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
    print(f"{len(jobs) - failed} of {len(jobs)} compared; written to {args.output}", file=sys.stderr)
    return 1 if failed else 0
