"""Casualty statements and how certain they are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from comparer.core.engine.model import Span
from comparer.core.engine.spanset import SpanSet
from comparer.core.lexicon import alternation, lexicon

Status = Literal["none", "some", "unknown", "unreported"]

_CASUALTIES = lexicon().casualties


_HARM = rf"(?:{alternation(_CASUALTIES.harm)})"
_NOBODY = "(?:" + alternation(_CASUALTIES.nobody, space=r"\s+") + ")"
_NONE = re.compile(
    rf"\b(?:(?:{_NOBODY}|no)\b[\w\s,']{{0,40}}?\b{_HARM}|{_HARM}\b[\w\s]{{0,15}}\b{_NOBODY}\b"
    rf"|without (?:\w+ ){{0,2}}?(?:any )?{_HARM}"
    rf"|(?:{alternation(_CASUALTIES.denials)}) (?:{alternation(_CASUALTIES.harm_acts)})"
    rf" (?:{alternation(_CASUALTIES.anyone)})"
    rf"|no (?:\w+ )?(?:{alternation(_CASUALTIES.harm_nouns)})\b"
    rf"|\ball\b[\w\s]{{0,40}}\b(?:have|had|has|were|are)?\s*(?:now\s+)?(?:been\s+)?accounted for)",
    re.IGNORECASE,
)
_UNCLEAR = alternation(_CASUALTIES.unclear)
_UNKNOWN = re.compile(
    rf"\b(?:{_HARM}\b[\w\s&]{{0,60}}\b(?:{alternation(_CASUALTIES.pending)})"
    rf"|(?:{alternation(_CASUALTIES.tallies)})\s+of\s+(?:the\s+)?{_HARM}"
    rf"|whether\b[\w\s]{{0,60}}\b{_HARM}"
    rf"|(?:{_UNCLEAR})\b[\w\s]{{0,30}}\b{_HARM}"
    rf"|\bunaccounted for\b|{_HARM}\b[\w\s]{{0,30}}\b(?:{alternation(_CASUALTIES.rise_modals)}) rise)",
    re.IGNORECASE,
)
_ACCOUNTED = re.compile(r"\baccounted for\b", re.IGNORECASE)
# Nothing reported yet: not a statement that no one was hurt.
_UNREPORTED = re.compile(
    rf"\bno (?:\w+ )?(?:{alternation(_CASUALTIES.news_words)})\b"
    rf"(?: \w+){{0,2}}? (?:of|on|about) (?:any )?{_HARM}"
    rf"|\b{_HARM}\b[\w\s]{{0,20}}\b(?:were|was|have|has) not (?:yet |immediately )?(?:been )?reported",
    re.IGNORECASE,
)
# Hedged reports that people are feared dead or among the victims.
_FEARED = re.compile(
    rf"\b(?:{alternation(_CASUALTIES.hedges)})\b[\w\s]{{0,30}}\b(?:{alternation(_CASUALTIES.outcomes)})\b",
    re.IGNORECASE,
)
# No survivors: everyone died.
_ALL_DIED = re.compile(rf"\bno(?: \w+)? survivors?\b|\b{_NOBODY} (?:\w+ )?survived\b", re.IGNORECASE)
_SOME = re.compile(
    rf"\b(?:\d[\d,]*|{alternation(_CASUALTIES.counts)}|at least \w+)\b[\w\s]{{0,45}}?\b{_HARM}"
    rf"|\b{_HARM}\b[\w\s]{{0,12}}\b(?:\d[\d,]*)\b",
    re.IGNORECASE,
)
# Every statement above names harm with one of these stems; a claim without them is skipped.
_HARM_STEMS = re.compile(alternation(_CASUALTIES.harm_stems), re.IGNORECASE)
_NOT_A_REPORT = re.compile(
    rf"\b(?:{alternation(_CASUALTIES.averted)})\b[\w\s]{{0,20}}\b{_HARM}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """What a claim says about people killed or hurt."""

    span: Span
    text: str
    status: Status

    @property
    def of_missing_only(self) -> bool:
        """True for "all … accounted for": it says no one is missing, not that no one was killed or hurt."""
        return self.status == "none" and _ACCOUNTED.search(self.text) is not None

    def describe(self) -> str:
        """A short phrase for explanations."""
        return {
            "none": "none killed or hurt",
            "some": "some killed or hurt",
            "unknown": "unknown / being assessed",
            "unreported": "none reported yet",
        }[self.status]


def find_casualties(text: str, offset: int = 0) -> list[CasualtyReport]:
    """Casualty statements in ``text``; the first that matches decides each region."""
    out: list[CasualtyReport] = []
    taken = SpanSet()  # the spans of ``out``, for overlap look-ups by bisection
    if not _HARM_STEMS.search(text):
        return out
    patterns = (
        ("unreported", _UNREPORTED),
        ("unknown", _FEARED),
        ("unknown", _UNKNOWN),
        ("some", _ALL_DIED),
        ("none", _NONE),
        ("some", _SOME),
    )
    for status, pattern in patterns:
        for m in pattern.finditer(text):
            span = Span(m.start() + offset, m.end() + offset)
            if taken.overlaps(span):
                continue
            if _NOT_A_REPORT.search(text[max(0, m.start() - 25) : m.end()]) and status != "none":
                continue
            taken.add(span)
            out.append(CasualtyReport(span, m.group(), status))  # type: ignore[arg-type]
    return sorted(out, key=lambda r: r.span.start)
