"""Typed errors the core raises; the GUI and the command line decide how to show them."""

from __future__ import annotations

import re

# Control characters (a newline in a file name, say) would split the one-line message.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def one_line(text: str) -> str:
    """``text`` with control characters written as escapes (``\\n``, ``\\x00``), so it stays on one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class ComparerError(Exception):
    """Base of every error a user can cause and comparer can explain in one line."""


class SourceLoadError(ComparerError):
    """A source could not be read: missing, empty, binary, undecodable, unsupported."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{one_line(path)}: {one_line(reason)}")
        self.path = path
        self.reason = reason


class OptionsError(ComparerError):
    """An option given on the command line or in settings is not valid."""
