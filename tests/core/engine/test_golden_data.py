"""Every golden comparison case is well-formed.

The cases under ``tests/golden/pairs/<name>/`` are reference data for the claim
engine (see ``tests/golden/README.md``). These tests check the data, not the
engine: passages are exact, unique substrings of the body of their file, ids are
unique, relations and kinds come from the stable sets in ``comparer.core.engine.model``
and every cross-reference points at something that exists.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from comparer.core.engine.model import FINDING_KINDS, RELATIONS

PAIRS = Path(__file__).resolve().parents[2] / "golden" / "pairs"
CASES = sorted(p for p in PAIRS.iterdir() if p.is_dir()) if PAIRS.is_dir() else []

# Descriptive kinds: they say what kind of pair a link is, and raise no finding.
DESCRIPTIVE_KINDS = ("paraphrase", "framing")
ALLOWED_KINDS = frozenset(FINDING_KINDS) | frozenset(DESCRIPTIVE_KINDS)
TOP_KEYS = frozenset(
    {
        "about",
        "a",
        "b",
        "links",
        "only_a",
        "only_b",
        "must_flag",
        "internal_checks",
        "must_not_link",
        "must_not_flag",
    }
)
SIDE_KEYS = frozenset({"file", "outlet", "published", "body_starts_after", "body_ends_before"})
LINK_KEYS = frozenset({"id", "a", "b", "relation", "kinds", "note"})
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A plain sentence break: end punctuation, maybe a closing quote, then a space and a capital
# or an opening quote. Good enough for the hand-written cases, which avoid "U.S." and the like.
SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"]?(?= +[A-Z“‘\"])|(?<=[.!?])[”’\"]?$", re.MULTILINE)
CASE_NAMES = (
    "quake-death-toll",
    "reordered-paragraphs",
    "translated-quotes",
    "dates-and-times",
    "casualty-certainty",
    "unrelated-near-miss",
    "heldout-flood-wire-vs-local",
    "heldout-court-ruling",
    "heldout-press-release-vs-report",
)


class Case:
    """One golden case: its gold data and the body of each text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.gold: dict[str, Any] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        self.text: dict[str, str] = {}
        self.body: dict[str, tuple[int, int]] = {}
        for side in ("a", "b"):
            meta = self.gold[side]
            text = (folder / meta["file"]).read_text(encoding="utf-8")
            self.text[side] = text
            self.body[side] = _body_bounds(text, meta)

    def sentences(self, side: str) -> list[tuple[int, int]]:
        """Spans of the sentences in the body of ``side`` (a paragraph is one line)."""
        lo, hi = self.body[side]
        text = self.text[side]
        spans = []
        start = lo
        for line in text[lo:hi].splitlines(keepends=True):
            end_of_line = start + len(line.rstrip("\n"))
            cut = start
            for match in SENTENCE_END.finditer(text, start, end_of_line):
                if text[cut : match.end()].strip():
                    spans.append((cut, match.end()))
                cut = match.end()
            if text[cut:end_of_line].strip():
                spans.append((cut, end_of_line))
            start += len(line)
        return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans]

    def occurrences(self, side: str, passage: str) -> list[int]:
        """Start offsets of every occurrence of ``passage`` in the body of ``side``."""
        lo, hi = self.body[side]
        found = []
        at = self.text[side].find(passage, lo, hi)
        while at >= 0:
            found.append(at)
            at = self.text[side].find(passage, at + 1, hi)
        return found

    def span(self, side: str, passage: str) -> tuple[int, int]:
        """The one place ``passage`` stands in the body of ``side``."""
        hits = self.occurrences(side, passage)
        assert len(hits) == 1, f"{self.folder.name}/{side}: {passage!r} occurs {len(hits)} times in the body"
        return hits[0], hits[0] + len(passage)


def _body_bounds(text: str, meta: dict[str, Any]) -> tuple[int, int]:
    lo, hi = 0, len(text)
    if meta.get("body_starts_after"):
        at = text.find(meta["body_starts_after"])
        assert at >= 0, f"body_starts_after not found: {meta['body_starts_after']!r}"
        lo = at + len(meta["body_starts_after"])
    if meta.get("body_ends_before"):
        at = text.find(meta["body_ends_before"], lo)
        assert at >= 0, f"body_ends_before not found: {meta['body_ends_before']!r}"
        hi = at
    return lo, hi


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


