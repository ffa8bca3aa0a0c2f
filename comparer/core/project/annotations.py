"""What people say about the engine's links: labels, notes, rejections, links it missed.

Annotations are plain data. A project stores them as an append-only list of
:class:`AnnotationEvent`; the current state of a link for one annotator is the
fold of that annotator's events for the link, in order (:func:`fold_events`).

Links are named by a :func:`link_key` built from the two claims' sources and
character offsets, not by the engine's link id, so a label stays attached to the
same pair of passages when the comparison is run again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal

from comparer.core.engine.model import Comparison, Link, Span
from comparer.core.errors import ComparerError

BUILTIN_LABELS: tuple[str, ...] = ("agree", "conflict", "related", "unrelated")

EventKind = Literal["label", "note", "reject", "finding"]
EVENT_KINDS: tuple[EventKind, ...] = ("label", "note", "reject", "finding")


class AnnotationError(ComparerError):
    """An annotation that cannot be made: unknown label or link, empty annotator, bad span."""


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A passage of one source: its id and a character range in its text."""

    source: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        """The range as a :class:`Span`."""
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class AnnotationEvent:
    """One thing one annotator did to one link, as stored.

    ``kind`` is ``label`` (value: the label, empty to clear), ``note`` (value: the
    note), ``reject`` (value ``"1"`` rejects, ``"0"`` takes it back) or ``finding``
    (``finding`` is the index of the finding on the link; value ``"1"`` marks it
    wrong, ``"0"`` takes that back).
    """

    link_key: str
    annotator: str
    kind: EventKind
    value: str
    created: str
    finding: int | None = None


@dataclass(frozen=True, slots=True)
class LinkAnnotation:
    """The current state of one link for one annotator."""

    link_key: str
    annotator: str
    label: str | None = None
    note: str = ""
    rejected: bool = False
    wrong_findings: tuple[int, ...] = ()
    updated: str = ""

    @property
    def is_empty(self) -> bool:
        """True when nothing is left: no label, note, rejection or wrong finding."""
        return not (self.label or self.note or self.rejected or self.wrong_findings)


@dataclass(frozen=True, slots=True)
class AddedLink:
    """A link an annotator added because the engine missed it."""

    id: str
    annotator: str
    a: SpanRef
    b: SpanRef
    created: str

    @property
    def key(self) -> str:
        """The link key of the two passages."""
        return span_key(self.a, self.b)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A link as annotators see it: the engine's or an added one, with both passages."""

    key: str
    id: str
    origin: Literal["engine", "annotator"]
    a: SpanRef
    b: SpanRef
    link: Link | None = None
    extra: dict[str, str] = field(default_factory=dict)


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def span_key(a: SpanRef, b: SpanRef) -> str:
    """A stable name for the pair of passages ``a`` and ``b`` (order as given)."""
    return f"{a.source}:{a.start}-{a.end}|{b.source}:{b.start}-{b.end}"


def link_key(comparison: Comparison, link: Link) -> str:
    """The stable name of an engine link: both claims' sources and offsets."""
    a = comparison.claim(link.a)
    b = comparison.claim(link.b)
    return span_key(SpanRef(a.source, a.start, a.end), SpanRef(b.source, b.start, b.end))


def link_rows(comparison: Comparison, added: Iterable[AddedLink] = ()) -> tuple[LinkRow, ...]:
    """Every link annotators can label: the engine's, then the added ones."""
    rows: list[LinkRow] = []
    for link in comparison.links:
        ca, cb = comparison.claim(link.a), comparison.claim(link.b)
        rows.append(
            LinkRow(
                key=link_key(comparison, link),
                id=link.id,
                origin="engine",
                a=SpanRef(ca.source, ca.start, ca.end),
                b=SpanRef(cb.source, cb.start, cb.end),
                link=link,
            )
        )
    for extra in added:
        rows.append(LinkRow(key=extra.key, id=extra.id, origin="annotator", a=extra.a, b=extra.b))
    return tuple(rows)


def fold_events(events: Iterable[AnnotationEvent]) -> dict[tuple[str, str], LinkAnnotation]:
    """The current state per ``(link_key, annotator)`` after applying ``events`` in order."""
    state: dict[tuple[str, str], LinkAnnotation] = {}
    for ev in events:
        key = (ev.link_key, ev.annotator)
        cur = state.get(key) or LinkAnnotation(link_key=ev.link_key, annotator=ev.annotator)
        if ev.kind == "label":
            cur = replace(cur, label=ev.value or None)
        elif ev.kind == "note":
            cur = replace(cur, note=ev.value)
        elif ev.kind == "reject":
            cur = replace(cur, rejected=ev.value == "1")
        elif ev.kind == "finding" and ev.finding is not None:
            wrong = set(cur.wrong_findings)
            if ev.value == "1":
                wrong.add(ev.finding)
            else:
                wrong.discard(ev.finding)
            cur = replace(cur, wrong_findings=tuple(sorted(wrong)))
        state[key] = replace(cur, updated=ev.created)
    return state


def check_annotator(name: str) -> str:
    """The annotator name, trimmed; an empty name is an error."""
    clean = name.strip()
    if not clean:
        raise AnnotationError("an annotator name is needed (who made this label?)")
    return clean


def check_span(text: str, ref: SpanRef) -> SpanRef:
    """``ref`` if it is a non-empty range inside ``text``, else an error."""
    if not 0 <= ref.start < ref.end <= len(text):
        raise AnnotationError(
            f"passage {ref.start}..{ref.end} is not a non-empty range of source {ref.source} "
            f"({len(text)} characters)"
        )
    return ref
