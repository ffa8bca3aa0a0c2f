"""CSV cells that a spreadsheet would run as a formula, made inert (OWASP "CSV injection").

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is opened by
Excel, LibreOffice and Google Sheets as a formula. Such a cell gets a leading apostrophe, which
spreadsheets show as text and hide. So that the change can be undone exactly, a cell that already
starts with apostrophes followed by one of those characters gets one more; :func:`restore_cell`
removes one again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def safe_cell(value: object) -> object:
    """``value`` as a CSV cell that no spreadsheet runs as a formula (only text is changed)."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    """Every cell of ``row`` through :func:`safe_cell`."""
    return [safe_cell(v) for v in row]


def restore_cell(value: str) -> str:
    """The text :func:`safe_cell` was given, from what it wrote."""
    if value.startswith("'") and _FORMULA_START.match(value, 1):
        return value[1:]
    return value
