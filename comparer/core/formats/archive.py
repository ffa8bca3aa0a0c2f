"""Bounds on zip-based formats (DOCX), checked before any library unpacks them.

A zip's central directory states each member's uncompressed size, but a stated
size can lie: Python's ``zipfile`` asked for a whole member inflates all of its
compressed data in one call before it cuts the result to the stated size, so a
member that claims 60 KB can take gigabytes of memory. :func:`open_zip` refuses
archives whose *stated* sizes are too big; :func:`inflate` then unpacks every
member in chunks of 1 MB, counting the bytes actually produced, and stops at
:data:`MAX_MEMBER_BYTES` per member and :data:`MAX_UNPACKED_BYTES` in all, whatever
the headers say. :func:`repack` stores the checked members uncompressed, so the
library that reads the format next cannot inflate anything.
"""

from __future__ import annotations

import copy
import io
import zipfile
import zlib

from comparer.core.errors import SourceLoadError

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one part of the archive, counted as it is inflated
CHUNK_BYTES = 1024 * 1024  # what one read may inflate
# Below this, a high compression ratio cannot hurt (and tiny XML parts compress very well).
RATIO_FLOOR_BYTES = 2 * 1024 * 1024


def open_zip(path: str, data: bytes, *, kind: str) -> zipfile.ZipFile:
    """The archive in ``data``, after checking that unpacking it stays small.

    ``kind`` names the format in messages ("Word document"). Raises
    ``SourceLoadError`` for a file that is not a zip, or one that would unpack to more
    than 200 MB, or more than 100 times its size (a zip bomb).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError) as exc:
        raise SourceLoadError(path, f"not a {kind} (the file is not a valid zip archive)") from exc
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise SourceLoadError(
            path, f"refused: the archive holds {len(members)} files (a {kind} has a few dozen)"
        )
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members), len(data))
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceLoadError(
            path,
            f"refused: would unpack to {unpacked / 2**20:.0f} MB (limit 200 MB); possibly a zip bomb",
        )
    if unpacked > RATIO_FLOOR_BYTES and unpacked / packed > MAX_RATIO:
        raise SourceLoadError(
            path,
            f"refused: compressed {unpacked / packed:.0f} to 1 (limit 100 to 1); possibly a zip bomb",
        )
    return archive


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def inflate(path: str, archive: zipfile.ZipFile, *, kind: str) -> dict[str, bytes]:
    """Every member of ``archive``, inflated in chunks and counted: never trusts the stated sizes.

    Raises ``SourceLoadError`` naming the limit when a member inflates past
    :data:`MAX_MEMBER_BYTES` or all of them past :data:`MAX_UNPACKED_BYTES`, and when a member
    is damaged (its checksum or compressed data does not hold).
    """
    members: dict[str, bytes] = {}
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        # zipfile stops a member at its stated size; state more than the cap instead, so a member
        # that inflates past what its header says is read until the cap, not cut off silently (and
        # the reads stop at the cap before zipfile's own end-of-member checks).
        uncapped = copy.copy(info)
        uncapped.file_size = MAX_MEMBER_BYTES + CHUNK_BYTES + 1
        chunks: list[bytes] = []
        size = 0
        try:
            with archive.open(uncapped) as fh:
                while chunk := fh.read(CHUNK_BYTES):
                    size += len(chunk)
                    total += len(chunk)
                    if size > MAX_MEMBER_BYTES:
                        raise SourceLoadError(
                            path,
                            f"refused: {info.filename} unpacks to more than {_mb(MAX_MEMBER_BYTES)} (limit "
                            f"{_mb(MAX_MEMBER_BYTES)} per part; its header states {info.file_size} bytes); "
                            "possibly a zip bomb",
                        )
                    if total > MAX_UNPACKED_BYTES:
                        raise SourceLoadError(
                            path,
                            f"refused: unpacks to more than {_mb(MAX_UNPACKED_BYTES)} (limit "
                            f"{_mb(MAX_UNPACKED_BYTES)}); possibly a zip bomb",
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise SourceLoadError(path, f"not a readable {kind} ({info.filename}: {reason})") from exc
        if size != info.file_size:
            raise SourceLoadError(
                path,
                f"not a readable {kind} ({info.filename} unpacks to {size} bytes, its header states "
                f"{info.file_size})",
            )
        members[info.filename] = b"".join(chunks)
    return members


def repack(members: dict[str, bytes]) -> bytes:
    """The members as a zip that stores them uncompressed (reading it inflates nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
