"""Figures as facts: what each number measures, where and when it holds, and who gives it.

A :class:`~comparer.core.engine.numbers.NumberFact` knows its value and the words after it. A
:class:`Quantity` adds what the figure *measures* ("killed more than 100 people" and "87 people
are confirmed dead" both measure deaths; "2,059 were wounded" measures injured), its *scope*
(the places its clause names, the people it is about), whether it is a part of a larger whole
("17 of these rockets"), the moment it is given for, and the source it is credited to. Figures are
then compared across accounts by measure (see :mod:`comparer.core.engine.discrepancies`), wherever each
account states them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from comparer.core.engine import parallel
from comparer.core.engine.concepts import concepts_of, country_table
from comparer.core.engine.facts import ClaimFacts
from comparer.core.engine.names import NameMention, words_match
from comparer.core.engine.numbers import HYPHENED_MEASURES, NumberFact
from comparer.core.engine.quotes import attribution_phrase
from comparer.core.engine.text import STOPWORDS, fold, stem
from comparer.core.lexicon import alternation, lexicon, measure_lexicon

# Clauses end at these marks; a figure's measure words and places are looked for in its clause.
_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\.\s|\s-\s|\band\s+(?=(?:at least|about|more than)?\s*\d)")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_FIGURES = lexicon().figures
_SPACE = r"\s+"
_PARTITIVE = re.compile(
    rf"^\s*(?:{alternation(_FIGURES.part_after, space=_SPACE)}|of\s+the\s+\w+)\b", re.IGNORECASE
)
# "six other men": a part, the word standing between the figure and its noun
_PART_ADJECTIVE = re.compile(
    rf"^\s*(?:{alternation(_FIGURES.part_adjectives)})\s+[^\W\d_]" if _FIGURES.part_adjectives else "(?!)",
    re.IGNORECASE,
)
_PART_BEFORE = re.compile(
    rf"\b(?:{alternation(_FIGURES.part_before, space=_SPACE)})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
)
# "Among the injured, two were …": a phrase set off before the figure names the group it is part of
_PART_FRONTED = re.compile(
    rf"\b(?:{alternation(_FIGURES.part_fronted, space=_SPACE)})\b[^,.;:!?]{{0,40}},\s*(?:\w+\s+)?$"
    if _FIGURES.part_fronted
    else "(?!)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(rf"\b(?:{alternation(_FIGURES.relative_words)})\b", re.IGNORECASE)
# "7 of 9 counties", "Seven of the Amtrak train's eight cars": the first figure is taken from the second
_OUT_OF = re.compile(
    r"\s+(?:out\s+of|of|out)(?:\s+the)?(?:\s+(?:a\s+)?total(?:\s+of)?)?(?:\s+(?:[^\W\d_]+\s+)?[^\W\d_]+['’]s)?\s+",
    re.IGNORECASE,
)
_CHANGE_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_CHANGE_FROM = re.compile(
    rf"\b(?:{alternation(lexicon().figures.change_verbs) or '(?!)'})\s+(?:[^\W\d_]+\s+)?from\s+$",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*(?:-|\s)?years?[\s-]+old|^\s*-year-old|^-year", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(?:a\.?\s?m\b|p\.?\s?m\b|o'clock|hours? gmt|gmt|utc|[ap]\.m\.)", re.IGNORECASE)
# "aged 16", "ages 14 to 27", "ranged in age from 14 to 27", "aged between 18 and 25" (and the second figure)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages)\s+(?:(?:from|between)\s+)?(?:\d+\s+(?:to|and|-|–)\s+)?$", re.IGNORECASE
)
# Words that stand before a place name in the clause that scopes a figure, words that may stand between
# (in most parts of Egypt), and generic words inside a place name that do not tell two places apart.
_PLACE_PREPOSITIONS = _FIGURES.place_prepositions
_GENERIC_PLACE_WORDS = _FIGURES.generic_place_words
_PLACE_NARROWERS = _FIGURES.place_narrowers
_TIME_UNITS = frozenset(stem(w) for w in _FIGURES.time_units)
_SKIP_UNITS = frozenset(stem(w) for w in _FIGURES.not_counts) | {"%"}
# Measures of harm: their words decide what a count of a particular group of people measures
# ("16 students were killed" counts deaths); other measure words do not ("16 students on board").
_MEASUREMENTS = ("length_", "mass_", "duration_")
_NOT_COUNTS = (*_MEASUREMENTS, "magnitude", "money")
_HARM_MEASURES = frozenset({"deaths", "injured", "missing", "casualties", "dead_or_missing", "bodies"})
# What may befall people on board, which measures them over where they were when a word of it follows.
_BEFALLS = _HARM_MEASURES | {"rescued", "trapped"}
# How near (in words) a measure word must stand to the figure it qualifies.
_NEAR = 7
# ... and a measure word before the figure, counted as in _measure_word: "rescue teams are able to reach 11
# people" names no rescue of the eleven.
_NEAR_BEFORE = 5


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure with what it measures, its scope, its moment and its source."""

    claim: str
    source: str
    number: NumberFact
    measure: str
    label: str
    places: tuple[tuple[str, ...], ...]
    countries: frozenset[str]  # where: "in eastern Egypt"
    nationals: frozenset[str]  # whom: "seven Peruvians", "20 Dutch pupils"
    part: bool
    moment: str | None
    credited: str | None
    how: str  # how the measure was read: "word 'killed'", "counts 'students'" …
    # What the figure allows, read as a report of a count (see :func:`reported_bounds`).
    bounds: tuple[float, float] = (0.0, 0.0)
    # Whose it may be, for a measure of one person ("Ruiz, a father of four"): last words of the names.
    holder: tuple[str, ...] = ()
    # For a country other than the event's main place (set once the main place is known).
    elsewhere: bool = False
    # For a length or a mass: the stems of the words right around it, which say what it measures ("a depth
    # of", "north of Tarrow", "below ground"); see :func:`measured_alike`.
    around: frozenset[str] = frozenset()
    # True when words between the figure and its measure word add it to an earlier toll ("also died").
    also: bool = False
    # For a length: the folded place it is measured from ("88 km north of Seattle"), if the words say.
    reference: str = ""
    # The group of people the figure counts, when its noun names one ("two officers", "17 firefighters",
    # measures.toml groups); "" for people at large ("125 people") or no people.
    group: str = ""
    # "Eight more bodies were found", "another 25 bodies": how many were added to a count, not a count;
    # "more" names it so always, "another" only after a count of the same measure (see all_quantities).
    added: str = ""  # "" | "more" | "another"
    # "several others critically hurt", "five seriously injured": a count of the harm graded, which may be
    # only some of the harmed
    graded: bool = False

    @property
    def value_text(self) -> str:
        """The figure as written."""
        return self.number.text

    @property
    def is_count(self) -> bool:
        """True for a count of people or things, not a measurement, a magnitude or money."""
        return _is_count(self.measure)

    def consistent_with(self, other: Quantity) -> bool:
        """True when both figures can be true of one quantity.

        An amount in words ("dozens") is a range of its own: against a figure hedged both ways ("an
        estimated 200") it holds the figure as stated, not the hedge's margin ("dozens" is not 200).
        """
        for x, y in ((self, other), (other, self)):
            if x.in_words and y.about:
                return x.bounds[0] <= y.number.value <= x.bounds[1]
        (a_low, a_high), (b_low, b_high) = self.bounds, other.bounds
        if self.round_floor and other.round_floor:
            # two round floors ("more than 300", "more than a hundred") are both true of any count past
            # the higher: the reach of one (see reported_bounds) is held only against a count
            return True
        two_units = _written_factor(self.number) != _written_factor(other.number)
        if self.measure.startswith(_MEASUREMENTS) and two_units:
            # figures written in two units were each rounded in their own ("a 160-foot", "a 50-metre" gash)
            a_low, a_high = a_low * (1 - _OTHER_UNIT_MARGIN), a_high * (1 + _OTHER_UNIT_MARGIN)
        return a_low <= b_high and b_low <= a_high

    @property
    def round_floor(self) -> bool:
        """A round floor read as reaching only so far ("more than 5,000"; see reported_bounds)."""
        low, high = self.bounds
        return math.isinf(self.number.high) and not math.isinf(high) and low < high

    @property
    def precise(self) -> bool:
        """A count written in digits that is not a round number (1,467; not 400 or "more than 1,800")."""
        return _precise(self.number)

    @property
    def in_words(self) -> bool:
        """An amount in words that is a range ("dozens", "thousands"), not a count."""
        n = self.number
        return n.hedge is None and n.high > n.low and not any(ch.isdigit() for ch in n.text)

    @property
    def about(self) -> bool:
        """A figure hedged both ways ("about 200", "an estimated 200")."""
        low, high = self.bounds
        return self.number.hedge is not None and low < self.number.value < high and not math.isinf(high)


