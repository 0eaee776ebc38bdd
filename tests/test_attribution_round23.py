"""Round twenty-three of attribution (docs/attribution.md): causes of the cue and source errors
tallied on PolNeAR train that a reader shares, and errors read in fresh samples of real news. Every
sentence here is written for the tests; none is real news or PolNeAR text."""

from __future__ import annotations

from builders import attribution_of, attributions

from compare.attribution.cues import find_relations


def _rels(sentence: str) -> list[tuple[str, str | None]]:
    """(cue, source) of every relation found in one sentence."""
    return [(r.cue, r.source) for r in find_relations(sentence, 0, len(sentence))]


def _of(fragment: str, *paragraphs: str) -> tuple[object, object, object]:
    att = attribution_of(attributions(*paragraphs), fragment)
    return (att.source, att.cue, att.source_kind) if att else (None, None, None)


# ---- a noun phrase after the cue that runs on into its own verb is no inverted source ------------
def test_the_subject_of_the_reported_clause_is_not_the_source() -> None:
    got = _rels(
        "Ann Lee, a councillor from the east ward and self-described budget hawk, said rising rents are "
        "the cause of the unrest."
    )
    assert got == [
        ("said", "Ann Lee, a councillor from the east ward and self-described budget hawk"),
    ]


def test_an_object_with_its_own_infinitive_is_not_the_source() -> None:
    got = _rels(
        "The Harbour Users Council, the group the mayor once chaired, urged the port to reopen the quay."
    )
    assert got[0][1] == "The Harbour Users Council, the group the mayor once chaired"


def test_an_inverted_tag_after_a_quotation_keeps_its_speaker() -> None:
    got = _rels("“We will reopen the quay,” said Bo Diaz, who has run the port since spring.")
    assert got[0][1].startswith("Bo Diaz")
    assert _rels("The quay will reopen, said the harbour master.")[0][1] == "the harbour master"


def test_no_opening_name_behind_a_time_or_an_aside() -> None:
    # the opening words are a time or the aside is a clause: no name to take, and no wrong object either
    for sentence in (
        "In March, a ferry captain, in reply to a question from the board, said the quay is unsafe.",
        "Mr. Diaz, it turned out, knew the tides are shifting.",
    ):
        assert all(src not in {"the quay", "the tides"} for _, src in _rels(sentence))


# ---- an adverb or a prepositional phrase before the subject is no source --------------------------
def test_a_participle_after_an_adverb_opener_takes_the_subject() -> None:
    got = _rels("Instead, the harbour master is keeping to his plan, hoping to avoid another delay.")
    assert ("hoping", "the harbour master") in got
    got = _rels("In March, the council closed the quay, saying the pier was unsafe.")
    assert ("saying", "the council") in got
    # a name after the adverb is the subject itself, not an opener ("Now Bo Diaz, the …, is")
    got = _rels("Now Bo Diaz, the new harbour master, is keeping the quay shut, saying it is unsafe.")
    assert ("saying", "Now") not in got


def test_a_participle_fronted_by_by_or_instead_of_takes_the_main_subject() -> None:
    got = _rels("Yet by calling out the mayor on the substance of his plan, Ann Lee took an odd role.")
    assert got == [("calling out", "Ann Lee")]
    got = _rels("Instead of calling herself a centrist, Ms. Lee said she was a pragmatist.")
    assert ("calling", "Ms. Lee") in got and ("said", "Ms. Lee") in got


def test_the_opening_name_is_the_source_of_the_sentence() -> None:
    atts = attributions(
        "The council met on Tuesday.",
        "Ann Lee, a councillor from the east ward and self-described budget hawk, said rising rents are "
        "the cause of the unrest.",
    )
    att = attribution_of(atts, "rising rents")
    assert (att.source.split(",")[0], att.entity, att.cue, att.source_kind) == (
        "Ann Lee",
        "Ann Lee",
        "said",
        "person",
    )


def test_a_pronoun_before_an_along_with_aside_is_the_source() -> None:
    got = _rels("He, along with two other councillors, suggested the likeliest fix may be a new sea wall.")
    assert got == [("suggested", "He")]


def test_adding_to_is_no_cue() -> None:
    assert (
        _rels("The council changed its plan almost daily, adding to the sense that nobody was in charge.")
        == []
    )
    assert _rels("The port closed the quay on Tuesday, adding that it would reopen soon.") == [
        ("adding", "The port")
    ]


# ---- "with <Name> saying": the participle's own subject -------------------------------------------
def test_a_name_after_with_is_the_subject_of_the_participle() -> None:
    assert _rels('The new ad ends with Ann Lee claiming, "the quay made this town."') == [
        ("claiming", "Ann Lee")
    ]
    assert _rels("The vote ended in a tie, with Bo Diaz saying the count was wrong.") == [
        ("saying", "Bo Diaz")
    ]
    got = _of(
        "the quay made",
        "Ann Lee released a new ad on Tuesday.",
        'The new ad ends with Ann Lee claiming, "the quay made this town."',
    )
    assert got == ("Ann Lee", "claiming", "person")


