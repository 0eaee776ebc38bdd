"""Where the extra difference kinds come from: per category, and what the annotators did instead.

Usage (from the repo root):
    .venv/bin/python bench/details_errors.py [--gold gold-dev|gold-train|both] [--examples N]
    .venv/bin/python bench/details_errors.py --misses [KIND]   # each missed gold kind, to read
    .venv/bin/python bench/details_errors.py --extras [KIND]   # each extra kind, to read
    .venv/bin/python bench/details_errors.py --read 30 --seed 11   # differences on non-gold events

Each difference storydiff finds on a gold claim (the claim's own members, storydiff's attribution,
as `bench/details.py` scores them) is listed (the annotators list a difference of that kind on the
claim) or extra (they list none of that kind there). For the extra ones this says what the
annotators did with the claim instead:
  - "same words, other kind": a gold difference of another kind quotes the shown words (a source's
    name that gold lists as attribution, a figure it lists as `other`);
  - "other only": gold lists only `other` differences on the claim;
  - "nothing": gold lists no difference at all on the claim;
  - "other kinds": gold lists differences of other kinds, none quoting the shown words.
The category is the finder and what its note says (`differences.salience.category`), which is
also the rule that emitted it. Nothing here is fitted; figures are in docs/differences.md (round 7).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from bench.details import KINDS, gold_claims  # noqa: E402
from compare.differences.core import compare_claim  # noqa: E402
from compare.differences.members import document_indexes, gather  # noqa: E402
from compare.differences.salience import category  # noqa: E402
from compare.model import Claim  # noqa: E402


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def instead(diff, gold_differences: list[dict]) -> str:
    """What the annotators listed on the claim instead of ``diff``'s kind."""
    if not gold_differences:
        return "nothing"
    shown = _words(" ".join(v for _, v in diff.values))
    for g in gold_differences:
        if g["kind"] != diff.kind and shown and shown & _words(" ".join(g["values"].values())):
            return "same words, other kind"
    if all(g["kind"] == "other" for g in gold_differences):
        return "other only"
    return "other kinds"


def table(sets: tuple[str, ...]) -> dict[str, Counter]:
    rows: dict[str, Counter] = {}
    index: dict = {}
    for _set, gold, docs, gc, members in gold_claims("tool", sets):
        if gold["event"] not in index:
            index = {gold["event"]: document_indexes(docs)}
        indexes = index[gold["event"]]
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs, indexes)
        views = [gather(m, docs[m.article], indexes[m.article]) for m in members]
        expected = {d["kind"] for d in gc["differences"]}
        for d in claim.differences:
            if d.kind not in KINDS:
                continue
            c = rows.setdefault(category(d, views), Counter())
            if d.kind in expected:
                c["listed"] += 1
            else:
                c["extra"] += 1
                c[instead(d, gc["differences"])] += 1
    return rows


def misses(sets: tuple[str, ...], kind: str | None = None) -> Counter:
    """Print each gold difference kind storydiff misses on a gold claim (terminal only, to read:
    the gold values and the members' sentences, cut short); returns the counts per kind."""
    counts: Counter = Counter()
    for gold_set, gold, docs, gc, members in gold_claims("tool", sets):
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs)
        predicted = {d.kind for d in claim.differences}
        for g in gc["differences"]:
            if g["kind"] not in KINDS or g["kind"] in predicted or (kind and g["kind"] != kind):
                continue
            predicted.add(g["kind"])  # one miss per kind and claim, as the score counts it
            counts[g["kind"]] += 1
            print(f"{gold_set} {gold['event']} #{gc['id']} {g['kind']}: {g['values']} ({g.get('note', '')})")
            for m in members:
                text = " ".join(docs[m.article].sentences[i].text for i in m.sentences)
                print(f"    [{m.article}] {text[:300]}")
            shown = [f"{d.kind}: {d.note}" for d in claim.differences]
            print(f"    storydiff: {shown}")
    return counts


