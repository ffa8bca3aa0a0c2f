"""One finding per discrepancy, with a confidence, and the fact table across accounts.

The judge raises findings on sentence links; one discrepancy is often seen through several
pairings ("casualties being assessed" meets every "no one was killed" of the other account). Here
those are merged into one finding that lists every passage and link it rests on. Figures are not
judged on links at all: each account's figures are read as facts (:mod:`comparer.core.engine.quantities`)
and compared with the other account's figures *of the same measure*, wherever each states them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq
from wordfreq import zipf_frequency

from comparer.core.engine import semantic
from comparer.core.engine.align import similarity
from comparer.core.engine.concepts import country_table
from comparer.core.engine.dates import DateMention, find_dates, find_times, said_on, tally_moment
from comparer.core.engine.facts import ClaimFacts, is_person, source_named
from comparer.core.engine.findings import names_the_source
from comparer.core.engine.model import SHOW_ABOVE, Check, FactCell, FactRow, Finding, Link, Source, Span
from comparer.core.engine.names import NameMention, same_entity, spelled_alike, translit_key, words_match
from comparer.core.engine.numbers import find_numbers
from comparer.core.engine.pubdate import looks_back
from comparer.core.engine.quantities import (
    TALLY_OF,
    Quantity,
    all_quantities,
    measured_alike,
    place_after,
    same_scope,
    with_holders,
)
from comparer.core.engine.quotefind import quoted_words, same_words_but_brackets
from comparer.core.engine.quotes import Quote
from comparer.core.engine.segment import is_boilerplate
from comparer.core.engine.text import fold, stem
from comparer.core.lexicon import alternation, lexicon, measure_lexicon

# How sure each kind of finding starts out, before what its passages show raises or lowers it.
BASE_CONFIDENCE: dict[str, float] = {
    "number_conflict": 0.75,
    "number_one_side": 0.55,
    "quote_wording": 0.8,
    "quote_partial": 0.6,
    "quote_differs": 0.6,
    "attribution": 0.55,
    "casualties": 0.6,
    "certainty": 0.6,
    "name_variant": 0.65,
    "spelling_variant": 0.5,
    "date_equivalent": 0.55,
    "date_conflict": 0.55,
    "time_conflict": 0.55,
}
# How sure a finding is that a common word is spelled the British way in one account and the American way
# in the other: below what is shown, as that is house style, not what the accounts say.
HOUSE_SPELLING = 0.3
# How sure "a attributes, b states it" is when b credits it too in another sentence (listed with --all).
CREDITED_ELSEWHERE = 0.2
# How sure "other words of one speaker" is when the accounts name two people of that name in full.
TWO_PEOPLE = 0.1
# A link scoring at least this is two claims stating one proposition.
SAME_PROPOSITION = 40.0
# Who says a thing is only worth a finding when both claims state one proposition nearly alike.
ATTRIBUTION_SAME = 70.0
NOT_ONE_PROPOSITION = "the two claims may not state the same proposition"


@dataclass(slots=True)
class _Group:
    """Findings of one discrepancy being merged."""

    first: Finding
    sources: tuple[str, str]
    claims: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    links: list[str] = field(default_factory=list)
    spans: tuple[list[Span], list[Span]] = field(default_factory=lambda: ([], []))
    aspects: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    confidence: float = 0.0

    _known: tuple[set[Any], set[Any]] = field(default_factory=lambda: (set(), set()))

    def include(self, side: int, claim: str, spans: Sequence[Span] = ()) -> None:
        """Add a passage of one side (a claim and the spans that carry the finding), once each."""
        known = self._known[side]
        if claim and ("c", claim) not in known:
            known.add(("c", claim))
            self.claims[side].append(claim)
        for s in spans:
            if s not in known:
                known.add(s)
                self.spans[side].append(s)

    def add(self, claim_a: str, claim_b: str, finding: Finding, link: Link | None) -> None:
        self.include(0, claim_a, finding.spans[0])
        self.include(1, claim_b, finding.spans[1])
        if link is not None and link.id not in self.links:
            self.links.append(link.id)

    def build(self, number: int) -> Finding:
        spans = (tuple(sorted(self.spans[0], key=_start)), tuple(sorted(self.spans[1], key=_start)))
        extra = "" if len(self.links) < 2 else f" (seen on {len(self.links)} sentence pairings)"
        return replace(
            self.first,
            id=f"F{number}",
            spans=spans,
            explanation=self.first.explanation + extra,
            confidence=round(max(0.0, min(1.0, self.confidence)), 2),
            why=tuple(dict.fromkeys(self.why)),
            claims=(tuple(self.claims[0]), tuple(self.claims[1])),
            sources=self.sources,
            links=tuple(self.links),
            aspects=tuple(a for a in dict.fromkeys(self.aspects) if a != self.first.kind),
        )


def _start(s: Span) -> int:
    return s.start


def name_key(f: Finding) -> frozenset[Any]:
    """What makes two name findings one: the words spelled two ways ("hasan / hassan", however much of the
    name each passage gives), or, with no spelling, the two names as written."""
    words = f.detail.get("words") if f.detail.get("spelling") else None
    if words and len(words) == 2:
        spelled = frozenset(
            (x, y) for x in words[0] for y in words[1] if x != y and x[:1].isalpha() and spelled_alike(x, y)
        )
        if spelled:
            return spelled
    return frozenset(fold(v or "") for v in f.values)


def _link_key(f: Finding, pair: tuple[str, str], fa: ClaimFacts, fb: ClaimFacts) -> tuple[Any, ...] | None:
    """What makes two findings on different links one discrepancy; ``None`` drops the finding."""
    kind = f.kind
    if kind in ("number_conflict", "number_one_side"):
        return None  # figures are compared as facts, across the whole accounts
    if kind in ("casualties", "certainty"):
        return ("casualty", pair, f.detail.get("a"), f.detail.get("b"))
    if kind == "attribution":
        side = 0 if f.values[0] and f.values[0].startswith("attributed") else 1
        claim = (fa if side == 0 else fb).claim.id
        return (kind, pair, f.values, claim if not f.detail.get("different_speaker") else None)
    if kind == "quote_differs":
        speaker = str((f.detail.get("speaker") or [""])[0])
        return (kind, pair, (fold(speaker).split() or [""])[-1])
    if kind == "quote_partial":
        fuller = max(f.values, key=lambda v: len(v or ""))
        return (kind, pair, fold(fuller or ""))
    if kind in ("name_variant", "spelling_variant"):
        return ("name", pair, name_key(f))
    if kind == "date_equivalent":
        return (kind, pair, f.detail.get("day"))
    return (kind, pair, f.values)


_PLACE_BEFORE = re.compile(
    rf"\b(?:{alternation(lexicon().figures.before_place_names)})\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s?){{1,3}})"
)
_DATELINE = re.compile(r"^\s*((?:[A-Z][\w'’.-]+[ ,]*){1,3})\s*(?:\([^)]*\)\s*)?[-–—:]", re.MULTILINE)


def place_words(sources: Mapping[str, Source]) -> frozenset[str]:
    """Folded words of the places the accounts name ("in Velden", "at the Asad base", datelines)."""
    found: set[str] = set()
    for s in sources.values():
        for pattern in (_PLACE_BEFORE, _DATELINE):
            for m in pattern.finditer(s.text):
                found.update(w for w in fold(m.group(1)).replace(",", " ").split() if len(w) > 2)
    return frozenset(found)


def _who_is_a_place_or_outlet(who: str, sources: Mapping[str, Source], places: frozenset[str]) -> bool:
    words = [w.strip("'’") for w in fold(who).replace("attributed: ", "").split()]
    words = [w.removesuffix("'s") for w in words if w.replace("'", "").isalpha()]
    if not words:
        return False
    media = measure_lexicon().media_words
    outlets = {w for s in sources.values() for w in fold(s.outlet or "").split()}
    if any(w in media or w in outlets for w in words):
        return True
    return all(w in country_table() or w in places for w in words)


def _link_confidence(
    f: Finding, link: Link, sources: Mapping[str, Source], places: frozenset[str]
) -> tuple[float, list[str]]:
    base = BASE_CONFIDENCE.get(f.kind, 0.5)
    why = [f"seen on a link scoring {link.score:.0f}"]
    if f.kind == "attribution":
        whos = [v for v in f.values if v and v != "stated as fact"]
        if f.detail.get("different_speaker") and not f.detail.get("same_words"):
            base -= 0.1  # one statement credited to two people is surest when both quote the same words
        if any(_who_is_a_place_or_outlet(who, sources, places) for who in whos):
            return 0.1, [*why, "the 'source' is a place or an outlet"]
        if link.score < ATTRIBUTION_SAME:
            base -= 0.35
            why.append(NOT_ONE_PROPOSITION)
        else:
            why.append("the two claims state one proposition")
    elif f.kind == "spelling_variant" and any(v and v[:1].islower() for v in f.values):
        # "kilometres" / "kilometers": each outlet's house spelling of a word, no discrepancy between the
        # accounts (listed with --all), nor is a name keeping its own spelling against the word in the
        # other's ("Asan Medical Center" / "the health centre"); a name spelled two ways is one
        return HOUSE_SPELLING, [*why, "a common word in each outlet's house spelling"]
    elif f.kind == "name_variant":
        if not f.detail.get("spelling"):
            return 0.25, [*why, "a fuller form of the same name, not a different spelling"]
        why.append("the same name spelled differently")
    elif f.kind in ("casualties", "certainty"):
        if f.detail.get("conflict"):
            base += 0.05
            why.append("one account says no one was harmed, the other says otherwise or does not know")
        else:
            base -= 0.2
            why.append("a toll given against a toll still being counted: both can be true")
        if link.score < SAME_PROPOSITION * 0.6:
            base -= 0.15
            why.append("the two casualty statements stand in loosely related sentences")
    elif f.kind in ("quote_wording", "quote_partial"):
        why.append("the same quotation in both accounts")
        if f.detail.get("opening"):
            base -= 0.2
            why.append("one quotes the opening sentence of the other whole: an excerpt, nothing cut inside")
    elif f.kind == "quote_differs":
        why.append("the same speaker, other words")
        speakers = [set(_name_words(str(w))) for w in f.detail.get("speaker", [])]
        full_name = len(speakers) == 2 and len(speakers[0] & speakers[1]) >= 2
        if full_name:
            why.append("the speaker named in full by both")
        elif link.score < SAME_PROPOSITION * 0.75:
            base -= 0.15
    elif f.kind in ("date_conflict", "time_conflict") and link.score < SAME_PROPOSITION:
        base -= 0.2
    return base, why


def merge_link_findings(
    links: Sequence[Link],
    facts: Mapping[str, ClaimFacts],
    sources: Mapping[str, Source],
    quantities: Sequence[Quantity],
    places: frozenset[str],
) -> list[_Group]:
    """The judge's findings, one group per discrepancy; ``places`` are the accounts' place words."""
    groups: dict[tuple[Any, ...], _Group] = {}
    figures: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        figures[q.claim].append(q)
    for link in links:
        fa, fb = facts.get(link.a), facts.get(link.b)
        if fa is None or fb is None:
            continue
        pair = (fa.claim.source, fb.claim.source)
        for f in link.findings:
            key = _link_key(f, pair, fa, fb)
            if key is None:
                continue
            group = groups.get(key)
            confidence, why = _link_confidence(f, link, sources, places)
            if f.kind == "attribution" and _other_figures(figures.get(link.a, ()), figures.get(link.b, ())):
                confidence = min(confidence, 0.2)
                why = [*why, "the two claims give different figures: they do not state one proposition"]
            elif (
                f.kind == "attribution"
                and not _a_figure_in_common(figures.get(link.a, ()), figures.get(link.b, ()))
                and _little_in_common(fa, fb)
            ):
                # "He also met some of the injured in the hospital" against "More than 800 people were
                # injured …, officials said, adding that most … have been admitted to hospitals": a short
                # sentence whose few words the long one holds links strongly, but says another thing
                confidence = min(confidence, 0.2)
                why = [*why, "the two claims share few of their words: they do not state one proposition"]
            if group is None:
                group = groups[key] = _Group(first=f, sources=pair, confidence=confidence, why=why)
            elif confidence > group.confidence:
                group.first, group.confidence, group.why = f, confidence, why
            if f.kind in ("casualties", "certainty"):
                group.aspects.append(f.kind)
                if f.kind == "casualties" and group.first.kind != "casualties":
                    group.first = f  # the merged finding is a casualty report that also shows certainty
            group.add(link.a, link.b, f, link)
    for group in groups.values():
        if len(group.links) >= 2 and group.first.kind in ("casualties", "attribution"):
            group.why.append(f"seen on {len(group.links)} sentence pairings")
    return list(groups.values())


# Sentences of one quotation, split where a sentence ends and a capital opens the next.
_QUOTE_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
# How many of a quotation's sentences another account must retell, in order, to be retelling it.
RETOLD_SENTENCES = 2


def _retold_quotations(groups: list[_Group], facts: Mapping[str, ClaimFacts]) -> None:
    """An account that retells, in its own voice, several sentences of what the other quotes: the attribution
    finding is as sure as on one claim stated alike.

    The quotation's claim is long and each of the other account's sentences retells one part of it, so no
    single link scores as one proposition; sentences of the other account, each near in meaning to one
    sentence of the quotation (``SAME_PROPOSITION``), in the quotation's order, are.
    """
    for g in groups:
        if g.first.kind != "attribution" or g.confidence >= BASE_CONFIDENCE["attribution"]:
            continue
        for side in (0, 1):
            quoted, other = g.claims[side], g.claims[1 - side]
            if (
                len(quoted) != 1
                or len(other) < RETOLD_SENTENCES
                or g.first.values[1 - side] != "stated as fact"
            ):
                continue
            f = facts.get(quoted[0])
            if f is None or not f.quotes:
                continue
            parts = [p for q in f.quotes for p in _QUOTE_SENTENCE.split(q.text) if len(p.split()) >= 4]
            if len(parts) < RETOLD_SENTENCES:
                continue
            # the retelling is in consecutive sentences of the other account
            ordered = sorted(other, key=_claim_order)
            keys = [_claim_order(c) for c in ordered]
            adjacent = {
                c
                for i, c in enumerate(ordered)
                for j in (i - 1, i + 1)
                if 0 <= j < len(ordered) and keys[j][0] == keys[i][0] and abs(keys[j][1] - keys[i][1]) == 1
            }
            if len(adjacent) < RETOLD_SENTENCES:
                continue
            matched: list[int] = []
            for claim in ordered:
                of = facts.get(claim)
                if of is None or claim not in adjacent:
                    continue
                scores = [similarity(p, of.claim.text) for p in parts]
                best = max(range(len(parts)), key=lambda i: scores[i])
                if scores[best] >= SAME_PROPOSITION and (not matched or best > matched[-1]):
                    matched.append(best)
            if len(matched) >= RETOLD_SENTENCES:
                g.confidence = BASE_CONFIDENCE["attribution"]
                g.why = [w for w in g.why if w != NOT_ONE_PROPOSITION]
                g.why.append(
                    f"{'ab'[1 - side]} retells {len(matched)} sentences of {'ab'[side]}'s quotation, "
                    "in its order, in its own voice"
                )


def _credited_on_another_link(
    groups: Sequence[_Group], links: Sequence[Link], facts: Mapping[str, ClaimFacts]
) -> None:
    """Hold back "a attributes this; b states it in its own voice" when b credits it too, in another sentence
    stating nearly the same as the credited one ("… police said" in the text beside a caption's bare toll)."""
    credited_on: dict[str, set[str]] = defaultdict(set)  # claim -> attributed claims linked to it
    for link in links:
        if link.score < SAME_PROPOSITION:
            continue
        for here, there in ((link.a, link.b), (link.b, link.a)):
            f = facts.get(there)
            if f is not None and f.attributed:
                credited_on[here].add(there)
    for g in groups:
        side = g.first.detail.get("attributed_side")
        if g.first.kind != "attribution" or side not in ("a", "b"):
            continue
        credited_side = 0 if side == "a" else 1
        stated_source = g.sources[1 - credited_side]
        if any(
            facts[c].claim.source == stated_source
            for claim in g.claims[credited_side]
            for c in credited_on.get(claim, ())
            if c not in g.claims[1 - credited_side]
        ):
            g.confidence = min(g.confidence, CREDITED_ELSEWHERE)
            g.why.append("the other account credits it too, in another sentence stating nearly the same")


def _full_names(facts: Mapping[str, ClaimFacts]) -> dict[str, list[tuple[int, NameMention]]]:
    """Each account's names of two or more words, with the order of the claim naming them."""
    out: dict[str, list[tuple[int, NameMention]]] = defaultdict(list)
    for claim_id, f in facts.items():
        order = _claim_order(claim_id)[1]
        out[f.claim.source].extend((order, n) for n in f.names if len(n.words) >= 2)
    for names in out.values():
        names.sort(key=lambda pair: pair[0])
    return out


def _two_people_of_one_name(
    g: _Group, facts: Mapping[str, ClaimFacts], full_names: Mapping[str, list[tuple[int, NameMention]]]
) -> None:
    """Hold back words "of one speaker" whom the two accounts name in full as two people ("said Ma": Ma
    Yaoqi in one account, Ma Liya in the other)."""
    whole: list[NameMention] = []
    for side in (0, 1):
        named = [
            n
            for c in g.claims[side]
            if (f := facts.get(c)) is not None and f.speaker is not None
            if (n := _named_in_full(f, f.speaker, full_names)) is not None
        ]
        if not named:
            return
        whole.append(named[0])
    if not same_entity(whole[0], whole[1]):
        g.confidence = min(g.confidence, TWO_PEOPLE)
        g.why.append(f"two people of one name: {whole[0].text} (a) and {whole[1].text} (b)")


def _named_in_full(
    f: ClaimFacts, who: NameMention, full_names: Mapping[str, list[tuple[int, NameMention]]]
) -> NameMention | None:
    """The name in full of a speaker named short ("said Ma"): the last name of two or more words with that
    word the account gives up to this claim, else the first after it; the speaker's own when it is full."""
    if len(who.words) >= 2:
        return who
    order = _claim_order(f.claim.id)[1]
    fitting = [
        (at, n)
        for at, n in full_names.get(f.claim.source, ())
        if any(words_match(w, v) for w in who.words for v in n.words)
    ]
    before = [n for at, n in fitting if at <= order]
    if before:
        return before[-1]
    return fitting[0][1] if fitting else None


def _claim_order(claim_id: str) -> tuple[str, int]:
    source, _, number = claim_id.rpartition(":")
    return (source, int(number) if number.isdigit() else 0)


# Below this share of their content words in common (of the two claims' words together), two claims do not
# state one proposition, however strongly the shorter one's words link them.
_SHARED_WORDS = 0.25


def _a_figure_in_common(qa: Sequence[Quantity], qb: Sequence[Quantity]) -> bool:
    """True when two claims give one figure of one measure ("59 other people have been injured" and
    "… injured 59 others …, police said"): they state that much alike, whatever else they say."""
    return any(x.measure == y.measure and x.number.value == y.number.value for x in qa for y in qb)


def _little_in_common(fa: ClaimFacts, fb: ClaimFacts) -> bool:
    """True when two claims share few of their content words (stems, over both claims' words)."""
    wa = {t.stem for t in fa.content}
    wb = {t.stem for t in fb.content}
    union = wa | wb
    return bool(union) and len(wa & wb) / len(union) < _SHARED_WORDS


def _other_figures(qa: Sequence[Quantity], qb: Sequence[Quantity]) -> bool:
    """True when two claims give figures and none of them agree: of one measure, or of no measure in
    common ("killing at least 14" against "108 reports of people missing")."""
    if not qa or not qb:
        return False
    return not any(x.consistent_with(y) for x in qa for y in qb if x.measure == y.measure)


# Figures --------------------------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def _describe(q: Quantity) -> str:
    bits = [q.value_text]
    if q.places:
        bits.append("at " + " / ".join(" ".join(p).title() for p in q.places))
    if q.moment:
        bits.append(f"({q.moment})")
    if q.credited:
        bits.append(f"— {q.credited}")
    return " ".join(bits)


def _vague(q: Quantity) -> bool:
    """An amount in words that is a range ("dozens", "thousands"), not a count."""
    return q.in_words


def _spread(x: Quantity, y: Quantity) -> float:
    """How many times the larger of two figures is the smaller (by what they allow, in one unit)."""
    low, high = sorted((max(x.bounds[0], 0.0), max(y.bounds[0], 0.0)))
    return math.inf if low == 0 else high / low


# Durations more than this many times apart time different things; ones at most CLOSE apart one thing.
_DURATIONS_APART = 4.0
_DURATIONS_CLOSE = 1.25


def _own_names(f: ClaimFacts) -> frozenset[str]:
    """Last words of the names a claim mentions that tell one story from another: not countries or their
    peoples (every account names them), not words in capitals (a dateline, a headline's first words)."""
    countries = country_table()
    return frozenset(
        n.words[-1]
        for n in f.names
        if n.words and not n.text.isupper() and not all(w in countries for w in n.words)
    )


def _other_moments(x: Quantity, y: Quantity) -> bool:
    """True when two figures are given for moments written differently that cannot be one: a day named
    relative to each account's own date ("yesterday" in one, "Wednesday" in the other) may be the same."""
    if not x.moment or not y.moment or fold(x.moment) == fold(y.moment):
        return False
    # a time of day and a day ("noon" / "Saturday"), or a weekday and a date ("Tuesday" / "March 22"), may
    # be one moment; a day named relative to each account's own date ("yesterday" / "Wednesday") too
    kind_x, kind_y = _moment_kind(x.moment), _moment_kind(y.moment)
    return kind_x == kind_y and kind_x != "relative"


@lru_cache(maxsize=1024)
def _moment_kind(moment: str) -> str:
    """ "clock", "date", "weekday", "relative" or "other": what kind of moment a figure is given for."""
    if find_times(moment):
        return "clock"
    forms = {d.form for d in find_dates(moment, None)}
    if "relative" in forms:
        return "relative"
    return next(iter(sorted(forms)), "other")


def _share_a_name(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(words_match(x, y) for x in a for y in b)


# Lengths or masses with no word around them in common lose this much confidence: an account gives
# many (a path, a depth, a distance), and only the words around one say what it is of.
MEASURED_APART = 0.4


def _number_confidence(
    qa: Quantity, qb: Quantity, scope: str, linked: bool, apart: bool = False
) -> tuple[float, list[str]]:
    c = BASE_CONFIDENCE["number_conflict"]
    why = [f"both measure {qa.label} (a: {qa.how}; b: {qb.how})"]
    if qa.measure.startswith("count:") or qa.measure.startswith("people:"):
        c -= 0.1
        why.append("the measure is read from the thing counted only")
    if qa.measure == "people:people":
        c -= 0.25
        why.append("a count of people with nothing saying what happened to them")
    if qa.measure.startswith("duration"):
        if _spread(qa, qb) <= _DURATIONS_CLOSE and not apart:
            c -= 0.15
            why.append("durations this close most likely time one thing, told differently")
        else:
            c -= 0.35
            why.append("durations in one account often time different things")
    if not measured_alike(qa, qb):
        c -= MEASURED_APART
        why.append("no word around the two measurements is the same: they may measure different things")
    if apart:
        why.append("the two sentences name different people and places")
    if scope == "whole":
        c -= 0.05
        why.append("one figure is a total across the places the other names")
    elif scope == "part" and _part_exceeds_whole(qa, qb):
        why.append("one figure names a place, the other none, and the place's is larger than the whole")
    elif scope == "part":
        c -= 0.4
        linked = False
        why.append("one figure names a place, the other none: it may be a part of the other's whole")
    elif scope == "parts":
        c -= 0.4
        linked = False
        why.append("both are parts of a toll, naming no place or group: they may count different parts")
    else:
        why.append("same places" if qa.places else "neither names a place")
    if min(qa.number.value, qb.number.value) <= 1:
        c -= 0.3
        why.append("one side's figure is a single item")
    if _other_moments(qa, qb):
        c -= 0.15
        why.append("the figures are given for different moments")
    if qa.credited and qb.credited and fold(qa.credited) != fold(qb.credited):
        why.append(f"credited to different sources ({qa.credited} / {qb.credited})")
    if linked:
        c += 0.1
        why.append("the two sentences are linked")
    elif qa.measure.startswith("count:"):
        c -= 0.2
        why.append("counts of things in unlinked sentences often count different sets (two of the blasts)")
    elif qa.measure == "people:people":
        c -= 0.2
        why.append("counts of people in unlinked sentences, with nothing said of them, often count others")
    return c, why


def _part_exceeds_whole(qa: Quantity, qb: Quantity) -> bool:
    """True when, of two figures in the "part" scope, the one naming a place (or grading the harm: "five
    critically hurt", "13 still hospitalized") must be larger than the other: a part cannot exceed its whole,
    so they cannot both be right."""
    part, whole = (
        (qa, qb) if (qa.places or qa.countries or qa.nationals or (qa.graded and not qb.graded)) else (qb, qa)
    )
    least = part.number.value if whole.in_words and part.about else part.bounds[0]
    return part.is_count and least > whole.bounds[1]


# Lowers a figure only one account gives when it is a round amount (not a precise count) that the
# other account's amount in words bears out.
ROUND_AGAINST_WORDS = 0.25

SELF_CONTRADICTED_COST = 0.2
SELF_CONTRADICTED = "one account also gives a figure the other bears out: it disagrees with itself"


@dataclass
class _Partners:
    """The figures of one account that bear out a figure of the other, summed up for quick questions."""

    count: int = 0
    moments: set[str] = field(default_factory=set)
    largest: float = 0.0
    groups: list[frozenset[str]] = field(default_factory=list)

    def add(self, q: Quantity) -> None:
        self.count += 1
        if q.moment:
            self.moments.add(fold(q.moment))
        self.groups.append(q.nationals)
        self.largest = max(self.largest, q.number.value)

    def settles(self, other: Quantity) -> bool:
        """True when ``other``, a figure of the same account as these partners, is superseded by them (it
        is given for another moment: a toll as it rose) or is a part of them (far smaller: a breakdown) —
        not when it and all of them count one group ("nine foreigners" and "35 foreigners" are two counts
        of the foreign dead, not one a part of the other)."""
        in_sequence = bool(other.moment) and bool(self.moments - {fold(other.moment or "")})
        one_group = bool(other.nationals) and all(other.nationals & g for g in self.groups)
        return in_sequence or (other.number.value * 3 < self.largest and not one_group)


def _exact(q: Quantity) -> bool:
    low, high = q.bounds
    return low == high


def _bounds(q: Quantity) -> list[float | None]:
    n = q.number
    return [n.low, None if math.isinf(n.high) else n.high]


def number_findings(
    quantities: Sequence[Quantity],
    pair: tuple[str, str],
    linked: Mapping[tuple[str, str], float],
    speaks_of: Mapping[str, set[str]],
    names: Mapping[str, frozenset[str]] | None = None,
    beside: Mapping[tuple[str, str], frozenset[float]] | None = None,
) -> list[_Group]:
    """Figures of one measure the two accounts give that cannot both be right; figures only one gives.

    ``names`` gives the last words of the names each claim mentions: two figures in sentences naming
    different people and places are less likely to be of one thing. ``beside`` gives, for a claim and
    another account, every figure of that account's claims linked to it, whatever they were read as."""
    names = names or {}
    sa, sb = pair
    stated: dict[str, set[float]] = defaultdict(set)
    for q in quantities:
        stated[q.source].add(q.number.value)
    by_measure: dict[str, tuple[list[Quantity], list[Quantity]]] = defaultdict(lambda: ([], []))
    for q in quantities:
        if q.source == sa:
            by_measure[q.measure][0].append(q)
        elif q.source == sb:
            by_measure[q.measure][1].append(q)
    linked_from: dict[str, list[str]] = defaultdict(list)
    for ca, cb in linked:
        linked_from[ca].append(cb)
    out: list[_Group] = []
    for measure, (qas, qbs) in by_measure.items():
        repeats: tuple[dict[tuple[Any, ...], list[Quantity]], ...] = (defaultdict(list), defaultdict(list))
        for side, qs in ((0, qas), (1, qbs)):
            for q in qs:
                repeats[side][_repeat_key(q)].append(q)
        if not qas or not qbs:
            side = 0 if qas else 1
            if _tallied_by_other(measure, pair[1 - side], quantities):
                continue  # "the body count has risen to over 4,300" against "the death toll … 5,000"
            out.extend(_one_side(measure, qas or qbs, pair, side, speaks_of, linked, stated, (), beside))
            continue
        if len({q.number.value for q in qas}) > _MANY or len({q.number.value for q in qbs}) > _MANY:
            # So many figures of one measure that they count many different things: only figures in
            # linked sentences are held against each other.
            at_b: dict[str, list[Quantity]] = defaultdict(list)
            for y in qbs:
                at_b[y.claim].append(y)
            compatible = [
                (x, y, scope)
                for x in qas
                for y in (q for cb in linked_from.get(x.claim, ()) for q in at_b.get(cb, ()))
                if (scope := same_scope(x, y)) is not None
            ]
        else:
            compatible = _compatible(qas, qbs)
        # A figure for the main place where the other account gives this measure only for other countries:
        # a figure only one account gives.
        # So is a count where the other account gives only an amount in words ("thousands").
        paired = {id(q) for x, y, _ in compatible for q in (x, y) if not (_vague(x) or _vague(y))}
        for side, mine, theirs in ((0, qas, qbs), (1, qbs, qas)):
            if all(q.elsewhere or _vague(q) for q in theirs):
                alone = [
                    q
                    for q in mine
                    if not q.elsewhere and not q.places and not _vague(q) and id(q) not in paired
                ]
                out.extend(_one_side(measure, alone, pair, side, speaks_of, linked, stated, theirs, beside))
        if measure.startswith("duration"):
            # Durations far apart time different things (seventy days underground, two days in hospital).
            compatible = [(x, y, scope) for x, y, scope in compatible if _spread(x, y) <= _DURATIONS_APART]
        # A figure the other account bears out (the same figure, or one a hedged figure allows) is settled,
        # unless the other account gives another figure too without a moment telling them apart: then that
        # account disagrees with itself, and the other figure is still shown, with less confidence.
        borne_out: dict[int, _Partners] = defaultdict(_Partners)
        for qa, qb, _ in compatible:
            if qa.consistent_with(qb):
                exact_a, exact_b = _exact(qa), _exact(qb)
                if exact_a == exact_b or not exact_a:
                    borne_out[id(qa)].add(qb)
                if exact_a == exact_b or not exact_b:
                    borne_out[id(qb)].add(qa)
        if measure in TALLY_OF:
            # bodies found are the dead found: a count of them that the other account's toll of the dead
            # bears out is borne out ("the body count up to 13" against "the death toll rose to 13")
            tally = [q for q in quantities if q.measure == TALLY_OF[measure] and not q.part]
            for mine, other in ((qas, sb), (qbs, sa)):
                for q in mine:
                    for t in tally:
                        if t.source == other and q.consistent_with(t):
                            borne_out[id(q)].add(t)
        by_scope: dict[str, list[tuple[Quantity, Quantity]]] = defaultdict(list)
        self_contradicted: set[tuple[int, int]] = set()
        nobody = _Partners()
        for qa, qb, scope in compatible:
            if qa.consistent_with(qb):
                continue
            # qa is borne out by some figure of b, so qb is b's other figure (and the reverse)
            of_a, of_b = borne_out.get(id(qa), nobody), borne_out.get(id(qb), nobody)
            settled = bool(of_a.count or of_b.count)
            if settled and (not qa.is_count or of_a.settles(qb) or of_b.settles(qa)):
                # A toll that rose (the older figure is superseded), a part of the account's own total
                # (two dead at one of the blasts), or one of several measurements an account gives (a
                # depth and a distance) that the other bears out.
                continue
            if settled:
                self_contradicted.add((id(qa), id(qb)))
            by_scope[scope if scope in ("part", "parts") else "same"].append((qa, qb))
        if by_scope.get("parts") and by_scope.get("same"):
            del by_scope["parts"]  # the wholes disagree: that is the discrepancy, not two parts of them
        if by_scope.get("part") and by_scope.get("same"):
            # the same two figures held apart in one scope and possibly a part in another are one discrepancy
            # one discrepancy, as is a possible part that shares a figure with the wholes that disagree
            # ("at least 136" against "151" and against "at least 207 on Lake Victoria")
            same_values = {(x.number.value, y.number.value) for x, y in by_scope["same"]}
            figures = {id(q) for x, y in by_scope["same"] for q in (x, y)}

            joined = [
                (x, y)
                for x, y in by_scope["part"]
                if (x.number.value, y.number.value) in same_values or id(x) in figures or id(y) in figures
            ]
            by_scope["same"].extend(joined)
            by_scope["part"] = [pair_ for pair_ in by_scope["part"] if pair_ not in joined]
        for scope, conflicts in by_scope.items():
            if not conflicts:
                continue

            # The pair shown first is the surest; what makes one pair surer than another of the same
            # measure and scope is whether it is linked, how small and when its figures are, and whether an
            # account disagrees with itself. Those are scored cheaply; the reasons are written for the best.
            largest = (max(q.number.value for q in qas), max(q.number.value for q in qbs))

            def sureness(
                pair_: tuple[Quantity, Quantity],
                self_contradicted: set[tuple[int, int]] = self_contradicted,
                largest: tuple[float, float] = largest,
            ) -> float:
                x, y = pair_
                # a figure far below its own account's largest of the measure is most likely a breakdown
                # ("we have recovered three dead" beside a toll of 272): not the pair to show first
                breakdown = x.number.value * 3 < largest[0] or y.number.value * 3 < largest[1]
                return (
                    0.1 * ((x.claim, y.claim) in linked)
                    - 0.3 * breakdown
                    - 0.3 * (min(x.number.value, y.number.value) <= 1)
                    - 0.15 * _other_moments(x, y)
                    - 0.2 * ((id(x), id(y)) in self_contradicted)
                    # a figure for one place against a toll naming none may be a part of it ("at least 80 in
                    # Tarrow" beside "724 dead"): a pair that names the same places is shown first
                    - 0.3 * (bool(x.places) != bool(y.places))
                )

            qa, qb = max(conflicts, key=sureness)
            apart = (
                bool(names.get(qa.claim))
                and bool(names.get(qb.claim))
                and not _share_a_name(names[qa.claim], names[qb.claim])
            )
            c, why = _number_confidence(qa, qb, scope, (qa.claim, qb.claim) in linked, apart)
            if (id(qa), id(qb)) in self_contradicted:
                c -= SELF_CONTRADICTED_COST
                why.append(SELF_CONTRADICTED)
            given_a = {id(x): x for x, _ in conflicts}
            given_b = {id(y): y for _, y in conflicts}
            found = _found_dead(qa, qb, quantities) if measure == "missing" else None
            if found is not None:
                group = _found_dead_group(qa, qb, found, pair, c, why)
                for x, y in conflicts:
                    group.include(0, x.claim, (x.number.span,))
                    group.include(1, y.claim, (y.number.span,))
                out.append(group)
                continue
            values_a = list(dict.fromkeys(_describe(x) for x in given_a.values()))
            values_b = list(dict.fromkeys(_describe(y) for y in given_b.values()))
            first = Finding(
                kind="number_conflict",
                values=("; ".join(values_a), "; ".join(values_b)),
                spans=((), ()),
                explanation=f"{qa.label}: {qa.value_text} against {qb.value_text} — {_how_apart(qa, qb)} "
                f"({_range(qa)} vs {_range(qb)})",
                detail={"measure": measure, "a": _bounds(qa), "b": _bounds(qb), "scope": scope},
            )
            group = _Group(first=first, sources=pair, confidence=c, why=why)
            for x, y in conflicts:
                # with every passage that repeats a figure of the pair ("magnitude-7.9" in a caption and
                # "measuring 7.9" in the text): only the first was paired (see _compatible)
                for side, q in ((0, x), (1, y)):
                    for same in repeats[side].get(_repeat_key(q), (q,)):
                        group.include(side, same.claim, (same.number.span,))
            out.append(group)
    return out


def _repeat_key(q: Quantity) -> tuple[Any, ...]:
    return (_scope_key(q), q.number.low, q.number.high)


# More distinct figures than this for one measure in one account and only linked figures are compared.
_MANY = 40


def _found_dead(qa: Quantity, qb: Quantity, quantities: Sequence[Quantity]) -> Quantity | None:
    """The deaths that tell two counts of the missing apart: when the account giving fewer missing
    also gives as many dead (or bodies found) as the difference ("six unaccounted for" against "two
    bodies were recovered … the four still missing"), some of the missing were found dead between the
    two reports. That is a change in what is known of the same people, not two rival figures."""
    fewer, more = (qa, qb) if qa.number.value < qb.number.value else (qb, qa)
    if not (_exact(fewer) and _exact(more)):
        return None
    gap = more.number.value - fewer.number.value
    for q in quantities:
        if q.source != fewer.source or not _exact(q) or q.number.value != gap:
            continue
        if q.measure == "deaths" or _BODIES in q.number.unit[:1]:
            return q
    return None


_BODIES = stem("bodies")


def _found_dead_group(
    qa: Quantity, qb: Quantity, dead: Quantity, pair: tuple[str, str], confidence: float, why: list[str]
) -> _Group:
    side = 0 if dead.source == pair[0] else 1
    letter, other = "ab"[side], "ab"[1 - side]
    fewer, more = (qa, qb) if side == 0 else (qb, qa)
    first = Finding(
        kind="casualties",
        values=(qa.value_text, qb.value_text),
        spans=((), ()),
        explanation=f"{other} counts {more.value_text} missing; {letter} counts {fewer.value_text} still "
        f"missing and {dead.value_text} found dead: some of the missing were found dead between the reports",
        detail={"a": "missing" if side else "some found dead", "b": "some found dead" if side else "missing"},
    )
    group = _Group(
        first=first,
        sources=pair,
        confidence=confidence,
        why=[*why, f"{letter}'s dead ({dead.value_text}) make up the difference between the two counts"],
    )
    group.include(side, dead.claim, (dead.number.span,))
    return group


# A toll credited to no one named ("398 people were reported dead") against one stated as fact is a
# difference of hedging more than of source: it loses this much confidence.
UNNAMED_CREDIT = 0.2


def figure_attribution_findings(
    quantities: Sequence[Quantity],
    facts: Mapping[str, ClaimFacts],
    pair: tuple[str, str],
    sources: Mapping[str, Source],
    places: frozenset[str],
    speaks: Mapping[str, set[str]] | None = None,
) -> list[_Group]:
    """One toll, credited to a source by one account and stated as fact by the other.

    Only tolls of people harmed, the same figure in both, and the stating claim attributed to no one, in
    an account that credits that toll nowhere: neither the same figure given by a source in another
    sentence, nor the measure spoken of in an attributed sentence that gives no figure of it ("emergency
    officials said, adding the death toll could rise"). ``speaks``: see :func:`_speaks_of`.
    """
    out: list[_Group] = []
    harm = ("deaths", "injured", "missing")

    def toll(q: Quantity) -> bool:  # a toll given in digits, not "hundreds" or "two"
        return q.measure in harm and q.number.value >= 10 and any(ch.isdigit() for ch in q.number.text)

    # the tolls each account credits to a source; the stating account's own are checked too: a toll it
    # states in one sentence and credits in another ("killing more than 1,800" in the opening, "officials
    # put the number of deaths at 1,805" below) is not stated as fact
    credited_by = [
        [
            q
            for q in quantities
            if q.source == pair[side]
            and toll(q)
            and q.credited
            and not _who_is_a_place_or_outlet(q.credited, sources, places)
        ]
        for side in (0, 1)
    ]
    measure_credited: dict[tuple[str, str], bool] = {}

    def credits_elsewhere(qs: Quantity, own_credited: Sequence[Quantity]) -> bool:
        if any(
            q.measure == qs.measure and _one_toll(q, qs) and same_scope(q, qs) == "same" for q in own_credited
        ):
            return True
        key = (qs.source, qs.measure)
        if key not in measure_credited:
            measure_credited[key] = _credits_measure_without_figure(qs, facts, quantities, speaks)
        return measure_credited[key]

    stated_by = [
        [
            q
            for q in quantities
            if q.source == pair[side] and toll(q) and q.claim in facts and not facts[q.claim].attributed
        ]
        for side in (0, 1)
    ]
    for credited_side in (0, 1):
        stated_side = 1 - credited_side
        credited = credited_by[credited_side]
        stated = stated_by[stated_side]
        group: _Group | None = None
        for qc in credited:
            if _in_quotation(qc, facts) and any(
                _one_toll(q, qc) and same_scope(q, qc) == "same" for q in stated_by[credited_side]
            ):
                # the figure only comes up in someone's quoted words, and the account states that toll in
                # its own voice ("a total of 125 people killed", then an official's "out of 125 people who
                # died, 32 were children"): the account states it, as the other does
                continue
            for qs in stated:
                if qc.measure != qs.measure or not _one_toll(qc, qs) or same_scope(qc, qs) != "same":
                    continue
                if credits_elsewhere(qs, credited_by[stated_side]):
                    continue
                who = _credited_to(facts.get(qc.claim), qc)
                if names_the_source(who, facts[qs.claim]):
                    continue  # "Harbour officials have raised the toll to 14": what the source did
                if group is None:
                    c, s = "ab"[credited_side], "ab"[stated_side]
                    first = Finding(
                        kind="attribution",
                        values=(who, "stated as fact") if credited_side == 0 else ("stated as fact", who),
                        spans=((), ()),
                        explanation=f"{qc.label}, {qc.value_text}: {c} credits it to {who}; "
                        f"{s} states it in its own voice",
                        detail={"measure": qc.measure},
                    )
                    unnamed = who.startswith(("“", "a source"))
                    group = _Group(
                        first=first,
                        sources=pair,
                        confidence=BASE_CONFIDENCE["attribution"] - UNNAMED_CREDIT * unnamed,
                        why=[
                            "the same toll in both accounts",
                            f"only {c} says who gives it"
                            if not unnamed
                            else f"{c} gives it as reported, naming no one: a hedge more than a source",
                        ],
                    )
                    out.append(group)
                group.include(credited_side, qc.claim, (qc.number.span,))
                group.include(stated_side, qs.claim, (qs.number.span,))
    return out


def _in_quotation(q: Quantity, facts: Mapping[str, ClaimFacts]) -> bool:
    """True when the figure stands inside a quotation of its claim."""
    f = facts.get(q.claim)
    span = q.number.span
    return f is not None and any(
        part.start <= span.start and span.end <= part.end for quote in f.quotes for part in quote.parts
    )


def _credits_measure_without_figure(
    q: Quantity,
    facts: Mapping[str, ClaimFacts],
    quantities: Sequence[Quantity],
    speaks: Mapping[str, set[str]] | None,
) -> bool:
    """True when ``q``'s account speaks of its measure in an attributed sentence that gives no figure of
    that measure: the account credits the toll there, if not the figure."""
    if speaks is None:
        return False
    with_figure = {x.claim for x in quantities if x.source == q.source and x.measure == q.measure}
    for claim in speaks.get(f"{q.source}\0{q.measure}", ()):
        f = facts.get(claim)
        if f is not None and claim not in with_figure and f.attribution is not None and not f.quotes:
            return True
    return False


def _credited_to(f: ClaimFacts | None, q: Quantity) -> str:
    """Who a claim credits a figure to, as a reader would name them: the speaker, or the attributing words."""
    if f is not None and f.speaker is not None and (f.attribution or f.quotes):
        return f.speaker.text
    if f is not None and f.attribution:
        # "A fire service spokeswoman put the death toll at 131": the words that name the source
        at = f.claim.text.find(f.attribution)
        noun = f.attribution.split()[0]
        before = f.claim.text[: at + len(noun)].strip(" “\"'") if at >= 0 else ""
        if 0 <= at <= 40 and not any(ch.isdigit() or ch == "," for ch in before):
            return before
        named = source_named(f) or f.attribution
        return f"a source (“{named}”)" if len(named.split()) == 1 else f"“{named}”"
    return q.credited or "a source"


def _scope_key(q: Quantity) -> tuple[Any, ...]:
    return (q.places, q.countries, q.nationals, q.part)


def _compatible(qas: Sequence[Quantity], qbs: Sequence[Quantity]) -> list[tuple[Quantity, Quantity, str]]:
    """Pairs of figures whose scopes allow a comparison, with how (see :func:`same_scope`).

    Scopes are judged once per distinct scope, and of the figures one account gives with one value in one
    scope only the first is paired (the others are the same statement repeated).
    """
    groups_a = _distinct(qas)
    groups_b = _distinct(qbs)
    countries_a = {c for q in qas for c in q.countries}
    countries_b = {c for q in qbs for c in q.countries}
    counted_a = {q.group for q in qas if q.group}
    counted_b = {q.group for q in qbs if q.group}
    out: list[tuple[Quantity, Quantity, str]] = []
    for items_a in groups_a.values():
        for items_b in groups_b.values():
            qa, qb = items_a[0], items_b[0]
            if (qa.group and not qb.group and qa.group in counted_b) or (
                qb.group and not qa.group and qb.group in counted_a
            ):
                # "13 troops" against "the civilian toll at 60" in an account that counts the troops apart
                continue
            scope = same_scope(qa, qb)
            if scope is None:
                continue
            # "23 deaths in Egypt" is held against the other account's figure for Egypt, not against a
            # figure of it that names no country, when it gives one for India too.
            if (qa.countries and not qb.countries and qa.countries & countries_b) or (
                qb.countries and not qa.countries and qb.countries & countries_a
            ):
                continue
            out.extend((x, y, scope) for x in items_a for y in items_b)
    return out


def _distinct(qs: Sequence[Quantity]) -> dict[tuple[Any, ...], list[Quantity]]:
    out: dict[tuple[Any, ...], list[Quantity]] = defaultdict(list)
    seen: set[tuple[Any, ...]] = set()
    for q in qs:
        value_key = (_scope_key(q), q.number.low, q.number.high)
        if value_key in seen:
            continue
        seen.add(value_key)
        out[_scope_key(q)].append(q)
    return out


def _range(q: Quantity) -> str:
    n = q.number
    if n.exact:
        return _fmt(n.value)
    low, high = q.bounds
    if low == high:
        return f"{_fmt(low)} counted so far"  # "at least 2,750": a count, not a floor (reported_bounds)
    return f"{_fmt(low)}–{'∞' if math.isinf(high) else _fmt(high)}"


def _how_apart(qa: Quantity, qb: Quantity) -> str:
    """What two conflicting figures are to each other: rival figures, or figures of different moments."""
    if _other_moments(qa, qb):
        return f"the figures differ, given for different moments ({qa.moment} / {qb.moment})"
    return "the figures cannot both be right"


def _told_beside(q: Quantity, values: frozenset[float]) -> bool:
    """True when one of ``values`` is ``q``'s figure, or one its hedge allows close by ("more than 100"
    beside 108)."""
    value = q.number.value
    if value in values:
        return True
    if _exact(q):
        return False
    low, high = q.bounds
    return any(low <= v <= high and abs(v - value) <= value / 10 for v in values)


def _tallied_by_other(measure: str, other: str, quantities: Sequence[Quantity]) -> bool:
    """True when the other account counts the same dead by the other tally: bodies found for deaths, or
    deaths for bodies found (see ``TALLY_OF``)."""
    alike = {m for pair_ in TALLY_OF.items() if measure in pair_ for m in pair_} - {measure}
    return bool(alike) and any(q.source == other and q.measure in alike and not q.part for q in quantities)


def _one_side(
    measure: str,
    given: Sequence[Quantity],
    pair: tuple[str, str],
    side: int,
    speaks_of: Mapping[str, set[str]],
    linked: Mapping[tuple[str, str], float],
    stated: Mapping[str, set[float]],
    elsewhere: Sequence[Quantity] = (),
    beside: Mapping[tuple[str, str], frozenset[float]] | None = None,
) -> list[_Group]:
    """Figures one account gives for a measure the other speaks of without any figure (or, ``elsewhere``,
    with figures only for other countries)."""
    if not given:
        return []
    other_source = pair[1 - side]
    if beside:
        # "Six survivors were rescued" beside "Six other members of the party survived": the other account
        # gives the figure in a linked sentence, read as another measure or as none
        given = [q for q in given if not _told_beside(q, beside.get((q.claim, other_source), frozenset()))]
    talkers = speaks_of.get(f"{other_source}\0{measure}", set())
    if not talkers:
        return []
    given = [q for q in given if q.number.value not in stated.get(other_source, set())]
    if not given:
        return []  # the other account gives the same figure, read as another measure
    known = measure_lexicon().measure(measure) is not None or measure.startswith("count:")
    if not known:
        return []
    claims_given = list(dict.fromkeys(q.claim for q in given))
    partners = [
        c for c in sorted(talkers) if any(((c, g) if side == 1 else (g, c)) in linked for g in claims_given)
    ]
    confidence = BASE_CONFIDENCE["number_one_side"] + (0.05 if partners else -0.2)
    why = [f"the other account speaks of {given[0].label} but gives no figure for it"]
    in_words = [q for q in elsewhere if _vague(q)]  # the other account's amounts in words
    if elsewhere:
        where = sorted({c.title() for q in elsewhere for c in q.countries})
        words = list(dict.fromkeys(q.value_text for q in in_words))
        why = [
            f"the other account gives {given[0].label} only "
            + " and ".join(
                ([f"for {', '.join(where)}"] if where else [])
                + ([f"in words ({', '.join(words)})"] if words else [])
            )
        ]
    if (
        in_words
        and not any(q.precise for q in given)
        and all(w.consistent_with(q) for w in in_words for q in given)
    ):
        # "more than 400" against "hundreds": two round amounts that say the same
        confidence -= ROUND_AGAINST_WORDS
        why.append("the figure is a round amount the other account's words bear out")
    if not partners:
        why.append("no linked sentence of the other account speaks of it")
    strong = any(
        linked.get((c, g) if side == 1 else (g, c), 0.0) >= SAME_PROPOSITION
        for c in partners
        for g in claims_given
    )
    if measure.startswith("count:"):
        confidence = min(confidence, 0.5 if strong else 0.35)
        why.append(
            "a count of things, in a sentence the other account states alike"
            if strong
            else "a count of things, not of people harmed"
        )
    if all(q.number.value <= 2 for q in given):
        confidence -= 0.2
    shown = "; ".join(dict.fromkeys(_describe(q) for q in given))
    letter, other = "ab"[side], "ab"[1 - side]
    values: tuple[str | None, str | None] = (shown, None) if side == 0 else (None, shown)
    first = Finding(
        kind="number_one_side",
        values=values,
        spans=((), ()),
        explanation=f"only {letter} gives figures for {given[0].label} ({shown}); {other} gives none"
        + (" but in words or for other places" if elsewhere else ""),
        detail={"measure": measure, "values": [q.number.value for q in given]},
    )
    group = _Group(first=first, sources=pair, confidence=confidence, why=why)
    other_claims = partners or sorted(talkers)[:1]
    if elsewhere:
        # the passages giving the amount in words; a figure for another country is no part of this finding
        worded = list(dict.fromkeys(q.claim for q in in_words))
        other_claims = worded or [c for c in other_claims if c not in {q.claim for q in elsewhere}]
    for q in given:
        group.include(side, q.claim, (q.number.span,))
    for claim in other_claims:
        group.include(1 - side, claim)
    return [group]


def _speaks_of(facts: Sequence[ClaimFacts], quantities: Sequence[Quantity]) -> dict[str, set[str]]:
    """source\\0measure -> claims of that source that speak of the measure (with or without a figure)."""
    lex = measure_lexicon()
    words = {m.name: (set(m.words), [w for w in m.words if " " in w]) for m in lex.measures}
    out: dict[str, set[str]] = defaultdict(set)
    # each counted thing with its word ("count:boat" -> "boat"), split once, not once a claim
    thing_measures = {q.measure for q in quantities if q.measure.startswith("count:")}
    things = [(m, m.split(":", 1)[1]) for m in thing_measures]
    for f in facts:
        text = fold(f.claim.text)
        norms = {t.norm for t in f.tokens}
        stems = {t.stem for t in f.tokens}
        for name, (ws, phrases) in words.items():
            if not norms.isdisjoint(ws) or (phrases and any(w in text for w in phrases)):
                out[f"{f.claim.source}\0{name}"].add(f.claim.id)
        if things:
            said = stems | f.concepts
            for m, key in things:
                if key in said:
                    out[f"{f.claim.source}\0{m}"].add(f.claim.id)
    return out


# Names across whole accounts ------------------------------------------------------------------------


def _openers(facts: Sequence[ClaimFacts]) -> set[Span]:
    """Spans of one-word names that open their sentence: often an ordinary word with a capital ("Crows")."""
    out: set[Span] = set()
    for f in facts:
        lead = len(f.claim.text) - len(f.claim.text.lstrip(" “\"'‘("))
        out.update(m.span for m in f.names if len(m.words) == 1 and m.span.start == f.claim.start + lead)
    return out


@lru_cache(maxsize=8192)
def _common(word: str) -> bool:
    """An ordinary English word ("crows", "cross"), which a lone capitalised word often is."""
    return bool(zipf_frequency(word, "en") >= 3.0)


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    """The words of a name as written (lower case, accents kept), split at hyphens and apostrophes."""
    return tuple(w for w in re.split(r"[\s\-‐–'’.]+", text.lower()) if len(w) > 2 and w not in _NAME_TITLES)


_NAME_TITLES = lexicon().names.spelling_titles


_CALENDAR_WORDS = lexicon().calendar
_DATED_YEAR = re.compile(
    rf"\b(?P<cue>{alternation(_CALENDAR_WORDS.year_before)})\s+(?:(?:{alternation(tuple(_CALENDAR_WORDS.months))})\.?\s+)?"
    r"(?P<year>1[89]\d\d|20\d\d)\b(?!\s*[-\w])",
    re.IGNORECASE,
)


_MODIFYING_YEAR = re.compile(
    rf"\b(?:{alternation(_CALENDAR_WORDS.year_modified) or '(?!)'})\s+"
    rf"(?:(?:{alternation(tuple(_CALENDAR_WORDS.months))})\.?\s+)?(?P<year>1[89]\d\d|20\d\d)(?-i:\s+[a-z])",
    re.IGNORECASE,
)


# "four days after … the November militant attacks in Paris that killed 130": a month named alone
_DATED_MONTH = re.compile(
    rf"\b(?:{alternation((*_CALENDAR_WORDS.year_before, *_CALENDAR_WORDS.year_modified))})\s+"
    rf"(?P<month>{alternation(tuple(_CALENDAR_WORDS.months))})\b(?!\.?\s*\d)",
    re.IGNORECASE,
)
# How many months before the account's a month named alone must be to tell of another time.
_MONTHS_BEFORE = 2
_ANNIVERSARY_YEAR = re.compile(
    rf"\b(?:{alternation(_CALENDAR_WORDS.anniversaries) or '(?!)'})\s+of\s+(?:the\s+)?"
    rf"(?:(?:{alternation(tuple(_CALENDAR_WORDS.months))})\.?\s+(?:\d{{1,2}},?\s+)?)?(?:1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
# a full stop inside "U.S." or "Conn." does not end the clause between the superlative and "since"
_IN_CLAUSE = r"(?:[^.;:!?]|\.(?=\S)|(?<=\b[A-Z])\.)"
_RECORD_SINCE = re.compile(
    rf"\b(?:{alternation(_CALENDAR_WORDS.records) or '(?!)'})\b{_IN_CLAUSE}{{0,80}}?\bsince\b", re.IGNORECASE
)
_YEARS_AGO = re.compile(rf"\b(?:{alternation(_CALENDAR_WORDS.ago_units) or '(?!)'})\s+ago\b", re.IGNORECASE)


def _told_after(f: ClaimFacts, start: int, end: int) -> bool:
    """True when the claim's figures follow the words at ``start``–``end``: none stands before them but
    the count they hold ("Six years ago, 144 …"), and one stands after them."""
    off = f.claim.start
    before = [n for n in f.numbers if n.span.end - off <= start]
    own = len(before) == 1 and not f.claim.text[before[0].span.end - off : start].strip()
    return (not before or own) and any(n.span.start - off >= end for n in f.numbers)


def _of_an_earlier_year(f: ClaimFacts, reference: tuple[date, bool] | None) -> bool:
    """True when a claim dates what it tells to a year before its account's own ("And in 1992, nine people
    died when …", "the deadliest since October 1989, when … killing all 20", "the May 2010 disaster … that
    killed some 170"): its figures are of another event, not to be held against the other account's."""
    if _ANNIVERSARY_YEAR.search(f.claim.text):
        return True  # "on the 32nd anniversary of the 1985 earthquake that killed thousands"
    record = _RECORD_SINCE.search(f.claim.text)
    if record is not None and _told_after(f, record.start(), record.end()):
        return True  # "the deadliest … since a gunman killed 20 children and six adults at …"
    ago = _YEARS_AGO.search(f.claim.text)
    if ago is not None and _told_after(f, ago.start(), ago.end()):
        # "Six years ago, 144 people died …": earlier than the account, whenever it was written (not "killed
        # 138 … after a lull since the end of the war 10 years ago", told after the figures)
        return True
    for m in _DATED_YEAR.finditer(f.claim.text):
        if reference is None:
            if m.group("cue").lower() in _CALENDAR_WORDS.year_past:
                return True  # "since 1981": earlier than the account, whenever it was written
        elif int(m.group("year")) < reference[0].year:
            return True
    if reference is not None:
        if any(int(m.group("year")) < reference[0].year for m in _MODIFYING_YEAR.finditer(f.claim.text)):
            return True
        # "in November" in an account of March: that November was months before the event
        months = _CALENDAR_WORDS.months
        return any(
            (reference[0].month - months[m.group("month").lower()]) % 12 >= _MONTHS_BEFORE
            for m in _DATED_MONTH.finditer(f.claim.text)
        )
    return False


def reference_days(sources: Sequence[Source]) -> dict[str, tuple[date, bool]]:
    """The day each account's weekdays and yearless dates are read against, and whether it is inferred.

    An account's publication date when it has one; else the day it names most often in full (with a
    year); else the latest publication date among the other accounts, or the day they name most often.
    """
    full: dict[str, Counter[date]] = {}
    for s in sources:
        # the days a photo credit or other page furniture names are not the account's
        lines = "\n".join(line for line in s.text.split("\n") if not is_boilerplate(line.strip()))
        full[s.id] = Counter(
            d.day
            for d in find_dates(lines, None)
            if d.day and d.form == "date" and not looks_back(lines, d.span.start)
        )
    published = [s.published for s in sources if s.published]
    everywhere: Counter[date] = sum(full.values(), Counter())
    out: dict[str, tuple[date, bool]] = {}
    for s in sources:
        named = full[s.id]
        if published and not s.published:
            # a day named years before the others were written ("the worst since September 11, 2001")
            # is background, not the day this account was written
            latest = max(published)
            named = Counter({d: n for d, n in named.items() if abs((latest - d).days) <= _NEAR_PUBLISHED})
        if s.published:
            out[s.id] = (s.published, False)
        elif named:
            out[s.id] = (_most_named(named), True)
        elif published:
            out[s.id] = (max(published), True)
        elif everywhere:
            out[s.id] = (_most_named(everywhere), True)
    return out


# How far from the other accounts' publication dates a day named in full may be to date an account.
_NEAR_PUBLISHED = 31


def _most_named(days: Counter[date]) -> date:
    return max(days.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _days_of(f: ClaimFacts, reference: Mapping[str, tuple[date, bool]]) -> list[DateMention]:
    known = reference.get(f.claim.source)
    if known is None or not known[1]:
        return [d for d in f.dates if d.day and not said_on(f.claim.text, d, f.claim.start)]
    # Against a day only inferred, a plain weekday or a date without its year is read; "last Friday",
    # "yesterday" and their like need the day the account was written, and stay unknown.
    return [
        d
        for d in find_dates(f.claim.text, known[0], f.claim.start)
        if d.day
        and (d.form == "date" or (d.form == "weekday" and " " not in d.text.strip()))
        and not said_on(f.claim.text, d, f.claim.start)
    ]


def date_findings(
    facts: Sequence[ClaimFacts],
    pair: tuple[str, str],
    linked: Mapping[tuple[str, str], float],
    reference: Mapping[str, tuple[date, bool]] | None = None,
) -> list[_Group]:
    """One calendar day the two accounts name differently ("August 18" / "Saturday"): not a discrepancy."""
    sa, sb = pair
    reference = reference or {}
    days_a = [(f.claim.id, d) for f in facts if f.claim.source == sa for d in _days_of(f, reference)]
    days_b = [(f.claim.id, d) for f in facts if f.claim.source == sb for d in _days_of(f, reference)]
    inferred = [(s, reference[s][0]) for s in pair if s in reference and reference[s][1]]
    forms_a = {(d.day, fold(d.text)) for _, d in days_a}
    forms_b = {(d.day, fold(d.text)) for _, d in days_b}
    groups: dict[Any, _Group] = {}
    b_by_day: dict[Any, list[tuple[str, Any]]] = defaultdict(list)
    for cb, db in days_b:
        b_by_day[db.day].append((cb, db))
    for ca, da in days_a:
        for cb, db in b_by_day.get(da.day, ()):
            if fold(da.text) == fold(db.text) or da.form == db.form == "date":
                continue
            if (da.day, fold(da.text)) in forms_b and (db.day, fold(db.text)) in forms_a:
                continue  # both accounts use both forms
            group = groups.get(da.day)
            if group is None:
                assert da.day is not None
                basis = (
                    "reading "
                    + " and ".join(f"{s}'s days against {day.strftime('%-d %B %Y')}" for s, day in inferred)
                    if inferred
                    else "given the publication dates"
                )
                first = Finding(
                    kind="date_equivalent",
                    values=(da.text, db.text),
                    spans=((), ()),
                    explanation=f"“{da.text}” and “{db.text}” are the same day, "
                    f"{da.day.strftime('%A %-d %B %Y')}, {basis} — not a discrepancy",
                    detail={"day": da.day.isoformat()},
                )
                why = ["the two accounts write one calendar day differently"]
                confidence = BASE_CONFIDENCE["date_equivalent"] - 0.1
                for s, day in inferred:
                    why.append(
                        f"{s} gives no publication date: its days are read against {day.isoformat()}, "
                        "the day the accounts name"
                    )
                group = groups[da.day] = _Group(first=first, sources=pair, confidence=confidence, why=why)
            if (ca, cb) in linked:
                group.confidence = BASE_CONFIDENCE["date_equivalent"] - (0.05 if inferred else 0.0)
                if "in linked sentences" not in group.why:
                    group.why.append("in linked sentences")
            group.include(0, ca, (da.span,))
            group.include(1, cb, (db.span,))
    return list(groups.values())


@lru_cache(maxsize=1)
def _certainty_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon().casualties
    space = r"\s+"
    dead = alternation(words.death_words, space=space)
    deaths = re.compile(rf"\b(?:{dead})\b", re.IGNORECASE)
    hedge = alternation(words.certainty_hedges, space=space)
    hedges = re.compile(rf"\b(?:{hedge})\b", re.IGNORECASE)
    # a hedge on who is among the dead: "believed to be among the 150 who died"
    among = alternation(words.certainty_membership, space=space) if words.certainty_membership else "(?!)"
    membership = re.compile(
        rf"\b(?:{hedge})\b[^.;,]{{0,24}}?\b(?:{among})\b[^.;,]{{0,30}}?\b(?:{dead})\b", re.I
    )
    return deaths, hedges, membership


def _one_toll(a: Quantity, b: Quantity) -> bool:
    """Two figures that give one toll: consistent, and within a tenth of each other."""
    high = max(a.number.value, b.number.value)
    return high > 1 and abs(a.number.value - b.number.value) <= high / 10 and a.consistent_with(b)


def _among_aboard(hedged: Sequence[Quantity], stated: Sequence[Quantity]) -> bool:
    """Everyone aboard presumed dead, and fewer stated dead: those can be among them ("all 150 on board are
    assumed to have died" / "16 students who were killed aboard")."""
    whole = max((q.number.value for q in hedged if q.measure == "aboard"), default=0.0)
    return bool(whole) and all(q.number.value <= whole for q in stated)


def death_certainty(f: ClaimFacts) -> str | None:
    """ "stated" when a claim says people died, "hedged" when it only presumes or fears it, else None."""
    deaths, hedges, membership = _certainty_patterns()
    text = f.claim.text
    if not deaths.search(text) or any(r.status == "none" for r in f.casualties):
        return None
    # a hedge on who is among the dead leaves the deaths stated, unless another hedge remains
    text = membership.sub(" ", text)
    if not hedges.search(text):
        return "stated"
    # a death word no hedge of its own clause reaches is stated: "eight were killed, but many more are
    # feared dead" states eight deaths; "there may have been a rush" hedges no death in "bodies were found"
    hedged = False
    for m in deaths.finditer(text):
        if not hedges.search(_clause_around(text, m.start(), m.end())):
            return "stated"
        # "authorities fear that more charred bodies will be found": a fear of deaths beyond those told,
        # which hedges no death the account reports
        hedged = hedged or not _MORE_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
    return "hedged" if hedged else None


_MORE_BEFORE = re.compile(
    rf"\b(?:{alternation(lexicon().figures.additional) or '(?!)'})\s+(?:[^\W\d_]+\s+)?$", re.IGNORECASE
)


# How far a hedge reaches a death word within one clause ("presumed to have perished", "dead, it is feared").
_HEDGE_REACH_BEFORE = 36
_HEDGE_REACH_AFTER = 24
_CLAUSE_MARK = re.compile(
    rf"[.;,:—–()]|\b(?:{alternation(lexicon().casualties.certainty_clause_words) or '(?!)'})\b", re.IGNORECASE
)


def _clause_around(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]`` that stay in its clause, up to a hedge's reach."""
    before = text[max(0, start - _HEDGE_REACH_BEFORE) : start]
    marks = list(_CLAUSE_MARK.finditer(before))
    if marks:
        before = before[marks[-1].end() :]
    after = text[end : end + _HEDGE_REACH_AFTER]
    mark = _CLAUSE_MARK.search(after)
    if mark:
        after = after[: mark.start()]
    return before + text[start:end] + after


def certainty_findings(
    facts: Sequence[ClaimFacts],
    pair: tuple[str, str],
    linked: Mapping[tuple[str, str], float],
    quantities: Sequence[Quantity],
) -> list[_Group]:
    """One account states deaths as fact that the other only presumes or fears ("presumed dead").

    The two statements must be about the same victims: in linked sentences, or giving one figure.
    """
    certainty = {f.claim.id: c for f in facts if f.claim.source in pair and (c := death_certainty(f))}
    deaths: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        # "all 150 on board are assumed to have died": the people aboard are the toll the hedge is about
        if (
            q.measure in ("deaths", "missing", "dead_or_missing", "aboard") or q.measure.startswith("people:")
        ) and (q.claim in certainty):
            deaths[q.claim].append(q)
    out: list[_Group] = []
    for hedged_side in (0, 1):
        stated_side = 1 - hedged_side
        hedged = [c for c, v in certainty.items() if v == "hedged" and c.startswith(f"{pair[hedged_side]}:")]
        stated = [c for c, v in certainty.items() if v == "stated" and c.startswith(f"{pair[stated_side]}:")]
        # An account that states deaths elsewhere and hedges a sentence giving no toll fears more deaths
        # ("an increase in the death toll highly likely"), and presumes none of those it states.
        hedger_states = any(
            v == "stated" and c.startswith(f"{pair[hedged_side]}:") for c, v in certainty.items()
        )
        matched: list[tuple[str, str, float]] = []
        for ch in hedged:
            for cs in stated:
                key = (ch, cs) if hedged_side == 0 else (cs, ch)
                score = linked.get(key)
                same_figure = any(_one_toll(qh, qs) for qh in deaths[ch] for qs in deaths[cs])
                other_figures = bool(deaths[ch] and deaths[cs]) and not same_figure
                if other_figures and _among_aboard(deaths[ch], deaths[cs]):
                    other_figures = False
                if hedger_states and not deaths[ch] and not same_figure:
                    continue
                if (score is not None and not other_figures) or same_figure:
                    matched.append((ch, cs, score or 0.0))
        if not matched:
            continue
        h, s = "ab"[hedged_side], "ab"[stated_side]
        first = Finding(
            kind="certainty",
            values=("presumed or feared", "stated as fact")
            if hedged_side == 0
            else ("stated as fact", "presumed or feared"),
            spans=((), ()),
            explanation=f"{s} states the deaths as fact; {h} only presumes or fears them",
            detail={
                "a": "hedged" if hedged_side == 0 else "stated",
                "b": "stated" if hedged_side == 0 else "hedged",
            },
        )
        confidence = BASE_CONFIDENCE["certainty"] - 0.05
        why = [f"{h} says the victims are presumed, assumed or feared dead; {s} says they died"]
        if any(score >= SAME_PROPOSITION for *_, score in matched):
            confidence += 0.05
            why.append("in sentences stating nearly one thing")
        if any(not score for *_, score in matched):
            why.append("the same death toll in both")
        if any(v == "hedged" for c, v in certainty.items() if c.startswith(f"{pair[stated_side]}:")):
            # the stating account presumes deaths too: the two differ in how often they hedge, not in
            # what they say is known
            confidence -= 0.2
            why.append(f"{s} also hedges elsewhere")
        group = _Group(first=first, sources=pair, confidence=confidence, why=why)
        for ch, cs, _ in matched:
            group.include(hedged_side, ch)
            group.include(stated_side, cs)
        out.append(group)
    return out


@lru_cache(maxsize=1)
def _sequence_pattern() -> re.Pattern[str]:
    figures = lexicon().figures
    ordinal = _ordinal_words()
    verbs = alternation(figures.sequence_verbs, space=r"\s+")
    return re.compile(
        rf"\b(?:the|an?)\s+(?P<ord>{ordinal})\s+(?:(?P<noun>{alternation(figures.sequence_events)})\b"
        rf"|(?P<verb>{verbs})\b)",
        re.IGNORECASE,
    )


def sequence_place_findings(
    facts: Sequence[ClaimFacts], pair: tuple[str, str], quantities: Sequence[Quantity] = ()
) -> list[_Group]:
    """One numbered event placed at two differently named places ("the eighth blast hit Velden" / "the
    eighth was in Corvale"): the number and the event say it is one, so the place names differ. And one
    numbered event with deaths or injuries in one account's words about it and none in the other's."""
    if not lexicon().figures.sequence_events:
        return []
    pattern = _sequence_pattern()
    harm_at: dict[str, list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.measure in ("deaths", "injured") and q.source in pair:
            harm_at[q.claim].append(q)
    seen: dict[str, dict[tuple[str, int], list[tuple[str, Span, tuple[str, ...], str]]]] = {
        sid: defaultdict(list) for sid in pair
    }
    harmed: dict[tuple[str, int, str], list[Quantity]] = {}
    said: dict[str, set[str]] = {sid: set() for sid in pair}
    last_noun: dict[str, str] = {}
    for f in facts:
        sid = f.claim.source
        if sid not in seen:
            continue
        matches = list(pattern.finditer(f.claim.text))
        for i, m in enumerate(matches):
            number = _ordinal(m.group("ord"))
            written = m.group("noun")
            if written:
                last_noun[sid] = written.lower()
            else:
                written = last_noun.get(sid, "")  # "The eighth was in …" after "A seventh blast …"
            if number is None or not written:
                continue
            noun = stem(written.lower())
            place = place_after(f, f.claim.start + m.end())
            if place:
                span = Span(f.claim.start + m.start(), f.claim.start + m.end())
                label = f"the {m.group('ord').lower()} {written.lower()}"
                seen[sid][(noun, number)].append((f.claim.id, span, place, label))
                said[sid].update(fold(f.claim.text).split())
                # the harm told of this event: figures after it, before the next numbered event
                until = f.claim.start + (
                    matches[i + 1].start() if i + 1 < len(matches) else len(f.claim.text)
                )
                harmed[(noun, number, f.claim.id)] = [
                    q for q in harm_at.get(f.claim.id, ()) if span.end <= q.number.span.start < until
                ]
    out: list[_Group] = []
    for key, at_a in seen[pair[0]].items():
        at_b = seen[pair[1]].get(key, [])
        if not at_b:
            continue
        hurt_a = [q for c, *_ in at_a for q in harmed.get((*key, c), ())]
        hurt_b = [q for c, *_ in at_b for q in harmed.get((*key, c), ())]
        if bool(hurt_a) != bool(hurt_b):
            out.append(_harm_at_event(key, at_a, at_b, hurt_a or hurt_b, pair, 0 if hurt_a else 1))
        # one numbered event placed, in each account, at a place the other account never names
        # in its sentences about numbered events
        firsts = [(c, sp, pl, t) for c, sp, pl, t in at_a if not set(pl) & said[pair[1]]]
        seconds = [(c, sp, pl, t) for c, sp, pl, t in at_b if not set(pl) & said[pair[0]]]
        if not firsts or not seconds:
            continue
        name_a = " ".join(firsts[0][2]).title()
        name_b = " ".join(seconds[0][2]).title()
        first = Finding(
            kind="name_variant",
            values=(name_a, name_b),
            spans=((), ()),
            explanation=f"{firsts[0][3]}: in {name_a} (a), in {name_b} (b) — one event, two places",
            detail={"spelling": True, "words": [list(firsts[0][2]), list(seconds[0][2])], "event": list(key)},
        )
        group = _Group(
            first=first,
            sources=pair,
            confidence=BASE_CONFIDENCE["name_variant"] - 0.1,
            why=[
                "one numbered event in both accounts",
                "each places it where the other account's words about numbered events never name",
            ],
        )
        for c, sp, _, _ in firsts:
            group.include(0, c, (sp,))
        for c, sp, _, _ in seconds:
            group.include(1, c, (sp,))
        out.append(group)
    return out


def _harm_at_event(
    key: tuple[str, int],
    at_a: Sequence[tuple[str, Span, tuple[str, ...], str]],
    at_b: Sequence[tuple[str, Span, tuple[str, ...], str]],
    hurt: Sequence[Quantity],
    pair: tuple[str, str],
    side: int,
) -> _Group:
    told = "; ".join(dict.fromkeys(f"{q.value_text} {q.label}" for q in hurt))
    letter, other = "ab"[side], "ab"[1 - side]
    event = (at_a if side == 0 else at_b)[0][3]
    first = Finding(
        kind="casualties",
        values=(told, None) if side == 0 else (None, told),
        spans=((), ()),
        explanation=f"{event}: {letter} gives {told}; {other} tells of it without any harm",
        detail={"a": "some" if side == 0 else "none given", "b": "none given" if side == 0 else "some"},
    )
    group = _Group(
        first=first,
        sources=pair,
        confidence=BASE_CONFIDENCE["casualties"] - 0.1,
        why=[
            "one numbered event in both accounts",
            f"only {letter}'s words about it give deaths or injuries",
        ],
    )
    for c, sp, _, _ in at_a:
        group.include(0, c, (sp,))
    for c, sp, _, _ in at_b:
        group.include(1, c, (sp,))
    return group


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern[str]:
    relations = alternation(lexicon().names.relations)
    return re.compile(
        rf"\b(?P<age>[\w-]+)-year-old\s+(?:[a-z]+\s+){{0,2}}?(?P<rel>{relations})\s+"
        rf"(?P<name>[A-Z][\w'’-]+)\b"
    )


def relative_name_findings(facts: Sequence[ClaimFacts], pair: tuple[str, str]) -> list[_Group]:
    """One relative of one age named two ways ("his 7-year-old son Karel" / "his seven-year-old son Carl"):
    the relation and the age say it is one person, so two names are a discrepancy."""
    if not lexicon().names.relations:
        return []
    pattern = _relative_pattern()
    found: dict[str, list[tuple[str, Span, float, str, str]]] = {sid: [] for sid in pair}
    for f in facts:
        if f.claim.source not in found:
            continue
        for m in pattern.finditer(f.claim.text):
            age = _age_of(m.group("age"))
            if age is None:
                continue
            span = Span(f.claim.start + m.start("name"), f.claim.start + m.end("name"))
            found[f.claim.source].append((f.claim.id, span, age, m.group("rel").lower(), m.group("name")))

    def same_relative(x: tuple[Any, ...], y: tuple[Any, ...]) -> tuple[float, str] | None:
        (_, _, age_a, rel_a, name_a), (_, _, age_b, rel_b, name_b) = x, y
        if age_a != age_b or rel_a != rel_b or words_match(fold(name_a), fold(name_b)):
            return None
        return age_a, rel_a

    def group_of(x: tuple[Any, ...], y: tuple[Any, ...]) -> _Group:
        (_, _, age, rel, name_a), name_b = x, y[4]
        first = Finding(
            kind="name_variant",
            values=(name_a, name_b),
            spans=((), ()),
            explanation=f"“{name_a}” and “{name_b}” name one person: the {age:g}-year-old {rel} "
            "in both accounts",
            detail={"spelling": True, "words": [[fold(name_a)], [fold(name_b)]], "relation": rel},
        )
        return _Group(
            first=first,
            sources=pair,
            confidence=BASE_CONFIDENCE["name_variant"] - 0.1,
            why=["one relation of one age, named differently", "the names are not one spelling"],
        )

    return _groups_of_matches(found[pair[0]], found[pair[1]], same_relative, group_of)


def _age_of(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    numbers = find_numbers(word.replace("-", " "))
    return numbers[0].value if len(numbers) == 1 else None


@lru_cache(maxsize=1)
def _rank_pattern() -> re.Pattern[str]:
    figures = lexicon().figures
    ordinal = _ordinal_words()
    return re.compile(
        rf"(?P<title>(?:[A-Z][\w.'’-]*\s+){{1,4}})(?P<ord>(?i:{ordinal}))\s+(?P<grade>(?i:"
        rf"{alternation(figures.rank_grades)}))\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)"
    )


def _ordinal_words() -> str:
    """A pattern for an ordinal written "8th" or in words ("eighth", figures.toml), read by _ordinal."""
    return rf"\d{{1,2}}(?:st|nd|rd|th)|{alternation(lexicon().figures.ordinals)}"


def _ordinal(word: str) -> int | None:
    word = word.lower()
    if word[:-2].isdigit():
        return int(word[:-2])
    return lexicon().figures.ordinals.get(word)


def rank_findings(facts: Sequence[ClaimFacts], pair: tuple[str, str]) -> list[_Group]:
    """One person given two grades of one rank ("Petty Officer 2nd Class" / "Petty Officer 1st Class")."""
    if not lexicon().figures.rank_grades:
        return []
    pattern = _rank_pattern()
    ranks: dict[str, list[tuple[str, Span, str, str, int, str]]] = {sid: [] for sid in pair}
    for f in facts:
        if f.claim.source not in ranks:
            continue
        for m in pattern.finditer(f.claim.text):
            number = _ordinal(m.group("ord"))
            if number is None or (not m.group("grade").islower() and not m.group("grade").istitle()):
                continue
            start, end = f.claim.start + m.start("title"), f.claim.start + m.end("grade")
            surname = fold(m.group("name").split()[-1])
            title = fold(m.group("title").split()[-1])
            rank = m.group()[: m.end("grade") - m.start()].strip()
            ranks[f.claim.source].append((f.claim.id, Span(start, end), surname, title, number, rank))

    def same_person(x: tuple[Any, ...], y: tuple[Any, ...]) -> str | None:
        (_, _, surname_a, title_a, number_a, _), (_, _, surname_b, title_b, number_b, _) = x, y
        if number_a == number_b or title_a != title_b or not words_match(surname_a, surname_b):
            return None
        return str(surname_a)

    def group_of(x: tuple[Any, ...], y: tuple[Any, ...]) -> _Group:
        (_, _, _, _, number_a, rank_a), (_, _, _, _, number_b, rank_b) = x, y
        first = Finding(
            kind="number_conflict",
            values=(rank_a, rank_b),
            spans=((), ()),
            explanation=f"rank: {rank_a} against {rank_b} — one person, two grades",
            detail={"measure": "rank", "a": [number_a, number_a], "b": [number_b, number_b]},
        )
        return _Group(
            first=first,
            sources=pair,
            confidence=BASE_CONFIDENCE["number_conflict"] - 0.1,
            why=["the same person's rank, given with another grade", "read from the title alone"],
        )

    return _groups_of_matches(ranks[pair[0]], ranks[pair[1]], same_person, group_of)


@lru_cache(maxsize=1)
def _age_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    name = r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]+)"
    apposition = re.compile(rf"{name},\s+(?P<age>\d{{1,3}})(?=[,;)]|\.(?!\d))")  # "Saman Kunan, 38, …"
    year_old = re.compile(rf"\b(?P<age>\d{{1,3}})[- ]years?[- ]old\s+(?:[a-z]+\s+){{0,3}}?{name}")
    loose = alternation(lexicon().numbers.age_decades)
    decade = re.compile(rf"\bin\s+(?:his|her)\s+(?:(?P<loose>{loose})[- ]?)?(?P<decade>[1-9]0)['’]?s\b", re.I)
    return apposition, year_old, decade


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Age:
    claim: str
    span: Span
    person: str  # the folded last word of the person's name
    low: int
    high: int
    text: str
    loose: bool  # a decade ("in his mid-30s"), not a year
    inferred: bool  # the person is the one the account named last, not named in the sentence


def ages_of(facts: Sequence[ClaimFacts]) -> dict[str, list[_Age]]:
    """The ages each account gives a named person ("Saman Kunan, 38", "the 38-year-old diver Kunan"), and
    loose ages ("in his mid-30s") of a person it names in that sentence or, naming none, in the one before."""
    apposition, year_old, decade = _age_patterns()
    decades = lexicon().numbers.age_decades
    countries = country_table()
    calendar = {*lexicon().calendar.months, *lexicon().calendar.weekdays}
    out: dict[str, list[_Age]] = defaultdict(list)
    last: dict[str, str] = {}

    def aged(n: NameMention) -> bool:  # a person who may be given an age
        return is_person(n) and bool(n.words) and n.words[-1] not in countries

    for f in facts:
        text, source = f.claim.text, f.claim.source
        if _DIGIT.search(text) is None:
            # every age pattern holds a digit: a claim without one only names the person a later
            # "in his 30s" may be of
            last_named = next((n for n in reversed(f.names) if aged(n)), None)
            if last_named is not None:
                last[source] = last_named.words[-1]
            continue
        persons = [n for n in f.names if aged(n)]
        for pattern in (apposition, year_old):
            for m in pattern.finditer(text):
                words = fold(m.group("name")).split()
                age = int(m.group("age"))
                at = f.claim.start + m.start("name")
                named = any(n.span.start <= at < n.span.end or at <= n.span.start < at + 8 for n in persons)
                if not named or not words or words[-1] in calendar or not 0 < age < 120:
                    continue  # "March 26, …" is a date
                span = Span(f.claim.start + m.start("age"), f.claim.start + m.end("age"))
                out[source].append(_Age(f.claim.id, span, words[-1], age, age, m.group("age"), False, False))
        for m in decade.finditer(text):
            own = {n.words[-1] for n in persons}
            person = next(iter(own)) if len(own) == 1 else (last.get(source) if not own else None)
            if person is None:
                continue
            low, high = decades.get((m.group("loose") or "").lower(), (0, 9))
            base = int(m.group("decade"))
            span = Span(f.claim.start + m.start(), f.claim.start + m.end())
            out[source].append(
                _Age(f.claim.id, span, person, base + low, base + high, m.group(), True, not own)
            )
        if persons:
            last[source] = persons[-1].words[-1]
    return out


def age_findings(ages: Mapping[str, Sequence[_Age]], pair: tuple[str, str]) -> list[_Group]:
    """One person given ages that cannot both be right ("Kunan, 38" / "in his mid-30s")."""

    def same_person(x: tuple[Any, ...], y: tuple[Any, ...]) -> str | None:
        a, b = x[2], y[2]
        if not words_match(a.person, b.person) or (a.low <= b.high and b.low <= a.high):
            return None
        return str(a.person)

    def group_of(x: tuple[Any, ...], y: tuple[Any, ...]) -> _Group:
        a, b = x[2], y[2]
        first = Finding(
            kind="number_conflict",
            values=(a.text, b.text),
            spans=((), ()),
            explanation=f"age: {a.text} against {b.text} — one person, ages that cannot both be right",
            detail={"measure": "age", "a": [a.low, a.high], "b": [b.low, b.high]},
        )
        confidence = BASE_CONFIDENCE["number_conflict"] - 0.1
        why = ["the same person's age in both accounts"]
        if a.loose or b.loose:
            confidence -= 0.1
            why.append("one age is given loosely, by its decade")
        if a.inferred or b.inferred:
            confidence -= 0.05
            why.append("the sentence giving one age names no one: it is taken to be the person named before")
        return _Group(first=first, sources=pair, confidence=confidence, why=why)

    found = [[(age.claim, age.span, age) for age in ages.get(sid, ())] for sid in pair]
    return _groups_of_matches(found[0], found[1], same_person, group_of)


def _groups_of_matches(
    found_a: Sequence[tuple[Any, ...]],
    found_b: Sequence[tuple[Any, ...]],
    key: Callable[[tuple[Any, ...], tuple[Any, ...]], Hashable | None],
    make: Callable[[tuple[Any, ...], tuple[Any, ...]], _Group],
) -> list[_Group]:
    """Mentions ``(claim, span, …)`` of two accounts that ``key`` matches (``None``: no match), one group
    per key, made by ``make`` from its first pair and listing every matched mention."""
    out: dict[Hashable, _Group] = {}
    for x in found_a:
        for y in found_b:
            k = key(x, y)
            if k is None:
                continue
            group = out.get(k)
            if group is None:
                group = out[k] = make(x, y)
            group.include(0, x[0], (x[1],))
            group.include(1, y[0], (y[1],))
    return list(out.values())


def time_findings(
    facts: Sequence[ClaimFacts], pair: tuple[str, str], linked: Mapping[tuple[str, str], float]
) -> list[_Group]:
    """Clock times for one moment that cannot both be right, in linked sentences of the two accounts.

    Hedges widen a time ("around 2 a.m." is 1:50 to 2:10); times of different days or of different zones
    are not compared.
    """
    sa, sb = pair
    # "as of 6:00 p.m." is when a count stood, not when anything happened
    event_times = {
        f.claim.id: [t for t in f.times if not tally_moment(f.claim.text, t, f.claim.start)]
        for f in facts
        if f.times
    }
    timed_a = [f for f in facts if f.claim.source == sa and event_times.get(f.claim.id)]
    timed_b = [f for f in facts if f.claim.source == sb and event_times.get(f.claim.id)]
    out: dict[tuple[tuple[int, int], tuple[int, int]], _Group] = {}
    # Sentences that are not linked are held against each other only when they tell of one moment: both
    # tell of one kind of event (a death), or they share two words of their own (a name and a verb), and
    # neither account gives so many times that a shared word says little.
    unlinked = len(timed_a) <= _FEW_TIMES and len(timed_b) <= _FEW_TIMES
    for fa in timed_a:
        for fb in timed_b:
            score = linked.get((fa.claim.id, fb.claim.id))
            shared: list[str] = []
            if score is None:
                if not unlinked:
                    continue
                shared = _one_moment(fa, fb)
                if not shared:
                    continue
            days_a = {d.day for d in fa.dates if d.day}
            days_b = {d.day for d in fb.dates if d.day}
            if days_a and days_b and not days_a & days_b:
                continue
            pairs = [
                (ta, tb)
                for ta in event_times[fa.claim.id]
                for tb in event_times[fb.claim.id]
                if ta.comparable(tb)
            ]
            if not pairs or any(ta.consistent_with(tb) for ta, tb in pairs):
                continue
            ta, tb = pairs[0]
            key = (ta.window, tb.window)
            if key in out:  # the same two times again, in other sentences: one discrepancy
                out[key].include(0, fa.claim.id, (ta.span,))
                out[key].include(1, fb.claim.id, (tb.span,))
                continue
            confidence = BASE_CONFIDENCE["time_conflict"]
            why = [f"linked sentences give different times ({ta.text} / {tb.text})"]
            if score is None:
                confidence -= 0.05
                why = [
                    f"the two sentences give different times ({ta.text} / {tb.text})",
                    "they are not linked, but tell of one moment: both speak of " + ", ".join(shared),
                ]
            elif score >= SAME_PROPOSITION:
                confidence += 0.1
                why.append("the sentences state nearly one thing")
            else:
                why.append("the sentences are only loosely linked: the times may be of different moments")
            if ta.before or ta.after or tb.before or tb.after:
                why.append("a time given as approximate, still outside the other's window")
            first = Finding(
                kind="time_conflict",
                values=(ta.text, tb.text),
                spans=((ta.span,), (tb.span,)),
                explanation=f"different times: {ta.text} against {tb.text}",
                detail={"a": list(ta.window), "b": list(tb.window)},
            )
            group = out[key] = _Group(first=first, sources=pair, confidence=confidence, why=why)
            group.include(0, fa.claim.id, (ta.span,))
            group.include(1, fb.claim.id, (tb.span,))
    return list(out.values())


# More sentences with clock times than this in one account and only linked sentences' times are compared.
_FEW_TIMES = 6


def _one_moment(fa: ClaimFacts, fb: ClaimFacts) -> list[str]:
    """What two sentences with clock times share that makes their times one moment's: a concept both speak
    of as happening (a death: ``events`` of concepts.toml), or at least two words of their own (not the words
    of the times and days)."""
    events = sorted(fa.concepts & fb.concepts & lexicon().concepts.events)
    if events:
        return events

    def own(f: ClaimFacts) -> dict[str, str]:
        spans = [t.span for t in f.times] + [d.span for d in f.dates]
        return {
            translit_key(t.stem): t.text
            for t in f.content
            if len(t.norm) >= 5
            and t.norm.isalpha()
            and not any(sp.start <= t.span.start < sp.end for sp in spans)
        }

    words_a, words_b = own(fa), own(fb)
    common = [words_a[k] for k in words_a.keys() & words_b.keys()]
    return sorted(common) if len(common) >= 2 else []


def _same_speaker_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    return words_match(a[-1], b[-1])


def _maybe_same_speaker(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same surname, or a one-word name that is one of the other's words ("Dana" / "Dana
    Yookongkaew"): loose, so only used where the words quoted must also mean the same."""
    if _same_speaker_words(a, b):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) == 1 and any(words_match(short[0], w) for w in long_)


def quote_findings_across(
    facts: Sequence[ClaimFacts], pair: tuple[str, str], seen: set[tuple[str, str]]
) -> list[_Group]:
    """Quotations of one speaker compared across whole accounts, not only in linked sentences.

    The same words reworded or cut to a fragment, wherever each account quotes them; and other words quoted
    from the same speaker, once per speaker. ``seen`` holds the folded quotation pairs already shown on links.
    """
    sa, sb = pair
    qa = [(f.claim.id, q) for f in facts if f.claim.source == sa for q in f.quotes if len(q.text) >= 12]
    qb = [(f.claim.id, q) for f in facts if f.claim.source == sb for q in f.quotes if len(q.text) >= 12]
    if not qa or not qb:
        return []
    texts_a = [quoted_words(q.text) for _, q in qa]
    texts_b = [quoted_words(q.text) for _, q in qb]
    # Quotations both accounts give word for word need no score; the rest are scored once per distinct text.
    same = set(texts_a) & set(texts_b)
    matched_a: set[int] = {i for i, t in enumerate(texts_a) if t in same}
    matched_b: set[int] = {j for j, t in enumerate(texts_b) if t in same}
    rows = sorted({t for t in texts_a if t not in same})
    cols = sorted({t for t in texts_b if t not in same})
    out: list[_Group] = []
    if not rows or not cols:
        return out
    partial = _partial_ratios(rows, cols, 90)
    workers = _workers(len(rows) * len(cols))
    whole = process.cdist(rows, cols, scorer=fuzz.ratio, workers=workers, dtype="uint8", score_cutoff=72)
    at_a: dict[str, list[int]] = defaultdict(list)
    at_b: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts_a):
        at_a[t].append(i)
    for j, t in enumerate(texts_b):
        at_b[t].append(j)
    close_rows, close_cols = ((partial >= 90) | (whole >= 72)).nonzero()
    close = [
        (i, j, int(partial[r][c]), int(whole[r][c]))
        for r, c in zip(close_rows.tolist(), close_cols.tolist(), strict=True)
        for i in at_a[rows[r]][:1]
        for j in at_b[cols[c]][:1]
    ]
    for i, j, partial_ij, whole_ij in close:
        ta, tb = texts_a[i], texts_b[j]
        short, long_ = sorted((len(ta), len(tb)))
        if partial_ij >= 90 or whole_ij >= 72:
            matched_a.add(i)
            matched_b.add(j)
        if (ta, tb) in seen:
            continue
        if whole_ij >= 72 and whole_ij < 100 and short >= 0.8 * long_:
            kind, text = "quote_wording", "the same quotation worded differently"
        elif partial_ij == 100 and short < 0.8 * long_ and short >= 12:
            kind, text = "quote_partial", "one account quotes part of what the other quotes in full"
        elif partial_ij >= 90 and short < 0.8 * long_ and short >= 12:
            kind, text = "quote_wording", "a fragment of the other's quotation, worded differently"
        else:
            continue
        if kind == "quote_wording" and same_words_but_brackets(ta, tb):
            continue
        ca, a_quote = qa[i]
        cb, b_quote = qb[j]
        first = Finding(
            kind=kind,
            values=(a_quote.text, b_quote.text),
            spans=(a_quote.parts, b_quote.parts),
            explanation=text + (": a fragment, not a misquote" if kind == "quote_partial" else ""),
            detail={"ratio": int(whole_ij), "partial": int(partial_ij)},
        )
        group = _Group(
            first=first,
            sources=pair,
            confidence=BASE_CONFIDENCE[kind] - 0.05,
            why=["the same quotation in both accounts, in sentences not linked"],
        )
        group.include(0, ca, a_quote.parts)
        group.include(1, cb, b_quote.parts)
        seen.add((ta, tb))
        out.append(group)
    out.extend(_reworded(qa, qb, texts_a, texts_b, matched_a, matched_b, seen, pair))
    by_speaker: dict[str, _Group] = {}
    b_by_initial: dict[str, list[int]] = defaultdict(list)
    for j, (_, b_quote) in enumerate(qb):
        if j not in matched_b and b_quote.speaker_words:
            b_by_initial[translit_key(b_quote.speaker_words[-1])[:1]].append(j)
    for i, (ca, a_quote) in enumerate(qa):
        if i in matched_a or not a_quote.speaker_words:
            continue
        for j in b_by_initial.get(translit_key(a_quote.speaker_words[-1])[:1], ()):
            cb, b_quote = qb[j]
            if not _same_speaker_words(a_quote.speaker_words, b_quote.speaker_words):
                continue
            key = a_quote.speaker_words[-1]
            found = by_speaker.get(key)
            if found is not None:
                group = found
            else:
                first = Finding(
                    kind="quote_differs",
                    values=(a_quote.text, b_quote.text),
                    spans=(a_quote.parts, b_quote.parts),
                    explanation="different words quoted from the same speaker "
                    f"({a_quote.speaker} / {b_quote.speaker})",
                    detail={"speaker": [a_quote.speaker, b_quote.speaker]},
                )
                group = by_speaker[key] = _Group(
                    first=first,
                    sources=pair,
                    confidence=BASE_CONFIDENCE["quote_differs"] - 0.1,
                    why=["each account quotes this speaker with words the other does not have"],
                )
                out.append(group)
            if ca not in group.claims[0]:  # one quotation a claim, as the finding shows it
                group.include(0, ca, a_quote.parts)
            if cb not in group.claims[1]:
                group.include(1, cb, b_quote.parts)
    return out


# Below this many pairs a score matrix is computed on the calling thread: starting a thread per core costs
# more than the work (and a batch's worker processes already use every core).
_THREADED_FROM = 20_000


def _workers(pairs: int) -> int:
    return -1 if pairs >= _THREADED_FROM else 1


def _partial_ratios(rows: Sequence[str], cols: Sequence[str], cutoff: int) -> npt.NDArray[np.uint8]:
    """``process.cdist(rows, cols, scorer=fuzz.partial_ratio, score_cutoff=cutoff)`` as uint8, computed
    only where it can reach the cutoff.

    A partial ratio of p needs a common subsequence of at least p / (2 - p) of the shorter text (the
    window it is matched with is no shorter than what they share), so the cheap longest common
    subsequence of every pair (bit-parallel) rules out almost all pairs before the dear partial ratio.
    """
    out = np.zeros((len(rows), len(cols)), dtype=np.uint8)
    workers = _workers(len(rows) * len(cols))
    common = process.cdist(
        rows, cols, scorer=LCSseq.similarity, processor=None, workers=workers, dtype="int32"
    )
    shorter = np.minimum(
        np.fromiter(map(len, rows), dtype=np.int32, count=len(rows))[:, None],
        np.fromiter(map(len, cols), dtype=np.int32, count=len(cols))[None, :],
    )
    # a point below the cutoff: a score that rounds up to it is kept too
    need = (cutoff - 1) / (200 - (cutoff - 1))
    at_r, at_c = (common >= need * shorter).nonzero()
    if at_r.size:
        out[at_r, at_c] = process.cpdist(
            [rows[i] for i in at_r.tolist()],
            [cols[j] for j in at_c.tolist()],
            scorer=fuzz.partial_ratio,
            processor=None,
            workers=_workers(at_r.size),
            dtype="uint8",
            score_cutoff=cutoff,
        )
    return out


# Quotations of one speaker whose meaning is at least this close (cosine of their embeddings) are one remark
# reworded; other remarks of a speaker score far below it.
REWORDED = 0.5


def _reworded(
    qa: Sequence[tuple[str, Quote]],
    qb: Sequence[tuple[str, Quote]],
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    matched_a: set[int],
    matched_b: set[int],
    seen: set[tuple[str, str]],
    pair: tuple[str, str],
) -> list[_Group]:
    """One remark of one speaker, quoted in other words by the two accounts ("won't let his life be in
    vain" / "won't let the life lost be wasted"): close in meaning, not in letters."""
    out: list[_Group] = []
    embed = semantic.embedder()
    for i, (ca, a_quote) in enumerate(qa):
        if i in matched_a or not a_quote.speaker_words:
            continue
        for j, (cb, b_quote) in enumerate(qb):
            if j in matched_b or not b_quote.speaker_words or (texts_a[i], texts_b[j]) in seen:
                continue
            if not _maybe_same_speaker(a_quote.speaker_words, b_quote.speaker_words):
                continue
            # a long quotation holds several remarks: the closest pair of its sentences is what is compared
            meaning = max(
                embed.cosine(x, y)
                for x in _quoted_sentences(a_quote.text)
                for y in _quoted_sentences(b_quote.text)
            )
            if meaning < REWORDED:
                continue
            matched_a.add(i)
            matched_b.add(j)
            first = Finding(
                kind="quote_wording",
                values=(a_quote.text, b_quote.text),
                spans=(a_quote.parts, b_quote.parts),
                explanation=f"the same remark of {a_quote.speaker or b_quote.speaker} in other words "
                f"(meaning {meaning:.2f}): a paraphrase inside quotation marks",
                detail={"meaning": round(meaning, 2), "reworded": True},
            )
            group = _Group(
                first=first,
                sources=pair,
                confidence=BASE_CONFIDENCE["quote_wording"] - 0.15,
                why=[
                    "one speaker in both accounts",
                    f"the quotations mean nearly the same (meaning {meaning:.2f}) in different words",
                ],
            )
            group.include(0, ca, a_quote.parts)
            group.include(1, cb, b_quote.parts)
            out.append(group)
            break
    return out


def _quoted_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text) if len(p.strip()) >= 12]
    return parts or [text]


def _spellings(ma: NameMention, mb: NameMention, openers: set[Span]) -> list[tuple[str, str]]:
    """Words of two mentions of one name that are one word spelled differently (qasem / qassim).

    Accents dropped (Piñera / Pinera) are not a different spelling, and an ordinary word opening a sentence
    ("Crows") is no name at all.
    """
    return [
        (x, y)
        for x in _name_words(ma.text)
        for y in _name_words(mb.text)
        if x[:1].isalpha()
        and fold(x) != fold(y)
        and spelled_alike(fold(x), fold(y))
        and not ((ma.span in openers and _common(fold(x))) or (mb.span in openers and _common(fold(y))))
    ]


def _by_text(mentions: list[tuple[str, NameMention]]) -> dict[str, list[tuple[str, NameMention]]]:
    out: dict[str, list[tuple[str, NameMention]]] = defaultdict(list)
    for claim, m in mentions:
        out[m.text].append((claim, m))
    return out


def _block(m: NameMention) -> str:
    """Names that may be one entity share the first two consonants of their last word's romanisation key.

    Vowels vary most between spellings (Irbil / Erbil, Qasem / Qassim), consonants least.
    """
    return _word_block(m.words[-1]) if m.words else ""


@lru_cache(maxsize=65536)
def _word_block(word: str) -> str:
    return re.sub(r"[aeiouy\W_]", "", translit_key(word))[:2]


def _hyphens_split(m: NameMention, generic_end: bool = False) -> NameMention:
    """The mention with its hyphenated words split ("Karl-Boehm" is Karl Boehm); with
    ``generic_end``, a generic word ending it left out too ("Karl-Boehm Gymnasium")."""
    words = tuple(w for word in m.words for w in word.split("-") if w)
    generic = lexicon().figures.generic_place_words
    while generic_end and len(words) > 1 and words[-1] in generic:
        words = words[:-1]
    return m if words == m.words else replace(m, words=words)


def _one_entity(a: NameMention, b: NameMention) -> bool:
    """Two mentions that may name one entity, read with hyphens split, with or without a generic word
    ending them ("Karl-Bohm" / "Karl-Boehm Gymnasium")."""
    return same_entity(_hyphens_split(a), _hyphens_split(b)) or same_entity(
        _hyphens_split(a, True), _hyphens_split(b, True)
    )


def name_findings(facts: Sequence[ClaimFacts], pair: tuple[str, str]) -> list[_Group]:
    """One person or place spelled two ways by the two accounts, wherever each names it."""
    sa, sb = pair
    mentions_a = [(f.claim.id, m) for f in facts if f.claim.source == sa for m in f.names]
    mentions_b = [(f.claim.id, m) for f in facts if f.claim.source == sb for m in f.names]
    openers = _openers(facts)
    words_a = {w for _, m in mentions_a for w in _name_words(m.text)}
    words_b = {w for _, m in mentions_b for w in _name_words(m.text)}
    groups: dict[frozenset[tuple[str, str]], _Group] = {}
    by_text_a = _by_text(mentions_a)
    by_text_b = _by_text(mentions_b)
    blocks_b: dict[str, list[str]] = defaultdict(list)
    for text_b, (_, mb0) in ((t, ms[0]) for t, ms in by_text_b.items()):
        for block in {_block(_hyphens_split(mb0)), _block(_hyphens_split(mb0, True))}:
            blocks_b[block].append(text_b)
    pairs: list[tuple[str, NameMention, str, NameMention]] = []
    for text_a, ms_a in by_text_a.items():
        ma0 = ms_a[0][1]
        candidates = dict.fromkeys(
            t
            for block in {_block(_hyphens_split(ma0)), _block(_hyphens_split(ma0, True))}
            for t in blocks_b.get(block, ())
        )
        for text_b in candidates:
            mb0 = by_text_b[text_b][0][1]
            if text_a != text_b and _one_entity(ma0, mb0):
                pairs.extend(_mention_pairs(ms_a, by_text_b[text_b], openers))
    # Mentions of one text differ only in where they stand: what they say is worked out once for each
    # pair of texts (and whether either opens a sentence, where an ordinary word is no name).
    read: dict[tuple[str, str, bool, bool], tuple[list[tuple[str, str]], bool]] = {}
    for ca, ma, cb, mb in pairs:
        memo = (ma.text, mb.text, ma.span in openers, mb.span in openers)
        if memo not in read:
            found = [(x, y) for x, y in _spellings(ma, mb, openers) if not (x in words_b and y in words_a)]
            wa, wb = _name_words(ma.text), _name_words(mb.text)
            # reordered: three different words at least ("Hotel Roa-Roa" / "Roa-Roa Hotel" is no finding)
            read[memo] = (found, len(set(wa)) >= 3 and wa != wb and sorted(wa) == sorted(wb))
        spelling, reordered = read[memo]
        if not spelling and not reordered:
            continue
        key = frozenset(spelling) if spelling else frozenset({(ma.text, mb.text)})
        group = groups.get(key)
        if group is None and not spelling:
            group = groups[key] = _name_group(
                ma,
                mb,
                pair,
                f"“{ma.text}” and “{mb.text}” are the same words in another order",
                BASE_CONFIDENCE["name_variant"] - 0.1,
                ["the same name words, in a different order", f"{ma.text} / {mb.text}"],
                order=True,
            )
        if group is None:
            how = ", ".join(f"{x} / {y}" for x, y in spelling)
            group = groups[key] = _name_group(
                ma,
                mb,
                pair,
                f"“{ma.text}” and “{mb.text}” name one person or place (spelled {how})",
                BASE_CONFIDENCE["name_variant"],
                ["each account spells the name one way only", f"letters alike: {how}"],
            )
        group.include(0, ca, (ma.span,))
        group.include(1, cb, (mb.span,))
    out = list(groups.values())
    out.extend(_given_names(mentions_a, mentions_b, pair))
    # What an account calls a place is its own words: a name inside a quotation (a tweet it quotes that
    # says "Cochin") is the speaker's.
    out.extend(_renamed_places(_own_voice(mentions_a, facts), _own_voice(mentions_b, facts), pair))
    return out


def _mention_pairs(
    ms_a: list[tuple[str, NameMention]], ms_b: list[tuple[str, NameMention]], openers: set[Span]
) -> Iterator[tuple[str, NameMention, str, NameMention]]:
    """Every mention of one text against every mention of the other, for :func:`name_findings`.

    What a pair shows depends only on the two texts and on whether each mention opens a sentence, so
    once a mention of ``a`` has met all of ``b``, a later one of the same kind meets only the first
    mention of ``b`` of each kind: it joins the same findings, and ``b``'s mentions are in them already.
    """
    firsts = list({m.span in openers: (c, m) for c, m in reversed(ms_b)}.values())
    walked: set[bool] = set()
    for ca, ma in ms_a:
        opens = ma.span in openers
        for cb, mb in firsts if opens in walked else ms_b:
            yield ca, ma, cb, mb
        walked.add(opens)


def _name_group(
    ma: NameMention,
    mb: NameMention,
    pair: tuple[str, str],
    explanation: str,
    confidence: float,
    why: list[str],
    **how: bool,
) -> _Group:
    """A finding that two accounts write one name differently, ``how`` saying in what way (order, given …)."""
    first = Finding(
        kind="name_variant",
        values=(ma.text, mb.text),
        spans=((), ()),
        explanation=explanation,
        detail={"spelling": True, "words": [list(ma.words), list(mb.words)], **how},
    )
    return _Group(first=first, sources=pair, confidence=confidence, why=why)


@lru_cache(maxsize=1)
def _renamed() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """First word of each older or newer place name -> (name, the other name, the older name)."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for old, new in lexicon().spellings.renamed:
        if spelled_alike(old, new):
            continue  # Kiev / Kyiv: a spelling, found as one
        for word, other in ((old, new), (new, old)):
            out[word.split()[0]].append((word, other, old))
    return {k: tuple(v) for k, v in out.items()}


def _own_voice(
    mentions: Sequence[tuple[str, NameMention]], facts: Sequence[ClaimFacts]
) -> list[tuple[str, NameMention]]:
    """The mentions that stand outside every quotation of their claim."""
    quoted = {f.claim.id: [part for q in f.quotes for part in q.parts] for f in facts if f.quotes}
    return [(c, m) for c, m in mentions if not any(m.span.overlaps(p) for p in quoted.get(c, ()))]


def _renamed_places(
    mentions_a: Sequence[tuple[str, NameMention]],
    mentions_b: Sequence[tuple[str, NameMention]],
    pair: tuple[str, str],
) -> list[_Group]:
    """A place one account calls by its older name and the other by its newer one (Bombay / Mumbai)."""
    groups: dict[tuple[str, str], _Group] = {}
    table = _renamed()
    read: dict[str, list[tuple[str, str, str]]] = {}

    def named(m: NameMention) -> list[tuple[str, str, str]]:
        if m.text not in read:
            folded = fold(m.text)
            text = f" {folded} "
            read[m.text] = [
                entry for w in set(folded.split()) for entry in table.get(w, ()) if f" {entry[0]} " in text
            ]
        return read[m.text]

    names_b = [(cb, mb, {w for w, _, _ in named(mb)}) for cb, mb in mentions_b]
    names_b = [x for x in names_b if x[2]]
    used_a = {w for _, ma in mentions_a for w, _, _ in named(ma)}
    used_b = {w for _, _, found in names_b for w in found}
    for ca, ma in mentions_a:
        for word, other, old in named(ma):
            if {word, other} <= used_a and {word, other} <= used_b:
                continue  # both accounts write both names ("Calicut International Airport in Kozhikode")
            for cb, mb, found_b in names_b:
                if other not in found_b:
                    continue
                key = (word, other) if word < other else (other, word)  # one finding, whichever comes first
                ages = ("older", "newer") if word == old else ("newer", "older")
                group = groups.get(key)
                if group is None:
                    group = groups[key] = _name_group(
                        ma,
                        mb,
                        pair,
                        f"“{ma.text}” and “{mb.text}”: one place by its {ages[0]} and its {ages[1]} name",
                        BASE_CONFIDENCE["name_variant"] - 0.05,
                        [f"{word.title()} and {other.title()} are two names of one place (lexicon)"],
                        renamed=True,
                    )
                group.include(0, ca, (ma.span,))
                group.include(1, cb, (mb.span,))
    return list(groups.values())


def _given_names(
    mentions_a: Sequence[tuple[str, NameMention]],
    mentions_b: Sequence[tuple[str, NameMention]],
    pair: tuple[str, str],
) -> list[_Group]:
    """One title and surname with two given names ("Fire Chief Alexander / Alex Morrow").

    Only names of three words or more, alike but for the given name, and given names sharing three
    letters in a row (a short form or nickname, not two people).
    """

    def key(m: NameMention) -> tuple[tuple[str, ...], str] | None:
        words = _name_words(m.text)
        if len(words) < 3:
            return None
        return words[:-2] + words[-1:], words[-2]

    index_b: dict[tuple[str, ...], list[tuple[str, NameMention, str]]] = defaultdict(list)
    for cb, mb in mentions_b:
        kb = key(mb)
        if kb is not None:
            index_b[kb[0]].append((cb, mb, kb[1]))
    groups: dict[tuple[str, str], _Group] = {}
    for ca, ma in mentions_a:
        ka = key(ma)
        if ka is None:
            continue
        for cb, mb, given_b in index_b.get(ka[0], ()):
            given_a = ka[1]
            if fold(given_a) == fold(given_b) or not _share_three(fold(given_a), fold(given_b)):
                continue
            group = groups.get((given_a, given_b))
            if group is None:
                group = groups[(given_a, given_b)] = _name_group(
                    ma,
                    mb,
                    pair,
                    f"“{ma.text}” and “{mb.text}”: one title and surname with two given names "
                    f"({given_a.title()} / {given_b.title()}) — a short form, or two people",
                    BASE_CONFIDENCE["name_variant"] - 0.1,
                    ["the same title and surname", f"given names {given_a} / {given_b} share letters"],
                    given=True,
                )
            group.include(0, ca, (ma.span,))
            group.include(1, cb, (mb.span,))
    return list(groups.values())


def _share_three(a: str, b: str) -> bool:
    return any(a[i : i + 3] in b for i in range(len(a) - 2))


def spelling_checks(facts: Sequence[ClaimFacts], source: Source) -> list[Check]:
    """One account writing one name two ways (Marrakesh / Marrakech): the account checked against itself."""
    mentions = [(f.claim.id, m) for f in facts if f.claim.source == source.id for m in f.names]
    openers = _openers(facts)
    by_text = _by_text(mentions)
    blocks: dict[str, list[str]] = defaultdict(list)
    for text in by_text:
        blocks[_block(by_text[text][0][1])].append(text)
    out: list[Check] = []
    seen: set[frozenset[str]] = set()
    order = {text: i for i, text in enumerate(by_text)}
    candidates = [
        (ta, tb) for texts in blocks.values() for i, ta in enumerate(texts) for tb in texts[i + 1 :]
    ]
    for ta, tb in sorted(candidates, key=lambda p: (order[p[0]], order[p[1]])):
        ma = by_text[ta][0][1]
        mb = by_text[tb][0][1]
        if not same_entity(ma, mb):
            continue
        pairs = _spellings(ma, mb, openers)
        if not pairs:
            continue
        key = frozenset({pairs[0][0], pairs[0][1]})
        if key in seen:
            continue
        seen.add(key)
        x, y = pairs[0]
        out.append(
            Check(
                source=source.id,
                kind="spelling_inconsistent",
                spans=(ma.span, mb.span),
                values=(ta, tb),
                explanation=f"this account writes one name two ways: “{ta}” and “{tb}” ({x} / {y})",
            )
        )
    return out


# The whole step -------------------------------------------------------------------------------------


def discrepancies(
    links: Sequence[Link],
    facts: Mapping[str, ClaimFacts],
    sources: Sequence[Source],
) -> tuple[tuple[Finding, ...], tuple[Link, ...], tuple[FactRow, ...]]:
    """Merged findings, the links carrying them, and the fact table."""
    by_id = {s.id: s for s in sources}
    ordered = [facts[k] for k in facts]
    places = place_words(by_id)
    quantities = with_holders(_in_main_place(all_quantities(ordered), sources), facts, places)
    reference = reference_days(sources)
    quantities = [q for q in quantities if not _of_an_earlier_year(facts[q.claim], reference.get(q.source))]
    speaks = _speaks_of(ordered, quantities)
    named = {f.claim.id: _own_names(f) for f in ordered}
    linked = {(link.a, link.b): link.score for link in links}
    groups = merge_link_findings(links, facts, by_id, quantities, places)
    _retold_quotations(groups, facts)
    _credited_on_another_link(groups, links, facts)
    ages = ages_of(ordered)
    # Names seen on links are found again across the whole accounts; keep one of each.
    figures_of = {f.claim.id: frozenset(n.value for n in f.numbers) for f in ordered}
    source_of_claim = {f.claim.id: f.claim.source for f in ordered}
    beside: dict[tuple[str, str], frozenset[float]] = defaultdict(frozenset)
    for ca, cb in linked:
        beside[(ca, source_of_claim[cb])] |= figures_of[cb]
        beside[(cb, source_of_claim[ca])] |= figures_of[ca]
    for sa, sb in combinations([s.id for s in sources], 2):
        groups.extend(number_findings(quantities, (sa, sb), linked, speaks, named, beside))
        groups.extend(rank_findings(ordered, (sa, sb)))
        groups.extend(age_findings(ages, (sa, sb)))
        groups.extend(relative_name_findings(ordered, (sa, sb)))
        groups.extend(sequence_place_findings(ordered, (sa, sb), quantities))
        credited_on_links = {
            (c_a, c_b)
            for g in groups
            if g.first.kind == "attribution" and g.sources == (sa, sb) and g.confidence >= SHOW_ABOVE
            for c_a in g.claims[0]
            for c_b in g.claims[1]
        }
        for g in figure_attribution_findings(quantities, facts, (sa, sb), by_id, places, speaks):
            if any((c_a, c_b) in credited_on_links for c_a in g.claims[0] for c_b in g.claims[1]):
                continue
            on = {(c_a, c_b) for c_a in g.claims[0] for c_b in g.claims[1]}
            # a link's unsure attribution finding on the same claims is this one, said less well
            groups[:] = [
                h
                for h in groups
                if not (
                    h.first.kind == "attribution"
                    and h.sources == (sa, sb)
                    and any((c_a, c_b) in on for c_a in h.claims[0] for c_b in h.claims[1])
                )
            ]
            groups.append(g)
        seen_names = {
            name_key(g.first): g for g in groups if g.first.kind == "name_variant" and g.sources == (sa, sb)
        }
        for g in name_findings(ordered, (sa, sb)):
            seen = seen_names.get(name_key(g.first))
            if seen is None:
                groups.append(g)
                continue
            # the same two spellings a link found: the finding lists every passage of each
            for side in (0, 1):
                for claim in g.claims[side]:
                    seen.include(side, claim)
                seen.include(side, "", g.spans[side])
        seen_quotes = {
            (fold(g.first.values[0] or ""), fold(g.first.values[1] or ""))
            for g in groups
            if g.first.kind.startswith("quote_") and g.sources == (sa, sb)
        }
        speakers_seen = {
            fold(str(g.first.detail.get("speaker", [""])[0])): g
            for g in groups
            if g.first.kind == "quote_differs" and g.sources == (sa, sb)
        }
        on_claims = {
            (c_a, c_b)
            for g in groups
            if g.first.kind.startswith("quote_") and g.sources == (sa, sb)
            for c_a in g.claims[0]
            for c_b in g.claims[1]
        }
        for g in quote_findings_across(ordered, (sa, sb), seen_quotes):
            if g.first.kind != "quote_differs" and any(
                (c_a, c_b) in on_claims for c_a in g.claims[0] for c_b in g.claims[1]
            ):
                continue  # these two sentences' quotations are already compared on their link
            if g.first.kind == "quote_differs":
                who = [fold(str(w)) for w in g.first.detail.get("speaker", [])[:1]]
                same = [
                    seen_group
                    for s, seen_group in speakers_seen.items()
                    for w in who
                    if w == s or w.split()[-1:] == s.split()[-1:]
                ]
                if same:
                    # the speaker's other words a link found: the finding lists every such passage, and is as
                    # sure as comparing the whole accounts makes it (a weak link does not make it less so)
                    for side in (0, 1):
                        for claim in g.claims[side]:
                            same[0].include(side, claim)
                    if g.confidence > same[0].confidence:
                        same[0].confidence = g.confidence
                        same[0].why = list(dict.fromkeys([*g.why, *same[0].why]))
                    continue
            groups.append(g)
        seen_days = {
            g.first.detail.get("day")
            for g in groups
            if g.first.kind == "date_equivalent" and g.sources == (sa, sb)
        }
        groups.extend(
            g
            for g in date_findings(ordered, (sa, sb), linked, reference)
            if g.first.detail["day"] not in seen_days
        )
        if not any(g.first.kind == "certainty" and g.sources == (sa, sb) for g in groups):
            groups.extend(certainty_findings(ordered, (sa, sb), linked, quantities))
        timed = {
            (c_a, c_b)
            for g in groups
            if g.first.kind == "time_conflict" and g.sources == (sa, sb)
            for c_a in g.claims[0]
            for c_b in g.claims[1]
        }
        groups.extend(
            g
            for g in time_findings(ordered, (sa, sb), linked)
            if not any((c_a, c_b) in timed for c_a in g.claims[0] for c_b in g.claims[1])
        )
    full_names = _full_names(facts)
    for g in groups:
        if g.first.kind == "quote_differs":
            _two_people_of_one_name(g, facts, full_names)
    other_events: set[frozenset[str]] = set()
    distinctive = {s.id: _distinctive_names(ordered, s.id) for s in sources}
    for sa, sb in combinations([s.id for s in sources], 2):
        names_a, names_b = distinctive[sa], distinctive[sb]
        shared = names_a & names_b
        if len(shared) >= _ONE_EVENT or min(len(names_a), len(names_b)) < _NAMES_TO_JUDGE:
            continue
        # Accounts that share no uncommon name are likely of different events: what they say
        # differently is no discrepancy of one story.
        other_events.add(frozenset((sa, sb)))
        why = "the accounts share no uncommon name"
        for g in groups:
            if g.sources == (sa, sb):
                g.confidence -= OTHER_EVENT_PENALTY
                g.why.append(why + ": they may tell of different events")
    findings = [g.build(n) for n, g in enumerate(_in_order(groups, facts), start=1)]
    # A link carries every finding that rests on both of its claims.
    links_from: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for link in links:
        links_from[link.a].append((link.b, link.id))
    on_link: dict[str, list[int]] = defaultdict(list)
    rests_on: list[list[str]] = []
    for i, f in enumerate(findings):
        ids = set(f.links)
        side_b = set(f.claims[1])
        ids.update(lid for ca in f.claims[0] for cb, lid in links_from.get(ca, ()) if cb in side_b)
        ordered_ids = sorted(ids, key=lambda lid: int(lid[1:]) if lid[1:].isdigit() else 0)
        rests_on.append(ordered_ids)
        for lid in ordered_ids:
            on_link[lid].append(i)
    findings = [replace(f, links=tuple(rests_on[i])) for i, f in enumerate(findings)]
    source_of = {f.claim.id: f.claim.source for f in ordered}
    new_links = tuple(
        _of_other_events(replace(link, findings=tuple(findings[i] for i in on_link.get(link.id, ()))))
        if frozenset((source_of.get(link.a), source_of.get(link.b))) in other_events
        else replace(link, findings=tuple(findings[i] for i in on_link.get(link.id, ())))
        for link in links
    )
    return tuple(findings), new_links, fact_table(quantities, sources, findings, places)


# Two accounts of one event share at least this many uncommon words of names; fewer, and their findings
# lose OTHER_EVENT_PENALTY of confidence. On the gathered coverage accounts of one event share 2 to 10 and
# accounts of different events none (660 of 675 pairs), 1 (13) or 2 (2): asking for one leaves room for
# accounts of one event that share less, and still tells nearly all different events apart.
_ONE_EVENT = 1
# Accounts naming fewer uncommon words than this say too little to tell whether they tell of one event.
# On the gathered coverage (the corpus and four held-out sets) every pair of accounts of one event in which
# one names only three such words shares at least two of them.
_NAMES_TO_JUDGE = 3
OTHER_EVENT_PENALTY = 0.4
# A name word at least this common in English (Zipf scale) says little about which event is told.
_COMMON_NAME_WORD = 4.0


def _of_other_events(link: Link) -> Link:
    """A link between accounts that are likely of different events agrees or conflicts with nothing."""
    if link.relation == "related":
        return link
    note = "the accounts share no uncommon name: they may tell of different events"
    return replace(
        link, relation="related", evidence=replace(link.evidence, notes=(*link.evidence.notes, note))
    )


def _distinctive_names(facts: Sequence[ClaimFacts], source: str) -> set[str]:
    """The uncommon words of the names an account mentions, outlets left out ("Velden", "Marnow")."""
    media = lexicon().measures.media_words
    return {
        w
        for f in facts
        if f.claim.source == source
        for n in f.names
        if not any(x in media for x in n.words)
        for w in n.words
        if len(w) >= 3 and _uncommon(w)
    }


_WORD_BEFORE_NAME = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


def _second_word_only(place: str, sources: Sequence[Source]) -> bool:
    """True when every account writes ``place`` only after one and the same capitalised word ("Ariana
    Grande"): the second word of a name, more likely a person's than a place's."""
    before: set[str] = set()
    for s in sources:
        for m in re.finditer(rf"\b{re.escape(place)}\b", fold(s.text)):
            word = _WORD_BEFORE_NAME.search(s.text, max(0, m.start() - 30), m.start())
            if word is None or not word.group(1)[:1].isupper():
                return False
            before.add(fold(word.group(1)))
            if len(before) > 1:
                return False
    return bool(before)


@lru_cache(maxsize=65536)
def _uncommon(word: str) -> bool:
    return zipf_frequency(word, "en") < _COMMON_NAME_WORD


# A word of a place as counted in an account, hyphens kept inside it ("lac-megantic").
_PLACE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _main_country(counted: Sequence[Counter[str]]) -> str | None:
    """The country every account names (by its name, its people or its capital), the most named of them."""
    table = country_table()
    named: list[Counter[str]] = []
    for counts in counted:
        each: Counter[str] = Counter()
        for word, n in counts.items():
            if word in table:
                each[table[word]] += n
        named.append(each)
    if not named:
        return None
    common = [(sum(c[k] for c in named), k) for k in set.intersection(*(set(c) for c in named))]
    return max(common)[1] if common else None


def _in_main_place(quantities: list[Quantity], sources: Sequence[Source]) -> list[Quantity]:
    """Figures for the event's main place count as figures for the whole.

    The main place is the place every account names most often ("in Nepal" in reports of a Nepal
    earthquake), a common word ("port", "airlines") only when no other is: a toll "in Nepal" and a toll
    with no place are the same toll.
    """
    places: set[str] = set()
    for s in sources:
        for m in _PLACE_BEFORE.finditer(s.text):
            words = [w for w in fold(m.group(1)).split() if len(w) > 2]
            if words:
                places.add(words[-1])
    # Each place is counted wherever an account names it, not only after "in": "Nepal police said".
    counted = [Counter(_PLACE_WORD.findall(fold(s.text))) for s in sources]
    everywhere = []
    for place in places:
        named = [counts[place] for counts in counted]
        if all(named):
            # a country, a capital or an uncommon word ("Pokhara") before a common one ("the Yeti Airlines
            # crash", "the port"), then the most named
            distinct = place in country_table() or (
                _uncommon(place) and not _second_word_only(place, sources)
            )
            everywhere.append((distinct, sum(named), place))
    if not everywhere:
        return quantities
    main = max(everywhere)[2]
    # A figure for a country other than the main place ("237 injured in India" in reports of an earthquake
    # in Nepal) is no part of the main place's toll. The main place may be no country ("the port"): then
    # the event's country is the one every account names most (its name, people or capital); with none,
    # the main place stands for it, and a figure naming any country is for another.
    table = country_table()
    country = table.get(main) or _main_country(counted) or main
    out = []
    for q in quantities:
        kept = tuple(p for p in q.places if main not in p)
        elsewhere = bool(q.countries) and country not in q.countries
        # a figure "in Sri Lanka", the main place being a country, is the country's whole
        countries = q.countries - {country}
        if kept != q.places and not kept:
            # a figure at the main place is the whole, and a country beside it is the main place's ("in the
            # English city of Manchester")
            elsewhere, countries = False, frozenset()
        if kept != q.places or elsewhere or countries != q.countries:
            q = replace(q, places=kept, elsewhere=elsewhere, countries=countries)
        out.append(q)
    return out


def _in_order(groups: Sequence[_Group], facts: Mapping[str, ClaimFacts]) -> list[_Group]:
    order = {claim_id: i for i, claim_id in enumerate(facts)}

    def key(g: _Group) -> tuple[int, int]:
        first_a = min((order.get(c, 0) for c in g.claims[0]), default=0)
        return (-round(g.confidence * 10), first_a)

    return sorted(groups, key=key)


def fact_table(
    quantities: Sequence[Quantity],
    sources: Sequence[Source],
    findings: Sequence[Finding],
    places: frozenset[str],
) -> tuple[FactRow, ...]:
    """One row per fact stated by at least two accounts (or a casualty measure), a cell per account.

    A cell names who gives the figure only when that is a person or body, not a place or an outlet.
    """
    by_id = {s.id: s for s in sources}
    conflicted: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        if f.kind == "number_conflict" and f.confidence >= 0.5:
            for sid in f.sources:
                conflicted[str(f.detail.get("measure"))].add(sid)
    rows: list[FactRow] = []
    by_key: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.part:
            continue
        scope = " / ".join(" ".join(p).title() for p in q.places) if len(q.places) == 1 else ""
        by_key[(q.measure, scope)].append(q)
    lex = measure_lexicon()
    for (measure, scope), qs in by_key.items():
        stated = {q.source for q in qs}
        if len(stated) < 2 and lex.measure(measure) is None:
            continue
        cells = []
        for s in sources:
            mine = [q for q in qs if q.source == s.id]
            if not mine:
                continue
            lows = [q.number.low for q in mine]
            highs = [q.number.high for q in mine]
            cells.append(
                FactCell(
                    source=s.id,
                    value="; ".join(dict.fromkeys(q.value_text for q in mine)),
                    low=min(lows),
                    high=None if any(math.isinf(h) for h in highs) else max(highs),
                    credited=next(
                        (
                            q.credited
                            for q in mine
                            if q.credited and not _who_is_a_place_or_outlet(q.credited, by_id, places)
                        ),
                        None,
                    ),
                    claims=tuple(dict.fromkeys(q.claim for q in mine)),
                    spans=tuple(q.number.span for q in mine),
                    moment=next((q.moment for q in mine if q.moment), None),
                    conflict=s.id in conflicted.get(measure, set()) and not scope,
                )
            )
        label = qs[0].label + (f" at {scope}" if scope else "")
        rows.append(
            FactRow(
                id=f"T{len(rows) + 1}",
                measure=measure,
                label=label,
                scope=scope,
                cells=tuple(cells),
                conflict=sum(1 for c in cells if c.conflict) >= 2,
            )
        )
    rank = {m.name: m.rank for m in lex.measures}
    rows.sort(key=lambda r: (rank.get(r.measure, 50), -len(r.cells), r.label))
    return tuple(replace(r, id=f"T{i}") for i, r in enumerate(rows, start=1))
