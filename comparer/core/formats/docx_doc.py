"""Word documents (``.docx``): paragraphs, headings, tables and core properties.

The zip is unpacked by :mod:`comparer.core.formats.archive` (each part counted as
it is inflated, whatever its header says) before python-docx opens a repacked,
uncompressed copy. A document of more than :data:`MAX_PARAGRAPHS` paragraphs is
refused before python-docx reads it, and one whose text passes
:data:`MAX_TEXT_CHARS` characters while it is read. Body paragraphs and tables are
read in document order, one paragraph (or table row) per line; Title and Heading
paragraphs get a ``heading`` role hint.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from comparer.core.engine.model import Role
from comparer.core.engine.pubdate import find_publication_date
from comparer.core.errors import SourceLoadError
from comparer.core.formats.archive import inflate, open_zip, repack
from comparer.core.formats.base import Extracted
from comparer.core.formats.lines import LineBuilder, squeeze

# python-docx's blank template carries these; they describe the template, not the article.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = date(2013, 12, 23)

_HEADING_STYLES = ("title", "subtitle", "heading")

MAX_PARAGRAPHS = 20_000  # paragraphs in all the document's XML parts (a long report has a few thousand)
MAX_TEXT_CHARS = 5_000_000  # characters of text extracted
# A paragraph element under any namespace prefix (<w:p>, <w:p w:rsidR=…>); counting them bounds the work.
_PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")


def _heading_styles(document: Any) -> frozenset[str]:
    """Ids of the document's paragraph styles that make a heading (looked up once, not per paragraph)."""
    ids: set[str] = set()
    try:
        for style in document.styles:
            name = (style.name or "").lower()
            if style.style_id and name.startswith(_HEADING_STYLES):
                ids.add(style.style_id)
    except (KeyError, ValueError, AttributeError):
        pass
    return frozenset(ids)


def _is_heading(paragraph: Any, headings: frozenset[str]) -> bool:
    try:
        style_id = paragraph._p.style  # the pStyle id, or None for the default paragraph style
    except (KeyError, ValueError, AttributeError):
        return False
    return style_id in headings


def _row_line(row: Any) -> str:
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        # A merged cell appears once per grid column it spans; read it once.
        key = id(cell._tc)
        if key in seen:
            continue
        seen.add(key)
        text = squeeze(cell.text)
        if text:
            cells.append(text)
    return " | ".join(cells)


def _published(created: datetime | None) -> date | None:
    if created is None:
        return None
    day = created.date()
    return None if day == _TEMPLATE_CREATED else day


def _count_paragraphs(path: str, parts: dict[str, bytes]) -> None:
    count = 0
    for name, xml in parts.items():
        if not name.endswith(".xml"):
            continue
        for _ in _PARAGRAPH_TAG.finditer(xml):
            count += 1
            if count > MAX_PARAGRAPHS:
                raise SourceLoadError(
                    path, f"refused: holds more than {MAX_PARAGRAPHS:,} paragraphs (limit {MAX_PARAGRAPHS:,})"
                )


def _open(path: str, data: bytes) -> Any:
    with open_zip(path, data, kind="Word document") as archive:
        parts = inflate(path, archive, kind="Word document")
    _count_paragraphs(path, parts)
    try:
        return docx.Document(io.BytesIO(repack(parts)))
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a zip feature Python does not read
        etree.XMLSyntaxError,
    ) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SourceLoadError(path, f"not a readable Word document ({reason})") from exc


def read_docx(path: Path, data: bytes) -> Extracted:
    """Read a ``.docx`` file."""
    name = str(path)
    document = _open(name, data)
    out = LineBuilder()
    first_title: str | None = None
    headings = _heading_styles(document)
    chars = 0

    def add(line: str, role: Role | None = None) -> None:
        nonlocal chars
        chars += len(line) + 1
        if chars > MAX_TEXT_CHARS:
            raise SourceLoadError(
                name, f"refused: its text passes {MAX_TEXT_CHARS:,} characters (limit {MAX_TEXT_CHARS:,})"
            )
        out.add(line, role)

    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table
            for row in block.rows:
                line = _row_line(row)
                if line:
                    add(line)
            continue
        role: Role | None = "heading" if _is_heading(block, headings) else None
        for raw in block.text.split("\n"):
            line = squeeze(raw)
            if not line:
                continue
            if role and first_title is None:
                first_title = line
            add(line, role)
    props = document.core_properties
    title = squeeze(props.title or "") or first_title
    author = squeeze(props.author or "")
    if author == _TEMPLATE_AUTHOR:
        author = ""
    # The created date is when the file was made, which for a saved copy of an article
    # is not when it was published: a date the text states about itself wins.
    created = _published(props.created)
    stated = find_publication_date(out.text)
    notes = ("publication date taken from the document's created date",) if created and not stated else ()
    return Extracted(
        text=out.text,
        format="docx",
        title=title or None,
        author=author or None,
        published=stated or created,
        notes=notes,
        role_hints=out.hints,
    )
