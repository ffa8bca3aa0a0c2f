"""Figures read as facts (tests/cases/quantities.json): measure, scope, part; and how they are compared."""

import json
from pathlib import Path

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.facts import extract_facts, extract_source_facts
from comparer.core.engine.model import Claim, Source
from comparer.core.engine.quantities import all_quantities, quantities_of, same_scope
from comparer.core.engine.segment import segment

CASES = json.loads(
    (Path(__file__).resolve().parents[2] / "cases" / "quantities.json").read_text(encoding="utf-8")
)


def _quantities(text: str, source: str = "a"):
    src = Source(id=source, path=f"{source}.txt", text=text)
    claim = Claim(
        id=f"{source}:1", source=source, start=0, end=len(text), text=text, role="body", paragraph=0
    )
    return quantities_of(extract_facts(claim, src))


@pytest.mark.parametrize("case", CASES["measures"], ids=lambda c: f"{c['value']}-{c['text'][:40]}")
def test_a_figure_measures_what_its_words_say(case):
    found = {q.number.value: q.measure for q in _quantities(case["text"])}
    assert found.get(float(case["value"])) == case["measure"], found


@pytest.mark.parametrize("case", CASES["not_figures"], ids=lambda c: c["why"])
def test_ages_and_shares_are_not_counts(case):
    assert _quantities(case["text"]) == []


@pytest.mark.parametrize("case", CASES["scopes"], ids=lambda c: c["why"])
def test_figures_of_one_measure_are_compared_only_within_one_scope(case):
    (qa,) = [q for q in _quantities(case["a"], "a") if q.number.value > 2]
    (qb,) = [q for q in _quantities(case["b"], "b") if q.number.value > 2]
    assert qa.measure == qb.measure
    assert same_scope(qa, qb) == case["scope"]


def _account_quantities(text: str) -> list:
    """Every figure of one account, read claim by claim as the engine reads a whole account."""
    src = Source(id="a", path="a.txt", text=text)
    return all_quantities(list(extract_source_facts(src, segment(src)).values()))


def _sources(a: str, b: str) -> list[Source]:
    return [Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)]


def _shown(a: str, b: str, kind: str = "number") -> list:
    """The findings shown (not only listed with --all) comparing ``a`` with ``b``, of kinds starting so."""
    return [f for f in compare(_sources(a, b)).shown_findings() if f.kind.startswith(kind)]


def test_deaths_in_different_sentences_are_compared_and_shown_once():
    a = (
        "A strong earthquake struck the province of Varna Dol early on Friday.\n\n"
        "Rescue teams searched collapsed buildings through the night.\n\n"
        "Officials said more than 100 people were killed and 2,059 were wounded."
    )
    b = (
        "An earthquake hit Varna Dol province on Friday morning.\n\n"
        "The interior ministry said 87 people are confirmed dead.\n\n"
        "Another 672 people were injured, it said, and rescue teams were still searching buildings."
    )
    comparison = compare(_sources(a, b))
    conflicts = [f for f in comparison.shown_findings() if f.kind == "number_conflict"]
    measures = sorted(f.detail["measure"] for f in conflicts)
    assert measures == ["deaths", "injured"]
    deaths = next(f for f in conflicts if f.detail["measure"] == "deaths")
    assert "100" in (deaths.values[0] or "")
    assert "87" in (deaths.values[1] or "")
    assert deaths.confidence >= 0.5
    assert deaths.why


def test_deaths_are_never_held_against_the_missing():
    a = "The floods killed 3,958 people in the region, officials said.\n\nRoads were cut."
    b = "More than 9,000 people are still missing after the floods in the region.\n\nRoads were cut."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "number_conflict"]
    rows = {r.measure for r in comparison.facts}
    assert {"deaths", "missing"} <= rows


def test_a_rising_toll_that_meets_the_other_figure_is_no_conflict():
    a = "By Saturday morning 820 people had died.\n\nBy 10 pm the death toll had risen to 2,012."
    b = "The death toll reached 2,012 on Saturday night, the ministry said."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "number_conflict"]


def test_more_than_a_dozen_is_consistent_with_fifteen():
    a = "More than a dozen missiles were fired at the base overnight."
    b = "Fifteen missiles were fired at the base overnight."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "number_conflict"]


def test_the_fact_table_has_a_row_per_measure_and_marks_conflicting_cells():
    a = "The storm killed 40 people, officials said.\n\nAbout 300 homes were destroyed."
    b = "The storm killed 25 people, the governor said.\n\nAbout 300 homes were destroyed."
    comparison = compare(_sources(a, b))
    deaths = next(r for r in comparison.facts if r.measure == "deaths")
    assert deaths.conflict
    assert {c.source: c.value for c in deaths.cells} == {"a": "40", "b": "25"}
    assert deaths.cell("a") is not None
    assert deaths.cell("a").credited
    homes = next(r for r in comparison.facts if r.measure.startswith("count:home"))
    assert not homes.conflict


def _conflicts(a: str, b: str):
    return [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]


def test_two_precise_floors_are_two_different_counts():
    a = "The landslide killed at least 34 people in the hill district, police said.\n\nRoads were closed."
    b = "At least 51 people were killed by the landslide in the hill district.\n\nRoads were closed."
    (conflict,) = _conflicts(a, b)
    assert conflict.detail["measure"] == "deaths"
    assert conflict.confidence >= 0.5