# How far apart two measurements written in different units may be and still be one (a share of one).
_OTHER_UNIT_MARGIN = 0.03
_WRITTEN_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _written_factor(n: NumberFact) -> float | None:
    """What the written figure was multiplied by to reach the base unit (0.3048 for feet), if one figure."""
    written = _WRITTEN_FIGURE.findall(n.text)
    if len(written) != 1:
        return None
    figure = float(written[0].replace(",", ""))
    return round(n.value / figure, 6) if figure else None


@lru_cache(maxsize=256)
def _per_person(measure: str) -> bool:
    known = measure_lexicon().measure(measure)
    return known is not None and known.per_person


def _is_count(measure: str) -> bool:
    return not measure.startswith(_NOT_COUNTS)


def reported_bounds(n: NumberFact, measure: str) -> tuple[float, float]:
    """What a figure allows, read as a report of a count.

    "At least 34 dead" reports a count of 34 so far: against "at least 51" it is another count, not a
    compatible floor. A round floor ("more than 1,800", "at least 150") stays a floor.
    """
    if _is_count(measure) and math.isinf(n.high) and n.low > 0 and _precise(n):
        return n.value, n.value
    if _is_count(measure) and math.isinf(n.high) and n.value >= _ROUND_FLOOR_FROM:
        # "more than 5,000 dead" tells of a toll not far past 5,000: an account that knew of 25,300 would
        # say so. A round floor allows up to twice its figure, so it is held against a count many times it.
        return n.low, n.value * _ROUND_FLOOR_REACH
    return n.low, n.high


# A round floor of at least this figure ("more than 100", not "more than two") reaches only so many times
# its figure (see reported_bounds).
_ROUND_FLOOR_FROM = 10
_ROUND_FLOOR_REACH = 2


def _precise(n: NumberFact) -> bool:
    """A figure written in digits that is not a round number (23, 1,467, 2,318; not 30, 250, 1,400)."""
    if not any(ch.isdigit() for ch in n.text) or n.value != int(n.value) or n.value < 1:
        return False
    whole = int(n.value)
    step: int = 10 ** max(1, len(str(whole)) - 2)
    return whole % step != 0


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int


# "and" right before a figure (and its hedge) starts the figure's own clause: "three were killed and dozens
# others were injured" gives "killed" to the three and "injured" to the dozens.
_AND_BEFORE_FIGURE = re.compile(
    rf"\band\s+(?:(?:{alternation(tuple(lexicon().numbers.hedges), space=_SPACE)})\s+)?$", re.IGNORECASE
)


def _clauses(text: str, figures: Sequence[int] = ()) -> list[_Clause]:
    """The clauses of a claim; ``figures`` are where its figures start (offsets in ``text``)."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    for start in figures:
        m = _AND_BEFORE_FIGURE.search(text, max(0, start - 24), start)
        if m is not None:
            breaks.append((m.start(), m.start() + 3))
    out: list[_Clause] = []
    at = 0
    for b_start, b_end in sorted(breaks):
        if b_start < at:
            continue
        if b_start > at:
            out.append(_Clause(at, b_start))
        at = b_end
    if at < len(text):
        out.append(_Clause(at, len(text)))
    return out or [_Clause(0, len(text))]


@lru_cache(maxsize=1)
def _measure_patterns() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    lex = measure_lexicon()
    out = []
    for m in lex.measures:
        if not m.words or m.predicate:
            continue  # a predicate measure's words count only as the verb after the figure
        words = sorted(m.words, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        out.append((re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), m.name, m.rank))
    return tuple(out)


def _word_index(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
    """Where each word of ``text[start:end]`` starts and ends (both in order: words do not overlap)."""
    found = list(_WORD.finditer(text, start, len(text) if end is None else end))
    return [m.start() for m in found], [m.end() for m in found]


def _words_between(index: tuple[list[int], list[int]], a: int, b: int) -> int:
    """How many words lie wholly between positions ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    starts, ends = index
    return max(0, bisect_right(ends, hi) - bisect_left(starts, lo))


_GROUP_WORDS = _FIGURES.group_before
_SUBORDINATORS = _FIGURES.subordinators
# A one-word measure word joined to the figure by a hyphen ("magnitude-6.1"), see numbers.py.
_GLUED_MEASURE = re.compile(rf"\b(?:{alternation(tuple(sorted(HYPHENED_MEASURES)))})-$", re.IGNORECASE)
# A determiner right before a figure belongs to it ("killing all 11"); see figures.toml.
_DETERMINER_BEFORE = re.compile(
    rf"\s*(?:{alternation(_FIGURES.determiners)})\s*" if _FIGURES.determiners else "(?!)", re.IGNORECASE
)


# Words between a figure and a measure word after it that make the figure count others: a noun, then "of
# those" or "of the" ("169 family members of those on board", "relatives of the dead"; not "five of those
# on board", a part of them).
_OF_THOSE = re.compile(
    r"\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}\s+of\s+(?:those|the)\s+", re.IGNORECASE
)


# Names of people that a measure word opens ("700 rescue workers"): the word names what they do (roles).
_ROLE_PHRASES = tuple(sorted(r for r in measure_lexicon().roles if " " in r))
_ROLE_PHRASE = re.compile(
    rf"(?:{alternation(_ROLE_PHRASES, space=_SPACE) or '(?!)'})\b" if _ROLE_PHRASES else "(?!)", re.IGNORECASE
)
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")
_NAME_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+(?:(?:and|&|of)\s+)?$")
_NAME_WORD_AFTER = re.compile(r"\s+(?:(?:and|&|of)\s+)?([\w'’-]+)")
_TITLE_CASE_SHARE = 0.6


def _inside_name(text: str, start: int, end: int) -> bool:
    """True when the word at ``text[start:end]`` is a capitalised word inside a name of several ("an Urban
    Search and Rescue team", "the Dead Sea"), in a sentence not written in title case."""
    if not text[start : start + 1].isupper() or not text[:start].strip():
        return False
    words = _LETTERS.findall(text)
    if sum(1 for w in words if w[:1].isupper()) > _TITLE_CASE_SHARE * len(words):
        return False  # a headline: every word capitalised
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _NAME_WORD_AFTER.match(text, end)
    return any(m is not None and _CAPITALISED.fullmatch(m.group(1)) is not None for m in (before, after))


