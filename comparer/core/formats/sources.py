"""Load sources from files or pasted text, whatever their format."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import BinaryIO, cast

from comparer.core.engine.model import Source
from comparer.core.engine.pubdate import find_publication_date
from comparer.core.errors import SourceLoadError
from comparer.core.formats.base import Extracted
from comparer.core.formats.plain import normalise_newlines, read_plain

MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024

Reader = Callable[[Path, bytes], Extracted]


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: trafilatura, pypdf and python-docx take a while to import."""

    def read(path: Path, data: bytes) -> Extracted:
        reader = cast(Reader, getattr(importlib.import_module(module), name))
        return reader(path, data)

    read.__name__ = name
    return read


read_html = _lazy("comparer.core.formats.html_page", "read_html")
read_pdf = _lazy("comparer.core.formats.pdf_doc", "read_pdf")
read_docx = _lazy("comparer.core.formats.docx_doc", "read_docx")


def _unsupported(advice: str) -> Reader:
    def read(path: Path, data: bytes) -> Extracted:
        raise SourceLoadError(str(path), advice)

    return read


# Suffix -> reader.
READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_plain,
    ".markdown": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

# Formats people often try, with what to do instead. Not listed as supported.
UNSUPPORTED: dict[str, Reader] = {
    ".doc": _unsupported("old Word .doc format; save it as .docx or .txt first"),
    ".rtf": _unsupported("RTF is not supported; save it as .docx or .txt first"),
    ".odt": _unsupported("OpenDocument text is not supported; save it as .docx or .txt first"),
    ".mhtml": _unsupported("MHTML archives are not supported; save the page as 'Web page, HTML only'"),
    ".mht": _unsupported("MHTML archives are not supported; save the page as 'Web page, HTML only'"),
}


def sniff_reader(data: bytes) -> Reader:
    """The reader for data whose name says nothing (no or unknown suffix, standard input)."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return read_pdf
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return read_docx
    lowered = head.lower().lstrip(b"\xef\xbb\xbf")
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<?xml") and b"<html" in lowered
    ):
        return read_html
    return read_plain


def _run(reader: Reader, path: Path, data: bytes) -> Extracted:
    """Run a reader; whatever a parser raises on a malformed file becomes a one-line error."""
    try:
        return reader(path, data)
    except SourceLoadError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise SourceLoadError(str(path), "file is too deeply nested or too large to read") from exc
    except Exception as exc:  # third-party parsers of untrusted files may raise anything
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        raise SourceLoadError(str(path), f"cannot read this file ({reason})") from exc


def supported_suffixes() -> tuple[str, ...]:
    """File name endings comparer can open."""
    return tuple(sorted(READERS))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, with a one-line error for what commonly goes wrong."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise SourceLoadError(name, "no such file") from exc
    except OSError as exc:
        raise SourceLoadError(name, f"cannot read ({exc.strerror or exc})") from exc
    if path.is_dir():
        raise SourceLoadError(name, "is a folder, not a file")
    if not path.is_file():
        # A device (/dev/zero), a FIFO or a socket can give bytes for ever or block; only "-" reads a stream.
        raise SourceLoadError(
            name, "not a regular file (a device, pipe or socket); use - to read standard input"
        )
    if size > MAX_BYTES:
        raise SourceLoadError(name, f"file is {size / 2**20:.0f} MB; comparer reads files up to 50 MB")
    try:
        with path.open("rb") as fh:
            data = read_capped(fh, name)
    except OSError as exc:
        raise SourceLoadError(name, f"cannot read ({exc.strerror or exc})") from exc
    if not data:
        raise SourceLoadError(name, "empty file")
    return data


def read_capped(stream: BinaryIO, name: str) -> bytes:
    """At most :data:`MAX_BYTES` from ``stream``, counted as they are read (a stated size can lie).

    Read in chunks of 1 MB, so that a small file does not cost a buffer of the whole limit.
    """
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, MAX_BYTES + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_BYTES:
            raise SourceLoadError(
                name, "more than 50 MB; comparer reads files and standard input up to 50 MB"
            )
    return b"".join(chunks)


def _finish(
    extracted: Extracted,
    *,
    source_id: str,
    path: str,
    published: date | None,
    outlet: str | None,
    title: str | None,
) -> Source:
    if not extracted.text.strip():
        raise SourceLoadError(path, "no text found in the file")
    nuls = extracted.text.count("\x00")
    if nuls:
        # One character for one, so offsets and role hints still hold; NUL never reaches an output.
        extracted = replace(
            extracted,
            text=extracted.text.replace("\x00", "\ufffd"),
            notes=(*extracted.notes, f"{nuls} NUL character{'s' if nuls > 1 else ''} replaced by U+FFFD"),
        )
    found_date = extracted.published or find_publication_date(extracted.text)
    return Source(
        id=source_id,
        path=path,
        text=extracted.text,
        title=title or extracted.title,
        outlet=outlet or extracted.outlet,
        author=extracted.author,
        published=published or found_date,
        encoding=extracted.encoding,
        format=extracted.format,
        notes=extracted.notes,
        role_hints=extracted.role_hints,
    )


def load_source(
    path: str | Path,
    *,
    source_id: str,
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> Source:
    """Read one file into a :class:`Source`.

    ``published``, ``outlet`` and ``title`` override what the file says.
    Raises ``SourceLoadError`` with a one-line reason for anything unreadable.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    data = read_bytes(p)
    # An unknown suffix: recognise the format from the content, else read it as text.
    reader = READERS.get(suffix) or UNSUPPORTED.get(suffix) or sniff_reader(data)
    extracted = _run(reader, p, data)
    return _finish(
        extracted, source_id=source_id, path=str(p), published=published, outlet=outlet, title=title
    )


def source_from_bytes(
    data: bytes,
    *,
    source_id: str,
    path: str = "<stdin>",
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> Source:
    """A source from bytes read from a stream (standard input); the format is recognised from the content."""
    if not data:
        raise SourceLoadError(path, "empty input")
    if len(data) > MAX_BYTES:
        raise SourceLoadError(path, f"input is {len(data) / 2**20:.0f} MB; comparer reads up to 50 MB")
    extracted = _run(sniff_reader(data), Path(path), data)
    return _finish(extracted, source_id=source_id, path=path, published=published, outlet=outlet, title=title)


def source_from_text(
    text: str,
    *,
    source_id: str,
    path: str = "<pasted>",
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
) -> Source:
    """A source from text already in memory (pasted, or read from standard input)."""
    extracted = Extracted(text=normalise_newlines(text), format="txt")
    return _finish(extracted, source_id=source_id, path=path, published=published, outlet=outlet, title=title)


def with_overrides(
    source: Source, *, published: date | None = None, outlet: str | None = None, title: str | None = None
) -> Source:
    """The same source with user-edited metadata."""
    return replace(
        source,
        published=published or source.published,
        outlet=outlet or source.outlet,
        title=title or source.title,
    )


def source_ids(count: int) -> list[str]:
    """Ids for ``count`` sources: a, b, c, …, z, s27, s28, …"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [letters[i] if i < len(letters) else f"s{i + 1}" for i in range(count)]
