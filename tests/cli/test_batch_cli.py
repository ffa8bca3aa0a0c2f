"""``comparer batch``: a corpus as a folder of folders or as a manifest, one bad pair skipped."""

import json
import shutil

import pandas as pd

from comparer.cli import main
from comparer.core.formats.samples import sample_paths


def _corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "iran").mkdir(parents=True)
    for path in sample_paths():
        shutil.copy(path, root / "iran" / path.name)
    (root / "fire").mkdir()
    (root / "fire" / "one.txt").write_text("Officials said 12 people were hurt in the fire on Monday.\n")
    (root / "fire" / "two.txt").write_text("Officials said 15 people were hurt in the fire on Monday.\n")
    return root


def test_a_folder_of_folders_gives_one_csv_with_a_pair_column(tmp_path, capsys):
    out = tmp_path / "links.csv"
    assert main(["batch", str(_corpus(tmp_path)), "-o", str(out)]) == 0
    links = pd.read_csv(out, keep_default_na=False)
    assert set(links["pair"]) == {"iran", "fire"}
    fire = links[links["pair"] == "fire"]
    assert fire["relation"].tolist() == ["conflict"]
    assert "number_conflict" in fire["kinds"].iloc[0]
    assert "2 of 2 compared" in capsys.readouterr().err


def test_a_manifest_with_dates_and_a_bad_row(tmp_path, capsys):
    root = _corpus(tmp_path)
    (root / "day-a.txt").write_text("The talks collapsed last Friday.\n")
    (root / "day-b.txt").write_text("The talks collapsed on March 10.\n")
    manifest = root / "pairs.csv"
    manifest.write_text(
        "pair,a,b,date_a,date_b\n"
        "days,day-a.txt,day-b.txt,2023-03-14,2023-03-14\n"
        "missing,day-a.txt,nowhere.txt,,\n"
        "fire,fire/one.txt,fire/two.txt,,\n"
    )
    out = tmp_path / "links.jsonl"
    assert main(["batch", str(manifest), "-o", str(out)]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["pair"] for r in rows] == ["days", "fire"]
    days = rows[0]
    assert days["schema"] == "comparer/2"
    assert [s["published"] for s in days["sources"]] == ["2023-03-14", "2023-03-14"]
    kinds = {f["kind"] for f in days["findings"]}
    assert "date_equivalent" in kinds
    err = capsys.readouterr().err
    assert "missing: skipped" in err
    assert "nowhere.txt" in err
    assert "2 of 3 compared" in err


def test_a_corpus_that_is_not_there_is_one_line(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "no such folder or manifest" in err
