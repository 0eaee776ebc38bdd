"""How often our sentence split reproduces the corpus's own split (a sanity figure, not a target).

    .venv/bin/python bench/segment.py [CORPUS_EVENTS_DIR] [--show N]

For every article in ../shared/corpus/events/*/meta.json, each gold body-sentence span counts as
reproduced exactly when one of our sentences has the same start and end, and "near" when one of
ours starts and ends within NEAR_CHARS characters of it. The gold splits come from the source
datasets (BASIL, NewsWCL50) and carry their own quirks: NewsWCL50 text was detokenised, and both
split some quotations differently from us, so 100% is neither expected nor wanted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from compare.load import load_file
from compare.segment import segment

DEFAULT_EVENTS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "events"

# A span within this many characters at both ends counts as "near": room for a stray closing
# quote or bracket that one split keeps and the other leaves out.
NEAR_CHARS = 3


def score_article(text_spans: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(gold spans, reproduced exactly, reproduced within NEAR_CHARS) for one article."""
    ours = set(text_spans)
    exact = sum(1 for g in gold if g in ours)
    near = sum(
        1
        for gs, ge in gold
        if any(abs(gs - s) <= NEAR_CHARS and abs(ge - e) <= NEAR_CHARS for s, e in text_spans)
    )
    return len(gold), exact, near


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", nargs="?", default=str(DEFAULT_EVENTS))
    ap.add_argument("--show", type=int, default=0, help="print this many gold sentences we miss")
    args = ap.parse_args(argv)
    events = Path(args.events)
    if not events.is_dir():
        print(f"no corpus at {events}", file=sys.stderr)
        return 1
    totals: Counter[str] = Counter()
    shown = 0
    for meta_path in sorted(events.glob("*/meta.json")):
        source = "newswcl50" if meta_path.parent.name.startswith("newswcl50") else "basil"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for info in meta["articles"].values():
            (article,) = load_file(str(meta_path.parent / info["file"]))
            doc = segment(article)
            spans = [(s.start, s.end) for s in doc.sentences]
            gold = [tuple(g) for g in info["sentences"]]
            n, exact, near = score_article(spans, gold)
            for key in (source, "all"):
                totals[key, "gold"] += n
                totals[key, "exact"] += exact
                totals[key, "near"] += near
                totals[key, "ours"] += len(spans)
            if shown < args.show:
                ours = set(spans)
                for gs, ge in gold:
                    if (gs, ge) not in ours and shown < args.show:
                        shown += 1
                        print(f"MISS {meta_path.parent.name}/{info['file']}: {article.text[gs:ge]!r}")
    print(f"{'split':<10} {'gold':>6} {'ours':>6} {'exact':>7} {'near':>7}")
    for key in ("basil", "newswcl50", "all"):
        g = totals[key, "gold"]
        if g:
            print(
                f"{key:<10} {g:>6} {totals[key, 'ours']:>6} {totals[key, 'exact'] / g:>7.1%} "
                f"{totals[key, 'near'] / g:>7.1%}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
