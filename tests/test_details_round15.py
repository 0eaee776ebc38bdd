"""Round 15 of issue 11: causes of extra difference kinds read on gold-dev and gold-train, fixed as
general rules. Invented sentences only."""

from __future__ import annotations

from compare.details import find_hedges


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
