"""The lexicon files: each list is well formed and the lists do not contradict each other."""

import tomllib
from importlib import resources

import pytest

from comparer.core.lexicon import LEXICON_FILES, lexicon_stamp, measure_lexicon


def test_every_lexicon_file_parses_and_has_a_version():
    for name in LEXICON_FILES:
        raw = (resources.files("comparer.resources") / "lexicon" / name).read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        assert isinstance(data.get("version"), int), name


def test_every_measure_has_a_label_and_words_unless_it_is_read_another_way():
    lex = measure_lexicon()
    assert {"deaths", "injured", "missing", "money"} <= {m.name for m in lex.measures}
    for m in lex.measures:
        assert m.label
        assert m.words or m.name in ("money",), m.name
        assert all(w == w.lower().strip() and w for w in m.words), m.name


def test_no_word_puts_a_figure_in_two_measures():
    seen: dict[str, str] = {}
    for m in measure_lexicon().measures:
        for w in m.words:
            assert w not in seen, f"{w!r} is in {seen.get(w)} and {m.name}"
            seen[w] = m.name


@pytest.mark.parametrize("noun", sorted(measure_lexicon().groups))
def test_every_group_noun_counts_people_or_is_a_phrase(noun):
    lex = measure_lexicon()
    assert noun in lex.people or " " in noun


def test_money_and_media_lists_are_there():
    lex = measure_lexicon()
    assert "€" in lex.money_signs
    assert "euros" in lex.money_words
    assert {"news", "agency"} <= lex.media_words


def test_the_stamp_names_the_version_and_a_hash():
    stamp = lexicon_stamp()
    assert stamp["version"].startswith("measures-")
    assert len(stamp["sha256"]) == 16
