"""Reads are bounded by the bytes actually read; devices and pipes are refused (hostile input, fault 6)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from comparer.core.errors import SourceLoadError
from comparer.core.formats.sources import MAX_BYTES, load_source, read_capped


def test_a_device_is_refused_not_read_for_ever() -> None:
    with pytest.raises(SourceLoadError, match="not a regular file"):
        load_source("/dev/zero", source_id="a")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceLoadError, match="not a regular file"):
        load_source(str(fifo), source_id="a")


def test_a_stream_longer_than_the_cap_is_refused_by_bytes_read() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    with pytest.raises(SourceLoadError, match="50 MB"):
        read_capped(io.BufferedReader(Endless()), "<stdin>")


def test_stdin_from_dev_zero_gives_one_line(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Twelve people were killed, police said.\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        run = subprocess.run(
            [sys.executable, "-m", "comparer", "compare", "-", str(other)],
            stdin=zero,
            capture_output=True,
            text=True,
            check=False,
        )
    assert run.returncode != 0
    assert "50 MB" in run.stderr
    assert "Traceback" not in run.stderr
    assert MAX_BYTES == 50 * 1024 * 1024
