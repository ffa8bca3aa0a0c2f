"""Plain text and Markdown in any common encoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import charset_normalizer

from comparer.core.engine.model import RoleHint, Span
from comparer.core.errors import SourceLoadError
from comparer.core.formats.base import Extracted

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(path: str, data: bytes) -> tuple[str, str]:
    """Decode bytes as text and say which encoding was used.

    UTF-8 (and BOM-marked UTF-16/32) is tried first; otherwise the most likely
    encoding is detected. Binary data raises ``SourceLoadError``.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise SourceLoadError(path, f"not valid {encoding} text ({exc.reason})") from exc
    nul = data.find(b"\x00")
    if nul != -1:  # anywhere in the file, not only near the start: a NUL never reaches an output
        where = "" if nul < 8192 else f" (a NUL byte at byte {nul:,})"
        raise SourceLoadError(path, f"binary file, not text{where}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise SourceLoadError(path, "unknown text encoding (not UTF-8, and no other encoding fits)")
    # Short Western texts fit many single-byte code pages about equally well (curly quotes
    # in Windows-1252 also read as Mac Roman). Windows-1252, the usual encoding of English
    # and Western European text and what browsers read Latin-1 as, wins when it fits
    # about as well as the best guess.
    if best.encoding != "cp1252" and any(
        "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.02 for m in matches
    ):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n`` so offsets match what is shown."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S.*$", re.MULTILINE)


def markdown_headings(text: str) -> tuple[RoleHint, ...]:
    """``# Heading`` lines of a Markdown text; the text itself is left as written."""
    return tuple(RoleHint(Span(m.start(), m.end()), "heading") for m in _MD_HEADING.finditer(text))


def read_plain(path: Path, data: bytes) -> Extracted:
    """Read a ``.txt`` or ``.md`` file."""
    text, encoding = decode_text(str(path), data)
    text = normalise_newlines(text)
    notes = () if encoding in ("utf-8", "ascii") else (f"decoded as {encoding}",)
    if path.suffix.lower() in (".md", ".markdown"):
        return Extracted(
            text=text, format="markdown", encoding=encoding, notes=notes, role_hints=markdown_headings(text)
        )
    return Extracted(text=text, format="txt", encoding=encoding, notes=notes)
