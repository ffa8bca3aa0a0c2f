"""Decide what a linked pair of claims shows: findings and a relation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from comparer.core.engine import parallel, semantic
from comparer.core.engine.align import Candidate
from comparer.core.engine.facts import ClaimFacts
from comparer.core.engine.findings import (
    Figures,
    attribution_findings,
    casualty_findings,
    date_findings,
    name_findings,
    number_findings,
    own_voice,
    spelling_findings,
)
from comparer.core.engine.model import Finding, Link, Relation, Source
from comparer.core.engine.numbers import NumberFact
from comparer.core.engine.options import AlignOptions
from comparer.core.engine.quotefind import quote_findings

# Links scoring at least this fraction of strong_score are close enough to raise a
# number, date or time conflict: the two claims are about the same thing.
STRONG_FRACTION = 0.75
# Links from which judging them is shared with a forked copy of this process (parallel.py).
PARALLEL_LINKS = 2000
# Findings that mean the two sources cannot both be right.
CONFLICTING = frozenset({"number_conflict", "date_conflict", "time_conflict"})
# Findings that show the two claims are one claim, whatever their wording.
SAME_CLAIM = frozenset({"quote_wording", "quote_partial", "date_equivalent"})
# Findings on one speaker's quoted words: a denial in one quotation and none in the other is
# a difference of wording ("We will appeal" / "This is not the end of the matter").
QUOTED = frozenset({"quote_wording", "quote_partial", "quote_differs"})


def agree_threshold() -> float:
    """The agreement (see :func:`semantic.agreement`) at which a link below the strong score
    states one claim: fitted with the decision (resources/similarity/relation.json)."""
    return float(semantic.relation_model()["threshold"])


def findings_for(
    fa: ClaimFacts,
    fb: ClaimFacts,
    sources: Mapping[str, Source],
    strong: bool,
    figures: Mapping[str, Figures] | None = None,
    own: Mapping[str, frozenset[str]] | None = None,
) -> list[Finding]:
    """Every finding on one pair of claims, in display order.

    ``figures`` holds every figure each source states, so a number is called
    one side's only when the other source gives it nowhere; ``own`` the words
    naming each source's own voice (computed from ``sources`` when not given).
    """
    out: list[Finding] = []
    elsewhere = (
        (figures.get(fa.claim.source, Figures()), figures.get(fb.claim.source, Figures()))
        if figures
        else (Figures(fa.numbers), Figures(fb.numbers))
    )
    out.extend(number_findings(fa, fb, strong, elsewhere))
    out.extend(quote_findings(fa, fb))
    voices = own if own is not None else {sid: own_voice(src) for sid, src in sources.items()}
    out.extend(attribution_findings(fa, fb, (voices[fa.claim.source], voices[fb.claim.source])))
    out.extend(casualty_findings(fa, fb))
    out.extend(name_findings(fa, fb))
    out.extend(spelling_findings(fa, fb))
    out.extend(
        date_findings(fa, fb, sources[fa.claim.source].published, sources[fb.claim.source].published, strong)
    )
    return out


def relation_of(
    findings: Sequence[Finding],
    score: float,
    options: AlignOptions,
    *,
    agreement: float | None = None,
    opposite: bool = False,
) -> Relation:
    """conflict when the sources cannot both be right, agree when they state one claim, else related.

    ``agreement`` is how likely the pair states one claim by its meaning, wording, polarity
    and specifics (0–1, see :func:`semantic.agreement`); a pair reaching
    :func:`agree_threshold` states one claim even in few shared words. ``opposite`` says
    one claim denies what the other asserts: such a pair
    is one claim only when its findings show it (the same quotation, the same day), never by
    wording alone ("no one was hurt" / "people were hurt").
    """
    kinds = {f.kind for f in findings}
    if kinds & CONFLICTING or any(f.kind == "casualties" and f.detail.get("conflict") for f in findings):
        return "conflict"
    if kinds & SAME_CLAIM:
        return "agree"
    if opposite and not kinds & QUOTED:
        return "related"
    if score >= options.strong_score:
        return "agree"
    if agreement is not None and agreement >= agree_threshold():
        return "agree"
    if "quote_differs" in kinds and score >= options.strong_score * 0.75:
        return "agree"
    if "name_variant" in kinds and any(
        f.detail.get("spelling") for f in findings if f.kind == "name_variant"
    ):
        return "agree"
    return "related"


def judge_all(
    candidates: Sequence[Candidate],
    facts: Mapping[str, ClaimFacts],
    sources: Mapping[str, Source],
    options: AlignOptions,
) -> list[Link]:
    """Links with their findings and relation, in source order."""
    stated: dict[str, list[NumberFact]] = {}
    for f in facts.values():
        stated.setdefault(f.claim.source, []).extend(f.numbers)
    figures = {source_id: Figures(numbers) for source_id, numbers in stated.items()}
    own = {source_id: own_voice(source) for source_id, source in sources.items()}

    def judge_some(some: Sequence[Candidate]) -> list[tuple[list[Finding], Relation]]:
        out: list[tuple[list[Finding], Relation]] = []
        for cand in some:
            fa, fb = facts[cand.a.id], facts[cand.b.id]
            strong = cand.score >= options.strong_score * STRONG_FRACTION
            found = findings_for(fa, fb, sources, strong, figures, own)
            relation = relation_of(
                found,
                cand.score,
                options,
                agreement=cand.evidence.components.get("agreement"),
                opposite=semantic.opposite_polarity(cand.a.text, cand.b.text),
            )
            out.append((found, relation))
        return out

    judged = [
        (cand, found, relation)
        for cand, (found, relation) in zip(
            candidates, parallel.in_two(judge_some, candidates, at_least=PARALLEL_LINKS), strict=True
        )
    ]
    best = _best_casualty_conflicts(judged)
    links: list[Link] = []
    for n, (cand, found, relation) in enumerate(judged, start=1):
        if relation == "conflict" and _casualty_only(found) and id(cand) not in best:
            relation = "agree" if cand.score >= options.strong_score else "related"
        links.append(
            Link(
                id=f"L{n}",
                a=cand.a.id,
                b=cand.b.id,
                score=round(cand.score, 2),
                relation=relation,
                findings=tuple(found),
                evidence=cand.evidence,
            )
        )
    return links


def _casualty_only(found: Sequence[Finding]) -> bool:
    return not ({f.kind for f in found} & CONFLICTING)


def _best_casualty_conflicts(judged: Sequence[tuple[Candidate, list[Finding], Relation]]) -> set[int]:
    """The casualty conflict each claim shows: its best-scoring one.

    A claim saying "casualties are being assessed" contradicts every "no one was
    killed" of the other source; the contradiction is shown once, on the claim's
    closest counterpart, and the other links keep the finding but not the relation.
    """
    best_for: dict[str, Candidate] = {}
    for cand, found, relation in judged:
        if relation != "conflict" or not _casualty_only(found):
            continue
        for claim_id in (cand.a.id, cand.b.id):
            if claim_id not in best_for or cand.score > best_for[claim_id].score:
                best_for[claim_id] = cand
    winners: set[int] = set()
    for cand, found, relation in judged:
        mutual = best_for.get(cand.a.id) is cand and best_for.get(cand.b.id) is cand
        if relation == "conflict" and _casualty_only(found) and mutual:
            winners.add(id(cand))
    return winners
