"""What made an output: comparer's version and the lexicon's version and hash.

Every output records it (JSON, CSV, project, HTML and text reports), so that a result can be
told apart from one made by another release or with other word lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from comparer.core.lexicon import lexicon_stamp


@dataclass(frozen=True, slots=True)
class MadeWith:
    """comparer's version, the lexicon's version and a hash of its files."""

    comparer: str
    lexicon: str
    lexicon_sha256: str

    @property
    def lexicon_cell(self) -> str:
        """The lexicon in one cell: ``VERSION@HASH``."""
        return f"{self.lexicon}@{self.lexicon_sha256}"

    def line(self) -> str:
        """One line for a report's footer."""
        return f"comparer {self.comparer}, lexicon {self.lexicon} (sha256 {self.lexicon_sha256})"


def comparer_version() -> str:
    """The running comparer's version."""
    from comparer import __version__  # the package root imports the engine: read it when asked

    return __version__


def made_with() -> MadeWith:
    """What this comparer is: its version and its lexicon's."""
    stamp = lexicon_stamp()
    return MadeWith(comparer_version(), str(stamp.get("version", "")), str(stamp.get("sha256", "")))
