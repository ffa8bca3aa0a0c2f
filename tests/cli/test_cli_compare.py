"""`comparer compare` as a user runs it."""

import csv
import io
import json
from dataclasses import replace
from importlib import resources

import jsonschema
import pytest

from comparer.cli import main
from comparer.core.engine.compare import compare
from comparer.core.engine.model import RoleHint, Span
from comparer.core.engine.serialize import from_dict, to_dict
from comparer.core.formats.samples import load_samples, sample_paths

SCHEMA = json.loads(
    (resources.files("comparer.resources") / "schema" / "comparer-2.schema.json").read_text("utf-8")
)


@pytest.fixture
def pair():
    return [str(p) for p in sample_paths()]


def test_text_output_groups_findings_by_kind_and_shows_both_passages(pair, capsys):
    assert main(["compare", *pair]) == 0
    out = capsys.readouterr().out
    assert "== quote wording" in out
    assert "We do not seek an escalation or war" in out
    assert "We do not seek escalation or war" in out
    assert "== checks within one source ==" in out
    assert "22 missiles = 17 + five" in out


def test_text_output_shows_a_finding_raised_on_several_links_once(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Iran fired 22 missiles at US bases in Iraq overnight.\n", encoding="utf-8")
    b.write_text(
        "Iran fired missiles at US bases in Iraq overnight.\n\n"
        "The missiles that Iran fired hit two US bases in Iraq.\n",
        encoding="utf-8",
    )
    assert main(["compare", str(a), str(b), "--all"]) == 0
    out = capsys.readouterr().out
    assert out.count("only a gives figures for missile (22)") == 1
    assert "links: L1, L2" in out


def test_json_output_follows_the_documented_schema(pair, capsys):
    assert main(["compare", *pair, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for claim in data["claims"]:
        assert texts[claim["source"]][claim["start"] : claim["end"]] == claim["text"]
    assert data["options"]["min_score"] > 0


def test_csv_output_has_a_row_per_link(pair, tmp_path):
    out = tmp_path / "links.csv"
    assert main(["compare", *pair, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows
    assert {"relation", "score", "kinds", "text_a", "text_b", "why"} <= set(rows[0])


def test_three_sources_link_claims_of_any_two(pair, tmp_path, capsys):
    third = tmp_path / "wire.txt"
    third.write_text("Iran fired 15 missiles at two US bases in Iraq, officials said.\n", encoding="utf-8")
    assert main(["compare", *pair, str(third), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    source_pairs = {
        (a.split(":")[0], b.split(":")[0]) for a, b in ((link["a"], link["b"]) for link in data["links"])
    }
    assert {("a", "c"), ("b", "c")} & source_pairs
    conflicts = [f for f in data["findings"] if f["kind"] == "number_conflict"]
    assert any("15" in (f["values"][1] or "") for f in conflicts)


def test_date_override_and_stdin(tmp_path, monkeypatch, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Trump will make a statement on January 8, officials said.\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("Trump is due to speak on Wednesday, officials said.\n"))
    assert (
        main(["compare", str(a), "-", "--date", "a=2020-01-08", "--date", "b=2020-01-08", "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert [s["published"] for s in data["sources"]] == ["2020-01-08", "2020-01-08"]
    kinds = {f["kind"] for f in data["findings"]}
    assert "date_equivalent" in kinds


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_bytes(b"\x00\x01\x02binary" * 10), "binary file"),
        (lambda p: p.write_text("   \n\n  ", encoding="utf-8"), "no text"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(pair, tmp_path, capsys, make, message):
    bad = tmp_path / "bad.txt"
    make(bad)
    assert main(["compare", pair[0], str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert str(bad) in err
    assert message in err


def test_bad_options_are_reported_not_raised(pair, capsys):
    assert main(["compare", *pair, "--date", "a=yesterday"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["compare", *pair, "--date", "z=2020-01-01"]) == 1
    assert "no source with id z" in capsys.readouterr().err


def test_one_file_is_not_enough(pair, capsys):
    assert main(["compare", pair[0]]) == 1
    assert "at least two" in capsys.readouterr().err


def test_python_dash_m_runs_the_command_line(pair):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "comparer", "compare", *pair, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["schema"] == "comparer/2"


def test_role_hints_survive_json_and_follow_the_schema():
    a, b = load_samples()
    a = replace(a, role_hints=(RoleHint(Span(0, 10), "boilerplate"), *a.role_hints))
    data = json.loads(json.dumps(to_dict(compare([a, b]))))
    jsonschema.validate(data, SCHEMA)
    back = from_dict(data)
    assert back.sources[0].role_hints == a.role_hints
    assert back.sources[1].role_hints == b.role_hints