def _measure_word(
    text: str,
    clause: _Clause,
    span: tuple[int, int],
    others: list[tuple[int, int]],
    after_only: bool = False,
) -> tuple[str, str, int, int] | None:
    """The measure whose word stands nearest the figure in its clause (none past another figure): its name,
    the word, how many words away and where the word starts; with ``after_only``, only words after it."""
    index = _word_index(text, clause.start, clause.end)
    best: tuple[int, int, str, str, int] | None = None
    harm_after: tuple[int, int, str, str, int] | None = None
    befalls_after: tuple[int, int, str, str, int] | None = None
    for pattern, name, rank in _measure_patterns():
        for m in pattern.finditer(text, clause.start, clause.end):
            if m.start() >= span[1]:
                gap = (span[1], m.start())
            elif m.end() <= span[0] and not after_only:
                gap = (m.end(), span[0])
            else:
                continue
            if any(gap[0] <= o[0] and o[1] <= gap[1] for o in others):
                continue  # another figure stands between: the word is that figure's
            if m.start() >= span[1] and _OF_THOSE.fullmatch(text, gap[0], gap[1]):
                continue  # "169 family members of those on board": the figure counts the relatives
            if _ROLE_PHRASE.match(text, m.start()) or _inside_name(text, m.start(), m.end()):
                continue  # "700 rescue workers", "an Urban Search and Rescue team": no measure of the figure
            if m.end() <= span[0] and (_GROUP_WORDS | _SUBORDINATORS) & {
                w.lower() for w in text[gap[0] : gap[1]].split()
            }:
                # "injuries among its 200 passengers": the figure is the group, not the injured; "unaccounted
                # for after a ferry with more than 400 passengers sank": the figure is in another clause
                continue
            distance = _words_between(index, *gap)
            if m.end() <= span[0] and distance and _DETERMINER_BEFORE.fullmatch(text, gap[0], gap[1]):
                distance -= 1  # "killing all 11 people on board": "all" belongs to the figure
            if m.end() <= span[0] and distance:
                # words after the figure name it more often than words before, unless the word before
                # stands right against it ("magnitude 7.8 quake killed …")
                distance += 1
            if distance > (_NEAR_BEFORE if m.end() <= span[0] else _NEAR):
                continue
            key = (distance, rank)
            if best is None or key < best[:2]:
                best = (distance, rank, name, m.group().lower(), m.start())
            after = m.start() >= span[1]
            if name in _HARM_MEASURES and after and (harm_after is None or key < harm_after[:2]):
                harm_after = (distance, rank, name, m.group().lower(), m.start())
            if name in _BEFALLS and after and (befalls_after is None or key < befalls_after[:2]):
                befalls_after = (distance, rank, name, m.group().lower(), m.start())
    if best is not None and harm_after is not None and best[4] >= span[1] and best[2] not in _HARM_MEASURES:
        # "five people aboard the bus were killed": what befell them measures them, not where they were
        best = harm_after
    elif best is not None and befalls_after is not None and best[4] >= span[1] and best[2] == "aboard":
        best = befalls_after  # "179 aboard the ferry had been rescued"
    return (best[2], best[3], best[0], best[4]) if best else None


# "… has risen to at least": a verb of a total reaching the figure, the hedge words allowed after it.
_LEVEL_VERB = re.compile(
    rf"\b(?:{alternation(_FIGURES.level_verbs, space=_SPACE)})\s+"
    rf"(?:(?:{alternation(tuple(lexicon().numbers.hedges), space=_SPACE)})\s+)?$",
    re.IGNORECASE,
)


_LEVEL_PARTICIPLE = re.compile(
    rf"\s*(?:{alternation(_FIGURES.level_participles, space=_SPACE) or '(?!)'})\b", re.IGNORECASE
)
# How far back, before the figure's clause, the total a participle goes on from may be named.
_LEVEL_BACK = 80


def _level_before_clause(
    text: str, clause: _Clause, span: tuple[int, int], others: list[tuple[int, int]]
) -> tuple[str, str, int, int] | None:
    """The measure of a figure whose clause opens with a participle going on from a total named just
    before ("The death toll kept growing - exceeding 25,300"): the measure word nearest before the clause,
    with no other figure between."""
    if text[clause.start : span[0]].strip() and not _LEVEL_PARTICIPLE.match(text, clause.start, span[0]):
        return None
    if not _LEVEL_PARTICIPLE.match(text, clause.start, span[1]):
        return None
    back = max(0, clause.start - _LEVEL_BACK)
    if any(back <= o[0] < clause.start for o in others):
        return None
    return _last_measure_word(text, back, clause.start, [])


def _last_measure_word(
    text: str, start: int, end: int, between: list[tuple[int, int]]
) -> tuple[str, str, int, int] | None:
    """The measure word nearest ``end`` in ``text[start:end]`` with none of the figures ``between`` after it:
    its measure, the word, ``_NEAR`` and where it starts."""
    best: tuple[int, str, str] | None = None
    for pattern, name, _rank in _measure_patterns():
        for m in pattern.finditer(text, start, end):
            if any(m.end() <= o[0] and o[1] <= end for o in between):
                continue  # another figure stands between: the word is that figure's
            if best is None or m.start() > best[0]:
                best = (m.start(), name, m.group().lower())
    return (best[1], best[2], _NEAR, best[0]) if best else None


_HYPHENED_AFTER = re.compile(r"-[^\W\d_]")
# How far after the figure a measure word may stand and still win over the total a level verb names.
_LEVEL_NEAR = 2


def _level_subject(
    text: str, clause: _Clause, span: tuple[int, int], others: list[tuple[int, int]]
) -> tuple[str, str, int, int] | None:
    """The measure a total that "has risen to" the figure is of: the measure word nearest before the verb
    in the clause, with no other figure between ("The toll in … Sri Lanka has risen to at least 156")."""
    verb = _LEVEL_VERB.search(text, clause.start, span[0])
    if verb is None:
        return _level_before_clause(text, clause, span, others)
    # a figure joined by a hyphen to its noun ("the eight-storey Rana Plaza") only describes something
    between = [o for o in others if not _HYPHENED_AFTER.match(text, o[1])]
    return _last_measure_word(text, clause.start, verb.start(), between)


_ADJECTIVE_ENDINGS = tuple(_FIGURES.modifier_endings)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# The words after a figure, one at a time; group 1 is punctuation or a digit, which ends the run.
_UNIT_RUN = re.compile(r"\s*(?:([,;:.!?()“”\"\d])|([^\W\d_]+(?:-[^\W\d_]+)*))")
_FIRST_WORD = re.compile(r"[\s-]*([^\W\d_]+)")


_CALENDAR_WORDS = frozenset(fold(w) for w in (*lexicon().calendar.weekdays, *lexicon().calendar.months))
_NOT_COUNTED = lexicon().numbers.not_counted
_DAY_QUALIFIERS = frozenset(fold(w) for w in lexicon().calendar.weekday_qualifiers)
# What may follow a word that, after a figure, is then no noun: a stopword, punctuation or the end.
_ENDS_PHRASE = re.compile(
    rf"\s*(?:$|[,;:.!?()“”\"]|(?:{alternation(tuple(sorted(STOPWORDS)))})\b)", re.IGNORECASE
)


def _counted_noun(n: NumberFact, after: str = "") -> str | None:
    """The stem of the word naming the thing counted: "22 missiles" -> missil; "two military bases" -> base.

    The word after the figure, unless it only qualifies the next one (a demonym, or a word without a
    concept of its own before one that has it).
    """
    first = _FIRST_WORD.match(after)
    if first is not None:
        word = fold(first.group(1))
        if (
            (word in STOPWORDS and word != "of")
            or word in _NOT_COUNTED
            or word in _FIGURES.verbs_after
            or word in _CALENDAR_WORDS
        ):
            # "2,012 on Saturday", "2,059 were wounded", "rose to 13 Monday afternoon", "25,300 across the
            # region": nothing counted
            return None
        if word in _DAY_QUALIFIERS:
            then = _FIRST_WORD.match(after, first.end())
            if then is not None and fold(then.group(1)) in _CALENDAR_WORDS:
                return None  # "rose to at least 96 late Sunday": a word placing the day, nothing counted
        if (
            n.value != 1
            and word.endswith("ing")
            and n.unit[:1] == (stem(word),)
            and _ENDS_PHRASE.match(after, first.end())
        ):
            return None  # "the toll at 50 following the blast": a verb or a preposition, not a noun counted
    unit = [u for u in n.unit if u not in country_table()]
    if not unit:
        return None
    modifier = first is not None and fold(first.group(1)).endswith(_ADJECTIVE_ENDINGS)
    if modifier and _is_measure_word(unit[0]):
        return unit[0]  # "eight deceased skiers": the word before the noun names the measure
    if len(unit) >= 2 and not modifier and _is_measure_word(unit[0]) and _things_after(after):
        return unit[1]  # "two rescue teams": a noun of the measure naming the things counted, not people
    if len(unit) >= 2 and _people_group(unit[0]) is None and modifier:
        second = unit[1]
        has_concept = any(not c.startswith("country:") for c in concepts_of(second, second))
        if _people_group(second) is not None or has_concept:
            return second
        if n.value > 1 and first is not None and not fold(first.group(1)).endswith("s"):
            return second  # "six initial blasts": a word in the singular before a plural counts nothing
    return unit[0]


def _things_after(after: str) -> bool:
    """True when the second word after a figure is a plural noun of things, neither people nor a measure
    ("two rescue teams"; not "two rescue workers", "two death tolls")."""
    words = _LETTERS.findall(after)
    if len(words) < 2:
        return False
    second = fold(words[1])
    if not second.endswith("s") or second in STOPWORDS:
        return False
    return _people_group(stem(second)) is None and not _is_measure_word(stem(second))


