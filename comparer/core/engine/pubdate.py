"""Find the publication date an article states about itself."""

from __future__ import annotations

import re
from datetime import date

from comparer.core.engine.segment import is_boilerplate
from comparer.core.lexicon import alternation, lexicon

_CALENDAR = lexicon().calendar
MONTHS = _CALENDAR.months  # name or abbreviation -> month number
WEEKDAYS = _CALENDAR.weekdays

_MONTH_RE = alternation(MONTHS)
_WEEKDAY_RE = alternation(WEEKDAYS)
_LABEL = rf"(?:{alternation(_CALENDAR.publication_labels)})\s*:?\s*"
_ISO = r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
_MDY = rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
_DMY = rf"(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon3>{_MONTH_RE})\.?,?\s+(?P<y3>\d{{4}})"
_ANY_DATE = re.compile(rf"(?:{_ISO}|{_MDY}|{_DMY})", re.IGNORECASE)
_LABELLED = re.compile(rf"\b{_LABEL}(?:(?:{_WEEKDAY_RE}),?\s+)?$", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"\b(?:{_WEEKDAY_RE}),?\s+$", re.IGNORECASE)
# "the worst bombing since … the attacks of Sept 11, 2001": a day the sentence looks back to
_LOOKS_BACK = re.compile(rf"\b(?:{alternation(_CALENDAR.year_past) or '(?!)'})\b[^.!?\n]*$", re.IGNORECASE)
_IGNORED_BEFORE = re.compile(rf"\b(?:{alternation(_CALENDAR.citation_words)})\b[^\n]{{0,40}}$", re.IGNORECASE)


def looks_back(text: str, at: int) -> bool:
    """True when a "since" before ``at`` in its sentence looks back to the date there ("the worst since …
    the attacks of Sept 11, 2001"): a day of the past, never the day the text was written."""
    return _LOOKS_BACK.search(text, max(0, at - 160), at) is not None


def _to_date(m: re.Match[str]) -> date | None:
    try:
        if m.group("y"):
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("mon"):
            return date(int(m.group("y2")), MONTHS[m.group("mon").lower()], int(m.group("d2")))
        return date(int(m.group("y3")), MONTHS[m.group("mon3").lower()], int(m.group("d3")))
    except ValueError:
        return None


def find_publication_date(text: str) -> date | None:
    """The date the text gives for itself, or ``None``.

    A labelled date ("date 2020-01-08", "Published: 8 January 2020") wins, then a
    date with its weekday ("Wednesday January 8, 2020"), then the first full date
    in the opening lines that no "since" before it in its sentence looks back to. Dates next to "accessed" or
    "retrieved" are citation
    stamps, not publication dates, and are ignored, as are unlabelled dates on a line of page furniture
    (a photo credit: "File Photo by …").
    """
    labelled: date | None = None
    with_weekday: date | None = None
    early: date | None = None
    for m in _ANY_DATE.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if _IGNORED_BEFORE.search(before):
            continue
        found = _to_date(m)
        if found is None:
            continue
        if labelled is None and _LABELLED.search(before):
            labelled = found
        elif _in_furniture(text, m.start()):
            continue
        elif with_weekday is None and _WEEKDAY_BEFORE.search(before):
            with_weekday = found
        elif early is None and m.start() < 600 and not looks_back(text, m.start()):
            early = found
    return labelled or with_weekday or early


def _in_furniture(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return is_boilerplate(text[start : end if end >= 0 else len(text)].strip())