def test_a_round_floor_allows_a_larger_count():
    a = "The landslide killed at least 150 people in the hill district.\n\nRoads were closed."
    b = "The toll from the landslide in the hill district rose to 156.\n\nRoads were closed."
    assert _conflicts(a, b) == []


def test_a_round_floor_reaches_only_so_far_against_a_count():
    # "more than 400 dead" tells of a toll not far past 400; an account counting 1,930 disagrees
    a = "Quake toll\n\nThe earthquake in the hill district killed more than 400 people, officials said."
    b = "Quake toll\n\nThe death toll from the earthquake in the hill district rose to 1,930 on Friday."
    (conflict,) = _conflicts(a, b)
    assert conflict.detail["measure"] == "deaths"
    # but two round floors are both true of any toll past the higher one
    c = "Quake toll\n\nThe earthquake in the hill district killed more than 1,900 people, officials said."
    assert _conflicts(a, c) == []


def test_the_earlier_figure_of_a_change_is_not_the_accounts_toll():
    found = {q.number.value: q.measure for q in _quantities("The number of dead rose from nine to 17.")}
    assert found == {17.0: "deaths"}


def test_a_figure_for_one_place_is_not_the_first_shown_against_a_toll_naming_none():
    a = "Flood toll\n\nThe toll from the flood climbed sharply on Sunday, with at least 612 dead."
    b = (
        "Flood toll\n\nThe flood struck the valley early Saturday, leaving more than 300 dead, "
        "officials said."
        "\n\nThe flood's death toll rose to 304, the civil protection office said in an update."
        "\n\nBased on reports from clinics in Marrowby, a doctor said at least 40 people were killed there."
    )
    (conflict,) = [f for f in _conflicts(a, b) if f.detail.get("measure") == "deaths"]
    assert "at least 40" in (conflict.values[1] or ""), "listed among b's figures"
    assert "against at least 40" not in conflict.explanation


def test_bodies_found_against_a_death_toll_are_no_figure_only_one_account_gives():
    a = "Quake\n\nThe discovery of more bodies raised the death toll from the earthquake to more than 3,000."
    b = "Quake\n\nThe confirmed body count from the earthquake has risen to over 2,600, officials said."
    one_side = [f for f in compare(_sources(a, b)).findings if f.kind == "number_one_side"]
    assert one_side == []


def test_an_account_that_gives_two_tolls_without_a_moment_still_shows_the_one_the_other_lacks():
    a = (
        "Storm deaths climb\n\nThe storm has now killed 31 people along the coast.\n\n"
        "By evening at least 58 were dead, and families slept in school halls."
    )
    b = "Storm deaths climb\n\nWind and mudslides have left at least 58 people dead along the coast."
    (conflict,) = _conflicts(a, b)
    assert "31" in (conflict.values[0] or "")
    assert any("disagrees with itself" in w for w in conflict.why)


def test_the_total_a_figure_is_taken_from_is_not_a_figure_of_its_own():
    quantities = _quantities("A flood warning was issued in 9 of 11 districts.")
    found = [(q.number.value, q.measure) for q in quantities]
    assert found == [(9.0, "count:district")]


def test_what_a_group_includes_is_a_part_of_it():
    (q,) = _quantities("The missing include at least 12 members of a choir.")
    assert q.part


def test_a_breakdown_of_an_accounts_own_total_is_no_conflict_with_the_other_accounts_total():
    a = (
        "The explosions killed 131 people, police said.\n\n"
        "The last explosion, at a small bakery, left two people dead."
    )
    b = "At least 131 people have been killed in the explosions, officials said."
    assert _conflicts(a, b) == []


def test_the_main_place_is_the_one_every_account_names_most_wherever_it_names_it():
    a = (
        "Quake hits Varna\n\nThe earthquake struck Varna before dawn, officials in Varna said.\n\n"
        "Officials in Varna put the number of dead at 1,412.\n\nVarna police asked people to stay outside."
    )
    b = (
        "Varna quake\n\nVarna police say the quake has killed at least 1,467 people so far.\n\n"
        "Rescue teams from Japan flew to Varna."
    )
    (conflict,) = _conflicts(a, b)
    assert conflict.confidence >= 0.5


def test_one_persons_children_are_compared_only_for_the_same_person():
    a = "Crew named\n\nTomas Ruiz, a father of six children, worked on the night shift."
    b = "Crew named\n\n“He was a father of three,” the union leader Ana Perez said of Ruiz."
    (conflict,) = _conflicts(a, b)
    assert conflict.detail["measure"] == "children"
    other = "Crew named\n\nJon Berg, a father of three, worked on the night shift."
    assert _conflicts(a, other) == []


def test_one_toll_credited_by_one_account_and_stated_by_the_other_is_an_attribution_finding():
    a = "Explosions in Tarrow\n\nA fire service spokeswoman put the death toll at 131 on Monday night."
    b = "Explosions in Tarrow\n\nAt least 131 people have been killed in the explosions in Tarrow."
    comparison = compare(_sources(a, b))
    (finding,) = [f for f in comparison.findings if f.kind == "attribution"]
    assert finding.values[1] == "stated as fact"
    assert "131" in finding.explanation


