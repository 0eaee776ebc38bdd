"""The quality gate itself: it refuses to lower a floor quietly, and a changed corpus does not
compare with an old baseline."""

from __future__ import annotations

import json

import quality_gate as gate


def _fake(monkeypatch, tmp_path, value: float) -> None:
    monkeypatch.setattr(gate, "BASELINE", tmp_path / "baseline.json")
    monkeypatch.setitem(gate.GROUPS, "fake", ((), lambda: {"f1": value, "false_alarms": 2}))
    monkeypatch.setitem(gate.LOWER_IS_BETTER, "fake", {"false_alarms"})
    monkeypatch.setattr(gate, "available", lambda group: True)
    gate.measure.cache_clear()


def test_update_raises_floors_and_refuses_to_lower_them(monkeypatch, tmp_path):
    _fake(monkeypatch, tmp_path, 0.60)
    assert gate.update(["fake"], allow_worse=False) == 0
    entry = json.loads(gate.BASELINE.read_text())["groups"]["fake"]
    assert entry["floors"] == {"f1": 0.595} and entry["ceilings"] == {"false_alarms": 2}
    _fake(monkeypatch, tmp_path, 0.50)
    assert gate.problems("fake", gate.measure("fake")) == ["fake: f1 0.5 under its floor 0.595"]
    assert gate.update(["fake"], allow_worse=False) == 1
    assert json.loads(gate.BASELINE.read_text())["groups"]["fake"]["floors"] == {"f1": 0.595}
    assert gate.update(["fake"], allow_worse=True) == 0
    assert json.loads(gate.BASELINE.read_text())["groups"]["fake"]["floors"] == {"f1": 0.495}


def test_a_changed_corpus_does_not_compare(monkeypatch, tmp_path):
    _fake(monkeypatch, tmp_path, 0.60)
    gate.update(["fake"], allow_worse=False)
    data = json.loads(gate.BASELINE.read_text())
    data["groups"]["fake"]["corpus_digest"] = "0" * 64
    gate.BASELINE.write_text(json.dumps(data))
    assert "the corpus changed" in gate.problems("fake", gate.measure("fake"))[0]
