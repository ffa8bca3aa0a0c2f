"""The JSON form of a comparison (schema ``comparer/2``), both ways.

``comparer/2`` lists each discrepancy once, in the top-level ``findings`` (with the claims and links
it rests on, its confidence and why), and the ``facts`` table across accounts; a link names its
findings by id (``finding_ids``). Documents of ``comparer/1`` (findings inside links) are still read.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from comparer.core.engine.model import (
    Check,
    Claim,
    Comparison,
    Evidence,
    FactCell,
    FactRow,
    Finding,
    Link,
    RoleHint,
    Source,
    Span,
)

SCHEMA = "comparer/2"
READABLE = ("comparer/1", SCHEMA)


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """One finding as plain data."""
    return {
        "id": f.id,
        "kind": f.kind,
        "aspects": list(f.aspects),
        "confidence": f.confidence,
        "why": list(f.why),
        "sources": list(f.sources),
        "a": list(f.claims[0]),
        "b": list(f.claims[1]),
        "links": list(f.links),
        "values": list(f.values),
        "spans": [_spans(f.spans[0]), _spans(f.spans[1])],
        "explanation": f.explanation,
        "detail": f.detail,
    }


def _finding_from_dict(f: dict[str, Any]) -> Finding:
    return Finding(
        kind=f["kind"],
        values=(f["values"][0], f["values"][1]),
        spans=(_span_list(f["spans"][0]), _span_list(f["spans"][1])),
        explanation=f["explanation"],
        detail=f.get("detail", {}),
        id=f.get("id", ""),
        confidence=float(f.get("confidence", 1.0)),
        why=tuple(f.get("why", ())),
        claims=(tuple(f.get("a", ())), tuple(f.get("b", ()))),
        sources=(str(f.get("sources", ["", ""])[0]), str(f.get("sources", ["", ""])[1])),
        links=tuple(f.get("links", ())),
        aspects=tuple(f.get("aspects", ())),
    )


def fact_row_to_dict(row: FactRow) -> dict[str, Any]:
    """One row of the fact table as plain data."""
    return {
        "id": row.id,
        "measure": row.measure,
        "label": row.label,
        "scope": row.scope,
        "conflict": row.conflict,
        "cells": {
            c.source: {
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "credited": c.credited,
                "moment": c.moment,
                "claims": list(c.claims),
                "spans": _spans(c.spans),
                "conflict": c.conflict,
            }
            for c in row.cells
        },
    }


def _fact_row_from_dict(raw: dict[str, Any]) -> FactRow:
    return FactRow(
        id=raw["id"],
        measure=raw["measure"],
        label=raw["label"],
        scope=raw.get("scope", ""),
        conflict=bool(raw.get("conflict")),
        cells=tuple(
            FactCell(
                source=sid,
                value=c["value"],
                low=c.get("low"),
                high=c.get("high"),
                credited=c.get("credited"),
                moment=c.get("moment"),
                claims=tuple(c.get("claims", ())),
                spans=_span_list(c.get("spans", [])),
                conflict=bool(c.get("conflict")),
            )
            for sid, c in raw.get("cells", {}).items()
        ),
    )


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    """Why a link was made, as plain data."""
    return {
        "scorer": e.scorer,
        "components": e.components,
        "shared_words": list(e.shared_words),
        "shared_names": list(e.shared_names),
        "shared_numbers": list(e.shared_numbers),
        "shared_concepts": list(e.shared_concepts),
        "notes": list(e.notes),
        "summary": e.summary(),
    }


def to_dict(comparison: Comparison, show_all: bool = True) -> dict[str, Any]:
    """The whole comparison as JSON-ready data.

    With ``show_all`` false, only the findings worth a reader's time (see
    :meth:`Comparison.shown_findings`) are listed, and links name only those.
    """
    from comparer import __version__
    from comparer.core.lexicon import lexicon_stamp

    findings = comparison.shown_findings(show_all)
    listed = {f.id for f in findings}
    data = {
        "schema": SCHEMA,
        "comparer": __version__,
        "lexicon": lexicon_stamp(),
        "all_findings": show_all,
        "sources": [
            {
                "id": s.id,
                "path": s.path,
                "title": s.title,
                "outlet": s.outlet,
                "author": s.author,
                "published": s.published.isoformat() if s.published else None,
                "encoding": s.encoding,
                "format": s.format,
                "notes": list(s.notes),
                "role_hints": [[h.span.start, h.span.end, h.role] for h in s.role_hints],
                "text": s.text,
            }
            for s in comparison.sources
        ],
        "claims": [
            {
                "id": c.id,
                "source": c.source,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "role": c.role,
                "paragraph": c.paragraph,
            }
            for c in comparison.claims
        ],
        "links": [
            {
                "id": link.id,
                "a": link.a,
                "b": link.b,
                "score": round(link.score, 2),
                "relation": link.relation,
                "kinds": list(
                    dict.fromkeys(k for f in link.findings if f.id in listed for k in (f.kind, *f.aspects))
                ),
                "finding_ids": [f.id for f in link.findings if f.id in listed],
                "evidence": evidence_to_dict(link.evidence),
            }
            for link in comparison.links
        ],
        "checks": [
            {
                "source": c.source,
                "kind": c.kind,
                "spans": _spans(c.spans),
                "values": list(c.values),
                "explanation": c.explanation,
            }
            for c in comparison.checks
        ],
        "findings": [finding_to_dict(f) for f in findings],
        "facts": [fact_row_to_dict(r) for r in comparison.facts],
        "only": {s.id: [c.id for c in comparison.only_in(s.id)] for s in comparison.sources},
        "options": comparison.options,
    }
    cleaned: dict[str, Any] = strict(data)
    return cleaned


def strict(value: Any) -> Any:
    """``value`` with every non-finite number replaced by ``None``, so the JSON is strict (RFC 8259).

    Python's ``json`` writes ``Infinity`` and ``NaN``, which JavaScript, jq and most parsers reject.
    An infinite number here is an open bound ("more than a dozen" is 13 and up), so ``null`` reads as
    "no bound"; the schema says so. Tuples become lists, as ``json`` would make them anyway.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(v) for v in value]
    return value


