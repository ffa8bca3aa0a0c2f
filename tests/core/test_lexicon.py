"""The lexicon files: each list is well formed and the lists do not contradict each other."""

import ast
import hashlib
import re
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from comparer.core.engine import casualties, concepts, dates, discrepancies, findings, names, numbers, pubdate
from comparer.core.engine.facts import extract_facts
from comparer.core.engine.model import Claim, Source
from comparer.core.engine.quantities import quantities_of
from comparer.core.engine.segment import role_of
from comparer.core.engine.semantic import denies, negations
from comparer.core.engine.text import fold, stem
from comparer.core.lexicon import LEXICON_FILES, alternation, lexicon, lexicon_stamp, measure_lexicon


def test_every_lexicon_file_parses_and_has_a_version():
    for name in LEXICON_FILES:
        raw = (resources.files("comparer.resources") / "lexicon" / name).read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        assert isinstance(data.get("version"), int), name


def test_every_measure_has_a_label_and_words_unless_it_is_read_another_way():
    lex = measure_lexicon()
    assert {"deaths", "injured", "missing", "money"} <= {m.name for m in lex.measures}
    for m in lex.measures:
        assert m.label
        assert m.words or m.name in ("money",), m.name
        assert all(w == w.lower().strip() and w for w in m.words), m.name


def test_no_word_puts_a_figure_in_two_measures():
    seen: dict[str, str] = {}
    for m in measure_lexicon().measures:
        for w in m.words:
            assert w not in seen, f"{w!r} is in {seen.get(w)} and {m.name}"
            seen[w] = m.name


@pytest.mark.parametrize("noun", sorted(measure_lexicon().groups))
def test_every_group_noun_counts_people_or_is_a_phrase(noun):
    lex = measure_lexicon()
    assert noun in lex.people or " " in noun


def test_money_and_media_lists_are_there():
    lex = measure_lexicon()
    assert "€" in lex.money_signs
    assert "euros" in lex.money_words
    assert {"news", "agency"} <= lex.media_words


def test_the_stamp_names_the_version_and_a_hash():
    stamp = lexicon_stamp()
    assert stamp["version"].startswith("measures-")
    assert len(stamp["sha256"]) == 16


# --- every family of resources/lexicon -------------------------------------------------------------

LEX = lexicon()


def _lists():
    """(name, list, folded?) for every list of every family."""
    sp, cal, num, cas, nam = LEX.speech, LEX.calendar, LEX.numbers, LEX.casualties, LEX.names
    yield "speech.verbs", sp.verbs, True
    yield "speech.channel_verbs", sp.channel_verbs, True
    yield "speech.cues", sp.cues, True
    yield "speech.channel_phrases", sp.channel_phrases, True
    yield "speech.platforms", sp.platforms, True
    yield "speech.pronouns", sp.pronouns, True
    yield "speech.tail_pronouns", sp.tail_pronouns, True
    yield "speech.sources", sp.sources, True
    yield "speech.source_verbs", sp.source_verbs, True
    yield "speech.own_voice.organisation", tuple(sp.organisation_words), True
    yield "speech.own_voice.never", tuple(sp.never_own_voice), True
    yield "calendar.months", tuple(cal.months), True
    yield "calendar.weekdays", cal.weekdays, True
    yield "calendar.weekday_abbreviations", cal.weekday_abbreviations, True
    yield "calendar.weekday_qualifiers", cal.weekday_qualifiers, True
    yield "calendar.zones", cal.zones, True
    yield "calendar.relative", tuple(cal.relative), True
    yield "calendar.future", cal.future, True
    yield "calendar.publication_labels", cal.publication_labels, True
    yield "calendar.citation_words", cal.citation_words, True
    yield "numbers.words", (*num.units, *num.tens, *num.scales), True
    yield "numbers.hedges", tuple(num.hedges), True
    yield "numbers.vague", tuple(num.vague), True
    yield "numbers.labels", num.labels, True
    yield "numbers.units", tuple(w for u in num.measures for w in u.words), True
    for field in cas.__slots__:
        yield f"casualties.{field}", getattr(cas, field), True
    yield "names.titles", tuple(nam.titles), True
    yield "names.particles", nam.particles, True
    yield "names.openers", tuple(nam.openers), True
    yield "names.abbreviations", nam.abbreviations, False
    yield "places.words", tuple(w for c in LEX.places.countries for w in c.words), True
    yield "places.phrases", tuple(p for p, _ in LEX.places.phrases), True
    for concept, words in LEX.concepts.words:
        yield f"concepts.{concept}", words, True
    yield "concepts.phrases", tuple(p for p, _ in LEX.concepts.phrases), False
    yield "words.stopwords", tuple(LEX.words.stopwords), True
    yield "words.negations", LEX.words.negations, True
    yield "words.clause_words", LEX.words.clause_words, True
    yield "spellings.romanisation", tuple(a for a, _ in LEX.spellings.romanisation), True
    yield "spellings.british", tuple(a for a, _ in LEX.spellings.british), True
    yield "boilerplate.share_words", LEX.boilerplate.share_words, True
    yield "boilerplate.lines", LEX.boilerplate.lines, False
    yield "boilerplate.tail_markers", LEX.boilerplate.tail_markers, False
    yield "boilerplate.script_required", LEX.boilerplate.script_required, False
    yield "names.spelling_titles", tuple(LEX.names.spelling_titles), True
    fig = LEX.figures
    for field in fig.__slots__:
        yield f"figures.{field}", tuple(getattr(fig, field)), True


