"""Facts taken from single claims: numbers, names, dates, casualties, quotations, roles."""

import math
import pickle
from dataclasses import replace
from datetime import date

import pytest

import comparer
from comparer.core.engine.casualties import find_casualties
from comparer.core.engine.dates import find_dates, find_times
from comparer.core.engine.facts import extract_source_facts
from comparer.core.engine.names import find_names, same_entity
from comparer.core.engine.numbers import find_numbers
from comparer.core.engine.pubdate import find_publication_date
from comparer.core.engine.quotes import attribution_phrase
from comparer.core.engine.segment import segment
from comparer.core.formats.sources import source_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fired 22 missiles", [("22", 22, 22, 22)]),
        (
            "Seventeen were killed and twenty-two injured",
            [("Seventeen", 17, 17, 17), ("twenty-two", 22, 22, 22)],
        ),
        ("more than a dozen rockets", [("more than a dozen", 12, 13, math.inf)]),
        ("at least 1,200 people", [("at least 1,200", 1200, 1200, math.inf)]),
        ("about 100 were hurt", [("about 100", 100, 90, 110)]),
        ("dozens of homes", [("dozens", 24, 24, 199)]),
        ("injuring thousand others", [("thousand", 1000, 1000, 999_999)]),
        ("a thousand people", [("thousand", 1000, 1000, 1000)]),
        ("$3.5 million in aid", [("3.5 million", 3_500_000, 3_500_000, 3_500_000)]),
        ("the January 3 killing in 2020", []),
        ("no one was killed; one of the bases", []),
        ("at 1:20 a.m.", []),
    ],
)
def test_numbers_with_hedges_and_bounds(text, expected):
    got = [(n.text, n.value, n.low, n.high) for n in find_numbers(text)]
    assert got == expected


def test_numbers_know_what_they_count_and_where_they_stand():
    (n,) = find_numbers("Iran fired 22 missiles.", offset=100)
    assert n.unit[0] == "missil"
    assert (n.span.start, n.span.end) == (111, 113)


def test_names_drop_titles_and_sentence_openers():
    names = find_names(
        "Iranian Foreign Minister Mohammad Javad Zarif said. The ball is in Donald Trump’s court."
    )
    assert [n.words for n in names] == [("mohammad", "javad", "zarif"), ("donald", "trump")]
    assert names[1].text == "Donald Trump"
    assert names[1].possessive


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Qasem Soleimani", "Qassim Soleimani", True),
        ("Javad Zarif", "Mohammad Javad Zarif", True),
        ("Zarif", "Mohammad Javad Zarif", True),
        ("Ain al-Asad", "al-Assad", True),
        ("Ali Khamenei", "Ali Vaez", False),
        ("Iran", "Iraq", False),
        ("Trump", "Truman", False),
        ("Austria", "Australia", False),
    ],
)
def test_name_variants_meet_and_different_names_do_not(a, b, same):
    (ma,) = find_names(f"We met {a} today.")
    (mb,) = find_names(f"We met {b} today.")
    assert same_entity(ma, mb) is same


def test_dates_resolve_against_the_publication_date():
    published = date(2020, 1, 8)  # a Wednesday
    got = {
        d.text: d.day for d in find_dates("On January 8, on Wednesday, last Friday and yesterday", published)
    }
    assert got == {
        "January 8": date(2020, 1, 8),
        "Wednesday": date(2020, 1, 8),
        "last Friday": date(2020, 1, 3),
        "yesterday": date(2020, 1, 7),
    }
    assert find_dates("It may rain", published) == []
    assert [t.minutes for t in find_times("at 1:20 a.m. and 3 p.m. and noon")] == [80, 900, 720]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The talks collapsed on Friday.", date(2026, 3, 6)),
        ("Rescue teams were due to arrive by Friday.", date(2026, 3, 13)),
        ("Rescue teams are expected on Friday.", date(2026, 3, 13)),
        ("The minister will visit on Friday.", date(2026, 3, 13)),
    ],
)
def test_a_weekday_is_past_unless_the_sentence_looks_ahead(text, day):
    published = date(2026, 3, 12)  # a Thursday
    assert [d.day for d in find_dates(text, published)] == [day]


