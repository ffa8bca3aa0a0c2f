"""Who a quotation is from. Sentences written for these tests."""

import pytest

from comparer.core.engine.facts import extract_source_facts
from comparer.core.engine.model import Source
from comparer.core.engine.segment import segment


def _facts(text: str):
    source = Source(id="a", path="a.txt", text="Headline of the story\n\n" + text)
    claims = [c for c in segment(source) if c.role == "body"]
    return list(extract_source_facts(source, claims).values())


def test_a_quotation_opened_curly_and_closed_straight_still_ends_where_it_closes():
    (f,) = _facts('“Our hearts go out to every family," Director Maria Lenz wrote in a statement.')
    assert f.speaker is not None
    assert f.speaker.text == "Director Maria Lenz"
    assert [q.text for q in f.quotes] == ["Our hearts go out to every family,"]


def test_an_outlet_that_is_told_something_is_not_the_speaker_of_the_next_quotation():
    facts = _facts(
        "A pupil, Jana Roth, told Metro News she was shocked.\n\n"
        "Mayor Tomas Brandt's hands shook as he read what he described as “a black day for the town.”"
    )
    assert facts[0].speaker is not None
    assert facts[0].speaker.text == "Jana Roth"
    assert facts[1].speaker is not None
    assert "Tomas Brandt" in facts[1].speaker.text


def test_a_military_title_abbreviation_does_not_end_the_sentence():
    facts = _facts("“The divers go back in at dawn,” said Vice Adm. Piet Smit, head of the fleet.")
    assert len(facts) == 1
    assert facts[0].speaker is not None
    assert "Piet Smit" in facts[0].speaker.text


def _compare_pair(a: str, b: str):
    from comparer.core.engine.compare import compare

    return compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])


def test_one_remark_of_one_speaker_in_other_words_is_a_reworded_quotation():
    a = "Ferry lost\n\n“The harbour will stay closed until the storm has passed,” said chief Lena Marsh."
    b = "Ferry sinks\n\n“The harbour stays shut until this storm passes,” Marsh said on Sunday."
    comparison = _compare_pair(a, b)
    assert [f.kind for f in comparison.findings if f.kind.startswith("quote_")] == ["quote_wording"]


def test_two_different_remarks_of_one_speaker_are_not_called_reworded():
    a = "Ferry lost\n\n“The sea was far too rough for the boats,” said coast guard chief Lena Marsh."
    b = "Ferry sinks\n\n“We thank every volunteer who came to the harbour,” Marsh said on Sunday."
    comparison = _compare_pair(a, b)
    assert not [f for f in comparison.findings if f.kind == "quote_wording"]


def test_a_title_between_a_body_and_a_name_leaves_the_name_as_speaker():
    (f,) = _facts("“The water is rising,” said Harbour Police chief Piet Smit.")
    assert f.speaker is not None
    assert f.speaker.text == "Piet Smit"


def test_a_speech_verb_with_an_object_of_harm_is_an_act_not_words_said():
    (f,) = _facts("The storm has claimed the lives of two fishermen off the cape.")
    assert f.attribution is None
    (g,) = _facts("The ministry claimed the search was going well.")
    assert g.attribution is not None


def test_a_quotation_in_single_curly_quotes_is_one_claim_and_a_quotation():
    (f,) = _facts(
        "‘The river has never been this high. Every road to the valley is cut,’ Governor Anna Brix said."
    )
    assert [q.text for q in f.quotes] == [
        "The river has never been this high. Every road to the valley is cut,"
    ]
    assert f.speaker is not None
    assert f.speaker.text == "Governor Anna Brix"


def test_apostrophes_are_not_single_quotes():
    (f,) = _facts("The valley’s farmers said the workers’ camp was moved in the ‘90s.")
    assert f.quotes == ()


def test_a_speaker_named_by_title_alone_is_the_person_last_named_with_that_title():
    facts = _facts(
        "Chief Minister Ravi Menon met the district heads on Monday.\n\n"
        "‘We have opened every shelter we have,’ the Chief Minister said after the meeting."
    )
    assert facts[1].speaker is not None
    assert facts[1].speaker.text == "Chief Minister Ravi Menon"
    facts = _facts(
        "Chief Minister Ravi Menon met the district heads on Monday.\n\n"
        "“We have opened every shelter we have,” the police chief said."
    )
    assert facts[1].speaker is None or "Menon" not in facts[1].speaker.text


def test_the_same_words_credited_to_two_people_are_shown():
    a = (
        "Mine fire\n\n"
        "“The fire was out by noon and the shaft is safe again,” said regional governor Ilse Marten."
    )
    b = (
        "Mine fire put out\n\n"
        "“The fire was out by noon and the shaft is safe again,” said a Corvo Mining official."
    )
    comparison = _compare_pair(a, b)
    (finding,) = [f for f in comparison.shown_findings() if f.kind == "attribution"]
    assert finding.detail["different_speaker"]
    assert finding.detail["same_words"]
    assert "Corvo Mining official" in finding.explanation


