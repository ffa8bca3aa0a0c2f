"""Work shared with a forked child gives what one process gives, and falls back when it cannot."""

import json
import os
import threading

import pytest

from comparer.core.engine import align, judge, parallel
from comparer.core.engine import compare as compare_module
from comparer.core.engine.compare import compare
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.samples import load_samples
from comparer.core.formats.sources import source_from_text

needs_fork = pytest.mark.skipif(
    not parallel.available(), reason="work is shared only on Linux, with two cores, on the main thread"
)


def _pids(items):
    return [(item, os.getpid()) for item in items]


@pytest.fixture
def sharing(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)


@needs_fork
def test_the_second_half_is_worked_by_a_child_and_comes_back_in_order(sharing):
    out = parallel.in_two(_pids, list(range(10)), at_least=0)
    assert [item for item, _ in out] == list(range(10))
    pids = [pid for _, pid in out]
    assert set(pids[:5]) == {os.getpid()}
    assert os.getpid() not in pids[5:]


@needs_fork
def test_weights_put_the_cut_where_the_work_is_halved(sharing):
    out = parallel.in_two(_pids, ["small", "big"], at_least=0, weights=[1, 100])
    assert out[0][1] == os.getpid()
    assert out[1][1] != os.getpid()
    out = parallel.in_two(_pids, ["a", "b", "c", "d"], at_least=0, weights=[5, 1, 1, 5])
    assert [pid == os.getpid() for _, pid in out] == [True, True, False, False]


@needs_fork
def test_a_failing_child_leaves_its_part_to_this_process(sharing):
    parent = os.getpid()

    def fails_in_the_child(items):
        if os.getpid() != parent:
            raise RuntimeError("child failed")
        return [item * 2 for item in items]

    assert parallel.in_two(fails_in_the_child, [1, 2, 3, 4], at_least=0) == [2, 4, 6, 8]


@needs_fork
def test_a_child_that_is_killed_leaves_its_part_to_this_process(sharing):
    parent = os.getpid()

    def dies_in_the_child(items):
        if os.getpid() != parent:
            os._exit(9)
        return list(items)

    assert parallel.in_two(dies_in_the_child, [1, 2, 3], at_least=0) == [1, 2, 3]


@needs_fork
def test_an_error_in_this_process_is_raised_and_the_child_is_reaped(sharing, monkeypatch):
    children: list[int] = []
    fork = os.fork

    def recorded_fork():
        pid = fork()
        children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded_fork)

    def fails_here(items):
        if items and items[0] == 0:
            raise ValueError("bad first half")
        return list(items)

    with pytest.raises(ValueError, match="bad first half"):
        parallel.in_two(fails_here, [0, 1, 2, 3], at_least=0)
    assert len(children) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(children[0], os.WNOHANG)  # stopped and reaped, not left behind


def test_small_work_the_setting_and_a_worker_thread_keep_it_in_this_process(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    assert {pid for _, pid in parallel.in_two(_pids, [1, 2, 3, 4], at_least=5)} == {os.getpid()}
    monkeypatch.setenv(parallel.ENV, "1")
    assert not parallel.available()
    assert {pid for _, pid in parallel.in_two(_pids, [1, 2, 3, 4], at_least=0)} == {os.getpid()}
    monkeypatch.delenv(parallel.ENV)
    seen: list[set[int]] = []
    worker = threading.Thread(
        target=lambda: seen.append({pid for _, pid in parallel.in_two(_pids, [1, 2, 3, 4], at_least=0)})
    )
    worker.start()
    worker.join()
    assert seen == [{os.getpid()}]


def test_started_is_called_once_either_way(monkeypatch):
    calls: list[int] = []
    monkeypatch.setenv(parallel.ENV, "1")
    parallel.in_two(list, [1, 2], at_least=0, started=lambda: calls.append(1))
    monkeypatch.delenv(parallel.ENV)
    parallel.in_two(list, [1, 2], at_least=0, started=lambda: calls.append(2))
    assert calls == [1, 2]


_A = (
    "Flood water rose to 4.2 metres in Velden on Tuesday, the river authority said.\n"
    "At least 14 people died and 230 were injured, Mayor Ilse Brandt told reporters.\n"
    "“We have never seen the river this high,” Brandt said.\n"
    "About 3,000 residents were moved to schools on higher ground.\n"
)
_B = (
    "The river reached 4.5 metres at Velden on Tuesday.\n"
    "Twelve people were killed and more than 200 hurt, according to the mayor, Ilse Brant.\n"
    "“We have never seen the river so high,” the mayor said.\n"
    "Some 3,000 people spent the night in school halls.\n"
)


@needs_fork
@pytest.mark.parametrize("which", ["sample", "written"])
def test_a_shared_comparison_is_the_same_as_one_done_alone(sharing, monkeypatch, which):
    if which == "sample":
        sources = load_samples()
    else:
        sources = [source_from_text(_A, source_id="a"), source_from_text(_B, source_id="b")]
    monkeypatch.setenv(parallel.ENV, "1")
    alone = json.dumps(to_dict(compare(sources)), sort_keys=True)
    monkeypatch.delenv(parallel.ENV)
    # every stage shares its work, however small the comparison
    monkeypatch.setattr(compare_module, "PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(align, "PARALLEL_PAIRS", 0)
    monkeypatch.setattr(judge, "PARALLEL_LINKS", 0)
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or fork())
    shared = json.dumps(to_dict(compare(sources)), sort_keys=True)
    assert forks, "no stage shared its work"
    assert shared == alone
