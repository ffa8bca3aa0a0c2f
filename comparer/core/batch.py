"""Running a corpus of comparisons: the plan, a resumable output, and where the work runs.

A batch is a list of :class:`Job` (one per event or manifest row). Each job is done by
a picklable ``work`` function that returns an :class:`Outcome` whose ``text`` is what
goes into the output. Outcomes are written in plan order, each followed by a line in a
journal (``OUT.done``) naming the job and the size of the output after it, so a rerun
with ``resume`` cuts off anything written after the last journalled job and skips the
jobs journalled: an interrupted run loses at most the jobs in flight.

Jobs run inline, on a pool of processes, or on a Dask ``distributed`` client.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from comparer.core.errors import ComparerError


@dataclass(frozen=True)
class Job:
    """One comparison of a corpus: its name, its files, and dates given for them."""

    name: str
    files: tuple[Path, ...]
    dates: dict[str, date] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What one job gave: the text to append (empty when it failed), a summary or the error."""

    name: str
    text: str = ""
    summary: str = ""
    error: str = ""


Work = Callable[[Job], Outcome]
Tick = Callable[[Outcome], None]


class BatchInterrupted(ComparerError):
    """The batch stopped before every job was written (a test hook or the user)."""


def guarded(work: Work, job: Job) -> Outcome:
    """Run ``work`` on ``job``; any error becomes an outcome so one bad pair never stops the rest."""
    try:
        return work(job)
    except Exception as exc:  # a bad pair is reported and skipped, whatever broke
        return Outcome(job.name, error=str(exc) or type(exc).__name__)


class ResumableOutput:
    """An output file appended job by job, with a journal of the jobs written."""

    def __init__(self, path: Path, header: str, *, resume: bool) -> None:
        self.path = path
        self.journal = path.with_name(path.name + ".done")
        self.done: set[str] = set()
        end = 0
        if resume and self.journal.exists() and path.exists():
            for line in self.journal.read_text(encoding="utf-8").splitlines():
                name, sep, size = line.rpartition("\t")
                if sep and size.isdigit():
                    self.done.add(name)
                    end = int(size)
        try:
            if self.done:
                with path.open("r+b") as fh:  # drop a job half written when the run was stopped
                    fh.truncate(end)
                self._out = path.open("a", encoding="utf-8", newline="")
                self._log = self.journal.open("a", encoding="utf-8")
            else:
                self._out = path.open("w", encoding="utf-8", newline="")
                self._log = self.journal.open("w", encoding="utf-8")
                self._out.write(header)
                self._out.flush()
        except OSError as exc:
            raise ComparerError(f"{path}: cannot write ({exc.strerror or exc})") from exc

    def write(self, outcome: Outcome) -> None:
        """Append one job's text, then journal it (only a journalled job counts as done).

        A failed job is not journalled, so a rerun with ``resume`` tries it again."""
        if outcome.error:
            return
        self._out.write(outcome.text)
        self._out.flush()
        os.fsync(self._out.fileno())
        self._log.write(f"{outcome.name}\t{self._out.tell()}\n")
        self._log.flush()

    def close(self) -> None:
        """Close the output and the journal."""
        self._out.close()
        self._log.close()


class DaskClient(Protocol):
    """The part of ``distributed.Client`` a batch uses."""

    def submit(self, func: Any, *args: Any, **kwargs: Any) -> Any: ...


def _inline(work: Work, jobs: Sequence[Job]) -> Iterator[tuple[int, Outcome]]:
    for i, job in enumerate(jobs):
        yield i, guarded(work, job)


def _pool(work: Work, jobs: Sequence[Job], workers: int) -> Iterator[tuple[int, Outcome]]:
    window = 4 * workers  # bounded: a slow job at the head never lets the buffer grow past this
    with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
        todo = iter(enumerate(jobs))
        running: dict[Future[Outcome], int] = {}
        for i, job in todo:
            running[pool.submit(guarded, work, job)] = i
            if len(running) >= window:
                break
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                yield running.pop(fut), fut.result()
                nxt = next(todo, None)
                if nxt is not None:
                    running[pool.submit(guarded, work, nxt[1])] = nxt[0]


def _dask(work: Work, jobs: Sequence[Job], client: DaskClient) -> Iterator[tuple[int, Outcome]]:
    from distributed import as_completed

    # pure=False: two jobs of equal content are still two jobs; retries: a worker lost mid-job
    # costs only its jobs, which the scheduler runs again elsewhere.
    futures = {client.submit(guarded, work, job, pure=False, retries=2): i for i, job in enumerate(jobs)}
    for fut in as_completed(futures):  # type: ignore[no-untyped-call]
        yield futures[fut], fut.result()


def run_jobs(
    work: Work,
    jobs: Sequence[Job],
    output: ResumableOutput,
    *,
    workers: int = 1,
    client: DaskClient | None = None,
    tick: Tick | None = None,
    stop_after: int | None = None,
) -> list[Outcome]:
    """Do the jobs not yet in ``output`` and write them in plan order; return their outcomes.

    ``stop_after`` ends the run (raising :class:`BatchInterrupted`) once that many jobs are
    written, as an interruption would.
    """
    todo = [job for job in jobs if job.name not in output.done]
    if client is not None:
        stream: Iterable[tuple[int, Outcome]] = _dask(work, todo, client)
    elif workers > 1 and len(todo) > 1:
        stream = _pool(work, todo, min(workers, len(todo)))
    else:
        stream = _inline(work, todo)
    waiting: dict[int, Outcome] = {}
    outcomes: list[Outcome] = []
    for i, outcome in stream:
        waiting[i] = outcome
        while len(outcomes) in waiting:
            ready = waiting.pop(len(outcomes))
            output.write(ready)
            outcomes.append(ready)
            if tick is not None:
                tick(ready)
            if stop_after is not None and len(outcomes) >= stop_after:
                raise BatchInterrupted(f"stopped after {len(outcomes)} jobs")
    return outcomes


def pair_count(jobs: Iterable[Job]) -> int:
    """How many account pairs the jobs compare (a job of n accounts compares n·(n−1)/2)."""
    return sum(len(j.files) * (len(j.files) - 1) // 2 for j in jobs)
