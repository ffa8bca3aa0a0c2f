"""Casualty statements (tests/cases/casualties.json), and an account checked against itself for spellings."""

import json
from pathlib import Path

import pytest

from comparer.core.engine.casualties import find_casualties
from comparer.core.engine.compare import compare
from comparer.core.engine.discrepancies import SHOW_ABOVE
from comparer.core.engine.facts import extract_facts
from comparer.core.engine.model import Claim, Source

CASES = json.loads(
    (Path(__file__).resolve().parents[2] / "cases" / "casualties.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:45])
def test_negation_and_hedges_are_read_in_their_scope(case):
    assert [r.status for r in find_casualties(case["text"])] == [case["status"]]


def test_nothing_reported_yet_contradicts_no_later_report():
    a = Source(
        id="a",
        path="a.txt",
        text="The storm hit the coast overnight. There were no reports yet of casualties.",
    )
    b = Source(id="b", path="b.txt", text="The storm hit the coast overnight. Three people were injured.")
    comparison = compare([a, b])
    assert not [f for f in comparison.findings if f.kind == "casualties" and f.detail.get("conflict")]


def test_one_account_writing_one_name_two_ways_is_a_check():
    a = Source(
        id="a", path="a.txt", text="Rescuers reached Kathmandu on Sunday.\n\nHospitals in Katmandu were full."
    )
    b = Source(id="b", path="b.txt", text="The quake struck near the capital on Saturday.")
    checks = [c for c in compare([a, b]).checks if c.kind == "spelling_inconsistent"]
    assert [c.values for c in checks] == [("Kathmandu", "Katmandu")]


def test_a_capitalised_common_word_opening_a_sentence_is_no_name_variant():
    a = Source(id="a", path="a.txt", text="Crows screeched over the square as the ground shook.")
    b = Source(id="b", path="b.txt", text="The Red Cross said it was sending teams to the square.")
    assert not [f for f in compare([a, b]).findings if f.kind == "name_variant"]


def _compare_texts(a: str, b: str):
    from comparer.core.engine.compare import compare
    from comparer.core.engine.model import Source

    return compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])


def test_deaths_one_account_states_and_the_other_only_presumes_are_a_certainty_finding():
    a = "Ferry lost\n\nAll 40 people on board the ferry are presumed to have drowned, the coastguard said."
    b = "Ferry sinks\n\nAll 40 people on board were killed when the ferry sank in a storm, officials said."
    (finding,) = [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]
    assert finding.values == ("presumed or feared", "stated as fact")
    assert finding.confidence >= 0.5


def test_an_account_that_states_the_deaths_and_also_presumes_them_is_no_certainty_finding_shown():
    a = "Ferry lost\n\nAll 40 people on board the ferry are presumed to have drowned, the coastguard said."
    b = (
        "Ferry sinks\n\nAll 40 people on board were killed when the ferry sank in a storm, officials said."
        "\n\nThe crew of the ferry are believed to have died in the engine room."
    )
    findings = [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]
    assert findings, "still listed, for --all"
    assert all(f.confidence < SHOW_ABOVE for f in findings)
    assert any("also hedges elsewhere" in why for f in findings for why in f.why)


def test_two_accounts_that_both_presume_the_deaths_raise_no_certainty_finding():
    a = "Ferry lost in storm\n\nAll 40 people on board the ferry are presumed dead, the coastguard said."
    b = "Ferry sinks\n\nThe 40 people on board are believed to have died, the coastguard said."
    assert not [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Twelve tourists are believed to be among the 40 who died in the sinking.", "stated"),
        ("Two teachers are feared to be among those killed.", "stated"),
        ("All 40 people on board are presumed to have drowned.", "hedged"),
        ("Three climbers are thought to be among the dead.", "stated"),
        ("Twelve tourists are believed to be among the passengers, all of whom are presumed dead.", "hedged"),
    ],
)
def test_a_hedge_on_who_is_among_the_dead_leaves_the_deaths_stated(text, certainty):
    assert _certainty(text) == certainty


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Six hikers were killed in the rockfall, and many more are feared dead.", "stated"),
        ("Four divers were confirmed dead and a fifth was presumed to have drowned.", "stated"),
        ("Bodies were found near the gate, police said, so there may have been a crush.", "stated"),
        ("The four missing divers are presumed to have drowned.", "hedged"),
        ("Dozens are feared dead after the landslide.", "hedged"),
        # a fear of deaths beyond those told hedges none of them
        ("Firefighters fear that more bodies will be found in the rubble.", None),
        ("Firefighters fear that many bodies will be found in the rubble.", "hedged"),
    ],
)
def test_a_hedge_reaches_only_the_deaths_of_its_own_clause(text, certainty):
    assert _certainty(text) == certainty


