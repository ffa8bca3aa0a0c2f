"""Findings on a linked pair: numbers, attribution, casualties, names, spelling, dates.

Each function compares the facts of two claims and returns findings that carry
the value on each side, the spans that state it, and a one-line explanation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from comparer.core.engine.concepts import concepts_of
from comparer.core.engine.dates import said_on, tally_moment
from comparer.core.engine.facts import ClaimFacts, source_named
from comparer.core.engine.model import Finding, Source, Span
from comparer.core.engine.names import NameMention, same_entity, spelled_alike
from comparer.core.engine.numbers import NumberFact
from comparer.core.engine.quotefind import quoted_words
from comparer.core.engine.text import STOPWORDS, Token, fold, stem
from comparer.core.lexicon import lexicon

# Attribution cues and the words of a source's own voice (speech.toml).
_SPEECH = lexicon().speech

_NO_SPANS: tuple[Span, ...] = ()
_NEXT_WORDS = re.compile(r"\s+[\w’'-]+")


def _unit_keys(n: NumberFact) -> frozenset[str]:
    return _keys_of_unit(n.unit[:2])


@lru_cache(maxsize=4096)
def _keys_of_unit(unit: tuple[str, ...]) -> frozenset[str]:
    keys = set(unit)
    for stem_ in unit:
        keys.update(concepts_of(stem_, stem_))
    return frozenset(keys)


class Figures:
    """Every figure one source states, indexed by value and by the thing counted."""

    def __init__(self, figures: Sequence[NumberFact] = ()) -> None:
        self.values = {m.value for m in figures}
        self.by_key: dict[str, list[NumberFact]] = {}
        for m in figures:
            for key in _unit_keys(m):
                self.by_key.setdefault(key, []).append(m)

    def states(self, n: NumberFact) -> bool:
        """True when the source states this figure, or one consistent with it for the same thing."""
        if n.value in self.values:
            return True
        return any(n.consistent_with(m) for key in _unit_keys(n) for m in self.by_key.get(key, ()))


def _bound_text(n: NumberFact) -> str:
    if n.exact:
        return f"{n.value:g}"
    high = "∞" if math.isinf(n.high) else f"{n.high:g}"
    return f"{n.low:g}–{high}"


def number_with_unit(fa: ClaimFacts, n: NumberFact) -> str:
    """The number and the words after it that name the thing counted."""
    text = fa.claim.text
    rel_end = n.span.end - fa.claim.start
    words = _NEXT_WORDS.findall(text[rel_end : rel_end + 40])[:2]
    while words and fold(words[-1].strip()) in STOPWORDS:
        words.pop()
    return (n.text + "".join(words)).strip()


def _speaks_of(f: ClaimFacts, n: NumberFact) -> bool:
    """True when a claim mentions the thing a number counts, without the number."""
    stems = {t.stem for t in f.content}
    keys = _unit_keys(n)
    return bool(keys & stems or keys & f.concepts)


def number_findings(
    fa: ClaimFacts,
    fb: ClaimFacts,
    strong: bool,
    elsewhere: tuple[Figures, Figures] | None = None,
) -> list[Finding]:
    """Figures that disagree, and figures only one side gives for a thing both mention.

    Figures are compared only when they count the same thing, and a conflict is
    raised only on a strong link: two loosely related sentences may count the
    same kind of thing at different times or places. A figure is "only" one
    side's when the other source states no matching figure anywhere (``elsewhere``
    holds each source's figures).
    """
    if elsewhere is None:
        elsewhere = (Figures(), Figures())
    out: list[Finding] = []
    matched_b: set[int] = set()
    for na in fa.numbers:
        keys_a = _unit_keys(na)
        if not keys_a:
            continue
        partners = [(i, nb) for i, nb in enumerate(fb.numbers) if keys_a & _unit_keys(nb)]
        if not partners:
            if _speaks_of(fb, na) and not elsewhere[1].states(na):
                out.append(_one_side(fa, na, side=0))
            continue
        consistent = [(i, nb) for i, nb in partners if na.consistent_with(nb)]
        if consistent:
            matched_b.update(i for i, _ in consistent)
            continue
        i, nb = partners[0]
        matched_b.add(i)
        if not strong:
            continue
        out.append(
            Finding(
                kind="number_conflict",
                values=(number_with_unit(fa, na), number_with_unit(fb, nb)),
                spans=((na.span,), (nb.span,)),
                explanation=f"{na.text} against {nb.text}: the figures cannot both be right "
                f"({_bound_text(na)} vs {_bound_text(nb)})",
                detail={"a": [na.low, na.high], "b": [nb.low, nb.high], "unit": sorted(keys_a)},
            )
        )
    for i, nb in enumerate(fb.numbers):
        if not _unit_keys(nb):
            continue
        if i not in matched_b and not elsewhere[0].states(nb):
            if any(_unit_keys(nb) & _unit_keys(na) for na in fa.numbers) or not _speaks_of(fa, nb):
                continue
            out.append(_one_side(fb, nb, side=1))
    return out


def _one_side(facts: ClaimFacts, n: NumberFact, side: int) -> Finding:
    shown = number_with_unit(facts, n)
    letter = "ab"[side]
    other = "ab"[1 - side]
    values: tuple[str | None, str | None] = (shown, None) if side == 0 else (None, shown)
    spans = ((n.span,), _NO_SPANS) if side == 0 else (_NO_SPANS, (n.span,))
    return Finding(
        kind="number_one_side",
        values=values,
        spans=spans,
        explanation=f"only {letter} gives the figure “{shown}”; {other} gives none for it",
        detail={"value": n.value, "low": n.low, "high": None if math.isinf(n.high) else n.high},
    )


def _group_attribution(f: ClaimFacts) -> bool:
    """True for an unquoted claim attributed to a group ("analysts say"), whatever names it mentions."""
    return bool(
        f.attribution and not f.quotes and " " in f.attribution and not f.attribution.startswith(_SPEECH.cues)
    )


def _voice(f: ClaimFacts) -> str | None:
    if f.speaker is not None and (f.quotes or f.attribution) and not _group_attribution(f):
        return f.speaker.text
    if f.attribution is None and f.quotes:
        return "quoted words"
    return source_named(f)


_ABOUT = re.compile(r"^About ([A-Z][^\n]{1,60})$", re.MULTILINE)


def own_voice(source: Source) -> frozenset[str]:
    """Folded words naming whoever speaks in a source's own voice.

    The outlet, and the organisation of a press release (its closing "About …"
    section): what "Halbrook said" attributes, the release itself states.
    """
    words: set[str] = set()
    lines = [source.outlet or ""]
    lines.extend(m.group(1) for m in _ABOUT.finditer(source.text))
    for line in lines:
        words.update(w for w in re.findall(r"\w+", fold(line)) if w not in STOPWORDS and len(w) > 2)
    if len(lines) > 1:
        words.update(_SPEECH.organisation_words)
    return frozenset(words - _SPEECH.never_own_voice)


def _speaks_as(voice: str, own: frozenset[str]) -> bool:
    return bool(own) and bool(set(re.findall(r"\w+", fold(voice))) & own)


_TITLES = lexicon().names.titles | lexicon().names.spelling_titles


def _named(speaker: NameMention) -> bool:
    """True when a speaker is named by more than a title ("Mayor Ilse Marten", not "the Mayor")."""
    return any(w not in _TITLES for w in speaker.words)


def attribution_findings(
    fa: ClaimFacts, fb: ClaimFacts, own: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
) -> list[Finding]:
    """One side attributes the claim and the other states it as fact, or the speakers differ.

    ``own`` holds the words naming each source's own voice (see :func:`own_voice`):
    a report saying "Halbrook said" of what Halbrook's own release states is no difference.
    """
    va, vb = _voice(fa), _voice(fb)
    if (va is not None and vb is None and _speaks_as(va, own[1])) or (
        vb is not None and va is None and _speaks_as(vb, own[0])
    ):
        return []
    if (va is None) == (vb is None):
        if (
            fa.speaker
            and fb.speaker
            and fa.quotes
            and fb.quotes
            and _named(fa.speaker)
            and _named(fb.speaker)  # a title alone ("the Mayor") names no one to tell apart
            and not same_entity(fa.speaker, fb.speaker)
        ):
            return [
                Finding(
                    kind="attribution",
                    values=(fa.speaker.text, fb.speaker.text),
                    spans=((fa.speaker.span,), (fb.speaker.span,)),
                    explanation=f"different speakers: {fa.speaker.text} (a) and {fb.speaker.text} (b)",
                    detail={"different_speaker": True, "same_words": _same_quotation(fa, fb)},
                )
            ]
        return []
    side = 0 if va else 1
    who = va or vb
    if who and names_the_source(who, fb if side == 0 else fa):
        return []
    spans_attr = _attribution_spans(fa if side == 0 else fb)
    letter, other = ("a", "b") if side == 0 else ("b", "a")
    return [
        Finding(
            kind="attribution",
            values=(f"attributed: {who}", "stated as fact")
            if side == 0
            else ("stated as fact", f"attributed: {who}"),
            spans=(spans_attr, _NO_SPANS) if side == 0 else (_NO_SPANS, spans_attr),
            explanation=f"{letter} attributes this ({who}); {other} states it in its own voice",
            detail={"attributed_side": letter},
        )
    ]


_SPEECH_WORDS = frozenset(
    w for phrase in (*lexicon().speech.all_verbs, *lexicon().speech.cues) for w in fold(phrase).split()
)
# Words that end the head of a source's name: "Officials in Washington state" is "officials".
_SOURCE_HEAD_END = lexicon().speech.head_end
# The first words of a claim, where it names who does what it tells ("The Philippine Institute of
# Volcanology issued …"); a source named later ("… as police hoped") is no subject of the claim.
_SUBJECT_WORDS = 6


def names_the_source(who: str, stated: ClaimFacts) -> bool:
    """True when a claim the other credits to ``who`` (its own voice, it seems) opens by naming that source:
    "Emergency officials have raised the number" against "Officials say they have 108 reports" tells what
    the officials did, not a fact the outlet states on its own."""
    words: list[str] = []
    for w in re.findall(r"[^\W\d_]+", fold(who)):
        if w in _SOURCE_HEAD_END and words:
            break
        if len(w) > 2 and w not in STOPWORDS and w not in _SPEECH_WORDS:
            words.append(w)
    if not words:
        return False
    head = stem(words[-1])
    return any(t.stem == head for t in stated.tokens[:_SUBJECT_WORDS])


def _same_quotation(fa: ClaimFacts, fb: ClaimFacts) -> bool:
    """True when the two claims quote the same words (one may quote a part of the other's)."""
    words_a = {quoted_words(x.text) for x in fa.quotes}
    words_b = {quoted_words(y.text) for y in fb.quotes}
    return any(
        len(x) >= _SAME_QUOTE_CHARS and len(y) >= _SAME_QUOTE_CHARS and (x in y or y in x)
        for x in words_a
        for y in words_b
    )


# Shorter quotations than this ("a tragedy") are too common to tell that two accounts quote one remark.
_SAME_QUOTE_CHARS = 30


def _attribution_spans(f: ClaimFacts) -> tuple[Span, ...]:
    if f.speaker is not None and f.claim.span.overlaps(f.speaker.span) and not _group_attribution(f):
        return (f.speaker.span,)
    if f.attribution:
        at = f.claim.text.find(f.attribution)
        if at >= 0:
            return (Span(f.claim.start + at, f.claim.start + at + len(f.attribution)),)
    return (f.claim.span,)


_CONFLICTS = {frozenset({"none", "unknown"}), frozenset({"none", "some"})}


def _population(f: ClaimFacts, report: Span) -> str | None:
    """The country whose people a casualty statement is about ("no UK casualties"), if it says.

    Only words right next to the statement count: "fatalities among American troops".
    """
    window = Span(max(0, report.start - 12), report.end + 25)
    near = [t for t in f.tokens if t.span.overlaps(window)]
    harm = [i for i, t in enumerate(near) if "casualty" in concepts_of(t.norm, t.stem)]
    for i in harm:
        for t in near[max(0, i - 2) : i + 4]:
            for c in concepts_of(t.norm, t.stem):
                if c.startswith("country:"):
                    return c
    return None


def casualty_findings(fa: ClaimFacts, fb: ClaimFacts) -> list[Finding]:
    """Casualty reports that differ in what they say or how sure they are.

    Reports about different people ("no UK casualties" against "US casualties
    being assessed") are not compared.
    """
    if not fa.casualties or not fb.casualties:
        return []
    ra, rb = fa.casualties[0], fb.casualties[0]
    for x in fa.casualties:
        for y in fb.casualties:
            if x.status != y.status:
                ra, rb = x, y
                break
    if ra.status == rb.status or "unreported" in (ra.status, rb.status):
        return []  # nothing reported yet contradicts no later report
    if "some" in (ra.status, rb.status) and (ra.of_missing_only or rb.of_missing_only):
        return []  # "all pupils had been accounted for" says no one is missing, not that no one died
    pa, pb = _population(fa, ra.span), _population(fb, rb.span)
    if pa and pb and pa != pb:
        return []
    pair = frozenset({ra.status, rb.status})
    conflict = pair in _CONFLICTS
    values = (f"{ra.describe()}: “{ra.text}”", f"{rb.describe()}: “{rb.text}”")
    spans = ((ra.span,), (rb.span,))
    out = [
        Finding(
            kind="casualties",
            values=values,
            spans=spans,
            explanation=f"casualty report: {ra.describe()} (a) against {rb.describe()} (b)",
            detail={"a": ra.status, "b": rb.status, "conflict": conflict},
        )
    ]
    if "unknown" in pair:
        sure = "a" if rb.status == "unknown" else "b"
        out.append(
            Finding(
                kind="certainty",
                values=values,
                spans=spans,
                explanation=f"{sure} reports a settled outcome; the other says it is not yet known",
                detail={"a": ra.status, "b": rb.status},
            )
        )
    return out


def _mentions_with_speaker(f: ClaimFacts) -> list[NameMention]:
    mentions = list(f.names)
    if f.speaker is not None and f.quotes and all(m.span != f.speaker.span for m in mentions):
        mentions.append(f.speaker)
    return mentions


def name_findings(fa: ClaimFacts, fb: ClaimFacts) -> list[Finding]:
    """One person or place written two ways (Qasem / Qassim Soleimani; Javad / Mohammad Javad Zarif)."""
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    # the other claim's names and their keys, made once, not once a name of this claim
    named_b = [(mb, mb.key) for mb in _mentions_with_speaker(fb)]
    for ma in _mentions_with_speaker(fa):
        key_a = ma.key
        for mb, key_b in named_b:
            if key_a == key_b or (key_a, key_b) in seen or not same_entity(ma, mb):
                continue
            spelling = [(x, y) for x in ma.words for y in mb.words if x[:1].isalpha() and spelled_alike(x, y)]
            is_speaker = ma is fa.speaker or mb is fb.speaker
            if not spelling and not is_speaker:
                continue  # "Trump" and "Donald Trump" are not worth a finding
            seen.add((key_a, key_b))
            how = (
                "spelled " + ", ".join(f"{x} / {y}" for x, y in spelling)
                if spelling
                else "the same name, one with more of it given"
            )
            out.append(
                Finding(
                    kind="name_variant",
                    values=(ma.text, mb.text),
                    spans=((ma.span,), (mb.span,)),
                    explanation=f"“{ma.text}” and “{mb.text}” name one person or place ({how})",
                    detail={"spelling": bool(spelling), "words": [list(ma.words), list(mb.words)]},
                )
            )
    return out


# British endings and their American form (spellings.toml), applied in order to a word's end.
_SPELLING_RULES = lexicon().spellings.british
_STEM_SYLLABLES = lexicon().spellings.stem_syllables
# A spelling rule changes an ending after a stem of at least this many letters (and its vowel groups,
# see spellings.toml): "colour" is "color", but "four" is not "for" nor "hour" "hor".
_SPELLING_STEM = 2
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def _american(word: str) -> str:
    for british, american in _SPELLING_RULES:
        if not word.endswith(british):
            continue
        stem = word[: -len(british)]
        if len(stem) >= _SPELLING_STEM and len(_VOWEL_GROUP.findall(stem)) >= _STEM_SYLLABLES.get(british, 1):
            word = word[: -len(british)] + american
    return word


def spelling_findings(fa: ClaimFacts, fb: ClaimFacts) -> list[Finding]:
    """Words spelled the British and the American way (self-defence / self-defense)."""
    out: list[Finding] = []
    seen: set[str] = set()
    words_b = {t.norm: t for t in fb.tokens}
    by_american_b: dict[str, Token] | None = None  # made when a word of this claim needs it
    for ta in fa.tokens:
        if ta.norm in words_b or len(ta.norm) < 4:
            continue
        if by_american_b is None:
            by_american_b = {_american(w): t for w, t in words_b.items()}
        tb = by_american_b.get(_american(ta.norm))
        if tb is None or tb.norm == ta.norm or ta.norm in seen:
            continue
        seen.add(ta.norm)
        out.append(
            Finding(
                kind="spelling_variant",
                values=(ta.text, tb.text),
                spans=((ta.span,), (tb.span,)),
                explanation=f"“{ta.text}” and “{tb.text}” are one word in British and American spelling",
            )
        )
    return out


def _day_name(d: date) -> str:
    return d.strftime("%A %-d %B %Y")


def date_findings(
    fa: ClaimFacts, fb: ClaimFacts, published_a: date | None, published_b: date | None, strong: bool
) -> list[Finding]:
    """Days named differently that are one day; days and times that differ on a strong link."""
    out: list[Finding] = []
    # the day of a statement ("officials said Monday") is not the day of what the other account dates
    dates_a = [d for d in fa.dates if not said_on(fa.claim.text, d, fa.claim.start)]
    dates_b = [d for d in fb.dates if not said_on(fb.claim.text, d, fb.claim.start)]
    for da in dates_a:
        for db in dates_b:
            if da.day and db.day and da.day == db.day and da.text.lower() != db.text.lower():
                out.append(
                    Finding(
                        kind="date_equivalent",
                        values=(da.text, db.text),
                        spans=((da.span,), (db.span,)),
                        explanation=f"“{da.text}” and “{db.text}” are the same day, {_day_name(da.day)}, "
                        f"given the publication dates — not a discrepancy",
                        detail={"day": da.day.isoformat()},
                    )
                )
                return out
    days_a = {d.day for d in dates_a if d.day}
    days_b = {d.day for d in dates_b if d.day}
    if strong and days_a and days_b and not days_a & days_b:
        da, db = dates_a[0], dates_b[0]
        out.append(
            Finding(
                kind="date_conflict",
                values=(da.text, db.text),
                spans=((da.span,), (db.span,)),
                explanation=f"different days: {da.text} ({da.day}) against {db.text} ({db.day})",
                detail={"a": [str(d) for d in sorted(days_a)], "b": [str(d) for d in sorted(days_b)]},
            )
        )
    # "as of 6:00 p.m." is when a count stood, not when anything happened
    times_a = [t for t in fa.times if not tally_moment(fa.claim.text, t, fa.claim.start)]
    times_b = [t for t in fb.times if not tally_moment(fb.claim.text, t, fb.claim.start)]
    mins_a = {t.minutes for t in times_a}
    mins_b = {t.minutes for t in times_b}
    # Times in different (or one unstated) zones are not compared on a guessed offset; zones of known
    # offset are converted (calendar.toml).
    zones = {t.zone for t in (*times_a, *times_b)}
    pairs = [(ta, tb) for ta in times_a for tb in times_b if ta.comparable(tb)]
    comparable = (len(zones) == 1 and "local time" not in zones) or (
        bool(pairs) and all(ta.zone and tb.zone and ta.zone != "local time" for ta, tb in pairs)
    )
    apart = not any(ta.consistent_with(tb) for ta, tb in pairs)
    if strong and comparable and mins_a and mins_b and apart:
        ta, tb = times_a[0], times_b[0]
        out.append(
            Finding(
                kind="time_conflict",
                values=(ta.text, tb.text),
                spans=((ta.span,), (tb.span,)),
                explanation=f"different times: {ta.text} against {tb.text}",
            )
        )
    del published_a, published_b
    return out
