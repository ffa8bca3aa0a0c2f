"""Clock times with hedges and counted offsets, and days read against a day the accounts name.

Sentences written for these tests.
"""

from datetime import date

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.dates import find_times
from comparer.core.engine.discrepancies import time_findings
from comparer.core.engine.facts import extract_source_facts
from comparer.core.engine.model import Source
from comparer.core.engine.segment import segment


@pytest.mark.parametrize(
    ("text", "minutes", "window"),
    [
        ("The ferry left at 12:11 a.m.", 11, (11, 11)),
        ("The first climber reached the top ten minutes past midnight.", 10, (10, 10)),
        ("The generator failed an hour after midnight.", 60, (60, 60)),
        ("The roof gave way half an hour before noon.", 690, (690, 690)),
        ("The dam burst around 2 a.m.", 120, (110, 130)),
        ("The alarm sounded shortly before 4:30 a.m.", 270, (250, 270)),
        ("The convoy arrived just after midnight.", 0, (0, 20)),
        ("The quake struck at 4.30pm on Sunday.", 990, (990, 990)),  # the British way of writing it
    ],
)
def test_a_clock_time_is_read_with_what_its_words_allow(text, minutes, window):
    (time,) = find_times(text)
    assert (time.minutes, time.window) == (minutes, window)


def test_a_decimal_is_no_clock_time_without_am_or_pm():
    assert find_times("The river rose 16.30 metres.") == []


def _pair(a: str, b: str, published_a=None, published_b=None):
    return compare(
        [
            Source(id="a", path="a.txt", text=a, published=published_a),
            Source(id="b", path="b.txt", text=b, published=published_b),
        ]
    )


def test_two_approximate_times_half_an_hour_apart_are_a_conflict():
    a = "Dam burst in the hills\n\nThe old dam above Corvale burst around 2 a.m., flooding the lower town."
    b = "Flood hits Corvale\n\nThe dam above Corvale gave way around 1:30 a.m., flooding the lower town."
    conflicts = [f for f in _pair(a, b).findings if f.kind == "time_conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].values == ("2 a.m.", "1:30 a.m.")


def test_the_same_time_said_two_ways_is_no_conflict():
    a = "Ridge fall\n\nThe skier fell an hour after midnight on the north ridge."
    b = "Ridge fall\n\nThe skier fell around 1 a.m. on the north ridge, the guides said."
    assert not [f for f in _pair(a, b).findings if f.kind == "time_conflict"]


def test_a_weekday_is_read_against_the_day_the_other_account_names_in_full():
    from datetime import date

    a = (
        "Bridge struck by ship\n\nThe bridge fell into the river on Tuesday, March 4, 2031, after a cargo "
        "ship struck one of its piers."
    )
    b = "Bridge falls\n\nThe bridge fell into the river early Tuesday after a ship struck one of its piers."
    comparison = _pair(a, b, published_a=date(2031, 3, 6))
    (same_day,) = [f for f in comparison.findings if f.kind == "date_equivalent"]
    assert same_day.detail["day"] == "2031-03-04"
    assert any("gives no publication date" in w for w in same_day.why)


def test_the_day_of_a_statement_is_not_held_against_the_day_of_the_event():
    from datetime import date

    a = (
        "Bridge collapse\n\nDivers at the collapsed Orla bridge in Tarrow signalled on Wednesday there was "
        "little hope of finding more survivors of the collapse."
    )
    b = (
        "Bridge collapse\n\nAt least 14 people died in the collapse of the Orla bridge in Tarrow on Tuesday, "
        "and divers were still searching for survivors."
    )
    comparison = _pair(a, b, published_a=date(2031, 3, 6), published_b=date(2031, 3, 5))
    assert not [f for f in comparison.findings if f.kind in ("date_conflict", "date_equivalent")]
    # the same sentence dating the collapse itself to Wednesday disagrees
    c = a.replace("signalled on Wednesday there was", "said there was").replace(
        "of the collapse.", "of the collapse on Wednesday."
    )
    comparison = _pair(c, b, published_a=date(2031, 3, 6), published_b=date(2031, 3, 5))
    assert [f for f in comparison.findings if f.kind == "date_conflict"]


def test_times_in_two_zones_of_known_offset_are_converted_before_they_are_compared():
    (est,) = find_times("The call came at 5:30 p.m. EST.")
    (same,) = find_times("The call came at 22:30 GMT.")
    (other,) = find_times("The call came at 21:30 GMT.")
    assert est.comparable(same)
    assert est.consistent_with(same)
    assert not est.consistent_with(other)


def test_a_local_time_is_never_converted_against_a_named_zone():
    (local,) = find_times("The rescue began at 10 p.m. local time.")
    (gmt,) = find_times("The rescue began at 01:00 GMT.")
    assert not local.comparable(gmt)


def _unlinked_times(a: str, b: str):
    facts = []
    for sid, text in (("a", a), ("b", b)):
        src = Source(id=sid, path=f"{sid}.txt", text=text)
        facts.extend(extract_source_facts(src, segment(src)).values())
    return time_findings(facts, ("a", "b"), {})


def test_two_sentences_telling_of_one_death_give_their_times_against_each_other_even_unlinked():
    found = _unlinked_times(
        "One fisherman died at 9:40 p.m. in hospital.",
        "Doctors at the county infirmary recorded the angler's death at 11:50 p.m.",
    )
    assert [g.first.values for g in found] == [("9:40 p.m.", "11:50 p.m.")]
    assert any("tell of one moment" in w for w in found[0].why)


def test_two_unlinked_sentences_sharing_a_name_and_a_verb_tell_of_one_moment():
    found = _unlinked_times(
        "It was at ten minutes past midnight that Ilse Marnow reached the summit of the Kalt.",
        "Marnow, 41, reached the top at 12:45 a.m. with two guides.",
    )
    assert [g.first.values for g in found] == [("ten minutes past midnight", "12:45 a.m.")]


def test_times_of_different_happenings_in_unlinked_sentences_are_not_compared():
    assert not _unlinked_times(
        "The ferry left Corvale harbour at 8:15 p.m. on Thursday with 40 cars aboard.",
        "One passenger was taken ill and died at 2:30 a.m., the coastguard said.",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast came at 1:20 a.m. GMT (8:20 p.m. EST) on Tuesday.",
        "The slide buried the houses around 11 a.m. PT Saturday.",
        "The teams went in just before 6 p.m. ET on Monday.",
    ],
)
def test_a_zone_after_a_times_am_stays_in_its_sentence(sentence: str):
    src = Source(id="a", path="a.txt", text="Blast\n\n" + sentence)
    assert [c.text for c in segment(src)][1:] == [sentence]


