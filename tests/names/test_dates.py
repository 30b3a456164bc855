"""Dates in running text: full dates, months, years in context, ranges; vague expressions are not dates."""

from __future__ import annotations

import pytest

from name_helpers import NS, convert, empty_lists  # noqa: F401 (fixture)
from teikit.dates import find_date_spans


def spans(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(text[s.start:s.end], s.when, s.start_date, s.end_date) for s in find_date_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("We began the strike on December 11, 1933.", [("December 11, 1933", "1933-12-11", None, None)]),
    ("On December 20 the strikers were dragged out.", [("December 20", "--12-20", None, None)]),
    ("Back in March, 1934, I sent a telegram.", [("March, 1934", "1934-03", None, None)]),
    ("Early in 1928, he was arrested.", [("1928", "1928", None, None)]),
    ("the period of 1923–1926.", [("1923–1926", None, "1923", "1926")]),
    ("Arben Davitian (1895–1944), an Armenian", [("1895–1944", None, "1895", "1944")]),
    ("our work from 1923 to 1930 against the Right", [("1923 to 1930", None, "1923", "1930")]),
    ("During the 1920s he joined the Opposition.", [("1920s", None, "1920", "1929")]),
    ("In May I sent a telegram.", [("May", "--05", None, None)]),
])
def test_calendar_expressions(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "next year", "last spring", "the 15th day of the strike", "May I go now?", "out of 1500 prisoners",
    "pp. 7 & 8", "the last 12 years", "a 14-day hunger strike", "he may come", "there were 485 of us",
    "in 1500 years", "the year 31 February 1933 never was",
])
def test_vague_or_impossible_expressions_are_not_dates(text):
    assert spans(text) == []


def test_dates_in_tei_have_when_or_from_to_and_cert(empty_lists):
    text = "From 1923 on, they protested. In the summer of 1932 and again on January 22, 1934 (1923–1926)."
    _, root = convert(text, empty_lists)
    dates = {"".join(d.itertext()): d for d in root.iterfind(".//t:text//t:date", NS)}
    assert dates["January 22, 1934"].get("when") == "1934-01-22"
    assert (dates["1923–1926"].get("from"), dates["1923–1926"].get("to")) == ("1923", "1926")
    assert dates["1932"].get("when") == "1932"
    assert all(d.get("cert") in ("high", "medium") and d.get("resp") for d in dates.values())


def test_a_german_day_with_its_dot_before_month_and_year():
    from teikit.dates import find_dates
    assert [d.when for d in find_dates("Berlin, den 5. Mai 1920")] == ["1920-05-05"]
    assert [d.when for d in find_dates("2. May we go on?")] == []  # a list item, not a date


def test_a_season_or_part_of_a_year_gives_the_year_it_falls_in():
    from teikit.dates import parse_date
    assert parse_date("(Summer 1940)") == "1940"
    assert parse_date("late September 1935") == "1935-09"
    assert parse_date("Summer") is None and parse_date("early days") is None
