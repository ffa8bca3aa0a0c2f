"""The engine's word lists, read once from ``resources/lexicon/*.toml``.

Lists live in data so that a linguist can extend them without touching code, and so
that every output can record which lists produced it (:func:`lexicon_stamp`). Each file
is one family of words and has its own frozen dataclass here; :func:`lexicon` gathers
them. Nothing here is mutable: lists are tuples or frozensets, tables are read-only
mappings. The engine modules compile their patterns from these lists (see
:func:`alternation`), once.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from comparer.core.errors import ComparerError

# Every file of the lexicon, in the order the stamp hashes them.
LEXICON_FILES = (
    "measures.toml",
    "speech.toml",
    "calendar.toml",
    "numbers.toml",
    "casualties.toml",
    "names.toml",
    "places.toml",
    "concepts.toml",
    "words.toml",
    "spellings.toml",
    "boilerplate.toml",
    "figures.toml",
)


def alternation(words: Iterable[str], space: str = " ") -> str:
    """A regex matching any of ``words`` (escaped), the longest first; ``space`` stands for a space.

    The words are folded into a trie ("kill(?:ing|ed)?" for kill, killed, killing), which matches
    as the plain alternation of the words sorted longest first would, but without trying every word
    at every position of a text.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(root, space)


_Trie = dict[str, "_Trie"]


def _longest(node: _Trie) -> int:
    return max((0 if ch == "" else 1 + _longest(child)) for ch, child in node.items())


def _trie_pattern(node: _Trie, space: str) -> str:
    """The regex of a trie node: its branches, longest first, optional when a word ends here."""
    branches = sorted(
        ((ch, child) for ch, child in node.items() if ch), key=lambda b: (-_longest(b[1]), b[0])
    )
    if not branches:
        return ""
    parts = [(space if ch == " " else re.escape(ch)) + _trie_pattern(child, space) for ch, child in branches]
    ends = "" in node
    if len(parts) == 1 and not ends:
        return parts[0]
    return "(?:" + "|".join(parts) + ")" + ("?" if ends else "")


def _frozen(table: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(table))


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure can measure: deaths, injured, missing …"""

    name: str
    label: str
    words: tuple[str, ...]
    counted: bool
    rank: int
    per_person: bool = False  # "a father of four": held against another figure only for the same person
    predicate: bool = False  # "five men killed … have been identified": the clause's verb names the measure
    of_another: tuple[str, ...] = ()  # "an aftershock … was 4.7 in magnitude": a figure of another happening


@dataclass(frozen=True, slots=True)
class MeasureLexicon:
    """Measures, the nouns that count people and their groups (``measures.toml``)."""

    measures: tuple[Measure, ...]
    people: frozenset[str]
    groups: Mapping[str, str]  # people noun -> group name
    money_signs: tuple[str, ...] = ()
    money_words: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    predicate_objects: tuple[str, ...] = ()  # "two officers identified the victims": active, with an object
    # people noun -> group a figure counts, of the groups and the roles ("officers" -> police)
    roles: Mapping[str, str] = field(default_factory=dict)

    def measure(self, name: str) -> Measure | None:
        """The measure with this name, if the lexicon has it."""
        return next((m for m in self.measures if m.name == name), None)


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Speech verbs and attribution cues (``speech.toml``)."""

    verbs: tuple[str, ...]
    channel_verbs: tuple[str, ...]
    cues: tuple[str, ...]
    channel_phrases: tuple[str, ...]
    platforms: tuple[str, ...]
    pronouns: tuple[str, ...]
    tail_pronouns: tuple[str, ...]
    sources: tuple[str, ...]
    source_verbs: tuple[str, ...]
    organisation_words: frozenset[str]
    never_own_voice: frozenset[str]
    not_speech_after: tuple[str, ...] = ()  # "claimed the lives of two": an act, not words said
    roles: tuple[str, ...] = ()  # "a Thai Navy official": one person of the body named before
    unnamed: tuple[str, ...] = ()  # "reportedly", "are reported to": credited to sources not named
    figure_verbs: tuple[str, ...] = ()  # "put", "putting": with figure_nouns, giving a figure
    figure_nouns: tuple[str, ...] = ()  # "death toll", "number": "put the preliminary number at"
    head_end: frozenset[str] = frozenset()  # "Officials in Washington state": the head ends before "in"
    addressee_verbs: frozenset[str] = frozenset()  # "told YTN": the name after is the one spoken to

    @property
    def all_verbs(self) -> tuple[str, ...]:
        """Every speech verb: those that attribute a claim and those that only say how words came."""
        return (*self.verbs, *self.channel_verbs)