def test_a_full_stop_after_a_times_am_before_a_new_sentence_ends_it():
    two = Source(id="a", path="a.txt", text="Blast\n\nIt hit at 2 a.m. Officials said so.")
    assert len(segment(two)) == 3


def test_a_time_and_its_conversion_that_disagree_are_a_check_on_the_account():
    other = Source(id="b", path="b.txt", text="Port\n\nA blast hit the port of Velden.")

    def checks(text: str) -> list[tuple[str, tuple[str, ...]]]:
        src = Source(id="a", path="a.txt", text="Blast at Velden port\n\n" + text)
        return [(c.kind, c.values) for c in compare([src, other]).checks if c.kind == "time_mismatch"]

    assert checks("The blast came at 1:20 a.m. GMT (5:30 p.m. EST) on Tuesday.") == [
        ("time_mismatch", ("1:20 a.m.", "5:30 p.m."))
    ]
    assert checks("The blast came at 1:20 a.m. GMT (8:20 p.m. EST) on Tuesday.") == []
    assert checks("The blast came at 1:20 a.m. local time (5:30 p.m. EST) on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Flights have been suspended till Saturday, the airport said.", date(2018, 8, 18)),
        ("The bridge is closed until Monday for repairs.", date(2018, 8, 20)),
        ("The bridge stayed closed until Monday, when it reopened.", date(2018, 8, 13)),
        ("Officials met on Saturday.", date(2018, 8, 11)),
    ],
)
def test_till_a_weekday_after_a_verb_of_what_is_now_is_the_coming_one(text, day):
    from comparer.core.engine.dates import find_dates

    (found,) = find_dates(text, date(2018, 8, 16))
    assert found.day == day


def test_a_day_a_sentence_looks_back_to_is_no_publication_date():
    from comparer.core.engine.pubdate import find_publication_date

    text = (
        "Blasts at the race\n\nTwo bombs exploded near the finish line on Monday. It was the worst attack "
        "in the city since security was tightened after the attacks of Sept 11, 2001, officials said."
    )
    assert find_publication_date(text) is None


def test_an_undated_account_is_not_read_against_a_day_years_before_the_others():
    from datetime import date

    from comparer.core.engine.discrepancies import reference_days

    a = Source(
        id="a",
        path="a.txt",
        text="Dam burst\n\nThe dam burst on Monday. The valley last flooded on March 3, 1998, when 12 died.",
    )
    b = Source(id="b", path="b.txt", text="Dam burst\n\nThe dam burst on Monday.", published=date(2031, 3, 4))
    assert reference_days([a, b])["a"] == (date(2031, 3, 4), True)


def test_the_moment_a_count_stood_at_is_not_held_against_the_time_of_the_event():
    a = (
        "Quake\n\nThe number of deaths in the province has increased to 73 as of 6:00 p.m. on Thursday, the "
        "agency said."
    )
    b = (
        "Quake\n\nThe quake struck the province at about 4:10 p.m. on Monday, and the number of deaths has "
        "increased to 64, the agency said."
    )
    assert not [f for f in _pair(a, b).findings if f.kind == "time_conflict"]