def extras(sets: tuple[str, ...], kind: str | None = None) -> Counter:
    """Print each difference storydiff emits on a gold claim whose kind the annotators do not list
    there (terminal only, to read: the note, the shown values, what gold lists on the claim and the
    members' sentences, cut short); returns the counts per category."""
    counts: Counter = Counter()
    index: dict = {}
    for gold_set, gold, docs, gc, members in gold_claims("tool", sets):
        if gold["event"] not in index:
            index = {gold["event"]: document_indexes(docs)}
        indexes = index[gold["event"]]
        claim = compare_claim(Claim(str(gc["id"]), members, 1.0), docs, indexes)
        views = [gather(m, docs[m.article], indexes[m.article]) for m in members]
        expected = {g["kind"] for g in gc["differences"]}
        for d in claim.differences:
            if d.kind not in KINDS or d.kind in expected or (kind and d.kind != kind):
                continue
            cat = category(d, views)
            counts[cat] += 1
            print(f"{gold_set} {gold['event']} #{gc['id']} {cat}: {d.note} | {dict(d.values)}")
            print(f"    gold: {[(g['kind'], g['values']) for g in gc['differences']]}"[:400])
            for m in members:
                text = " ".join(docs[m.article].sentences[i].text for i in m.sentences)
                print(f"    [{m.article}] {text[:300]}")
    return counts


def read_sample(n: int, seed: int) -> None:
    """Print ``n`` random differences storydiff emits on corpus events outside the gold sets (its own
    split, alignment and attribution), with the members' sentences, to judge by reading whether the
    kind is right (terminal only; nothing is kept)."""
    import random

    from bench.details import CORPUS
    from compare.load import load_file
    from compare.pipeline import compare

    gold = {
        json.loads(p.read_text())["event"]
        for s in ("gold-dev", "gold-train")
        for p in (CORPUS / s).glob("*.json")
    }
    rows = []
    for folder in sorted(p for p in (CORPUS / "events").iterdir() if p.is_dir() and p.name not in gold):
        files = sorted(f for f in folder.iterdir() if f.is_file() and f.name != "meta.json")
        comparison = compare([a for f in files for a in load_file(str(f))])
        by_id = {d.article.id: d for d in comparison.documents}
        for claim in comparison.claims:
            texts = [
                f"[{m.article}] " + " ".join(by_id[m.article].sentences[i].text for i in m.sentences)
                for m in claim.members
            ]
            rows.extend((folder.name, claim.id, d, texts) for d in claim.differences if d.kind in KINDS)
    for event, cid, d, texts in random.Random(seed).sample(rows, n):
        print(f"{event} {cid} {d.kind}: {d.note} | {dict(d.values)}")
        for t in texts:
            print(f"    {t[:260]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="both", help="gold-dev, gold-train or both (each printed)")
    ap.add_argument("--misses", nargs="?", const="all", help="print the missed gold kinds (or one kind)")
    ap.add_argument("--extras", nargs="?", const="all", help="print the extra kinds (or one kind)")
    ap.add_argument("--read", type=int, help="print N random differences on non-gold events, to judge")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if args.read:
        read_sample(args.read, args.seed)
        return
    sets = ("gold-dev", "gold-train") if args.gold == "both" else (args.gold,)
    if args.extras:
        print(extras(sets, None if args.extras == "all" else args.extras))
        return
    if args.misses:
        print(misses(sets, None if args.misses == "all" else args.misses))
        return
    heads = ("listed", "extra", "same words, other kind", "other only", "nothing", "other kinds")
    for gold_set in sets:
        rows = table((gold_set,))
        print(f"{gold_set}: category | " + " | ".join(heads))
        for cat, c in sorted(rows.items(), key=lambda kv: -kv[1]["extra"]):
            print(f"  {cat:26} | " + " | ".join(f"{c[h]:3}" for h in heads))
        total = sum(rows.values(), Counter())
        print(f"  {'all':26} | " + " | ".join(f"{total[h]:3}" for h in heads))


if __name__ == "__main__":
    main()
