"""Kind titles, severity and colours are defined once in core and read by every view."""

from __future__ import annotations

import re

import pytest

from comparer.core.engine.model import (
    CHECK_KINDS,
    FINDING_KINDS,
    Claim,
    Comparison,
    Evidence,
    Finding,
    Link,
    Source,
    Span,
)
from comparer.core.report import kinds
from comparer.core.report.html import highlight, kind_colour, render_html
from comparer.core.report.text import render_text
from comparer.core.research.classroom import Target

ALL = (*FINDING_KINDS, kinds.ONLY_IN, *CHECK_KINDS)
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def test_every_kind_the_engine_names_has_one_entry():
    assert set(ALL) == set(kinds.KINDS)
    titles = [k.title for k in kinds.KINDS.values()]
    shorts = [k.short for k in kinds.KINDS.values()]
    assert len(set(titles)) == len(titles)
    assert len(set(shorts)) == len(shorts)
    for k in kinds.KINDS.values():
        assert k.title[0].isupper()
        assert k.short == k.short.lower()
        assert HEX.fullmatch(k.hex)
        assert k.family in kinds.FAMILIES
    assert {k.family for k in kinds.KINDS.values()} == set(kinds.FAMILIES)


def test_the_table_is_in_severity_order_and_classes_follow_ranks():
    ranks = [k.rank for k in kinds.KINDS.values()]
    assert ranks == sorted(ranks)
    assert kinds.display_order(reversed(list(kinds.KINDS))) == list(kinds.KINDS)
    assert kinds.KINDS["number_conflict"].severity == "conflict"
    assert kinds.KINDS["quote_wording"].severity == "difference"
    assert kinds.KINDS["spelling_variant"].severity == "note"
    assert kinds.KINDS[kinds.ONLY_IN].severity is None


def test_an_unknown_kind_is_a_grey_note_named_by_its_words():
    other = kinds.kind("fresh_kind")
    assert (other.title, other.short, other.rank, other.family) == (
        "Fresh kind",
        "fresh kind",
        kinds.NOTE_RANK,
        kinds.OTHER,
    )
    assert kinds.display_order(["fresh_kind", "number_conflict"]) == ["number_conflict", "fresh_kind"]


def test_tint_is_the_kind_colour_laid_over_white():
    assert kinds.tint("number_conflict", 1.0).lower() == kinds.KINDS["number_conflict"].hex.lower()
    assert kinds.tint("number_conflict", 0.0) == "#ffffff"
    pale = kinds.tint("quote_wording")
    assert HEX.fullmatch(pale)
    assert pale != kinds.tint("number_conflict")


def _comparison() -> Comparison:
    a = Source("a", "a.txt", "Officials said 5 died in Tarn. Ann Kovac spoke.")
    b = Source("b", "b.txt", "Police said 7 died in Tarn. Anne Kovacs spoke.")
    ca, cb = Claim("a1", "a", 0, 47, a.text, "body", 0), Claim("b1", "b", 0, 46, b.text, "body", 0)
    number = Finding(
        "number_conflict", ("5", "7"), ((Span(15, 16),), (Span(12, 13),)), "a says 5, b says 7", id="F1"
    )
    name = Finding(
        "name_variant",
        ("Ann Kovac", "Anne Kovacs"),
        ((Span(31, 40),), (Span(28, 39),)),
        "one person",
        id="F2",
    )
    link = Link("L1", "a1", "b1", 80.0, "conflict", (name, number), Evidence("test", {}))
    return Comparison((a, b), (ca, cb), (link,), (), {"min_score": 30.0}, findings=(name, number))


def test_the_html_report_titles_and_colours_from_the_table():
    doc = render_html(_comparison())
    for name in ("number_conflict", "name_variant"):
        assert f'<span class="kind">{kinds.KINDS[name].title}.</span>' in doc
        assert f"mark.{name} {{ background: {kinds.tint(name)}; }}" in doc
    assert kind_colour("casualties") == kinds.tint("casualties")
    qt = highlight("abcdef", [(Span(1, 3), 1, "casualties")], for_qt=True)
    assert f"background-color:{kinds.tint('casualties')}" in qt
    assert 'title="1. Casualty figures differ"' in qt


def test_the_text_report_heads_each_kind_by_its_short_title_most_serious_first():
    out = render_text(_comparison())
    headings = re.findall(r"^== (.+) \(\d+\) ==$", out, flags=re.MULTILINE)
    assert headings[:2] == [kinds.KINDS["number_conflict"].short, kinds.KINDS["name_variant"].short]


def test_the_classroom_names_targets_by_the_table():
    assert Target(1, "spelling_variant", (), "").title == kinds.KINDS["spelling_variant"].title


@pytest.mark.parametrize("name", ALL)
def test_the_app_paints_and_names_every_kind_as_the_table_does(name):
    from comparer.gui.palette import OKABE_ITO, kind_label, kind_style
    from comparer.gui.rows import severity_class, severity_rank

    entry = kinds.KINDS[name]
    style = kind_style(name)
    assert (style.label, style.colour, style.glyph, style.line_name) == (
        entry.title,
        entry.hex,
        entry.glyph,
        entry.line,
    )
    assert kind_label(name) == f"{entry.glyph} {entry.title}"
    assert OKABE_ITO is kinds.OKABE_ITO
    assert severity_rank(name) == entry.rank
    assert severity_class(name) == entry.severity


def test_the_legend_shows_one_entry_per_family_of_the_table():
    from comparer.gui.legend import FAMILIES

    assert [title for _, title in FAMILIES] == [f.title for f in kinds.FAMILIES]
    assert [kinds.KINDS[k].family for k, _ in FAMILIES] == list(kinds.FAMILIES)
