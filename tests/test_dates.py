"""Dates: the gates that let ``find_dates`` skip a pattern change nothing it finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import dates
from compare.dates import _DATE_PATTERNS, _GATE_PATTERNS, _GATES, _IGNORECASE_ODD, find_dates

# Pieces of text that open gates, match patterns, or sit at the edges of either.
PIECES = [
    "Jan. 5, 2018",
    "5 January",
    "March",
    "May",
    "Sept. 3",
    "late Tuesday night",
    "on Mondays",
    "1999",
    "the 2016 race",
    "2000 troops",
    "in 1990s",
    "5 p.m.",
    "12:30",
    "noon",
    "MIDNIGHT",
    "Easter weekend",
    "New Year's Eve",
    "last week",
    "LAST WEEK",
    "earlier this month",
    "in the fall",
    "this winter",
    "today",
    "Tonight",
    "two days ago",
    "a few years later",
    "within the next 3 hours",
    "in a matter of days",
    "at the end of the year",
    "the day after",
    "21st century",
    "nineteenth century",
    "paſt week",
    "thıs year",
    "THİS month",
    "laſt year",
    "centuRY",
    "K",
    "٣",
    "٣ pm",
    " ",
    ", ",
    ".",
    "-",
    "—",
    "“",
    "”",
    "’",
    "the",
    "of",
    "in",
    "Mr.",
    "said",
    "$",
    "%",
]


def _ungated(s: str) -> list[tuple[int, int, str, str]]:
    """find_dates with every gate open: every pattern searched on every sentence."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dates, "_gate_open", lambda gate, s, low: True)
        return find_dates(s)


def _check(s: str) -> None:
    low = None if any(c in s for c in _IGNORECASE_ODD) else s.lower()
    for (label, pattern), gate in zip(_DATE_PATTERNS, _GATES, strict=True):
        if pattern.search(s):
            assert _GATE_PATTERNS[gate].search(s), (label, gate, s)
            assert dates._gate_open(gate, s, low), (label, gate, s)
    assert find_dates(s) == _ungated(s)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_gates_never_hide_a_match(s: str) -> None:
    _check(s)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ıİſKaeinostwyTDMJ0123 .:-"), max_size=30))
def test_gates_never_hide_a_match_on_odd_letters(s: str) -> None:
    _check(s)


def test_ignorecase_odd_letters_are_all_there_are() -> None:
    """Under IGNORECASE a character matches an ASCII letter whose lower case it does not contain
    only if it is one of ``_IGNORECASE_ODD``: what makes the lowered-text gates exact."""
    letter = re.compile("[a-z]", re.I)
    odd = []
    for cp in range(128, sys.maxunicode + 1):
        c = chr(cp)
        if letter.fullmatch(c) and not (c.lower().isascii() and len(c.lower()) == 1):
            odd.append(c)
    assert tuple(odd) == _IGNORECASE_ODD


def test_dates_found_as_before_on_examples() -> None:
    assert find_dates("It opened on Jan. 5, 2018, at 5 p.m.") == [
        (13, 25, "date", "date:2018-01-05"),
        (30, 36, "time", "time:17:00"),
    ]
    assert find_dates("He called thıs week and the paſt month.") == _ungated(
        "He called thıs week and the paſt month."
    )
    assert [d[2] for d in find_dates("He spoke Tuesday.")] == ["weekday"]
    assert find_dates("Nothing of the kind.") == []


@pytest.mark.corpus
def test_gates_never_hide_a_match_in_the_corpus(corpus_lines) -> None:
    lines = corpus_lines(3)
    for line in lines:
        _check(line)
    assert len(lines) > 1000


def test_part_of_day_and_clock_times_outside_it() -> None:
    from compare.dates import outside_part_of_day, part_of_day

    assert part_of_day("on Tuesday afternoon") == (12, 18)
    assert part_of_day("late Monday night") == (20, 29)
    assert part_of_day("on Tuesday") is None
    assert outside_part_of_day("time:11:00", "Tuesday afternoon")
    assert not outside_part_of_day("time:15:30", "Tuesday afternoon")
    assert not outside_part_of_day("time:01:00", "Monday night")  # past midnight
    assert outside_part_of_day("time:14:00", "Monday night")
    assert not outside_part_of_day("time:11:00", "on Tuesday")


def test_relative_points_and_days_between() -> None:
    assert dates.relative_point("relative:last week") == (1, "week")
    assert dates.relative_point("relative:two weeks ago") == (2, "week")
    assert dates.relative_point("relative:yesterday") == (1, "day")
    assert dates.relative_point("relative:next month") == (-1, "month")
    others = ("relative:last night", "relative:within past 10 days", "relative:last weekend", "weekday:x")
    for key in others:
        assert dates.relative_point(key) is None
    assert dates.points_conflict("relative:last week", "relative:two weeks ago")
    assert not dates.points_conflict("relative:last week", "relative:three weeks ago")
    assert not dates.points_conflict("relative:last week", "relative:a month ago")
    # y's article a week later: its "two weeks ago" is x's "last week".
    assert not dates.points_conflict("relative:last week", "relative:two weeks ago", 7)
    assert dates.points_conflict("relative:yesterday", "relative:yesterday", 1)
    assert dates.days_between("2024-05-08", "2024-05-15T10:00") == 7
    assert dates.days_between(None, "2024-05-15") is None
    assert dates.days_between("May 8", "2024-05-15") is None


def test_date_words_inside_the_name_of_a_paper_or_programme() -> None:
    assert find_dates("He wrote in USA TODAY that it was over.") == []
    assert find_dates("She spoke on Fox News Sunday with him.") == []
    assert [d[2] for d in find_dates("TODAY, he left on Sunday.")] == ["relative", "weekday"]
    assert [d[3] for d in find_dates("Fox News said on Sunday it would.")] == ["weekday:sunday"]


def test_numeric_dates_and_the_weekend() -> None:
    from compare.dates import find_dates

    found = find_dates("The note dated 3/9/19 and the one of 11/30/2018 came over the weekend, 24/7.")
    assert [key for _, _, _, key in found] == ["date:2019-03-09", "date:2018-11-30", "relative:over weekend"]
    assert find_dates("Three in 4/5 voters and 1/2/3.") == []


def test_a_holiday_is_a_whole_word() -> None:
    """Round 12: "Eastern Europe" was read as Easter, a date no other outlet gives."""
    assert find_dates("The stolen data was sold by a gang in Eastern Europe.") == []
    assert [d[3] for d in find_dates("The ferry resumed sailing after Easter.")] == ["holiday:easter"]
    assert [d[2] for d in find_dates("Shops closed over the Christmas weekend.")] == ["holiday"]