def _people_head(after: str) -> str | None:
    """A noun for people ending the words right after a figure: "20 Dutch secondary school pupils"."""
    for i, m in enumerate(_UNIT_RUN.finditer(after)):
        if i >= 4 or m.group(1) or m.group(2) is None:
            return None
        word = fold(m.group(2))
        if word in STOPWORDS:
            return None
        if _people_group(stem(word)) is not None:
            return stem(word)
    return None


@lru_cache(maxsize=4096)
def _role(unit_stem: str) -> str:
    """The group of people a counted noun names ("officers" -> police), "" for people at large."""
    role = _group_of(measure_lexicon().roles, unit_stem)
    return "" if role in (None, "people") else role


@lru_cache(maxsize=4096)
def _people_group(unit_stem: str) -> str | None:
    lex = measure_lexicon()
    group = _group_of(lex.groups, unit_stem)
    if group is not None:
        return group
    return "people" if any(stem(word) == unit_stem for word in lex.people) else None


def _group_of(groups: Mapping[str, str], unit_stem: str) -> str | None:
    """The group of the first noun of ``groups`` (noun -> group) whose stem is ``unit_stem``."""
    return next((group for word, group in groups.items() if stem(word) == unit_stem), None)


def _thing_measure(unit_stem: str) -> str:
    concepts = [c for c in concepts_of(unit_stem, unit_stem) if not c.startswith("country:")]
    return "count:" + (sorted(concepts)[0] if concepts else unit_stem)


def _places(
    f: ClaimFacts, clause: _Clause, bare: list[_Clause], people: bool = False
) -> tuple[tuple[str, ...], ...]:
    """Places named in the figure's clause, or in the claim's clauses that give no figure ("In Tarrow, …").

    For a figure of people (``people``) a name after "from" is where they come from, no place of it."""
    text = f.claim.text
    out: list[tuple[str, ...]] = []
    for name in f.names:
        s = name.span.start - f.claim.start
        if not (clause.start <= s < clause.end) and not any(c.start <= s < c.end for c in bare):
            continue
        preposition = _preposition_before(text, s)
        if preposition is None or (people and preposition in _FIGURES.origin_prepositions):
            continue
        words = tuple(
            w for w in name.words if w not in _GENERIC_PLACE_WORDS and w not in _measure_vocabulary()
        )
        if words and not _is_country(words):
            out.append(words)
    return tuple(out)


def _is_country(words: tuple[str, ...]) -> bool:
    """True when a name's words are all country words, or together one country's name ("Sri Lanka")."""
    table = country_table()
    return all(w in table for w in words) or " ".join(words) in table


# "Two hikers were killed there": a place named before, not the whole. "There were 16" names none.
_THERE = re.compile(rf"\b(?:{alternation(_FIGURES.there_after)})\s+there\b", re.IGNORECASE)


# "… died in that country alone": the country named before, not a country unknown.
_COUNTRY_ANAPHOR = re.compile(
    rf"\b(?:{alternation(_PLACE_PREPOSITIONS)})\s+"
    rf"(?:{alternation(_FIGURES.country_anaphors, space=_SPACE)})\b",
    re.IGNORECASE,
)
_COUNTRY_BEFORE = "\x00country named before"


def _country_before(f: ClaimFacts, end: int) -> str | None:
    """The last country the claim names before its offset ``end``."""
    last = None
    for t in f.tokens:
        if t.span.start - f.claim.start >= end:
            break
        country = country_table().get(t.norm)
        if country is not None:
            last = country
    return last


def _anaphor_country(f: ClaimFacts, clause: _Clause) -> frozenset[str]:
    """The country a clause's "in that country" stands for: the last named before it in the claim, else
    one to be read from the claim before (``_COUNTRY_BEFORE``); none when the clause has no such words."""
    m = _COUNTRY_ANAPHOR.search(f.claim.text, clause.start, clause.end)
    if m is None:
        return frozenset()
    return frozenset((_country_before(f, m.start()) or _COUNTRY_BEFORE,))


def _clause_places(
    f: ClaimFacts, clause: _Clause, clauses: list[_Clause], people: bool = False
) -> tuple[tuple[str, ...], ...]:
    places = _places(f, clause, _bare(clauses, f), people)
    if not places and _THERE.search(f.claim.text, clause.start, clause.end):
        places = _THERE_PLACE
    return places


def _preposition_before(text: str, at: int, also: tuple[str, ...] = ()) -> str | None:
    """The place preposition a name at ``at`` stands after, across words that only narrow the place.

    "in Egypt", "in eastern Egypt", "in most parts of Egypt", "in the southern province of Aswan"; an
    adjective narrows too ("in the coastal city of Bogo", "in the mountainous county of Ludian").
    """
    words = fold(text[max(0, at - 40) : at]).split()
    for word in reversed(words[-6:]):
        if word in _PLACE_PREPOSITIONS or word in also:
            return word
        if (
            word not in _PLACE_NARROWERS
            and word not in _GENERIC_PLACE_WORDS
            and not _narrowing_adjective(word)
        ):
            return None
    return None


def _narrowing_adjective(word: str) -> bool:
    return len(word) >= _ADJECTIVE_LETTERS and word.isalpha() and word.endswith(_ADJECTIVE_ENDINGS)


# An adjective between a place preposition and a place is a word of at least this many letters.
_ADJECTIVE_LETTERS = 5


def _bare(clauses: list[_Clause], f: ClaimFacts) -> list[_Clause]:
    """Clauses before the claim's first figure that give none ("In Tarrow, …")."""
    starts = [n.span.start - f.claim.start for n in f.numbers]
    first = min(starts, default=0)
    return [c for c in clauses if c.end <= first]


@lru_cache(maxsize=1)
def _measure_vocabulary() -> frozenset[str]:
    return frozenset(w for m in measure_lexicon().measures for phrase in m.words for w in phrase.split())


def _countries(
    f: ClaimFacts, clause: _Clause, span: tuple[int, int], people: bool = False
) -> tuple[frozenset[str], frozenset[str]]:
    """Countries that scope a figure: where ("in eastern Egypt"), and whom ("seven Peruvians").

    A country word that only describes something else ("a French language trip", "the Dutch
    government") does not scope the figure. When the figure counts people (``people``), "from" a
    country says where they come from: whom ("six men from Mexico"), not where it happened.
    """
    where: set[str] = set()
    whom: set[str] = set()
    text = f.claim.text
    for t in f.tokens:
        s = t.span.start - f.claim.start
        if not clause.start <= s < clause.end:
            continue
        table = country_table()
        country = table.get(t.norm)
        if country is None and t.norm.endswith("s"):
            country = table.get(t.norm[:-1])  # "four Slovakians": the demonym's plural
        if country is None:
            continue
        # "in Sri Lanka": the preposition stands before the name's first word
        first = next(
            (n.span.start - f.claim.start for n in f.names if n.span.start <= t.span.start < n.span.end), s
        )
        if not first < span[1] <= s:  # not "Three American soldiers", a name that opens with the figure
            s = first
        if span[1] <= s and not _LETTERS.search(text[span[1] : s].replace("-", " "), 0):
            whom.add(country)
        elif (preposition := _preposition_before(text, s)) is not None and not _RELATIVE.search(
            text[min(span[1], s) : max(span[0], s)]
        ):
            # not "16 pupils on a plane that crashed in the French Alps"
            (whom if people and preposition in _FIGURES.origin_prepositions else where).add(country)
    return frozenset(where), frozenset(whom)


_EARLIER_OPENER = re.compile(
    rf"\s*[“\"]?((?:{alternation(lexicon().calendar.earlier_openers, space=_SPACE) or '(?!)'}))\b",
    re.IGNORECASE,
)


def _moment(f: ClaimFacts) -> str | None:
    """The day or time a claim gives its figures for, if it names one."""
    if f.times:
        return f.times[0].text
    text, off = f.claim.text, f.claim.start
    for d in f.dates:
        if not text.startswith(("'s", "’s"), d.span.end - off):
            return d.text  # not "Saturday's explosion", which names the day of the event
    opener = _EARLIER_OPENER.match(text)
    return opener.group(1) if opener else None  # "Earlier reports said 400 people were killed"


