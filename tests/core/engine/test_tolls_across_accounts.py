"""Figures and casualty reports compared across whole accounts: what is held against what, and what is not.

Every account here is written for these tests.
"""

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source


def _sources(*texts: str) -> list[Source]:
    return [Source(id=i, path=f"{i}.txt", text=t) for i, t in zip("abc", texts, strict=False)]


def _shown(a: str, b: str, kind: str = "") -> list:
    return [f for f in compare(_sources(a, b)).shown_findings() if f.kind.startswith(kind)]


def _listed(a: str, b: str, kind: str = "") -> list:
    return [f for f in compare(_sources(a, b)).findings if f.kind.startswith(kind)]


def test_a_toll_given_late_on_a_day_is_read_and_held_against_the_other():
    a = (
        "Fire in Velden\n\nThe death toll rose to at least 61 late Sunday, county officials said.\n\n"
        "Crews kept searching the hills above Velden."
    )
    b = "Fire in Velden\n\nAt least 34 people have died in the Velden fire, the county said on Thursday."
    (conflict,) = _shown(a, b, "number_conflict")
    assert "61" in conflict.values[0]
    assert "34" in conflict.values[1]
    assert not _shown(a, b, "number_one_side")


def test_measurements_written_in_two_units_are_compared_with_each_ones_rounding():
    hull = "Ship aground\n\nThe Varna Star ran aground off Tarrow, tearing a {} gash in its hull."
    assert not _listed(hull.format("160-foot"), hull.format("50-metre"), "number_conflict")
    assert _shown(hull.format("220-foot"), hull.format("50-metre"), "number_conflict")
    # one unit on both sides: no margin for rounding
    assert _shown(hull.format("46-metre"), hull.format("50-metre"), "number_conflict")


def test_an_aftershocks_magnitude_is_not_the_quakes():
    a = (
        "Quake in Velmora\n\nA strong earthquake struck Velmora before dawn on Wednesday.\n\n"
        "Walls cracked further after Friday's aftershock, which the survey said was 4.6 in magnitude."
    )
    b = "Quake in Velmora\n\nThe 6.1-magnitude earthquake hit Velmora at 3.20am on Wednesday."
    assert not _listed(a, b, "number_conflict")


def test_a_towns_population_is_no_count_of_the_event():
    a = "Quake in Velmora\n\nThe mayor of Orsk said there were dozens of victims in his town."
    b = "Quake in Velmora\n\nMost of the victims were found in Orsk, a town of around 3,000 people."
    assert not _listed(a, b, "number")


def test_a_graded_count_of_the_injured_may_be_some_of_them():
    a = "Ship aground\n\nThe Varna Star ran aground off Tarrow, killing three and injuring 20 passengers."
    b = (
        "Ship aground\n\nThe Varna Star ran aground off Tarrow, killing three and leaving several others "
        "critically hurt."
    )
    assert not _shown(a, b, "number_conflict")


def test_everyone_accounted_for_is_no_report_that_no_one_died():
    a = "School collapse\n\nThe quake killed 25 people at the Orsk school, the navy said."
    b = "School collapse\n\nThe navy said all pupils at the Orsk school had been accounted for."
    assert not _listed(a, b, "casualties")


def test_a_fear_of_more_deaths_is_not_presuming_those_stated():
    a = (
        "Quake in Velmora\n\nAuthorities in Velmora say the death toll from the quake has risen to 278.\n\n"
        "Crews kept digging through the rubble in Orsk."
    )
    b = (
        "Quake in Velmora\n\nOfficials have confirmed 21 deaths, with many more injured or missing.\n\n"
        "Close to the epicentre of the quake near Orsk, witnesses told local media that numerous buildings "
        "had collapsed, with an increase in the death toll highly likely."
    )
    assert not _listed(a, b, "certainty")
    assert _shown(a, b, "number_conflict")


def test_a_year_after_an_anniversary_dates_another_event():
    a = (
        "Quake in Velmora\n\nA 7.1 quake killed at least 223 people in Velmora.\n\n"
        "It struck on the 32nd anniversary of the 1985 earthquake that killed thousands."
    )
    b = "Quake in Velmora\n\nThe quake in Velmora killed at least 225 people."
    (conflict,) = _shown(a, b, "number_conflict")
    assert "223" in conflict.values[0]
    assert not any("thousands" in (v or "") for v in conflict.values)


def test_the_second_word_of_a_performers_name_is_not_the_events_place():
    # "Manchester"-like: the city is a common word, the singer's surname an uncommon one every account names
    a = (
        "Blast at concert\n\nThe blast at the end of a Mira Solenne concert in the English city of Leeds "
        "left at least 19 people dead, police said.\n\nPolice in Leeds said the hall had been cleared."
    )
    b = (
        "Blast at concert\n\nTributes were paid to the 22 people killed at the Mira Solenne concert on "
        "Monday.\n\nThe hall in Leeds stayed shut."
    )
    (conflict,) = _shown(a, b, "number_conflict")
    assert conflict.confidence >= 0.5


