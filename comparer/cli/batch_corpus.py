"""Reading a corpus for ``comparer batch``: the jobs it asks for, or a pile of accounts grouped into events.

A corpus is a folder of event folders, a manifest of comparisons, or (with --group-events) a
pile of accounts: a folder of files or a manifest with a ``file`` column. Workers that do not
share the client's storage get each file's bytes with their job (:func:`send_job`).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from comparer.core.batch import Job, parallel_map
from comparer.core.engine.model import Source
from comparer.core.errors import ComparerError, OptionsError
from comparer.core.formats.sources import (
    load_source,
    read_bytes,
    source_from_bytes,
    source_ids,
    supported_suffixes,
)
from comparer.core.grouping import Account, Grouping, GroupOptions, account_of, group_accounts, group_names
from comparer.core.report.rows import csv_table


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


Pile = tuple[Path, date | None, bytes]


def load_account(path: Path, data: bytes, source_id: str, published: date | None) -> Source:
    """An account read from its file, or from the bytes the client sent (format told by content)."""
    if data:
        return source_from_bytes(data, source_id=source_id, path=str(path), published=published)
    return load_source(path, source_id=source_id, published=published)


def _read_bytes(path: Path) -> bytes:
    """A file's bytes to send to a worker; empty if unreadable (the worker then tries, and says why)."""
    try:
        return read_bytes(path)
    except ComparerError:
        return b""


def _send_pile(item: Pile) -> Pile:
    return (item[0], item[1], _read_bytes(item[0]))


def send_job(job: Job) -> Job:
    """The job with its files' bytes, for workers that do not share the client's storage."""
    return replace(job, data=tuple(_read_bytes(p) for p in job.files))


def read_account(item: Pile) -> tuple[Account | None, str]:
    """One account's grouping marks, or why it could not be read (runs in a worker)."""
    path, day, data = item
    try:
        return account_of(load_account(path, data, "a", day)), ""
    except Exception as exc:  # an unreadable account is reported and left out, whatever broke
        return None, f"{path}: {exc}"


def group_jobs(
    corpus: Path, options: GroupOptions, *, workers: int, client: Any, send: bool = False
) -> tuple[list[Job], Grouping]:
    """Read a pile of accounts, group them into events, and make one job per event."""
    files: list[Pile] = [(path, day, b"") for path, day in _pile_files(corpus)]
    if len(files) < 2:
        raise ComparerError(f"{corpus}: fewer than two accounts to group")
    read: dict[int, Account] = {}
    prepare = _send_pile if send else None
    for i, (account, error) in parallel_map(
        read_account, files, workers=workers, client=client, prepare=prepare
    ):
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


def write_groups(path: Path, jobs: list[Job], grouping: Grouping) -> None:
    """The events found, one row per account (an account of no event has an empty event)."""
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
