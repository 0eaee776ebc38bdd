"""Round 15 of issue 11: causes of extra difference kinds read on gold-dev and gold-train, fixed as
general rules. Invented sentences only."""

from __future__ import annotations

from builders import make_article
from test_details import _names, claim_of, document, kinds

from compare.dates import find_dates
from compare.details import extract_details, find_hedges
from compare.segment import segment


def _hedges(s: str) -> list[str]:
    return [k for _, _, k in find_hedges(s, [], [])]


def test_a_modal_inside_an_indirect_question_is_no_hedge() -> None:
    """'<Name> asked whether the plan might fail' asks a question; the outlet hedges nothing."""
    assert _hedges("A reporter asked Ruiz whether the levy might cost jobs.") == []
    assert _hedges("It is unclear whether the pier could reopen by spring.") == []
    # a main clause after "whether ...," and a modal with no "whether" stay hedges
    assert _hedges("Whether or not it passes, the levy could cost jobs.") == ["could"]
    assert _hedges("The levy might cost jobs in the valley.") == ["might"]


def test_a_modal_in_a_purpose_clause_is_no_hedge() -> None:
    """'so that he could be given a tissue', 'so she could vote': what for, not how sure."""
    assert _hedges("The judge paused so that he could be given a tissue.") == []
    assert _hedges("She left early so she could vote in the valley.") == []
    assert _hedges("The council met in order that the levy may pass.") == []
    assert _hedges("The pier is unsafe, so the ferry could stop running.") == ["could"]


def test_expected_to_with_the_expecting_person_as_subject_is_no_hedge() -> None:
    """'the candidate he once expected to be', 'they expected to win': the subject's own
    expectation, told as a fact; the passive 'is expected to' and '<Name>, expected to ...' hedge."""
    assert _hedges("He is not the candidate he once expected to be.") == []
    assert _hedges("The mayor said they expected to win the vote.") == []
    assert _hedges("The mayor is expected to win the vote.") == ["expected to"]
    assert _hedges("Ana Ruiz, expected to win the vote, spoke first.") == ["expected to win"]


def test_a_common_acronym_or_a_legal_suffix_alone_names_nobody() -> None:
    """'TV host <Name>', 'a new TV ad', '<Name> for Mayor, Inc.': a common noun and a firm's
    suffix, not an organisation one outlet names."""
    assert [n[0] for n in _names("She spoke with TV host Ana Ruiz on Monday.")] == ["Ana Ruiz"]
    assert [n[0] for n in _names("The mayor ran a new TV ad on Monday.")] == []
    found = [n[0] for n in _names("Lena Hale, treasurer of Ruiz for Mayor, Inc., said so.")]
    assert "Inc." not in found and "Lena Hale" in found
    # an acronym inside a name stays ("Harbour TV Network")
    found = [n[0] for n in _names("The mayor spoke to Harbour TV Network on Monday.")]
    assert found == ["Harbour TV Network"]


def test_a_dotted_place_abbreviation_ends_a_name() -> None:
    """'in Washington, D.C. <Name>'s wife spent ...' made a person 'D.C. <Name>'."""
    found = [n[0] for n in _names("They met in Washington, D.C. Hale's wife spent $900 on capes.")]
    assert "D.C." in found and not any(n.startswith("D.C. ") for n in found)
    found = [n[0] for n in _names("She works at a shop in Concord, Calif. Hale is a greeter there.")]
    assert not any(n.startswith("Calif. ") for n in found)


def test_a_title_word_before_a_generational_suffix_is_a_surname() -> None:
    """'<Given> <Middle> King Jr.' is one person, not '<Given> <Middle>' and 'King Jr.'."""
    found = [n[0] for n in _names("They invoked Martin Lutz King Jr. and others on Monday.")]
    assert found == ["Martin Lutz King Jr."]


def test_a_party_label_with_an_office_adjective_is_no_name() -> None:
    """'released by Republican Congressional intelligence officials': a description of people."""
    a = document("Express", "The harbour memos were released by Republican Congressional aides on Monday.")
    b = document("Courier", "The harbour memos were released by officials on Monday.")
    assert "name" not in kinds(claim_of(a, b)[0])


def _quotes(text: str) -> list[tuple[str, str | None]]:
    doc = segment(make_article("Express", text))
    return [
        (d.text, d.label)
        for s in doc.sentences
        for d in extract_details(doc.article.text, s, doc.quotations)
        if d.kind == "quote"
    ]


