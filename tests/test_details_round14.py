"""Round 14 of issue 11: the round-thirteen audit's causes in this area. Invented sentences only."""

from __future__ import annotations

from test_details import _names

from compare.dates import find_dates
from compare.details import find_hedges


def _hedges(s: str) -> list[str]:
    return [k for _, _, k in find_hedges(s, [], [])]


def test_could_in_a_reported_hypothetical_is_the_sources_not_the_outlets() -> None:
    """'<Name> said the rule could cost jobs' is the source's claim, relayed: no hedge of the
    outlet's. The outlet's own 'could' stays a hedge, and so does one inside a trailing tag's
    sentence ('..., could ..., said <Name>': the annotators list it)."""
    assert _hedges("Ana Ruiz said the levy could cost jobs in the valley.") == []
    assert _hedges("The mayor warned that the bridge could close by spring.") == []
    assert _hedges("According to the union, the plan could cost 300 posts.") == []
    assert _hedges("The levy could cost jobs in the valley.") == ["could"]
    assert _hedges("The levy could cost jobs, said Ana Ruiz.") == ["could"]
    assert _hedges("Ana Ruiz said on Monday; the levy could cost jobs.") == ["could"]
    assert _hedges("Of the suggested changes, only the levy could cost jobs.") == ["could"]
    # other modals are left as they were (the annotators list a relayed "may")
    assert _hedges("Ana Ruiz said the levy may cost jobs.") == ["may"]


def _labels(s: str) -> dict[str, str]:
    return {s[a:b]: label for a, b, label, _ in find_dates(s)}


def test_a_year_describing_people_is_no_date() -> None:
    """'several 2020 presidential candidates', 'a crowded 2016 Republican field': the year
    describes the people, as 'the 2016 race' does."""
    assert _labels("It angered several 2020 presidential candidates.") == {"2020": "year-modifier"}
    assert _labels("He joins a crowded 2016 Republican field.") == {"2016": "year-modifier"}
    assert _labels("But 2020 Democrats want the report.") == {"2020": "year-modifier"}
    assert _labels("He attacked his 2016 rival on Monday.")["2016"] == "year-modifier"
    # a year after a preposition is still a date
    assert _labels("In 2020 candidates spent more.") == {"2020": "year"}
    assert _labels("It was built in 2016 by the city.") == {"2016": "year"}


def test_a_lower_case_descriptor_before_an_acronym_keeps_it_out_of_the_name() -> None:
    """'the conservative super PAC <Name> <Name>' named 'PAC <Name> <Name>' (keyed as the other
    outlets' '<Name> <Name>', but shown otherwise)."""
    found = [n[0] for n in _names("The video was posted by the super PAC Harbour Rising on Monday.")]
    assert found == ["Harbour Rising"]
    found = [n[0] for n in _names("He spoke of his PAC Fenwick Forward and its aims.")]
    assert found == ["Fenwick Forward"]
    # an acronym opening an organisation's name stays in it
    found = [n[0] for n in _names("The ads were paid for by Harbour Forward PAC on Monday.")]
    assert found == ["Harbour Forward PAC"]
    assert [n[0] for n in _names("PAC Harbour Rising ads ran on Monday.")] == ["PAC Harbour Rising"]


def test_a_relayed_could_neither_hedges_nor_states_it_plainly() -> None:
    """An outlet's own 'could' against another's relayed one ('<Name> warned the pier could close')
    is no hedge difference: the other outlet does not state it plainly either."""
    from test_details import claim_of, document, kinds

    a = document("Express", "The pier could close in June after the storm damage.")
    b = document("Courier", "Ana Ruiz warned that the pier could close in June after the storm damage.")
    assert "hedge" not in kinds(claim_of(a, b)[0])
    c = document("Herald", "The pier will close in June after the storm damage.")
    assert "hedge" in kinds(claim_of(a, c)[0])  # one states it plainly
    assert "hedge" not in kinds(claim_of(b, c)[0])  # the relayed "could" is no hedge of the outlet