def test_a_toll_both_accounts_credit_is_no_attribution_finding():
    a = "Explosions in Tarrow\n\nA fire service spokeswoman put the death toll at 131 on Monday night."
    b = "Explosions in Tarrow\n\nAt least 131 people have been killed in the explosions, officials said."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "attribution" and f.confidence >= 0.5]


@pytest.mark.parametrize(
    "elsewhere",
    [
        "Officials in Tarrow put the preliminary number of deaths at 131.",  # the figure, credited
        "Fire officials said the death toll could rise.",  # the toll, credited without a figure
    ],
)
def test_a_toll_the_stating_account_credits_in_another_sentence_is_no_attribution_finding(elsewhere):
    a = "Explosions in Tarrow\n\nA fire service spokeswoman put the death toll at 131 on Monday night."
    stated = "At least 131 people have been killed in the explosions in Tarrow."
    b = f"Explosions in Tarrow\n\n{stated}\n\n{elsewhere}"
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "attribution" and f.confidence >= 0.5]
    # without that sentence the same pair is the finding (the test above)
    plain = b.replace(f"\n\n{elsewhere}", "\n\nRescuers searched the rubble through the night.")
    assert [f for f in compare(_sources(a, plain)).findings if f.kind == "attribution"]


def test_a_figure_counted_there_is_counted_at_the_last_place_the_sentence_before_names():
    text = (
        "The quake shook towns from Corvale to the slopes of Mount Tarrow, where climbers were camped.\n\n"
        "At least 18 climbers died there and 40 were hurt."
    )
    deaths = next(q for q in _account_quantities(text) if q.measure == "deaths")
    assert deaths.places == (("tarrow",),)


def test_two_durations_close_together_are_shown_as_one_span_told_two_ways():
    a = "Cavers freed\n\nThe five cavers trapped underground for 41 days were brought out on Monday."
    b = "Cavers freed\n\nThe cavers walked out smiling after spending 40 days in the flooded cave."
    (conflict,) = [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]
    assert conflict.confidence >= 0.5
    assert any("close" in w for w in conflict.why)


def test_durations_far_apart_are_not_held_against_each_other():
    a = "Cavers freed\n\nThe five cavers trapped underground for 41 days were brought out on Monday."
    b = "Cavers freed\n\nThe cavers will stay 48 hours in hospital for checks, doctors said."
    assert not [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]


def test_close_durations_in_sentences_about_different_people_stay_unsure():
    a = "Crew named\n\nFrom Velden, Ortiz had made Corvale his home for the past 18 years, friends said."
    b = "Crew named\n\nBraga, a father of two, had called Mirath his home for 21 years, his sister said."
    conflicts = [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]
    assert all(f.confidence < 0.5 for f in conflicts)


def test_a_toll_for_another_country_is_no_part_of_the_main_places_toll():
    a = (
        "Quake in Velmora\n\nThe earthquake in Velmora killed 1,200 people, officials in Velmora said, "
        "with 4,100 people injured across Velmora."
    )
    b = (
        "Quake in Velmora\n\nThe earthquake struck Velmora on Monday and was felt far beyond Velmora.\n\n"
        "In India, 30 people were injured in the powerful earthquake, and thousands of others were hurt in "
        "Velmora."
    )
    findings = compare(_sources(a, b)).findings
    injured = [f for f in findings if f.detail.get("measure") == "injured"]
    assert [f.kind for f in injured] == ["number_one_side"]
    assert "4,100" in (injured[0].values[0] or "")
    assert not [f for f in findings if f.kind == "number_conflict" and f.detail.get("measure") == "injured"]


def _injured_one_side(figure: str) -> list[float]:
    head = "Floods in Velmora\n\nThe floods in the valley killed 12 people and injured"
    a = f"{head} {figure} people, officials said."
    b = f"{head} hundreds, officials said."
    findings = compare(_sources(a, b)).findings
    return [
        f.confidence for f in findings if f.kind == "number_one_side" and f.detail.get("measure") == "injured"
    ]


def test_a_round_figure_the_other_accounts_words_bear_out_is_not_worth_showing():
    (round_figure,) = _injured_one_side("more than 300")
    (precise,) = _injured_one_side("347")
    assert round_figure < 0.5
    assert precise > round_figure


def test_two_counts_of_one_group_from_two_sources_in_one_account_are_not_a_breakdown():
    a = (
        "Fire in Velden\n\nThe fire in Velden killed 40 people, officials said.\n\n"
        "Most of the dead were from Velden, with Radio Orla putting the number of foreigners killed at nine, "
        "and the Velden Herald reporting that 12 people from other countries had died."
    )
    b = (
        "Fire in Velden\n\nThe toll from the fire in Velden has risen to 40, including 12 foreigners, "
        "police said."
    )
    findings = compare(_sources(a, b)).findings
    (conflict,) = [f for f in findings if f.kind == "number_conflict"]
    assert "nine against 12" in conflict.explanation
    assert "Radio Orla" in (conflict.values[0] or "")


