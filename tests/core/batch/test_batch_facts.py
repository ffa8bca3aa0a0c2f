"""``comparer batch --facts FILE``: each event's accounts compared together, and who gave which figure."""

import os
import subprocess
import sys

import pandas as pd

from comparer.cli import main
from comparer.cli.compare_cmd import FACT_COLUMNS

QUAKE = {
    "one.txt": "An earthquake struck Valdora on Monday. Officials said 41 people were killed.\n",
    "two.txt": "The earthquake in Valdora on Monday killed 44 people, the regional governor said.\n",
    "three.txt": "Rescuers in Valdora said 41 people died in Monday's earthquake.\n",
}
FLOOD = {
    "north.txt": "Floods in Merrow displaced 1,200 families on Friday, the aid agency said.\n",
    "south.txt": "The aid agency said 1,200 families were displaced by the floods in Merrow on Friday.\n",
}


def _corpus(tmp_path, events):
    root = tmp_path / "corpus"
    for name, files in events.items():
        (root / name).mkdir(parents=True)
        for file, text in files.items():
            (root / name / file).write_text(text, encoding="utf-8")
    return root


def _facts(path):
    return pd.read_csv(path, keep_default_na=False, dtype=str)


def test_each_event_gets_its_fact_table_with_every_account(tmp_path, capsys):
    root = _corpus(tmp_path, {"quake": QUAKE, "flood": FLOOD})
    out, facts = tmp_path / "links.csv", tmp_path / "facts.csv"
    assert main(["batch", str(root), "-o", str(out), "--facts", str(facts), "-q", "-j", "1"]) == 0
    table = _facts(facts)
    assert list(table.columns) == ["event", *FACT_COLUMNS, "file"]
    assert set(table["event"]) == {"quake", "flood"}
    deaths = table[(table["event"] == "quake") & (table["measure"] == "deaths")]
    said = {row.file.rsplit("/", 1)[-1]: row.value for row in deaths.itertuples()}
    assert said == {"one.txt": "41", "two.txt": "44", "three.txt": "41"}  # the three accounts, in one table
    assert set(deaths["source"]) == {"a", "b", "c"}
    assert set(deaths["outlet"]) == set(QUAKE)  # files with no outlet or title go by their names
    flood = table[table["event"] == "flood"]
    assert set(flood["file"].str.rsplit("/", n=1).str[-1]) == {"north.txt", "south.txt"}
    assert not (flood["file"].str.contains("/quake/")).any()
    assert "1200" in set(flood["value"].str.replace(",", ""))
    # the links of an event of three accounts join every pair of them
    links = pd.read_csv(out, keep_default_na=False)
    quake = links[links["pair"] == "quake"]
    assert {frozenset(p) for p in zip(quake["source_a"], quake["source_b"], strict=True)} == {
        frozenset("ab"),
        frozenset("ac"),
        frozenset("bc"),
    }


def test_jsonl_output_and_a_fact_table_side_by_side(tmp_path):
    root = _corpus(tmp_path, {"quake": QUAKE})
    out, facts = tmp_path / "links.jsonl", tmp_path / "facts.csv"
    assert main(["batch", str(root), "-o", str(out), "--facts", str(facts), "-q", "-j", "1"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1
    assert set(_facts(facts)["event"]) == {"quake"}


def _batch(args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "comparer", "batch", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_killed_run_resumed_writes_each_events_facts_once(tmp_path):
    events = {
        f"event{i}": {k: v.replace("Valdora", f"Valdor{i}") for k, v in QUAKE.items()} for i in range(4)
    }
    root = _corpus(tmp_path, events)
    whole = tmp_path / "whole-facts.csv"
    assert _batch([str(root), "-o", str(tmp_path / "whole.csv"), "--facts", str(whole), "-q"]).returncode == 0
    out, facts = tmp_path / "links.csv", tmp_path / "facts.csv"
    args = [str(root), "-o", str(out), "--facts", str(facts), "-q"]
    killed = _batch([*args, "-j", "2"], {"COMPARER_BATCH_STOP_AFTER": "2"})
    assert killed.returncode != 0
    with facts.open("a", encoding="utf-8") as fh:  # an event half written when the process died
        fh.write("event2,T1,deaths,,a")
    no_facts = _batch([str(root), "-o", str(out), "-q", "--resume"])
    assert no_facts.returncode != 0
    assert "resume with the same outputs (--facts)" in no_facts.stderr
    resumed = _batch([*args, "--resume"])
    assert resumed.returncode == 0, resumed.stderr
    assert "2 already written" in resumed.stderr
    pd.testing.assert_frame_equal(_facts(facts), _facts(whole))
    assert sorted(set(_facts(facts)["event"])) == list(events)
