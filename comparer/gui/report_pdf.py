"""The class report as PDF: the core's HTML report laid out by Qt on A4 or Letter pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from comparer.core.errors import ComparerError
from comparer.core.report.html import PageSize

_PAGE_IDS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class ReportError(ComparerError):
    """A report could not be written."""


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (for the command line)."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["comparer", "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


MARGIN_MM = 15.0  # every side
FOOTER_MM = 7.0  # the page number's band at the foot of each page


def write_pdf(html: str, path: str | Path, *, page: PageSize = "a4", title: str = "comparer report") -> None:
    """Lay out ``html`` (from ``render_html(..., for_qt=True)``) and write it as a PDF to ``path``.

    The document is laid out at the PDF's own resolution on pages of the printable size (so that
    11pt is 11pt on paper) and each page gets its number at the foot. Plain Qt painting: this may
    run on a worker thread.
    """
    ensure_gui_application()
    target = Path(path)
    if not target.parent.is_dir():
        raise ReportError(f"{target}: folder {target.parent} does not exist")
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("comparer")
    writer.setResolution(300)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    layout = QPageLayout(
        QPageSize(_PAGE_IDS[page]), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
    )
    writer.setPageLayout(layout)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = round(FOOTER_MM / 25.4 * writer.resolution())
    body = QSizeF(area.width(), area.height() - footer)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(html)
    doc.setDocumentMargin(0)
    doc.setPageSize(body)
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"{target}: cannot write the PDF")
    try:
        number_font = QFont("DejaVu Sans")
        number_font.setPointSizeF(8.5)
        pages = doc.pageCount()
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * body.height())
            doc.drawContents(painter, QRectF(0, n * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(number_font)
            foot = QRectF(0, body.height(), body.width(), footer)
            painter.drawText(
                foot, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), f"{n + 1} / {pages}"
            )
    finally:
        painter.end()
    del writer  # the file is finished when the writer goes away
    if not target.exists() or target.stat().st_size == 0:
        raise ReportError(f"{target}: cannot write the PDF")
