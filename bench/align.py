"""Alignment bench: gold-dev pair P/R/F1 beside the TF-IDF baseline, MSRP test F1, wall time.

    .venv/bin/python bench/align.py            # figures for the README
    .venv/bin/python bench/align.py fit        # refit the pairwise model, leave-one-event-out
    .venv/bin/python bench/align.py sweep      # sweep the claim-building settings (LOEO): link,
                                               # join_min, join_mean and partner rank
    .venv/bin/python bench/align.py ecb        # the shipped settings and a few others on ECB+

Runs the library directly (load_articles → segment → align), and maps our sentences to the gold
split the way ../shared/tools/gold_score.py does, so its figures match that script's.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Run as a script, this folder comes first on sys.path; keep its other scripts from shadowing
# standard modules (a bench/html.py would hide the stdlib's html from scikit-learn).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
sys.path.insert(0, str(ROOT))

from compare import Options, load_articles  # noqa: E402
from compare import align as align_mod  # noqa: E402
from compare.align.features import EMBEDDING_FEATURE_NAMES, FEATURE_NAMES, pair_features  # noqa: E402
from compare.align.vectorize import sentence_similarities  # noqa: E402
from compare.segment import segment  # noqa: E402


def _gold_score():
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "tools" / "gold_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


GS = _gold_score()

# Regularisation of the pairwise logistic regression. Leave-one-event-out claim-pair F1 on
# gold-dev at the shipped thresholds: C=0.1 0.388, 0.3 0.417, 1 0.417, 3 0.417, 10 0.415;
# scikit-learn's default 1.0 kept.
FIT_C = 1.0


@dataclass
class Event:
    name: str
    documents: tuple
    slugs: tuple[str, ...]
    maps: tuple[dict[int, list[int]], ...]  # per document: our sentence -> gold sentences
    gold: set  # gold pairs ((slug, i), (slug, j))
    features: object = None
    labels: np.ndarray | None = None  # n×n: our pair maps to at least one gold pair


def load_event(name: str, with_gold: bool = True, options: Options | None = None) -> Event:
    meta, _ = GS.load_event(name)
    files = GS.event_files(name)
    articles = load_articles(files)
    documents = tuple(segment(a) for a in articles)
    slugs = tuple(Path(a.source).stem for a in articles)
    maps = tuple(
        GS.map_sentences([(s.start, s.end) for s in doc.sentences], meta["articles"][slug]["sentences"])
        for doc, slug in zip(documents, slugs, strict=True)
    )
    gold = set()
    if with_gold:
        gold = GS.gold_pairs(json.load(open(CORPUS / "gold-dev" / f"{name}.json")))
    ev = Event(name, documents, slugs, maps, gold)
    sims = sentence_similarities([s.text for d in documents for s in d.sentences], options)
    ev.features = pair_features(documents, sims)
    nodes = ev.features.nodes
    n = len(nodes)
    labels = np.zeros((n, n), dtype=bool)
    for u in range(n):
        for v in range(u + 1, n):
            (du, iu), (dv, iv) = nodes[u], nodes[v]
            if du == dv:
                continue
            for gu in maps[du].get(iu, []):
                for gv in maps[dv].get(iv, []):
                    if tuple(sorted(((slugs[du], gu), (slugs[dv], gv)))) in gold:
                        labels[u, v] = labels[v, u] = True
    ev.labels = labels
    return ev


def gold_space_pairs(ev: Event, claims) -> set:
    """Gold-indexed pairs implied by claims (as gold_score.predicted_pairs does)."""
    ids = {d.article.id: k for k, d in enumerate(ev.documents)}
    pairs = set()
    for c in claims:
        members = []
        for m in c.members:
            k = ids[m.article]
            for si in m.sentences:
                members.extend((ev.slugs[k], gi) for gi in ev.maps[k].get(si, []))
        for a, b in itertools.combinations(set(members), 2):
            if a[0] != b[0]:
                pairs.add(tuple(sorted((a, b))))
    return pairs


def prf(pred: set, gold: set) -> dict:
    return GS.prf(pred, gold)


def gold_events() -> list[str]:
    return sorted(f[:-5] for f in os.listdir(CORPUS / "gold-dev") if f.endswith(".json"))


def cross_pairs(ev: Event) -> tuple[np.ndarray, np.ndarray]:
    doc_of = ev.features.doc_of
    iu, iv = np.triu_indices(len(doc_of), 1)
    keep = doc_of[iu] != doc_of[iv]
    return iu[keep], iv[keep]


def design(ev: Event, stage2: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    iu, iv = cross_pairs(ev)
    X = ev.features.planes[:, iu, iv].T
    if stage2 is not None:
        X = np.hstack([X, stage2[:, iu, iv].T])
    return X, ev.labels[iu, iv]


# ------------------------------------------------------------------ figures


def baseline_pairs(name: str) -> set:
    meta, texts = GS.load_event(name)
    return GS.baseline_tfidf(meta, texts)


def figures(events: list[Event], options: Options | None = None) -> dict:
    pred, gold, base = set(), set(), set()
    per_event = {}
    for ev in events:
        claims = align_mod.align(ev.documents, options)
        p = {(ev.name,) + x for x in gold_space_pairs(ev, claims)}
        g = {(ev.name,) + x for x in ev.gold}
        b = {(ev.name,) + x for x in baseline_pairs(ev.name)}
        per_event[ev.name] = prf(p, g)
        pred |= p
        gold |= g
        base |= b
    return {"storydiff": prf(pred, gold), "tfidf-baseline": prf(base, gold), "per_event": per_event}


def msrp_pairs(split: str) -> tuple[list[tuple[str, str]], np.ndarray]:
    path = CORPUS / "msrp" / f"msr_paraphrase_{split}.txt"
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(r[3], r[4]) for r in rows], np.array([int(r[0]) for r in rows])


def msrp_f1(options: Options | None = None) -> dict:
    from compare.align.claims import sentence_pair_score

    out = {}
    train, ytr = msrp_pairs("train")
    test, yte = msrp_pairs("test")
    str_ = np.array([sentence_pair_score(a, b, options) for a, b in train])
    ste = np.array([sentence_pair_score(a, b, options) for a, b in test])
    best_t, best_f = 0.0, -1.0
    for t in np.unique(np.round(str_, 3)):
        f = _f1(str_ >= t, ytr)
        if f > best_f:
            best_t, best_f = float(t), f
    out["threshold_from_train"] = round(best_t, 3)
    out["train_f1"] = round(best_f, 3)
    out["test_f1"] = round(_f1(ste >= best_t, yte), 3)
    out["test_f1_all_positive"] = round(_f1(np.ones_like(yte, dtype=bool), yte), 3)
    out["test_accuracy"] = round(float(((ste >= best_t) == (yte == 1)).mean()), 3)
    return out


def _f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & (y == 1)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def wall_time(options: Options | None = None, event: str = "newswcl50-0", repeats: int = 3) -> dict:
    import subprocess

    files = GS.event_files(event)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        extra = ["--vectors", options.vectors] if options else []
        subprocess.run(
            [sys.executable, "-m", "compare", "compare", *files, *extra, "--format", "json"],
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        times.append(time.perf_counter() - t0)
    lib = []
    from compare import compare

    articles = load_articles(files)
    for _ in range(repeats):
        t0 = time.perf_counter()
        compare(articles, options)
        lib.append(time.perf_counter() - t0)
    return {"event": event, "cli_seconds": round(min(times), 2), "library_seconds": round(min(lib), 2)}


def ecb_subtopics(limit: int | None = None) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    with open(CORPUS / "ecbplus" / "derived" / "ecbplus_docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            groups.setdefault(d["subtopic"], []).append(d)
    out = sorted(groups.items())
    return out[:limit] if limit else out


def ecb_documents(docs: list[dict]):
    """ECB+ documents as segmented Documents: one dataset sentence = one of ours (URL line dropped)."""
    from compare.model import Article, Document, Sentence

    out = []
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        sents = [s for s in d["sentences"] if not (d["doc_id"].endswith("plus") and s["sentence"] == 0)]
        text, spans = "", []
        for s in sents:
            start = len(text)
            text += s["text"] + "\n"
            spans.append((s["sentence"], start, start + len(s["text"])))
        art = Article(id=d["doc_id"], outlet=d["doc_id"], text=text)
        sentences = tuple(Sentence(d["doc_id"], k, a, b, text[a:b], k) for k, (_, a, b) in enumerate(spans))
        dataset_ids = [sid for sid, _, _ in spans]
        out.append((Document(article=art, sentences=sentences), dataset_ids, set(d["annotated_sentences"])))
    return out


def ecb_figures(settings: list[tuple], limit: int | None = None) -> dict:
    """Silver ECB+ sentence links (same gold event chain), scored among the annotated sentences only."""
    links = set()
    with open(CORPUS / "ecbplus" / "derived" / "ecbplus_sentence_links.tsv", encoding="utf-8") as fh:
        for row in list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            links.add(tuple(sorted(((row[1], int(row[2])), (row[3], int(row[4]))))))
    pred = {s: set() for s in settings}
    base, gold = set(), set()
    for _, docs in ecb_subtopics(limit):
        built = ecb_documents(docs)
        documents = tuple(b[0] for b in built)
        annotated = {(b[0].article.id, k) for b in built for k, sid in enumerate(b[1]) if sid in b[2]}
        sid_of = {(b[0].article.id, k): sid for b in built for k, sid in enumerate(b[1])}

        def dataset_pairs(pairs, sid_of=sid_of, annotated=annotated):
            return {
                tuple(sorted(((a[0], sid_of[a]), (b[0], sid_of[b]))))
                for a, b in pairs
                if a in annotated and b in annotated
            }

        ann_ds = {(a, sid_of[(a, k)]) for a, k in annotated}
        gold |= {lk for lk in links if lk[0] in ann_ds and lk[1] in ann_ds}
        probs, nodes = align_mod.pair_probabilities(documents)
        for s in settings:
            link, join_min, join_mean, rank = s
            ranked = probs if rank is None else align_mod.keep_top_partners(probs, nodes, rank)
            claims = align_mod.build_claims(documents, ranked, nodes, link, join_min, join_mean)
            pairs = set()
            for c in claims:
                mem = [(m.article, i) for m in c.members for i in m.sentences]
                pairs |= {(a, b) for a in mem for b in mem if a[0] < b[0]}
            pred[s] |= dataset_pairs(pairs)
        # the plain baseline: mutual-best TF-IDF (scikit-learn defaults) at 0.3, as gold_score.py
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [s.text for doc in documents for s in doc.sentences]
        ids = [(doc.article.id, s.index) for doc in documents for s in doc.sentences]
        m = TfidfVectorizer().fit_transform(texts)
        sim = (m @ m.T).toarray()
        doc_of = np.array([i for i, doc in enumerate(documents) for _ in doc.sentences])
        bpairs = set()
        for da, db in itertools.combinations(range(len(documents)), 2):
            ia, ib = np.where(doc_of == da)[0], np.where(doc_of == db)[0]
            if not len(ia) or not len(ib):
                continue
            block = sim[np.ix_(ia, ib)]
            for r in range(len(ia)):
                c = int(block[r].argmax())
                if block[r, c] >= 0.3 and int(block[:, c].argmax()) == r:
                    bpairs.add((ids[ia[r]], ids[ib[c]]))
        base |= dataset_pairs(bpairs)
    return {"settings": {str(s): prf(p, gold) for s, p in pred.items()}, "tfidf-baseline": prf(base, gold)}


# ------------------------------------------------------------------ fitting


def fit(events: list[Event], C: float = FIT_C):
    """Logistic regression over every cross-article pair of the given events."""
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([design(e)[0] for e in events])
    y = np.concatenate([design(e)[1] for e in events])
    return LogisticRegression(C=C, max_iter=5000).fit(X, y)


def probability_matrix(ev: Event, model) -> np.ndarray:
    n = len(ev.features.nodes)
    iu, iv = cross_pairs(ev)
    p = model.predict_proba(design(ev)[0])[:, 1]
    P = np.zeros((n, n))
    P[iu, iv] = p
    P[iv, iu] = p
    return P


def loeo_probabilities(events: list[Event], C: float = FIT_C) -> list[np.ndarray]:
    """Each event's pair probabilities from a model fitted on the other events."""
    return [probability_matrix(ev, fit([e for e in events if e is not ev], C)) for ev in events]


