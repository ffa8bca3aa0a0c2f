"""Sentence similarity by meaning (comparer.core.engine.semantic) and what links say of it."""

import os
import shutil
import subprocess
import sys
from importlib import resources

import numpy as np
import pytest

from comparer.core.engine import semantic
from comparer.core.engine.align import similarity
from comparer.core.engine.compare import compare
from comparer.core.engine.options import AlignOptions
from comparer.core.formats.sources import source_from_text

STRONG = AlignOptions().strong_score


def test_a_paraphrase_in_other_words_scores_above_an_unrelated_sentence():
    para = similarity("The mayor stepped down on Tuesday.", "On Tuesday the mayor resigned.")
    other = similarity("The mayor stepped down on Tuesday.", "Snow closed the mountain pass.")
    assert para > STRONG > other


def test_identical_sentences_score_100_and_order_does_not_matter():
    text = "Rescuers pulled four people from the rubble."
    assert similarity(text, text) == pytest.approx(100.0)
    a, b = "The river burst its banks overnight.", "Overnight the river flooded the town."
    assert similarity(a, b) == pytest.approx(similarity(b, a))


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        ("No one was hurt when the roof fell in.", "People were hurt when the roof fell in."),
        ("The ferry did not sink.", "The ferry sank."),
        ("Nobody is swimming in the lake.", "A boy is swimming in the lake."),
    ],
)
def test_a_denial_is_not_the_same_claim_as_its_assertion(denial, assertion):
    assert similarity(denial, assertion) < STRONG


def test_a_denial_in_other_words_is_closer_than_the_opposite_assertion():
    denial = "No one was hurt when the roof fell in."
    same = similarity(denial, "Nobody was injured when the roof collapsed.")
    assert same > similarity(denial, "People were hurt when the roof fell in.")


def test_opposite_polarity_counts_denials():
    assert semantic.opposite_polarity("It was not open.", "It was open.")
    assert not semantic.opposite_polarity("It wasn't not open.", "It was open.")
    assert not semantic.opposite_polarity("No one came.", "Nobody came.")


def test_sentence_vectors_are_unit_length_and_cached_by_text():
    emb = semantic.embedder()
    first = emb.embed(["A ship ran aground.", "Heavy rain fell."])
    again = emb.embed(["Heavy rain fell.", "A ship ran aground."])
    assert first.shape == (2, emb.dim)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first[0], again[1])


def test_a_text_without_known_tokens_has_a_zero_vector():
    emb = semantic.embedder()
    assert not emb.embed([""]).any()
    assert emb.cosine("", "A ship ran aground.") == 0.0


def test_a_folder_without_the_files_says_the_model_is_missing(tmp_path):
    with pytest.raises(semantic.SemanticModelMissing):
        semantic.Embedder(tmp_path)


def test_the_fitted_coefficients_ship_with_how_they_were_fitted():
    path = resources.files("comparer.resources") / "similarity" / "coefficients.json"
    assert path.is_file()
    coef = semantic.coefficients()
    assert set(coef["weights"]) == {"intercept", "meaning", "lexical", "meaning_x_lexical", "meaning_sq"}
    assert 0 < coef["opposite_factor"] <= 1
    assert "STS-B" in coef["fitted"]["train"]


def _pair(text_a, text_b):
    return compare([source_from_text(text_a, source_id="a"), source_from_text(text_b, source_id="b")])


def test_every_link_carries_its_meaning_and_a_confidence():
    comparison = _pair(
        "The Harlow council approved the new budget on Monday. Spending on roads rises by 12 percent.",
        "On Monday the Harlow council passed its budget. Road spending goes up 12 percent.",
    )
    assert comparison.links
    for link in comparison.links:
        parts = link.evidence.components
        assert -1.0 <= parts["meaning"] <= 1.0
        assert 0.0 <= parts["confidence"] <= 1.0
        assert f"meaning {parts['meaning']:.2f}" in link.evidence.notes


def test_shared_specifics_raise_the_confidence_of_a_link():
    comparison = _pair(
        "The Harlow council approved the new budget on Monday. Spending on roads rises by 12 percent.",
        "On Monday the Harlow council passed its budget. Road spending goes up 12 percent.",
    )
    road = next(link for link in comparison.links if "12" in link.evidence.shared_numbers)
    assert road.evidence.components["confidence"] > 0.5


def test_two_different_events_told_alike_get_no_agree_or_conflict_link():
    comparison = _pair(
        "A fire destroyed a warehouse in Tarrow on Monday. No one was killed, the fire brigade said.",
        "Floods swept through the village of Ellesby on Friday. No residents were injured, police said.",
    )
    assert not [link for link in comparison.links if link.relation in ("agree", "conflict")]


@pytest.mark.skipif(
    shutil.which("unshare") is None or os.geteuid() != 0, reason="needs unshare -n (a network namespace)"
)
def test_loading_and_comparing_fetch_nothing_with_the_network_cut_off():
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise SystemExit('network used: ' + repr(a))\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from comparer.core.engine.compare import compare\n"
        "from comparer.core.formats.samples import load_samples\n"
        "from comparer.core.engine.align import similarity\n"
        "c = compare(load_samples())\n"
        "assert c.links and 'meaning' in c.links[0].evidence.components\n"
        "print(round(similarity('The ferry sank.', 'The boat went down.'), 1))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "0", "HOME": "/nonexistent"}
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode:
        pytest.skip("this system does not allow a new network namespace")
    done = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.strip()) > 0
