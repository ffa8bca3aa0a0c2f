"""Time ``comparer batch`` on a generated corpus: one process, every core, and Dask on 2 local workers.

The corpus is a folder of events, each holding two generated accounts (``synthetic.make_pair``: B retells
A reworded and reordered, with sentences of its own), so every event is one pair. Each run is the command
itself in a fresh process (start-up, reading the corpus, the pool or cluster, writing and journalling the
output all count), and all three run in the same invocation so their ratios are comparable even on a
machine other work is using; the load average is printed with the figures.

Run: ``.venv/bin/python bench/bench_batch.py`` (``--pairs 2000 --sentences 12 --repeats 2`` by default).

``--grouping EVENTS`` measures ``--group-events`` instead: a flat pile of generated accounts of EVENTS
made-up events (four accounts each, with invented names, places and figures of their own, plus names,
days and figures every event's accounts use), grouped in this process; it prints the time taken, the
pairs compared against all pairs, and how many of the true same-event pairs the groups keep
(recall) and how many of the pairs they compare are true ones (precision).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_pair

MODES = {
    "one process": ["-j", "1"],
    "all cores": [],
    "dask 2 local workers": ["--dask", "-j", "2"],
}


def make_corpus(root: Path, pairs: int, sentences: int) -> None:
    """``pairs`` event folders of two accounts of about ``sentences`` sentences each."""
    for i in range(pairs):
        a, b = make_pair(sentences, seed=i)
        event = root / f"event{i:05d}"
        event.mkdir(parents=True)
        (event / "a.txt").write_text(a, encoding="utf-8")
        (event / "b.txt").write_text(b, encoding="utf-8")


def run_batch(corpus: Path, out: Path, extra: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds, and the CPU seconds of the command's own process (the
    parent: start-up, reading the plan, writing and journalling) of one ``comparer batch`` run,
    in a fresh process.

    The CPU time is summed over the command and every process under it (pool workers are the
    forkserver's children, Dask's are the nanny's), sampled every 0.1 s, so a process's last
    tenth of a second may be missed. CPU over wall time is how many cores the run got: on a
    machine other work is using, a run can be slow for want of cores rather than for its own cost.
    The parent's and the others' CPU a pair do not depend on the load.
    """
    import psutil  # comes with distributed

    cmd = [sys.executable, "-m", "comparer", "batch", str(corpus), "-o", str(out), "-q", *extra]
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as proc:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                tree = []
            for p in tree:
                try:
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                except psutil.NoSuchProcess:
                    pass
            time.sleep(0.1)
        err = proc.stderr.read() if proc.stderr else ""
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, sum(cpu.values()), cpu.get(proc.pid, 0.0)


SYLLABLES = (
    "ka lo mi ren tas vu dor fen gal hir jun ket lim nor pas quen rol sef tim ulv var wen yor zed".split()
)
SHARED_NAMES = [
    "Police",
    "Reuters",
    "the United Nations",
    "Red Cross",
    "Geneva",
    "London",
    "Monday",
    "Friday",
]


def _invented(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.sample(SYLLABLES, 3)).capitalize() for _ in range(words))


def make_pile(events: int, per_event: int = 4, seed: int = 11) -> list[tuple[str, str, int]]:
    """Accounts of ``events`` made-up events: (file name, text, event), in shuffled order."""
    rng = random.Random(seed)
    out: list[tuple[str, str, int]] = []
    start = date(2031, 1, 1)
    for e in range(events):
        people = [_invented(rng, 2) for _ in range(3)]
        place = _invented(rng, 1)
        figures = [rng.randint(11, 4000) for _ in range(3)]
        day = start + timedelta(days=e // 10)
        for k in range(per_event):
            published = day + timedelta(days=rng.randint(0, 2))
            said = rng.sample(people, 2)
            weekday, agency = rng.choice(SHARED_NAMES[-2:]), rng.choice(SHARED_NAMES[:4])
            lines = [
                f"Published: {published.isoformat()}",
                f"{said[0]} said {figures[0]} people were hurt in {place} on {weekday}.",
                f"{agency} said {figures[1]} homes were damaged, according to {said[1]}.",
                f"Officials in {place} counted {rng.choice(figures)} families who had left.",
                f"{rng.choice(SHARED_NAMES[2:6])} sent {rng.randint(11, 4000)} tents, {said[1]} said.",
            ]
            rng.shuffle(lines[1:])
            out.append((f"e{e:05d}-{k}.txt", "\n\n".join(lines) + "\n", e))
    rng.shuffle(out)
    return out


def bench_grouping(events: int) -> None:
    """Group a generated pile and say how fast and how well."""
    from itertools import combinations

    from comparer.core.formats.sources import source_from_text
    from comparer.core.grouping import account_of, group_accounts

    pile = make_pile(events)
    truth = {name: e for name, _, e in pile}
    start = time.perf_counter()
    accounts = [account_of(source_from_text(text, source_id="a", path=name)) for name, text, _ in pile]
    read = time.perf_counter() - start
    start = time.perf_counter()
    grouping = group_accounts(accounts)
    grouped = time.perf_counter() - start
    same = {
        frozenset(p)
        for p in combinations(range(len(pile)), 2)
        if truth[pile[p[0]][0]] == truth[pile[p[1]][0]]
    }
    compared = {frozenset(p) for g in grouping.groups for p in combinations(g, 2)}
    kept = len(same & compared)
    print(f"{len(pile)} accounts of {events} events; load {load()}")
    each = 1000 * read / len(pile)
    print(f"  reading the marks: {read:.1f} s ({each:.1f} ms an account), grouping: {grouped:.2f} s")
    print(f"  {grouping.summary()}")
    print(
        f"  same-event pairs kept: {kept} of {len(same)} (recall {kept / len(same):.3f}); "
        f"pairs compared that are same-event: {kept} of {len(compared)} "
        f"(precision {kept / max(len(compared), 1):.3f})"
    )


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=2000, help="events (one pair each) in the corpus")
    parser.add_argument("--sentences", type=int, default=12, help="sentences per account")
    parser.add_argument("--repeats", type=int, default=2, help="rounds of the three runs")
    parser.add_argument("--modes", default=",".join(MODES), help="which runs, comma-separated")
    parser.add_argument("--grouping", type=int, metavar="EVENTS", help="measure --group-events instead")
    args = parser.parse_args()
    if args.grouping:
        bench_grouping(args.grouping)
        return
    modes = [m.strip() for m in args.modes.split(",")]
    print(f"{os.cpu_count()} cores; corpus: {args.pairs} pairs of {args.sentences}-sentence accounts")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.pairs, args.sentences)
        rates: dict[str, list[float]] = {m: [] for m in modes}
        for round_ in range(1, args.repeats + 1):
            for mode in modes:
                before = load()
                seconds, cpu, parent = run_batch(corpus, Path(tmp) / "links.csv", MODES[mode])
                rate = args.pairs / seconds
                rates[mode].append(rate)
                each = 1000 * cpu / args.pairs
                print(
                    f"round {round_}  {mode:<22} {seconds:7.1f} s  {rate:6.1f} pairs/s  "
                    f"CPU {cpu:6.1f} s ({cpu / seconds:.2f} cores, {each:.1f} ms a pair; "
                    f"parent {parent:.1f} s)  load before {before}, after {load()}",
                    flush=True,
                )
    base = max(rates[modes[0]])
    print("best of each, and against", modes[0] + ":")
    for mode in modes:
        best = max(rates[mode])
        print(f"  {mode:<22} {best:6.1f} pairs/s  {best / base:4.2f}x")


if __name__ == "__main__":
    main()