@pytest.mark.parametrize(("name", "words", "folded"), list(_lists()), ids=[n for n, _, _ in _lists()])
def test_every_list_loads_is_not_empty_and_has_no_duplicates(name, words, folded):
    assert words, f"{name} is empty"
    assert len(set(words)) == len(words), f"{name} repeats {[w for w in words if words.count(w) > 1]}"
    assert all(w == w.strip() or w.endswith((" ", "-")) for w in words), name
    if folded:  # curly apostrophes may stay: the engine reads both kinds where the text has them
        assert all(fold(w) == w.replace("’", "'") for w in words), f"{name} must be lower case, no accents"


def test_every_file_of_the_folder_is_read_and_says_what_it_is_for():
    folder = Path(str(resources.files("comparer.resources") / "lexicon"))
    assert sorted(LEXICON_FILES) == sorted(p.name for p in folder.glob("*.toml"))
    for name in LEXICON_FILES:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith("# "), f"{name} opens with a comment saying what its lists are for"
        assert "version" in text.split("\n\n", 2)[0] + text, name


def test_the_stamp_covers_every_file_in_a_fixed_order():
    folder = resources.files("comparer.resources") / "lexicon"
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    stamp = lexicon_stamp()
    assert stamp["sha256"] == digest.hexdigest()[:16]
    assert [part.split("-")[0] for part in stamp["version"].split("+")] == [
        n.removesuffix(".toml") for n in LEXICON_FILES
    ]


def test_the_lexicon_is_frozen():
    with pytest.raises(AttributeError):
        LEX.speech.verbs = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        LEX.calendar.months["smarch"] = 13  # type: ignore[index]
    with pytest.raises(TypeError):
        concepts.country_table()["atlantis"] = "atlantis"  # type: ignore[index]
    assert lexicon() is LEX


