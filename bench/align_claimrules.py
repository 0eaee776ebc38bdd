"""Round nine: claim-level rules after the claim merge, read as a reader reads claims.

    PYTHONPATH=$PWD .venv/bin/python bench/align_claimrules.py draw          # 40 random claims (seed 9)
    PYTHONPATH=$PWD .venv/bin/python bench/align_claimrules.py sweep         # nested LOEO, small grid
    PYTHONPATH=$PWD .venv/bin/python bench/align_claimrules.py sweep --full  # bench/align.py's GRID
    PYTHONPATH=$PWD .venv/bin/python bench/align_claimrules.py samples       # the five samples' P/R
    PYTHONPATH=$PWD .venv/bin/python bench/align_claimrules.py buckets       # gold precision by claim score

``draw`` prints claims of the corpus events outside gold-dev and gold-train for judging by hand (to
the terminal only: corpus sentences never go into the repository), with each rule's verdict on the
claim (kept as is, changed, dropped). A rule is a tuple:

- ``("min", s)``: drop claims whose score (mean cross-article link) is under s;
- ``("minlead", s)``: the same, only for claims holding an article's first sentence;
- ``("minshared", s)``: the same, only for claims holding a sentence that sits in another claim;
- ``("weak",)``: in a claim of 3+ sentences, drop the member of lowest mean link when it reaches the
  link threshold with only one other member;
- ``("cap", k, strong)``: a sentence in more than k claims stays in its k strongest and in those
  where its mean link reaches ``strong``.

Results are kept in docs/alignment.md (round nine).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align as bench  # noqa: E402

from compare.model import Claim, Member  # noqa: E402

CACHE = Path("/tmp/align5-loeo.pkl")
SEED = 9
RULES = [
    None,
    ("min", 0.22),
    ("min", 0.25),
    ("min", 0.3),
    ("min", 0.35),
    ("minlead", 0.25),
    ("minlead", 0.3),
    ("minshared", 0.25),
    ("minshared", 0.3),
    ("weak",),
    ("cap", 1, 0.5),
    ("cap", 2, 0.35),
    ("cap", 2, 0.5),
    ("cap", 3, 0.5),
]
BANDS = (("a <0.25", 0.25), ("b 0.25-0.3", 0.3), ("c 0.3-0.5", 0.5), ("d >=0.5", 2.0))
# the rules run on bench/align.py's full grid (--full): the ones within 0.005 of the small grid's baseline
FULL_RULES = [None, ("min", 0.22), ("min", 0.25), ("minlead", 0.25), ("cap", 3, 0.5)]
SMALL_GRID = [
    (t, 0.05, jmean, rank, reuse)
    for t in (0.15, 0.2, 0.25, 0.3)
    for jmean in (0.1, 0.2)
    for rank in (3, 4)
    for reuse in (None, 0.25)
]


def _prob(documents, links):
    ids = [d.article.id for d in documents]
    node = {(ids[d], i): k for k, (d, i) in enumerate(links.nodes)}
    prob = links.lookup()

    def p(a, b) -> float:
        u, v = node.get(a), node.get(b)
        if u is None or v is None:
            return 0.0
        return prob.get((u, v) if u < v else (v, u), 0.0)

    return p


def _sents(c: Claim) -> list[tuple[str, int]]:
    return [(m.article, i) for m in c.members for i in m.sentences]


def _mean_link(p, x, sents) -> float:
    others = [y for y in sents if y[0] != x[0]]
    return sum(p(x, y) for y in others) / max(1, len(others))


def _rebuild(c: Claim, sents, p) -> Claim | None:
    by: dict[str, list[int]] = {}
    for a, i in sents:
        by.setdefault(a, []).append(i)
    if len(by) < 2:
        return None
    members = tuple(Member(m.article, tuple(sorted(by[m.article]))) for m in c.members if m.article in by)
    scores = [p(x, y) for x in sents for y in sents if x < y and x[0] != y[0]]
    return Claim(c.id, members, round(sum(scores) / len(scores), 3))


def _drop_weak_member(claims, p, link: float):
    out = []
    for c in claims:
        ss = _sents(c)
        if len(ss) >= 3:
            w = min(ss, key=lambda x: (_mean_link(p, x, ss), x))
            if sum(p(w, y) >= link for y in ss if y[0] != w[0]) <= 1:
                nc = _rebuild(c, [x for x in ss if x != w], p)
                out += [nc] if nc is not None else []
                continue
        out.append(c)
    return tuple(out)


def _cap_sentence(claims, p, k: int, strong: float):
    where: dict[tuple[str, int], list[int]] = {}
    for n, c in enumerate(claims):
        for x in _sents(c):
            where.setdefault(x, []).append(n)
    remove: dict[int, set] = {}
    for x, cs in where.items():
        ranked = sorted(cs, key=lambda n, x=x: -_mean_link(p, x, _sents(claims[n])))
        for n in ranked[k:]:
            if _mean_link(p, x, _sents(claims[n])) < strong:
                remove.setdefault(n, set()).add(x)
    out = []
    for n, c in enumerate(claims):
        nc = _rebuild(c, [x for x in _sents(c) if x not in remove[n]], p) if n in remove else c
        out += [nc] if nc is not None else []
    return tuple(out)


def apply_rule(rule, claims, documents, links, link: float):
    """The claims after ``rule`` (see the module docstring); ``links`` before the rank filter."""
    if rule is None:
        return claims
    kind, *arg = rule
    p = _prob(documents, links)
    if kind == "min":
        return tuple(c for c in claims if c.score >= arg[0])
    if kind == "minlead":
        return tuple(c for c in claims if c.score >= arg[0] or all(i > 0 for _, i in _sents(c)))
    if kind == "minshared":
        seen: dict[tuple[str, int], int] = {}
        for c in claims:
            for x in _sents(c):
                seen[x] = seen.get(x, 0) + 1
        return tuple(c for c in claims if c.score >= arg[0] or all(seen[x] == 1 for x in _sents(c)))
    if kind == "weak":
        return _drop_weak_member(claims, p, link)
    if kind == "cap":
        return _cap_sentence(claims, p, arg[0], arg[1])
    raise ValueError(kind)


def claims_with_rule(documents, links, setting, rule):
    link = setting[0]
    return apply_rule(rule, bench.claims_at(documents, links, setting), documents, links, link)


def loeo():
    if CACHE.is_file():
        return pickle.loads(CACHE.read_bytes())
    events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    out = (events, bench.loeo_probabilities(events))
    CACHE.write_bytes(pickle.dumps(out))
    return out


def sweep(grid, rules) -> dict:
    """Nested LOEO claim-pair F1 per rule: the claim setting (and, in "or none", whether the rule
    applies) chosen on the other 16 events; and the LOEO figure at the shipped setting."""
    events, probs = loeo()
    golds = [{(ev.name,) + g for g in ev.gold} for ev in events]
    table = {}
    for s in grid:
        for k, (ev, L) in enumerate(zip(events, probs, strict=True)):
            base = bench.claims_at(ev.documents, L, s)
            for r in rules:
                c = apply_rule(r, base, ev.documents, L, s[0])
                pairs = {(ev.name,) + x for x in bench.gold_space_pairs(ev, c)}
                table.setdefault(s + (r,), [None] * len(events))[k] = pairs

    def pooled(s, keep):
        pred = set().union(*(table[s][k] for k in keep))
        return bench.prf(pred, set().union(*(golds[k] for k in keep)))

    def per_folder(pred):
        out = {}
        for f in bench.GOLD_FOLDERS:
            keep = [k for k, ev in enumerate(events) if ev.folder == f]
            names = {events[k].name for k in keep}
            out[f] = bench.prf({x for x in pred if x[0] in names}, set().union(*(golds[k] for k in keep)))
        return out

    def nested(candidates):
        pred, chosen = set(), set()
        for k in range(len(events)):
            others = [j for j in range(len(events)) if j != k]
            s = max(candidates, key=lambda s: (pooled(s, others)["f1"], str(s)))
            chosen.add(str(s[-1]))
            pred |= table[s][k]
        return per_folder(pred), sorted(chosen)

    out = {}
    shipped = bench.shipped_setting()
    for r in rules:
        only, _ = nested([s + (r,) for s in grid])
        either, chosen = nested([s + (rr,) for s in grid for rr in {None, r}])
        at = per_folder(set().union(*table[shipped + (r,)])) if shipped + (r,) in table else None
        out[str(r)] = {"rule_always": only, "rule_or_none": either, "chosen": chosen, "shipped_setting": at}
    return out


def samples(rules) -> dict:
    """Claim-pair P/R of the bundled samples at the shipped setting, per rule."""
    sys.path.insert(0, str(bench.ROOT / "tests"))
    import test_samples as ts

    from compare.align import claims as align_mod

    totals = {str(r): [0, 0, 0] for r in rules}
    out = {}
    for ev in ts.EVENTS:
        result = ts.comparison(ev)
        gold = ts.gold_pairs(ev, result)
        links = align_mod.pair_probabilities(result.documents)
        row = {}
        for r in rules:
            claims = claims_with_rule(result.documents, links, bench.shipped_setting(), r)
            pred = set()
            for c in claims:
                pred |= ts._cross_pairs(set(_sents(c)))
            tp = len(pred & gold)
            t = totals[str(r)]
            t[0], t[1], t[2] = t[0] + tp, t[1] + len(pred), t[2] + len(gold)
            row[str(r)] = (round(tp / max(1, len(pred)), 3), round(tp / len(gold), 3))
        out[ev] = row
    out["pooled"] = {}
    for r, (tp, n_pred, n_gold) in totals.items():
        prec, rec = tp / max(1, n_pred), tp / max(1, n_gold)
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        out["pooled"][r] = {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3)}
    return out


def buckets() -> dict:
    """Gold pair precision of the LOEO claims at the shipped setting, by claim score and size."""
    events, probs = loeo()
    rows: dict[str, list[int]] = {}
    for ev, L in zip(events, probs, strict=True):
        for c in bench.claims_at(ev.documents, L, bench.shipped_setting()):
            pairs = bench.gold_space_pairs(ev, [c])
            tp = len(pairs & ev.gold)
            band = next(b for b, top in BANDS if c.score < top)
            size = "2" if len(_sents(c)) == 2 else "3+"
            for key in (f"{ev.folder} score {band}", f"{ev.folder} size {size}"):
                r = rows.setdefault(key, [0, 0, 0])
                r[0], r[1], r[2] = r[0] + 1, r[1] + tp, r[2] + len(pairs)
    return {
        k: {"claims": n, "pairs": m, "pair_precision": round(tp / max(1, m), 3)}
        for k, (n, tp, m) in sorted(rows.items())
    }


def draw(n: int = 40, rules=RULES) -> None:
    """Print ``n`` random claims (seed 9) of the non-gold corpus events, with each rule's verdict."""
    from compare import load_articles
    from compare.align import claims as align_mod
    from compare.pipeline import compare

    gold = {p.stem for f in bench.GOLD_FOLDERS for p in (bench.CORPUS / f).glob("*.json")}
    names = sorted(p.name for p in (bench.CORPUS / "events").iterdir() if p.is_dir() and p.name not in gold)
    every = []
    for name in names:
        files = sorted(str(p) for p in (bench.CORPUS / "events" / name).glob("*.txt"))
        result = compare(load_articles(files))
        every += [(name, result, c) for c in result.claims]
    random.seed(SEED)
    for k in random.sample(range(len(every)), n):
        name, result, c = every[k]
        links = align_mod.pair_probabilities(result.documents)
        verdicts = []
        for r in rules[1:]:
            after = claims_with_rule(result.documents, links, bench.shipped_setting(), r)
            same = [d for d in after if set(_sents(d)) == set(_sents(c))]
            verdicts.append(f"{r}: {'kept' if same else 'changed'}")
        print(f"=== {name} {c.id} score {c.score} | " + "; ".join(verdicts))
        docs = {d.article.id: d for d in result.documents}
        for a, i in _sents(c):
            d = docs[a]
            print(f"  [{d.article.outlet} {i}/{len(d.sentences)}] {d.sentences[i].text}")
    print(f"{len(every)} claims in {len(names)} events", file=sys.stderr)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["draw", "sweep", "samples", "buckets"])
    ap.add_argument("--full", action="store_true", help="bench/align.py's GRID instead of the small one")
    ap.add_argument("-n", type=int, default=40)
    args = ap.parse_args(argv)
    if args.what == "draw":
        draw(args.n)
    elif args.what == "sweep":
        print(json.dumps(sweep(*((bench.GRID, FULL_RULES) if args.full else (SMALL_GRID, RULES))), indent=1))
    elif args.what == "samples":
        print(json.dumps(samples(RULES), indent=1))
    else:
        print(json.dumps(buckets(), indent=1))


if __name__ == "__main__":
    main()
