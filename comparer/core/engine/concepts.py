"""A small, general lexicon of news concepts, so paraphrases can meet.

Words map to concept tags ("killed", "fatalities" and "casualties" all carry
``casualty``). Place names and demonyms map to one country key, and capitals
used as shorthand for governments ("Washington", "Tehran") map to their country.
Phrases (idioms such as "the ball is in X's court") map to a tag too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from comparer.core.engine.text import fold, stem

# concept -> words (folded, unstemmed; stemmed when loaded)
_WORD_CONCEPTS: dict[str, str] = {
    "casualty": "casualty casualties killed kill kills killing dead death deaths died die dies fatality "
    "fatalities injured injury injuries wounded wounding hurt harmed toll victims lives",
    "attack": "attack attacks attacked strike strikes struck barrage bombardment raid raids assault "
    "bombing shelling salvo offensive hit hits fire fired firing launch launched launching",
    "retaliation": "retaliation retaliate retaliates retaliated retaliatory revenge avenge avenged "
    "reprisal response respond responds responded",
    "war": "war wars warfare escalation escalate escalating escalated conflict confrontation hostilities "
    "fighting",
    "missile": "missile missiles rocket rockets projectile projectiles",
    "base": "base bases airbase airbases facility facilities installation installations site sites "
    "compound outpost camp",
    "troops": "troops soldiers personnel forces servicemen military army",
    "speak": "speak speaks spoke speech statement statements address remarks announce announced "
    "announcement briefing",
    "tweet": "tweet tweets tweeted twitter",
    "assess": "assess assessed assessing assessment evaluate evaluated evaluating review reviewing",
    "damage": "damage damages damaged destruction destroyed",
    "prevent": "prevent prevented avoid avoided limit limited minimise minimize spare",
    "warn": "warning warned warn warns alert alerted notice",
    "leader": "leader president minister chief head commander",
    "kill_act": "assassination assassinated assassinate killing",
    "remove": "removal remove expel expulsion withdrawal withdraw withdrew oust ousting ending end",
    "presence": "presence present stationed deployment deployed",
    "region": "region regional mideast middle east",
    "plan": "plan plans planning planned intend intends intention",
    "covert": "covert proxies proxy militia militias clandestine",
    "decide": "decide decides decision choose chooses choice option",
    "ignore": "ignore ignores unanswered disregard",
    "self_defence": "self-defence self-defense selfdefence selfdefense",
    "missing": "missing unaccounted accounted whereabouts",
    "workers": "workers worker employees employee staff staffers crew crews",
    "residents": "residents people locals inhabitants villagers civilians population",
    "evacuate": "evacuate evacuated evacuation evacuations evacuees relocated displaced homeless shelter "
    "shelters",
    "hospital": "hospital hospitals hospitalised hospitalized treated patients clinic clinics",
}

# Multi-word phrases -> concept. Matched on folded text.
_PHRASE_CONCEPTS: tuple[tuple[str, str], ...] = (
    (r"\bball\b[\w\s']{0,30}\bcourt\b", "next_move"),
    (r"\bnext (?:move|step)\b", "next_move"),
    (r"\bmove (?:lies|rests|is) with\b", "next_move"),
    (r"\b(?:up to|depends on|depend on) (?:washington|tehran|him|them)\b", "next_move"),
    (r"\bno appetite for\b", "not_seek"),
    (r"\bnot (?:looking for|seek|seeking|want|wanting|plan|planning|interested in)\b", "not_seek"),
    (r"\b(?:do|does|did)(?:n't| not) (?:seek|want|plan|intend)\b", "not_seek"),
    (r"\b(?:eager|keen|wants?|trying|seeks?) to avoid\b", "not_seek"),
    (r"\bno (?:intention|desire|wish|plans?) (?:of|to|for)\b", "not_seek"),
    (r"\bde-?escalat", "not_seek"),
    (
        r"\b(?:no one|nobody|none|no \w+) (?:was|were|had been|has been)? ?(?:killed|injured|hurt|harmed)\b",
        "casualty",
    ),
    (r"\bfull-scale war\b|\bhead-on war\b|\ball-out war\b", "war"),
    (r"\bwhite house\b|\bpentagon\b", "country:us"),
)

# Countries: every name, short form, demonym and capital maps to one key.
_COUNTRIES: dict[str, str] = {
    "us": "us u.s. usa u.s.a. america american americans washington united-states",
    "uk": "uk u.k. britain british brits london england english united-kingdom",
    "iran": "iran iranian iranians tehran persia persian",
    "iraq": "iraq iraqi iraqis baghdad",
    "israel": "israel israeli israelis jerusalem",
    "russia": "russia russian russians moscow kremlin",
    "ukraine": "ukraine ukrainian ukrainians kyiv kiev",
    "china": "china chinese beijing",
    "france": "france french paris",
    "germany": "germany german germans berlin",
    "syria": "syria syrian syrians damascus",
    "lebanon": "lebanon lebanese beirut",
    "turkey": "turkey turkish ankara turkiye",
    "saudi": "saudi saudis riyadh",
    "egypt": "egypt egyptian egyptians cairo",
    "libya": "libya libyan libyans tripoli",
    "afghanistan": "afghanistan afghan afghans kabul",
    "pakistan": "pakistan pakistani pakistanis islamabad",
    "india": "india indian indians delhi",
    "japan": "japan japanese tokyo",
    "italy": "italy italian italians rome",
    "spain": "spain spanish madrid",
    "austria": "austria austrian austrians vienna",
    "australia": "australia australian australians canberra",
    "canada": "canada canadian canadians ottawa",
    "mexico": "mexico mexican mexicans",
    "yemen": "yemen yemeni yemenis sanaa",
    "qatar": "qatar qatari doha",
    "gaza": "gaza gazan gazans",
    "palestine": "palestine palestinian palestinians",
}


@lru_cache(maxsize=1)
def _word_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for concept, words in _WORD_CONCEPTS.items():
        for w in words.split():
            key = stem(w)
            if concept not in table.get(key, ()):
                table[key] = (*table.get(key, ()), concept)
    return table


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Folded country word (name, demonym, capital) -> country key."""
    table: dict[str, str] = {}
    for key, words in _COUNTRIES.items():
        for w in words.split():
            table[w.replace("-", " ")] = key
            table[w.replace(".", "")] = key
            table[w.rstrip(".")] = key
    return table


_PHRASES = tuple((re.compile(p), c) for p, c in _PHRASE_CONCEPTS)
_UNITED = re.compile(r"\bunited states\b")
_UNITED_KINGDOM = re.compile(r"\bunited kingdom\b")


def concepts_of(norm: str, stem_: str) -> tuple[str, ...]:
    """The concept tags of one folded word (often none)."""
    country = country_table().get(norm)
    if country:
        return ("country:" + country,)
    return _word_table().get(stem_, ())


def phrase_concepts(text: str) -> set[str]:
    """Concept tags carried by multi-word phrases in ``text``."""
    folded = fold(text)
    found = {c for pattern, c in _PHRASES if pattern.search(folded)}
    if _UNITED.search(folded):
        found.add("country:us")
    if _UNITED_KINGDOM.search(folded):
        found.add("country:uk")
    return found