@dataclass(frozen=True, slots=True)
class CalendarLexicon:
    """Months, weekdays, zones and the words that place a day (``calendar.toml``)."""

    months: Mapping[str, int]  # name or abbreviation -> month number (1-12)
    month_abbreviations: tuple[str, ...]
    month_words: frozenset[str]  # month names that are also everyday words ("may", "march")
    weekdays: tuple[str, ...]  # Monday first
    weekday_abbreviations: tuple[str, ...]
    weekday_qualifiers: tuple[str, ...]
    zones: tuple[str, ...]
    relative: Mapping[str, int]  # phrase -> days from the publication date
    future: tuple[str, ...]
    publication_labels: tuple[str, ...]
    citation_words: tuple[str, ...]
    until: tuple[str, ...] = ()  # "till Saturday" after a verb of what is now: the coming Saturday
    now_verbs: tuple[str, ...] = ()
    year_before: tuple[str, ...] = ()  # "in 1992", "since October 1989": a sentence dated to a year
    year_past: tuple[str, ...] = ()  # "since 1981, when": a time before the account's, whatever its date
    year_modified: tuple[str, ...] = ()  # "a 1992 gas explosion": the year dates the thing named after it
    ago_units: tuple[str, ...] = ()  # "six years ago": a time before the account's
    earlier_openers: tuple[str, ...] = ()  # "Earlier reports said …": figures the account gives as earlier
    statement_verbs: tuple[str, ...] = ()  # "officials said Monday": the day of a statement, not the event
    records: tuple[str, ...] = ()  # "the deadliest … since a gunman killed 20": an earlier event compared
    tally_moments: tuple[str, ...] = ()  # "73 as of 6:00 p.m.": the moment of a count, not of the event
    anniversaries: tuple[
        str, ...
    ] = ()  # "the 32nd anniversary of the 1985 earthquake": a year before the account's
    # word before a clock time -> (minutes it allows before, minutes after)
    time_hedges: Mapping[str, tuple[int, int]] = field(default_factory=lambda: _frozen({}))
    time_units: Mapping[str, int] = field(default_factory=lambda: _frozen({}))  # "minutes" -> 1, "hour" -> 60
    zone_offsets: Mapping[str, int] = field(default_factory=lambda: _frozen({}))  # "est" -> -300 minutes
    time_later: tuple[str, ...] = ()  # "ten minutes past midnight"
    time_earlier: tuple[str, ...] = ()  # "five minutes to noon"

    @property
    def month_prefixes(self) -> tuple[str, ...]:
        """The first three letters of each month's name."""
        names = sorted((n for n in self.months if len(n) > 3), key=lambda n: self.months[n])
        return tuple(dict.fromkeys(n[:3] for n in names))


