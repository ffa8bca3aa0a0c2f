"""Findings about quotations: same words, a fragment, other wording, other words."""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from comparer.core.engine.facts import ClaimFacts
from comparer.core.engine.model import Finding, Span
from comparer.core.engine.names import same_entity
from comparer.core.engine.quotes import Quote
from comparer.core.engine.text import fold

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
PARTIAL_MIN = 90.0
# An editor's clarification inside a quotation: "deliver oxygen (in the cave)", "[the minister] said".
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[^\w\s]")
WORDING_MIN = 72.0


def quote_words(facts: ClaimFacts, quote: Quote) -> list[tuple[str, Span]]:
    """Folded words of a quotation, each with its span in the source text."""
    out: list[tuple[str, Span]] = []
    for part in quote.parts:
        rel_start = part.start - facts.claim.start
        rel_end = part.end - facts.claim.start
        chunk = facts.claim.text[rel_start:rel_end]
        for m in _WORD.finditer(chunk):
            out.append((fold(m.group()), Span(part.start + m.start(), part.start + m.end())))
    return out


def word_diff(
    wa: list[tuple[str, Span]], wb: list[tuple[str, Span]]
) -> tuple[list[Span], list[Span], list[list[str]]]:
    """Spans of words only in a, only in b, and the edit operations (for explanations and views)."""
    sm = difflib.SequenceMatcher(a=[w for w, _ in wa], b=[w for w, _ in wb], autojunk=False)
    only_a: list[Span] = []
    only_b: list[Span] = []
    ops: list[list[str]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        only_a.extend(s for _, s in wa[i1:i2])
        only_b.extend(s for _, s in wb[j1:j2])
        ops.append([tag, " ".join(w for w, _ in wa[i1:i2]), " ".join(w for w, _ in wb[j1:j2])])
    return only_a, only_b, ops


def _describe_ops(ops: list[list[str]]) -> str:
    parts = []
    for tag, a, b in ops:
        if tag == "delete":
            parts.append(f"a adds “{a}”")
        elif tag == "insert":
            parts.append(f"b adds “{b}”")
        else:
            parts.append(f"“{a}” / “{b}”")
    return "; ".join(parts)


def same_words_but_brackets(a: str, b: str) -> bool:
    """True when two folded quotations have the same words once editors' bracketed insertions go."""
    return _BRACKETED.sub(" ", a).split() == _BRACKETED.sub(" ", b).split()


def _same_speaker(fa: ClaimFacts, fb: ClaimFacts) -> bool:
    """Both claims are chiefly someone's words, and that someone is one person."""
    return (
        fa.speaker is not None
        and fb.speaker is not None
        and fa.speaker_is_subject
        and fb.speaker_is_subject
        and same_entity(fa.speaker, fb.speaker)
    )


def quote_findings(fa: ClaimFacts, fb: ClaimFacts) -> list[Finding]:
    """Compare the quotations of two claims."""
    out: list[Finding] = []
    used_b: set[int] = set()
    fragments: list[tuple[Quote, Quote]] = []
    unmatched_a: list[Quote] = []
    for qa in fa.quotes:
        best: tuple[float, int] | None = None
        for i, qb in enumerate(fb.quotes):
            score = fuzz.partial_ratio(fold(qa.text), fold(qb.text), processor=None)
            if best is None or score > best[0]:
                best = (score, i)
        if best is None:
            unmatched_a.append(qa)
            continue
        qb = fb.quotes[best[1]]
        ta, tb = fold(qa.text), fold(qb.text)
        if same_words_but_brackets(ta, tb):
            used_b.add(best[1])
            continue  # the same words; one adds an editor's clarification in brackets
        short, long_ = sorted((len(ta), len(tb)))
        whole_ratio = fuzz.ratio(ta, tb, processor=None)
        if best[0] >= PARTIAL_MIN and short < 0.8 * long_ and short >= 8:
            used_b.add(best[1])
            fragments.append((qa, qb))
            continue
        if whole_ratio < WORDING_MIN:
            unmatched_a.append(qa)
            continue
        used_b.add(best[1])
        if whole_ratio >= 99.5:
            continue  # same words
        wa, wb = quote_words(fa, qa), quote_words(fb, qb)
        only_a, only_b, ops = word_diff(wa, wb)
        if not ops:
            continue  # differs only in punctuation or case
        out.append(
            Finding(
                kind="quote_wording",
                values=(qa.text, qb.text),
                spans=(tuple(only_a) or qa.parts, tuple(only_b) or qb.parts),
                explanation=f"the same quotation worded differently: {_describe_ops(ops)}",
                detail={
                    "ratio": round(whole_ratio, 1),
                    "diff": ops,
                    "quotes": [list_spans(qa), list_spans(qb)],
                },
            )
        )
    fragments += [(qa, qb) for qa, qb in _b_fragments(fa, fb, used_b)]
    # One word in quotation marks ("condemned the 'senseless' attack") is a term marked, not a quotation cut.
    fragments = [(qa, qb) for qa, qb in fragments if len(min(qa.text, qb.text, key=len).split()) > 1]
    if fragments:
        parts_a = tuple(p for qa, _ in fragments for p in qa.parts)
        parts_b = tuple(p for _, qb in fragments for p in qb.parts)
        shorter = (
            "a"
            if sum(len(qa.text) for qa, _ in fragments) < sum(len(qb.text) for _, qb in fragments)
            else "b"
        )
        other = "b" if shorter == "a" else "a"
        shown_a = " … ".join(dict.fromkeys(qa.text for qa, _ in fragments))
        shown_b = " … ".join(dict.fromkeys(qb.text for _, qb in fragments))
        out.append(
            Finding(
                kind="quote_partial",
                values=(shown_a, shown_b),
                spans=(tuple(dict.fromkeys(parts_a)), tuple(dict.fromkeys(parts_b))),
                explanation=f"{shorter} quotes part of what {other} quotes in full: "
                "a fragment, not a misquote",
                detail={"opening": len(fragments) == 1 and _opening_sentences(*fragments[0])},
            )
        )
    rest_b = [
        qb for i, qb in enumerate(fb.quotes) if i not in used_b and not any(qb is f[1] for f in fragments)
    ]
    if unmatched_a and rest_b and _same_speaker(fa, fb):
        qa, qb = unmatched_a[0], rest_b[0]
        who_a = fa.speaker.text if fa.speaker else ""
        who_b = fb.speaker.text if fb.speaker else ""
        out.append(
            Finding(
                kind="quote_differs",
                values=(qa.text, qb.text),
                spans=(qa.parts, qb.parts),
                explanation=f"different words quoted from the same speaker ({who_a} / {who_b})",
                detail={"speaker": [who_a, who_b]},
            )
        )
    return out


_EDGES = " .,;:!?\"'\u2018\u2019\u201c\u201d"


def quoted_words(text: str) -> str:
    """A quotation folded, without the punctuation and quote marks at its edges: a fragment quoted with
    its own full stop is still the same words."""
    return fold(text).strip(_EDGES)


_STOPS = (".", "!", "?")


def _opening_sentences(qa: Quote, qb: Quote) -> bool:
    """True when the shorter quotation is the longer one's first sentence or sentences, word for word: the
    opening of a statement quoted whole, not words picked out of it."""
    short, long_ = sorted((quoted_words(qa.text), quoted_words(qb.text)), key=len)
    if not short or not long_.startswith(short):
        return False
    rest = long_[len(short) :]
    return rest[:1] in _STOPS


def _b_fragments(fa: ClaimFacts, fb: ClaimFacts, used_b: set[int]) -> list[tuple[Quote, Quote]]:
    """Quotes of b that are fragments of a longer quote in a."""
    out = []
    for i, qb in enumerate(fb.quotes):
        if i in used_b:
            continue
        for qa in fa.quotes:
            ta, tb = fold(qa.text), fold(qb.text)
            if 8 <= len(tb) < 0.8 * len(ta) and fuzz.partial_ratio(tb, ta, processor=None) >= PARTIAL_MIN:
                used_b.add(i)
                out.append((qa, qb))
                break
    return out


def list_spans(q: Quote) -> list[list[int]]:
    """A quotation's parts as ``[start, end]`` pairs."""
    return [[p.start, p.end] for p in q.parts]
