"""Round eleven: "only in one outlet" and quotations continued across sentences.

A sentence that sits inside the same quotation as a neighbour of its article (Sentence.quotations
share an index) continues what that neighbour relays. When the neighbour is in a claim or a
possible match, ``quote_continuations`` makes the continuation a possible match with the
neighbour's partners, instead of listing it as only in one outlet. Measured on leave-one-event-out
probabilities of the shipped recipe at the shipped claim setting (17 gold events):

    PYTHONPATH=$PWD .venv/bin/python bench/align_quotes.py gold    # listed, in a gold claim, per folder
    PYTHONPATH=$PWD .venv/bin/python bench/align_quotes.py read    # ~20 corpus events outside gold,
                                                                   # seed 23: what the rule moves

``read`` prints corpus sentences to the terminal only (never stored): each moved sentence, the
neighbour it continues and its best candidates in the other outlets, for a reader to judge whether
another outlet carries it.
"""

from __future__ import annotations

import json
import pickle
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import align as bench  # noqa: E402

from compare.align import claims as align_mod  # noqa: E402

LOEO = Path("/tmp/align5-r11/loeo.pkl")


def quote_continuations(documents, links, claims, possible, chain: bool = True, same_paragraph=False):
    """Possible matches for the sentences in no claim and no possible match that share a quotation
    with a neighbour that is (the neighbour's partners, best link first)."""
    ids = [d.article.id for d in documents]
    prob = links.lookup()
    row = {(ids[d], i): k for k, (d, i) in enumerate(links.nodes)}
    partners: dict[tuple[str, int], set] = {}
    for c in claims:
        mem = [(m.article, i) for m in c.members for i in m.sentences]
        for a in mem:
            partners.setdefault(a, set()).update(b for b in mem if b[0] != a[0])
    for m in possible:
        a, b = m.members
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    out = []
    changed = True
    while changed:
        changed = False
        for doc in documents:
            aid = doc.article.id
            for s in doc.sentences:
                key = (aid, s.index)
                if key in partners or not s.quotations:
                    continue
                for step in (-1, 1):
                    j = s.index + step
                    if not 0 <= j < len(doc.sentences):
                        continue
                    n = doc.sentences[j]
                    if (aid, j) not in partners or not set(s.quotations) & set(n.quotations):
                        continue
                    if same_paragraph and n.paragraph != s.paragraph:
                        continue
                    best = max(
                        partners[(aid, j)],
                        key=lambda b: (_p(prob, row, key, b), b),
                    )
                    out.append(((min(key, best), max(key, best)), _p(prob, row, key, best), (aid, j)))
                    partners.setdefault(key, set()).add(best)
                    changed = chain
                    break
    return out


def _p(prob, row, a, b) -> float:
    u, v = row[a], row[b]
    return prob.get((min(u, v), max(u, v)), 0.0)


def loeo(events):
    if LOEO.is_file():
        return pickle.loads(LOEO.read_bytes())
    probs = bench.loeo_probabilities(events)
    LOEO.parent.mkdir(exist_ok=True)
    LOEO.write_bytes(pickle.dumps(probs))
    return probs


def gold_figures(chain: bool = True, same_paragraph: bool = False) -> dict:
    from compare.model import PossibleMatch

    events = [bench.load_event(e, f) for f, e in bench.gold_events()]
    probs = loeo(events)
    setting = bench.shipped_setting()
    out = {}
    for folder in bench.GOLD_FOLDERS:
        row = {"listed": 0, "in_gold": 0, "listed_rule": 0, "in_gold_rule": 0, "moved": 0, "moved_in_gold": 0}
        for ev, L in zip(events, probs, strict=True):
            if ev.folder != folder:
                continue
            claims = bench.claims_at(ev.documents, L, setting)
            possible = align_mod.possible_matches(ev.documents, L, claims, align_mod.POSSIBLE_THRESHOLD)
            n, h = bench.unique_in_gold(ev, claims, possible)
            extra = quote_continuations(ev.documents, L, claims, possible, chain, same_paragraph)
            more = tuple(PossibleMatch(members=m, score=round(p, 3)) for m, p, _ in extra)
            n2, h2 = bench.unique_in_gold(ev, claims, possible + more)
            row["listed"] += n
            row["in_gold"] += h
            row["listed_rule"] += n2
            row["in_gold_rule"] += h2
        row["moved"] = row["listed"] - row["listed_rule"]
        row["moved_in_gold"] = row["in_gold"] - row["in_gold_rule"]
        row["share"] = round(row["in_gold"] / max(1, row["listed"]), 3)
        row["share_rule"] = round(row["in_gold_rule"] / max(1, row["listed_rule"]), 3)
        out[folder] = row
    return out


def read(n_events: int = 20, seed: int = 23) -> None:
    """Print what the rule moves on corpus events outside gold-dev and gold-train (terminal only)."""
    from compare import Options, load_articles
    from compare.pipeline import analyze

    gold = {e for _, e in bench.gold_events()}
    names = sorted(p.name for p in (bench.CORPUS / "events").iterdir() if p.is_dir() and p.name not in gold)
    random.seed(seed)
    picked = random.sample(names, n_events)
    moved = 0
    for name in picked:
        files = sorted((bench.CORPUS / "events" / name).glob("*.txt"))
        arts = load_articles(files)
        outlets = tuple(dict.fromkeys(a.outlet for a in arts))
        docs = tuple(analyze(a, Options(), outlets) for a in arts)
        L = align_mod.pair_probabilities(docs)
        claims = bench.claims_at(docs, L, bench.shipped_setting())
        possible = align_mod.possible_matches(docs, L, claims, align_mod.POSSIBLE_THRESHOLD)
        extra = quote_continuations(docs, L, claims, possible)
        if not extra:
            continue
        ids = [d.article.id for d in docs]
        row = {(ids[d], i): k for k, (d, i) in enumerate(L.nodes)}
        lookup = L.lookup()
        text = {(d.article.id, s.index): s.text for d in docs for s in d.sentences}
        print(f"=== {name}")
        for members, _score, neighbour in extra:
            moved += 1
            s = members[0] if members[0][0] == neighbour[0] else members[1]
            print(f"  MOVED {s}: {text[s]}")
            print(f"    continues {neighbour}: {text[neighbour][:200]}")
            for other in ids:
                if other == s[0]:
                    continue
                cands = sorted(
                    ((_p(lookup, row, s, (other, i)), i) for (a, i) in text if a == other), reverse=True
                )[:2]
                for pr, i in cands:
                    print(f"    {other}#{i} p={pr:.3f}: {text[(other, i)][:200]}")
    print(f"{moved} sentences moved in {len(picked)} events")


def main(argv=None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    what = args[0] if args else "gold"
    if what == "gold":
        for chain, para in ((True, False), (False, False), (True, True)):
            print(json.dumps({"chain": chain, "same_paragraph": para, **gold_figures(chain, para)}))
    elif what == "read":
        read()
    else:
        raise SystemExit(f"unknown {what}")


if __name__ == "__main__":
    main()
