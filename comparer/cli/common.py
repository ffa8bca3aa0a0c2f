"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from comparer.core.engine.model import Source
from comparer.core.errors import ComparerError, OptionsError, SourceLoadError
from comparer.core.formats.sources import (
    MAX_BYTES,
    load_source,
    read_capped,
    source_from_bytes,
    source_from_text,
    source_ids,
)
from comparer.core.formats.web import is_web_address, load_web_source


def parse_assignments(values: list[str] | None, what: str) -> dict[str, str]:
    """``ID=VALUE`` pairs from repeated options such as ``--date a=2020-01-08``."""
    out: dict[str, str] = {}
    for raw in values or []:
        key, sep, value = raw.partition("=")
        if not sep or not key or not value:
            raise OptionsError(f"--{what} takes ID=VALUE (for example a=2020-01-08), not {raw!r}")
        out[key.strip()] = value.strip()
    return out


def parse_dates(values: list[str] | None) -> dict[str, date]:
    """``--date ID=YYYY-MM-DD`` options as dates."""
    out: dict[str, date] = {}
    for key, value in parse_assignments(values, "date").items():
        try:
            out[key] = date.fromisoformat(value)
        except ValueError as exc:
            raise OptionsError(f"--date {key}={value}: not a YYYY-MM-DD date") from exc
    return out


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """Options that override what a source's file says about itself."""
    parser.add_argument(
        "--date",
        action="append",
        metavar="ID=YYYY-MM-DD",
        help="publication date of source ID (a, b, c, …); drives weekday and 'last Friday' resolution",
    )
    parser.add_argument("--outlet", action="append", metavar="ID=NAME", help="outlet name of source ID")
    parser.add_argument("--title", action="append", metavar="ID=TITLE", help="title of source ID")


def _stdin_source(sid: str, *, published: date | None, outlet: str | None, title: str | None) -> Source:
    """Standard input as a source: bytes when available, so an HTML page or PDF can be piped in."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = read_capped(buffer, "<stdin>")
        return source_from_bytes(
            data, source_id=sid, path="<stdin>", published=published, outlet=outlet, title=title
        )
    text = sys.stdin.read(MAX_BYTES + 1)
    if len(text) > MAX_BYTES:
        raise SourceLoadError("<stdin>", "more than 50 MB; comparer reads standard input up to 50 MB")
    if not text:
        raise SourceLoadError("<stdin>", "empty input")
    return source_from_text(
        text, source_id=sid, path="<stdin>", published=published, outlet=outlet, title=title
    )


def load_sources(paths: list[str], args: argparse.Namespace) -> list[Source]:
    """Load the files named on the command line (``-`` reads standard input, an http(s) address its page)."""
    ids = source_ids(len(paths))
    dates = parse_dates(getattr(args, "date", None))
    outlets = parse_assignments(getattr(args, "outlet", None), "outlet")
    titles = parse_assignments(getattr(args, "title", None), "title")
    unknown = (set(dates) | set(outlets) | set(titles)) - set(ids)
    if unknown:
        raise OptionsError(f"no source with id {', '.join(sorted(unknown))}; sources are {', '.join(ids)}")
    if paths.count("-") > 1:
        raise ComparerError("standard input (-) can be read only once")
    sources: list[Source] = []
    for sid, path in zip(ids, paths, strict=True):
        published, outlet, title = dates.get(sid), outlets.get(sid), titles.get(sid)
        if path == "-":
            sources.append(_stdin_source(sid, published=published, outlet=outlet, title=title))
        elif is_web_address(path):
            # An address the user typed: the one page is fetched (nothing else touches the network).
            page = load_web_source(path, source_id=sid, published=published, outlet=outlet, title=title)
            sources.append(page)
        else:
            sources.append(load_source(path, source_id=sid, published=published, outlet=outlet, title=title))
    return sources