@dataclass(frozen=True, slots=True)
class Vague:
    """An amount in words ("dozens"): its figure and, for a range, its bounds."""

    value: float
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure: the stems that name it, its quantity and the factor to the base unit."""

    quantity: str
    factor: float
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    """Number words, hedges, vague amounts, labels and units (``numbers.toml``)."""

    units: tuple[str, ...]
    tens: tuple[str, ...]
    scales: tuple[str, ...]
    hedges: Mapping[str, str]  # phrase -> bound kind (above, at_least, below, at_most, nearly, about)
    vague: Mapping[str, Vague]
    labels: tuple[str, ...]
    measures: tuple[Unit, ...]
    # "early", "mid", "late" -> years into the decade a loose age allows ("in his mid-30s": 33 to 36)
    age_decades: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    # hedge phrase -> words after which it is a particle, not a hedge ("handed over 441", "climbed up to 288")
    particles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    range_joiners: tuple[str, ...] = ()  # "50 to 70", "two or three"
    range_openers: tuple[str, ...] = ()  # "between 50 and 70"
    range_and: tuple[str, ...] = ()
    range_changes: tuple[str, ...] = ()  # "from 50 to 70": a change, not a range
    # words after a figure that never name what it counts ("25,300 across the region")
    not_counted: frozenset[str] = frozenset()

    @property
    def words(self) -> frozenset[str]:
        """Every number word."""
        return frozenset((*self.units, *self.tens, *self.scales))


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    """Words of casualty statements (``casualties.toml``)."""

    harm: tuple[str, ...]
    harm_stems: tuple[str, ...]
    counts: tuple[str, ...]
    nobody: tuple[str, ...]
    denials: tuple[str, ...]
    harm_acts: tuple[str, ...]
    anyone: tuple[str, ...]
    harm_nouns: tuple[str, ...]
    pending: tuple[str, ...]
    unclear: tuple[str, ...]
    tallies: tuple[str, ...]
    rise_modals: tuple[str, ...]
    hedges: tuple[str, ...]
    outcomes: tuple[str, ...]
    news_words: tuple[str, ...]
    averted: tuple[str, ...]
    death_words: tuple[str, ...] = ()  # words that state a death
    certainty_hedges: tuple[str, ...] = ()  # words that leave a death unsettled
    certainty_membership: tuple[str, ...] = ()  # "believed to be among those killed": who, not whether
    certainty_clause_words: tuple[str, ...] = ()  # "and", "but": a hedge's reach ends at them


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """What is not part of a name (``names.toml``)."""

    titles: frozenset[str]
    particles: tuple[str, ...]
    openers: frozenset[str]
    abbreviations: tuple[str, ...]
    spelling_titles: frozenset[str]
    relations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    """One country's names, demonyms and capitals (folded)."""

    key: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def words(self) -> tuple[str, ...]:
        """Every word that stands for the country."""
        return (*self.names, *self.demonyms, *self.capitals)


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Countries and the phrases that name them (``places.toml``)."""

    countries: tuple[Country, ...]
    phrases: tuple[tuple[str, str], ...]  # (folded phrase, country key)

    @property
    def capitals(self) -> tuple[str, ...]:
        """Every capital (and word standing for a government) of every country."""
        return tuple(c for country in self.countries for c in country.capitals)


@dataclass(frozen=True, slots=True)
class ConceptLexicon:
    """Concept tags of words and phrases (``concepts.toml``)."""

    words: tuple[tuple[str, tuple[str, ...]], ...]  # (concept, words)
    phrases: tuple[tuple[str, str], ...]  # (pattern, concept); {capital} not yet filled in
    events: frozenset[str] = frozenset()  # concepts naming something that happens at a moment


@dataclass(frozen=True, slots=True)
class WordLexicon:
    """Function words and denials (``words.toml``)."""

    stopwords: frozenset[str]
    negations: tuple[str, ...]
    clause_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SpellingLexicon:
    """Romanisation letters and British endings (``spellings.toml``)."""

    romanisation: tuple[tuple[str, str], ...]
    british: tuple[tuple[str, str], ...]  # (British ending, American ending)
    renamed: tuple[tuple[str, str], ...] = ()  # (older name, newer name) of one place
    # British ending -> how many vowel groups the stem before it needs at least (1 unless said)
    stem_syllables: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BoilerplateLexicon:
    """Page furniture (``boilerplate.toml``)."""

    share_words: tuple[str, ...]
    lines: tuple[str, ...]  # verbose regular expressions; {month} not yet filled in
    tail_markers: tuple[str, ...]
    script_required: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    """How a figure is read in its clause: places, parts, units that are no count (``figures.toml``)."""

    place_prepositions: frozenset[str]
    place_narrowers: frozenset[str]
    generic_place_words: frozenset[str]
    before_place_names: tuple[str, ...]
    there_after: tuple[str, ...]
    origin_prepositions: frozenset[str]
    part_after: tuple[str, ...]
    part_before: tuple[str, ...]
    relative_words: tuple[str, ...]
    time_units: tuple[str, ...]
    not_counts: tuple[str, ...]
    modifier_endings: tuple[str, ...]
    verbs_after: frozenset[str] = frozenset()  # "200 remain trapped": nothing counted right after
    directions: tuple[str, ...] = ()  # "north of Seattle": a length measured from a place
    part_fronted: tuple[str, ...] = ()  # "Among the injured, two …": a part of the group named first
    # "injuries among its 200 passengers": the group, not the measure
    group_before: frozenset[str] = frozenset()
    # words that open a clause of their own: a measure word before one says nothing of a figure after it
    subordinators: frozenset[str] = frozenset()
    # "killing all 11": a word right before a figure that belongs to it
    determiners: tuple[str, ...] = ()
    # "six other men": a word between a figure and its noun that makes the figure a part
    part_adjectives: tuple[str, ...] = ()
    rank_grades: tuple[str, ...] = ()
    ordinals: Mapping[str, int] = field(default_factory=dict)
    sequence_events: tuple[str, ...] = ()
    sequence_verbs: tuple[str, ...] = ()
    country_anaphors: tuple[str, ...] = ()  # "in that country": a country named before
    level_verbs: tuple[str, ...] = ()  # "the toll … has risen to 156": the toll's figure
    level_participles: tuple[str, ...] = ()  # "The toll kept growing - exceeding 25,300"
    change_verbs: tuple[str, ...] = ()  # "rose from six to 12": a change, the later figure the account's
    additional: tuple[str, ...] = ()  # "two more explosions": added to the count before
    additional_before: tuple[str, ...] = ()  # "another 25 bodies": added to a count told before
    also: tuple[str, ...] = ()  # "Five … also died": these add to a toll told before
    joined: tuple[str, ...] = ()  # "the driver and five passengers": the figure is some of them
    severities: tuple[str, ...] = ()  # "five critically hurt": a part of the harmed
    remaining: tuple[str, ...] = ()  # "13 people were still hospitalized": those still harmed, a part
    rates: tuple[str, ...] = ()  # "an average of 25 … each winter": a rate, no count of the event
    populations: tuple[
        str, ...
    ] = ()  # "a town of around 3,000 people": who live there, no count of the event
    whom_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # "foreigners": whom, no country


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list of the engine, one family per file."""

    measures: MeasureLexicon
    speech: SpeechLexicon
    calendar: CalendarLexicon
    numbers: NumberLexicon
    casualties: CasualtyLexicon
    names: NameLexicon
    places: PlaceLexicon
    concepts: ConceptLexicon
    words: WordLexicon
    spellings: SpellingLexicon
    boilerplate: BoilerplateLexicon
    figures: FigureLexicon


