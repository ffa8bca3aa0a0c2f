"""Score a comparison against a hand-made reference comparison ("gold" file).

A gold file names two source files and links between passages of them (exact
substrings), each with a relation and the finding kinds a reader must be shown.
A link the engine made matches a reference link when its two claims overlap the
two reference passages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparer.core.engine.model import Comparison, Link, Source, Span
from comparer.core.errors import ComparerError

STRONG = ("agree", "conflict")


@dataclass(frozen=True, slots=True)
class GoldLink:
    """One reference link, located in the two texts."""

    id: str
    a: Span
    b: Span
    relation: str
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Gold:
    """A reference comparison of two files."""

    file_a: str
    file_b: str
    published_a: str | None
    published_b: str | None
    raw: dict[str, Any]

    @classmethod
    def load(cls, path: str | Path) -> Gold:
        """Read a gold JSON file."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ComparerError(f"{path}: not a readable gold file ({exc})") from exc
        return cls(
            file_a=raw["a"]["file"],
            file_b=raw["b"]["file"],
            published_a=raw["a"].get("published"),
            published_b=raw["b"].get("published"),
            raw=raw,
        )

    def locate(self, side: str, text: str, passage: str) -> Span:
        """Where a passage stands in the body of side ``a`` or ``b``."""
        meta = self.raw[side]
        lo = 0
        hi = len(text)
        if meta.get("body_starts_after"):
            at = text.find(meta["body_starts_after"])
            if at >= 0:
                lo = at + len(meta["body_starts_after"])
        if meta.get("body_ends_before"):
            at = text.find(meta["body_ends_before"], lo)
            if at >= 0:
                hi = at
        at = text.find(passage, lo, hi)
        if at < 0:
            raise ComparerError(f"gold passage not found in {meta['file']}: {passage[:60]!r}")
        return Span(at, at + len(passage))

    def links(self, text_a: str, text_b: str) -> list[GoldLink]:
        """Reference links with their spans."""
        return [
            GoldLink(
                id=item["id"],
                a=self.locate("a", text_a, item["a"]),
                b=self.locate("b", text_b, item["b"]),
                relation=item["relation"],
                kinds=tuple(item.get("kinds", ())),
            )
            for item in self.raw["links"]
        ]


@dataclass(slots=True)
class GoldScore:
    """How a comparison measures against a gold file."""

    recall: float
    precision: float
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    extra: list[Link] = field(default_factory=list)
    must_flag_ok: list[str] = field(default_factory=list)
    must_flag_missing: list[str] = field(default_factory=list)
    relation_right: list[str] = field(default_factory=list)
    relation_wrong: list[str] = field(default_factory=list)
    only_ok: list[str] = field(default_factory=list)
    only_missing: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)
    wrong_flags: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A few lines for a terminal."""
        lines = [
            f"recall {self.recall:.0%} "
            f"({len(self.found)} of {len(self.found) + len(self.missed)} agree/conflict links)",
            f"precision {self.precision:.0%} of the engine's agree/conflict links are reference links "
            f"({len(self.extra)} not)",
            f"must_flag {len(self.must_flag_ok)} of {len(self.must_flag_ok) + len(self.must_flag_missing)}",
            f"relation right on {len(self.relation_right)} "
            f"of {len(self.relation_right) + len(self.relation_wrong)}",
        ]
        if self.missed:
            lines.append("missed: " + ", ".join(self.missed))
        if self.must_flag_missing:
            lines.append("must_flag missing: " + ", ".join(self.must_flag_missing))
        if self.relation_wrong:
            lines.append("relation differs: " + ", ".join(self.relation_wrong))
        if self.only_missing:
            lines.append("only-one-side not shown: " + ", ".join(self.only_missing))
        if self.wrong_links:
            lines.append("linked though they must not be: " + ", ".join(self.wrong_links))
        if self.wrong_flags:
            lines.append("flagged though they must not be: " + ", ".join(self.wrong_flags))
        return "\n".join(lines)


def _pair_sources(comparison: Comparison, gold: Gold) -> tuple[Source, Source]:
    by_name = {Path(s.path).name: s for s in comparison.sources}
    try:
        return by_name[gold.file_a], by_name[gold.file_b]
    except KeyError as exc:
        raise ComparerError(f"the comparison has no source named {exc.args[0]}") from exc


def matches(comparison: Comparison, link: Link, ref: GoldLink, src_a: Source, src_b: Source) -> bool:
    """True when the link joins claims overlapping the reference passages."""
    ca = comparison.claim(link.a)
    cb = comparison.claim(link.b)
    if ca.source == src_b.id and cb.source == src_a.id:
        ca, cb = cb, ca
    if ca.source != src_a.id or cb.source != src_b.id:
        return False
    return ca.span.overlaps(ref.a) and cb.span.overlaps(ref.b)


def score(comparison: Comparison, gold: Gold) -> GoldScore:
    """Recall, precision, must-flag coverage and relation accuracy."""
    src_a, src_b = _pair_sources(comparison, gold)
    refs = gold.links(src_a.text, src_b.text)
    strong_refs = [r for r in refs if r.relation in STRONG]
    result = GoldScore(recall=0.0, precision=0.0)
    matched_by_ref: dict[str, list[Link]] = {}
    for ref in refs:
        matched_by_ref[ref.id] = [
            link for link in comparison.links if matches(comparison, link, ref, src_a, src_b)
        ]
    for ref in strong_refs:
        (result.found if matched_by_ref[ref.id] else result.missed).append(ref.id)
    for ref in refs:
        hits = matched_by_ref[ref.id]
        if hits:
            ok = any(link.relation == ref.relation for link in hits)
            (result.relation_right if ok else result.relation_wrong).append(ref.id)
    engine_strong = [link for link in comparison.links if link.relation in STRONG]
    ref_link_ids = {id(link) for hits in matched_by_ref.values() for link in hits}
    result.extra = [link for link in engine_strong if id(link) not in ref_link_ids]
    result.recall = len(result.found) / len(strong_refs) if strong_refs else 1.0
    result.precision = (len(engine_strong) - len(result.extra)) / len(engine_strong) if engine_strong else 1.0
    by_id = {r.id: r for r in refs}
    for item in gold.raw.get("must_flag", ()):
        ref = by_id[item["link"]]
        kinds = {k for link in matched_by_ref[ref.id] for k in link.kinds}
        wanted = [k for k in ref.kinds if k in kinds]
        (result.must_flag_ok if wanted else result.must_flag_missing).append(ref.id)
    for item in gold.raw.get("must_not_link", ()):
        ref = GoldLink(
            id=item["a"][:30],
            a=gold.locate("a", src_a.text, item["a"]),
            b=gold.locate("b", src_b.text, item["b"]),
            relation="unrelated",
            kinds=(),
        )
        if any(matches(comparison, link, ref, src_a, src_b) for link in comparison.links):
            result.wrong_links.append(ref.id)
    for item in gold.raw.get("must_not_flag", ()):
        if any(k == item["kind"] for link in matched_by_ref[item["link"]] for k in link.kinds):
            result.wrong_flags.append(f"{item['link']}:{item['kind']}")
    for side, src in (("a", src_a), ("b", src_b)):
        only = comparison.only_in(src.id)
        for passage in gold.raw.get(f"only_{side}", ()):
            span = gold.locate(side, src.text, passage)
            shown = any(c.span.overlaps(span) for c in only)
            (result.only_ok if shown else result.only_missing).append(passage[:40])
    return result
