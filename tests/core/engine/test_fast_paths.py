"""Shortcuts the engine takes for speed give what the plain computation gives (as RapidFuzz checks its
fast paths against a naive reference)."""

from __future__ import annotations

import gc
import threading

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from comparer.core.engine import concepts
from comparer.core.engine.collector import NO_FULL_COLLECTION, full_collections_held_off
from comparer.core.engine.dates import find_dates
from comparer.core.engine.discrepancies import _partial_ratios

# Few letters, so that texts often share long runs and partial ratios near the cutoff are common.
_TEXT = st.text(alphabet="ab c.", min_size=0, max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=8), st.lists(_TEXT, min_size=1, max_size=8), st.integers(50, 100))
def test_partial_ratios_are_those_of_every_pair(rows: list[str], cols: list[str], cutoff: int) -> None:
    every = process.cdist(
        rows, cols, scorer=fuzz.partial_ratio, processor=None, dtype="uint8", score_cutoff=cutoff
    )
    assert np.array_equal(_partial_ratios(rows, cols, cutoff), every)


def test_partial_ratios_of_quotations() -> None:
    rows = ["we will rebuild the bridge before winter", "the plant stays shut", "nobody was hurt"]
    cols = [
        "rebuild the bridge before winter",
        "the plant will stay shut until march",
        "no one was hurt at all",
    ]
    every = process.cdist(
        rows, cols, scorer=fuzz.partial_ratio, processor=None, dtype="uint8", score_cutoff=90
    )
    found = _partial_ratios(rows, cols, 90)
    assert np.array_equal(found, every)
    assert found[0][0] == 100  # the fragment is found inside the whole quotation


def test_full_collections_held_off_while_running_and_restored_after() -> None:
    before = gc.get_threshold()
    with full_collections_held_off():
        assert gc.get_threshold() == (before[0], before[1], NO_FULL_COLLECTION)
        with full_collections_held_off():
            assert gc.get_threshold()[2] == NO_FULL_COLLECTION
        assert gc.get_threshold()[2] == NO_FULL_COLLECTION  # the outer run still holds them off
    assert gc.get_threshold() == before


def test_full_collections_restored_after_an_error_and_across_threads() -> None:
    before = gc.get_threshold()
    inside = threading.Event()
    leave = threading.Event()
    seen: list[int] = []

    def other_run() -> None:
        with full_collections_held_off():
            inside.set()
            leave.wait()

    worker = threading.Thread(target=other_run)
    worker.start()
    inside.wait()
    try:
        with full_collections_held_off():
            raise ValueError("the comparison failed")
    except ValueError:
        seen.append(gc.get_threshold()[2])  # the other thread's run is still going
    leave.set()
    worker.join()
    assert seen == [NO_FULL_COLLECTION]
    assert gc.get_threshold() == before


def test_phrase_concepts_found_as_by_each_pattern() -> None:
    texts = [
        "The ball is now in the council's court, the mayor of Tarrow said.",
        "Officials said the next step would be an inquiry; no one was injured.",
        "The White House and the Pentagon said the United States has no appetite for a full-scale war.",
        "Ferry services to Ellesby resumed on Tuesday.",
        "",
    ]
    for text in texts:
        folded = concepts.fold(text)
        assert concepts.phrase_concepts(text) == {c for p, c in concepts._PHRASES if p.search(folded)}
    assert concepts.phrase_concepts(texts[3]) == set()
    assert "casualty" in concepts.phrase_concepts(texts[1])


def test_weekdays_inside_dates_are_not_read_twice() -> None:
    text = (
        "On Monday, March 3, 2025 the ferry left; on Tuesday it returned. "
        "Thursday 6 March the port reopened, and by Friday all was calm."
    )
    found = find_dates(text, None)
    forms = [(d.text, d.form) for d in found]
    assert ("March 3, 2025", "date") in forms
    assert ("Tuesday", "weekday") in forms
    assert ("Friday", "weekday") in forms
    assert all(not a.span.overlaps(b.span) for i, a in enumerate(found) for b in found[i + 1 :])