def test_a_magnitude_is_what_its_number_measures():
    a = find_numbers("when a magnitude 7.8 quake killed nearly 9,000 people")
    b = find_numbers("The 6.8-magnitude quake struck at dawn")
    assert a[0].unit == ("magnitud",)
    assert "magnitud" in b[0].unit
    assert a[1].unit == ("peopl",)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("No one was killed or injured in the barrage.", "none"),
        ("There were no American casualties.", "none"),
        ("a fireworks show that didn’t kill anyone", "none"),
        ("Casualties and damage were being assessed.", "unknown"),
        ("It depends on whether the strikes resulted in fatalities.", "unknown"),
        ("The death toll is expected to rise.", "unknown"),
        ("At least 1,200 people were killed.", "some"),
        ("Several people were taken to hospital.", "some"),
    ],
)
def test_casualty_statements_and_their_certainty(text, status):
    assert [r.status for r in find_casualties(text)] == [status]


def test_measures_to_prevent_casualties_are_not_a_casualty_report():
    assert find_casualties("They had taken measures to prevent casualties.") == []


def test_a_quote_alone_takes_the_speaker_of_the_sentence_before():
    src = source_from_text(
        "“Iran took proportionate measures,” said Javad Zarif, Iran’s foreign minister.\n"
        "“We do not seek escalation or war.”\n"
        "“All is well,” Donald Trump wrote on Twitter. “So far, so good,” he added.",
        source_id="a",
    )
    facts = extract_source_facts(src, segment(src))
    speakers = [[q.speaker for q in f.quotes] for f in facts.values()]
    assert speakers == [["Javad Zarif"], ["Javad Zarif"], ["Donald Trump"], ["Donald Trump"]]
    assert facts["a:3"].quotes[0].channel == "twitter"


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        pytest.param(
            "“The response can be limited,” said Mehrzad Boroujerdi, a political scientist.\n"
            "He added that the U.S. move will depend on whether there were fatalities.",
            "a:2",
            "Mehrzad Boroujerdi",
            id="he-added-that-takes-the-speaker-before",
        ),
        pytest.param(
            "Regional fire chief Stoyan Delchev said his crews had got there “with only minutes to spare”.",
            "a:1",
            "Stoyan Delchev",
            id="a-full-name-rather-than-the-word-opening-the-sentence",
        ),
    ],
)
def test_the_speaker_of_a_claim(text, claim, speaker):
    src = source_from_text(text, source_id="a")
    facts = extract_source_facts(src, segment(src))
    assert facts[claim].speaker is not None
    assert facts[claim].speaker.text == speaker


def test_a_group_attribution_is_not_given_to_a_name_in_the_claim():
    a = source_from_text(
        "The killing of Qasem Soleimani raises the stakes for Washington, analysts say.", source_id="a"
    )
    b = source_from_text("The killing of Qasem Soleimani raises the stakes for Washington.", source_id="b")
    found = [f for link in comparer.compare([a, b]).links for f in link.findings if f.kind == "attribution"]
    assert [f.values for f in found] == [("attributed: analysts say", "stated as fact")]


def test_roles_headings_and_boilerplate():
    src = source_from_text(
        "date 2020-01-08 Contents\nWhat happened?\nIran fired 22 missiles at two bases.\n"
        "Creating An ‘Unfavorable Atmosphere’\nAnalysts say more may follow.\n"
        "Print Share Comment Cite Upload Translate Updates\nLeave a Reply\nSome citation text 2022.",
        source_id="a",
    )
    roles = [(c.text, c.role) for c in segment(src)]
    assert roles == [
        ("date 2020-01-08 Contents", "boilerplate"),
        ("What happened?", "heading"),
        ("Iran fired 22 missiles at two bases.", "body"),
        ("Creating An ‘Unfavorable Atmosphere’", "heading"),
        ("Analysts say more may follow.", "body"),
        ("Print Share Comment Cite Upload Translate Updates", "boilerplate"),
        ("Leave a Reply", "boilerplate"),
        ("Some citation text 2022.", "boilerplate"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2020-01-08 Contents\nText", date(2020, 1, 8)),
        (
            "Radio (2022-07-06T23:25:35) Retrieved from\nRadio Free - Wednesday January 8, 2020,",
            date(2020, 1, 8),
        ),
        ("Published: 14 March 2023\nText", date(2023, 3, 14)),
        ("No date here.", None),
    ],
)
def test_publication_date_from_the_text(text, expected):
    assert find_publication_date(text) == expected


