"""Typed errors the core raises; the GUI and the command line decide how to show them."""

from __future__ import annotations


class ComparerError(Exception):
    """Base of every error a user can cause and comparer can explain in one line."""


class SourceLoadError(ComparerError):
    """A source could not be read: missing, empty, binary, undecodable, unsupported."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OptionsError(ComparerError):
    """An option given on the command line or in settings is not valid."""
