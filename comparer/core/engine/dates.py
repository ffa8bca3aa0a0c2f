"""Dates and times in claims, resolved against the publication date."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from text_to_num import text2num

from comparer.core.engine.model import Span
from comparer.core.engine.pubdate import MONTHS, WEEKDAYS
from comparer.core.lexicon import alternation, lexicon

_CALENDAR = lexicon().calendar
_OFFSETS = _CALENDAR.zone_offsets
_MONTH_RE = alternation(MONTHS)
_WEEKDAY_RE = alternation(WEEKDAYS)
_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_RE})\.?(?:,?\s+(?P<y2>\d{{4}}))?)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"\b(?P<rel>{alternation(_CALENDAR.weekday_qualifiers)})?\s*(?P<wd>{_WEEKDAY_RE})\b", re.IGNORECASE
)
_RELATIVE = re.compile(
    rf"\b(?P<rel>{alternation(_CALENDAR.relative)}|(?:the )?end of (?:the|this) month)\b", re.IGNORECASE
)
_TIME = re.compile(
    # "4:30 p.m.", and the British "4.30pm"; a 24-hour clock only with a colon ("16.30" may be a decimal)
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?!\w)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d{2})\b"
    r"|\b(?P<named>noon|midnight)\b",
    re.IGNORECASE,
)
_SPACE = r"\s+"
_TIME_HEDGE = re.compile(
    rf"\b(?P<hedge>{alternation(_CALENDAR.time_hedges, space=_SPACE)})\s+(?:at\s+)?$", re.IGNORECASE
)
_MULTI_WORD_UNITS = [u for u in _CALENDAR.time_units if " " in u]
_SINGLE_WORD_UNITS = [u for u in _CALENDAR.time_units if " " not in u]
_TIME_OFFSET = re.compile(
    rf"(?:\b(?P<unit1>{alternation(_MULTI_WORD_UNITS, space=_SPACE)})"
    rf"|\b(?P<n>\d{{1,2}}|[a-z]+(?:-[a-z]+)?)\s+"
    rf"(?P<unit2>{alternation(_SINGLE_WORD_UNITS)}))\s+"
    rf"(?P<dir>{alternation((*_CALENDAR.time_later, *_CALENDAR.time_earlier))})\s+$",
    re.IGNORECASE,
)
_FUTURE = re.compile(rf"\b(?:{alternation(_CALENDAR.future)})\b", re.IGNORECASE)
_SPACE = r"\s+"
# "… have been suspended till Saturday": the weekday right after "till" is the coming one.
_UNTIL_NOW = re.compile(
    rf"\b(?:{alternation(_CALENDAR.now_verbs, space=_SPACE)})\b(?:\s+\w+){{0,3}}?\s+"
    rf"(?:{alternation(_CALENDAR.until)})\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A day named in a claim, and the calendar day it stands for (when it can be known)."""

    span: Span
    text: str
    day: date | None
    form: str  # "date", "weekday" or "relative"


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A clock time named in a claim, as minutes after midnight."""

    span: Span
    text: str
    minutes: int
    zone: str | None = None
    before: int = 0  # minutes the words allow before the stated time ("around 2 a.m.")
    after: int = 0  # and after it

    @property
    def window(self) -> tuple[int, int]:
        """The earliest and latest minute the words allow."""
        return self.minutes - self.before, self.minutes + self.after

    def consistent_with(self, other: TimeMention) -> bool:
        """True when both can name the same moment (times in two zones of known offset are converted)."""
        shift = 0
        mine, theirs = _OFFSETS.get(self.zone or ""), _OFFSETS.get(other.zone or "")
        if self.zone != other.zone and mine is not None and theirs is not None:
            shift = mine - theirs  # minutes self's clock is ahead of other's
        (a_low, a_high), (b_low, b_high) = self.window, other.window
        # on a clock of 24 hours: compare at every whole-day shift
        return any(
            a_low - shift + day <= b_high and b_low <= a_high - shift + day for day in (-1440, 0, 1440)
        )

    def comparable(self, other: TimeMention) -> bool:
        """True when the two times can be held against each other: one zone, or two of known offset."""
        local = (None, "local time")
        if self.zone == other.zone or (self.zone in local and other.zone in local):
            return True
        return self.zone in _OFFSETS and other.zone in _OFFSETS


_ZONE = re.compile(
    rf"^\s*(?:\(?(?P<abbr>{alternation(z.upper() for z in _CALENDAR.zones)})\b\)?"
    r"|(?P<named>(?:local|[A-Z][a-z]+(?: [A-Z][a-z]+)?) time)\b)"
)


def _weekday_date(published: date, weekday: int, rel: str, future: bool) -> date | None:
    """The day a weekday names; ``None`` past the calendar's edges (year 1 or 9999)."""
    try:
        return _weekday_shift(published, weekday, rel, future)
    except OverflowError:
        return None