def test_a_month_named_months_before_the_account_dates_another_event():
    a = (
        "Blasts in Corvale\n\nPublished: 22 March 2026\n\nAt least 37 people were killed in twin blasts in "
        "Corvale on Tuesday.\n\nThe blasts came days after an arrest linked to the November attacks in "
        "Velden that killed 130 people."
    )
    b = "Blasts in Corvale\n\nPublished: 22 March 2026\n\nThe blasts in Corvale killed 34 people on Tuesday."
    (conflict,) = _shown(a, b, "number_conflict")
    assert "37" in conflict.values[0]
    assert "130" not in conflict.values[0]


def test_a_weekday_and_a_date_are_not_said_to_be_different_moments():
    a = "Blasts in Corvale\n\nThe blasts on March 22 killed at least 26 people in Corvale."
    b = "Blasts in Corvale\n\nThe blasts in Corvale killed 34 people on Tuesday."
    (conflict,) = _shown(a, b, "number_conflict")
    assert "different moments" not in conflict.explanation


def test_every_passage_repeating_a_figure_is_listed():
    a = "Quake in Velmora\n\nThe earthquake, with a magnitude of 6.8, struck Velmora shortly before noon."
    b = (
        "Quake in Velmora\n\nThe Orsk tower before and after the magnitude-6.9 quake struck Velmora.\n\n"
        "The quake measuring 6.9 on the Richter scale was followed by 12 aftershocks."
    )
    (conflict,) = _shown(a, b, "number_conflict")
    assert len(conflict.claims[1]) == 2
    assert "different moments" not in conflict.explanation


def test_a_peoples_word_and_its_countrys_are_not_two_spellings():
    a = "Storm in Velmora\n\nA Filipino store owner guarded his shop in Tacloban."
    b = "Storm in Velmora\n\nPhilippine officials said the store in Tacloban was looted."
    assert not _listed(a, b, "name_variant")
    assert not _listed(a, b, "spelling_variant")


def test_an_ordinary_word_is_not_a_rare_names_spelling():
    a = "Storm in Velmora\n\nTyphoon Haiyan struck the island on Friday."
    b = "Storm in Velmora\n\nThe storm struck the southeast Asian island on Friday."
    assert not _listed(a, b, "name_variant")
    assert not _listed(a, b, "spelling_variant")


def test_a_groups_count_is_not_held_against_a_toll_of_others():
    a = "Blast at the gate\n\nThe blast killed 13 troops at the Orsk gate, officials said."
    b = (
        "Blast at the gate\n\nOfficials put the civilian toll at 60 people at the Orsk gate.\n\n"
        "Military officials said 13 troops were killed at the Orsk gate."
    )
    assert not _shown(a, b, "number_conflict")


def test_a_toll_the_crediting_account_also_states_in_its_own_voice_is_no_attribution_difference():
    a = (
        "Stadium crush\n\nThe crush at the Orla stadium on Saturday night left a total of 131 people "
        "dead.\n\n"
        '"From the figures we have, out of 131 people who died in the crush, 40 were children," said Dara '
        "Holm, a regional official."
    )
    b = "Stadium crush\n\nAt least 131 people were killed in a crush at the Orla stadium on Saturday night."
    assert not _shown(a, b, "attribution")


def test_a_figure_of_an_event_months_before_is_not_held_against_the_event():
    a = (
        "Airliner lost\n\nThe airliner came down over the sea on Thursday, killing all 310 people on board."
        "\n\nJust four months ago, a Tarrow Air jet, also carrying 239 people on board, vanished over the "
        "ocean."
    )
    b = "Airliner crash\n\nThe airliner that came down on Thursday had 310 people on board."
    assert not _listed(a, b, "number_conflict")


def test_a_toll_of_the_earlier_event_a_record_is_measured_since_is_not_the_events():
    a = (
        "School shooting\n\nA gunman opened fire at the Orla school on Tuesday, killing 19 children.\n\n"
        "Two teachers were also among those killed at the Orla school, according to authorities."
    )
    b = (
        "School shooting\n\nA gunman killed at least 19 children at the Orla school on Tuesday, officials "
        "said.\n\nThe shooting at the Orla school was the deadliest shooting at a U.S. grade school since a "
        "gunman killed 20 children and six adults at Marrow Point Elementary in Dunmore, Conn., almost a "
        "decade ago."
    )
    assert not _listed(a, b, "number_conflict")
