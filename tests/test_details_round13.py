"""Round 13 of issue 11: a reader's audit of the bundled samples and of corpus reports. Invented
sentences only."""

from __future__ import annotations

from test_details import _names


def _labels(text: str) -> dict[str, str | None]:
    return {n[0]: n[1] for n in _names(text)}


def test_a_name_after_a_word_for_a_ship_is_no_person() -> None:
    """The bundled ferry sample showed its ship as a person: a vessel named anywhere in the
    article after "ferry", "aboard the", "the frigate INS" is a vessel there."""
    text = "The ferry Lora Vance sank on Monday. Crews of the Lora Vance were rescued by Ana Ruiz."
    labels = _labels(text)
    assert labels["Lora Vance"] is None and labels["Ana Ruiz"] == "person"
    assert _labels("A fire aboard the Kit Brenner forced passengers off.")["Kit Brenner"] is None
    assert _labels("One of its two ferries, the Dune Harlow, was hit.")["Dune Harlow"] is None
    # the same name with no ship in the article is still a person
    assert _labels("Crews were rescued by Lora Vance on Monday.")["Lora Vance"] == "person"


def test_lines_newspapers_libraries_roads_and_saints_institutions() -> None:
    """The samples showed "<Name> Lines", "<Name> Central Library", "<Name> Road", "<Name> Wire"
    and "St. <Name>'s Hospital" as people; the corpus "<City> Star" papers too."""
    labels = _labels(
        "Greywater Lines ran the route past Holm Central Library on Fenwick Road, the Ostby Star wrote."
    )
    assert labels["Greywater Lines"] == "organization"
    assert labels["Holm Central Library"] == "organization"
    assert labels["Fenwick Road"] == "place"
    assert labels["Ostby Star"] == "organization"
    assert _labels("The Harwick Wire reported it on Monday.")["Harwick Wire"] == "organization"
    assert _labels("The contract went to Fenwick Marine on Monday.")["Fenwick Marine"] == "organization"
    found = _labels("Three people were taken to St. Alder's Hospital on Monday.")
    assert found == {"St. Alder's Hospital": "organization"}


def test_a_comparative_opening_a_run_is_no_name() -> None:
    """newswcl50: a headline run into its deck, "... allies Less than four hours before ...",
    named "Less"."""
    found = _names("Mayor delays fees on ferries Less than four hours before the vote, Ana Ruiz acted.")
    assert [n[0] for n in found] == ["Ana Ruiz"]
    assert "Less" not in [n[0] for n in _names("Less than an hour later, Ana Ruiz left.")]
    assert "Nearly" not in [n[0] for n in _names("Nearly Ana Ruiz's whole staff left.")]


def test_compound_titles_and_a_chamber_in_its_leaders_title() -> None:
    """Round 12 left: "Executive Director" was split inside an organisation's name, and the chamber
    split off "<Chamber> Majority Leader <Name>"."""
    found = _names("Harbour Trust Executive Director Kit Bell spoke on Monday.")
    assert [(n[0], n[1]) for n in found] == [
        ("Harbour Trust", "organization"),
        ("Executive Director Kit Bell", "person"),
    ]
    found = _names("Senate Majority Leader Ann Voss spoke. The Senate voted on Monday.")
    assert [(n[0], n[1], n[2]) for n in found][0] == ("Senate Majority Leader Ann Voss", "person", "voss")
    assert ("Senate", "organization") in [(n[0], n[1]) for n in found]
    assert ("House Majority PAC", "organization") in [
        (n[0], n[1]) for n in _names("The House Majority PAC paid.")
    ]


def test_a_hedge_inside_one_quotation_and_outside_another_is_no_difference() -> None:
    """Round 12 left: '"the pier may close," <Name> said' against 'the pier may close, <Name>
    said' was one outlet hedging and the other stating it plainly."""
    from test_details import claim_of, document, kinds

    a = document("Express", '"The pier may close in June," Ruiz said on Monday.')
    b = document("Courier", "The pier may close in June, Ruiz said on Monday.")
    assert "hedge" not in kinds(claim_of(a, b)[0])
    c = document("Herald", "The pier will close in June, Ruiz said on Monday.")
    assert "hedge" in kinds(claim_of(a, b, c)[0])  # the third states it plainly
    assert "hedge" in kinds(claim_of(b, c)[0])


def test_a_bare_decimal_takes_the_percent_of_a_figure_after_it() -> None:
    """Round 12 left: "35.72, and, with ..., a combined 45.8 percent" against "35.7 percent"."""
    from compare.quantities import find_quantities

    found = find_quantities("Her harbour tax rate was 35.72, and, with town levies, a combined 45.8 percent.")
    assert [(q.value, q.unit) for q in found] == [(35.72, "%"), (45.8, "%")]
    # a figure with another number or a full stop between keeps no unit
    found = find_quantities("The boat weighed 3.5 tons in 2020 and lost 4 percent.")
    assert (3.5, "%") not in [(q.value, q.unit) for q in found]


def test_a_share_given_to_two_decimals_and_to_one_is_one_figure() -> None:
    """Round 12 left: "35.72" (its "percent" later) against "35.7 percent" read as two figures."""
    from test_details import claim_of, document

    a = document(
        "Express",
        "The couple's harbour tax rate for 2024 was 35.7 percent, and their combined rate was 45.8 percent.",
    )
    b = document("Courier", "Last year, the couple paid a harbour tax rate of 35.7 percent.")
    c = document(
        "Herald",
        "Her 2024 harbour tax rate was 35.72, and, with town levies, was a combined rate of 45.8 percent.",
    )
    claim, _ = claim_of(a, b, c)
    number = next(d for d in claim.differences if d.kind == "number")
    assert "35.7 percent" not in str(number.values) and "45.8 percent" in str(number.values)


def test_a_length_in_years_and_a_span_of_years_are_one_span() -> None:
    """Round 12 left: "eight years" against "from <year> to <year + 7>" was a figure one outlet
    lacks and two dates the other lacks."""
    from test_details import claim_of, document, kinds

    a = document("Express", "The harbour board released eight years of its accounts.")
    b = document("Courier", "The harbour board released its accounts from 2015 to 2022.")
    assert kinds(claim_of(a, b)[0]) == {}
    c = document("Courier", "The harbour board released its accounts from 2019 to 2022.")
    assert "date" in kinds(claim_of(a, c)[0])


def test_a_quoted_exclamation_opening_a_headline_is_part_of_it() -> None:
    """Round 12 left: a headline '"<Word>!" <Name> slams ...' was split after the exclamation."""
    from builders import make_article

    from compare.segment import segment

    doc = segment(make_article("Express", '"Shameful!" Ruiz slams pier vote\n\nThe mayor spoke on Monday.'))
    assert [doc.article.text[s.start : s.end] for s in doc.sentences][0] == '"Shameful!" Ruiz slams pier vote'
    # a sentence after it, with its own full stop, stays apart
    doc = segment(make_article("Express", '"Shameful!" That was the word of the day.'))
    assert len(doc.sentences) == 2