def test_a_group_far_below_the_toll_stays_a_breakdown_of_it():
    a = "Fire in Velden\n\nThe fire in Velden killed 40 people, officials said, nine of them foreigners."
    b = "Fire in Velden\n\nThe toll from the fire in Velden has risen to 40, police said."
    assert not [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]


def test_a_count_told_in_two_steps_is_held_against_the_other_accounts_count():
    a = (
        "Blasts in Velden\n\nThere were four initial blasts at the port, before two more explosions "
        "some time later at a warehouse, officials said."
    )
    b = "Blasts in Velden\n\nOfficials said the four blasts at the port had been set off within an hour."
    (conflict,) = [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]
    assert "four and two more against four" in conflict.explanation
    assert "(6 vs 4)" in conflict.explanation


def test_one_person_given_two_grades_of_one_rank_is_a_conflict():
    a = "Diver dies\n\nPetty Officer 2nd Class Tomas Vell, 41, died on his way back from the flooded chamber."
    b = "Diver dies\n\nThe diver, retired Petty Officer First Class Tomas Vell, died in the flooded chamber."
    (rank,) = [f for f in compare(_sources(a, b)).findings if f.detail.get("measure") == "rank"]
    assert rank.kind == "number_conflict"
    assert rank.values == ("Petty Officer 2nd Class", "Petty Officer First Class")
    assert rank.confidence >= 0.5


def test_the_same_grade_written_two_ways_and_grades_of_two_people_are_no_conflict():
    a = "Crew\n\nPetty Officer 1st Class Tomas Vell and Petty Officer 2nd Class Ana Roos dived first."
    b = "Crew\n\nPetty Officer First Class Tomas Vell led the dive; Chief Petty Officer Ana Roos followed."
    assert not [f for f in compare(_sources(a, b)).findings if f.detail.get("measure") == "rank"]


FERRY = (
    "Ferry sinks off Corvale\n\nA ferry sank off Corvale on Monday, killing 42 people, the Velmora "
    "coastguard said.\n\nCaptain Ilse Marnow was among the survivors brought to Tarrow harbour.\n\n"
    "No one was killed in the second vessel, officials said."
)
MINE = (
    "Blast at Kesvik mine\n\nAn explosion at the Kesvik mine in Ostrava Dol killed 12 miners on Monday, "
    "officials said.\n\nRescuer Petr Halvan said the shaft at Brenno had filled with gas.\n\n"
    "No one was killed in the second vessel, officials said."
)


def test_accounts_of_different_events_show_no_discrepancy_and_no_agreement():
    comparison = compare(_sources(FERRY, MINE))
    assert not comparison.shown_findings()
    assert all(link.relation == "related" for link in comparison.links)
    held = [f for f in comparison.findings if f.kind == "number_conflict"]
    assert all(any("different events" in w for w in f.why) for f in held)


def test_counts_of_the_missing_told_apart_by_the_dead_found_since_are_one_casualty_finding():
    a = "Five divers remain unaccounted for after the boat sank in the lake at Ostvik.\n\nDivers searched."
    b = (
        "Three bodies were recovered from the lake at Ostvik on Thursday.\n\n"
        "Police said the two still missing are believed to be trapped in the wreck."
    )
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "number_conflict"]
    (found,) = [f for f in comparison.findings if f.kind == "casualties"]
    assert "found dead" in found.explanation
    assert found.detail == {"a": "missing", "b": "some found dead"}


def test_counts_of_the_missing_the_dead_do_not_account_for_stay_a_number_conflict():
    a = "Five divers remain unaccounted for after the boat sank in the lake at Ostvik."
    b = "Seven bodies were recovered from the lake at Ostvik.\n\nPolice said two people are still missing."
    comparison = compare(_sources(a, b))
    conflicts = [f for f in comparison.findings if f.kind == "number_conflict"]
    assert [f.detail["measure"] for f in conflicts] == ["missing"]


def test_how_many_victims_are_identified_is_its_own_measure_not_the_toll():
    a = "Six climbers were killed in the avalanche on Mount Kessel, officials said."
    b = "Four climbers killed in the avalanche on Mount Kessel have been identified."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.kind == "number_conflict"]
    c = "Two of the six climbers killed in the avalanche on Mount Kessel were identified on Monday."
    comparison = compare(_sources(c, b))
    (conflict,) = [f for f in comparison.findings if f.kind == "number_conflict"]
    assert conflict.detail["measure"] == "identified"


def test_an_amount_in_words_holds_a_figure_hedged_both_ways_as_stated():
    (dozens,) = _quantities("Dozens of shoppers were trapped in the mall.")
    (about_200,) = _quantities("An estimated 200 shoppers were trapped in the mall.", "b")
    (about_150,) = _quantities("About 150 shoppers were trapped in the mall.", "b")
    (over_100,) = _quantities("More than 100 shoppers were trapped in the mall.", "b")
    assert not dozens.consistent_with(about_200)
    assert not about_200.consistent_with(dozens)
    assert dozens.consistent_with(about_150)
    assert dozens.consistent_with(over_100)


