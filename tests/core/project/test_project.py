"""Project files: labels are saved at once and survive a killed process; bad files are refused untouched."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.samples import load_samples
from comparer.core.project.annotations import AnnotationError, SpanRef
from comparer.core.project.schema import APPLICATION_ID, CURRENT_VERSION, SCHEMA_V1
from comparer.core.project.store import Project, ProjectError


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    result = compare(load_samples())
    assert result.links, "the sample pair should give at least one link"
    return result


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_save_and_reopen(tmp_path, comparison):
    path = tmp_path / "study.comparer"
    with Project.create(path, comparison) as project:
        first = project.links()[0].id
        project.set_label(first, "conflict", annotator="Ana")
        project.set_note(first, "numbers differ", annotator="Ana")
    with Project.open(path) as project:
        again = project.comparison()
        assert [s.text for s in again.sources] == [s.text for s in comparison.sources]
        assert [link.id for link in again.links] == [link.id for link in comparison.links]
        assert again.options == comparison.options
        state = project.annotation(first, "Ana")
        assert (state.label, state.note) == ("conflict", "numbers differ")
        assert project.annotators() == ("Ana",)


def test_later_events_win_and_history_is_kept(tmp_path, comparison):
    with Project.create(tmp_path / "p.comparer", comparison) as project:
        link = project.links()[0].id
        project.set_label(link, "agree", annotator="Ana")
        project.set_label(link, "unrelated", annotator="Ana")
        project.set_label(link, "related", annotator="Ben")
        assert project.annotation(link, "Ana").label == "unrelated"
        assert project.annotation(link, "Ben").label == "related"
        assert [e.value for e in project.events("Ana")] == ["agree", "unrelated"]
        project.set_label(link, None, annotator="Ana")
        assert project.annotation(link, "Ana").label is None
        assert {a.annotator for a in project.annotations()} == {"Ben"}


def test_reject_add_link_mark_finding_and_custom_labels(tmp_path, comparison):
    with Project.create(tmp_path / "p.comparer", comparison) as project:
        link = project.links()[0]
        project.reject_link(link.id, annotator="Ana")
        assert project.annotation(link.id, "Ana").rejected
        project.reject_link(link.id, annotator="Ana", rejected=False)
        assert not project.annotation(link.id, "Ana").rejected
        with pytest.raises(AnnotationError, match="unknown label"):
            project.set_label(link.id, "loaded language", annotator="Ana")
        assert project.add_label("  loaded   language ") == "loaded language"
        assert project.labels()[-1] == "loaded language"
        project.set_label(link.id, "loaded language", annotator="Ana")
        added = project.add_link(SpanRef("a", 0, 10), SpanRef("b", 5, 20), annotator="Ana", label="related")
        assert project.link_row(added).origin == "annotator"
        assert project.annotation(added, "Ana").label == "related"
        with pytest.raises(AnnotationError):
            project.add_link(SpanRef("a", 0, 10), SpanRef("a", 20, 30), annotator="Ana")
        with pytest.raises(AnnotationError):
            project.add_link(SpanRef("a", 0, 10**7), SpanRef("b", 0, 3), annotator="Ana")
        with pytest.raises(AnnotationError, match="annotator"):
            project.set_label(link.id, "agree", annotator="  ")
        with_findings = [r for r in project.links() if r.link and r.link.findings]
        if with_findings:
            project.mark_finding(with_findings[0].id, 0, annotator="Ana")
            assert project.annotation(with_findings[0].id, "Ana").wrong_findings == (0,)
        with pytest.raises(AnnotationError):
            project.mark_finding(link.id, 999, annotator="Ana")
        project.remove_added_link(added)
        assert added not in {r.id for r in project.links()}


def test_labels_follow_the_passages_when_the_comparison_is_run_again(tmp_path, comparison):
    with Project.create(tmp_path / "p.comparer", comparison) as project:
        link = project.links()[0].id
        project.set_label(link, "conflict", annotator="Ana")
        project.save_comparison(compare(list(comparison.sources)))
        assert len(project.run_ids()) == 2
        assert project.annotation(link, "Ana").label == "conflict"


_WRITER = """
import sys
from comparer.core.project.store import Project
project = Project.open(sys.argv[1])
links = [row.id for row in project.links()]
n = 0
while True:
    link = links[n % len(links)]
    project.set_label(link, ("agree", "conflict", "related", "unrelated")[n % 4], annotator=f"w{n}")
    n += 1
    print(n, flush=True)
    if n == int(sys.argv[2]):
        print("ready", flush=True)
"""


def _run_and_kill(path: Path, after: int) -> int:
    """Start a writer, wait until it has reported ``after`` labels, SIGKILL it; labels it reported."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(after)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    reported = 0
    for line in proc.stdout:
        if line.strip() == "ready":
            break
        reported = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    return reported


def test_labels_survive_a_killed_process(tmp_path, comparison):
    path = tmp_path / "killed.comparer"
    Project.create(path, comparison).close()
    reported = _run_and_kill(path, after=25)
    assert reported == 25
    with Project.open(path) as project:
        # Everything the writer reported as saved is there; it may have saved a little more.
        assert len(project.events()) >= reported
        assert {f"w{i}" for i in range(reported)} <= set(project.annotators())
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()


def test_kill_while_writing_never_corrupts(tmp_path, comparison):
    """The writer is killed while it keeps writing: the file stays sound, earlier labels stay."""
    path = tmp_path / "busy.comparer"
    Project.create(path, comparison).close()
    for _ in range(3):
        with Project.open(path, read_only=True) as project:
            before = len(project.events())
        reported = _run_and_kill(path, after=5)
        with Project.open(path) as project:
            assert len(project.events()) >= before + reported
            assert project.comparison().links


