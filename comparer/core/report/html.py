"""A printable HTML report for class: both accounts with highlights, then numbered findings.

Pure string building; every piece of source text is escaped and otherwise kept
as it is (line breaks are kept by CSS, not by rewriting). A highlight is a
``<mark>`` (``<span>`` with an inline colour for Qt's rich-text engine, which
knows no ``<mark>``) carrying the finding's kind as a class; after it a small
``<sup class="ref">`` gives the finding's number. Print CSS sets A4 or Letter.
Findings an annotator marked wrong are left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Literal

from comparer.core.engine.model import Comparison, Finding, Link, Source, Span
from comparer.core.project.annotations import LinkAnnotation, link_key
from comparer.core.report.kinds import KINDS, kind_title, tint
from comparer.core.stamp import made_with

PageSize = Literal["a4", "letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("a4", "letter")


def kind_colour(kind: str) -> str:
    """The highlight colour of a finding kind: its colour from :mod:`comparer.core.report.kinds`,
    pale, so that text stays readable in print."""
    return tint(kind)


@dataclass(frozen=True, slots=True)
class NumberedFinding:
    """A finding with its number in the report and the link it belongs to."""

    number: int
    link: Link
    finding: Finding


def numbered_findings(
    comparison: Comparison,
    annotations: Iterable[LinkAnnotation] = (),
    *,
    finding_ids: Collection[str] | None = None,
) -> tuple[NumberedFinding, ...]:
    """Findings in link order, numbered from 1, leaving out those an annotator marked wrong (and,
    with ``finding_ids``, every finding whose id is not among them: the ones a list shows).

    A finding the engine raised on several links with the same passages (one
    attribution seen from three linked claims) is listed once.
    """
    wrong: dict[str, set[int]] = {}
    rejected: set[str] = set()
    for ann in annotations:
        wrong.setdefault(ann.link_key, set()).update(ann.wrong_findings)
        if ann.rejected:
            rejected.add(ann.link_key)
    out: list[NumberedFinding] = []
    seen: set[tuple[object, ...]] = set()
    for link in comparison.links:
        key = link_key(comparison, link)
        if key in rejected:
            continue
        for i, finding in enumerate(link.findings):
            sources = (comparison.claim(link.a).source, comparison.claim(link.b).source)
            same: tuple[object, ...] = (finding.kind, sources, finding.spans, finding.values)
            if finding_ids is not None and finding.id not in finding_ids:
                continue
            if i not in wrong.get(key, set()) and same not in seen:
                seen.add(same)
                out.append(NumberedFinding(len(out) + 1, link, finding))
    return tuple(out)


def _source_marks(
    comparison: Comparison, found: Sequence[NumberedFinding]
) -> dict[str, list[tuple[Span, int, str]]]:
    marks: dict[str, list[tuple[Span, int, str]]] = {s.id: [] for s in comparison.sources}
    for nf in found:
        for side, claim_id in enumerate((nf.link.a, nf.link.b)):
            source = comparison.claim(claim_id).source
            for span in nf.finding.spans[side]:
                marks[source].append((span, nf.number, nf.finding.kind))
    return marks


def highlight(text: str, marks: Sequence[tuple[Span, int, str]], *, for_qt: bool = False) -> str:
    """``text`` escaped, with each marked range wrapped and followed by its finding numbers."""
    n = len(text)
    cuts = {0, n}
    for span, _, _ in marks:
        cuts.update((min(span.start, n), min(span.end, n)))
    bounds = sorted(cuts)
    parts: list[str] = []
    for start, end in pairwise(bounds):
        piece = html.escape(text[start:end], quote=False)
        active = [(num, kind) for span, num, kind in marks if span.start <= start and end <= span.end]
        if not active:
            parts.append(piece)
            continue
        kinds = sorted({k for _, k in active})
        title = html.escape("; ".join(f"{num}. {kind_title(k)}" for num, k in sorted(active)))
        if for_qt:
            parts.append(
                f'<span style="background-color:{kind_colour(kinds[0])}" title="{title}">{piece}</span>'
            )
        else:
            classes = " ".join(["finding", *kinds, *(["overlap"] if len(kinds) > 1 else [])])
            parts.append(f'<mark class="{classes}" title="{title}">{piece}</mark>')
        ending = sorted({num for span, num, _ in marks if min(span.end, n) == end and span.start <= start})
        if ending:
            parts.append(f'<sup class="ref">{",".join(str(x) for x in ending)}</sup>')
    return "".join(parts)


def main_text(
    comparison: Comparison, source: Source, marks: Sequence[tuple[Span, int, str]], *, for_qt: bool
) -> str:
    """The source's text as :func:`highlight` gives it, one ``<p>`` per paragraph, without its
    boilerplate paragraphs (menus, bylines, share buttons: what the loader or a user marked as not
    part of the article). Paragraphs are spaced by CSS rather than by blank lines, which is
    what lets a handout of two long accounts fit on few pages."""
    cut = sorted(
        (c.start, c.end) for c in comparison.claims if c.source == source.id and c.role == "boilerplate"
    )
    text = source.text
    kept: list[tuple[int, int]] = []
    at = 0
    for start, end in [*cut, (len(text), len(text))]:
        if start > at:
            kept.extend(_paragraphs(text, at, start))
        at = max(at, end)
    parts = []
    for start, end in kept:
        shifted = [
            (Span(max(sp.start, start) - start, min(sp.end, end) - start), num, kind)
            for sp, num, kind in marks
            if sp.end > start and sp.start < end
        ]
        parts.append(f'<p class="para">{highlight(text[start:end], shifted, for_qt=for_qt)}</p>')
    return "\n".join(parts)


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank paragraphs of ``text[start:end]`` (split at blank lines), as ranges of ``text``."""
    out = []
    at = start
    for gap in _BLANK_LINES.finditer(text, start, end):
        out.append((at, gap.start()))
        at = gap.end()
    out.append((at, end))
    trimmed = []
    for lo, hi in out:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            trimmed.append((lo, hi))
    return trimmed


