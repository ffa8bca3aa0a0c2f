"""Quotations, who said them and how, and whether a claim is attributed at all."""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparer.core.engine.model import Span
from comparer.core.engine.names import NameMention
from comparer.core.lexicon import alternation, lexicon

_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"))
_CLOSER = dict(_PAIRS)
_OPENER = re.compile("[" + "".join(_CLOSER) + "]")


def giving_figure() -> str:
    """A pattern for a verb giving a figure ("put the death toll", "putting the preliminary number"): it
    attributes after a source noun or a name, like the source verbs."""
    sp = lexicon().speech
    if not sp.figure_verbs or not sp.figure_nouns:
        return "(?!)"
    nouns = alternation(sp.figure_nouns, space=r"\s+")
    return rf"(?:{alternation(sp.figure_verbs)})\s+the\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})"


def _speech_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The channel, pronoun-speaker and attribution patterns, from one list of speech verbs."""
    sp = lexicon().speech
    verbs, attributing = alternation(sp.all_verbs), alternation(sp.verbs)
    wrote_on = rf"wrote on (?:{alternation(sp.platforms)})"
    said_how = alternation((*sp.cues, *sp.channel_phrases))
    channel = re.compile(rf"\b(?P<verb>{wrote_on}|{verbs}|{said_how})\b", re.IGNORECASE)
    pronoun = re.compile(rf"\b(?P<pron>{alternation(sp.pronouns)})\s+(?:{verbs})\b", re.IGNORECASE)
    objects = alternation(sp.not_speech_after, space=r"\s+")
    act = rf"(?!\s+(?:{objects})\b)" if sp.not_speech_after else ""
    attribution = re.compile(
        rf"\b(?:{alternation(sp.sources)})(?:\s+(?:in|of|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
        rf"\s+(?:{alternation((*sp.verbs, *sp.source_verbs))}|{giving_figure()})\b{act}"
        rf"|\b(?:{alternation(sp.cues)})\b"
        rf"|(?:\b(?:the|a|an|its|their)\s+[\w-]+\s+)?\b(?:{attributing})\b{act}",
        re.IGNORECASE,
    )
    return channel, pronoun, attribution


_CHANNEL, _PRONOUN, _ATTRIBUTION = _speech_patterns()
_ADDRESSEE_VERBS = lexicon().speech.addressee_verbs


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a claim puts in someone's mouth.

    ``parts`` are the quoted segments (a quote split around "he said" has two);
    ``speaker`` is the name the claim (or the sentence before) gives, if any.
    """

    parts: tuple[Span, ...]
    text: str
    speaker: str | None
    speaker_words: tuple[str, ...]
    channel: str | None


# Single curly quotes (‘…’) quote too, as British and Indian outlets print them, but ’ is also the
# apostrophe: ‘ opens a quotation only at the start of a word, and ’ closes it only at the end of one
# (not in "Kerala’s" or "don’t").
_SINGLE_OPEN = re.compile(r"(?<![\w’'])‘(?=[^\W\d_]|[\"“])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:…”\"])’(?![\w])")


def single_quote_depth(text: str) -> int:
    """How many quotations in single curly quotes ``text`` leaves open (0 or more)."""
    depth = 0
    for m in re.finditer("[‘’]", text):
        if m.group() == "‘" and _SINGLE_OPEN.match(text, m.start()):
            depth += 1
        elif depth and _SINGLE_CLOSE.match(text, m.start()):
            depth -= 1
    return depth


def quoted_spans(text: str) -> list[Span]:
    """Top-level quoted segments (without the quote marks) in ``text``."""
    spans: list[Span] = []
    i = 0
    while (m := _OPENER.search(text, i)) is not None:
        i = m.start()
        if m.group() == "‘":
            if not _SINGLE_OPEN.match(text, i):
                i += 1
                continue
            close = _SINGLE_CLOSE.search(text, i + 1)
            j = close.start() if close else -1
        else:
            j = text.find(_CLOSER[m.group()], i + 1)
        if j < 0 and m.group() == "“":
            j = text.find('"', i + 1)  # web text that opens with a curly mark and closes with a straight one
        if j < 0:
            # An unclosed quote runs to the end (a quotation continued in the next paragraph).
            if len(text) - i > 3:
                spans.append(Span(i + 1, len(text)))
            break
        if j - i > 1:
            spans.append(Span(i + 1, j))
        i = j + 1
    return spans


def outside_quotes(text: str, spans: list[Span]) -> str:
    """The text with quoted parts blanked out (same length, so offsets hold)."""
    chars = list(text)
    for s in spans:
        first, last = max(0, s.start - 1), min(len(chars), s.end + 1)
        if last > first:
            chars[first:last] = " " * (last - first)
    return "".join(chars)


def channel_of(text: str) -> str | None:
    """How the words were delivered: said, told, tweeted, wrote on Twitter …"""
    m = _CHANNEL.search(text)
    if not m:
        return None
    verb = m.group("verb").lower()
    if verb.startswith("wrote on") or verb == "tweeted":
        return "twitter" if "twitter" in verb or verb == "tweeted" else verb
    return verb


_TITLE_WORDS = frozenset(lexicon().names.titles)


_SPEAKER_TITLES = frozenset((*lexicon().names.titles, *lexicon().names.spelling_titles)) - {"the"}


