"""Pair claims of different sources that speak of the same thing.

Each body claim becomes a weighted bag of features: word stems, concept tags
(so "killed" meets "fatalities"), countries (so "Washington" meets "US"),
name keys (so "Qassim" meets "Qasem") and exact figures. A feature's weight is
its rarity in English (wordfreq) times its rarity in this comparison, so "said"
and "Iran" count for little in an article about Iran and "revenge" for a lot.

Candidates come from an inverted index over the rarer features (blocking), so
cost grows with the number of claims that share something, not with the square
of the length. Each candidate is scored by weighted overlap (Dice and
containment), by rapidfuzz on the content words, and by the best match between
their quotations (so a short quote inside a long sentence meets its twin).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import itemgetter

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from comparer.core.engine import parallel, semantic
from comparer.core.engine.concepts import concepts_of
from comparer.core.engine.facts import ClaimFacts, extract_source_facts, subject_name
from comparer.core.engine.model import Claim, Evidence, Source
from comparer.core.engine.names import NameMention, same_entity, translit_key
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.pubdate import find_publication_date
from comparer.core.engine.segment import segment
from comparer.core.engine.text import fold

CONCEPT_WEIGHT = 2.0
NAME_WEIGHT = 2.5
NUMBER_WEIGHT = 2.5
COUNTRY_WEIGHT = 1.2
PHRASE_WEIGHT = 4.0
# Fact keys help blocking find pairs (both report casualties, both quote one speaker);
# their points come from fact_bonus, so they weigh almost nothing in the overlap.
FACT_WEIGHT = 0.01
# No feature shared by more claims than this is used to find candidates.
MAX_POSTING = 60
ALWAYS_INDEXED = ("p:", "d:", "#:", "n:", "f:", "s:")
SPEAKER_BONUS = 20.0
CASUALTY_BONUS = 12.0
DATE_BONUS = 15.0
# Two claims that open with different names ("The Tarrow plant …" / "The Ellesby plant …") are about
# different things however alike their wording; their score is multiplied by this.
OTHER_SUBJECT = 0.2
# A link's confidence (0–1) starts from the fitted similarity of meaning and wording. Specifics the
# two claims share (names, numbers, days) close this share of the gap to 1; when both name specifics
# and share none, they are likely two different events and the confidence is multiplied by the second.
SHARED_SPECIFICS = 0.5
# Two claims from accounts that both name people, places or days, none in common, are likely of two
# different events however alike their wording ("no one was killed"); their score is multiplied by this.
OTHER_EVENT = 0.5
NO_SHARED_SPECIFICS = 0.5
# Pairs from which scoring them (and writing the evidence of those kept) is shared with a forked copy
# of this process (parallel.py).
PARALLEL_PAIRS = 3000


# Kinds of features that are concepts (tags, countries, phrases), as a link's evidence lists them.
_CONCEPT_KINDS = frozenset({"k:", "c:", "p:"})

# The parts of a pair score: dice, containment, token_set_ratio, quote ratio, fact bonus, meaning,
# the factor the score was lowered by (1 when it was not), notes.
_Parts = tuple[float, float, float, float, float, float, float, list[str]]
_Scored = tuple[str, str, float, _Parts]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored pair of claims, before it is judged."""

    a: Claim
    b: Claim
    score: float
    evidence: Evidence


@lru_cache(maxsize=65536)
def _rarity(word: str) -> float:
    """Weight of a word by how rare it is in English: 1 (very common) to 5 (rare)."""
    return min(5.0, max(1.0, 7.0 - zipf_frequency(word, "en")))


@lru_cache(maxsize=65536)
def _names_country(norm: str, stem_: str) -> bool:
    """True when the word is tagged with a country ("Nepalese", "Kathmandu"): it counts as the country."""
    return any(c.startswith("country:") for c in concepts_of(norm, stem_))