def _v1_file(path: Path, comparison: Comparison) -> str:
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    for s in comparison.sources:
        db.execute(
            "INSERT INTO sources VALUES (?,?,?,?,?,?)", (s.id, s.path, s.title, s.outlet, None, s.text)
        )
    db.execute(
        "INSERT INTO comparisons VALUES (1, '2024-01-01T00:00:00+00:00', ?)",
        (json.dumps(to_dict(comparison)),),
    )
    link = comparison.links[0].id
    db.execute(
        "INSERT INTO labels VALUES (?, 'Ana', 'conflict', ?, '2024-01-02T00:00:00+00:00')",
        (link, "casualty figures differ"),
    )
    db.execute("INSERT INTO labels VALUES ('L-gone', 'Ana', 'agree', '', '2024-01-03T00:00:00+00:00')")
    db.commit()
    db.close()
    return link


def test_migration_from_version_1(tmp_path, comparison):
    path = tmp_path / "old.comparer"
    link = _v1_file(path, comparison)
    before = _digest(path)
    with Project.open(path, read_only=True) as project:  # upgraded in memory; the file is not touched
        assert project.annotation(link, "Ana").label == "conflict"
        with pytest.raises(ProjectError, match="read-only"):
            project.set_label(link, "agree", annotator="Ben")
    assert _digest(path) == before
    with Project.open(path) as project:
        state = project.annotation(link, "Ana")
        assert (state.label, state.note) == ("conflict", "casualty figures differ")
        # The label of a link that no longer exists is kept, not dropped.
        assert len(project.annotations("Ana")) == 2
        project.set_label(link, "agree", annotator="Ben")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert "labels" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()


def test_newer_version_is_refused_untouched(tmp_path, comparison):
    path = tmp_path / "new.comparer"
    Project.create(path, comparison).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    db.commit()
    db.close()
    before = _digest(path)
    with pytest.raises(ProjectError, match="newer comparer"):
        Project.open(path)
    assert _digest(path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Iran fired missiles at two bases.\n", "not a comparer project"),
        (b"", "not a comparer project"),
        (b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + b"\xff" * 4000, "damaged|not a comparer"),
    ],
)
def test_non_projects_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "x.comparer"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.comparer"]


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = _digest(path)
    with pytest.raises(ProjectError, match="something else"):
        Project.open(path)
    assert _digest(path) == before


def test_truncated_project_is_refused_untouched(tmp_path, comparison):
    path = tmp_path / "cut.comparer"
    Project.create(path, comparison).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(path)
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_location_is_refused_untouched(tmp_path, comparison):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "p.comparer"
    Project.create(path, comparison).close()
    before = _digest(path)
    folder.chmod(0o555)
    try:
        with pytest.raises(ProjectError, match="read-only"):
            Project.open(path)
        with pytest.raises(ProjectError, match="read-only"):
            Project.create(folder / "new.comparer")
        with Project.open(path, read_only=True) as project:
            assert project.comparison().links
            with pytest.raises(ProjectError, match="read-only"):
                project.set_label(project.links()[0].id, "agree", annotator="Ana")
    finally:
        folder.chmod(0o755)
    assert _digest(path) == before


def test_read_only_file_is_refused_untouched(tmp_path, comparison):
    path = tmp_path / "p.comparer"
    Project.create(path, comparison).close()
    before = _digest(path)
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("this user can write read-only files")
        with pytest.raises(ProjectError, match="read-only"):
            Project.open(path)
    finally:
        path.chmod(0o644)
    assert _digest(path) == before


def test_missing_and_existing_paths(tmp_path, comparison):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "nope.comparer")
    path = tmp_path / "p.comparer"
    Project.create(path, comparison).close()
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    with pytest.raises(ProjectError, match="does not exist"):
        Project.create(tmp_path / "no" / "such" / "p.comparer")
    with Project.create(tmp_path / "empty.comparer") as empty:
        assert empty.links() == ()
        with pytest.raises(ProjectError, match="no comparison"):
            empty.comparison()


def test_read_only_place_message_without_permissions(tmp_path, comparison, monkeypatch):
    """Where permissions cannot be tested (root), the check itself still refuses before writing."""
    path = tmp_path / "p.comparer"
    Project.create(path, comparison).close()
    before = _digest(path)
    real_access = os.access
    monkeypatch.setattr(
        "comparer.core.project.store.os.access",
        lambda p, mode: False if mode == os.W_OK else real_access(p, mode),
    )
    with pytest.raises(ProjectError, match="read-only"):
        Project.open(path)
    with pytest.raises(ProjectError, match="read-only"):
        Project.create(tmp_path / "new.comparer")
    assert _digest(path) == before
    assert not (tmp_path / "new.comparer").exists()


def test_save_as_copies_everything(tmp_path, comparison):
    with Project.create(tmp_path / "p.comparer", comparison) as project:
        link = project.links()[0].id
        project.set_label(link, "conflict", annotator="Ana")
        with project.save_as(tmp_path / "copy.comparer") as copy:
            assert copy.annotation(link, "Ana").label == "conflict"
            copy.set_label(link, "agree", annotator="Ana")
        assert project.annotation(link, "Ana").label == "conflict"
        with pytest.raises(ProjectError, match="already exists"):
            project.save_as(tmp_path / "copy.comparer")
