"""Keep ``None`` alive under PySide6's lost references.

PySide6 6.12 on Python 3.11 drops one reference to ``None`` each time a Qt method that returns
nothing is called from Python (``QTextCursor.setPosition``, ``QTextCharFormat.setBackground``, …).
Painting the marks of two long accounts makes tens of thousands of such calls, and once the count
reaches zero the interpreter aborts ("none_dealloc: deallocating None"). From Python 3.12 on
``None`` is immortal and this does nothing; before, its count is raised once by far more than any
session can lose. ``None`` is never freed in any case, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def keep_none_alive() -> None:
    """Raise ``None``'s reference count out of reach of the lost references (Python < 3.12 only)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is a PyObject's first field
    if count.value < _HEADROOM:
        count.value += _HEADROOM


keep_none_alive()