def _read(name: str) -> tuple[dict[str, Any], bytes]:
    path = resources.files("comparer.resources") / "lexicon" / name
    try:
        raw = path.read_bytes()
        return tomllib.loads(raw.decode("utf-8")), raw
    except (OSError, ValueError) as exc:
        raise ComparerError(f"the lexicon file {name} cannot be read ({exc})") from exc


def _data(name: str) -> dict[str, Any]:
    return _read(name)[0]


def _words(raw: Any, lower: bool = True) -> tuple[str, ...]:
    words = (str(w) for w in (raw or ()))
    return tuple(w.lower() if lower else w for w in words)


@lru_cache(maxsize=1)
def measure_lexicon() -> MeasureLexicon:
    """The measures lexicon (``resources/lexicon/measures.toml``)."""
    data = _data("measures.toml")
    measures = tuple(
        Measure(
            name=name,
            label=str(entry.get("label", name)),
            words=tuple(str(w).lower() for w in entry.get("words", ())),
            counted=bool(entry.get("counted", False)),
            rank=int(entry.get("rank", 99)),
            per_person=bool(entry.get("per_person", False)),
            predicate=bool(entry.get("predicate", False)),
            of_another=tuple(str(w).lower() for w in entry.get("of_another", ())),
        )
        for name, entry in data.get("measure", {}).items()
    )
    groups = {str(w).lower(): group for group, words in data.get("groups", {}).items() for w in words}
    people = frozenset(str(w).lower() for w in data.get("people", {}).get("words", ()))
    money = data.get("money", {})
    return MeasureLexicon(
        measures=measures,
        people=people,
        groups=_frozen(groups),
        money_signs=tuple(sorted((str(x) for x in money.get("signs", ())), key=len, reverse=True)),
        money_words=frozenset(str(w).lower() for w in money.get("words", ())),
        media_words=frozenset(str(w).lower() for w in data.get("media", {}).get("words", ())),
        predicate_objects=_words(data.get("predicate", {}).get("objects")),
        roles=_frozen(
            groups | {str(w).lower(): role for role, words in data.get("roles", {}).items() for w in words}
        ),
    )


