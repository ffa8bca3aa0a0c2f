"""Time the engine against a hand-rolled baseline in the same run.

Baseline: split both accounts into sentences, then rapidfuzz ``process.cdist``
with ``token_set_ratio`` over all sentence pairs on all cores, keeping each
sentence's best match above 70. Engine: ``comparer.compare`` end to end.

Each measurement runs in a fresh process so peak memory (max RSS) is its own.
Run: ``.venv/bin/python bench/bench_engine.py`` (add ``--sizes 2000`` for a quick run).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def run_one(kind: str, sentences: int, texts: str = "generated") -> dict[str, float]:
    """One measurement, in this process."""
    from rapidfuzz import fuzz, process, utils
    from realistic import make_real_pair
    from synthetic import make_pair

    from comparer.core.engine.compare import compare
    from comparer.core.engine.segment import segment
    from comparer.core.formats.sources import source_from_text

    text_a, text_b = make_pair(sentences) if texts == "generated" else make_real_pair(sentences)
    cpu_start = _cpu_seconds()
    start = time.perf_counter()
    if kind == "baseline":
        sa = source_from_text(text_a, source_id="a")
        sb = source_from_text(text_b, source_id="b")
        ca = [c.text for c in segment(sa)]
        cb = [c.text for c in segment(sb)]
        scores = process.cdist(
            ca, cb, scorer=fuzz.token_set_ratio, processor=utils.default_process, workers=-1, dtype="uint8"
        )
        best = scores.argmax(axis=1)
        links = int((scores.max(axis=1) >= 70).sum())
        del best
        claims = len(ca) + len(cb)
    else:
        result = compare([source_from_text(text_a, source_id="a"), source_from_text(text_b, source_id="b")])
        links = len(result.links)
        claims = len(result.claims)
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": elapsed, "cpu": cpu, "peak_mb": peak_mb, "links": links, "claims": claims}


def _cpu_seconds() -> float:
    """CPU time of this process so far, all its threads (the baseline's cdist runs on every core)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def sample_warm(repeats: int = 5) -> float:
    """Median seconds to compare the bundled sample pair once everything is loaded."""
    from comparer.core.engine.compare import compare
    from comparer.core.formats.samples import load_samples

    sources = load_samples()
    compare(sources)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        compare(sources)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(kind: str, sentences: int, texts: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, "--sizes", str(sentences), "--texts", texts],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="2000,10000", help="sentences per account, comma-separated")
    parser.add_argument(
        "--texts",
        default="generated,real",
        help="generated (bench/synthetic.py), real (corpus sentences, bench/realistic.py), or both",
    )
    parser.add_argument("--one", choices=("baseline", "engine"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.one:
        print(json.dumps(run_one(args.one, sizes[0], args.texts)))
        return
    print(f"sample pair, warm: {sample_warm() * 1000:.0f} ms (median of 5)")
    # CPU seconds beside the wall clock: on a machine others are using, the baseline (every core) loses
    # more wall time than the engine (one core), and the CPU columns show the work itself.
    header = (
        "texts",
        "sentences",
        "baseline s",
        "engine s",
        "ratio",
        "base CPU",
        "engine CPU",
        "base MB",
        "engine MB",
    )
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (9, 10, 11, 9, 6, 9, 11, 8, 10), strict=True)))
    for texts in args.texts.split(","):
        for n in sizes:
            base = measure("baseline", n, texts)
            eng = measure("engine", n, texts)
            ratio = eng["seconds"] / base["seconds"]
            print(
                f"{texts:>9} {n:>10} {base['seconds']:>11.2f} {eng['seconds']:>9.2f} {ratio:>6.2f} "
                f"{base['cpu']:>9.2f} {eng['cpu']:>11.2f} {base['peak_mb']:>8.0f} {eng['peak_mb']:>10.0f}"
            )


if __name__ == "__main__":
    main()
