"""The same accounts give the same output, byte for byte, whatever Python's string hashing is."""

import os
import subprocess
import sys

import pytest

from comparer.core.formats.samples import sample_paths

# Two accounts whose shared words are equally rare, so any order taken from a set shows.
_A = (
    "Harbour officials said the ferry carried crates of glimmerstone, fernwhisk and brackleweed "
    "when it ran aground on Friday.\nThe crew of twelve was taken off by lifeboat.\n"
)
_B = (
    "The ferry, loaded with brackleweed, fernwhisk and glimmerstone, ran aground on Friday, "
    "harbour officials said.\nTwelve crew members were rescued by a lifeboat.\n"
)


def _run(tmp_path, paths, seed: str) -> bytes:
    out = tmp_path / f"out-{seed}.json"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "comparer",
            "compare",
            *map(str, paths),
            "--format",
            "json",
            "--all",
            "-o",
            str(out),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    return out.read_bytes()


def _tied_pair(tmp_path):
    (tmp_path / "a.txt").write_text(_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_B, encoding="utf-8")
    return [tmp_path / "a.txt", tmp_path / "b.txt"]


@pytest.mark.parametrize("accounts", ["sample", "tied words"])
def test_two_runs_with_different_string_hashing_write_the_same_comparison(tmp_path, accounts):
    paths = sample_paths() if accounts == "sample" else _tied_pair(tmp_path)
    assert _run(tmp_path, paths, "1") == _run(tmp_path, paths, "2")
