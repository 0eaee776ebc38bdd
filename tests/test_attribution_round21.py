"""Round twenty-one of attribution (docs/attribution.md): the leftovers of round twenty and errors read
in fresh samples of real news, each fixed by a general rule. Every sentence here is written for the
tests; none is real news."""

from __future__ import annotations

import pytest
from builders import attribution_of, attributions
from builders import relations as _rels


def _of(fragment: str, *paragraphs: str) -> tuple[object, object, object]:
    att = attribution_of(attributions(*paragraphs), fragment)
    return (att.source, att.cue, att.source_kind) if att else (None, None, None)


# ---- a trailing "he told reporters" after a main clause --------------------------------------------
def test_a_trailing_tag_takes_the_subject_not_the_object() -> None:
    got = _of(
        "close to",
        "The mayor spoke at noon.",
        "Ann Lee is close to picking a judge to replace former Chief Judge Bob Roe, she told reporters.",
    )
    assert got[:2] == ("Ann Lee", "told")


def test_a_trailing_tag_after_a_dateline_takes_the_subject() -> None:
    got = _of(
        "very close",
        "KENTVILLE ― Mayor Ann Lee is “very close” to replacing Deputy Mayor Bob Roe, she told reporters.",
    )
    assert got[0] == "Mayor Ann Lee"


def test_a_name_list_still_takes_the_nearest_name() -> None:
    got = _of("spoke", "The vote was close.", "Ann Lee met Bob Roe, and then he spoke to reporters, he said.")
    assert got[0] != "Ann Lee"


# ---- coordinated subjects, dash lists, "whose" -----------------------------------------------------
def test_a_named_head_with_other_supporters() -> None:
    got = _of(
        "other supporters",
        "The vote was close.",
        "Ann Lee, a lawyer who led the drive, and other supporters said it was a win.",
    )
    assert got == ("Ann Lee", "said", "person")
    assert _rels("Roe, the council's No. 2 member, and other supporters said it was a win.")[0][1] == "Roe"


def test_a_dash_list_with_semicolons_leaves_the_subject() -> None:
    text = (
        "Four other mayors — Senators Ann Lee of Kent; Gov. Bob Roe of Essex; former Representative Cal Poe;"
        " and Dan Moe — also called for a recount."
    )
    assert _rels(text) == [("also called for", "Four other mayors")]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The reaction came from Bob Roe, whose spokesman said it was a joke.", "Bob Roe’s spokesman"),
        (
            "Lee's was the sharpest reply to Bob Roe, whose lawyer, it must be said, sought to"
            " explain the remark by insisting it was a joke.",
            "Bob Roe’s lawyer",
        ),
    ],
)
def test_whose_role_is_the_speaker(sentence: str, source: str) -> None:
    assert _rels(sentence)[-1][1] == source


def test_whose_with_no_person_noun_is_no_speaker() -> None:
    rels = _rels("Ann Lee, whose loss to Roe marked an upset, attended and tweeted that she was proud.")
    assert all("loss" not in (src or "") for _, src in rels)


# ---- long asides, "told" and fronted clauses -------------------------------------------------------
def test_a_long_who_aside_before_the_cue_leaves_the_name() -> None:
    got = _of(
        "open letter",
        "The vote was close.",
        "On Friday, the aide, Ann Lee, 31, who has more than 4,000 followers on a site and at the time"
        " was an aide to a mayor from Kent, wrote an open letter to the twins on her page, saying they"
        " should show class.",
    )
    assert got[:2] == ("Ann Lee", "wrote")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Ann Lee, project coordinator for Kent Aid, a group that organized the march, told reporters"
            " at the gate that the marchers would stay.",
            "Ann Lee, project coordinator for Kent Aid, a group that organized the march",
        ),
        (
            "“I believe it,” independent Sen. Ann Lee of Kent, who caucuses with Democrats, told reporters.",
            "independent Sen. Ann Lee of Kent",
        ),
    ],
)
def test_told_never_takes_its_hearer(sentence: str, source: str) -> None:
    told = [src for cue, src in _rels(sentence) if cue == "told"]
    assert told == [source]


def test_a_possessive_opener_before_told_keeps_its_noun() -> None:
    text = "Kent’s state auditor, Jo Roe, told The Ledger that it was “fine” and said that he was calm."
    auditor = "Kent’s state auditor, Jo Roe"
    assert _rels(text) == [("told", auditor), ("said", auditor)]
    assert _rels("Lee’s comments came as Roe left, saying it was over.")[-1][1] != "Lee’s comments"


def test_a_fronted_after_clause_takes_the_main_subject() -> None:
    text = "A day after telling reporters that he was “done,” Mayor Bob Roe (D-Kent) broke his silence."
    assert _rels(text) == [("telling", "Mayor Bob Roe")]


# ---- labels, headlines, "referred to", participles opening a sentence -----------------------------
def test_an_update_label_is_no_source() -> None:
    atts = attributions(
        "UPDATE:", "Updated: Ann Lee on Sunday tried to clarify her remark, saying she meant the budget."
    )
    assert attribution_of(atts, "UPDATE") is None
    assert attribution_of(atts, "clarify").source == "Ann Lee"