def _speech() -> SpeechLexicon:
    data = _data("speech.toml")
    own = data.get("own_voice", {})
    return SpeechLexicon(
        verbs=_words(data.get("verbs")),
        channel_verbs=_words(data.get("channel_verbs")),
        addressee_verbs=frozenset(_words(data.get("addressee_verbs"))),
        cues=_words(data.get("cues")),
        unnamed=_words(data.get("unnamed")),
        figure_verbs=_words(data.get("figure_verbs")),
        figure_nouns=_words(data.get("figure_nouns")),
        head_end=frozenset(_words(data.get("head_end"))),
        channel_phrases=_words(data.get("channel_phrases")),
        platforms=_words(data.get("platforms")),
        pronouns=_words(data.get("pronouns")),
        tail_pronouns=_words(data.get("tail_pronouns")),
        sources=_words(data.get("sources")),
        roles=_words(data.get("roles")),
        source_verbs=_words(data.get("source_verbs")),
        organisation_words=frozenset(_words(own.get("organisation"))),
        never_own_voice=frozenset(_words(own.get("never"))),
        not_speech_after=_words(data.get("not_speech_after")),
    )


def _calendar() -> CalendarLexicon:
    data = _data("calendar.toml")
    months: dict[str, int] = {}
    abbreviations: list[str] = []
    month_words: set[str] = set()
    for number, entry in enumerate(data.get("month", ()), start=1):
        months[str(entry["name"]).lower()] = number
        if entry.get("word"):
            month_words.add(str(entry["name"]).lower())
        for abbreviation in _words(entry.get("abbreviations")):
            months[abbreviation] = number
            abbreviations.append(abbreviation)
    weekdays = data.get("weekdays", {})
    cues = data.get("cues", {})
    return CalendarLexicon(
        months=_frozen(months),
        month_abbreviations=tuple(abbreviations),
        month_words=frozenset(month_words),
        weekdays=_words(weekdays.get("names")),
        weekday_abbreviations=_words(weekdays.get("abbreviations")),
        weekday_qualifiers=_words(weekdays.get("qualifiers")),
        zones=_words(data.get("zones", {}).get("abbreviations")),
        relative=_frozen({str(k).lower(): int(v) for k, v in data.get("relative", {}).items()}),
        future=_words(cues.get("future")),
        until=_words(cues.get("until")),
        now_verbs=_words(cues.get("now_verbs")),
        year_before=_words(cues.get("year_before")),
        year_past=_words(cues.get("year_past")),
        year_modified=_words(cues.get("year_modified")),
        ago_units=_words(cues.get("ago_units")),
        earlier_openers=_words(cues.get("earlier_openers")),
        anniversaries=_words(cues.get("anniversaries")),
        publication_labels=_words(cues.get("publication_labels")),
        statement_verbs=_words(cues.get("statement_verbs")),
        records=_words(cues.get("records")),
        tally_moments=_words(cues.get("tally_moments")),
        citation_words=_words(cues.get("citation_words")),
        time_hedges=_frozen(
            {str(k).lower(): (int(v[0]), int(v[1])) for k, v in data.get("time_hedges", {}).items()}
        ),
        time_units=_frozen({str(k).lower(): int(v) for k, v in data.get("time_units", {}).items()}),
        zone_offsets=_frozen({str(k).lower(): int(v) for k, v in data.get("zone_offsets", {}).items()}),
        time_later=_words(data.get("time_words", {}).get("later")),
        time_earlier=_words(data.get("time_words", {}).get("earlier")),
    )


