"""Synthetic pairs of long accounts for benchmarks: B retells A, reordered and reworded, with extras."""

from __future__ import annotations

import random

SUBJECTS = [
    "The army",
    "Police",
    "The ministry",
    "Rescue teams",
    "The governor",
    "Officials in {city}",
    "The agency",
    "Witnesses",
    "The mayor of {city}",
    "Aid groups",
    "{person}",
    "The company",
    "Local media",
]
VERBS = [
    "reported",
    "said",
    "confirmed",
    "estimated",
    "announced",
    "denied",
    "warned",
    "counted",
]
OBJECTS = [
    "{n} people were killed in {city}",
    "{n} homes were damaged near {city}",
    "{n} rockets hit {city}",
    "no one was hurt in {city}",
    "casualties in {city} were being assessed",
    "{n} trucks of aid reached {city}",
    "the bridge to {city} reopened on {day}",
    "{n} aftershocks shook {city} overnight",
    "{person} would visit {city} on {day}",
    "more than {n} families left {city}",
]
CITIES = [
    "Erbil",
    "Irbil",
    "Kyiv",
    "Kiev",
    "Mosul",
    "Basra",
    "Kirkuk",
    "Tikrit",
    "Najaf",
    "Karbala",
    "Aleppo",
    "Homs",
    "Idlib",
    "Latakia",
    "Tartus",
    "Hama",
    "Daraa",
    "Raqqa",
    "Deir",
    "Qamishli",
    "Duhok",
]
PEOPLE = [
    "Qasem Soleimani",
    "Qassim Soleimani",
    "Ali Vaez",
    "Javad Zarif",
    "Amir Hatami",
    "Raz Zimmt",
    "Clement Therme",
    "Ali Khamenei",
    "Mehrzad Boroujerdi",
    "Donald Trump",
    "Mark Esper",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "January 8", "January 9", "last Friday"]
FILLER = (
    "the situation remained tense as night fell and roads stayed closed to traffic while crews worked "
    "through debris and families waited for news from hospitals across the region"
).split()


def _sentence(rng: random.Random, quote: bool) -> str:
    fill = {
        "city": rng.choice(CITIES),
        "person": rng.choice(PEOPLE),
        "n": rng.choice([rng.randint(2, 60), rng.randint(100, 5000)]),
        "day": rng.choice(DAYS),
    }
    body = rng.choice(OBJECTS).format(**fill)
    tail = " ".join(rng.sample(FILLER, rng.randint(3, 9)))
    if quote:
        return f"“{body[0].upper()}{body[1:]}, and {tail},” {rng.choice(PEOPLE)} said."
    return f"{rng.choice(SUBJECTS).format(**fill)} {rng.choice(VERBS)} that {body}, and {tail}."


def _reword(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(words))
        if words[i].isdigit():
            words[i] = str(int(words[i]) + rng.choice([0, 0, 1, 5]))
        elif rng.random() < 0.5:
            words[i] = rng.choice(FILLER)
    return " ".join(words)


def make_pair(sentences: int, seed: int = 7) -> tuple[str, str]:
    """Two accounts of about ``sentences`` sentences each, one paragraph per five sentences."""
    rng = random.Random(seed)
    a = [_sentence(rng, quote=rng.random() < 0.2) for _ in range(sentences)]
    kept = [_reword(rng, s) for s in a if rng.random() < 0.7]
    extra = [_sentence(rng, quote=rng.random() < 0.2) for _ in range(sentences - len(kept))]
    b = kept + extra
    # Reorder paragraph-sized blocks so the retelling is not in the same order.
    blocks = [b[i : i + 5] for i in range(0, len(b), 5)]
    rng.shuffle(blocks)
    b = [s for block in blocks for s in block]

    def text(lines: list[str]) -> str:
        return "\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)) + "\n"

    return text(a), text(b)