def claim_pairs(ev: Event, P: np.ndarray, setting: tuple) -> set:
    """Gold-space pairs of the claims built at (link, join_min, join_mean, partner rank)."""
    link, join_min, join_mean, rank = setting
    if rank is not None:
        P = align_mod.keep_top_partners(P, ev.features.nodes, rank)
    claims = align_mod.build_claims(ev.documents, P, ev.features.nodes, link, join_min, join_mean)
    return {(ev.name,) + x for x in gold_space_pairs(ev, claims)}


GRID = [
    (t, jm, jmean, rank)
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
    for jm in (0.05, 0.1, 0.2)
    for jmean in (0.1, 0.2, 0.3)
    for rank in (None, 2, 3, 4)
    if jm <= t and jm <= jmean
]


def sweep(events: list[Event], probs: list[np.ndarray]) -> dict:
    """Pooled pair F1 for every claim-building setting, and the nested leave-one-out figure."""
    golds = [{(ev.name,) + g for g in ev.gold} for ev in events]
    table = {s: [claim_pairs(ev, P, s) for ev, P in zip(events, probs, strict=True)] for s in GRID}

    def pooled(s, keep):
        pred = set().union(*(table[s][k] for k in keep))
        gold = set().union(*(golds[k] for k in keep))
        return prf(pred, gold)

    everything = range(len(events))
    best = max(GRID, key=lambda s: pooled(s, everything)["f1"])
    nested_pred, chosen = set(), []
    for k in everything:
        others = [j for j in everything if j != k]
        s = max(GRID, key=lambda s: pooled(s, others)["f1"])
        chosen.append(s)
        nested_pred |= table[s][k]
    top = sorted(GRID, key=lambda s: -pooled(s, everything)["f1"])[:8]
    return {
        "best_setting_all_events": best,
        "best_pooled": pooled(best, everything),
        "nested_loeo": prf(nested_pred, set().union(*golds)),
        "settings_chosen_per_fold": chosen,
        "top": [(s, pooled(s, everything)["f1"]) for s in top],
    }


