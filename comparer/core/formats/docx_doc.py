"""Word documents (``.docx``): paragraphs, headings, tables and core properties.

The zip is checked for its unpacked size before python-docx opens it. Body
paragraphs and tables are read in document order, one paragraph (or table row) per
line; Title and Heading paragraphs get a ``heading`` role hint.
"""

from __future__ import annotations

import io
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
from comparer.core.formats.archive import open_zip
from comparer.core.formats.base import Extracted
from comparer.core.formats.lines import LineBuilder, squeeze

# python-docx's blank template carries these; they describe the template, not the article.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = date(2013, 12, 23)

_HEADING_STYLES = ("title", "subtitle", "heading")


def _is_heading(paragraph: Any) -> bool:
    try:
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):  # a style id the document does not define
        return False
    return name.lower().startswith(_HEADING_STYLES)


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


def _open(path: str, data: bytes) -> Any:
    open_zip(path, data, kind="Word document").close()
    try:
        return docx.Document(io.BytesIO(data))
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
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table
            for row in block.rows:
                line = _row_line(row)
                if line:
                    out.add(line)
            continue
        role: Role | None = "heading" if _is_heading(block) else None
        for raw in block.text.split("\n"):
            line = squeeze(raw)
            if not line:
                continue
            if role and first_title is None:
                first_title = line
            out.add(line, role)
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
