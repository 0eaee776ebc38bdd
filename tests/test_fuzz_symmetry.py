"""rapidfuzz's ``token_set_ratio`` is symmetric, which lets the aligner's ``fuzz`` column call it
once per candidate pair (``_overlap_columns``): ``ratio(a, b) / 100`` equals the
``(ratio(a, b) + ratio(b, a)) / 200`` it computed before, to the bit."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

EVENTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "events"
WORDS = st.sampled_from(
    [
        "the",
        "The",
        "police",
        "said",
        "2",
        "2,000",
        "U.S.",
        "“quoted”",
        "don't",
        "Kim",
        "kim",
        "a",
        "-",
        "é",
        "",
    ]
)
TEXT = st.one_of(st.lists(WORDS, max_size=12).map(" ".join), st.text(max_size=40))


def _same(a: str, b: str) -> None:
    ab, ba = fuzz.token_set_ratio(a, b), fuzz.token_set_ratio(b, a)
    assert ab == ba, (a, b)
    assert (ab + ba) / 200.0 == ab / 100.0


@settings(max_examples=2000, deadline=None)
@given(TEXT, TEXT)
def test_token_set_ratio_is_symmetric_on_generated_text(a: str, b: str) -> None:
    _same(a, b)


def test_token_set_ratio_is_symmetric_on_corpus_sentences() -> None:
    if not EVENTS.is_dir():
        pytest.skip(f"corpus not found at {EVENTS}")
    rng = random.Random(15)
    folders = sorted(p for p in EVENTS.iterdir() if p.is_dir())[::7]
    checked = 0
    for folder in folders:
        sentences = [
            s
            for f in sorted(folder.glob("*.txt"))
            for s in re.split(r"(?<=[.!?])\s+", f.read_text(encoding="utf-8"))
            if s.strip()
        ]
        for _ in range(400):
            _same(rng.choice(sentences), rng.choice(sentences))
            checked += 1
    assert checked >= 400
