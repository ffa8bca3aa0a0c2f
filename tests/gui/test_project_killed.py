"""A project whose writer was killed mid-commit, again and again, opens in the app and in the CLI.

Each round a separate process writes labels and is killed inside a large transaction, leaving a hot
``-journal``; the app then opens the project with its own File › Open project code (offscreen), and
``comparer export`` reads it, both with every label the killed process had committed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from project_kill import kill_mid_commit as _kill_mid_commit

from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.formats.samples import load_samples
from comparer.core.project.store import Project
from comparer.core.research.export import DTYPES
from comparer.gui import project_session
from comparer.gui.project_session import install as install_project

ROUNDS = 3


def test_a_project_killed_mid_commit_opens_in_the_app_and_the_cli(window, tmp_path, told, monkeypatch):
    path = tmp_path / "crashed.comparer"
    Project.create(path, compare(load_samples())).close()
    session = install_project(window)
    monkeypatch.setattr(project_session, "ask_open_path", lambda *a: str(path))
    open_action = window.menu("&File").findChild(type(window.menu("&File").actions()[0]), "project-open")
    assert open_action is not None
    journal = path.with_name(path.name + "-journal")
    for round_number in range(ROUNDS):
        _kill_mid_commit(path)
        assert journal.exists()
        open_action.trigger()  # File › Open project…, as the user would
        assert told == [], told
        project = session.project
        assert project is not None, f"round {round_number}: the app did not open the project"
        assert {f"w{n}" for n in range(5)} <= set(project.annotators())
        assert [s.text for s in window.sources] == [s.text for s in project.comparison().sources]
        assert window.comparison is not None
        assert session.row(project.links()[0].id) is not None
        session.close_project()

        out = tmp_path / f"round{round_number}.csv"
        assert main(["export", str(path), "-o", str(out)]) == 0
        rows = pd.read_csv(out, dtype=DTYPES, keep_default_na=False)
        assert {f"w{n}" for n in range(5)} <= set(rows["annotator"])
    assert not journal.exists() or journal.stat().st_size == 0
    assert Path(path).stat().st_size > 0