def test_one_person_given_ages_that_cannot_both_be_right_is_a_conflict():
    a = "Diver dies in flooded mine\n\nRescue diver Tomas Vell, 44, died in the flooded Corvo mine on Friday."
    b = (
        "Corvo mine diver dies\n\nA diver died in the flooded Corvo mine on Friday, officials said.\n\n"
        "Tomas Vell had trained rescue teams for years.\n\n"
        "The veteran diver, who was in his early 30s, was found by his team."
    )
    comparison = compare(_sources(a, b))
    (age,) = [f for f in comparison.shown_findings() if f.detail.get("measure") == "age"]
    assert age.values == ("44", "in his early 30s")


def test_ages_that_agree_or_belong_to_different_people_are_no_conflict():
    a = "Mine fire\n\nMiner Tomas Vell, 44, and foreman Ada Ruiz, 51, were rescued on Friday."
    b = "Mine fire\n\nThe miner Tomas Vell, who is in his mid-40s, was rescued with Ada Ruiz, 52."
    comparison = compare(_sources(a, b))
    ages = [f for f in comparison.findings if f.detail.get("measure") == "age"]
    assert [f.values for f in ages] == [("51", "52")]
    c = "Mine fire\n\nMiner Piet Kaan, 29, was rescued on Friday."
    comparison = compare(_sources(a, c))
    assert not [f for f in comparison.findings if f.detail.get("measure") == "age"]


def test_a_date_written_like_an_age_is_no_age():
    a = "Mine fire\n\nOn Tuesday, March 26, miner Tomas Vell was rescued."
    b = "Mine fire\n\nOn Wednesday, March 27, miner Tomas Vell was rescued."
    comparison = compare(_sources(a, b))
    assert not [f for f in comparison.findings if f.detail.get("measure") == "age"]


def test_a_figure_for_one_place_larger_than_the_others_whole_is_a_sure_conflict():
    a = "Quake hits Velmora\n\nThe quake left dozens of residents trapped, officials said."
    b = "Quake hits Velmora\n\nAn estimated 200 remain trapped in the Orlen tower, officials said."
    comparison = compare(_sources(a, b))
    (conflict,) = [f for f in comparison.findings if f.kind == "number_conflict"]
    assert conflict.confidence >= 0.5
    assert any("larger than the whole" in w for w in conflict.why)
    c = "Quake hits Velmora\n\nAn estimated 20 remain trapped in the Orlen tower, officials said."
    d = "Quake hits Velmora\n\nAbout 300 residents remain trapped, officials said."
    comparison = compare(_sources(d, c))
    assert not [f for f in comparison.shown_findings() if f.kind == "number_conflict"]


def test_a_figure_counting_the_figure_before_it_is_a_part_of_it():
    three, two = _quantities("The three deaths involved two people on the bus, police said.")
    assert (three.measure, three.part) == ("deaths", False)
    assert (two.measure, two.part) == ("deaths", True)
    # a word after a measurement and before the figure is no count of the figure before
    (_, deaths) = _quantities("A magnitude 6.2 quake killed 12 people.")
    assert not deaths.part


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        # what the two lengths are of is told by the words around them
        (
            "The village lies about 300 kilometres north of Tarrow.",
            "The village is 250 miles north of Tarrow.",
            True,
        ),
        (
            "The crews walked a two-mile path to the shaft.",
            "The men were trapped 260 feet below ground.",
            False,
        ),
        # lengths measured from two different places
        (
            "The village lies about 90 kilometres north of Tarrow.",
            "The village lies roughly 200 kilometres southeast of Velden.",
            False,
        ),
    ],
)
def test_two_lengths_are_held_against_each_other_only_when_they_measure_one_thing(
    a: str, b: str, shown: bool
):
    comparison = compare(_sources("Report\n\n" + a, "Story\n\n" + b))
    conflicts = [f for f in comparison.shown_findings() if f.kind == "number_conflict"]
    assert bool(conflicts) is shown


def test_the_pair_a_number_finding_shows_first_is_not_a_breakdown_of_a_toll():
    a = (
        "Quake in Velmora\n\nThe earthquake in Velmora has killed 272 people, officials said.\n\n"
        "\u201cWe have recovered three dead from this hotel,\u201d said a rescuer in Velmora."
    )
    b = "Velmora shaken\n\nThe earthquake in Velmora left at least 246 dead, officials said."
    (finding,) = [f for f in compare(_sources(a, b)).findings if f.kind == "number_conflict"]
    assert finding.explanation.startswith("deaths: 272 against at least 246")


def test_figures_of_a_sentence_dated_to_an_earlier_year_are_not_the_events():
    a = (
        "Ferry sinks\n\nPublished: 4 May 2021\n\nThe ferry sank off Marnow on Monday, killing 12 people.\n\n"
        "In 1998, 40 people died when another ferry sank near Marnow."
    )
    b = "Marnow ferry\n\nPublished: 4 May 2021\n\nTwelve people died when the ferry sank off Marnow."
    assert _shown(a, b, "number_conflict") == []


def test_counts_of_people_listed_together_share_the_measure_and_are_parts():
    crew, passengers = _quantities("Officials said two crew members and nine passengers were killed.")
    assert [(q.measure, q.part) for q in (crew, passengers)] == [("deaths", True), ("deaths", True)]
    # two counts naming measures of their own are no list
    dead, hurt = _quantities("Police said 12 people were killed and 40 were hurt.")
    assert [(q.measure, q.part) for q in (dead, hurt)] == [("deaths", False), ("injured", False)]