# ---- an owner's word before a cue word makes it a noun ----------------------------------------------
def test_a_cue_word_after_an_owner_and_modifiers_is_a_noun() -> None:
    assert _rels("Ann Lee echoed the mayor’s own earlier call to reopen the quay.") == [("echoed", "Ann Lee")]
    assert _rels("The harbour board’s latest plan leaves everyone unhappy.") == []
    # a plural subject after the owner keeps the verb, and "claim that" stays a cue
    assert ("still question", "Ann Lee’s supporters") in _rels(
        "Ann Lee’s supporters still question whether the quay is safe."
    )
    assert "claim" in [
        c for c, _ in _rels("It contradicts the board’s earlier claim that the quay was safe.")
    ]


# ---- a stance verb joined by "and"/"but" to a reporting verb is a second cue ----------------------
def _doc_relations(text: str) -> list[tuple[str, str | None]]:
    from compare.attribution.resolve import relations
    from compare.model import Article
    from compare.segment import segment

    doc = segment(Article(id="a", outlet="", text=text))
    return [(r.cue, r.source) for found in relations(doc) for r in found]


def test_a_stance_cue_joined_to_a_reporting_cue_is_kept() -> None:
    got = _doc_relations(
        "The mayor said the quay would reopen soon and praised the harbour staff for their work."
    )
    assert got == [("said", "The mayor"), ("praised", "The mayor")]
    got = _doc_relations("Ann Lee backed the plan, saying it was fair but criticizing the cost of the wall.")
    assert ("criticizing", "Ann Lee") in got


def test_a_stance_cue_inside_the_reported_words_is_still_left_out() -> None:
    assert _doc_relations("The mayor said he hopes the quay will reopen soon.") == [("said", "The mayor")]
    # joined, but in another form: "said … and hoping" is no second thing the mayor did
    got = _doc_relations("The mayor said the board met on Monday, and hoping for calm, the crews waited.")
    assert [c for c, _ in got] == ["said"]


def test_a_participle_after_backed_takes_the_name_not_the_verb() -> None:
    assert _rels("Ann Lee backed the plan, saying it was fair.") == [("saying", "Ann Lee")]
    assert _rels("The union-backed candidate, Bo Diaz, said the plan was fair.")[0][1].startswith(
        "The union-backed candidate"
    )


# ---- from the fresh samples of real news --------------------------------------------------------
def test_hail_from_is_no_cue() -> None:
    assert _rels("Many of the councillors facing re-election hail from the east ward.") == []
    assert _rels("Ann Lee hailed the deal as a turning point.") == [("hailed", "Ann Lee")]


def test_the_person_a_recording_shows_is_the_speaker() -> None:
    assert ("saying", "him") in _rels(
        "The report includes video of him at a 2019 event saying he had sailed the route."
    )
    assert ("telling", "Ann Lee") in _rels(
        "The clip of Ann Lee telling reporters the quay was safe went viral."
    )


def test_a_title_with_no_name_is_no_antecedent() -> None:
    got = _of(
        "He said",
        "PORT ELLEN — Harbour Commissioner and Senate candidate Richard Roe is defending himself against a "
        "report.",
        "A video shows him at a 2019 event.",
        "He said he had sailed the route.",
    )
    assert got == ("Richard Roe", "said", "person")


# ---- a participle after what the subject sent or signed takes the subject -------------------------
def test_a_participle_after_a_sent_document_takes_the_sender() -> None:
    assert _rels("The Diaz campaign sent a fundraising email Wednesday saying the quay would reopen.") == [
        ("saying", "The Diaz campaign")
    ]
    assert ("condemning", "The harbour board") in _rels(
        "The harbour board on Monday approved a resolution condemning the new ferry fees."
    )
    got = _rels("He sent an e-mail to board members saying he hoped the vote would settle it.")
    assert got[0] == ("saying", "He")
    # a document that is the sentence's subject still speaks for itself
    assert _rels("A letter sent to the board members says the quay is unsafe.")[0][1].startswith("A letter")


def test_a_sent_email_in_an_article_names_its_sender() -> None:
    got = _of(
        "saying he hoped",
        "Ann Lee apologised on Friday.",
        "She sent an e-mail to board members saying he hoped the vote would settle it.",
    )
    assert got == ("Ann Lee", "saying", "person")


def test_a_stray_comma_after_a_party_tag_keeps_the_speaker() -> None:
    got = _rels('Rep. Ann Lee (R-Maine), tweeted on Friday "The quay is safe and will stay open."')
    assert got == [("tweeted", "Rep. Ann Lee (R-Maine)")]
    got = _of(
        "tweeted on Friday",
        "The council met on Thursday.",
        'Rep. Ann Lee (R-Maine), tweeted on Friday "The quay is safe and will stay open."',
    )
    assert got == ("Rep. Ann Lee (R-Maine)", "tweeted", "person")


def test_a_post_with_a_setting_before_a_colon_and_quotation_is_a_cue() -> None:
    assert _rels("Ann Lee posted on Facebook: “The quay is safe and will stay open.”") == [
        ("posted", "Ann Lee")
    ]
    assert _rels("She posted to her page on the site: “For the record, the quay is safe.”") == [
        ("posted", "She")
    ]
    assert _rels("Ann Lee posted on Facebook a photo of the quay.") == []
    got = _of(
        "The quay is safe",
        "The council met on Thursday.",
        "Bo Diaz added on Twitter: “The quay is safe and will stay open for the summer.”",
    )
    assert got == ("Bo Diaz", "added", "person")