def test_a_title_in_quotation_marks_is_no_quotation_of_words_said() -> None:
    """'her book "A Harbour Life"', 'on "Meet the Valley"': quoted, but nobody said these words;
    a quotation of words said keeps no label."""
    assert _quotes('She wrote a memoir, "A Harbour Life."') == [("A Harbour Life.", "title")]
    assert _quotes('He told "Meet the Valley" on Sunday that he would run.') == [("Meet the Valley", "title")]
    assert _quotes('"We will rebuild the pier," Ruiz said.') == [("We will rebuild the pier", None)]
    assert _quotes('Ruiz called it "a disgrace" on Monday.') == [("a disgrace", None)]
    assert _quotes('The cover read "THE HARBOUR QUEEN" in red.') == [("THE HARBOUR QUEEN", "title")]
    a = document("Express", 'The mayor spoke of the pier in her memoir, "A Harbour Life," on Monday.')
    b = document("Courier", "The mayor spoke of the pier in her memoir on Monday.")
    assert "quote" not in kinds(claim_of(a, b)[0])


def test_a_quotation_backshifted_in_reported_speech_is_the_same_words() -> None:
    """'"X will be published soon"' / 'saying only that "X would be published soon"': one
    statement, its tense moved back; another word still differs."""
    a = document("Express", '"The harbour plans will be published in the spring," the office said.')
    b = document("Courier", 'The office said only that "the harbour plans would be published in the spring."')
    assert "quote" not in kinds(claim_of(a, b)[0])
    c = document("Mail", 'The office said only that "the harbour plans could be published in the spring."')
    assert "quote" in kinds(claim_of(a, c)[0])


def test_a_year_describing_one_thing_meets_a_month_of_that_thing_only() -> None:
    """'a 2016 meeting' / 'a June 2016 meeting' is one meeting dated more finely (a difference);
    'the 2016 election' beside 'the June 2016 meeting' dates two things: the year is no date here."""
    a = document("Express", "The harbour questions cover a 2016 meeting with the mayor.")
    b = document("Courier", "The harbour questions cover the June 2016 meeting with the mayor.")
    diff = next(d for d in claim_of(a, b)[0].differences if d.kind == "date")
    assert dict(diff.values) == {"courier": "June 2016", "express": "2016"}
    c = document("Mail", "The harbour questions are part of an inquiry into the 2016 election.")
    diff = next(d for d in claim_of(c, b)[0].differences if d.kind == "date")
    assert dict(diff.values) == {"courier": "June 2016"} and diff.note == "only courier gives it"


def _dates(s: str) -> list[tuple[str, str, str]]:
    return [(s[a:b], label, key) for a, b, label, key in find_dates(s)]


def test_a_year_after_a_possessive_describes_and_does_not_label_the_next_year() -> None:
    """'the mayor's 2020 re-election bid' describes the bid, as 'his 2020 bid' does; and a year
    describing something does not make a later year of the sentence a description ('on Ruiz's
    2000 ticket ... lost the primary in 2006': the second kept the first's label and a key
    'year-modifier:2006' that matched no other outlet's 2006)."""
    assert _dates("The mayor's 2020 re-election bid began.") == [("2020", "year-modifier", "year:2020")]
    assert _dates("She ran on Ruiz's 2000 ticket and lost the primary in 2006.") == [
        ("2000", "year-modifier", "year:2000"),
        ("2006", "year", "year:2006"),
    ]
    assert _dates("The pier closed in 2020.") == [("2020", "year", "year:2020")]


def test_an_age_beside_a_name_is_no_figure_one_outlet_adds() -> None:
    """'<Name>, 47, said ...', 'elected at the age of 30': who speaks, not a figure of the claim.
    An age inside the telling ('a 14-year-old girl') and a figure of the fact still count."""
    plain = document("Courier", "Ana Ruiz said the harbour levy would pass.")
    for text in (
        "Ana Ruiz, 47, said the harbour levy would pass.",
        "Ana Ruiz, elected at the age of 30, said the harbour levy would pass.",
    ):
        assert "number" not in kinds(claim_of(document("Express", text), plain)[0])
    a = document("Express", "A 14-year-old girl said the harbour levy would pass.")
    b = document("Courier", "A girl said the harbour levy would pass.")
    assert "number" in kinds(claim_of(a, b)[0])
    c = document("Express", "Ana Ruiz, 47, said the harbour levy would pass, raising 40 percent more.")
    assert "number" in kinds(claim_of(c, plain)[0])


def test_a_side_of_a_city_or_a_room_is_a_place() -> None:
    """'the South Side of <City>', 'the Upper East Side', 'the East Room': places, not people."""
    found = dict((n[0], n[1]) for n in _names("He grew up on the South Side of Harbourton in a flat."))
    assert found["South Side"] == "place"
    found = dict((n[0], n[1]) for n in _names("They met in the East Room of the palace on Monday."))
    assert found["East Room"] == "place"
