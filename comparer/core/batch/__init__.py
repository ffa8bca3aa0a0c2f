"""Running a corpus of comparisons: the plan, a resumable output, and where the work runs.

A batch is a list of :class:`Job` (one per event or manifest row). Each job is done by
a picklable ``work`` function that returns an :class:`Outcome` whose ``text`` is what
goes into the output (and whose ``extra`` texts go into side outputs, such as a fact
table). Outcomes are written in plan order, each followed by a line in a journal
(``OUT.done``) naming the job and the size in bytes of every output after it, so a rerun with
``resume`` cuts off anything written after the last journalled job and skips the jobs
journalled: an interrupted run loses at most the jobs in flight (:mod:`comparer.core.batch.output`).

Jobs run inline, on a pool of processes, or on a Dask ``distributed`` client. On a pool
or on Dask they travel in small chunks (:func:`chunk_size`), so that the cost of sending
a job and its result is paid once for several jobs while every worker still gets many
chunks to balance the load; the chunks shrink towards the end so that no worker sits idle
while another finishes a long one. Each worker is one process on one core: libraries' own
thread pools are turned off in it (:func:`one_thread`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from functools import partial
from typing import Any, Protocol, TypeVar

from comparer.core.batch.jobs import Job, Outcome
from comparer.core.batch.output import ResumableOutput
from comparer.core.errors import ComparerError

__all__ = [
    "BatchInterrupted",
    "DaskClient",
    "Job",
    "Outcome",
    "ResumableOutput",
    "chunk_size",
    "default_workers",
    "guarded",
    "one_thread",
    "pair_count",
    "parallel_map",
    "run_jobs",
]


Work = Callable[[Job], Outcome]
Tick = Callable[[Outcome], None]
T = TypeVar("T")
R = TypeVar("R")


class BatchInterrupted(ComparerError):
    """The batch stopped before every job was written (a test hook or the user)."""


# Libraries that otherwise start threads of their own for every call (the tokenizer's thread pool):
# a batch already runs one process per core, so in it they only add hand-offs between threads. The
# engine's own sharing of a long comparison with a forked copy of itself is off for the same reason.
SINGLE_THREADED = {"TOKENIZERS_PARALLELISM": "false", "COMPARER_PROCESSES": "1"}


def _single_threaded() -> None:
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)  # a setting the user gave is kept


@contextmanager
def one_thread() -> Iterator[None]:
    """Libraries' own thread pools off while inside, as in every worker of a pool or of Dask."""
    saved = {name: os.environ.get(name) for name in SINGLE_THREADED}
    _single_threaded()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def guarded(work: Work, job: Job) -> Outcome:
    """Run ``work`` on ``job``; any error becomes an outcome so one bad pair never stops the rest."""
    try:
        return work(job)
    except Exception as exc:  # a bad pair is reported and skipped, whatever broke
        return Outcome(job.name, error=str(exc) or type(exc).__name__)


