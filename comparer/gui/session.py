"""The window's one view of the current comparison: indexes built once, and the selection.

:class:`ComparisonIndex` is plain data (no Qt) built once per comparison, off the GUI thread when
the comparison is: claims, links and findings by id, links and findings by claim and by source, the
fact table's rows by id. :class:`ComparisonSession` holds the comparison with its index and the
current selection, and tells the panels when either changes. Panels depend on the session and its
signals, never on the main window; the window wires them and carries out the selections they ask
for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from comparer.core.engine.model import Claim, Comparison, FactRow, Finding, Link
from comparer.core.project.annotations import AddedLink, SpanRef

# Kinds of thing that can be selected; "" is no selection.
SELECTION_KINDS = ("", "link", "claim", "finding")


T = TypeVar("T")


def _frozen(d: dict[str, list[T]]) -> Mapping[str, tuple[T, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in d.items()})


@dataclass(frozen=True)
class ComparisonIndex:
    """Lookups over one comparison, built once (every lookup is a dict access)."""

    comparison: Comparison
    claims: Mapping[str, Claim] = field(repr=False)
    claims_by_source: Mapping[str, tuple[Claim, ...]] = field(repr=False)
    links: Mapping[str, Link] = field(repr=False)
    links_by_claim: Mapping[str, tuple[Link, ...]] = field(repr=False)
    findings: Mapping[str, Finding] = field(repr=False)
    findings_by_claim: Mapping[str, tuple[Finding, ...]] = field(repr=False)
    findings_by_source: Mapping[str, tuple[Finding, ...]] = field(repr=False)
    facts: Mapping[str, FactRow] = field(repr=False)

    @classmethod
    def build(cls, comparison: Comparison) -> ComparisonIndex:
        """Index ``comparison`` (plain Python: safe on a worker thread)."""
        claims = {c.id: c for c in comparison.claims}
        by_source: dict[str, list[Claim]] = {s.id: [] for s in comparison.sources}
        for claim in sorted(comparison.claims, key=lambda c: (c.source, c.start)):
            by_source.setdefault(claim.source, []).append(claim)
        links = {lk.id: lk for lk in comparison.links}
        links_by_claim: dict[str, list[Link]] = {}
        for link in comparison.links:
            for cid in dict.fromkeys((link.a, link.b)):
                links_by_claim.setdefault(cid, []).append(link)
        findings: dict[str, Finding] = {}
        f_by_claim: dict[str, list[Finding]] = {}
        f_by_source: dict[str, list[Finding]] = {}
        for n, finding in enumerate(comparison.findings):
            findings[finding.id or str(n)] = finding  # the findings list keys rows the same way
            for cid in dict.fromkeys(c for side in finding.claims for c in side):
                f_by_claim.setdefault(cid, []).append(finding)
            sides = [s for s in finding.sources if s] or [
                claims[c].source for side in finding.claims for c in side[:1] if c in claims
            ]
            for sid in dict.fromkeys(sides):
                f_by_source.setdefault(sid, []).append(finding)
        return cls(
            comparison=comparison,
            claims=MappingProxyType(claims),
            claims_by_source=_frozen(by_source),
            links=MappingProxyType(links),
            links_by_claim=_frozen(links_by_claim),
            findings=MappingProxyType(findings),
            findings_by_claim=_frozen(f_by_claim),
            findings_by_source=_frozen(f_by_source),
            facts=MappingProxyType({row.id: row for row in comparison.facts}),
        )

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or ``None``."""
        return self.claims.get(claim_id)

    def link(self, link_id: str) -> Link | None:
        """The link with this id, or ``None``."""
        return self.links.get(link_id)

    def links_of(self, claim_id: str) -> tuple[Link, ...]:
        """The links that touch this claim, in the comparison's order."""
        return self.links_by_claim.get(claim_id, ())

    def findings_of(self, claim_id: str) -> tuple[Finding, ...]:
        """The findings that rest on this claim."""
        return self.findings_by_claim.get(claim_id, ())

    def findings_in(self, source_id: str) -> tuple[Finding, ...]:
        """The findings one of whose sides is this source."""
        return self.findings_by_source.get(source_id, ())

    def claims_in(self, source_id: str) -> tuple[Claim, ...]:
        """The claims of one source, in reading order."""
        return self.claims_by_source.get(source_id, ())