def _numbers(stem: Any) -> NumberLexicon:
    data = _data("numbers.toml")
    words = data.get("words", {})
    hedges = {str(p).lower(): bound for bound, phrases in data.get("hedges", {}).items() for p in phrases}
    vague = {
        str(phrase).lower(): Vague(
            value=float(entry["value"]),
            low=float(entry["low"]) if "low" in entry else None,
            high=float(entry["high"]) if "high" in entry else None,
        )
        for phrase, entry in data.get("vague", {}).items()
    }
    units = tuple(
        Unit(
            quantity=str(entry["quantity"]),
            factor=float(entry["factor"]),
            words=tuple(dict.fromkeys(str(stem(w.lower())) for w in entry.get("words", ()))),
        )
        for entry in data.get("unit", ())
    )
    return NumberLexicon(
        units=_words(words.get("units")),
        tens=_words(words.get("tens")),
        scales=_words(words.get("scales")),
        hedges=_frozen(hedges),
        vague=_frozen(vague),
        labels=_words(data.get("labels")),
        measures=units,
        age_decades=MappingProxyType(
            {str(k).lower(): (int(v["low"]), int(v["high"])) for k, v in data.get("age_decades", {}).items()}
        ),
        particles=MappingProxyType(
            {
                " ".join(str(k).lower().split()): frozenset(_words(v))
                for k, v in data.get("particles", {}).items()
            }
        ),
        range_joiners=_words(data.get("ranges", {}).get("joiners")),
        range_openers=_words(data.get("ranges", {}).get("openers")),
        range_and=_words(data.get("ranges", {}).get("and")),
        range_changes=_words(data.get("ranges", {}).get("changes")),
        not_counted=frozenset(_words(data.get("not_counted"))),
    )


def _casualties() -> CasualtyLexicon:
    data = _data("casualties.toml")
    none, unknown = data.get("none", {}), data.get("unknown", {})
    return CasualtyLexicon(
        harm=_words(data.get("harm")),
        harm_stems=_words(data.get("harm_stems")),
        counts=_words(data.get("counts")),
        nobody=_words(none.get("nobody")),
        denials=_words(none.get("denials")),
        harm_acts=_words(none.get("harm_acts")),
        anyone=_words(none.get("anyone")),
        harm_nouns=_words(none.get("harm_nouns")),
        pending=_words(unknown.get("pending")),
        unclear=_words(unknown.get("unclear")),
        tallies=_words(unknown.get("tallies")),
        rise_modals=_words(unknown.get("rise_modals")),
        hedges=_words(unknown.get("hedges")),
        outcomes=_words(unknown.get("outcomes")),
        news_words=_words(data.get("unreported", {}).get("news_words")),
        averted=_words(data.get("not_a_report", {}).get("averted")),
        death_words=_words(data.get("certainty", {}).get("deaths")),
        certainty_hedges=_words(data.get("certainty", {}).get("hedges")),
        certainty_membership=_words(data.get("certainty", {}).get("membership")),
        certainty_clause_words=_words(data.get("certainty", {}).get("clause_words")),
    )


def _names() -> NameLexicon:
    data = _data("names.toml")
    return NameLexicon(
        titles=frozenset(_words(data.get("titles"))),
        particles=_words(data.get("particles")),
        openers=frozenset(_words(data.get("openers"))),
        abbreviations=_words(data.get("abbreviations"), lower=False),
        spelling_titles=frozenset(_words(data.get("spelling_titles"))),
        relations=_words(data.get("relations")),
    )


def _places() -> PlaceLexicon:
    data = _data("places.toml")
    countries = tuple(
        Country(
            key=str(key),
            names=_words(entry.get("names")),
            demonyms=_words(entry.get("demonyms")),
            capitals=_words(entry.get("capitals")),
        )
        for key, entry in data.get("country", {}).items()
    )
    phrases = tuple((str(p).lower(), str(k)) for p, k in data.get("phrases", {}).items())
    return PlaceLexicon(countries=countries, phrases=phrases)


def _concepts() -> ConceptLexicon:
    data = _data("concepts.toml")
    return ConceptLexicon(
        words=tuple((str(c), _words(ws)) for c, ws in data.get("words", {}).items()),
        phrases=tuple((str(p["pattern"]), str(p["concept"])) for p in data.get("phrase", ())),
        events=frozenset(str(c) for c in data.get("events", ())),
    )


def _word_lists() -> WordLexicon:
    data = _data("words.toml")
    return WordLexicon(
        stopwords=frozenset(_words(data.get("stopwords"))),
        negations=_words(data.get("negations")),
        clause_words=_words(data.get("clause_words")),
    )


