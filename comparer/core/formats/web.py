"""Fetch one web page the user names, and read its article.

This is the only place comparer touches the network, and only when the user asks for an
address (File › Open web address, or an http(s) address on the command line). The page is
fetched with the standard library, with a time-out and a size cap; every way it can fail
is a :class:`SourceLoadError` naming the address and saying why in one line. No script on
the page runs and nothing else it links to is fetched: the article is read from the
page's own bytes, as a saved page would be.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from comparer.core.engine.model import Source
from comparer.core.engine.pubdate import find_publication_date
from comparer.core.errors import SourceLoadError

TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    """The bytes of a fetched page and the address they came from (after redirects)."""

    url: str
    data: bytes
    content_type: str


def is_web_address(text: str) -> bool:
    """True for an ``http://`` or ``https://`` address with a host."""
    parts = urllib.parse.urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class _WebRedirectsOnly(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only (never to ftp:// or file://)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_web_address(urllib.parse.urljoin(req.full_url, newurl)):
            raise urllib.error.HTTPError(
                newurl, code, f"redirected away from the web ({newurl})", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _reason(exc: BaseException, timeout: float) -> str:
    """One line for the user on why the page could not be fetched."""
    inner = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(inner, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s (time-out)"
    if isinstance(inner, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(inner, socket.gaierror):
        return "no such host (check the address, or the network connection)"
    if isinstance(inner, ssl.SSLError):
        return f"the secure connection failed ({getattr(inner, 'reason', None) or inner})"
    if isinstance(inner, ConnectionResetError):
        return "the server closed the connection"
    detail = str(inner).strip() or type(inner).__name__
    return f"could not fetch the page ({detail[:120]})"


def fetch_page(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """Fetch ``url`` (http or https) and return its bytes, refusing anything but a web page.

    Raises :class:`SourceLoadError` when the address is not a web address, the server cannot
    be reached, refuses, does not answer within ``timeout`` seconds, answers with an HTTP
    error, sends something other than HTML, or sends more than ``max_bytes``.
    """
    from comparer import __version__  # the package root imports the engine: read it when asked

    address = url.strip()
    if not is_web_address(address):
        raise SourceLoadError(url, "not a web address (it must start with http:// or https://)")
    request = urllib.request.Request(
        address,
        headers={
            "User-Agent": f"comparer/{__version__} (reading one article the user asked for)",
            "Accept": "text/html,application/xhtml+xml;q=0.9",
        },
    )
    try:
        response = urllib.request.build_opener(_WebRedirectsOnly).open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            where = exc.headers.get("Location", "") if exc.headers else ""
            reason = f"the server redirected away from the web ({where or exc.reason})"
        else:
            reason = f"the server answered HTTP {exc.code} ({exc.reason})"
        raise SourceLoadError(address, reason) from exc
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
        raise SourceLoadError(address, _reason(exc, timeout)) from exc
    with response:
        final = response.geturl() or address
        content_type = response.headers.get_content_type()
        if content_type not in HTML_TYPES:
            raise SourceLoadError(address, f"not a web page (the server sent {content_type})")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise SourceLoadError(address, _too_large(int(declared), max_bytes))
        chunks: list[bytes] = []
        total = 0
        try:
            while chunk := response.read(_CHUNK):
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise SourceLoadError(address, _too_large(None, max_bytes))
        except (OSError, http.client.HTTPException) as exc:
            raise SourceLoadError(address, _reason(exc, timeout)) from exc
    data = b"".join(chunks)
    if not data.strip():
        raise SourceLoadError(address, "the server sent an empty page")
    return Page(url=final, data=data, content_type=content_type)


def _too_large(size: int | None, cap: int) -> str:
    limit = f"{cap / 2**20:g} MB"
    if size is None:
        return f"the page is larger than {limit}; comparer reads web pages up to {limit}"
    return f"the page is {size / 2**20:.1f} MB; comparer reads web pages up to {limit}"


def load_web_source(
    url: str,
    *,
    source_id: str,
    published: date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Source:
    """Fetch ``url`` and read its article into a :class:`Source` (as a saved page is read).

    ``published``, ``outlet`` and ``title`` override what the page says about itself.
    """
    from comparer.core.formats.html_page import read_html

    page = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
    try:
        extracted = read_html(Path("page.html"), page.data)
    except SourceLoadError as exc:
        raise SourceLoadError(page.url, exc.reason) from exc
    except (RecursionError, MemoryError) as exc:
        raise SourceLoadError(page.url, "the page is too deeply nested or too large to read") from exc
    found = extracted.published or find_publication_date(extracted.text)
    return Source(
        id=source_id,
        path=page.url,
        text=extracted.text,
        title=title or extracted.title,
        outlet=outlet or extracted.outlet or urllib.parse.urlsplit(page.url).hostname,
        author=extracted.author,
        published=published or found,
        encoding=extracted.encoding,
        format=extracted.format,
        notes=(f"fetched from {page.url}", *extracted.notes),
        role_hints=extracted.role_hints,
    )