def pairwise_loeo(events: list[Event], probs: list[np.ndarray]) -> dict:
    """Thresholded pairs alone (no claim building), best threshold on the pooled LOEO probabilities."""
    out = {}
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        pred, gold = set(), set()
        for ev, P in zip(events, probs, strict=True):
            iu, iv = cross_pairs(ev)
            keep = P[iu, iv] >= t
            pred |= {(ev.name,) + x for x in _edge_gold_pairs(ev, zip(iu[keep], iv[keep], strict=True))}
            gold |= {(ev.name,) + g for g in ev.gold}
        out[t] = prf(pred, gold)
    return out


def _edge_gold_pairs(ev: Event, edges) -> set:
    nodes = ev.features.nodes
    out = set()
    for u, v in edges:
        (du, iu), (dv, iv) = nodes[u], nodes[v]
        for gu in ev.maps[du].get(iu, []):
            for gv in ev.maps[dv].get(iv, []):
                out.add(tuple(sorted(((ev.slugs[du], gu), (ev.slugs[dv], gv)))))
    return out


def print_constants(model, embeddings: bool) -> None:
    prefix = "EMBEDDING_" if embeddings else "PAIR_"
    names = FEATURE_NAMES + (EMBEDDING_FEATURE_NAMES if embeddings else ())
    print(f"{prefix}INTERCEPT = {model.intercept_[0]:.4f}")
    print(f"{prefix}WEIGHTS = (")
    for name, w in zip(names, model.coef_[0], strict=True):
        print(f"    {w:.4f},  # {name}")
    print(")")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="?", default="figures", choices=["figures", "fit", "sweep", "ecb"])
    ap.add_argument(
        "--embeddings",
        action="store_true",
        help="with sentence embeddings (needs the embeddings extra installed)",
    )
    ap.add_argument("--no-msrp", action="store_true", help="skip the MSRP figure (slow with embeddings)")
    args = ap.parse_args(argv)
    options = Options(vectors="embeddings") if args.embeddings else None
    if args.what == "ecb":
        shipped = (align_mod.LINK_THRESHOLD, align_mod.JOIN_MIN, align_mod.JOIN_MEAN)
        settings = [
            (*shipped, align_mod.PARTNER_RANK),
            (*shipped, None),
            (0.2, 0.05, 0.3, None),
            (0.15, 0.05, 0.3, None),
            (0.3, 0.05, 0.3, None),
        ]
        print(json.dumps(ecb_figures(settings), indent=1))
        return
    t0 = time.perf_counter()
    events = [load_event(e, options=options) for e in gold_events()]
    print(f"loaded {len(events)} events in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    if args.what == "figures":
        out = {"gold_dev": figures(events, options), "time": wall_time(options)}
        if not args.no_msrp:  # one two-sentence comparison per pair: about a minute with TF-IDF
            out["msrp"] = msrp_f1(options)
        print(json.dumps(out, indent=2))
    elif args.what == "fit":
        y = np.concatenate([design(e)[1] for e in events])
        print(f"{len(y)} pairs, {int(y.sum())} positive", file=sys.stderr)
        probs = loeo_probabilities(events)
        print(json.dumps({"pairwise_loeo": pairwise_loeo(events, probs)}, indent=1))
        print_constants(fit(events), args.embeddings)
    elif args.what == "sweep":
        probs = loeo_probabilities(events)
        print(json.dumps(sweep(events, probs), indent=1))


if __name__ == "__main__":
    main()
