"""The bundled sample events against their gold files (tests/gold/samples/<event>.json).

Gold names each member sentence by a substring that occurs once in its article, so the gold
survives changes to the sentence splitter: a substring maps to the one sentence of the tool's split
that contains it. Checks, per event:

- loading: every file loads with the expected id, outlet, title, date and URL (strict);
- gold consistency: every substring lies inside exactly one sentence of its article, every claim
  spans two or more articles, and the samples keep the shape they were written to (strict);
- alignment: claim pairs (two sentences of different articles in one claim) reach precision and
  recall floors, set a little below what the pipeline achieves (see ``PAIR_FLOORS``), and do not
  change when the files come in reverse order;
- attribution: the sentences gold lists as relayed carry an attribution with the right type and
  source, and those it lists as the outlet's own carry none.

``python tests/test_samples.py`` prints the figures that the floors are set from.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from compare import compare, load_articles
from compare.model import DIFFERENCE_KINDS, SOURCE_KINDS, Comparison, Document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold" / "samples"
EVENTS = sorted(p.stem for p in GOLD.glob("*.json"))

# Claim-pair precision and recall floors per event. Set from the figures that
# ``python tests/test_samples.py`` printed for the pipeline of 2026-11-25 (measured value in the
# comment), a little below them so that noise from retuning passes but a real regression fails.
# Raise them when the aligner gets better; never lower them quietly.
PAIR_FLOORS: dict[str, tuple[float, float]] = {
    # measured 2026-12-02 after round five's ``rare_shared`` refit (claim setting 0.20 / 0.05 /
    # 0.10 / 3 / reuse 0.25); the second pass of round four (link 0.15, reuse 0.25) in brackets.
    # Three recall floors were lowered deliberately: the refit raises the nested
    # leave-one-event-out F1 on real news (gold-dev 0.447 -> 0.458, gold-train 0.460 -> 0.465) and
    # precision on four samples; the samples' pooled pair F1 is 0.786 (P 0.78 R 0.79) against
    # 0.762 (P 0.69 R 0.86). The pairs lost are packed leads against single details
    # (docs/alignment.md, round five).
    # Round eleven (2026-12-02): aldport's gold gained capital-observer's lead in the claim "Kovac
    # ordered eight patrol ships" (it says so in a subordinate clause), and an "and" before a verb
    # in -ed now splits a clause (a packed lead's "... and halted all sailings"); floors raised to
    # the new figures (round five's in brackets).
    "aldport-patrol-ships": (0.88, 0.82),  # P 0.897 (26/29), R 0.839 [0.793, 0.821]
    "millbrook-library-flood": (0.90, 0.85),  # P 1.000 (19/19), R 0.950 [same]
    "portville-ferry-fire": (0.60, 0.65),  # P 0.615 (32/52), R 0.667 [0.592, 0.604]
    "riverside-baths-vote": (0.90, 0.58),  # P 0.938 (15/16), R 0.600 [same]
    "sallow-bribery-sentence": (0.80, 0.90),  # P 0.826 (57/69), R 0.950 [0.814, 0.950]
}

# Attribution over all sample events: the share of the relayed sentences listed in gold whose type,
# source, source kind and relay chain are all right, and the share of the sentences gold lists as the
# outlet's own that stay unmarked. Gold lists every sentence (issue 10). Measured through compare()
# on 2026-12-02: 93/93 right and 87/87 kept own; every sentence must stay right.
RELAYED_RIGHT_FLOOR = 1.0
OWN_KEPT_FLOOR = 1.0

# What the samples were written to (the brief for samples/): 8-20 sentences in 3-7 paragraphs per
# article, 3-5 articles per event.
SENTENCES_PER_ARTICLE = (8, 20)
PARAGRAPHS_PER_ARTICLE = (3, 7)
ARTICLES_PER_EVENT = (3, 5)

# Words that do not identify a source: "Mr. Reyes" and "Tomas Reyes" are the same source.
_SOURCE_STOPWORDS = frozenset("the a an of mr mrs ms dr gov his her their s our".split())


# ---- helpers -----------------------------------------------------------------------------------


def _fold_spaces(text: str) -> str:
    """Unicode spaces to plain spaces, one for one, so a gold substring matches either spelling."""
    return "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)


@functools.cache
def gold(event: str) -> dict:
    return json.loads((GOLD / f"{event}.json").read_text(encoding="utf-8"))


def event_files(event: str) -> list[Path]:
    return sorted(p for p in (SAMPLES / event).iterdir() if p.is_file() and p.name != "README.md")


@functools.cache
def comparison(event: str) -> Comparison:
    return compare(load_articles(event_files(event)))


@functools.cache
def segmented(event: str) -> Comparison:
    """The event read and split into sentences, without alignment: what the strict checks need."""
    from compare.segment import segment

    return Comparison(documents=tuple(segment(a) for a in load_articles(event_files(event))), claims=())


def locate(doc: Document, substring: str) -> list[int]:
    """Indices of the sentences of ``doc`` that contain ``substring``."""
    needle = _fold_spaces(substring)
    return [s.index for s in doc.sentences if needle in _fold_spaces(s.text)]


def resolve(result: Comparison, article: str, substring: str) -> int:
    """The one sentence of ``article`` that contains ``substring``; fails when there is not exactly one."""
    doc = result.document(article)
    hits = locate(doc, substring)
    assert len(hits) == 1, (
        f"{article}: gold substring {substring!r} is in {len(hits)} sentences of the tool's split, not 1"
    )
    return hits[0]


def gold_pairs(event: str, result: Comparison) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    pairs = set()
    for claim in gold(event)["claims"]:
        members = {(aid, resolve(result, aid, sub)) for aid, subs in claim["members"].items() for sub in subs}
        pairs |= _cross_pairs(members)
    return pairs


def tool_pairs(result: Comparison) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    pairs = set()
    for claim in result.claims:
        pairs |= _cross_pairs({(m.article, i) for m in claim.members for i in m.sentences})
    return pairs


def _cross_pairs(members: set[tuple[str, int]]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    return {tuple(sorted((a, b))) for a, b in itertools.combinations(members, 2) if a[0] != b[0]}  # type: ignore[misc]


def pair_scores(event: str) -> dict[str, float]:
    result = comparison(event)
    want, got = gold_pairs(event, result), tool_pairs(result)
    hit = len(want & got)
    return {
        "precision": hit / len(got) if got else 0.0,
        "recall": hit / len(want) if want else 0.0,
        "gold": len(want),
        "predicted": len(got),
    }


def same_source(expected: str, found: str | None) -> bool:
    """Sources agree when they share a content word: 'Viktor Hale' ~ 'Mr. Hale'."""

    def words(text: str | None) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _SOURCE_STOPWORDS}

    return bool(words(expected) & words(found))


def _all_substrings(event: str) -> list[tuple[str, str, str]]:
    """(where, article id, substring) for every substring the gold file names."""
    g = gold(event)
    out = []
    for n, claim in enumerate(g["claims"]):
        out += [
            (f"claim {n} ({claim['gist']})", aid, sub)
            for aid, subs in claim["members"].items()
            for sub in subs
        ]
    out += [
        ("relayed", aid, entry["contains"])
        for aid, entries in g.get("relayed", {}).items()
        for entry in entries
    ]
    out += [("own", aid, sub) for aid, subs in g.get("own", {}).items() for sub in subs]
    return out


# ---- the set of events -------------------------------------------------------------------------


def test_every_sample_event_has_a_gold_file() -> None:
    folders = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
    assert folders == EVENTS
    assert len(EVENTS) >= 4
    assert (SAMPLES / "README.md").is_file()


def test_samples_mix_every_input_format() -> None:
    suffixes = {p.suffix for event in EVENTS for p in event_files(event)}
    assert suffixes >= {".txt", ".md", ".html", ".json", ".jsonl"}


# ---- loading (strict) --------------------------------------------------------------------------


@pytest.mark.parametrize("event", EVENTS)
def test_articles_load_with_their_metadata(event: str) -> None:
    expected = gold(event)["articles"]
    articles = load_articles(event_files(event))
    assert sorted(a.id for a in articles) == sorted(expected)
    assert ARTICLES_PER_EVENT[0] <= len(articles) <= ARTICLES_PER_EVENT[1]
    for art in articles:
        want = expected[art.id]
        assert re.sub(r":\d+$", "", Path(art.source).name) == want["file"], art.id
        assert art.outlet == want["outlet"], art.id
        assert art.title == want["title"], art.id
        assert art.url == want["url"], art.id
        if want["published"] is None:
            assert art.published is None, art.id
        else:
            assert art.published is not None and art.published.startswith(want["published"]), art.id
        assert "\u00a0" not in art.text, f"{art.id}: no-break space left in the text"


# ---- gold consistency (strict) -----------------------------------------------------------------


@pytest.mark.parametrize("event", EVENTS)
def test_gold_substrings_name_one_sentence_each(event: str) -> None:
    result = segmented(event)
    problems = []
    for where, aid, sub in _all_substrings(event):
        text = _fold_spaces(result.document(aid).article.text)
        count = text.count(_fold_spaces(sub))
        hits = locate(result.document(aid), sub)
        if count != 1 or len(hits) != 1:
            problems.append(f"{where}: {aid}: {sub!r} occurs {count}x in the text, in {len(hits)} sentences")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("event", EVENTS)
def test_gold_file_is_well_formed(event: str) -> None:
    g = gold(event)
    assert g["event"] == event
    ids = set(g["articles"])
    for claim in g["claims"]:
        carried = [aid for aid, subs in claim["members"].items() if subs]
        assert len(carried) >= 2, f"claim carried by fewer than two articles: {claim['gist']}"
        assert set(claim["members"]) <= ids, claim["gist"]
        for diff in claim["differences"]:
            assert diff["kind"] in DIFFERENCE_KINDS and isinstance(diff["conflict"], bool), claim["gist"]
    assert set(g.get("relayed", {})) <= ids and set(g.get("own", {})) <= ids
    for entries in g.get("relayed", {}).values():
        for entry in entries:
            assert entry["type"] in ("attributed", "hedged"), entry
            assert entry["source_kind"] in (*SOURCE_KINDS, None), entry
            assert (entry["source"] is None) == (entry["type"] == "hedged"), entry
    result = segmented(event)
    for aid in ids:
        relayed = {resolve(result, aid, e["contains"]) for e in g.get("relayed", {}).get(aid, [])}
        own = {resolve(result, aid, sub) for sub in g.get("own", {}).get(aid, [])}
        assert not relayed & own, f"{aid}: a sentence is listed both as relayed and as own"


@pytest.mark.parametrize("event", EVENTS)
def test_samples_keep_their_shape(event: str) -> None:
    for doc in segmented(event).documents:
        n_sentences = len(doc.sentences)
        n_paragraphs = len({s.paragraph for s in doc.sentences})
        assert SENTENCES_PER_ARTICLE[0] <= n_sentences <= SENTENCES_PER_ARTICLE[1], (
            doc.article.id,
            n_sentences,
        )
        assert PARAGRAPHS_PER_ARTICLE[0] <= n_paragraphs <= PARAGRAPHS_PER_ARTICLE[1], (
            doc.article.id,
            n_paragraphs,
        )


# ---- alignment (floors) ------------------------------------------------------------------------


@pytest.mark.parametrize("event", EVENTS)
def test_claim_pairs_reach_their_floors(event: str) -> None:
    scores = pair_scores(event)
    precision_floor, recall_floor = PAIR_FLOORS[event]
    assert scores["precision"] >= precision_floor, scores
    assert scores["recall"] >= recall_floor, scores


@pytest.mark.parametrize("event", EVENTS)
def test_claims_do_not_depend_on_the_order_of_the_files(event: str) -> None:
    reordered = compare(load_articles(event_files(event)[::-1]))
    assert tool_pairs(reordered) == tool_pairs(comparison(event))


# ---- attribution -------------------------------------------------------------------------------


def relay_problems(event: str) -> tuple[int, list[str], int, list[str]]:
    """(relayed entries, what is wrong with them, own entries, own sentences marked as relayed)."""
    result = comparison(event)
    g = gold(event)
    relayed, own = [], []
    n_relayed = n_own = 0
    for aid, entries in g.get("relayed", {}).items():
        doc = result.document(aid)
        for entry in entries:
            n_relayed += 1
            att = doc.attributions[resolve(result, aid, entry["contains"])]
            label = f"{event}: {aid}: {entry['contains']!r}"
            wrong = []
            if att is None:
                relayed.append(f"{label}: not marked as relayed")
                continue
            if att.type != entry["type"]:
                wrong.append(f"type {att.type!r}, want {entry['type']!r}")
            if entry["source"] is not None and not same_source(entry["source"], att.source):
                wrong.append(f"source {att.source!r}, want {entry['source']!r}")
            if entry["source_kind"] is not None and att.source_kind != entry["source_kind"]:
                wrong.append(f"source kind {att.source_kind!r}, want {entry['source_kind']!r}")
            for via in entry.get("via", []):
                if not any(same_source(via, v.source) for v in att.via):
                    wrong.append(f"relayed via {[v.source for v in att.via]}, want {via!r}")
            if wrong:
                relayed.append(f"{label}: " + "; ".join(wrong))
    for aid, subs in g.get("own", {}).items():
        doc = result.document(aid)
        for sub in subs:
            n_own += 1
            att = doc.attributions[resolve(result, aid, sub)]
            if att is not None:
                own.append(
                    f"{event}: {aid}: {sub!r}: marked {att.type} ({att.source!r}) but the outlet states it"
                )
    return n_relayed, relayed, n_own, own


@pytest.mark.parametrize("event", EVENTS)
def test_gold_lists_every_sentence_as_relayed_or_own(event: str) -> None:
    """The attribution gold is complete: each sentence of the tool's split is named once, as
    relayed (with its type, source and kind) or as the outlet's own, so every sentence is checked."""
    result, g = comparison(event), gold(event)
    listed = [
        (aid, resolve(result, aid, e["contains"])) for aid, es in g.get("relayed", {}).items() for e in es
    ]
    listed += [(aid, resolve(result, aid, sub)) for aid, subs in g.get("own", {}).items() for sub in subs]
    assert len(listed) == len(set(listed)), f"{event}: a sentence is listed twice"
    missing = [
        f"{d.article.id}#{i}: {s.text!r}"
        for d in result.documents
        for i, s in enumerate(d.sentences)
        if (d.article.id, i) not in set(listed)
    ]
    assert not missing, f"{event}: sentences gold does not list:\n" + "\n".join(missing)


