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
import csv
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from comparer.cli.compare_cmd import FACT_COLUMNS, fact_rows
from comparer.core.batch import Job, Outcome, ResumableOutput, default_workers, parallel_map, run_jobs
from comparer.core.engine.compare import compare
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.serialize import to_dict
from comparer.core.errors import ComparerError, OptionsError
from comparer.core.formats.sources import load_source, source_ids, supported_suffixes
from comparer.core.grouping import Account, Grouping, GroupOptions, account_of, group_accounts, group_names
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


def _pile_files(corpus: Path) -> list[tuple[Path, date | None]]:
    """The accounts of a corpus without events: a folder's files, or a manifest's ``file`` rows."""
    if corpus.is_dir():
        suffixes = set(supported_suffixes())
        files = sorted(f for f in corpus.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
        return [(f, None) for f in files]
    if not corpus.is_file():
        raise ComparerError(f"{corpus}: no such folder or manifest")
    try:
        rows = list(csv.DictReader(io.StringIO(corpus.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError) as exc:
        raise ComparerError(f"{corpus}: cannot read the manifest ({exc})") from exc
    if not rows or "file" not in rows[0]:
        raise OptionsError(
            f"{corpus}: with --group-events a manifest needs a column file (and optionally date)"
        )
    out: list[tuple[Path, date | None]] = []
    for n, row in enumerate(rows, start=1):
        raw = (row.get("date") or "").strip()
        try:
            day = date.fromisoformat(raw) if raw else None
        except ValueError as exc:
            raise OptionsError(f"{corpus}, row {n}: date {raw!r} is not YYYY-MM-DD") from exc
        if (row.get("file") or "").strip():
            out.append((corpus.parent / row["file"].strip(), day))
    return out


def read_account(item: tuple[Path, date | None]) -> tuple[Account | None, str]:
    """One account's grouping marks, or why it could not be read (runs in a worker)."""
    path, day = item
    try:
        return account_of(load_source(path, source_id="a", published=day)), ""
    except Exception as exc:  # an unreadable account is reported and left out, whatever broke
        return None, f"{path}: {exc}"


def group_jobs(
    corpus: Path, options: GroupOptions, *, workers: int, client: Any
) -> tuple[list[Job], Grouping]:
    """Read a pile of accounts, group them into events, and make one job per event."""
    files = _pile_files(corpus)
    if len(files) < 2:
        raise ComparerError(f"{corpus}: fewer than two accounts to group")
    read: dict[int, Account] = {}
    for i, (account, error) in parallel_map(read_account, files, workers=workers, client=client):
        if account is None:
            print(f"comparer: {error}: left out", file=sys.stderr)
        else:
            read[i] = account
    grouping = group_accounts((read[i] for i in sorted(read)), options)
    dated = {a.path: a.published for a in grouping.accounts}
    jobs = []
    for name, group in zip(group_names(grouping), grouping.groups, strict=True):
        paths = [grouping.accounts[i].path for i in group]
        ids = source_ids(len(paths))
        dates = {sid: d for sid, p in zip(ids, paths, strict=True) if (d := dated[p]) is not None}
        jobs.append(Job(name, tuple(Path(p) for p in paths), dates))
    print(f"comparer: grouped {grouping.summary()}", file=sys.stderr)
    return jobs, grouping


def _groups_csv(path: Path, jobs: list[Job], grouping: Grouping) -> None:
    rows: list[list[object]] = []
    for job in jobs:
        for sid, file in zip(source_ids(len(job.files)), job.files, strict=True):
            day = job.dates.get(sid)
            rows.append([job.name, sid, str(file), day.isoformat() if day else ""])
    for i in grouping.alone:
        account = grouping.accounts[i]
        rows.append(["", "", account.path, account.published.isoformat() if account.published else ""])
    try:
        path.write_text(csv_table(rows, header=["event", "source", "file", "published"]), encoding="utf-8")
    except OSError as exc:
        raise ComparerError(f"{path}: cannot write ({exc.strerror or exc})") from exc


FACTS_HEADER = ("event", *FACT_COLUMNS, "file")


def compare_job(job: Job, fmt: str, min_score: float | None, facts: bool = False) -> Outcome:
    """Compare one job's accounts into the text it adds to the output, and its fact table rows
    when ``facts`` (runs in a worker)."""
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
    if not args.group_events:
        jobs = jobs_of(Path(args.corpus))
    with ExitStack() as stack:
        client = stack.enter_context(dask_client(args.dask, workers)) if args.dask is not None else None
        if args.group_events:
            options = GroupOptions(window_days=args.window)
            jobs, grouping = group_jobs(Path(args.corpus), options, workers=workers, client=client)
            if args.groups:
                _groups_csv(Path(args.groups), jobs, grouping)
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
