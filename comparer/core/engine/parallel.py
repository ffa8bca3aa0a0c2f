"""A long comparison's work shared with a forked copy of this process, on a second core.

The work of one stage (each source's facts, each candidate pair's score, each link's findings) is split in
two: a forked child does the second part while this process does the first, and sends back what it made,
pickled, through a pipe. The child starts with everything this process holds (copy on write), so nothing
is sent to it; only its results travel. Results are the same as when one process does it all, in the same
order: each part is worked by the same function on the same inputs.

It is used only where it can pay and is safe:

- on Linux (``os.fork`` elsewhere is missing, or unsafe with the system's frameworks),
- with at least two cores this process may use,
- for at least ``at_least`` items (a fork and the pickling cost tens of milliseconds),
- on the main thread: a window's comparison runs on a worker thread, beside the window's own, and stays
  in one process. Other threads may exist (a library's idle pool, the sentence-vector thread is joined
  before any fork but the first, which comes before it starts): the child runs only the engine's own
  functions over data it inherited, takes no lock another thread may hold, and leaves by ``os._exit``,
- unless ``COMPARER_PROCESSES=1`` (a batch already runs one comparison per core, and sets it).

When the child fails in any way (killed, out of memory, an exception), this process does the second part
itself, so the outcome never depends on the child.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENV = "COMPARER_PROCESSES"


def available() -> bool:
    """True when work may be shared with a forked child now."""
    if os.environ.get(ENV, "").strip() == "1" or not sys.platform.startswith("linux"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores >= 2 and threading.current_thread() is threading.main_thread()


def in_two(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    *,
    at_least: int,
    weights: Sequence[int] | None = None,
    started: Callable[[], None] | None = None,
) -> list[R]:
    """``work(items)``, the second half of the items done by a forked child.

    ``work`` must give one result per item, in order, and depend on nothing but its items and what
    existed before the call; its results must pickle. With ``weights`` (the work each item is, such
    as its claims) the halves are of equal weight and ``at_least`` is a weight; ``started`` is called
    in this process once the child runs (or at once when there is none), before this process works.
    """
    sizes = list(weights) if weights is not None else [1] * len(items)
    total = sum(sizes)
    cut, running = 0, 0
    while cut < len(items) and running + sizes[cut] <= total / 2:
        running += sizes[cut]
        cut += 1
    cut = min(max(cut, 1), len(items) - 1)
    if total < at_least or len(items) < 2 or not available():
        if started is not None:
            started()
        return work(items)
    first, second = items[:cut], items[cut:]
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns on forking a process with threads (numpy's idle pool): the child runs only
        # this module's code on inherited data and leaves by os._exit, touching no lock those threads hold.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        _child(work, second, write_end)
    os.close(write_end)
    try:
        if started is not None:
            started()
        head = work(first)
        data = _read_all(read_end)
    except BaseException:
        _stop(pid)
        raise
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0 and data:
        try:
            tail: list[R] = _loads(data)
        except Exception:  # a torn or unreadable message: do the part here
            tail = work(second)
    else:
        tail = work(second)
    return head + tail


def _child(work: Callable[[Sequence[T]], list[R]], items: Sequence[T], fd: int) -> NoReturn:
    """Work the items, write the pickled results to ``fd`` and leave without running any exit hook."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # an interrupt ends the child; the parent decides
        results = work(items)
        gc.disable()  # pickling walks every object made; a collection meanwhile finds nothing to free
        data = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        code = 0
    except BaseException:  # any failure: the parent does this part itself
        code = 1
    finally:
        os._exit(code)


def _loads(data: bytes) -> list[R]:
    """The child's results; collections are held off meanwhile, since unpickling makes many objects and
    no garbage (held off, a long comparison's facts load in a third of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        out: list[R] = pickle.loads(data)
        return out
    finally:
        if enabled:
            gc.enable()


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _stop(pid: int) -> None:
    """End the child and reap it (this process is failing or was interrupted)."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