def test_a_toll_given_as_a_list_of_groups_is_no_rival_of_the_whole():
    a = "Plane crash\n\nThe crash of the plane at Velden airfield killed 11 people."
    b = "Crash at Velden\n\nOfficials said two crew members and nine passengers were killed at Velden."
    assert _shown(a, b) == []


def test_a_list_of_people_with_no_measure_is_a_breakdown():
    total, men, women = _quantities("There were 15 people on the boat: nine men and six women, he said.")
    assert not total.part
    assert (men.part, women.part) == (True, True)


def test_other_after_a_figure_makes_it_a_part():
    (_, others) = _quantities("The dead include two women, and six other men died at the scene.")
    assert (others.measure, others.part) == ("deaths", True)
    (alone,) = _quantities("Six men died at the scene.")
    assert not alone.part


@pytest.mark.parametrize(("credit", "shown"), [("police said", True), ("were reported", False)])
def test_a_toll_credited_to_no_one_named_is_a_hedge_more_than_a_source(credit: str, shown: bool):
    stated = "Floods in Tarrow\n\nThe floods in Tarrow killed 212 people on Monday."
    credited = (
        f"Tarrow floods\n\nBy Monday night, 212 people {credit} dead in Tarrow."
        if credit == "were reported"
        else f"Tarrow floods\n\n212 people died in Tarrow on Monday, {credit}."
    )
    found = _shown(credited, stated, "attribution")
    assert bool(found) is shown


def test_a_name_joined_to_digits_by_a_hyphen_is_no_figure():
    assert _quantities("Flight MH-17 and an F-16 flew over the COVID-19 ward.") == []


def test_figures_of_a_time_since_which_the_event_is_a_record_are_not_the_events():
    # neither account has a date: "since 1987" still points back from whenever it was written
    a = (
        "Avalanche on Mount Tarrow\n\nSix skiers died in the avalanche on Tuesday. It is the deadliest "
        "on the mountain since 1987, when 14 climbers died on the north face."
    )
    b = "Tarrow avalanche\n\nSix skiers were killed on Tuesday when snow swept down the slope."
    assert _shown(a, b) == []


@pytest.mark.parametrize(
    ("dated", "shown"),
    [
        ("It was the worst crash since the March 2009 derailment near Oskel that killed 31 people.", 0),
        ("It was the region's worst disaster after a 1998 landslide that killed 31 people.", 0),
        ("It was the worst crash on the line; officials said 31 people had been killed.", 1),
    ],
)
def test_a_year_naming_when_another_disaster_was_dates_its_figures_to_that_year(dated, shown):
    a = f"Train crash at Oskel, 12 May 2016\n\nNine were killed when the train left the rails.\n\n{dated}"
    b = "Oskel derailment\n\nNine passengers died when the express derailed at Oskel on 12 May 2016."
    assert len(_shown(a, b, "number_conflict")) == shown


def test_a_part_counted_within_a_figure_of_its_sentence_is_not_the_count_at_its_place():
    (whole, part) = _quantities("The coach with 48 people including 6 teachers on board crashed at Talvera.")
    assert whole.places == (("talvera",),)
    assert part.part
    assert part.places == ()


@pytest.mark.parametrize(
    ("b", "values"),
    [
        (
            "The riot in Corvale killed 131 people on Sunday.\n\nPolice said two officers died.",
            ["125", "131"],
        ),
        (
            "The riot in Corvale killed 125 people on Sunday.\n\nPolice said three officers died.",
            ["Two", "three"],
        ),
        ("The riot in Corvale killed 125 people on Sunday.\n\nPolice said two officers died.", []),
    ],
)
def test_a_count_of_one_group_within_its_accounts_toll_is_held_against_the_same_groups_only(b, values):
    a = "Riot in Corvale\n\nThe riot killed 125 people in Corvale.\n\nTwo officers were among the dead."
    found = _shown(a, "Corvale riot\n\n" + b, "number_conflict")
    # the officers are never held against the whole toll
    assert [[v.split()[0] for v in f.values if v] for f in found] == ([values] if values else [])


def test_an_account_naming_few_names_none_of_which_the_other_names_is_judged_another_event():
    short = "Blast at Kesvik mine\n\nAn explosion at the Kesvik mine killed 12 miners, Halvan Oderis said."
    comparison = compare(_sources(FERRY, short))
    assert not comparison.shown_findings()
    held = [f for f in comparison.findings if f.kind == "number_conflict"]
    assert held
    assert all(any("different events" in w for w in f.why) for f in held)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Among the injured, three were hurt critically, police said.", True),
        ("Of those, four died in hospital.", True),
        ("Three were hurt critically in the crash, police said.", False),
    ],
)
def test_a_group_named_in_a_phrase_before_the_figure_makes_it_a_part(text: str, part: bool):
    (q,) = _quantities(text)
    assert q.part is part


def test_what_befell_people_measures_them_rather_than_where_they_were():
    (five,) = _quantities("Five people aboard the ferry were killed, the coastguard said.")
    assert five.measure == "deaths"
    (carried,) = _quantities("The ferry was carrying 40 people when it sank.")
    assert carried.measure == "aboard"


