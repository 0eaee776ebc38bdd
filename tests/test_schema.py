"""The JSON output follows the shipped JSON Schema (storydiff/1) and the offset contract."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import pytest
from builders import make_article

from compare import compare, load_articles, render
from compare.model import (
    Attribution,
    Claim,
    Comparison,
    Detail,
    Difference,
    Member,
    Provenance,
    ProvenanceEdge,
    Relay,
    Unique,
    Via,
    WordEdit,
)
from compare.segment import segment

SAMPLES = Path(__file__).parents[1] / "samples"


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    text = resources.files("compare").joinpath("schema/storydiff-1.schema.json").read_text("utf-8")
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def check_offsets(data: dict) -> None:
    """What a schema cannot say: every span indexes the article text and sentences match it."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert len(texts) == len(data["articles"]), "article ids must be unique"
    for art in data["articles"]:
        text = art["text"]
        prev_end = 0
        for i, s in enumerate(art["sentences"]):
            assert s["index"] == i
            assert prev_end <= s["start"] < s["end"] <= len(text)
            assert text[s["start"] : s["end"]] == s["text"]
            prev_end = s["end"]
            for d in s["details"]:
                assert s["start"] <= d["start"] <= d["end"] <= s["end"]
                assert text[d["start"] : d["end"]] == d["text"]
            if s["attribution"]:
                assert 0 <= s["attribution"]["start"] <= s["attribution"]["end"] <= len(text)
        for q in art.get("quotations", []):
            assert 0 <= q["start"] < q["end"] <= len(text)
    sentence_counts = {a["id"]: len(a["sentences"]) for a in data["articles"]}
    for c in data["claims"]:
        articles = [m["article"] for m in c["members"]]
        assert len(set(articles)) == len(articles) >= 2
        for m in c["members"]:
            assert all(0 <= k < sentence_counts[m["article"]] for k in m["sentences"])
        for d in c["differences"]:
            assert set(d["values"]) <= set(texts)
            for sp in d.get("spans", []):
                assert 0 <= sp["start"] <= sp["end"] <= len(texts[sp["article"]])
        for e in c.get("edits", []):
            assert 0 <= e["start"] <= e["end"] <= len(texts[e["article"]])


def _events() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_dir()) if SAMPLES.is_dir() else []


@pytest.mark.parametrize("event", _events(), ids=lambda p: p.name)
def test_sample_event_json_follows_schema(event: Path, validator) -> None:
    files = sorted(str(p) for p in event.iterdir() if p.suffix in (".txt", ".md", ".html", ".json", ".jsonl"))
    data = json.loads(render(compare(load_articles(files)), "json"))
    validator.validate(data)
    check_offsets(data)


def test_single_article_json_follows_schema(validator) -> None:
    art = make_article("Harbour Post", "A crane toppled at the docks on Friday.", "Nobody was hurt.")
    data = json.loads(render(compare([art]), "json"))
    validator.validate(data)
    assert data["claims"] == []
    assert [s["text"] for s in data["articles"][0]["sentences"]] == [
        "A crane toppled at the docks on Friday.",
        "Nobody was hurt.",
    ]


