"""Split a source into claims: paragraphs, then sentences, each with a role."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from comparer.core.engine.model import Claim, Role, Source, Span

# Lines that are page furniture rather than reporting. Matched against a whole paragraph. A citation's
# "retrieved/accessed/viewed" must be followed by the date (or a link) itself, and what may follow is
# bounded, so a long paragraph costs linear time and a sentence such as "hackers accessed … in 2019" is news.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:print|share|comment|cite|upload|translate|updates|tweet|email|facebook|whatsapp|copy\ link)
            (?:\s+(?:print|share|comment|cite|upload|translate|updates|tweet|email|facebook|whatsapp|link))+\s*
      | leave\ a\ (?:reply|comment).*
      | (?:sign\ up|subscribe)\b.{0,80}
      | .*\byou\ must\ (?:login|log\ in|sign\ in)\b.*
      | .*\b(?:login|log\ in|sign\ in)\ or\ (?:create|register)\b.*
      | (?:advertisement|related(?:\ (?:stories|articles|content))?|read\ more|more\ on\ this\ story)\s*:?
      | (?:date|published|updated)\s*:?\s*\d{4}-\d{2}-\d{2}\b.{0,40}
      | contents
      | .*\[(?:internet|online)\].*
      | .*\b(?:retrieved|available)\ from\s{0,3}[<(\[]?(?:https?://|www\.|doi:).*
      | .*\b(?:retrieved|accessed|viewed)(?:\ on)?\s{0,3}:?\s{0,3}(?:
            \d{1,2}\s{1,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s{1,3}\d{4}
          | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(?:\d{1,2},?\s{1,3})?\d{4}
          | \d{4}-\d{2}-\d{2}
          | \d{1,2}/\d{1,2}/\d{2,4}
        )(?![0-9]).{0,200}
      | .*\b(?:all\ rights\ reserved|cookie\ (?:policy|settings)|privacy\ policy)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Markers after which the rest of an article is furniture (share bars, comment boxes).
_TAIL_MARKER = re.compile(
    r"^(?:print\s+share\b|leave\s+a\s+(?:reply|comment)\b|comments?\s*\(\d*\)\s*$|related\s+(?:stories|articles)\b)",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", "…", ":", ";", ",")
_ATTRIBUTION_TAIL = re.compile(r"^[”\"’]?\s*(?:he|she|they|it)\s+(?:said|added|wrote)")
_SPEECH_VERB = re.compile(r"\b(?:said|says|added|wrote|tweeted|told|posted|asked|stated)\b")
# A sentence end: . ! ? or … (and closing quotes or brackets), space, then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")
# Words whose full stop does not end a sentence, and initials (U.S., J. K.).
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Ave|Blvd|Mt|Ft|a\.m|p\.m)"
    r"|\b[A-Z]|\.[A-Za-z])\.$"
)
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines, trimmed of surrounding white space."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def _quote_depth(text: str) -> int:
    """Open curly quotes minus closed ones, or 1 for an odd count of straight quotes."""
    depth = sum(text.count(q) for q in _OPEN_QUOTES) - sum(text.count(q) for q in _CLOSE_QUOTES)
    if text.count('"') % 2:
        depth += 1
    return depth


def _pysbd_pieces(body: str) -> list[str]:
    return [str(p) for p in _segmenter().segment(body)] if len(body) > 1 else [body]


def _fast_pieces(body: str) -> list[str] | None:
    """Split at clear sentence ends; ``None`` when a full stop might belong to an abbreviation.

    Most news sentences end plainly, and this is many times faster than pysbd;
    paragraphs with "U.S." or "Mr." before a capital go to pysbd, which knows them.
    """
    pieces: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(body):
        before = body[max(0, m.start() - 6) : m.start() + 1]
        if body[m.start()] == "." and _ABBREVIATION.search(before):
            return None
        pieces.append(body[start : m.end()])
        start = m.end()
    pieces.append(body[start:])
    return pieces


def sentences(text: str, para: Span) -> list[Span]:
    """Sentence spans inside one paragraph; a quotation is never split."""
    body = text[para.start : para.end]
    raw = _fast_pieces(body)
    if raw is None:
        raw = _pysbd_pieces(body)
    spans: list[Span] = []
    cursor = 0
    for piece in raw:
        piece = piece.strip()
        if not piece:
            continue
        at = body.find(piece, cursor)
        if at < 0:  # the splitter altered the text; fall back to the rest of the paragraph
            at = cursor
            piece = body[cursor:].strip()
        spans.append(Span(para.start + at, para.start + at + len(piece)))
        cursor = at + len(piece)
        if cursor >= len(body):
            break
    merged: list[Span] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            prev_text = text[prev.start : prev.end]
            this_text = text[span.start : span.end]
            inside_quote = _quote_depth(prev_text) > 0
            after_quote = prev_text.rstrip().endswith(("”", '"')) and len(this_text.split()) <= 10
            tail = (
                this_text[:1].islower()
                or _ATTRIBUTION_TAIL.match(this_text) is not None
                or (after_quote and _SPEECH_VERB.search(this_text) is not None)
            )
            if inside_quote or tail:
                merged[-1] = Span(prev.start, span.end)
                continue
        merged.append(span)
    return merged or [para]


def _is_heading(line: str, sentence_count: int) -> bool:
    words = line.split()
    if sentence_count != 1 or not words or len(words) > 14:
        return False
    bare = line.rstrip("”\"’')»")
    if bare.endswith("?"):
        return True
    return not bare.endswith(_TERMINAL) and not line.startswith(("“", '"'))


def role_of(line: str, sentence_count: int) -> Role:
    """The role a whole paragraph plays, judged from its text alone."""
    if _BOILERPLATE_LINE.match(line):
        return "boilerplate"
    if _is_heading(line, sentence_count):
        return "heading"
    return "body"


def _hinted_role(source: Source, span: Span) -> Role | None:
    for hint in source.role_hints:
        if hint.span.overlaps(span):
            return hint.role
    return None


def segment(source: Source) -> list[Claim]:
    """The claims of one source, in text order."""
    text = source.text
    paras = paragraphs(text)
    tail_from = len(text) + 1
    for para in paras:
        if para.start > len(text) * 0.4 and _TAIL_MARKER.match(text[para.start : para.end]):
            tail_from = para.start
            break
    claims: list[Claim] = []
    for p_index, para in enumerate(paras):
        sents = sentences(text, para)
        para_role: Role
        hinted = _hinted_role(source, para)
        if hinted is not None:
            para_role = hinted
        elif para.start >= tail_from:
            para_role = "boilerplate"
        else:
            para_role = role_of(text[para.start : para.end], len(sents))
        for s in sents:
            claims.append(
                Claim(
                    id=f"{source.id}:{len(claims) + 1}",
                    source=source.id,
                    start=s.start,
                    end=s.end,
                    text=text[s.start : s.end],
                    role=para_role,
                    paragraph=p_index,
                )
            )
    return claims