@pytest.fixture(params=CASES, ids=[p.name for p in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    """Each golden case in turn."""
    folder: Path = request.param
    return Case(folder)


def test_the_six_cases_exist() -> None:
    names = {p.name for p in CASES}
    missing = [n for n in CASE_NAMES if n not in names]
    assert not missing, f"missing golden cases: {missing}"


def test_case_folder_holds_exactly_the_three_files(case: Case) -> None:
    assert sorted(p.name for p in case.folder.iterdir()) == ["a.txt", "b.txt", "gold.json"]


def test_top_level_keys_and_sides(case: Case) -> None:
    gold = case.gold
    assert set(gold) <= TOP_KEYS, f"unknown keys: {set(gold) - TOP_KEYS}"
    assert isinstance(gold.get("about"), str)
    assert gold["about"].strip()
    for side in ("a", "b"):
        meta = gold[side]
        assert set(meta) <= SIDE_KEYS, f"{side}: unknown keys {set(meta) - SIDE_KEYS}"
        assert meta["file"] == f"{side}.txt"
        assert isinstance(meta["outlet"], str)
        assert meta["outlet"].strip()
        if meta.get("published") is not None:
            published = date.fromisoformat(meta["published"])
            # Relative dates ("on Tuesday") are resolved from this date, so it must
            # agree with the date line the text itself carries.
            line = re.search(r"^Published: (\d{1,2} [A-Z][a-z]+ \d{4})$", case.text[side], re.MULTILINE)
            if line:
                assert datetime.strptime(line.group(1), "%d %B %Y").date() == published, f"{side}: date line"


def test_texts_look_like_news_copy(case: Case) -> None:
    for side, text in case.text.items():
        assert text.endswith("\n"), f"{side}: ends with a newline"
        assert not text.endswith("\n\n"), f"{side}: one trailing newline"
        assert "\r" not in text
        assert "\t" not in text
        lines = text.split("\n")[:-1]
        assert all(line.strip() == line and line for line in lines), f"{side}: blank or padded line"
        headline = lines[0]
        assert len(headline) < 120, f"{side}: first line is a headline"
        assert not headline.endswith("."), f"{side}: first line is a headline"
        sentences = len([s for s in case.sentences(side) if case.text[side][s[1] - 1] in '.!?”’"'])
        assert 8 <= sentences <= 25, f"{side}: {sentences} sentences"


def test_links_are_well_formed(case: Case) -> None:
    links = case.gold["links"]
    assert links or case.gold.get("must_not_link"), "a case with no links says what must not be linked"
    ids = [link["id"] for link in links]
    assert len(ids) == len(set(ids)), "duplicate link ids"
    for link in links:
        assert set(link) <= LINK_KEYS, f"{link['id']}: unknown keys {set(link) - LINK_KEYS}"
        assert ID_PATTERN.match(link["id"]), f"{link['id']}: ids are lower-case-with-dashes"
        assert link["relation"] in RELATIONS, f"{link['id']}: relation {link['relation']!r}"
        kinds = link["kinds"]
        assert isinstance(kinds, list), f"{link['id']}: kinds"
        assert len(kinds) == len(set(kinds)), f"{link['id']}: repeated kind"
        assert set(kinds) <= ALLOWED_KINDS, f"{link['id']}: unknown kinds {set(kinds) - ALLOWED_KINDS}"
        assert isinstance(link.get("note"), str), f"{link['id']}: every link has a note"
        assert link["note"].strip(), f"{link['id']}: every link has a note"
        for side in ("a", "b"):
            start, end = case.span(side, link[side])
            assert "\n" not in case.text[side][start:end], f"{link['id']}: a passage stays in one paragraph"
    pairs = [(link["a"], link["b"]) for link in links]
    assert len(pairs) == len(set(pairs)), "two links join the same passages"


def test_only_one_side_passages(case: Case) -> None:
    links = case.gold["links"]
    for side in ("a", "b"):
        for passage in case.gold.get(f"only_{side}", []):
            where = case.span(side, passage)
            # The whole sentence holding the passage must be free of links, since the
            # engine links sentences, not phrases.
            for sentence in [s for s in case.sentences(side) if _overlaps(s, where)]:
                for link in links:
                    assert not _overlaps(sentence, case.span(side, link[side])), (
                        f"only_{side} {passage!r} shares a sentence with link {link['id']}"
                    )


def test_must_flag_names_existing_links(case: Case) -> None:
    ids = {link["id"] for link in case.gold["links"]}
    for item in case.gold.get("must_flag", []):
        assert set(item) == {"link", "show"}
        assert item["link"] in ids, f"must_flag names unknown link {item['link']!r}"
        assert item["show"].strip()


def test_must_not_flag_names_existing_links_and_absent_kinds(case: Case) -> None:
    by_id = {link["id"]: link for link in case.gold["links"]}
    for item in case.gold.get("must_not_flag", []):
        assert set(item) == {"link", "kind", "why"}
        assert item["link"] in by_id, f"must_not_flag names unknown link {item['link']!r}"
        assert item["kind"] in ALLOWED_KINDS, f"must_not_flag kind {item['kind']!r}"
        assert item["kind"] not in by_id[item["link"]]["kinds"], (
            f"{item['link']}: {item['kind']} is both expected and forbidden"
        )
        assert item["why"].strip()


def test_must_not_link_passages_are_not_linked(case: Case) -> None:
    for item in case.gold.get("must_not_link", []):
        assert set(item) == {"a", "b", "why"}
        assert item["why"].strip()
        span_a = case.span("a", item["a"])
        span_b = case.span("b", item["b"])
        for link in case.gold["links"]:
            joined = _overlaps(span_a, case.span("a", link["a"])) and _overlaps(
                span_b, case.span("b", link["b"])
            )
            assert not joined, f"link {link['id']} joins a pair listed in must_not_link"


def test_internal_checks(case: Case) -> None:
    for item in case.gold.get("internal_checks", []):
        assert set(item) <= {"source", "show", "passage"}
        assert item["source"] in ("a", "b")
        assert item["show"].strip()
        if "passage" in item:
            case.span(item["source"], item["passage"])
