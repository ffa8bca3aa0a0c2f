"""The JSON form of a comparison (schema ``comparer/1``), both ways."""

from __future__ import annotations

from datetime import date
from typing import Any

from comparer.core.model import Check, Claim, Comparison, Evidence, Finding, Link, RoleHint, Source, Span

SCHEMA = "comparer/1"


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """One finding as plain data."""
    return {
        "kind": f.kind,
        "values": list(f.values),
        "spans": [_spans(f.spans[0]), _spans(f.spans[1])],
        "explanation": f.explanation,
        "detail": f.detail,
    }


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


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as JSON-ready data."""
    return {
        "schema": SCHEMA,
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
                "kinds": list(link.kinds),
                "findings": [finding_to_dict(f) for f in link.findings],
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
        "only": {s.id: [c.id for c in comparison.only_in(s.id)] for s in comparison.sources},
        "options": comparison.options,
    }


def _span_list(raw: list[list[int]]) -> tuple[Span, ...]:
    return tuple(Span(a, b) for a, b in raw)


def from_dict(data: dict[str, Any]) -> Comparison:
    """Rebuild a comparison from :func:`to_dict` output."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema is {data.get('schema')!r})")
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
            findings=tuple(
                Finding(
                    kind=f["kind"],
                    values=(f["values"][0], f["values"][1]),
                    spans=(_span_list(f["spans"][0]), _span_list(f["spans"][1])),
                    explanation=f["explanation"],
                    detail=f.get("detail", {}),
                )
                for f in raw["findings"]
            ),
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
        sources=sources, claims=claims, links=links, checks=checks, options=data.get("options", {})
    )