def test_a_figure_joined_to_other_people_counts_only_some_of_them():
    (five,) = _quantities("The bus driver and five passengers were killed.")
    assert (five.measure, five.part) == ("deaths", True)
    (alone,) = _quantities("Five passengers were killed.")
    assert not alone.part


def test_two_parts_of_a_toll_that_name_no_place_or_group_are_not_shown_as_a_conflict():
    a = "Bus crash\n\nThe crash killed six people. The driver and four other passengers died on the bus."
    b = "Tarrow crash\n\nSix people died. The lorry driver and five people on the bus were killed."
    shown = _shown(a, b)
    assert shown == []


def test_a_figure_the_other_account_gives_in_a_linked_sentence_is_not_one_sided():
    a = (
        "Avalanche\n\nAn avalanche struck a party of skiers near Tarrow Peak on Tuesday. "
        "Six survivors were rescued from the slope near Tarrow Peak by search teams on Tuesday night."
    )
    b = (
        "Tarrow Peak avalanche\n\nAn avalanche struck a party of skiers near Tarrow Peak on Tuesday. "
        "Six other skiers survived on the slope near Tarrow Peak and reached the search teams on "
        "Tuesday night, and none of them needed to be rescued by air."
    )
    shown = _shown(a, b, "number_one_side")
    assert shown == []


@pytest.mark.parametrize(
    ("a", "b", "value"),
    [
        pytest.param(
            "Bus crash\n\nA bus crash in Tarrow killed at least six people on Tuesday.\n\n"
            "The lorry driver died at the scene. Five people on the bus also died there.",
            "Tarrow crash\n\nSix people died when a lorry hit a bus in Tarrow on Tuesday.",
            5,
            id="deaths that add to a toll told before",
        ),
        pytest.param(
            "Bus crash\n\nTen people were injured when the bus left the road near Tarrow.\n\n"
            "One was in critical condition, one was in serious condition and eight had minor injuries.",
            "Tarrow crash\n\nThe crash near Tarrow injured 10 people, police said.",
            8,
            id="figures that add up to the toll told before: a breakdown",
        ),
    ],
)
def test_a_figure_within_a_toll_told_before_is_a_part_of_it(a: str, b: str, value: int):
    found = [q for q in _account_quantities(a) if q.number.value == value]
    assert [q.part for q in found] == [True]
    assert _shown(a, b) == []


@pytest.mark.parametrize(
    ("text", "value", "added"),
    [
        pytest.param(
            "Flood\n\nRescuers found 8 more bodies on Tuesday, bringing the body count to 21.",
            8,
            True,
            id="more",
        ),
        pytest.param(
            "Flood\n\nThe death toll rose to 30. Rescuers retrieved another 25 bodies from the mud.",
            25,
            True,
            id="another, after a toll",
        ),
        pytest.param(
            "Flood\n\nTwo bodies were found overnight and another two on Sunday morning.",
            2,
            True,
            id="a count another adds to",
        ),
        pytest.param(
            "Quake\n\nAt least 87 people are confirmed dead. Another 672 people were injured.",
            672,
            False,
            id="another, of a measure not counted before",
        ),
        pytest.param(
            "Quake\n\nOfficials in Peru said 31 people died in that country. "
            "Another 61 people died in Chile.",
            61,
            False,
            id="another, for another country",
        ),
    ],
)
def test_what_an_account_adds_to_its_count_is_a_piece_not_a_toll(text: str, value: int, added: bool):
    found = [q for q in _account_quantities(text) if q.number.value == value]
    assert found
    assert all(bool(q.added) == added for q in found), found
    if added:
        assert all(q.part for q in found)


def test_counts_added_to_a_toll_are_not_held_against_the_other_accounts_toll():
    a = (
        "Mudslide in Tarrow\n\nEight more bodies were found in Tarrow on Monday, bringing the body count up "
        "to 13."
    )
    b = (
        "Tarrow mudslide\n\nTwo bodies were found in Tarrow overnight and another three on Sunday "
        "morning.\n\n"
        "The death toll rose to 13 on Monday."
    )
    assert _shown(a, b) == []


def test_bodies_found_that_the_other_accounts_toll_bears_out_are_no_conflict():
    a = "Mudslide in Tarrow\n\nRescuers in Tarrow brought the official body count to 13 on Monday."
    b = (
        "Tarrow mudslide\n\nThe death toll from Saturday's mudslide in Tarrow rose to 13 Monday "
        "afternoon.\n\n"
        "Five bodies had been recovered in Tarrow on Sunday, police said."
    )
    assert not [f for f in _shown(a, b) if f.detail.get("measure") == "bodies"]


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("The death toll from Saturday's blast rose to 13 on Monday.", "Monday"),
        ("The death toll from Saturday's blast rose to 13.", None),
    ],
)
def test_a_day_in_the_possessive_names_the_event_not_the_figures_moment(text: str, moment: str | None):
    (q,) = [q for q in _quantities(text) if q.number.value == 13]
    assert q.moment == moment


