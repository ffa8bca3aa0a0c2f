"""A quotation one account cuts to a fragment: word for word, or with a word changed."""

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source

FULL = (
    'Club mourns rower\n\nThe Velden rowing club said in a statement on Monday: "We have lost a dear member '
    'of our rowing family, and the whole town grieves with us."'
)


def _kinds(b: str) -> dict[str, list[str]]:
    result = compare([Source(id="a", path="a.txt", text=FULL), Source(id="b", path="b.txt", text=b)])
    out: dict[str, list[str]] = {}
    for f in result.findings:
        out.setdefault(f.kind, []).append(f.explanation)
    return out


def test_a_fragment_quoted_word_for_word_is_a_fragment_not_a_misquote():
    kinds = _kinds("Rower dies\n\nThe Velden club called him a \u201cdear member of our rowing family.\u201d")
    assert "quote_partial" in kinds
    assert "quote_wording" not in kinds


def test_a_fragment_with_a_word_changed_is_worded_differently():
    kinds = _kinds("Rower dies\n\nThe Velden club called him a \u201cdear member of the rowing family.\u201d")
    assert "quote_wording" in kinds
    assert "quote_partial" not in kinds


STATEMENT = (
    'Mayor speaks\n\nMayor Ilse Marnow wrote: "I condemn the attack on our harbour tonight. I ask '
    'everyone in Velden to stay calm. The police are working through the night."'
)


def _partials(b: str) -> list[tuple[float, str]]:
    result = compare([Source(id="a", path="a.txt", text=STATEMENT), Source(id="b", path="b.txt", text=b)])
    return [(f.confidence, f.explanation) for f in result.findings if f.kind == "quote_partial"]


def test_quoting_the_opening_sentence_of_a_statement_whole_is_an_excerpt_worth_little():
    partials = _partials(
        'Mayor speaks\n\n"I condemn the attack on our harbour tonight," Mayor Ilse Marnow wrote.'
    )
    assert partials
    assert all(c < 0.5 for c, _ in partials)


def test_sentences_picked_out_of_a_statement_are_shown():
    partials = _partials(
        "Mayor speaks\n\nMayor Ilse Marnow wrote \u201cI condemn the attack on our harbour tonight\u201d and "
        "\u201cThe police are working through the night.\u201d"
    )
    assert partials
    assert max(c for c, _ in partials) >= 0.5


def test_one_word_in_quotation_marks_is_no_quoted_fragment():
    assert not _partials("Mayor speaks\n\nMayor Ilse Marnow condemned the \u201cattack\u201d on the harbour.")