@pytest.mark.parametrize("event", EVENTS)
def test_relayed_sentences_are_marked(event: str) -> None:
    _, relayed, _, _ = relay_problems(event)
    unmarked = [p for p in relayed if p.endswith("not marked as relayed")]
    assert not unmarked, "\n".join(unmarked)


def test_relayed_sentences_carry_the_right_source() -> None:
    totals = [relay_problems(e) for e in EVENTS]
    n_relayed = sum(t[0] for t in totals)
    wrong = [p for t in totals for p in t[1]]
    n_own = sum(t[2] for t in totals)
    false_alarms = [p for t in totals for p in t[3]]
    right_share = 1 - len(wrong) / n_relayed
    own_share = 1 - len(false_alarms) / n_own
    assert right_share >= RELAYED_RIGHT_FLOOR, f"{right_share:.3f} right:\n" + "\n".join(wrong)
    assert own_share >= OWN_KEPT_FLOOR, f"{own_share:.3f} kept own:\n" + "\n".join(false_alarms)


if __name__ == "__main__":  # the figures that PAIR_FLOORS are set from
    for name in EVENTS:
        s = pair_scores(name)
        print(
            f"{name:28s} precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
            f"(gold pairs {s['gold']}, predicted {s['predicted']})"
        )
    totals = [relay_problems(e) for e in EVENTS]
    n_rel, n_own = sum(t[0] for t in totals), sum(t[2] for t in totals)
    wrong, alarms = [p for t in totals for p in t[1]], [p for t in totals for p in t[3]]
    print(f"relayed right {n_rel - len(wrong)}/{n_rel}, own kept {n_own - len(alarms)}/{n_own}")
    print("\n".join(wrong + alarms))
    sys.exit(0)
