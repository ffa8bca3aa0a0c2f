"""Everything extracted from one claim, gathered in one place.

Facts are extracted source by source, in order, because a quotation standing
alone ("“We will respond.”") or "he said" takes its speaker from the sentences
before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from comparer.core.engine import quotes as q
from comparer.core.engine.casualties import CasualtyReport, find_casualties
from comparer.core.engine.concepts import concepts_of, country_table, phrase_concepts
from comparer.core.engine.dates import DateMention, TimeMention, find_dates, find_times
from comparer.core.engine.model import Claim, Source, Span
from comparer.core.engine.names import NameMention, find_names
from comparer.core.engine.numbers import NumberFact, find_numbers
from comparer.core.engine.text import Token, fold, tokenize
from comparer.core.lexicon import alternation, lexicon

# What may stand between two parts of one quotation: a short "he said" ("…,” she added, “…").
_SHORT_ATTRIBUTION = re.compile(
    rf"^[\s,]*(?:\w+\s+){{0,6}}?(?:{alternation(lexicon().speech.all_verbs)})\b[^“\"]{{0,40}}$"
)


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """The facts of one claim, with spans into its source's text."""

    claim: Claim
    tokens: tuple[Token, ...]
    content: tuple[Token, ...]
    concepts: frozenset[str]
    names: tuple[NameMention, ...]
    numbers: tuple[NumberFact, ...]
    quotes: tuple[q.Quote, ...]
    dates: tuple[DateMention, ...]
    times: tuple[TimeMention, ...]
    casualties: tuple[CasualtyReport, ...]
    attribution: str | None
    speaker: NameMention | None
    speaker_is_subject: bool
    phrase_concepts: frozenset[str]

    @property
    def attributed(self) -> bool:
        """True when the claim is put in someone's mouth rather than the outlet's own voice."""
        return self.attribution is not None or bool(self.quotes)

    def __reduce__(self) -> tuple[Any, ...]:
        # A long comparison's facts travel between processes (parallel.py) and their tokens are most of
        # what is sent: as columns (words, forms, offsets), with the content words as places among them,
        # they pickle in a fraction of the time and come back equal, the content words the same objects.
        at = {id(t): i for i, t in enumerate(self.tokens)}
        places = tuple(at.get(id(t), -1) for t in self.content)
        rest = tuple(getattr(self, name) for name in _AFTER_CONTENT)
        if -1 in places:  # content words that are not among the tokens: sent as columns of their own
            return (_facts_with_content, (self.claim, _columns(self.tokens), _columns(self.content), rest))
        return (_facts_from_columns, (self.claim, _columns(self.tokens), places, rest))


# The fields of ClaimFacts after its claim, tokens and content, in order.
_AFTER_CONTENT = tuple(ClaimFacts.__dataclass_fields__)[3:]

_Columns = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[int, ...]]


def _columns(tokens: tuple[Token, ...]) -> _Columns:
    return (
        tuple(t.text for t in tokens),
        tuple(t.norm for t in tokens),
        tuple(t.stem for t in tokens),
        tuple(t.span.start for t in tokens),
        tuple(t.span.end for t in tokens),
    )


def _tokens(columns: _Columns) -> tuple[Token, ...]:
    texts, norms, stems, starts, ends = columns
    return tuple(map(Token, texts, norms, stems, map(Span, starts, ends)))


def _facts_from_columns(
    claim: Claim, columns: _Columns, places: tuple[int, ...], rest: tuple[Any, ...]
) -> ClaimFacts:
    """A claim's facts as :meth:`ClaimFacts.__reduce__` sent them."""
    tokens = _tokens(columns)
    return ClaimFacts(claim, tokens, tuple(tokens[i] for i in places), *rest)


def _facts_with_content(
    claim: Claim, columns: _Columns, content: _Columns, rest: tuple[Any, ...]
) -> ClaimFacts:
    """A claim's facts as :meth:`ClaimFacts.__reduce__` sent them, content words apart."""
    return ClaimFacts(claim, _tokens(columns), _tokens(content), *rest)


def is_person(name: NameMention) -> bool:
    """A name that can be a person: not a possessive, a country, or an outlet."""
    return not name.possessive and not all(w in country_table() for w in name.words) and not _is_outlet(name)


def _is_outlet(name: NameMention) -> bool:
    """A news outlet ("Metro News", "the Evening Courier"): it reports or is told, it is not the speaker."""
    media = lexicon().measures.media_words
    return any(w in media for w in name.words)


_LEAD = re.compile(r"[\s“\"'‘(]*(?:(?:the|a|an)\s+)?", re.IGNORECASE)


def subject_name(f: ClaimFacts) -> NameMention | None:
    """The name the claim opens with ("The Tarrow plant …" -> Tarrow), if it opens with one."""
    lead = _LEAD.match(f.claim.text)
    at = f.claim.start + (lead.end() if lead else 0)
    name = next((n for n in f.names if n.span.start == at), None)
    if name is None or all(w in country_table() for w in name.words):
        return None
    return name


def _merge_parts(text: str, spans: list[Span]) -> list[list[Span]]:
    """Group quote parts split around a short "he said" into one quotation."""
    groups: list[list[Span]] = []
    for s in spans:
        if groups:
            between = text[groups[-1][-1].end + 1 : s.start - 1]
            if _SHORT_ATTRIBUTION.match(between) and text[groups[-1][-1].end - 1 : groups[-1][-1].end] in ",":
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


_ROLE_AFTER = re.compile(rf"\s+({alternation(lexicon().speech.roles)})\b", re.IGNORECASE)


