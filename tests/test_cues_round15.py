"""Round fifteen of the cue rules (docs/attribution.md): inflected belief forms, reporting
infinitives after a controlling word, participles after a comma, and nouns no longer read as cues.
Every sentence is written for the tests."""

from __future__ import annotations

import pytest

from compare.attribution.cues import find_relations


def _rels(text: str) -> list[tuple[str, str | None, str]]:
    return [(r.cue, r.source, r.kind) for r in find_relations(text, 0, len(text))]


def _cues(text: str) -> list[str]:
    return [r.cue for r in find_relations(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, want",
    [
        ("The judge ordered that the harbour logs be released.", ("ordered", "The judge", "weak")),
        ("The council balked at the price of the pier.", ("balked at", "The council", "weak")),
        ("Mayor Lee speculated that the ferry would return.", ("speculated", "Mayor Lee", "weak")),
        ("Cruz tried to portray the mayor as weak.", ("tried to portray", "Cruz", "weak")),
        (
            "Voters were slightly more likely to say the plan works.",
            ("were slightly more likely to say", "Voters", "weak"),
        ),
        ("Lee was quick to point out that the pier is new.", ("was quick to point out", "Lee", "weak")),
    ],
)
def test_new_weak_cues(text: str, want: tuple[str, str, str]) -> None:
    assert want in _rels(text)


def test_forms_whose_other_forms_are_nouns_stay_out() -> None:
    assert _cues("The order came late and the chants died down.") == []
    # a controlling word before a verb that is no reporting verb: no cue
    assert _cues("She tried to find a new job in the port.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board report cited no evidence of fraud.",
        "An earlier report in a local paper was wrong.",
        "His late push in the county failed.",
        "After the Paris attacks, the council met again.",
        "The initial Benghazi attack came at night.",
    ],
)
def test_nouns_after_a_determiner_are_no_cues(text: str) -> None:
    assert not any(c.split()[-1] in {"report", "push", "attacks", "attack"} for c in _cues(text))


def test_verbs_after_a_plural_or_an_auxiliary_stay_cues() -> None:
    text = "The port officials report that the pier is safe."
    assert ("report", "The port officials", "speech") in _rels(text)
    assert "could push" in _cues("A strong showing from Lee could push several rivals out.")
    assert "reports" in _cues("“The pier is safe,” the Ledger reports, citing two engineers.")


def test_markup_cut_from_its_bracket_is_no_cue() -> None:
    assert _cues('tweet pic="" author="harbourboard">The pier is open') == []


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "He called the plan a “costly mistake,” adding that the board had erred.",
            ("adding", "He", "speech"),
        ),
        ("The mayor left early, hoping that the vote would wait.", ("hoping", "The mayor", "weak")),
        ("Lee then interjected, calling Diaz's plan “a giveaway.”", ("calling", "Lee", "speech")),
    ],
)
def test_participles_after_a_comma_take_the_subject(text: str, want: tuple[str, str, str]) -> None:
    assert want in _rels(text)


def test_weak_participles_outside_the_list_stay_out() -> None:
    assert not any(c == "offering" for c in _cues("The mayor spoke for an hour, offering few details."))