def _credited(f: ClaimFacts, clause: _Clause | None = None) -> str | None:
    """Who gives a figure: the speaker, or the claim's attributing words — those of the figure's own clause
    when it names a source of its own ("with the BBC putting the number at nine, and AFP reporting 35")."""
    if clause is not None and f.attribution:
        own = attribution_phrase(f.claim.text[clause.start : clause.end])
        if own is not None and own != f.attribution and any(ch.isupper() for ch in own):
            return own
    if f.speaker is not None and (f.attribution or f.quotes):
        return f.speaker.text
    return f.attribution


def quantities_of(f: ClaimFacts) -> list[Quantity]:
    """The figures of one claim, each with its measure; figures that measure nothing known are left out."""
    text = f.claim.text
    off = f.claim.start
    spans = [(n.span.start - off, n.span.end - off) for n in f.numbers]
    clauses = _clauses(text, [start for start, _ in spans])
    # "7 of 9 counties", "7 out of 9": the first figure counts what follows the second, which is
    # only the total it is taken from.
    totals: dict[int, int] = {}
    for i in range(len(spans) - 1):
        if _OUT_OF.fullmatch(text[spans[i][1] : spans[i + 1][0]]):
            totals[i + 1] = i
    # "the number of dead rose from six to 12": the later figure is the account's, read where the earlier
    # stands (with the words that measure it); the earlier one is left out
    changed: dict[int, int] = {}
    for i in range(len(spans) - 1):
        if _CHANGE_TO.fullmatch(text, spans[i][1], spans[i + 1][0]) and _CHANGE_FROM.search(
            text, max(0, spans[i][0] - 40), spans[i][0]
        ):
            changed[i] = i + 1
    # a name's number ("a Boeing 737 carrying 181 people") counts nothing, and no figure stands against it
    name_numbers = {
        span
        for n, span in zip(f.numbers, spans, strict=True)
        if _after_a_name(text, span, n)
        and ((noun := _counted_noun(n, text[span[1] : span[1] + 16])) is None or _people_group(noun) is None)
    }
    out: list[Quantity] = []
    for i, (n, span) in enumerate(zip(f.numbers, spans, strict=True)):
        if i in totals or i - 1 in changed:
            continue
        if i in changed:
            n = f.numbers[changed[i]]
        total = next((j for j, k in totals.items() if k == i), None)
        if total is not None:
            n = replace(n, unit=f.numbers[total].unit)
        end = span[1] if total is None else spans[total][1]
        after = text[end : end + 16]
        if (
            _AGE.match(after)
            or _AGE_BEFORE.search(text[max(0, span[0] - 24) : span[0]])
            or _CLOCK.match(after)
        ):
            continue
        more = _MORE.match(text, end)
        noun = _counted_noun(n, after if more is None else text[more.end() : more.end() + 16])
        if noun in _SKIP_UNITS or after.lstrip().startswith("%"):
            continue
        clause = next((c for c in clauses if c.start <= span[0] < c.end), clauses[0])
        if _RATE.search(text, clause.start, clause.end) or _POPULATION.search(
            text, max(0, span[0] - 32), span[0]
        ):
            continue
        if _is_money(text, span, noun):
            out.append(_quantity(f, n, "money", None, clause, clauses, span, after, "an amount of money"))
            continue
        if span in name_numbers and n is f.numbers[i]:
            continue  # "a Boeing 777 was flying", "the Route 91 festival": a name's number, no count
        others = [s for s in spans if s != span and s not in name_numbers]
        measure: str | None = None
        taken = False
        how = ""
        word: tuple[str, str, int, int] | None = None
        people = _people_group(noun) if noun else None
        if noun is not None and people is None:
            head = _people_head(text[span[1] : span[1] + 48])
            if head is not None:
                noun, people = head, _people_group(head)
        if noun is not None and (
            _is_measure_word(noun) or _GLUED_MEASURE.search(text, max(0, span[0] - 24), span[0])
        ):
            # "2,059 were wounded": the word after names the measure; "a magnitude-6.1 quake": the word
            # joined to the figure before it does
            noun, people = None, None
        if noun is not None and people is None and not n.unit[0].startswith(_MEASUREMENTS):
            if noun in _TIME_UNITS:
                measure, how = f"duration:{noun}", f"counts {noun}"  # months are not held against years
            else:
                measure, how = _thing_measure(noun), f"counts “{noun}”"
        elif noun is not None and n.unit[0].startswith(_MEASUREMENTS):
            measure, how = n.unit[0], "a measurement"
        else:
            word = _measure_word(text, clause, span, others)
            level = _level_subject(text, clause, span, others)
            if level is not None and (word is None or (word[3] >= span[1] and word[2] > _LEVEL_NEAR)):
                # "The death toll … climbed up to 288 on Saturday as rescuers recovered more bodies": the
                # total that reached the figure measures it, not a word further on
                word = level
            if word is None and people is not None:
                # "leaving nearly 1,500 people, most of them in the capital, dead": look past the clause,
                # to what is said of them ("six had died, while another 48 people …" are not the dead)
                word = _measure_word(text, _Clause(0, len(text)), span, others, after_only=True)
            if word is not None and (people in (None, "people") or word[0] in _HARM_MEASURES or word[2] <= 3):
                measure, how = word[0], f"the word “{word[1]}”"
                # "The three deaths involved two people on the train": the word counted by a figure
                # before it, so this figure is a part of that one
                taken = word[3] < span[0] and any(
                    o[1] <= word[3] and not text[o[1] : word[3]].strip() for o in others
                )
            elif people is not None:
                measure, how = "people:" + people, f"counts “{noun}”"
        if measure is not None or people is not None:
            predicate = _predicate_measure(text, clause, end, others)
            if predicate is not None and not (measure or "").startswith(("duration:", *_MEASUREMENTS)):
                measure, how = predicate[0], f"the verb “{predicate[1]}”"
        if measure is None:
            if out and out[-1].is_count and _ANOTHER.search(text, max(0, span[0] - 16), span[0]):
                # "two bodies were found overnight and another two on Sunday": the first is a piece too
                out[-1] = replace(out[-1], added="more")
            continue
        if _of_another(text, span, measure):
            continue
        q = _quantity(f, n, measure, people, clause, clauses, span, after, how)
        role = _role(noun) if noun else ""
        if role:
            q = replace(q, group=role)
        if word is not None and word[3] > span[1] and _ALSO.search(text, span[1], word[3]):
            q = replace(q, also=True)
        if taken and not q.part:
            q = replace(q, part=True, how=f"{how}, which counts the figure before it")
        if word is not None and measure == "injured" and _graded(text, word):
            q = replace(q, graded=True)
        if more is not None and measure.startswith("count:"):
            q = _added_to_count_before(q, out)
        elif q.is_count and not measure.startswith("count:"):
            if more is not None:
                q = replace(q, added="more")
            elif _ANOTHER.search(text, max(0, span[0] - 16), span[0]):
                q = replace(q, added="another")
        out.append(q)
    return _parts_take_the_whole_measure(_lists_of_counts(out, text, off))


_SEVERITY_BEFORE = re.compile(
    rf"\b(?:{alternation(_FIGURES.severities, space=_SPACE)})\s+$" if _FIGURES.severities else "(?!)",
    re.IGNORECASE,
)
_SEVERITY_AFTER = re.compile(
    rf"\s+(?:{alternation(_FIGURES.severities, space=_SPACE)})\b" if _FIGURES.severities else "(?!)",
    re.IGNORECASE,
)


def _graded(text: str, word: tuple[str, str, int, int]) -> bool:
    """True when the measure word ``word`` is graded by a word of severity ("several others critically
    hurt", "two were hurt critically"): the figure counts a part of the harmed."""
    start = word[3]
    end = start + len(word[1])
    return bool(
        _SEVERITY_BEFORE.search(text, max(0, start - 24), start)
        or _SEVERITY_AFTER.match(text, end)
        or _REMAINING_BEFORE.search(text, max(0, start - 24), start)
    )


# "13 people were still hospitalized", "Eighteen people remain in hospital": those still harmed
_REMAINING_BEFORE = re.compile(
    rf"\b(?:{alternation(_FIGURES.remaining, space=_SPACE)})\s+(?:being\s+)?$"
    if _FIGURES.remaining
    else "(?!)",
    re.IGNORECASE,
)


# How far before a figure (characters) and after it (words) a word of another happening is read.
_ANOTHER_BEFORE = 80
_ANOTHER_AFTER = 3


