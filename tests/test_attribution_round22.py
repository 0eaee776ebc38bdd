"""Round twenty-two of attribution (docs/attribution.md): the leftovers of round twenty-one, errors read
in fresh samples of real news, and relays that agree with the attribution difference. Every sentence
here is written for the tests; none is real news."""

from __future__ import annotations

from dataclasses import replace

from builders import attribution_of, attributions, make_article

from compare.attribution import claim_relays
from compare.model import Attribution, Claim, Member
from compare.segment import segment


def _of(fragment: str, *paragraphs: str) -> tuple[object, object, object]:
    att = attribution_of(attributions(*paragraphs), fragment)
    return (att.source, att.cue, att.source_kind) if att else (None, None, None)


# ---- relays agree with the attribution difference -------------------------------------------------
def _doc_with(*atts: Attribution | None):
    text = " ".join(f"Sentence number {i} is here." for i in range(len(atts)))
    doc = segment(replace(make_article("Daily Planet", text), id="a"))
    assert len(doc.sentences) == len(atts)
    return replace(doc, attributions=atts)


def test_one_attributed_sentence_of_three_makes_the_outlet_relay() -> None:
    said = Attribution(type="attributed", cue="said", start=0, end=4, source="Ann Lee", source_kind="person")
    police = Attribution(
        type="attributed", cue="said", start=0, end=4, source="police", source_kind="organization"
    )
    doc = _doc_with(None, said, None)
    out = claim_relays(Claim("c1", (Member("a", (0, 1, 2)),), 0.9), {"a": doc})
    assert out.firsthand == () and [(r.source, r.type) for r in out.relays] == [("Ann Lee", "attributed")]
    # the first attributed sentence gives the source, as the difference's member view takes it
    doc = _doc_with(None, said, police)
    assert claim_relays(Claim("c1", (Member("a", (2, 0, 1)),), 0.9), {"a": doc}).relays[0].source == "Ann Lee"


def test_hedged_sentences_relay_only_when_they_are_half_the_member() -> None:
    hedge = Attribution(type="hedged", cue="reportedly", start=0, end=4)
    one_of_three = _doc_with(hedge, None, None)
    assert claim_relays(Claim("c1", (Member("a", (0, 1, 2)),), 0.9), {"a": one_of_three}).firsthand == ("a",)
    half = _doc_with(hedge, None)
    assert claim_relays(Claim("c1", (Member("a", (0, 1)),), 0.9), {"a": half}).relays[0].type == "hedged"


# ---- round twenty-one's leftovers ---------------------------------------------------------------
def test_they_after_a_fronted_while_clause_is_its_subject() -> None:
    got = _of(
        "they suggest",
        "The board released the e-mails on Friday.",
        "While the e-mails portrayed city officials as being sensitive to the concerns of the board, they "
        "suggest that the mayor’s aides mostly mediated a dispute.",
    )
    assert got == ("the e-mails", "suggest", "document")


def test_he_after_a_role_subject_never_titled_is_the_role_not_the_guest() -> None:
    got = _of(
        "He denied",
        "The president hinted at a deal on Monday, while hosting Prime Minister Ann Lee at the palace.",
        "He denied that the talks had stalled.",
    )
    assert got == ("the president", "denied", "person")


def test_an_issuer_with_for_in_its_name_is_whole() -> None:
    got = _of(
        "According to",
        "According to the report issued by the Office of the Harbour Inspector General for Ferry Safety, "
        "the pier had to be closed twice.",
    )
    assert got[0] == "the report issued by the Office of the Harbour Inspector General for Ferry Safety"


def test_a_group_a_body_owns_is_anonymous() -> None:
    got = _of(
        "have said",
        "The deal is unlikely to satisfy the Harbour Union, whose leaders have said they will not talk.",
    )
    assert got == ("the Harbour Union’s leaders", "have said", "anonymous")


def test_a_time_noun_before_the_name_is_no_part_of_the_source() -> None:
    got = _of(
        "by the time", "Yet by the time Lee said on Monday that the council would vote, her support had gone."
    )
    assert got[:2] == ("Lee", "said")


def test_an_adverb_after_an_inverted_cue_is_no_source() -> None:
    got = _of(
        "specifically", "Ann Lee spoke.", "He did not, however, say specifically whether he would run again."
    )
    assert got[0] != "specifically"


# ---- seed 167 -------------------------------------------------------------------------------------
def test_a_pronoun_inside_a_who_clause_is_not_the_name_before_it() -> None:
    got = _of(
        "took aim",
        "Ann Lee spoke at the rally.",
        "She also took aim at former Senate Leader Bob Roe, who she said “was right in 1993, before he "
        "went soft.”",
    )
    assert got[:2] == ("Ann Lee", "said")


def test_referred_to_then_a_clause_of_time_relays_nothing() -> None:
    got = _of(
        "referred to",
        "Ann Lee spoke at the rally.",
        "Lee referred to the harbour budget late in the hearing, as the pair sat down at the table.",
    )
    assert got == (None, None, None)


def test_an_untagged_quotation_after_according_to_is_that_source() -> None:
    paragraphs = (
        "The Daily Bugle recently reported:",
        "“The pier is unsafe. It should close.”",
        "According to Jo Roe at the Harbour Ledger, the repairs would cost $1 million.",
        "“The amount I get is nearly $1.1 million. That is more than the town spends on roads.”",
    )
    assert _of("The amount", *paragraphs)[0] == "Jo Roe at the Harbour Ledger"
    assert _of("more than the town", *paragraphs)[0] == "Jo Roe at the Harbour Ledger"


# ---- headlines and span ends read in the dump --------------------------------------------------------
def test_a_title_case_headline_after_a_colon_has_no_speaker() -> None:
    assert (
        _of("Names", "Bo Roe Senate: Ann Lee Names Former Chief Of Staff To Replace Jo Diaz") == (None,) * 3
    )
    assert _of("defies", "Bo Roe: the harbour plan defies explanation")[:2] == ("Bo Roe", ":")


def test_ever_after_an_agent_is_no_part_of_it() -> None:
    got = _of(
        "excoriated",
        "Representative Bo Roe has been excoriated by some harbour leaders ever since he claimed that the "
        "plan was sound.",
    )
    assert got[0] == "some harbour leaders"


# ---- seed 173 -------------------------------------------------------------------------------------
def test_an_author_aside_after_the_subject_leaves_the_subject() -> None:
    got = _of(
        "concluded", "But the report, by the harbour counsel Bo Roe, concluded that the claims were false."
    )
    assert got[:2] == ("the report", "concluded")
    assert _of("accounts", "Yet the mayor, by all accounts, said that the pier was unsafe.")[0] == "the mayor"


def test_a_control_word_cue_before_a_colon_and_quotation_relays_it() -> None:
    paragraphs = (
        "Ann Lee spoke.",
        'Bo Roe was quick to retort: "With all due respect, that is plain nonsense. ... Not one thing '
        'she said is right."',
    )
    assert _of("plain nonsense", *paragraphs)[:2] == ("Bo Roe", "was quick to retort:")
    assert _of("Not one thing", *paragraphs)[0] == "Bo Roe"
