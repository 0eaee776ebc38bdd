"""The quantity normaliser: digits, number words, scales, money, percentages, ages, vague and qualified."""

from __future__ import annotations

import math

import pytest

from compare.quantities import (
    Quantity,
    canonical,
    compatible,
    find_quantities,
    interval,
    is_exact,
    parse_quantity,
)


def one(text: str):
    q = parse_quantity(text)
    assert q is not None, text
    return q


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("60", 60),
        ("1,250", 1250),
        ("3.75", 3.75),
        ("1.5 million", 1_500_000),
        ("2.3 billion", 2_300_000_000),
        ("sixty", 60),
        ("sixty-two", 62),
        ("two hundred and five", 205),
        ("a hundred", 100),
        ("one million", 1_000_000),
        ("three thousand four hundred", 3400),
        ("two dozen", 24),
        ("forty thousand", 40_000),
    ],
)
def test_exact_values(text: str, value: float) -> None:
    q = one(text)
    assert is_exact(q)
    assert q.value == value
    assert q.text == text


def test_scale_word_is_part_of_the_decimal_not_a_new_number() -> None:
    # word2number read this as 1,000,000 in a trial
    (q,) = find_quantities("officials counted 1.5 million ballots")
    assert q.value == 1_500_000 and q.text == "1.5 million"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$3.2bn", 3.2e9, "$"),
        ("£5m", 5e6, "£"),
        ("€40", 40, "€"),
        ("$250,000", 250_000, "$"),
        ("US$12 million", 12e6, "$"),
        ("300 dollars", 300, "$"),
        ("25 percent", 25, "%"),
        ("25 per cent", 25, "%"),
        ("3.5%", 3.5, "%"),
        ("two percentage points", 2, "points"),
    ],
)
def test_money_and_percentages(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_ages_after_a_name_and_hyphenated() -> None:
    (q,) = find_quantities("Marta Kowal, 23, said she left")
    assert (q.value, q.unit, q.label) == (23, "years", "age")
    (q,) = find_quantities("a 41-year-old driver")
    assert (q.text, q.value, q.unit, q.label) == ("41-year-old", 41, "years", "age")
    (q,) = find_quantities("he is 57 years old")
    assert (q.value, q.label) == (57, "age")


def test_a_list_after_a_name_is_not_an_age() -> None:
    (q,) = find_quantities("In Dorset, 23 homes flooded")
    assert q.label is None  # followed by a noun, not a comma


def test_ordinals() -> None:
    assert one("the 112th").value == 112 and one("the 112th").unit == "ordinal"
    q = one("the third")
    assert (q.value, q.unit) == (3, "ordinal")


def test_first_days_stays_an_ordinal_not_a_count() -> None:
    # number-parser turned "the first days" into "the 1 days" in a trial
    (q,) = find_quantities("in the first days of the war")
    assert q.text == "first" and q.unit == "ordinal"


def test_second_as_a_time_unit_is_a_duration() -> None:
    (q,) = find_quantities("one second later")
    assert q.unit == "seconds" and q.value == 1


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("dozens", 24, 99),
        ("hundreds", 200, 999),
        ("thousands", 2000, 9999),
        ("tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("a handful", 2, 6),
        ("several", 3, 9),
        ("a few", 2, 5),
        ("a dozen", 10, 14),
    ],
)
def test_vague_quantities_are_ranges(text: str, low: float, high: float) -> None:
    q = one(text)
    assert q.value is None
    assert (q.low, q.high) == (low, high)
    assert q.label == "vague"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about 60", 54, 66),
        ("roughly 1,000", 900, 1100),
        ("nearly 2,000", 1800, 2000),
        ("almost a dozen", 10.8, 12),
        ("at least 42", 42, math.inf),
        ("more than 100,000", 100_000, math.inf),
        ("up to 50", 0, 50),
        ("fewer than 10", 0, 10),
        ("between 50 and 60", 50, 60),
        ("50-60", 50, 60),
    ],
)
def test_qualifiers_and_ranges(text: str, low: float, high: float) -> None:
    q = one(text)
    lo, hi = interval(q)
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_pronoun_one_and_codes_are_not_numbers() -> None:
    assert find_quantities("one of the largest groups") == ()
    assert find_quantities("no one came") == ()
    assert find_quantities("the 9/11 health bill") == ()
    assert find_quantities("at 10:30 the G20 met") == ()
    assert find_quantities("under section 3 of the act") == ()
    assert find_quantities("outside 10 Downing Street") == ()


