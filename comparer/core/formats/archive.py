"""Bounds on zip-based formats (DOCX), checked before any library unpacks them.

A zip's central directory states each member's uncompressed size, and Python's
``zipfile`` never inflates a member past that size, so checking the stated sizes
bounds what decompression can cost.
"""

from __future__ import annotations

import io
import zipfile

from comparer.core.errors import SourceLoadError

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
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
