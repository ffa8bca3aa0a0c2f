"""The output of a batch: files appended job by job, with a journal of the jobs written.

A journal line (``OUT.done``) names a job and the size in bytes of every output after it, so a
rerun with ``resume`` cuts off anything written after the last journalled job and skips the jobs
journalled: an interrupted run loses at most the jobs in flight. The outputs are synced to disk
about once a second rather than after every job; a journal line that names more bytes than its
outputs hold (the machine went down before they reached the disk) is ignored on resume.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from comparer.core.batch.jobs import Outcome
from comparer.core.errors import ComparerError


class ResumableOutput:
    """An output file appended job by job, with side outputs and a journal of the jobs written.

    ``extra`` names the side outputs (path and header), each appended with the matching text of
    :attr:`Outcome.extra`. A journal line is a JSON list: the job's name, then the size of the
    output and of every side output after it.

    Every job's texts and journal line are handed to the system as soon as the job is written, so
    a killed run has lost nothing it wrote. They are synced to disk (``fsync``, a wait of a
    millisecond or more each time) at most every ``sync_every`` seconds and on closing; what a
    machine that went down had not synced yet is done again on resume.
    """

    def __init__(
        self,
        path: Path,
        header: str,
        *,
        resume: bool,
        extra: Sequence[tuple[Path, str]] = (),
        sync_every: float = 1.0,
    ) -> None:
        self.path = path
        self.sync_every = sync_every
        self.journal = path.with_name(path.name + ".done")
        self.done: set[str] = set()
        paths = [path, *(p for p, _ in extra)]
        headers = [header, *(h for _, h in extra)]
        ends = [0] * len(paths)
        if resume and self.journal.exists() and path.exists():
            ends = self._read_journal(paths)
        if self.done:
            missing = [p for p in paths if not p.exists()]
            if missing:
                raise ComparerError(f"{missing[0]}: not there to resume; run again without --resume")
        self._files: list[TextIO] = []
        try:
            for p, h, end in zip(paths, headers, ends, strict=True):
                if self.done:
                    with p.open("r+b") as raw:  # drop a job half written when the run was stopped
                        raw.truncate(end)
                    self._files.append(p.open("a", encoding="utf-8", newline=""))
                else:
                    out = p.open("w", encoding="utf-8", newline="")
                    self._files.append(out)
                    out.write(h)
                    out.flush()
            if self.done:
                with self.journal.open("r+b") as raw:  # the lines left out are written again
                    raw.truncate(self._journal_end)
            self._log = self.journal.open("a" if self.done else "w", encoding="utf-8")
            self._synced = time.monotonic()
        except OSError as exc:
            for opened in self._files:
                opened.close()
            raise ComparerError(f"{exc.filename or path}: cannot write ({exc.strerror or exc})") from exc

    def _read_journal(self, paths: Sequence[Path]) -> list[int]:
        """The jobs journalled and the outputs' sizes after the last of them.

        Journal lines past the first one naming more bytes than an output holds are left out: the
        machine went down before those jobs' texts reached the disk, so they are done again."""
        outputs = len(paths)
        held = [p.stat().st_size if p.exists() else 0 for p in paths]
        ends = [0] * outputs
        self._journal_end = offset = 0  # the journal is cut after the last line kept
        for n, raw in enumerate(self.journal.read_bytes().splitlines(keepends=True), start=1):
            offset += len(raw)
            try:
                entry = json.loads(raw)
            except ValueError:
                continue  # a line cut short when the run was stopped
            if not (isinstance(entry, list) and entry and isinstance(entry[0], str)):
                raise ComparerError(f"{self.journal}, line {n}: not a journal of comparer batch")
            sizes = entry[1:]
            if len(sizes) != outputs or not all(isinstance(x, int) and x >= 0 for x in sizes):
                raise ComparerError(
                    f"{self.journal}, line {n}: written for {len(sizes)} output(s), not {outputs}: "
                    "resume with the same outputs (--facts) as the first run"
                )
            if any(size > have for size, have in zip(sizes, held, strict=True)):
                break
            self.done.add(entry[0])
            ends = sizes
            self._journal_end = offset
        return ends

    def write(self, outcome: Outcome) -> None:
        """Append one job's texts, then journal it (only a journalled job counts as done).

        A failed job is not journalled, so a rerun with ``resume`` tries it again."""
        if outcome.error:
            return
        texts = [outcome.text, *outcome.extra]
        for fh, text in zip(self._files, texts + [""] * (len(self._files) - len(texts)), strict=True):
            if text:
                fh.write(text)
            fh.flush()
        if time.monotonic() - self._synced >= self.sync_every:
            self._sync()
        entry = [outcome.name, *(fh.tell() for fh in self._files)]
        self._log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._log.flush()

    def _sync(self) -> None:
        # The outputs before the journal lines that name their sizes (those lines follow this sync).
        for fh in self._files:
            os.fsync(fh.fileno())
        os.fsync(self._log.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close the outputs and the journal."""
        try:
            for fh in self._files:
                fh.flush()
            self._log.flush()
            self._sync()
        finally:
            for fh in self._files:
                fh.close()
            self._log.close()
