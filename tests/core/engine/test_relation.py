"""The relation of a link: the fitted agreement of meaning, wording, polarity and specifics decides agree.

Texts written for these tests. A paraphrase in other words agrees although its wording
score is low; a denial against an assertion never agrees by wording alone; a denial in
each of two clauses does not cancel out.
"""

import pytest

from comparer.core.engine import semantic
from comparer.core.engine.align import OTHER_EVENT
from comparer.core.engine.compare import compare
from comparer.core.engine.judge import agree_threshold, relation_of
from comparer.core.engine.model import Finding
from comparer.core.engine.options import AlignOptions
from comparer.core.formats.sources import source_from_text

OPTIONS = AlignOptions()


def _links(text_a, text_b):
    return compare([source_from_text(text_a, source_id="a"), source_from_text(text_b, source_id="b")]).links


def _finding(kind, **detail):
    return Finding(kind=kind, values=("x", "y"), spans=((), ()), explanation=kind, detail=detail)


PARAPHRASES = [
    (
        "Prosecutors in the Varn case had asked for a sentence of nine years.",
        "The prosecution had demanded nine years in prison for Varn.",
    ),
    (
        "The storm knocked out power to about 40,000 homes across Dellmoor.",
        "Roughly 40,000 households in Dellmoor lost electricity during the storm.",
    ),
    (
        "Trains between Alder and Faxby will run again from Thursday.",
        "Rail services linking Alder and Faxby are due to resume on Thursday.",
    ),
]


@pytest.mark.parametrize(("text_a", "text_b"), PARAPHRASES)
def test_a_paraphrase_in_other_words_agrees(text_a, text_b):
    (link,) = _links(text_a, text_b)
    assert link.score < OPTIONS.strong_score, "the wording alone would not make these one claim"
    assert link.evidence.components["agreement"] >= agree_threshold()
    assert link.relation == "agree"


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        (
            "The Ostby bridge was not closed after the storm on Monday night.",
            "The Ostby bridge was closed after the storm on Monday night.",
        ),
        (
            "Harbour officials in Lenmouth said the ferry would not sail on Friday.",
            "Harbour officials in Lenmouth said the ferry would sail on Friday.",
        ),
    ],
)
def test_a_denial_against_an_assertion_is_not_one_claim(text_a, text_b):
    (link,) = _links(text_a, text_b)
    assert link.score >= OPTIONS.strong_score, "the two read almost alike"
    assert link.evidence.components["agreement"] < agree_threshold()
    assert link.relation == "related"


def test_the_same_sentence_is_one_claim():
    text = "Mayor Tilda Grane said the Ostby bridge will reopen in May after repairs."
    (link,) = _links(text, text)
    assert link.relation == "agree"
    assert link.evidence.components["similarity"] > 0.9


def test_a_topical_neighbour_stays_related():
    links = _links(
        "The Kesto hotel opened in 1988 and had 200 rooms on six floors.",
        "Rescue crews searched the ruins of the Kesto hotel through Sunday night.",
    )
    assert all(link.relation == "related" for link in links)


@pytest.mark.parametrize(
    ("text_a", "text_b", "opposite"),
    [
        ("No one was hurt in the fire.", "People were hurt in the fire.", True),
        ("Nobody was injured.", "Three workers were injured.", True),
        (
            "The council does not plan new taxes and is not looking for further cuts.",
            "The council has no appetite for new taxes.",
            False,
        ),
        ("Neither ferry sailed.", "The ferries did not sail.", False),
        ("The ferry sailed on time, the port said.", "The ferry left at nine.", False),
    ],
)
def test_polarity_is_read_clause_by_clause(text_a, text_b, opposite):
    assert semantic.opposite_polarity(text_a, text_b) is opposite
    assert semantic.opposite_polarity(text_b, text_a) is opposite


def test_the_fitted_agreement_decides_below_the_strong_score():
    assert relation_of((), 25.0, OPTIONS, agreement=agree_threshold()) == "agree"
    assert relation_of((), 25.0, OPTIONS, agreement=agree_threshold() - 0.01) == "related"
    assert relation_of((), 25.0, OPTIONS) == "related"


def test_opposite_polarity_wins_over_a_high_wording_score():
    assert relation_of((), 90.0, OPTIONS) == "agree"
    assert relation_of((), 90.0, OPTIONS, agreement=0.9, opposite=True) == "related"


def test_findings_that_show_one_claim_outweigh_polarity():
    # One speaker's quotation worded with and without a denial, or one day written two ways.
    for kind in ("quote_wording", "quote_partial", "date_equivalent"):
        assert relation_of((_finding(kind),), 30.0, OPTIONS, opposite=True) == "agree"
    assert relation_of((_finding("quote_differs"),), 45.0, OPTIONS, opposite=True) == "agree"


def test_conflicts_stay_conflicts():
    number = _finding("number_conflict")
    assert relation_of((number,), 80.0, OPTIONS, agreement=0.95) == "conflict"
    casualty = _finding("casualties", conflict=True)
    assert relation_of((casualty,), 20.0, OPTIONS, opposite=True) == "conflict"


def test_the_similarity_of_claims_from_accounts_naming_nothing_in_common_is_lowered():
    sentence = "No one was hurt in the blaze, firefighters said."
    (link,) = _links(
        f"A fire destroyed a warehouse in Harlow on Monday. {sentence}",
        f"Floods swept through Kesmore on Friday. {sentence}",
    )
    assert link.evidence.components["meaning"] > 0.99
    assert link.evidence.components["similarity"] <= OTHER_EVENT
    assert link.evidence.components["agreement"] < agree_threshold()


def test_the_fitted_agree_decision_ships_with_how_it_was_fitted():
    model = semantic.relation_model()
    assert set(model["weights"]) >= {"intercept", "meaning"}
    assert 0.0 < model["threshold"] < 1.0
    assert "SICK" in model["fitted"]["train"]
    assert "STS-B" in model["fitted"]["train"]
    assert "dev" in model["fitted"]["threshold_chosen_on"]


def test_agreement_rises_with_meaning_and_falls_with_opposite_polarity():
    low = semantic.agreement(0.3, 0.2, False, shared=False, disjoint=False)
    high = semantic.agreement(0.9, 0.2, False, shared=False, disjoint=False)
    denied = semantic.agreement(0.9, 0.2, True, shared=False, disjoint=False)
    assert 0.0 <= low < high <= 1.0
    assert denied < high
    assert high >= agree_threshold() > low


def test_every_link_shows_its_agreement():
    links = _links(*PARAPHRASES[0])
    for link in links:
        agreement = link.evidence.components["agreement"]
        assert 0.0 <= agreement <= 1.0
        assert f"agreement {agreement:.2f}" in link.evidence.notes
