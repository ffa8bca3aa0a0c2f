"""Saved web pages: the article's text and what the page says about itself.

trafilatura finds the article inside the page chrome (navigation, cookie banners,
related links, captions, comment threads). It works on the bytes given: nothing is
fetched and no script runs. Its cleaned tree is flattened to one paragraph per line,
headings on their own lines with a ``heading`` role hint.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path
from typing import Any

import trafilatura
from lxml import etree

from comparer.core.engine.model import Role
from comparer.core.errors import SourceLoadError
from comparer.core.formats.base import Extracted
from comparer.core.formats.lines import LineBuilder, squeeze
from comparer.core.lexicon import lexicon

NO_ARTICLE = "no article text found; the page may need a browser"
# libxml2's HTML parser stops at this depth of nested elements (and trafilatura then finds nothing).
MAX_DEPTH = 255
TOO_DEEP = (
    f"refused: the page's markup nests elements more than {MAX_DEPTH} levels deep (the HTML parser's "
    "limit), so its text cannot be read; save the article's text instead"
)

# Fewer words than this is a page shell, not an article.
_MIN_WORDS = 8
# What script-built pages say to a reader without JavaScript.
_NEEDS_SCRIPT = re.compile("|".join(lexicon().boilerplate.script_required), re.IGNORECASE)
# Elements of trafilatura's output tree that hold one paragraph each.
_BLOCKS = frozenset({"p", "quote", "code", "head"})


def _text_lines(element: Any) -> list[str]:
    """The text of a block, split where the page had explicit line breaks (``<br>``)."""
    lines: list[str] = []
    current: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            current.append(node.text)
        for child in node:
            if child.tag == "lb":
                lines.append("".join(current))
                current.clear()
            else:
                walk(child)
            if child.tail:
                current.append(child.tail)

    walk(element)
    lines.append("".join(current))
    return [c for c in (squeeze(line) for line in lines) if c]


def _flatten(element: Any, out: LineBuilder) -> None:
    """Append the lines of one element of trafilatura's tree."""
    tag = element.tag
    if tag in _BLOCKS:
        role: Role | None = "heading" if tag == "head" else None
        for line in _text_lines(element):
            out.add(line, role)
    elif tag == "list":
        for child in element:
            if child.tag == "item":
                nested = [c for c in child if c.tag == "list"]
                for n in nested:
                    child.remove(n)  # so the item's own text is read without its sub-list
                for line in _text_lines(child):
                    out.add(line)
                for n in nested:
                    _flatten(n, out)
            else:
                _flatten(child, out)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [squeeze(" ".join(cell.itertext())) for cell in row if cell.tag == "cell"]
            line = " | ".join(c for c in cells if c)
            if line:
                out.add(line)
    elif tag in ("graphic", "lb"):
        return
    elif len(element):
        if element.text and squeeze(element.text):
            out.add(squeeze(element.text))
        for child in element:
            _flatten(child, out)
            if child.tail and squeeze(child.tail):
                out.add(squeeze(child.tail))
    else:
        for line in _text_lines(element):
            out.add(line)


def _not_an_article(text: str) -> bool:
    """Too little text to be an article, or only a page asking for JavaScript."""
    words = len(text.split())
    return words < _MIN_WORDS or (words < 150 and _NEEDS_SCRIPT.search(text) is not None)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _too_deep(data: bytes) -> bool:
    """True when libxml2 gave up on the page because its elements nest past its depth limit."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True)
    with contextlib.suppress(etree.LxmlError, ValueError, TypeError):
        etree.fromstring(data, parser)
    return any("depth" in e.message.lower() for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT")


def _nothing_found(path: Path, data: bytes) -> SourceLoadError:
    return SourceLoadError(str(path), TOO_DEEP if _too_deep(data) else NO_ARTICLE)


def read_html(path: Path, data: bytes) -> Extracted:
    """Read a saved web page (``.html``, ``.htm``, ``.xhtml``)."""
    try:
        doc = trafilatura.bare_extraction(
            data,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except (ValueError, TypeError) as exc:  # markup lxml cannot parse at all
        raise SourceLoadError(str(path), f"not a readable web page ({exc})") from exc
    if doc is None or isinstance(doc, dict):
        raise _nothing_found(path, data)
    out = LineBuilder()
    for child in doc.body:
        _flatten(child, out)
    text = out.text
    if _not_an_article(text):
        raise _nothing_found(path, data)
    notes = ["article text found by trafilatura; page navigation, captions and comments left out"]
    return Extracted(
        text=text,
        format="html",
        title=squeeze(doc.title) if doc.title else None,
        outlet=squeeze(doc.sitename) if doc.sitename else None,
        author=squeeze(doc.author) if doc.author else None,
        published=_date(doc.date),
        notes=tuple(notes),
        role_hints=out.hints,
    )
