"""A small web server on 127.0.0.1 for the tests of File › Open web address: pages written here.

Each path answers one way a fetch can go: an article, a redirect, an HTTP error, a file that is
not a web page, a page too large, a page without article text, a server that never answers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_TITLE = "Ferry service to Lenmouth resumes after storm"
ARTICLE_PARAGRAPHS = (
    "The ferry between Carrow and Lenmouth sailed again on Thursday morning, three days after a storm "
    "damaged the landing stage at Lenmouth harbour.",
    "Harbour master Ines Talbot said 14 crossings were cancelled while divers checked the piles under the "
    "landing stage.",
    "\u201cThe stage is safe, and we expect a full timetable by the weekend,\u201d Talbot said.",
    "The operator said passengers with tickets for cancelled crossings could travel on any sailing until "
    "the end of the month.",
)
ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'>"
    f"<title>{ARTICLE_TITLE}</title>"
    "<meta property='og:site_name' content='Carrow Coast News'>"
    "<meta property='article:published_time' content='2025-03-13'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    f"<h1>{ARTICLE_TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS) + "</article>"
    "<footer>Share this story</footer></body></html>"
).encode()
SCRIPT_ONLY = b"<!doctype html><html><head><title>App</title></head><body><div id='root'></div></body></html>"


class Server:
    """The running server: its base address, and a switch that lets a stalled answer go."""

    def __init__(self, httpd: ThreadingHTTPServer) -> None:
        self.httpd = httpd
        self.release = threading.Event()
        host, port = httpd.server_address[:2]
        self.base = f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        """The address of ``path`` on this server."""
        return self.base + path


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            del format, args

        def _send(self, code: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            if path == "/article":
                self._send(200, ARTICLE)
            elif path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/article")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/to-a-file":
                self.send_response(302)
                self.send_header("Location", "file:///etc/hostname")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/missing":
                self._send(404, b"<html><body>Not here</body></html>")
            elif path == "/broken":
                self._send(500, b"<html><body>Oops</body></html>")
            elif path == "/report.pdf":
                self._send(200, b"%PDF-1.4 not really", "application/pdf")
            elif path == "/big":
                self._send(200, ARTICLE + b"<!--" + b"x" * 50_000 + b"-->")
            elif path == "/big-unsized":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(ARTICLE + b"<!--" + b"x" * 50_000 + b"-->")
                self.close_connection = True
            elif path == "/app":
                self._send(200, SCRIPT_ONLY)
            elif path == "/empty":
                self._send(200, b"")
            elif path == "/stall":
                server.release.wait(30)
                self._send(200, ARTICLE)
            else:
                self._send(404, b"")

    return Handler


@contextmanager
def serving() -> Iterator[Server]:
    """Serve the pages on a free port of 127.0.0.1 until the block ends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.daemon_threads = True
    server = Server(httpd)
    httpd.RequestHandlerClass = _handler(server)
    thread = threading.Thread(target=httpd.serve_forever, name="test-web-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)