class ComparisonSession(QObject):
    """The current comparison, its index and the selection, with signals for each.

    - ``comparisonChanged(object)``: a new comparison (or ``None``) and its index are in place.
    - ``selectionRequested(kind, id)``: someone asked to select a link, a claim (shown selected and
      scrolled into view in its pane) or nothing; the window carries it out.
    - ``selectionChanged(kind, id)``: what is selected now (after the window has shown it).
    - ``currentLinkChanged(str)``: the link labels and notes go to ("" when none).
    - ``findingActivated(str)``: a finding's row became the current one (its id).
    - ``answersHiddenChanged(bool)``: classroom mode hides (or shows again) what gives answers away.
    - ``linkLabelsChanged(object)``: the annotator's label of each link (a mapping by link id), or
      ``None`` when no project is open.
    - ``addedLinksChanged(object)``: the links annotators added to the accounts shown (a tuple of
      :class:`AddedLink`), drawn with the engine's.
    - ``studentMarksChanged(object)``: the class marks to draw in the panes (a tuple of ``SpanRef``).
    """

    comparisonChanged = Signal(object)
    selectionRequested = Signal(str, str)
    selectionChanged = Signal(str, str)
    currentLinkChanged = Signal(str)
    findingActivated = Signal(str)
    answersHiddenChanged = Signal(bool)
    linkLabelsChanged = Signal(object)
    addedLinksChanged = Signal(object)
    studentMarksChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index: ComparisonIndex | None = None
        self._selection: tuple[str, str] = ("", "")
        self._current_link = ""
        self._answers_hidden = False
        self._labels: Mapping[str, str] | None = None
        self._added: tuple[AddedLink, ...] = ()
        self._marks: tuple[SpanRef, ...] = ()

    # -- the comparison ---------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        """The current comparison (``None`` before the first one finishes)."""
        return self._index.comparison if self._index is not None else None

    @property
    def index(self) -> ComparisonIndex | None:
        """The lookups over the current comparison."""
        return self._index

    def set_comparison(self, comparison: Comparison | None, index: ComparisonIndex | None = None) -> None:
        """Make ``comparison`` current (with ``index`` when it was built already); clears the selection."""
        if comparison is None:
            self._index = None
        elif index is not None and index.comparison is comparison:
            self._index = index
        else:
            self._index = ComparisonIndex.build(comparison)
        self._selection = ("", "")
        self._current_link = ""
        self.comparisonChanged.emit(comparison)

    def claim(self, claim_id: str) -> Claim | None:
        """A claim of the current comparison, or ``None``."""
        return self._index.claim(claim_id) if self._index is not None else None

    def link(self, link_id: str) -> Link | None:
        """A link of the current comparison, or ``None``."""
        return self._index.link(link_id) if self._index is not None else None

    def links_of(self, claim_id: str) -> tuple[Link, ...]:
        """The links touching a claim of the current comparison."""
        return self._index.links_of(claim_id) if self._index is not None else ()

    # -- the selection ----------------------------------------------------------------------------
    @property
    def selection(self) -> tuple[str, str]:
        """``(kind, id)`` of what is selected; ``("", "")`` when nothing is."""
        return self._selection

    @property
    def current_link(self) -> str:
        """The id of the link labels go to ("" when none)."""
        return self._current_link

    def select(self, kind: str, item_id: str = "") -> None:
        """Ask for a link or a claim to be selected (``kind`` "link" or "claim"), or nothing ("")."""
        if kind not in SELECTION_KINDS:
            raise ValueError(f"cannot select a {kind!r}")
        self.selectionRequested.emit(kind, item_id if kind else "")

    def note_selection(self, kind: str, item_id: str) -> None:
        """Record what the views show as selected now (the window calls this)."""
        new = (kind, item_id) if kind else ("", "")
        if new != self._selection:
            self._selection = new
            self.selectionChanged.emit(*new)
        if kind == "finding" and item_id:
            self.findingActivated.emit(item_id)

    def note_current_link(self, link_id: str) -> bool:
        """Record the link labels go to; True (and ``currentLinkChanged``) when it changed."""
        if link_id == self._current_link:
            return False
        self._current_link = link_id
        self.currentLinkChanged.emit(link_id)
        return True

    # -- classroom --------------------------------------------------------------------------------
    @property
    def answers_hidden(self) -> bool:
        """True while classroom mode hides the findings."""
        return self._answers_hidden

    def set_answers_hidden(self, hidden: bool) -> None:
        """Hide (or show again) everything that reveals an answer; the window and panels follow."""
        if hidden == self._answers_hidden:
            return
        self._answers_hidden = hidden
        if hidden:
            self.select("")  # the selected finding's passages would give it away
        self.answersHiddenChanged.emit(hidden)

    # -- what a project adds ------------------------------------------------------------------------
    @property
    def link_labels(self) -> Mapping[str, str] | None:
        """The annotator's label of each link by id (``None``: no project open)."""
        return self._labels

    def set_link_labels(self, labels: Mapping[str, str] | None) -> None:
        """Publish the labels the list shows (``None``: no project, no Label column)."""
        new = None if labels is None else MappingProxyType(dict(labels))
        if new == self._labels:
            return
        self._labels = new
        self.linkLabelsChanged.emit(new)

    @property
    def added_links(self) -> tuple[AddedLink, ...]:
        """Links annotators added to the accounts shown."""
        return self._added

    def set_added_links(self, links: Sequence[AddedLink]) -> None:
        """Publish the added links, to be listed and drawn beside the engine's."""
        new = tuple(links)
        if new != self._added:
            self._added = new
            self.addedLinksChanged.emit(new)

    @property
    def student_marks(self) -> tuple[SpanRef, ...]:
        """The class marks drawn in the panes."""
        return self._marks

    def set_student_marks(self, marks: Sequence[SpanRef]) -> None:
        """Publish the marks of the student whose work is shown."""
        new = tuple(marks)
        if new != self._marks:
            self._marks = new
            self.studentMarksChanged.emit(new)
