"""A write killed mid-commit leaves a hot journal; the project still opens (hostile input, 2 and 9)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from project_kill import kill_mid_commit as _kill_mid_commit

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.formats.samples import load_samples
from comparer.core.project.store import Project, ProjectError


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_samples())


def test_a_project_killed_mid_commit_opens_again(tmp_path: Path, comparison: Comparison) -> None:
    path = tmp_path / "crashed.comparer"
    Project.create(path, comparison).close()
    for _ in range(3):
        _kill_mid_commit(path)
        with Project.open(path, read_only=True) as project:
            assert {f"w{n}" for n in range(5)} <= set(project.annotators())
            assert project.comparison().links
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'scratch'").fetchall()
    db.close()


def test_the_cli_opens_a_project_killed_mid_commit(tmp_path: Path, comparison: Comparison) -> None:
    path = tmp_path / "crashed.comparer"
    Project.create(path, comparison).close()
    _kill_mid_commit(path)
    out = tmp_path / "links.csv"
    run = subprocess.run(
        [sys.executable, "-m", "comparer", "export", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "conflict" in out.read_text(encoding="utf-8")


def test_a_locked_project_is_called_locked_not_damaged(tmp_path: Path, comparison: Comparison) -> None:
    path = tmp_path / "busy.comparer"
    Project.create(path, comparison).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectError, match="locked") as caught:
            Project.open(path).close()
        assert "damaged" not in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