def _with_role(speaker: NameMention, text: str, offset: int) -> NameMention:
    """The speaker with the role noun that follows its name: "a Thai Navy official" is an official of
    the navy, not the navy (nor, with "Thai", a place)."""
    m = _ROLE_AFTER.match(text, speaker.span.end - offset)
    if m is None or speaker.possessive:
        return speaker
    return NameMention(
        span=Span(speaker.span.start, offset + m.end()),
        text=speaker.text + m.group(0),
        words=(*speaker.words, m.group(1).lower()),
    )


def _has_title(name: NameMention, title: tuple[str, ...]) -> bool:
    """True when the name is written with this title ("Chief Minister Pinarayi Vijayan", chief minister)."""
    words = re.findall(r"[\w-]+", name.text.lower())
    return len(words) > len(title) and any(
        tuple(words[i : i + len(title)]) == title for i in range(len(words) - len(title))
    )


def _subject_speaker(text: str, names: list[NameMention], offset: int) -> NameMention | None:
    """A person named at the start of the claim ("Ali Vaez, the director of …, suggested").

    A full name wins over a single capitalised word that opens the sentence
    ("Regional fire chief Stoyan Delchev said").
    """
    early = [
        n
        for n in names
        if n.span.start - offset <= 40
        and is_person(n)
        and not q.verb_has_own_subject(text, n.span.end - offset)
        and not q.spoken_to(text, n.span.start - offset)
    ]
    full = next((n for n in early if len(n.words) >= 2), None)
    if full is not None:
        return q.person_after_title(full, names, text, offset)
    return next((n for n in early if n.span.start == offset), None)


def extract_source_facts(source: Source, claims: Sequence[Claim]) -> dict[str, ClaimFacts]:
    """Facts of every body claim of one source, in order."""
    out: dict[str, ClaimFacts] = {}
    last_speaker: NameMention | None = None
    persons_seen: list[NameMention] = []
    for claim in claims:
        if claim.role != "body":
            continue
        text = claim.text
        off = claim.start
        tokens = tokenize(text, off)
        content = tuple(t for t in tokens if not t.is_stop and not t.norm.isdigit() and len(t.norm) > 1)
        concepts = {c for t in content for c in concepts_of(t.norm, t.stem)}
        phrases = phrase_concepts(text)
        names = list(find_names(text, off))
        quote_spans = q.quoted_spans(text)
        outside = q.outside_quotes(text, quote_spans)
        persons = [
            n
            for n in names
            if is_person(n) and not any(n.span.shifted(-off).overlaps(s) for s in quote_spans)
        ]
        channel = q.channel_of(outside)
        speaker = _subject_speaker(outside, persons, off) if channel else None
        subject = speaker is not None or text.lstrip().startswith(("“", '"'))
        speaker = speaker or q.speaker_in(outside, persons, off)
        if speaker is None and q.has_pronoun_speaker(outside):
            # "Mayor Brandt's hands shook as he read what he described as …": the pronoun is the person
            # the sentence itself names
            owner = next((n for n in names if n.possessive and not _is_outlet(n) and len(n.words) >= 2), None)
            if owner is not None:
                speaker, subject = owner, True
        if speaker is None and quote_spans and (title := q.title_of_speaker(outside)):
            # "…,’ the Chief Minister said": the person the account last named with that title
            speaker = next((n for n in reversed(persons_seen) if _has_title(n, title)), None)
            subject = speaker is not None
        if speaker is None and (
            (quote_spans and not outside.strip(" ,.;:—-")) or q.has_pronoun_speaker(outside)
        ):
            speaker = last_speaker
            subject = True
        if speaker is not None:
            speaker = _with_role(speaker, text, off)
        quotes = tuple(
            q.Quote(
                parts=tuple(s.shifted(off) for s in group),
                text=" ".join(text[s.start : s.end] for s in group),
                speaker=speaker.text if speaker else None,
                speaker_words=speaker.words if speaker else (),
                channel=channel,
            )
            for group in _merge_parts(text, quote_spans)
        )
        attribution = q.attribution_phrase(outside)
        if speaker is not None:
            last_speaker = speaker
        elif speakers := [n for n in persons if not q.spoken_to(text, n.span.start - off)]:
            last_speaker = speakers[0]  # not "told YTN": the next "he added" is not YTN's
        persons_seen.extend(persons)
        out[claim.id] = ClaimFacts(
            claim=claim,
            tokens=tuple(tokens),
            content=content,
            concepts=frozenset(concepts),
            names=tuple(names),
            numbers=tuple(find_numbers(text, off)),
            quotes=quotes,
            dates=tuple(find_dates(text, source.published, off)),
            times=tuple(find_times(text, off)),
            casualties=tuple(find_casualties(text, off)),
            attribution=attribution,
            speaker=speaker,
            speaker_is_subject=subject and speaker is not None,
            phrase_concepts=frozenset(phrases),
        )
    return out


def extract_facts(claim: Claim, source: Source) -> ClaimFacts:
    """Facts of one claim taken on its own (no speaker carried over from before)."""
    return extract_source_facts(source, [claim])[claim.id]


# The words after "according to" that name the source, up to the end of the phrase.
_SOURCE_AFTER = re.compile(r"\s+([^,.;:()“”\"]{2,80})")
_SOURCE_WORDS = 8


def source_named(f: ClaimFacts) -> str | None:
    """The claim's attributing words as a reader would want them: "according to" with whom it names
    ("according to the Philippine Institute of Volcanology"), not the two words alone."""
    phrase = f.attribution
    if phrase is None or fold(phrase).split()[-1:] != ["to"]:
        return phrase
    at = f.claim.text.find(phrase)
    after = _SOURCE_AFTER.match(f.claim.text, at + len(phrase)) if at >= 0 else None
    if after is None:
        return phrase
    return f"{phrase} {' '.join(after.group(1).split()[:_SOURCE_WORDS])}"
