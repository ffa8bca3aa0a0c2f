"""A set of disjoint character ranges with overlap look-ups in logarithmic time."""

from __future__ import annotations

from bisect import bisect_right, insort

from comparer.core.engine.model import Span


class SpanSet:
    """Disjoint spans kept sorted by start, so a look-up costs O(log n) instead of a scan of every span.

    Callers add a span only after :meth:`overlaps` said it is free, so the spans stay disjoint and
    the only candidates for an overlap are the span starting at or before the new end and its
    predecessor's end.
    """

    __slots__ = ("_ends", "_points", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[int] = []  # empty spans: they overlap a span that strictly contains them

    def overlaps(self, span: Span) -> bool:
        """True when ``span`` shares a character with a span of the set."""
        i = bisect_right(self._starts, span.end - 1) - 1
        if i >= 0 and self._ends[i] > span.start and self._starts[i] < span.end:
            return True
        j = bisect_right(self._points, span.start)
        return j < len(self._points) and self._points[j] < span.end

    def add(self, span: Span) -> None:
        """Add a span that overlaps none of the set."""
        if span.start == span.end:
            insort(self._points, span.start)
            return
        i = bisect_right(self._starts, span.start)
        self._starts.insert(i, span.start)
        self._ends.insert(i, span.end)

    def __len__(self) -> int:
        return len(self._starts) + len(self._points)
