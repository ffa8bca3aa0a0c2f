"""Saved web pages: the article without page chrome, the page's metadata, headings as roles."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
from fixtures_build import saved_page

from comparer.core.engine.segment import segment
from comparer.core.errors import SourceLoadError
from comparer.core.formats.html_page import NO_ARTICLE
from comparer.core.formats.sources import load_source

ARTICLE = [
    ("title", "Iran fires missiles at US bases"),
    (
        "p",
        "The Iranian military fired 22 missiles from Iran at US bases in Iraq, officials said on Wednesday.",
    ),
    (
        "p",
        "According to the Iraqi military, 17 missiles hit the al-Asad airbase and five hit a base in Irbil.",
    ),
    ("heading", "Was anyone hurt?"),
    ("p", "All indications are that no one was killed or injured in the barrage, US officials said."),
    ("p", "“We do not seek escalation or war,” said Javad Zarif, Iran’s foreign minister, on Twitter."),
]

CHROME_MARKERS = (
    "COOKIE BANNER",
    "NAVIGATION",
    "RELATED:",
    "COMMENT THREAD",
    "CAPTION:",
    "SCRIPT",
    "All rights reserved",
    "reader99",
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading a page must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _write(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.usefixtures("no_network")
def test_article_text_is_the_article_one_paragraph_per_line(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, saved_page(ARTICLE)), source_id="a")
    assert source.text.split("\n") == [text for _, text in ARTICLE]
    assert source.format == "html"


@pytest.mark.usefixtures("no_network")
def test_page_chrome_and_scripts_are_left_out(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, saved_page(ARTICLE)), source_id="a")
    for marker in CHROME_MARKERS:
        assert marker not in source.text, marker
    assert "Print" not in source.text  # the share bar


def test_metadata_comes_from_the_page(tmp_path: Path) -> None:
    html = saved_page(
        ARTICLE,
        title="Iran fires missiles at US bases",
        site="Example News",
        author="Jane Reporter",
        published="2020-01-08T06:00:00Z",
    )
    source = load_source(_write(tmp_path, html), source_id="a")
    assert source.title == "Iran fires missiles at US bases"
    assert source.outlet == "Example News"
    assert source.author == "Jane Reporter"
    assert source.published == date(2020, 1, 8)


def test_user_overrides_win_over_the_page(tmp_path: Path) -> None:
    source = load_source(
        _write(tmp_path, saved_page(ARTICLE)),
        source_id="a",
        outlet="The Other Paper",
        title="Own title",
        published=date(2020, 1, 9),
    )
    assert (source.outlet, source.title, source.published) == (
        "The Other Paper",
        "Own title",
        date(2020, 1, 9),
    )


def test_headings_are_role_hints_and_become_heading_claims(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, saved_page(ARTICLE)), source_id="a")
    hinted = [source.text[h.span.start : h.span.end] for h in source.role_hints]
    assert hinted == ["Iran fires missiles at US bases", "Was anyone hurt?"]
    assert {h.role for h in source.role_hints} == {"heading"}
    roles = {c.text: c.role for c in segment(source)}
    assert roles["Was anyone hurt?"] == "heading"
    assert roles[ARTICLE[1][1]] == "body"


def test_furniture_inside_the_article_ends_as_boilerplate(tmp_path: Path) -> None:
    furniture = [
        ("p", "Print Share Comment Cite Upload Translate Updates"),
        ("heading", "Leave a Reply"),
        ("p", "To access this feature you must login or create an account."),
        (
            "p",
            "Radio Free (2022-07-06T23:25:35+00:00) » Iran fires missiles. Retrieved from the archive 2022.",
        ),
    ]
    source = load_source(_write(tmp_path, saved_page([*ARTICLE, *furniture], share_bar=False)), source_id="a")
    claims = segment(source)
    for _, text in furniture:
        found = [c for c in claims if text.startswith(c.text) or c.text in text]
        assert found, text
        assert {c.role for c in found} == {"boilerplate"}, text
    assert all(c.role != "boilerplate" for c in claims if c.text == ARTICLE[1][1])


def test_lists_and_tables_keep_one_line_each(tmp_path: Path) -> None:
    page = saved_page(ARTICLE).replace(
        "</article>",
        "<ul><li>Al-Asad airbase: 17 missiles hit the base</li>"
        "<li>Irbil: five missiles hit the base</li></ul>"
        "<table><tr><th>Base</th><th>Missiles</th></tr><tr><td>Al-Asad</td><td>17</td></tr></table>"
        "</article>",
    )
    lines = load_source(_write(tmp_path, page), source_id="a").text.split("\n")
    assert "Al-Asad airbase: 17 missiles hit the base" in lines
    assert "Irbil: five missiles hit the base" in lines
    assert "Base | Missiles" in lines
    assert "Al-Asad | 17" in lines


def test_offsets_of_hints_point_into_the_text(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, saved_page(ARTICLE)), source_id="a")
    for hint in source.role_hints:
        assert 0 <= hint.span.start < hint.span.end <= len(source.text)
        line = source.text[hint.span.start : hint.span.end]
        assert line.strip() == line
        assert "\n" not in line


@pytest.mark.parametrize("name", ["page.htm", "page.xhtml", "saved-page"])
def test_other_names_and_no_suffix_are_read_as_html(tmp_path: Path, name: str) -> None:
    source = load_source(_write(tmp_path, saved_page(ARTICLE), name), source_id="a")
    assert source.format == "html"
    assert "COOKIE BANNER" not in source.text


def test_legacy_encoding_declared_in_the_page_is_honoured(tmp_path: Path) -> None:
    html = saved_page(ARTICLE).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    path = tmp_path / "old.html"
    path.write_bytes(html.encode("cp1252"))
    source = load_source(path, source_id="a")
    assert ARTICLE[5][1] in source.text  # curly quotes survived


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>App</title></head><body><div id='root'></div></body></html>",
        "<!DOCTYPE html><html><head><title>News</title><script>var a = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<noscript>Please enable JavaScript to view this page.</noscript><div id='app'></div></body></html>",
    ],
    ids=["empty-shell", "needs-javascript"],
)
def test_page_without_article_says_so(tmp_path: Path, html: str) -> None:
    path = _write(tmp_path, html)
    with pytest.raises(SourceLoadError) as err:
        load_source(path, source_id="a")
    assert err.value.reason == NO_ARTICLE
    assert str(err.value) == f"{path}: {NO_ARTICLE}"
