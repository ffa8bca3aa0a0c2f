"""``comparer batch``: killed mid-run and resumed loses and duplicates nothing; Dask gives the same rows."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from comparer.cli import main


def _corpus(tmp_path, n=6):
    root = tmp_path / "corpus"
    for i in range(n):
        event = root / f"event{i}"
        event.mkdir(parents=True)
        (event / "one.txt").write_text(f"Officials said {10 + i} people were hurt in the fire on Monday.\n")
        (event / "two.txt").write_text(f"Officials said {20 + i} people were hurt in the fire on Monday.\n")
    (root / "lonely").mkdir()
    (root / "lonely" / "only.txt").write_text("A single account has nothing to be compared with.\n")
    return root


def _batch(args, env=None):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from comparer.cli import main; sys.exit(main(sys.argv[1:]))",
            "batch",
            *args,
        ],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def _rows(path):
    return pd.read_csv(path, keep_default_na=False).sort_values(["pair", "link"]).reset_index(drop=True)


def test_a_killed_run_resumed_loses_nothing_and_duplicates_nothing(tmp_path):
    root = _corpus(tmp_path)
    whole = tmp_path / "whole.csv"
    assert _batch([str(root), "-o", str(whole), "-q"]).returncode == 1  # the lonely event is skipped
    out = tmp_path / "links.csv"
    killed = _batch([str(root), "-o", str(out), "-q", "-j", "2"], {"COMPARER_BATCH_STOP_AFTER": "3"})
    assert killed.returncode != 0
    assert len((tmp_path / "links.csv.done").read_text().splitlines()) == 3
    with out.open("a") as fh:  # a pair half written when the process died
        fh.write("event5,L1,conf")
    resumed = _batch([str(root), "-o", str(out), "-q", "--resume"])
    assert "3 already written" in resumed.stderr
    assert "lonely: skipped" in resumed.stderr
    rows = _rows(out)
    assert not rows.duplicated().any()
    pd.testing.assert_frame_equal(rows, _rows(whole))
    assert sorted(set(rows["pair"])) == [f"event{i}" for i in range(6)]


def test_a_bad_pair_is_reported_and_the_others_written(tmp_path, capsys):
    out = tmp_path / "links.csv"
    assert main(["batch", str(_corpus(tmp_path, 2)), "-o", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "lonely: skipped: needs at least two accounts" in err
    assert "2 of 3 compared" in err
    assert set(_rows(out)["pair"]) == {"event0", "event1"}


def test_dask_on_two_local_workers_gives_the_rows_of_the_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    from functools import partial

    from comparer.cli.batch_cmd import compare_job, jobs_of
    from comparer.core.batch import ResumableOutput, run_jobs

    jobs = jobs_of(_corpus(tmp_path, 3))
    work = partial(compare_job, fmt="csv", min_score=None)
    texts = {}
    for name in ("local", "dask"):
        out = ResumableOutput(tmp_path / f"{name}.csv", "", resume=False)
        if name == "local":
            outcomes = run_jobs(work, jobs, out)
        else:
            cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False)
            with cluster, distributed.Client(cluster) as client:
                outcomes = run_jobs(work, jobs, out, client=client)
        out.close()
        assert [o.name for o in outcomes if o.error] == ["lonely"]
        texts[name] = (tmp_path / f"{name}.csv").read_text()
    assert texts["dask"] == texts["local"]
    assert texts["local"].count("\n") >= 3


def _dies_on_event1(job):
    from comparer.core.batch import Outcome

    if job.name == "event1":
        os._exit(3)  # a worker killed mid-job (out of memory, a signal)
    return Outcome(job.name, f"{job.name}\n")


def test_a_worker_killed_mid_run_costs_its_jobs_not_the_run(tmp_path):
    from comparer.cli.batch_cmd import jobs_of
    from comparer.core.batch import ResumableOutput, run_jobs

    jobs = jobs_of(_corpus(tmp_path, 4))
    out = ResumableOutput(tmp_path / "out.txt", "", resume=False)
    outcomes = run_jobs(_dies_on_event1, jobs, out, workers=2)
    out.close()
    assert [o.name for o in outcomes] == [j.name for j in jobs]  # every job is answered
    lost = [o for o in outcomes if o.error]
    assert "event1" in {o.name for o in lost}
    assert all("worker died" in o.error for o in lost)
    written = (tmp_path / "out.txt").read_text().split()
    assert set(written) == {o.name for o in outcomes if not o.error}
    again = ResumableOutput(tmp_path / "out.txt", "", resume=True)  # a rerun redoes only the lost jobs
    again.close()
    assert again.done == set(written)
