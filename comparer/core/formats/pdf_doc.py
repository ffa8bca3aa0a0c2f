"""PDF files with a text layer: paragraphs rebuilt from lines, page furniture dropped.

pypdf gives each page's text line by line, in content-stream order (the reading
order of single-column layouts). For each line the position and font size are taken
from pypdf's text visitor, which sees exactly the text pypdf returns. From those:

* text outside the visible page is dropped;
* running headers and footers (lines at the top or bottom of most pages, page
  numbers masked) and bare page numbers are dropped;
* lines are joined into paragraphs: a wider gap than the usual line spacing, a
  change of font size, or a short line ending a sentence starts a new paragraph;
* a word hyphenated at a line end is joined ("retal-" + "iation") when the joined
  word is a known word or its halves are not words; "self-" + "defence" keeps its
  hyphen;
* text is NFKC-normalised, so ligatures read as letters ("ﬁve" → "five");
* paragraphs set in a clearly larger font become headings.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdf
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError, PdfStreamError, PyPdfError
from wordfreq import zipf_frequency

from comparer.core.engine.pubdate import find_publication_date
from comparer.core.errors import SourceLoadError
from comparer.core.formats.base import Extracted
from comparer.core.formats.lines import LineBuilder, squeeze

MAX_PAGES = 1000
_EDGE_LINES = 2  # lines at the top and bottom of a page that may be running headers/footers
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_BULLET = re.compile(r"^(?:[•▪◦●■–]|\d{1,2}[.)])\s")
_SENTENCE_END = (".", "!", "?", "…", ":", "”", '"', "’")
_PARSE_ERRORS = (
    PyPdfError,
    PdfReadError,
    PdfStreamError,
    NotImplementedError,  # an unknown stream filter
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    EOFError,
)


@dataclass
class _Line:
    """One line of a page: its text and where and how large it was set."""

    text: str = ""
    y: float | None = None
    size: float | None = None
    parts: list[str] = field(default_factory=list)


def _visible_lines(page: Any) -> list[_Line]:
    """The page's text lines with baseline and font size, without text set off the page."""
    lines: list[_Line] = [_Line()]

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(_Line())
            line = lines[-1]
            line.parts.append(piece)
            if line.y is None and piece.strip():
                line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or abs(tm[2] * cm[1]) or 1.0
                line.size = size * scale

    page.extract_text(visitor_text=visit)
    box = page.cropbox
    bottom, top = float(box.bottom), float(box.top)
    visible: list[_Line] = []
    for line in lines:
        line.text = squeeze(unicodedata.normalize("NFKC", "".join(line.parts)))
        if not line.text:
            continue
        if line.y is not None and not bottom - 1 <= line.y <= top + 1:
            continue
        visible.append(line)
    return visible


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove running headers/footers and bare page numbers from the page edges."""

    def edges(lines: list[_Line]) -> list[_Line]:
        # Highest and lowest on the page: running heads are often drawn after the body.
        placed = sorted(lines, key=lambda line: -line.y if line.y is not None else 0.0)
        if len(placed) <= 2 * _EDGE_LINES:
            return placed
        return placed[:_EDGE_LINES] + placed[-_EDGE_LINES:]

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_furniture_key(line.text) for line in edges(lines)})
    # Running heads may change with each chapter, so two pages are enough; only the
    # top and bottom lines are candidates, where a repeated line is rarely reporting.
    needed = 2
    running = {key for key, n in counts.items() if n >= needed}
    out: list[list[_Line]] = []
    for lines in pages:
        edge_ids = {id(line) for line in edges(lines)}
        out.append(
            [
                line
                for line in lines
                if id(line) not in edge_ids
                or not (_PAGE_NUMBER.match(line.text) or _furniture_key(line.text) in running)
            ]
        )
    return out


def _join_hyphenated(left: str, right: str) -> str:
    """Join a line ending in a hyphen with the next line."""
    head = re.search(r"(\w+)-$", left)
    tail = re.match(r"([a-z]\w*)", right)
    if head is None or tail is None:
        return left + right  # "Iran-" + "Iraq": a compound split at its hyphen
    a, b = head.group(1).lower(), tail.group(1).lower()
    if zipf_frequency(a + b, "en") >= 2.5 or min(zipf_frequency(a, "en"), zipf_frequency(b, "en")) < 1.5:
        return left[:-1] + right
    return left + right


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -"):
        return _join_hyphenated(left, right)
    return f"{left} {right}"


@dataclass
class _Paragraph:
    text: str
    size: float | None


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    """Join a page's lines into paragraphs."""
    gaps: dict[float, list[float]] = {}
    for a, b in pairwise(lines):
        if a.y is not None and b.y is not None and a.size and a.size == b.size and a.y > b.y:
            gaps.setdefault(a.size, []).append(round((a.y - b.y) * 2) / 2)  # half-point steps absorb jitter
    # Lines inside paragraphs outnumber paragraph breaks, so the commonest spacing (the
    # smaller one on a tie) is the line spacing.
    usual_gap = {size: min(set(found), key=lambda g: (-found.count(g), g)) for size, found in gaps.items()}
    widths = sorted(len(line.text) for line in lines)
    full_width = widths[int(len(widths) * 0.9)] if widths else 0
    paras: list[_Paragraph] = []
    prev: _Line | None = None
    for line in lines:
        new = prev is None
        if prev is not None:
            if (prev.size and line.size and abs(prev.size - line.size) > 0.5) or _BULLET.match(line.text):
                new = True
            elif prev.y is not None and line.y is not None and line.size:
                gap = prev.y - line.y
                # The usual spacing of lines of this size; a lone line gets a generous one.
                limit = usual_gap[line.size] * 1.3 if line.size in usual_gap else line.size * 1.8
                new = gap <= 0 or gap > limit
            if not new and prev.text.endswith(_SENTENCE_END) and len(prev.text) < 0.75 * full_width:
                new = True
        if new:
            paras.append(_Paragraph(line.text, line.size))
        else:
            paras[-1].text = _join(paras[-1].text, line.text)
        prev = line
    return paras


