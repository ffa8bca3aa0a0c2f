"""Names written differently across whole accounts. Sentences written for these tests."""

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.engine.names import find_names


def _names(a: str, b: str):
    comparison = compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])
    return [f for f in comparison.findings if f.kind == "name_variant" and f.detail.get("spelling")]


def test_a_hyphenated_name_spelled_with_oe_meets_the_same_name_with_an_umlaut():
    a = "School mourns\n\nThe pupils came from the Karl-Boehm school in Velden, the mayor said."
    b = "Town in grief\n\nThe pupils attended the Karl Böhm school in Velden, the mayor said."
    (finding,) = _names(a, b)
    assert {finding.values[0], finding.values[1]} == {"Karl-Boehm", "Karl Böhm"}


def test_the_same_name_words_in_another_order_are_a_finding():
    a = "Bridge repairs\n\nCrews were repairing the Anna Rose Marsh Bridge before dawn."
    b = "Bridge falls\n\nThe Anna Marsh Rose Bridge fell into the river before dawn."
    (finding,) = _names(a, b)
    assert finding.detail.get("order")


def test_one_title_and_surname_with_a_short_given_name_is_a_finding():
    a = "Search goes on\n\nCounty Fire Chief Alexander Morrow said the search would go on overnight."
    b = "Search continues\n\nCounty Fire Chief Alex Morrow said crews would search overnight."
    (finding,) = _names(a, b)
    assert finding.detail.get("given")


def test_two_people_with_one_surname_and_unlike_given_names_are_not_a_finding():
    a = "Search goes on\n\nCounty Fire Chief Alexander Morrow said the search would go on overnight."
    b = "Search continues\n\nCounty Fire Chief Deborah Morrow said crews would search overnight."
    assert _names(a, b) == []


def test_an_older_and_a_newer_name_of_one_city_are_a_finding():
    a = "Rains shut airport\n\nThe airport at Bombay was shut on Monday after heavy rain."
    b = "Airport closed\n\nThe airport at Mumbai was shut on Monday after heavy rain."
    (finding,) = _names(a, b)
    assert finding.detail.get("renamed")


def test_an_older_name_only_inside_a_quotation_is_the_speakers_word_not_the_accounts():
    a = (
        "Rains shut airport\n\nThe airport at Mumbai was shut on Monday after heavy rain.\n\n"
        'The airline wrote: "All flights to and from Bombay are cancelled until further notice."'
    )
    b = "Airport closed\n\nThe airport at Mumbai was shut on Monday after heavy rain."
    assert _names(a, b) == []
    # said in the account's own voice, the older name is a finding
    own = a.replace(
        'The airline wrote: "All flights to and from Bombay are cancelled until further notice."',
        "All flights to and from Bombay were cancelled.",
    )
    (finding,) = _names(own, b)
    assert finding.detail.get("renamed")


def test_a_weekday_after_a_name_is_when_not_part_of_the_name():
    assert [n.text for n in find_names("The Velden City Council Tuesday approved the plan.")] == [
        "Velden City Council"
    ]


def test_a_generic_word_ending_a_name_does_not_hide_its_spelling():
    a = "School mourns\n\nThe pupils came from the Karl-Bohm high school in Velden, the mayor said."
    b = "Town in grief\n\nCandles stood outside the Karl-Boehm Gymnasium in Velden, the mayor said."
    (finding,) = _names(a, b)
    assert "Karl-Bohm" in finding.values[0]


def test_one_relative_of_one_age_named_two_ways_is_a_name_variant():
    a = "Miner freed\n\nHis 9-year-old daughter Mila cried as he stepped out of the cage at Velden."
    b = "Miner freed\n\nHe hugged his smiling nine-year-old daughter Ilse and his wife at the Velden shaft."
    assert [f.values for f in _names(a, b)] == [("Mila", "Ilse")]


def test_relatives_of_different_ages_or_ties_are_not_one_person():
    a = "Miner freed\n\nHis 9-year-old daughter Mila cried as he stepped out of the cage at Velden."
    b = "Miner freed\n\nHis 12-year-old daughter Ilse and his 9-year-old son Karel waited at the shaft."
    assert not _names(a, b)


def test_one_numbered_event_placed_at_two_differently_named_places_is_a_name_variant():
    a = (
        "Blasts in Varna\n\nA seventh blast hit a hotel in Varna on Sunday.\n\n"
        "The eighth was in a housing block in Kessel, a northern district of Varna."
    )
    b = "Blasts in Varna\n\nAn eighth blast hit the suburb of Orlin in the north of Varna, police said."
    found = [f for f in _names(a, b) if f.detail.get("event")]
    assert [f.values for f in found] == [("Kessel", "Orlin")]


def test_a_numbered_event_at_a_place_both_accounts_name_is_no_finding():
    a = "Blasts in Varna\n\nThe eighth blast hit the suburb of Orlin, near the port of Varna."
    b = "Blasts in Varna\n\nAn eighth explosion went off in Varna; Orlin was sealed off."
    assert not [f for f in _names(a, b) if f.detail.get("event")]


def test_two_short_names_that_share_only_a_two_letter_sound_code_are_two_names():
    a = "Hotel falls\n\nRescuers dug through what was left of a hotel called El Cato in Marnow."
    b = "Town shaken\n\nThe shaking was felt as far away as the capital, Quito, and in Marnow."
    assert _names(a, b) == []


def test_a_common_word_opening_a_sentence_inside_a_claim_is_no_name():
    names = [n.text for n in find_names("“I want to go home. Please help me,” said Dara Venn.")]
    assert "Please" not in names
    assert "Dara Venn" in names


def test_one_spelling_of_one_name_is_one_finding_however_much_of_the_name_each_passage_gives():
    a = (
        "Port blast\n\nMinister Dara Hasan said the hospitals of the city were full and more help was "
        "needed.\n\n"
        "“We need field hospitals in every district of the capital,” Minister Dara Hasan said."
    )
    b = (
        "Port blast\n\nHealth Minister Dara Hassan said on Wednesday the hospitals of the city were full.\n\n"
        "“There are thousands of injured and the hospitals of the city are full,” Hassan said."
    )
    comparison = compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])
    found = [f for f in comparison.findings if f.kind == "name_variant"]
    assert len(found) == 1, [f.values for f in found]


def test_names_that_share_only_a_sound_code_are_not_one_name():
    a = "Plane crash\n\nThe brand new Boeing crashed six minutes after take-off, the airline said."
    b = "Plane crash\n\nRose Mwangi of the Coastal Development Bank said delegates mourned their colleagues."
    assert _names(a, b) == []


def test_a_name_with_a_word_repeated_is_not_reordered_by_moving_its_generic_word():
    a = "Quake\n\nRescuers dug at the Hotel Tala-Tala in the city of Varna for guests still trapped."
    b = "Quake\n\nVoices were heard in the ruins of the Tala-Tala Hotel in Varna, rescuers said."
    comparison = compare([Source(id="a", path="a.txt", text=a), Source(id="b", path="b.txt", text=b)])
    assert not [f for f in comparison.findings if f.kind == "name_variant" and f.detail.get("order")]


def test_two_accounts_that_each_write_both_names_of_one_city_raise_no_finding():
    a = (
        "Rains shut airport\n\nThe airport at Mumbai was shut on Monday.\n\n"
        "All flights to Bombay were cancelled."
    )
    b = "Airport closed\n\nThe Bombay airport was shut on Monday, and Mumbai schools stayed closed."
    assert [f for f in _names(a, b) if f.detail.get("renamed")] == []