def _span_list(raw: list[list[int]]) -> tuple[Span, ...]:
    return tuple(Span(a, b) for a, b in raw)


def from_dict(data: dict[str, Any]) -> Comparison:
    """Rebuild a comparison from :func:`to_dict` output."""
    if data.get("schema") not in READABLE:
        raise ValueError(f"not a {SCHEMA} document (schema is {data.get('schema')!r})")
    findings = tuple(_finding_from_dict(f) for f in data.get("findings", ()))
    by_id = {f.id: f for f in findings}
    sources = tuple(
        Source(
            id=s["id"],
            path=s["path"],
            text=s["text"],
            title=s.get("title"),
            outlet=s.get("outlet"),
            author=s.get("author"),
            published=date.fromisoformat(s["published"]) if s.get("published") else None,
            encoding=s.get("encoding"),
            format=s.get("format", "txt"),
            notes=tuple(s.get("notes", ())),
            role_hints=tuple(RoleHint(Span(a, b), role) for a, b, role in s.get("role_hints", ())),
        )
        for s in data["sources"]
    )
    claims = tuple(
        Claim(
            id=c["id"],
            source=c["source"],
            start=c["start"],
            end=c["end"],
            text=c["text"],
            role=c["role"],
            paragraph=c.get("paragraph", 0),
        )
        for c in data["claims"]
    )
    links = tuple(
        Link(
            id=raw["id"],
            a=raw["a"],
            b=raw["b"],
            score=float(raw["score"]),
            relation=raw["relation"],
            findings=tuple(_finding_from_dict(f) for f in raw["findings"])
            if "findings" in raw
            else tuple(by_id[i] for i in raw.get("finding_ids", ()) if i in by_id),
            evidence=Evidence(
                scorer=raw["evidence"]["scorer"],
                components=raw["evidence"]["components"],
                shared_words=tuple(raw["evidence"].get("shared_words", ())),
                shared_names=tuple(raw["evidence"].get("shared_names", ())),
                shared_numbers=tuple(raw["evidence"].get("shared_numbers", ())),
                shared_concepts=tuple(raw["evidence"].get("shared_concepts", ())),
                notes=tuple(raw["evidence"].get("notes", ())),
            ),
        )
        for raw in data["links"]
    )
    checks = tuple(
        Check(
            source=c["source"],
            kind=c["kind"],
            spans=_span_list(c["spans"]),
            values=tuple(c["values"]),
            explanation=c["explanation"],
        )
        for c in data.get("checks", ())
    )
    return Comparison(
        sources=sources,
        claims=claims,
        links=links,
        checks=checks,
        options=data.get("options", {}),
        findings=findings or tuple(dict.fromkeys(f for link in links for f in link.findings)),
        facts=tuple(_fact_row_from_dict(r) for r in data.get("facts", ())),
    )