def test_figures_of_different_moments_are_said_to_be_so():
    a = "Blast in Tarrow\n\nThe death toll in Tarrow stood at 21 on Sunday, police said."
    b = "Tarrow blast\n\nThe death toll in Tarrow rose to 34 on Tuesday, police said."
    (conflict,) = _conflicts(a, b)
    assert "different moments (Sunday / Tuesday)" in conflict.explanation
    assert "cannot both be right" not in conflict.explanation


def test_a_toll_naming_the_events_country_is_the_toll_when_the_main_place_is_no_country():
    a = (
        "Port blast\n\nThe blasts at Santiago Port killed at least 140 people, the Chilean health minister "
        "said on Thursday.\n\nThe damage at Santiago Port was wide."
    )
    b = (
        "Blast at the port\n\nThe health minister put the death toll at 50 after the blasts at Santiago Port."
        "\n\nSantiago Port was closed, Chile's government said."
    )
    deaths = [f for f in _shown(a, b) if f.detail.get("measure") == "deaths"]
    assert [f.kind for f in deaths] == ["number_conflict"]


@pytest.mark.parametrize(
    ("earlier", "shown"),
    [
        pytest.param(
            "Six years ago, 144 people died when a ferry sank off Marrow Island.", False, id="years ago"
        ),
        pytest.param(
            "The flood killed 144 people after a lull in floods since a dam was built ten years ago.",
            True,
            id="years ago told after the figure",
        ),
    ],
)
def test_a_sentence_dated_years_ago_tells_of_another_event(earlier: str, shown: bool):
    a = f"Ferry sinks\n\nAt least 40 people died when a ferry sank on Lake Varna on Thursday.\n\n{earlier}"
    b = "Lake Varna ferry\n\nThe ferry sinking on Lake Varna killed 40 people, officials said."
    found = [f for f in _conflicts(a, b) if f.detail.get("measure") == "deaths"]
    assert bool(found) == shown


def test_figures_an_account_gives_as_earlier_ones_are_superseded_by_its_later_figure():
    a = "Quake toll\n\nThe death toll from the quake in Varna Dol rose to 832 on Sunday."
    b = (
        "Varna Dol quake\n\nThe death toll from the quake in Varna Dol has soared to 832, the agency said on "
        "Sunday.\n\nEarlier reports said 400 people were killed.\n\n"
        "Earlier the agency had put the toll at 384."
    )
    assert not [f for f in _conflicts(a, b) if f.detail.get("measure") == "deaths"]


def test_a_hundred_after_a_hedge_keeps_the_hedge():
    a = "Ferry sinks\n\nInitial estimates suggested the ferry was carrying more than 300 people."
    b = "Ferry sinks\n\nThere were more than a hundred passengers on board when the ferry sank."
    assert not [f for f in _conflicts(a, b) if f.detail.get("measure") == "aboard"]


def test_a_part_that_shares_a_figure_with_the_disagreeing_wholes_is_the_same_discrepancy():
    a = "Ferry sinks\n\nPolice said on Friday that the number of dead had risen to at least 136."
    b = (
        "Ferry toll\n\nThe ferry that capsized on Lake Varna killed at least 207 people.\n\n"
        "Earlier Saturday, state television had put the toll at 151."
    )
    deaths = [f for f in _conflicts(a, b) if f.detail.get("measure") == "deaths"]
    assert len(deaths) == 1


def test_a_figure_after_a_capitalised_word_is_a_names_number_not_a_count():
    a = (
        "Airliner lost\n\nThe Orla Air Boeing 737 was flying from Varna to Tarrow carrying 120 passengers "
        "and 11 crew."
    )
    b = "Airliner crash\n\nThe airliner had 131 people on board when it came down on Thursday."
    assert 737.0 not in {q.number.value for q in _quantities(a)}
    assert _conflicts(a, b) == []


def test_a_possessive_before_the_noun_is_not_what_a_figure_counts():
    (q,) = _quantities("Thousands of Tarrow's fans began to gather at the park.")
    assert q.measure != "count:tarrow"


def test_a_names_number_right_before_a_measure_word_takes_no_part_of_the_figure_after():
    (q,) = _quantities(
        "The survivors were pulled out after a Boeing 737 carrying 181 people crashed on the runway."
    )
    assert (q.number.value, q.measure, q.part) == (181.0, "aboard", False)


def test_the_magnitude_of_tremors_after_a_quake_is_not_the_quakes():
    found = _quantities("The bureau said more than 1,180 tremors up to six magnitude have been recorded.")
    assert "magnitude" not in {q.measure for q in found}


def test_those_still_in_hospital_are_a_part_of_the_injured_not_a_rival_count():
    a = "Crowd crush\n\nThirteen people were still hospitalized on Saturday, the mayor said."
    b = "Crowd crush\n\nThe crush on Friday night left eight people dead and scores injured."
    shown = compare(_sources(a, b)).shown_findings()
    assert not [f for f in shown if f.kind == "number_conflict" and f.detail.get("measure") == "injured"]
    # two counts of those still in hospital are held against each other
    c = "Crowd crush\n\nTwenty-four people remain in hospital, the health service said on Saturday."
    shown = compare(_sources(a, c)).shown_findings()
    assert [f for f in shown if f.kind == "number_conflict" and f.detail.get("measure") == "injured"]