def features(facts: ClaimFacts) -> dict[str, float]:
    """The claim's weighted bag of features (before weighting by local rarity)."""
    bag: dict[str, float] = {}
    concept_words: set[str] = set()
    for phrase in facts.phrase_concepts:
        if phrase.startswith("country:"):
            bag["c:" + phrase[8:]] = COUNTRY_WEIGHT
        else:
            bag["p:" + phrase] = PHRASE_WEIGHT
    for concept in facts.concepts:
        if concept.startswith("country:"):
            bag["c:" + concept[8:]] = COUNTRY_WEIGHT
        else:
            bag["k:" + concept] = CONCEPT_WEIGHT
    for tok in facts.content:
        if _names_country(tok.norm, tok.stem):
            concept_words.add(tok.norm)
            continue
        key = "w:" + tok.stem
        bag[key] = max(bag.get(key, 0.0), _rarity(tok.norm))
    for name in facts.names:
        if name.words and name.words[-1] not in concept_words:
            bag["n:" + translit_key(name.words[-1])] = NAME_WEIGHT
    for num in facts.numbers:
        bag[f"#:{num.value:g}"] = NUMBER_WEIGHT if num.exact else NUMBER_WEIGHT / 2
    for d in facts.dates:
        if d.day is not None:
            bag["d:" + d.day.isoformat()] = NUMBER_WEIGHT
    if facts.casualties:
        bag["f:casualties"] = FACT_WEIGHT
    if facts.speaker is not None and facts.quotes:
        bag["s:" + translit_key(facts.speaker.words[-1])] = FACT_WEIGHT
    return bag


def fact_bonus(fa: ClaimFacts, fb: ClaimFacts) -> tuple[float, list[str]]:
    """Points for facts both claims state about one thing, with what they were for.

    Two claims quoting the same speaker, both reporting casualties, or naming the
    same day and the same person are likely about one thing even in other words.
    """
    bonus = 0.0
    notes: list[str] = []
    if (
        fa.speaker
        and fb.speaker
        and fa.speaker_is_subject
        and fb.speaker_is_subject
        and fa.quotes
        and fb.quotes
        and same_entity(fa.speaker, fb.speaker)
    ):
        bonus += SPEAKER_BONUS
        notes.append(f"both quote {fb.speaker.text}")
    if fa.casualties and fb.casualties:
        bonus += CASUALTY_BONUS
        notes.append("both report on casualties")
    if (
        fa.dates
        and fb.dates
        and {d.day for d in fa.dates if d.day} & {d.day for d in fb.dates if d.day}
        and any(same_entity(x, y) for x in fa.names for y in fb.names if len(x.words[-1]) > 2)
    ):
        bonus += DATE_BONUS
        notes.append("same day and same name")
    return bonus, notes


def proper_words(facts: Iterable[ClaimFacts]) -> set[str]:
    """Last words of names written with a capital inside a sentence: names, not sentence openers."""
    out: set[str] = set()
    for f in facts:
        for n in f.names:
            if n.span.start > f.claim.start + 4:
                out.add(n.words[-1])
    return out


def other_subjects(
    fa: ClaimFacts, fb: ClaimFacts, sa: NameMention, sb: NameMention, proper: set[str]
) -> tuple[str, str] | None:
    """The two names when the claims open with different ones (``sa``, ``sb``: their
    :func:`subject_name`), one of them absent from the other claim.

    A one-word opener counts only when it is also written with a capital inside a sentence.
    """
    if same_entity(sa, sb):
        return None
    if any(len(s.words) == 1 and s.words[0] not in proper for s in (sa, sb)):
        return None
    if any(same_entity(sa, n) for n in fb.names) and any(same_entity(sb, n) for n in fa.names):
        return None
    return sa.text, sb.text


def _content_string(facts: ClaimFacts) -> str:
    return " ".join(t.stem for t in facts.content)


def _quote_score(quotes_a: Sequence[str], quotes_b: Sequence[str]) -> float:
    """Best similarity (0–100) between a quotation of one claim and one of the other (folded texts)."""
    best = 0.0
    for ta in quotes_a:
        for tb in quotes_b:
            if min(len(ta), len(tb)) < 8:
                continue
            best = max(
                best,
                fuzz.partial_ratio(ta, tb, processor=None) * (1.0 if min(len(ta), len(tb)) >= 20 else 0.9),
            )
    return best


