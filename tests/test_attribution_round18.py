"""Round eighteen of attribution (docs/attribution.md): source errors read on real news, each fixed by
a general rule. Every sentence here is written for the tests; none is real news."""

from __future__ import annotations

import pytest
from builders import relations as _rels

from compare.attribution.sources import source_kind


# ---- a cue after "and" and an aside shares the clause's subject ----------------------------------
@pytest.mark.parametrize("aside", ["mirroring his allies", "like his allies", "echoing the party line"])
def test_an_aside_after_and_leaves_the_clause_subject(aside: str) -> None:
    text = f"Smith has backed the tax reform in public and, {aside}, has reportedly said the plan would fail."
    assert _rels(text) == [("has reportedly said", "Smith")]


def test_a_cue_after_and_with_no_aside_still_takes_the_subject() -> None:
    text = "Smith has backed the tax reform in public and has reportedly said the plan would fail."
    assert _rels(text) == [("has reportedly said", "Smith")]


# ---- "call X Y": the object is no source ----------------------------------------------------------
def test_a_plural_possessive_in_a_description_keeps_the_name() -> None:
    text = "Jo Roe, the head of the Farmers’ Union for Fair Trade, called the idea illegal and offensive."
    assert _rels(text) == [("called", "Jo Roe, the head of the Farmers’ Union for Fair Trade")]


def test_a_straight_apostrophe_plural_possessive_too() -> None:
    text = "Jo Roe, the head of the Bakers' Guild, said it was unfair."
    assert _rels(text) == [("said", "Jo Roe, the head of the Bakers' Guild")]


def test_called_after_a_comma_is_never_inverted() -> None:
    assert ("called", None) in _rels("The draft was written by a panel, called the School Road Plan.")
    assert _rels("“It is wrong,” called out Smith.") == [("called out", "Smith")]


# ---- nouns are no cues ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The mayor also drew the usual share of public ridicule for his plan to close the park.",
        "The children rolled their eyes at the tired dad jokes that followed the speech.",
        "Her remarks were the sharpest public rebuke to date by the agency since the deal was signed.",
        "His speech was full of jokes about the weather.",
    ],
)
def test_ridicule_rebuke_and_jokes_as_nouns_are_no_cues(text: str) -> None:
    assert _rels(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Critics ridicule the plan as a stunt.", "ridicule", "Critics"),
        ("He jokes that the weather is to blame.", "jokes", "He"),
        ("The senator rebuked the mayor, saying the plan was late.", "rebuked", "The senator"),
    ],
)
def test_ridicule_rebuke_and_jokes_as_verbs_stay_cues(text: str, cue: str, source: str) -> None:
    assert (cue, source) in _rels(text)


# ---- a "who" clause inside a description closed by a comma -----------------------------------------
@pytest.mark.parametrize("heard", ["the Gazette", "reporters"])
def test_a_who_clause_in_a_description_keeps_the_name(heard: str) -> None:
    text = f"Bo Brown, a detective who helped catch Green, told {heard} it was fake."
    assert _rels(text) == [("told", "Bo Brown, a detective who helped catch Green")]


def test_a_clause_with_no_article_is_still_no_description() -> None:
    text = "On Tuesday, Sanders endorsed Clinton, saying the race was over."
    assert ("saying", "Sanders") in _rels(text)


# ---- an unnamed spokesperson for a body ----------------------------------------------------------
@pytest.mark.parametrize(
    "source",
    ["A representative for his office", "a spokesman for the agency", "A spokeswoman for the campaign",
     "a spokesman for the state police"],
)  # fmt: skip
def test_an_unnamed_spokesperson_for_a_body_is_the_body(source: str) -> None:
    assert source_kind(source) == "organization"


@pytest.mark.parametrize(
    "source",
    ["a spokesman for the president", "a spokesman for the Ruritania secretary of state",
     "A spokesman for the Freedom Party Committee, Jo Roe", "a spokeswoman for the agency, Jo Roe",
     "Jo Roe, a spokeswoman for the agency"],
)  # fmt: skip
def test_a_spokesperson_for_a_person_or_named_stays_a_person(source: str) -> None:
    assert source_kind(source) == "person"
