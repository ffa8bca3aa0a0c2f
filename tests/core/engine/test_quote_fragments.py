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
