"""``comparer batch --group-events``: accounts with no events given are grouped, then compared within."""

import json
from datetime import date
from itertools import combinations

import pandas as pd

from comparer.cli import main
from comparer.core.grouping import Account, GroupOptions, group_accounts

FERRY = {
    "ferry-coastal.txt": (
        "Published: March 4, 2031\n\n"
        "A ferry sank on Lake Varnel near Ostrova on Monday, and 23 people died, the harbour office said.\n\n"
        "Captain Iver Halloran had 140 passengers on board when the Salmbridge listed in a storm.\n\n"
        "Rescuers pulled 96 survivors from the water before dark, police said."
    ),
    "ferry-daily.txt": (
        "Published: March 4, 2031\n\n"
        "At least 23 people drowned when the Salmbridge went down on Lake Varnel, "
        "officials in Ostrova said.\n\n"
        "The ferry, skippered by Iver Halloran, was carrying 140 people.\n\n"
        "Police said the search would go on through Tuesday."
    ),
    "ferry-wire.txt": (
        "Published: March 5, 2031\n\n"
        "The death toll from the Salmbridge sinking on Lake Varnel rose to 25 on Tuesday.\n\n"
        "Halloran, the captain, survived; 96 passengers were rescued near Ostrova.\n\n"
        "Police said divers were still searching the wreck."
    ),
}
FIRE = {
    "fire-herald.txt": (
        "Published: March 4, 2031\n\n"
        "Fire swept through a warehouse in Port Deyla on Monday, injuring seven workers, police said.\n\n"
        "Fire chief Marisol Quintero said 58 firefighters fought the blaze at the Tarrant depot.\n\n"
        "About 3,000 square metres of stock burned."
    ),
    "fire-post.txt": (
        "Published: March 4, 2031\n\n"
        "Seven people were hurt when the Tarrant depot in Port Deyla caught fire, Marisol Quintero said.\n\n"
        "Some 58 firefighters were called to the warehouse.\n\n"
        "Police said the cause was not yet known."
    ),
    "fire-times.txt": (
        "Published: March 5, 2031\n\n"
        "Investigators in Port Deyla are searching the burned Tarrant depot, "
        "chief Quintero said on Tuesday.\n\n"
        "The fire injured seven and destroyed 3,000 square metres of goods.\n\n"
        "Police said they had ruled out arson."
    ),
}


def _pile(tmp_path, extra=None):
    """The six accounts in one flat folder, the two events' files interleaved by name."""
    root = tmp_path / "pile"
    root.mkdir()
    for name, text in {**FERRY, **FIRE, **(extra or {})}.items():
        (root / name).write_text(text + "\n", encoding="utf-8")
    return root


def _events(groups_csv):
    table = pd.read_csv(groups_csv, keep_default_na=False)
    grouped = table[table["event"] != ""]
    names = grouped["file"].str.rsplit("/", n=1).str[-1]
    return {frozenset(g) for _, g in names.groupby(grouped["event"])}, table


def test_two_events_are_found_and_no_pair_across_them_is_compared(tmp_path, capsys):
    root = _pile(tmp_path)
    out, groups = tmp_path / "links.jsonl", tmp_path / "groups.csv"
    args = ["batch", str(root), "--group-events", "-o", str(out), "--groups", str(groups), "-q", "-j", "1"]
    assert main(args) == 0
    events, _ = _events(groups)
    assert events == {frozenset(FERRY), frozenset(FIRE)}
    err = capsys.readouterr().err
    assert "6 accounts in 2 events (0 alone, not compared): 6 pairs to compare instead of 15 (9 fewer" in err
    comparisons = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(comparisons) == 2
    for comparison in comparisons:
        files = {s["path"].rsplit("/", 1)[-1] for s in comparison["sources"]}
        assert files in (set(FERRY), set(FIRE))
        by_source = {c["id"]: c["source"] for c in comparison["claims"]}
        for link in comparison["links"]:  # every link joins two accounts of the one event compared
            assert by_source[link["a"]] != by_source[link["b"]]


