"""The class report as PDF: the core's HTML report laid out by Qt on A4 or Letter pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

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


def write_pdf(html: str, path: str | Path, *, page: PageSize = "a4", title: str = "comparer report") -> None:
    """Lay out ``html`` (from ``render_html(..., for_qt=True)``) and write it as a PDF to ``path``."""
    ensure_gui_application()
    target = Path(path)
    if not target.parent.is_dir():
        raise ReportError(f"{target}: folder {target.parent} does not exist")
    writer = QPdfWriter(str(target))
    writer.setTitle(title)
    writer.setCreator("comparer")
    writer.setResolution(300)
    layout = QPageLayout(
        QPageSize(_PAGE_IDS[page]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    doc = QTextDocument()
    doc.setHtml(html)
    # An unpaginated document is laid out by print_() itself: scaled from screen to
    # printer resolution, a 2 cm margin on every side and the page number at the foot.
    doc.print_(writer)
    del writer  # the file is finished when the writer goes away
    if not target.exists() or target.stat().st_size == 0:
        raise ReportError(f"{target}: cannot write the PDF")