def full_comparison() -> Comparison:
    """A comparison that fills every optional field, built by hand so the schema sees them all."""
    a = make_article("Harbour Post", 'About 60 workers left, the union said. "We were scared," one said.')
    b = make_article("Daily Wire", "Dozens of workers walked out, the Harbour Post reports.")
    da, db = segment(a), segment(b)
    num_a = Detail("number", "60", 6, 8, key="60", value=60.0, unit="workers")
    num_b = Detail("number", "Dozens", 0, 6, key="dozens", low=24.0, high=96.0)
    quote = Detail("quote", '"We were scared,"', 39, 56, speaker="one worker", label="direct")
    cue = b.text.index("the Harbour Post reports")
    att = Attribution(
        type="attributed",
        cue="reports",
        start=cue + 17,
        end=cue + 24,
        source="Harbour Post",
        source_kind="outlet",
        quote="indirect",
        via=(Via("Harbour Post", "outlet"),),
        source_start=cue,
        source_end=cue + 16,
    )
    hedge = Attribution(type="hedged", cue="said", start=33, end=37)
    from dataclasses import replace

    da = replace(da, details=((num_a,), (quote,)), attributions=(hedge, None))
    db = replace(db, details=((num_b,),), attributions=(att,))
    claim = Claim(
        id="c1",
        members=(Member("harbour-post", (0,)), Member("daily-wire", (0,))),
        score=0.61234567,
        differences=(
            Difference(
                "number",
                (("harbour-post", "60"), ("daily-wire", "Dozens")),
                True,
                note="60 is outside 24–96",
                spans=(("harbour-post", 6, 8), ("daily-wire", 0, 6)),
            ),
            Difference("attribution", (("harbour-post", "the union said"), ("daily-wire", "reports")), False),
        ),
        edits=(
            WordEdit("daily-wire", "replace", 0, 6, other="About 60"),
            WordEdit("daily-wire", "insert", 17, 28),
        ),
        reference="harbour-post",
        firsthand=("harbour-post",),
        relays=(Relay("daily-wire", "Harbour Post", "outlet", (Via("Harbour Post", "outlet"),)),),
    )
    return Comparison(
        documents=(da, db),
        claims=(claim,),
        unique=(Unique("harbour-post", (1,), (quote,)),),
        provenance=Provenance(
            edges=(ProvenanceEdge("daily-wire", "Harbour Post", "outlet", 1),),
            relayed_share=(("harbour-post", 0.5), ("daily-wire", 1.0)),
        ),
    )


def test_every_optional_field_follows_schema(validator) -> None:
    data = json.loads(render(full_comparison(), "json"))
    validator.validate(data)
    check_offsets(data)
    claim = data["claims"][0]
    assert claim["score"] == 0.6123  # floats are rounded at the boundary
    assert claim["differences"][0]["spans"][1] == {"article": "daily-wire", "start": 0, "end": 6}
    assert data["provenance"]["relayed_share"] == {"harbour-post": 0.5, "daily-wire": 1}
    assert data["articles"][1]["sentences"][0]["attribution"]["via"] == [
        {"source": "Harbour Post", "source_kind": "outlet"}
    ]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update(schema="storydiff/2"),
        lambda d: d["articles"][0].pop("text"),
        lambda d: d["articles"][0]["sentences"][0].update(start=-1),
        lambda d: d["articles"][0]["sentences"][0]["details"][0].update(kind="colour"),
        lambda d: d["articles"][1]["sentences"][0]["attribution"].update(source_kind="rumour"),
        lambda d: d["articles"][1]["sentences"][0]["attribution"].update(type="firsthand"),
        lambda d: d["claims"][0]["members"].pop(),
        lambda d: d["claims"][0]["differences"][0].update(conflict="yes"),
        lambda d: d["claims"][0].update(score=1.5),
        lambda d: d["claims"][0]["edits"][0].update(op="delete"),
        lambda d: d["summary"].pop("claims"),
    ],
    ids=[
        "version",
        "no-text",
        "negative-offset",
        "detail-kind",
        "source-kind",
        "attribution-type",
        "one-member-claim",
        "conflict-type",
        "score-range",
        "edit-op",
        "summary-field",
    ],
)
def test_schema_rejects_broken_output(breakage, validator) -> None:
    data = json.loads(render(full_comparison(), "json"))
    broken = copy.deepcopy(data)
    breakage(broken)
    assert not validator.is_valid(broken)


def test_schema_allows_extra_fields(validator) -> None:
    data = json.loads(render(full_comparison(), "json"))
    data["generator"] = {"name": "storydiff"}
    data["articles"][0]["language"] = "en"
    data["claims"][0]["members"][0]["weight"] = 0.5
    validator.validate(data)


def test_schema_file_ships_in_package() -> None:
    assert resources.files("compare").joinpath("schema/storydiff-1.schema.json").is_file()
