"""Never block: reading accounts, exporting links and writing the handout run off the GUI thread,
like comparing, and their outcome comes back to the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pypdf
import pytest

from comparer.core.formats.samples import sample_paths
from comparer.core.research.export import DTYPES
from comparer.gui import app, main_window, project_session, report_pdf
from comparer.gui.main_window import MainWindow


@pytest.fixture
def live(qtbot, store, told) -> MainWindow:
    """The full window as a user gets it: comparing, reading and writing in the background."""
    win = app.build_window(store, synchronous=False)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _on_a_worker(monkeypatch, module, name: str) -> list[str]:
    """Wrap ``module.name`` so that it records the thread each call ran on."""
    seen: list[str] = []
    real = getattr(module, name)

    def wrapped(*args, **kwargs):
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapped)
    return seen


def _opened(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.comparison is not None and not win.tasks.busy, timeout=60_000)


def test_accounts_are_read_off_the_gui_thread(qtbot, live, monkeypatch):
    seen = _on_a_worker(monkeypatch, main_window, "load_files")
    paths = [str(p) for p in sample_paths()]
    assert live.open_files(paths)
    assert live.comparison is None  # not read yet: the call came straight back
    assert "Reading" in live.status_label.text()
    _opened(qtbot, live)
    assert seen
    assert threading.main_thread().name not in seen
    assert [s.path for s in live.sources] == paths
    assert set(paths) <= set(live.state.recent_files)


def test_a_file_that_cannot_be_read_is_told_and_changes_nothing(qtbot, live, tmp_path, told):
    live.open_files([str(p) for p in sample_paths()])
    _opened(qtbot, live)
    before = list(live.sources)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    live.open_files([str(bad)], add=True)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert told[-1][0] == "Could not open the file"
    assert str(bad) in told[-1][1]
    assert live.sources == before


@pytest.fixture
def live_project(qtbot, live, tmp_path):
    live.open_files([str(p) for p in sample_paths()])
    _opened(qtbot, live)
    session = live.project_panels.session
    assert session.new_project(str(tmp_path / "study.comparer"))
    session.annotator = "Ana"
    assert session.annotate(live.comparison.links[0].id, "label", "agree")
    return session


def test_exporting_xlsx_runs_off_the_gui_thread(qtbot, live_project, monkeypatch, tmp_path):
    seen = _on_a_worker(monkeypatch, project_session, "write_export")
    out = tmp_path / "links.xlsx"
    with qtbot.waitSignal(
        live_project.saved, timeout=60_000, check_params_cb=lambda m: m == "Wrote links.xlsx"
    ):
        assert live_project.export(str(out), "xlsx")
        assert live_project.writing
    assert not live_project.writing
    assert seen
    assert threading.main_thread().name not in seen
    frame = pd.read_excel(out, sheet_name="links", dtype=DTYPES, keep_default_na=False)
    assert (frame["label"] == "agree").sum() == 1


def test_the_handout_is_written_off_the_gui_thread(qtbot, live_project, monkeypatch, tmp_path):
    seen = _on_a_worker(monkeypatch, report_pdf, "write_pdf")
    out = tmp_path / "handout.pdf"
    with qtbot.waitSignal(
        live_project.saved, timeout=60_000, check_params_cb=lambda m: m == "Wrote handout.pdf"
    ):
        assert live_project.print_handout(str(out))
    assert seen
    assert threading.main_thread().name not in seen
    assert 0 < len(pypdf.PdfReader(out).pages) <= 4


def test_a_handout_that_cannot_be_written_is_told(qtbot, live_project, tmp_path, told):
    out = tmp_path / "missing" / "handout.pdf"
    with qtbot.waitSignal(live_project.saved, timeout=60_000, check_params_cb=lambda m: m.endswith("failed")):
        live_project.print_handout(str(out))
    assert told[-1][0] == "Print handout"
    assert "does not exist" in told[-1][1]
    assert not Path(out).exists()


def test_the_window_asks_worker_threads_to_hand_over_the_interpreter_often(qapp):
    import sys

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        app.application()
        assert sys.getswitchinterval() == pytest.approx(app.GUI_SWITCH_INTERVAL)
        assert app.GUI_SWITCH_INTERVAL < 0.005
    finally:
        sys.setswitchinterval(before)