def _continues(prev: _Paragraph, nxt: _Paragraph) -> bool:
    """Whether a page's first paragraph carries on the previous page's last one."""
    if prev.size != nxt.size:
        return False
    return prev.text.endswith("-") or (not prev.text.endswith(_SENTENCE_END) and nxt.text[:1].islower())


def _open(name: str, data: bytes) -> pypdf.PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise SourceLoadError(name, "not a PDF (the file does not start with %PDF)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
    except LimitReachedError as exc:
        raise _bomb(name, "the file holds") from exc
    except _PARSE_ERRORS as exc:
        raise SourceLoadError(name, f"damaged PDF, cannot be read ({_first_line(exc)})") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise SourceLoadError(
                name, "encrypted PDF (AES); remove the password or encryption first"
            ) from exc
        except _PARSE_ERRORS as exc:
            raise SourceLoadError(name, "encrypted PDF; remove the password first") from exc
        if opened == pypdf.PasswordType.NOT_DECRYPTED:
            raise SourceLoadError(name, "encrypted PDF; remove the password first")
    return reader


def pdf_stream_limit() -> int:
    """Bytes one compressed stream may inflate to (pypdf's own limit, which it enforces)."""
    return int(pypdf.get_configuration().zlib_maximum_output_length)


def _bomb(name: str, where: str) -> SourceLoadError:
    limit = pdf_stream_limit() // 1_000_000
    return SourceLoadError(
        name,
        f"refused: {where} compressed data that inflates past {limit} MB (the PDF reader's limit); "
        "possibly a compression bomb",
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _info(reader: pypdf.PdfReader) -> tuple[str | None, str | None, date | None]:
    try:
        meta = reader.metadata
    except _PARSE_ERRORS:
        return None, None, None
    if meta is None:
        return None, None, None
    title = squeeze(str(meta.title or "")) or None
    author = squeeze(str(meta.author or "")) or None
    try:
        created = meta.creation_date
    except (ValueError, TypeError):
        created = None
    return title, author, created.date() if created else None


def read_pdf(path: Path, data: bytes) -> Extracted:
    """Read a ``.pdf`` file's text layer."""
    name = str(path)
    reader = _open(name, data)
    notes: list[str] = []
    try:
        pages = list(reader.pages)
    except LimitReachedError as exc:
        raise _bomb(name, "the file holds") from exc
    except _PARSE_ERRORS as exc:
        raise SourceLoadError(name, f"damaged PDF, cannot be read ({_first_line(exc)})") from exc
    if not pages:
        raise SourceLoadError(name, "damaged PDF, no pages found")
    if len(pages) > MAX_PAGES:
        notes.append(f"only the first {MAX_PAGES} of {len(pages)} pages were read")
        pages = pages[:MAX_PAGES]
    page_lines: list[list[_Line]] = []
    bombs: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            page_lines.append(_visible_lines(page))
        except LimitReachedError:
            bombs.append(number)
            notes.append(f"page {number}: refused, its content inflates past the PDF reader's limit")
            page_lines.append([])
        except _PARSE_ERRORS as exc:
            notes.append(f"page {number}: text could not be read ({_first_line(exc)})")
            page_lines.append([])
    if not any(page_lines):
        if bombs:
            raise _bomb(name, f"page {bombs[0]} holds" if len(bombs) == 1 else f"{len(bombs)} pages hold")
        raise SourceLoadError(name, "no text layer — run OCR first")
    paras: list[_Paragraph] = []
    for lines in _drop_furniture(page_lines):
        page_paras = _paragraphs(lines)
        if paras and page_paras and _continues(paras[-1], page_paras[0]):
            paras[-1].text = _join(paras[-1].text, page_paras[0].text)
            page_paras = page_paras[1:]
        paras.extend(page_paras)
    sizes: Counter[float] = Counter()
    for p in paras:
        if p.size:
            sizes[round(p.size, 1)] += len(p.text)
    body_size = max(sizes, key=lambda s: (sizes[s], -s)) if sizes else None
    out = LineBuilder()
    for para in paras:
        larger = body_size is not None and para.size is not None and para.size > body_size * 1.15
        out.add(para.text, "heading" if larger and len(para.text.split()) <= 20 else None)
    title, author, created = _info(reader)
    stated = find_publication_date(out.text)
    if stated is None and created is not None:
        notes.append("publication date taken from the PDF's creation date")
    return Extracted(
        text=out.text,
        format="pdf",
        title=title,
        author=author,
        published=stated or created,
        notes=tuple(notes),
        role_hints=out.hints,
    )
