"""How a batch shares the work: one thread per worker, chunks that shrink at the end, syncs that
never leave a resumed run with a hole."""

import os

from comparer.core.batch import Job, Outcome, ResumableOutput, _chunks, parallel_map, run_jobs


def _threads_setting(job):
    return Outcome(job.name, f"{job.name} {os.environ.get('TOKENIZERS_PARALLELISM')}\n")


def _jobs(n):
    return [Job(f"job{i}", ()) for i in range(n)]


def test_workers_and_the_inline_run_turn_off_the_tokenizers_threads(tmp_path, monkeypatch):
    monkeypatch.delenv("TOKENIZERS_PARALLELISM", raising=False)
    for workers in (1, 2):
        out = ResumableOutput(tmp_path / f"out{workers}.txt", "", resume=False)
        run_jobs(_threads_setting, _jobs(4), out, workers=workers)
        out.close()
        lines = (tmp_path / f"out{workers}.txt").read_text().splitlines()
        assert lines == [f"job{i} false" for i in range(4)]
    assert "TOKENIZERS_PARALLELISM" not in os.environ  # the inline run puts the setting back


def test_a_setting_the_user_gave_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TOKENIZERS_PARALLELISM", "true")  # workers inherit it from the start
    got = dict(parallel_map(_threads_setting, _jobs(3), workers=1))
    assert {o.text.split()[1] for o in got.values()} == {"true"}
    assert os.environ["TOKENIZERS_PARALLELISM"] == "true"


def test_chunks_cover_every_item_in_order_and_end_single():
    items = list(range(100))
    chunks = list(_chunks(items, 8, 2))
    assert [x for _, chunk in chunks for x in chunk] == items
    assert [start for start, _ in chunks] == [chunk[0] for _, chunk in chunks]
    sizes = [len(chunk) for _, chunk in chunks]
    assert max(sizes) == 8
    assert sizes == sorted(sizes, reverse=True)  # never a bigger chunk after a smaller one
    assert sizes[-8:] == [1] * 8  # the last chunks hold one item each
    assert [len(c) for _, c in _chunks(items, 1, 2)] == [1] * 100


def test_journal_lines_past_what_reached_the_disk_are_done_again(tmp_path):
    path = tmp_path / "out.txt"
    out = ResumableOutput(path, "head\n", resume=False, sync_every=3600.0)
    for i in range(4):
        out.write(Outcome(f"job{i}", f"text of job{i}\n"))
    out.close()
    whole = path.read_text()
    kept = len("head\n") + 2 * len("text of job0\n")
    with path.open("r+b") as raw:  # the machine went down with two jobs' texts still unsynced
        raw.truncate(kept + 4)
    again = ResumableOutput(path, "head\n", resume=True)
    assert again.done == {"job0", "job1"}
    again.write(Outcome("job2", "text of job2\n"))
    again.write(Outcome("job3", "text of job3\n"))
    again.close()
    assert path.read_text() == whole
    journal = (tmp_path / "out.txt.done").read_text().splitlines()
    assert [line.split(",")[0] for line in journal] == [f'["job{i}"' for i in range(4)]


def test_every_job_is_handed_to_the_system_before_its_journal_line(tmp_path):
    path = tmp_path / "out.txt"
    out = ResumableOutput(path, "", resume=False, sync_every=3600.0)
    out.write(Outcome("job0", "text of job0\n"))
    # Not closed, not synced: a process killed now has still lost nothing it journalled.
    assert path.read_text() == "text of job0\n"
    assert (tmp_path / "out.txt.done").read_text() == '["job0", 13]\n'
    out.close()