def title_of_speaker(text: str) -> tuple[str, ...]:
    """The title a claim gives its speaker without a name ("…,’ the Chief Minister said"; "said the
    mayor"): its words in lower case, or () when the speaker is not named by a title alone."""
    for m in _CHANNEL.finditer(text):
        before = re.findall(r"[\w-]+", text[max(0, m.start() - 50) : m.start()].lower())[-4:]
        after = re.findall(r"[\w-]+", text[m.end() : m.end() + 50].lower())[:4]
        for words in (before[before.index("the") + 1 :] if "the" in before else [], _after_the(after)):
            if words and all(w in _SPEAKER_TITLES for w in words):
                return tuple(words)
    return ()


def _after_the(words: list[str]) -> list[str]:
    if not words or words[0] != "the":
        return []
    titled = []
    for w in words[1:]:
        if w not in _SPEAKER_TITLES:
            break
        titled.append(w)
    return titled


# A clause break, then words up to a speech verb with no other break: the verb's own subject ("…, the park
# service said", "…, police said"); a break right before the verb ("Smit, a spokesman, said") is none, nor a
# date ("on Tuesday evening, March 26 said").
_OWN_SUBJECT = re.compile(r"[,;—–]\s*[^\W\d_][^,;—–“”\"\d]*?\s+$")


def verb_has_own_subject(text: str, after: int) -> bool:
    """True when the first speech verb after offset ``after`` of ``text`` has a subject of its own after a
    clause break ("…Mount Tarrow on Sunday, the park service said"): a name before that break is not who
    speaks."""
    v = _CHANNEL.search(text, after)
    return v is not None and _has_own_subject(text, after, v)


def _has_own_subject(text: str, after: int, verb: re.Match[str]) -> bool:
    # "…, instead saying that": a participle takes the clause's subject, it has none of its own
    if verb.group("verb").lower().endswith("ing"):
        return False
    return _OWN_SUBJECT.search(text, after, verb.start()) is not None


def speaker_in(text: str, names: list[NameMention], offset: int) -> NameMention | None:
    """The named person a claim attributes its words to: the name nearest a speech verb."""
    verbs = list(_CHANNEL.finditer(text))
    if not verbs or not names:
        return None
    best: tuple[int, NameMention] | None = None
    for name in names:
        ns = name.span.start - offset
        ne = name.span.end - offset
        for v in verbs:
            distance = v.start() - ne if v.start() >= ne else ns - v.end()
            if distance < 0 or distance > 80:
                continue
            if v.start() < ne and v.group().lower() in _ADDRESSEE_VERBS:
                continue  # "Cho Yang-bok told YTN television": YTN heard the words
            if v.start() >= ne and _has_own_subject(text, ne, v):
                continue  # "… on Mount Tarrow on Sunday, the park service said": the verb has its own subject
            if best is None or distance < best[0]:
                best = (distance, name)
    if best is None:
        return None
    return person_after_title(best[1], names, text, offset)


_TOLD_BEFORE = re.compile(
    rf"\b(?:{alternation(tuple(sorted(_ADDRESSEE_VERBS))) or '(?!)'})\s+(?:the\s+)?$", re.IGNORECASE
)


def spoken_to(text: str, start: int) -> bool:
    """True when the name at ``start`` follows a verb that makes it the one spoken to ("told YTN")."""
    return _TOLD_BEFORE.search(text, max(0, start - 16), start) is not None


def person_after_title(chosen: NameMention, names: list[NameMention], text: str, offset: int) -> NameMention:
    """ "said Harbour Police chief Piet Smit": a name followed by a title and a second name is the
    body the person belongs to; the person is the second name."""
    for later in names:
        gap = text[chosen.span.end - offset : later.span.start - offset]
        words = gap.split()
        if (
            later.span.start > chosen.span.end
            and 1 <= len(words) <= 2
            and all(w.lower().strip(",") in _TITLE_WORDS for w in words)
        ):
            return later
    return chosen


def has_pronoun_speaker(text: str) -> bool:
    """True for "he said", "she added" and the like."""
    return bool(_PRONOUN.search(text))


_SPACE = r"\s+"
# A name, then a verb of giving a figure or a finding ("AFP put the death toll at 156", "Reuters estimated").
# A capitalised function word opening a sentence is no name ("An estimated 18 people …").
_FUNCTION_WORD = alternation(tuple(sorted(w.capitalize() for w in lexicon().words.stopwords)))
_NAMED_SOURCE = re.compile(
    rf"\b(?!(?:{_FUNCTION_WORD})\b)[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){{0,3}}\s+"
    rf"(?i:{alternation(lexicon().speech.source_verbs, space=_SPACE)}|{giving_figure()})\b"
)

# Words that credit a claim to sources they do not name ("have been reported to be killed").
_UNNAMED = re.compile(
    rf"\b(?:{alternation(lexicon().speech.unnamed, space=_SPACE)})\b"
    if lexicon().speech.unnamed
    else r"(?!)",
    re.IGNORECASE,
)


def attribution_phrase(text: str) -> str | None:
    """The words attributing a claim ("analysts say", "according to", "AFP put the death toll"); ``None``
    for the outlet's own voice."""
    m = _ATTRIBUTION.search(text) or _NAMED_SOURCE.search(text) or _UNNAMED.search(text)
    return m.group().strip() if m else None
