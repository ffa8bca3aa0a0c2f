"""``comparer batch --dask ADDRESS``: a scheduler elsewhere, workers that may not see the corpus."""

import pandas as pd
import pytest

from comparer.cli import main
from comparer.cli.batch_cmd import compare_job
from comparer.core.batch import Job, chunk_size


def _corpus(tmp_path, n=3):
    root = tmp_path / "corpus"
    for i in range(n):
        event = root / f"event{i}"
        event.mkdir(parents=True)
        (event / "one.txt").write_text(
            f"The council said {30 + i} buses were taken off the road on Friday.\n"
        )
        (event / "two.txt").write_text(
            f"The council said {40 + i} buses were taken off the road on Friday.\n"
        )
    return root


def _rows(path):
    return pd.read_csv(path, keep_default_na=False).sort_values(["pair", "link"]).reset_index(drop=True)


def test_a_job_sent_with_its_bytes_needs_no_file(tmp_path):
    texts = (
        b"The council said 30 buses were taken off the road.\n",
        b"The council said 40 buses were taken off.\n",
    )
    job = Job("sent", (tmp_path / "gone" / "one.txt", tmp_path / "gone" / "two.txt"), data=texts)
    outcome = compare_job(job, "csv", None, facts=True)
    assert "number_conflict" in outcome.text
    assert "gone/one.txt" in outcome.extra[0]  # the fact table still names the file
    with pytest.raises(Exception, match=r"one\.txt"):  # without its bytes the job reads the file
        compare_job(Job("read", job.files), "csv", None)


def test_a_scheduler_at_an_address_with_files_sent_gives_the_local_rows(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    root = _corpus(tmp_path)
    local = tmp_path / "local.csv"
    assert main(["batch", str(root), "-o", str(local), "-q", "-j", "1"]) == 0
    monkeypatch.chdir(tmp_path)  # a relative corpus path is made absolute for workers elsewhere
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False)
    with cluster:
        for extra in ([], ["--send-files"]):
            out = tmp_path / "remote.csv"
            args = ["batch", "corpus", "-o", str(out), "-q", "--dask", cluster.scheduler_address, *extra]
            assert main(args) == 0
            pd.testing.assert_frame_equal(_rows(out), _rows(local))


def test_options_that_need_another_are_refused(tmp_path, capsys):
    assert main(["batch", str(_corpus(tmp_path)), "-o", str(tmp_path / "x.csv"), "--send-files"]) == 1
    assert "--send-files is for --dask" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "corpus"), "-o", str(tmp_path / "x.csv"), "--window", "9"]) == 1
    assert "--groups and --window are for --group-events" in capsys.readouterr().err


def test_chunks_are_small_and_many_per_worker():
    assert chunk_size(3, 2) == 1
    assert chunk_size(2000, 2) == 8
    assert chunk_size(100, 2) == 6
    assert chunk_size(100, 64) == 1
