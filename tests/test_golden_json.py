"""Golden JSON for a tiny event of our own (tests/data/tiny-event/).

The snapshot pins the whole contract output. After a deliberate change to any stage, run
``pytest tests/test_golden_json.py --update-golden`` and review the diff of tests/golden/.
"""

from __future__ import annotations

import json
from pathlib import Path

from compare import compare, load_articles, render

REPO = Path(__file__).parents[1]
EVENT = Path("tests") / "data" / "tiny-event"


def tiny_event_json(monkeypatch) -> str:
    # Relative paths, as a user types them, so "source" does not depend on where the repo lives.
    monkeypatch.chdir(REPO)
    files = sorted(str(p) for p in EVENT.iterdir())
    return render(compare(load_articles(files)), "json")


def test_tiny_event_json_matches_golden(golden, monkeypatch) -> None:
    golden("tiny-event.json", tiny_event_json(monkeypatch))


def test_tiny_event_json_is_deterministic_and_order_free(monkeypatch) -> None:
    first = tiny_event_json(monkeypatch)
    assert tiny_event_json(monkeypatch) == first
    reversed_files = sorted((str(p) for p in EVENT.iterdir()), reverse=True)
    again = json.loads(render(compare(load_articles(reversed_files)), "json"))
    data = json.loads(first)
    # Input order decides article order, nothing else: the same claims come out.
    claims = sorted(
        tuple(sorted((m["article"], tuple(m["sentences"])) for m in c["members"])) for c in data["claims"]
    )
    claims_again = sorted(
        tuple(sorted((m["article"], tuple(m["sentences"])) for m in c["members"])) for c in again["claims"]
    )
    assert claims_again == claims


def test_tiny_event_metadata(monkeypatch) -> None:
    data = json.loads(tiny_event_json(monkeypatch))
    arts = {a["id"]: a for a in data["articles"]}
    assert arts["harbour-post"]["published"] == "2024-03-14"
    assert arts["harbour-post"]["url"] == "https://harbourpost.example/tram-fire"
    assert arts["metro-wire"]["source"] == "tests/data/tiny-event/metro-wire.json"
    assert arts["valley-courier"]["title"] == "Tram depot fire halts northern line"
    assert arts["valley-courier"]["sentences"][0]["text"].startswith("A fire at the Eastgate tram depot")


def test_check_golden_compares_writes_and_explains(tmp_path, monkeypatch) -> None:
    import golden_util
    import pytest

    monkeypatch.setattr(golden_util, "GOLDEN_DIR", tmp_path)
    with pytest.raises(AssertionError, match="missing; run pytest --update-golden"):
        golden_util.check_golden("x.json", "{}\n", update=False)
    golden_util.check_golden("x.json", '{\n  "a": 1\n}\n', update=True)
    golden_util.check_golden("x.json", '{\n  "a": 1\n}\n', update=False)
    with pytest.raises(AssertionError, match=r'(?s)differs from golden/x.json.*-  "a": 1\n\+  "a": 2'):
        golden_util.check_golden("x.json", '{\n  "a": 2\n}\n', update=False)
    with pytest.raises(ValueError, match="leaves tests/golden"):
        golden_util.check_golden("../escape.json", "", update=True)