def _of_another(text: str, span: tuple[int, int], measure: str) -> bool:
    """True when a word near the figure makes it the measure of another happening than the event ("the big
    aftershock that … says was 4.7 in magnitude"; measures.toml ``of_another``)."""
    known = measure_lexicon().measure(measure)
    if known is None or not known.of_another:
        return False
    near = [fold(w) for w in _LETTERS.findall(text[max(0, span[0] - _ANOTHER_BEFORE) : span[0]])]
    near += [fold(w) for w in _LETTERS.findall(text[span[1] :])[:_ANOTHER_AFTER]]
    return any(w in known.of_another for w in near)


# "another 25 bodies", "a further 12 were injured": figures.toml additional_before
_ANOTHER = re.compile(
    rf"\b(?:{alternation(_FIGURES.additional_before, space=_SPACE)})\s+$"
    if _FIGURES.additional_before
    else "(?!)",
    re.IGNORECASE,
)
# Measures that count a part of another's tally: bodies found are of the dead ("another 25 bodies" adds
# to them).
TALLY_OF = {"bodies": "deaths"}


def _added_to_tallies(quantities: list[Quantity]) -> list[Quantity]:
    """Mark what each account adds to a count it gave before: "N more" always, "another N" when the
    account counted that tally before (in order). A count of the same tally earlier in the claim of an
    added figure is a piece too ("two bodies were found overnight and another two on Sunday")."""
    seen: dict[tuple[str, str], set[str]] = {}  # the countries each tally was counted in so far
    out = list(quantities)
    for i, q in enumerate(out):
        tally = (q.source, TALLY_OF.get(q.measure, q.measure))
        if q.added == "another" and (tally not in seen or not q.countries <= seen[tally]):
            # no count of it before, or "Another 61 people died in India" after a toll for Nepal: a count
            # of its own
            out[i] = q = replace(q, added="")
        if q.added:
            out[i] = replace(q, part=True, how=f"{q.how}, added to a count")
            for j in range(i - 1, -1, -1):
                p = out[j]
                if p.claim != q.claim:
                    break
                if TALLY_OF.get(p.measure, p.measure) == tally[1] and not p.added:
                    out[j] = replace(p, part=True, added="more", how=f"{p.how}, a count added to")
        if q.is_count:
            seen.setdefault(tally, set()).update(q.countries)
    return out


# "Five people … also died": a figure added to a toll told before
_ALSO = re.compile(rf"\b(?:{alternation(_FIGURES.also) or '(?!)'})\b", re.IGNORECASE)
# "The driver and five passengers": a noun for people joined to the figure before it
_JOINED = re.compile(
    rf"([^\W\d_]+)\s+(?:{alternation(_FIGURES.joined, space=_SPACE) or '(?!)'})\s+(?:the\s+|all\s+)?$",
    re.IGNORECASE,
)

# "an average of 25 … each winter": a figure of many events, not of this one
_RATE = re.compile(
    rf"\b(?:{alternation(_FIGURES.rates, space=_SPACE)})\b" if _FIGURES.rates else "(?!)", re.IGNORECASE
)
# "a town of around 3,000 people", "home to 500,000": who live there (figures.toml populations)
_POPULATION = re.compile(
    rf"\b(?:{alternation(_FIGURES.populations, space=_SPACE)})\s+$" if _FIGURES.populations else "(?!)",
    re.IGNORECASE,
)

# "two more explosions": a figure added to a count before it
_MORE = re.compile(
    rf"\s+(?:{alternation(_FIGURES.additional)})\b" if _FIGURES.additional else "(?!)", re.IGNORECASE
)


def _added_to_count_before(q: Quantity, before: list[Quantity]) -> Quantity:
    """ "Six initial blasts … before two more explosions": the account counts eight; the six become a part of
    them (``before`` is changed in place). With no count of the same things before, the figure stays."""
    prior = next((i for i in range(len(before) - 1, -1, -1) if before[i].measure == q.measure), None)
    if prior is None or before[prior].part:
        return q
    first = before[prior]
    before[prior] = replace(first, part=True)
    a, b = first.number, q.number
    total = replace(
        b,
        span=replace(b.span, start=a.span.start),
        text=f"{a.text} and {b.text} more",
        value=a.value + b.value,
        low=a.low + b.low,
        high=a.high + b.high,
    )
    return replace(
        q,
        number=total,
        how=f"{q.how}, added to {a.text}",
        bounds=reported_bounds(total, q.measure),
    )