def test_other_words_of_two_people_are_not_shown_as_one_statement():
    a = "Mine fire\n\n“The fire was out by noon,” said regional governor Ilse Marten."
    b = "Mine fire put out\n\n“We will reopen the shaft next week,” said a Corvo Mining official."
    comparison = _compare_pair(a, b)
    assert not [f for f in comparison.shown_findings() if f.kind == "attribution"]


_QUOTED = (
    "Climber dies on ridge\n\n"
    '"The weather turned within minutes," said chief ranger Ilse Marrow. '
    '"He slipped while fixing a rope above the second camp. '
    "His partner tried to hold the line but it snapped under the weight. "
    'We will bring him home."'
)


def _retold_confidence(b_body: str) -> tuple[float, tuple[str, ...]]:
    from comparer.core.engine.discrepancies import _Group, _retold_quotations
    from comparer.core.engine.model import Finding

    sources = [Source(id="a", path="a.txt", text=_QUOTED), Source(id="b", path="b.txt", text=b_body)]
    facts = {}
    for s in sources:
        facts.update(extract_source_facts(s, [c for c in segment(s) if c.role == "body"]))
    (quoted,) = [c for c, f in facts.items() if c.startswith("a:") and len(f.quotes[0].text) > 60]
    finding = Finding(
        kind="attribution",
        values=("attributed: Ilse Marrow", "stated as fact"),
        spans=((), ()),
        explanation="a attributes this (Ilse Marrow); b states it in its own voice",
    )
    group = _Group(first=finding, sources=("a", "b"), confidence=0.2)
    group.include(0, quoted)
    for claim in [c for c in facts if c.startswith("b:")]:
        group.include(1, claim)
    _retold_quotations([group], facts)
    return group.confidence, tuple(group.why)


def test_an_account_retelling_several_sentences_of_a_quotation_as_fact_is_an_attribution_finding():
    confidence, why = _retold_confidence(
        "Climber dies\n\nThe guide lost his footing as he was fixing ropes high above the second camp.\n\n"
        "His partner tried to hold on to the line, which snapped.\n\n"
        "Rescuers reached the ridge by helicopter on Monday."
    )
    assert confidence >= 0.5
    assert any("retells 2 sentences" in w for w in why)


def test_sentences_on_other_matters_beside_a_quotation_are_no_retelling():
    confidence, _ = _retold_confidence(
        "Climber dies\n\nThe park reopened the southern trails on Monday.\n\n"
        "Weather stations recorded winds of 90 km/h on the summit."
    )
    assert confidence < 0.5


def test_one_sentence_near_a_quotation_is_no_retelling_of_it():
    confidence, _ = _retold_confidence(
        "Climber dies\n\nThe guide lost his footing as he was fixing ropes high above the second camp.\n\n"
        "The park reopened the southern trails on Monday."
    )
    assert confidence < 0.5


def test_a_speech_verb_with_its_own_subject_after_a_break_is_not_the_place_before_it():
    (f,) = _facts("A guide died on the north ridge of Mount Tarrow on Sunday, the park service said.")
    assert f.speaker is None
    assert f.attributed


def test_a_name_with_an_apposition_or_a_participle_after_it_is_still_the_speaker():
    facts = _facts(
        "Piet Smit, a spokesman for the port, said the ship was late.\n\n"
        "Mayor Ilse Marrow did not call for new rules, instead saying that the crossing would stay shut."
    )
    assert [f.speaker.text if f.speaker else None for f in facts] == ["Piet Smit", "Mayor Ilse Marrow"]


@pytest.mark.parametrize(
    "text",
    [
        # a named body giving a figure, and unnamed reports
        "AFP put the death toll at 156.\n\n"
        "At least 150 people have been reported to be killed.\n\n"
        "The storm killed 12 people in Tarrow.",
        # a source from somewhere, giving a figure in its own words
        "Officials in Carvale put the preliminary number of deaths at 1,205.\n\n"
        "Rescuers putting the revised toll at 40 were still at work.\n\n"
        "Rescuers put the boat back in the water.",
    ],
)
def test_a_source_giving_a_figure_attributes_the_claim_and_a_plain_statement_does_not(text: str) -> None:
    assert [f.attributed for f in _facts(text)] == [True, True, False]


def test_a_capitalised_word_opening_a_sentence_before_a_source_verb_is_no_source():
    facts = _facts("An estimated 30 people were rescued.\n\nReuters estimated that 30 people were rescued.")
    assert [f.attributed for f in facts] == [False, True]


def test_according_to_is_shown_with_whom_it_names():
    from comparer.core.engine.facts import source_named

    (f,) = _facts("According to the Tarrow fire service, the blaze began in a kitchen.")
    assert source_named(f) == "According to the Tarrow fire service"


