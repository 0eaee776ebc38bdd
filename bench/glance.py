"""How sure are the claims the glance lists first? For each gold event (gold-dev, gold-train), run
storydiff, take the claims the glance lists as agreed, and count those whose sentence pairs are
mostly gold pairs, among the first 1, 3 and all listed: story order (the glance before issue 21)
against ``glance_order``. Comparisons are cached in /tmp/views-cache. No corpus text is printed.

Run from the repo root: PYTHONPATH=$PWD .venv/bin/python bench/glance.py [--gold DIR ...]"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
from pathlib import Path

from compare import compare, load_articles
from compare.report.glance import STRENGTHS, fragment_claim, glance_order, strength

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
CACHE = Path("/tmp/views-cache")


def comparison(event: str):
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{event}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    files = sorted(str(p) for p in (CORPUS / "events" / event).glob("*.txt"))
    result = compare(load_articles(files))
    path.write_bytes(pickle.dumps(result))
    return result


def gold_pairs(gold) -> set:
    pairs = set()
    for claim in gold["claims"]:
        members = [(s, i) for s, idx in claim["members"].items() for i in idx]
        pairs |= {tuple(sorted(p)) for p in itertools.combinations(members, 2) if p[0][0] != p[1][0]}
    return pairs


def to_gold(result, meta) -> dict:
    """(article id, sentence index) -> gold sentence indices (overlap of half the shorter span)."""
    out = {}
    for d in result.documents:
        spans = meta["articles"][d.article.id]["sentences"]
        for s in d.sentences:
            out[(d.article.id, s.index)] = [
                g
                for g, (a, b) in enumerate(spans)
                if min(s.end, b) - max(s.start, a) >= 0.5 * min(s.end - s.start, b - a) > 0
            ]
    return out


def right(claim, mapping, gold) -> bool:
    members = {(m.article, g) for m in claim.members for i in m.sentences for g in mapping[(m.article, i)]}
    pairs = {tuple(sorted(p)) for p in itertools.combinations(members, 2) if p[0][0] != p[1][0]}
    return bool(pairs) and len(pairs & gold) >= len(pairs) / 2


def agreed(result) -> list:
    n = len(result.documents)
    carried = {c.id: len({m.article for m in c.members}) for c in result.claims}
    most = max(carried.values(), default=0)
    width = n if most == n else most
    return [c for c in result.claims if width >= 2 and carried[c.id] == width]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", nargs="*", default=[str(CORPUS / "gold-dev"), str(CORPUS / "gold-train")])
    args = ap.parse_args()
    for folder in args.gold:
        tally = {how: [0] * 6 for how in ("story", "by_strength", "glance_order")}
        tiers: dict[str, list[int]] = {}
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            gold = json.load(open(os.path.join(folder, name)))
            event = gold["event"]
            meta = json.load(open(CORPUS / "events" / event / "meta.json"))
            result = comparison(event)
            docs = {d.article.id: d for d in result.documents}
            mapping, pairs = to_gold(result, meta), gold_pairs(gold)
            listed = agreed(result)
            for c in listed:
                tier = strength(c.score) + (" fragment" if fragment_claim(c, docs) else "")
                t = tiers.setdefault(tier, [0, 0])
                t[0] += right(c, mapping, pairs)
                t[1] += 1
            tiered = sorted(
                listed, key=lambda c: (STRENGTHS.index(strength(c.score)), fragment_claim(c, docs))
            )
            orders = (
                ("story", listed),
                ("by_strength", tiered),
                ("glance_order", glance_order(listed, docs)),
            )
            for how, order in orders:
                shown = order[:10]
                for k, top in enumerate((shown[:1], shown[:3], shown)):
                    tally[how][2 * k] += sum(right(c, mapping, pairs) for c in top)
                    tally[how][2 * k + 1] += len(top)
        print(Path(folder).name)
        for how, t in tally.items():
            cells = [f"{t[2 * k]}/{t[2 * k + 1]} ({t[2 * k] / max(1, t[2 * k + 1]):.2f})" for k in range(3)]
            print(f"  {how:13s} first 1: {cells[0]}  first 3: {cells[1]}  all listed: {cells[2]}")
        for tier, (r, n) in sorted(tiers.items()):
            print(f"  {tier:18s} right {r}/{n}")


if __name__ == "__main__":
    main()
