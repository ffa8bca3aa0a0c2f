"""Relative days at the calendar's edges resolve to no day instead of raising (hostile input, fault 8)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from comparer.core.engine.compare import compare
from comparer.core.engine.dates import find_dates
from comparer.core.engine.model import Source

_PHRASES = st.sampled_from(
    ["tomorrow", "yesterday", "last night", "last Friday", "next Monday", "on Sunday", "the end of the month"]
)
_EDGE_DATES = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(1, 1, 14)),
    st.dates(min_value=date(9999, 12, 18), max_value=date(9999, 12, 31)),
    st.dates(),
)


@settings(max_examples=300, deadline=None)
@given(_EDGE_DATES, st.lists(_PHRASES, min_size=1, max_size=4))
def test_relative_days_never_raise(published: date, phrases: list[str]) -> None:
    text = "It happened " + ", then ".join(phrases) + ", officials said."
    for mention in find_dates(text, published):
        assert mention.day is None or isinstance(mention.day, date)


def test_tomorrow_on_the_last_day_of_the_calendar_compares() -> None:
    a = Source("a", "A", "The talks resume tomorrow, officials said.\n", published=date(9999, 12, 31))
    b = Source("b", "B", "The talks resume tomorrow, the ministry said.\n", published=date(9999, 12, 31))
    assert compare([a, b]).links


def test_cli_date_at_year_one_with_last_friday(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The convoy was hit last Friday, officials said.\n", encoding="utf-8")
    b.write_text("The convoy was hit on Friday, the army said.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "comparer", "compare", str(a), str(b), "--date", "a=0001-01-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