def test_a_title_case_headline_opening_with_a_cue_word_relays_nothing() -> None:
    atts = attributions("Report Sees Guns as Path to Safety in Schools", "The vote was close.")
    assert attribution_of(atts, "Report Sees") is None


@pytest.mark.parametrize(
    ("sentence", "relayed"),
    [
        ("Ann Lee referred to the weight on her shoulders.", False),
        ("Bob Roe then pivoted, apparently referring to the inquiry into his aide.", False),
        ("Bob Roe referred to the mayor as “a clown.”", True),
        ("Ann Lee also referred to past reports that the plan had failed.", True),
    ],
)
def test_referred_to_relays_only_what_is_named(sentence: str, relayed: bool) -> None:
    att = attribution_of(attributions("The vote was close.", sentence), sentence[:12])
    assert (att is not None and "refer" in att.cue) is relayed
    assert any("refer" in cue for cue, _ in _rels(sentence))  # PolNeAR marks the cue all the same


def test_a_participle_opening_a_sentence_is_no_part_of_a_name() -> None:
    atts = attributions(
        "Bob Roe spoke for an hour.",
        "Saying President Ann Lee, he said, was “too simple an answer.”",
        "“This is the disease,” he said.",
    )
    assert attribution_of(atts, "too simple").source == "Bob Roe"
    assert attribution_of(atts, "the disease").source == "Bob Roe"


def test_read_it_via_an_outlet_names_the_outlet() -> None:
    atts = attributions(
        "The vote was close.", "Read the full rant via Politico:", "“This is a disgrace to the town.”"
    )
    att = attribution_of(atts, "disgrace")
    assert (att.source, att.source_kind) == ("Politico", "outlet")


# ---- mastheads outside the built-in list -----------------------------------------------------------
def test_a_hyphened_masthead_is_an_outlet() -> None:
    from compare.outlets import outlet_name

    assert outlet_name("the Kentville Union-Tribune") == "Kentville Union-Tribune"
    assert outlet_name("the Kentville Union-Station") is None


def test_a_masthead_the_article_names_as_a_newspaper_is_an_outlet() -> None:
    from compare.attribution.resolve import named_media

    text = "Kent Voice, a local daily, broke it. She told the weekly Abend Blatt. The paper Monday said"
    assert named_media(text) == ("Kent Voice",)
    got = _of(
        "would resign",
        "Kent Voice, a local daily, first broke the story.",
        "Kent Voice said the mayor would resign.",
    )
    assert got == ("Kent Voice", "said", "outlet")
    got = _of("would resign", "Kent Voice first broke the story.", "Kent Voice said the mayor would resign.")
    assert got[2] == "person"


def test_the_newspaper_before_a_masthead_names_it() -> None:
    from compare.attribution.resolve import named_media

    assert named_media("It was first reported by the Seoul newspaper Munhwa Ilbo.") == ("Munhwa Ilbo",)
    assert named_media("He told the newspaper Ann Lee would resign.") == ()
    assert named_media("the newspaper Tuesday reported that") == ()


# ---- from the samples of round twenty-one ----------------------------------------------------------
def test_a_date_aside_after_the_subject_is_no_source() -> None:
    assert _rels("Another review, on June 25, 2012, reported a rise in thefts.") == [
        ("reported", "Another review")
    ]


def test_and_asked_inside_an_after_clause_takes_that_clause_subject() -> None:
    text = (
        "Ann Lee is seen grabbing the arm of a young man after the man approached her and asked if she voted."
    )
    assert ("asked", "the man") in _rels(text)
    assert _rels("Ann Lee left the room after the final vote ended and said she was tired.") == [
        ("said", "Ann Lee")
    ]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("One participant", "anonymous"),
        ("Two protesters", "anonymous"),
        ("Another demonstrator, Jo Roe from Kent", "person"),
    ],
)
def test_unnamed_participants_are_anonymous(source: str, kind: str) -> None:
    from compare.attribution.sources import source_kind

    assert source_kind(source) == kind


def test_a_name_after_a_kin_word_is_no_antecedent_of_the_other_sex() -> None:
    atts = attributions(
        "“It was preventable,” one of the women, Ann Lee, said after the event.",
        "Her son Bob Roe, 23, was killed in 2011 in a crash in Kent.",
        "“He should have been safe,” she said.",
    )
    assert attribution_of(atts, "should have been safe").source == "one of the women, Ann Lee"


def test_a_sentence_adverb_before_an_inverted_cue_is_no_source() -> None:
    assert _rels("Frankly, the plan is a mess, said Bob Roe.") == [("said", "Bob Roe")]
    assert _rels("Kelly, a lawyer at Kent, said it.") == [("said", "Kelly, a lawyer at Kent")]


def test_a_role_opening_the_sentence_before_is_the_antecedent() -> None:
    atts = attributions(
        "President Ann Lee met the press on Monday.",
        "The president opted not to tap flood money from Kent, an idea that had angered Bob Roe.",
        "“It did not sound too important to me,” she said.",
    )
    assert attribution_of(atts, "too important").source == "President Ann Lee"
