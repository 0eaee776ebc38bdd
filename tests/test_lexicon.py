"""The shared lexicon: each list is the one home of its concept, and the dateline patterns match
what news copy opens with (our own examples)."""

from __future__ import annotations

import pytest

from compare.lexicon import (
    DATELINE,
    DATELINE_FRAGMENT,
    DATELINE_LINE,
    MONTHS,
    NUMBER_WORDS,
    SCALES,
    TENS,
    US_STATE_ABBREVIATIONS,
    WEEKDAYS,
)


@pytest.mark.parametrize(
    "opening",
    ["PORTVILLE —", "KANSAS CITY, Mo. --", "ALDPORT, May 3 (Reuters) -", "Millbrook (AFP) –"],
)
def test_dateline_opens_a_story(opening):
    m = DATELINE.match(f"{opening} The ferry left at noon.")
    assert m and m.end() > 0
    assert DATELINE_LINE.match(opening)


@pytest.mark.parametrize("sentence", ["The mayor said — as expected — no.", "Officials - not all - agreed."])
def test_no_dateline_in_ordinary_sentences(sentence):
    assert not DATELINE.match(sentence)
    assert not DATELINE_LINE.match(sentence)


def test_dateline_fragment_is_place_and_wire_without_dash():
    assert DATELINE_FRAGMENT.match("Sallow (AP)")
    assert not DATELINE_FRAGMENT.match("Sallow (AP) - The court")


def test_calendar_and_numbers():
    assert WEEKDAYS[0] == "monday" and len(WEEKDAYS) == 7
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert NUMBER_WORDS["twelve"] == 12 and TENS["ninety"] == 90 and SCALES["dozen"] == 12
    assert "Calif" in US_STATE_ABBREVIATIONS and len(set(US_STATE_ABBREVIATIONS)) == len(
        US_STATE_ABBREVIATIONS
    )