def test_alternation_puts_the_longest_first_and_escapes():
    assert alternation(["kill", "killed", "killing"]) == "kill(?:ing|ed)?"
    assert alternation(["copy link", "comment"], space=r"\ ") == r"co(?:py\ link|mment)"
    assert re.fullmatch(alternation(["a.m", "p.m"]), "a.m")
    assert not re.fullmatch(alternation(["a.m", "p.m"]), "axm")
    words = ["no", "no one", "none", "nobody", "not", "nothing", "toll", "death toll", "death", "deaths"]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    text = "No one died; none of the deaths, nothing of the death toll, not a toll for nobody."
    trie = re.compile(alternation(words), re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [
        m.span() for m in re.finditer(flat, text, re.IGNORECASE)
    ]
    assert re.fullmatch(alternation(["no", "no one"], space=r"\s+"), "no   one")


# calendar.toml


def test_every_month_name_and_abbreviation_gives_its_month():
    months = LEX.calendar.months
    assert sorted(set(months.values())) == list(range(1, 13))
    for word, number in months.items():
        found = dates.find_dates(f"The hearing opened on 3 {word.capitalize()} 2021.", None)
        assert [d.day for d in found] == [date(2021, number, 3)], word
        assert pubdate.find_publication_date(f"Published: 3 {word} 2021") == date(2021, number, 3)


def test_weekdays_qualifiers_future_cues_and_relative_days_place_a_day():
    wednesday = date(2020, 1, 8)
    assert len(LEX.calendar.weekdays) == 7
    for offset, day in enumerate(LEX.calendar.weekdays):
        found = dates.find_dates(f"It happened on {day.capitalize()}.", date(2020, 1, 12))
        assert found[0].day == date(2020, 1, 6 + offset), day
    assert dates.find_dates("Last Friday the port shut.", wednesday)[0].day == date(2020, 1, 3)
    assert dates.find_dates("Next Friday the port shuts.", wednesday)[0].day == date(2020, 1, 10)
    for cue in LEX.calendar.future:
        found = dates.find_dates(f"The board {cue} meet on Friday.", wednesday)
        assert found[0].day == date(2020, 1, 10), cue
    for word, shift in LEX.calendar.relative.items():
        found = dates.find_dates(f"The ferry sailed {word}.", wednesday)
        assert found[0].day == date(2020, 1, 8 + shift), word


def test_every_zone_is_read_after_a_clock_time_and_is_never_a_name():
    for zone in LEX.calendar.zones:
        assert dates.find_times(f"The call came at 5:30 p.m. {zone.upper()}.")[0].zone == zone
        assert names.find_names(f"It is {zone.upper()} now.") == [], zone


def test_publication_labels_and_citation_words_decide_an_articles_own_date():
    for label in LEX.calendar.publication_labels:
        text = f"Citywide 4 March 2019\n{label.capitalize()}: 5 March 2019\n"
        assert pubdate.find_publication_date(text) == date(2019, 3, 5), label
    for word in LEX.calendar.citation_words:
        assert pubdate.find_publication_date(f"{word} 5 March 2019") is None, word


# numbers.toml


def test_every_number_word_is_a_figure():
    for word in LEX.numbers.units + LEX.numbers.tens:
        assert numbers.find_numbers(f"They counted {word} boats.")[0].text == word
    for scale in LEX.numbers.scales:
        assert numbers.find_numbers(f"They counted two {scale} boats.")[0].text == f"two {scale}"


@pytest.mark.parametrize("hedge", sorted(LEX.numbers.hedges))
def test_every_hedge_sets_the_bounds_of_its_kind(hedge):
    fact = numbers.find_numbers(f"Officials counted {hedge} 40 boats.")[0]
    assert fact.hedge is not None
    assert fact.hedge.lower() == hedge
    kind = LEX.numbers.hedges[hedge]
    expected = {
        "above": (41, float("inf")),
        "at_least": (40, float("inf")),
        "below": (0, 39),
        "at_most": (0, 40),
        "nearly": (34, 40),
    }
    if kind in expected:
        assert (fact.low, fact.high) == expected[kind]
    else:
        assert kind == "about"
        assert fact.low < 40 < fact.high


@pytest.mark.parametrize("phrase", sorted(LEX.numbers.vague))
def test_every_vague_amount_has_its_figure_and_bounds(phrase):
    amount = LEX.numbers.vague[phrase]
    fact = numbers.find_numbers(f"Rescuers freed {phrase} miners.")[0]
    assert fact.value == amount.value
    assert fact.low == (amount.value if amount.low is None else amount.low)
    assert fact.high == (amount.value if amount.high is None else amount.high)


def test_labels_and_units_say_what_a_figure_measures():
    for label in LEX.numbers.labels:
        fact = numbers.find_numbers(f"It was {label} 7 that failed.")[0]
        assert fact.unit == (stem(fold(label.rstrip("."))),), label
    for unit in LEX.numbers.measures:
        for word in unit.words:
            assert numbers.in_base_unit(2.0, 2.0, 2.0, (word,))[3] == (unit.quantity,)


# casualties.toml


def test_every_harm_word_starts_with_a_harm_stem_and_reads_as_some():
    lex = LEX.casualties
    for word in lex.harm:
        assert any(word.startswith(s) or s in word for s in lex.harm_stems), word
    for word in ("killed", "injured", "hurt", "taken to hospital", "wounded"):
        assert [r.status for r in casualties.find_casualties(f"Three people were {word}.")] == ["some"]
    for count in lex.counts:
        found = casualties.find_casualties(f"Police said {count} were injured.")
        assert [r.status for r in found] == ["some"], count


def test_none_unknown_unreported_and_averted_wording_is_read_as_the_file_says():
    lex = LEX.casualties

    def status(text):
        return [r.status for r in casualties.find_casualties(text)]

    for nobody in lex.nobody:
        assert status(f"{nobody.capitalize()} was hurt in the blast.") == ["none"], nobody
    for noun in lex.harm_nouns:
        assert status(f"There were no {noun} in the blast.") == ["none"], noun
    for denial in lex.denials:
        assert status(f"The blast {denial} hurt anyone.") == ["none"], denial
    for pending in lex.pending:
        assert status(f"The number of deaths is {pending}.") == ["unknown"], pending
    for hedge in lex.hedges:
        assert status(f"Five climbers are {hedge} dead.") in (["unknown"], ["unknown", "some"]), hedge
    for word in lex.news_words:
        assert status(f"There was no {word} of injuries.") == ["unreported"], word
    for averted in lex.averted:
        assert status(f"Barriers were built {averted} deaths on the road.") == [], averted


# names.toml and places.toml


def test_titles_particles_and_openers_are_not_part_of_a_name():
    for title in LEX.names.titles:
        found = names.find_names(f"The {title.capitalize()} Mira Kovach spoke.")
        assert found[-1].words == ("mira", "kovach"), title
    for particle in LEX.names.particles:
        found = names.find_names(f"The town of Ain {particle}Rasheed flooded.")
        assert found[-1].text.endswith("Rasheed"), particle
        assert found[-1].text.startswith("Ain"), particle
    for opener in LEX.names.openers:
        found = names.find_names(f"{opener.capitalize()} Kovach spoke.")
        assert [n.words for n in found] == [("kovach",)], opener


def test_every_country_word_stands_for_one_country():
    table = concepts.country_table()
    seen: dict[str, str] = {}
    for country in LEX.places.countries:
        assert country.names, country.key
        for word in country.words:
            assert seen.setdefault(word, country.key) == country.key, f"{word} is in two countries"
            assert table[word.replace("-", " ").rstrip(".")] == country.key
    for phrase, key in LEX.places.phrases:
        assert f"country:{key}" in concepts.phrase_concepts(f"A statement from the {phrase} today.")


def test_iran_and_iraq_are_never_one_name():
    assert not names.words_match("iran", "iraq")
    assert names.words_match("tehran", "iranian")


def test_a_country_word_and_another_spelling_of_it_can_be_one_name():
    # two country words are one name only for one country; a word that is none may spell one of them
    assert names.words_match("kathmandu", "katmandu")
    assert names.words_match("nepal", "kathmandu")  # a capital stands for its country
    assert not names.words_match("niger", "nigeria")


# concepts.toml


def test_every_concept_word_carries_its_concept():
    for concept, words in LEX.concepts.words:
        for word in words:
            assert concept in concepts.concepts_of(word, stem(word)) or word in concepts.country_table(), word


def test_every_phrase_concept_compiles_and_the_capital_idiom_takes_any_capital():
    for pattern, _ in LEX.concepts.phrases:
        re.compile(pattern.replace("{capital}", "x"))
    for capital in LEX.places.capitals:
        assert "next_move" in concepts.phrase_concepts(f"The decision is now up to {capital.capitalize()}.")


# words.toml and spellings.toml


def test_every_negation_counts_as_one_denial():
    for word in LEX.words.negations:
        assert negations(f"The crew said {word} more.") == 1, word
    assert negations("They didn't stop.") == 1


def test_every_clause_word_starts_a_clause_of_its_own():
    for word in LEX.words.clause_words:
        assert denies(f"The road is not open {word} the bridge is not closed."), word


def test_british_endings_meet_their_american_form():
    for british, american in LEX.spellings.british:
        assert findings._american("mode" + british) == "mode" + american  # a stem of two syllables
    assert names.translit_key("qadhafi") == names.translit_key("gaddafi")


@pytest.mark.parametrize(
    ("british", "american", "one_word"),
    [
        ("colour", "color", True),
        ("epicentre", "epicenter", True),
        ("travelled", "traveled", True),
        ("cancelling", "canceling", True),
        ("four", "for", False),  # the stem before "our" is one letter
        ("hour", "hor", False),
        ("filled", "filed", False),  # a one-syllable stem keeps its double l in both spellings
        ("calling", "caling", False),
    ],
)
def test_an_ending_is_respelled_only_after_a_stem_that_takes_it(british: str, american: str, one_word: bool):
    assert (findings._american(british) == findings._american(american)) is one_word


# boilerplate.toml


def test_every_boilerplate_pattern_compiles_and_share_words_make_a_share_bar():
    for word in LEX.boilerplate.share_words:
        assert role_of(f"{word.title()} Share", 1) == "boilerplate", word
    assert role_of("Leave a Reply", 1) == "boilerplate"
    assert role_of("Retrieved 8 Jan 2020 from the archive", 1) == "boilerplate"
    assert role_of("The ferry sails at noon, officials said.", 1) == "body"
    for pattern in LEX.boilerplate.tail_markers + LEX.boilerplate.script_required:
        re.compile(pattern)


# No word list or cue pattern in Python ------------------------------------------------------------

# The lexicon's loader names its files (not a word list).
NOT_WORD_LISTS = {"comparer/core/lexicon.py"}
# Files that still hold word lists, each until its lists move to resources/lexicon: empty this set.
ALLOWED: set[str] = set()
_PLAIN = re.compile(r"[A-Za-z][a-z]+(?:\\? [a-z]+)*")


def _plain_alternatives(source: str) -> int:
    """How many `|`-separated alternatives of a regex source are plain words."""
    count = 0
    for part in source.split("|"):
        part = re.sub(r"\\b|\(\?:|\(\?P<\w+>|[()?^$]", "", part).strip()
        part = part.replace(r"\ ", " ").replace(r"\s+", " ")
        if _PLAIN.fullmatch(part):
            count += 1
    return count


def _word_list_literals(path: Path):
    """(line, what) for each long word alternation or word collection written in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _plain_alternatives(node.value) >= 6:
                yield node.lineno, f"a regex of {_plain_alternatives(node.value)} word alternatives"
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
        ):
            target = node.func.value
            if (
                isinstance(target, ast.Constant)
                and isinstance(target.value, str)
                and len(target.value.split()) >= 8
            ):
                yield node.lineno, "a string of words split into a list"
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len([w for w in words if re.fullmatch(r"[A-Za-z][a-z'.\-]*", w)]) >= 8:
                yield node.lineno, f"a collection of {len(words)} words"
        if isinstance(node, ast.Dict):
            values = [v.value for v in node.values if isinstance(v, ast.Constant)]
            values = [v for v in values if isinstance(v, str)]
            if len(values) >= 8 and all(re.fullmatch(r"[a-z][a-z\-. ]*", v) and " " in v for v in values):
                yield node.lineno, "a table of word lists"


def test_the_word_list_scanner_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'import re\nA = re.compile(r"\\b(?:said|says|told|added|wrote|stated)\\b")\n'
        'B = "one two three four five six seven eight".split()\n'
        'C = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")\n'
        'D = re.compile(r"\\b(?:is|are|was|were)\\b")\n',
        encoding="utf-8",
    )
    assert sorted(line for line, _ in _word_list_literals(sample)) == [2, 3, 4]


def test_no_word_list_or_cue_pattern_remains_in_python():
    root = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(root)}:{line}: {what}"
        for path in sorted((root / "comparer" / "core").rglob("*.py"))
        if str(path.relative_to(root)) not in ALLOWED | NOT_WORD_LISTS
        for line, what in _word_list_literals(path)
    ]
    assert found == [], "move these lists to resources/lexicon:\n" + "\n".join(found)


# figures.toml


def _figures(text: str):
    src = Source(id="a", path="a.txt", text=text)
    claim = Claim(id="a:1", source="a", start=0, end=len(text), text=text, role="body", paragraph=0)
    return quantities_of(extract_facts(claim, src))


def test_part_words_make_a_figure_part_of_another():
    for phrase in LEX.figures.part_after:
        found = {q.number.value: q.part for q in _figures(f"Twenty rockets were fired and 17 {phrase} hit.")}
        assert found == {20.0: False, 17.0: True}, phrase
    for phrase in LEX.figures.part_before:
        found = {q.number.value: q.part for q in _figures(f"Twenty people died, {phrase} 7 children.")}
        assert found == {20.0: False, 7.0: True}, phrase
    for word in LEX.figures.part_adjectives:
        found = {q.number.value: q.part for q in _figures(f"Twenty people died, and 7 {word} children died.")}
        assert found == {20.0: False, 7.0: True}, word


def test_words_that_are_no_count_and_time_units():
    for word in LEX.figures.not_counts:
        assert _figures(f"Officials said 40 {word} more were hurt.") == [], word
    for word in LEX.figures.time_units:
        (found,) = _figures(f"The rescue took 14 {word}.")
        assert found.measure.startswith("duration"), word


def test_place_words_scope_a_figure_to_the_place_they_name():
    for word in LEX.figures.place_prepositions - LEX.figures.origin_prepositions:
        (found,) = _figures(f"Officials said 12 people died {word} Tarrow.")
        assert found.places == (("tarrow",),), word
    for word in LEX.figures.origin_prepositions:
        (found,) = _figures(f"Officials said 12 rockets were fired {word} Tarrow.")
        assert found.places == (("tarrow",),), word
        (found,) = _figures(f"Officials said 12 people {word} Tarrow died.")
        assert found.places == (), word
    for word in LEX.figures.place_narrowers:
        assert {q.places for q in _figures(f"Officials said 12 people died in {word} Tarrow.")} == {
            (("tarrow",),)
        }, word
    for word in LEX.figures.generic_place_words:
        (found,) = _figures(f"Officials said 12 people died in {word.capitalize()} Tarrow.")
        assert found.places == (("tarrow",),), word
    for word in LEX.figures.relative_words:
        (found,) = _figures(f"Officials said 12 people died, {word} they lived in Tarrow.")
        assert found.places == (), word


def test_an_adjective_before_the_thing_counted_is_not_what_is_counted():
    for ending in LEX.figures.modifier_endings:
        (found,) = _figures(f"The navy fired 14 Zorb{ending} missiles at the port.")
        assert found.measure == "count:missile", ending
    (plain,) = _figures("The navy fired 14 Zorbq missiles at the port.")
    assert plain.measure == "count:zorbq"  # a word with none of these endings is what is counted


def test_place_words_before_names_and_the_titles_left_out_of_name_spellings():
    for word in LEX.figures.before_place_names:
        source = Source(id="a", path="a.txt", text=f"Rescuers worked {word} Tarrow overnight.")
        assert "tarrow" in discrepancies.place_words({"a": source}), word
    for title in LEX.names.spelling_titles:
        assert discrepancies._name_words(f"{title.capitalize()} Brandon Scott") == ("brandon", "scott")


def test_there_after_a_harm_word_is_a_place_named_before():
    for word in LEX.figures.there_after:
        (found,) = _figures(f"Officials said 12 climbers {word} there on Friday.")
        assert found.places == (("there",),), word


def test_every_event_concept_is_a_concept():
    named = {concept for concept, _ in LEX.concepts.words} | {concept for _, concept in LEX.concepts.phrases}
    assert LEX.concepts.events
    assert LEX.concepts.events <= named