def test_similarity_is_the_aligners_pair_score():
    same = comparer.similarity("Iran fired 22 missiles at US bases.", "Iran fired 22 missiles at US bases.")
    close = comparer.similarity(
        "The ball is now back in Trump’s court.", "The ball is firmly in Donald Trump’s court."
    )
    unrelated = comparer.similarity("The ball is now back in Trump’s court.", "Rain is expected in Paris.")
    assert same == 100
    assert close > 40 > unrelated
    assert unrelated == comparer.similarity(
        "Rain is expected in Paris.", "The ball is now back in Trump’s court."
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("More than 3,400 people were injured, the ministry said.", "the ministry said"),
        ("The next move lies with Washington, analysts say.", "analysts say"),
        ("According to the Iraqi military, 17 missiles were fired.", "According to"),
        ("The fire was out by nine, he said.", "said"),
        ("The fire was out by nine.", None),
    ],
)
def test_attribution_phrases_name_who_says_so(text, phrase):
    assert attribution_phrase(text) == phrase


def test_claims_opening_with_different_names_are_not_joined():
    a = source_from_text(
        "Halbrook will move production to its plant in Tarrow.\n"
        "The Tarrow plant, which opened in 2009 and employs about 600 people, will take over.",
        source_id="a",
    )
    b = source_from_text(
        "Halbrook will close its factory in Ellesby.\n"
        "The Ellesby plant, which opened in 1974 and employs about 970 people, is the largest employer.",
        source_id="b",
    )
    comparison = comparer.compare([a, b])
    joined = {(link.a, link.b) for link in comparison.links}
    assert ("a:2", "b:2") not in joined


def test_a_report_citing_the_company_of_a_press_release_is_no_attribution_difference():
    release = source_from_text(
        "The closure will affect more than 400 positions at Ellesby.\n\nAbout Halbrook Components\n\n"
        "Halbrook Components makes fuel system parts.",
        source_id="a",
    )
    report = source_from_text("The closure will cost 450 jobs at Ellesby, Halbrook said.", source_id="b")
    kinds = {f.kind for link in comparer.compare([release, report]).links for f in link.findings}
    assert "attribution" not in kinds
    other = source_from_text("The closure will affect more than 400 positions at Ellesby.", source_id="a")
    kinds = {f.kind for link in comparer.compare([other, report]).links for f in link.findings}
    assert "attribution" in kinds


def test_measurements_in_different_units_meet():
    metres, centimetres = (
        find_numbers("The river peaked at 6.4 metres."),
        find_numbers("It reached 640 centimetres."),
    )
    assert metres[0].consistent_with(centimetres[0])
    assert metres[0].unit == centimetres[0].unit
    assert find_numbers("an 18-kilometre line")[0].value == find_numbers("18 km of track")[0].value
    assert not find_numbers("7 metres")[0].consistent_with(centimetres[0])


def test_facts_come_back_from_a_pickle_equal_their_content_words_among_their_tokens():
    src = source_from_text(
        "Seventeen people were killed in Velden on Monday, officials said.\n\n"
        "“We are still searching,” the mayor told reporters.",
        source_id="a",
    )
    facts = extract_source_facts(src, segment(src))
    back = pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == facts
    for f in back.values():
        assert f.content
        assert all(any(c is t for t in f.tokens) for c in f.content)
    # content words that are not the claim's own tokens travel as they are
    f = next(iter(facts.values()))
    other = replace(f, content=tuple(t._replace(norm=t.norm.upper()) for t in f.content))
    assert pickle.loads(pickle.dumps(other)) == other


def test_a_date_in_a_photo_credit_is_no_publication_date():
    text = (
        "Plane down at Velden\n\n"
        "The airfield at Velden on May 2, 2011. File Photo by A. Photographer [CC BY-SA 3.0]\n\n"
        "A small plane crashed at Velden on Friday, officials said."
    )
    assert find_publication_date(text) is None
    assert find_publication_date(text.replace(" File Photo by A. Photographer [CC BY-SA 3.0]", "")) == date(
        2011, 5, 2
    )


@pytest.mark.parametrize(
    ("text", "hedge", "low"),
    [
        ("Police have handed over 441 bodies so far.", None, 441),
        ("The toll climbed up to 288 on Saturday.", None, 288),
        ("More than 300 people were hurt.", "More than", 301),
        ("Up to 40 people may have been trapped.", "Up to", 0),
    ],
)
def test_hedge_words_that_belong_to_a_verb_are_no_hedge(text: str, hedge: str | None, low: float):
    (n,) = find_numbers(text)
    assert n.hedge == hedge
    assert n.low == low
