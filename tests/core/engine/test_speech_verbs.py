"""One list of speech verbs serves quotation, attribution and sentence splitting (speech.toml)."""

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.facts import extract_facts
from comparer.core.engine.segment import segment
from comparer.core.formats.sources import source_from_text
from comparer.core.lexicon import lexicon

HEAD = "Ferry service to the island\n\n"


def _pair(a: str, b: str):
    return compare([source_from_text(HEAD + a, source_id="a"), source_from_text(HEAD + b, source_id="b")])


@pytest.mark.parametrize("verb", ["stated", "noted", "explained", "insisted", "said"])
def test_officials_said_and_officials_stated_are_both_attributed(verb):
    result = _pair(
        "Officials said the ferry would resume sailing on Monday after repairs to the ramp.\n",
        f"Officials {verb} the ferry would resume sailing on Monday after repairs to the ramp.\n",
    )
    assert result.links, "the two sentences should be linked"
    assert not [f for f in result.findings if f.kind == "attribution"]


def test_a_claim_in_the_outlets_own_voice_is_still_told_apart():
    result = _pair(
        "Officials stated the ferry would resume sailing on Monday after repairs to the ramp.\n",
        "The ferry will resume sailing on Monday after repairs to the ramp.\n",
    )
    kinds = [f.kind for f in result.findings]
    assert kinds.count("attribution") == 1


@pytest.mark.parametrize("verb", sorted(lexicon().speech.verbs))
def test_every_attributing_verb_attributes_and_names_the_channel(verb):
    source = source_from_text(f"The harbour master {verb} the ramp was safe.\n", source_id="a")
    claim = segment(source)[0]
    facts = extract_facts(claim, source)
    assert facts.attribution is not None
    assert verb in facts.attribution
    assert facts.attributed


@pytest.mark.parametrize("verb", sorted(lexicon().speech.channel_verbs))
def test_channel_verbs_name_a_speaker_but_do_not_attribute_an_act(verb):
    source = source_from_text(f"“The ramp is safe,” Mira Kovach {verb}.\n", source_id="a")
    facts = extract_facts(segment(source)[0], source)
    assert facts.speaker is not None
    assert facts.speaker.text == "Mira Kovach"
    assert facts.quotes
    assert facts.quotes[0].channel == verb
    plain = source_from_text(f"The port authority {verb} a new timetable for the winter.\n", source_id="b")
    assert extract_facts(segment(plain)[0], plain).attribution is None


def test_a_short_sentence_after_a_quotation_joins_it_whatever_the_verb():
    for verb in lexicon().speech.all_verbs:
        text = f"“We reopen on Monday.” The harbour master {verb} so.\n"
        claims = segment(source_from_text(text, source_id="a"))
        assert len(claims) == 1, verb


def test_a_quotation_split_around_he_stated_is_one_quotation():
    text = "“The ramp is repaired,” he stated, “and the ferry sails on Monday.”\n"
    source = source_from_text(text, source_id="a")
    facts = extract_facts(segment(source)[0], source)
    assert len(facts.quotes) == 1
    assert len(facts.quotes[0].parts) == 2


def test_in_a_statement_names_a_channel_not_whom_a_claim_is_attributed_to():
    source = source_from_text("In a statement, the port authority said the ramp was safe.\n", source_id="a")
    facts = extract_facts(segment(source)[0], source)
    assert facts.attribution is not None
    assert facts.attribution.endswith("said")
    quoted = source_from_text("“The ramp is safe,” Mira Kovach said in a statement.\n", source_id="b")
    assert extract_facts(segment(quoted)[0], quoted).quotes[0].channel == "said"
