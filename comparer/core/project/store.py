"""A project file: sources, comparisons and every annotation, in one SQLite database.

Every label, note, rejection or added link is written in its own transaction the
moment it is made, with a rollback journal and ``synchronous=FULL``: there is no
unsaved state, a killed process loses nothing it reported as done, and an
interrupted write leaves the previous state. Files that are not projects, are
damaged, come from a newer comparer or sit in a read-only place are refused with
a :class:`ProjectError` before anything is written to them.

A project may hold several comparisons, each bound to its own accounts (their ids
and texts): storing a comparison of other texts adds a comparison, it never
replaces the texts labels and marks were made on. One comparison is current at a
time (the first when a project is opened; :meth:`Project.use` chooses another);
links, labels, added links and marks are those of the current comparison.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from comparer.core.engine.model import Comparison, Finding, Source
from comparer.core.engine.serialize import from_dict, to_dict
from comparer.core.project.annotations import (
    BUILTIN_LABELS,
    AddedLink,
    AnnotationError,
    AnnotationEvent,
    EventKind,
    LinkAnnotation,
    LinkRow,
    SpanRef,
    check_annotator,
    check_span,
    fold_events,
    link_rows,
    now_iso,
)
from comparer.core.project.schema import (
    CURRENT_VERSION,
    LOCKED,
    ProjectError,
    initialise,
    inspect,
    is_locked,
    migrate,
    texts_digest,
)
from comparer.core.stamp import made_with

__all__ = ["Project", "ProjectError", "StoredComparison"]

SUFFIX = ".comparer"


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        db = sqlite3.connect(str(path), isolation_level=None)
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _writable(path: Path) -> bool:
    parent = path.resolve().parent
    return os.access(parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _well_formed(finding: Finding) -> bool:
    named = (finding.id, finding.kind, *finding.aspects, *finding.claims[0], *finding.claims[1])
    return all(isinstance(x, str) for x in (*named, *finding.links, *finding.sources))


def _check_consistent(comparison: Comparison) -> None:
    """Raise ``ValueError`` when a stored comparison names claims or offsets it does not hold."""
    texts = {s.id: len(s.text) for s in comparison.sources}
    if len(texts) < 2:
        raise ValueError("fewer than two sources")
    claims = set()
    for claim in comparison.claims:
        if claim.source not in texts or not 0 <= claim.start <= claim.end <= texts[claim.source]:
            raise ValueError(f"claim {claim.id} lies outside its source")
        claims.add(claim.id)
    for link in comparison.links:
        if link.a not in claims or link.b not in claims:
            raise ValueError(f"link {link.id} names an unknown claim")
    for link in comparison.links:
        if not all(_well_formed(f) for f in link.findings):
            raise ValueError(f"link {link.id} holds a malformed finding")
    for finding in comparison.findings:
        if not _well_formed(finding):
            raise ValueError(f"finding {finding.id} is malformed")
        if not set(finding.claims[0]) | set(finding.claims[1]) <= claims:
            raise ValueError(f"finding {finding.id} names an unknown claim")


DISK_FULL = "the disk is full; nothing was saved (free some space and try again)"


def _is_full(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc)


def _digest_of(sources: Iterable[Source]) -> str:
    return texts_digest((s.id, s.text) for s in sources)


@dataclass(frozen=True, slots=True)
class StoredComparison:
    """One comparison a project holds: its accounts and how often they were compared."""

    number: int  # 1-based, in the order the comparisons were added
    id: int
    created: str
    sources: tuple[str, ...]  # each account's short name, in order
    runs: int

    def describe(self) -> str:
        """``"2: Outlet A / Outlet B (3 runs)"``."""
        runs = f"{self.runs} run" + ("" if self.runs == 1 else "s")
        return f"{self.number}: {' / '.join(self.sources) or 'no accounts'} ({runs})"


def _made_with_rows() -> list[tuple[str, tuple[object, ...]]]:
    """Meta rows naming the comparer and lexicon that last wrote the project."""
    stamp = made_with()
    return [
        ("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        for key, value in (
            ("comparer_version", stamp.comparer),
            ("lexicon", stamp.lexicon),
            ("lexicon_sha256", stamp.lexicon_sha256),
        )
    ]


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, db: sqlite3.Connection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._db = db
        self._rows: tuple[LinkRow, ...] | None = None
        self._comparison: Comparison | None = None
        self._current: int | None = self._first()

    # -- opening and closing -------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], comparison: Comparison | None = None) -> Project:
        """A new project at ``path`` (which must not exist), holding ``comparison`` if given."""
        p = Path(path)
        if p.exists():
            raise ProjectError(p, "already exists; open it instead, or choose another name")
        if not p.parent.is_dir():
            raise ProjectError(p, f"folder {p.parent} does not exist")
        if not _writable(p):
            raise ProjectError(p, "cannot create a project here: the folder is read-only")
        try:
            db = _connect(p, read_only=False)
            initialise(db)
        except sqlite3.Error as exc:
            p.unlink(missing_ok=True)
            raise ProjectError(p, f"cannot create the project ({exc})") from exc
        project = cls(p, db, read_only=False)
        project._write([("INSERT INTO meta VALUES ('created', ?)", (now_iso(),)), *_made_with_rows()])
        if comparison is not None:
            project.save_comparison(comparison)
        return project

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Project:
        """Open an existing project, migrating an older format (unless ``read_only``)."""
        p = Path(path)
        version = inspect(p)
        if read_only:
            db = _connect(p, read_only=True)
            if version == CURRENT_VERSION:
                return cls(p, db, read_only=True)
            # An older format is upgraded in memory: the file itself is not touched.
            try:
                memory = sqlite3.connect(":memory:", isolation_level=None)
                db.backup(memory)
                migrate(memory)
            except sqlite3.Error as exc:
                if is_locked(exc):
                    raise ProjectError(p, LOCKED) from exc
                raise ProjectError(p, f"cannot read the project (format {version}: {exc})") from exc
            finally:
                db.close()
            return cls(p, memory, read_only=True)
        if not _writable(p):
            raise ProjectError(
                p, "the project is in a read-only place; copy it somewhere writable to annotate it"
            )
        try:
            db = _connect(p, read_only=False)
            migrate(db)
        except sqlite3.Error as exc:
            if is_locked(exc):
                raise ProjectError(p, LOCKED) from exc
            raise ProjectError(p, f"cannot open the project ({exc})") from exc
        return cls(p, db, read_only=False)

    @classmethod
    def open_or_create(cls, path: str | os.PathLike[str]) -> Project:
        """Open the project at ``path``, or create it when there is no file there."""
        return cls.open(path) if Path(path).exists() else cls.create(path)

    def save_as(self, path: str | os.PathLike[str]) -> Project:
        """Copy this project to a new file (which must not exist) and return it, open."""
        target = Path(path)
        if target.exists():
            raise ProjectError(target, "already exists; choose another name")
        if not target.parent.is_dir() or not _writable(target):
            raise ProjectError(target, "cannot create a project here: the folder is missing or read-only")
        try:
            copy = sqlite3.connect(str(target), isolation_level=None)
            try:
                self._db.backup(copy)
            finally:
                copy.close()
        except sqlite3.Error as exc:
            target.unlink(missing_ok=True)
            reason = DISK_FULL if _is_full(exc) else f"cannot copy the project ({exc})"
            raise ProjectError(target, reason) from exc
        project = Project.open(target)
        if self.current_number is not None:
            project.use(self.current_number)
        return project

    def close(self) -> None:
        """Close the file. Everything was already written."""
        self._db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------

    def _write(self, statements: Sequence[tuple[str, tuple[object, ...]]]) -> list[int]:
        """Run ``statements`` as one durable transaction; the row ids they inserted."""
        if self.read_only:
            raise ProjectError(self.path, "opened read-only")
        ids: list[int] = []
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in statements:
                    ids.append(int(self._db.execute(sql, params).lastrowid or 0))
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite may already have rolled back (a full disk does): then there is nothing to undo.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            if _is_full(exc):
                raise ProjectError(self.path, DISK_FULL) from exc
            if is_locked(exc):
                raise ProjectError(self.path, f"could not save: {LOCKED}") from exc
            raise ProjectError(self.path, f"could not save ({exc})") from exc
        return ids

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as exc:
            if is_locked(exc):
                raise ProjectError(self.path, f"could not read: {LOCKED}") from exc
            raise ProjectError(self.path, f"could not read ({exc})") from exc

    # -- comparisons --------------------------------------------------------------

    def _first(self) -> int | None:
        try:
            row = self._db.execute("SELECT min(id) FROM comparisons").fetchone()
        except sqlite3.Error as exc:
            raise ProjectError(self.path, f"could not read ({exc})") from exc
        return int(row[0]) if row and row[0] is not None else None

    def save_comparison(self, comparison: Comparison) -> int:
        """Store ``comparison`` (its sources, options, claims, links, findings) as a run; the run's id.

        It goes to the comparison of the same accounts (ids and texts), which becomes current; when
        the project holds no comparison of these accounts, a new one is added. The texts labels and
        marks were made on are never replaced.
        """
        data = to_dict(comparison)
        created = now_iso()
        digest = _digest_of(comparison.sources)
        with self._reading() as db:
            row = db.execute("SELECT id FROM comparisons WHERE texts = ?", (digest,)).fetchone()
        existing = int(row[0]) if row else None
        stmts: list[tuple[str, tuple[object, ...]]] = []
        bound: tuple[object, ...]
        if existing is None:
            stmts.append(("INSERT INTO comparisons (created, texts) VALUES (?, ?)", (created, digest)))
            target, bound = "(SELECT max(id) FROM comparisons)", ()
        else:
            target, bound = "?", (existing,)
        for s in comparison.sources:
            stmts.append(
                (
                    "INSERT OR REPLACE INTO sources (comparison, id, path, title, outlet, published, text, "
                    f"author, encoding, format) VALUES ({target},?,?,?,?,?,?,?,?,?)",
                    (
                        *bound,
                        s.id,
                        s.path,
                        s.title,
                        s.outlet,
                        s.published.isoformat() if s.published else None,
                        s.text,
                        s.author,
                        s.encoding,
                        s.format,
                    ),
                )
            )
        stmts.append(
            (
                f"INSERT INTO runs (created, data, options, comparison) VALUES (?,?,?,{target})",
                (created, json.dumps(data, ensure_ascii=False), json.dumps(comparison.options), *bound),
            )
        )
        # The links go in the same transaction, naming the run just inserted.
        for r in link_rows(comparison):
            stmts.append(
                (
                    "INSERT INTO links VALUES ((SELECT max(id) FROM runs),?,?,?,?,?,?,?,?,?,?)",
                    (
                        r.id,
                        r.key,
                        r.a.source,
                        r.a.start,
                        r.a.end,
                        r.b.source,
                        r.b.start,
                        r.b.end,
                        r.link.relation if r.link else "related",
                        r.link.score if r.link else 0.0,
                    ),
                )
            )
        stmts.extend(_made_with_rows())  # last, so the ids above keep their places
        ids = self._write(stmts)
        offset = 0 if existing is not None else 1
        self._current = existing if existing is not None else ids[0]
        self._comparison = comparison
        self._rows = None
        return ids[offset + len(comparison.sources)]

    def comparisons(self) -> tuple[StoredComparison, ...]:
        """Every comparison the project holds, in the order they were added."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT c.id, c.created, (SELECT count(*) FROM runs r WHERE r.comparison = c.id) "
                "FROM comparisons c ORDER BY c.id"
            ).fetchall()
            names = {
                cid: tuple(
                    (outlet or title or path.rsplit("/", 1)[-1] or sid)
                    for sid, path, title, outlet in db.execute(
                        "SELECT id, path, title, outlet FROM sources WHERE comparison = ? ORDER BY id", (cid,)
                    )
                )
                for cid, _, _ in rows
            }
        return tuple(
            StoredComparison(n, cid, created, names[cid], runs)
            for n, (cid, created, runs) in enumerate(rows, start=1)
        )

    @property
    def current_number(self) -> int | None:
        """The number (1-based) of the current comparison; ``None`` when the project holds none."""
        return next((c.number for c in self.comparisons() if c.id == self._current), None)

    def use(self, number: int) -> StoredComparison:
        """Make comparison ``number`` (1-based) the current one."""
        held = self.comparisons()
        if not held:
            raise ProjectError(self.path, "holds no comparison yet")
        if not 1 <= number <= len(held):
            choose = "1" if len(held) == 1 else f"1–{len(held)}"
            raise ProjectError(
                self.path, f"has no comparison {number}; it holds {len(held)} (choose {choose})"
            )
        chosen = held[number - 1]
        if chosen.id != self._current:
            self._current = chosen.id
            self._comparison = None
            self._rows = None
        return chosen

    def number_of(self, sources: Iterable[Source]) -> int | None:
        """The number of the comparison that holds these accounts (same ids and texts), if any."""
        digest = _digest_of(sources)
        with self._reading() as db:
            row = db.execute("SELECT id FROM comparisons WHERE texts = ?", (digest,)).fetchone()
        if row is None:
            return None
        return next((c.number for c in self.comparisons() if c.id == row[0]), None)

    def holds(self, sources: Iterable[Source]) -> bool:
        """True when ``sources`` are the current comparison's accounts (same ids and texts, in order)."""
        if self._current is None:
            return False
        with self._reading() as db:
            row = db.execute("SELECT texts FROM comparisons WHERE id = ?", (self._current,)).fetchone()
        return row is not None and row[0] == _digest_of(sources)

    def leave(self) -> None:
        """No comparison is current until :meth:`use` or :meth:`save_comparison` makes one so.

        Links, labels and marks are then empty and cannot be added: for the time other accounts are
        being compared before they are stored.
        """
        self._current = None
        self._comparison = None
        self._rows = None

    def run_ids(self) -> tuple[int, ...]:
        """Ids of the current comparison's runs, oldest first."""
        with self._reading() as db:
            return tuple(
                r[0]
                for r in db.execute("SELECT id FROM runs WHERE comparison = ? ORDER BY id", (self._current,))
            )

    def comparison(self, run_id: int | None = None) -> Comparison:
        """The current comparison as last run (or the run ``run_id``)."""
        if run_id is None and self._comparison is not None:
            return self._comparison
        with self._reading() as db:
            if run_id is None:
                row = db.execute(
                    "SELECT data FROM runs WHERE comparison = ? ORDER BY id DESC LIMIT 1", (self._current,)
                ).fetchone()
            else:
                row = db.execute("SELECT data FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise ProjectError(self.path, "holds no comparison yet")
        try:
            comparison = from_dict(json.loads(row[0]))
            _check_consistent(comparison)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            raise ProjectError(self.path, f"the stored comparison cannot be read ({exc!r})") from exc
        if run_id is None:
            self._comparison = comparison
        return comparison

    def meta(self) -> dict[str, str]:
        """The project's meta table: when it was created, which comparer and lexicon last saved it."""
        with self._reading() as db:
            return {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}

    @property
    def has_comparison(self) -> bool:
        """True once a comparison is stored."""
        return self._current is not None and bool(self.run_ids())

    # -- links ----------------------------------------------------------------------

    def added_links(self) -> tuple[AddedLink, ...]:
        """Links annotators added (not removed), oldest first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT id, annotator, a_source, a_start, a_end, b_source, b_start, b_end, created "
                "FROM added_links WHERE removed = 0 AND comparison = ? ORDER BY id",
                (self._current,),
            ).fetchall()
        return tuple(
            AddedLink(f"m{r[0]}", r[1], SpanRef(r[2], r[3], r[4]), SpanRef(r[5], r[6], r[7]), r[8])
            for r in rows
        )

    def links(self) -> tuple[LinkRow, ...]:
        """Every link of the latest comparison, then every added link."""
        if self._rows is None:
            self._rows = link_rows(self.comparison(), self.added_links()) if self.has_comparison else ()
        return self._rows

    def link_row(self, link_id: str) -> LinkRow:
        """The link with this id (an engine id such as ``L3`` or an added ``m1``)."""
        for row in self.links():
            if row.id == link_id:
                return row
        raise AnnotationError(f"no link {link_id!r} in this project")

    def add_link(
        self, a: SpanRef, b: SpanRef, *, annotator: str, label: str | None = None, note: str = ""
    ) -> str:
        """Add a link the engine missed, between passage ``a`` and passage ``b``; its id."""
        who = check_annotator(annotator)
        comparison = self.comparison()
        if a.source == b.source:
            raise AnnotationError("a link joins passages of two different sources")
        for ref in (a, b):
            try:
                check_span(comparison.source(ref.source).text, ref)
            except KeyError:
                raise AnnotationError(f"no source {ref.source!r} in this project") from None
        if label is not None:
            self._check_label(label)
        (rowid,) = self._write(
            [
                (
                    "INSERT INTO added_links (annotator, a_source, a_start, a_end, b_source, b_start, b_end, "
                    "created, comparison) VALUES (?,?,?,?,?,?,?,?,?)",
                    (who, a.source, a.start, a.end, b.source, b.start, b.end, now_iso(), self._current),
                )
            ]
        )
        self._rows = None
        link_id = f"m{rowid}"
        if label is not None:
            self.set_label(link_id, label, annotator=who)
        if note:
            self.set_note(link_id, note, annotator=who)
        return link_id

    def remove_added_link(self, link_id: str) -> None:
        """Take back an added link (its annotations stay in the history)."""
        row = self.link_row(link_id)
        if row.origin != "annotator":
            raise AnnotationError(f"{link_id} was made by the engine; reject it instead")
        self._write([("UPDATE added_links SET removed = 1 WHERE id = ?", (int(link_id[1:]),))])
        self._rows = None

    # -- labels and annotations ----------------------------------------------------

    def labels(self) -> tuple[str, ...]:
        """The labels annotators may use: the built-in ones, then this project's own."""
        with self._reading() as db:
            custom = [r[0] for r in db.execute("SELECT name FROM custom_labels ORDER BY created, name")]
        return BUILTIN_LABELS + tuple(c for c in custom if c not in BUILTIN_LABELS)

    def add_label(self, name: str) -> str:
        """Add a custom label to this project; the cleaned name."""
        clean = " ".join(name.split())
        if not clean:
            raise AnnotationError("a label needs a name")
        if clean not in self.labels():
            self._write([("INSERT INTO custom_labels VALUES (?, ?)", (clean, now_iso()))])
        return clean

    def _check_label(self, label: str) -> None:
        if label not in self.labels():
            raise AnnotationError(f"unknown label {label!r}; labels are {', '.join(self.labels())}")

    def _event(
        self, link_id: str, annotator: str, kind: EventKind, value: str, finding: int | None = None
    ) -> None:
        key = self.link_row(link_id).key
        self._write(
            [
                (
                    "INSERT INTO events (link_key, annotator, kind, value, finding, created, comparison) "
                    "VALUES (?,?,?,?,?,?,?)",
                    (key, check_annotator(annotator), kind, value, finding, now_iso(), self._current),
                )
            ]
        )

    def set_label(self, link_id: str, label: str | None, *, annotator: str) -> None:
        """Label a link (``None`` clears the label). Saved at once."""
        if label is not None:
            self._check_label(label)
        self._event(link_id, annotator, "label", label or "")

    def set_note(self, link_id: str, note: str, *, annotator: str) -> None:
        """Set the note on a link (empty clears it). Saved at once."""
        self._event(link_id, annotator, "note", note)

    def reject_link(self, link_id: str, *, annotator: str, rejected: bool = True) -> None:
        """Say the engine should not have made this link (or take that back)."""
        self._event(link_id, annotator, "reject", "1" if rejected else "0")

    def mark_finding(self, link_id: str, index: int, *, annotator: str, wrong: bool = True) -> None:
        """Say finding number ``index`` (0-based) of a link is wrong (or take that back)."""
        row = self.link_row(link_id)
        count = len(row.link.findings) if row.link else 0
        if not 0 <= index < count:
            raise AnnotationError(f"link {link_id} has no finding {index + 1}")
        self._event(link_id, annotator, "finding", "1" if wrong else "0", index)

    def events(self, annotator: str | None = None) -> tuple[AnnotationEvent, ...]:
        """Every annotation ever made on the current comparison, in order (of one annotator if given)."""
        sql = "SELECT link_key, annotator, kind, value, created, finding FROM events WHERE comparison = ?"
        params: tuple[object, ...] = (self._current,)
        if annotator is not None:
            sql += " AND annotator = ?"
            params = (self._current, annotator)
        with self._reading() as db:
            rows = db.execute(sql + " ORDER BY id", params).fetchall()
        return tuple(AnnotationEvent(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows)

    def annotations(self, annotator: str | None = None) -> tuple[LinkAnnotation, ...]:
        """The current state of every annotated link (of one annotator if given)."""
        return tuple(a for a in fold_events(self.events(annotator)).values() if not a.is_empty)

    def annotation(self, link_id: str, annotator: str) -> LinkAnnotation:
        """The current state of one link for one annotator (empty if never annotated)."""
        key = self.link_row(link_id).key
        state = fold_events(e for e in self.events(annotator) if e.link_key == key)
        return state.get((key, annotator), LinkAnnotation(link_key=key, annotator=annotator))

    def annotators(self) -> tuple[str, ...]:
        """Everyone who annotated the current comparison, sorted."""
        where = ("SELECT DISTINCT annotator FROM {} WHERE comparison = ?", (self._current,))
        with self._reading() as db:
            names = {r[0] for r in db.execute(where[0].format("events"), where[1])}
            names |= {r[0] for r in db.execute(where[0].format("added_links"), where[1])}
        return tuple(sorted(names))

    # -- classroom marks ------------------------------------------------------------

    def add_mark(self, ref: SpanRef, *, student: str) -> int:
        """Store a passage a student marked as a difference; its id."""
        who = check_annotator(student)
        try:
            check_span(self.comparison().source(ref.source).text, ref)
        except KeyError:
            raise AnnotationError(f"no source {ref.source!r} in this project") from None
        (rowid,) = self._write(
            [
                (
                    'INSERT INTO marks (student, source, start, "end", created, comparison) '
                    "VALUES (?,?,?,?,?,?)",
                    (who, ref.source, ref.start, ref.end, now_iso(), self._current),
                )
            ]
        )
        return rowid

    def remove_mark(self, mark_id: int) -> None:
        """Take back a student's mark."""
        self._write([("UPDATE marks SET removed = 1 WHERE id = ?", (mark_id,))])

    def marks(self, student: str) -> tuple[tuple[int, SpanRef], ...]:
        """A student's marks on the current comparison (id and passage), oldest first."""
        with self._reading() as db:
            rows = db.execute(
                'SELECT id, source, start, "end" FROM marks WHERE student = ? AND removed = 0 '
                "AND comparison = ? ORDER BY id",
                (student, self._current),
            ).fetchall()
        return tuple((r[0], SpanRef(r[1], r[2], r[3])) for r in rows)
