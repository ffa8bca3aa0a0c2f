"""The SQLite layout of a project file, its versions and the migrations between them.

The version lives in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the
file as a comparer project. Version 1 kept one label and note per link and
annotator, keyed by the engine's link id. Version 2 keeps every annotation as an
append-only event keyed by the link's passages, links annotators added, custom
labels and classroom marks. Version 3 holds several comparisons, each bound to its
own texts: ``comparisons`` names a set of accounts (by a digest of their ids and
texts), ``runs`` holds every time the engine compared them, and sources, labels,
added links and marks belong to one comparison, so they always resolve against the
text they were made on. A file from a newer version is refused untouched.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from comparer.core.errors import ComparerError, one_line

APPLICATION_ID = 0x434D5052  # "CMPR"
CURRENT_VERSION = 3
SQLITE_HEADER = b"SQLite format 3\x00"


class ProjectError(ComparerError):
    """A project file cannot be created, opened or written."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{one_line(str(path))}: {one_line(reason)}")
        self.path = str(path)
        self.reason = reason


SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT,
    text TEXT NOT NULL
);
CREATE TABLE comparisons (id INTEGER PRIMARY KEY, created TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE labels (
    link_id TEXT NOT NULL, annotator TEXT NOT NULL, label TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL, PRIMARY KEY (link_id, annotator)
);
"""

# Tables version 2 adds; applied on top of version 1 by the migration, and after
# SCHEMA_V1 (then the migration) when a new project is created, so there is one path.
_V2_TABLES = """
CREATE TABLE links (
    comparison INTEGER NOT NULL REFERENCES comparisons(id), link_id TEXT NOT NULL, link_key TEXT NOT NULL,
    a_source TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
    b_source TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
    relation TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (comparison, link_id)
);
CREATE INDEX links_key ON links (link_key);
CREATE TABLE events (
    id INTEGER PRIMARY KEY, link_key TEXT NOT NULL, annotator TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('label', 'note', 'reject', 'finding')),
    value TEXT NOT NULL, finding INTEGER, created TEXT NOT NULL
);
CREATE INDEX events_link ON events (link_key, annotator);
CREATE TABLE added_links (
    id INTEGER PRIMARY KEY, annotator TEXT NOT NULL,
    a_source TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
    b_source TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
    created TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE custom_labels (name TEXT PRIMARY KEY, created TEXT NOT NULL);
CREATE TABLE marks (
    id INTEGER PRIMARY KEY, student TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, created TEXT NOT NULL, removed INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE sources ADD COLUMN author TEXT;
ALTER TABLE sources ADD COLUMN encoding TEXT;
ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';
ALTER TABLE comparisons ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
"""


def _statements(script: str) -> list[str]:
    """The statements of a DDL script (none of ours has a semicolon inside a statement)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _key_of(comparison_data: dict[str, object], link_id: str) -> str | None:
    """The passage key of ``link_id`` in a stored ``to_dict`` comparison, if it is there."""
    claims = {c["id"]: c for c in comparison_data.get("claims", [])}  # type: ignore[attr-defined]
    for link in comparison_data.get("links", []):  # type: ignore[attr-defined]
        if link["id"] == link_id and link["a"] in claims and link["b"] in claims:
            a, b = claims[link["a"]], claims[link["b"]]
            return f"{a['source']}:{a['start']}-{a['end']}|{b['source']}:{b['start']}-{b['end']}"
    return None


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    for statement in _statements(_V2_TABLES):
        db.execute(statement)
    row = db.execute("SELECT id, data FROM comparisons ORDER BY id DESC LIMIT 1").fetchone()
    data: dict[str, object] = json.loads(row[1]) if row else {}
    if row:
        db.execute(
            "UPDATE comparisons SET options = ? WHERE id = ?", (json.dumps(data.get("options", {})), row[0])
        )
        claims = {c["id"]: c for c in data.get("claims", [])}  # type: ignore[attr-defined]
        for link in data.get("links", []):  # type: ignore[attr-defined]
            a, b = claims[link["a"]], claims[link["b"]]
            key = f"{a['source']}:{a['start']}-{a['end']}|{b['source']}:{b['start']}-{b['end']}"
            db.execute(
                "INSERT INTO links VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    row[0],
                    link["id"],
                    key,
                    a["source"],
                    a["start"],
                    a["end"],
                    b["source"],
                    b["start"],
                    b["end"],
                    link["relation"],
                    link["score"],
                ),
            )
    for link_id, annotator, label, note, created in db.execute(
        "SELECT link_id, annotator, label, note, created FROM labels ORDER BY created, rowid"
    ).fetchall():
        # A label whose link is gone keeps its old id as key: it is kept, not dropped.
        key = _key_of(data, link_id) or f"v1:{link_id}"
        db.execute(
            "INSERT INTO events (link_key, annotator, kind, value, created) VALUES (?,?,?,?,?)",
            (key, annotator, "label", label, created),
        )
        if note:
            db.execute(
                "INSERT INTO events (link_key, annotator, kind, value, created) VALUES (?,?,?,?,?)",
                (key, annotator, "note", note, created),
            )
    db.execute("DROP TABLE labels")


_V3_TABLES = """
ALTER TABLE comparisons RENAME TO runs;
ALTER TABLE links RENAME COLUMN comparison TO run;
CREATE TABLE comparisons (id INTEGER PRIMARY KEY, created TEXT NOT NULL, texts TEXT NOT NULL);
ALTER TABLE runs ADD COLUMN comparison INTEGER REFERENCES comparisons(id);
CREATE TABLE sources_v3 (
    comparison INTEGER NOT NULL REFERENCES comparisons(id), id TEXT NOT NULL, path TEXT NOT NULL,
    title TEXT, outlet TEXT, published TEXT, text TEXT NOT NULL, author TEXT, encoding TEXT,
    format TEXT NOT NULL DEFAULT 'txt', PRIMARY KEY (comparison, id)
);
ALTER TABLE events ADD COLUMN comparison INTEGER;
ALTER TABLE added_links ADD COLUMN comparison INTEGER;
ALTER TABLE marks ADD COLUMN comparison INTEGER
"""

_V3_AFTER = """
DROP TABLE sources;
ALTER TABLE sources_v3 RENAME TO sources;
CREATE INDEX runs_comparison ON runs (comparison);
CREATE INDEX events_comparison ON events (comparison, link_key, annotator);
CREATE INDEX marks_comparison ON marks (comparison, student)
"""


def texts_digest(sources: Iterable[tuple[str, str]]) -> str:
    """What binds a comparison to its accounts: a digest of each source's id and text, in order."""
    digest = hashlib.sha256()
    for sid, text in sources:
        digest.update(json.dumps([sid, text], ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def _fits(texts: dict[str, int], source: str, start: int, end: int) -> bool:
    return source in texts and 0 <= start <= end <= texts[source]


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """Split the runs by the texts they compared; give each annotation the comparison it was made on.

    A version 2 file holds one comparison, except that an older app replaced the sources when other
    accounts were opened. Runs are grouped by their texts (a comparison per set, in order); a label,
    added link or mark goes to the comparison shown when it was made (the latest run before it) when
    its passages lie there, else to the latest other comparison where they do.
    """
    for statement in _statements(_V3_TABLES):
        db.execute(statement)
    numbered: dict[str, int] = {}
    lengths: dict[int, dict[str, int]] = {}
    keys: dict[int, set[str]] = {}
    timeline: list[tuple[str, int]] = []  # (run created, comparison), oldest first
    latest: dict[int, list[dict[str, object]]] = {}
    for run_id, created, data_text in db.execute("SELECT id, created, data FROM runs ORDER BY id").fetchall():
        try:
            data = json.loads(data_text)
            sources = [dict(s) for s in data["sources"]]
            digest = texts_digest((str(s["id"]), str(s["text"])) for s in sources)
        except (ValueError, KeyError, TypeError):
            # An unreadable run stays with the first comparison; reading it later says it is damaged.
            sources, digest = [], next(iter(numbered), texts_digest(()))
        if digest not in numbered:
            cid = int(
                db.execute(
                    "INSERT INTO comparisons (created, texts) VALUES (?, ?)", (created, digest)
                ).lastrowid
                or 0
            )
            numbered[digest] = cid
        cid = numbered[digest]
        db.execute("UPDATE runs SET comparison = ? WHERE id = ?", (cid, run_id))
        if sources:
            latest[cid] = sources
            lengths[cid] = {str(s["id"]): len(str(s["text"])) for s in sources}
        keys.setdefault(cid, set()).update(
            r[0] for r in db.execute("SELECT link_key FROM links WHERE run = ?", (run_id,))
        )
        timeline.append((str(created), cid))
    stored = {
        r[0]: r
        for r in db.execute(
            "SELECT id, path, title, outlet, published, text, author, encoding, format FROM sources"
        ).fetchall()
    }
    for cid, sources in latest.items():
        for s in sources:
            row = stored.get(str(s["id"]))
            if row is not None and row[5] == s["text"]:
                values = tuple(row[1:])  # the table keeps the details as last corrected
            else:
                fields = ("path", "title", "outlet", "published", "text", "author", "encoding")
                values = (*(s.get(k) for k in fields), s.get("format") or "txt")
            db.execute("INSERT INTO sources_v3 VALUES (?,?,?,?,?,?,?,?,?,?)", (cid, s["id"], *values))

    times = [when for when, _ in timeline]
    shown_at = [cid for _, cid in timeline]
    ordered = times == sorted(times)

    def choose(created: str, fits: Callable[[int], bool]) -> int | None:
        if not timeline:
            return None
        if ordered:
            count = bisect.bisect_right(times, created)
            shown = shown_at[count - 1] if count else shown_at[0]
        else:  # a clock that went backwards: the runs made before, whatever their order
            made = [cid for when, cid in timeline if when <= created]
            shown = made[-1] if made else shown_at[0]
        if fits(shown):
            return shown
        before = shown_at[:count] if ordered else made
        order = dict.fromkeys([*reversed(before), *shown_at])
        return next((cid for cid in order if fits(cid)), shown)

    def update(
        table: str, rows: list[tuple[object, ...]], fits: Callable[[tuple[object, ...], int], bool]
    ) -> None:
        for row in rows:
            cid = choose(str(row[1]), partial(fits, row))
            db.execute(f"UPDATE {table} SET comparison = ? WHERE id = ?", (cid, row[0]))

    update(
        "events",
        db.execute("SELECT id, created, link_key FROM events").fetchall(),
        lambda r, c: str(r[2]).startswith("v1:") or r[2] in keys.get(c, set()),
    )
    update(
        "added_links",
        db.execute(
            "SELECT id, created, a_source, a_start, a_end, b_source, b_start, b_end FROM added_links"
        ).fetchall(),
        lambda r, c: _fits(lengths.get(c, {}), *r[2:5]) and _fits(lengths.get(c, {}), *r[5:8]),  # type: ignore[arg-type]
    )
    update(
        "marks",
        db.execute('SELECT id, created, source, start, "end" FROM marks').fetchall(),
        lambda r, c: _fits(lengths.get(c, {}), *r[2:5]),  # type: ignore[arg-type]
    )
    for statement in _statements(_V3_AFTER):
        db.execute(statement)


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def initialise(db: sqlite3.Connection) -> None:
    """Lay out an empty database as a current-version project (one transaction)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(SCHEMA_V1):
            db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    migrate(db)


def migrate(db: sqlite3.Connection) -> int:
    """Bring the project up to :data:`CURRENT_VERSION`, each step in its own transaction."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    while version < CURRENT_VERSION:
        step = MIGRATIONS[version]
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version += 1
    return version


def inspect(path: Path) -> int:
    """The schema version of the project at ``path``, read without changing the file.

    Raises :class:`ProjectError` when the file is missing, not an SQLite file,
    corrupt, not a comparer project, or from a newer comparer.
    """
    if not path.exists():
        raise ProjectError(path, "no such project file")
    if path.is_dir():
        raise ProjectError(path, "is a folder, not a project file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(path, f"cannot read ({exc.strerror or exc})") from exc
    if header != SQLITE_HEADER:
        raise ProjectError(path, "not a comparer project (not an SQLite database)")
    recover_journal(path)
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(path, f"cannot open ({exc})") from exc
    try:
        app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if is_locked(exc):
            raise ProjectError(path, LOCKED) from exc
        raise ProjectError(path, f"the project file is damaged ({exc})") from exc
    finally:
        db.close()
    if app_id != APPLICATION_ID or not {"meta", "sources", "comparisons"} <= tables:
        raise ProjectError(path, "not a comparer project (an SQLite database of something else)")
    if check != "ok":
        raise ProjectError(path, f"the project file is damaged ({check})")
    if version > CURRENT_VERSION:
        raise ProjectError(
            path,
            f"made by a newer comparer (project format {version}; this version reads up to "
            f"{CURRENT_VERSION}); update comparer to open it",
        )
    if version < 1:
        raise ProjectError(path, "not a comparer project (no format version)")
    return version


LOCKED = "the project is in use by another program (the file is locked); close it there and try again"


def is_locked(exc: sqlite3.Error) -> bool:
    """True when SQLite refused because another connection holds the file, not because it is damaged."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in str(exc)


def recover_journal(path: Path) -> None:
    """Roll back what a write interrupted by a crash left in the ``-journal`` (a "hot" journal).

    A read-only connection cannot roll a hot journal back, so it reports the file as read-only or
    damaged although the data is intact. The first read of a writable connection does the rollback.
    """
    journal = path.with_name(path.name + "-journal")
    try:
        if not journal.is_file() or journal.stat().st_size == 0:
            return
    except OSError:
        return
    if not os.access(path.resolve().parent, os.W_OK) or not os.access(path, os.W_OK):
        raise ProjectError(
            path,
            "a write to the project was interrupted and it sits in a read-only place; copy the project "
            f"together with {journal.name} somewhere writable and open it there",
        )
    try:
        db = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        if is_locked(exc):
            raise ProjectError(path, LOCKED) from exc
        raise ProjectError(path, f"cannot recover an interrupted write ({exc})") from exc