class _Scorer:
    """Scores pairs of claims within one comparison (local rarity needs all claims)."""

    def __init__(self, facts: Mapping[str, ClaimFacts]) -> None:
        self.facts = facts
        self.raw = {cid: features(f) for cid, f in facts.items()}
        df: dict[str, int] = defaultdict(int)
        for bag in self.raw.values():
            for key in bag:
                df[key] += 1
        n = max(1, len(self.raw))
        self.df = df
        self.n = n
        local = {count: self._local(count) for count in set(df.values())}
        self.bags = {cid: {k: w * local[df[k]] for k, w in bag.items()} for cid, bag in self.raw.items()}
        self.totals = {cid: sum(bag.values()) for cid, bag in self.bags.items()}
        self.content = {cid: _content_string(f) for cid, f in facts.items()}
        self.proper = proper_words(facts.values())
        self.subjects = {cid: subject_name(f) for cid, f in facts.items()}
        # Each claim is embedded once, all in one batch; a pair's meaning is then one dot product.
        ids = list(facts)
        vectors = semantic.embedder().embed([facts[c].claim.text for c in ids])
        self.vectors = dict(zip(ids, vectors, strict=True))
        self.days = {cid: frozenset(d.day for d in f.dates if d.day) for cid, f in facts.items()}
        self.specific = {cid: bool(f.names or f.numbers or self.days[cid]) for cid, f in facts.items()}
        # What each account names (name keys and days): two accounts naming nothing in common are
        # likely of two different events.
        named: dict[str, set[str]] = defaultdict(set)
        for cid, f in facts.items():
            # names and countries ("Kathmandu" is Nepal's): what tells one event's coverage from another's
            keys = {k for k in self.raw[cid] if k.startswith(("n:", "c:"))}
            named[f.claim.source].update(keys | {f"day:{d}" for d in self.days[cid]})
        self.context = {cid: frozenset(named[f.claim.source]) for cid, f in facts.items()}
        # ... which is one answer for each pair of accounts, worked out on first need
        self._apart: dict[tuple[str, str], bool] = {}
        # Quotations folded once a claim, not once a pair.
        self.quotes = {cid: tuple(fold(q.text) for q in f.quotes) for cid, f in facts.items()}
        self._first_written: dict[str, dict[str, str]] = {}

    def _local(self, df: int) -> float:
        return min(1.0, math.log((self.n + 1) / (df + 0.5)) / math.log((self.n + 1) / 1.5))

    def score(self, a: str, b: str) -> tuple[float, _Parts]:
        """Score (0–100) and the parts it was made of (see :meth:`evidence`)."""
        ba, bb = self.bags[a], self.bags[b]
        if len(ba) > len(bb):
            ba, bb = bb, ba
        overlap = 0.0
        for k, w in ba.items():
            other = bb.get(k)
            if other is not None:
                overlap += w if w < other else other
        ta, tb = self.totals[a], self.totals[b]
        dice = 2 * overlap / (ta + tb) if ta + tb else 0.0
        small = min(ta, tb)
        # Containment favours short claims too much when they are tiny; damp it by size.
        containment = (overlap / small) * min(1.0, small / 12.0) if small else 0.0
        lexical = 100 * (0.5 * dice + 0.5 * containment)
        fuzzy = fuzz.token_set_ratio(self.content[a], self.content[b], processor=None) if overlap else 0.0
        fa, fb = self.facts[a], self.facts[b]
        quote = _quote_score(self.quotes[a], self.quotes[b]) if fa.quotes and fb.quotes else 0.0
        quote_part = quote if quote >= 75 else 0.0
        fuzzy_part = fuzzy * 0.9 if fuzzy >= 75 else 0.0
        if (fa.quotes and fb.quotes) or (fa.casualties and fb.casualties) or (fa.dates and fb.dates):
            bonus, notes = fact_bonus(fa, fb)
        else:  # no fact both state that could earn a bonus (each needs both claims to quote, count or date)
            bonus, notes = 0.0, []
        if quote_part:
            notes.append(f"quotation match {quote:.0f}")
        total = min(100.0, max(lexical + bonus, fuzzy_part, quote_part))
        meaning = float(self.vectors[a] @ self.vectors[b])
        sa, sb = self.subjects[a], self.subjects[b]
        others = (
            None if quote_part or sa is None or sb is None else other_subjects(fa, fb, sa, sb, self.proper)
        )
        lowered = 1.0
        if others is not None:
            lowered = OTHER_SUBJECT
            notes.append(f"about different subjects ({others[0]} / {others[1]}): score lowered")
        elif not quote_part and self._other_events(a, b):
            lowered = OTHER_EVENT
            notes.append("the accounts name no person, place or day in common: score lowered")
        total *= lowered
        return total, (dice, containment, fuzzy, quote, bonus, meaning, lowered, notes)

    def _written(self, cid: str) -> dict[str, str]:
        """Each content stem of the claim as first written (folded), found once a claim, not once a link."""
        got = self._first_written.get(cid)
        if got is None:
            got = {}
            for t in self.facts[cid].content:
                got.setdefault(t.stem, t.norm)
            self._first_written[cid] = got
        return got

    def shares_specifics(self, a: str, b: str) -> bool:
        """True when the two claims name one person or place, one figure or one day."""
        ba, bb = self.raw[a], self.raw[b]
        if any(k.startswith(("n:", "#:")) and k in bb for k in ba):
            return True
        return bool(self.days[a] & self.days[b])

    def _other_events(self, a: str, b: str) -> bool:
        """True when the claims' accounts both name people, places or days, and none in common."""
        key = (self.facts[a].claim.source, self.facts[b].claim.source)
        apart = self._apart.get(key)
        if apart is None:
            ca, cb = self.context[a], self.context[b]
            apart = self._apart[key] = bool(ca) and bool(cb) and not ca & cb
        return apart

    def confidence(self, a: str, b: str, score: float, meaning: float, shared_specifics: bool) -> float:
        """How sure (0–1) it is that two claims state one proposition about one event.

        The fitted similarity of meaning and wording, raised when the claims share
        specifics and lowered when both name specifics but none in common.
        """
        base = semantic.combine(meaning, min(1.0, score / 100.0), False)
        if shared_specifics:
            return base + SHARED_SPECIFICS * (1.0 - base)
        if self.specific[a] and self.specific[b]:
            return base * NO_SHARED_SPECIFICS
        return base

    def evidence(self, a: str, b: str, score: float, parts: _Parts) -> Evidence:
        """What two linked claims share, and the parts of their score, for people to read."""
        dice, containment, fuzzy, quote, bonus, meaning, lowered, notes = parts
        # The fitted similarity of meaning and wording, with the lowered score as its wording part
        # and lowered alike, so claims about different subjects or events are not one claim
        # however alike they read.
        fa, fb = self.facts[a], self.facts[b]
        opposite = semantic.opposite_polarity(fa.claim.text, fb.claim.text)
        similar = lowered * semantic.combine(meaning, min(1.0, score / 100.0), opposite)
        components = {
            "dice": round(100 * dice, 1),
            "containment": round(100 * containment, 1),
            "token_set_ratio": round(float(fuzzy), 1),
            "quote_partial_ratio": round(quote, 1),
            "fact_bonus": bonus,
            "meaning": round(meaning, 3),
            "similarity": round(similar, 3),
        }
        ba, bb = self.bags[a], self.bags[b]
        shared = set(ba) & set(bb)
        # the shared features sorted by kind in one pass (every key is a kind of two characters, "w:" …)
        word_keys: list[str] = []
        number_list: list[str] = []
        concept_set: set[str] = set()
        named = False
        for k in shared:
            kind = k[:2]
            if kind == "w:":
                word_keys.append(k)
            elif kind == "#:":
                number_list.append(k[2:])
            elif kind in _CONCEPT_KINDS:
                concept_set.add(k[2:])
            elif kind == "n:":
                named = True
        # heaviest first, then by the stem (every key has the same prefix, so the keys sort as the stems)
        word_keys.sort(key=lambda k: (-min(ba[k], bb[k]), k))
        written = self._written(a)
        shown_words = tuple(written.get(k[2:], k[2:]) for k in word_keys)
        names = tuple(sorted({n.text for n in fa.names if "n:" + translit_key(n.words[-1]) in shared}))
        numbers = tuple(sorted(number_list))
        days = self.days[a] & self.days[b]
        confidence = self.confidence(a, b, score, meaning, bool(names or numbers or days))
        components["confidence"] = round(confidence, 3)
        # How likely the two state one claim, by the decision fitted on public sentence pairs.
        # Those pairs hold no claims about different subjects or events, which the fit cannot
        # weigh: claims found to be about different ones (the score lowered) do not agree by it.
        shares = named or bool(number_list) or bool(days)  # shares_specifics(a, b), from what is shared
        agreement = (
            semantic.agreement(
                meaning,
                min(1.0, score / 100.0),
                opposite,
                shared=shares,
                disjoint=not shares and self.specific[a] and self.specific[b],
            )
            if lowered == 1.0
            else 0.0
        )
        components["agreement"] = round(agreement, 3)
        why = [f"meaning {meaning:.2f}", f"confidence {confidence:.2f}", f"agreement {agreement:.2f}"]
        if not (names or numbers or days) and self.specific[a] and self.specific[b]:
            why.append("no name, number or day in common")
        return Evidence(
            scorer="weighted-overlap+token_set_ratio+quote_partial_ratio+meaning",
            components=components,
            shared_words=shown_words,
            shared_names=names,
            shared_numbers=numbers,
            shared_concepts=tuple(sorted(concept_set)),
            notes=(*notes, *why),
        )

    def candidates(
        self, ids_a: Sequence[str], ids_b: Sequence[str], per_claim: int
    ) -> dict[tuple[str, str], float]:
        """Pairs that share at least one selective feature (blocking by inverted index).

        Features found in more than a quarter of the claims (or in more than
        ``MAX_POSTING`` of them) do not block: they would pair almost everything.
        """
        # each posting carries its claim's weight for the feature
        index: dict[str, list[tuple[str, float]]] = defaultdict(list)
        limit = min(MAX_POSTING, max(8, int(0.25 * self.n)))
        for cid in ids_b:
            for key, weight in self.bags[cid].items():
                if self.df[key] <= limit or (key.startswith(ALWAYS_INDEXED) and self.df[key] <= 4 * limit):
                    index[key].append((cid, weight))
        pairs: dict[tuple[str, str], float] = {}
        for a in ids_a:
            acc: dict[str, float] = defaultdict(float)
            for key, weight in self.bags[a].items():
                for b, other in index.get(key, ()):
                    acc[b] += weight if weight < other else other
            # the best few, as heapq.nlargest gives them (it is documented equal to this, ties in order),
            # sorted in C rather than kept in a heap by a Python loop
            for b, overlap in sorted(acc.items(), key=itemgetter(1), reverse=True)[:per_claim]:
                pairs[(a, b)] = overlap
        return pairs

    def promising(self, a: str, b: str, overlap: float, floor: float) -> bool:
        """Worth a full score: enough blocked overlap, or facts that may earn a bonus."""
        fa, fb = self.facts[a], self.facts[b]
        if (fa.casualties and fb.casualties) or (fa.quotes and fb.quotes) or (fa.dates and fb.dates):
            return True
        ta, tb = self.totals[a], self.totals[b]
        small = min(ta, tb)
        if not small:
            return False
        lexical = 100 * (overlap / (ta + tb) + 0.5 * (overlap / small) * min(1.0, small / 12.0))
        return lexical >= floor


