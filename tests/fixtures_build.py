"""Build article files of every supported format inside a test's tmp_path.

Nothing here is committed as a blob: each test writes the files it reads.
An article is a list of blocks ``(kind, text)`` with kind "title", "heading" or "p".
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

Block = tuple[str, str]


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of a plain-text article: the first line is the title, every other line a paragraph."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [("title", lines[0])] + [("p", line) for line in lines[1:]]


def saved_page(
    blocks: Sequence[Block],
    *,
    title: str = "Iran fires missiles at US bases",
    site: str = "Example News",
    author: str = "Jane Reporter",
    published: str = "2020-01-08T06:00:00Z",
    share_bar: bool = True,
) -> str:
    """A web page as a browser saves it: the article inside navigation, banners and comments."""
    body: list[str] = []
    for kind, text in blocks:
        tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
        body.append(f"<{tag}>{html.escape(text)}</{tag}>")
        if kind == "title":
            body.append(f'<p class="byline">By <a href="/authors/jane">{html.escape(author)}</a></p>')
            if share_bar:
                body.append(
                    '<div class="share-bar social-share"><a href="#">Print</a> <a href="#">Share</a> '
                    '<a href="#">Comment</a> <a href="#">Cite</a></div>'
                )
    middle = len(body) // 2
    body.insert(
        middle,
        '<figure><img src="missiles.jpg" alt=""><figcaption>CAPTION: missiles on a launcher at dawn.'
        "</figcaption></figure>",
    )
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": {"@type": "Person", "name": author},
        "publisher": {"@type": "Organization", "name": site},
    }
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site)}">
<meta name="author" content="{html.escape(author)}">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>document.title = "SCRIPT RAN"; document.write("SCRIPT OUTPUT");</script>
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
</head><body>
<div id="cookie-banner" class="cookie-consent" role="dialog">COOKIE BANNER: we use cookies to improve
your experience on our site. <button>Accept all cookies</button> <a href="/cookies">Cookie settings</a></div>
<header class="site-header"><nav class="main-nav"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">NAVIGATION Sport</a></li></ul></nav></header>
<main><article class="article-body">
{chr(10).join(body)}
</article>
<aside class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">RELATED: oil prices jump after strike</a></li>
<li><a href="/b">RELATED: what we know about the downed airliner</a></li></ul></aside>
<section id="comments" class="comments"><h3>42 comments</h3>
<div class="comment"><p class="comment-author">reader99</p>
<p>COMMENT THREAD: this is all fake news and nobody believes a word of it.</p></div></section>
</main>
<footer class="site-footer"><p>© 2020 {html.escape(site)}. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def write_docx(
    path: Path,
    blocks: Sequence[Block],
    *,
    table: Sequence[Sequence[str]] = (),
    title: str | None = None,
    author: str | None = None,
    created: datetime | None = None,
) -> Path:
    """A Word document with Title/Heading styles, an optional table after the blocks, and core properties."""
    import docx

    document = docx.Document()
    for kind, text in blocks:
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created is not None:
        props.created = created
    document.save(str(path))
    return path


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[Block]],
    *,
    title: str = "",
    running_header: str | None = None,
    page_numbers: bool = False,
    raw_html: bool = False,
) -> Path:
    """A PDF drawn by Qt, one QTextDocument per page, with optional running header and page numbers.

    With ``raw_html`` the block texts are markup (``<br>`` to force a line end).
    Needs a QGuiApplication (use pytest-qt's ``qapp`` fixture).
    """
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setResolution(72)  # one device pixel per point keeps the layout arithmetic plain
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    width, height = writer.width(), writer.height()
    painter = QPainter(writer)
    try:
        for number, blocks in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            parts = []
            for kind, text in blocks:
                tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
                parts.append(f"<{tag}>{text if raw_html else html.escape(text)}</{tag}>")
            doc = QTextDocument()
            doc.setDefaultFont(QFont("DejaVu Sans", 10))
            doc.setHtml("".join(parts))
            doc.setPageSize(QSizeF(width - 80, height - 120))
            painter.save()
            painter.translate(QPointF(40, 60))
            doc.drawContents(painter, QRectF(0, 0, width - 80, height - 120))
            painter.restore()
            painter.setFont(QFont("DejaVu Sans", 8))
            if running_header:
                painter.drawText(QPointF(40, 30), running_header)
            if page_numbers:
                painter.drawText(QPointF(width / 2, height - 25), str(number))
    finally:
        painter.end()
    return path
