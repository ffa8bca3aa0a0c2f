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
import os
import sys
import time
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from comparer.core.batch import Job, Outcome, ResumableOutput, run_jobs
from comparer.core.engine.compare import compare
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.serialize import to_dict
from comparer.core.errors import ComparerError, OptionsError
from comparer.core.formats.sources import load_source, source_ids, supported_suffixes
from comparer.core.report.rows import COLUMNS, csv_table, link_csv

# Test hook: end the run (killing the process) once this many jobs are written.
STOP_AFTER_ENV = "COMPARER_BATCH_STOP_AFTER"


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
        help="csv: one row per link with a 'pair' column; jsonl: one comparison (schema comparer/2) per "
        "line (default: from the output's ending, else csv)",
    )
    p.add_argument("--min-score", type=float, default=None, help="drop links scoring below this (0–100)")
    p.add_argument(
        "-j",
        "--workers",
        type=int,
        default=0,
        help="processes (or Dask workers) to use (default: every core)",
    )
    p.add_argument(
        "--resume", action="store_true", help="keep what an earlier run wrote to OUT and do only the rest"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no line per comparison")
    p.add_argument(
        "--dask",
        nargs="?",
        const="",
        default=None,
        metavar="ADDRESS",
        help="run on Dask: a local cluster, or the scheduler at ADDRESS (tcp://HOST:PORT); "
        "needs comparer[dask]",
    )
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


def compare_job(job: Job, fmt: str, min_score: float | None) -> Outcome:
    """Compare one job's accounts into the text it adds to the output (runs in a worker)."""
    if len(job.files) < 2:
        raise ComparerError(f"needs at least two accounts, found {len(job.files)}")
    options = AlignOptions() if min_score is None else AlignOptions(min_score=min_score)
    ids = source_ids(len(job.files))
    sources = [
        load_source(path, source_id=sid, published=job.dates.get(sid))
        for sid, path in zip(ids, job.files, strict=True)
    ]
    comparison = compare(sources, options)
    if fmt == "jsonl":
        text = json.dumps({"pair": job.name, **to_dict(comparison)}, ensure_ascii=False) + "\n"
    else:
        text = link_csv(comparison, header=False, first={"pair": job.name})
    conflicts = sum(1 for link in comparison.links if link.relation == "conflict")
    return Outcome(job.name, text, f"{len(comparison.links)} links, {conflicts} conflict")


class _Progress:
    """Pairs done, rate and time left on one terminal line of stderr; a line per job otherwise."""

    def __init__(self, total: int, *, bar: bool, quiet: bool) -> None:
        self.total, self.bar, self.quiet = total, bar, quiet
        self.done = 0
        self.start = time.monotonic()

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        if outcome.error:
            self._line(f"comparer: {outcome.name}: skipped: {outcome.error}")
        elif not self.quiet and not self.bar:
            print(f"{outcome.name}: {outcome.summary}", file=sys.stderr)
        if self.bar and not self.quiet:
            rate = self.done / max(time.monotonic() - self.start, 1e-9)
            left = (self.total - self.done) / rate if rate else 0.0
            filled = int(30 * self.done / max(self.total, 1))
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} "
                f"{rate:.1f}/s {int(left) // 60}:{int(left) % 60:02d} left "
            )
            sys.stderr.flush()

    def _line(self, text: str) -> None:
        if self.bar and not self.quiet:
            sys.stderr.write("\r\x1b[K")
        print(text, file=sys.stderr)

    def finish(self) -> None:
        if self.bar and not self.quiet and self.done:
            sys.stderr.write("\n")


def dask_client(address: str, workers: int) -> Any:
    """A ``distributed`` client: of the scheduler at ``address``, or of a new local cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise OptionsError(
            "--dask needs the distributed package: pip install 'comparer[dask]' (or pip install distributed)"
        ) from exc
    if address:
        return Client(address)  # type: ignore[no-untyped-call]
    return Client(LocalCluster(n_workers=workers, threads_per_worker=1))  # type: ignore[no-untyped-call]


def run(args: argparse.Namespace) -> int:
    """Run ``comparer batch``; exit 1 when some comparison could not be made."""
    jobs = jobs_of(Path(args.corpus))
    fmt = args.format or ("jsonl" if args.output.endswith((".jsonl", ".ndjson")) else "csv")
    header = csv_table((), header=["pair", *COLUMNS]) if fmt == "csv" else ""
    out = ResumableOutput(Path(args.output), header, resume=args.resume)
    todo = sum(1 for j in jobs if j.name not in out.done)
    progress = _Progress(todo, bar=sys.stderr.isatty(), quiet=args.quiet)
    stop = os.environ.get(STOP_AFTER_ENV)
    workers = args.workers or os.cpu_count() or 1
    client = dask_client(args.dask, workers) if args.dask is not None else None
    try:
        outcomes = run_jobs(
            partial(compare_job, fmt=fmt, min_score=args.min_score),
            jobs,
            out,
            workers=workers,
            client=client,
            tick=progress,
            stop_after=int(stop) if stop else None,
        )
    finally:
        out.close()
        progress.finish()
        if client is not None:
            client.close()
    failed = sum(1 for o in outcomes if o.error)
    skipped = len(jobs) - todo
    done = f" ({skipped} already written)" if skipped else ""
    print(
        f"{len(outcomes) - failed} of {len(outcomes)} compared{done}; written to {args.output}",
        file=sys.stderr,
    )
    return 1 if failed else 0