@pytest.mark.parametrize(
    ("stated", "shown"),
    [
        # the claim opens by naming the source the other account credits: it tells what they did
        ("Harbour officials have raised the number of sailors missing off Velden to 14.", False),
        # the same claim in the outlet's own voice, and one naming the source only late
        ("The number of sailors missing off Velden has risen to 14.", True),
        ("The number of sailors missing off Velden has risen to 14, as harbour officials feared.", True),
    ],
)
def test_a_claim_naming_the_source_the_other_credits_is_not_stated_in_its_own_voice(
    stated: str, shown: bool
) -> None:
    credited = (
        "Storm at Velden\n\nHarbour officials say the number of sailors missing off Velden has risen to 14."
    )
    comparison = _compare_pair(credited, "Velden storm\n\n" + stated)
    found = [f for f in comparison.shown_findings() if f.kind == "attribution"]
    assert bool(found) is shown


def test_claims_giving_figures_of_nothing_in_common_state_no_one_proposition() -> None:
    credited = (
        "Mudslide\n\nOfficials say the mudslide that struck Tarrow on Saturday morning left 108 missing."
    )
    stated = (
        "Tarrow mudslide\n\nThe mudslide that struck Tarrow on Saturday morning killed at least 14 people."
    )
    comparison = _compare_pair(credited, stated)
    assert [f for f in comparison.shown_findings() if f.kind == "attribution"] == []


@pytest.mark.parametrize(("full_b", "shown"), [("Lin Wei", False), ("Lin Tao", True)])
def test_a_speaker_named_short_is_the_person_the_account_named_in_full(full_b: str, shown: bool) -> None:
    a = (
        "Quake in Tarrow\n\nLin Tao, a volunteer from the city, reached the valley on Monday.\n\n"
        '"I saw whole streets turned to rubble," said Lin, who came with twenty others.'
    )
    b = (
        f"Tarrow quake\n\n{full_b}, who runs a shop in the city, watched the rescue on Monday.\n\n"
        '"Nobody here has slept since the shaking began," Lin said.'
    )
    found = [f for f in _compare_pair(a, b).shown_findings() if f.kind == "quote_differs"]
    assert bool(found) is shown


def test_a_claim_the_stating_account_credits_too_in_another_sentence_is_no_attribution_finding() -> None:
    credited = "Market fire\n\nThe fire gutted the old covered market in Tarrow on Monday night, police said."
    stated = (
        "Tarrow fire\n\nFire gutted the old covered market in Tarrow on Monday night.\n\n"
        "The fire gutted the covered market in Tarrow on Monday night, police said, and traders lost stock."
    )
    comparison = _compare_pair(credited, stated)
    assert [f for f in comparison.shown_findings() if f.kind == "attribution"] == []
    alone = _compare_pair(
        credited, "Tarrow fire\n\nFire gutted the old covered market in Tarrow on Monday night."
    )
    assert [f for f in alone.shown_findings() if f.kind == "attribution"]


def test_a_name_after_told_is_the_one_spoken_to_not_the_speaker():
    (f,) = _facts(
        "“There is little hope left,” one rescue official, Oren Valk, told KTV television on Monday."
    )
    assert f.speaker is not None
    assert f.speaker.text == "Oren Valk"
    (g,) = _facts("One father told Tarrow's KTV news channel: “I spoke to my son an hour ago.”")
    assert g.speaker is None


def test_one_speaker_written_with_and_without_a_hyphen_or_by_title_alone_is_no_two_speakers():
    a = "Ferry sinks\n\n“We all fell against the rail,” said student Kim Min-jun, who swam to a boat."
    b = "Ferry lost\n\n“We all fell against the rail,” student Kim Min Jun said after he was rescued."
    assert not [f for f in _compare_pair(a, b).findings if f.detail.get("different_speaker")]
    c = (
        "Fire at the hall\n\nMayor Ilse Marten thanked the crews.\n\n"
        "“You saved the heart of this town,” said the Mayor, to loud cheers."
    )
    d = "Hall fire\n\n“You saved the heart of this town,” Marten told the firefighters, to loud cheers."
    assert not [f for f in _compare_pair(c, d).shown_findings() if f.detail.get("different_speaker")]


def test_a_short_sentence_whose_few_words_a_credited_one_holds_states_no_one_proposition() -> None:
    stated = "Train crash\n\nHe also met some of the injured in the hospital."
    credited = (
        "Train crash\n\nMore than 800 people were injured in the accident, officials said, adding that most "
        "of them have been admitted to various hospitals in Balmer."
    )
    assert [f for f in _compare_pair(stated, credited).shown_findings() if f.kind == "attribution"] == []
    # sharing the figure, a short sentence states that much of the credited one
    short = "Train crash\n\n812 other people have been injured."
    credited_figure = (
        "Train crash\n\nThe crash killed 94 people and injured 812 others on Friday night near the "
        "junction, railway police said."
    )
    assert [f for f in _compare_pair(short, credited_figure).shown_findings() if f.kind == "attribution"]


def test_a_name_spoken_to_is_not_the_speaker_of_the_next_quotation():
    facts = _facts(
        "One father told Tarrow's KTV news channel: “I spoke to my son an hour ago.”\n\n"
        "“He said the boat was leaning badly,” he added."
    )
    assert all(f.speaker is None or "KTV" not in f.speaker.text for f in facts)
