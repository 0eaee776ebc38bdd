"""Round eleven: a sentence joins a claim late, on its links to all the claim's members.

``build_claims`` lets a sentence join a claim only along a link of LINK_THRESHOLD or more to one
member. A packed lead ("... sent three people to hospital and halted all sailings") links to each
sentence that unpacks one of its facts at 0.07-0.2, under that. The late join adds, after the
claims are built, each sentence of an article the claim does not hold whose links to every member
reach LATE_MIN and whose mean reaches LATE_MEAN, for claims of at least LATE_SIZE members.
Nested leave-one-event-out over the 17 gold events (bench/align.py's full grid, the rule always on):

    PYTHONPATH=$PWD .venv/bin/python bench/align_latejoin.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import align as bench  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # align.py drops this folder
import align_quotes  # noqa: E402

from compare.model import Claim, Member  # noqa: E402


def late_join(documents, links, claims, late_min: float, late_mean: float, late_size: int = 2):
    """Claims with the late joiners added (members keep article order; scores unchanged)."""
    ids = [d.article.id for d in documents]
    prob = links.lookup()
    row = {(ids[d], i): k for k, (d, i) in enumerate(links.nodes)}

    def p(a, b) -> float:
        u, v = row[a], row[b]
        return prob.get((min(u, v), max(u, v)), 0.0)

    out = []
    for c in claims:
        mem = [(m.article, i) for m in c.members for i in m.sentences]
        if len(mem) < late_size:
            out.append(c)
            continue
        held = {a for a, _ in mem}
        add: dict[str, list[int]] = {}
        for doc in documents:
            if doc.article.id in held:
                continue
            best = None
            for s in doc.sentences:
                x = (doc.article.id, s.index)
                ps = [p(x, m) for m in mem]
                if min(ps) >= late_min and sum(ps) / len(ps) >= late_mean:
                    if best is None or sum(ps) > best[0]:
                        best = (sum(ps), s.index)
            if best is not None:
                add[doc.article.id] = [best[1]]
        if add:
            by = {m.article: list(m.sentences) for m in c.members}
            by.update(add)
            members = tuple(Member(article=a, sentences=tuple(by[a])) for a in ids if a in by)
            c = Claim(id=c.id, members=members, score=c.score)
        out.append(c)
    return tuple(out)


def main() -> None:
    events = [bench.load_event(e, f) for f, e in bench.gold_events()]
    probs = align_quotes.loeo(events)
    base_claims_at = bench.claims_at
    options = [None, (0.05, 0.12, 2), (0.05, 0.15, 2), (0.08, 0.12, 2), (0.1, 0.15, 2), (0.05, 0.12, 3)]
    options += [(0.05, 0.15, 3), (0.1, 0.15, 3)]
    for opt in options:
        if opt is None:
            bench.claims_at = base_claims_at
        else:

            def claims_at(documents, links, setting, opt=opt):
                claims = base_claims_at(documents, links, setting)
                return late_join(documents, links, claims, *opt)

            bench.claims_at = claims_at
        res = bench.sweep(events, probs)
        row = {k: res[k]["f1"] for k in ("nested_loeo_gold-dev", "nested_loeo_gold-train")}
        shipped = bench.shipped_setting()
        for folder in bench.GOLD_FOLDERS:
            keep = [k for k, ev in enumerate(events) if ev.folder == folder]
            pred = set().union(*(bench.claim_pairs(events[k], probs[k], shipped) for k in keep))
            gold = set().union(*({(events[k].name,) + g for g in events[k].gold} for k in keep))
            row[f"shipped_{folder}"] = bench.prf(pred, gold)
        print(json.dumps({"late": opt, **row}), flush=True)
    bench.claims_at = base_claims_at


if __name__ == "__main__":
    main()
