"""Round seventeen of attribution (docs/attribution.md): source errors read on real news, each fixed by
a general rule. Every sentence here is written for the tests; none is real news."""

from __future__ import annotations

import pytest
from builders import attribution_of as _find
from builders import attributions as _attributions
from builders import relations as _rels

from compare.attribution.sources import person_mentions, source_kind


# ---- kinds -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source",
    ["the former governor of state’s campaign", "the senator's office", "the mayor's re-election team"],
)
def test_the_head_after_a_possessive_decides_the_kind(source: str) -> None:
    assert source_kind(source) == "organization"


def test_a_possessive_inside_an_of_phrase_leaves_the_role_as_head() -> None:
    assert source_kind("The head of Ruritania's Energy organization") == "person"


@pytest.mark.parametrize(
    "source",
    ["the left", "the right", "The far left", "the religious right", "Some on the right",
     "Many on the left", "Some on the Budget Committee", "Liberals", "Progressives"],
)  # fmt: skip
def test_political_camps_and_some_of_a_body_are_unnamed_people(source: str) -> None:
    assert source_kind(source) == "anonymous"


def test_right_opening_a_sentence_is_no_camp() -> None:
    assert source_kind("Right") == "person"  # "Right now, …": not a camp (the source is wrong anyway)


# ---- an opening participle is never the source ------------------------------------------------
def test_a_spokesman_set_before_a_possessive_description_is_the_source() -> None:
    text = "Reached for comment, a spokesman for Acme Corp., its parent company, denied it."
    assert ("denied", "a spokesman for Acme Corp., its parent company") in _rels(text)


def test_it_after_an_opening_participle_is_not_the_participle() -> None:
    atts = _attributions("The pier was closed on Monday.", "Reached for comment, it denied the story.")
    att = _find(atts, "Reached")
    assert att is None or att.source != "Reached"


# ---- "pushed back" -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Bo Diaz pushed back that the plan was sound.",
        'Bo Diaz pushed back, "We did nothing wrong."',
        '"We did nothing wrong," Bo Diaz pushed back.',
        "Bo Diaz pushed back: the plan was sound.",
    ],
)
def test_pushed_back_in_a_reporting_frame_is_a_retort(text: str) -> None:
    att = _find(_attributions(text), "pushed back")
    assert (att.cue, att.source) == ("pushed back", "Bo Diaz")


@pytest.mark.parametrize(
    "text",
    [
        "The council pushed back the vote to June.",
        "Bo Diaz pushed back against the claim.",
        "The mayor has emerged as a foil for the governor, pushing back against his policies.",
    ],
)
def test_pushed_back_outside_a_reporting_frame_relays_nothing(text: str) -> None:
    assert _find(_attributions(text), "back") is None


# ---- the sentences round sixteen left ----------------------------------------------------------
def test_a_dash_aside_after_the_object_of_who_leaves_the_person_described() -> None:
    text = (
        'Jo Ray, a retired profiler who, in 1996, helped catch "Ripper" Ted Vane -- who hurt 3 '
        "people -- told the Ledger that the letter was fake."
    )
    (cue, src), *_ = _rels(text)
    assert cue == "told" and src is not None and src.startswith("Jo Ray, a retired profiler")


def test_a_who_clause_after_a_description_keeps_the_name_before_it() -> None:
    atts = _attributions(
        "Jo Ray, a retired profiler who helped catch Ted Vane -- who hurt 3 people -- told the Ledger."
    )
    assert _find(atts, "told").entity == "Jo Ray"


def test_a_name_written_with_a_lower_case_particle_is_a_name() -> None:
    atts = _attributions(
        "Former prosecutor for the District of Ruritania Jo diVenza spoke on Monday.",
        "Bo Diaz was arrested.",
        "“I am appalled by it,” diVenza, who has been an adviser to the mayor, told the Ledger.",
        '"It was wrong," he said.',
    )
    assert _find(atts, "appalled").entity == "Jo diVenza"
    assert _find(atts, "It was wrong").entity == "Jo diVenza"


def test_of_before_a_name_of_three_words_leaves_the_place_out() -> None:
    text = "Then Secretary of State Mo Pell spoke. The court of Chief Justice Ann B. Lee Jr. ruled."
    assert [n for _, _, n in person_mentions(text)] == ["Mo Pell", "Chief Justice Ann B. Lee Jr"]


def test_a_state_after_a_place_is_passed_to_the_name_before_the_description() -> None:
    text = (
        "Meanwhile, the note on her fitness, from Dr. Ann Lee, a doctor at the Brook Family "
        "Practice in Lake Brook, Ohio, said the senator has a cold."
    )
    (cue, src), *_ = _rels(text)
    assert cue == "said" and src is not None and src.startswith("Dr. Ann Lee, a doctor")
    assert _rels('"It is fine," Bo Diaz of Austin, Texas, said.') == [("said", "Bo Diaz of Austin, Texas")]


def test_a_day_before_a_place_is_no_name() -> None:
    text = "Mr. Roe, at another appearance on Saturday, in Austin, Texas, called the idea “silly.”"
    assert _rels(text)[0] == ("called", "Mr. Roe")


def test_a_note_on_a_document_is_the_note() -> None:
    atts = _attributions(
        "The petition asked for help.", "“Lives alone,” a handwritten note on the petition said."
    )
    assert _find(atts, "Lives alone").source == "a handwritten note on the petition"


def test_a_possessive_after_junior_keeps_the_name() -> None:
    text = "In a statement, Bo Diaz Jr.’s attorney, Ann Lee, said, “We are fine.”"
    assert _rels(text)[0] == ("said", "Bo Diaz Jr.’s attorney, Ann Lee")


def test_a_cue_joined_by_and_inside_a_who_clause_takes_the_person_described() -> None:
    text = (
        "Right now, one senator faces a challenge: Senator Ann Lee of Ruritania, who voted against the "
        "deal and complained privately that she was rushed."
    )
    assert _rels(text)[0] == ("complained", "Senator Ann Lee of Ruritania")


def test_a_pronoun_after_an_opener_is_the_subject_of_a_participle() -> None:
    atts = _attributions(
        "Bo Diaz spoke on Monday.", "Instead, he laid out a plan, saying his rule will be fair."
    )
    assert _find(atts, "laid out").entity == "Bo Diaz"