def test_an_account_of_no_event_stands_alone_and_is_not_compared(tmp_path, capsys):
    lonely = {"other.txt": "Published: March 4, 2031\n\nThe Halvard orchestra opened its season in Brenna."}
    root = _pile(tmp_path, lonely)
    out, groups = tmp_path / "links.csv", tmp_path / "groups.csv"
    assert main(["batch", str(root), "--group-events", "-o", str(out), "--groups", str(groups), "-q"]) == 0
    events, table = _events(groups)
    assert events == {frozenset(FERRY), frozenset(FIRE)}
    assert table[table["event"] == ""]["file"].str.endswith("other.txt").tolist() == [True]
    err = capsys.readouterr().err
    assert "7 accounts in 2 events (1 alone, not compared): 6 pairs to compare instead of 21" in err
    links = pd.read_csv(out, keep_default_na=False)
    assert set(links["pair"]) == {"event0001", "event0002"}


def test_a_manifest_gives_the_dates_and_the_window_keeps_distant_ones_apart(tmp_path, capsys):
    root = tmp_path / "pile"
    root.mkdir()
    rows = ["file,date"]
    late = list(FERRY)[2]
    for name, text in {**FERRY, **FIRE}.items():
        body = text.split("\n\n", 1)[1]  # no date in the text: the manifest gives it
        (root / name).write_text(body + "\n", encoding="utf-8")
        rows.append(f"{name},{'2031-04-20' if name == late else '2031-03-04'}")
    (root / "pile.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out, groups = tmp_path / "links.csv", tmp_path / "groups.csv"
    args = ["batch", str(root / "pile.csv"), "--group-events", "-o", str(out), "--groups", str(groups), "-q"]
    assert main(args) == 0
    events, table = _events(groups)
    assert events == {frozenset(FERRY) - {late}, frozenset(FIRE)}  # one is dated seven weeks later
    assert table[table["event"] == ""]["file"].str.endswith(late).tolist() == [True]
    assert set(table[table["event"] != ""]["published"]) == {"2031-03-04"}
    assert main([*args, "--window", "60"]) == 0
    events, _ = _events(groups)
    assert events == {frozenset(FERRY), frozenset(FIRE)}
    assert "6 accounts in 2 events (0 alone" in capsys.readouterr().err


def _account(path, marks, day=None):
    return Account(path, day, frozenset(marks))


def test_marks_in_most_accounts_join_nothing_and_a_figure_alone_is_not_enough():
    common = {"name:ostrova", "figure:23"}
    accounts = [
        _account("a", {*common, "name:iver halloran", "name:halloran", "figure:140"}),
        _account("b", {*common, "name:halloran", "figure:140"}),
        _account("c", {*common, "name:marisol kintero", "name:kintero"}),
        _account("d", {*common, "name:marisol kintero", "name:kintero"}),
        _account("e", {"figure:58", "figure:3000"}),
        _account("f", {"figure:58", "figure:3000"}),  # two figures shared, but no name or day
    ]
    grouping = group_accounts(accounts)
    groups = {frozenset(accounts[i].path for i in g) for g in grouping.groups}
    assert groups == {frozenset("ab"), frozenset("cd")}
    assert sorted(accounts[i].path for i in grouping.alone) == ["e", "f"]
    assert grouping.pairs_all == 15
    assert grouping.pairs_within == 2
    every = {frozenset(p) for p in combinations("abcdef", 2)}
    compared = {
        frozenset(accounts[i].path for i in pair) for g in grouping.groups for pair in combinations(g, 2)
    }
    assert compared < every


def test_publication_dates_beyond_the_window_never_join():
    marks = {"name:iver halloran", "name:salmbridge", "figure:140"}
    far = [_account("a", marks, date(2031, 3, 4)), _account("b", marks, date(2031, 3, 20))]
    filler = [_account(str(i), {f"name:other{i}"}) for i in range(3)]  # so the marks are rare
    assert group_accounts([*far, *filler]).groups == ()
    assert group_accounts([*far, *filler], GroupOptions(window_days=30)).groups == ((0, 1),)
    undated = [_account("a", marks, date(2031, 3, 4)), _account("b", marks)]
    assert group_accounts([*undated, *filler]).groups == ((0, 1),)
