"""Alignment quality floors on the real gold events (../shared/corpus/gold-dev and gold-train).

Claim pairs (two sentences of different articles in one claim) are scored as
../shared/tools/gold_score.py scores the CLI and pooled per gold folder. The floors live in
tests/quality_baseline.json (see tests/quality_gate.py): raise them with
``python tests/quality_gate.py --update align-gold-dev align-gold-train``; lowering one needs
``--allow-worse``.
"""

from __future__ import annotations

import pytest
import quality_gate as gate

from compare import compare, load_articles

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("group", ["align-gold-dev", "align-gold-train"])
def test_claim_pairs_reach_their_floors(group: str) -> None:
    if not gate.available(group):
        pytest.skip(f"{group}: needs {gate.GROUPS[group][0]} under {gate.CORPUS_DIR} and {gate.GOLD_SCORE}")
    figures = gate.measure(group)
    assert not gate.problems(group, figures), figures


def test_reversed_input_gives_the_same_pairs_on_a_five_outlet_event() -> None:
    if not gate.available("align-gold-dev"):
        pytest.skip(f"needs the events corpus under {gate.CORPUS_DIR} and {gate.GOLD_SCORE}")
    files = gate.gold_score().event_files("newswcl50-5")

    def pairs(result) -> set:
        out = set()
        for c in result.claims:
            members = [(m.article, i) for m in c.members for i in m.sentences]
            out |= {tuple(sorted((a, b))) for a in members for b in members if a[0] != b[0]}
        return out

    forward = compare(load_articles(files))
    backward = compare(load_articles(list(reversed(files))))
    assert pairs(forward) == pairs(backward)
    assert pairs(forward)
