"""Quality floors for attribution on labeled data (../shared/corpus): raise them when the code
gets better, never lower them quietly.

- gold-dev: relayed-sentence F1 (attributed or hedged vs own) over the 7 labeled events, beside the
  cue-word baseline of ../shared/tools/gold_score.py, and how often the named source matches.
- PolNeAR dev: cue and source span F1, exact and overlapping (bench/polnear.py; test is reported
  only in the README).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import CORPUS_DIR, REPO_ROOT

pytestmark = pytest.mark.corpus

# Floors, a little under the figures measured when they were set (see the README).
# Measured 2026-11-25 (round two) with bench/golddev_attribution.py and bench/polnear.py --split dev.
GOLD_DEV_RELAYED_F1 = 0.92  # measured 0.944 (P 0.959, R 0.929); cue-word baseline 0.84
GOLD_DEV_MARGIN_OVER_BASELINE = 0.08
# Round three raised these two (round two: 0.904 and 0.903, floors 0.88).
GOLD_DEV_SOURCE_RIGHT = 0.89  # measured 0.915 of 281 attributed sentences with a gold source
GOLD_DEV_KIND_RIGHT = 0.89  # measured 0.908
POLNEAR_DEV = {
    ("cue", "overlap"): 0.72,  # measured 0.745 (round one 0.707)
    ("cue", "exact"): 0.63,  # measured 0.659 (round one 0.614)
    ("source", "overlap"): 0.72,  # measured 0.750 (round two 0.749, round one 0.695)
    ("source", "exact"): 0.65,  # measured 0.675 (round two 0.674, round one 0.614)
}
# Ceilings on impossible sources over the 110 events (bench/golddev_attribution.py --scan), with the
# round-three count beside the round-two one: datelines 0 (13), possessives 1 (62), time phrases 0
# (18), unresolved "they" 9 (22), and attributed sources with no kind 73 (136) of 5,799.
EVENT_CEILINGS = {"dateline": 0, "possessive": 3, "time": 2, "they": 12, "kind_none": 90}


def _bench(name: str):
    path = REPO_ROOT / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold_dev() -> dict[str, float]:
    if not (CORPUS_DIR / "gold-dev").is_dir() or not (CORPUS_DIR / "events").is_dir():
        pytest.skip(f"gold-dev corpus absent at {CORPUS_DIR} (needs gold-dev/ and events/)")
    return _bench("golddev_attribution").score(corpus=Path(CORPUS_DIR))


def test_gold_dev_relayed_sentence_f1(gold_dev):
    assert gold_dev["relayed_f1"] >= GOLD_DEV_RELAYED_F1, gold_dev
    assert gold_dev["relayed_f1"] >= gold_dev["cue_baseline_f1"] + GOLD_DEV_MARGIN_OVER_BASELINE, gold_dev


def test_gold_dev_named_source_and_kind(gold_dev):
    assert gold_dev["source_right"] >= GOLD_DEV_SOURCE_RIGHT, gold_dev
    assert gold_dev["kind_right"] >= GOLD_DEV_KIND_RIGHT, gold_dev


def test_polnear_dev_cue_and_source_spans():
    if not (CORPUS_DIR / "polnear" / "dev").is_dir():
        pytest.skip(f"PolNeAR absent at {CORPUS_DIR / 'polnear'}")
    result = _bench("polnear").evaluate("dev")
    for (what, how), floor in POLNEAR_DEV.items():
        assert result[what][how]["f1"] >= floor, (what, how, result[what])


def test_no_impossible_sources_on_the_events():
    if not (CORPUS_DIR / "events").is_dir():
        pytest.skip(f"events corpus absent at {CORPUS_DIR / 'events'}")
    counts = _bench("golddev_attribution").scan(Path(CORPUS_DIR))
    assert counts["attributed"] > 5000, counts
    for what, ceiling in EVENT_CEILINGS.items():
        assert counts[what] <= ceiling, (what, counts)
