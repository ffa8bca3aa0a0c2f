"""The command line: compare --project, export and agreement."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

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
        assert len(project.run_ids()) == 1
        assert project.links()
        assert [s.path for s in project.comparison().sources] == _samples()
    assert main(["compare", *_samples(), "--project", str(path), "-o", str(tmp_path / "out.txt")]) == 0
    with Project.open(path) as project:
        assert len(project.run_ids()) == 2


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


def _two_comparisons(tmp_path) -> str:
    """A project of the sample pair (comparison 1) and of two accounts written here (comparison 2)."""
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text(
        "The bridge reopened on Monday after 14 weeks of repairs, the council said.\n", encoding="utf-8"
    )
    two.write_text(
        "The bridge reopened on Monday after 12 weeks of repairs, engineers said.\n", encoding="utf-8"
    )
    path = tmp_path / "two.comparer"
    out = str(tmp_path / "o.txt")
    assert main(["compare", *_samples(), "--project", str(path), "-o", out]) == 0
    assert main(["compare", str(one), str(two), "--project", str(path), "-o", out]) == 0
    assert main(["compare", *_samples(), "--project", str(path), "-o", out]) == 0  # a run of comparison 1
    with Project.open(path) as project:
        assert [c.runs for c in project.comparisons()] == [2, 1]
        project.use(2)
        project.set_label(project.links()[0].id, "conflict", annotator="Kim")
    return str(path)


def test_export_and_report_choose_a_comparison(tmp_path, capsys):
    path = _two_comparisons(tmp_path)
    capsys.readouterr()
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert main(["export", path, "-o", str(first)]) == 0
    assert "holds 2 comparisons; using 1" in capsys.readouterr().err
    assert main(["export", path, "--comparison", "2", "-o", str(second)]) == 0
    rows_first = pd.read_csv(first, dtype=DTYPES, keep_default_na=False)
    rows_second = pd.read_csv(second, dtype=DTYPES, keep_default_na=False)
    assert "Kim" not in set(rows_first["annotator"])
    assert set(rows_second["annotator"]) == {"Kim"}
    assert rows_second["text_a"].str.contains("14 weeks").any()
    assert not rows_first["text_a"].str.contains("14 weeks").any()
    assert main(["export", path, "--comparison", "3", "-o", str(second)]) == 1
    assert "no comparison 3; it holds 2" in capsys.readouterr().err
    html = tmp_path / "second.html"
    assert main(["report", path, "--comparison", "2", "-o", str(html)]) == 0
    assert "12 weeks" in html.read_text(encoding="utf-8")
    assert main(["agreement", path, "--comparison", "2"]) == 0
    assert "Kim" in capsys.readouterr().out


def test_the_help_says_the_first_comparison_is_the_default(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "default: the first" in " ".join(capsys.readouterr().out.split())


def test_agreement_reads_each_project_on_its_comparison_of_the_same_accounts(tmp_path, capsys):
    ana = _labelled(tmp_path, "ana.comparer", {"0": "conflict", "1": "agree"}, "Ana")
    ben = tmp_path / "ben.comparer"
    one, two = tmp_path / "x.txt", tmp_path / "y.txt"
    one.write_text(
        "The bridge reopened on Monday after 14 weeks of repairs, the council said.\n", encoding="utf-8"
    )
    two.write_text(
        "The bridge reopened on Monday after 12 weeks of repairs, engineers said.\n", encoding="utf-8"
    )
    out = str(tmp_path / "o.txt")
    assert main(["compare", str(one), str(two), "--project", str(ben), "-o", out]) == 0  # comparison 1
    assert main(["compare", *_samples(), "--project", str(ben), "-o", out]) == 0  # comparison 2: the sample
    with Project.open(ben) as project:
        assert project.current_number == 1
        project.set_label(project.links()[0].id, "agree", annotator="Zoe")  # on the bridge pair
        project.use(2)
        ids = [row.id for row in project.links()]
        project.set_label(ids[0], "conflict", annotator="Ben")
        project.set_label(ids[1], "related", annotator="Ben")
    capsys.readouterr()
    assert main(["agreement", str(ana), str(ben)]) == 0
    captured = capsys.readouterr()
    assert "Annotators: Ana, Ben" in captured.out  # Zoe labelled other accounts: not pooled
    assert "Raw agreement: 0.500" in captured.out
    assert "different sources" not in captured.err


def test_compare_says_which_comparison_of_the_project_it_saved_to(tmp_path, capsys):
    _two_comparisons(tmp_path)
    err = capsys.readouterr().err
    assert "(comparison 1 of 1)" in err
    assert "(comparison 2 of 2)" in err
    assert err.rstrip().endswith("(comparison 1 of 2)")
