"""Names of people, places and organisations, and which spellings are one name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from comparer.core.engine.concepts import country_table
from comparer.core.engine.model import Span
from comparer.core.engine.text import STOPWORDS, fold
from comparer.core.lexicon import alternation, lexicon

_NAMES = lexicon().names
# A title abbreviation with its full stop ("Rear Adm. Piet Smit") stays inside a name.
_TITLE_ABBREVIATION = rf"(?:{alternation(a for a in _NAMES.abbreviations if a[:1].isupper())})\.(?=\s+[A-Z])"
_CAP_WORD = rf"(?:{_TITLE_ABBREVIATION}|[A-Z][\w'’.-]*[\w]|[A-Z]\.?)"
_PARTICLE = rf"(?:\b(?:{alternation(_NAMES.particles)}))"
_NAME = re.compile(rf"(?:{_PARTICLE})?{_CAP_WORD}(?:\s+(?:{_PARTICLE})?{_CAP_WORD})*")
_TITLES = _NAMES.titles
# Capitalised words that open sentences or headings without naming anything.
_COMMON_OPENERS = _NAMES.openers


def _calendar_words() -> frozenset[str]:
    """Months, weekdays and time zones, folded: a name made only of them is no name."""
    cal = lexicon().calendar
    return frozenset((*cal.months, *cal.weekdays, *cal.zones))


_CALENDAR = _calendar_words()
_WEEKDAYS = frozenset(lexicon().calendar.weekdays)


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name as written in a claim, and its folded words without titles."""

    span: Span
    text: str
    words: tuple[str, ...]
    possessive: bool = False

    @property
    def key(self) -> str:
        """The folded name, titles removed."""
        return " ".join(self.words)


def _possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


# Particles dropped from the front of a word when names are compared ("al-Asad" is "asad").
_HYPHENED = tuple(p for p in _NAMES.particles if p.endswith("-"))
_STRIPPED = (*_HYPHENED, *(p[:-1] + " " for p in _HYPHENED))


def _strip_particle(word: str) -> str:
    for p in _STRIPPED:
        if word.startswith(p):
            return word[len(p) :]
    return word


@lru_cache(maxsize=8192)
def _is_common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= 5.0


# What may stand right before a word that opens a sentence (or a quotation): nothing, a quotation mark,
# a dash, or the end of the sentence before it ("I want to live. Please do something").
_OPENS_SENTENCE = ("", "“", '"', "—", ".", "!", "?")


def find_names(text: str, offset: int = 0) -> list[NameMention]:
    """Capitalised word runs that look like names; spans shifted by ``offset``."""
    out: list[NameMention] = []
    for m in _NAME.finditer(text):
        raw = m.group()
        start = m.start()
        tokens = raw.split()
        # Drop a sentence-opening common word ("The Iranian military" -> "Iranian").
        while tokens and (
            fold(tokens[0]) in _COMMON_OPENERS
            or (
                (start == 0 or text[max(0, start - 2) : start].strip() in _OPENS_SENTENCE)
                and _is_common_word(fold(tokens[0]))
                and fold(tokens[0]) not in country_table()
                and len(tokens) == 1
            )
        ):
            start += len(tokens[0]) + 1
            tokens = tokens[1:]
        # "the Kochi International Airport Wednesday announced": the day is when, not part of the name
        while len(tokens) > 2 and fold(tokens[-1]).strip(".,") in _WEEKDAYS:
            tokens = tokens[:-1]
        if not tokens:
            continue
        folded = [_strip_particle(_possessive(fold(t).strip(".’'"))) for t in tokens]
        words = tuple(w for w in folded if w and w not in _TITLES and w not in STOPWORDS)
        # "Iranian Foreign Minister Mohammad Javad Zarif": the demonym only qualifies the title.
        while len(words) > 1 and words[0] in country_table() and any(w in _TITLES for w in folded):
            words = words[1:]
        if not words or all(w in _CALENDAR for w in words):
            continue
        shown = " ".join(tokens)
        possessive = re.search(r"(?:['’]s|s['’])$", shown)
        if possessive:
            shown = shown[: possessive.start() + (1 if possessive.group().startswith("s") else 0)]
        out.append(
            NameMention(Span(start + offset, start + offset + len(shown)), shown, words, bool(possessive))
        )
    return out


_DOUBLED = re.compile(r"(.)\1+")
_TRANSLIT = lexicon().spellings.romanisation  # (letters, replacement), applied in order


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """A rough romanisation key: Qadhafi and Gaddafi, Zelenskyy and Zelensky, meet."""
    for old, new in _TRANSLIT:
        word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    return "k" + word[1:] if word.startswith("g") else word