def _candidates_each(
    scorer: _Scorer, per_claim: int, directions: Sequence[tuple[Sequence[str], Sequence[str]]]
) -> list[dict[tuple[str, str], float]]:
    return [scorer.candidates(ids_from, ids_to, per_claim) for ids_from, ids_to in directions]


def _score_some(
    scorer: _Scorer, floor: float, pairs: Sequence[tuple[tuple[str, str], float]]
) -> list[tuple[float, _Parts] | None]:
    """Score and parts of each promising pair (by its blocked overlap); None for the others."""
    return [
        scorer.score(a, b) if scorer.promising(a, b, overlap, floor) else None for (a, b), overlap in pairs
    ]


def _evidence_of(scorer: _Scorer, chosen: Sequence[_Scored]) -> list[Evidence]:
    return [scorer.evidence(a, b, score, parts) for a, b, score, parts in chosen]


def _select(scored: list[_Scored], options: AlignOptions) -> list[_Scored]:
    """Keep a pair when it is among the best few of either claim and near that claim's best."""
    by_claim: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, (a, b, s, _) in enumerate(scored):
        if s >= options.min_score:
            by_claim[a].append((s, i))
            by_claim[b].append((s, i))
    keep: set[int] = set()
    for ranked in by_claim.values():
        ranked.sort(reverse=True)
        top = ranked[0][0]
        for s, i in ranked[: options.max_links_per_claim]:
            if s >= options.relative_cutoff * top:
                keep.add(i)
    return sorted((scored[i] for i in keep), key=lambda item: -item[2])


