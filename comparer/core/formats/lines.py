"""Build a source text one paragraph per line, remembering which lines have a known role."""

from __future__ import annotations

from comparer.core.engine.model import Role, RoleHint, Span
from comparer.core.engine.segment import role_of


def squeeze(text: str) -> str:
    """Runs of white space (newlines, tabs, non-breaking spaces) become one space; ends trimmed."""
    return " ".join(text.split())


class LineBuilder:
    """Collects paragraphs as lines, and role hints whose spans point into the joined text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._hints: list[RoleHint] = []
        self._length = 0

    def add(self, line: str, role: Role | None = None) -> None:
        """Append one paragraph (already on one line); empty lines are skipped.

        A heading that reads as page furniture ("Leave a Reply", "Related stories")
        is marked boilerplate instead, so the page's markup cannot promote it.
        """
        if not line:
            return
        if role == "heading" and role_of(line, 1) == "boilerplate":
            role = "boilerplate"
        if self._parts:
            self._length += 1  # the newline before this line
        start = self._length
        self._parts.append(line)
        self._length += len(line)
        if role is not None:
            self._hints.append(RoleHint(Span(start, self._length), role))

    @property
    def text(self) -> str:
        """The lines joined with newlines."""
        return "\n".join(self._parts)

    @property
    def hints(self) -> tuple[RoleHint, ...]:
        """Role hints for the lines added with a role."""
        return tuple(self._hints)
