"""Checks a source raises about itself, such as parts that should add up to a total."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from comparer.core.engine.facts import ClaimFacts
from comparer.core.engine.findings import number_with_unit
from comparer.core.engine.model import Check, Claim, Source
from comparer.core.engine.numbers import NumberFact

# How far (in claims) parts may stand from the total they add up to.
WINDOW = 2


def _unit(n: NumberFact) -> str | None:
    return n.unit[0] if n.unit else None


# How far (in characters) a time's conversion may stand after it: "1:20 a.m. GMT (8:20 p.m. EST)".
CONVERSION_GAP = 40


def time_checks(source: Source, claims: Sequence[Claim], facts: Mapping[str, ClaimFacts]) -> list[Check]:
    """A clock time given with its conversion to another zone, where the two are not one moment."""
    out: list[Check] = []
    for c in claims:
        f = facts.get(c.id)
        if c.source != source.id or f is None:
            continue
        for first, second in zip(f.times, f.times[1:], strict=False):
            if second.span.start - first.span.end > CONVERSION_GAP or first.zone == second.zone:
                continue
            if not (first.zone and second.zone and first.comparable(second)) or first.consistent_with(second):
                continue
            out.append(
                Check(
                    source=source.id,
                    kind="time_mismatch",
                    spans=(first.span, second.span),
                    values=(first.text, second.text),
                    explanation=f"{first.text} {first.zone.upper()} and {second.text} "
                    f"{second.zone.upper()} are given as one moment, but are not the same time",
                )
            )
    return out


def check_source(source: Source, claims: Sequence[Claim], facts: Mapping[str, ClaimFacts]) -> list[Check]:
    """Parts that add up (or fail to add up) to a total stated nearby, in one source; a time and its
    conversion that disagree."""
    body = [facts[c.id] for c in claims if c.source == source.id and c.id in facts]
    out: list[Check] = []
    seen: set[tuple[int, int]] = set()
    for i, total_facts in enumerate(body):
        for total in total_facts.numbers:
            if not total.exact or total.value < 3:
                continue
            for later in body[i + 1 : i + 1 + WINDOW]:
                parts = [n for n in later.numbers if n.exact and _unit(n) == _unit(total) and n is not total]
                if len(parts) < 2 or (total.span.start, total.span.end) in seen:
                    continue
                added = sum(n.value for n in parts)
                if any(n.value >= total.value for n in parts):
                    continue
                seen.add((total.span.start, total.span.end))
                terms = " + ".join(n.text for n in parts)
                shown = number_with_unit(total_facts, total)
                if added == total.value:
                    kind = "sum_consistent"
                    text = f"{shown} = {terms}: the parts add up to the total"
                else:
                    kind = "sum_mismatch"
                    text = f"{terms} = {added:g}, but the total given is {shown}: the parts do not add up"
                out.append(
                    Check(
                        source=source.id,
                        kind=kind,
                        spans=(total.span, *(n.span for n in parts)),
                        values=(total.text, *(n.text for n in parts)),
                        explanation=" ".join(text.split()),
                    )
                )
    return out + time_checks(source, claims, facts)
