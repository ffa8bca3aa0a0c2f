"""Classroom mode: students mark the differences they see, then compare with the tool and the teacher.

The differences to find (*targets*) are the tool's findings (as numbered in the
class report, leaving out those the teacher marked wrong or whose link the
teacher rejected) plus links the teacher labelled ``conflict`` on which the tool
found nothing, and links the teacher added with that label. A student's mark
*hits* a target when it overlaps one of the target's passages in the same source.
Precision is the share of marks that hit something; recall the share of targets
hit by at least one mark. Marking whole sentences would hit every target they
touch, so when the texts are given the score also counts *words*: the share of
the words a student marked that lie in a target's passage (each word counted
once, however many marks cover it). That word precision is what the summary and
F1 use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from comparer.core.engine.model import Comparison
from comparer.core.project.annotations import AddedLink, LinkAnnotation, SpanRef, link_key
from comparer.core.report.html import numbered_findings
from comparer.core.report.kinds import kind_title

TEACHER_KIND = "teacher"


@dataclass(frozen=True, slots=True)
class Target:
    """A difference the students are asked to find."""

    number: int
    kind: str
    spans: tuple[SpanRef, ...]
    explanation: str

    @property
    def title(self) -> str:
        """A short readable name of the kind."""
        if self.kind == TEACHER_KIND:
            return "Marked by the teacher"
        return kind_title(self.kind)


@dataclass(frozen=True, slots=True)
class MarkResult:
    """One student mark and the targets it hit (their numbers)."""

    mark: SpanRef
    hits: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClassroomScore:
    """How a student's marks compare with the targets."""

    targets: tuple[Target, ...]
    marks: tuple[MarkResult, ...]
    found: tuple[int, ...]
    words_marked: int | None = None  # distinct words the marks cover (None: texts not given)
    words_on_target: int = 0  # of those, the words inside a target's passage

    @property
    def precision(self) -> float:
        """Share of marks that hit a target (``nan`` with no marks)."""
        if not self.marks:
            return math.nan
        return sum(1 for m in self.marks if m.hits) / len(self.marks)

    @property
    def recall(self) -> float:
        """Share of targets hit by at least one mark (``nan`` with no targets)."""
        return len(self.found) / len(self.targets) if self.targets else math.nan

    @property
    def word_precision(self) -> float:
        """Share of the words marked that lie in a target (``nan`` without texts or marked words)."""
        if not self.words_marked:
            return math.nan
        return self.words_on_target / self.words_marked

    @property
    def f1(self) -> float:
        """Harmonic mean of precision (over words, when counted) and recall (0 when either is 0)."""
        p = self.precision if self.words_marked is None else self.word_precision
        r = self.recall
        if math.isnan(p) or math.isnan(r):
            return math.nan
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def missed(self) -> tuple[Target, ...]:
        """Targets no mark hit."""
        found = set(self.found)
        return tuple(t for t in self.targets if t.number not in found)

    def summary(self) -> str:
        """One line a student can read."""
        if not self.marks:
            return f"No marks yet; there are {len(self.targets)} differences to find."
        right = sum(1 for m in self.marks if m.hits)
        line = (
            f"You found {len(self.found)} of {len(self.targets)} differences "
            f"({_pct(self.recall)}); {right} of your {len(self.marks)} marks point at one "
            f"({_pct(self.precision)})"
        )
        if self.words_marked:
            line += (
                f"; {self.words_on_target} of the {self.words_marked} words you marked are part of one "
                f"({_pct(self.word_precision)})"
            )
        return line + "."


def _pct(value: float) -> str:
    return "–" if math.isnan(value) else f"{round(value * 100)}%"


def targets(
    comparison: Comparison,
    teacher: Iterable[LinkAnnotation] = (),
    added: Iterable[AddedLink] = (),
) -> tuple[Target, ...]:
    """The differences to find: the tool's findings, corrected and completed by the teacher."""
    anns = list(teacher)
    out: list[Target] = []
    for nf in numbered_findings(comparison, anns):
        spans: list[SpanRef] = []
        for side, claim_id in enumerate((nf.link.a, nf.link.b)):
            source = comparison.claim(claim_id).source
            spans.extend(SpanRef(source, s.start, s.end) for s in nf.finding.spans[side] if s.end > s.start)
        if spans:
            out.append(Target(len(out) + 1, nf.finding.kind, tuple(spans), nf.finding.explanation))
    conflicts = {a.link_key: a for a in anns if a.label == "conflict" and not a.rejected}
    for link in comparison.links:
        ann = conflicts.get(link_key(comparison, link))
        if ann and not link.findings:
            ca, cb = comparison.claim(link.a), comparison.claim(link.b)
            refs = (SpanRef(ca.source, ca.start, ca.end), SpanRef(cb.source, cb.start, cb.end))
            out.append(
                Target(len(out) + 1, TEACHER_KIND, refs, ann.note or "The teacher marked a conflict here.")
            )
    for extra in added:
        ann = conflicts.get(extra.key)
        if ann:
            out.append(
                Target(
                    len(out) + 1, TEACHER_KIND, (extra.a, extra.b), ann.note or "The teacher added this link."
                )
            )
    return tuple(out)


def hits(mark: SpanRef, candidates: Sequence[Target]) -> tuple[int, ...]:
    """Numbers of the targets ``mark`` overlaps."""
    return tuple(
        t.number
        for t in candidates
        if any(s.source == mark.source and s.span.overlaps(mark.span) for s in t.spans)
    )


_WORD = re.compile(r"\w+")


def _word_counts(
    marks: Sequence[SpanRef], goal: Sequence[Target], texts: Mapping[str, str]
) -> tuple[int, int]:
    """(distinct words the marks touch, of them those inside a target's passage)."""
    marked = on_target = 0
    for source in dict.fromkeys(m.source for m in marks):
        text = texts.get(source, "")
        mine = [m.span for m in marks if m.source == source]
        theirs = [s.span for t in goal for s in t.spans if s.source == source]
        for word in _WORD.finditer(text):
            lo, hi = word.start(), word.end()
            if any(s.start < hi and lo < s.end for s in mine):
                marked += 1
                if any(s.start < hi and lo < s.end for s in theirs):
                    on_target += 1
    return marked, on_target


def score_marks(
    marks: Iterable[SpanRef], goal: Sequence[Target], texts: Mapping[str, str] | None = None
) -> ClassroomScore:
    """Compare a student's marks with the targets; with the sources' ``texts`` (by source id), also
    count the words marked on and off target."""
    listed = tuple(marks)
    results = tuple(MarkResult(m, hits(m, goal)) for m in listed)
    found = sorted({n for r in results for n in r.hits})
    words: tuple[int | None, int] = (None, 0)
    if texts is not None:
        words = _word_counts(listed, goal, texts)
    return ClassroomScore(
        targets=tuple(goal),
        marks=results,
        found=tuple(found),
        words_marked=words[0],
        words_on_target=words[1],
    )
