"""``comparer batch CORPUS``: compare every pair (or group) of accounts in a corpus.

A corpus is either a folder whose sub-folders each hold the accounts of one event,
or a manifest (CSV) with one row per comparison: a ``pair`` name (optional), the
files in columns ``a``, ``b``, ``c`` … (paths relative to the manifest), and
optional ``date_a``, ``date_b`` … publication dates. One pair that cannot be read
is reported and skipped; the others are still compared.

With --group-events the corpus is a pile of accounts with no events given: a folder
(every account in it and its sub-folders) or a manifest with a ``file`` column (and
optionally ``date``). The accounts are grouped into events first, by the rare names,
figures and days they share and their publication dates, and only accounts of one
event are compared with each other.

Every event's accounts are compared with each other in one comparison; --facts FILE
writes the fact table of each event (who gave which figure) with an ``event`` column.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from comparer.cli.batch_corpus import group_jobs, jobs_of, load_account, send_job, write_groups
from comparer.cli.compare_cmd import FACT_COLUMNS, fact_rows
from comparer.core.batch import Job, Outcome, ResumableOutput, default_workers, run_jobs
from comparer.core.engine.compare import compare
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.serialize import to_dict
from comparer.core.errors import ComparerError, OptionsError
from comparer.core.formats.sources import source_ids
from comparer.core.grouping import GroupOptions
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
    p.add_argument(
        "--send-files",
        action="store_true",
        help="with --dask: read the accounts here and send them to the workers with their jobs "
        "(for workers that do not see the corpus; formats are then told by content)",
    )
    p.add_argument(
        "--facts",
        metavar="FILE",
        help="also write each event's fact table (CSV: the compare facts-csv columns with 'event' "
        "in front and the account's 'file' at the end)",
    )
    g = p.add_argument_group("corpora without events")
    g.add_argument(
        "--group-events",
        action="store_true",
        help="CORPUS is a pile of accounts (a folder, or a manifest with 'file' and 'date' columns): "
        "group them into events first and compare only within each",
    )
    g.add_argument(
        "--window",
        type=int,
        default=GroupOptions.window_days,
        metavar="DAYS",
        help="accounts published more than DAYS apart are never one event (default %(default)s; "
        "accounts with no date can join any)",
    )
    g.add_argument(
        "--groups", metavar="FILE", help="write the events found (CSV: event, source, file, published)"
    )
    p.set_defaults(run=run)


FACTS_HEADER = ("event", *FACT_COLUMNS, "file")


def compare_job(job: Job, fmt: str, min_score: float | None, facts: bool = False) -> Outcome:
    """Compare one job's accounts into the text it adds to the output, and its fact table rows
    when ``facts`` (runs in a worker)."""
    if len(job.files) < 2:
        raise ComparerError(f"needs at least two accounts, found {len(job.files)}")
    options = AlignOptions() if min_score is None else AlignOptions(min_score=min_score)
    ids = source_ids(len(job.files))
    data = job.data or (b"",) * len(job.files)
    sources = [
        load_account(path, raw, sid, job.dates.get(sid))
        for sid, path, raw in zip(ids, job.files, data, strict=True)
    ]
    comparison = compare(sources, options)
    if fmt == "jsonl":
        text = json.dumps({"pair": job.name, **to_dict(comparison)}, ensure_ascii=False) + "\n"
    else:
        text = link_csv(comparison, header=False, first={"pair": job.name})
    conflicts = sum(1 for link in comparison.links if link.relation == "conflict")
    extra: tuple[str, ...] = ()
    if facts:
        at = FACT_COLUMNS.index("source")
        paths = {s.id: s.path for s in sources}
        extra = (csv_table([job.name, *row, paths[str(row[at])]] for row in fact_rows(comparison)),)
    return Outcome(job.name, text, f"{len(comparison.links)} links, {conflicts} conflict", extra=extra)


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


@contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A ``distributed`` client: of the scheduler at ``address``, or of a new local cluster of
    ``workers`` single-threaded worker processes (closed with the client)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise OptionsError(
            "--dask needs the distributed package: pip install 'comparer[dask]' (or pip install distributed)"
        ) from exc
    if address:
        with Client(address) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1) as cluster,  # type: ignore[no-untyped-call]
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def run(args: argparse.Namespace) -> int:
    """Run ``comparer batch``; exit 1 when some comparison could not be made."""
    fmt = args.format or ("jsonl" if args.output.endswith((".jsonl", ".ndjson")) else "csv")
    header = csv_table((), header=["pair", *COLUMNS]) if fmt == "csv" else ""
    facts = [(Path(args.facts), csv_table((), header=FACTS_HEADER))] if args.facts else []
    workers = args.workers or default_workers()
    if args.send_files and args.dask is None:
        raise OptionsError("--send-files is for --dask: processes on this machine read the files themselves")
    if not args.group_events and (args.groups or args.window != GroupOptions.window_days):
        raise OptionsError("--groups and --window are for --group-events")
    send = bool(args.send_files)
    # Workers of a remote scheduler run elsewhere: paths must not depend on this shell's folder.
    corpus = Path(args.corpus).absolute() if args.dask else Path(args.corpus)
    if not args.group_events:
        jobs = jobs_of(corpus)
    with ExitStack() as stack:
        client = stack.enter_context(dask_client(args.dask, workers)) if args.dask is not None else None
        if args.group_events:
            options = GroupOptions(window_days=args.window)
            jobs, grouping = group_jobs(corpus, options, workers=workers, client=client, send=send)
            if args.groups:
                write_groups(Path(args.groups), jobs, grouping)
            if not jobs:
                raise ComparerError(f"{args.corpus}: no two accounts found to be of one event")
        out = ResumableOutput(Path(args.output), header, resume=args.resume, extra=facts)
        todo = sum(1 for j in jobs if j.name not in out.done)
        progress = _Progress(todo, bar=sys.stderr.isatty(), quiet=args.quiet)
        stop = os.environ.get(STOP_AFTER_ENV)
        try:
            outcomes = run_jobs(
                partial(compare_job, fmt=fmt, min_score=args.min_score, facts=bool(args.facts)),
                jobs,
                out,
                workers=workers,
                client=client,
                tick=progress,
                stop_after=int(stop) if stop else None,
                prepare=send_job if send else None,
            )
        finally:
            out.close()
            progress.finish()
    failed = sum(1 for o in outcomes if o.error)
    skipped = len(jobs) - todo
    done = f" ({skipped} already written)" if skipped else ""
    print(
        f"{len(outcomes) - failed} of {len(outcomes)} compared{done}; written to {args.output}",
        file=sys.stderr,
    )
    return 1 if failed else 0
