"""--group auto: clustering articles into events by content and date; copies and strays."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from builders import make_article

from compare.batch.grouping import group_articles, pair_scores, parse_date

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"

BRIDGE = [
    (
        "Daily Ledger",
        "The old Kessel bridge over the Arne river closed on Friday after engineers found cracks in two "
        "of its steel girders. The county said the Kessel bridge would stay closed to traffic "
        "for at least six weeks.",
    ),
    (
        "Valley Post",
        "Engineers found cracks in the steel girders of the Kessel bridge, and the county closed the bridge "
        "over the Arne river on Friday. Drivers face a detour of six weeks, county officials said.",
    ),
    (
        "Northern Wire",
        "Cracked girders: the county shut the Kessel bridge across the Arne river to all traffic on Friday, "
        "saying repairs to the steel girders will take six weeks or more.",
    ),
]
BRIDGE_AGAIN = (
    "Harbour Gazette",
    "The Kessel bridge over the Arne river was closed on Friday: county engineers "
    "found cracked steel girders, and the bridge stays shut to traffic for six weeks.",
)
ORCHARD = [
    (
        "Daily Ledger",
        "Hail destroyed most of the apple harvest in the Lindow orchards on Wednesday. Growers in Lindow "
        "said the hailstorm ruined nine in ten apples days before picking.",
    ),
    (
        "Harbour Gazette",
        "A hailstorm tore through the Lindow orchards on Wednesday, and growers say the hail ruined nearly "
        "all of this year's apple harvest just before picking began.",
    ),
]
STRAY = (
    "Coastal Times",
    "The chess club of Marrow Street elected a new treasurer at its annual meeting, "
    "and members voted to buy four new clocks for the winter tournament.",
)


def articles(*pairs, published: str | None = None):
    return [replace(make_article(o, t), id=f"{o}-{k}", published=published) for k, (o, t) in enumerate(pairs)]


def test_two_events_and_a_stray() -> None:
    arts = articles(*BRIDGE, *ORCHARD, STRAY)
    g = group_articles(arts)
    assert g.events == ((0, 1, 2), (3, 4))
    assert g.ungrouped == (5,)
    assert g.duplicates == ()


def test_exact_and_near_copies_count_once() -> None:
    arts = articles(*BRIDGE, *ORCHARD)
    copy = replace(arts[0], id="copy")  # the same text under another name
    # The same words with other punctuation and capitals: a near copy, not an exact one.
    near = replace(arts[3], id="near", text=arts[3].text.replace(". ", "; ").replace("Hail", "HAIL"))
    g = group_articles([*arts, copy, near])
    assert g.duplicates == ((5, 0), (6, 3))
    assert g.events == ((0, 1, 2), (3, 4))


def test_copies_alone_make_no_event() -> None:
    a = articles(STRAY)[0]
    g = group_articles([a, replace(a, id="again")])
    assert (g.events, g.duplicates, g.ungrouped) == ((), ((1, 0),), (0,))


def test_dates_far_apart_split_look_alike_reports() -> None:
    early = articles(*BRIDGE[:2], published="2026-01-10")
    late = [replace(a, id=a.id + "-late", published="2026-09-02") for a in articles(BRIDGE[2], BRIDGE_AGAIN)]
    g = group_articles([*early, *late])
    assert g.events == ((0, 1), (2, 3))
    assert group_articles([*early, *late], max_gap_days=None).events == ((0, 1, 2, 3),)


def test_unknown_dates_do_not_block_grouping() -> None:
    arts = articles(*BRIDGE)
    arts[0] = replace(arts[0], published="2026-01-10T08:00:00Z")
    assert group_articles(arts).events == ((0, 1, 2),)


def test_no_articles_and_one_article() -> None:
    assert group_articles([]).events == ()
    assert group_articles(articles(STRAY)).ungrouped == (0,)


def test_parse_date() -> None:
    assert str(parse_date("2026-03-04T10:00:00+01:00")) == "2026-03-04"
    assert parse_date("March 4") is None
    assert parse_date("2026-02-30") is None
    assert parse_date(None) is None


def test_pair_scores() -> None:
    gold = ["a", "a", "a", "b", "b", "c"]
    assert pair_scores([[0, 1, 2], [3, 4]], gold) == (1.0, 1.0, 1.0)
    p, r, f = pair_scores([[0, 1], [2, 3, 4]], gold)
    assert (p, r) == (pytest.approx(2 / 4), pytest.approx(2 / 4))
    assert pair_scores([], gold) == (0.0, 0.0, 0.0)


@pytest.mark.corpus
def test_real_events_mixed_come_back_apart() -> None:
    """The 110 real events mixed flat: pairwise precision and recall of same-event pairs stay
    at their measured level (P 0.984, R 0.897 with dates; floors a little below)."""
    events = CORPUS / "events"
    if not events.is_dir():
        pytest.skip(f"corpus not found at {events}")
    from compare.load import load_file

    arts, gold = [], []
    for folder in sorted(p for p in events.iterdir() if p.is_dir()):
        meta = json.loads((folder / "meta.json").read_text())["articles"]
        for f in sorted(folder.glob("*.txt")):
            (art,) = load_file(str(f))
            arts.append(replace(art, published=meta.get(f.stem, {}).get("date")))
            gold.append(folder.name)
    g = group_articles(arts)
    p, r, _ = pair_scores(g.events, gold)
    assert p >= 0.97 and r >= 0.88, (p, r)