def _certainty(text: str) -> str | None:
    """How sure one sentence, read as a claim of its own, is that people died."""
    from comparer.core.engine.discrepancies import death_certainty

    src = Source(id="a", path="a.txt", text=text)
    claim = Claim(id="a:1", source="a", start=0, end=len(text), text=text, role="body", paragraph=0)
    return death_certainty(extract_facts(claim, src))


def test_an_account_that_states_a_toll_and_fears_more_is_no_account_that_only_presumes():
    a = "Rockfall\n\nSix hikers were killed in the rockfall, and many more are feared dead, rangers said."
    b = "Rockfall on the ridge\n\nSix hikers died when rocks fell on the ridge trail, rangers said."
    assert not [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]


def test_presumed_and_stated_deaths_of_different_tolls_are_not_compared_for_certainty():
    a = "Mine blast\n\nAt least 9 miners died in the lower gallery, the company said."
    b = "Mine blast\n\nAs many as 140 people are feared to have died when the shaft caved in."
    assert not [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]


def test_everyone_aboard_presumed_dead_against_some_of_them_stated_killed_is_a_certainty_finding():
    # the hedging account states deaths elsewhere, and its hedged sentence counts people aboard, not deaths
    a = (
        "Plane lost over the sea\n\nAll 84 people on board flight 212 are assumed to have died, "
        "the airline said."
        "\n\nMost of those who died were returning from a conference, a spokesman said."
    )
    b = (
        "Plane crash\n\nNine engineers from the Corran works were killed aboard the flight that crashed into "
        "the sea on Monday, their employer said."
    )
    (finding,) = [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]
    assert finding.values == ("presumed or feared", "stated as fact")


def test_a_larger_toll_stated_is_not_among_those_presumed_dead_aboard():
    a = "Ferry lost\n\nAll 40 people on board the ferry are presumed to have drowned, the coastguard said."
    b = "Storm on the coast\n\nAt least 300 people were killed along the coast in the storm, officials said."
    assert not [f for f in _compare_texts(a, b).findings if f.kind == "certainty"]


def test_one_numbered_event_with_deaths_in_one_account_only_is_a_casualty_finding():
    from comparer.core.engine.compare import compare
    from comparer.core.engine.model import Source

    a = (
        "Blasts in Varna\n\nA seventh blast hit a hotel in Varna on Sunday.\n\n"
        "The eighth was in a housing block in Kessel, where three police officers were killed."
    )
    b = "Blasts in Varna\n\nThe seventh blast hit a hotel, while an eighth blast hit the suburb of Orlin."
    result = compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])
    harm = [f for f in result.findings if f.kind == "casualties" and "eighth" in f.explanation]
    assert len(harm) == 1
    assert "three" in (harm[0].values[0] or "")
    assert harm[0].values[1] is None


def test_a_name_keeping_its_own_spelling_against_the_common_word_is_not_shown():
    a = "Crash\n\nThe injured pilot was moved to the Orla Medical Center in Tarrow on Sunday."
    b = "Crash\n\nThe injured pilot was treated at the local health centre in Tarrow on Sunday."
    spellings = [f for f in _compare_texts(a, b).findings if f.kind == "spelling_variant"]
    assert all(f.confidence < SHOW_ABOVE for f in spellings)


def test_a_common_word_in_each_outlets_house_spelling_is_listed_but_not_shown():
    a = "Landslide\n\nThe slide buried the road about 90 kilometres north of Tarrow on Saturday."
    b = "Tarrow landslide\n\nThe slide buried the road about 90 kilometers north of Tarrow on Saturday."
    comparison = _compare_texts(a, b)
    spellings = [f for f in comparison.findings if f.kind == "spelling_variant"]
    assert [f.values for f in spellings] == [("kilometres", "kilometers")]
    assert all(f.confidence < SHOW_ABOVE for f in spellings)
