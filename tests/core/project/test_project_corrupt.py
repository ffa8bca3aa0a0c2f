"""A corrupt stored comparison gives a clear error, never a traceback (hostile input, fault 8)."""

from __future__ import annotations

import copy
import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.samples import load_samples
from comparer.core.project.store import Project, ProjectError


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(load_samples())


def _store(path: Path, data: Any) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE runs SET data = ?", (json.dumps(data),))
    db.commit()
    db.close()


def _unknown_claim(data: dict[str, Any]) -> dict[str, Any]:
    bad = copy.deepcopy(data)
    bad["links"][0]["a"] = "no-such-claim"
    return bad


@pytest.mark.parametrize("corrupt", [lambda d: [], lambda d: None, _unknown_claim])
@pytest.mark.parametrize("command", [["export", "-o", "{out}"], ["agreement"]])
def test_cli_reports_a_corrupt_stored_comparison(
    tmp_path: Path, comparison: Comparison, corrupt: Any, command: list[str]
) -> None:
    path = tmp_path / "bad.comparer"
    Project.create(path, comparison).close()
    _store(path, corrupt(to_dict(comparison)))
    args = [a.replace("{out}", str(tmp_path / "x.csv")) for a in command]
    run = subprocess.run(
        [sys.executable, "-m", "comparer", args[0], str(path), *args[1:]],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert "stored comparison" in run.stderr


_VALUES = st.sampled_from([None, [], {}, "", "zz", -1, 10**12, [[0, 1]], True])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32), value=_VALUES)
def test_any_corrupted_value_opens_or_is_refused(
    tmp_path: Path, comparison: Comparison, seed: int, value: Any
) -> None:
    rng = random.Random(seed)
    doc: Any = to_dict(comparison)
    # Walk down to a random place in the document and replace what is there.
    parent: Any = doc
    key: Any = rng.choice(sorted(doc))
    for _ in range(rng.randint(0, 3)):
        child = parent[key]
        if isinstance(child, dict) and child:
            parent, key = child, rng.choice(sorted(child))
        elif isinstance(child, list) and child:
            parent, key = child, rng.randrange(len(child))
        else:
            break
    parent[key] = value
    path = tmp_path / f"fuzz{seed}.comparer"
    path.unlink(missing_ok=True)
    Project.create(path, comparison).close()
    _store(path, doc)
    with Project.open(path) as project:
        message = ""
        try:
            again = project.comparison()
        except ProjectError as exc:
            message = str(exc)
        if message:
            assert "stored comparison" in message
        else:
            assert len(again.sources) >= 2
