"""Quality floors for difference kinds on gold-dev (../shared/corpus), kept in
tests/quality_baseline.json (see tests/quality_gate.py; ``--update details-gold-dev`` raises them).

The figure is bench/details.py's alignment-independent one: each gold claim's members (in the
dataset's own sentence split) go through compare_claim, with the gold attribution labels fed in so
that only the detail extraction and comparison are measured; kinds are scored as gold_score.py
scores them (`other` is not scored). The end-to-end figure depends on the other stages and is
reported in the README.
"""

from __future__ import annotations

import pytest
import quality_gate as gate

pytestmark = pytest.mark.corpus
GROUP = "details-gold-dev"


@pytest.fixture(scope="module")
def figures() -> dict:
    if not gate.available(GROUP):
        pytest.skip(f"needs gold-dev and events under {gate.CORPUS_DIR}")
    return gate.measure(GROUP)


def test_difference_kinds_and_conflicts_reach_their_floors(figures: dict) -> None:
    assert not gate.problems(GROUP, figures), figures


def test_every_scored_kind_is_found_somewhere() -> None:
    if not gate.available(GROUP):
        pytest.skip(f"needs gold-dev and events under {gate.CORPUS_DIR}")
    for kind, counts in gate.bench("details").score("gold", per_claim=False)["per_kind"].items():
        assert counts["found"] > 0, (kind, counts)
