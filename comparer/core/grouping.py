"""Grouping a pile of accounts into events before comparing them (candidate blocking).

A corpus gathered without events given would need every account compared with every other:
n·(n−1)/2 pairs. Accounts of one event share things accounts of other events rarely do: the
names of the people and places, the figures, the days. Each account is read down to those
**marks** (a name's folded words and its surname, a figure of 10 or more that is not a bare year,
a calendar day a date resolves to); a mark found in many accounts says little, so each weighs
``log(n / accounts with it)²`` (squared, so that one rare name outweighs several common marks),
and marks in more than half the accounts (or in more than ``max_accounts`` of them) are not
used at all (a mark two accounts share always counts).

Two accounts are **linked** when they share at least ``min_shared`` marks, one of them a name or a
day (figures coincide too easily), the weight they share is at least ``min_overlap`` of the
smaller account's weight, and — when both give a publication date — they were published within
``window_days`` of each other. Candidate pairs come from an
inverted index of the marks, so accounts with nothing in common are never scored. The events
are the connected groups of linked accounts; an account linked to none stands alone and is
not compared.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

from wordfreq import zipf_frequency

from comparer.core.engine.dates import find_dates
from comparer.core.engine.model import Source
from comparer.core.engine.names import find_names, translit_key
from comparer.core.engine.numbers import find_numbers
from comparer.core.engine.segment import segment

_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
# A one-word name as common as this in English ("Square", "Hundreds", "Police") marks no event.
_COMMON_ZIPF = 4.5


@dataclass(frozen=True)
class GroupOptions:
    """How accounts are grouped into events (recorded with the groups)."""

    window_days: int = 3
    min_shared: int = 2
    min_overlap: float = 0.3
    max_accounts: int = 500


@dataclass(frozen=True)
class Account:
    """One account as the grouping sees it: where it is, when it was published, and its marks."""

    path: str
    published: date | None
    marks: frozenset[str]


@dataclass(frozen=True)
class Grouping:
    """Events found among ``accounts`` (indices into it, each group in the accounts' order)."""

    accounts: tuple[Account, ...]
    groups: tuple[tuple[int, ...], ...]
    alone: tuple[int, ...]
    scored: int

    @property
    def pairs_all(self) -> int:
        """The pairs comparing every account with every other would take."""
        n = len(self.accounts)
        return n * (n - 1) // 2

    @property
    def pairs_within(self) -> int:
        """The pairs comparing only within the groups takes."""
        return sum(len(g) * (len(g) - 1) // 2 for g in self.groups)

    def summary(self) -> str:
        """One line: groups found, accounts alone, and the pairs saved."""
        saved = self.pairs_all - self.pairs_within
        share = 100.0 * saved / self.pairs_all if self.pairs_all else 0.0
        return (
            f"{len(self.accounts)} accounts in {len(self.groups)} events "
            f"({len(self.alone)} alone, not compared): {self.pairs_within} pairs to compare "
            f"instead of {self.pairs_all} ({saved} fewer, {share:.1f} %)"
        )


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
    return zipf_frequency(word, "en") >= _COMMON_ZIPF


def marks_of(source: Source) -> frozenset[str]:
    """The names, figures and days of one account's body sentences, as grouping marks."""
    marks: set[str] = set()
    for claim in segment(source):
        if claim.role != "body":
            continue
        for name in find_names(claim.text):
            if len(name.words) == 1 and _common(name.words[0]):
                continue
            words = [translit_key(w) for w in name.words]
            marks.add("name:" + " ".join(words))
            if len(words) > 1 and not _common(name.words[-1]):
                marks.add("name:" + words[-1])
        for number in find_numbers(claim.text):
            if number.value >= 10 and not _YEAR.match(number.text.strip()):
                marks.add(f"figure:{number.value:g}")
        for mention in find_dates(claim.text, source.published):
            if mention.day is not None:
                marks.add(f"day:{mention.day.isoformat()}")
    return frozenset(marks)


def account_of(source: Source) -> Account:
    """The grouping's view of a loaded account."""
    return Account(source.path, source.published, marks_of(source))


class _Groups:
    """Union–find over account indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _within_window(a: Account, b: Account, days: int) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= days


def group_accounts(accounts: Iterable[Account], options: GroupOptions | None = None) -> Grouping:
    """Group accounts into events by the marks they share (see the module's docstring)."""
    opts = options or GroupOptions()
    items = tuple(accounts)
    n = len(items)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, account in enumerate(items):
        for mark in account.marks:
            holders[mark].append(i)
    limit = max(2, min(n // 2, opts.max_accounts))
    weight = {m: math.log(n / len(h)) ** 2 for m, h in holders.items() if 2 <= len(h) <= limit}
    totals = [sum(weight.get(m, 0.0) for m in a.marks) for a in items]
    shared: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for mark, w in weight.items():
        named = 0.0 if mark.startswith("figure:") else 1.0
        for pair in combinations(holders[mark], 2):
            cell = shared[pair]
            cell[0] += 1
            cell[1] += w
            cell[2] += named
    groups = _Groups(n)
    for (i, j), (count, w, names) in shared.items():
        smaller = min(totals[i], totals[j])
        if (
            names > 0
            and count >= opts.min_shared
            and smaller > 0
            and w >= opts.min_overlap * smaller
            and _within_window(items[i], items[j], opts.window_days)
        ):
            groups.join(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[groups.find(i)].append(i)
    found = tuple(tuple(m) for _, m in sorted(members.items()) if len(m) > 1)
    alone = tuple(m[0] for _, m in sorted(members.items()) if len(m) == 1)
    return Grouping(items, found, alone, len(shared))


def group_names(grouping: Grouping, width: int | None = None) -> list[str]:
    """Stable names for the groups: ``event0001`` … in the order of their first account."""
    digits = width or max(4, len(str(len(grouping.groups))))
    return [f"event{k:0{digits}d}" for k in range(1, len(grouping.groups) + 1)]


def members(grouping: Grouping, group: Sequence[int]) -> list[Account]:
    """The accounts of one group."""
    return [grouping.accounts[i] for i in group]
