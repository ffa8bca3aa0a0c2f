"""The command line: compare --project, export and agreement."""

from __future__ import annotations

import hashlib

import pandas as pd

from comparer.cli import main
from comparer.core.formats.samples import sample_paths
from comparer.core.project.store import Project
from comparer.core.research.export import COLUMNS, DTYPES


def _samples() -> list[str]:
    return [str(p) for p in sample_paths()]


def test_compare_creates_a_project_then_adds_to_it(tmp_path, capsys):
    path = tmp_path / "study.comparer"
    assert main(["compare", *_samples(), "--project", str(path), "-o", str(tmp_path / "out.txt")]) == 0
    assert "saved to project" in capsys.readouterr().err
    with Project.open(path) as project:
        assert len(project.comparison_ids()) == 1
        assert project.links()
        assert [s.path for s in project.comparison().sources] == _samples()
    assert main(["compare", *_samples(), "--project", str(path), "-o", str(tmp_path / "out.txt")]) == 0
    with Project.open(path) as project:
        assert len(project.comparison_ids()) == 2


def test_compare_refuses_a_file_that_is_not_a_project(tmp_path, capsys):
    path = tmp_path / "notes.comparer"
    path.write_text("my notes\n", encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["compare", *_samples(), "--project", str(path)]) == 1
    assert "not a comparer project" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def _labelled(tmp_path, name: str, labels: dict[str, str], annotator: str):
    path = tmp_path / name
    assert main(["compare", *_samples(), "--project", str(path), "-o", str(tmp_path / "o.txt")]) == 0
    with Project.open(path) as project:
        ids = [row.id for row in project.links()]
        for link_id, label in labels.items():
            project.set_label(ids[int(link_id)], label, annotator=annotator)
    return path


def test_export_command_writes_every_format(tmp_path, capsys):
    path = _labelled(tmp_path, "s.comparer", {"0": "conflict", "1": "agree"}, "Ana")
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / f"links.{fmt}"
        assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
        assert out.exists()
    frame = pd.read_csv(tmp_path / "links.csv", dtype=DTYPES, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert set(frame["label"]) >= {"conflict", "agree"}
    assert main(["export", str(path)]) == 0
    assert (tmp_path / "s.csv").exists()
    assert main(["export", str(path), "--annotator", "Nobody", "-o", str(tmp_path / "none.csv")]) == 0
    none = pd.read_csv(tmp_path / "none.csv", dtype=DTYPES, keep_default_na=False)
    assert set(none["annotator"]) == {""}
    assert main(["export", str(tmp_path / "missing.comparer")]) == 1
    assert "no such project" in capsys.readouterr().err


def test_agreement_command_pools_projects(tmp_path, capsys):
    one = _labelled(tmp_path, "ana.comparer", {"0": "conflict", "1": "agree", "2": "related"}, "Ana")
    two = _labelled(tmp_path, "ben.comparer", {"0": "conflict", "1": "related", "2": "related"}, "Ben")
    capsys.readouterr()
    assert main(["agreement", str(one), str(two)]) == 0
    out = capsys.readouterr().out
    assert "Annotators: Ana, Ben" in out
    assert "Raw agreement: 0.667" in out
    assert "Cohen's kappa:" in out
    assert "Krippendorff's alpha (nominal):" in out
    assert "Disagreements to adjudicate: 1" in out
    assert main(["agreement", str(one), str(two), "--annotator", "Ana", "--annotator", "Zed"]) == 1
    assert "no labels by Zed" in capsys.readouterr().err
