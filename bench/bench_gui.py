"""How long the GUI thread stops answering while the window works on two long accounts.

Opens the main window offscreen on two synthetic accounts of about 3,000 sentences each, compares
them in the background, then scrolls both panes and walks the findings list, while a 10 ms
heartbeat timer records the longest gap between its ticks. Each step is also reported, so a stall
can be traced to what caused it, with the GUI thread's own CPU time in its longest gap ("busy"):
on a shared machine the gap also holds the time other processes and the worker had the cores,
the busy time is what the window itself spent. The last line reads
``longest GUI-thread stall: N ms``.

    .venv/bin/python bench/bench_gui.py [--sentences 3000] [--walk 200]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_pair

from comparer.core.formats.sources import source_from_text
from comparer.gui.app import application, build_window, settings_store

HEARTBEAT_MS = 10


class Heartbeat:
    """Ticks every 10 ms on the GUI thread; the longest gap beyond the interval is a stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.longest = 0.0
        self.step_longest = 0.0
        self.longest_busy = 0.0
        self.step_busy = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = (now - self.last) * 1000.0 - HEARTBEAT_MS
        busy = (cpu - self.last_cpu) * 1000.0  # this thread's CPU time since the last tick
        self.last, self.last_cpu = now, cpu
        self.longest = max(self.longest, gap)
        self.step_longest = max(self.step_longest, gap)
        self.longest_busy = max(self.longest_busy, busy)
        self.step_busy = max(self.step_busy, busy)


def _pump_until(done: Callable[[], bool], limit_s: float = 600.0) -> None:
    # An event loop of its own with a polling timer, not processEvents() in a Python loop: each
    # processEvents call hands an empty result back to Python, and PySide6 leaks a reference to None.
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.perf_counter() + limit_s
    timed_out = False

    def poll() -> None:
        nonlocal timed_out
        if done():
            loop.quit()
        elif time.perf_counter() > end:
            timed_out = True
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if timed_out:
        raise TimeoutError("the window did not finish in time")


def _pump_for(seconds: float) -> None:
    end = time.perf_counter() + seconds
    _pump_until(lambda: time.perf_counter() > end)


def _each(action: Callable[[], bool]) -> Callable[[], bool]:
    """A condition that does one more piece of work each time it is polled, true when none is left."""
    return action


def _next_to(bar: object, moves: object) -> bool:
    value = next(moves, None)  # type: ignore[call-overload]
    if value is None:
        return True
    bar.setValue(value)  # type: ignore[attr-defined]
    return False


def _advance(window: object, steps: object) -> bool:
    if next(steps, None) is None:  # type: ignore[call-overload]
        return True
    window.step(1)  # type: ignore[attr-defined]
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000)
    parser.add_argument("--walk", type=int, default=200, help="findings to step through")
    args = parser.parse_args()

    text_a, text_b = make_pair(args.sentences)
    sources = [
        source_from_text(text_a, source_id="a", path="<synthetic a>", title="Synthetic account A"),
        source_from_text(text_b, source_id="b", path="<synthetic b>", title="Synthetic account B"),
    ]
    app = application(offscreen=True)
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window(settings_store(Path(tmp) / "settings.ini"), synchronous=False)
        window.resize(1440, 900)
        window.show()
        beat = Heartbeat()
        beat.start()
        _pump_for(0.2)

        def step(name: str, action: Callable[[], None], until: Callable[[], bool] | None = None) -> None:
            beat.step_longest = beat.step_busy = 0.0
            start = time.perf_counter()
            action()
            if until is not None:
                _pump_until(until)
            _pump_for(0.1)
            took = time.perf_counter() - start
            print(
                f"{name:<28} {took:7.2f} s   longest stall {beat.step_longest:7.0f} ms"
                f"   busy {beat.step_busy:5.0f} ms",
                flush=True,
            )

        step("open and compare", lambda: window.set_sources(sources), lambda: window.comparison is not None)
        comp = window.comparison
        assert comp is not None
        print(
            f"  {len(comp.claims)} claims, {len(comp.links)} links, {len(comp.findings)} findings, "
            f"{window.findings.model.rowCount()} rows",
            flush=True,
        )

        for pane in window.area.panes.values():
            bar = pane.view.verticalScrollBar()
            moves = iter([bar.maximum() * k // 40 for k in range(41)])
            step(f"scroll pane {pane.source.id}", lambda: None, _each(lambda b=bar, m=moves: _next_to(b, m)))
        steps = iter(range(args.walk))
        step(f"walk {args.walk} findings", lambda: None, _each(lambda: _advance(window, steps)))
        step("show all", lambda: window.findings.show_all.setChecked(True))
        beat.timer.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
    print(f"longest GUI-thread busy stretch: {beat.longest_busy:.0f} ms of CPU")
    print(f"longest GUI-thread stall: {beat.longest:.0f} ms")


if __name__ == "__main__":
    main()