# What may stand between two counts of a list: the first count's noun (a few words), then "and" or a comma.
_LIST_JOIN = re.compile(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _counts_things(measures: set[str]) -> bool:
    return any(m.startswith("count:") for m in measures)


def _lists_of_counts(qs: list[Quantity], text: str, off: int) -> list[Quantity]:
    """Counts of people listed together share the measure one of them names, and each is a part: in "two
    crew members and eight passengers were killed" the two are dead too, and neither is the toll another
    account gives ("killing all 10"); a list of people with no measure ("nine males and six females") is a
    breakdown, each count a part. A list in which two counts name measures of their own is no list.
    (Their sum is not taken for a total: another account's count of one group, "16 students aboard", would
    meet it as a rival figure.)"""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        run = [qs[i]]
        while i + len(run) < len(qs):
            prev, nxt = run[-1], qs[i + len(run)]
            between = text[prev.number.span.end - off : nxt.number.span.start - off]
            if not _LIST_JOIN.fullmatch(between) or any(p.search(between) for p, _, _ in _measure_patterns()):
                break
            run.append(nxt)
        measures = {q.measure for q in run if not q.measure.startswith("people:")}
        if len(run) >= 2 and not measures:
            # "nine males and six females": a breakdown of people, each a part of whatever they make up
            out.extend(
                q if q.part else replace(q, part=True, how=f"{q.how}, one of a list of counts") for q in run
            )
            i += len(run)
            continue
        # a measure named by a word ("killed", "aboard"), not a count of things named by its own noun
        if len(run) < 2 or len(measures) != 1 or not all(q.is_count for q in run) or _counts_things(measures):
            out.append(qs[i])
            i += 1
            continue
        (measure,) = measures
        named = next(q for q in run if q.measure == measure)
        listed = [
            q
            if q.measure == measure and q.part
            else replace(
                q,
                measure=measure,
                label=named.label,
                part=True,
                how=f"{q.how}, one of a list of counts"
                if q is named
                else f"{q.how}, listed with {named.value_text} ({named.how})",
                bounds=reported_bounds(q.number, measure),
            )
            for q in run
        ]
        out.extend(listed)
        i += len(run)
    return out


def _parts_take_the_whole_measure(qs: list[Quantity]) -> list[Quantity]:
    """A part of people after a figure of harm counts that harm: in "the toll has risen to 156, including 35
    foreigners", the 35 are 35 of the dead, not a count of people with nothing said of them."""
    out: list[Quantity] = []
    whole: Quantity | None = None
    for q in qs:
        known = measure_lexicon().measure(q.measure)
        if not q.part and known is not None and known.counted:
            whole = q
        elif q.part and q.measure.startswith("people:") and whole is not None:
            q = replace(
                q,
                measure=whole.measure,
                label=whole.label,
                how=f"{q.how}, a part of {whole.value_text} ({whole.how})",
                bounds=reported_bounds(q.number, whole.measure),
            )
        out.append(q)
    return out


@lru_cache(maxsize=1)
def _predicate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for m in measure_lexicon().measures:
        if m.predicate and m.words:
            words = "|".join(re.escape(w) for w in sorted(m.words, key=len, reverse=True))
            # not before an object: "two officers identified the victims" is active
            objects = alternation(measure_lexicon().predicate_objects)
            pattern = rf"\b(?:{words})\b(?!\s+(?:{objects})\b)"
            out.append((re.compile(pattern, re.IGNORECASE), m.name))
    return tuple(out)


def _predicate_measure(
    text: str, clause: _Clause, after: int, others: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """The measure named by the verb the figure's words are the subject of, for the measures whose
    words are verbs of that kind (``predicate`` in measures.toml): "Five men killed in the collapse
    have been identified". ``after`` is where the figure's words start to describe it (past the
    total of "two of the six"); another figure before the verb keeps the verb for itself."""
    for pattern, name in _predicate_patterns():
        m = pattern.search(text, after, clause.end)
        if m is None or any(after <= o[0] and o[1] <= m.start() for o in others):
            continue
        before = text[max(after, m.start() - 12) : m.start()].split()
        if before and fold(before[-1]) in _FIGURES.relative_words:
            continue  # "six men who identified …": the people did it
        return name, m.group().lower()
    return None


@lru_cache(maxsize=4096)
def _is_measure_word(unit_stem: str) -> bool:
    if unit_stem in _PLACE_STEMS:
        return False  # "treated at six hospitals" counts places, though "hospitalized" shares the stem
    return any(stem(w) == unit_stem for m in measure_lexicon().measures for w in m.words if " " not in w)


_PLACE_STEMS = frozenset(stem(w) for w in _FIGURES.generic_place_words)


_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\s+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n)\s*$")


def _after_a_name(text: str, span: tuple[int, int], n: NumberFact) -> bool:
    """True when a figure in digits follows a capitalised word inside its sentence, as a name's number
    ("Boeing 777", "Route 91", "Apollo 11"), not a day, a month, a hedge or the sentence's first word."""
    if not n.text[:1].isdigit():
        return False
    m = _WORD_RIGHT_BEFORE.search(text, max(0, span[0] - 24), span[0])
    if m is None or _SENTENCE_OPENING.search(text, 0, m.start()) is not None:
        return False
    word = fold(m.group(1))
    return word not in _CALENDAR_WORDS and word not in _DAY_QUALIFIERS and word not in STOPWORDS


def _is_money(text: str, span: tuple[int, int], noun: str | None) -> bool:
    lex = measure_lexicon()
    before = text[max(0, span[0] - 6) : span[0]].rstrip()
    for sign in lex.money_signs:
        if before.endswith(sign):
            # a sign in letters ("Rs", "INR") is one only as a word of its own, not the end of one ("Mrs")
            head = before[: -len(sign)]
            if not (sign[0].isalpha() and head[-1:].isalpha()):
                return True
    return noun is not None and any(stem(w) == noun for w in lex.money_words)


def _quantity(
    f: ClaimFacts,
    n: NumberFact,
    measure: str,
    people: str | None,
    clause: _Clause,
    clauses: list[_Clause],
    span: tuple[int, int],
    after: str,
    how: str,
) -> Quantity:
    text = f.claim.text
    lex = measure_lexicon()
    known = lex.measure(measure)
    label = (
        known.label
        if known
        else measure.split(":", 1)[-1].replace("_m", " (m)").replace("_kg", " (kg)").replace("_h", " (hours)")
    )
    if measure.startswith("duration:"):
        label = f"duration (in {measure.split(':', 1)[1]}s)"
    if people and people != "people" and known is None:
        label = people
    part_before = _PART_BEFORE.search(text[max(0, span[0] - 30) : span[0]]) is not None
    part = bool(
        _PARTITIVE.match(after)
        or _PART_ADJECTIVE.match(after)
        or part_before
        or _PART_FRONTED.search(text[max(0, span[0] - 60) : span[0]])
        or _joined_to_people(text, span[0])
    )
    counts_people = people is not None or (known is not None and known.counted)
    places = _clause_places(f, clause, clauses, counts_people)
    if (
        places
        and part_before
        and any(clause.start <= m.span.end - f.claim.start <= span[0] - 1 for m in f.numbers)
    ):
        # "72 people including 4 crew members … crashed in the gorge": the place is the whole's, and the
        # part is a part of that whole, not the count at the place
        places = ()
    earlier = [c for c in clauses if c.end <= clause.start]
    if not places and earlier and text[earlier[-1].end : clause.start].strip().lower() == "and":
        # "Two hikers were killed there and 35 were hurt": the place of the first figure holds
        places = _clause_places(f, earlier[-1], clauses, counts_people)
    where, whom = _countries(f, clause, span, counts_people)
    whom |= _whom_group(f, clause, span)
    if not where:
        # "29 people were killed and 140 hurt in most parts of Egypt": a place after figures
        # joined by "and" scopes them all.
        later = [c for c in clauses if c.start >= clause.end]
        if later and text[clause.end : later[0].start].strip().lower() == "and":
            where = _countries(f, later[0], span, counts_people)[0]
    if not where and not places:
        where = _anaphor_country(f, clause)
    if not where and not places:
        # "In Velmora, 30 people were hurt": a clause before the figures that gives none scopes them
        for bare in _bare(clauses, f):
            where |= _countries(f, bare, span, counts_people)[0]
        where = frozenset(where)
    return Quantity(
        claim=f.claim.id,
        source=f.claim.source,
        number=n,
        measure=measure,
        label=label,
        places=places,
        countries=where,
        nationals=whom,
        part=part,
        moment=_moment(f),
        credited=_credited(f, clause),
        how=how,
        bounds=reported_bounds(n, measure),
        holder=_holder(f) if known is not None and known.per_person else (),
        around=_around(f, n) if measure.startswith(_MEASURED_THINGS) else frozenset(),
        reference=_reference(f, n) if measure.startswith("length_") else "",
    )


# "88 kilometres north of Seattle", "about 40 km from the town of Bogo": the place a length is measured from
_REFERENCE = re.compile(
    rf"[^,;.(\d]{{0,24}}?\b(?:(?:{alternation(_FIGURES.directions) or '(?!)'})\s+of|from)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+of\s+)?([A-Z][\w'’-]+)"
)


def _sums_to(f: ClaimFacts, toll: float, value: float) -> bool:
    """True when the figures of a claim, two or more, add up to a larger toll the account gave before."""
    if toll <= value or len(f.numbers) < 2:
        return False
    return sum(n.value for n in f.numbers) == toll


def _joined_to_people(text: str, start: int) -> bool:
    """True when a noun for people is joined to the figure starting at ``start`` ("the driver and five")."""
    m = _JOINED.search(text, max(0, start - 40), start)
    return m is not None and _people_group(stem(fold(m.group(1)))) is not None


def _reference(f: ClaimFacts, n: NumberFact) -> str:
    """The place a length is measured from, folded, or "" when its words name none."""
    m = _REFERENCE.match(f.claim.text, n.span.end - f.claim.start)
    return fold(m.group(1)) if m else ""


# Measurements whose words say what they measure; durations have their own test (how far apart they are).
_MEASURED_THINGS = ("length_", "mass_")
# How far (in characters) before and after a measurement its words are read.
_AROUND_BEFORE, _AROUND_AFTER = 30, 45
_UNIT_STEMS = frozenset(w for unit in lexicon().numbers.measures for w in unit.words)


def _around(f: ClaimFacts, n: NumberFact) -> frozenset[str]:
    """The words around a measurement but its units, figures and days ("Monday" is when, not what)."""
    low, high = n.span.start - _AROUND_BEFORE, n.span.end + _AROUND_AFTER
    return frozenset(
        t.stem
        for t in f.content
        if low <= t.span.start
        and t.span.end <= high
        and not t.span.overlaps(n.span)
        and t.stem not in _UNIT_STEMS
        and not any(ch.isdigit() for ch in t.norm)
        and not any(t.span.overlaps(d.span) for d in f.dates)
    )


def measured_alike(a: Quantity, b: Quantity) -> bool:
    """True unless two lengths or masses have no word around them in common: "a two-mile path" and
    "260 feet below ground" measure different things, "370 km north of Tarrow" and "230 miles north-east
    of Tarrow" one."""
    if not a.measure.startswith(_MEASURED_THINGS):
        return True
    if a.reference and b.reference and a.reference != b.reference:
        return False  # "north of Seattle" and "southeast of Vancouver"
    return bool(a.around & b.around)


_WHOM = tuple(
    (key, re.compile(rf"\b(?:{alternation(words, space=_SPACE)})\b", re.IGNORECASE))
    for key, words in _FIGURES.whom_groups.items()
    if words
)
# At most this many words between a figure and a group of people it counts, either side ("35 people from other
# countries", "the number of foreigners killed at nine").
_WHOM_GAP = 2


def _whom_group(f: ClaimFacts, clause: _Clause, span: tuple[int, int]) -> frozenset[str]:
    """Groups of people of no one country that a figure counts (figures.toml ``whom``), read like a demonym:
    right after the figure, or right before it in its clause, with no other figure between."""
    text = f.claim.text
    starts = [n.span.start - f.claim.start for n in f.numbers if n.span.start - f.claim.start != span[0]]
    out: set[str] = set()
    for key, pattern in _WHOM:
        m = pattern.search(text, span[1], clause.end)
        if (
            m is not None
            and len(text[span[1] : m.start()].split()) <= _WHOM_GAP
            and not any(span[1] <= s < m.start() for s in starts)
        ):
            out.add(key)
            continue
        before = list(pattern.finditer(text, clause.start, span[0]))
        if (
            before
            and len(text[before[-1].end() : span[0]].split()) <= _WHOM_GAP
            and not any(before[-1].end() <= s < span[0] for s in starts)
        ):
            out.add(key)
    return frozenset(out)


def _holder(f: ClaimFacts, places: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Whom a claim may be about: the last words of the names it gives (but the speaker's, when the figure
    is in a quotation: "“He was a father of three,” Perez said").

    ``places`` are words of the places the accounts name ("in Ohio"): a name made of them is no person.
    """
    speaker = f.speaker.span if f.speaker is not None and f.quotes else None
    out: list[str] = []
    for name in f.names:
        if name.span == speaker or not name.words or all(w in country_table() for w in name.words):
            continue
        if all(w in STOPWORDS or w in places for w in name.words):
            continue
        out.append(name.words[-1])
    return tuple(dict.fromkeys(out))


def with_holders(
    quantities: Sequence[Quantity], facts: Mapping[str, ClaimFacts], places: frozenset[str]
) -> list[Quantity]:
    """Figures of one person's measure, their holder found again knowing the accounts' place names."""
    out = []
    for q in quantities:
        if _per_person(q.measure) and q.claim in facts:
            holder = _holder(facts[q.claim], places)
            q = replace(q, holder=holder) if holder != q.holder else q
        out.append(q)
    return out


def _place_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(words_match(x, y) for x in a for y in b if x not in STOPWORDS and y not in STOPWORDS)


# A figure this many times below another of its measure is more likely a part of it than a rival count.
_FAR_BELOW = 3


def same_scope(a: Quantity, b: Quantity) -> str | None:
    """Whether two figures of one measure can be held against each other, and how sure that is.

    Returns ``"same"`` when they speak of the same places (or both of none), ``"whole"`` when one names
    no place and the other several (a total across sites), ``"part"`` when one names a place and the other
    none (it may be a part of the other's total), ``"parts"`` when both are parts of a toll naming no place
    or group (they may be different parts), and ``None`` when they are about different places, peoples,
    groups of people or parts.
    """
    if a.added or b.added:
        return None  # what one account adds to its count is no count to hold against another's
    if a.graded != b.graded and not a.part and not b.part:
        return "part"  # "several others critically hurt" may be some of "injuring 20"
    if a.holder or b.holder or _per_person(a.measure):
        # one person's figure ("a father of four"): comparable only for the same person, wherever named
        return "same" if any(words_match(x, y) for x in a.holder for y in b.holder) else None
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    if a.elsewhere != b.elsewhere and not (b.countries if a.elsewhere else a.countries):
        return None  # a figure for another country against one for the main place
    if a.nationals and b.nationals and not a.nationals & b.nationals:
        return None
    if a.group and b.group and a.group != b.group:
        return None  # a count of one group is not another's ("17 firefighters" / "12 students")
    if a.nationals & b.nationals and a.part != b.part and not a.places and not b.places:
        return "same"  # "nine foreigners killed" and "156, including 35 foreigners": one group's count
    if a.places and b.places:
        # Both name the place: what each counts there is comparable, part of a larger whole or not.
        return "same" if any(_place_match(x, y) for x in a.places for y in b.places) else None
    if a.part != b.part:
        return None
    if a.part and bool(a.nationals) != bool(b.nationals):
        return None  # "five Indians" among those on board is another part than "68 passengers"
    if bool(a.countries) != bool(b.countries) and not a.places and not b.places:
        return "part"  # "23 deaths in eastern Egypt" against a toll that names no country
    if bool(a.nationals) != bool(b.nationals) and not a.part and a.measure in _HARM_MEASURES:
        one, other = (a, b) if a.nationals else (b, a)
        if one.number.value * _FAR_BELOW < other.number.value:
            # "the four Slovakians killed" against a toll of 157: a part of it ("nine workers from Peru"
            # against "eleven workers" may count the same people)
            return "part"
    if a.part and not (a.places or b.places or a.countries or a.nationals or b.nationals or a.group):
        return "parts"  # "the four other people killed" and "five people on the bus also died"
    if not a.places and not b.places:
        return "same"
    if a.part:
        return "parts"  # a part at a place and a part naming none: they may count different parts
    named = a.places or b.places
    return "whole" if len(named) >= 2 else "part"


def all_quantities(facts: Iterable[ClaimFacts]) -> list[Quantity]:
    """Every figure of every claim, with its measure.

    A figure counted "there" is counted at the last place the sentence before it names ("… to the slopes of
    Mount Tarrow. Twelve climbers died there."): when that sentence names none, it stays a place unknown.
    """
    listed = list(facts)
    found = parallel.in_two(_quantities_of_each, listed, at_least=PARALLEL_CLAIMS)
    out: list[Quantity] = []
    before: ClaimFacts | None = None
    tolls: dict[tuple[str, str], float] = {}  # the largest whole figure of each account and measure so far
    for f, own in zip(listed, found, strict=True):
        for q in own:
            key = (q.source, q.measure)
            if q.also and not q.part and q.number.value < tolls.get(key, 0.0):
                q = replace(q, part=True, how=f"{q.how}, added to the toll told before")
            elif not q.part and _sums_to(f, tolls.get(key, 0.0), q.number.value):
                # "one was in critical condition, one in serious condition and eight had injuries …" after
                # "Ten people were injured": a breakdown of the toll
                q = replace(q, part=True, how=f"{q.how}, one of figures that add up to the toll told before")
            if not q.part:
                tolls[key] = max(tolls.get(key, 0.0), q.number.value)
            if q.places == _THERE_PLACE and before is not None and before.claim.source == f.claim.source:
                last = _last_place(before)
                if last:
                    q = replace(q, places=(last,))
            if _COUNTRY_BEFORE in q.countries:
                country = None
                if before is not None and before.claim.source == f.claim.source:
                    country = _country_before(before, len(before.claim.text))
                q = replace(q, countries=frozenset((country,)) if country else frozenset())
            out.append(q)
        before = f
    return _groups_within_tolls(_added_to_tallies(out))


def _groups_within_tolls(quantities: list[Quantity]) -> list[Quantity]:
    """A count of one group below its own account's toll of people at large is a part of that toll: "12
    firefighters were among the 44 killed", "two officers were killed" beside "127 people had died"."""
    tolls: dict[tuple[str, str], float] = {}
    for q in quantities:
        if not q.group and not q.part and q.is_count:
            key = (q.source, q.measure)
            tolls[key] = max(tolls.get(key, 0.0), q.number.value)
    return [
        replace(q, part=True, how=f"{q.how}, a group within the account's toll")
        if q.group and not q.part and q.number.value < tolls.get((q.source, q.measure), 0.0)
        else q
        for q in quantities
    ]


_THERE_PLACE = (("there",),)
# Claims from which reading their figures is shared with a forked copy of this process (parallel.py).
PARALLEL_CLAIMS = 3000


def _quantities_of_each(facts: Sequence[ClaimFacts]) -> list[list[Quantity]]:
    return [quantities_of(f) for f in facts]


def place_after(f: ClaimFacts, start: int) -> tuple[str, ...]:
    """The words of the first place a claim names after the absolute offset ``start``, after a place
    preposition ("… hit the suburb of Velden", "was in a housing block in Corvale"); () when none."""
    text = f.claim.text
    for name in f.names:
        if name.span.start < start:
            continue
        words = _place_words(f, text, name)
        if words:
            return words
    return ()


def _place_words(f: ClaimFacts, text: str, name: NameMention) -> tuple[str, ...]:
    s = name.span.start - f.claim.start
    if _preposition_before(text, s, _FIGURES.before_place_names) is None:
        return ()
    words = tuple(w for w in name.words if w not in _GENERIC_PLACE_WORDS and w not in _measure_vocabulary())
    return words if words and not all(w in country_table() for w in words) else ()


def _last_place(f: ClaimFacts) -> tuple[str, ...]:
    """The words of the last place a claim names after a place preposition ("to the slopes of Mount Kalt")."""
    text = f.claim.text
    for name in reversed(f.names):
        words = _place_words(f, text, name)
        if words:
            return words
    return ()
