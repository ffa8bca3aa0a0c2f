"""Numbers in claims: digits and words, hedges and bounds, and the thing counted."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

from comparer.core.engine.model import Span
from comparer.core.engine.spanset import SpanSet
from comparer.core.engine.text import STOPWORDS, fold, stem
from comparer.core.lexicon import alternation, lexicon, measure_lexicon

_NUMBERS = lexicon().numbers
_NUMBER_WORDS = _NUMBERS.words
_WORD_RE = alternation(_NUMBER_WORDS)
_WORD_NUMBER = re.compile(rf"\b(?:{_WORD_RE})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_RE}))*\b", re.IGNORECASE)
# One-word measure words ("magnitude", "deaths"), which may be joined to a figure by a hyphen.
HYPHENED_MEASURES = frozenset(w for m in measure_lexicon().measures for w in m.words if " " not in w)
_WORD_THEN_DIGITS = re.compile(r"\b(?P<word>[a-z]{3,})-(?P<digits>\d+(?:\.\d+)?)(?![\w:/]|\.\d|-\d)")
_DIGITS = re.compile(
    r"(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|billion|thousand))?(?![\w:/]|\.\d|-\d)"
)
# "a thousand", "one hundred", "per million": a scale word with its count.
_COUNTED_SCALE = re.compile(r"\b(?:a|an|one|per)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# Amounts in words ("a dozen", "dozens", "a few"): numbers.toml gives each its figure and bounds.
_VAGUE = re.compile(rf"\b(?:{alternation(_NUMBERS.vague)})\b", re.IGNORECASE)
# Hedges before a figure ("more than", "about"): numbers.toml gives each the kind of bound it sets.
_HEDGE = re.compile(rf"(?P<hedge>{alternation(_NUMBERS.hedges)})\s+$", re.IGNORECASE)
_MONTHS = alternation(lexicon().calendar.months)
_MONTH_WORDS = lexicon().calendar.month_words
_DATE_CONTEXT = re.compile(rf"\b(?P<month>{_MONTHS})\.?\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<month>{_MONTHS})\b", re.IGNORECASE)
_UNIT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_UNIT_STOP = re.compile(r"[,;:.!?()“”\"]|\d")
# Number words that are rarely counts: "one of", "no one", pronoun-like uses.
_NOT_COUNT_AFTER = re.compile(r"^\s*(?:of\b|another\b|day\b|another)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A quantity stated in a claim.

    ``low``/``high`` bound the value the words allow ("more than a dozen" is
    13..inf); ``value`` is the figure as stated; ``unit`` the stems of the words
    naming what is counted.
    """

    span: Span
    text: str
    value: float
    low: float
    high: float
    hedge: str | None
    unit: tuple[str, ...]

    @property
    def exact(self) -> bool:
        """True for a plain figure with no hedge."""
        return self.low == self.high

    def shown(self) -> str:
        """The figure as a person would read it, with the thing counted."""
        return self.text

    def consistent_with(self, other: NumberFact) -> bool:
        """True when both statements can be true of one quantity."""
        return self.low <= other.high and other.low <= self.high


def _parse_words(words: str) -> float | None:
    cleaned = re.sub(r"[\s-]+", " ", words.lower().replace(" and ", " ")).strip()
    try:
        return float(text2num(cleaned, "en"))
    except (ValueError, IndexError):
        return None


def _parse_digits(raw: str) -> float | None:
    scale = 1.0
    lowered = raw.lower()
    for word, factor in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3)):
        if lowered.endswith(word):
            scale = factor
            raw = raw[: -len(word)].strip()
    try:
        return float(raw.replace(",", "")) * scale
    except ValueError:
        return None


def _bounds(value: float, hedge: str | None) -> tuple[float, float]:
    if hedge is None:
        return value, value
    bound = _NUMBERS.hedges.get(hedge.lower(), "about")
    if bound == "above":
        return math.floor(value) + 1, math.inf
    if bound == "at_least":
        return value, math.inf
    if bound == "below":
        return 0, math.ceil(value) - 1
    if bound == "at_most":
        return 0, value
    if bound == "nearly":
        return value * 0.85, value
    return value - value / 10, value + value / 10  # about, around, some, estimated …


_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}")


def _undotted(m: re.Match[str]) -> str:
    letters = m.group().replace(".", "")
    return letters + " " * (len(m.group()) - len(letters))


