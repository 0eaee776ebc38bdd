"""The cue finder's early exit (``_SPECIAL_WORDS``) passes over no cue: with it off, the same
relations come out of example sentences and a slice of the real corpus."""

from __future__ import annotations

import pytest

from compare.attribution import cues
from compare.attribution.cues import find_relations

# Written for this test: each opens one of the special cues.
EXAMPLES = [
    "According to the mayor, the bridge will reopen.",
    "Smith made it clear that he would run.",
    "As Jones put it, the plan is dead.",
    "In a poll released Monday, 40 percent backed the plan.",
    "The senator: “We will not back down.”",
    "An engineer's estimate puts the bill at $180,000.",
    "The committee issued a brief statement on Friday.",
    "She voiced skepticism that the deal would hold.",
    "“Is this legal?” reads one of the queries.",
    "The witness lied, the court heard.",
    "Nothing here is a cue at all.",
]


class _Everything:
    def __contains__(self, word: object) -> bool:
        return True


def _both(text: str) -> tuple[object, object]:
    fast = find_relations(text, 0, len(text))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cues, "_SPECIAL_WORDS", _Everything())
        slow = find_relations(text, 0, len(text))
    return fast, slow


@pytest.mark.parametrize("text", EXAMPLES)
def test_early_exit_keeps_every_cue(text: str) -> None:
    fast, slow = _both(text)
    assert fast == slow


def test_examples_find_special_cues() -> None:
    found = [bool(find_relations(t, 0, len(t))) for t in EXAMPLES]
    assert sum(found) >= 8 and not found[-1]


@pytest.mark.corpus
def test_early_exit_keeps_every_cue_in_the_corpus(corpus_lines) -> None:
    lines = corpus_lines(7)
    for line in lines:
        fast, slow = _both(line)
        assert fast == slow, line[:80]
    assert len(lines) > 500
