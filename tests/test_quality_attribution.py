"""Quality floors for attribution on labeled data (../shared/corpus), kept in
tests/quality_baseline.json (see tests/quality_gate.py; ``--update GROUP`` raises them):

- attribution-gold-dev, attribution-gold-train: relayed-sentence F1 (attributed or hedged vs own)
  over the labeled events, its margin over the cue-word baseline, and how often the named source
  (strict: the gold source's head word is in it, as ../shared/tools/gold_score.py checks) and its
  kind are right;
- attribution-polnear-dev: PolNeAR dev cue and source span F1, exact and overlapping (test is
  reported only in the README);
- attribution-events: ceilings on impossible sources over the 110 events (datelines, possessives,
  time phrases, unresolved "they" and other pronouns, events, one person under two names in one
  event, attributed sources with no kind); the count of sources per kind is reported beside them.
"""

from __future__ import annotations

import pytest
import quality_gate as gate

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(
    "group",
    ["attribution-gold-dev", "attribution-gold-train", "attribution-polnear-dev", "attribution-events"],
)
def test_attribution_reaches_its_floors(group: str) -> None:
    if not gate.available(group):
        pytest.skip(f"{group}: needs {gate.GROUPS[group][0]} under {gate.CORPUS_DIR}")
    figures = gate.measure(group)
    assert not gate.problems(group, figures), figures
    if group == "attribution-events":
        assert figures["attributed"] > 5000, figures
