"""A project killed mid-commit, as after a crash: built by the tests that check it opens again."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

# Writes labels, then starts a big transaction whose pages spill to the file before the commit, and is
# killed inside it: the file is left half-written with a hot "-journal" beside it, as after a crash.
_KILLED_MID_COMMIT = """
import os, signal, sqlite3, sys
from comparer.core.project.store import Project
with Project.open(sys.argv[1]) as project:
    for n, row in enumerate(project.links()[:5]):
        project.set_label(row.id, "conflict", annotator=f"w{n}")
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA cache_size = 1")
db.execute("BEGIN IMMEDIATE")
db.execute("CREATE TABLE scratch (x BLOB)")
for _ in range(200):
    db.execute("INSERT INTO scratch VALUES (randomblob(4000))")
db.execute("UPDATE meta SET value = value")
os.kill(os.getpid(), signal.SIGKILL)
"""


def kill_mid_commit(path: Path) -> None:
    """Write labels to the project at ``path`` in a child process and kill it inside a commit."""
    run = subprocess.run([sys.executable, "-c", _KILLED_MID_COMMIT, str(path)], check=False)
    assert run.returncode == -signal.SIGKILL
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()
    assert journal.stat().st_size > 0