def _unit_after(text: str, end: int) -> tuple[str, ...]:
    """Stems of up to three content words after a number: "22 missiles", "two military bases".

    The thing counted ends at punctuation or at another number ("38 to 21" counts nothing).
    """
    stems: list[str] = []
    # "13 U.S. troops": the full stops of an abbreviation end nothing (read as "US", same length)
    window = _ABBREVIATION.sub(_undotted, text[end : min(len(text), end + 40)])
    stop = _UNIT_STOP.search(window)
    limit = stop.start() if stop else len(window)
    possessive_s = -1
    for m in _UNIT_WORD.finditer(window, 0, limit):
        if m.start() == possessive_s:
            continue  # the "s" of "Scott's"
        if window.startswith(("'s", "’s"), m.end()):
            possessive_s = m.end() + 1
            continue  # "thousands of Scott's young fans": whose they are, not what is counted
        word = fold(m.group())
        if word in _NUMBER_WORDS:
            break
        if (word in STOPWORDS or word in _NUMBERS.not_counted) and stems:
            break
        if word in STOPWORDS or word in _NUMBERS.not_counted:
            continue
        if not stems and _PER_TIME.match(window, m.end()):
            return (f"{word}/h",)  # "300-km/h winds", "30 miles per hour": a speed, not a length
        stems.append(stem(word))
        if len(stems) == 3:
            break
    return tuple(stems)


_PER_TIME = re.compile(r"\s*/\s*(?:h|hr|hour)\b|\s+(?:per|an|a)\s+hour\b", re.IGNORECASE)


# A word before a number that names what it measures or labels: "magnitude 7.8", "flight 752".
# A code of capitals and digits may stand between ("flight 4U 9525", "Flight QZ 8501").
_MEASURE_BEFORE = re.compile(
    rf"\b(?P<word>{alternation(_NUMBERS.labels)})\s*(?:[A-Z0-9]*[A-Z][A-Z0-9]*\s+)?$", re.IGNORECASE
)


def _unit_of(text: str, start: int, end: int) -> tuple[str, ...]:
    before = _MEASURE_BEFORE.search(text[max(0, start - 20) : start])
    if before:
        return (stem(fold(before.group("word").rstrip("."))),)
    return _unit_after(text, end)


# Units of measure (by stem) -> (quantity, factor to its base unit), so "6.4 metres" meets "640 centimetres".
_MEASURES: dict[str, tuple[str, float]] = {
    word: (unit.quantity, unit.factor) for unit in _NUMBERS.measures for word in unit.words
}


def in_base_unit(
    value: float, low: float, high: float, unit: tuple[str, ...]
) -> tuple[float, float, float, tuple[str, ...]]:
    """A measurement in its base unit (metres, kilograms) with the quantity as its unit; others unchanged."""
    if not unit or unit[0] not in _MEASURES:
        return value, low, high, unit
    quantity, factor = _MEASURES[unit[0]]
    return (
        round(value * factor, 9),
        round(low * factor, 9),
        high if math.isinf(high) else round(high * factor, 9),
        (quantity, *unit[1:]),
    )


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _particle(text: str, at: int, hedge: str) -> bool:
    """True when the hedge words starting at ``at`` belong to the word before them (numbers.toml
    particles)."""
    words = _NUMBERS.particles.get(" ".join(hedge.lower().split()))
    if not words:
        return False
    before = _WORD_BEFORE.search(text, max(0, at - 24), at)
    return before is not None and before.group(1).lower() in words


def _in_date(text: str, start: int, end: int) -> bool:
    """True when the figure is a day of a month ("January 8", "8 Jan"). A month in a date is written with a
    capital: "about 70 may have died" holds the verb "may", not the month."""
    before = _DATE_CONTEXT.search(text[max(0, start - 12) : start])
    for m in (before, _AFTER_DATE.match(text[end : end + 12])):
        if m is not None and (m.group("month").lower() not in _MONTH_WORDS or m.group("month")[:1].isupper()):
            return True
    return False


