"""Aligner cost against text size: time and peak memory of align() for two articles of N sentences.

    .venv/bin/python bench/align_scale.py [N ...]      # default 100 400 1600 3200

Each N runs in a fresh process (peak resident memory is per process). The sentences are generated
(our own words, varied so that TF-IDF has a real vocabulary); the candidate-pair aligner keeps
memory about linear in N, where the old dense one held several n×n arrays (7.8 GB at N = 3,200).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "ferry harbour council budget bridge school tram mayor river fire crew police court judge "
    "station minister election vote storm flood road hospital museum library market port"
).split()


def article(seed: int, n: int):
    from compare.model import Article

    rng = random.Random(seed)
    sentences = []
    for k in range(n):
        a, b, c = rng.sample(WORDS, 3)
        sentences.append(
            f"The {a} near the {b} was {rng.choice(['closed', 'opened', 'moved'])} by the {c} on day {k}."
        )
    return Article(id=f"a{seed}", outlet=f"Outlet {seed}", text=" ".join(sentences))


def one(n: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from compare.align import alignment
    from compare.segment import segment

    docs = [segment(article(s, n)) for s in (1, 2)]
    t0 = time.perf_counter()
    result = alignment(docs)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "sentences_per_article": n,
        "align_seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "claims": len(result.claims),
        "possible": len(result.possible),
    }


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one(int(sys.argv[2]))))
        return
    for n in [int(a) for a in sys.argv[1:]] or [100, 400, 1600, 3200]:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