def test_some_without_a_number_is_not_a_quantity() -> None:
    assert find_quantities("some people said so") == ()
    assert one("some 300").value == 300


def test_offsets_index_the_string() -> None:
    text = "Police said about 60 people, including several children, were hurt; 3 died."
    found = find_quantities(text)
    assert [q.text for q in found] == ["about 60", "several", "3"]
    for q in found:
        assert text[q.start : q.end] == q.text


def test_compatible_vague_and_exact_but_not_different_exact() -> None:
    assert compatible(one("60"), one("dozens"))
    assert not compatible(one("60"), one("50"))
    assert compatible(one("about 60"), one("58"))
    assert compatible(one("more than 100"), one("150"))
    assert not compatible(one("more than 100"), one("80"))
    assert not compatible(one("60 percent"), one("60"))  # different units


def test_canonical_forms() -> None:
    assert canonical(one("60")) == "60"
    assert canonical(one("dozens")) == "24-99"
    assert canonical(one("at least 42")) == ">=42"
    assert canonical(one("up to 50")) == "<=50"
    assert canonical(one("$3.2bn")) == "$3200000000"
    assert canonical(one("25%")) == "25%"
    assert canonical(one("a 23-year-old")) == "23 years"


def test_parse_quantity_rejects_two_quantities() -> None:
    assert parse_quantity("60 and 70") is None
    assert parse_quantity("no numbers here") is None


def test_hyphenated_durations() -> None:
    (q,) = find_quantities("a 30-day delay")
    assert (q.text, q.value, q.unit, q.label) == ("30-day", 30, "days", "duration")


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("$43 million", 1e6),
        ("$13.6 million", 1e5),
        ("$700 billion", 1e11),
        ("55,000", 1000),
        ("35.7 percent", 0.1),
        ("60", 0),
        ("8,125", 0),
        ("nine thousand", 0),
        ("about 50", 0),
    ],
)
def test_rounding_step_from_how_a_figure_is_written(text: str, step: float) -> None:
    from compare.quantities import rounding_step

    assert rounding_step(one(text)) == pytest.approx(step)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("$43 million", "$43,885,310", True),  # truncated, as money with a scale word often is
        ("$13.6 million", "$13,625,777", True),
        ("$700 billion", "$716 billion", True),
        ("35.7 percent", "35.72 percent", True),
        ("$2.4 billion", "$2.1 billion", False),
        ("8,000", "nine thousand", False),
        ("60", "50", False),
        ("60", "64", False),  # small counts are never taken as rounded
        ("2,000", "2,999", False),  # plain digits round, they do not truncate
        ("25%", "25 dollars", False),
    ],
)
def test_agree_when_rounded(a: str, b: str, agree: bool) -> None:
    from compare.quantities import agree_when_rounded

    assert agree_when_rounded(one(a), one(b)) is agree
    assert agree_when_rounded(one(b), one(a)) is agree


def test_numbers_naming_a_measure_or_a_rank_are_not_counts() -> None:
    assert [q.text for q in find_quantities("Voters passed Amendment 64 and SB 1062.")] == []
    assert [q.text for q in find_quantities("the No. 2 Liberal in the council")] == []
    # a lower-case "no." ends a sentence, and "bill" in lower case counts nothing by itself
    assert [q.text for q in find_quantities("He said no. 2 people died.")] == ["2"]
    assert [q.text for q in find_quantities("a bill 20 senators backed")] == ["20"]


def test_a_bare_plural_scale_word_does_not_deny_a_larger_figure() -> None:
    def q(text: str) -> Quantity:
        found = parse_quantity(text)
        assert found is not None
        return found

    assert compatible(q("thousands"), q("tens of thousands"))
    assert compatible(q("tens of thousands"), q("thousands"))
    assert compatible(q("hundreds"), q("1,200"))
    assert not compatible(q("thousands"), q("500"))  # a smaller figure it does deny
    assert not compatible(q("hundreds of thousands"), q("more than 1.8 million"))  # not a bare plural


def test_a_vague_word_counts_the_scale_after_it() -> None:
    (q,) = find_quantities("They won a few dozen votes.")
    assert (q.text, q.low, q.high, q.label) == ("a few dozen", 24, 60, "vague")
    (q,) = find_quantities("Several hundred thousand people marched.")
    assert (q.low, q.high) == (300_000, 900_000)
    (q,) = find_quantities("A dozen eggs.")
    assert (q.low, q.high) == (10, 14)