# Two words sound alike when their sound codes agree in at least this many letters; a shorter code
# ("KT") is shared by too many unrelated words (Gato / Quito), so their letters must be this alike too
# (Bohm / Boehm).
_SOUND_LETTERS = 3
_SHORT_SOUND_LETTERS_ALIKE = 80
# Even a longer shared sound code needs letters this alike: "Boeing" and "Bank" share one (BNK) by chance,
# spellings of one name (Qasem / Qassim 80, Kettani / Kettaneh 77) far more.
_SOUND_LETTERS_ALIKE = 60


def _letters_alike(a: str, b: str) -> bool:
    """Same romanisation key, same sound with a similar length, or nearly the same letters and ending."""
    ta, tb = translit_key(a), translit_key(b)
    if ta == tb:
        return True
    sound = jellyfish.metaphone(ta)
    if (
        sound == jellyfish.metaphone(tb)
        and abs(len(a) - len(b)) <= 2
        and fuzz.ratio(ta, tb, processor=None)
        >= (_SOUND_LETTERS_ALIKE if len(sound) >= _SOUND_LETTERS else _SHORT_SOUND_LETTERS_ALIKE)
    ):
        return True
    return fuzz.ratio(ta, tb, processor=None) >= 80 and ta[-1] == tb[-1] and len(a) >= 5


@lru_cache(maxsize=65536)
def words_match(a: str, b: str) -> bool:
    """One name word spelled two ways: Qasem/Qassim, Irbil/Erbil, Asad/Assad — not Iran/Iraq."""
    if a == b:
        return True
    countries = country_table()
    if a in countries and b in countries:
        return countries[a] == countries[b]
    if len(a) < 3 or len(b) < 3 or a[0].isdigit() or b[0].isdigit():
        return False
    return _letters_alike(a, b)


@lru_cache(maxsize=65536)
def spelled_alike(a: str, b: str) -> bool:
    """Two different spellings of one word (Qasem/Qassim, Kyiv/Kiev), judged on the letters alone."""
    if a == b or len(a) < 3 or len(b) < 3 or a.startswith(b) or b.startswith(a):
        return False  # Iraq / Iraqi, American / Americans: one word's forms, not two spellings
    return _letters_alike(a, b) and not _other_words(a, b)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(d for c in lexicon().places.countries for d in c.demonyms)


# A word at least this frequent (Zipf) is an ordinary English word, seldom a name's spelling.
_ORDINARY_WORD = 3.0


@lru_cache(maxsize=65536)
def _other_words(a: str, b: str) -> bool:
    """True for two words whose letters are alike but that are not one name spelled two ways: a people's
    word and another word of a country ("Filipino" / "Philippine"; not "Kyiv" / "Kiev", two spellings of
    one capital), or an ordinary English word against a rare one starting with another letter ("Asian" /
    "Haiyan")."""
    table = country_table()
    if a in table and b in table and (a in _demonyms() or b in _demonyms()):
        return True  # a people and its country's other word ("Filipino" / "Philippine"), or two peoples
    common_a = zipf_frequency(a, "en") >= _ORDINARY_WORD
    return a[:1] != b[:1] and common_a != (zipf_frequency(b, "en") >= _ORDINARY_WORD)


def same_entity(a: NameMention, b: NameMention) -> bool:
    """True when two mentions plausibly name the same entity.

    The last words must match (surname or place), and every other word of the
    shorter name must match a word of the longer one, so "Javad Zarif" meets
    "Mohammad Javad Zarif" but "Ali Khamenei" does not meet "Ali Vaez".
    """
    if not a.words or not b.words:
        return False
    words_a, words_b = _unhyphened(a.words), _unhyphened(b.words)
    if not words_match(words_a[-1], words_b[-1]):
        return False
    short, long_ = (words_a, words_b) if len(words_a) <= len(words_b) else (words_b, words_a)
    return all(any(words_match(w, v) for v in long_) for w in short[:-1])


def _unhyphened(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with hyphenated ones split: "Lim Hyung-min" meets "Lim Hyung Min"."""
    if not any("-" in w for w in words):
        return words
    return tuple(part for w in words for part in w.split("-") if part)


def is_variant(a: NameMention, b: NameMention) -> bool:
    """Same entity, written differently (spelling or length)."""
    return same_entity(a, b) and a.key != b.key