def _weekday_shift(published: date, weekday: int, rel: str, future: bool) -> date:
    diff = (weekday - published.weekday()) % 7
    if rel == "next":
        return published + timedelta(days=diff or 7)
    if rel == "last":
        back = (published.weekday() - weekday) % 7 or 7
        return published - timedelta(days=back)
    if diff == 0:
        return published
    if future:
        return published + timedelta(days=diff)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Dates, weekdays and relative days in ``text``."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        mon = (m.group("mon") or m.group("mon2")).lower()
        if mon == "may" and m.group("mon") and not m.group("y") and not text[m.start()].isupper():
            continue  # "may 8" is rarely a date without a year; "May 8" with a capital is
        day_s = m.group("d") or m.group("d2")
        year_s = m.group("y") or m.group("y2")
        year = int(year_s) if year_s else (published.year if published else None)
        day: date | None = None
        if year is not None:
            try:
                day = date(year, MONTHS[mon], int(day_s))
            except ValueError:
                day = None
        out.append(DateMention(Span(m.start() + offset, m.end() + offset), m.group(), day, "date"))
    # The dates found so far lie in order and apart, so only the last one starting before a weekday
    # ends can hold it; weekdays found later stand after one another.
    date_starts = [d.span.start for d in out]
    for m in _WEEKDAY.finditer(text):
        span = Span(m.start("wd") + offset, m.end() + offset)
        before = bisect_left(date_starts, span.end)
        if before and span.overlaps(out[before - 1].span):
            continue
        rel = (m.group("rel") or "").lower()
        wd = WEEKDAYS.index(m.group("wd").lower())
        window = text[max(0, m.start() - 60) : m.start()]
        future = bool(_FUTURE.search(window[-40:]) or _UNTIL_NOW.search(window))
        day = _weekday_date(published, wd, rel, future) if published else None
        start = m.start() if rel in ("last", "next") else m.start("wd")
        out.append(DateMention(Span(start + offset, m.end() + offset), text[start : m.end()], day, "weekday"))
    for m in _RELATIVE.finditer(text):
        rel = m.group("rel").lower()
        shift = _CALENDAR.relative.get(rel, 0)
        try:
            day = published + timedelta(days=shift) if published else None
            if published and "month" in rel:
                following = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
                day = following - timedelta(days=1)
        except OverflowError:  # a day past the calendar's edges (year 1 or 9999) is no day
            day = None
        out.append(DateMention(Span(m.start() + offset, m.end() + offset), m.group(), day, "relative"))
    return sorted(out, key=lambda d: d.span.start)


def find_times(text: str, offset: int = 0) -> list[TimeMention]:
    """Clock times in ``text``."""
    out: list[TimeMention] = []
    for m in _TIME.finditer(text):
        if m.group("named"):
            minutes = 12 * 60 if m.group("named").lower() == "noon" else 0
        elif m.group("h"):
            hour = int(m.group("h")) % 12
            if m.group("ampm").lower().startswith("p"):
                hour += 12
            minutes = hour * 60 + int(m.group("m") or 0)
        else:
            minutes = int(m.group("h24")) * 60 + int(m.group("m24"))
        zone_m = _ZONE.match(text[m.end() : m.end() + 30])
        zone = (zone_m.group("abbr") or zone_m.group("named")).lower() if zone_m else None
        start = m.start()
        counted = _TIME_OFFSET.search(text, max(0, start - 40), start)
        if counted is not None:
            # "ten minutes past midnight", "an hour after midnight"
            shift = _minutes_in(counted.group("n") or "", counted.group("unit1") or counted.group("unit2"))
            if shift is not None:
                later = counted.group("dir").lower() in _CALENDAR.time_later
                minutes = (minutes + (shift if later else -shift)) % (24 * 60)
                start = counted.start()
        before = after = 0
        hedge = _TIME_HEDGE.search(text, max(0, start - 30), start)
        if hedge is not None:
            before, after = _CALENDAR.time_hedges[_squeeze(hedge.group("hedge"))]
        out.append(
            TimeMention(
                Span(start + offset, m.end() + offset), text[start : m.end()], minutes, zone, before, after
            )
        )
    return out


def _squeeze(words: str) -> str:
    return " ".join(words.lower().split())


def _minutes_in(count: str, unit: str) -> int | None:
    """Minutes in "ten minutes", "an hour", "half an hour"."""
    unit = _squeeze(unit)
    if unit in _CALENDAR.time_units and not count:
        return _CALENDAR.time_units[unit]
    length = _CALENDAR.time_units.get(unit)
    if length is None:
        return None
    word = _squeeze(count)
    if word in ("a", "an", "one"):
        return length
    if word.isdigit():
        return int(word) * length
    try:
        return int(text2num(word.replace("-", " "), "en")) * length
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=1)
def _said_on() -> re.Pattern[str]:
    cal = lexicon().calendar
    verbs = alternation(cal.statement_verbs) or "(?!)"
    qualifiers = alternation(cal.weekday_qualifiers) or "(?!)"
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:{qualifiers})\s+)*(?:on\s+)?$", re.IGNORECASE)


def said_on(text: str, d: DateMention, offset: int = 0) -> bool:
    """True when the day is the day of a statement ("officials said Monday", "signalled on Wednesday"),
    not of what the statement tells; ``offset`` is where ``text`` starts in the source."""
    return _ends_right_before(_said_on(), text, d.span.start - offset, 32)


def _ends_right_before(pattern: re.Pattern[str], text: str, start: int, reach: int) -> bool:
    """True when ``pattern`` matches words ending right at ``start`` (within ``reach`` characters before)."""
    return pattern.search(text, max(0, start - reach), start) is not None


@lru_cache(maxsize=1)
def _tally_moment() -> re.Pattern[str]:
    words = alternation(lexicon().calendar.tally_moments, space=r"\s+") or "(?!)"
    return re.compile(rf"\b(?:{words})\s+(?:about\s+|around\s+)?$", re.IGNORECASE)


def tally_moment(text: str, t: TimeMention, offset: int = 0) -> bool:
    """True when a clock time is the moment a count stood at ("73 as of 6:00 p.m."), not an event's time."""
    return _ends_right_before(_tally_moment(), text, t.span.start - offset, 24)