def _spellings() -> SpellingLexicon:
    data = _data("spellings.toml")
    return SpellingLexicon(
        romanisation=tuple((str(r["from"]), str(r["to"])) for r in data.get("romanisation", ())),
        british=tuple((str(r["british"]), str(r["american"])) for r in data.get("british", ())),
        renamed=tuple((str(r["old"]).lower(), str(r["new"]).lower()) for r in data.get("renamed", ())),
        stem_syllables={str(r["british"]): int(r.get("stem_syllables", 1)) for r in data.get("british", ())},
    )


def _boilerplate() -> BoilerplateLexicon:
    data = _data("boilerplate.toml")
    return BoilerplateLexicon(
        share_words=_words(data.get("share_words")),
        lines=_words(data.get("lines"), lower=False),
        tail_markers=_words(data.get("tail_markers"), lower=False),
        script_required=_words(data.get("script_required"), lower=False),
    )


def _figures() -> FigureLexicon:
    data = _data("figures.toml")
    place, part = data.get("place", {}), data.get("part", {})
    return FigureLexicon(
        place_prepositions=frozenset(_words(place.get("prepositions"))),
        place_narrowers=frozenset(_words(place.get("narrowers"))),
        directions=_words(place.get("directions")),
        generic_place_words=frozenset(_words(place.get("generic"))),
        before_place_names=_words(place.get("before_names")),
        there_after=_words(place.get("there_after")),
        country_anaphors=_words(place.get("country_anaphors")),
        origin_prepositions=frozenset(_words(place.get("origin"))),
        part_after=_words(part.get("after")),
        part_before=_words(part.get("before")),
        part_fronted=_words(part.get("fronted")),
        group_before=frozenset(_words(part.get("group"))),
        subordinators=frozenset(_words(data.get("subordinators"))),
        determiners=_words(data.get("determiners")),
        part_adjectives=_words(part.get("adjectives")),
        relative_words=_words(data.get("relative_words")),
        level_verbs=_words(data.get("level_verbs")),
        level_participles=_words(data.get("level_participles")),
        change_verbs=_words(data.get("change_verbs")),
        additional=_words(data.get("additional")),
        additional_before=_words(data.get("additional_before")),
        rates=_words(data.get("rates")),
        populations=_words(data.get("populations")),
        severities=_words(data.get("part", {}).get("severities")),
        remaining=_words(data.get("part", {}).get("remaining")),
        also=_words(part.get("also")),
        joined=_words(part.get("joined")),
        whom_groups=MappingProxyType({str(k): _words(v) for k, v in data.get("whom", {}).items()}),
        time_units=_words(data.get("time_units")),
        not_counts=_words(data.get("not_counts")),
        verbs_after=frozenset(_words(data.get("verbs_after"))),
        modifier_endings=_words(data.get("modifier_endings")),
        rank_grades=_words(data.get("rank", {}).get("grades")),
        sequence_events=_words(data.get("sequence", {}).get("events")),
        sequence_verbs=_words(data.get("sequence", {}).get("verbs")),
        ordinals=MappingProxyType(
            {str(k): int(v) for k, v in data.get("rank", {}).get("ordinals", {}).items()}
        ),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Every list of the engine, read once from ``resources/lexicon/``."""
    import snowballstemmer  # the units of measure are matched by stem, as the words of a claim are

    stemmer = snowballstemmer.stemmer("english")
    return Lexicon(
        measures=measure_lexicon(),
        speech=_speech(),
        calendar=_calendar(),
        numbers=_numbers(stemmer.stemWord),
        casualties=_casualties(),
        names=_names(),
        places=_places(),
        concepts=_concepts(),
        words=_word_lists(),
        spellings=_spellings(),
        boilerplate=_boilerplate(),
        figures=_figures(),
    )


@lru_cache(maxsize=1)
def lexicon_stamp() -> dict[str, str]:
    """The lexicon's version and a hash of its files, recorded in every output."""
    digest = hashlib.sha256()
    versions = []
    for name in LEXICON_FILES:
        data, raw = _read(name)
        digest.update(name.encode() + b"\0" + raw)
        versions.append(f"{name.removesuffix('.toml')}-{data.get('version', 0)}")
    return {"version": "+".join(versions), "sha256": digest.hexdigest()[:16]}