def align(
    claims: Sequence[Claim],
    facts: Mapping[str, ClaimFacts],
    options: AlignOptions,
    *,
    progress: Callable[[float], None] | None = None,
) -> list[Candidate]:
    """Scored links between body claims of different sources, best first."""
    by_id = {c.id: c for c in claims}
    sources = list(dict.fromkeys(c.source for c in claims))
    scorer = _Scorer(facts)
    ids = {s: [c.id for c in claims if c.source == s and c.id in facts] for s in sources}
    out: list[Candidate] = []
    pairs_of_sources = [(s, t) for i, s in enumerate(sources) for t in sources[i + 1 :]]
    for k, (s, t) in enumerate(pairs_of_sources):
        # the two directions are found apart (on two cores for long accounts), then joined
        forward, backward = parallel.in_two(
            partial(_candidates_each, scorer, options.candidates_per_claim),
            [(ids[s], ids[t]), (ids[t], ids[s])],
            at_least=PARALLEL_PAIRS,
            weights=[len(ids[s]) + len(ids[t])] * 2,
        )
        pairs = forward
        for (b, a), overlap in backward.items():
            pairs[(a, b)] = max(overlap, pairs.get((a, b), 0.0))
        listed = list(pairs.items())
        scores = parallel.in_two(
            partial(_score_some, scorer, options.min_score * 0.5), listed, at_least=PARALLEL_PAIRS
        )
        scored: list[_Scored] = [
            (a, b, got[0], got[1])
            for ((a, b), _), got in zip(listed, scores, strict=True)
            if got is not None and got[0] >= options.min_score
        ]
        chosen = _select(scored, options)
        explained = parallel.in_two(partial(_evidence_of, scorer), chosen, at_least=PARALLEL_PAIRS)
        for (a, b, score, _), evidence in zip(chosen, explained, strict=True):
            out.append(Candidate(by_id[a], by_id[b], score, evidence))
        if progress:
            progress((k + 1) / len(pairs_of_sources))
    out.sort(key=lambda c: (c.a.source, c.a.start, c.b.source, c.b.start))
    return out


