"""Opening material: files (good and bad), pasting, dropping, the sample, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from comparer.core.formats.samples import sample_paths
from comparer.gui.opening import file_filter


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_open_two_files_replaces_the_sources(window, tmp_path):
    a = _write(tmp_path, "one.txt", "Officials said 12 people were hurt on Monday. The fire began at noon.")
    b = _write(
        tmp_path, "two.txt", "Officials said 15 people were hurt on Monday. The blaze started at noon."
    )
    assert window.open_files([a, b])
    assert [s.path for s in window.sources] == [a, b]
    assert [s.id for s in window.sources] == ["a", "b"]
    assert window.comparison is not None
    assert set(window.area.panes) == {"a", "b"}
    assert window.state.recent_files[:2] == (a, b)


def test_a_bad_file_is_told_and_leaves_the_sources_as_they_were(sample_window, tmp_path, told):
    before = tuple(sample_window.sources)
    comparison = sample_window.comparison
    good = _write(tmp_path, "good.txt", "A perfectly fine account of the day.")
    empty = _write(tmp_path, "empty.txt", "")
    for paths in ([str(tmp_path / "missing.txt")], [good, empty], [str(tmp_path)]):
        told.clear()
        assert not sample_window.open_files(paths)
        assert len(told) == 1
        title, text = told[0]
        assert title == "Could not open the file"
        assert str(tmp_path) in text
        assert tuple(sample_window.sources) == before
        assert sample_window.comparison is comparison
        assert set(sample_window.area.panes) == {s.id for s in before}


def test_adding_a_file_keeps_the_others(sample_window, tmp_path):
    extra = _write(tmp_path, "third.txt", "Iran fired 22 missiles at two bases in Iraq, officials said.")
    assert sample_window.open_files([extra], add=True)
    assert [s.id for s in sample_window.sources] == ["a", "b", "c"]
    assert len(sample_window.area.gutters) == 2
    assert sample_window.comparison is not None
    assert {s.id for s in sample_window.comparison.sources} == {"a", "b", "c"}


def test_paste_as_new_source(sample_window, told):
    QGuiApplication.clipboard().setText("Twenty-two missiles were fired, the Iraqi military said.")
    sample_window.paste_source()
    assert len(sample_window.sources) == 3
    assert sample_window.sources[-1].path.startswith("<pasted")
    QGuiApplication.clipboard().setText("   ")
    sample_window.paste_source()
    assert len(sample_window.sources) == 3
    assert told[-1][0] == "Nothing to paste"


def test_dropping_files_adds_them(sample_window, tmp_path, drop_event):
    extra = _write(tmp_path, "dropped.txt", "Missiles hit two bases housing US troops in Iraq.")
    event = drop_event(extra)
    sample_window.dropEvent(event)
    assert sample_window.sources[-1].path == extra


def test_recent_files_menu_lists_opened_files(window, tmp_path):
    a, b = (str(p) for p in sample_paths())
    window.open_files([a, b])
    texts = [action.text() for action in window.recent_menu.actions()]
    assert any(Path(a).name in t for t in texts)
    assert window.recent_menu.isEnabled()


def test_one_source_is_shown_without_comparing(window, tmp_path):
    only = _write(tmp_path, "alone.txt", "Just one account of the day.")
    assert window.open_files([only])
    assert window.comparison is None
    assert list(window.area.panes) == ["a"]
    assert "Add another account" in window.status_label.text()


def test_file_filter_lists_what_the_core_reads():
    assert "*.txt" in file_filter()
    assert file_filter().endswith("All files (*)")
