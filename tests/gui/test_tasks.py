"""The background-task helper and the comparing it drives: results, errors, cancelling, stale runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from comparer.core.errors import ComparerError
from comparer.gui import main_window as main_window_module
from comparer.gui.main_window import MainWindow
from comparer.gui.tasks import TaskRunner


def _drain() -> None:
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()  # deliver whatever the workers queued


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen_threads = []
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(lambda progress, cancelled: (progress(0.5), threading.current_thread())[1])
    worker_thread = blocker.args[0]
    runner.finished.connect(lambda _r: seen_threads.append(threading.current_thread()))
    assert worker_thread is not threading.main_thread()
    assert not runner.busy
    _drain()


def test_errors_come_back_as_the_failed_signal(qtbot):
    runner = TaskRunner()

    def boom(progress, cancelled):
        raise ComparerError("broken input")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(boom)
    assert isinstance(blocker.args[0], ComparerError)
    assert str(blocker.args[0]) == "broken input"
    _drain()


def test_a_newer_run_makes_the_older_result_stale(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    results = []
    runner.finished.connect(results.append)
    runner.start(lambda progress, cancelled: (gate.wait(10), "old")[1])
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(lambda progress, cancelled: "new")
    gate.set()
    _drain()
    assert results == ["new"]


def test_cancel_reaches_the_job(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(lambda progress, cancelled: (gate.wait(10), cancelled())[1])
        runner.cancel()
        gate.set()
    assert blocker.args == [True]
    _drain()


def test_synchronous_mode_reports_before_start_returns():
    runner = TaskRunner(synchronous=True)
    got, progress = [], []
    runner.finished.connect(got.append)
    runner.progress.connect(progress.append)
    runner.start(lambda p, c: (p(0.25), 42)[1])
    assert got == [42]
    assert progress == [0.25]


def test_window_compares_in_the_background_and_leaves_no_thread(qtbot, store, told):
    win = MainWindow(store)  # asynchronous, as in the app
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.tasks.done, timeout=20_000):
        win.open_sample()
    assert win.comparison is not None
    assert win.comparison.links
    assert win.progress.isHidden()
    assert not told
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000)
    assert pool.activeThreadCount() == 0


def test_a_failing_comparison_is_told_to_the_user(qtbot, store, told, monkeypatch):
    def broken(*args, **kwargs):
        raise ComparerError("the engine could not read these accounts")

    monkeypatch.setattr(main_window_module, "compare", broken)
    win = MainWindow(store)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.tasks.done, timeout=10_000):
        win.open_sample()
    assert told == [("Comparison failed", "the engine could not read these accounts")]
    assert win.comparison is None
    assert win.status_label.text() == "Comparison failed"
    _drain()


@pytest.mark.parametrize("cancel_first", [True])
def test_cancelling_a_comparison_is_quiet(qtbot, store, told, monkeypatch, cancel_first):
    gate = threading.Event()
    real = main_window_module.compare

    def slow(sources, options, *, progress, cancelled):
        gate.wait(10)
        return real(sources, options, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(main_window_module, "compare", slow)
    win = MainWindow(store)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.tasks.done, timeout=10_000):
        win.open_sample()
        assert win.tasks.busy
        win.cancel_button.click()
        gate.set()
    assert told == []
    assert win.comparison is None
    assert "cancelled" in win.status_label.text()
    _drain()


def test_jobs_run_without_full_collections_and_restore_the_collector():
    import gc

    from comparer.gui import tasks

    before = gc.get_threshold()
    with tasks.full_collections_held_off():
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] == tasks.NO_FULL_COLLECTION
        with tasks.full_collections_held_off():  # a second job at the same time
            pass
        assert gc.get_threshold()[2] == tasks.NO_FULL_COLLECTION  # still held off for the first
        kept = [object()]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() > 0  # what the job made is out of the collector's way
    assert kept
    gc.unfreeze()