def similarity(a: str, b: str) -> float:
    """How alike two sentences are in meaning (0–100), as the aligner judges a pair.

    The sentence vectors' cosine and the wording score (:func:`lexical_similarity`)
    are combined by coefficients fitted on graded sentence pairs; a denial against
    an assertion scores low however alike the words.
    """
    meaning = semantic.embedder().cosine(a, b)
    lexical = lexical_similarity(a, b) / 100.0
    return 100.0 * semantic.combine(meaning, lexical, semantic.opposite_polarity(a, b))


def lexical_similarity(a: str, b: str) -> float:
    """The wording part of the pair score, for two sentences on their own (0–100).

    Rarity within a comparison cannot be known from two sentences, so only
    English-wide rarity weights the words here.
    """
    return pair_terms(a, b).lexical * 100.0


@dataclass(frozen=True, slots=True)
class PairTerms:
    """What two sentences on their own share, as a link's evidence states it for two claims."""

    lexical: float
    shared_specifics: bool
    disjoint_specifics: bool


def pair_terms(a: str, b: str) -> PairTerms:
    """The wording score (0–1) of two sentences and whether they share names, numbers or days
    (``disjoint_specifics``: both name some, none in common)."""
    sa = _sentence_source(a, "a")
    sb = _sentence_source(b, "b")
    facts: dict[str, ClaimFacts] = {}
    for src in (sa, sb):
        claims = [c for c in segment(src) if c.role == "body"] or _as_body(src)
        facts.update(extract_source_facts(src, claims))
    scorer = _Scorer(facts)
    scorer.bags = dict(scorer.raw)
    scorer.totals = {cid: sum(bag.values()) for cid, bag in scorer.bags.items()}
    ids_a = [c for c in facts if c.startswith("a:")]
    ids_b = [c for c in facts if c.startswith("b:")]
    lexical = max((scorer.score(x, y)[0] for x in ids_a for y in ids_b), default=0.0)
    shared = any(scorer.shares_specifics(x, y) for x in ids_a for y in ids_b)
    specific = any(scorer.specific[x] for x in ids_a) and any(scorer.specific[y] for y in ids_b)
    return PairTerms(lexical / 100.0, shared, specific and not shared)


def _sentence_source(text: str, source_id: str) -> Source:
    """A bare source for one sentence, read as pasted text would be."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(id=source_id, path="<pasted>", text=text, published=find_publication_date(text))


def _as_body(src: Source) -> list[Claim]:
    text = src.text.strip()
    start = src.text.find(text)
    return [
        Claim(
            id=f"{src.id}:1",
            source=src.id,
            start=start,
            end=start + len(text),
            text=text,
            role="body",
            paragraph=0,
        )
    ]
