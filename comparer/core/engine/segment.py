"""Split a source into claims: paragraphs, then sentences, each with a role."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from comparer.core.engine.model import Claim, Role, Source, Span
from comparer.core.engine.quotes import single_quote_depth
from comparer.core.lexicon import alternation, lexicon


def _month_prefixes() -> str:
    return alternation(lexicon().calendar.month_prefixes)


def _boilerplate_line() -> re.Pattern[str]:
    """Lines that are page furniture rather than reporting, matched against a whole paragraph.

    The lines are in boilerplate.toml (verbose regular expressions, each bounded so a long
    paragraph costs linear time); a share bar is two or more of its share words.
    """
    bp = lexicon().boilerplate
    share = alternation(bp.share_words, space=r"\ ")
    lines = [rf"(?:{share})(?:\s+(?:{share}))+\s*"]
    lines += [line.replace("{month}", _month_prefixes()) for line in bp.lines]
    return re.compile("^(?:\n" + "\n|".join(lines) + "\n)$", re.IGNORECASE | re.VERBOSE)


def _speech_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A piece that only ends the sentence before ('” she said.'), and any speech verb (as written)."""
    sp = lexicon().speech
    verbs = alternation(sp.all_verbs)
    tail = re.compile(rf"^[”\"’]?\s*(?:{alternation(sp.tail_pronouns)})\s+(?:{verbs})")
    return tail, re.compile(rf"\b(?:{verbs})\b")


def _abbreviation() -> re.Pattern[str]:
    """A full stop that ends no sentence: after a title or a short form, or an initial (U.S., J. K.)."""
    cal = lexicon().calendar
    short = (
        *lexicon().names.abbreviations,
        *(a.capitalize() for a in (*cal.month_abbreviations, *cal.weekday_abbreviations)),
    )
    return re.compile(rf"(?:\b(?:{alternation(short)})|\b[A-Z]|\.[A-Za-z])\.$")


_BOILERPLATE_LINE = _boilerplate_line()
# Markers after which the rest of an article is furniture (share bars, comment boxes).
_TAIL_MARKER = re.compile("^(?:" + "|".join(lexicon().boilerplate.tail_markers) + ")", re.IGNORECASE)
_TERMINAL = (".", "!", "?", "…", ":", ";", ",")
_ATTRIBUTION_TAIL, _SPEECH_VERB = _speech_patterns()
# A sentence end: . ! ? or … (and closing quotes or brackets), space, then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")
_ABBREVIATION = _abbreviation()
_CLOCK_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)
_ZONE_START = re.compile(
    rf"^\(?(?:{alternation(z.upper() for z in lexicon().calendar.zones)})\b|^(?i:local time)\b"
)
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture ("Advertisement", a photo credit, a share bar)."""
    return bool(_BOILERPLATE_LINE.match(line))


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
    return depth + single_quote_depth(text)


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
                # "at 1:20 a.m. GMT (8:20 p.m. EST)": the zone after a time's "a.m." goes on the sentence
                or (_CLOCK_END.search(prev_text) is not None and _ZONE_START.match(this_text) is not None)
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
    if is_boilerplate(line):
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
