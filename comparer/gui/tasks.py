"""The one background-task helper: run a function off the GUI thread, get its result back on it.

``TaskRunner.start(fn, ...)`` runs ``fn(progress, cancelled)`` on the global
QThreadPool. Results, errors and progress arrive as signals on the GUI thread;
a newer ``start`` makes older runs stale and their results are dropped
(generation number). Workers never touch widgets. With ``synchronous=True``
the function runs in the caller's thread, for tests and for ``--screenshot``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from comparer.core.engine import collector

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]
NO_FULL_COLLECTION = collector.NO_FULL_COLLECTION  # a third threshold never reached while a job runs


@contextlib.contextmanager
def full_collections_held_off() -> Iterator[None]:
    """Run a job that builds a large result without Python's full garbage collections.

    A comparison of long accounts makes millions of objects that live on, and each time they have
    grown by a quarter the collector walks all of them, holding the interpreter lock for up to a
    third of a second: the window stops answering although the work is on another thread. While
    jobs run, only the young generations are collected; when the last one ends, what exists is
    moved out of the collector's sight (the window keeps its comparisons) and the thresholds are
    restored. One hold with the engine's own (:mod:`comparer.core.engine.collector`).
    """
    with collector.full_collections_held_off(freeze=True):
        yield


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (it lives there; emits from workers are queued)."""

    progressed = Signal(int, float)
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Worker(QRunnable):
    def __init__(self, job: Job, generation: int, relay: _Relay, cancel: threading.Event) -> None:
        super().__init__()
        self._job, self._generation, self._relay, self._cancel = job, generation, relay, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        gen, relay = self._generation, self._relay
        try:
            result = self._job(lambda f: relay.progressed.emit(gen, float(f)), self._cancel.is_set)
        except Exception as exc:  # every failure must reach the GUI thread
            outcome, value = relay.failed, exc
        else:
            outcome, value = relay.succeeded, result
        # RuntimeError: the window closed while the job ran, and nobody is waiting for the result.
        with contextlib.suppress(RuntimeError):
            outcome.emit(gen, value)


class TaskRunner(QObject):
    """Runs one job at a time in the background; only the newest job's outcome is reported.

    Signals: ``started()``, ``progress(float)``, ``finished(object)`` with the result,
    ``failed(object)`` with the exception, ``done()`` after either (not for stale runs).
    """

    started = Signal()
    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._generation = 0
        self._cancel = threading.Event()
        self._busy = False
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self._relay.succeeded.connect(self._on_success)
        self._relay.failed.connect(self._on_failure)

    @property
    def busy(self) -> bool:
        """True while the newest job has not reported back."""
        return self._busy

    @property
    def generation(self) -> int:
        """Number of the newest job."""
        return self._generation

    def start(self, job: Job) -> int:
        """Run ``job(progress, cancelled)``, superseding any earlier job; returns its generation."""
        self._cancel.set()
        self._cancel = threading.Event()
        self._generation += 1
        self._busy = True
        self.started.emit()
        if self.synchronous:
            gen = self._generation
            try:
                result = job(lambda f: self._on_progress(gen, f), self._cancel.is_set)
            except Exception as exc:
                self._on_failure(gen, exc)
            else:
                self._on_success(gen, result)
        else:
            QThreadPool.globalInstance().start(_Worker(job, self._generation, self._relay, self._cancel))
        return self._generation

    def cancel(self) -> None:
        """Ask the running job to stop; it reports failure with its cancellation error."""
        self._cancel.set()

    def _on_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation:
            self.progress.emit(fraction)

    def _on_success(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.finished.emit(result)
        self.done.emit()

    def _on_failure(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self.failed.emit(error)
        self.done.emit()
