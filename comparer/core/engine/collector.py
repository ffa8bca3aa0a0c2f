"""Python's full garbage collections held off while a comparison runs.

A comparison makes hundreds of thousands of small objects (tokens, names, figures, scored pairs) that
live until it ends. Each time they have grown by a quarter, the collector walks every one of them to look
for cycles, and finds none worth the walk (at 2,000 sentences a sixth of the run's
time). While a comparison runs only the young generations are collected (cycles made and dropped at once
are still freed); when the last running comparison ends the thresholds are put back as they were. A caller
keeping what was made (the app keeps its comparisons) can ask for it to be frozen out of the collector's
sight when the last one ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

# A third threshold never reached while a comparison runs.
NO_FULL_COLLECTION = 1_000_000

_lock = threading.Lock()
_running = 0
_freeze = False
_saved: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def full_collections_held_off(*, freeze: bool = False) -> Iterator[None]:
    """Run the body with the oldest generation never collected (nested and threaded uses count).

    With ``freeze``, when the last running body ends, what exists is moved out of the collector's sight
    (``gc.freeze``: long-lived results, still freed by reference counting) before the thresholds return.
    """
    global _running, _saved, _freeze
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], NO_FULL_COLLECTION)
        _running += 1
        _freeze = _freeze or freeze
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                if _freeze:
                    gc.collect(1)  # the young cycles first, so few are kept by the freeze
                    gc.freeze()
                    _freeze = False
                gc.set_threshold(*_saved)
