"""Fetching an article from a web address: against pages served on 127.0.0.1 by the test itself."""

import socket

import pytest
from web_server import ARTICLE_PARAGRAPHS, ARTICLE_TITLE, serving

from comparer.core.errors import SourceLoadError
from comparer.core.formats.web import fetch_page, is_web_address, load_web_source


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """A proxy set in the environment must not stand between the test and its own server."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def server():
    with serving() as running:
        yield running


def test_the_article_is_read_with_what_the_page_says_about_itself(server):
    source = load_web_source(server.url("/article"), source_id="a")
    assert source.path == server.url("/article")
    assert source.title == ARTICLE_TITLE
    assert source.outlet == "Carrow Coast News"
    assert source.published is not None
    assert source.published.isoformat() == "2025-03-13"
    assert source.format == "html"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in source.text
    assert "Home" not in source.text.split("\n")
    assert any(server.url("/article") in note for note in source.notes)


def test_overrides_win_over_the_page(server):
    source = load_web_source(server.url("/article"), source_id="b", outlet="CCN", title="Ferry")
    assert (source.id, source.outlet, source.title) == ("b", "CCN", "Ferry")


def test_a_redirect_is_followed_and_the_final_address_kept(server):
    page = fetch_page(server.url("/moved"))
    assert page.url == server.url("/article")
    assert page.content_type == "text/html"


def _reason(url, **kw):
    with pytest.raises(SourceLoadError) as caught:
        load_web_source(url, source_id="a", **kw)
    return caught.value


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/report.pdf", "not a web page (the server sent application/pdf)"),
        ("/app", "no article text found"),
        ("/empty", "empty page"),
        ("/to-a-file", "redirected away from the web"),
    ],
)
def test_every_failure_is_one_clear_line(server, path, expected):
    error = _reason(server.url(path))
    assert expected in str(error)
    assert error.path == server.url(path)
    assert "\n" not in str(error)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_a_page_over_the_size_cap_is_refused(server, path):
    error = _reason(server.url(path), max_bytes=20_000)
    assert "comparer reads web pages up to" in str(error)


def test_a_server_that_does_not_answer_times_out(server):
    error = _reason(server.url("/stall"), timeout=0.3)
    assert "time-out" in str(error)


def test_a_refused_connection_is_said_so():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port now.
    error = _reason(f"http://127.0.0.1:{port}/article")
    assert "refused" in str(error)


@pytest.mark.parametrize("text", ["file:///etc/hostname", "ftp://example.org/a.html", "example.org/news", ""])
def test_only_web_addresses_are_fetched(text):
    assert not is_web_address(text)
    with pytest.raises(SourceLoadError, match="not a web address"):
        fetch_page(text)


@pytest.mark.parametrize("text", ["http://127.0.0.1:8000/a", "https://example.org/n/1", " HTTPS://x.org "])
def test_web_addresses_are_recognised(text):
    assert is_web_address(text)


def test_the_command_line_compares_web_addresses(server, tmp_path, capsys):
    from comparer.cli import main

    other = tmp_path / "other.txt"
    other.write_text(
        "Ferries between Carrow and Lenmouth ran again on Thursday after the storm.\n"
        "Harbour master Ines Talbot said 12 crossings had been cancelled.\n",
        encoding="utf-8",
    )
    code = main(["compare", server.url("/article"), str(other), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    assert server.url("/article") in out
    assert "Carrow Coast News" in out


def test_the_command_line_names_an_address_it_cannot_fetch(server, tmp_path, capsys):
    from comparer.cli import main

    other = tmp_path / "other.txt"
    other.write_text("The ferry sailed again on Thursday.\n", encoding="utf-8")
    code = main(["compare", server.url("/missing"), str(other)])
    err = capsys.readouterr().err
    assert code != 0
    assert server.url("/missing") in err
    assert "HTTP 404" in err
    assert "Traceback" not in err
