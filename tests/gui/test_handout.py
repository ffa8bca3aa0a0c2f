"""The class handout from the app: a student copy without answers and a teacher copy with them,
main text only, following the list's filter; the sample's teacher copy fits on four A4 pages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
from PySide6.QtGui import QAction

from comparer.gui import project_session
from comparer.gui.main_window import MainWindow


def _print(win: MainWindow, tmp_path: Path, monkeypatch, what: str, name: str) -> tuple[str, int]:
    """Print through the File menu; the PDF's text without white space, and its number of pages."""
    path = tmp_path / name
    monkeypatch.setattr(project_session, "ask_save_path", lambda *a: (str(path), ""))
    win.menu("&File").findChild(QAction, what).trigger()
    reader = pypdf.PdfReader(path)
    # NFKC: the PDF's text has the font's ligatures (ﬁ, ﬀ) as single characters.
    text = unicodedata.normalize(
        "NFKC", "".join("".join(page.extract_text().split()) for page in reader.pages)
    )
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    return text, len(reader.pages)


def _flat(text: str) -> str:
    return unicodedata.normalize("NFKC", "".join(text.split()))


def test_the_student_copy_has_the_accounts_and_no_answers(full, tmp_path, monkeypatch):
    text, _pages = _print(full, tmp_path, monkeypatch, "project-print_student", "student.pdf")
    assert "Markeverydifferenceyousee" in text
    assert "Findings" not in text
    for finding in full.comparison.findings:
        assert _flat(finding.explanation) not in text
    body = next(c for c in full.comparison.claims if c.role == "body" and len(c.text) > 60)
    assert _flat(body.text) in text


def test_both_copies_leave_the_boilerplate_out(full, tmp_path, monkeypatch):
    claims = full.comparison.claims
    body = "".join(_flat(c.text) for c in claims if c.role != "boilerplate")
    boiler = [c for c in claims if c.role == "boilerplate" and len(_flat(c.text)) > 25]
    boiler = [c for c in boiler if _flat(c.text) not in body]
    assert boiler, "the sample should have boilerplate of its own"
    for what in ("project-print", "project-print_student"):
        text, _pages = _print(full, tmp_path, monkeypatch, what, f"{what}.pdf")
        for claim in boiler:
            assert _flat(claim.text) not in text


def test_the_teacher_copy_follows_the_list_and_fits_on_four_a4_pages(full, tmp_path, monkeypatch):
    shown = [r for r in full.findings.visible_rows() if r.key.startswith("finding:")]
    text, pages = _print(full, tmp_path, monkeypatch, "project-print", "teacher.pdf")
    assert pages <= 4
    assert "Findings" in text
    assert f"{len(shown)}numberedfindings" in text
    labels = [src.label for src in full.comparison.sources]
    assert f"({labels[0]})against" in text  # explanations name outlets, not a and b
    assert "(a)against" not in text
    hidden = [f for f in full.comparison.findings if f"finding:{f.id}" not in {r.key for r in shown}]
    assert hidden, "the list's default filter should hide the unsure findings"
    # Filter the list to quotations: the teacher copy has those alone.
    full.findings.kind_box.setCurrentIndex(full.findings.kind_box.findData("quote_differs"))
    quotes = [r for r in full.findings.visible_rows() if r.key.startswith("finding:")]
    assert quotes
    text, pages = _print(full, tmp_path, monkeypatch, "project-print", "quotes.pdf")
    assert f"{len(quotes)}numberedfindings" in text
    assert "Quotationdiffers" in text
    assert "Casualtyfiguresdiffer" not in text


def test_printing_the_teacher_copy_is_refused_in_classroom_mode(full):
    action = full.menu("&File").findChild(QAction, "project-print")
    student = full.menu("&File").findChild(QAction, "project-print_student")
    full.session.set_answers_hidden(True)
    assert not action.isEnabled()
    assert student.isEnabled()
    full.session.set_answers_hidden(False)
    assert action.isEnabled()
