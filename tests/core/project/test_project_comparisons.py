"""A project is bound to the texts it was made on (hostile input, fault 1).

Storing a comparison of other accounts adds a comparison; it never replaces the texts earlier labels and
marks were made on. A project file of format 2 (one comparison, or the sources replaced by an older app)
still opens, and each mark and label lands on the comparison it was made on.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison, Source
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.samples import load_samples
from comparer.core.project import schema
from comparer.core.project.annotations import AnnotationError, SpanRef, link_rows
from comparer.core.project.store import Project, ProjectError

# Two short accounts of an invented event, written for these tests.
OTHER_A = (
    "A ferry carrying 212 passengers ran aground near Port Elen on Tuesday, the coastguard said. "
    "Nobody was hurt, according to the operator. The harbour master said the tide was unusually low."
)
OTHER_B = (
    "A ferry with 230 people on board struck a sandbank off Port Elen on Tuesday, officials said. "
    "Two passengers were treated for minor injuries. The harbour master blamed an unusually low tide."
)


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return compare(load_samples())


@pytest.fixture(scope="module")
def other() -> Comparison:
    result = compare([Source("a", "ferry-a.txt", OTHER_A), Source("b", "ferry-b.txt", OTHER_B)])
    assert result.links
    return result


def _words(comparison: Comparison, ref: SpanRef) -> str:
    return comparison.source(ref.source).text[ref.start : ref.end]


def test_other_accounts_add_a_comparison_and_leave_the_first_as_it_was(tmp_path, sample, other):
    path = tmp_path / "class.comparer"
    with Project.create(path, sample) as project:
        first_link = project.links()[0]
        project.set_label(first_link.id, "conflict", annotator="Ana")
        mark = SpanRef("a", 100, 140)
        project.add_mark(mark, student="Sam")
        marked = _words(sample, mark)
        added = project.add_link(SpanRef("a", 0, 20), SpanRef("b", 0, 20), annotator="Ana")

        project.save_comparison(other)
        assert [c.number for c in project.comparisons()] == [1, 2]
        assert project.current_number == 2
        assert [s.text for s in project.comparison().sources] == [OTHER_A, OTHER_B]
        # Nothing of the first comparison shows on the second: labels, marks and added links are its own.
        assert project.annotations() == ()
        assert project.marks("Sam") == ()
        assert project.added_links() == ()
        assert project.annotators() == ()

    with Project.open(path) as project:
        assert project.current_number == 1  # a project opens on its first comparison
        again = project.comparison()
        assert [s.text for s in again.sources] == [s.text for s in sample.sources]
        assert project.annotation(first_link.id, "Ana").label == "conflict"
        ((_, ref),) = project.marks("Sam")
        assert _words(again, ref) == marked
        assert [a.id for a in project.added_links()] == [added]
        project.use(2)
        assert project.comparison().sources[0].text == OTHER_A
        assert project.marks("Sam") == ()
        assert "ferry-a.txt" in project.comparisons()[1].describe()


def test_the_same_accounts_again_add_a_run_to_their_own_comparison(tmp_path, sample, other):
    with Project.create(tmp_path / "p.comparer", sample) as project:
        link = project.links()[0].id
        project.set_label(link, "agree", annotator="Ana")
        project.save_comparison(other)
        assert project.number_of(sample.sources) == 1
        assert not project.holds(sample.sources)
        project.save_comparison(compare(list(sample.sources)))  # the first accounts, compared again
        assert project.current_number == 1
        assert len(project.comparisons()) == 2
        assert [c.runs for c in project.comparisons()] == [2, 1]
        assert project.annotation(link, "Ana").label == "agree"
        assert project.holds(sample.sources)


def test_choosing_a_comparison_that_is_not_there_says_how_many_there_are(tmp_path, sample, other):
    with Project.create(tmp_path / "p.comparer", sample) as project:
        project.save_comparison(other)
        with pytest.raises(ProjectError, match=r"no comparison 3; it holds 2 \(choose 1–2\)"):
            project.use(3)
        with pytest.raises(ProjectError, match="no comparison 0"):
            project.use(0)
    with (
        Project.create(tmp_path / "empty.comparer") as empty,
        pytest.raises(ProjectError, match="no comparison"),
    ):
        empty.use(1)


def test_marks_and_labels_are_refused_outside_the_current_texts(tmp_path, sample, other):
    with Project.create(tmp_path / "p.comparer", sample) as project:
        long_offset = len(sample.sources[0].text) - 5
        project.save_comparison(other)
        with pytest.raises(AnnotationError, match="not a non-empty range"):
            project.add_mark(SpanRef("a", long_offset, long_offset + 5), student="Sam")


# -- format 2 files, built here in the old layout ------------------------------------------------------


def _v2_file(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    for statement in schema._statements(schema.SCHEMA_V1) + schema._statements(schema._V2_TABLES):
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    return db


def _v2_run(db: sqlite3.Connection, run_id: int, created: str, comparison: Comparison) -> None:
    """What a format 2 project wrote for one run: the sources replaced, the run and its links."""
    for s in comparison.sources:
        db.execute(
            "INSERT OR REPLACE INTO sources (id, path, title, outlet, published, text, author, encoding, "
            "format) VALUES (?,?,?,?,?,?,?,?,?)",
            (s.id, s.path, s.title, s.outlet, None, s.text, s.author, s.encoding, s.format),
        )
    db.execute(
        "INSERT INTO comparisons (id, created, data, options) VALUES (?,?,?,?)",
        (run_id, created, json.dumps(to_dict(comparison)), json.dumps(comparison.options)),
    )
    for r in link_rows(comparison):
        db.execute(
            "INSERT INTO links VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                run_id,
                r.id,
                r.key,
                r.a.source,
                r.a.start,
                r.a.end,
                r.b.source,
                r.b.start,
                r.b.end,
                "agree",
                1.0,
            ),
        )


def _v2_label(db: sqlite3.Connection, key: str, created: str) -> None:
    db.execute(
        "INSERT INTO events (link_key, annotator, kind, value, created) "
        "VALUES (?, 'Ana', 'label', 'conflict', ?)",
        (key, created),
    )


def _v2_mark(db: sqlite3.Connection, ref: SpanRef, created: str) -> None:
    db.execute(
        "INSERT INTO marks (student, source, start, \"end\", created) VALUES ('Sam', ?, ?, ?, ?)",
        (ref.source, ref.start, ref.end, created),
    )


def test_a_format_2_project_with_one_comparison_opens_with_everything(tmp_path, sample):
    path = tmp_path / "old.comparer"
    db = _v2_file(path)
    _v2_run(db, 1, "2025-03-01T10:00:00+00:00", sample)
    row = link_rows(sample)[0]
    _v2_label(db, row.key, "2025-03-01T10:05:00+00:00")
    mark = SpanRef("b", 40, 90)
    _v2_mark(db, mark, "2025-03-01T10:06:00+00:00")
    db.execute(
        "INSERT INTO added_links (annotator, a_source, a_start, a_end, b_source, b_start, b_end, created) "
        "VALUES ('Ana', 'a', 0, 10, 'b', 0, 10, '2025-03-01T10:07:00+00:00')"
    )
    db.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with Project.open(path, read_only=True) as project:  # upgraded in memory, file untouched
        assert project.annotation(row.id, "Ana").label == "conflict"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    with Project.open(path) as project:
        assert [c.runs for c in project.comparisons()] == [1]
        again = project.comparison()
        assert [s.text for s in again.sources] == [s.text for s in sample.sources]
        assert project.annotation(row.id, "Ana").label == "conflict"
        assert project.marks("Sam") == ((1, mark),)
        assert len(project.added_links()) == 1
        project.set_label(row.id, "agree", annotator="Ben")
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION == 3
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    check.close()


def test_a_format_2_project_whose_sources_were_replaced_is_split_back(tmp_path, sample, other):
    """An older app replaced the sources when other accounts were opened; each mark finds its own texts."""
    path = tmp_path / "replaced.comparer"
    db = _v2_file(path)
    _v2_run(db, 1, "2025-03-01T10:00:00+00:00", sample)
    late = SpanRef("a", 2532, 2833)  # made on the sample, past the end of the later (shorter) texts
    _v2_mark(db, late, "2025-03-01T10:10:00+00:00")
    _v2_label(db, link_rows(sample)[0].key, "2025-03-01T10:11:00+00:00")
    _v2_run(db, 2, "2025-03-01T11:00:00+00:00", other)
    early = SpanRef("b", 2, 7)
    _v2_mark(db, early, "2025-03-01T11:05:00+00:00")
    _v2_label(db, link_rows(other)[0].key, "2025-03-01T11:06:00+00:00")
    db.close()

    with Project.open(path) as project:
        assert len(project.comparisons()) == 2
        first = project.comparison()
        assert [s.text for s in first.sources] == [s.text for s in sample.sources]
        ((_, ref),) = project.marks("Sam")
        assert ref == late
        assert _words(first, ref).strip()
        assert project.annotation(link_rows(sample)[0].id, "Ana").label == "conflict"
        project.use(2)
        second = project.comparison()
        assert [s.text for s in second.sources] == [OTHER_A, OTHER_B]
        assert [r for _, r in project.marks("Sam")] == [early]
        assert _words(second, early) == OTHER_B[2:7]
        assert project.annotation(link_rows(other)[0].id, "Ana").label == "conflict"


def test_a_new_project_goes_through_every_format(tmp_path, sample):
    with Project.create(tmp_path / "new.comparer", sample):
        pass
    db = sqlite3.connect(tmp_path / "new.comparer")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"comparisons", "runs", "sources", "links", "events", "marks", "added_links"} <= tables
    assert db.execute("SELECT count(*) FROM comparisons").fetchone()[0] == 1
    db.close()


# -- any format 2 history splits back so that every mark lies in the texts it is shown against ----------


@functools.cache
def _pairs() -> tuple[Comparison, Comparison]:
    return compare(load_samples()), compare([Source("a", "fa.txt", OTHER_A), Source("b", "fb.txt", OTHER_B)])


_STEP = st.one_of(
    st.tuples(st.just("run"), st.integers(0, 1)),
    st.tuples(st.just("mark"), st.sampled_from("ab"), st.integers(0, 3000), st.integers(1, 300)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.integers(0, 1), steps=st.lists(_STEP, max_size=12))
def test_any_format_2_history_keeps_every_mark_on_texts_it_fits(tmp_path_factory, first, steps):
    """A format 2 file always had a run before its first mark; marks here may lie past either text."""
    pairs = _pairs()
    steps = [("run", first), *steps]
    path = tmp_path_factory.mktemp("history") / "old.comparer"
    db = _v2_file(path)
    shown = 0
    ran: set[int] = set()
    made: list[tuple[SpanRef, int]] = []  # each mark and the pair shown when it was made
    for n, step in enumerate(steps):
        created = f"2025-03-01T10:{n:02d}:00+00:00"
        if step[0] == "run":
            shown = int(step[1])
            ran.add(shown)
            _v2_run(db, n + 1, created, pairs[shown])
        else:
            _, source, start, length = step
            ref = SpanRef(str(source), int(start), int(start) + int(length))
            if any(r == ref for r, _ in made):
                continue
            _v2_mark(db, ref, created)
            made.append((ref, shown))
    db.close()
    with Project.open(path) as project:
        held = project.comparisons()
        found: list[SpanRef] = []
        for stored in held:
            project.use(stored.number)
            texts = {s.id: s.text for s in project.comparison().sources}
            for _, ref in project.marks("Sam"):
                found.append(ref)
                # A mark that fits the pair shown when it was made is kept on that pair.
                shown_pair = next(s for r, s in made if r == ref)
                if ref.end <= len(pairs[shown_pair].source(ref.source).text):
                    assert texts[ref.source] == pairs[shown_pair].source(ref.source).text
                elif any(ref.end <= len(pairs[i].source(ref.source).text) for i in ran):
                    assert ref.end <= len(texts[ref.source])  # moved to texts where it lies
        assert held
        assert sorted(found, key=repr) == sorted((r for r, _ in made), key=repr)  # none lost, none doubled