def chunk_size(jobs: int, workers: int) -> int:
    """Jobs sent to a worker at once: at most 8, and small enough that each worker gets at least 8 chunks.

    One comparison takes tens of milliseconds; sending it and its result to another process
    (pickling, and on Dask a task's bookkeeping in the scheduler) is paid once for the chunk
    instead of for each job. Eight chunks a worker keep a slow chunk at the end from leaving the
    others idle long.
    """
    return max(1, min(8, jobs // (8 * max(workers, 1))))


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


class DaskClient(Protocol):
    """The part of ``distributed.Client`` a batch uses."""

    def submit(self, func: Any, *args: Any, **kwargs: Any) -> Any: ...


def _apply(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``fn`` on each of a chunk of items (what a pool or Dask worker is sent), one thread at a time."""
    _single_threaded()
    return [fn(item) for item in items]


def _chunks(items: Sequence[T], size: int, workers: int = 1) -> Iterator[tuple[int, Sequence[T]]]:
    """Chunks of at most ``size`` items, smaller towards the end: a chunk is never more than a quarter
    of what each worker has left, so the last chunks are single items and the workers finish together."""
    start = 0
    while start < len(items):
        count = max(1, min(size, (len(items) - start) // (4 * max(workers, 1))))
        yield start, items[start : start + count]
        start += count


def _start_method() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server process, never from a parent that may hold
    # threads or locks; spawn where there is no forkserver (Windows, macOS).
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _modules(fn: Any) -> list[str]:
    """The modules a (partial of a) function and the functions bound into it come from."""
    if isinstance(fn, partial):
        inner = [fn.func, *fn.args, *fn.keywords.values()]
        return [m for part in inner if callable(part) for m in _modules(part)]
    module = getattr(fn, "__module__", None)
    return [module] if isinstance(module, str) and module != "__main__" else []


def _preload(ctx: multiprocessing.context.BaseContext, fn: Callable[..., Any]) -> None:
    """Have the forkserver import the work's modules once, so each worker forks with them imported.

    Without it every worker imports the engine itself (about a second of CPU each)."""
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(sorted(set(_modules(fn))))


Lost = Callable[[T, Exception], R]


def _pool(
    fn: Callable[[T], R], items: Sequence[T], workers: int, lost: Lost[T, R] | None
) -> Iterator[tuple[int, R]]:
    size = chunk_size(len(items), workers)
    window = 4 * workers  # chunks sent ahead: enough to keep every worker busy, few to lose on a kill
    ctx = _start_method()
    _preload(ctx, fn)
    with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        todo = _chunks(items, size, workers)
        running: dict[Future[list[R]], tuple[int, int]] = {}
        broken: Exception | None = None
        for start, chunk in todo:
            running[pool.submit(_apply, fn, chunk)] = (start, len(chunk))
            if len(running) >= window:
                break
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                start, count = running.pop(fut)
                try:
                    results = fut.result()
                except Exception as exc:  # a worker died (killed, out of memory): the pool is broken
                    if lost is None:
                        raise
                    broken = exc
                    results = [lost(item, exc) for item in items[start : start + count]]
                for k, result in enumerate(results):
                    yield start + k, result
                nxt = None if broken else next(todo, None)
                if nxt is not None:
                    running[pool.submit(_apply, fn, nxt[1])] = (nxt[0], len(nxt[1]))
        if broken is not None and lost is not None:
            for start, chunk in todo:  # never sent: the pool is gone
                for k, item in enumerate(chunk):
                    yield start + k, lost(item, broken)


def _dask(
    fn: Callable[[T], R],
    items: Sequence[T],
    client: DaskClient,
    prepare: Callable[[T], T] | None,
    lost: Lost[T, R] | None,
) -> Iterator[tuple[int, R]]:
    from distributed import as_completed

    def threads() -> int:
        nthreads = getattr(client, "nthreads", None)  # worker -> threads, on a distributed.Client
        return sum(nthreads().values()) if callable(nthreads) else 1

    size = chunk_size(len(items), threads())
    chunks = _chunks(items, size, threads())
    starts: dict[Any, tuple[int, int]] = {}
    running = as_completed()  # type: ignore[no-untyped-call]

    def submit() -> bool:
        nxt = next(chunks, None)
        if nxt is None:
            return False
        start, chunk = nxt
        if prepare is not None:
            chunk = [prepare(item) for item in chunk]
        # pure=False: two chunks of equal content are still two; retries: a worker lost mid-chunk
        # costs only its chunks, which the scheduler runs again elsewhere.
        fut = client.submit(_apply, fn, chunk, pure=False, retries=2)
        starts[fut] = (start, len(chunk))
        running.add(fut)  # type: ignore[no-untyped-call]
        return True

    # A window of chunks in flight, grown as workers join: the scheduler (and, with ``prepare``,
    # the client) never holds the whole corpus.
    while len(starts) < max(16, 4 * threads()) and submit():
        pass
    for fut in running:
        start, count = starts.pop(fut)
        try:
            results = fut.result()
        except Exception as exc:  # its workers kept dying (KilledWorker) after the retries
            if lost is None:
                raise
            results = [lost(item, exc) for item in items[start : start + count]]
        for k, result in enumerate(results):
            yield start + k, result
        while len(starts) < max(16, 4 * threads()) and submit():
            pass


def parallel_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int = 1,
    client: DaskClient | None = None,
    prepare: Callable[[T], T] | None = None,
    lost: Lost[T, R] | None = None,
) -> Iterator[tuple[int, R]]:
    """``fn`` on every item, inline, on a pool of ``workers`` processes, or on Dask.

    Yields ``(index, result)`` as results come, in no set order. ``fn`` must be picklable
    (a module-level function or a ``functools.partial`` of one) and should not raise: an
    error in it ends the map (wrap it as :func:`guarded` does). On Dask, ``prepare`` turns
    each item into what is sent, here, just before it is sent (reading its files). ``lost``
    gives the result of an item whose worker died (a pool whose process was killed, a Dask
    task whose workers died more often than the scheduler allows); without it that ends the map.
    Whichever way it runs, ``fn`` runs with libraries' own thread pools off (:func:`one_thread`).
    """
    if client is not None:
        yield from _dask(fn, items, client, prepare, lost)
    elif workers > 1 and len(items) > 1:
        yield from _pool(fn, items, min(workers, len(items)), lost)
    else:
        with one_thread():
            for i, item in enumerate(items):
                yield i, fn(item)


def _lost(job: Job, exc: Exception) -> Outcome:
    return Outcome(job.name, error=f"its worker died ({type(exc).__name__}: {exc}); --resume tries it again")


def run_jobs(
    work: Work,
    jobs: Sequence[Job],
    output: ResumableOutput,
    *,
    workers: int = 1,
    client: DaskClient | None = None,
    tick: Tick | None = None,
    stop_after: int | None = None,
    prepare: Callable[[Job], Job] | None = None,
) -> list[Outcome]:
    """Do the jobs not yet in ``output`` and write them in plan order; return their outcomes.

    ``stop_after`` ends the run (raising :class:`BatchInterrupted`) once that many jobs are
    written, as an interruption would. ``prepare``: see :func:`parallel_map`.
    """
    todo = [job for job in jobs if job.name not in output.done]
    stream = parallel_map(
        partial(guarded, work), todo, workers=workers, client=client, prepare=prepare, lost=_lost
    )
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
