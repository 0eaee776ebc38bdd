"""Quality floors for difference kinds on gold-dev and gold-train (../shared/corpus), kept in
tests/quality_baseline.json (see tests/quality_gate.py; ``--update details-gold-dev
details-gold-train`` raises them).

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


@pytest.mark.parametrize("group", [GROUP, "details-gold-train"])
def test_difference_kinds_and_conflicts_reach_their_floors(group: str) -> None:
    if not gate.available(group):
        pytest.skip(f"needs {group} and events under {gate.CORPUS_DIR}")
    figures = gate.measure(group)
    assert not gate.problems(group, figures), figures


def test_every_scored_kind_is_found_somewhere() -> None:
    if not gate.available(GROUP):
        pytest.skip(f"needs gold-dev and events under {gate.CORPUS_DIR}")
    for kind, counts in gate.bench("details").score("gold", per_claim=False)["per_kind"].items():
        assert counts["found"] > 0, (kind, counts)