def find_numbers(text: str, offset: int = 0) -> list[NumberFact]:
    """Quantities in ``text``; spans are shifted by ``offset``."""
    found: list[tuple[int, int, float, float, float, str | None]] = []
    taken = SpanSet()  # disjoint, so a look-up is a bisection, not a scan

    def add(
        start: int,
        end: int,
        value: float,
        low: float | None = None,
        high: float | None = None,
        hedged_from: int | None = None,
    ) -> None:
        span = Span(start, end)
        if taken.overlaps(span):
            return
        at = start if hedged_from is None else hedged_from  # where a hedge would end ("more than| a hundred")
        hedge_m = _HEDGE.search(text[max(0, at - 20) : at])
        if hedge_m and _particle(text, at - len(hedge_m.group(0)), hedge_m.group("hedge")):
            hedge_m = None  # "handed over 441": the verb's "over", not "more than"
        hedge = hedge_m.group("hedge") if hedge_m else None
        if hedge_m:
            start = at - len(hedge_m.group(0))
        lo, hi = _bounds(value, hedge)
        if low is not None and high is not None:
            lo, hi = (low, high) if hedge is None else (max(lo, low), hi)
        taken.add(span)
        found.append((start, end, value, lo, hi, hedge))

    for m in _VAGUE.finditer(text):
        amount = _NUMBERS.vague[" ".join(m.group().lower().split())]
        add(m.start(), m.end(), amount.value, amount.low, amount.high)
    for m in _DIGITS.finditer(text):
        raw = m.group()
        if _in_date(text, m.start(), m.end()):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", raw):  # a year
            continue
        parsed = _parse_digits(raw)
        if parsed is not None:
            add(m.start(), m.end(), parsed)
    for m in _WORD_THEN_DIGITS.finditer(text):
        # "a magnitude-6.1 quake": a figure joined by a hyphen to the word that names what it measures
        # (not "COVID-19" or "F-16", whose first part is a name)
        if m.group("word").lower() in HYPHENED_MEASURES:
            parsed = _parse_digits(m.group("digits"))
            if parsed is not None:
                add(m.start("digits"), m.end("digits"), parsed)
    for m in _WORD_NUMBER.finditer(text):
        words = m.group()
        if words.lower() == "one" and (
            _NOT_COUNT_AFTER.match(text[m.end() :]) or re.search(r"\bno\s+$", text[: m.start()], re.I)
        ):
            continue
        parsed = _parse_words(words)
        if parsed is None or _in_date(text, m.start(), m.end()):
            continue
        if words.lower() in _NUMBERS.scales and not _COUNTED_SCALE.search(text[: m.start()]):
            # "injuring thousand others": a scale word with no count before it is an amount of that order
            add(m.start(), m.end(), parsed, parsed, parsed * 1000 - 1)
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if words.lower() in _NUMBERS.scales and article is not None:
            # "more than a hundred passengers": the hedge before the article is the figure's
            add(m.start(), m.end(), parsed, hedged_from=article.start())
            continue
        add(m.start(), m.end(), parsed)
    out = []
    for start, end, value, lo, hi, hedge in _ranges_joined(text, sorted(found)):
        value, lo, hi, unit = in_base_unit(value, lo, hi, _unit_of(text, start, end))
        out.append(
            NumberFact(
                span=Span(start + offset, end + offset),
                text=text[start:end],
                value=value,
                low=lo,
                high=hi,
                hedge=hedge,
                unit=unit,
            )
        )
    return out


_Found = tuple[int, int, float, float, float, str | None]
_RANGE_AND = alternation(_NUMBERS.range_and) or "(?!)"
_RANGE_JOINER = re.compile(
    rf"\s*(?:(?:{alternation(_NUMBERS.range_joiners)})|(?P<and>{_RANGE_AND}))\s*$", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")


def _ranges_joined(text: str, found: list[_Found]) -> list[_Found]:
    """Two figures read as one range: "some 50 to 70 people", "two or three", "between 50 and 70".

    The lower comes first and the higher has no hedge of its own; "rose from 50 to 70" is a change, and
    "and" joins a range only after "between".
    """
    out: list[_Found] = []
    for item in found:
        if out:
            start, end, value, lo, _, hedge = out[-1]
            s2, e2, v2, _, hi2, h2 = item
            joiner = _RANGE_JOINER.fullmatch(text, end, s2) if s2 - end <= 6 else None
            before = _WORD_BEFORE.search(text, max(0, start - 24), start)
            word = before.group(1).lower() if before else ""
            if (
                joiner is not None
                and h2 is None
                and 0 < value < v2
                and word not in _NUMBERS.range_changes
                and (joiner.group("and") is None or word in _NUMBERS.range_openers)
            ):
                out[-1] = (start, e2, (value + v2) / 2, lo, hi2, hedge)
                continue
        out.append(item)
    return out


def format_value(n: NumberFact) -> str:
    """The number with the thing counted, e.g. "22 missiles"."""
    return n.text
