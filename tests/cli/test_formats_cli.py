"""The command line: standard input as a source, and --outlet/--title/--date overrides."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from fixtures_build import blocks_from_text, saved_page

from comparer.cli import main
from comparer.core.formats.samples import sample_paths


def _json_sources(out: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in json.loads(out)["sources"]}


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input as the terminal gives it: text with a byte buffer underneath."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_standard_input_is_a_source(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sample_paths()
    _stdin(monkeypatch, Path(first).read_bytes())
    assert main(["compare", "-", str(second), "--format", "json"]) == 0
    sources = _json_sources(capsys.readouterr().out)
    assert sources["a"]["path"] == "<stdin>"
    assert sources["a"]["text"] == Path(first).read_text(encoding="utf-8")
    assert sources["b"]["path"] == str(second)


def test_standard_input_without_a_byte_buffer_is_read_as_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sample_paths()
    monkeypatch.setattr(sys, "stdin", io.StringIO(Path(second).read_text(encoding="utf-8")))
    assert main(["compare", str(first), "-", "--format", "json"]) == 0
    assert _json_sources(capsys.readouterr().out)["b"]["path"] == "<stdin>"


def test_web_page_piped_in_is_read_as_a_page(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sample_paths()
    page = saved_page(blocks_from_text(Path(first).read_text(encoding="utf-8")), site="Radio Example")
    _stdin(monkeypatch, page.encode("utf-8"))
    assert main(["compare", "-", str(second), "--format", "json"]) == 0
    source = _json_sources(capsys.readouterr().out)["a"]
    assert source["format"] == "html"
    assert source["outlet"] == "Radio Example"
    assert "COOKIE BANNER" not in source["text"]


def test_empty_standard_input_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, b"")
    assert main(["compare", "-", str(sample_paths()[1])]) == 1
    assert capsys.readouterr().err == "comparer: <stdin>: empty input\n"


def test_standard_input_can_be_read_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "-", "-"]) == 1
    assert "standard input (-) can be read only once" in capsys.readouterr().err


def test_overrides_replace_what_the_files_say(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = sample_paths()
    argv = ["compare", str(first), str(second), "--format", "json"]
    argv += ["--outlet", "a=Radio Farda", "--title", "b=What happened?", "--date", "a=2020-01-09"]
    assert main(argv) == 0
    sources = _json_sources(capsys.readouterr().out)
    assert sources["a"]["outlet"] == "Radio Farda"
    assert sources["a"]["published"] == "2020-01-09"
    assert sources["b"]["title"] == "What happened?"
    assert sources["b"]["published"] == "2020-01-08"  # found in its text, not overridden


def test_overrides_apply_to_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = sample_paths()
    _stdin(monkeypatch, Path(second).read_bytes())
    argv = [
        "compare",
        str(first),
        "-",
        "--format",
        "json",
        "--outlet",
        "b=Pasted Outlet",
        "--date",
        "b=2020-01-10",
    ]
    assert main(argv) == 0
    source = _json_sources(capsys.readouterr().out)["b"]
    assert (source["outlet"], source["published"]) == ("Pasted Outlet", "2020-01-10")


def test_overrides_win_over_page_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = sample_paths()
    page = tmp_path / "page.html"
    page.write_text(saved_page(blocks_from_text(Path(first).read_text(encoding="utf-8"))), encoding="utf-8")
    argv = ["compare", str(page), str(second), "--format", "json", "--outlet", "a=Own Name"]
    assert main(argv) == 0
    assert _json_sources(capsys.readouterr().out)["a"]["outlet"] == "Own Name"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--date", "a=8 January"], "--date a=8 January: not a YYYY-MM-DD date"),
        (["--outlet", "c=Nobody"], "no source with id c; sources are a, b"),
        (["--title", "no-equals-sign"], "--title takes ID=VALUE"),
    ],
)
def test_bad_override_is_one_line(
    capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    first, second = sample_paths()
    assert main(["compare", str(first), str(second), *option]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.splitlines()) == 1