def _css(page: PageSize, for_qt: bool, compact: bool = False) -> str:
    size = "A4" if page == "a4" else "letter"
    kinds = "\n".join(f"mark.{k} {{ background: {kind_colour(k)}; }}" for k in KINDS)
    base = f"""
body {{ font-family: "DejaVu Serif", Georgia, serif; font-size: {"10pt" if compact else "11pt"};
  line-height: {1.3 if compact else 1.45}; color: #111;
  max-width: 48em; margin: 1.5em auto; padding: 0 1em; }}
h1 {{ font-size: 18pt; margin: 0 0 0.2em; }}
h2 {{ font-size: 13pt; margin: 1.2em 0 0.3em; border-bottom: 1px solid #999; }}
.meta {{ color: #444; font-size: 9.5pt; }}
.made-with {{ margin-top: 2em; border-top: 1px solid #999; padding-top: 0.3em; }}
.text {{ white-space: pre-wrap; }}
p.para {{ margin-top: 0; margin-bottom: 4pt; }}
sup.ref {{ font-size: {"9pt" if for_qt else "0.65em"}; color: #333; font-family: "DejaVu Sans", sans-serif; }}
.kind {{ font-weight: bold; }}
.passage {{ margin: 0.2em 0 0.2em 1.2em; color: #222; font-size: {"9pt" if compact else "10pt"}; }}
.label {{ color: #1c3d7a; font-size: 10pt; }}
ol.findings li {{ margin-bottom: {"0.3em" if compact else "0.6em"}; }}
mark {{ padding: 0 1px; }}
{kinds}
"""
    if for_qt:
        return base
    return (
        base
        + f"""
@page {{ size: {size}; margin: 16mm 15mm 18mm 15mm; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }}
  h2 {{ break-after: avoid; page-break-after: avoid; }}
  ol.findings li {{ break-inside: avoid; page-break-inside: avoid; }}
  mark, .finding {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""
    )


def _source_heading(letter: str, source: Source) -> str:
    bits = [source.label]
    if source.title and source.title != source.label:
        bits.append(f"“{source.title}”")
    if source.published:
        bits.append(source.published.isoformat())
    return f"Account {letter.upper()}: " + html.escape(" — ".join(bits))


def render_html(
    comparison: Comparison,
    *,
    annotations: Iterable[LinkAnnotation] = (),
    page: PageSize = "a4",
    title: str | None = None,
    hide_findings: bool = False,
    for_qt: bool = False,
    today: date | None = None,
    main_text_only: bool = False,
    finding_ids: Collection[str] | None = None,
    compact: bool = False,
) -> str:
    """The report as a complete HTML document.

    ``hide_findings`` gives a worksheet: the accounts without highlights or
    findings, for students to mark. ``for_qt`` uses only what Qt's rich-text
    engine renders (for the PDF). ``main_text_only`` leaves out boilerplate
    paragraphs; ``finding_ids`` keeps only these findings (those a filtered list shows).
    ``compact`` (a class handout on paper) sets smaller type and gives each finding's passages
    shortened (they are marked in full in the accounts above).
    """
    if page not in PAGE_SIZES:
        raise ValueError(f"page must be one of {PAGE_SIZES}, not {page!r}")
    anns = list(annotations)
    found = () if hide_findings else numbered_findings(comparison, anns, finding_ids=finding_ids)
    marks = _source_marks(comparison, found)
    heading = title or "Comparing " + " and ".join(s.label for s in comparison.sources)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{_css(page, for_qt, compact)}</style>",
        "</head><body>",
        f"<h1>{html.escape(heading)}</h1>",
    ]
    made = (today or date.today()).isoformat()
    if hide_findings:
        out.append(
            f'<p class="meta">Worksheet, {made}. Mark every difference you see between the accounts.</p>'
        )
    else:
        out.append(
            f'<p class="meta">{len(found)} numbered findings over {len(comparison.links)} linked claims; '
            f"made with comparer on {made}.</p>"
        )
    for letter, source in zip("abcdefghijklmnopqrstuvwxyz", comparison.sources, strict=False):
        out.append(f'<div class="account" id="source-{html.escape(source.id)}">')
        out.append(f"<h2>{_source_heading(letter, source)}</h2>")
        if main_text_only:
            body = main_text(comparison, source, marks[source.id], for_qt=for_qt)
        else:
            body = highlight(source.text, marks[source.id], for_qt=for_qt)
        out.append(f'<div class="text">{body}</div></div>')
    if not hide_findings:
        out.append(_findings_html(comparison, found, anns, compact=compact))
    out.append(f'<p class="meta made-with">Made with {html.escape(made_with().line())}.</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


_SHORT = 150  # characters of a finding's passage in a compact report

# An account's id as the subject of a clause ("a adds", "; b states", ": a gives"): at the start or
# after "; " or ": ", and followed by a verb in the third person (a lower-case word ending in s).
_SUBJECT = r"(?:^|(?<=; )|(?<=: )){id}(?= [a-z]+s\b)"


def outlet_names(text: str, comparison: Comparison) -> str:
    """An explanation with the accounts' ids replaced by their outlets' names: "a adds “an”" reads
    "RFE/RL adds “an”", "killed (a) against dead (b)" reads "killed (RFE/RL) against dead (…)"."""
    for source in comparison.sources:
        if source.label == source.id:
            continue
        name = source.label.replace("\\", "\\\\")
        text = re.sub(_SUBJECT.format(id=re.escape(source.id)), name, text)
        text = re.sub(rf"\({re.escape(source.id)}\)", f"({name})", text)
    return text


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= _SHORT:
        return flat
    cut = flat[: _SHORT - 1]
    return cut[: cut.rfind(" ")] + " …" if " " in cut else cut + "…"


def _findings_html(
    comparison: Comparison,
    found: Sequence[NumberedFinding],
    anns: list[LinkAnnotation],
    *,
    compact: bool = False,
) -> str:
    labels: dict[str, list[LinkAnnotation]] = {}
    for ann in anns:
        labels.setdefault(ann.link_key, []).append(ann)
    out = ['<div class="findings-section"><h2>Findings</h2>']
    if not found:
        out.append("<p>No findings.</p>")
    out.append('<ol class="findings">')
    for nf in found:
        kind = html.escape(kind_title(nf.finding.kind))
        out.append(f'<li id="finding-{nf.number}"><span class="kind">{kind}.</span> ')
        why = outlet_names(nf.finding.explanation, comparison) if compact else nf.finding.explanation
        out.append(html.escape(why))
        for side, claim_id in enumerate((nf.link.a, nf.link.b)):
            claim = comparison.claim(claim_id)
            who = html.escape(comparison.source(claim.source).label)
            value = nf.finding.values[side]
            text = claim.text
            if compact:
                # The value is left out where the passage shows it, and the passage is shortened.
                value = "" if value and " ".join(value.split()) in " ".join(text.split()) else value
                text = _shorten(text)
            said = f" ({html.escape(value)})" if value else ""
            out.append(f'<div class="passage"><b>{who}</b>{said}: {html.escape(text)}</div>')
        for ann in labels.get(link_key(comparison, nf.link), []):
            if ann.label or ann.note:
                note = f" — {html.escape(ann.note)}" if ann.note else ""
                label = html.escape(ann.label or "note")
                out.append(f'<div class="label">{html.escape(ann.annotator)}: {label}{note}</div>')
        out.append("</li>")
    out.append("</ol></div>")
    return "\n".join(out)
